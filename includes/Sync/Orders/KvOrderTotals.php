<?php
/**
 * KiotViet's order total formula.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

/**
 * total = Σ(quantity × price − line discount) − order discount + Σ surcharge prices (spec §5.8), the formula the
 * simulator uses. Lets the adapter and the tests check a payload before it is sent.
 */
final class KvOrderTotals {

	/**
	 * @param array<string,mixed> $payload POST /orders body.
	 * @return float The total KiotViet will compute ("Khách cần trả").
	 */
	public static function total( array $payload ): float {
		$total = 0.0;
		foreach ( (array) ( $payload['orderDetails'] ?? array() ) as $detail ) {
			$total += (float) ( $detail['quantity'] ?? 0 ) * (float) ( $detail['price'] ?? 0 ) - (float) ( $detail['discount'] ?? 0 );
		}
		$total -= (float) ( $payload['discount'] ?? 0 );
		foreach ( (array) ( $payload['surchages'] ?? array() ) as $surcharge ) {
			$total += (float) ( $surcharge['price'] ?? 0 );
		}
		return round( $total, 4 );
	}
}
