<?php
/**
 * wp_options adapter.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

/**
 * SettingsStore over get_option()/add_option()/update_option().
 */
final class WpOptionsStore implements SettingsStore {

	/**
	 * Reads an option.
	 *
	 * @param string $key     Option name.
	 * @param mixed  $default Value when absent.
	 * @return mixed
	 */
	public function get( string $key, $default = null ) {
		return get_option( $key, $default );
	}

	/**
	 * Writes an option; add_option() first so the autoload flag is honoured on creation.
	 *
	 * @param string $key      Option name.
	 * @param mixed  $value    Value.
	 * @param bool   $autoload Whether WordPress loads it on every request.
	 */
	public function set( string $key, $value, bool $autoload = false ): void {
		$missing = new \stdClass();
		if ( get_option( $key, $missing ) === $missing ) {
			add_option( $key, $value, '', $autoload );
			return;
		}
		update_option( $key, $value, $autoload );
	}

	/**
	 * Deletes an option.
	 *
	 * @param string $key Option name.
	 */
	public function delete( string $key ): void {
		delete_option( $key );
	}
}
