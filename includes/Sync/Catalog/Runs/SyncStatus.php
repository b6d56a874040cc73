<?php
/**
 * The GET /sync/status payload.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog\Runs;

use KiotVietSync\Storage\CatalogCacheRepository;
use KiotVietSync\Storage\RunRepository;

/**
 * Builds the status object: the active run (or the latest one), last fetch/import times, cache counts.
 */
final class SyncStatus {

	private RunRepository $runs;

	private CatalogCacheRepository $cache;

	public function __construct( RunRepository $runs, CatalogCacheRepository $cache ) {
		$this->runs  = $runs;
		$this->cache = $cache;
	}

	/**
	 * @param string|null $retailer Connected retailer (null: counts are zero).
	 * @param Run|null    $run      The run to show (default: the active run, else the latest).
	 * @return array<string, mixed>
	 */
	public function build( ?string $retailer, ?Run $run = null ): array {
		if ( null === $run ) {
			$run = $this->runs->active() ?? $this->runs->latest();
		}
		$meta   = null === $retailer ? array() : $this->cache->meta( $retailer );
		$counts = null === $retailer ? array(
			'products'   => 0,
			'categories' => 0,
			'selected'   => 0,
		) : $this->cache->counts( $retailer );
		return array(
			'run'            => null === $run ? null : $run->to_response(),
			'last_fetch_at'  => isset( $meta['last_fetch_at'] ) ? Run::iso( (int) $meta['last_fetch_at'] ) : null,
			'last_import_at' => isset( $meta['last_import_at'] ) ? Run::iso( (int) $meta['last_import_at'] ) : null,
			'catalog'        => $counts,
		);
	}
}
