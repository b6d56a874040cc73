<?php
/**
 * Line item (order_item_type line_item).
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Meta: _product_id, _variation_id, _qty, _tax_class, _line_subtotal, _line_subtotal_tax, _line_total,
 * _line_tax, _line_tax_data; variation attributes as plain meta (pa_color => red).
 */
class WC_Order_Item_Product extends WC_Order_Item {

	/** @var array */
	protected $extra_data = array(
		'product_id'   => 0,
		'variation_id' => 0,
		'quantity'     => 1,
		'tax_class'    => '',
		'subtotal'     => 0,
		'subtotal_tax' => 0,
		'total'        => 0,
		'total_tax'    => 0,
		'taxes'        => array(
			'subtotal' => array(),
			'total'    => array(),
		),
	);

	/** @var string[] */
	protected $internal_meta_keys = array( '_product_id', '_variation_id', '_qty', '_tax_class', '_line_subtotal', '_line_subtotal_tax', '_line_total', '_line_tax', '_line_tax_data' );

	/** @return string */
	public function get_type() {
		return 'line_item';
	}

	/** @return array<string, string> */
	protected function meta_key_to_props() {
		return array(
			'_product_id'        => 'product_id',
			'_variation_id'      => 'variation_id',
			'_qty'               => 'quantity',
			'_tax_class'         => 'tax_class',
			'_line_subtotal'     => 'subtotal',
			'_line_subtotal_tax' => 'subtotal_tax',
			'_line_total'        => 'total',
			'_line_tax'          => 'total_tax',
			'_line_tax_data'     => 'taxes',
		);
	}

	public function get_product_id( $context = 'view' ) {
		return $this->get_prop( 'product_id', $context );
	}

	public function get_variation_id( $context = 'view' ) {
		return $this->get_prop( 'variation_id', $context );
	}

	public function get_quantity( $context = 'view' ) {
		return $this->get_prop( 'quantity', $context );
	}

	public function get_tax_class( $context = 'view' ) {
		return $this->get_prop( 'tax_class', $context );
	}

	public function get_subtotal( $context = 'view' ) {
		return $this->get_prop( 'subtotal', $context );
	}

	public function get_subtotal_tax( $context = 'view' ) {
		return $this->get_prop( 'subtotal_tax', $context );
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

	/** @return WC_Product|false The variation when set, else the product. */
	public function get_product() {
		$product = wc_get_product( $this->get_variation_id() ? $this->get_variation_id() : $this->get_product_id() );
		return apply_filters( 'woocommerce_order_item_product', $product, $this );
	}

	/** @return array Variation attributes stored on the item. */
	public function get_variation_attributes() {
		$attributes = array();
		foreach ( $this->get_meta_data() as $meta ) {
			if ( 0 === strpos( $meta->key, 'pa_' ) || taxonomy_exists( $meta->key ) ) {
				$attributes[ 'attribute_' . $meta->key ] = $meta->value;
			}
		}
		return $attributes;
	}

	public function set_product_id( $value ) {
		if ( $value > 0 && 'product' !== get_post_type( absint( $value ) ) ) {
			$this->error( 'order_item_product_invalid_product_id', 'Invalid product ID' );
		}
		$this->set_prop( 'product_id', absint( $value ) );
	}

	public function set_variation_id( $value ) {
		if ( $value > 0 && 'product_variation' !== get_post_type( $value ) ) {
			$this->error( 'order_item_product_invalid_variation_id', 'Invalid variation ID' );
		}
		$this->set_prop( 'variation_id', absint( $value ) );
	}

	public function set_quantity( $value ) {
		$this->set_prop( 'quantity', wc_stock_amount( $value ) );
	}

	public function set_tax_class( $value ) {
		$this->set_prop( 'tax_class', (string) $value );
	}

	public function set_subtotal( $value ) {
		$value = wc_format_decimal( $value );
		if ( ! is_numeric( $value ) ) {
			$value = 0;
		}
		$this->set_prop( 'subtotal', $value );
	}

	public function set_subtotal_tax( $value ) {
		$this->set_prop( 'subtotal_tax', wc_format_decimal( $value ) );
	}

	public function set_total( $value ) {
		$value = wc_format_decimal( $value );
		if ( ! is_numeric( $value ) ) {
			$value = 0;
		}
		$this->set_prop( 'total', $value );
		// Subtotal cannot be less than total.
		if ( '' === $this->get_subtotal() || $this->get_subtotal() < $this->get_total() ) {
			$this->set_subtotal( $value );
		}
	}

	public function set_total_tax( $value ) {
		$this->set_prop( 'total_tax', wc_format_decimal( $value ) );
	}

	public function set_taxes( $raw_tax_data ) {
		$raw_tax_data = maybe_unserialize( $raw_tax_data );
		$tax_data     = array(
			'total'    => array(),
			'subtotal' => array(),
		);
		if ( ! empty( $raw_tax_data['total'] ) && ! empty( $raw_tax_data['subtotal'] ) ) {
			$tax_data['subtotal'] = array_map( 'wc_format_decimal', $raw_tax_data['subtotal'] );
			$tax_data['total']    = array_map( 'wc_format_decimal', $raw_tax_data['total'] );
		}
		$this->set_prop( 'taxes', $tax_data );
	}

	/**
	 * Variation attributes become item meta without the attribute_ prefix.
	 *
	 * @param array $data Attributes.
	 */
	public function set_variation( $data = array() ) {
		if ( is_array( $data ) ) {
			foreach ( $data as $key => $value ) {
				$this->add_meta_data( str_replace( 'attribute_', '', $key ), $value, true );
			}
		}
	}

	/**
	 * @param WC_Product $product Product or variation.
	 */
	public function set_product( $product ) {
		if ( ! $product instanceof WC_Product ) {
			$this->error( 'order_item_product_invalid_product', 'Invalid product' );
		}
		if ( $product->is_type( 'variation' ) ) {
			$this->set_product_id( $product->get_parent_id() );
			$this->set_variation_id( $product->get_id() );
			$this->set_variation( is_callable( array( $product, 'get_variation_attributes' ) ) ? $product->get_variation_attributes() : array() );
		} else {
			$this->set_product_id( $product->get_id() );
		}
		$this->set_name( $product->get_name() );
		$this->set_tax_class( $product->get_tax_class() );
	}

	/** WooCommerce marks backordered quantities; nothing to do without backorders. */
	public function set_backorder_meta() {
		$product = $this->get_product();
		if ( $product && $product->managing_stock() && 'no' !== $product->get_backorders() && $this->get_quantity() > max( 0, (int) $product->get_stock_quantity() ) ) {
			$this->add_meta_data( 'Backordered', $this->get_quantity() - max( 0, (int) $product->get_stock_quantity() ), true );
		}
	}
}
