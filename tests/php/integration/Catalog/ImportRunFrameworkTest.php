<?php
/**
 * The import run's batching and bookkeeping, with a recording writer.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Catalog;

use KiotVietSync\Jobs\CatalogImportJob;
use KiotVietSync\Jobs\RunRunner;
use KiotVietSync\Plugin;
use KiotVietSync\Sync\Catalog\CatalogSettings;
use KiotVietSync\Sync\Catalog\Runs\CatalogWriter;
use KiotVietSync\Sync\Catalog\Runs\Run;

/**
 * Records what the import run hands to the writer.
 */
final class RecordingCatalogWriter implements CatalogWriter {

	/** @var array<int, int[]> */
	public array $batches = array();

	/** @var int[] */
	public array $categories = array();

	/** @var array<int, array<int, int>> */
	public array $base_units = array();

	public ?CatalogSettings $settings = null;

	/** @var int[] Batches written when each worker slice ended (the runner tells the writer). */
	public array $slices_ended_after = array();

	public function end_slice(): void {
		$this->slices_ended_after[] = count( $this->batches );
	}

	public function import_categories( array $categories ): array {
		foreach ( $categories as $c ) {
			$this->categories[] = $c->id();
		}
		return array( 'created' => count( $categories ), 'updated' => 0, 'skipped' => 0, 'failed' => 0, 'errors' => array() );
	}

	public function import_batch( array $products, array $categories, array $books, CatalogSettings $settings, array $base_units ): array {
		$ids = array();
		foreach ( $products as $p ) {
			$ids[] = $p->id();
		}
		$this->batches[]    = $ids;
		$this->base_units[] = array_keys( $base_units );
		$this->settings     = $settings;
		if ( 2 === count( $this->batches ) ) {
			throw new \RuntimeException( 'Batch exploded' );
		}
		// The first product of every batch "fails".
		return array(
			'created' => count( $products ) - 1,
			'updated' => 0,
			'skipped' => 0,
			'failed'  => 1,
			'errors'  => array(
				array(
					'kv_id'   => $products[0]->id(),
					'message' => 'Recorded failure',
				),
			),
		);
	}
}

/**
 * Import run with a fake writer.
 */
final class ImportRunFrameworkTest extends CatalogTestCase {

	public function test_batches_keep_families_together_and_only_selected_rows_are_imported(): void {
		$this->connect_and_fetch();
		$this->rest( 'PUT', 'catalog/selection', array( 'action' => 'select', 'scope' => 'all' ) );
		$this->rest( 'PUT', 'catalog/selection', array( 'action' => 'deselect', 'scope' => 'ids', 'ids' => array( 31000101 ) ) );
		$selected = $this->data( $this->rest( 'GET', 'sync/status' ) )['catalog']['selected'];

		$services = Plugin::instance()->services();
		$writer   = new RecordingCatalogWriter();
		$job      = new CatalogImportJob( $services->connection_service(), $services->catalog_cache(), $services->sync_settings_repository(), static fn (): CatalogWriter => $writer, $services->sync_log(), $services->clock() );
		$runner   = new RunRunner( $services->run_repository(), array( $job ), $services->scheduler(), $services->clock(), $services->sync_log() );
		$run      = $runner->start( Run::KIND_IMPORT, 'demo' );
		$runner->run_until_idle( 100 );

		$run = $services->run_repository()->find( $run->id() );
		self::assertSame( Run::DONE, $run->state() );
		self::assertNotSame( array(), $writer->slices_ended_after, 'the writer was told the slice ended' );
		self::assertSame( count( $writer->batches ), end( $writer->slices_ended_after ), 'after the last batch' );
		$all = array_merge( ...$writer->batches );
		self::assertSame( $selected, count( $all ) );
		self::assertSame( count( $all ), count( array_unique( $all ) ) );
		self::assertNotContains( 31000101, $all );

		// Families never split across batches; batches stay ≤ 50 unless one family is larger.
		$family_of = array();
		foreach ( $this->sim_get( '/__sim/state?only=products' )['products'] as $p ) {
			$family_of[ (int) $p['id'] ] = isset( $p['masterProductId'] ) && ! isset( $p['masterUnitId'] ) ? (int) $p['masterProductId'] : (int) $p['id'];
		}
		$batch_of = array();
		foreach ( $writer->batches as $n => $batch ) {
			self::assertLessThanOrEqual( CatalogImportJob::BATCH + 10, count( $batch ) );
			foreach ( $batch as $id ) {
				$family = $family_of[ $id ];
				if ( isset( $batch_of[ $family ] ) ) {
					self::assertSame( $batch_of[ $family ], $n, 'family ' . $family . ' split' );
				}
				$batch_of[ $family ] = $n;
			}
		}
		self::assertSame( $this->sim_get( '/__sim/state' )['counts']['categories'], count( $writer->categories ) );
		self::assertSame( 5001, $writer->settings->stock_branch_id() );

		$counts   = $run->counts();
		$exploded = count( $writer->batches[1] );
		self::assertSame( count( $writer->batches ) - 1 + $exploded, $counts['failed'] );
		self::assertSame( $selected - ( count( $writer->batches ) - 1 ) - $exploded, $counts['created'] );
		$status = $this->data( $this->rest( 'GET', 'sync/status' ) );
		self::assertNotNull( $status['last_import_at'] );

		global $wpdb;
		$logged = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}kiotviet_sync_log WHERE channel = 'import' AND action = 'import_product' AND message = %s", 'Batch exploded' ) );
		self::assertSame( 1, $logged, 'a batch that throws is logged once; the writer logs its own per-item errors' );
	}
}
