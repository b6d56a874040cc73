<?php
/**
 * Observer of KiotViet calls.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet;

use KiotVietSync\KiotViet\Exception\KiotVietException;

/**
 * Told about every KiotViet call so it can be written to the sync history. Receives no headers or bodies.
 */
interface CallObserver {

	/**
	 * A call succeeded.
	 *
	 * @param string $method HTTP method.
	 * @param string $path   Path with query string, no host.
	 * @param int    $status HTTP status.
	 */
	public function succeeded( string $method, string $path, int $status ): void;

	/**
	 * A call (or one attempt of it) failed.
	 *
	 * @param string            $method     HTTP method.
	 * @param string            $path       Path with query string, no host.
	 * @param KiotVietException $error      Failure.
	 * @param int               $attempt    1-based attempt number.
	 * @param bool              $will_retry Whether the client will try again.
	 */
	public function failed( string $method, string $path, KiotVietException $error, int $attempt, bool $will_retry ): void;
}
