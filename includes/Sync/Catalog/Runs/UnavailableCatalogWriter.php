<?php
/**
 * Writer used while the WooCommerce writer is not installed.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog\Runs;

use KiotVietSync\Sync\Catalog\CatalogSettings;

/**
 * Fails every item with an explanation (never silently "succeeds").
 */
final class UnavailableCatalogWriter implements CatalogWriter {

	public function import_categories( array $categories ): array {
		return self::failed( $categories );
	}

	public function import_batch( array $products, array $categories, array $books, CatalogSettings $settings, array $base_units ): array {
		return self::failed( $products );
	}

	public function end_slice(): void {
		// Nothing was written, nothing deferred.
	}

	/**
	 * @param array<int, object> $items Items.
	 * @return array{created: int, updated: int, skipped: int, failed: int, errors: array<int, array{kv_id: int, message: string}>}
	 */
	private static function failed( array $items ): array {
		$errors = array();
		foreach ( $items as $item ) {
			$errors[] = array(
				'kv_id'   => method_exists( $item, 'id' ) ? (int) $item->id() : 0,
				'message' => 'The WooCommerce catalog writer is not available.',
			);
		}
		return array(
			'created' => 0,
			'updated' => 0,
			'skipped' => 0,
			'failed'  => count( $items ),
			'errors'  => $errors,
		);
	}
}
