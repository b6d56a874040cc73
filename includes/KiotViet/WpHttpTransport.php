<?php
/**
 * HTTP transport over the WordPress HTTP API.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet;

use KiotVietSync\KiotViet\Exception\NetworkException;

/**
 * Sends requests with wp_remote_request(): explicit timeout, TLS verification on, and no redirects,
 * so an Authorization header can never be replayed to another host.
 */
final class WpHttpTransport implements HttpTransport {

	/**
	 * Total timeout in seconds.
	 *
	 * @var float
	 */
	private float $timeout;

	/**
	 * Creates the transport.
	 *
	 * @param float $timeout Total request timeout in seconds.
	 */
	public function __construct( float $timeout = 15.0 ) {
		$this->timeout = $timeout;
	}

	/**
	 * Sends a request.
	 *
	 * @param string                $method  HTTP method.
	 * @param string                $url     Absolute URL.
	 * @param array<string, string> $headers Request headers.
	 * @param string|null           $body    Raw body.
	 * @throws NetworkException When no response was received.
	 */
	public function send( string $method, string $url, array $headers = array(), ?string $body = null ): HttpResponse {
		$args = array(
			'method'      => $method,
			'headers'     => $headers,
			'timeout'     => $this->timeout,
			'redirection' => 0,
			'sslverify'   => true,
			'httpversion' => '1.1',
			'user-agent'  => 'KiotVietSync/' . ( defined( 'KIOTVIET_SYNC_VERSION' ) ? KIOTVIET_SYNC_VERSION : 'dev' ),
		);
		if ( null !== $body ) {
			$args['body'] = $body;
		}

		$response = wp_remote_request( $url, $args );
		if ( is_wp_error( $response ) ) {
			// The WP_Error message names the host and the cURL error; it never contains our headers.
			throw new NetworkException( $response->get_error_message() );
		}

		$headers_out = array();
		foreach ( wp_remote_retrieve_headers( $response ) as $name => $value ) {
			$headers_out[ (string) $name ] = is_array( $value ) ? implode( ', ', $value ) : (string) $value;
		}

		return new HttpResponse(
			(int) wp_remote_retrieve_response_code( $response ),
			$headers_out,
			(string) wp_remote_retrieve_body( $response )
		);
	}
}
