<?php
/**
 * Local cache of the KiotViet catalog.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

/**
 * The catalog cache tables ({prefix}kiotviet_sync_kv_products, {prefix}kiotviet_sync_kv_categories), scoped
 * by retailer, plus the small lists (branches, price books) and fetch watermarks in one option. Every
 * query is indexed or bounded; pages of the Products screen are one SELECT with a LEFT JOIN on the mapping
 * table (when it exists), never one query per row.
 */
final class CatalogCacheRepository {

	public const PRODUCTS_TABLE   = 'kiotviet_sync_kv_products';
	public const CATEGORIES_TABLE = 'kiotviet_sync_kv_categories';
	public const MAP_TABLE        = 'kiotviet_sync_map';
	public const META_OPTION      = 'kiotviet_sync_catalog_meta';

	/** Columns written by upserts, with their SQL placeholder; null values become NULL. */
	private const PRODUCT_COLUMNS = array(
		'retailer'          => '%s',
		'kv_id'             => '%d',
		'code'              => '%s',
		'name'              => '%s',
		'full_name'         => '%s',
		'category_id'       => '%d',
		'master_product_id' => '%d',
		'master_unit_id'    => '%d',
		'family_id'         => '%d',
		'conversion_value'  => '%s',
		'kind'              => '%s',
		'is_variant'        => '%d',
		'is_active'         => '%d',
		'allows_sale'       => '%d',
		'unit'              => '%s',
		'base_price'        => '%s',
		'stock'             => '%d',
		'modified_at'       => '%s',
		'seen_run'          => '%d',
		'payload'           => '%s',
		'fetched_at'        => '%s',
	);

	private const CATEGORY_COLUMNS = array(
		'retailer'   => '%s',
		'kv_id'      => '%d',
		'name'       => '%s',
		'parent_id'  => '%d',
		'sort_rank'  => '%d',
		'seen_run'   => '%d',
		'payload'    => '%s',
		'fetched_at' => '%s',
	);

	private \wpdb $wpdb;

	private SettingsStore $options;

	private ?bool $map_exists = null;

	/**
	 * Indexes known to exist, by name.
	 *
	 * @var array<string, bool>
	 */
	private array $indexes = array();

	/**
	 * Whether the server runs window functions (null: not tried yet).
	 *
	 * @var bool|null
	 */
	private ?bool $window_functions = null;

	public function __construct( \wpdb $wpdb, SettingsStore $options ) {
		$this->wpdb    = $wpdb;
		$this->options = $options;
	}

	public function products_table(): string {
		return $this->wpdb->prefix . self::PRODUCTS_TABLE;
	}

	public function categories_table(): string {
		return $this->wpdb->prefix . self::CATEGORIES_TABLE;
	}

	public function map_table(): string {
		return $this->wpdb->prefix . self::MAP_TABLE;
	}

	/** Whether the mapping table (owned by MappingRepository) exists yet. */
	public function has_map_table(): bool {
		if ( null === $this->map_exists ) {
			$like             = $this->wpdb->esc_like( $this->map_table() );
			$this->map_exists = $this->map_table() === $this->wpdb->get_var( $this->wpdb->prepare( 'SHOW TABLES LIKE %s', $like ) );
		}
		return $this->map_exists;
	}

	// ---------------------------------------------------------------- meta (option)

	/**
	 * Meta of the retailer's cache: watermark, last_fetch_at, last_import_at, stock_branch_id, stock_mode,
	 * branches, price_books (raw KiotViet items). Another retailer's meta reads as empty.
	 *
	 * @return array<string, mixed>
	 */
	public function meta( string $retailer ): array {
		$all = $this->options->get( self::META_OPTION, array() );
		$all = is_array( $all ) ? $all : array();
		return isset( $all[ $retailer ] ) && is_array( $all[ $retailer ] ) ? $all[ $retailer ] : array();
	}

	/**
	 * Merges values into the retailer's meta.
	 *
	 * @param array<string, mixed> $values Values.
	 */
	public function update_meta( string $retailer, array $values ): void {
		$all = $this->options->get( self::META_OPTION, array() );
		$all = is_array( $all ) ? $all : array();
		$all[ $retailer ] = array_merge( isset( $all[ $retailer ] ) && is_array( $all[ $retailer ] ) ? $all[ $retailer ] : array(), $values );
		$this->options->set( self::META_OPTION, $all, false );
	}

	// ---------------------------------------------------------------- writes

	/**
	 * Upserts product rows (CacheRow::product()) in one multi-row INSERT … ON DUPLICATE KEY UPDATE.
	 * The merchant's columns (selected, locked_fields) are never overwritten.
	 *
	 * @param array<int, array<string, mixed>> $rows Rows.
	 */
	public function upsert_products( string $retailer, array $rows, int $run_id, string $now ): void {
		$this->upsert( $this->products_table(), self::PRODUCT_COLUMNS, $retailer, $rows, $run_id, $now );
	}

	/**
	 * Upserts category rows (CacheRow::category()).
	 *
	 * @param array<int, array<string, mixed>> $rows Rows.
	 */
	public function upsert_categories( string $retailer, array $rows, int $run_id, string $now ): void {
		$this->upsert( $this->categories_table(), self::CATEGORY_COLUMNS, $retailer, $rows, $run_id, $now );
	}

	/**
	 * @param array<string, string>            $columns Column => placeholder.
	 * @param array<int, array<string, mixed>> $rows    Rows.
	 */
	private function upsert( string $table, array $columns, string $retailer, array $rows, int $run_id, string $now ): void {
		if ( array() === $rows ) {
			return;
		}
		$values = array();
		foreach ( $rows as $row ) {
			$row['retailer']   = $retailer;
			$row['seen_run']   = $run_id;
			$row['fetched_at'] = $now;
			if ( isset( $row['payload'] ) && is_array( $row['payload'] ) ) {
				$row['payload'] = (string) wp_json_encode( $row['payload'] );
			}
			$parts = array();
			foreach ( $columns as $column => $placeholder ) {
				$value = $row[ $column ] ?? null;
				if ( null === $value ) {
					$parts[] = 'NULL';
				} elseif ( '%d' === $placeholder ) {
					$parts[] = (string) (int) $value;
				} else {
					$parts[] = $this->wpdb->prepare( '%s', is_float( $value ) ? self::decimal( $value ) : (string) $value );
				}
			}
			$values[] = '(' . implode( ',', $parts ) . ')';
		}
		$names   = implode( ',', array_keys( $columns ) );
		$updates = array();
		foreach ( array_keys( $columns ) as $column ) {
			if ( 'retailer' !== $column && 'kv_id' !== $column ) {
				$updates[] = "{$column} = VALUES({$column})";
			}
		}
		$sql = "INSERT INTO {$table} ({$names}) VALUES " . implode( ',', $values ) . ' ON DUPLICATE KEY UPDATE ' . implode( ', ', $updates );
		$this->wpdb->query( $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- every value was prepared or cast above.
	}

	private static function decimal( float $value ): string {
		$text = rtrim( rtrim( sprintf( '%.6F', $value ), '0' ), '.' );
		return '' === $text || '-0' === $text ? '0' : $text;
	}

	/**
	 * Deletes products by KiotViet id (removedIds).
	 *
	 * @param int[] $kv_ids Ids.
	 */
	public function delete_products( string $retailer, array $kv_ids ): int {
		return $this->delete_ids( $this->products_table(), $retailer, $kv_ids );
	}

	/**
	 * Forgets the retailer's whole cache (products, categories and meta with the watermark), so the next fetch
	 * starts from scratch (disconnect with "Hàng hóa" ticked).
	 */
	public function clear( string $retailer ): void {
		foreach ( array( $this->products_table(), $this->categories_table() ) as $table ) {
			$this->wpdb->query( $this->wpdb->prepare( "DELETE FROM {$table} WHERE retailer = %s", $retailer ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		$all = $this->options->get( self::META_OPTION, array() );
		$all = is_array( $all ) ? $all : array();
		unset( $all[ $retailer ] );
		$this->options->set( self::META_OPTION, $all, false );
	}

	/**
	 * Deletes categories by KiotViet id.
	 *
	 * @param int[] $kv_ids Ids.
	 */
	public function delete_categories( string $retailer, array $kv_ids ): int {
		return $this->delete_ids( $this->categories_table(), $retailer, $kv_ids );
	}

	/**
	 * @param int[] $kv_ids Ids.
	 */
	private function delete_ids( string $table, string $retailer, array $kv_ids ): int {
		$kv_ids = array_values( array_unique( array_map( 'intval', $kv_ids ) ) );
		if ( array() === $kv_ids ) {
			return 0;
		}
		$deleted = 0;
		foreach ( array_chunk( $kv_ids, 500 ) as $chunk ) {
			$in       = implode( ',', $chunk );
			$deleted += (int) $this->wpdb->query( $this->wpdb->prepare( "DELETE FROM {$table} WHERE retailer = %s AND kv_id IN ({$in})", $retailer ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- ints.
		}
		return $deleted;
	}

	/** After a full fetch: removes products that the fetch did not see (deleted in KiotViet meanwhile). */
	public function delete_unseen_products( string $retailer, int $run_id ): int {
		return (int) $this->wpdb->query( $this->wpdb->prepare( "DELETE FROM {$this->products_table()} WHERE retailer = %s AND seen_run <> %d", $retailer, $run_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/** After a categories fetch: removes categories that it did not see. */
	public function delete_unseen_categories( string $retailer, int $run_id ): int {
		return (int) $this->wpdb->query( $this->wpdb->prepare( "DELETE FROM {$this->categories_table()} WHERE retailer = %s AND seen_run <> %d", $retailer, $run_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * Derived units' stock = floor(base stock ÷ conversionValue) from the base unit's row (StockPolicy); null
	 * when the base is missing or its stock unknown. Services keep null.
	 */
	public function update_derived_stock( string $retailer ): void {
		$t = $this->products_table();
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->wpdb->query(
			$this->wpdb->prepare(
				"UPDATE {$t} u LEFT JOIN {$t} b ON b.retailer = u.retailer AND b.kv_id = u.master_unit_id
				SET u.stock = CASE WHEN b.stock IS NULL OR u.kind = 'service' OR u.conversion_value <= 0 THEN NULL ELSE FLOOR( GREATEST( b.stock, 0 ) / u.conversion_value + 0.000000001 ) END
				WHERE u.retailer = %s AND u.master_unit_id IS NOT NULL",
				$retailer
			)
		);
		// phpcs:enable
	}

	// ---------------------------------------------------------------- reads

	/**
	 * Products, categories and selected counts.
	 *
	 * @return array{products: int, categories: int, selected: int}
	 */
	public function counts( string $retailer ): array {
		$row = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT COUNT(*) AS products, COALESCE(SUM(selected), 0) AS selected FROM {$this->products_table()} WHERE retailer = %s", $retailer ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$cats = (int) $this->wpdb->get_var( $this->wpdb->prepare( "SELECT COUNT(*) FROM {$this->categories_table()} WHERE retailer = %s", $retailer ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return array(
			'products'   => (int) ( $row['products'] ?? 0 ),
			'categories' => $cats,
			'selected'   => (int) ( $row['selected'] ?? 0 ),
		);
	}

	/**
	 * Categories with direct product counts: kv_id, name, parent_id, sort_rank, products, selected.
	 *
	 * @return array<int, array{id: int, name: string, parent_id: int|null, rank: int, products: int, selected: int}>
	 */
	public function categories_with_counts( string $retailer ): array {
		$cats   = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT kv_id, name, parent_id, sort_rank FROM {$this->categories_table()} WHERE retailer = %s", $retailer ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$counts = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT category_id, COUNT(*) AS products, SUM(selected) AS selected FROM {$this->products_table()} WHERE retailer = %s GROUP BY category_id", $retailer ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$by_cat = array();
		foreach ( (array) $counts as $c ) {
			$by_cat[ (int) $c['category_id'] ] = array( (int) $c['products'], (int) $c['selected'] );
		}
		$out = array();
		foreach ( (array) $cats as $c ) {
			$id    = (int) $c['kv_id'];
			$out[] = array(
				'id'        => $id,
				'name'      => (string) $c['name'],
				'parent_id' => null === $c['parent_id'] || 0 === (int) $c['parent_id'] ? null : (int) $c['parent_id'],
				'rank'      => (int) $c['sort_rank'],
				'products'  => $by_cat[ $id ][0] ?? 0,
				'selected'  => $by_cat[ $id ][1] ?? 0,
			);
		}
		return $out;
	}

	/**
	 * Raw category payloads.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	public function category_payloads( string $retailer ): array {
		$rows = $this->wpdb->get_col( $this->wpdb->prepare( "SELECT payload FROM {$this->categories_table()} WHERE retailer = %s ORDER BY kv_id", $retailer ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$out  = array();
		foreach ( (array) $rows as $json ) {
			$item = json_decode( (string) $json, true );
			if ( is_array( $item ) ) {
				$out[] = $item;
			}
		}
		return $out;
	}

	/**
	 * One page of the Products screen.
	 *
	 * @param string   $retailer     Retailer.
	 * @param string   $search       Plain text (name, full name, code).
	 * @param int[]    $category_ids Category filter (with descendants), empty for all.
	 * @param string   $filter       all|selected|unselected|new|synced.
	 * @param int      $page         1-based page.
	 * @param int      $per_page     Page size.
	 * @return array{0: array<int, array<string, mixed>>, 1: int} [rows, total]
	 */
	public function search_products( string $retailer, string $search, array $category_ids, string $filter, int $page, int $per_page ): array {
		$p     = $this->products_table();
		$where = array( $this->wpdb->prepare( 'p.retailer = %s', $retailer ) );
		if ( '' !== $search ) {
			$like    = '%' . $this->wpdb->esc_like( $search ) . '%';
			$where[] = $this->wpdb->prepare( '( p.name LIKE %s OR p.full_name LIKE %s OR p.code LIKE %s )', $like, $like, $like );
		}
		if ( array() !== $category_ids ) {
			$where[] = 'p.category_id IN (' . implode( ',', array_map( 'intval', $category_ids ) ) . ')';
		}
		$join    = '';
		$select  = 'NULL AS woo_id, NULL AS synced_at, NULL AS last_error, NULL AS map_locks';
		$has_map = $this->has_map_table();
		if ( $has_map ) {
			$m      = $this->map_table();
			$join   = "LEFT JOIN {$m} m ON m.retailer = p.retailer AND m.kv_id = p.kv_id AND m.kind = IF(p.is_variant = 1, 'variation', 'product')";
			$select = 'm.woo_id AS woo_id, m.synced_at AS synced_at, m.last_error AS last_error, m.locked_fields AS map_locks';
		}
		switch ( $filter ) {
			case 'selected':
				$where[] = 'p.selected = 1';
				break;
			case 'unselected':
				$where[] = 'p.selected = 0';
				break;
			case 'new':
				// Never written to WooCommerce (a mapping row may exist for locks or a failed first attempt).
				if ( $has_map ) {
					$where[] = '( m.woo_id IS NULL OR m.woo_id = 0 )';
				}
				break;
			case 'synced':
				$where[] = $has_map ? 'm.woo_id IS NOT NULL AND m.woo_id > 0' : '1 = 0';
				break;
		}
		$where_sql = implode( ' AND ', $where );
		$c         = $this->categories_table();
		$offset    = max( 0, ( $page - 1 ) * $per_page );
		// phpcs:disable WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery
		// The count joins the mapping only when the filter needs it; a page is found in the list_order /
		// list_selected index (migration 6) as ids only, then just those rows are read with their joins.
		$count_join = '';
		if ( $has_map && in_array( $filter, array( 'new', 'synced' ), true ) ) {
			$m          = $this->map_table();
			$hint_m     = $this->has_index( $m, 'list_woo' ) ? 'FORCE INDEX (list_woo)' : '';
			$count_join = "LEFT JOIN {$m} m {$hint_m} ON m.retailer = p.retailer AND m.kv_id = p.kv_id AND m.kind = IF(p.is_variant = 1, 'variation', 'product')";
		}
		$order = 'ORDER BY p.family_id ASC, p.is_variant ASC, p.kv_id ASC LIMIT ' . (int) $per_page . ' OFFSET ' . (int) $offset;
		$ids   = null;
		$total = null;
		if ( '' !== $search || array() !== $category_ids ) {
			// A search or category scans the table anyway: count in the same pass (window function).
			$counted = $this->counted_page( "SELECT p.id, COUNT(*) OVER () AS kvs_total FROM {$p} p {$count_join} WHERE {$where_sql} {$order}" );
			if ( null !== $counted && array() !== $counted ) {
				$ids   = array_column( $counted, 'id' );
				$total = (int) $counted[0]['kvs_total'];
			}
		}
		if ( null === $total ) {
			$total = (int) $this->wpdb->get_var( "SELECT COUNT(*) FROM {$p} p {$count_join} WHERE {$where_sql}" );
			if ( 0 === $total || $offset >= $total ) {
				return array( array(), $total );
			}
			$index = 'selected' === $filter || 'unselected' === $filter ? 'list_selected' : 'list_order';
			// Without a search or category the index order is the page order: read it, stop after the page.
			$hint = '' === $search && array() === $category_ids && $this->has_index( $p, $index ) ? "FORCE INDEX ({$index})" : '';
			$ids  = $this->wpdb->get_col( "SELECT p.id FROM {$p} p {$hint} {$count_join} WHERE {$where_sql} {$order}" );
		}
		$ids   = array_map( 'intval', is_array( $ids ) ? $ids : array() );
		if ( array() === $ids ) {
			return array( array(), $total );
		}
		$rows = $this->wpdb->get_results(
			"SELECT p.id AS row_id, p.kv_id, p.code, p.name, p.full_name, p.category_id, c.name AS category_name, p.kind, p.master_product_id, p.unit, p.base_price, p.stock, p.is_active, p.allows_sale, p.selected, p.locked_fields, {$select}
			FROM {$p} p LEFT JOIN {$c} c ON c.retailer = p.retailer AND c.kv_id = p.category_id {$join}
			WHERE p.id IN (" . implode( ',', $ids ) . ')',
			ARRAY_A
		);
		// phpcs:enable
		$by_id = array();
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$by_id[ (int) $row['row_id'] ] = $row;
			unset( $by_id[ (int) $row['row_id'] ]['row_id'] );
		}
		$page_rows = array();
		foreach ( $ids as $id ) {
			if ( isset( $by_id[ $id ] ) ) {
				$page_rows[] = $by_id[ $id ];
			}
		}
		return array( $page_rows, $total );
	}

	/**
	 * Rows of a query with a window-function count, null when the server has none (MySQL < 8, MariaDB < 10.2;
	 * remembered) or on error.
	 *
	 * @param string $sql Query (built by search_products()).
	 * @return list<array<string, mixed>>|null
	 */
	private function counted_page( string $sql ): ?array {
		if ( false === $this->window_functions ) {
			return null;
		}
		$previous = $this->wpdb->suppress_errors( true );
		$rows     = $this->wpdb->get_results( $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- Built from prepared parts.
		$failed   = '' !== (string) $this->wpdb->last_error;
		$this->wpdb->suppress_errors( $previous );
		if ( $failed || ! is_array( $rows ) ) {
			$this->window_functions = false;
			return null;
		}
		return array_values( $rows );
	}

	/**
	 * Whether a table of ours has an index (migration 6 may not have run yet); remembered per request.
	 *
	 * @param string $table Full table name.
	 * @param string $name  Index name.
	 */
	private function has_index( string $table, string $name ): bool {
		$id = $table . '.' . $name;
		if ( ! isset( $this->indexes[ $id ] ) ) {
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery -- Table name is ours.
			$this->indexes[ $id ] = null !== $this->wpdb->get_var( $this->wpdb->prepare( "SHOW INDEX FROM {$table} WHERE Key_name = %s", $name ) );
		}
		return $this->indexes[ $id ];
	}

	/**
	 * One product row (same columns as search_products()).
	 *
	 * @return array<string, mixed>|null
	 */
	public function product_row( string $retailer, int $kv_id ): ?array {
		$p      = $this->products_table();
		$c      = $this->categories_table();
		$join   = '';
		$select = 'NULL AS woo_id, NULL AS synced_at, NULL AS last_error, NULL AS map_locks';
		if ( $this->has_map_table() ) {
			$join   = "LEFT JOIN {$this->map_table()} m ON m.retailer = p.retailer AND m.kv_id = p.kv_id AND m.kind = IF(p.is_variant = 1, 'variation', 'product')";
			$select = 'm.woo_id AS woo_id, m.synced_at AS synced_at, m.last_error AS last_error, m.locked_fields AS map_locks';
		}
		$row = $this->wpdb->get_row(
			$this->wpdb->prepare(
				"SELECT p.kv_id, p.code, p.name, p.full_name, p.category_id, c.name AS category_name, p.kind, p.master_product_id, p.unit, p.base_price, p.stock, p.is_active, p.allows_sale, p.selected, p.locked_fields, {$select}
				FROM {$p} p LEFT JOIN {$c} c ON c.retailer = p.retailer AND c.kv_id = p.category_id {$join}
				WHERE p.retailer = %s AND p.kv_id = %d",
				$retailer,
				$kv_id
			),
			ARRAY_A
		); // phpcs:ignore WordPress.DB.PreparedSQL
		return is_array( $row ) ? $row : null;
	}

	/**
	 * Selects or deselects rows; whole variant families follow any member.
	 *
	 * @param string     $retailer     Retailer.
	 * @param bool       $select       Select or deselect.
	 * @param string     $scope        ids|all|new|category.
	 * @param int[]      $ids          KiotViet ids (scope ids).
	 * @param int[]      $category_ids Categories with descendants (scope category).
	 */
	public function set_selected( string $retailer, bool $select, string $scope, array $ids, array $category_ids ): void {
		$p     = $this->products_table();
		$value = $select ? 1 : 0;
		$where = $this->wpdb->prepare( 's.retailer = %s', $retailer );
		$join  = '';
		switch ( $scope ) {
			case 'ids':
				$ids = array_values( array_unique( array_map( 'intval', $ids ) ) );
				if ( array() === $ids ) {
					return;
				}
				$where .= ' AND s.kv_id IN (' . implode( ',', $ids ) . ')';
				break;
			case 'category':
				if ( array() === $category_ids ) {
					return;
				}
				$where .= ' AND s.category_id IN (' . implode( ',', array_map( 'intval', $category_ids ) ) . ')';
				break;
			case 'new':
				if ( $this->has_map_table() ) {
					$join   = "LEFT JOIN {$this->map_table()} m ON m.retailer = s.retailer AND m.kv_id = s.kv_id AND m.kind = IF(s.is_variant = 1, 'variation', 'product')";
					$where .= ' AND ( m.woo_id IS NULL OR m.woo_id = 0 )';
				}
				break;
			case 'all':
				break;
			default:
				return;
		}
		// phpcs:disable WordPress.DB.PreparedSQL
		$this->wpdb->query(
			$this->wpdb->prepare(
				"UPDATE {$p} t JOIN ( SELECT DISTINCT s.family_id FROM {$p} s {$join} WHERE {$where} ) f ON f.family_id = t.family_id SET t.selected = %d WHERE t.retailer = %s",
				$value,
				$retailer
			)
		);
		// phpcs:enable
	}

	/**
	 * Stores per-product locked fields in the cache row.
	 *
	 * @param string[] $fields Fields.
	 */
	public function set_locks( string $retailer, int $kv_id, array $fields ): bool {
		// A variant family shares one set of locks (the parent's), so every member shows it.
		$family  = $this->family_of( $retailer, $kv_id );
		$updated = $this->wpdb->query(
			$this->wpdb->prepare(
				"UPDATE {$this->products_table()} SET locked_fields = %s WHERE retailer = %s AND ( kv_id = %d OR ( is_variant = 1 AND family_id = %d ) )", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				(string) wp_json_encode( array_values( $fields ) ),
				$retailer,
				$kv_id,
				$family ?? $kv_id
			)
		);
		return false !== $updated;
	}

	/** The family (variant master) id of a cached product; its own id for non-variants; null when not cached. */
	public function family_of( string $retailer, int $kv_id ): ?int {
		$family = $this->wpdb->get_var( $this->wpdb->prepare( "SELECT family_id FROM {$this->products_table()} WHERE retailer = %s AND kv_id = %d", $retailer, $kv_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return null === $family ? null : (int) $family;
	}

	/** Whether a product is cached. */
	public function has_product( string $retailer, int $kv_id ): bool {
		return null !== $this->wpdb->get_var( $this->wpdb->prepare( "SELECT kv_id FROM {$this->products_table()} WHERE retailer = %s AND kv_id = %d", $retailer, $kv_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * Rows after a family id, in family order (master first): up to $limit rows, then every remaining row of
	 * the last family, so callers never split a family. Used by the import batches and the dry run.
	 *
	 * @return array<int, array{kv_id: int, family_id: int, master_unit_id: int|null, selected: bool, payload: array<string, mixed>}>
	 */
	public function families_after( string $retailer, int $after_family, int $limit, bool $only_selected ): array {
		$p     = $this->products_table();
		$where = $only_selected ? ' AND selected = 1' : '';
		$cols  = 'kv_id, family_id, master_unit_id, selected, payload';
		$rows  = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT {$cols} FROM {$p} WHERE retailer = %s{$where} AND family_id > %d ORDER BY family_id ASC, is_variant ASC, master_product_id IS NOT NULL, kv_id ASC LIMIT %d", $retailer, $after_family, $limit ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$rows  = is_array( $rows ) ? $rows : array();
		if ( count( $rows ) === $limit && $limit > 0 ) {
			$last = (int) $rows[ $limit - 1 ]['family_id'];
			$seen = array();
			foreach ( $rows as $r ) {
				$seen[ (int) $r['kv_id'] ] = true;
			}
			$rest = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT {$cols} FROM {$p} WHERE retailer = %s{$where} AND family_id = %d ORDER BY master_product_id IS NOT NULL, kv_id ASC", $retailer, $last ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			foreach ( (array) $rest as $r ) {
				if ( ! isset( $seen[ (int) $r['kv_id'] ] ) ) {
					$rows[] = $r;
				}
			}
		}
		$out = array();
		foreach ( $rows as $r ) {
			$item  = json_decode( (string) $r['payload'], true );
			$out[] = array(
				'kv_id'          => (int) $r['kv_id'],
				'family_id'      => (int) $r['family_id'],
				'master_unit_id' => null === $r['master_unit_id'] ? null : (int) $r['master_unit_id'],
				'selected'       => 1 === (int) $r['selected'],
				'payload'        => is_array( $item ) ? $item : array(),
			);
		}
		return $out;
	}

	/**
	 * Payloads by row id after a row id (for recomputations over the whole cache).
	 *
	 * @return array<int, array<string, mixed>> row id => item.
	 */
	public function payload_chunk( string $retailer, int $after_row, int $limit ): array {
		$rows = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT id, payload FROM {$this->products_table()} WHERE retailer = %s AND id > %d ORDER BY id ASC LIMIT %d", $retailer, $after_row, $limit ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$out  = array();
		foreach ( (array) $rows as $r ) {
			$item = json_decode( (string) $r['payload'], true );
			$out[ (int) $r['id'] ] = is_array( $item ) ? $item : array();
		}
		return $out;
	}

	/**
	 * Cached stock by KiotViet id after a KiotViet id (null = unknown), for rewriting WooCommerce stock.
	 *
	 * @return array<int, int|null>
	 */
	public function stock_chunk( string $retailer, int $after_kv_id, int $limit ): array {
		$rows = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT kv_id, stock FROM {$this->products_table()} WHERE retailer = %s AND kv_id > %d ORDER BY kv_id ASC LIMIT %d", $retailer, $after_kv_id, $limit ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$out  = array();
		foreach ( (array) $rows as $r ) {
			$out[ (int) $r['kv_id'] ] = null === $r['stock'] ? null : (int) $r['stock'];
		}
		return $out;
	}

	/**
	 * Sets the stock column of many rows in one statement.
	 *
	 * @param array<int, int|null> $stock KiotViet id => quantity (null = unknown).
	 */
	public function set_stock( string $retailer, array $stock ): void {
		if ( array() === $stock ) {
			return;
		}
		$cases = array();
		foreach ( $stock as $kv_id => $quantity ) {
			$cases[] = 'WHEN ' . (int) $kv_id . ' THEN ' . ( null === $quantity ? 'NULL' : (string) (int) $quantity );
		}
		$in = implode( ',', array_map( 'intval', array_keys( $stock ) ) );
		$this->wpdb->query( $this->wpdb->prepare( "UPDATE {$this->products_table()} SET stock = CASE kv_id " . implode( ' ', $cases ) . " END WHERE retailer = %s AND kv_id IN ({$in})", $retailer ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQL.NotPrepared -- ints only.
	}

	/** Number of selected rows. */
	public function selected_count( string $retailer ): int {
		return (int) $this->wpdb->get_var( $this->wpdb->prepare( "SELECT COUNT(*) FROM {$this->products_table()} WHERE retailer = %s AND selected = 1", $retailer ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * Raw payloads by KiotViet id (one query).
	 *
	 * @param int[] $kv_ids Ids.
	 * @return array<int, array<string, mixed>> kv_id => item.
	 */
	public function payloads( string $retailer, array $kv_ids ): array {
		$kv_ids = array_values( array_unique( array_map( 'intval', $kv_ids ) ) );
		if ( array() === $kv_ids ) {
			return array();
		}
		$in   = implode( ',', $kv_ids );
		$rows = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT kv_id, payload FROM {$this->products_table()} WHERE retailer = %s AND kv_id IN ({$in})", $retailer ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$out  = array();
		foreach ( (array) $rows as $r ) {
			$item = json_decode( (string) $r['payload'], true );
			if ( is_array( $item ) ) {
				$out[ (int) $r['kv_id'] ] = $item;
			}
		}
		return $out;
	}

	/**
	 * A fingerprint of the cached products (tests compare caches after a resumed fetch).
	 *
	 * @return array<int, string> kv_id => md5 of the stored columns.
	 */
	public function fingerprint( string $retailer ): array {
		$rows = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT kv_id, MD5(CONCAT_WS('|', code, name, full_name, IFNULL(category_id,''), IFNULL(master_product_id,''), IFNULL(master_unit_id,''), family_id, kind, is_active, allows_sale, unit, IFNULL(base_price,''), IFNULL(stock,''), IFNULL(modified_at,''), selected, payload)) AS h FROM {$this->products_table()} WHERE retailer = %s ORDER BY kv_id", $retailer ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$out  = array();
		foreach ( (array) $rows as $r ) {
			$out[ (int) $r['kv_id'] ] = (string) $r['h'];
		}
		return $out;
	}
}
