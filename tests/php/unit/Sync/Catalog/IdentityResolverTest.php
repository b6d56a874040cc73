<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Catalog;

use KiotVietSync\Sync\Catalog\ArrayIdentityLookup;
use KiotVietSync\Sync\Catalog\IdentityDecision as I;
use KiotVietSync\Sync\Catalog\IdentityLookup as L;
use KiotVietSync\Sync\Catalog\IdentityResolver;
use KiotVietSync\Sync\Catalog\KvProduct;
use KiotVietSync\Sync\Catalog\ProductPlanner;
use KiotVietSync\Sync\Catalog\VariablePlan;
use PHPUnit\Framework\TestCase;

/**
 * Id mode vs SKU mode, and no duplicates on re-runs.
 */
final class IdentityResolverTest extends TestCase {

	public function test_id_mode_creates_unknown_products(): void {
		$d = IdentityResolver::resolve( L::KIND_PRODUCT, 1, 'SP1', new ArrayIdentityLookup(), false );
		self::assertSame( I::CREATE, $d->action() );
		self::assertTrue( $d->is_new() );
		self::assertNull( $d->woo_id() );
	}

	public function test_id_mode_updates_mapped_products_even_when_the_sku_changed(): void {
		$lookup = new ArrayIdentityLookup( array( 'product' => array( 1 => 501 ) ), array( 'OLD-SKU' => 501 ) );
		$d      = IdentityResolver::resolve( L::KIND_PRODUCT, 1, 'NEW-SKU', $lookup, false );
		self::assertSame( I::UPDATE, $d->action() );
		self::assertSame( 501, $d->woo_id() );
		self::assertSame( I::BY_MAPPING, $d->matched_by() );
		self::assertSame( array(), $d->warnings() );
	}

	public function test_id_mode_refuses_to_overwrite_an_unmapped_product_with_the_same_sku(): void {
		$lookup = new ArrayIdentityLookup( array(), array( 'SP1' => 777 ) );
		$d      = IdentityResolver::resolve( L::KIND_PRODUCT, 1, 'sp1', $lookup, false );
		self::assertSame( I::CONFLICT, $d->action() );
		self::assertSame( I::SKU_EXISTS, $d->reason() );
		self::assertSame( 777, $d->woo_id() );
	}

	public function test_id_mode_mapped_product_whose_sku_is_held_elsewhere_is_updated_with_a_warning(): void {
		$lookup = new ArrayIdentityLookup( array( 'product' => array( 1 => 501 ) ), array( 'SP1' => 777 ) );
		$d      = IdentityResolver::resolve( L::KIND_PRODUCT, 1, 'SP1', $lookup, false );
		self::assertSame( 501, $d->woo_id() );
		self::assertSame( array( I::WARN_SKU_TAKEN ), $d->warnings() );
	}

	public function test_sku_mode_matches_by_sku_first(): void {
		$lookup = new ArrayIdentityLookup( array( 'product' => array( 1 => 501 ) ), array( 'SP1' => 777 ) );
		$d      = IdentityResolver::resolve( L::KIND_PRODUCT, 1, 'SP1', $lookup, true );
		self::assertSame( I::UPDATE, $d->action() );
		self::assertSame( 777, $d->woo_id() );
		self::assertSame( I::BY_SKU, $d->matched_by() );
		self::assertSame( array( I::WARN_REMAP ), $d->warnings() );

		$unmapped = IdentityResolver::resolve( L::KIND_PRODUCT, 2, 'SP2', new ArrayIdentityLookup( array(), array( 'SP2' => 778 ) ), true );
		self::assertSame( 778, $unmapped->woo_id() );
		self::assertSame( array(), $unmapped->warnings() );
	}

	public function test_sku_mode_relinks_an_object_linked_to_another_kiotviet_product(): void {
		// KiotViet product 1 was deleted and re-created as 2 with the same code.
		$lookup = new ArrayIdentityLookup( array( 'product' => array( 1 => 501 ) ), array( 'SP1' => 501 ) );
		$d      = IdentityResolver::resolve( L::KIND_PRODUCT, 2, 'SP1', $lookup, true );
		self::assertSame( 501, $d->woo_id() );
		self::assertSame( array( I::WARN_REMAP ), $d->warnings() );
		self::assertSame( array(), IdentityResolver::resolve( L::KIND_PRODUCT, 1, 'SP1', $lookup, true )->warnings() );
		self::assertSame( I::SKU_EXISTS, IdentityResolver::resolve( L::KIND_PRODUCT, 2, 'SP1', $lookup, false )->reason() );
	}

	public function test_sku_mode_falls_back_to_the_mapping_then_creates(): void {
		$lookup = new ArrayIdentityLookup( array( 'product' => array( 1 => 501 ) ) );
		self::assertSame( 501, IdentityResolver::resolve( L::KIND_PRODUCT, 1, 'SP1', $lookup, true )->woo_id() );
		self::assertSame( I::CREATE, IdentityResolver::resolve( L::KIND_PRODUCT, 2, 'SP2', $lookup, true )->action() );
		self::assertSame( I::CREATE, IdentityResolver::resolve( L::KIND_PRODUCT, 3, '', $lookup, true )->action() );
	}

	public function test_sku_on_the_wrong_kind_of_object_is_a_conflict(): void {
		// SP1 is a variation (woo 900 under parent 800); a simple product must not take it over.
		$lookup = new ArrayIdentityLookup( array(), array( 'SP1' => 900, 'SP2' => 801 ), array( 900 => 800 ) );
		$d      = IdentityResolver::resolve( L::KIND_PRODUCT, 1, 'SP1', $lookup, true );
		self::assertSame( I::CONFLICT, $d->action() );
		self::assertSame( I::SKU_ON_OTHER_TYPE, $d->reason() );
		self::assertSame( I::SKU_ON_OTHER_TYPE, IdentityResolver::resolve( L::KIND_VARIATION, 2, 'SP2', $lookup, true )->reason() );
	}

	public function test_mapping_kinds_are_separate(): void {
		// The master id maps the variable parent (product) and the master's variation (variation).
		$lookup = new ArrayIdentityLookup( array( 'product' => array( 40000001 => 600 ), 'variation' => array( 40000001 => 601 ) ) );
		self::assertSame( 600, IdentityResolver::resolve( L::KIND_PRODUCT, 40000001, '', $lookup, false )->woo_id() );
		self::assertSame( 601, IdentityResolver::resolve( L::KIND_VARIATION, 40000001, 'AOPOLO-TRANG-M', $lookup, false )->woo_id() );
	}

	private function polo(): VariablePlan {
		$products = array_map( static function ( array $item ): KvProduct {
			return KvProduct::from_array( $item );
		}, CatalogFixtures::polo_family() );
		return ProductPlanner::plan( $products, array(), CatalogFixtures::settings() )->variable()[0];
	}

	public function test_family_id_mode(): void {
		$new = IdentityResolver::resolve_family( $this->polo(), new ArrayIdentityLookup(), false );
		self::assertSame( I::CREATE, $new->parent()->action() );
		self::assertSame( array( I::CREATE, I::CREATE, I::CREATE ), array_values( array_map( static function ( I $d ): string {
			return $d->action();
		}, $new->variations() ) ) );

		$lookup = new ArrayIdentityLookup(
			array( 'product' => array( 40000001 => 600 ), 'variation' => array( 40000001 => 601, 40000002 => 602 ) ),
			array( 'AOPOLO-TRANG-M' => 601, 'AOPOLO-DO-S' => 602 ),
			array( 601 => 600, 602 => 600 )
		);
		$existing = IdentityResolver::resolve_family( $this->polo(), $lookup, false );
		self::assertSame( 600, $existing->parent()->woo_id() );
		self::assertSame( 601, $existing->variations()[40000001]->woo_id() );
		self::assertSame( array(), $existing->variations()[40000001]->warnings() );
		self::assertSame( I::CREATE, $existing->variations()[40000003]->action() );
	}

	public function test_family_sku_mode_takes_over_a_hand_made_variable_product(): void {
		$lookup = new ArrayIdentityLookup( array(), array( 'AOPOLO-DO-S' => 702, 'AOPOLO-DO-M' => 703 ), array( 702 => 700, 703 => 700 ) );
		$family = IdentityResolver::resolve_family( $this->polo(), $lookup, true );
		self::assertSame( I::UPDATE, $family->parent()->action() );
		self::assertSame( 700, $family->parent()->woo_id() );
		self::assertSame( I::BY_SKU, $family->parent()->matched_by() );
		self::assertSame( 702, $family->variations()[40000002]->woo_id() );
		self::assertSame( array(), $family->variations()[40000002]->warnings() );
		self::assertSame( I::CREATE, $family->variations()[40000001]->action() );

		$id_mode = IdentityResolver::resolve_family( $this->polo(), $lookup, false );
		self::assertSame( I::CREATE, $id_mode->parent()->action() );
		self::assertSame( I::SKU_EXISTS, $id_mode->variations()[40000002]->reason() );
	}

	public function test_variation_under_another_parent_is_flagged_for_moving(): void {
		$lookup = new ArrayIdentityLookup(
			array( 'product' => array( 40000001 => 600 ), 'variation' => array( 40000002 => 902 ) ),
			array(),
			array( 902 => 900 )
		);
		$family = IdentityResolver::resolve_family( $this->polo(), $lookup, false );
		self::assertSame( array( I::WARN_PARENT_CHANGED ), $family->variations()[40000002]->warnings() );
	}

	public function test_rerun_after_writing_the_mapping_updates_instead_of_creating(): void {
		$mapping = array();
		$skus    = array();
		$next    = 1000;
		foreach ( array( false, true ) as $sku_mode ) {
			foreach ( array( 1, 2 ) as $run ) {
				$d = IdentityResolver::resolve( L::KIND_PRODUCT, 31000102, 'AOTHUN-DEN-L', new ArrayIdentityLookup( array( 'product' => $mapping ), $skus ), $sku_mode );
				if ( $d->is_new() ) {
					self::assertSame( 1, $run, 'only the first run may create' );
					$mapping[31000102]     = ++$next;
					$skus['AOTHUN-DEN-L'] = $next;
				} else {
					self::assertSame( I::UPDATE, $d->action() );
					self::assertSame( 1001, $d->woo_id() );
				}
			}
		}
	}
}
