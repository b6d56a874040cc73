<?php
/**
 * Preloaded identity data of one batch.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

use KiotVietSync\Sync\Catalog\IdentityLookup;
use KiotVietSync\Sync\Catalog\TextKey;

/**
 * IdentityLookup over what MappingRepository::snapshot() loaded (mapping rows joined with their posts, SKU
 * holders), so identity decisions for a whole batch cost two or three queries instead of several per item.
 * The writer records what it creates (remember()) so later items of the same batch see it.
 */
final class MappingSnapshot implements IdentityLookup {

	/** @var array<string, array<int, array<string, mixed>>> kind => kv id => row (+ live, post_parent, post_status, post_modified_gmt, stock). */
	private array $rows;
	/** @var array<string, int> SKU key => woo id. */
	private array $skus = array();
	/** @var array<int, array{type: string, parent: int}> */
	private array $posts;
	/** @var array<string, array<int, int>> kind => woo id => kv id. */
	private array $reverse = array();

	/**
	 * @param array<string, array<int, array<string, mixed>>> $rows
	 * @param array<string, int>                              $skus    SKU => woo id.
	 * @param array<int, array{type: string, parent: int}>    $posts
	 * @param array<string, array<int, int>>                  $reverse kind => woo id => kv id (SKU holders).
	 */
	public function __construct( array $rows, array $skus, array $posts, array $reverse ) {
		$this->rows  = $rows;
		$this->posts = $posts;
		foreach ( $skus as $sku => $woo_id ) {
			$this->skus[ TextKey::of( (string) $sku ) ] = (int) $woo_id;
		}
		$this->reverse = $reverse;
		foreach ( $rows as $kind => $by_kv ) {
			foreach ( $by_kv as $kv_id => $row ) {
				if ( ! empty( $row['live'] ) ) {
					$this->reverse[ $kind ][ (int) $row['woo_id'] ] = (int) $kv_id;
				}
			}
		}
	}

	public function mapped_woo_id( string $kind, int $kv_id ): ?int {
		$row = $this->rows[ $kind ][ $kv_id ] ?? null;
		return null !== $row && ! empty( $row['live'] ) ? (int) $row['woo_id'] : null;
	}

	public function mapped_kv_id( string $kind, int $woo_id ): ?int {
		return isset( $this->reverse[ $kind ][ $woo_id ] ) ? $this->reverse[ $kind ][ $woo_id ] : null;
	}

	public function woo_id_by_sku( string $sku ): ?int {
		$key = TextKey::of( $sku );
		return '' !== $key && isset( $this->skus[ $key ] ) ? $this->skus[ $key ] : null;
	}

	public function parent_id_of( int $woo_id ): ?int {
		$post = $this->posts[ $woo_id ] ?? null;
		return null !== $post && 'product_variation' === $post['type'] && $post['parent'] > 0 ? $post['parent'] : null;
	}

	/**
	 * The stored row (also when stale), or null.
	 *
	 * @return array<string, mixed>|null
	 */
	public function row( string $kind, int $kv_id ): ?array {
		return $this->rows[ $kind ][ $kv_id ] ?? null;
	}

	/**
	 * Per-product locks stored on the row.
	 *
	 * @return string[]
	 */
	public function locks( string $kind, int $kv_id ): array {
		$row = $this->rows[ $kind ][ $kv_id ] ?? null;
		return null === $row ? array() : (array) $row['locked_fields'];
	}

	/**
	 * Records a write made during the batch so later items see it (mapping, SKU holder, parent).
	 */
	public function remember( string $kind, int $kv_id, int $woo_id, string $sku, int $parent_id = 0 ): void {
		$previous = $this->rows[ $kind ][ $kv_id ] ?? array(
			'kind'          => $kind,
			'kv_id'         => $kv_id,
			'locked_fields' => array(),
			'payload_hash'  => null,
		);
		$previous['woo_id']      = $woo_id;
		$previous['live']        = true;
		$previous['post_parent'] = $parent_id;
		$this->rows[ $kind ][ $kv_id ] = $previous;
		$this->reverse[ $kind ][ $woo_id ] = $kv_id;
		$this->posts[ $woo_id ] = array(
			'type'   => 'variation' === $kind ? 'product_variation' : 'product',
			'parent' => $parent_id,
		);
		if ( '' !== trim( $sku ) ) {
			$this->skus[ TextKey::of( $sku ) ] = $woo_id;
		}
	}
}
