<?php
/**
 * Lock of the inbox processor.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

/**
 * One inbox processor at a time per site: a MariaDB/MySQL named lock (GET_LOCK with a zero wait), so a
 * kick that finds it taken returns at once and the holder, which re-checks the inbox after releasing it,
 * picks the new rows up. The lock dies with the holder's connection (no stale lock after a crash). The
 * same session may take it again (MariaDB counts nested GET_LOCKs), which lets a test hold it.
 */
final class ProcessLock {

	/**
	 * Database.
	 *
	 * @var \wpdb
	 */
	private \wpdb $wpdb;

	/**
	 * Creates the lock.
	 *
	 * @param \wpdb $wpdb Database.
	 */
	public function __construct( \wpdb $wpdb ) {
		$this->wpdb = $wpdb;
	}

	/**
	 * Lock name: per database and table prefix (one MariaDB may serve several sites), ≤ 64 characters.
	 */
	public function name(): string {
		return 'kvs_webhook_process_' . substr( hash( 'sha256', ( defined( 'DB_NAME' ) ? (string) constant( 'DB_NAME' ) : '' ) . '|' . $this->wpdb->prefix ), 0, 32 );
	}

	/**
	 * Takes the lock without waiting.
	 */
	public function acquire(): bool {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- A named lock, not data.
		return '1' === (string) $this->wpdb->get_var( $this->wpdb->prepare( 'SELECT GET_LOCK(%s, 0)', $this->name() ) );
	}

	/**
	 * Releases one level of the lock.
	 */
	public function release(): void {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- A named lock, not data.
		$this->wpdb->get_var( $this->wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $this->name() ) );
	}

	/**
	 * Whether nobody holds the lock (a processor is not running).
	 */
	public function is_free(): bool {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- A named lock, not data.
		return '1' === (string) $this->wpdb->get_var( $this->wpdb->prepare( 'SELECT IS_FREE_LOCK(%s)', $this->name() ) );
	}
}
