<?php
/**
 * Removes the plugin's data.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

use KiotVietSync\Jobs\Scheduler;
use KiotVietSync\Jobs\WpCronScheduler;

/**
 * Everything uninstall.php removes for one site: scheduled jobs (our Action Scheduler group and every
 * kiotviet_sync_* WP-Cron hook), every kiotviet_sync_* option and transient, and our tables.
 */
final class Uninstaller {

	/**
	 * Database.
	 *
	 * @var \wpdb
	 */
	private \wpdb $wpdb;

	/**
	 * Creates the uninstaller.
	 *
	 * @param \wpdb $wpdb Database.
	 */
	public function __construct( \wpdb $wpdb ) {
		$this->wpdb = $wpdb;
	}

	/**
	 * Removes jobs, options and tables of the current site.
	 */
	public function run(): void {
		$this->unschedule_jobs();
		$this->delete_options();
		$this->drop_tables();
	}

	/**
	 * Cancels our Action Scheduler group (when Action Scheduler is loaded) and our WP-Cron hooks.
	 */
	private function unschedule_jobs(): void {
		if ( function_exists( 'as_unschedule_all_actions' ) ) {
			as_unschedule_all_actions( '', array(), Scheduler::GROUP );
		}
		( new WpCronScheduler() )->unschedule_all();
	}

	/**
	 * Deletes kiotviet_sync_* options and transients through the options API (keeps caches right).
	 */
	private function delete_options(): void {
		$patterns = array(
			$this->wpdb->esc_like( Settings::PREFIX ) . '%',
			$this->wpdb->esc_like( '_transient_' . Settings::PREFIX ) . '%',
			$this->wpdb->esc_like( '_transient_timeout_' . Settings::PREFIX ) . '%',
		);
		$names = $this->wpdb->get_col(
			$this->wpdb->prepare(
				"SELECT option_name FROM {$this->wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s",
				$patterns[0],
				$patterns[1],
				$patterns[2]
			)
		);
		foreach ( $names as $name ) {
			delete_option( (string) $name );
		}
	}

	/**
	 * Drops the tables listed by Migrations.
	 */
	private function drop_tables(): void {
		foreach ( Migrations::tables() as $table ) {
			// Identifiers cannot be prepared; the name comes from our own constant list.
			$this->wpdb->query( 'DROP TABLE IF EXISTS `' . esc_sql( $this->wpdb->prefix . $table ) . '`' );
		}
	}
}
