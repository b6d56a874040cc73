<?php
/**
 * What is known about a failed KiotViet call.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

/**
 * Plain description of a failure, so the classifier does not depend on exception classes.
 */
final class ErrorInfo {

	private int $http_status;
	private string $error_code;
	private string $message;
	private bool $network;
	private bool $timed_out;
	private bool $request_sent;
	private string $method;
	private ?int $retry_after;

	/**
	 * @param int      $http_status  HTTP status, 0 when no response arrived.
	 * @param string   $error_code   KiotViet responseStatus.errorCode ('' when absent).
	 * @param string   $message      KiotViet's message (shown to the merchant) or the transport error.
	 * @param bool     $network      No HTTP response (DNS, connect, TLS, reset, timeout).
	 * @param bool     $timed_out    The transport gave up waiting.
	 * @param bool     $request_sent The request may have reached KiotViet (true unless the transport proved it did not).
	 * @param string   $method       HTTP method.
	 * @param int|null $retry_after  Retry-After seconds when given.
	 */
	public function __construct( int $http_status, string $error_code, string $message, bool $network = false, bool $timed_out = false, bool $request_sent = true, string $method = 'POST', ?int $retry_after = null ) {
		$this->http_status  = $http_status;
		$this->error_code   = $error_code;
		$this->message      = $message;
		$this->network      = $network || ( 0 === $http_status );
		$this->timed_out    = $timed_out;
		$this->request_sent = $request_sent;
		$this->method       = strtoupper( $method );
		$this->retry_after  = $retry_after;
	}

	/**
	 * From an exception of the KiotViet client (duck-typed: get_http_status(), get_kiotviet_error_code(),
	 * get_retry_after()). A network error counts as "not sent" only when its message shows the connection was
	 * never made (cURL 6 resolve, 7 connect, 35 TLS handshake); a timeout (cURL 28) counts as sent.
	 */
	public static function from_throwable( \Throwable $e, string $method, ?bool $request_sent = null ): self {
		$status     = method_exists( $e, 'get_http_status' ) ? (int) $e->get_http_status() : 0;
		$code       = method_exists( $e, 'get_kiotviet_error_code' ) ? (string) $e->get_kiotviet_error_code() : '';
		$retry      = method_exists( $e, 'get_retry_after' ) ? $e->get_retry_after() : null;
		$message    = $e->getMessage();
		$timed_out  = 1 === preg_match( '/cURL error 28\b|timed? ?out/i', $message );
		$never_sent = 1 === preg_match( '/cURL error (6|7|35)\b|could not resolve|connection refused|failed to connect/i', $message );
		if ( null === $request_sent ) {
			$request_sent = ! ( 0 === $status && $never_sent && ! $timed_out );
		}
		return new self( $status, $code, $message, 0 === $status, $timed_out, $request_sent, $method, is_int( $retry ) ? $retry : null );
	}

	public function http_status(): int {
		return $this->http_status;
	}

	public function error_code(): string {
		return $this->error_code;
	}

	public function message(): string {
		return $this->message;
	}

	public function is_network(): bool {
		return $this->network;
	}

	public function timed_out(): bool {
		return $this->timed_out;
	}

	public function request_sent(): bool {
		return $this->request_sent;
	}

	public function method(): string {
		return $this->method;
	}

	public function retry_after(): ?int {
		return $this->retry_after;
	}
}
