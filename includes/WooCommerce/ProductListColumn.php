<?php
/**
 * "KiotViet" column and filter on the WooCommerce products screen.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\WooCommerce;

use KiotVietSync\Infrastructure\Registerable;
use KiotVietSync\Storage\SyncedProductsQuery;

/**
 * edit.php?post_type=product: a "KiotViet" column (KiotViet code + sync state, escaped; mapping rows of the
 * listed page read in one query) and a dropdown "All / Synced from KiotViet / Not from KiotViet" applied through
 * posts_where with a prepared subquery on the mapping table. Only for users with manage_woocommerce; the filter
 * value is whitelisted.
 */
final class ProductListColumn implements Registerable {

	public const COLUMN = 'kiotviet_sync';

	public const QUERY_VAR = 'kiotviet_sync_source';

	public const FILTERS = array( 'kiotviet', 'woocommerce' );

	private SyncedProductsQuery $query;

	/** @var array<int, array{kv_id: int, kv_code: ?string, paused: bool, last_error: ?string}>|null */
	private ?array $page_rows = null;

	public function __construct( SyncedProductsQuery $query ) {
		$this->query = $query;
	}

	public function register(): void {
		if ( ! is_admin() ) {
			return;
		}
		add_filter( 'manage_edit-product_columns', array( $this, 'columns' ), 20 );
		add_action( 'manage_product_posts_custom_column', array( $this, 'render_column' ), 10, 2 );
		add_action( 'restrict_manage_posts', array( $this, 'render_filter' ), 20, 2 );
		add_filter( 'posts_where', array( $this, 'filter_where' ), 10, 2 );
	}

	private static function allowed(): bool {
		return current_user_can( 'manage_woocommerce' );
	}

	/**
	 * Adds the column after the name (or at the end).
	 *
	 * @param array<string, string> $columns Columns.
	 * @return array<string, string>
	 */
	public function columns( $columns ): array {
		$columns = is_array( $columns ) ? $columns : array();
		if ( ! self::allowed() ) {
			return $columns;
		}
		$out = array();
		foreach ( $columns as $key => $label ) {
			$out[ $key ] = $label;
			if ( 'name' === $key ) {
				$out[ self::COLUMN ] = __( 'KiotViet', 'kiotviet-sync' );
			}
		}
		if ( ! isset( $out[ self::COLUMN ] ) ) {
			$out[ self::COLUMN ] = __( 'KiotViet', 'kiotviet-sync' );
		}
		return $out;
	}

	/**
	 * Prints the cell.
	 *
	 * @param string $column  Column key.
	 * @param int    $post_id Product id.
	 */
	public function render_column( $column, $post_id ): void {
		if ( self::COLUMN !== $column || ! self::allowed() ) {
			return;
		}
		$post_id = (int) $post_id;
		if ( null === $this->page_rows || ! array_key_exists( $post_id, $this->page_rows ) ) {
			$this->page_rows = ( $this->page_rows ?? array() ) + $this->load_page_rows( $post_id );
		}
		$row = $this->page_rows[ $post_id ] ?? null;
		if ( null === $row ) {
			echo '<span class="na">&ndash;</span>';
			return;
		}
		if ( null !== $row['last_error'] ) {
			$state = __( 'Error', 'kiotviet-sync' );
		} elseif ( $row['paused'] ) {
			$state = __( 'Sync paused', 'kiotviet-sync' );
		} else {
			$state = __( 'Syncing', 'kiotviet-sync' );
		}
		$code = $row['kv_code'] ?? (string) $row['kv_id'];
		echo '<strong>' . esc_html( $code ) . '</strong><br /><span class="kiotviet-sync-state"'
			. ( null !== $row['last_error'] ? ' title="' . esc_attr( $row['last_error'] ) . '"' : '' ) . '>'
			. esc_html( $state ) . '</span>';
	}

	/**
	 * Mapping rows of the products on the current list page (one query), plus this one.
	 *
	 * @return array<int, array{kv_id: int, kv_code: ?string, paused: bool, last_error: ?string}|null>
	 */
	private function load_page_rows( int $post_id ): array {
		global $wp_query;
		$ids = array( $post_id );
		if ( isset( $wp_query->posts ) && is_array( $wp_query->posts ) ) {
			foreach ( $wp_query->posts as $post ) {
				$ids[] = is_object( $post ) ? (int) $post->ID : (int) $post;
			}
		}
		$rows = $this->query->mapped( $ids );
		$out  = array();
		foreach ( $ids as $id ) {
			$out[ $id ] = $rows[ $id ] ?? null;
		}
		return $out;
	}

	/** The whitelisted filter value of the current request ('' = all). */
	public static function current_filter(): string {
		$value = isset( $_GET[ self::QUERY_VAR ] ) ? sanitize_key( wp_unslash( (string) $_GET[ self::QUERY_VAR ] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a list filter, read only.
		return in_array( $value, self::FILTERS, true ) ? $value : '';
	}

	/**
	 * Prints the dropdown above the products list.
	 *
	 * @param string $post_type Post type of the list.
	 * @param string $which     top|bottom.
	 */
	public function render_filter( $post_type = '', $which = 'top' ): void {
		if ( 'product' !== $post_type || 'top' !== $which || ! self::allowed() ) {
			return;
		}
		$current = self::current_filter();
		$options = array(
			''            => __( 'All products (KiotViet)', 'kiotviet-sync' ),
			'kiotviet'    => __( 'Synced from KiotViet', 'kiotviet-sync' ),
			'woocommerce' => __( 'Not from KiotViet', 'kiotviet-sync' ),
		);
		echo '<label class="screen-reader-text" for="kiotviet-sync-source">' . esc_html__( 'Filter by KiotViet source', 'kiotviet-sync' ) . '</label>';
		echo '<select name="' . esc_attr( self::QUERY_VAR ) . '" id="kiotviet-sync-source">';
		foreach ( $options as $value => $label ) {
			echo '<option value="' . esc_attr( $value ) . '"' . selected( $current, $value, false ) . '>' . esc_html( $label ) . '</option>';
		}
		echo '</select>';
	}

	/**
	 * Restricts the main products list query.
	 *
	 * @param string    $where WHERE clause.
	 * @param \WP_Query $query The query.
	 */
	public function filter_where( $where, $query ): string {
		$where = (string) $where;
		if ( ! $query instanceof \WP_Query || ! $query->is_main_query() || ! is_admin() || ! self::allowed() ) {
			return $where;
		}
		$type = $query->get( 'post_type' );
		if ( 'product' !== $type && array( 'product' ) !== $type ) {
			return $where;
		}
		$filter = self::current_filter();
		if ( '' === $filter ) {
			return $where;
		}
		global $wpdb;
		return $where . $this->query->where_clause( $filter, $wpdb->posts );
	}
}
