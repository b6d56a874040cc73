<?php
/**
 * Server failure.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet\Exception;

/**
 * KiotViet answered 5xx, an unexpected redirect, or a body that is not the JSON we expect.
 */
final class ServerException extends KiotVietException {

	/**
	 * Transient failure: worth retrying an idempotent call.
	 */
	public function is_retryable(): bool {
		return true;
	}
}
