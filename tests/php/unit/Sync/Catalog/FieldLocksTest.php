<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Catalog;

use KiotVietSync\Sync\Catalog\FieldLocks;
use KiotVietSync\Sync\Catalog\KvProduct;
use KiotVietSync\Sync\Catalog\ProductPlanner;
use KiotVietSync\Sync\Catalog\WooProductSpec;
use PHPUnit\Framework\TestCase;

/**
 * "Tùy chọn KHÔNG đồng bộ": locks apply to updates only.
 */
final class FieldLocksTest extends TestCase {

	private function spec(): WooProductSpec {
		$product = CatalogFixtures::product( 1, 'SP000001', 'Nón lá', array( 'description' => '<p>Nón</p>', 'images' => array( 'https://cdn.example.test/non.jpg' ), 'priceBooks' => array( array( 'priceBookId' => 78, 'price' => 90000 ) ) ) );
		$plans   = ProductPlanner::plan( array( KvProduct::from_array( $product ) ), CatalogFixtures::books(), CatalogFixtures::settings( array( 'sale_book_id' => 78 ) ) );
		return $plans->simple()[0]->spec();
	}

	public function test_every_lock_removes_its_fields_on_update(): void {
		$spec    = $this->spec();
		$locked  = FieldLocks::apply( $spec, FieldLocks::ALL, array(), false );
		$remains = array_keys( $locked->to_array() );
		sort( $remains );
		self::assertSame( array( 'kv_id', 'kv_meta', 'sku', 'status', 'type' ), $remains );
	}

	public function test_single_locks(): void {
		$spec = $this->spec();
		$map  = array(
			FieldLocks::NAME          => array( 'name' ),
			FieldLocks::DESCRIPTION   => array( 'description' ),
			FieldLocks::IMAGES        => array( 'image_urls' ),
			FieldLocks::CATEGORY      => array( 'category_kv_id' ),
			FieldLocks::REGULAR_PRICE => array( 'regular_price' ),
			FieldLocks::SALE_PRICE    => array( 'sale_price', 'date_on_sale_from', 'date_on_sale_to' ),
			FieldLocks::STOCK         => array( 'manage_stock', 'stock_quantity', 'stock_status', 'low_stock_amount' ),
			FieldLocks::WEIGHT        => array( 'weight' ),
		);
		foreach ( $map as $lock => $fields ) {
			$locked = FieldLocks::apply( $spec, array( $lock ), array(), false );
			$gone   = array_values( array_diff( array_keys( $spec->to_array() ), array_keys( $locked->to_array() ) ) );
			self::assertSame( $fields, $gone, $lock );
		}
	}

	public function test_paused_product_locks_every_field_on_update_only(): void {
		$spec    = $this->spec();
		$paused  = FieldLocks::apply( $spec, array(), array( FieldLocks::WEIGHT, FieldLocks::PAUSED ), false );
		$remains = array_keys( $paused->to_array() );
		sort( $remains );
		self::assertSame( array( 'kv_id', 'kv_meta', 'sku', 'status', 'type' ), $remains );
		self::assertSame( $spec->to_array(), FieldLocks::apply( $spec, array(), array( FieldLocks::PAUSED ), true )->to_array(), 'creation is whole' );
		self::assertTrue( FieldLocks::is_paused( array( 'name', FieldLocks::PAUSED ) ) );
		self::assertFalse( FieldLocks::is_paused( array( 'name' ) ) );
		self::assertSame( array( FieldLocks::NAME ), FieldLocks::normalize( array( FieldLocks::PAUSED, 'name' ) ), 'never listed as a field lock' );
	}

	public function test_per_product_locks_add_to_global_locks(): void {
		$locked = FieldLocks::apply( $this->spec(), array( FieldLocks::NAME ), array( FieldLocks::STOCK ), false );
		self::assertFalse( $locked->has( WooProductSpec::NAME ) );
		self::assertFalse( $locked->has( WooProductSpec::STOCK_QUANTITY ) );
		self::assertTrue( $locked->has( WooProductSpec::REGULAR_PRICE ) );
		self::assertSame( '100000', $locked->get( WooProductSpec::REGULAR_PRICE ) );
	}

	public function test_locks_never_apply_to_creation(): void {
		$spec    = $this->spec();
		$created = FieldLocks::apply( $spec, FieldLocks::ALL, FieldLocks::ALL, true );
		self::assertSame( $spec->to_array(), $created->to_array() );
		self::assertSame( 'Nón lá', $created->get( WooProductSpec::NAME ) );
	}

	public function test_unknown_lock_names_are_ignored_and_names_normalised(): void {
		self::assertSame( array( 'name', 'stock' ), FieldLocks::normalize( array( 'Stock', ' name ', 'sku', 42, 'stock' ) ) );
		$spec = $this->spec();
		self::assertSame( $spec->to_array(), FieldLocks::apply( $spec, array( 'sku', 'type' ), array(), false )->to_array() );
	}
}
