<?php
/**
 * Builds a client wired to fakes.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Fakes;

use KiotVietSync\KiotViet\CallBudget;
use KiotVietSync\KiotViet\Client;
use KiotVietSync\KiotViet\ClientFactory;
use KiotVietSync\KiotViet\Credentials;
use KiotVietSync\KiotViet\InMemoryBudgetStore;
use KiotVietSync\KiotViet\InMemoryTokenStore;
use KiotVietSync\KiotViet\RetryPolicy;

/**
 * One client plus the fakes around it, so a test can script and inspect.
 */
final class ClientKit {

	public const SECRET = 'c0ffee00c0ffee00c0ffee00c0ffee00deadbeef';

	/**
	 * Transport.
	 *
	 * @var FakeTransport
	 */
	public FakeTransport $transport;

	/**
	 * Clock.
	 *
	 * @var FakeClock
	 */
	public FakeClock $clock;

	/**
	 * Sleeper.
	 *
	 * @var FakeSleeper
	 */
	public FakeSleeper $sleeper;

	/**
	 * Observer.
	 *
	 * @var RecordingObserver
	 */
	public RecordingObserver $observer;

	/**
	 * Budget store.
	 *
	 * @var InMemoryBudgetStore
	 */
	public InMemoryBudgetStore $budget_store;

	/**
	 * Budget.
	 *
	 * @var CallBudget
	 */
	public CallBudget $budget;

	/**
	 * Token store.
	 *
	 * @var InMemoryTokenStore
	 */
	public InMemoryTokenStore $tokens;

	/**
	 * Client.
	 *
	 * @var Client
	 */
	public Client $client;

	/**
	 * Builds the kit.
	 *
	 * @param RetryPolicy|null $retry        Policy; default 3 attempts, base 0.5 s, jitter pinned to 1.
	 * @param int              $budget_limit GETs per hour.
	 */
	public function __construct( ?RetryPolicy $retry = null, int $budget_limit = 5000 ) {
		$this->transport    = new FakeTransport();
		$this->clock        = new FakeClock();
		$this->sleeper      = new FakeSleeper();
		$this->observer     = new RecordingObserver();
		$this->budget_store = new InMemoryBudgetStore();
		$this->budget       = new CallBudget( $this->budget_store, $this->clock, $this->sleeper, $budget_limit );
		$this->tokens       = new InMemoryTokenStore();
		$retry              = $retry ?? self::policy();
		$factory            = new ClientFactory( $this->transport, $this->clock, $this->sleeper, $retry, $this->budget, $this->observer, FakeTransport::TOKEN_URL, FakeTransport::API_BASE );
		$this->client       = $factory->create( self::credentials(), $this->tokens );
	}

	/**
	 * Deterministic policy: jitter always at its ceiling.
	 *
	 * @param int $attempts Max attempts.
	 */
	public static function policy( int $attempts = 3 ): RetryPolicy {
		return new RetryPolicy(
			$attempts,
			0.5,
			8.0,
			30.0,
			array( 'GET' ),
			static function (): float {
				return 1.0;
			}
		);
	}

	/**
	 * Test credentials.
	 */
	public static function credentials(): Credentials {
		return new Credentials( 'demo', 'demo-client', self::SECRET );
	}
}
