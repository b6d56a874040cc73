<?php
/**
 * Token cache contract.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet;

/**
 * Where TokenProvider keeps the current access token between requests.
 */
interface TokenStore {

	/**
	 * The cached token, null when none.
	 */
	public function load(): ?AccessToken;

	/**
	 * Caches a token.
	 *
	 * @param AccessToken $token Token.
	 */
	public function save( AccessToken $token ): void;

	/**
	 * Forgets the token.
	 */
	public function clear(): void;
}
