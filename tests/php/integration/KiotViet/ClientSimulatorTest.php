<?php
/**
 * The KiotViet client against the simulator over real HTTP (WordPress HTTP API): credentials, token expiry
 * mid-paging, 429 backoff, 5xx retry, timeouts, a network that is down, paging past 100 items.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\KiotViet;

use KiotVietSync\KiotViet\CallBudget;
use KiotVietSync\KiotViet\Client;
use KiotVietSync\KiotViet\ClientFactory;
use KiotVietSync\KiotViet\Credentials;
use KiotVietSync\KiotViet\Exception\AuthException;
use KiotVietSync\KiotViet\Exception\KiotVietException;
use KiotVietSync\KiotViet\Exception\NetworkException;
use KiotVietSync\KiotViet\Exception\RateLimitedException;
use KiotVietSync\KiotViet\Exception\ServerException;
use KiotVietSync\KiotViet\InMemoryBudgetStore;
use KiotVietSync\KiotViet\InMemoryTokenStore;
use KiotVietSync\KiotViet\NullCallObserver;
use KiotVietSync\KiotViet\RetryPolicy;
use KiotVietSync\KiotViet\WpHttpTransport;
use KiotVietSync\Support\SystemClock;
use KiotVietSync\Tests\Integration\TestCase;
use KiotVietSync\Tests\Unit\Fakes\FakeSleeper;

final class ClientSimulatorTest extends TestCase {

	/**
	 * Waits the client asked for (recorded, not slept).
	 *
	 * @var FakeSleeper
	 */
	private FakeSleeper $sleeper;

	protected function setUp(): void {
		parent::setUp();
		$this->reset_simulator();
		$this->sleeper = new FakeSleeper();
	}

	protected function tearDown(): void {
		$this->sim_post( '/__sim/faults', array( 'rules' => array(), 'replace' => true ) );
		parent::tearDown();
	}

	/**
	 * Posts to the simulator's control API.
	 *
	 * @param string               $path Path.
	 * @param array<string, mixed> $body Body.
	 * @return array<string, mixed>
	 */
	private function sim_post( string $path, array $body = array() ): array {
		$response = wp_remote_post(
			$this->sim_url() . $path,
			array(
				'headers' => array( 'Content-Type' => 'application/json' ),
				'body'    => (string) wp_json_encode( (object) $body ),
				'timeout' => 10,
			)
		);
		$this->assertFalse( is_wp_error( $response ), 'simulator control call failed' );
		$decoded = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		return is_array( $decoded ) ? $decoded : array();
	}

	/**
	 * Request counts of the simulator.
	 *
	 * @return array<string, mixed>
	 */
	private function sim_counts(): array {
		$response = wp_remote_get( $this->sim_url() . '/__sim/requests?countsOnly=true', array( 'timeout' => 10 ) );
		$decoded  = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		return is_array( $decoded ) && isset( $decoded['counts'] ) ? $decoded['counts'] : array();
	}

	/**
	 * A client for the simulator (or any base URL) with real HTTP and recorded waits.
	 *
	 * @param string $secret   Client secret.
	 * @param string $retailer Retailer.
	 * @param string $base     API base (defaults to the simulator).
	 * @param float  $timeout  Transport timeout in seconds.
	 */
	private function client( string $secret = 'demo-secret', string $retailer = 'demo', ?string $base = null, float $timeout = 5.0 ): Client {
		$clock   = new SystemClock();
		$budget  = new CallBudget( new InMemoryBudgetStore(), $clock, $this->sleeper, 5000 );
		$factory = new ClientFactory(
			new WpHttpTransport( $timeout ),
			$clock,
			$this->sleeper,
			new RetryPolicy( 3, 0.5, 4.0, 10.0 ),
			$budget,
			new NullCallObserver(),
			( $base ?? $this->sim_url() ) . '/connect/token',
			$base ?? $this->sim_url()
		);
		return $factory->create( new Credentials( $retailer, 'demo-client', $secret ), new InMemoryTokenStore() );
	}

	public function test_valid_credentials_read_branches(): void {
		$branches = $this->client()->get( '/branches', array( 'pageSize' => 100 ) );
		$this->assertNotEmpty( $branches['data'] );
		$this->assertArrayHasKey( 'branchName', $branches['data'][0] );
	}

	public function test_wrong_secret_is_an_auth_error(): void {
		$this->expectException( AuthException::class );
		$this->client( 'not-the-secret' )->get( '/branches' );
	}

	public function test_unknown_retailer_is_refused_without_retries(): void {
		try {
			$this->client( 'demo-secret', 'no-such-shop' )->get( '/branches' );
			$this->fail( 'an unknown retailer must not be accepted' );
		} catch ( KiotVietException $e ) {
			$this->assertGreaterThanOrEqual( 400, $e->get_http_status() );
			$this->assertLessThan( 500, $e->get_http_status() );
			$this->assertSame( array(), $this->sleeper->waits );
		}
	}

	public function test_paging_over_more_than_100_items_survives_a_token_expiry_mid_way(): void {
		$client = $this->client();
		$ids    = array();
		$pages  = 0;
		foreach ( $client->paginate( '/products', array( 'pageSize' => 100 ) ) as $page ) {
			++$pages;
			foreach ( $page->data() as $item ) {
				$ids[] = (int) $item['id'];
			}
			if ( 1 === $pages ) {
				$this->sim_post( '/__sim/token/expire' );
			}
		}
		$state = $this->sim_state();
		$this->assertGreaterThan( 100, count( $ids ) );
		$this->assertSame( count( $ids ), count( array_unique( $ids ) ), 'no item twice' );
		$this->assertCount( count( $state['products'] ), $ids, 'every product once' );
		$this->assertGreaterThanOrEqual( 2, $pages );
		$this->assertSame( 2, (int) $this->sim_counts()['token'], 'one transparent re-authentication' );
	}

	public function test_429_with_a_long_retry_after_is_handed_back_to_the_caller_without_blocking(): void {
		// The simulator answers a faulted 429 with Retry-After: 60. Waiting a minute inside one request
		// would block a worker, so the client raises RateLimitedException and the job reschedules itself.
		$this->sim_post( '/__sim/faults', array( 'rules' => array( array( 'method' => 'GET', 'path' => '/branches', 'status' => 429, 'count' => 1 ) ) ) );
		try {
			$this->client()->get( '/branches' );
			$this->fail( 'the 429 must surface' );
		} catch ( RateLimitedException $e ) {
			$this->assertSame( 60, (int) $e->get_retry_after() );
			$this->assertSame( array(), $this->sleeper->waits );
		}
		$this->assertNotEmpty( $this->client()->get( '/branches' )['data'], 'the next call goes through' );
	}

	public function test_429_from_an_exhausted_get_budget_is_refused_then_recovers(): void {
		$this->sim_post( '/__sim/faults', array( 'rules' => array(), 'replace' => true, 'getBudgetPerHour' => 2 ) );
		$client = $this->client();
		$client->get( '/branches' );
		$client->get( '/branches' );
		try {
			$client->get( '/branches' );
			$this->fail( 'the third GET is over the budget' );
		} catch ( RateLimitedException $e ) {
			$this->assertSame( 429, $e->get_http_status() );
			$this->assertGreaterThan( 0, (int) $e->get_retry_after() );
		}
		$this->sim_post( '/__sim/faults', array( 'rules' => array(), 'replace' => true, 'getBudgetPerHour' => 5000 ) );
		$this->assertNotEmpty( $client->get( '/branches' )['data'] );
	}

	public function test_5xx_on_a_get_is_retried_but_a_post_is_not(): void {
		$this->sim_post( '/__sim/faults', array( 'rules' => array( array( 'method' => 'GET', 'path' => '/branches', 'status' => 500, 'count' => 1 ) ) ) );
		$this->assertNotEmpty( $this->client()->get( '/branches' )['data'] );
		$this->assertCount( 1, $this->sleeper->waits );

		$this->sim_post( '/__sim/faults', array( 'rules' => array( array( 'method' => 'POST', 'path' => '/customers', 'status' => 500, 'count' => 1 ) ) ) );
		$before = count( $this->sim_state()['customers'] );
		try {
			$this->client()->post( '/customers', array( 'name' => 'Nguyễn Văn An', 'contactNumber' => '0901234567' ) );
			$this->fail( 'a 500 on POST must surface' );
		} catch ( ServerException $e ) {
			$this->assertSame( 500, $e->get_http_status() );
		}
		$this->assertSame( $before, count( $this->sim_state()['customers'] ), 'the POST was not sent again' );
	}

	public function test_a_timeout_is_retried(): void {
		$this->sim_post( '/__sim/faults', array( 'rules' => array( array( 'method' => 'GET', 'path' => '/branches', 'timeout' => true, 'count' => 1 ) ) ) );
		$this->assertNotEmpty( $this->client( 'demo-secret', 'demo', null, 2.0 )->get( '/branches' )['data'] );
		$this->assertCount( 1, $this->sleeper->waits );
	}

	public function test_a_network_that_is_down_is_a_network_error_after_retries(): void {
		try {
			$this->client( 'demo-secret', 'demo', 'http://127.0.0.1:9', 2.0 )->get( '/branches' );
			$this->fail( 'nothing listens on port 9' );
		} catch ( NetworkException $e ) {
			$this->assertTrue( $e->is_retryable() );
		}
	}
}
