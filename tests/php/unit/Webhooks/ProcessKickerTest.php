<?php
/**
 * The kick after a stored delivery: one loopback in flight at a time, none while a processor holds the lock,
 * a forced kick when a processor hands work over, the safety-net job always.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Webhooks;

use KiotVietSync\Jobs\Scheduler;
use KiotVietSync\Webhooks\LoopbackClaim;
use KiotVietSync\Webhooks\ProcessKicker;
use KiotVietSync\Webhooks\WebhookServices;
use PHPUnit\Framework\TestCase;

/**
 * Scheduler that records single jobs and knows what it holds.
 */
final class KickerScheduler implements Scheduler {

	/**
	 * Scheduled single jobs: [hook, delay].
	 *
	 * @var list<array{0: string, 1: int}>
	 */
	public array $singles = array();

	public function schedule_single( string $hook, array $args = array(), int $delay = 0, bool $unique = false ): void {
		$this->singles[] = array( $hook, $delay );
	}

	public function schedule_recurring( string $hook, int $interval, array $args = array(), int $delay = 0 ): void {
	}

	public function unschedule_all( ?string $hook = null ): void {
	}

	public function is_scheduled( string $hook, ?array $args = null ): bool {
		return in_array( $hook, array_column( $this->singles, 0 ), true );
	}
}

/**
 * The claim with a clock: taken at a time, lapses after $seconds.
 */
final class ClockClaim implements LoopbackClaim {

	public float $now = 100.0;

	public ?float $taken_at = null;

	public float $seconds = 10.0;

	public function take( bool $force ): bool {
		if ( ! $force && null !== $this->taken_at && $this->now - $this->taken_at < $this->seconds ) {
			return false;
		}
		$this->taken_at = $this->now;
		return true;
	}

	public function clear(): void {
		$this->taken_at = null;
	}
}

final class ProcessKickerTest extends TestCase {

	private KickerScheduler $scheduler;

	private ClockClaim $claim;

	private bool $lock_free = true;

	private bool $post_works = true;

	/**
	 * Loopbacks sent: [url, headers].
	 *
	 * @var list<array{0: string, 1: array<string, string>}>
	 */
	private array $posts = array();

	protected function setUp(): void {
		$this->scheduler = new KickerScheduler();
		$this->claim     = new ClockClaim();
	}

	private function kicker( bool $loopback = true ): ProcessKicker {
		return new ProcessKicker(
			$this->scheduler,
			$loopback ? fn (): bool => $this->lock_free : null,
			static fn (): string => 'http://127.0.0.1:5561/wp-json/kiotviet-sync/v1/webhook-process',
			static fn (): string => 'process-key',
			function ( string $url, array $headers ): bool {
				$this->posts[] = array( $url, $headers );
				return $this->post_works;
			},
			$this->claim
		);
	}

	public function test_a_kick_sends_one_loopback_with_the_key_and_schedules_the_safety_net(): void {
		$this->assertTrue( $this->kicker()->kick() );
		$this->assertCount( 1, $this->posts );
		$this->assertSame( 'http://127.0.0.1:5561/wp-json/kiotviet-sync/v1/webhook-process', $this->posts[0][0] );
		$this->assertSame( array( ProcessKicker::KEY_HEADER => 'process-key' ), $this->posts[0][1] );
		$this->assertSame( array( array( WebhookServices::HOOK_PROCESS, ProcessKicker::SAFETY_NET_DELAY ) ), $this->scheduler->singles );
	}

	/**
	 * A burst: the first kick's loopback is still booting WordPress (the lock is free), so later kicks must
	 * not each send one; once a run started (it clears the claim), the next kick sends again.
	 */
	public function test_a_burst_sends_one_loopback_while_it_is_on_its_way(): void {
		$kicker = $this->kicker();
		for ( $i = 0; $i < 30; $i++ ) {
			$kicker->kick();
			$this->claim->now += 0.03;
		}
		$this->assertCount( 1, $this->posts );
		$this->assertCount( 1, $this->scheduler->singles, 'one safety net' );

		$this->claim->clear(); // The loopback arrived: its run starts.
		$this->assertTrue( $kicker->kick() );
		$this->assertCount( 2, $this->posts );
	}

	public function test_a_claim_lapses_so_a_lost_loopback_is_sent_again(): void {
		$kicker = $this->kicker();
		$this->assertTrue( $kicker->kick() );
		$this->claim->now += 5;
		$this->assertFalse( $kicker->kick() );
		$this->claim->now += 6;
		$this->assertTrue( $kicker->kick() );
		$this->assertCount( 2, $this->posts );
	}

	public function test_nothing_is_sent_while_a_processor_holds_the_lock_and_the_claim_stays_free(): void {
		$this->lock_free = false;
		$this->assertFalse( $this->kicker()->kick() );
		$this->assertSame( array(), $this->posts );
		$this->assertNull( $this->claim->taken_at );
		$this->assertCount( 1, $this->scheduler->singles );
	}

	public function test_a_processor_handing_over_sends_even_with_a_loopback_in_flight(): void {
		$kicker = $this->kicker();
		$kicker->kick();
		$this->assertTrue( $kicker->kick( true ) );
		$this->assertCount( 2, $this->posts );
	}

	public function test_a_failed_send_clears_the_claim(): void {
		$this->post_works = false;
		$kicker           = $this->kicker();
		$this->assertFalse( $kicker->kick() );
		$this->assertNull( $this->claim->taken_at );
		$this->post_works = true;
		$this->assertTrue( $kicker->kick() );
	}

	public function test_without_loopbacks_the_job_runs_at_once(): void {
		$this->assertFalse( $this->kicker( false )->kick() );
		$this->assertSame( array(), $this->posts );
		$this->assertSame( array( array( WebhookServices::HOOK_PROCESS, 0 ) ), $this->scheduler->singles );
	}
}
