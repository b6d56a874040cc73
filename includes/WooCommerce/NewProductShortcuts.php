<?php
/**
 * Lookups WordPress and WooCommerce repeat for every product an import batch creates, answered once.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\WooCommerce;

/**
 * Saving a new product or variation through WooCommerce's CRUD asks the same questions again and again, and
 * WordPress cannot cache the answers because every term assignment invalidates all term queries. A CPU and
 * query profile of the 10,000-item import (docs/benchmarks.md) showed these as the largest remaining costs
 * after the meta buffer. While an import batch runs (between start() and stop(), with NewProductMetaBuffer
 * telling which posts the batch created), each is answered without changing what ends up in the database:
 *
 * - `term_exists()` (every wp_set_object_terms() asks it for each term: product type, visibility, category):
 *   the answer is remembered per query until a term is created, changed or deleted (`clean_term_cache` with
 *   the taxonomy, watched for the rest of the process once a batch ran; `split_shared_term`).
 * - The terms of a post created in the batch, right after they were set (WooCommerce re-reads them at once:
 *   its recount, the product type, a variation's read): WordPress's own relationship cache is filled with
 *   what was just written, when that is at most one term whose id is known (so the order cannot differ).
 * - WordPress's term count on a new post's status transition: it reads the post's terms in every taxonomy
 *   and recounts them, but a post created in the batch has none at that point (WooCommerce sets them after
 *   wp_insert_post()); skipped for such posts only. The batch recounts the terms it assigned at its end.
 * - The "trashed post with the same slug" lookup of wp_insert_post() (a WP_Query per post): skipped only when
 *   the site has no trashed post at all (one query per batch).
 * - WooCommerce's product attributes lookup update, scheduled as one Action Scheduler action per new product
 *   (a SHOW TABLES, two searches, an insert and a log row, then the action itself runs later): for a new
 *   product or variation without taxonomy (global) attributes it would delete nothing and insert nothing,
 *   so it is not scheduled. Products with global attributes, and every update, keep WooCommerce's path.
 * - WooCommerce's SKU uniqueness check, when the importer's identity snapshot already knows the SKU is free
 *   (expect_unique_sku()).
 */
final class NewProductShortcuts {

	private \wpdb $wpdb;

	private NewProductMetaBuffer $created;

	private bool $active = false;

	/**
	 * term_exists() query => get_terms() answer, kept for the process (a worker runs several batches) and
	 * dropped whenever a term is created, changed or deleted anywhere in it (see forget_terms()).
	 *
	 * @var array<string, mixed>
	 */
	private static array $exists = array();

	/** @var array<int, int> term_taxonomy_id => term_id, from the answers above. */
	private static array $term_ids = array();

	private static bool $watching = false;

	/** @var array<int, true> New posts whose status transition skipped WordPress's term count. */
	private array $skipped_count = array();

	private ?bool $site_has_trash = null;

	/** The product being saved is new and has no global attributes: its lookup table check is answered. */
	private bool $skip_lookup = false;

	private string $lookup_check_sql = '';

	/**
	 * The SKU uniqueness check WooCommerce is about to make (set_sku()), already answered "unique" by the
	 * importer's identity snapshot: [quoted SKU as in the query, product id], or null.
	 *
	 * @var array{0: string, 1: int}|null
	 */
	private ?array $unique_sku = null;

	/** @var array<string, int> Shortcuts taken, by name (tests, bench). */
	private array $taken = array();

	public function __construct( \wpdb $wpdb, NewProductMetaBuffer $created ) {
		$this->wpdb    = $wpdb;
		$this->created = $created;
	}

	public function start(): void {
		if ( $this->active || ! function_exists( 'add_filter' ) ) {
			return;
		}
		$this->active           = true;
		$this->site_has_trash   = null;
		$this->lookup_check_sql = $this->wpdb->prepare( 'SHOW TABLES LIKE %s', $this->wpdb->esc_like( $this->wpdb->prefix . 'wc_product_attributes_lookup' ) );
		add_filter( 'term_exists_default_query_args', array( $this, 'mark_term_exists' ), PHP_INT_MAX, 1 );
		add_filter( 'terms_pre_query', array( $this, 'on_terms_query' ), PHP_INT_MAX - 1, 2 );
		if ( ! self::$watching ) {
			// Stays for the process: answers kept between batches must not survive a term change made outside them.
			self::$watching = true;
			add_action( 'clean_term_cache', array( self::class, 'forget_terms' ), 10, 3 );
			add_action( 'split_shared_term', array( self::class, 'forget_all_terms' ), 10, 0 );
		}
		add_action( 'set_object_terms', array( $this, 'on_set_terms' ), PHP_INT_MAX, 6 );
		add_action( 'transition_post_status', array( $this, 'before_transition' ), 9, 3 );
		add_action( 'transition_post_status', array( $this, 'after_transition' ), 11, 3 );
		add_filter( 'add_trashed_suffix_to_trashed_posts', array( $this, 'trashed_suffix' ), PHP_INT_MAX, 1 );
		add_action( 'woocommerce_before_product_object_save', array( $this, 'before_product_save' ), PHP_INT_MAX, 1 );
		add_action( 'woocommerce_before_product_variation_object_save', array( $this, 'before_product_save' ), PHP_INT_MAX, 1 );
		add_action( 'woocommerce_after_product_object_save', array( $this, 'after_product_save' ), PHP_INT_MIN, 0 );
		add_action( 'woocommerce_after_product_variation_object_save', array( $this, 'after_product_save' ), PHP_INT_MIN, 0 );
		add_filter( 'query', array( $this, 'on_query' ), PHP_INT_MIN, 1 );
	}

	/** Removes every hook and forgets the batch's answers; idempotent. */
	public function stop(): void {
		if ( ! $this->active ) {
			return;
		}
		$this->active = false;
		remove_filter( 'term_exists_default_query_args', array( $this, 'mark_term_exists' ), PHP_INT_MAX );
		remove_filter( 'terms_pre_query', array( $this, 'on_terms_query' ), PHP_INT_MAX - 1 );
		remove_action( 'set_object_terms', array( $this, 'on_set_terms' ), PHP_INT_MAX );
		remove_action( 'transition_post_status', array( $this, 'before_transition' ), 9 );
		remove_action( 'transition_post_status', array( $this, 'after_transition' ), 11 );
		remove_filter( 'add_trashed_suffix_to_trashed_posts', array( $this, 'trashed_suffix' ), PHP_INT_MAX );
		remove_action( 'woocommerce_before_product_object_save', array( $this, 'before_product_save' ), PHP_INT_MAX );
		remove_action( 'woocommerce_before_product_variation_object_save', array( $this, 'before_product_save' ), PHP_INT_MAX );
		remove_action( 'woocommerce_after_product_object_save', array( $this, 'after_product_save' ), PHP_INT_MIN );
		remove_action( 'woocommerce_after_product_variation_object_save', array( $this, 'after_product_save' ), PHP_INT_MIN );
		remove_filter( 'query', array( $this, 'on_query' ), PHP_INT_MIN );
		if ( array() !== $this->skipped_count && ! has_action( 'transition_post_status', '_update_term_count_on_transition_post_status' ) ) {
			add_action( 'transition_post_status', '_update_term_count_on_transition_post_status', 10, 3 );
		}
		$this->skipped_count = array();
		$this->skip_lookup   = false;
		$this->unique_sku    = null;
	}

	/** @return array<string, int> Shortcuts taken so far, by name. */
	public function taken(): array {
		return $this->taken;
	}

	private function took( string $name ): void {
		$this->taken[ $name ] = ( $this->taken[ $name ] ?? 0 ) + 1;
	}

	// ------------------------------------------------------------------ term_exists()

	/**
	 * Marks term_exists()'s query so terms_pre_query can tell it from other term queries.
	 *
	 * @param mixed $args Query arguments.
	 * @return mixed
	 */
	public function mark_term_exists( $args ) {
		if ( is_array( $args ) ) {
			$args['kiotviet_sync_term_exists'] = true;
		}
		return $args;
	}

	/**
	 * `terms_pre_query`: a marked term_exists() query answered from this batch's earlier identical query;
	 * the first one runs (unmarked) and its answer is kept.
	 *
	 * @param mixed $terms Null, or another filter's answer.
	 * @param mixed $query WP_Term_Query.
	 * @return mixed
	 */
	public function on_terms_query( $terms, $query ) {
		if ( null !== $terms || ! $query instanceof \WP_Term_Query || empty( $query->query_vars['kiotviet_sync_term_exists'] ) ) {
			return $terms;
		}
		$vars = $query->query_vars;
		unset( $vars['kiotviet_sync_term_exists'] );
		$key = md5( (string) wp_json_encode( $vars ) );
		if ( array_key_exists( $key, self::$exists ) ) {
			$this->took( 'term_exists' );
			return self::$exists[ $key ];
		}
		$answer = ( new \WP_Term_Query() )->query( $vars );
		if ( is_array( $answer ) ) {
			self::$exists[ $key ] = $answer;
			foreach ( $answer as $term ) {
				if ( $term instanceof \WP_Term ) {
					self::$term_ids[ (int) $term->term_taxonomy_id ] = (int) $term->term_id;
				}
			}
		}
		return $answer;
	}

	/**
	 * `clean_term_cache`: a term was created, changed or deleted, earlier answers may be wrong now. A recount
	 * (wp_update_term_count_now() cleans without the taxonomy) changes no term's existence.
	 *
	 * @param mixed $ids            Term ids.
	 * @param mixed $taxonomy       Taxonomy.
	 * @param mixed $clean_taxonomy Whether the taxonomy's caches are cleaned too (term added/changed/deleted).
	 */
	public static function forget_terms( $ids = array(), $taxonomy = '', $clean_taxonomy = true ): void {
		if ( $clean_taxonomy ) {
			self::forget_all_terms();
		}
	}

	public static function forget_all_terms(): void {
		self::$exists   = array();
		self::$term_ids = array();
	}

	// ------------------------------------------------------------------ relationships of new posts

	/**
	 * After wp_set_object_terms() on a post created in this batch (WordPress has just dropped its cached
	 * relationships): caches what was written when it is at most one term of known id.
	 *
	 * @param mixed $object_id  Object id.
	 * @param mixed $terms      Terms as given.
	 * @param mixed $tt_ids     Term taxonomy ids set.
	 * @param mixed $taxonomy   Taxonomy.
	 * @param mixed $append     Appended to the old terms.
	 * @param mixed $old_tt_ids Term taxonomy ids before.
	 */
	public function on_set_terms( $object_id, $terms, $tt_ids, $taxonomy, $append, $old_tt_ids ): void {
		$object_id = (int) $object_id;
		if ( ! $this->created->is_created( $object_id ) ) {
			return;
		}
		$final = array_map( 'intval', (array) $tt_ids );
		if ( $append ) {
			$final = array_merge( $final, array_map( 'intval', (array) $old_tt_ids ) );
		}
		$final = array_values( array_unique( $final ) );
		if ( count( $final ) > 1 ) {
			return;
		}
		$ids = array();
		foreach ( $final as $tt_id ) {
			if ( ! isset( self::$term_ids[ $tt_id ] ) ) {
				return;
			}
			$ids[] = self::$term_ids[ $tt_id ];
		}
		wp_cache_set( $object_id, $ids, $taxonomy . '_relationships' );
		$this->took( 'relationships' );
	}

	// ------------------------------------------------------------------ term count on a new post's transition

	/**
	 * @param mixed $new_status New status.
	 * @param mixed $old_status Old status.
	 * @param mixed $post       Post.
	 */
	public function before_transition( $new_status, $old_status, $post ): void {
		if ( 'new' !== $old_status || ! $post instanceof \WP_Post || ! $this->created->is_created( (int) $post->ID ) || $this->created->has_terms( (int) $post->ID ) ) {
			return;
		}
		if ( false !== remove_action( 'transition_post_status', '_update_term_count_on_transition_post_status', 10 ) ) {
			$this->skipped_count[ (int) $post->ID ] = true;
			$this->took( 'transition_count' );
		}
	}

	/**
	 * @param mixed $new_status New status.
	 * @param mixed $old_status Old status.
	 * @param mixed $post       Post.
	 */
	public function after_transition( $new_status, $old_status, $post ): void {
		if ( $post instanceof \WP_Post && isset( $this->skipped_count[ (int) $post->ID ] ) ) {
			unset( $this->skipped_count[ (int) $post->ID ] );
			add_action( 'transition_post_status', '_update_term_count_on_transition_post_status', 10, 3 );
		}
	}

	// ------------------------------------------------------------------ trashed slugs

	/**
	 * @param mixed $add Whether WordPress looks for trashed posts with the new post's slug.
	 * @return mixed
	 */
	public function trashed_suffix( $add ) {
		if ( ! $add ) {
			return $add;
		}
		if ( null === $this->site_has_trash ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- Existence check, once per batch.
			$this->site_has_trash = null !== $this->wpdb->get_var( "SELECT 1 FROM {$this->wpdb->posts} WHERE post_status = 'trash' LIMIT 1" );
		}
		if ( $this->site_has_trash ) {
			return $add;
		}
		$this->took( 'trashed_suffix' );
		return false;
	}

	// ------------------------------------------------------------------ attributes lookup of new products

	/**
	 * @param mixed $product Product or variation about to be saved.
	 */
	public function before_product_save( $product ): void {
		$this->skip_lookup = $product instanceof \WC_Product && 0 === (int) $product->get_id() && ! self::has_global_attributes( $product );
	}

	public function after_product_save(): void {
		$this->skip_lookup = false;
	}

	/**
	 * `query`: WooCommerce's "does the attributes lookup table exist" check made for the new product being
	 * saved is not sent: no table, nothing scheduled (the update would have written nothing).
	 *
	 * @param mixed $sql Query.
	 * @return mixed
	 */
	public function on_query( $sql ) {
		if ( $this->skip_lookup && $sql === $this->lookup_check_sql ) {
			$this->skip_lookup = false;
			$this->took( 'attributes_lookup' );
			return '';
		}
		if ( null !== $this->unique_sku && is_string( $sql ) && $this->is_expected_sku_check( $sql ) ) {
			$this->unique_sku = null;
			$this->took( 'unique_sku' );
			return '';
		}
		return $sql;
	}

	// ------------------------------------------------------------------ SKU uniqueness

	/**
	 * The importer's identity snapshot (the batch's SKU holders, postmeta `_sku` outside the trash, updated as
	 * items are written) says nothing else holds this SKU: WooCommerce's own check during the next set_sku()
	 * (a scan of the product lookup table, which has no SKU index: ~6 ms per product at 10,000 products) is
	 * answered "unique" without the query. Plain ASCII SKUs only, where the database's case-insensitive
	 * comparison and the snapshot's lower-cased keys agree; anything else goes to the query.
	 */
	public function expect_unique_sku( string $sku, int $product_id ): void {
		$this->unique_sku = $this->active && 1 === preg_match( '/^[\x21-\x7E]+$/', $sku ) ? array( (string) $this->wpdb->prepare( '%s', wp_slash( $sku ) ), $product_id ) : null;
	}

	public function forget_unique_sku(): void {
		$this->unique_sku = null;
	}

	/**
	 * Whether the query is WooCommerce's SKU check for the expected SKU and product.
	 */
	private function is_expected_sku_check( string $sql ): bool {
		if ( null === $this->unique_sku || false === strpos( $sql, 'AS lookup' ) ) {
			return false;
		}
		$shape = '/^\s*SELECT posts\.ID\s+FROM\s+\S+\s+as posts\s+INNER JOIN\s+\S+\s+AS lookup\s+ON posts\.ID = lookup\.product_id\s+WHERE\s+posts\.post_type IN \( \'product\', \'product_variation\' \)\s+AND posts\.post_status != \'trash\'\s+AND lookup\.sku = (\'.*\')\s+AND lookup\.product_id <> (\d+)\s+LIMIT 1\s*$/s';
		return 1 === preg_match( $shape, $sql, $m ) && $m[1] === $this->unique_sku[0] && (int) $m[2] === $this->unique_sku[1];
	}

	/**
	 * Whether a product (or variation) has a taxonomy attribute, the only kind the lookup table holds.
	 */
	private static function has_global_attributes( \WC_Product $product ): bool {
		foreach ( $product->get_attributes() as $name => $attribute ) {
			if ( $attribute instanceof \WC_Product_Attribute ? $attribute->is_taxonomy() : ( 0 === strpos( (string) $name, 'pa_' ) || taxonomy_exists( (string) $name ) ) ) {
				return true;
			}
		}
		return false;
	}
}
