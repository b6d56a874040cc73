<?php
/**
 * OAuth client-credentials token provider.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet;

use KiotVietSync\KiotViet\Exception\AuthException;
use KiotVietSync\KiotViet\Exception\KiotVietException;
use KiotVietSync\KiotViet\Exception\ServerException;
use KiotVietSync\Support\Clock;

/**
 * Gets an access token from KiotViet's token endpoint, caches it with its absolute expiry,
 * and refreshes it when fewer than REFRESH_MARGIN seconds remain. The token is treated as opaque.
 */
final class TokenProvider {

	/**
	 * Refresh when fewer seconds than this remain.
	 */
	public const REFRESH_MARGIN = 300;

	/**
	 * Transport.
	 *
	 * @var HttpTransport
	 */
	private HttpTransport $transport;

	/**
	 * Token cache.
	 *
	 * @var TokenStore
	 */
	private TokenStore $store;

	/**
	 * Clock.
	 *
	 * @var Clock
	 */
	private Clock $clock;

	/**
	 * Credentials.
	 *
	 * @var Credentials
	 */
	private Credentials $credentials;

	/**
	 * Token endpoint URL.
	 *
	 * @var string
	 */
	private string $token_url;

	/**
	 * Call observer.
	 *
	 * @var CallObserver
	 */
	private CallObserver $observer;

	/**
	 * Creates the provider.
	 *
	 * @param HttpTransport     $transport   Transport.
	 * @param TokenStore        $store       Token cache.
	 * @param Clock             $clock       Clock.
	 * @param Credentials       $credentials Credentials.
	 * @param string            $token_url   Token endpoint (KIOTVIET_SYNC_TOKEN_URL).
	 * @param CallObserver|null $observer    Observer for the sync history.
	 */
	public function __construct( HttpTransport $transport, TokenStore $store, Clock $clock, Credentials $credentials, string $token_url, ?CallObserver $observer = null ) {
		$this->transport   = $transport;
		$this->store       = $store;
		$this->clock       = $clock;
		$this->credentials = $credentials;
		$this->token_url   = $token_url;
		$this->observer    = $observer ?? new NullCallObserver();
	}

	/**
	 * A valid token: the cached one unless it is about to expire or belongs to other credentials.
	 *
	 * @throws KiotVietException When KiotViet refuses or cannot be reached.
	 */
	public function get_token(): AccessToken {
		$cached = $this->store->load();
		if ( null !== $cached
			&& hash_equals( $cached->owner(), $this->credentials->fingerprint() )
			&& $cached->seconds_left( $this->clock->now() ) >= self::REFRESH_MARGIN ) {
			return $cached;
		}
		return $this->refresh();
	}

	/**
	 * Fetches a new token and caches it.
	 *
	 * @throws KiotVietException When KiotViet refuses or cannot be reached.
	 */
	public function refresh(): AccessToken {
		$token = $this->fetch();
		$this->store->save( $token );
		return $token;
	}

	/**
	 * Drops the cached token (e.g. after KiotViet answered 401 TokenException).
	 */
	public function invalidate(): void {
		$this->store->clear();
	}

	/**
	 * Calls the token endpoint.
	 *
	 * @throws KiotVietException When KiotViet refuses or cannot be reached.
	 */
	private function fetch(): AccessToken {
		$body = http_build_query(
			array(
				'scopes'        => 'PublicApi.Access',
				'grant_type'    => 'client_credentials',
				'client_id'     => $this->credentials->client_id(),
				'client_secret' => $this->credentials->client_secret(),
			),
			'',
			'&'
		);
		$path = self::url_path( $this->token_url );

		try {
			$response = $this->transport->send(
				'POST',
				$this->token_url,
				array(
					'Content-Type' => 'application/x-www-form-urlencoded',
					'Accept'       => 'application/json',
				),
				$body
			);
			if ( ! $response->is_success() ) {
				$error = ErrorMapper::from_response( $response, $this->clock->now() );
				if ( 400 === $response->status() && in_array( $error->get_kiotviet_error_code(), array( 'invalid_client', 'unauthorized_client', 'invalid_grant' ), true ) ) {
					// IdentityServer answers 400 invalid_client for a wrong id or secret.
					$error = new AuthException( $error->getMessage(), 400, $error->get_kiotviet_error_code() );
				}
				throw $error;
			}
			$json = $response->json();
			if ( null === $json || ! isset( $json['access_token'] ) || ! is_string( $json['access_token'] ) || '' === $json['access_token'] ) {
				throw new ServerException( 'The KiotViet token endpoint returned no access token.', $response->status() );
			}
			$expires_in = isset( $json['expires_in'] ) && is_numeric( $json['expires_in'] ) ? (int) $json['expires_in'] : 3600;
		} catch ( KiotVietException $e ) {
			$this->observer->failed( 'POST', $path, $e, 1, false );
			throw $e;
		}

		$this->observer->succeeded( 'POST', $path, $response->status() );
		return new AccessToken( $json['access_token'], $this->clock->now() + max( 0, $expires_in ), $this->credentials->fingerprint() );
	}

	/**
	 * Path part of a URL for the sync history (no host, no query).
	 *
	 * @param string $url URL.
	 */
	private static function url_path( string $url ): string {
		$path = parse_url( $url, PHP_URL_PATH ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- runs without WordPress in unit tests.
		return is_string( $path ) && '' !== $path ? $path : '/';
	}
}
