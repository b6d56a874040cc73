<?php
/**
 * The order queue job under Action Scheduler (real WooCommerce).
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Orders;

use KiotVietSync\Jobs\Scheduler;
use KiotVietSync\Orders\OrderSyncService;
use KiotVietSync\Storage\OrderOutbox;

/**
 * The queue job schedules its own next run (a retry after a KiotViet error, or an order enqueued while it ran)
 * while Action Scheduler runs it, and Action Scheduler counts the running action as scheduled: its unique insert
 * (ActionScheduler_DBStore, i.e. once Action Scheduler's own migration job has run, as on any site in use; a fresh
 * site's hybrid store checks pending actions only) would drop that run, and the order would wait for the next one.
 */
final class OrderQueueTest extends OrderTestCase {

	/**
	 * Our queue actions in a status.
	 *
	 * @param string $status pending|in-progress|complete.
	 * @return int[]
	 */
	private function queue_actions( string $status ): array {
		return array_map(
			'intval',
			(array) as_get_scheduled_actions(
				array(
					'hook'     => OrderSyncService::HOOK_QUEUE,
					'group'    => Scheduler::GROUP,
					'status'   => $status,
					'per_page' => 10,
				),
				'ids'
			)
		);
	}

	public function test_a_retry_decided_while_action_scheduler_runs_the_queue_job_gets_its_run(): void {
		if ( ! $this->is_real_woocommerce() ) {
			self::markTestSkipped( 'Real WooCommerce only (bundles Action Scheduler); this site runs the stand-in.' );
		}
		$polo  = $this->product( 'POLO-DO-M', self::KV_POLO_M );
		$order = $this->order( array( array( $polo, 1 ) ) );
		$order->update_status( 'processing' );
		$pending = $this->queue_actions( 'pending' );
		self::assertCount( 1, $pending, 'the order scheduled one queue run' );

		// KiotViet is unavailable for the push: the order waits for a retry.
		$this->sim_post(
			'/__sim/faults',
			array(
				'rules' => array(
					array(
						'method' => 'POST',
						'path'   => '/orders',
						'status' => 503,
						'count'  => 1,
					),
				),
			)
		);
		\ActionScheduler::runner()->process_action( $pending[0], 'kiotviet-sync test' );

		$row = $this->outbox()->get( (int) $order->get_id() );
		self::assertSame( OrderOutbox::WAITING, $row['state'], (string) $row['message'] );
		self::assertSame( array(), $this->kv_orders() );
		self::assertCount( 1, $this->queue_actions( 'complete' ) );
		$next = $this->queue_actions( 'pending' );
		self::assertCount( 1, $next, 'the retry has a queue run (the running job did not swallow it)' );
		self::assertNotSame( $pending[0], $next[0] );
	}
}
