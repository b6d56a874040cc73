<?php
/**
 * KiotViet grams to the store's weight unit.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

use InvalidArgumentException;

/**
 * Converts KiotViet weights (grams, the unit of KiotViet's UI) into WooCommerce's `woocommerce_weight_unit`
 * as a decimal string. The official plugin copied grams into a kg field (250 g became 250 kg).
 */
final class WeightConverter {

	/** Grams per unit. */
	private const GRAMS_PER = array(
		'g'   => 1.0,
		'kg'  => 1000.0,
		'lbs' => 453.59237,
		'oz'  => 28.349523125,
	);

	/**
	 * '' (no weight) for a missing, zero or negative weight; otherwise the value rounded to 4 decimals
	 * without trailing zeros, '.' as separator (WooCommerce stores weights as such strings).
	 *
	 * @throws InvalidArgumentException On an unknown unit.
	 */
	public static function from_grams( ?float $grams, string $unit ): string {
		if ( ! isset( self::GRAMS_PER[ $unit ] ) ) {
			throw new InvalidArgumentException( 'Unknown weight unit: ' . $unit );
		}
		if ( null === $grams || ! is_finite( $grams ) || $grams <= 0 ) {
			return '';
		}
		return Decimal::format( $grams / self::GRAMS_PER[ $unit ], 4 );
	}
}
