<?php
/**
 * IdentityLookup over the mapping table and WooCommerce SKUs, preloaded per chunk.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

use KiotVietSync\Sync\Catalog\IdentityLookup;
use KiotVietSync\Sync\Catalog\KvProduct;

/**
 * For the dry run (GET /catalog/preview): preload() answers a whole chunk of products with a fixed number of
 * queries (mapping rows by KiotViet id, SKUs, mapping rows by Woo id, parents), never one per product.
 * Mappings whose Woo object no longer exists are ignored (stale).
 */
final class CatalogCacheIdentityLookup implements IdentityLookup {

	private \wpdb $wpdb;

	private CatalogCacheRepository $cache;

	private string $retailer;

	/** @var array<string, array<int, int>> kind => kv_id => woo_id */
	private array $by_kv = array();

	/** @var array<string, array<int, int>> kind => woo_id => kv_id */
	private array $by_woo = array();

	/** @var array<string, int> sku => woo id */
	private array $skus = array();

	/** @var array<int, int> woo id => parent id (0 = none) */
	private array $parents = array();

	public function __construct( \wpdb $wpdb, CatalogCacheRepository $cache, string $retailer ) {
		$this->wpdb     = $wpdb;
		$this->cache    = $cache;
		$this->retailer = $retailer;
	}

	/**
	 * Loads what the rules will ask about these products.
	 *
	 * @param KvProduct[] $products Products.
	 */
	public function preload( array $products ): void {
		$this->by_kv   = array();
		$this->by_woo  = array();
		$this->skus    = array();
		$this->parents = array();
		$kv_ids        = array();
		$codes         = array();
		foreach ( $products as $product ) {
			$kv_ids[ $product->id() ]        = true;
			$kv_ids[ $product->family_id() ] = true;
			if ( '' !== $product->code() ) {
				$codes[ $product->code() ] = true;
			}
		}
		$woo_ids = array();
		$posts   = $this->wpdb->posts;
		if ( $this->cache->has_map_table() && array() !== $kv_ids ) {
			$map  = $this->cache->map_table();
			$in   = implode( ',', array_map( 'intval', array_keys( $kv_ids ) ) );
			$rows = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT m.kind, m.kv_id, m.woo_id, p.post_parent FROM {$map} m JOIN {$posts} p ON p.ID = m.woo_id AND p.post_status <> 'trash' WHERE m.retailer = %s AND m.kind IN ('product','variation') AND m.kv_id IN ({$in})", $this->retailer ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			foreach ( (array) $rows as $r ) {
				$this->remember( (string) $r['kind'], (int) $r['kv_id'], (int) $r['woo_id'] );
				$this->parents[ (int) $r['woo_id'] ] = (int) $r['post_parent'];
			}
		}
		if ( array() !== $codes ) {
			$placeholders = implode( ',', array_fill( 0, count( $codes ), '%s' ) );
			$meta         = $this->wpdb->postmeta;
			// phpcs:disable WordPress.DB.PreparedSQL
			$rows = $this->wpdb->get_results(
				$this->wpdb->prepare(
					"SELECT pm.meta_value AS sku, p.ID, p.post_parent FROM {$meta} pm JOIN {$posts} p ON p.ID = pm.post_id
					WHERE pm.meta_key = '_sku' AND pm.meta_value IN ({$placeholders}) AND p.post_type IN ('product','product_variation') AND p.post_status <> 'trash'",
					array_keys( $codes )
				),
				ARRAY_A
			);
			// phpcs:enable
			foreach ( (array) $rows as $r ) {
				$this->skus[ self::key( (string) $r['sku'] ) ] = (int) $r['ID'];
				$this->parents[ (int) $r['ID'] ]   = (int) $r['post_parent'];
				$woo_ids[ (int) $r['ID'] ]         = true;
				$woo_ids[ (int) $r['post_parent'] ] = true;
			}
		}
		unset( $woo_ids[0] );
		if ( $this->cache->has_map_table() && array() !== $woo_ids ) {
			$map  = $this->cache->map_table();
			$in   = implode( ',', array_map( 'intval', array_keys( $woo_ids ) ) );
			$rows = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT kind, kv_id, woo_id FROM {$map} WHERE retailer = %s AND kind IN ('product','variation') AND woo_id IN ({$in})", $this->retailer ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			foreach ( (array) $rows as $r ) {
				$this->remember( (string) $r['kind'], (int) $r['kv_id'], (int) $r['woo_id'] );
			}
		}
	}

	private static function key( string $sku ): string {
		return function_exists( 'mb_strtolower' ) ? mb_strtolower( $sku, 'UTF-8' ) : strtolower( $sku );
	}

	private function remember( string $kind, int $kv_id, int $woo_id ): void {
		$this->by_kv[ $kind ][ $kv_id ]   = $woo_id;
		$this->by_woo[ $kind ][ $woo_id ] = $kv_id;
	}

	public function mapped_woo_id( string $kind, int $kv_id ): ?int {
		return $this->by_kv[ $kind ][ $kv_id ] ?? null;
	}

	public function mapped_kv_id( string $kind, int $woo_id ): ?int {
		return $this->by_woo[ $kind ][ $woo_id ] ?? null;
	}

	public function woo_id_by_sku( string $sku ): ?int {
		return $this->skus[ self::key( $sku ) ] ?? null;
	}

	public function parent_id_of( int $woo_id ): ?int {
		$parent = $this->parents[ $woo_id ] ?? 0;
		return $parent > 0 ? $parent : null;
	}
}
