<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Orders;

/**
 * A KiotViet client failure, duck-typed like the client's exceptions (get_http_status, get_kiotviet_error_code,
 * get_retry_after).
 */
final class FakeKiotVietError extends \RuntimeException {

	private int $status;
	private string $kv_code;
	private ?int $retry_after;

	public function __construct( string $message, int $status = 0, string $kv_code = '', ?int $retry_after = null ) {
		parent::__construct( $message );
		$this->status      = $status;
		$this->kv_code     = $kv_code;
		$this->retry_after = $retry_after;
	}

	public static function timeout(): self {
		return new self( 'cURL error 28: Operation timed out after 30000 milliseconds' );
	}

	public static function refused(): self {
		return new self( 'cURL error 7: Failed to connect to public.kiotapi.com port 443: Connection refused' );
	}

	public function get_http_status(): int {
		return $this->status;
	}

	public function get_kiotviet_error_code(): string {
		return $this->kv_code;
	}

	public function get_retry_after(): ?int {
		return $this->retry_after;
	}
}
