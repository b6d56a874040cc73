<?php
/**
 * Rate limit.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet\Exception;

/**
 * KiotViet answered 429, or our own CallBudget refused to spend another GET this hour.
 */
final class RateLimitedException extends KiotVietException {

	/**
	 * Seconds to wait before trying again, null when unknown.
	 *
	 * @var int|null
	 */
	private ?int $retry_after;

	/**
	 * True when raised by our CallBudget without calling KiotViet.
	 *
	 * @var bool
	 */
	private bool $local;

	/**
	 * Creates the exception.
	 *
	 * @param string   $message             Message.
	 * @param int|null $retry_after         Seconds to wait, null when unknown.
	 * @param int      $http_status         HTTP status (429, or 0 when local).
	 * @param string   $kiotviet_error_code KiotViet errorCode.
	 * @param bool     $local               Raised by the local call budget.
	 */
	public function __construct( string $message, ?int $retry_after = null, int $http_status = 429, string $kiotviet_error_code = '', bool $local = false ) {
		parent::__construct( $message, $http_status, $kiotviet_error_code );
		$this->retry_after = $retry_after;
		$this->local       = $local;
	}

	/**
	 * Seconds to wait, null when unknown.
	 */
	public function get_retry_after(): ?int {
		return $this->retry_after;
	}

	/**
	 * Whether our own budget raised it (KiotViet was not called).
	 */
	public function is_local(): bool {
		return $this->local;
	}

	/**
	 * KiotViet's 429 is transient; our budget refusal is not worth retrying within the same request.
	 */
	public function is_retryable(): bool {
		return ! $this->local;
	}
}
