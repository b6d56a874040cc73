<?php
/**
 * Removes secrets from data that is about to be logged.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Support;

/**
 * Replaces values of secret-looking keys and bearer tokens inside strings with a placeholder.
 */
final class Redactor {

	public const PLACEHOLDER = '[redacted]';

	/**
	 * Key fragments (lower case) whose values are never logged.
	 *
	 * @var string[]
	 */
	private const SECRET_KEY_FRAGMENTS = array(
		'secret',
		'token',
		'authorization',
		'password',
		'passwd',
		'cookie',
		'signature',
		'api_key',
		'apikey',
		'nonce',
	);

	/**
	 * Exact secret values known at runtime (e.g. the stored client secret), removed wherever they appear.
	 *
	 * @var string[]
	 */
	private array $known_secrets;

	/**
	 * Creates a redactor.
	 *
	 * @param string[] $known_secrets Secret values to scrub from any string.
	 */
	public function __construct( array $known_secrets = array() ) {
		$this->known_secrets = array_values(
			array_filter(
				$known_secrets,
				static function ( $value ): bool {
					return is_string( $value ) && strlen( $value ) >= 4;
				}
			)
		);
	}

	/**
	 * Redacts an array recursively.
	 *
	 * @param array<mixed> $data Data to log.
	 * @return array<mixed>
	 */
	public function redact( array $data ): array {
		$out = array();
		foreach ( $data as $key => $value ) {
			if ( is_string( $key ) && self::is_secret_key( $key ) ) {
				$out[ $key ] = self::PLACEHOLDER;
				continue;
			}
			if ( is_array( $value ) ) {
				$out[ $key ] = $this->redact( $value );
			} elseif ( is_string( $value ) ) {
				$out[ $key ] = $this->redact_string( $value );
			} elseif ( is_object( $value ) ) {
				// Objects may hold credentials in private properties; never serialise them into logs.
				$out[ $key ] = get_class( $value );
			} else {
				$out[ $key ] = $value;
			}
		}
		return $out;
	}

	/**
	 * Redacts bearer tokens, form-encoded secrets and known secret values inside a string.
	 *
	 * @param string $text Text.
	 */
	public function redact_string( string $text ): string {
		foreach ( $this->known_secrets as $secret ) {
			$text = str_replace( $secret, self::PLACEHOLDER, $text );
		}
		$text = (string) preg_replace( '/\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+\/=]+/i', '$1 ' . self::PLACEHOLDER, $text );
		$text = (string) preg_replace( '/\b(client_secret|access_token|refresh_token|password)=[^&\s"]*/i', '$1=' . self::PLACEHOLDER, $text );
		return (string) preg_replace( '/"(client_secret|access_token|refresh_token|password)"\s*:\s*"[^"]*"/i', '"$1":"' . self::PLACEHOLDER . '"', $text );
	}

	/**
	 * Whether a key names a secret.
	 *
	 * @param string $key Array key.
	 */
	public static function is_secret_key( string $key ): bool {
		$key = strtolower( $key );
		foreach ( self::SECRET_KEY_FRAGMENTS as $fragment ) {
			if ( false !== strpos( $key, $fragment ) ) {
				return true;
			}
		}
		return false;
	}
}
