<?php
/**
 * Call observer that records.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Fakes;

use KiotVietSync\KiotViet\CallObserver;
use KiotVietSync\KiotViet\Exception\KiotVietException;

/**
 * Keeps every observed call as a line "METHOD path status|exception".
 */
final class RecordingObserver implements CallObserver {

	/**
	 * Lines.
	 *
	 * @var string[]
	 */
	public array $lines = array();

	/**
	 * Records success.
	 *
	 * @param string $method Method.
	 * @param string $path   Path.
	 * @param int    $status Status.
	 */
	public function succeeded( string $method, string $path, int $status ): void {
		$this->lines[] = "{$method} {$path} {$status}";
	}

	/**
	 * Records failure.
	 *
	 * @param string            $method     Method.
	 * @param string            $path       Path.
	 * @param KiotVietException $error      Error.
	 * @param int               $attempt    Attempt.
	 * @param bool              $will_retry Retry.
	 */
	public function failed( string $method, string $path, KiotVietException $error, int $attempt, bool $will_retry ): void {
		$this->lines[] = sprintf( '%s %s %s#%d%s', $method, $path, ( new \ReflectionClass( $error ) )->getShortName(), $attempt, $will_retry ? ' retry' : '' );
	}
}
