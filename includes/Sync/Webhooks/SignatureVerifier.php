<?php
/**
 * X-Hub-Signature verification.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Webhooks;

/**
 * Verifies KiotViet's `X-Hub-Signature` over the raw request body (kiotviet-api.md §6.6).
 *
 * The spec leaves the digest encoding, the prefix and the key form open, so this accepts:
 * - an optional `<algo>=` prefix (sha1=, sha256=, any case; the label is ignored, live KiotViet
 *   seems to send "sha1=" in front of an HMAC-SHA256),
 * - HMAC-SHA256 (and, since one consumer saw a real SHA-1 digest behind "sha1=", HMAC-SHA1),
 * - keyed with the Secret string exactly as registered, or with its strict Base64 decoding,
 * - the digest as hex (any case), Base64 or Base64url (padding optional).
 *
 * The provided digest is decoded to raw bytes and compared with hash_equals() against each
 * candidate; a value of the wrong length never decodes, so truncated digests fail. An empty secret
 * or an empty header never verifies.
 */
final class SignatureVerifier {

	/**
	 * Candidate hash algorithms: name => raw digest length.
	 */
	private const ALGORITHMS = array(
		'sha256' => 32,
		'sha1'   => 20,
	);

	/**
	 * Longest header we look at; a hex SHA-256 with prefix is 71 characters.
	 */
	private const MAX_HEADER = 200;

	/**
	 * Checks the signature.
	 *
	 * @param string      $raw_body Exact request body bytes, read before any parsing.
	 * @param string|null $header   X-Hub-Signature value, null when absent.
	 * @param string      $secret   The Secret as registered with KiotViet (Base64 text).
	 */
	public function verify( string $raw_body, ?string $header, string $secret ): VerificationResult {
		if ( '' === $secret ) {
			return VerificationResult::failed( VerificationResult::NO_SECRET );
		}
		$value = null === $header ? '' : trim( $header );
		if ( '' === $value ) {
			return VerificationResult::failed( VerificationResult::MISSING );
		}
		if ( strlen( $value ) > self::MAX_HEADER ) {
			return VerificationResult::failed( VerificationResult::MISMATCH );
		}

		$prefix = '';
		if ( 1 === preg_match( '/^([A-Za-z][A-Za-z0-9_-]{0,31})=(.+)$/s', $value, $m ) ) {
			$prefix = strtolower( $m[1] );
			$value  = trim( $m[2] );
		}

		$provided = self::decode_digest( $value );
		if ( array() === $provided ) {
			return VerificationResult::failed( VerificationResult::MISMATCH, $prefix );
		}

		$keys    = array( 'as-registered' => $secret );
		$decoded = base64_decode( $secret, true );
		if ( false !== $decoded && '' !== $decoded && $decoded !== $secret ) {
			$keys['base64-decoded'] = $decoded;
		}

		foreach ( $provided as $candidate ) {
			list( $encoding, $bytes ) = $candidate;
			foreach ( self::ALGORITHMS as $algo => $length ) {
				if ( strlen( $bytes ) !== $length ) {
					continue;
				}
				foreach ( $keys as $key_form => $key ) {
					$expected = hash_hmac( $algo, $raw_body, $key, true );
					if ( hash_equals( $expected, $bytes ) ) {
						return VerificationResult::ok( $encoding . '-' . $algo . '-key-' . $key_form, $prefix );
					}
				}
			}
		}
		return VerificationResult::failed( VerificationResult::MISMATCH, $prefix );
	}

	/**
	 * Every plausible reading of the digest text as raw bytes of a known digest length.
	 *
	 * @param string $value Digest without prefix.
	 * @return list<array{0: string, 1: string}> [encoding, raw bytes].
	 */
	private static function decode_digest( string $value ): array {
		$out     = array();
		$lengths = array_values( self::ALGORITHMS );

		if ( 1 === preg_match( '/^[0-9A-Fa-f]+$/', $value ) && in_array( strlen( $value ), array( 64, 40 ), true ) ) {
			$bytes = hex2bin( $value );
			if ( false !== $bytes ) {
				$out[] = array( 'hex', $bytes );
			}
		}

		$unpadded = rtrim( $value, '=' );
		$padding  = strlen( $value ) - strlen( $unpadded );
		if ( $padding > 2 || '' === $unpadded ) {
			return $out;
		}
		if ( 1 === preg_match( '/^[A-Za-z0-9+\/]+$/', $unpadded ) ) {
			$bytes = self::base64_exact( $unpadded, $lengths );
			if ( null !== $bytes ) {
				$out[] = array( 'base64', $bytes );
			}
		} elseif ( 1 === preg_match( '/^[A-Za-z0-9_-]+$/', $unpadded ) ) {
			$bytes = self::base64_exact( strtr( $unpadded, '-_', '+/' ), $lengths );
			if ( null !== $bytes ) {
				$out[] = array( 'base64url', $bytes );
			}
		}
		return $out;
	}

	/**
	 * Strict Base64 decoding of unpadded text, only when it yields one of the digest lengths.
	 *
	 * @param string   $unpadded Base64 alphabet, no padding.
	 * @param list<int> $lengths  Accepted raw lengths.
	 */
	private static function base64_exact( string $unpadded, array $lengths ): ?string {
		$remainder = strlen( $unpadded ) % 4;
		if ( 1 === $remainder ) {
			return null;
		}
		$padded = 0 === $remainder ? $unpadded : $unpadded . str_repeat( '=', 4 - $remainder );
		$bytes  = base64_decode( $padded, true );
		if ( false === $bytes || ! in_array( strlen( $bytes ), $lengths, true ) ) {
			return null;
		}
		// Reject non-canonical encodings (stray low bits in the last character).
		if ( rtrim( base64_encode( $bytes ), '=' ) !== $unpadded ) {
			return null;
		}
		return $bytes;
	}
}
