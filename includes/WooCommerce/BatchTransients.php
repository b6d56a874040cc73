<?php
/**
 * Transients of an import batch, written once at its end.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\WooCommerce;

/**
 * Every product save makes WooCommerce (and WordPress, WooCommerce Admin, Blocks) delete a dozen transients
 * (`wc_delete_product_transients()`: on-sale/featured/stock counts, the product's children/prices/related
 * lists, the product transient version; stock-count caches; `is_multi_author` …). Without a persistent
 * object cache each delete is a `SELECT autoload FROM wp_options` — almost always for a row that does not
 * exist — and the version bump an UPDATE: ~20 queries per object.
 *
 * During the batch, transients are kept in WordPress's runtime cache (`wp_using_ext_object_cache( true )`,
 * the mode WordPress itself uses with an object cache), over the database's state at the batch start: the
 * names stored in the database are loaded once (names only); reading one of them that the batch has not
 * touched reads the stored value, as before; `set_transient` / `delete_transient` are recorded (last operation
 * per name). At the end of the batch (inside its transaction) the mode is restored and the final operations are
 * written: a set as `set_transient()`, a delete as `delete_transient()` when the transient exists in the
 * database. Deleting what does not exist is what the skipped queries did; the database ends in the same state
 * as with per-save writes. Nothing happens when a persistent object cache is in use (transients are cache
 * entries there already) or when the site stores too many transients to list cheaply.
 *
 * Site transients (single site: also in wp_options) are handled the same way. Multisite is left alone.
 */
final class BatchTransients {

	/** Above this many stored transients, the batch writes them as WordPress normally does. */
	private const MAX_NAMES = 3000;

	private const PREFIX = '_transient_';

	private const SITE_PREFIX = '_site_transient_';

	/** @var array<string, true> Site transients stored at the batch start (single site: in wp_options). */
	private array $stored_site = array();

	private \wpdb $wpdb;

	private bool $active = false;

	private bool $previous_mode = false;

	/** @var array<string, true> Transients stored in the database at the batch start. */
	private array $stored = array();

	/** @var array<string, true> Stored transients already copied into the runtime cache ('t:name' / 's:name'). */
	private array $loaded = array();

	/** @var array<string, array{0:string,1?:mixed,2?:int}> name => [ 'set', value, expiration ] | [ 'delete' ] */
	private array $ops = array();

	/** @var array<string, array{0:string,1?:mixed,2?:int}> The same for site transients set or deleted in the batch. */
	private array $site_ops = array();

	private bool $reading = false;

	public function __construct( \wpdb $wpdb ) {
		$this->wpdb = $wpdb;
	}

	public function start(): void {
		if ( $this->active || ! function_exists( 'wp_using_ext_object_cache' ) || wp_using_ext_object_cache() || wp_installing() || is_multisite() ) {
			return;
		}
		$names = $this->wpdb->get_col(
			$this->wpdb->prepare(
				"SELECT option_name FROM {$this->wpdb->options} WHERE ( option_name LIKE %s AND option_name NOT LIKE %s ) OR ( option_name LIKE %s AND option_name NOT LIKE %s ) LIMIT %d",
				$this->wpdb->esc_like( self::PREFIX ) . '%',
				$this->wpdb->esc_like( self::PREFIX . 'timeout_' ) . '%',
				$this->wpdb->esc_like( self::SITE_PREFIX ) . '%',
				$this->wpdb->esc_like( self::SITE_PREFIX . 'timeout_' ) . '%',
				self::MAX_NAMES + 1
			)
		);
		if ( ! is_array( $names ) || count( $names ) > self::MAX_NAMES ) {
			return;
		}
		$this->active      = true;
		$this->stored      = array();
		$this->stored_site = array();
		$this->loaded      = array();
		$this->ops         = array();
		foreach ( $names as $option ) {
			$option = (string) $option;
			if ( 0 === strpos( $option, self::SITE_PREFIX ) ) {
				$name                       = substr( $option, strlen( self::SITE_PREFIX ) );
				$this->stored_site[ $name ] = true;
				add_filter( 'pre_site_transient_' . $name, array( $this, 'on_get_stored_site' ), PHP_INT_MAX, 2 );
				add_action( 'delete_site_transient_' . $name, array( $this, 'on_delete_site' ), PHP_INT_MAX, 1 );
				continue;
			}
			$name                  = substr( $option, strlen( self::PREFIX ) );
			$this->stored[ $name ] = true;
			add_filter( 'pre_transient_' . $name, array( $this, 'on_get_stored' ), PHP_INT_MAX, 2 );
			add_action( 'delete_transient_' . $name, array( $this, 'on_delete' ), PHP_INT_MAX, 1 );
		}
		add_action( self::set_hook( false ), array( $this, 'on_set' ), PHP_INT_MAX, 3 );
		add_action( 'deleted_transient', array( $this, 'on_delete' ), PHP_INT_MAX, 1 );
		add_action( self::set_hook( true ), array( $this, 'on_set_site' ), PHP_INT_MAX, 3 );
		add_action( 'deleted_site_transient', array( $this, 'on_delete_site' ), PHP_INT_MAX, 1 );
		$this->site_ops      = array();
		$this->previous_mode = (bool) wp_using_ext_object_cache( true );
	}

	/** Writes the batch's final transient operations (call inside the transaction, last); idempotent. */
	public function finish(): void {
		if ( ! $this->active ) {
			return;
		}
		$ops      = $this->ops;
		$site_ops = $this->site_ops;
		$this->stop();
		foreach ( $site_ops as $name => $op ) {
			if ( 'set' === $op[0] ) {
				set_site_transient( (string) $name, $op[1] ?? null, (int) ( $op[2] ?? 0 ) );
			} elseif ( isset( $this->stored_site[ $name ] ) ) {
				delete_site_transient( (string) $name );
			}
		}
		$this->stored_site = array();
		foreach ( $ops as $name => $op ) {
			if ( 'set' === $op[0] ) {
				set_transient( (string) $name, $op[1] ?? null, (int) ( $op[2] ?? 0 ) );
			} elseif ( isset( $this->stored[ $name ] ) ) {
				delete_transient( (string) $name );
			}
		}
		$this->stored = array();
	}

	/** Restores WordPress's transient storage without writing (rollback path); idempotent. */
	public function stop(): void {
		if ( ! $this->active ) {
			return;
		}
		$this->active = false;
		wp_using_ext_object_cache( $this->previous_mode );
		foreach ( array_keys( $this->stored ) as $name ) {
			remove_filter( 'pre_transient_' . $name, array( $this, 'on_get_stored' ), PHP_INT_MAX );
			remove_action( 'delete_transient_' . $name, array( $this, 'on_delete' ), PHP_INT_MAX );
		}
		foreach ( array_keys( $this->stored_site ) as $name ) {
			remove_filter( 'pre_site_transient_' . $name, array( $this, 'on_get_stored_site' ), PHP_INT_MAX );
			remove_action( 'delete_site_transient_' . $name, array( $this, 'on_delete_site' ), PHP_INT_MAX );
		}
		remove_action( self::set_hook( false ), array( $this, 'on_set' ), PHP_INT_MAX );
		remove_action( 'deleted_transient', array( $this, 'on_delete' ), PHP_INT_MAX );
		remove_action( self::set_hook( true ), array( $this, 'on_set_site' ), PHP_INT_MAX );
		remove_action( 'deleted_site_transient', array( $this, 'on_delete_site' ), PHP_INT_MAX );
		foreach ( array_keys( $this->ops ) as $name ) {
			wp_cache_delete( (string) $name, 'transient' );
		}
		foreach ( array_keys( $this->site_ops ) as $name ) {
			wp_cache_delete( (string) $name, 'site-transient' );
		}
		foreach ( array_keys( $this->loaded ) as $key ) {
			wp_cache_delete( substr( (string) $key, 2 ), 0 === strpos( (string) $key, 's:' ) ? 'site-transient' : 'transient' );
		}
		$this->site_ops = array();
		$this->ops    = array();
		$this->loaded = array();
	}

	public function is_active(): bool {
		return $this->active;
	}

	/**
	 * First read of a transient stored in the database that the batch has not written: its stored value.
	 *
	 * @param mixed $pre  False, or another filter's answer.
	 * @param mixed $name Transient name.
	 * @return mixed
	 */
	public function on_get_stored( $pre, $name ) {
		return $this->read_stored( $pre, (string) $name, false );
	}

	/**
	 * The same for a stored site transient.
	 *
	 * @param mixed $pre  False, or another filter's answer.
	 * @param mixed $name Site transient name.
	 * @return mixed
	 */
	public function on_get_stored_site( $pre, $name ) {
		return $this->read_stored( $pre, (string) $name, true );
	}

	/**
	 * @param mixed $pre False, or another filter's answer.
	 * @return mixed
	 */
	private function read_stored( $pre, string $name, bool $site ) {
		$key = ( $site ? 's:' : 't:' ) . $name;
		if ( false !== $pre || $this->reading || isset( $this->loaded[ $key ] ) || ( $site ? isset( $this->site_ops[ $name ] ) : isset( $this->ops[ $name ] ) ) ) {
			return $pre;
		}
		$this->loaded[ $key ] = true;
		$this->reading        = true;
		wp_using_ext_object_cache( false );
		try {
			$value = $site ? get_site_transient( $name ) : get_transient( $name );
		} finally {
			wp_using_ext_object_cache( true );
			$this->reading = false;
		}
		if ( false !== $value ) {
			wp_cache_set( $name, $value, $site ? 'site-transient' : 'transient' );
		}
		return $value;
	}

	/**
	 * @param mixed $name       Transient name.
	 * @param mixed $value      Value.
	 * @param mixed $expiration Expiration in seconds.
	 */
	public function on_set( $name, $value, $expiration ): void {
		$this->ops[ (string) $name ] = array( 'set', $value, (int) $expiration );
	}

	/**
	 * @param mixed $name Transient name.
	 */
	public function on_delete( $name ): void {
		$this->ops[ (string) $name ] = array( 'delete' );
	}

	/**
	 * @param mixed $name       Site transient name.
	 * @param mixed $value      Value.
	 * @param mixed $expiration Expiration in seconds.
	 */
	public function on_set_site( $name, $value, $expiration ): void {
		$this->site_ops[ (string) $name ] = array( 'set', $value, (int) $expiration );
	}

	/**
	 * @param mixed $name Site transient name.
	 */
	public function on_delete_site( $name ): void {
		$this->site_ops[ (string) $name ] = array( 'delete' );
	}

	/**
	 * The action fired after a transient is set: `set_transient` / `set_site_transient` since WordPress 6.8, which
	 * fires `setted_*` through do_action_deprecated() (a PHP deprecation notice for every listener).
	 *
	 * @param bool $site Site transient.
	 */
	private static function set_hook( bool $site ): string {
		$modern = version_compare( (string) get_bloginfo( 'version' ), '6.8', '>=' );
		if ( $site ) {
			return $modern ? 'set_site_transient' : 'setted_site_transient';
		}
		return $modern ? 'set_transient' : 'setted_transient';
	}
}
