<?php
/**
 * What to do after a failed push attempt.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

/**
 * Retry (after delay seconds; with a duplicate lookup first when the failure was ambiguous) or stop.
 */
final class RetryDecision {

	public const RETRY              = 'retry';
	public const LOOKUP_THEN_RETRY  = 'lookup_then_retry';
	public const FAILED             = 'failed';
	public const EXHAUSTED          = 'exhausted';

	private string $action;
	private int $delay;
	private string $message;

	public function __construct( string $action, int $delay, string $message ) {
		$this->action  = $action;
		$this->delay   = max( 0, $delay );
		$this->message = $message;
	}

	/** One of the class constants. */
	public function action(): string {
		return $this->action;
	}

	public function should_retry(): bool {
		return self::RETRY === $this->action || self::LOOKUP_THEN_RETRY === $this->action;
	}

	/** Whether the next attempt must first search KiotViet for the order (DuplicateGuard). */
	public function needs_lookup(): bool {
		return self::LOOKUP_THEN_RETRY === $this->action;
	}

	/** Seconds to wait before the next attempt (0 when stopping). */
	public function delay(): int {
		return $this->delay;
	}

	/** English message for the order note and the history. */
	public function message(): string {
		return $this->message;
	}
}
