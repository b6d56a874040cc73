<?php
/**
 * Symmetric encryption for secrets at rest.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Support;

/**
 * Encrypts small secrets (client secret, access token) before they go into wp_options.
 *
 * Uses libsodium's secretbox (XSalsa20-Poly1305; WordPress ships sodium_compat) and falls back to
 * OpenSSL AES-256-GCM. The key is derived from key material that lives in wp-config.php (salts),
 * so a database dump alone does not reveal the secrets.
 */
final class SecretBox {

	private const PREFIX_SODIUM  = 'kvs1:';
	private const PREFIX_OPENSSL = 'kvs2:';

	/**
	 * 32-byte key.
	 *
	 * @var string
	 */
	private string $key;

	/**
	 * Derives the key.
	 *
	 * @param string $key_material Secret material from wp-config (salts or KIOTVIET_SYNC_ENCRYPTION_KEY).
	 */
	public function __construct( string $key_material ) {
		if ( '' === $key_material ) {
			throw new \InvalidArgumentException( 'Encryption key material must not be empty.' );
		}
		$this->key = hash_hmac( 'sha256', 'kiotviet-sync secret storage v1', $key_material, true );
	}

	/**
	 * Encrypts a plaintext; the result is ASCII and safe to store in an option.
	 *
	 * @param string $plaintext Secret.
	 */
	public function encrypt( string $plaintext ): string {
		if ( function_exists( 'sodium_crypto_secretbox' ) ) {
			$nonce = random_bytes( 24 );
			return self::PREFIX_SODIUM . base64_encode( $nonce . sodium_crypto_secretbox( $plaintext, $nonce, $this->key ) );
		}
		if ( function_exists( 'openssl_encrypt' ) ) {
			$iv     = random_bytes( 12 );
			$tag    = '';
			$cipher = openssl_encrypt( $plaintext, 'aes-256-gcm', $this->key, OPENSSL_RAW_DATA, $iv, $tag, '', 16 );
			if ( false === $cipher ) {
				throw new \RuntimeException( 'Encryption failed.' );
			}
			return self::PREFIX_OPENSSL . base64_encode( $iv . $tag . $cipher );
		}
		throw new \RuntimeException( 'Neither sodium nor openssl is available to encrypt secrets.' );
	}

	/**
	 * Decrypts a value produced by encrypt(); null when it was tampered with or the key changed.
	 *
	 * @param string $stored Stored ciphertext.
	 */
	public function decrypt( string $stored ): ?string {
		if ( 0 === strncmp( $stored, self::PREFIX_SODIUM, strlen( self::PREFIX_SODIUM ) ) ) {
			$raw = base64_decode( substr( $stored, strlen( self::PREFIX_SODIUM ) ), true );
			if ( false === $raw || strlen( $raw ) < 24 + 16 || ! function_exists( 'sodium_crypto_secretbox_open' ) ) {
				return null;
			}
			try {
				$plain = sodium_crypto_secretbox_open( substr( $raw, 24 ), substr( $raw, 0, 24 ), $this->key );
			} catch ( \Throwable $e ) {
				return null;
			}
			return false === $plain ? null : $plain;
		}
		if ( 0 === strncmp( $stored, self::PREFIX_OPENSSL, strlen( self::PREFIX_OPENSSL ) ) ) {
			$raw = base64_decode( substr( $stored, strlen( self::PREFIX_OPENSSL ) ), true );
			if ( false === $raw || strlen( $raw ) < 12 + 16 || ! function_exists( 'openssl_decrypt' ) ) {
				return null;
			}
			$plain = openssl_decrypt( substr( $raw, 28 ), 'aes-256-gcm', $this->key, OPENSSL_RAW_DATA, substr( $raw, 0, 12 ), substr( $raw, 12, 16 ) );
			return false === $plain ? null : $plain;
		}
		return null;
	}

	/**
	 * Masks a secret for display: eight bullets plus the last four characters.
	 *
	 * @param string $secret Secret.
	 */
	public static function mask( string $secret ): string {
		$bullets = str_repeat( "\u{2022}", 8 );
		if ( strlen( $secret ) < 8 ) {
			// Too short to reveal anything safely.
			return $bullets;
		}
		return $bullets . substr( $secret, -4 );
	}
}
