<?php
/**
 * Query behind the Synced product list (GET /products).
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

use KiotVietSync\Sync\Catalog\FieldLocks;

/**
 * WooCommerce parent products (post_type `product`; variations are summarised per parent by the controller)
 * LEFT JOINed with their `product` mapping row of the current retailer. Two indexed queries per page (rows +
 * COUNT); search is a LIKE on the title and the `_sku` meta with the term escaped by esc_like(), so `%`, `_`
 * and quotes are plain text. All SQL goes through $wpdb->prepare.
 *
 * "Paused" ("Ngừng đồng bộ") is the FieldLocks::PAUSED marker in the mapping row's locked_fields JSON.
 */
final class SyncedProductsQuery {

	public const SOURCES = array( 'all', 'kiotviet', 'woocommerce' );

	public const STATES = array( 'all', 'synced', 'paused', 'error' );

	private \wpdb $wpdb;

	private MappingRepository $mapping;

	public function __construct( \wpdb $wpdb, MappingRepository $mapping ) {
		$this->wpdb    = $wpdb;
		$this->mapping = $mapping;
	}

	/**
	 * One page of rows and the total.
	 *
	 * @return array{0: array<int, array{id: int, kv_id: ?int, kv_code: ?string, synced_at: ?string, last_error: ?string, paused: bool}>, 1: int}
	 */
	public function search( string $source, string $state, string $search, int $page, int $per_page ): array {
		$source = in_array( $source, self::SOURCES, true ) ? $source : 'all';
		$state  = in_array( $state, self::STATES, true ) ? $state : 'all';
		$table  = $this->mapping->table();
		$posts  = $this->wpdb->posts;
		$meta   = $this->wpdb->postmeta;
		$paused = '%' . $this->wpdb->esc_like( '"' . FieldLocks::PAUSED . '"' ) . '%';

		$where = array( "p.post_type = 'product'", "p.post_status NOT IN ('trash','auto-draft')" );
		$args  = array( $this->mapping->retailer(), MappingRepository::KIND_PRODUCT );
		if ( 'kiotviet' === $source ) {
			$where[] = 'm.kv_id IS NOT NULL';
		} elseif ( 'woocommerce' === $source ) {
			$where[] = 'm.kv_id IS NULL';
		}
		if ( 'synced' === $state ) {
			$where[] = "m.kv_id IS NOT NULL AND (m.last_error IS NULL OR m.last_error = '') AND (m.locked_fields IS NULL OR m.locked_fields NOT LIKE %s)";
			$args[]  = $paused;
		} elseif ( 'paused' === $state ) {
			$where[] = 'm.locked_fields LIKE %s';
			$args[]  = $paused;
		} elseif ( 'error' === $state ) {
			$where[] = "m.last_error IS NOT NULL AND m.last_error <> ''";
		}
		$join_sku = '';
		$search   = trim( $search );
		if ( '' !== $search ) {
			$like     = '%' . $this->wpdb->esc_like( $search ) . '%';
			$join_sku = "LEFT JOIN {$meta} sk ON sk.post_id = p.ID AND sk.meta_key = '_sku'";
			$where[]  = '(p.post_title LIKE %s OR sk.meta_value LIKE %s OR m.sku LIKE %s)';
			array_push( $args, $like, $like, $like );
		}
		$from = "FROM {$posts} p LEFT JOIN {$table} m ON m.woo_id = p.ID AND m.retailer = %s AND m.kind = %s {$join_sku} WHERE " . implode( ' AND ', $where );

		$total = (int) $this->wpdb->get_var( $this->wpdb->prepare( "SELECT COUNT(*) {$from}", $args ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQL.NotPrepared
		if ( 0 === $total ) {
			return array( array(), 0 );
		}
		$rows = $this->wpdb->get_results(
			$this->wpdb->prepare( "SELECT p.ID, m.kv_id, m.sku AS kv_code, m.synced_at, m.last_error, m.locked_fields {$from} ORDER BY p.ID DESC LIMIT %d OFFSET %d", array_merge( $args, array( $per_page, ( $page - 1 ) * $per_page ) ) ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQL.NotPrepared
			ARRAY_A
		);
		$out = array();
		foreach ( (array) $rows as $row ) {
			$row   = (array) $row;
			$locks = isset( $row['locked_fields'] ) && is_string( $row['locked_fields'] ) ? json_decode( $row['locked_fields'], true ) : null;
			$out[] = array(
				'id'         => (int) $row['ID'],
				'kv_id'      => isset( $row['kv_id'] ) ? (int) $row['kv_id'] : null,
				'kv_code'    => isset( $row['kv_code'] ) && '' !== $row['kv_code'] ? (string) $row['kv_code'] : null,
				'synced_at'  => isset( $row['synced_at'] ) && '' !== $row['synced_at'] ? (string) $row['synced_at'] : null,
				'last_error' => isset( $row['last_error'] ) && '' !== $row['last_error'] ? (string) $row['last_error'] : null,
				'paused'     => is_array( $locks ) && FieldLocks::is_paused( $locks ),
			);
		}
		return array( $out, $total );
	}

	/**
	 * Mapping rows (kind product) of these WooCommerce products: woo id => kv_id, code, paused (one query).
	 *
	 * @param int[] $woo_ids
	 * @return array<int, array{kv_id: int, kv_code: ?string, paused: bool, last_error: ?string}>
	 */
	public function mapped( array $woo_ids ): array {
		$woo_ids = array_values( array_filter( array_unique( array_map( 'intval', $woo_ids ) ) ) );
		if ( array() === $woo_ids ) {
			return array();
		}
		$table = $this->mapping->table();
		$in    = implode( ',', array_fill( 0, count( $woo_ids ), '%d' ) );
		$rows  = $this->wpdb->get_results(
			$this->wpdb->prepare( "SELECT woo_id, kv_id, sku, locked_fields, last_error FROM {$table} WHERE retailer = %s AND kind = %s AND woo_id IN ({$in})", array_merge( array( $this->mapping->retailer(), MappingRepository::KIND_PRODUCT ), $woo_ids ) ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			ARRAY_A
		);
		$out = array();
		foreach ( (array) $rows as $row ) {
			$row   = (array) $row;
			$locks = isset( $row['locked_fields'] ) && is_string( $row['locked_fields'] ) ? json_decode( $row['locked_fields'], true ) : null;

			$out[ (int) $row['woo_id'] ] = array(
				'kv_id'      => (int) $row['kv_id'],
				'kv_code'    => isset( $row['sku'] ) && '' !== $row['sku'] ? (string) $row['sku'] : null,
				'paused'     => is_array( $locks ) && FieldLocks::is_paused( $locks ),
				'last_error' => isset( $row['last_error'] ) && '' !== $row['last_error'] ? (string) $row['last_error'] : null,
			);
		}
		return $out;
	}

	/**
	 * Subquery-free WHERE fragment for the WooCommerce products screen filter: `kiotviet` = mapped to a KiotViet
	 * product, `woocommerce` = not mapped. Prepared; $alias is the posts table reference of the main query.
	 */
	public function where_clause( string $filter, string $posts_ref ): string {
		$table = $this->mapping->table();
		$sub   = $this->wpdb->prepare( "SELECT woo_id FROM {$table} WHERE retailer = %s AND kind = %s AND woo_id > 0", $this->mapping->retailer(), MappingRepository::KIND_PRODUCT ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( 'kiotviet' === $filter ) {
			return " AND {$posts_ref}.ID IN ({$sub})";
		}
		if ( 'woocommerce' === $filter ) {
			return " AND {$posts_ref}.ID NOT IN ({$sub})";
		}
		return '';
	}
}
