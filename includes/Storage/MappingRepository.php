<?php
/**
 * KiotViet ↔ WooCommerce mapping table.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

/**
 * `{prefix}kiotviet_sync_map`: one row per (retailer, kind, KiotViet id) — kinds `product` (simple products and
 * variable parents, keyed by the family master's id), `variation` and `category`. `woo_id` 0 means "known but
 * not written" (a failed creation keeps its last_error, per-product locks set before the first sync).
 *
 * Reads for a batch are preloaded in one query (snapshot()); writes are upserts on the unique key, so a retried
 * batch updates the row it wrote before instead of adding one. All SQL goes through $wpdb->prepare.
 */
final class MappingRepository {

	public const TABLE = 'kiotviet_sync_map';

	public const KIND_PRODUCT   = 'product';
	public const KIND_VARIATION = 'variation';
	public const KIND_CATEGORY  = 'category';

	private \wpdb $wpdb;

	/** @var callable(): string */
	private $retailer;

	/**
	 * @param \wpdb             $wpdb     Database.
	 * @param callable(): string $retailer Current retailer (the connection's), read on every call.
	 */
	public function __construct( \wpdb $wpdb, callable $retailer ) {
		$this->wpdb     = $wpdb;
		$this->retailer = $retailer;
	}

	public function table(): string {
		return $this->wpdb->prefix . self::TABLE;
	}

	/** The retailer rows are scoped to ('' before a connection exists). */
	public function retailer(): string {
		return (string) ( $this->retailer )();
	}

	/**
	 * One row, or null.
	 *
	 * @return array{kind: string, kv_id: int, woo_id: int, sku: ?string, kv_modified_at: ?string, synced_at: ?string, last_error: ?string, locked_fields: string[], payload_hash: ?string}|null
	 */
	public function find( string $kind, int $kv_id ): ?array {
		$table = $this->table();
		$row   = $this->wpdb->get_row(
			$this->wpdb->prepare( "SELECT * FROM {$table} WHERE retailer = %s AND kind = %s AND kv_id = %d", $this->retailer(), $kind, $kv_id ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			ARRAY_A
		);
		return is_array( $row ) ? self::row( $row ) : null;
	}

	/** WooCommerce id mapped to (kind, KiotViet id), null when unmapped (or woo_id 0). */
	public function woo_id( string $kind, int $kv_id ): ?int {
		$row = $this->find( $kind, $kv_id );
		return null !== $row && $row['woo_id'] > 0 ? $row['woo_id'] : null;
	}

	/** KiotViet id mapped to the WooCommerce object, null when none. */
	public function kv_id( string $kind, int $woo_id ): ?int {
		$table = $this->table();
		$value = $this->wpdb->get_var(
			$this->wpdb->prepare( "SELECT kv_id FROM {$table} WHERE kind = %s AND woo_id = %d AND retailer = %s LIMIT 1", $kind, $woo_id, $this->retailer() ) // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		);
		return null === $value ? null : (int) $value;
	}

	/**
	 * Rows of one kind for these KiotViet ids (one query), keyed by KiotViet id.
	 *
	 * @param int[] $kv_ids
	 * @return array<int, array{kind: string, kv_id: int, woo_id: int, sku: ?string, kv_modified_at: ?string, synced_at: ?string, last_error: ?string, locked_fields: string[], payload_hash: ?string}>
	 */
	public function find_many( string $kind, array $kv_ids ): array {
		$kv_ids = array_values( array_unique( array_map( 'intval', $kv_ids ) ) );
		if ( array() === $kv_ids ) {
			return array();
		}
		$table = $this->table();
		$in    = implode( ',', array_fill( 0, count( $kv_ids ), '%d' ) );
		$rows  = $this->wpdb->get_results(
			$this->wpdb->prepare( "SELECT * FROM {$table} WHERE retailer = %s AND kind = %s AND kv_id IN ({$in})", array_merge( array( $this->retailer(), $kind ), $kv_ids ) ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			ARRAY_A
		);
		$out = array();
		foreach ( (array) $rows as $row ) {
			$row                  = self::row( (array) $row );
			$out[ $row['kv_id'] ] = $row;
		}
		return $out;
	}

	/**
	 * Every category mapping of the retailer whose term still exists: KiotViet id => term id.
	 *
	 * @return array<int, int>
	 */
	public function category_terms(): array {
		$table = $this->table();
		$rows  = $this->wpdb->get_results(
			$this->wpdb->prepare(
				"SELECT m.kv_id, m.woo_id FROM {$table} m INNER JOIN {$this->wpdb->term_taxonomy} tt ON tt.term_id = m.woo_id AND tt.taxonomy = 'product_cat' WHERE m.retailer = %s AND m.kind = %s AND m.woo_id > 0", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				$this->retailer(),
				self::KIND_CATEGORY
			),
			ARRAY_A
		);
		$out = array();
		foreach ( (array) $rows as $row ) {
			$out[ (int) $row['kv_id'] ] = (int) $row['woo_id'];
		}
		return $out;
	}

	/**
	 * Preloads everything identity decisions of one batch need, in two queries: the mapping rows of the given
	 * products/variations joined with their posts (stale links — deleted posts, wrong post type — read as
	 * unmapped), and the WooCommerce objects holding the given SKUs (postmeta `_sku`, trash excluded, as
	 * WooCommerce's own uniqueness check).
	 *
	 * @param int[]    $product_kv_ids   Simple products and family masters.
	 * @param int[]    $variation_kv_ids Variation members (the master included).
	 * @param string[] $skus             SKUs of the batch.
	 */
	public function snapshot( array $product_kv_ids, array $variation_kv_ids, array $skus ): MappingSnapshot {
		$rows   = array();
		$posts  = array();
		$wanted = array(
			self::KIND_PRODUCT   => array_values( array_unique( array_map( 'intval', $product_kv_ids ) ) ),
			self::KIND_VARIATION => array_values( array_unique( array_map( 'intval', $variation_kv_ids ) ) ),
		);
		$where  = array();
		$args   = array( $this->retailer() );
		foreach ( $wanted as $kind => $ids ) {
			if ( array() === $ids ) {
				continue;
			}
			$where[] = '(m.kind = %s AND m.kv_id IN (' . implode( ',', array_fill( 0, count( $ids ), '%d' ) ) . '))';
			$args[]  = $kind;
			$args    = array_merge( $args, $ids );
		}
		if ( array() !== $where ) {
			$table   = $this->table();
			$clauses = implode( ' OR ', $where );
			// Per-product locks set on the Products screen live on the catalog cache row (Storage\CatalogCacheRepository).
			$cache  = $this->has_cache_table() ? $this->wpdb->prefix . CatalogCacheRepository::PRODUCTS_TABLE : null;
			$select = null === $cache ? 'NULL AS cache_locks' : 'c.locked_fields AS cache_locks';
			$join   = null === $cache ? '' : "LEFT JOIN {$cache} c ON c.retailer = m.retailer AND c.kv_id = m.kv_id";
			$result  = $this->wpdb->get_results(
				$this->wpdb->prepare(
					"SELECT m.kind, m.kv_id, m.woo_id, m.sku, m.kv_modified_at, m.synced_at, m.last_error, m.locked_fields, m.payload_hash, p.post_type, p.post_parent, p.post_status, p.post_modified_gmt, s.meta_value AS stock, {$select} FROM {$table} m LEFT JOIN {$this->wpdb->posts} p ON p.ID = m.woo_id LEFT JOIN {$this->wpdb->postmeta} s ON s.post_id = m.woo_id AND s.meta_key = '_stock' {$join} WHERE m.retailer = %s AND ({$clauses})", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
					$args
				),
				ARRAY_A
			);
			foreach ( (array) $result as $raw ) {
				$raw  = (array) $raw;
				$row  = self::row( $raw );
				if ( isset( $raw['cache_locks'] ) && is_string( $raw['cache_locks'] ) && '' !== $raw['cache_locks'] ) {
					$cache_locks          = json_decode( $raw['cache_locks'], true );
					$row['locked_fields'] = array_values( array_unique( array_merge( $row['locked_fields'], is_array( $cache_locks ) ? array_map( 'strval', $cache_locks ) : array() ) ) );
				}
				$type = (string) ( $raw['post_type'] ?? '' );
				$live = $row['woo_id'] > 0 && ( self::KIND_VARIATION === $row['kind'] ? 'product_variation' === $type : 'product' === $type );
				$row['live']             = $live;
				$row['post_parent']      = (int) ( $raw['post_parent'] ?? 0 );
				$row['post_status']      = (string) ( $raw['post_status'] ?? '' );
				$row['post_modified_gmt'] = isset( $raw['post_modified_gmt'] ) ? (string) $raw['post_modified_gmt'] : null;
				$row['stock']            = isset( $raw['stock'] ) ? (string) $raw['stock'] : null;
				$rows[ $row['kind'] ][ $row['kv_id'] ] = $row;
				if ( $live ) {
					$posts[ $row['woo_id'] ] = array(
						'type'   => $type,
						'parent' => $row['post_parent'],
					);
				}
			}
		}

		$by_sku = array();
		$skus   = array_values( array_unique( array_filter( array_map( 'strval', $skus ), static function ( string $sku ): bool {
			return '' !== trim( $sku );
		} ) ) );
		if ( array() !== $skus ) {
			$in     = implode( ',', array_fill( 0, count( $skus ), '%s' ) );
			$result = $this->wpdb->get_results(
				$this->wpdb->prepare(
					"SELECT pm.meta_value AS sku, p.ID, p.post_type, p.post_parent FROM {$this->wpdb->postmeta} pm INNER JOIN {$this->wpdb->posts} p ON p.ID = pm.post_id WHERE pm.meta_key = '_sku' AND pm.meta_value IN ({$in}) AND p.post_type IN ('product','product_variation') AND p.post_status <> 'trash'", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
					$skus
				),
				ARRAY_A
			);
			foreach ( (array) $result as $raw ) {
				$raw = (array) $raw;
				$id  = (int) $raw['ID'];
				if ( ! isset( $by_sku[ (string) $raw['sku'] ] ) || $id < $by_sku[ (string) $raw['sku'] ] ) {
					$by_sku[ (string) $raw['sku'] ] = $id;
				}
				$posts[ $id ] = array(
					'type'   => (string) $raw['post_type'],
					'parent' => (int) $raw['post_parent'],
				);
			}
		}

		// Reverse links of SKU holders (IdentityResolver asks who a SKU holder is mapped to).
		$holder_ids = array_values( array_diff( array_values( $by_sku ), array_map( static function ( array $row ): int {
			return $row['woo_id'];
		}, array_merge( array_values( $rows[ self::KIND_PRODUCT ] ?? array() ), array_values( $rows[ self::KIND_VARIATION ] ?? array() ) ) ) ) );
		$reverse    = array();
		if ( array() !== $holder_ids ) {
			$table  = $this->table();
			$in     = implode( ',', array_fill( 0, count( $holder_ids ), '%d' ) );
			$result = $this->wpdb->get_results(
				$this->wpdb->prepare( "SELECT kind, kv_id, woo_id FROM {$table} WHERE retailer = %s AND kind IN ('product','variation') AND woo_id IN ({$in})", array_merge( array( $this->retailer() ), $holder_ids ) ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				ARRAY_A
			);
			foreach ( (array) $result as $raw ) {
				$reverse[ (string) $raw['kind'] ][ (int) $raw['woo_id'] ] = (int) $raw['kv_id'];
			}
		}
		return new MappingSnapshot( $rows, $by_sku, $posts, $reverse );
	}

	/**
	 * Per-product locks of a KiotViet product: the mapping row's plus the catalog cache row's (Products screen).
	 *
	 * @return string[]
	 */
	public function locks( string $kind, int $kv_id ): array {
		$row   = $this->find( $kind, $kv_id );
		$locks = null === $row ? array() : $row['locked_fields'];
		if ( $this->has_cache_table() ) {
			$cache = $this->wpdb->prefix . CatalogCacheRepository::PRODUCTS_TABLE;
			$json  = $this->wpdb->get_var( $this->wpdb->prepare( "SELECT locked_fields FROM {$cache} WHERE retailer = %s AND kv_id = %d", $this->retailer(), $kv_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$extra = is_string( $json ) && '' !== $json ? json_decode( $json, true ) : null;
			if ( is_array( $extra ) ) {
				$locks = array_values( array_unique( array_merge( $locks, array_map( 'strval', $extra ) ) ) );
			}
		}
		return $locks;
	}

	/** @var bool|null */
	private ?bool $cache_table = null;

	private function has_cache_table(): bool {
		if ( null === $this->cache_table ) {
			$name              = $this->wpdb->prefix . CatalogCacheRepository::PRODUCTS_TABLE;
			$this->cache_table = $name === $this->wpdb->get_var( $this->wpdb->prepare( 'SHOW TABLES LIKE %s', $this->wpdb->esc_like( $name ) ) );
		}
		return $this->cache_table;
	}

	/**
	 * Inserts or updates the row of (retailer, kind, kv_id). Only the given columns change on update.
	 *
	 * @param array<string, mixed> $fields woo_id, sku, kv_modified_at, synced_at, last_error, locked_fields (string[]), payload_hash.
	 */
	public function upsert( string $kind, int $kv_id, array $fields ): void {
		$allowed = array( 'woo_id', 'sku', 'kv_modified_at', 'synced_at', 'last_error', 'locked_fields', 'payload_hash' );
		$fields  = array_intersect_key( $fields, array_flip( $allowed ) );
		if ( isset( $fields['locked_fields'] ) && is_array( $fields['locked_fields'] ) ) {
			$fields['locked_fields'] = (string) wp_json_encode( array_values( $fields['locked_fields'] ) );
		}
		$columns = array( 'retailer', 'kind', 'kv_id' );
		$values  = array( '%s', '%s', '%d' );
		$args    = array( $this->retailer(), $kind, $kv_id );
		$updates = array();
		foreach ( $fields as $column => $value ) {
			$columns[] = $column;
			if ( null === $value ) {
				$values[] = 'NULL';
			} else {
				$values[] = 'woo_id' === $column ? '%d' : '%s';
				$args[]   = 'woo_id' === $column ? (int) $value : (string) $value;
			}
			$updates[] = "{$column} = VALUES({$column})";
		}
		if ( array_key_exists( 'woo_id', $fields ) && ! array_key_exists( 'payload_hash', $fields ) ) {
			// Re-linked to another object: what we wrote before says nothing about this one. First in the SET
			// list, so it compares with the old woo_id.
			array_unshift( $updates, 'payload_hash = IF(woo_id = VALUES(woo_id), payload_hash, NULL)' );
		}
		if ( array() === $updates ) {
			$updates[] = 'kv_id = kv_id';
		}
		$table = $this->table();
		$sql   = "INSERT INTO {$table} (" . implode( ', ', $columns ) . ') VALUES (' . implode( ', ', $values ) . ') ON DUPLICATE KEY UPDATE ' . implode( ', ', $updates );
		$this->wpdb->query( $this->wpdb->prepare( $sql, $args ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Records an error on the row (creating it with woo_id 0 when the object was never written).
	 */
	public function record_error( string $kind, int $kv_id, string $message ): void {
		$this->upsert( $kind, $kv_id, array( 'last_error' => substr( $message, 0, 2000 ) ) );
	}

	/**
	 * Per-product locks ("Tùy chọn KHÔNG đồng bộ" of one product), stored before or after the first sync.
	 *
	 * @param string[] $locked_fields
	 */
	public function set_locked_fields( string $kind, int $kv_id, array $locked_fields ): void {
		$this->upsert( $kind, $kv_id, array( 'locked_fields' => array_values( array_unique( array_map( 'strval', $locked_fields ) ) ) ) );
	}

	/**
	 * Removes the rows pointing at a deleted WooCommerce object (kind product or variation, or category term).
	 */
	public function forget_woo_id( string $kind, int $woo_id ): void {
		$table = $this->table();
		$this->wpdb->query( $this->wpdb->prepare( "DELETE FROM {$table} WHERE kind = %s AND woo_id = %d", $kind, $woo_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * Rows of one retailer and kind (disconnect "Xóa thông tin"): kv_id → woo_id, lowest kv_id first.
	 *
	 * @return array<int, int>
	 */
	public function woo_ids_of( string $retailer, string $kind, int $limit ): array {
		$table = $this->table();
		$rows  = $this->wpdb->get_results(
			$this->wpdb->prepare( "SELECT kv_id, woo_id FROM {$table} WHERE retailer = %s AND kind = %s ORDER BY kv_id ASC LIMIT %d", $retailer, $kind, $limit ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			ARRAY_A
		);
		$out = array();
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$out[ (int) $row['kv_id'] ] = (int) $row['woo_id'];
		}
		return $out;
	}

	/** Number of rows of one retailer and kind. */
	public function count_of( string $retailer, string $kind ): int {
		$table = $this->table();
		return (int) $this->wpdb->get_var( $this->wpdb->prepare( "SELECT COUNT(*) FROM {$table} WHERE retailer = %s AND kind = %s", $retailer, $kind ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * Deletes rows of one retailer and kind by KiotViet id.
	 *
	 * @param int[] $kv_ids Ids.
	 */
	public function delete_kv_ids( string $retailer, string $kind, array $kv_ids ): void {
		$kv_ids = array_values( array_unique( array_map( 'intval', $kv_ids ) ) );
		if ( array() === $kv_ids ) {
			return;
		}
		$table = $this->table();
		$this->wpdb->query( $this->wpdb->prepare( "DELETE FROM {$table} WHERE retailer = %s AND kind = %s AND kv_id IN (" . implode( ',', $kv_ids ) . ')', $retailer, $kind ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * @param array<string, mixed> $row Raw row.
	 * @return array{kind: string, kv_id: int, woo_id: int, sku: ?string, kv_modified_at: ?string, synced_at: ?string, last_error: ?string, locked_fields: string[], payload_hash: ?string}
	 */
	private static function row( array $row ): array {
		$locks = array();
		if ( isset( $row['locked_fields'] ) && is_string( $row['locked_fields'] ) && '' !== $row['locked_fields'] ) {
			$decoded = json_decode( $row['locked_fields'], true );
			$locks   = is_array( $decoded ) ? array_values( array_map( 'strval', $decoded ) ) : array();
		}
		return array(
			'kind'           => (string) $row['kind'],
			'kv_id'          => (int) $row['kv_id'],
			'woo_id'         => (int) $row['woo_id'],
			'sku'            => isset( $row['sku'] ) ? (string) $row['sku'] : null,
			'kv_modified_at' => isset( $row['kv_modified_at'] ) ? (string) $row['kv_modified_at'] : null,
			'synced_at'      => isset( $row['synced_at'] ) ? (string) $row['synced_at'] : null,
			'last_error'     => isset( $row['last_error'] ) ? (string) $row['last_error'] : null,
			'locked_fields'  => $locks,
			'payload_hash'   => isset( $row['payload_hash'] ) ? (string) $row['payload_hash'] : null,
		);
	}
}
