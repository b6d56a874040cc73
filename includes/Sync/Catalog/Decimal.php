<?php
/**
 * Plain decimal strings for WooCommerce.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * Formats numbers the way WooCommerce stores prices and weights: '.' separator, no thousands separator,
 * no exponent, no trailing zeros (159000.0 → "159000", 0.25 → "0.25").
 */
final class Decimal {

	public static function format( float $value, int $decimals = 4 ): string {
		$text = number_format( round( $value, $decimals ), $decimals, '.', '' );
		if ( false !== strpos( $text, '.' ) ) {
			$text = rtrim( rtrim( $text, '0' ), '.' );
		}
		return '-0' === $text ? '0' : $text;
	}
}
