<?php
/**
 * Case-insensitive, null-tolerant reader for KiotViet arrays.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * Reads one KiotViet object whatever its casing: REST is camelCase, webhooks are PascalCase with a
 * camelCase `isActive`, nulls are omitted and `__type` hints are present (kiotviet-api.md §1.2, §1.3).
 */
final class KvFields {

	/** @var array<string, mixed> lower-cased key => value */
	private array $values = array();

	/**
	 * @param array<mixed> $data Decoded JSON object.
	 */
	public function __construct( array $data ) {
		foreach ( $data as $key => $value ) {
			$lower = strtolower( (string) $key );
			if ( '__type' === $lower ) {
				continue;
			}
			// The first spelling wins when an object carries both (`isActive` and `IsActive`).
			if ( ! array_key_exists( $lower, $this->values ) || null === $this->values[ $lower ] ) {
				$this->values[ $lower ] = $value;
			}
		}
	}

	/**
	 * Whether any of the names is present with a non-null value.
	 */
	public function has( string ...$names ): bool {
		foreach ( $names as $name ) {
			$key = strtolower( $name );
			if ( array_key_exists( $key, $this->values ) && null !== $this->values[ $key ] ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The first present, non-null value among the names.
	 *
	 * @return mixed|null
	 */
	public function raw( string ...$names ) {
		foreach ( $names as $name ) {
			$key = strtolower( $name );
			if ( array_key_exists( $key, $this->values ) && null !== $this->values[ $key ] ) {
				return $this->values[ $key ];
			}
		}
		return null;
	}

	public function int_or_null( string ...$names ): ?int {
		$value = $this->raw( ...$names );
		if ( is_int( $value ) ) {
			return $value;
		}
		if ( is_float( $value ) ) {
			return (int) $value;
		}
		if ( is_string( $value ) && preg_match( '/^\s*-?\d+\s*$/', $value ) ) {
			return (int) trim( $value );
		}
		return null;
	}

	public function int( int $default, string ...$names ): int {
		$value = $this->int_or_null( ...$names );
		return null === $value ? $default : $value;
	}

	public function float_or_null( string ...$names ): ?float {
		$value = $this->raw( ...$names );
		if ( is_int( $value ) || is_float( $value ) ) {
			return (float) $value;
		}
		if ( is_string( $value ) && is_numeric( trim( $value ) ) ) {
			return (float) trim( $value );
		}
		return null;
	}

	public function float( float $default, string ...$names ): float {
		$value = $this->float_or_null( ...$names );
		return null === $value ? $default : $value;
	}

	public function string( string ...$names ): string {
		$value = $this->raw( ...$names );
		if ( is_string( $value ) ) {
			return $value;
		}
		if ( is_int( $value ) || is_float( $value ) ) {
			return (string) $value;
		}
		return '';
	}

	public function bool_or_null( string ...$names ): ?bool {
		$value = $this->raw( ...$names );
		if ( is_bool( $value ) ) {
			return $value;
		}
		if ( is_int( $value ) || is_float( $value ) ) {
			return 0.0 !== (float) $value;
		}
		if ( is_string( $value ) ) {
			$lower = strtolower( trim( $value ) );
			if ( in_array( $lower, array( 'true', '1', 'yes' ), true ) ) {
				return true;
			}
			if ( in_array( $lower, array( 'false', '0', 'no', '' ), true ) ) {
				return false;
			}
		}
		return null;
	}

	public function bool( bool $default, string ...$names ): bool {
		$value = $this->bool_or_null( ...$names );
		return null === $value ? $default : $value;
	}

	/**
	 * A list value, or null when the key is absent (absent ≠ empty: absent means "not requested").
	 *
	 * @return array<mixed>|null
	 */
	public function list_or_null( string ...$names ): ?array {
		$value = $this->raw( ...$names );
		return is_array( $value ) ? $value : null;
	}
}
