<?php
/**
 * "Chọn chi nhánh": rewrites the stock of mapped WooCommerce products from the new branch.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\WooCommerce;

use KiotVietSync\Infrastructure\Registerable;
use KiotVietSync\Storage\CatalogCacheRepository;
use KiotVietSync\Storage\SyncLogWriter;
use KiotVietSync\Storage\SyncSettingsRepository;
use KiotVietSync\Support\Clock;
use KiotVietSync\Sync\Catalog\CatalogImporter;
use KiotVietSync\Sync\Catalog\Runs\SettingsBuilder;
use KiotVietSync\Sync\Connection\Connection;

/**
 * On `kiotviet_sync_branch_selected` (priority 15: after CatalogFetchJob recomputed the cached stock from the
 * stored payloads for the new branch, before the automatic fetch starts) every mapped product and variation
 * gets the cached quantity through CatalogImporter::set_stock_quantities() (stock lock honoured, unknown stock
 * and unmapped rows left alone), 200 per call. No KiotViet request.
 */
final class BranchStockRewriter implements Registerable {

	private const CHUNK = 200;

	private CatalogCacheRepository $cache;

	/** @var callable(): CatalogImporter */
	private $importer;

	private SyncSettingsRepository $settings;

	private SyncLogWriter $log;

	private Clock $clock;

	/**
	 * @param callable(): CatalogImporter $importer Lazy writer.
	 */
	public function __construct( CatalogCacheRepository $cache, callable $importer, SyncSettingsRepository $settings, SyncLogWriter $log, Clock $clock ) {
		$this->cache    = $cache;
		$this->importer = $importer;
		$this->settings = $settings;
		$this->log      = $log;
		$this->clock    = $clock;
	}

	public function register(): void {
		add_action( 'kiotviet_sync_branch_selected', array( $this, 'on_branch_selected' ), 15, 1 );
	}

	/**
	 * @param mixed $connection Connection.
	 */
	public function on_branch_selected( $connection ): void {
		if ( ! $connection instanceof Connection || null === $connection->retailer() || null === $connection->branch_id() ) {
			return;
		}
		try {
			$this->rewrite( (string) $connection->retailer(), (int) $connection->branch_id() );
		} catch ( \Throwable $e ) {
			$this->log->record( SyncLogWriter::CHANNEL_IMPORT, 'branch_stock', SyncLogWriter::RESULT_ERROR, 'Rewriting stock for the new branch failed: ' . $e->getMessage(), array( 'exception' => get_class( $e ) ) );
		}
	}

	/**
	 * @return array{updated: int, skipped: int, failed: int}
	 */
	public function rewrite( string $retailer, int $branch_id ): array {
		$settings = SettingsBuilder::build( $this->settings->load(), $branch_id, (string) get_option( 'woocommerce_weight_unit', 'kg' ), $this->clock->now() );
		$importer = ( $this->importer )();
		$counts   = array(
			'updated' => 0,
			'skipped' => 0,
			'failed'  => 0,
		);
		$after    = 0;
		while ( true ) {
			$chunk = $this->cache->stock_chunk( $retailer, $after, self::CHUNK );
			if ( array() === $chunk ) {
				break;
			}
			$after  = (int) max( array_keys( $chunk ) );
			$result = $importer->set_stock_quantities( $chunk, $settings );
			$counts['updated'] += $result->updated();
			$counts['skipped'] += $result->skipped();
			$counts['failed']  += $result->failed();
		}
		if ( $counts['updated'] + $counts['failed'] > 0 ) {
			$this->log->record(
				SyncLogWriter::CHANNEL_IMPORT,
				'branch_stock',
				$counts['failed'] > 0 ? SyncLogWriter::RESULT_ERROR : SyncLogWriter::RESULT_OK,
				sprintf( 'Stock rewritten from branch %d: %d updated, %d failed.', $branch_id, $counts['updated'], $counts['failed'] ),
				array( 'branch_id' => $branch_id ) + $counts
			);
		}
		return $counts;
	}
}
