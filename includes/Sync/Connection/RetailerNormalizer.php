<?php
/**
 * Retailer code normalisation.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Connection;

/**
 * Turns what merchants paste into the "store access address" field into the bare retailer code:
 * "https://Demo.kiotviet.vn/#/dashboard" → "demo".
 */
final class RetailerNormalizer {

	/**
	 * Normalises an input; the result may still be invalid (check is_valid()).
	 *
	 * @param string $input Raw input.
	 */
	public static function normalize( string $input ): string {
		$value = strtolower( trim( $input ) );
		$value = (string) preg_replace( '#^[a-z][a-z0-9+.\-]*://#', '', $value );
		// Drop any path, query or fragment, then credentials and port if someone pasted a full URL.
		$value = (string) preg_replace( '#[/?\#].*$#s', '', $value );
		$at    = strrpos( $value, '@' );
		if ( false !== $at ) {
			$value = substr( $value, $at + 1 );
		}
		$value = (string) preg_replace( '#:\d*$#', '', $value );
		$value = (string) preg_replace( '#^www\.#', '', $value );
		$value = (string) preg_replace( '#\.kiotviet\.vn\.?$#', '', $value );
		return trim( $value );
	}

	/**
	 * Whether a normalised code is acceptable: 1–64 of a-z, 0-9 and hyphen.
	 *
	 * @param string $retailer Normalised code.
	 */
	public static function is_valid( string $retailer ): bool {
		return 1 === preg_match( '/^[a-z0-9-]{1,64}$/', $retailer );
	}
}
