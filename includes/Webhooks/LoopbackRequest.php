<?php
/**
 * Fire-and-forget HTTP request to this site.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

/**
 * Writes one small POST to a socket and closes it without reading the answer (the receiving request keeps
 * running: the process endpoint ignores the client's disconnect). WordPress's non-blocking HTTP API waits for
 * its timeout instead and may cut a slow connect short; this connects (≤ 1 s), writes and returns. HTTPS
 * loopbacks are not certificate-checked, as WordPress's own loopbacks (`https_local_ssl_verify`).
 */
final class LoopbackRequest {

	/**
	 * Sends the request.
	 *
	 * @param string                $url     Absolute http(s) URL.
	 * @param array<string, string> $headers Extra headers.
	 * @return bool Whether it was written.
	 */
	public static function post( string $url, array $headers = array() ): bool {
		$parts = wp_parse_url( $url );
		if ( ! is_array( $parts ) || empty( $parts['host'] ) || ! in_array( $parts['scheme'] ?? '', array( 'http', 'https' ), true ) ) {
			return false;
		}
		$tls    = 'https' === $parts['scheme'];
		$port   = isset( $parts['port'] ) ? (int) $parts['port'] : ( $tls ? 443 : 80 );
		$target = ( $parts['path'] ?? '/' ) . ( isset( $parts['query'] ) ? '?' . $parts['query'] : '' );
		$host   = $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
		$lines  = array( 'POST ' . $target . ' HTTP/1.1', 'Host: ' . $host, 'Content-Type: application/json', 'Content-Length: 2', 'Connection: close', 'User-Agent: KiotViet Sync loopback' );
		foreach ( $headers as $name => $value ) {
			$lines[] = $name . ': ' . str_replace( array( "\r", "\n" ), '', $value );
		}
		$context = stream_context_create(
			array(
				'ssl' => array(
					'verify_peer'      => false,
					'verify_peer_name' => false,
				),
			)
		);
		$errno  = 0;
		$errstr = '';
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fopen -- A socket, not a file.
		$socket = @stream_socket_client( ( $tls ? 'ssl://' : 'tcp://' ) . $parts['host'] . ':' . $port, $errno, $errstr, 1.0, STREAM_CLIENT_CONNECT, $context ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged
		if ( false === $socket ) {
			return false;
		}
		$request = implode( "\r\n", $lines ) . "\r\n\r\n{}";
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fwrite -- A socket, not a file.
		$written = fwrite( $socket, $request );
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- A socket, not a file.
		fclose( $socket );
		return strlen( $request ) === $written;
	}
}
