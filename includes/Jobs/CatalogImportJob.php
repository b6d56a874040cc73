<?php
/**
 * The import run: selected cache rows → WooCommerce.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Jobs;

use KiotVietSync\Storage\CatalogCacheRepository;
use KiotVietSync\Storage\SyncLogWriter;
use KiotVietSync\Storage\SyncSettingsRepository;
use KiotVietSync\Support\Clock;
use KiotVietSync\Support\PluginException;
use KiotVietSync\Sync\Catalog\KvCategory;
use KiotVietSync\Sync\Catalog\KvPriceBook;
use KiotVietSync\Sync\Catalog\KvProduct;
use KiotVietSync\Sync\Catalog\Runs\CatalogWriter;
use KiotVietSync\Sync\Catalog\Runs\Run;
use KiotVietSync\Sync\Catalog\Runs\RunHandler;
use KiotVietSync\Sync\Catalog\Runs\SettingsBuilder;
use KiotVietSync\Sync\Catalog\Runs\SliceAwareHandler;
use KiotVietSync\Sync\Connection\ConnectionService;

/**
 * Phases import_categories (every cached category, one step) and import_products (batches of up to BATCH
 * selected rows in family order, never splitting a variant family; checkpoint = last family id written).
 * The writer is idempotent by the mapping table, so re-running a batch after a crash updates, never duplicates.
 * Per-product failures are counted and logged; the run goes on.
 */
final class CatalogImportJob implements RunHandler, SliceAwareHandler {

	public const PHASES = array( 'import_categories', 'import_products' );

	public const BATCH = 50;

	private ConnectionService $connection;

	private CatalogCacheRepository $cache;

	private SyncSettingsRepository $settings;

	/** @var callable(): CatalogWriter */
	private $writer_factory;

	private SyncLogWriter $log;

	private Clock $clock;

	private ?CatalogWriter $writer = null;

	/**
	 * @param callable(): CatalogWriter $writer_factory Builds the writer on first use.
	 */
	public function __construct( ConnectionService $connection, CatalogCacheRepository $cache, SyncSettingsRepository $settings, callable $writer_factory, SyncLogWriter $log, Clock $clock ) {
		$this->connection     = $connection;
		$this->cache          = $cache;
		$this->settings       = $settings;
		$this->writer_factory = $writer_factory;
		$this->log            = $log;
		$this->clock          = $clock;
	}

	public function kind(): string {
		return Run::KIND_IMPORT;
	}

	public function phases(): array {
		return self::PHASES;
	}

	public function assert_can_start(): void {
		$connection = $this->connection->current();
		if ( ! $connection->is_connected() ) {
			throw new PluginException( 'kiotviet_sync_not_connected', __( 'Connect to KiotViet first.', 'kiotviet-sync' ), 409 );
		}
		if ( null === $connection->branch_id() ) {
			throw new PluginException( 'kiotviet_sync_no_branch', __( 'Choose the product sync branch first.', 'kiotviet-sync' ), 409 );
		}
	}

	private function writer(): CatalogWriter {
		if ( null === $this->writer ) {
			$this->writer = ( $this->writer_factory )();
		}
		return $this->writer;
	}

	/**
	 * The worker slice ends: the writer finishes what it deferred over the slice's batches.
	 */
	public function end_slice(): void {
		if ( null !== $this->writer ) {
			$this->writer->end_slice();
		}
	}

	public function step( Run $run ): bool {
		if ( 'import_categories' === $run->phase() ) {
			$categories = $this->categories( $run->retailer() );
			// The writer records per-item problems itself (mapping last_error + sync history).
			$this->writer()->import_categories( array_values( $categories ) );
			$run->progress( count( $categories ), count( $categories ) );
			$run->next_phase( array( 'after' => 0 ) );
			return true;
		}
		if ( 'import_products' === $run->phase() ) {
			return $this->products( $run );
		}
		return false;
	}

	/**
	 * Cached categories by id.
	 *
	 * @return array<int, KvCategory>
	 */
	private function categories( string $retailer ): array {
		$out = array();
		foreach ( $this->cache->category_payloads( $retailer ) as $raw ) {
			$category = KvCategory::from_array( $raw );
			if ( $category->id() > 0 ) {
				$out[ $category->id() ] = $category;
			}
		}
		return $out;
	}

	private function products( Run $run ): bool {
		$retailer = $run->retailer();
		$cursor   = $run->cursor();
		$after    = (int) ( $cursor['after'] ?? 0 );
		$total    = isset( $cursor['total'] ) ? (int) $cursor['total'] : $this->cache->selected_count( $retailer );
		$done     = (int) ( $cursor['done'] ?? 0 );
		$rows     = $this->cache->families_after( $retailer, $after, self::BATCH, true );
		if ( array() === $rows ) {
			$this->cache->update_meta( $retailer, array( 'last_import_at' => $this->clock->now() ) );
			$run->progress( $done, $total );
			$run->next_phase();
			$counts = $run->counts();
			$this->log->record(
				SyncLogWriter::CHANNEL_IMPORT,
				'import',
				$counts['failed'] > 0 ? SyncLogWriter::RESULT_ERROR : SyncLogWriter::RESULT_OK,
				sprintf( 'Product sync finished: %d created, %d updated, %d skipped, %d failed.', $counts['created'], $counts['updated'], $counts['skipped'], $counts['failed'] ),
				array( 'run_id' => $run->id() ) + $counts
			);
			return false;
		}

		$products = array();
		$in_batch = array();
		$last     = $after;
		foreach ( $rows as $row ) {
			$product                    = KvProduct::from_array( $row['payload'] );
			$products[]                 = $product;
			$in_batch[ $product->id() ] = true;
			$last                       = max( $last, $row['family_id'] );
		}
		$need = array();
		foreach ( $products as $product ) {
			$base = $product->master_unit_id();
			if ( null !== $base && ! isset( $in_batch[ $base ] ) ) {
				$need[] = $base;
			}
		}
		$base_units = array();
		foreach ( $this->cache->payloads( $retailer, $need ) as $id => $raw ) {
			$base_units[ $id ] = KvProduct::from_array( $raw );
		}
		$all_categories = $this->categories( $retailer );
		$categories     = array();
		foreach ( $products as $product ) {
			$cat = $product->category_id();
			while ( null !== $cat && isset( $all_categories[ $cat ] ) && ! isset( $categories[ $cat ] ) ) {
				$categories[ $cat ] = $all_categories[ $cat ];
				$cat                = $all_categories[ $cat ]->parent_id();
			}
		}
		$meta     = $this->cache->meta( $retailer );
		$books    = KvPriceBook::map_from_array( isset( $meta['price_books'] ) && is_array( $meta['price_books'] ) ? $meta['price_books'] : array() );
		$settings = SettingsBuilder::build(
			$this->settings->load(),
			(int) $this->connection->current()->branch_id(),
			(string) get_option( 'woocommerce_weight_unit', 'kg' ),
			$this->clock->now()
		);

		try {
			// The writer records per-product errors itself (mapping last_error + sync history).
			$result = $this->writer()->import_batch( $products, array_values( $categories ), $books, $settings, $base_units );
		} catch ( \Throwable $e ) {
			// One broken batch must not stop the sync: count it, log it, move on.
			$result = array(
				'created' => 0,
				'updated' => 0,
				'skipped' => 0,
				'failed'  => count( $products ),
				'errors'  => array(
					array(
						'kv_id'   => $products[0]->id(),
						'message' => $e->getMessage(),
					),
				),
			);
			$this->log_errors( $run, $result['errors'], 'product' );
		}
		foreach ( array( 'created', 'updated', 'skipped', 'failed' ) as $key ) {
			$run->add_count( $key, (int) $result[ $key ] );
		}
		$done += count( $rows );
		$run->progress( $done, max( $total, $done ) );
		$run->set_cursor(
			array(
				'after' => $last,
				'done'  => $done,
				'total' => $total,
			)
		);
		return true;
	}

	/**
	 * @param array<int, array{kv_id: int, message: string}> $errors Errors.
	 */
	private function log_errors( Run $run, array $errors, string $type ): void {
		foreach ( array_slice( $errors, 0, 100 ) as $error ) {
			$this->log->record(
				SyncLogWriter::CHANNEL_IMPORT,
				'import_' . $type,
				SyncLogWriter::RESULT_ERROR,
				(string) $error['message'],
				array( 'run_id' => $run->id() ),
				array(
					'object_type' => $type,
					'kiotviet_id' => (int) $error['kv_id'],
				)
			);
		}
	}
}
