<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\KiotViet;

use KiotVietSync\KiotViet\Credentials;
use KiotVietSync\KiotViet\Exception\AuthException;
use KiotVietSync\KiotViet\Exception\NetworkException;
use KiotVietSync\KiotViet\Exception\ServerException;
use KiotVietSync\KiotViet\HttpResponse;
use KiotVietSync\KiotViet\InMemoryTokenStore;
use KiotVietSync\KiotViet\TokenProvider;
use KiotVietSync\Tests\Unit\Fakes\ClientKit;
use KiotVietSync\Tests\Unit\Fakes\FakeClock;
use KiotVietSync\Tests\Unit\Fakes\FakeTransport;
use KiotVietSync\Tests\Unit\Fakes\RecordingObserver;
use PHPUnit\Framework\TestCase;

/**
 * Token request shape, caching with absolute expiry, refresh 300 s before expiry, error mapping.
 */
final class TokenProviderTest extends TestCase {

	private FakeTransport $transport;
	private FakeClock $clock;
	private InMemoryTokenStore $store;
	private RecordingObserver $observer;

	protected function setUp(): void {
		$this->transport = new FakeTransport();
		$this->clock     = new FakeClock();
		$this->store     = new InMemoryTokenStore();
		$this->observer  = new RecordingObserver();
	}

	private function provider( ?Credentials $credentials = null ): TokenProvider {
		return new TokenProvider( $this->transport, $this->store, $this->clock, $credentials ?? ClientKit::credentials(), FakeTransport::TOKEN_URL, $this->observer );
	}

	public function test_requests_a_client_credentials_token_as_a_form(): void {
		$token = $this->provider()->get_token();

		self::assertSame( 'tok-1', $token->value() );
		self::assertSame( $this->clock->now + 86400, $token->expires_at() );
		self::assertCount( 1, $this->transport->requests );
		$request = $this->transport->requests[0];
		self::assertSame( 'POST', $request['method'] );
		self::assertSame( FakeTransport::TOKEN_URL, $request['url'] );
		self::assertSame( 'application/x-www-form-urlencoded', $request['headers']['Content-Type'] );
		parse_str( (string) $request['body'], $form );
		self::assertSame(
			array(
				'scopes'        => 'PublicApi.Access',
				'grant_type'    => 'client_credentials',
				'client_id'     => 'demo-client',
				'client_secret' => ClientKit::SECRET,
			),
			$form
		);
	}

	public function test_caches_the_token_until_300_seconds_before_expiry(): void {
		$provider = $this->provider();
		$provider->get_token();

		$this->clock->advance( 86400 - 301 );
		self::assertSame( 'tok-1', $provider->get_token()->value(), '301 s left: still cached' );
		self::assertSame( 1, $this->transport->tokens_issued );

		$this->clock->advance( 2 );
		self::assertSame( 'tok-2', $provider->get_token()->value(), '299 s left: refreshed' );
		self::assertSame( 2, $this->transport->tokens_issued );
	}

	public function test_cached_token_is_shared_through_the_store(): void {
		$this->provider()->get_token();
		self::assertSame( 'tok-1', $this->provider()->get_token()->value() );
		self::assertSame( 1, $this->transport->tokens_issued );
	}

	public function test_a_token_cached_for_other_credentials_is_not_used(): void {
		$this->provider()->get_token();
		$other = new Credentials( 'demo', 'demo-client', 'another-secret-value' );
		self::assertSame( 'tok-2', $this->provider( $other )->get_token()->value() );
	}

	public function test_invalidate_forces_a_new_token(): void {
		$provider = $this->provider();
		$provider->get_token();
		$provider->invalidate();
		self::assertSame( 'tok-2', $provider->get_token()->value() );
	}

	public function test_token_is_treated_as_opaque(): void {
		$this->transport->queue_token( FakeTransport::json( 200, array( 'access_token' => 'not-a-jwt', 'expires_in' => 600 ) ) );
		$token = $this->provider()->get_token();
		self::assertSame( 'not-a-jwt', $token->value() );
		self::assertSame( $this->clock->now + 600, $token->expires_at() );
	}

	public function test_invalid_client_is_an_auth_exception(): void {
		$this->transport->queue_token( FakeTransport::json( 400, array( 'error' => 'invalid_client' ) ) );
		try {
			$this->provider()->get_token();
			self::fail( 'Expected AuthException' );
		} catch ( AuthException $e ) {
			self::assertSame( 400, $e->get_http_status() );
			self::assertSame( 'invalid_client', $e->get_kiotviet_error_code() );
		}
		self::assertNull( $this->store->load() );
	}

	public function test_server_error_and_missing_token(): void {
		$this->transport->queue_token( FakeTransport::json( 503, array() ), FakeTransport::json( 200, array( 'token_type' => 'Bearer' ) ) );
		try {
			$this->provider()->get_token();
			self::fail( 'Expected ServerException' );
		} catch ( ServerException $e ) {
			self::assertSame( 503, $e->get_http_status() );
		}
		$this->expectException( ServerException::class );
		$this->provider()->get_token();
	}

	public function test_network_failure_propagates(): void {
		$this->transport->queue_token( new NetworkException( 'cURL error 28: timed out' ) );
		$this->expectException( NetworkException::class );
		$this->provider()->get_token();
	}

	public function test_observer_sees_path_only_never_the_secret(): void {
		$this->transport->queue_token( new HttpResponse( 400, array(), '{"error":"invalid_client"}' ) );
		try {
			$this->provider()->get_token();
		} catch ( AuthException $e ) {
			unset( $e );
		}
		$this->provider()->get_token();
		self::assertSame( array( 'POST /connect/token AuthException#1', 'POST /connect/token 200' ), $this->observer->lines );
		self::assertStringNotContainsString( ClientKit::SECRET, implode( "\n", $this->observer->lines ) );
	}

	public function test_debug_output_hides_secret_and_token(): void {
		$token = $this->provider()->get_token();
		self::assertStringNotContainsString( ClientKit::SECRET, print_r( ClientKit::credentials(), true ) ); // phpcs:ignore
		self::assertStringNotContainsString( 'tok-1', print_r( $token, true ) ); // phpcs:ignore
	}
}
