<?php
/**
 * KiotViet date parsing.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

use DateTimeImmutable;
use DateTimeZone;

/**
 * Parses KiotViet timestamps: ISO-8601 with 7 fractional digits, with or without an offset (no offset =
 * Vietnam local time, kiotviet-api.md §1.4), date-only values and ServiceStack `/Date(ms+0700)/`.
 * Never touches PHP's global timezone.
 */
final class KvDate {

	public const TIMEZONE = 'Asia/Ho_Chi_Minh';

	/**
	 * @param mixed $value Raw JSON value.
	 */
	public static function parse( $value ): ?DateTimeImmutable {
		if ( ! is_string( $value ) ) {
			return null;
		}
		$value = trim( $value );
		if ( '' === $value ) {
			return null;
		}
		$local = new DateTimeZone( self::TIMEZONE );

		if ( preg_match( '#^/Date\((-?\d+)([+-]\d{4})?\)/$#', $value, $m ) ) {
			$seconds = intdiv( (int) $m[1], 1000 );
			$date    = ( new DateTimeImmutable( '@' . $seconds ) );
			$zone    = empty( $m[2] ) ? $local : new DateTimeZone( $m[2] );
			return $date->setTimezone( $zone );
		}

		if ( preg_match( '/^(\d{4}-\d{2}-\d{2})$/', $value, $m ) ) {
			$date = DateTimeImmutable::createFromFormat( '!Y-m-d', $m[1], $local );
			return false === $date ? null : $date;
		}

		$pattern = '/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/i';
		if ( ! preg_match( $pattern, $value, $m ) ) {
			return null;
		}
		$time     = 5 === strlen( $m[2] ) ? $m[2] . ':00' : $m[2];
		$fraction = isset( $m[3] ) && '' !== $m[3] ? substr( str_pad( $m[3], 6, '0' ), 0, 6 ) : '000000';
		$offset   = isset( $m[4] ) ? $m[4] : '';
		if ( '' === $offset ) {
			$zone = $local;
		} elseif ( 'z' === strtolower( $offset ) ) {
			$zone = new DateTimeZone( 'UTC' );
		} else {
			$zone = new DateTimeZone( $offset );
		}
		$date = DateTimeImmutable::createFromFormat( '!Y-m-d H:i:s.u', $m[1] . ' ' . $time . '.' . $fraction, $zone );
		if ( false === $date ) {
			return null;
		}
		$errors = DateTimeImmutable::getLastErrors();
		if ( is_array( $errors ) && ( $errors['warning_count'] > 0 || $errors['error_count'] > 0 ) ) {
			return null; // e.g. 2025-02-30: reject rather than roll over.
		}
		return $date;
	}
}
