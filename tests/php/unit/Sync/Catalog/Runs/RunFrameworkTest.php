<?php
/**
 * Pure parts of the run framework.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Catalog\Runs;

use KiotVietSync\Sync\Catalog\CatalogSettings;
use KiotVietSync\Sync\Catalog\KvProduct;
use KiotVietSync\Sync\Catalog\Runs\CacheRow;
use KiotVietSync\Sync\Catalog\Runs\CategoryTree;
use KiotVietSync\Sync\Catalog\Runs\FamilyBatcher;
use KiotVietSync\Sync\Catalog\Runs\PageCursor;
use KiotVietSync\Sync\Catalog\Runs\Run;
use PHPUnit\Framework\TestCase;

/**
 * Batching, paging checkpoints, the run state machine, category roll-ups.
 */
final class RunFrameworkTest extends TestCase {

	/**
	 * @param int[] $sizes Family sizes.
	 * @return array<int, array{kv_id: int, family_id: int}>
	 */
	private static function rows( array $sizes ): array {
		$rows = array();
		$id   = 1000;
		foreach ( $sizes as $i => $size ) {
			$family = 100 + $i;
			for ( $k = 0; $k < $size; $k++ ) {
				$rows[] = array(
					'kv_id'     => ++$id,
					'family_id' => $family,
				);
			}
		}
		return $rows;
	}

	public function test_batches_never_split_a_family_and_keep_every_row_once(): void {
		$sizes   = array( 1, 4, 1, 1, 12, 3, 1, 60, 2, 2, 5, 1 );
		$rows    = self::rows( $sizes );
		$batches = FamilyBatcher::all( $rows, 10 );
		$seen    = array();
		$where   = array();
		foreach ( $batches as $n => $batch ) {
			self::assertNotEmpty( $batch );
			$families = array_unique( array_column( $batch, 'family_id' ) );
			if ( count( $families ) > 1 ) {
				self::assertLessThanOrEqual( 10, count( $batch ), 'several families stay within the limit' );
			}
			foreach ( $batch as $row ) {
				$seen[] = $row['kv_id'];
				if ( isset( $where[ $row['family_id'] ] ) ) {
					self::assertSame( $where[ $row['family_id'] ], $n, 'family split across batches' );
				}
				$where[ $row['family_id'] ] = $n;
			}
		}
		self::assertSame( array_column( $rows, 'kv_id' ), $seen );
	}

	public function test_an_oversized_family_is_one_batch(): void {
		list( $batch, $last ) = FamilyBatcher::next( self::rows( array( 60, 1 ) ), 50 );
		self::assertCount( 60, $batch );
		self::assertSame( 100, $last );
	}

	public function test_an_incomplete_last_family_waits_for_the_next_batch(): void {
		list( $batch, $last ) = FamilyBatcher::next( self::rows( array( 2, 3 ) ), 50, false );
		self::assertCount( 2, $batch );
		self::assertSame( 100, $last );
	}

	public function test_page_cursor_steps_by_page_and_stops_at_the_total(): void {
		self::assertSame( array( 100, false ), PageCursor::advance( 0, 100, 250, null ) );
		self::assertSame( array( 200, false ), PageCursor::advance( 100, 100, 250, 250 ) );
		self::assertSame( array( 250, true ), PageCursor::advance( 200, 50, 250, 250 ) );
		self::assertSame( array( 0, true ), PageCursor::advance( 0, 0, 0, null ) );
	}

	public function test_page_cursor_steps_back_when_items_were_deleted_while_paging(): void {
		// Two items before the offset were deleted: the total dropped by 2, step back by 2.
		self::assertSame( array( 198, false ), PageCursor::advance( 100, 100, 248, 250 ) );
		// Creations (total grows) are appended at the end when ordered by id: no step back.
		self::assertSame( array( 200, false ), PageCursor::advance( 100, 100, 260, 250 ) );
	}

	public function test_state_machine(): void {
		self::assertTrue( Run::can_transition( Run::QUEUED, Run::RUNNING ) );
		self::assertTrue( Run::can_transition( Run::RUNNING, Run::PAUSED ) );
		self::assertTrue( Run::can_transition( Run::PAUSED, Run::QUEUED ) );
		self::assertTrue( Run::can_transition( Run::FAILED, Run::QUEUED ) );
		self::assertFalse( Run::can_transition( Run::DONE, Run::QUEUED ) );
		self::assertFalse( Run::can_transition( Run::CANCELLED, Run::RUNNING ) );
		self::assertFalse( Run::can_transition( Run::PAUSED, Run::RUNNING ) );

		$run = Run::create( Run::KIND_FETCH, 'demo', array( 'categories', 'products' ), 1000 );
		self::assertTrue( $run->is_active() );
		self::assertTrue( $run->is_runnable() );
		$run->transition( Run::RUNNING, 1001 );
		$run->transition( Run::PAUSED, 1002 );
		self::assertTrue( $run->is_active() );
		self::assertFalse( $run->is_runnable() );
		$run->transition( Run::QUEUED, 1003 );
		$run->transition( Run::DONE, 1004 );
		self::assertSame( 'done', $run->phase() );
		self::assertSame( 1004, $run->finished_at() );
		$this->expectException( \LogicException::class );
		$run->transition( Run::RUNNING, 1005 );
	}

	public function test_phases_checkpoint_and_response_shape(): void {
		$run = Run::create( Run::KIND_FETCH, 'demo', array( 'categories', 'products' ), 0 );
		$run->progress( 43, 43 );
		self::assertTrue( $run->next_phase( array( 'offset' => 0 ) ) );
		self::assertSame( 'products', $run->phase() );
		$run->set_cursor( array( 'offset' => 100 ) );
		$run->progress( 100, 150 );
		$run->add_count( 'created', 2 );
		$out = $run->to_response();
		self::assertSame( array( 'id', 'kind', 'state', 'phase', 'phases', 'counts', 'message', 'started_at', 'updated_at', 'finished_at' ), array_keys( $out ) );
		self::assertSame( 'done', $out['phases'][0]['state'] );
		self::assertSame( 43, $out['phases'][0]['total'] );
		self::assertSame( 'running', $out['phases'][1]['state'] );
		self::assertSame( 150, $out['phases'][1]['total'] );
		self::assertSame( 2, $out['counts']['created'] );
		self::assertSame( '1970-01-01T00:00:00+00:00', $out['started_at'] );
		self::assertFalse( $run->next_phase() );
		self::assertSame( 'done', $run->phase() );
	}

	public function test_claimable_only_when_unlocked_or_stalled(): void {
		$run = new Run( 1, 'fetch', 'demo', Run::RUNNING, 'products', array(), array(), array(), null, 3, 0, 0, 1000, null, 'token' );
		self::assertFalse( $run->is_claimable( 1100, 300 ) );
		self::assertTrue( $run->is_claimable( 1400, 300 ) );
		$paused = new Run( 1, 'fetch', 'demo', Run::PAUSED, 'products', array(), array(), array(), null, 3, 0, 0, 1000, null, null );
		self::assertFalse( $paused->is_claimable( 5000, 300 ) );
	}

	public function test_category_tree_rolls_counts_up_and_lists_parents_first(): void {
		$tree = new CategoryTree(
			array(
				array( 'id' => 3, 'name' => 'Áo thun', 'parent_id' => 2, 'rank' => 0, 'products' => 5, 'selected' => 1 ),
				array( 'id' => 1, 'name' => 'Thời trang', 'parent_id' => null, 'rank' => 0, 'products' => 1, 'selected' => 0 ),
				array( 'id' => 2, 'name' => 'Áo', 'parent_id' => 1, 'rank' => 0, 'products' => 2, 'selected' => 2 ),
				array( 'id' => 4, 'name' => 'Mồ côi', 'parent_id' => 99, 'rank' => 0, 'products' => 1, 'selected' => 0 ),
				array( 'id' => 5, 'name' => 'Vòng A', 'parent_id' => 6, 'rank' => 0, 'products' => 1, 'selected' => 0 ),
				array( 'id' => 6, 'name' => 'Vòng B', 'parent_id' => 5, 'rank' => 0, 'products' => 1, 'selected' => 0 ),
			)
		);
		$flat = $tree->flatten();
		self::assertCount( 6, $flat );
		$pos = array_flip( array_column( $flat, 'id' ) );
		self::assertLessThan( $pos[2], $pos[1] );
		self::assertLessThan( $pos[3], $pos[2] );
		$by = array_column( $flat, null, 'id' );
		self::assertSame( 8, $by[1]['product_count'] );
		self::assertSame( 3, $by[1]['selected_count'] );
		self::assertNull( $by[4]['parent_id'], 'missing parent → root' );
		self::assertSame( array( 1, 2, 3 ), $tree->descendants( 1 ) );
		self::assertSame( array( 42 ), $tree->descendants( 42 ) );
	}

	public function test_cache_row_kinds_and_stock(): void {
		$settings = CatalogSettings::from_array( array( 'stock_branch_id' => 5001 ), new \DateTimeImmutable( '2026-11-29T00:00:00Z' ) );
		$base     = array(
			'id'          => 1,
			'code'        => 'A',
			'name'        => 'A',
			'type'        => 2,
			'inventories' => array(
				array( 'branchId' => 5001, 'onHand' => 10, 'reserved' => 3 ),
				array( 'branchId' => 5002, 'onHand' => 99, 'reserved' => 0 ),
			),
		);
		$row = CacheRow::product( KvProduct::from_array( $base ), $base, $settings );
		self::assertSame( 'goods', $row['kind'] );
		self::assertSame( 7, $row['stock'] );
		self::assertSame( 1, $row['family_id'] );

		$unit = array( 'id' => 2, 'code' => 'A-T24', 'name' => 'A', 'masterUnitId' => 1, 'conversionValue' => 24, 'type' => 2 );
		$row  = CacheRow::product( KvProduct::from_array( $unit ), $unit, $settings );
		self::assertSame( 'unit', $row['kind'] );
		self::assertNull( $row['stock'], 'derived from the base row in SQL' );

		$variant = array( 'id' => 3, 'code' => 'P-S', 'name' => 'P', 'hasVariants' => true, 'masterProductId' => 9, 'type' => 2 );
		$row     = CacheRow::product( KvProduct::from_array( $variant ), $variant, $settings );
		self::assertSame( 'variant', $row['kind'] );
		self::assertSame( 9, $row['family_id'] );
		self::assertSame( 1, $row['is_variant'] );

		$service = array( 'id' => 4, 'code' => 'DV', 'name' => 'DV', 'type' => 3 );
		$row     = CacheRow::product( KvProduct::from_array( $service ), $service, $settings );
		self::assertSame( 'service', $row['kind'] );
		self::assertNull( $row['stock'] );
	}
}
