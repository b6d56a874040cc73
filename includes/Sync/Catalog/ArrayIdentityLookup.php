<?php
/**
 * In-memory IdentityLookup.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * IdentityLookup over arrays: for unit tests and for batches whose mappings and SKUs were preloaded in a
 * few queries (avoids the official plugin's N+1 SKU lookups).
 */
final class ArrayIdentityLookup implements IdentityLookup {

	/** @var array<string, array<int, int>> */
	private array $mapping;
	/** @var array<string, int> */
	private array $skus = array();
	/** @var array<int, int> */
	private array $parents;

	/**
	 * @param array<string, array<int, int>> $mapping kind => [kv id => woo id].
	 * @param array<string, int>             $skus    SKU => woo id.
	 * @param array<int, int>                $parents variation woo id => parent woo id.
	 */
	public function __construct( array $mapping = array(), array $skus = array(), array $parents = array() ) {
		$this->mapping = $mapping;
		foreach ( $skus as $sku => $woo_id ) {
			$this->skus[ TextKey::of( (string) $sku ) ] = (int) $woo_id;
		}
		$this->parents = $parents;
	}

	public function mapped_woo_id( string $kind, int $kv_id ): ?int {
		return isset( $this->mapping[ $kind ][ $kv_id ] ) ? (int) $this->mapping[ $kind ][ $kv_id ] : null;
	}

	public function mapped_kv_id( string $kind, int $woo_id ): ?int {
		$kv_id = array_search( $woo_id, $this->mapping[ $kind ] ?? array(), true );
		return false === $kv_id ? null : (int) $kv_id;
	}

	public function woo_id_by_sku( string $sku ): ?int {
		$key = TextKey::of( $sku );
		return '' !== $key && isset( $this->skus[ $key ] ) ? $this->skus[ $key ] : null;
	}

	public function parent_id_of( int $woo_id ): ?int {
		return isset( $this->parents[ $woo_id ] ) && $this->parents[ $woo_id ] > 0 ? $this->parents[ $woo_id ] : null;
	}
}
