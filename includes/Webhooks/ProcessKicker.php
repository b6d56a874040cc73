<?php
/**
 * Starts the inbox processor right after a delivery was stored.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

use KiotVietSync\Jobs\Scheduler;

/**
 * After a delivery is stored the processor should run at once, not on the site's next visit (WP-Cron and
 * Action Scheduler only run on traffic). Two things happen, both cheap:
 * - the safety net: `kiotviet_sync_webhook_process` is scheduled (unique) through the Scheduler, a little
 *   later when a loopback is sent, at once otherwise: whatever the loopback misses, the queue runs;
 * - unless a processor already runs (its lock is taken; it re-checks the inbox before it stops), a
 *   fire-and-forget loopback `POST …/kiotviet-sync/v1/webhook-process` carrying the site's process key
 *   (like Action Scheduler's async request runner): written to the socket and closed without waiting for an
 *   answer, so the acknowledgement does not wait for the processing.
 */
final class ProcessKicker {

	/**
	 * Delay of the safety-net job when a loopback was sent (seconds).
	 */
	public const SAFETY_NET_DELAY = 60;

	/**
	 * Header carrying the process key.
	 */
	public const KEY_HEADER = 'X-KVS-Process-Key';

	/**
	 * Scheduler.
	 *
	 * @var Scheduler
	 */
	private Scheduler $scheduler;

	/**
	 * Processor lock.
	 *
	 * @var ProcessLock|null
	 */
	private ?ProcessLock $lock;

	/**
	 * Process endpoint URL, null when unknown (no loopback then).
	 *
	 * @var callable(): ?string
	 */
	private $url;

	/**
	 * Process key.
	 *
	 * @var callable(): string
	 */
	private $key;

	/**
	 * Sends a request without waiting: fn( string $url, array<string, string> $headers ): bool.
	 *
	 * @var callable(string, array<string, string>): bool
	 */
	private $post;

	/**
	 * Creates the kicker.
	 *
	 * @param Scheduler                                    $scheduler Scheduler (safety net).
	 * @param ProcessLock|null                             $lock      Processor lock; null: no loopback.
	 * @param callable(): ?string                          $url       Process endpoint URL.
	 * @param callable(): string                           $key       Process key.
	 * @param callable(string, array<string, string>): bool|null $post Fire-and-forget POST (default LoopbackRequest::post).
	 */
	public function __construct( Scheduler $scheduler, ?ProcessLock $lock, callable $url, callable $key, ?callable $post = null ) {
		$this->scheduler = $scheduler;
		$this->lock      = $lock;
		$this->url       = $url;
		$this->key       = $key;
		$this->post      = $post ?? array( LoopbackRequest::class, 'post' );
	}

	/**
	 * Schedules the safety net and, when no processor runs, sends the loopback.
	 *
	 * @return bool Whether a loopback was sent.
	 */
	public function kick(): bool {
		$url  = null === $this->lock ? null : ( $this->url )();
		$sent = false;
		if ( null !== $url && null !== $this->lock && $this->lock->is_free() ) {
			$sent = (bool) ( $this->post )( $url, array( self::KEY_HEADER => ( $this->key )() ) );
		}
		if ( ! $this->scheduler->is_scheduled( WebhookServices::HOOK_PROCESS ) ) {
			$this->scheduler->schedule_single( WebhookServices::HOOK_PROCESS, array(), null === $url ? 0 : self::SAFETY_NET_DELAY, true );
		}
		return $sent;
	}
}
