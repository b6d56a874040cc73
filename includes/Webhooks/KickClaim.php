<?php
/**
 * The loopback claim in the options table.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

/**
 * LoopbackClaim as one row of the options table (`kiotviet_sync_webhook_kick_at`, not autoloaded, removed
 * with the plugin's other options on uninstall): the time the last loopback was sent, taken with one atomic
 * conditional UPDATE (INSERT IGNORE the first time), so concurrent receivers cannot both take it. Written
 * with SQL, not the options API: the early receiver runs before most of WordPress, and a cached value would
 * defeat the point (the row is never read through get_option()).
 */
final class KickClaim implements LoopbackClaim {

	public const OPTION = 'kiotviet_sync_webhook_kick_at';

	/**
	 * A claim older than this lapses (seconds): longer than a loopback takes to arrive on a busy site.
	 */
	public const SECONDS = 10;

	/**
	 * Database.
	 *
	 * @var \wpdb
	 */
	private \wpdb $wpdb;

	/**
	 * Current time in seconds.
	 *
	 * @var callable(): float
	 */
	private $now;

	/**
	 * Creates the claim.
	 *
	 * @param \wpdb                  $wpdb Database.
	 * @param (callable(): float)|null $now  Clock (default microtime).
	 */
	public function __construct( \wpdb $wpdb, ?callable $now = null ) {
		$this->wpdb = $wpdb;
		$this->now  = $now ?? static fn (): float => microtime( true );
	}

	/**
	 * Takes the claim.
	 *
	 * @param bool $force Take it even when a loopback is in flight.
	 */
	public function take( bool $force ): bool {
		$now   = ( $this->now )();
		$value = sprintf( '%.6F', $now );
		$table = $this->wpdb->options;
		if ( $force ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- An atomic claim, never read through the options API.
			$this->wpdb->query( $this->wpdb->prepare( "INSERT INTO {$table} (option_name, option_value, autoload) VALUES (%s, %s, 'off') ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)", self::OPTION, $value ) );
			return true;
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- An atomic claim, never read through the options API.
		$updated = $this->wpdb->query( $this->wpdb->prepare( "UPDATE {$table} SET option_value = %s WHERE option_name = %s AND CAST(option_value AS DECIMAL(20,6)) <= %s", $value, self::OPTION, sprintf( '%.6F', $now - self::SECONDS ) ) );
		if ( 1 === $updated ) {
			return true;
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- An atomic claim, never read through the options API.
		return 1 === $this->wpdb->query( $this->wpdb->prepare( "INSERT IGNORE INTO {$table} (option_name, option_value, autoload) VALUES (%s, %s, 'off')", self::OPTION, $value ) );
	}

	/**
	 * Clears the claim.
	 */
	public function clear(): void {
		$table = $this->wpdb->options;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- An atomic claim, never read through the options API.
		$this->wpdb->query( $this->wpdb->prepare( "UPDATE {$table} SET option_value = '0' WHERE option_name = %s AND option_value <> '0'", self::OPTION ) );
	}
}
