<?php
/**
 * WC()->countries: country names (a subset: Vietnam and the countries a Vietnamese shop meets most),
 * states, store base location.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Same method names and return shapes as WooCommerce's WC_Countries.
 */
class WC_Countries {

	/** @var array */
	private $cache = array();

	/**
	 * ->countries and ->states as in WooCommerce.
	 *
	 * @param string $key Property.
	 * @return mixed
	 */
	public function __get( $key ) {
		if ( 'countries' === $key ) {
			return $this->get_countries();
		}
		if ( 'states' === $key ) {
			return $this->get_states();
		}
		return null;
	}

	/**
	 * Code => name, sorted by name (filter woocommerce_countries).
	 *
	 * @return array<string, string>
	 */
	public function get_countries() {
		if ( empty( $this->cache['countries'] ) ) {
			$countries = apply_filters(
				'woocommerce_countries',
				array(
					'AU' => __( 'Australia', 'woocommerce' ),
					'KH' => __( 'Cambodia', 'woocommerce' ),
					'CN' => __( 'China', 'woocommerce' ),
					'FR' => __( 'France', 'woocommerce' ),
					'DE' => __( 'Germany', 'woocommerce' ),
					'HK' => __( 'Hong Kong', 'woocommerce' ),
					'JP' => __( 'Japan', 'woocommerce' ),
					'LA' => __( 'Laos', 'woocommerce' ),
					'MY' => __( 'Malaysia', 'woocommerce' ),
					'SG' => __( 'Singapore', 'woocommerce' ),
					'KR' => __( 'South Korea', 'woocommerce' ),
					'TW' => __( 'Taiwan', 'woocommerce' ),
					'TH' => __( 'Thailand', 'woocommerce' ),
					'GB' => __( 'United Kingdom (UK)', 'woocommerce' ),
					'US' => __( 'United States (US)', 'woocommerce' ),
					'VN' => __( 'Vietnam', 'woocommerce' ),
				)
			);
			asort( $countries );
			$this->cache['countries'] = $countries;
		}
		return $this->cache['countries'];
	}

	/**
	 * States of a country: array() for countries WooCommerce lists without states (Vietnam, Singapore,
	 * South Korea, France); the stand-in has no state lists, so every other country answers false.
	 *
	 * @param string|null $cc Country code.
	 * @return array|false
	 */
	public function get_states( $cc = null ) {
		if ( ! isset( $this->cache['states'] ) ) {
			$this->cache['states'] = apply_filters(
				'woocommerce_states',
				array(
					'VN' => array(),
					'SG' => array(),
					'KR' => array(),
					'FR' => array(),
				)
			);
		}
		if ( null !== $cc ) {
			return isset( $this->cache['states'][ $cc ] ) ? $this->cache['states'][ $cc ] : false;
		}
		return $this->cache['states'];
	}

	/**
	 * @return array{country: string, state: string} From woocommerce_default_country ("VN" or "US:CA").
	 */
	private function base_location() {
		$default = apply_filters( 'woocommerce_get_base_location', get_option( 'woocommerce_default_country', 'US:CA' ) );
		$parts   = explode( ':', (string) $default );
		return array(
			'country' => $parts[0],
			'state'   => isset( $parts[1] ) ? $parts[1] : '',
		);
	}

	/** @return string */
	public function get_base_country() {
		$location = $this->base_location();
		return apply_filters( 'woocommerce_countries_base_country', $location['country'] );
	}

	/** @return string */
	public function get_base_state() {
		$location = $this->base_location();
		return apply_filters( 'woocommerce_countries_base_state', $location['state'] );
	}

	/** @return string */
	public function get_base_city() {
		return apply_filters( 'woocommerce_countries_base_city', get_option( 'woocommerce_store_city', '' ) );
	}

	/** @return string */
	public function get_base_address() {
		return apply_filters( 'woocommerce_countries_base_address', get_option( 'woocommerce_store_address', '' ) );
	}

	/** @return string */
	public function get_base_postcode() {
		return apply_filters( 'woocommerce_countries_base_postcode', get_option( 'woocommerce_store_postcode', '' ) );
	}

	/**
	 * Countries the shop sells to (woocommerce_allowed_countries: all | all_except | specific).
	 *
	 * @return array<string, string>
	 */
	public function get_allowed_countries() {
		$countries = $this->get_countries();
		$mode      = get_option( 'woocommerce_allowed_countries' );
		if ( 'all_except' === $mode ) {
			foreach ( (array) get_option( 'woocommerce_all_except_countries', array() ) as $country ) {
				unset( $countries[ $country ] );
			}
		} elseif ( 'specific' === $mode ) {
			$countries = array_intersect_key( $countries, array_flip( (array) get_option( 'woocommerce_specific_allowed_countries', array() ) ) );
		}
		return apply_filters( 'woocommerce_countries_allowed_countries', $countries );
	}

	/** @return array<string, string> */
	public function get_shipping_countries() {
		if ( 'disabled' === get_option( 'woocommerce_ship_to_countries' ) ) {
			return array();
		}
		return apply_filters( 'woocommerce_countries_shipping_countries', 'all' === get_option( 'woocommerce_ship_to_countries' ) ? $this->get_countries() : $this->get_allowed_countries() );
	}
}
