<?php
/**
 * Uninstall: removes the plugin's options, tables and scheduled jobs.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/includes/Autoloader.php';
\KiotVietSync\Autoloader::register( __DIR__ . '/includes/' );

/**
 * Removes everything for the current site.
 */
function kiotviet_sync_uninstall_site(): void {
	global $wpdb;

	// Scheduled jobs: our Action Scheduler group (if Action Scheduler is loaded) and our WP-Cron hooks.
	if ( function_exists( 'as_unschedule_all_actions' ) ) {
		as_unschedule_all_actions( '', array(), \KiotVietSync\Jobs\Scheduler::GROUP );
	}
	foreach ( \KiotVietSync\Jobs\WpCronScheduler::plugin_hooks() as $hook ) {
		// wp_unschedule_hook() removes every event of the hook, whatever its arguments.
		wp_unschedule_hook( $hook );
	}

	// Options: every kiotviet_sync_* option (and transient).
	$like_option    = $wpdb->esc_like( \KiotVietSync\Storage\Settings::PREFIX ) . '%';
	$like_transient = $wpdb->esc_like( '_transient_' . \KiotVietSync\Storage\Settings::PREFIX ) . '%';
	$like_timeout   = $wpdb->esc_like( '_transient_timeout_' . \KiotVietSync\Storage\Settings::PREFIX ) . '%';
	$names          = $wpdb->get_col(
		$wpdb->prepare(
			"SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s",
			$like_option,
			$like_transient,
			$like_timeout
		)
	);
	foreach ( (array) $names as $name ) {
		delete_option( (string) $name );
	}

	// Tables.
	foreach ( \KiotVietSync\Storage\Migrations::tables() as $table ) {
		$wpdb->query( 'DROP TABLE IF EXISTS `' . esc_sql( $wpdb->prefix . $table ) . '`' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- identifier from our own list.
	}
}

if ( is_multisite() && function_exists( 'get_sites' ) ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $kiotviet_sync_site_id ) {
		switch_to_blog( (int) $kiotviet_sync_site_id );
		kiotviet_sync_uninstall_site();
		restore_current_blog();
	}
} else {
	kiotviet_sync_uninstall_site();
}
