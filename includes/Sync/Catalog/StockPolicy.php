<?php
/**
 * Which WooCommerce stock a KiotViet product gets.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * Stock rule: floor(max(0, onHand − reserved)) at the stock branch, or summed over all branches.
 *
 * "Unknown" (null) is different from 0: when the stock branch is absent from the payload the caller must
 * leave the stored stock unchanged — the official plugin zeroed stock there.
 */
final class StockPolicy {

	/** Whether WooCommerce should manage stock: services (type 3) are not stock-managed. */
	public static function manages_stock( KvProduct $product ): bool {
		return ! $product->is_service();
	}

	/**
	 * The stock quantity to write, or null when it is not managed (services) or not known.
	 *
	 * Derived units ("thùng 24" of "lon"): KiotViet keeps stock in base units (kiotviet-api.md §7.3) and shows
	 * a derived unit as base stock ÷ conversionValue. We therefore derive it from the base-unit product,
	 * floor(base available ÷ conversionValue), and never trust the derived product's own inventories (whose
	 * unit is undocumented — reading base units as boxes would oversell 24×). Without the base product the
	 * quantity is unknown: the caller loads the base by masterUnitId, or leaves the stock unchanged.
	 *
	 * @param KvProduct|null $base_unit The product named by $product->master_unit_id(), when loaded.
	 */
	public static function quantity( KvProduct $product, CatalogSettings $settings, ?KvProduct $base_unit = null ): ?int {
		if ( ! self::manages_stock( $product ) ) {
			return null;
		}
		if ( $product->is_derived_unit() ) {
			if ( null === $base_unit || $base_unit->id() !== $product->master_unit_id() ) {
				return null;
			}
			$base = self::available( $base_unit->inventories(), $settings );
			if ( null === $base ) {
				return null;
			}
			return (int) floor( $base / $product->conversion_value() + 1e-9 );
		}
		$available = self::available( $product->inventories(), $settings );
		return null === $available ? null : (int) floor( $available + 1e-9 );
	}

	/**
	 * Quantity from raw inventory rows, for `stock.update` webhooks and `/productOnHands` deltas.
	 * In all-branches mode the rows must cover every branch (a stock webhook carries one branch only).
	 *
	 * @param array<int, KvInventory>|null $inventories branch id => row.
	 */
	public static function quantity_from_inventories( ?array $inventories, CatalogSettings $settings ): ?int {
		$available = self::available( $inventories, $settings );
		return null === $available ? null : (int) floor( $available + 1e-9 );
	}

	/**
	 * Low-stock threshold from KiotViet's minQuantity (branch mode: that branch; all branches: the sum);
	 * null when unknown or not set (0), so WooCommerce's store-wide threshold applies.
	 */
	public static function low_stock_amount( KvProduct $product, CatalogSettings $settings ): ?int {
		if ( ! self::manages_stock( $product ) || $product->is_derived_unit() ) {
			return null;
		}
		$rows = self::rows( $product->inventories(), $settings );
		if ( null === $rows ) {
			return null;
		}
		$sum = 0.0;
		foreach ( $rows as $row ) {
			$sum += max( 0.0, (float) $row->min_quantity() );
		}
		$amount = (int) floor( $sum + 1e-9 );
		return $amount > 0 ? $amount : null;
	}

	/**
	 * @param array<int, KvInventory>|null $inventories
	 */
	private static function available( ?array $inventories, CatalogSettings $settings ): ?float {
		$rows = self::rows( $inventories, $settings );
		if ( null === $rows ) {
			return null;
		}
		$sum = 0.0;
		foreach ( $rows as $row ) {
			// Per-branch clamp: a branch oversold into negative stock must not eat another branch's stock.
			$sum += $row->available();
		}
		return $sum;
	}

	/**
	 * @param array<int, KvInventory>|null $inventories
	 * @return KvInventory[]|null
	 */
	private static function rows( ?array $inventories, CatalogSettings $settings ): ?array {
		if ( null === $inventories || array() === $inventories ) {
			return null;
		}
		if ( CatalogSettings::STOCK_ALL_BRANCHES === $settings->stock_mode() ) {
			return array_values( $inventories );
		}
		foreach ( $inventories as $row ) {
			if ( $row->branch_id() === $settings->stock_branch_id() ) {
				return array( $row );
			}
		}
		return null;
	}
}
