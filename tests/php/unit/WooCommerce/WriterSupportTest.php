<?php
/**
 * Pure parts of the WooCommerce writer: loop guard, batch result, identity snapshot.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\WooCommerce;

use KiotVietSync\Storage\MappingSnapshot;
use KiotVietSync\Sync\Catalog\CatalogIssue;
use KiotVietSync\Sync\Catalog\IdentityDecision;
use KiotVietSync\Sync\Catalog\IdentityLookup;
use KiotVietSync\Sync\Catalog\IdentityResolver;
use KiotVietSync\Sync\Catalog\ImportBatchResult;
use KiotVietSync\WooCommerce\SyncGuard;
use PHPUnit\Framework\TestCase;
use RuntimeException;

final class WriterSupportTest extends TestCase {

	public function test_guard_is_up_only_while_applying_and_released_on_throw(): void {
		self::assertFalse( SyncGuard::is_applying() );
		self::assertSame( 3, SyncGuard::apply( static fn (): int => SyncGuard::is_applying() ? 3 : 0 ) );
		try {
			SyncGuard::apply( static function (): void {
				throw new RuntimeException( 'x' );
			} );
		} catch ( RuntimeException $e ) {
			unset( $e );
		}
		self::assertFalse( SyncGuard::is_applying() );
		SyncGuard::enter();
		SyncGuard::enter();
		SyncGuard::release();
		self::assertTrue( SyncGuard::is_applying() );
		SyncGuard::release();
		SyncGuard::release();
		self::assertFalse( SyncGuard::is_applying() );
	}

	public function test_result_counts_items_errors_and_merges(): void {
		$a = new ImportBatchResult();
		$a->add( 'product', 1, ImportBatchResult::CREATED, 10 );
		$a->add( 'product', 2, ImportBatchResult::FAILED, null, 'boom' );
		$a->add( 'product', 3, ImportBatchResult::UPDATED, 12, null, false );
		$a->add_issue( new CatalogIssue( 'stock_unknown', CatalogIssue::SEVERITY_WARNING, 'product', 1 ) );
		$b = new ImportBatchResult();
		$b->add( 'variation', 4, ImportBatchResult::SKIPPED, 13, 'unchanged' );
		$b->image_queued();
		$a->merge( $b );
		self::assertSame( array( 'created' => 1, 'updated' => 0, 'skipped' => 1, 'failed' => 1 ), $a->counts() );
		self::assertSame( array( array( 'kv_id' => 2, 'kind' => 'product', 'message' => 'boom' ) ), $a->errors() );
		self::assertSame( 12, $a->woo_id( 'product', 3 ) );
		self::assertSame( array( 'stock_unknown' ), $a->issue_codes() );
		self::assertSame( 1, $a->images_queued() );
		$array = $a->to_array();
		self::assertSame( 1, $array['created'] );
		self::assertSame( $a->counts(), $array['counts'] );
	}

	public function test_snapshot_treats_stale_links_as_unmapped_and_remembers_writes(): void {
		$snapshot = new MappingSnapshot(
			array(
				'product'   => array(
					7 => array( 'kind' => 'product', 'kv_id' => 7, 'woo_id' => 70, 'live' => true, 'locked_fields' => array( 'name' ), 'payload_hash' => null ),
					8 => array( 'kind' => 'product', 'kv_id' => 8, 'woo_id' => 80, 'live' => false, 'locked_fields' => array(), 'payload_hash' => null ),
				),
			),
			array( 'ABC-1' => 90 ),
			array( 90 => array( 'type' => 'product_variation', 'parent' => 91 ) ),
			array()
		);
		self::assertSame( 70, $snapshot->mapped_woo_id( IdentityLookup::KIND_PRODUCT, 7 ) );
		self::assertNull( $snapshot->mapped_woo_id( IdentityLookup::KIND_PRODUCT, 8 ) );
		self::assertSame( 7, $snapshot->mapped_kv_id( IdentityLookup::KIND_PRODUCT, 70 ) );
		self::assertSame( 90, $snapshot->woo_id_by_sku( 'abc-1' ) );
		self::assertSame( 91, $snapshot->parent_id_of( 90 ) );
		self::assertSame( array( 'name' ), $snapshot->locks( 'product', 7 ) );

		// A simple product whose SKU is held by a variation: conflict, never a takeover.
		self::assertSame( IdentityDecision::SKU_ON_OTHER_TYPE, IdentityResolver::resolve( IdentityLookup::KIND_PRODUCT, 5, 'ABC-1', $snapshot, true )->reason() );

		$snapshot->remember( 'product', 9, 100, 'NEW-SKU' );
		self::assertSame( 100, $snapshot->mapped_woo_id( 'product', 9 ) );
		self::assertSame( 100, $snapshot->woo_id_by_sku( 'new-sku' ) );
		self::assertSame( IdentityDecision::UPDATE, IdentityResolver::resolve( IdentityLookup::KIND_PRODUCT, 9, 'NEW-SKU', $snapshot, false )->action() );
	}
}
