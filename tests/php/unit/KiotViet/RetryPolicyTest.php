<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\KiotViet;

use KiotVietSync\KiotViet\Exception\AuthException;
use KiotVietSync\KiotViet\Exception\NetworkException;
use KiotVietSync\KiotViet\Exception\NotFoundException;
use KiotVietSync\KiotViet\Exception\RateLimitedException;
use KiotVietSync\KiotViet\Exception\ServerException;
use KiotVietSync\KiotViet\Exception\ValidationException;
use KiotVietSync\KiotViet\RetryPolicy;
use KiotVietSync\Tests\Unit\Fakes\ClientKit;
use KiotVietSync\Tests\Unit\Fakes\FakeTransport;
use PHPUnit\Framework\TestCase;

/**
 * GETs are retried on 429/5xx/network with growing, jittered waits and Retry-After; POST/PUT never.
 */
final class RetryPolicyTest extends TestCase {

	public function test_get_429_waits_for_retry_after_then_succeeds(): void {
		$kit = new ClientKit();
		$kit->transport->queue(
			FakeTransport::error( 429, 'RateLimitException', 'Too many', array( 'Retry-After' => '3' ) ),
			FakeTransport::json( 200, array( 'data' => array() ) )
		);

		self::assertSame( array( 'data' => array() ), $kit->client->get( '/products' ) );
		self::assertSame( array( 3.0 ), $kit->sleeper->waits );
		self::assertCount( 2, $kit->transport->api_requests() );
	}

	public function test_retry_after_as_http_date(): void {
		$kit  = new ClientKit();
		$date = gmdate( 'D, d M Y H:i:s', $kit->clock->now + 5 ) . ' GMT';
		$kit->transport->queue(
			FakeTransport::error( 429, 'RateLimitException', 'Too many', array( 'Retry-After' => $date ) ),
			FakeTransport::json( 200, array() )
		);
		$kit->client->get( '/products' );
		self::assertSame( array( 5.0 ), $kit->sleeper->waits );
	}

	public function test_get_5xx_is_retried_with_growing_waits(): void {
		$kit = new ClientKit( ClientKit::policy( 4 ) );
		$kit->transport->queue(
			FakeTransport::error( 500, 'Err' ),
			FakeTransport::error( 502, 'Err' ),
			FakeTransport::error( 503, 'Err' ),
			FakeTransport::json( 200, array( 'ok' => 1 ) )
		);

		self::assertSame( array( 'ok' => 1 ), $kit->client->get( '/branches' ) );
		self::assertSame( array( 0.5, 1.0, 2.0 ), $kit->sleeper->waits );
	}

	public function test_network_errors_are_retried_then_give_up_after_max_attempts(): void {
		$kit = new ClientKit();
		$kit->transport->queue(
			new NetworkException( 'cURL error 28' ),
			new NetworkException( 'cURL error 7' ),
			new NetworkException( 'cURL error 6' )
		);
		try {
			$kit->client->get( '/branches' );
			self::fail( 'Expected NetworkException' );
		} catch ( NetworkException $e ) {
			self::assertSame( 'cURL error 6', $e->getMessage() );
		}
		self::assertCount( 3, $kit->transport->api_requests() );
		self::assertSame( array( 0.5, 1.0 ), $kit->sleeper->waits );
	}

	public function test_post_is_never_retried(): void {
		$kit = new ClientKit();
		$kit->transport->queue( FakeTransport::error( 503, 'Err' ) );
		$this->expectException( ServerException::class );
		try {
			$kit->client->post( '/orders', array( 'code' => 'W1' ) );
		} finally {
			self::assertCount( 1, $kit->transport->api_requests() );
			self::assertSame( array(), $kit->sleeper->waits );
		}
	}

	public function test_put_429_and_post_network_errors_are_never_retried(): void {
		$kit = new ClientKit();
		$kit->transport->queue( FakeTransport::error( 429, 'RateLimitException', 'x', array( 'Retry-After' => '1' ) ), new NetworkException( 'timeout' ) );
		try {
			$kit->client->put( '/orders/1', array() );
			self::fail( 'Expected RateLimitedException' );
		} catch ( RateLimitedException $e ) {
			self::assertSame( 1, $e->get_retry_after() );
		}
		try {
			$kit->client->post( '/orders', array() );
			self::fail( 'Expected NetworkException' );
		} catch ( NetworkException $e ) {
			unset( $e );
		}
		self::assertCount( 2, $kit->transport->api_requests() );
		self::assertSame( array(), $kit->sleeper->waits );
	}

	public function test_client_errors_are_not_retried(): void {
		$kit = new ClientKit();
		$kit->transport->queue( FakeTransport::error( 404, 'NotFound' ) );
		$this->expectException( NotFoundException::class );
		try {
			$kit->client->get( '/products/1' );
		} finally {
			self::assertCount( 1, $kit->transport->api_requests() );
		}
	}

	public function test_a_retry_after_longer_than_the_cap_is_not_waited_for(): void {
		$kit = new ClientKit();
		$kit->transport->queue( FakeTransport::error( 429, 'RateLimitException', 'x', array( 'Retry-After' => '3600' ) ) );
		$this->expectException( RateLimitedException::class );
		try {
			$kit->client->get( '/products' );
		} finally {
			self::assertSame( array(), $kit->sleeper->waits );
		}
	}

	public function test_policy_rules(): void {
		$policy = new RetryPolicy( 3, 1.0, 4.0, 30.0, array( 'GET' ), static fn (): float => 1.0 );

		self::assertTrue( $policy->should_retry( 'get', new ServerException( 'x', 500 ), 1 ) );
		self::assertTrue( $policy->should_retry( 'GET', new NetworkException( 'x' ), 2 ) );
		self::assertFalse( $policy->should_retry( 'GET', new NetworkException( 'x' ), 3 ), 'max attempts reached' );
		self::assertFalse( $policy->should_retry( 'POST', new ServerException( 'x', 500 ), 1 ) );
		self::assertFalse( $policy->should_retry( 'PUT', new NetworkException( 'x' ), 1 ) );
		self::assertFalse( $policy->should_retry( 'DELETE', new NetworkException( 'x' ), 1 ), 'only GET by default' );
		self::assertFalse( $policy->should_retry( 'GET', new ValidationException( 'x', 400 ), 1 ) );
		self::assertFalse( $policy->should_retry( 'GET', new AuthException( 'x', 401 ), 1 ) );
		self::assertFalse( $policy->should_retry( 'GET', new RateLimitedException( 'budget', 60, 0, '', true ), 1 ), 'local budget refusal is final' );

		self::assertSame( 1.0, $policy->delay( 1, new ServerException( 'x' ) ) );
		self::assertSame( 2.0, $policy->delay( 2, new ServerException( 'x' ) ) );
		self::assertSame( 4.0, $policy->delay( 3, new ServerException( 'x' ) ) );
		self::assertSame( 4.0, $policy->delay( 9, new ServerException( 'x' ) ), 'capped' );
		self::assertSame( 7.0, $policy->delay( 1, new RateLimitedException( 'x', 7 ) ) );

		$with_delete = new RetryPolicy( 2, 1.0, 4.0, 30.0, array( 'GET', 'DELETE' ) );
		self::assertTrue( $with_delete->should_retry( 'DELETE', new NetworkException( 'x' ), 1 ) );
	}

	public function test_full_jitter_stays_between_zero_and_the_ceiling(): void {
		$values = array( 0.0, 0.25, 0.999 );
		$policy = new RetryPolicy(
			5,
			1.0,
			8.0,
			30.0,
			array( 'GET' ),
			static function () use ( &$values ): float {
				return (float) array_shift( $values );
			}
		);
		self::assertSame( 0.0, $policy->delay( 3, new ServerException( 'x' ) ) );
		self::assertSame( 1.0, $policy->delay( 3, new ServerException( 'x' ) ) );
		self::assertEqualsWithDelta( 3.996, $policy->delay( 3, new ServerException( 'x' ) ), 0.0001 );

		$random = new RetryPolicy();
		for ( $i = 1; $i <= 20; $i++ ) {
			$delay = $random->delay( 3, new ServerException( 'x' ) );
			self::assertGreaterThanOrEqual( 0.0, $delay );
			self::assertLessThanOrEqual( 2.0, $delay );
		}
	}
}
