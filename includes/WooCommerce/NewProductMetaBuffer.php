<?php
/**
 * Post meta of the products created in an import batch, written as one multi-row INSERT per object.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\WooCommerce;

/**
 * WooCommerce's data store writes about 30 props per new product or variation with `update_post_meta()` /
 * `delete_post_meta()`, and WordPress answers each with an existence check (`SELECT meta_id …`), an INSERT,
 * and a meta cache invalidation that the next read refills (`SELECT … FROM postmeta WHERE post_id IN …`):
 * ~80 queries per object for rows that cannot exist yet.
 *
 * For posts created while the buffer runs (`save_post_product` / `save_post_product_variation` with
 * `$update = false`), WordPress's own short-circuit filters answer instead: `update_post_metadata` and
 * `delete_post_metadata` change an in-memory list of the object's meta, `get_post_metadata` keeps WordPress's
 * meta cache equal to that list (so reads see the pending values without a query), and the pending rows are
 * inserted in one statement before anything needs them in the database: when WordPress adds a row (its real
 * meta_id is returned), when WooCommerce announces the new object (`woocommerce_new_product[_variation]`), at
 * the end of every item and of the batch. The rows inserted are exactly the ones the normal calls would have
 * inserted (same keys, same serialised values, same order per key); `added_post_meta` fires for each.
 *
 * Anything the list cannot answer exactly (an update or delete with a previous value, a delete of every
 * object's rows, a key already in the database) first flushes the pending rows, then stops tracking that post
 * and lets WordPress run normally. Posts that existed before the batch are never touched. Other requests and
 * code outside the batch are not affected: the filters exist only between start() and stop().
 *
 * Two more reads with a known answer are skipped the same way: the terms of a post created in the batch, in a
 * taxonomy nothing has assigned terms in yet, are none (`terms_pre_query`; wp_insert_post's term count on the
 * status transition and wp_set_object_terms' "old terms" ask for them); and WooCommerce's per-save delete of a
 * term's `product_ids` meta is sent once per term and batch (later deletes find nothing, as the query would).
 */
final class NewProductMetaBuffer {

	private const POST_TYPES = array( 'product', 'product_variation' );

	private \wpdb $wpdb;

	private bool $active = false;

	/**
	 * Tracked posts: post id => list of rows [ key, stored string, meta_id|null ] in insertion order
	 * (meta_id null = pending, not inserted yet).
	 *
	 * @var array<int, array<int, array{0:string,1:string|null,2:int|null}>>
	 */
	private array $meta = array();

	/** @var array<int, true> Posts with pending rows. */
	private array $pending = array();

	/** @var array<int, true> Every product/variation post created while the buffer runs. */
	private array $created = array();

	/** @var array<int, true> Terms whose `product_ids` term meta this batch has already deleted. */
	private array $cleared_term_ids = array();

	/** wp_insert_post() is inserting a new product or variation: the next clean_post_cache() names it. */
	private bool $inserting = false;

	/** @var array<int, array<string, true>> Created post => taxonomies whose terms were set since. */
	private array $termed = array();

	private int $flushes = 0;

	public function __construct( \wpdb $wpdb ) {
		$this->wpdb = $wpdb;
	}

	public function start(): void {
		if ( $this->active || ! function_exists( 'add_filter' ) ) {
			return;
		}
		$this->active  = true;
		$this->meta    = array();
		$this->pending = array();
		foreach ( self::POST_TYPES as $type ) {
			add_action( 'save_post_' . $type, array( $this, 'on_save_post' ), PHP_INT_MIN, 3 );
		}
		add_filter( 'update_post_metadata', array( $this, 'on_update' ), PHP_INT_MAX, 5 );
		add_filter( 'delete_post_metadata', array( $this, 'on_delete' ), PHP_INT_MAX, 5 );
		add_filter( 'add_post_metadata', array( $this, 'on_add' ), PHP_INT_MAX, 5 );
		add_filter( 'get_post_metadata', array( $this, 'on_get' ), PHP_INT_MAX, 4 );
		add_action( 'woocommerce_new_product', array( $this, 'flush_post' ), PHP_INT_MIN, 1 );
		add_action( 'woocommerce_new_product_variation', array( $this, 'flush_post' ), PHP_INT_MIN, 1 );
		add_filter( 'wp_insert_post_data', array( $this, 'on_insert_post_data' ), PHP_INT_MAX, 4 );
		add_action( 'clean_post_cache', array( $this, 'on_clean_post_cache' ), PHP_INT_MIN, 1 );
		add_action( 'set_object_terms', array( $this, 'on_set_terms' ), PHP_INT_MIN, 4 );
		add_action( 'added_term_relationship', array( $this, 'on_added_relationship' ), PHP_INT_MIN, 3 );
		add_filter( 'terms_pre_query', array( $this, 'on_terms_query' ), PHP_INT_MAX, 2 );
		add_filter( 'delete_term_metadata', array( $this, 'on_delete_term_meta' ), PHP_INT_MAX, 5 );
		add_action( 'added_term_meta', array( $this, 'on_term_meta_written' ), PHP_INT_MAX, 3 );
		add_action( 'updated_term_meta', array( $this, 'on_term_meta_written' ), PHP_INT_MAX, 3 );
	}

	/** Inserts the pending rows and stops buffering (call before COMMIT); idempotent. */
	public function finish(): void {
		if ( $this->active ) {
			$this->flush();
		}
		$this->stop();
	}

	/** Stops without writing (rollback path: the pending rows belong to rolled-back posts); idempotent. */
	public function stop(): void {
		if ( ! $this->active ) {
			return;
		}
		$this->active = false;
		foreach ( self::POST_TYPES as $type ) {
			remove_action( 'save_post_' . $type, array( $this, 'on_save_post' ), PHP_INT_MIN );
		}
		remove_filter( 'update_post_metadata', array( $this, 'on_update' ), PHP_INT_MAX );
		remove_filter( 'delete_post_metadata', array( $this, 'on_delete' ), PHP_INT_MAX );
		remove_filter( 'add_post_metadata', array( $this, 'on_add' ), PHP_INT_MAX );
		remove_filter( 'get_post_metadata', array( $this, 'on_get' ), PHP_INT_MAX );
		remove_action( 'woocommerce_new_product', array( $this, 'flush_post' ), PHP_INT_MIN );
		remove_action( 'woocommerce_new_product_variation', array( $this, 'flush_post' ), PHP_INT_MIN );
		remove_filter( 'wp_insert_post_data', array( $this, 'on_insert_post_data' ), PHP_INT_MAX );
		remove_action( 'clean_post_cache', array( $this, 'on_clean_post_cache' ), PHP_INT_MIN );
		remove_action( 'set_object_terms', array( $this, 'on_set_terms' ), PHP_INT_MIN );
		$this->inserting = false;
		remove_action( 'added_term_relationship', array( $this, 'on_added_relationship' ), PHP_INT_MIN );
		remove_filter( 'terms_pre_query', array( $this, 'on_terms_query' ), PHP_INT_MAX );
		remove_filter( 'delete_term_metadata', array( $this, 'on_delete_term_meta' ), PHP_INT_MAX );
		remove_action( 'added_term_meta', array( $this, 'on_term_meta_written' ), PHP_INT_MAX );
		remove_action( 'updated_term_meta', array( $this, 'on_term_meta_written' ), PHP_INT_MAX );
		$this->cleared_term_ids = array();
		$this->created = array();
		$this->termed  = array();
		foreach ( array_keys( $this->meta ) as $post_id ) {
			wp_cache_delete( $post_id, 'post_meta' );
		}
		$this->meta    = array();
		$this->pending = array();
	}

	/**
	 * An item failed and its savepoint was rolled back: forget its posts (pending rows included).
	 */
	public function discard(): void {
		foreach ( array_keys( $this->meta ) as $post_id ) {
			wp_cache_delete( $post_id, 'post_meta' );
		}
		$this->meta             = array();
		$this->pending          = array();
		$this->cleared_term_ids = array(); // The rolled-back item may have deleted some: delete again.
	}

	public function is_active(): bool {
		return $this->active;
	}

	/** Whether the post was created while the buffer runs (this batch). */
	public function is_created( int $post_id ): bool {
		return isset( $this->created[ $post_id ] );
	}

	/** Whether terms were assigned to a post created in this batch since its creation. */
	public function has_terms( int $post_id ): bool {
		return ! empty( $this->termed[ $post_id ] );
	}

	/** Number of multi-row INSERTs written (for tests and the bench). */
	public function flushes(): int {
		return $this->flushes;
	}

	/**
	 * @param mixed $post_id Post id.
	 * @param mixed $post    Post.
	 * @param mixed $update  Whether an existing post was updated.
	 */
	public function on_save_post( $post_id, $post, $update ): void {
		$post_id = (int) $post_id;
		if ( $update || $post_id <= 0 || isset( $this->meta[ $post_id ] ) ) {
			return;
		}
		$this->created[ $post_id ] = true;
		// wp_insert_post() has just inserted the row; nothing has written meta for it through the API yet
		// unless a plugin did so earlier on this same insert (then the cache already holds rows: don't track).
		$cached = wp_cache_get( $post_id, 'post_meta' );
		if ( is_array( $cached ) && array() !== $cached ) {
			return;
		}
		$this->meta[ $post_id ] = array();
	}

	/**
	 * `update_post_metadata` short-circuit.
	 *
	 * @param mixed $check      Null, or another filter's answer.
	 * @param mixed $post_id    Post id.
	 * @param mixed $meta_key   Key (unslashed).
	 * @param mixed $meta_value Value (unslashed, sanitised).
	 * @param mixed $prev_value Previous value condition.
	 * @return mixed
	 */
	public function on_update( $check, $post_id, $meta_key, $meta_value, $prev_value ) {
		$post_id = (int) $post_id;
		if ( null !== $check || ! isset( $this->meta[ $post_id ] ) ) {
			return $check;
		}
		$key = (string) $meta_key;
		if ( ( '' !== $prev_value && null !== $prev_value && false !== $prev_value ) || $this->persisted( $post_id, $key ) ) {
			$this->untrack( $post_id );
			return $check;
		}
		$stored  = self::stored( $meta_value );
		$found   = false;
		$changed = false;
		foreach ( $this->meta[ $post_id ] as $i => $row ) {
			if ( $row[0] === $key ) {
				$found   = true;
				$changed = $changed || $row[1] !== $stored;
				$this->meta[ $post_id ][ $i ][1] = $stored; // WordPress updates every row of the key.
			}
		}
		if ( ! $found ) {
			do_action( 'add_post_meta', $post_id, $key, $meta_value ); // As add_metadata() would, for a new key.
			$this->meta[ $post_id ][]  = array( $key, $stored, null );
			$this->pending[ $post_id ] = true;
			return true;
		}
		return $changed;
	}

	/**
	 * `delete_post_metadata` short-circuit.
	 *
	 * @param mixed $check      Null, or another filter's answer.
	 * @param mixed $post_id    Post id.
	 * @param mixed $meta_key   Key.
	 * @param mixed $meta_value Value condition.
	 * @param mixed $delete_all Delete for every object.
	 * @return mixed
	 */
	public function on_delete( $check, $post_id, $meta_key, $meta_value, $delete_all ) {
		$post_id = (int) $post_id;
		if ( null !== $check || ! isset( $this->meta[ $post_id ] ) ) {
			return $check;
		}
		$key = (string) $meta_key;
		if ( $delete_all || ( '' !== $meta_value && null !== $meta_value && false !== $meta_value ) || $this->persisted( $post_id, $key ) ) {
			$this->untrack( $post_id );
			return $check;
		}
		$deleted = false;
		foreach ( $this->meta[ $post_id ] as $i => $row ) {
			if ( $row[0] === $key ) {
				unset( $this->meta[ $post_id ][ $i ] );
				$deleted = true;
			}
		}
		$this->meta[ $post_id ] = array_values( $this->meta[ $post_id ] );
		return $deleted;
	}

	/**
	 * `add_post_metadata`: the caller may keep the meta_id (WC_Data does), so the row is inserted for real,
	 * together with the pending rows of the post, in one statement; its meta_id is returned.
	 *
	 * @param mixed $check      Null, or another filter's answer.
	 * @param mixed $post_id    Post id.
	 * @param mixed $meta_key   Key.
	 * @param mixed $meta_value Value.
	 * @param mixed $unique     Unique key.
	 * @return mixed
	 */
	public function on_add( $check, $post_id, $meta_key, $meta_value, $unique ) {
		$post_id = (int) $post_id;
		if ( null !== $check || ! isset( $this->meta[ $post_id ] ) ) {
			return $check;
		}
		$key = (string) $meta_key;
		if ( $unique ) {
			foreach ( $this->meta[ $post_id ] as $row ) {
				if ( $row[0] === $key ) {
					return false;
				}
			}
		}
		do_action( 'add_post_meta', $post_id, $key, $meta_value );
		$this->meta[ $post_id ][]  = array( $key, self::stored( $meta_value ), null );
		$this->pending[ $post_id ] = true;
		$last                      = count( $this->meta[ $post_id ] ) - 1;
		$this->flush_post( $post_id, $last );
		$mid = $this->meta[ $post_id ][ $last ][2] ?? null;
		return null === $mid ? false : $mid;
	}

	/**
	 * `get_post_metadata`: keeps WordPress's meta cache equal to the list, then lets WordPress answer from it.
	 *
	 * @param mixed $check    Null, or another filter's answer.
	 * @param mixed $post_id  Post id.
	 * @param mixed $meta_key Key.
	 * @param mixed $single   Single.
	 * @return mixed
	 */
	public function on_get( $check, $post_id, $meta_key, $single ) {
		$post_id = (int) $post_id;
		if ( null === $check && isset( $this->meta[ $post_id ] ) ) {
			$this->prime( $post_id );
		}
		return $check;
	}

	/**
	 * @param mixed $data    Post row about to be written.
	 * @param mixed $postarr Arguments.
	 * @param mixed $raw     Unsanitised arguments.
	 * @param mixed $update  Whether an existing post is updated.
	 * @return mixed
	 */
	public function on_insert_post_data( $data, $postarr, $raw, $update ) {
		$this->inserting = ! $update && is_array( $data ) && in_array( $data['post_type'] ?? '', self::POST_TYPES, true );
		return $data;
	}

	/**
	 * wp_insert_post() cleans the new post's cache right after its INSERT, before the status transition
	 * (whose term count reads the new post's terms): the earliest point the id is known.
	 *
	 * @param mixed $post_id Post id.
	 */
	public function on_clean_post_cache( $post_id ): void {
		if ( ! $this->inserting ) {
			return;
		}
		$this->inserting = false;
		// Only the post wp_insert_post() has just inserted (a failed insert must not mark the next post cleaned).
		if ( (int) $post_id > 0 && (int) $this->wpdb->insert_id === (int) $post_id ) {
			$this->on_save_post( $post_id, null, false );
		}
	}

	/**
	 * @param mixed $object_id Object id.
	 * @param mixed $terms     Terms.
	 * @param mixed $tt_ids    Term taxonomy ids.
	 * @param mixed $taxonomy  Taxonomy.
	 */
	public function on_set_terms( $object_id, $terms, $tt_ids, $taxonomy ): void {
		if ( isset( $this->created[ (int) $object_id ] ) ) {
			$this->termed[ (int) $object_id ][ (string) $taxonomy ] = true;
		}
	}

	/**
	 * @param mixed $object_id Object id.
	 * @param mixed $tt_id     Term taxonomy id.
	 * @param mixed $taxonomy  Taxonomy.
	 */
	public function on_added_relationship( $object_id, $tt_id, $taxonomy ): void {
		$this->on_set_terms( $object_id, array(), array(), $taxonomy );
	}

	/**
	 * `terms_pre_query`: the terms of posts created in this batch, in taxonomies nothing has set terms in yet,
	 * are none (wp_insert_post's term count on the status transition, wp_set_object_terms' "old terms" of a
	 * first assignment): answered without a query. Everything else goes to the database.
	 *
	 * @param mixed $terms Null, or another filter's answer.
	 * @param mixed $query WP_Term_Query.
	 * @return mixed
	 */
	public function on_terms_query( $terms, $query ) {
		if ( null !== $terms || ! $query instanceof \WP_Term_Query || array() === $this->created ) {
			return $terms;
		}
		$vars       = $query->query_vars;
		$ids        = isset( $vars['object_ids'] ) ? wp_parse_id_list( $vars['object_ids'] ) : array();
		$taxonomies = isset( $vars['taxonomy'] ) ? array_filter( (array) $vars['taxonomy'] ) : array();
		if ( array() === $ids || array() === $taxonomies || 'count' === ( $vars['fields'] ?? '' ) ) {
			return $terms;
		}
		foreach ( $ids as $id ) {
			if ( ! isset( $this->created[ $id ] ) ) {
				return $terms;
			}
			foreach ( $taxonomies as $taxonomy ) {
				if ( isset( $this->termed[ $id ][ (string) $taxonomy ] ) ) {
					return $terms;
				}
			}
		}
		return array();
	}

	/**
	 * WooCommerce deletes the `product_ids` term meta (its cache of a term's products) of every term a product
	 * is assigned to or leaves, on every save. Once deleted in this batch, and not written again since, a
	 * further delete finds nothing: answered "nothing deleted" (what WordPress would answer) without a query.
	 *
	 * @param mixed $check      Null, or another filter's answer.
	 * @param mixed $term_id    Term id.
	 * @param mixed $meta_key   Key.
	 * @param mixed $meta_value Value condition.
	 * @param mixed $delete_all Delete for every term.
	 * @return mixed
	 */
	public function on_delete_term_meta( $check, $term_id, $meta_key, $meta_value, $delete_all ) {
		if ( null !== $check || 'product_ids' !== $meta_key || $delete_all || ( '' !== $meta_value && null !== $meta_value && false !== $meta_value ) ) {
			return $check;
		}
		$term_id = (int) $term_id;
		if ( isset( $this->cleared_term_ids[ $term_id ] ) ) {
			return false;
		}
		$this->cleared_term_ids[ $term_id ] = true;
		return $check;
	}

	/**
	 * @param mixed $meta_id  Meta id.
	 * @param mixed $term_id  Term id.
	 * @param mixed $meta_key Key.
	 */
	public function on_term_meta_written( $meta_id, $term_id, $meta_key ): void {
		if ( 'product_ids' === $meta_key ) {
			unset( $this->cleared_term_ids[ (int) $term_id ] );
		}
	}

	/**
	 * Inserts the pending rows of one post (the row at $first_index first, so its id is the insert id), or of
	 * every post when called without id (end of item / batch).
	 *
	 * @param mixed $post_id Post id (0 = all).
	 */
	public function flush_post( $post_id = 0, int $first_index = -1 ): void {
		$post_id = (int) $post_id;
		if ( 0 === $post_id ) {
			$this->flush();
			return;
		}
		if ( ! isset( $this->pending[ $post_id ], $this->meta[ $post_id ] ) ) {
			return;
		}
		unset( $this->pending[ $post_id ] );
		$order = array();
		if ( $first_index >= 0 && isset( $this->meta[ $post_id ][ $first_index ] ) && null === $this->meta[ $post_id ][ $first_index ][2] ) {
			$order[] = $first_index;
		}
		foreach ( $this->meta[ $post_id ] as $i => $row ) {
			if ( null === $row[2] && $i !== $first_index ) {
				$order[] = $i;
			}
		}
		if ( array() === $order ) {
			return;
		}
		$values = array();
		foreach ( $order as $i ) {
			$row      = $this->meta[ $post_id ][ $i ];
			$values[] = null === $row[1] ? $this->wpdb->prepare( '(%d, %s, NULL)', $post_id, $row[0] ) : $this->wpdb->prepare( '(%d, %s, %s)', $post_id, $row[0], $row[1] );
		}
		$ok = $this->wpdb->query( "INSERT INTO {$this->wpdb->postmeta} (post_id, meta_key, meta_value) VALUES " . implode( ', ', $values ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- every tuple is prepared above.
		if ( false === $ok ) {
			throw new \RuntimeException( 'Could not write the product meta: ' . $this->wpdb->last_error );
		}
		++$this->flushes;
		// One multi-row INSERT gets consecutive ids from the first one (InnoDB, any autoinc lock mode for a
		// statement whose row count is known in advance).
		$mid = (int) $this->wpdb->insert_id;
		foreach ( $order as $i ) {
			$this->meta[ $post_id ][ $i ][2] = $mid++;
		}
		$this->prime( $post_id );
		foreach ( $order as $i ) {
			$row = $this->meta[ $post_id ][ $i ];
			do_action( 'added_post_meta', $row[2], $post_id, $row[0], maybe_unserialize( $row[1] ) );
		}
	}

	/** Inserts every pending row (end of an item, end of the batch). */
	public function flush(): void {
		foreach ( array_keys( $this->pending ) as $post_id ) {
			$this->flush_post( $post_id );
		}
	}

	private function persisted( int $post_id, string $key ): bool {
		foreach ( $this->meta[ $post_id ] as $row ) {
			if ( $row[0] === $key && null !== $row[2] ) {
				return true;
			}
		}
		return false;
	}

	/** Writes the pending rows, forgets the post and leaves it to WordPress from now on. */
	private function untrack( int $post_id ): void {
		$this->flush_post( $post_id );
		unset( $this->meta[ $post_id ] );
		wp_cache_delete( $post_id, 'post_meta' );
	}

	/** WordPress's meta cache entry of the post = the list (key => stored strings, row order). */
	private function prime( int $post_id ): void {
		$cache = array();
		foreach ( $this->meta[ $post_id ] as $row ) {
			$cache[ $row[0] ][] = $row[1];
		}
		wp_cache_set( $post_id, $cache, 'post_meta' );
	}

	/**
	 * What MySQL stores and returns for a value, as add_metadata() writes it (maybe_serialize, then wpdb's
	 * formatting: null stays NULL, everything else through %s).
	 *
	 * @param mixed $value Value.
	 */
	private static function stored( $value ): ?string {
		$value = maybe_serialize( $value );
		if ( null === $value ) {
			return null;
		}
		if ( is_bool( $value ) ) {
			return $value ? '1' : '';
		}
		return (string) $value;
	}
}
