<?php
/**
 * Background product image import.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Jobs;

use KiotVietSync\Infrastructure\Registerable;
use KiotVietSync\Sync\Catalog\CatalogImporter;
use KiotVietSync\WooCommerce\ImageImporter;

/**
 * Hook `kiotviet_sync_import_images` (no arguments): handles a bounded number of products waiting for images,
 * then schedules itself again while some wait (at once when more are ready, later when only retries remain).
 * Scheduled by the catalog import with a delay, so product data always goes first.
 */
final class ImportImagesJob implements Registerable {

	public const HOOK     = CatalogImporter::IMAGES_HOOK;
	public const PER_RUN  = 10;

	/** @var callable(): ImageImporter */
	private $importer;
	private Scheduler $scheduler;

	/**
	 * @param callable(): ImageImporter $importer Built on first use.
	 */
	public function __construct( callable $importer, Scheduler $scheduler ) {
		$this->importer  = $importer;
		$this->scheduler = $scheduler;
	}

	public function register(): void {
		add_action( self::HOOK, array( $this, 'run' ) );
	}

	/**
	 * @return array{processed: int, remaining: int, retry_in: int}
	 */
	public function run(): array {
		$outcome = ( $this->importer )()->run( self::PER_RUN );
		if ( $outcome['remaining'] > 0 ) {
			// Not unique: this very action may still count as scheduled while it runs.
			$this->scheduler->schedule_single( self::HOOK, array(), $outcome['retry_in'], false );
		}
		return $outcome;
	}
}
