<?php
/**
 * Builds KiotViet clients.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet;

use KiotVietSync\Support\Clock;
use KiotVietSync\Support\Sleeper;

/**
 * Assembles TokenProvider + Client for a set of credentials, sharing transport, budget and policies.
 */
final class ClientFactory {

	/**
	 * Transport.
	 *
	 * @var HttpTransport
	 */
	private HttpTransport $transport;

	/**
	 * Clock.
	 *
	 * @var Clock
	 */
	private Clock $clock;

	/**
	 * Sleeper.
	 *
	 * @var Sleeper
	 */
	private Sleeper $sleeper;

	/**
	 * Retry policy.
	 *
	 * @var RetryPolicy
	 */
	private RetryPolicy $retry;

	/**
	 * GET budget.
	 *
	 * @var CallBudget
	 */
	private CallBudget $budget;

	/**
	 * Observer.
	 *
	 * @var CallObserver
	 */
	private CallObserver $observer;

	/**
	 * Token endpoint.
	 *
	 * @var string
	 */
	private string $token_url;

	/**
	 * API base URL.
	 *
	 * @var string
	 */
	private string $api_base;

	/**
	 * Creates the factory.
	 *
	 * @param HttpTransport $transport Transport.
	 * @param Clock         $clock     Clock.
	 * @param Sleeper       $sleeper   Sleeper.
	 * @param RetryPolicy   $retry     Retry policy.
	 * @param CallBudget    $budget    GET budget.
	 * @param CallObserver  $observer  Observer.
	 * @param string        $token_url Token endpoint.
	 * @param string        $api_base  API base URL.
	 */
	public function __construct( HttpTransport $transport, Clock $clock, Sleeper $sleeper, RetryPolicy $retry, CallBudget $budget, CallObserver $observer, string $token_url, string $api_base ) {
		$this->transport = $transport;
		$this->clock     = $clock;
		$this->sleeper   = $sleeper;
		$this->retry     = $retry;
		$this->budget    = $budget;
		$this->observer  = $observer;
		$this->token_url = $token_url;
		$this->api_base  = $api_base;
	}

	/**
	 * Token provider for the credentials.
	 *
	 * @param Credentials $credentials Credentials.
	 * @param TokenStore  $store       Token cache.
	 */
	public function token_provider( Credentials $credentials, TokenStore $store ): TokenProvider {
		return new TokenProvider( $this->transport, $store, $this->clock, $credentials, $this->token_url, $this->observer );
	}

	/**
	 * Client for the credentials.
	 *
	 * @param Credentials        $credentials Credentials.
	 * @param TokenStore         $store       Token cache.
	 * @param TokenProvider|null $tokens      Existing provider to share (e.g. one that just verified the secret).
	 */
	public function create( Credentials $credentials, TokenStore $store, ?TokenProvider $tokens = null ): Client {
		return new Client(
			$this->transport,
			$tokens ?? $this->token_provider( $credentials, $store ),
			$credentials->retailer(),
			$this->api_base,
			$this->retry,
			$this->budget,
			$this->sleeper,
			$this->observer,
			$this->clock
		);
	}
}
