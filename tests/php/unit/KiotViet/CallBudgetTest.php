<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\KiotViet;

use KiotVietSync\KiotViet\CallBudget;
use KiotVietSync\KiotViet\Exception\RateLimitedException;
use KiotVietSync\KiotViet\InMemoryBudgetStore;
use KiotVietSync\Tests\Unit\Fakes\ClientKit;
use KiotVietSync\Tests\Unit\Fakes\FakeClock;
use KiotVietSync\Tests\Unit\Fakes\FakeSleeper;
use KiotVietSync\Tests\Unit\Fakes\FakeTransport;
use PHPUnit\Framework\TestCase;

/**
 * 5,000 GETs per sliding hour: count, slow down above 90 %, refuse at 100 % without calling KiotViet.
 */
final class CallBudgetTest extends TestCase {

	public function test_counts_gets_per_minute_over_a_sliding_hour(): void {
		$clock   = new FakeClock( 1764403200 );
		$store   = new InMemoryBudgetStore();
		$budget  = new CallBudget( $store, $clock, new FakeSleeper(), 100 );

		$budget->acquire();
		$budget->acquire();
		$clock->advance( 61 );
		$budget->acquire();
		self::assertSame( 3, $budget->used() );
		self::assertCount( 2, $store->load(), 'one bucket per minute' );

		$clock->advance( 59 * 60 );
		self::assertSame( 1, $budget->used(), 'the first minute left the window' );
		$clock->advance( 60 );
		self::assertSame( 0, $budget->used() );
	}

	public function test_slows_down_above_90_percent(): void {
		$sleeper = new FakeSleeper();
		$budget  = new CallBudget( new InMemoryBudgetStore(), new FakeClock(), $sleeper, 10, 0.9, 1.5 );
		for ( $i = 0; $i < 9; $i++ ) {
			$budget->acquire();
		}
		self::assertSame( array(), $sleeper->waits, 'below 90 %: no waiting' );
		$budget->acquire();
		self::assertSame( array( 1.5 ), $sleeper->waits );
		self::assertSame( 10, $budget->used() );
	}

	public function test_refuses_at_the_limit_with_retry_after(): void {
		$clock  = new FakeClock( 1764403200 );
		$budget = new CallBudget( new InMemoryBudgetStore(), $clock, new FakeSleeper(), 3 );
		$budget->acquire();
		$clock->advance( 600 );
		$budget->acquire();
		$budget->acquire();
		try {
			$budget->acquire();
			self::fail( 'Expected RateLimitedException' );
		} catch ( RateLimitedException $e ) {
			self::assertTrue( $e->is_local() );
			self::assertFalse( $e->is_retryable() );
			self::assertSame( 0, $e->get_http_status() );
			self::assertSame( 3000, $e->get_retry_after(), 'the oldest call leaves the window in 50 minutes' );
		}
		self::assertSame( 3, $budget->used(), 'a refusal spends nothing' );
	}

	public function test_client_refuses_without_calling_kiotviet_when_spent(): void {
		$kit = new ClientKit( null, 2 );
		$kit->transport->fallback(
			static function () {
				return FakeTransport::json( 200, array() );
			}
		);
		$kit->client->get( '/branches' );
		$kit->client->get( '/branches' );
		try {
			$kit->client->get( '/branches' );
			self::fail( 'Expected RateLimitedException' );
		} catch ( RateLimitedException $e ) {
			self::assertTrue( $e->is_local() );
		}
		self::assertCount( 2, $kit->transport->api_requests() );
		self::assertSame( array(), $kit->sleeper->waits, 'refusal is not retried' );
	}

	public function test_writes_do_not_spend_the_get_budget_but_every_get_attempt_does(): void {
		$kit = new ClientKit( null, 100 );
		$kit->transport->queue(
			FakeTransport::json( 200, array() ),
			FakeTransport::error( 503, 'Err' ),
			FakeTransport::json( 200, array() )
		);
		$kit->client->post( '/orders', array() );
		self::assertSame( 0, $kit->budget->used() );
		$kit->client->get( '/branches' );
		self::assertSame( 2, $kit->budget->used(), 'the retried attempt counts too' );
	}
}
