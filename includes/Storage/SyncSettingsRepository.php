<?php
/**
 * Loads and saves SyncSettings.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

/**
 * Stores SyncSettings as one non-autoloaded array in kiotviet_sync_settings and fires
 * `kiotviet_sync_settings_saved` after a change (jobs re-schedule themselves on it).
 */
final class SyncSettingsRepository {

	/**
	 * Options.
	 *
	 * @var SettingsStore
	 */
	private SettingsStore $store;

	/**
	 * Creates the repository.
	 *
	 * @param SettingsStore $store Options.
	 */
	public function __construct( SettingsStore $store ) {
		$this->store = $store;
	}

	/**
	 * Current settings.
	 */
	public function load(): SyncSettings {
		$stored = $this->store->get( Settings::SETTINGS, array() );
		return new SyncSettings( is_array( $stored ) ? $stored : array() );
	}

	/**
	 * Saves settings.
	 *
	 * @param SyncSettings $settings Settings.
	 */
	public function save( SyncSettings $settings ): void {
		$previous = $this->load();
		$this->store->set( Settings::SETTINGS, $settings->to_array(), false );
		if ( function_exists( 'do_action' ) ) {
			/**
			 * Fires after the sync settings changed.
			 *
			 * @since 0.1.0
			 * @param SyncSettings $settings The new settings.
			 * @param SyncSettings $previous The settings before.
			 */
			do_action( 'kiotviet_sync_settings_saved', $settings, $previous );
		}
	}
}
