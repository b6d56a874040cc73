<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Catalog;

use InvalidArgumentException;
use KiotVietSync\Sync\Catalog\CatalogSettings;
use KiotVietSync\Sync\Catalog\WooProductSpec;
use PHPUnit\Framework\TestCase;

/**
 * Settings defaults/validation and the spec DTO.
 */
final class CatalogSettingsTest extends TestCase {

	public function test_defaults(): void {
		$s = CatalogSettings::from_array( array(), CatalogFixtures::now() );
		self::assertSame( 'branch', $s->stock_mode() );
		self::assertSame( 0, $s->regular_book_id() );
		self::assertNull( $s->sale_book_id() );
		self::assertFalse( $s->match_by_sku() );
		self::assertSame( array(), $s->locked_fields() );
		self::assertSame( 'kg', $s->weight_unit() );
		self::assertEquals( CatalogFixtures::now(), $s->now() );
	}

	public function test_values_and_lock_normalisation(): void {
		$s = CatalogSettings::from_array(
			array(
				'stock_branch_id' => '5002',
				'stock_mode'      => 'all_branches',
				'regular_book_id' => 77,
				'sale_book_id'    => '78',
				'match_by_sku'    => '1',
				'locked_fields'   => array( 'weight', 'Name', 'bogus' ),
				'weight_unit'     => 'g',
			),
			CatalogFixtures::now()
		);
		self::assertSame( 5002, $s->stock_branch_id() );
		self::assertSame( 78, $s->sale_book_id() );
		self::assertTrue( $s->match_by_sku() );
		self::assertSame( array( 'name', 'weight' ), $s->locked_fields() );
	}

	public function test_invalid_mode_and_unit_are_rejected(): void {
		$this->expectException( InvalidArgumentException::class );
		CatalogSettings::from_array( array( 'stock_mode' => 'warehouse' ), CatalogFixtures::now() );
	}

	public function test_invalid_weight_unit_is_rejected(): void {
		$this->expectException( InvalidArgumentException::class );
		CatalogSettings::from_array( array( 'weight_unit' => 'tấn' ), CatalogFixtures::now() );
	}

	public function test_spec_requires_type_and_kv_id_and_keeps_them(): void {
		$spec = new WooProductSpec( array( 'type' => 'simple', 'kv_id' => 5, 'sku' => 'SP5', 'name' => 'X' ) );
		$bare = $spec->without( array( 'type', 'kv_id', 'name' ) );
		self::assertSame( array( 'type' => 'simple', 'kv_id' => 5, 'sku' => 'SP5' ), $bare->to_array() );
		self::assertSame( 'Y', $spec->with( 'name', 'Y' )->get( 'name' ) );
		self::assertSame( 'X', $spec->get( 'name' ), 'immutable' );
		$this->expectException( InvalidArgumentException::class );
		new WooProductSpec( array( 'type' => 'grouped', 'kv_id' => 5 ) );
	}
}
