<?php
/**
 * HTTP response value object.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet;

/**
 * Status, lower-cased headers and raw body of one HTTP response.
 */
final class HttpResponse {

	/**
	 * HTTP status.
	 *
	 * @var int
	 */
	private int $status;

	/**
	 * Lower-cased header name => value.
	 *
	 * @var array<string, string>
	 */
	private array $headers;

	/**
	 * Raw body.
	 *
	 * @var string
	 */
	private string $body;

	/**
	 * Creates the response.
	 *
	 * @param int                   $status  HTTP status.
	 * @param array<string, string> $headers Header name => value (any case).
	 * @param string                $body    Raw body.
	 */
	public function __construct( int $status, array $headers = array(), string $body = '' ) {
		$this->status  = $status;
		$this->headers = array();
		foreach ( $headers as $name => $value ) {
			$this->headers[ strtolower( (string) $name ) ] = (string) $value;
		}
		$this->body = $body;
	}

	/**
	 * HTTP status.
	 */
	public function status(): int {
		return $this->status;
	}

	/**
	 * Whether the status is 2xx.
	 */
	public function is_success(): bool {
		return $this->status >= 200 && $this->status < 300;
	}

	/**
	 * One header, case-insensitive; null when absent.
	 *
	 * @param string $name Header name.
	 */
	public function header( string $name ): ?string {
		$name = strtolower( $name );
		return $this->headers[ $name ] ?? null;
	}

	/**
	 * Raw body.
	 */
	public function body(): string {
		return $this->body;
	}

	/**
	 * Body decoded as a JSON object/array; null when empty or not JSON.
	 *
	 * @return array<mixed>|null
	 */
	public function json(): ?array {
		if ( '' === trim( $this->body ) ) {
			return null;
		}
		$decoded = json_decode( $this->body, true );
		return is_array( $decoded ) ? $decoded : null;
	}
}
