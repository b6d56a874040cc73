<?php
/**
 * Shipping zones with flat rates: the part of WooCommerce's shipping the storefront checkout needs.
 * WooCommerce keeps zones in the woocommerce_shipping_zone* tables; the stand-in keeps them in one option.
 * Method settings live where WooCommerce keeps them: `woocommerce_{method}_{instance}_settings`.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * One zone: name, order, locations (country codes) and shipping method instances.
 */
class WC_Shipping_Zone {

	/** Option holding every zone. */
	const OPTION = 'kvs_wc_standin_shipping_zones';

	/** @var int */
	protected $id = 0;

	/** @var array{zone_name: string, zone_order: int, zone_locations: array, shipping_methods: array} */
	protected $data = array(
		'zone_name'        => '',
		'zone_order'       => 0,
		'zone_locations'   => array(),
		'shipping_methods' => array(),
	);

	/**
	 * @param int $zone_id Zone id (0 = new).
	 */
	public function __construct( $zone_id = 0 ) {
		$zones = self::all();
		if ( $zone_id && isset( $zones[ (int) $zone_id ] ) ) {
			$this->id   = (int) $zone_id;
			$this->data = array_merge( $this->data, $zones[ (int) $zone_id ] );
		}
	}

	/** @return array<int, array> */
	public static function all() {
		$zones = get_option( self::OPTION, array() );
		return is_array( $zones ) ? $zones : array();
	}

	/** @return int */
	public function get_id() {
		return $this->id;
	}

	/** @return string */
	public function get_zone_name() {
		return $this->data['zone_name'];
	}

	/** @param string $set Name. */
	public function set_zone_name( $set ) {
		$this->data['zone_name'] = wc_clean( $set );
	}

	/** @param int $set Order. */
	public function set_zone_order( $set ) {
		$this->data['zone_order'] = absint( $set );
	}

	/**
	 * @param string $code Location code (country).
	 * @param string $type Location type (the stand-in matches countries only).
	 */
	public function add_location( $code, $type ) {
		$this->data['zone_locations'][] = array(
			'code' => wc_clean( $code ),
			'type' => wc_clean( $type ),
		);
	}

	/** @return array */
	public function get_zone_locations() {
		return $this->data['zone_locations'];
	}

	/**
	 * @return int Zone id.
	 */
	public function save() {
		$zones = self::all();
		if ( ! $this->id ) {
			$this->id = $zones ? max( array_keys( $zones ) ) + 1 : 1;
		}
		$zones[ $this->id ] = $this->data;
		update_option( self::OPTION, $zones );
		return $this->id;
	}

	/**
	 * Adds a method instance (flat_rate, free_shipping, …) and saves the zone.
	 *
	 * @param string $type Method id.
	 * @return int Instance id.
	 */
	public function add_shipping_method( $type ) {
		$instance = (int) get_option( 'kvs_wc_standin_shipping_instance', 0 ) + 1;
		update_option( 'kvs_wc_standin_shipping_instance', $instance );
		$this->data['shipping_methods'][ $instance ] = wc_clean( $type );
		$this->save();
		return $instance;
	}

	/**
	 * Enabled rates of the zone: instance id, method id, title and cost (from the method's settings).
	 *
	 * @return array<int, array{instance_id: int, method_id: string, title: string, cost: float}>
	 */
	public function get_rates() {
		$rates = array();
		foreach ( $this->data['shipping_methods'] as $instance => $method ) {
			$settings = get_option( 'woocommerce_' . $method . '_' . $instance . '_settings', array() );
			$settings = is_array( $settings ) ? $settings : array();
			if ( isset( $settings['enabled'] ) && 'no' === $settings['enabled'] ) {
				continue;
			}
			$rates[] = array(
				'instance_id' => (int) $instance,
				'method_id'   => $method,
				'title'       => isset( $settings['title'] ) ? (string) $settings['title'] : $method,
				'cost'        => 'free_shipping' === $method ? 0.0 : (float) ( isset( $settings['cost'] ) ? $settings['cost'] : 0 ),
			);
		}
		return $rates;
	}
}
