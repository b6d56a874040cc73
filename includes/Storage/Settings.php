<?php
/**
 * Option names.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

/**
 * Every option the plugin stores, in one place. All start with kiotviet_sync_ so uninstall.php can find them.
 */
final class Settings {

	/**
	 * Prefix of every option.
	 */
	public const PREFIX = 'kiotviet_sync_';

	/**
	 * Connection (retailer, client id, masked secret, branch, connected_at). No secrets. Not autoloaded.
	 */
	public const CONNECTION = 'kiotviet_sync_connection';

	/**
	 * Client secret, encrypted with SecretBox. Not autoloaded.
	 */
	public const CLIENT_SECRET = 'kiotviet_sync_client_secret';

	/**
	 * Access token + expiry, encrypted with SecretBox. Not autoloaded.
	 */
	public const ACCESS_TOKEN = 'kiotviet_sync_access_token';

	/**
	 * Schema version of our tables (int). Autoloaded: checked on every admin request.
	 */
	public const DB_VERSION = 'kiotviet_sync_db_version';

	/**
	 * Per-minute GET counters of the CallBudget. Not autoloaded.
	 */
	public const CALL_BUDGET = 'kiotviet_sync_call_budget';

	/**
	 * General plugin settings array (reserved for the settings screen).
	 */
	public const SETTINGS = 'kiotviet_sync_settings';
}
