<?php
/**
 * Helpers for decoded webhook JSON.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Webhooks;

/**
 * Case-insensitive key lookup (webhook bodies are PascalCase with camelCase quirks, §1.2), list checks,
 * strict id coercion, and removal of ServiceStack `__type` hints. Never emits PHP warnings.
 */
final class Json {

	/**
	 * Value under `$name`, exact key first, then the first key equal ignoring case; null when absent.
	 *
	 * @param array<mixed> $object Decoded JSON object.
	 * @param string       $name   Key as documented, e.g. "PriceBookId".
	 * @return mixed
	 */
	public static function get( array $object, string $name ) {
		if ( array_key_exists( $name, $object ) ) {
			return $object[ $name ];
		}
		$lower = strtolower( $name );
		foreach ( $object as $key => $value ) {
			if ( strtolower( (string) $key ) === $lower ) {
				return $value;
			}
		}
		return null;
	}

	/**
	 * Whether the key is present, ignoring case.
	 *
	 * @param array<mixed> $object Decoded JSON object.
	 * @param string       $name   Key.
	 */
	public static function has( array $object, string $name ): bool {
		if ( array_key_exists( $name, $object ) ) {
			return true;
		}
		$lower = strtolower( $name );
		foreach ( array_keys( $object ) as $key ) {
			if ( strtolower( (string) $key ) === $lower ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * PHP 7.4 stand-in for array_is_list().
	 *
	 * @param mixed $value Anything.
	 * @phpstan-assert-if-true list<mixed> $value
	 */
	public static function is_list( $value ): bool {
		if ( ! is_array( $value ) ) {
			return false;
		}
		$expected = 0;
		foreach ( array_keys( $value ) as $key ) {
			if ( $key !== $expected ) {
				return false;
			}
			++$expected;
		}
		return true;
	}

	/**
	 * Whether the value is a decoded JSON object (an array that is not a non-empty list).
	 *
	 * @param mixed $value Anything.
	 * @phpstan-assert-if-true array<mixed> $value
	 */
	public static function is_object( $value ): bool {
		return is_array( $value ) && ( array() === $value || ! self::is_list( $value ) );
	}

	/**
	 * A positive 64-bit KiotViet id from an int or a string of digits (big numbers arrive as strings
	 * because the parser decodes with JSON_BIGINT_AS_STRING); null for anything else, including floats,
	 * booleans, zero, negatives and values beyond PHP_INT_MAX.
	 *
	 * @param mixed $value Raw JSON value.
	 */
	public static function to_id( $value ): ?int {
		if ( is_int( $value ) ) {
			return $value > 0 ? $value : null;
		}
		if ( is_string( $value ) && 1 === preg_match( '/^[0-9]{1,19}$/', $value ) ) {
			$trimmed = ltrim( $value, '0' );
			if ( '' === $trimmed ) {
				return null;
			}
			if ( strlen( $trimmed ) > 19 || ( 19 === strlen( $trimmed ) && strcmp( $trimmed, (string) PHP_INT_MAX ) > 0 ) ) {
				return null;
			}
			return (int) $trimmed;
		}
		return null;
	}

	/**
	 * The value with every `__type` key removed at any depth.
	 *
	 * @param array<mixed> $value Decoded JSON.
	 * @return array<mixed>
	 */
	public static function without_type_hints( array $value ): array {
		$out = array();
		foreach ( $value as $key => $item ) {
			if ( is_string( $key ) && '__type' === strtolower( $key ) ) {
				continue;
			}
			$out[ $key ] = is_array( $item ) ? self::without_type_hints( $item ) : $item;
		}
		return $out;
	}

	/**
	 * Canonical form for hashing: object keys sorted (lists keep their order).
	 *
	 * @param array<mixed> $value Decoded JSON.
	 * @return array<mixed>
	 */
	public static function canonical( array $value ): array {
		$out = array();
		foreach ( $value as $key => $item ) {
			$out[ $key ] = is_array( $item ) ? self::canonical( $item ) : $item;
		}
		if ( ! self::is_list( $out ) ) {
			ksort( $out, SORT_STRING );
		}
		return $out;
	}
}
