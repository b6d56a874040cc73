<?php
/**
 * The import run's CatalogWriter over CatalogImporter.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\WooCommerce;

use KiotVietSync\Sync\Catalog\CatalogImporter;
use KiotVietSync\Sync\Catalog\CatalogSettings;
use KiotVietSync\Sync\Catalog\ImportBatchResult;
use KiotVietSync\Sync\Catalog\Runs\CatalogWriter;

/**
 * Adapts CatalogImporter's ImportBatchResult to the array shape the run framework records.
 */
final class ImporterCatalogWriter implements CatalogWriter {

	private CatalogImporter $importer;

	public function __construct( CatalogImporter $importer ) {
		$this->importer = $importer;
	}

	public function import_categories( array $categories ): array {
		return self::shape( $this->importer->import_categories( $categories ) );
	}

	public function import_batch( array $products, array $categories, array $books, CatalogSettings $settings, array $base_units ): array {
		// A run's batches recount WooCommerce's category product counts once per worker slice (end_slice()).
		$this->importer->hold_term_recount();
		return self::shape( $this->importer->import_batch( $products, $categories, $books, $settings, $base_units ) );
	}

	public function end_slice(): void {
		$this->importer->flush_term_recount();
	}

	/**
	 * @return array{created: int, updated: int, skipped: int, failed: int, errors: array<int, array{kv_id: int, message: string}>}
	 */
	private static function shape( ImportBatchResult $result ): array {
		return array(
			'created' => $result->created(),
			'updated' => $result->updated(),
			'skipped' => $result->skipped(),
			'failed'  => $result->failed(),
			'errors'  => array_map(
				static function ( array $error ): array {
					return array(
						'kv_id'   => $error['kv_id'],
						'message' => $error['message'],
					);
				},
				$result->errors()
			),
		);
	}
}
