<?php
/**
 * CatalogSettings from the stored settings.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog\Runs;

use KiotVietSync\Storage\SyncSettings;
use KiotVietSync\Sync\Catalog\CatalogSettings;

/**
 * Builds the pure rules' CatalogSettings from SyncSettings + the connection's stock branch + WooCommerce's
 * weight unit, with one "now" for the whole step.
 */
final class SettingsBuilder {

	public static function build( SyncSettings $settings, int $branch_id, string $weight_unit, int $now ): CatalogSettings {
		$unit = in_array( $weight_unit, CatalogSettings::WEIGHT_UNITS, true ) ? $weight_unit : 'kg';
		$sale = $settings->get( 'sale_price_book_id' );
		return new CatalogSettings(
			$branch_id,
			SyncSettings::STOCK_ALL_BRANCHES === $settings->get( 'stock_mode' ) ? CatalogSettings::STOCK_ALL_BRANCHES : CatalogSettings::STOCK_BRANCH,
			(int) $settings->get( 'regular_price_book_id' ),
			null === $sale ? null : (int) $sale,
			(bool) $settings->get( 'match_by_sku' ),
			(array) $settings->get( 'locked_fields' ),
			$unit,
			new \DateTimeImmutable( '@' . $now )
		);
	}
}
