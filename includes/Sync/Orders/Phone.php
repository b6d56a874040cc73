<?php
/**
 * Vietnamese phone number normalisation.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

/**
 * Canonical national form used to compare phone numbers: digits only, leading 0.
 *
 * "+84 903 123 456", "84903123456", "0084-903-123-456", "0903.123.456", "(090) 312 3456" → "0903123456".
 * A 9-digit number without the trunk 0 (people often drop it, "903123456") gets it back. A number starting
 * with 0 is never re-interpreted ("0849 123 456" stays a Vinaphone 084 number). Foreign numbers (+ and another
 * country code) keep their digits with a leading "+" so they never equal a Vietnamese one.
 */
final class Phone {

	/** Shortest normalised number that may identify a customer (a Vietnamese mobile has 10 digits). */
	public const MIN_DIGITS = 9;

	public static function normalise( string $phone ): string {
		$phone = trim( $phone );
		if ( '' === $phone ) {
			return '';
		}
		$international = 0 === strpos( $phone, '+' );
		$digits        = (string) preg_replace( '/\D+/', '', $phone );
		if ( '' === $digits ) {
			return '';
		}
		if ( 0 === strpos( $digits, '0084' ) ) {
			return '0' . ltrim( substr( $digits, 4 ), '0' );
		}
		if ( $international ) {
			if ( 0 === strpos( $digits, '84' ) ) {
				return '0' . ltrim( substr( $digits, 2 ), '0' );
			}
			return '+' . $digits;
		}
		if ( 0 === strpos( $digits, '84' ) && strlen( $digits ) >= 11 ) {
			return '0' . ltrim( substr( $digits, 2 ), '0' );
		}
		if ( '0' !== $digits[0] && 9 === strlen( $digits ) ) {
			return '0' . $digits;
		}
		return $digits;
	}

	/** Whether the normalised number is long enough to identify a customer. */
	public static function is_usable( string $phone ): bool {
		$normalised = self::normalise( $phone );
		return strlen( ltrim( $normalised, '+' ) ) >= self::MIN_DIGITS;
	}

	/**
	 * KiotViet sometimes stores several numbers in one field ("0903123456 / 0912000111").
	 *
	 * @return string[] Normalised numbers.
	 */
	public static function all_in( string $field ): array {
		$out = array();
		foreach ( preg_split( '#[,;/|]+|\s{2,}#', $field ) ?: array() as $part ) {
			$normalised = self::normalise( $part );
			if ( '' !== $normalised ) {
				$out[] = $normalised;
			}
		}
		return $out;
	}
}
