<?php
/**
 * Encrypted access-token cache.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

use KiotVietSync\KiotViet\AccessToken;
use KiotVietSync\KiotViet\TokenStore;
use KiotVietSync\Support\SecretBox;

/**
 * Keeps the access token in a non-autoloaded option, encrypted at rest.
 */
final class EncryptedTokenStore implements TokenStore {

	/**
	 * Options.
	 *
	 * @var SettingsStore
	 */
	private SettingsStore $store;

	/**
	 * Encryption.
	 *
	 * @var SecretBox
	 */
	private SecretBox $box;

	/**
	 * Creates the store.
	 *
	 * @param SettingsStore $store Options.
	 * @param SecretBox     $box   Encryption.
	 */
	public function __construct( SettingsStore $store, SecretBox $box ) {
		$this->store = $store;
		$this->box   = $box;
	}

	/**
	 * The cached token, null when none or unreadable.
	 */
	public function load(): ?AccessToken {
		$stored = $this->store->get( Settings::ACCESS_TOKEN, '' );
		if ( ! is_string( $stored ) || '' === $stored ) {
			return null;
		}
		$plain = $this->box->decrypt( $stored );
		if ( null === $plain ) {
			return null;
		}
		$data = json_decode( $plain, true );
		return is_array( $data ) ? AccessToken::from_array( $data ) : null;
	}

	/**
	 * Caches a token.
	 *
	 * @param AccessToken $token Token.
	 */
	public function save( AccessToken $token ): void {
		$json = json_encode( $token->to_array() ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- plain ASCII data, unit-tested without WordPress.
		$this->store->set( Settings::ACCESS_TOKEN, $this->box->encrypt( (string) $json ), false );
	}

	/**
	 * Forgets the token.
	 */
	public function clear(): void {
		$this->store->delete( Settings::ACCESS_TOKEN );
	}
}
