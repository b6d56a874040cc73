<?php
/**
 * VND rounding.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

/**
 * VND has no minor unit: every amount sent to KiotViet is a whole number of đồng.
 */
final class Money {

	/** Rounds half away from zero to whole đồng, after removing float noise (0.1 + 0.2 style). */
	public static function vnd( float $amount ): int {
		return (int) round( round( $amount, 6 ), 0, PHP_ROUND_HALF_UP );
	}
}
