<?php
/**
 * Webhook date parsing.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Webhooks;

use DateTimeImmutable;
use DateTimeZone;

/**
 * Parses webhook timestamps such as "2025-06-10T14:03:11.5570000+07:00" (§1.4): up to 7 fractional
 * digits (kept to microseconds), an optional offset or Z; no offset means Vietnam local time
 * (Asia/Ho_Chi_Minh). Also ServiceStack's "/Date(1718000000000+0700)/". Anything else → null.
 */
final class WebhookDate {

	public const TIMEZONE = 'Asia/Ho_Chi_Minh';

	/**
	 * Parsed date or null.
	 *
	 * @param mixed $value Raw JSON value.
	 */
	public static function parse( $value ): ?DateTimeImmutable {
		if ( ! is_string( $value ) || strlen( $value ) > 64 ) {
			return null;
		}
		$value = trim( $value );
		$local = new DateTimeZone( self::TIMEZONE );

		if ( 1 === preg_match( '#^/Date\((-?[0-9]{1,15})([+-][0-9]{4})?\)/$#', $value, $m ) ) {
			$millis = (int) $m[1];
			$date   = new DateTimeImmutable( '@' . intdiv( $millis, 1000 ) );
			$zone   = isset( $m[2] ) ? new DateTimeZone( $m[2] ) : $local; // Last group: absent when unmatched.
			return $date->setTimezone( $zone );
		}

		$pattern = '/^([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]([0-9]{2}:[0-9]{2}(?::[0-9]{2})?)(?:\.([0-9]{1,9}))?(Z|[+-][0-9]{2}:?[0-9]{2})?$/i';
		if ( 1 !== preg_match( $pattern, $value, $m ) ) {
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
			$hours = (int) substr( $offset, 1, 2 );
			if ( $hours > 14 ) {
				return null;
			}
			$zone = new DateTimeZone( $offset );
		}
		$date = DateTimeImmutable::createFromFormat( '!Y-m-d H:i:s.u', $m[1] . ' ' . $time . '.' . $fraction, $zone );
		if ( false === $date ) {
			return null;
		}
		$errors = DateTimeImmutable::getLastErrors();
		if ( is_array( $errors ) && ( $errors['warning_count'] > 0 || $errors['error_count'] > 0 ) ) {
			return null; // 2025-02-30 or 25:00: reject rather than roll over.
		}
		return $date;
	}
}
