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
 * - unless a processor already runs (its lock is taken; it re-checks the inbox before it stops) or a
 *   loopback is already on its way (the claim, below), a fire-and-forget loopback
 *   `POST …/kiotviet-sync/v1/webhook-process` carrying the site's process key (like Action Scheduler's async
 *   request runner): written to the socket and closed without waiting for an answer, so the acknowledgement
 *   does not wait for the processing.
 * The claim (KickClaim) lets one loopback be in flight: between sending it and its arrival (a WordPress +
 * WooCommerce boot, 0.3–2 s) the lock is still free, and a burst of deliveries used to send a loopback each,
 * every one booting WordPress only to find the lock taken, on the cores the acknowledgements need. Every run
 * clears the claim when it starts, so a delivery whose kick was held back is seen by that run (or, when the
 * lock was taken, by the holder's re-check after its release). A processor handing work over forces its kick.
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
	 * Whether no processor holds the lock: fn(): bool; null: no loopback.
	 *
	 * @var (callable(): bool)|null
	 */
	private $lock_free;

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
	 * Claim of the one loopback in flight; null: no claim (every kick that finds the lock free sends).
	 *
	 * @var LoopbackClaim|null
	 */
	private ?LoopbackClaim $claim;

	/**
	 * Creates the kicker.
	 *
	 * @param Scheduler                                    $scheduler Scheduler (safety net).
	 * @param (callable(): bool)|null                      $lock_free Whether no processor holds the lock (ProcessLock::is_free); null: no loopback.
	 * @param callable(): ?string                          $url       Process endpoint URL.
	 * @param callable(): string                           $key       Process key.
	 * @param callable(string, array<string, string>): bool|null $post Fire-and-forget POST (default LoopbackRequest::post).
	 * @param LoopbackClaim|null                           $claim     Claim of the one loopback in flight (KickClaim); null: none.
	 */
	public function __construct( Scheduler $scheduler, ?callable $lock_free, callable $url, callable $key, ?callable $post = null, ?LoopbackClaim $claim = null ) {
		$this->scheduler = $scheduler;
		$this->lock_free = $lock_free;
		$this->url       = $url;
		$this->key       = $key;
		$this->post      = $post ?? array( LoopbackRequest::class, 'post' );
		$this->claim     = $claim;
	}

	/**
	 * Schedules the safety net and, when no processor runs and no loopback is in flight, sends the loopback.
	 *
	 * @param bool $force Send even when a loopback is in flight (a processor handing its work over).
	 * @return bool Whether a loopback was sent.
	 */
	public function kick( bool $force = false ): bool {
		$url  = null === $this->lock_free ? null : ( $this->url )();
		$sent = false;
		if ( null !== $url && null !== $this->lock_free && ( $this->lock_free )() && ( null === $this->claim || $this->claim->take( $force ) ) ) {
			$sent = (bool) ( $this->post )( $url, array( self::KEY_HEADER => ( $this->key )() ) );
			if ( ! $sent && null !== $this->claim ) {
				$this->claim->clear();
			}
		}
		if ( ! $this->scheduler->is_scheduled( WebhookServices::HOOK_PROCESS ) ) {
			$this->scheduler->schedule_single( WebhookServices::HOOK_PROCESS, array(), null === $url ? 0 : self::SAFETY_NET_DELAY, true );
		}
		return $sent;
	}
}
