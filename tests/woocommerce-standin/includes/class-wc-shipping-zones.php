<?php
/**
 * The store's shipping zones (see class-wc-shipping-zone.php).
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * The zones of the store.
 */
class WC_Shipping_Zones {

	/**
	 * Every zone as an array (zone_id, zone_name, zone_order, zone_locations, shipping_methods), by order.
	 *
	 * @return array<int, array>
	 */
	public static function get_zones() {
		$out = array();
		foreach ( WC_Shipping_Zone::all() as $id => $zone ) {
			$out[ $id ] = array_merge( $zone, array( 'id' => $id, 'zone_id' => $id ) );
		}
		uasort(
			$out,
			static function ( $a, $b ) {
				return $a['zone_order'] <=> $b['zone_order'];
			}
		);
		return $out;
	}

	/**
	 * The first zone (by order) whose locations contain the destination country, or null (WooCommerce then uses
	 * "Locations not covered by your other zones", which the stand-in leaves without methods).
	 *
	 * @param array $package Package with destination.country.
	 * @return WC_Shipping_Zone|null
	 */
	public static function get_zone_matching_package( $package ) {
		$country = isset( $package['destination']['country'] ) ? strtoupper( (string) $package['destination']['country'] ) : '';
		foreach ( self::get_zones() as $id => $zone ) {
			foreach ( $zone['zone_locations'] as $location ) {
				if ( 'country' === $location['type'] && $country === $location['code'] ) {
					return new WC_Shipping_Zone( $id );
				}
			}
		}
		return null;
	}
}
