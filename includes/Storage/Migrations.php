<?php
/**
 * Versioned schema migrations.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

use KiotVietSync\Infrastructure\Activatable;
use KiotVietSync\Infrastructure\Registerable;

/**
 * Creates and upgrades the plugin's tables.
 *
 * An ordered list of steps, each bringing the schema to one version; the reached version is stored in
 * kiotviet_sync_db_version after every step. Runs on activation and whenever the stored version is older
 * (an update replaced the files without re-activating). Steps use dbDelta, so re-running one is harmless.
 */
final class Migrations implements Activatable, Registerable {

	/**
	 * Database.
	 *
	 * @var \wpdb
	 */
	private \wpdb $wpdb;

	/**
	 * Options.
	 *
	 * @var SettingsStore
	 */
	private SettingsStore $options;

	/**
	 * Creates the migrator.
	 *
	 * @param \wpdb         $wpdb    Database.
	 * @param SettingsStore $options Options.
	 */
	public function __construct( \wpdb $wpdb, SettingsStore $options ) {
		$this->wpdb    = $wpdb;
		$this->options = $options;
	}

	/**
	 * Tables the plugin owns, without the WordPress prefix (uninstall drops them).
	 *
	 * @return string[]
	 */
	public static function tables(): array {
		return array( SyncLog::TABLE );
	}

	/**
	 * Schema version the code expects.
	 */
	public static function latest_version(): int {
		return max( array_keys( self::step_names() ) );
	}

	/**
	 * Version => method that brings the schema to it, in order.
	 *
	 * @return array<int, string>
	 */
	private static function step_names(): array {
		return array(
			1 => 'create_sync_log_table',
		);
	}

	/**
	 * Upgrades after a file update that skipped activation.
	 */
	public function register(): void {
		if ( did_action( 'plugins_loaded' ) ) {
			$this->maybe_migrate();
			return;
		}
		add_action( 'plugins_loaded', array( $this, 'maybe_migrate' ) );
	}

	/**
	 * Runs on activation.
	 */
	public function activate(): void {
		$this->migrate();
	}

	/**
	 * Migrates when the stored version is older than the code's.
	 */
	public function maybe_migrate(): void {
		if ( $this->stored_version() < self::latest_version() ) {
			$this->migrate();
		}
	}

	/**
	 * Stored schema version (0 before the first activation).
	 */
	public function stored_version(): int {
		return (int) $this->options->get( Settings::DB_VERSION, 0 );
	}

	/**
	 * Runs every step newer than the stored version.
	 */
	public function migrate(): void {
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$current = $this->stored_version();
		foreach ( self::step_names() as $version => $method ) {
			if ( $version <= $current ) {
				continue;
			}
			$this->{$method}();
			$this->options->set( Settings::DB_VERSION, $version, true );
		}
	}

	/**
	 * Version 1: the sync history table.
	 */
	private function create_sync_log_table(): void {
		$table   = $this->wpdb->prefix . SyncLog::TABLE;
		$collate = $this->wpdb->get_charset_collate();
		// dbDelta is picky: two spaces after PRIMARY KEY, one column per line, KEY not INDEX.
		dbDelta(
			"CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  created_at datetime NOT NULL,
  level varchar(16) NOT NULL DEFAULT 'info',
  channel varchar(32) NOT NULL,
  action varchar(64) NOT NULL,
  result varchar(16) NOT NULL,
  object_type varchar(32) DEFAULT NULL,
  object_id bigint(20) unsigned DEFAULT NULL,
  kiotviet_id bigint(20) DEFAULT NULL,
  message text NOT NULL,
  context longtext DEFAULT NULL,
  PRIMARY KEY  (id),
  KEY created_at (created_at),
  KEY channel (channel),
  KEY result (result)
) {$collate};"
		);
	}
}
