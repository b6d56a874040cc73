<?php
/**
 * Uninstall: removes the plugin's options, tables and scheduled jobs (see Storage\Uninstaller).
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/includes/Autoloader.php';
\KiotVietSync\Autoloader::register( __DIR__ . '/includes/' );

if ( is_multisite() ) {
	foreach ( get_sites(
		array(
			'fields' => 'ids',
			'number' => 0,
		)
	) as $kiotviet_sync_site_id ) {
		switch_to_blog( (int) $kiotviet_sync_site_id );
		( new \KiotVietSync\Storage\Uninstaller( $GLOBALS['wpdb'] ) )->run();
		restore_current_blog();
	}
} else {
	( new \KiotVietSync\Storage\Uninstaller( $GLOBALS['wpdb'] ) )->run();
}
