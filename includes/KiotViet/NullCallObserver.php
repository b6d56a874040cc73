<?php
/**
 * Observer that ignores everything.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet;

use KiotVietSync\KiotViet\Exception\KiotVietException;

/**
 * Default observer when nothing should be recorded.
 */
final class NullCallObserver implements CallObserver {

	/**
	 * Ignored.
	 *
	 * @param string $method HTTP method.
	 * @param string $path   Path.
	 * @param int    $status Status.
	 */
	public function succeeded( string $method, string $path, int $status ): void {
	}

	/**
	 * Ignored.
	 *
	 * @param string            $method     HTTP method.
	 * @param string            $path       Path.
	 * @param KiotVietException $error      Failure.
	 * @param int               $attempt    Attempt.
	 * @param bool              $will_retry Retry flag.
	 */
	public function failed( string $method, string $path, KiotVietException $error, int $attempt, bool $will_retry ): void {
	}
}
