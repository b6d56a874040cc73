<?php
/**
 * The quick sync run: incremental fetch, then import of the selected products.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Jobs;

use KiotVietSync\Storage\CatalogCacheRepository;
use KiotVietSync\Storage\SyncSettingsRepository;
use KiotVietSync\Sync\Catalog\Runs\Run;
use KiotVietSync\Sync\Catalog\Runs\RunHandler;

/**
 * "Đồng bộ nhanh" (seed 2.7): the fetch phases (categories, products — incremental from the watermark when
 * the branch and stock mode are unchanged —, branches, price books) followed by the import phases, in one run.
 * Each step is delegated to the fetch or import handler, so checkpoints, pause and resume behave the same.
 * With `auto_add_new_products` on, products never written to WooCommerce are selected before the import.
 */
final class QuickSyncJob implements RunHandler {

	public const KIND = 'quick_sync';

	private CatalogFetchJob $fetch;

	private CatalogImportJob $import;

	private CatalogCacheRepository $cache;

	private SyncSettingsRepository $settings;

	public function __construct( CatalogFetchJob $fetch, CatalogImportJob $import, CatalogCacheRepository $cache, SyncSettingsRepository $settings ) {
		$this->fetch    = $fetch;
		$this->import   = $import;
		$this->cache    = $cache;
		$this->settings = $settings;
	}

	public function kind(): string {
		return self::KIND;
	}

	public function phases(): array {
		return array_merge( CatalogFetchJob::PHASES, CatalogImportJob::PHASES );
	}

	public function assert_can_start(): void {
		$this->fetch->assert_can_start();
	}

	public function step( Run $run ): bool {
		if ( in_array( $run->phase(), CatalogFetchJob::PHASES, true ) ) {
			$this->fetch->step( $run );
			$phase = self::phase_after_step( $run );
			if ( 'import_categories' === $phase && true === (bool) $this->settings->load()->get( 'auto_add_new_products' ) ) {
				$this->cache->set_selected( $run->retailer(), true, 'new', array(), array() );
			}
			return 'done' !== $phase;
		}
		return $this->import->step( $run );
	}

	/** The phase once a step moved it (a separate call, so the narrowed type before the step does not apply). */
	private static function phase_after_step( Run $run ): string {
		return $run->phase();
	}
}
