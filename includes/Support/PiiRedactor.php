<?php
/**
 * Removes customer contact data from what goes into the sync history.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Support;

/**
 * Masks e-mail addresses and phone numbers (Vietnamese and international) in strings, and the values of
 * contact-looking keys (phone, email, address, …) in arrays. The history keeps enough to recognise a
 * record ("n***@example.com", "[phone …678]") but never the whole contact detail. Pure PHP; unit-tested.
 */
final class PiiRedactor {

	public const PHONE_PLACEHOLDER = '[phone]';
	public const EMAIL_PLACEHOLDER = '[email]';

	/**
	 * Key fragments (lower case) whose values are contact data.
	 *
	 * @var string[]
	 */
	private const PII_KEY_FRAGMENTS = array(
		'phone',
		'mobile',
		'contactnumber',
		'contact_number',
		'email',
		'e_mail',
		'address',
		'tel',
	);

	/**
	 * Key fragments that look like contact keys but are not (e.g. "hotel", "total", "detail").
	 *
	 * @var string[]
	 */
	private const SAFE_KEY_FRAGMENTS = array( 'total', 'detail', 'hotel', 'retail', 'intel' );

	/**
	 * E-mail addresses.
	 */
	private const EMAIL_PATTERN = '/([A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]*@([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})/';

	/**
	 * Phone numbers: Vietnamese national (0 + 9 digits), +84/0084/84 + 9 digits, or any "+" international
	 * number; digits may be separated by spaces, dots or dashes. Never inside a longer run of digits, so
	 * KiotViet ids (no leading 0) and amounts stay readable.
	 */
	private const PHONE_PATTERN = '/(?<![\w.\-\/])(?:(?:\+|00)\d{1,3}[\s.\-]?\(?\d{1,4}\)?(?:[\s.\-]?\d){5,10}|\(?0\d{1,3}\)?(?:[\s.\-]?\d){6,9}|84[35789](?:[\s.\-]?\d){8})(?![\w])/';

	/**
	 * Redacts an array recursively: contact keys are masked whole, every string is scanned.
	 *
	 * @param array<mixed> $data Data.
	 * @return array<mixed>
	 */
	public function redact( array $data ): array {
		$out = array();
		foreach ( $data as $key => $value ) {
			if ( is_string( $key ) && self::is_pii_key( $key ) && ( is_string( $value ) || is_numeric( $value ) ) && '' !== (string) $value ) {
				$out[ $key ] = $this->mask_value( (string) $value, $key );
				continue;
			}
			if ( is_array( $value ) ) {
				$out[ $key ] = $this->redact( $value );
			} elseif ( is_string( $value ) ) {
				$out[ $key ] = $this->redact_string( $value );
			} else {
				$out[ $key ] = $value;
			}
		}
		return $out;
	}

	/**
	 * Masks e-mail addresses and phone numbers inside a string.
	 *
	 * @param string $text Text.
	 */
	public function redact_string( string $text ): string {
		if ( '' === $text ) {
			return $text;
		}
		$text = (string) preg_replace_callback(
			self::EMAIL_PATTERN,
			static function ( array $m ): string {
				return $m[1] . '***@' . $m[2];
			},
			$text
		);
		return (string) preg_replace_callback(
			self::PHONE_PATTERN,
			static function ( array $m ): string {
				return self::mask_phone( $m[0] );
			},
			$text
		);
	}

	/**
	 * Whether a key names contact data.
	 *
	 * @param string $key Array key.
	 */
	public static function is_pii_key( string $key ): bool {
		$key = strtolower( $key );
		foreach ( self::SAFE_KEY_FRAGMENTS as $safe ) {
			$key = str_replace( $safe, '', $key );
		}
		foreach ( self::PII_KEY_FRAGMENTS as $fragment ) {
			if ( false !== strpos( $key, $fragment ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Masks a whole value of a contact key.
	 *
	 * @param string $value Value.
	 * @param string $key   Key.
	 */
	private function mask_value( string $value, string $key ): string {
		$masked = $this->redact_string( $value );
		if ( $masked !== $value ) {
			return $masked;
		}
		$lower = strtolower( $key );
		if ( false !== strpos( $lower, 'phone' ) || false !== strpos( $lower, 'mobile' ) || false !== strpos( $lower, 'contact' ) || false !== strpos( $lower, 'tel' ) ) {
			return self::mask_phone( $value );
		}
		return false !== strpos( $lower, 'mail' ) ? self::EMAIL_PLACEHOLDER : Redactor::PLACEHOLDER;
	}

	/**
	 * "0912 345 678" → "[phone …678]".
	 *
	 * @param string $phone Phone as written.
	 */
	private static function mask_phone( string $phone ): string {
		$digits = (string) preg_replace( '/\D+/', '', $phone );
		if ( strlen( $digits ) < 6 ) {
			return self::PHONE_PLACEHOLDER;
		}
		return '[phone …' . substr( $digits, -3 ) . ']';
	}
}
