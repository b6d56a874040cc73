<?php
/**
 * KiotViet credentials value object.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet;

/**
 * Retailer code, client id and client secret of one KiotViet API connection.
 * The secret is hidden from var_dump()/print_r() so it cannot slip into a debug log.
 */
final class Credentials {

	/**
	 * Retailer code (the shop's subdomain).
	 *
	 * @var string
	 */
	private string $retailer;

	/**
	 * Client id.
	 *
	 * @var string
	 */
	private string $client_id;

	/**
	 * Client secret.
	 *
	 * @var string
	 */
	private string $client_secret;

	/**
	 * Creates the credentials.
	 *
	 * @param string $retailer      Retailer code.
	 * @param string $client_id     Client id.
	 * @param string $client_secret Client secret.
	 */
	public function __construct( string $retailer, string $client_id, string $client_secret ) {
		$this->retailer      = $retailer;
		$this->client_id     = $client_id;
		$this->client_secret = $client_secret;
	}

	/**
	 * Retailer code.
	 */
	public function retailer(): string {
		return $this->retailer;
	}

	/**
	 * Client id.
	 */
	public function client_id(): string {
		return $this->client_id;
	}

	/**
	 * Client secret.
	 */
	public function client_secret(): string {
		return $this->client_secret;
	}

	/**
	 * Stable id of the token owner; a cached token for other credentials is ignored.
	 */
	public function fingerprint(): string {
		return hash( 'sha256', $this->retailer . '|' . $this->client_id . '|' . $this->client_secret );
	}

	/**
	 * Debug representation without the secret.
	 *
	 * @return array<string, string>
	 */
	public function __debugInfo(): array {
		return array(
			'retailer'      => $this->retailer,
			'client_id'     => $this->client_id,
			'client_secret' => '[redacted]',
		);
	}
}
