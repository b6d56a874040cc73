<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Catalog;

use KiotVietSync\Sync\Catalog\CatalogSettings;
use KiotVietSync\Sync\Catalog\KvInventory;
use KiotVietSync\Sync\Catalog\KvProduct;
use KiotVietSync\Sync\Catalog\StockPolicy;
use PHPUnit\Framework\TestCase;

/**
 * Stock = floor(max(0, onHand − reserved)) at the branch or over all branches; unknown stays unknown.
 */
final class StockPolicyTest extends TestCase {

	public function test_branch_stock_is_on_hand_minus_reserved(): void {
		$p = KvProduct::from_array( CatalogFixtures::rest_variant_child() );
		self::assertSame( 11, StockPolicy::quantity( $p, CatalogFixtures::settings() ) );
		self::assertSame( 0, StockPolicy::quantity( $p, CatalogFixtures::settings( array( 'stock_branch_id' => CatalogFixtures::BRANCH_THUDUC ) ) ) );
	}

	public function test_fractional_stock_is_floored_and_never_negative(): void {
		$p = KvProduct::from_array( CatalogFixtures::product( 1, 'GAO-KG', 'Gạo ST25', array( 'inventories' => array( array( 'branchId' => 5001, 'onHand' => 12.5, 'reserved' => 0.2 ) ) ) ) );
		self::assertSame( 12, StockPolicy::quantity( $p, CatalogFixtures::settings() ) );
		$oversold = KvProduct::from_array( CatalogFixtures::product( 2, 'SP2', 'X', array( 'inventories' => array( array( 'branchId' => 5001, 'onHand' => 2, 'reserved' => 5 ) ) ) ) );
		self::assertSame( 0, StockPolicy::quantity( $oversold, CatalogFixtures::settings() ) );
		$negative = KvProduct::from_array( CatalogFixtures::product( 3, 'SP3', 'X', array( 'inventories' => array( array( 'branchId' => 5001, 'onHand' => -4, 'reserved' => 0 ) ) ) ) );
		self::assertSame( 0, StockPolicy::quantity( $negative, CatalogFixtures::settings() ) );
	}

	public function test_missing_branch_is_unknown_not_zero(): void {
		$webhook = CatalogFixtures::webhook_variant_child();
		$webhook['Inventories'][0]['BranchId'] = 5009;
		$p = KvProduct::from_array( $webhook );
		self::assertNull( StockPolicy::quantity( $p, CatalogFixtures::settings() ) );

		$no_inventories = KvProduct::from_array( array( 'id' => 9, 'code' => 'SP9', 'name' => 'X' ) );
		self::assertNull( StockPolicy::quantity( $no_inventories, CatalogFixtures::settings() ) );
		self::assertNull( StockPolicy::quantity( $no_inventories, CatalogFixtures::settings( array( 'stock_mode' => 'all_branches' ) ) ) );
	}

	public function test_all_branches_sums_each_branch_clamped_at_zero(): void {
		$p = KvProduct::from_array(
			CatalogFixtures::product(
				1,
				'SP1',
				'X',
				array(
					'inventories' => array(
						array( 'branchId' => 5001, 'onHand' => 14, 'reserved' => 3 ),
						array( 'branchId' => 5002, 'onHand' => 5.5, 'reserved' => 0 ),
						array( 'branchId' => 5003, 'onHand' => -6, 'reserved' => 0 ),
					),
				)
			)
		);
		self::assertSame( 16, StockPolicy::quantity( $p, CatalogFixtures::settings( array( 'stock_mode' => CatalogSettings::STOCK_ALL_BRANCHES ) ) ) );
	}

	public function test_services_are_not_stock_managed(): void {
		$p = KvProduct::from_array( CatalogFixtures::product( 60000001, 'DV-GOIQUA', 'Gói quà', array( 'type' => 3 ) ) );
		self::assertFalse( StockPolicy::manages_stock( $p ) );
		self::assertNull( StockPolicy::quantity( $p, CatalogFixtures::settings() ) );
	}

	public function test_serial_lot_and_combo_goods_use_their_inventories(): void {
		foreach ( array( array( 'isLotSerialControl' => true ), array( 'isBatchExpireControl' => true ), array( 'type' => 1 ) ) as $flags ) {
			$p = KvProduct::from_array( CatalogFixtures::product( 1, 'SP1', 'X', $flags ) );
			self::assertTrue( StockPolicy::manages_stock( $p ) );
			self::assertSame( 10, StockPolicy::quantity( $p, CatalogFixtures::settings() ) );
		}
	}

	public function test_derived_unit_stock_comes_from_the_base_unit(): void {
		list( $can, $case ) = CatalogFixtures::beer_units();
		$can  = KvProduct::from_array( $can );
		$case = KvProduct::from_array( $case );
		$settings = CatalogFixtures::settings();
		self::assertSame( 97, StockPolicy::quantity( $can, $settings ) );
		// 97 cans → 4 full cases of 24, whatever the case product's own inventory row says.
		self::assertSame( 4, StockPolicy::quantity( $case, $settings, $can ) );
		self::assertSame( 6, StockPolicy::quantity( $case, CatalogFixtures::settings( array( 'stock_mode' => 'all_branches' ) ), $can ) );
		self::assertNull( StockPolicy::quantity( $case, $settings ), 'base unknown → stock unknown' );
		$other = KvProduct::from_array( CatalogFixtures::product( 42, 'X', 'X' ) );
		self::assertNull( StockPolicy::quantity( $case, $settings, $other ), 'a base with another id is ignored' );
	}

	public function test_quantity_from_inventory_rows_for_stock_webhooks(): void {
		$rows = array( 5001 => KvInventory::from_array( array( 'BranchId' => 5001, 'OnHand' => 13, 'Reserved' => 3 ) ) );
		self::assertSame( 10, StockPolicy::quantity_from_inventories( $rows, CatalogFixtures::settings() ) );
		self::assertNull( StockPolicy::quantity_from_inventories( $rows, CatalogFixtures::settings( array( 'stock_branch_id' => 5002 ) ) ) );
		self::assertNull( StockPolicy::quantity_from_inventories( null, CatalogFixtures::settings() ) );
	}

	public function test_low_stock_amount_from_min_quantity(): void {
		list( $can ) = CatalogFixtures::beer_units();
		$can = KvProduct::from_array( $can );
		self::assertSame( 24, StockPolicy::low_stock_amount( $can, CatalogFixtures::settings() ) );
		self::assertNull( StockPolicy::low_stock_amount( $can, CatalogFixtures::settings( array( 'stock_branch_id' => 5002 ) ) ), 'min 0 → store default' );
	}
}
