<?php
/**
 * Uninstall: deletes this site's webhook subscriptions from KiotViet (only URLs that are ours, with the stored
 * credentials, before they are deleted), then removes the plugin's options, tables and scheduled jobs
 * (see Storage\Uninstaller).
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

// phpcs:disable PSR1.Files.SideEffects.FoundWithSymbols -- a script; the constants are the plugin file's defaults.

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/includes/Autoloader.php';
\KiotVietSync\Autoloader::register( __DIR__ . '/includes/' );

// The plugin file is not loaded during uninstall: the constants the KiotViet client needs (same defaults).
defined( 'KIOTVIET_SYNC_VERSION' ) || define( 'KIOTVIET_SYNC_VERSION', '0.1.0' );
defined( 'KIOTVIET_SYNC_TOKEN_URL' ) || define( 'KIOTVIET_SYNC_TOKEN_URL', 'https://id.kiotviet.vn/connect/token' );
defined( 'KIOTVIET_SYNC_API_BASE' ) || define( 'KIOTVIET_SYNC_API_BASE', 'https://public.kiotapi.com' );

/*
 * Uninstalls the current site: our KiotViet webhooks first (never another integration's; a failure, e.g.
 * KiotViet unreachable or revoked credentials, does not stop the uninstall), then local data.
 */
$kiotviet_sync_uninstall_site = static function (): void {
	try {
		$services = new \KiotVietSync\Services();
		$webhooks = $services->webhooks();
		// No site key = never registered; not connected = no credentials to call KiotViet with.
		if ( null !== $webhooks->options()->site_key() && $services->connection_repository()->load()->is_connected() ) {
			$webhooks->registration()->unregister( $webhooks->api() );
		}
	} catch ( \Throwable $e ) {
		unset( $e );
	}
	( new \KiotVietSync\Storage\Uninstaller( $GLOBALS['wpdb'] ) )->run();
};

if ( is_multisite() ) {
	foreach ( get_sites(
		array(
			'fields' => 'ids',
			'number' => 0,
		)
	) as $kiotviet_sync_site_id ) {
		switch_to_blog( (int) $kiotviet_sync_site_id );
		$kiotviet_sync_uninstall_site();
		restore_current_blog();
	}
} else {
	$kiotviet_sync_uninstall_site();
}
