<?php
/**
 * Namespaced stand-ins for the WordPress HTTP API: unqualified calls inside KiotVietSync\KiotViet resolve
 * to these before any global function, so the unit suite defines nothing global.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet;

/**
 * What the shims saw and will answer.
 */
final class WpHttpShim {

	/**
	 * Last wp_remote_request() call: [url, args].
	 *
	 * @var array{0: string, 1: array<string, mixed>}|null
	 */
	public static ?array $last = null;

	/**
	 * Next answer: an array response or a FakeWpError.
	 *
	 * @var mixed
	 */
	public static $answer = null;
}

/**
 * Minimal WP_Error look-alike.
 */
final class FakeWpError {

	/**
	 * Message.
	 *
	 * @var string
	 */
	private string $message;

	/**
	 * @param string $message Message.
	 */
	public function __construct( string $message ) {
		$this->message = $message;
	}

	/**
	 * Message.
	 */
	public function get_error_message(): string {
		return $this->message;
	}
}

/**
 * @param string               $url  URL.
 * @param array<string, mixed> $args Args.
 * @return mixed
 */
function wp_remote_request( string $url, array $args ) {
	WpHttpShim::$last = array( $url, $args );
	return WpHttpShim::$answer;
}

/**
 * @param mixed $thing Thing.
 */
function is_wp_error( $thing ): bool {
	return $thing instanceof FakeWpError;
}

/**
 * @param array<string, mixed> $response Response.
 * @return array<string, mixed>
 */
function wp_remote_retrieve_headers( array $response ): array {
	return $response['headers'];
}

/**
 * @param array<string, mixed> $response Response.
 * @return int|string
 */
function wp_remote_retrieve_response_code( array $response ) {
	return $response['response']['code'];
}

/**
 * @param array<string, mixed> $response Response.
 */
function wp_remote_retrieve_body( array $response ): string {
	return $response['body'];
}
