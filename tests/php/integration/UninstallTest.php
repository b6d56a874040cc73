<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration;

use KiotVietSync\Storage\Migrations;
use KiotVietSync\Storage\Settings;
use KiotVietSync\Storage\SyncLog;
use KiotVietSync\Storage\WpOptionsStore;

/**
 * uninstall.php against a scratch table prefix, so the shared test site keeps its own data:
 * our options, transients, table and cron hooks go; other plugins' stay.
 */
final class UninstallTest extends TestCase {

	private const PREFIX = 'kvsun_';

	public function test_uninstall_removes_options_tables_and_jobs_only_of_this_plugin(): void {
		global $wpdb;
		$original = $wpdb->prefix;
		$temp     = self::PREFIX;
		// DDL commits implicitly; nothing of the shared site is pending at this point.
		$wpdb->query( "DROP TABLE IF EXISTS {$temp}options, {$temp}" . SyncLog::TABLE ); // phpcs:ignore
		$wpdb->query( "CREATE TABLE {$temp}options LIKE {$original}options" ); // phpcs:ignore

		try {
			$wpdb->set_prefix( $temp );
			wp_cache_flush();

			( new Migrations( $wpdb, new WpOptionsStore() ) )->migrate();
			self::assertSame( $temp . SyncLog::TABLE, $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $temp . SyncLog::TABLE ) ) );
			update_option( Settings::CONNECTION, array( 'retailer' => 'demo' ), false );
			add_option( Settings::CLIENT_SECRET, 'kvs1:cipher', '', false );
			set_transient( 'kiotviet_sync_branches', array( 5001 ), 600 );
			update_option( 'another_plugin_option', 'keep' );
			wp_schedule_single_event( time() + 60, 'kiotviet_sync_import_batch', array( 'cursor' => 100 ) );
			wp_schedule_event( time() + 60, 'hourly', 'kiotviet_sync_reconcile' );
			wp_schedule_single_event( time() + 60, 'another_plugin_job' );

			if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
				define( 'WP_UNINSTALL_PLUGIN', 'kiotviet-sync/kiotviet-sync.php' );
			}
			include KIOTVIET_SYNC_DIR . 'uninstall.php';
			wp_cache_flush();

			$left = $wpdb->get_col( "SELECT option_name FROM {$temp}options WHERE option_name LIKE '%kiotviet\\_sync%'" ); // phpcs:ignore
			self::assertSame( array(), $left );
			self::assertSame( 'keep', get_option( 'another_plugin_option' ) );
			self::assertNull( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $temp . SyncLog::TABLE ) ) );
			self::assertFalse( wp_next_scheduled( 'kiotviet_sync_import_batch', array( 'cursor' => 100 ) ) );
			self::assertFalse( wp_next_scheduled( 'kiotviet_sync_reconcile' ) );
			self::assertNotFalse( wp_next_scheduled( 'another_plugin_job' ) );
		} finally {
			$wpdb->set_prefix( $original );
			$wpdb->query( "DROP TABLE IF EXISTS {$temp}options, {$temp}" . SyncLog::TABLE ); // phpcs:ignore
			wp_cache_flush();
		}
		self::assertSame( $original . 'options', $wpdb->options );
		self::assertNotFalse( get_option( 'siteurl' ) );
	}
}
