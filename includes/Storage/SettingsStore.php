<?php
/**
 * Option storage contract.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

/**
 * Narrow adapter over wp_options so rules can be tested with an in-memory store.
 */
interface SettingsStore {

	/**
	 * Reads an option.
	 *
	 * @param string $key     Option name.
	 * @param mixed  $default Value when absent.
	 * @return mixed
	 */
	public function get( string $key, $default = null );

	/**
	 * Writes an option.
	 *
	 * @param string $key      Option name.
	 * @param mixed  $value    Value.
	 * @param bool   $autoload Whether WordPress loads it on every request.
	 */
	public function set( string $key, $value, bool $autoload = false ): void;

	/**
	 * Deletes an option.
	 *
	 * @param string $key Option name.
	 */
	public function delete( string $key ): void;
}
