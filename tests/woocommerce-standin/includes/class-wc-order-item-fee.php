<?php
/**
 * Fee line (order_item_type fee), minimal.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Meta: _fee_amount, _tax_class, _tax_status, _line_total, _line_tax, _line_tax_data.
 */
class WC_Order_Item_Fee extends WC_Order_Item {

	/** @var array */
	protected $extra_data = array(
		'tax_class'  => '',
		'tax_status' => 'taxable',
		'amount'     => '',
		'total'      => '',
		'total_tax'  => '',
		'taxes'      => array(
			'total' => array(),
		),
	);

	/** @var string[] */
	protected $internal_meta_keys = array( '_fee_amount', '_tax_class', '_tax_status', '_line_subtotal', '_line_subtotal_tax', '_line_total', '_line_tax', '_line_tax_data' );

	/** @return string */
	public function get_type() {
		return 'fee';
	}

	/** @return array<string, string> */
	protected function meta_key_to_props() {
		return array(
			'_fee_amount'    => 'amount',
			'_tax_class'     => 'tax_class',
			'_tax_status'    => 'tax_status',
			'_line_total'    => 'total',
			'_line_tax'      => 'total_tax',
			'_line_tax_data' => 'taxes',
		);
	}

	public function get_amount( $context = 'view' ) {
		return $this->get_prop( 'amount', $context );
	}

	public function get_tax_class( $context = 'view' ) {
		return $this->get_prop( 'tax_class', $context );
	}

	public function get_tax_status( $context = 'view' ) {
		return $this->get_prop( 'tax_status', $context );
	}

	public function get_total( $context = 'view' ) {
		return $this->get_prop( 'total', $context );
	}

	public function get_total_tax( $context = 'view' ) {
		return $this->get_prop( 'total_tax', $context );
	}

	public function get_taxes( $context = 'view' ) {
		return $this->get_prop( 'taxes', $context );
	}

	public function set_amount( $value ) {
		$this->set_prop( 'amount', wc_format_decimal( $value ) );
	}

	public function set_tax_class( $value ) {
		$this->set_prop( 'tax_class', (string) $value );
	}

	public function set_tax_status( $value ) {
		$this->set_prop( 'tax_status', in_array( $value, array( 'taxable', 'none' ), true ) ? $value : 'taxable' );
	}

	public function set_total( $amount ) {
		$this->set_prop( 'total', wc_format_decimal( $amount ) );
	}

	public function set_total_tax( $amount ) {
		$this->set_prop( 'total_tax', wc_format_decimal( $amount ) );
	}

	public function set_taxes( $raw_tax_data ) {
		$raw_tax_data = maybe_unserialize( $raw_tax_data );
		$tax_data     = array( 'total' => array() );
		if ( ! empty( $raw_tax_data['total'] ) ) {
			$tax_data['total'] = array_map( 'wc_format_decimal', $raw_tax_data['total'] );
		}
		$this->set_prop( 'taxes', $tax_data );
		$this->set_total_tax( array_sum( $tax_data['total'] ) );
	}
}
