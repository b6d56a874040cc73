<?php
/**
 * Network failure.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet\Exception;

/**
 * No HTTP response: DNS, connection, TLS or timeout error.
 */
final class NetworkException extends KiotVietException {

	/**
	 * Transient failure: worth retrying an idempotent call.
	 */
	public function is_retryable(): bool {
		return true;
	}
}
