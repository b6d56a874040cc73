<?php
/**
 * In-memory token cache.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet;

/**
 * Token cache for one request, used while verifying credentials that are not stored yet.
 */
final class InMemoryTokenStore implements TokenStore {

	/**
	 * Cached token.
	 *
	 * @var AccessToken|null
	 */
	private ?AccessToken $token = null;

	/**
	 * The cached token.
	 */
	public function load(): ?AccessToken {
		return $this->token;
	}

	/**
	 * Caches a token.
	 *
	 * @param AccessToken $token Token.
	 */
	public function save( AccessToken $token ): void {
		$this->token = $token;
	}

	/**
	 * Forgets the token.
	 */
	public function clear(): void {
		$this->token = null;
	}
}
