<?php
/**
 * Base KiotViet API exception.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet\Exception;

/**
 * A failed KiotViet call: HTTP status (0 when no response), KiotViet errorCode and message.
 * Messages never contain tokens or secrets.
 */
class KiotVietException extends \RuntimeException {

	/**
	 * HTTP status, 0 when there was no response.
	 *
	 * @var int
	 */
	private int $http_status;

	/**
	 * KiotViet responseStatus.errorCode (or the OAuth "error"), '' when absent.
	 *
	 * @var string
	 */
	private string $kiotviet_error_code;

	/**
	 * Creates the exception.
	 *
	 * @param string          $message             Message (KiotViet's own, or ours).
	 * @param int             $http_status         HTTP status, 0 when no response.
	 * @param string          $kiotviet_error_code KiotViet errorCode.
	 * @param \Throwable|null $previous            Cause.
	 */
	public function __construct( string $message, int $http_status = 0, string $kiotviet_error_code = '', ?\Throwable $previous = null ) {
		parent::__construct( $message, $http_status, $previous );
		$this->http_status         = $http_status;
		$this->kiotviet_error_code = $kiotviet_error_code;
	}

	/**
	 * HTTP status, 0 when there was no response.
	 */
	public function get_http_status(): int {
		return $this->http_status;
	}

	/**
	 * KiotViet errorCode, '' when absent.
	 */
	public function get_kiotviet_error_code(): string {
		return $this->kiotviet_error_code;
	}

	/**
	 * Whether repeating the same idempotent request may succeed.
	 */
	public function is_retryable(): bool {
		return false;
	}
}
