<?php
/**
 * Access token value object.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet;

/**
 * An opaque bearer token with its absolute expiry and the fingerprint of the credentials that obtained it.
 */
final class AccessToken {

	/**
	 * Opaque token.
	 *
	 * @var string
	 */
	private string $value;

	/**
	 * Unix time it expires.
	 *
	 * @var int
	 */
	private int $expires_at;

	/**
	 * Credentials fingerprint.
	 *
	 * @var string
	 */
	private string $owner;

	/**
	 * Creates the token.
	 *
	 * @param string $value      Opaque token.
	 * @param int    $expires_at Unix expiry.
	 * @param string $owner      Credentials fingerprint.
	 */
	public function __construct( string $value, int $expires_at, string $owner ) {
		$this->value      = $value;
		$this->expires_at = $expires_at;
		$this->owner      = $owner;
	}

	/**
	 * Opaque token.
	 */
	public function value(): string {
		return $this->value;
	}

	/**
	 * Unix expiry.
	 */
	public function expires_at(): int {
		return $this->expires_at;
	}

	/**
	 * Credentials fingerprint.
	 */
	public function owner(): string {
		return $this->owner;
	}

	/**
	 * Seconds left at the given time (negative when expired).
	 *
	 * @param int $now Unix time.
	 */
	public function seconds_left( int $now ): int {
		return $this->expires_at - $now;
	}

	/**
	 * Serialisable form for a TokenStore (which encrypts it).
	 *
	 * @return array{value: string, expires_at: int, owner: string}
	 */
	public function to_array(): array {
		return array(
			'value'      => $this->value,
			'expires_at' => $this->expires_at,
			'owner'      => $this->owner,
		);
	}

	/**
	 * Rebuilds a token from to_array() output; null when malformed.
	 *
	 * @param array<mixed> $data Stored data.
	 */
	public static function from_array( array $data ): ?self {
		if ( ! isset( $data['value'], $data['expires_at'], $data['owner'] ) || ! is_string( $data['value'] ) || '' === $data['value'] ) {
			return null;
		}
		return new self( $data['value'], (int) $data['expires_at'], (string) $data['owner'] );
	}

	/**
	 * Debug representation without the token.
	 *
	 * @return array<string, int|string>
	 */
	public function __debugInfo(): array {
		return array(
			'value'      => '[redacted]',
			'expires_at' => $this->expires_at,
		);
	}
}
