<?php
/**
 * HTTP transport contract.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet;

use KiotVietSync\KiotViet\Exception\NetworkException;

/**
 * Sends one HTTP request. The only seam between the KiotViet client and the network.
 */
interface HttpTransport {

	/**
	 * Sends a request and returns whatever status came back (non-2xx is not an error here).
	 *
	 * @param string                $method  HTTP method.
	 * @param string                $url     Absolute URL.
	 * @param array<string, string> $headers Request headers.
	 * @param string|null           $body    Raw body, null for none.
	 * @return HttpResponse
	 * @throws NetworkException When no response was received.
	 */
	public function send( string $method, string $url, array $headers = array(), ?string $body = null ): HttpResponse;
}
