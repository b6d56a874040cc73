<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Catalog;

use KiotVietSync\Sync\Catalog\KvCategory;
use KiotVietSync\Sync\Catalog\KvDate;
use KiotVietSync\Sync\Catalog\KvInventory;
use KiotVietSync\Sync\Catalog\KvPriceBook;
use KiotVietSync\Sync\Catalog\KvProduct;
use PHPUnit\Framework\TestCase;

/**
 * Tolerant parsing of KiotViet REST and webhook shapes.
 */
final class KvParsingTest extends TestCase {

	public function test_date_without_offset_is_vietnam_local_time_with_seven_fraction_digits(): void {
		$date = KvDate::parse( '2025-06-10T14:03:11.5570000' );
		self::assertNotNull( $date );
		self::assertSame( '2025-06-10T14:03:11.557000+07:00', $date->format( 'Y-m-d\TH:i:s.uP' ) );
		self::assertSame( '2025-06-10T07:03:11+00:00', $date->setTimezone( new \DateTimeZone( 'UTC' ) )->format( DATE_ATOM ) );
	}

	public function test_date_with_offset_keeps_the_offset(): void {
		$date = KvDate::parse( '2025-06-11T08:00:00.1230000+07:00' );
		self::assertNotNull( $date );
		self::assertSame( 1749603600, $date->getTimestamp() );
		self::assertSame( '+07:00', $date->format( 'P' ) );
		self::assertSame( 1749628800, KvDate::parse( '2025-06-11T08:00:00Z' )->getTimestamp() );
	}

	public function test_date_parsing_does_not_touch_the_global_timezone(): void {
		$before = date_default_timezone_get();
		KvDate::parse( '2025-06-10T14:03:11.5570000' );
		self::assertSame( $before, date_default_timezone_get() );
	}

	public function test_date_variants_and_garbage(): void {
		self::assertSame( '2025-06-01T00:00:00+07:00', KvDate::parse( '2025-06-01' )->format( DATE_ATOM ) );
		self::assertSame( '2025-06-01T09:30:00+07:00', KvDate::parse( '2025-06-01T09:30' )->format( DATE_ATOM ) );
		self::assertSame( 1700000000, KvDate::parse( '/Date(1700000000000+0700)/' )->getTimestamp() );
		self::assertNull( KvDate::parse( '' ) );
		self::assertNull( KvDate::parse( null ) );
		self::assertNull( KvDate::parse( 'yesterday' ) );
		self::assertNull( KvDate::parse( '2025-02-30T00:00:00.0000000' ) );
	}

	public function test_rest_product_is_parsed(): void {
		$p = KvProduct::from_array( CatalogFixtures::rest_variant_child() );
		self::assertSame( 31000102, $p->id() );
		self::assertSame( 'AOTHUN-DEN-L', $p->code() );
		self::assertSame( 'Áo thun basic', $p->name() );
		self::assertSame( 'Áo thun basic - Đen - L', $p->full_name() );
		self::assertSame( 901, $p->category_id() );
		self::assertSame( 2, $p->type() );
		self::assertTrue( $p->has_variants() );
		self::assertSame( 31000101, $p->master_product_id() );
		self::assertNull( $p->master_unit_id() );
		self::assertSame( array( 'MÀU' => 'Đen', 'SIZE' => 'L' ), $p->attributes() );
		self::assertSame( 159000.0, $p->base_price() );
		self::assertSame( 250.0, $p->weight() );
		self::assertCount( 2, $p->images() );
		self::assertSame( 14.0, $p->inventory( 5001 )->on_hand() );
		self::assertSame( 3.0, $p->inventory( 5001 )->reserved() );
		self::assertSame( 2.0, $p->inventory( 5001 )->min_quantity() );
		self::assertNull( $p->inventory( 9999 ) );
		self::assertSame( 149000.0, $p->price_in_book( 77 )->price() );
		self::assertSame( '2026-12-31T23:59:00+07:00', $p->price_in_book( 77 )->end()->format( DATE_ATOM ) );
		self::assertSame( '2025-06-10T14:03:11+07:00', $p->modified_date()->format( DATE_ATOM ) );
		self::assertTrue( $p->is_variation_member() );
		self::assertSame( 31000101, $p->family_id() );
		self::assertFalse( $p->is_family_master() );
	}

	public function test_webhook_product_is_parsed_like_rest(): void {
		$rest    = KvProduct::from_array( CatalogFixtures::rest_variant_child() );
		$webhook = KvProduct::from_array( CatalogFixtures::webhook_variant_child() );
		self::assertSame( $rest->id(), $webhook->id() );
		self::assertSame( $rest->code(), $webhook->code() );
		self::assertSame( $rest->name(), $webhook->name() );
		self::assertSame( $rest->master_product_id(), $webhook->master_product_id() );
		self::assertSame( $rest->attributes(), $webhook->attributes() );
		self::assertSame( $rest->base_price(), $webhook->base_price() );
		self::assertTrue( $webhook->is_active() );
		self::assertSame( array( 'https://cdn.example.test/kv/aothun-den-1.jpg' ), $webhook->images() );
		self::assertSame( 11.0, $webhook->inventory( 5001 )->available() );
		self::assertSame( 149000.0, $webhook->price_in_book( 77 )->price() );
		self::assertTrue( $webhook->price_in_book( 77 )->is_active() );
		self::assertEquals( $rest->modified_date(), $webhook->modified_date() );
	}

	public function test_missing_keys_mean_null_and_absent_lists_are_not_empty_lists(): void {
		$p = KvProduct::from_array( array( 'Id' => 5, 'Code' => 'SP000005', 'Name' => 'Kẹo', 'isActive' => false, 'AllowsSale' => false ) );
		self::assertNull( $p->master_product_id() );
		self::assertNull( $p->master_unit_id() );
		self::assertNull( $p->category_id() );
		self::assertNull( $p->base_price() );
		self::assertNull( $p->weight() );
		self::assertNull( $p->inventories(), 'absent inventories are unknown, not empty' );
		self::assertNull( $p->price_books() );
		self::assertSame( 2, $p->type() );
		self::assertFalse( $p->is_active() );
		self::assertFalse( $p->allows_sale() );
		self::assertSame( array(), $p->images() );
		self::assertSame( 1.0, $p->conversion_value() );

		$empty = KvProduct::from_array( array( 'id' => 6, 'inventories' => array(), 'priceBooks' => array() ) );
		self::assertSame( array(), $empty->inventories() );
		self::assertSame( array(), $empty->price_books() );
	}

	public function test_derived_unit_and_master_flags(): void {
		list( $can, $case ) = CatalogFixtures::beer_units();
		$can_p  = KvProduct::from_array( $can );
		$case_p = KvProduct::from_array( $case );
		self::assertFalse( $can_p->is_derived_unit() );
		self::assertTrue( $case_p->is_derived_unit() );
		self::assertSame( 50000001, $case_p->master_unit_id() );
		self::assertSame( 24.0, $case_p->conversion_value() );
		self::assertSame( 'thùng', $case_p->unit() );

		$master = KvProduct::from_array( CatalogFixtures::polo_family()[1] );
		self::assertTrue( $master->is_family_master() );
		self::assertSame( 40000001, $master->family_id() );
	}

	public function test_service_serial_and_lot_flags(): void {
		$service = KvProduct::from_array( CatalogFixtures::product( 60000001, 'DV-GOIQUA', 'Gói quà', array( 'type' => 3 ) ) );
		self::assertTrue( $service->is_service() );
		$serial = KvProduct::from_array( CatalogFixtures::product( 70000001, 'IP15-128', 'iPhone 15', array( 'isLotSerialControl' => true ) ) );
		self::assertTrue( $serial->is_lot_serial_control() );
		self::assertFalse( $serial->is_service() );
		$lot = KvProduct::from_array( CatalogFixtures::product( 70000002, 'SUA-HOP', 'Sữa hộp', array( 'isBatchExpireControl' => true ) ) );
		self::assertTrue( $lot->is_batch_expire_control() );
	}

	public function test_inventory_from_stock_webhook_item(): void {
		$row = KvInventory::from_array( array( '__type' => 'X', 'ProductId' => 1, 'BranchId' => 5001, 'OnHand' => 13, 'Reserved' => 3, 'MinQuantity' => 2, 'isActive' => true ) );
		self::assertSame( 5001, $row->branch_id() );
		self::assertSame( 10.0, $row->available() );
		self::assertSame( 0.0, ( new KvInventory( 1, 2, 5 ) )->available() );
	}

	public function test_categories_flat_and_hierarchical(): void {
		$flat = KvCategory::from_array( array( 'categoryId' => 901, 'parentId' => 900, 'categoryName' => 'Áo thun', 'retailerId' => 712345, 'hasChild' => false, 'rank' => 3, 'modifiedDate' => '2025-05-20T10:00:00.0000000' ) );
		self::assertSame( 901, $flat->id() );
		self::assertSame( 900, $flat->parent_id() );
		self::assertSame( 'Áo thun', $flat->name() );

		$root = KvCategory::from_array( array( 'categoryId' => 900, 'categoryName' => 'Thời trang' ) );
		self::assertNull( $root->parent_id() );
		self::assertNull( KvCategory::from_array( array( 'categoryId' => 900, 'parentId' => 0, 'categoryName' => 'X' ) )->parent_id() );

		$webhook = KvCategory::from_array( array( 'Id' => 903, 'Name' => 'Quần', 'ParentId' => 900, 'IsDeleted' => false ) );
		self::assertSame( 903, $webhook->id() );
		self::assertSame( 900, $webhook->parent_id() );

		$tree = KvCategory::list_from_array(
			array(
				array(
					'categoryId'   => 900,
					'categoryName' => 'Thời trang',
					'children'     => array(
						array( 'categoryId' => 901, 'categoryName' => 'Áo thun', 'children' => array( array( 'categoryId' => 905, 'categoryName' => 'Áo thun nam', 'children' => array() ) ) ),
					),
				),
			)
		);
		self::assertSame( array( 900, 901, 905 ), array_map( static function ( KvCategory $c ): int {
			return $c->id();
		}, $tree ) );
		self::assertSame( 900, $tree[1]->parent_id() );
		self::assertSame( 901, $tree[2]->parent_id() );
	}

	public function test_price_books_rest_and_webhook(): void {
		$books = CatalogFixtures::books();
		self::assertCount( 5, $books );
		self::assertSame( 'Giá online', $books[77]->name() );
		self::assertFalse( $books[80]->is_active() );
		$now = CatalogFixtures::now();
		self::assertTrue( $books[77]->is_available_at( $now ) );
		self::assertTrue( $books[77]->is_in_effect_at( $now ) );
		self::assertFalse( $books[79]->is_available_at( $now ), 'expired' );
		self::assertFalse( $books[80]->is_available_at( $now ), 'inactive' );
		self::assertTrue( $books[81]->is_available_at( $now ), 'starts later but not expired' );
		self::assertFalse( $books[81]->is_in_effect_at( $now ) );

		$webhook = KvPriceBook::from_array( array( 'Id' => 77, 'Name' => 'Giá online', 'IsActive' => false, 'IsGlobal' => true, 'StartDate' => '2025-01-01T00:00:00.0000000+07:00' ) );
		self::assertFalse( $webhook->is_active() );
		self::assertTrue( $webhook->is_global() );
		self::assertNull( $webhook->end_date() );
	}
}
