<?php
/**
 * Dry run of the import over the catalog cache and the current WooCommerce state.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog\Runs;

use KiotVietSync\Storage\CatalogCacheIdentityLookup;
use KiotVietSync\Storage\CatalogCacheRepository;
use KiotVietSync\Sync\Catalog\CatalogIssue;
use KiotVietSync\Sync\Catalog\CatalogPreview;
use KiotVietSync\Sync\Catalog\CatalogSettings;
use KiotVietSync\Sync\Catalog\DryRunReport;
use KiotVietSync\Sync\Catalog\KvCategory;
use KiotVietSync\Sync\Catalog\KvPriceBook;
use KiotVietSync\Sync\Catalog\KvProduct;

/**
 * GET /catalog/preview: CatalogPreview over the selected products of the cache, chunk by chunk (families never
 * split), with one IdentityLookup preload (a fixed number of queries) per chunk. WordPress-facing (terms, wpdb
 * through the repositories); the rules themselves stay pure.
 */
final class CatalogPreviewService {

	private const CHUNK = 500;

	private \wpdb $wpdb;

	private CatalogCacheRepository $cache;

	public function __construct( \wpdb $wpdb, CatalogCacheRepository $cache ) {
		$this->wpdb  = $wpdb;
		$this->cache = $cache;
	}

	/**
	 * The REST payload.
	 *
	 * @return array<string, mixed>
	 */
	public function preview( string $retailer, CatalogSettings $settings ): array {
		$report = new DryRunReport( 50 );
		$meta   = $this->cache->meta( $retailer );
		$books  = KvPriceBook::map_from_array( isset( $meta['price_books'] ) && is_array( $meta['price_books'] ) ? $meta['price_books'] : array() );

		$categories = array();
		foreach ( $this->cache->category_payloads( $retailer ) as $raw ) {
			$categories[] = KvCategory::from_array( $raw );
		}
		CatalogPreview::categories( $categories, $this->existing_terms(), $this->category_mapping( $retailer ), $report );

		$lookup = new CatalogCacheIdentityLookup( $this->wpdb, $this->cache, $retailer );
		$after  = 0;
		while ( true ) {
			$rows = $this->cache->families_after( $retailer, $after, self::CHUNK, true );
			if ( array() === $rows ) {
				break;
			}
			$products = array();
			$in_chunk = array();
			foreach ( $rows as $row ) {
				$product                       = KvProduct::from_array( $row['payload'] );
				$products[]                    = $product;
				$in_chunk[ $product->id() ]    = true;
				$after                         = max( $after, $row['family_id'] );
			}
			$lookup->preload( $products );
			CatalogPreview::products( $products, $books, $settings, $lookup, $report, array(), $this->base_units( $retailer, $products, $in_chunk ) );
			if ( count( $rows ) < self::CHUNK ) {
				break;
			}
		}
		return self::shape( $report->to_array() );
	}

	/**
	 * Base-unit products of derived units whose base is not in the chunk.
	 *
	 * @param KvProduct[]      $products Chunk.
	 * @param array<int, bool> $in_chunk Ids in the chunk.
	 * @return array<int, KvProduct>
	 */
	private function base_units( string $retailer, array $products, array $in_chunk ): array {
		$need = array();
		foreach ( $products as $product ) {
			$base = $product->master_unit_id();
			if ( null !== $base && ! isset( $in_chunk[ $base ] ) ) {
				$need[] = $base;
			}
		}
		$out = array();
		foreach ( $this->cache->payloads( $retailer, $need ) as $id => $raw ) {
			$out[ $id ] = KvProduct::from_array( $raw );
		}
		return $out;
	}

	/**
	 * WooCommerce product categories.
	 *
	 * @return array<int, array{term_id: int, name: string, parent: int}>
	 */
	private function existing_terms(): array {
		$terms = get_terms(
			array(
				'taxonomy'   => 'product_cat',
				'hide_empty' => false,
			)
		);
		$out = array();
		if ( is_array( $terms ) ) {
			foreach ( $terms as $term ) {
				if ( $term instanceof \WP_Term ) {
					$out[ $term->term_id ] = array(
						'term_id' => $term->term_id,
						'name'    => $term->name,
						'parent'  => $term->parent,
					);
				}
			}
		}
		return $out;
	}

	/**
	 * KiotViet category id => term id from the mapping table (empty before it exists).
	 *
	 * @return array<int, int>
	 */
	private function category_mapping( string $retailer ): array {
		if ( ! $this->cache->has_map_table() ) {
			return array();
		}
		$rows = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT kv_id, woo_id FROM {$this->cache->map_table()} WHERE retailer = %s AND kind = 'category'", $retailer ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$out  = array();
		foreach ( (array) $rows as $r ) {
			$out[ (int) $r['kv_id'] ] = (int) $r['woo_id'];
		}
		return $out;
	}

	/**
	 * DryRunReport::to_array() → the contract: {create, update, skip, conflict} per entity (a category adopted from
	 * an existing term counts as update) and conflicts as {code, kiotviet_id, sku, message, severity, entity}.
	 *
	 * @param array<string, mixed> $report Report.
	 * @return array<string, mixed>
	 */
	public static function shape( array $report ): array {
		$out = array();
		foreach ( array( 'products', 'variations', 'categories' ) as $key ) {
			$c           = isset( $report[ $key ] ) && is_array( $report[ $key ] ) ? $report[ $key ] : array();
			$out[ $key ] = array(
				'create'   => (int) ( $c['create'] ?? 0 ),
				'update'   => (int) ( $c['update'] ?? 0 ) + (int) ( $c['adopt'] ?? 0 ),
				'skip'     => (int) ( $c['skip'] ?? 0 ),
				'conflict' => (int) ( $c['conflict'] ?? 0 ),
			);
		}
		$out['conflicts'] = array();
		foreach ( (array) ( $report['conflicts'] ?? array() ) as $issue ) {
			if ( ! is_array( $issue ) ) {
				continue;
			}
			$out['conflicts'][] = array(
				'code'        => (string) ( $issue['code'] ?? '' ),
				'kiotviet_id' => (int) ( $issue['kv_id'] ?? 0 ),
				'sku'         => (string) ( $issue['sku'] ?? '' ),
				'message'     => self::message( (string) ( $issue['code'] ?? '' ), (string) ( $issue['sku'] ?? '' ) ),
				'severity'    => (string) ( $issue['severity'] ?? '' ),
				'entity'      => (string) ( $issue['entity'] ?? '' ),
			);
		}
		return $out;
	}

	private static function message( string $code, string $sku ): string {
		switch ( $code ) {
			case CatalogIssue::DUPLICATE_SKU:
				/* translators: %s: product code (SKU). */
				return sprintf( __( 'Another KiotViet product has the same code %s; only the first one is synced.', 'kiotviet-sync' ), $sku );
			case CatalogIssue::SKU_EXISTS:
				/* translators: %s: product code (SKU). */
				return sprintf( __( 'A WooCommerce product already has the SKU %s. Turn on "update products by SKU" to link it, or change the SKU.', 'kiotviet-sync' ), $sku );
			case CatalogIssue::SKU_TAKEN:
				/* translators: %s: product code (SKU). */
				return sprintf( __( 'The SKU %s is used by another WooCommerce product; the product is synced without a SKU.', 'kiotviet-sync' ), $sku );
			case CatalogIssue::SALE_NOT_LOWER:
				return __( 'The sale price is not lower than the regular price, so no sale price is set.', 'kiotviet-sync' );
			case CatalogIssue::CATEGORY_DUPLICATE_NAME:
			case CatalogIssue::CATEGORY_TERM_TAKEN:
				return __( 'A product category with the same name already exists at this level.', 'kiotviet-sync' );
			case CatalogIssue::MISSING_ATTRIBUTES:
			case CatalogIssue::DUPLICATE_COMBINATION:
				return __( 'This variant has no attributes, or the same attributes as another variant.', 'kiotviet-sync' );
		}
		return __( 'This item cannot be synced as it is.', 'kiotviet-sync' );
	}
}
