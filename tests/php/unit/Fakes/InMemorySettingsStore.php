<?php
/**
 * Options in an array.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Fakes;

use KiotVietSync\Storage\SettingsStore;

/**
 * SettingsStore for tests; remembers the autoload flag of each option.
 */
final class InMemorySettingsStore implements SettingsStore {

	/**
	 * Values.
	 *
	 * @var array<string, mixed>
	 */
	public array $values = array();

	/**
	 * Autoload flags.
	 *
	 * @var array<string, bool>
	 */
	public array $autoload = array();

	/**
	 * Reads.
	 *
	 * @param string $key     Key.
	 * @param mixed  $default Default.
	 * @return mixed
	 */
	public function get( string $key, $default = null ) {
		return array_key_exists( $key, $this->values ) ? $this->values[ $key ] : $default;
	}

	/**
	 * Writes.
	 *
	 * @param string $key      Key.
	 * @param mixed  $value    Value.
	 * @param bool   $autoload Autoload.
	 */
	public function set( string $key, $value, bool $autoload = false ): void {
		$this->values[ $key ]   = $value;
		$this->autoload[ $key ] = $autoload;
	}

	/**
	 * Deletes.
	 *
	 * @param string $key Key.
	 */
	public function delete( string $key ): void {
		unset( $this->values[ $key ], $this->autoload[ $key ] );
	}
}
