<?php
/**
 * Webhook secret generation.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Webhooks;

use Closure;
use InvalidArgumentException;
use RuntimeException;

/**
 * Makes the per-site webhook Secret: N ≥ 16 random bytes, Base64-encoded; the Base64 text is what is
 * registered as `Secret` (kiotviet-api.md §6.1/§6.6 — "generate random characters, Base64-encode them,
 * send the Base64 text") and what SignatureVerifier is given. Pure given its random-bytes source.
 */
final class SecretGenerator {

	public const MIN_BYTES     = 16;
	public const DEFAULT_BYTES = 32;

	/**
	 * Random source: fn(int $length): string.
	 *
	 * @var Closure
	 */
	private Closure $random_bytes;

	/**
	 * Creates the generator.
	 *
	 * @param callable|null $random_bytes fn(int $length): string; defaults to random_bytes().
	 */
	public function __construct( ?callable $random_bytes = null ) {
		$this->random_bytes = null === $random_bytes
			? static function ( int $length ): string {
				return random_bytes( max( 1, $length ) );
			}
			: Closure::fromCallable( $random_bytes );
	}

	/**
	 * A new Secret: Base64 text of `$bytes` random bytes (44 characters for the default 32).
	 *
	 * @param int $bytes Number of random bytes, at least MIN_BYTES.
	 * @throws InvalidArgumentException When fewer than MIN_BYTES are asked for.
	 * @throws RuntimeException When the source does not return exactly that many bytes.
	 */
	public function generate( int $bytes = self::DEFAULT_BYTES ): string {
		if ( $bytes < self::MIN_BYTES || $bytes > 1024 ) {
			throw new InvalidArgumentException( 'A webhook secret needs between 16 and 1024 random bytes.' );
		}
		$random = ( $this->random_bytes )( $bytes );
		if ( ! is_string( $random ) || strlen( $random ) !== $bytes ) {
			throw new RuntimeException( 'The random source returned the wrong number of bytes.' );
		}
		if ( str_repeat( $random[0], $bytes ) === $random ) {
			throw new RuntimeException( 'The random source returned a constant value.' );
		}
		return base64_encode( $random );
	}
}
