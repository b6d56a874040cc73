<?php
/**
 * Writes KiotViet calls to the sync history.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

use KiotVietSync\KiotViet\CallObserver;
use KiotVietSync\KiotViet\Exception\KiotVietException;
use KiotVietSync\KiotViet\Exception\RateLimitedException;

/**
 * One compact row per KiotViet call: method, path and status, never headers or bodies.
 */
final class SyncLogCallObserver implements CallObserver {

	/**
	 * Log.
	 *
	 * @var SyncLogWriter
	 */
	private SyncLogWriter $log;

	/**
	 * Creates the observer.
	 *
	 * @param SyncLogWriter $log Log.
	 */
	public function __construct( SyncLogWriter $log ) {
		$this->log = $log;
	}

	/**
	 * A call succeeded.
	 *
	 * @param string $method HTTP method.
	 * @param string $path   Path with query.
	 * @param int    $status HTTP status.
	 */
	public function succeeded( string $method, string $path, int $status ): void {
		$this->log->record(
			SyncLogWriter::CHANNEL_API,
			self::action( $method, $path ),
			SyncLogWriter::RESULT_OK,
			sprintf( '%s %s → %d', $method, $path, $status ),
			array(
				'method' => $method,
				'path'   => $path,
				'status' => $status,
			),
			array( 'level' => 'debug' )
		);
	}

	/**
	 * A call failed.
	 *
	 * @param string            $method     HTTP method.
	 * @param string            $path       Path with query.
	 * @param KiotVietException $error      Failure.
	 * @param int               $attempt    Attempt number.
	 * @param bool              $will_retry Whether it is retried.
	 */
	public function failed( string $method, string $path, KiotVietException $error, int $attempt, bool $will_retry ): void {
		$context = array(
			'method'     => $method,
			'path'       => $path,
			'status'     => $error->get_http_status(),
			'error_code' => $error->get_kiotviet_error_code(),
			'exception'  => ( new \ReflectionClass( $error ) )->getShortName(),
			'attempt'    => $attempt,
			'will_retry' => $will_retry,
		);
		if ( $error instanceof RateLimitedException ) {
			$context['retry_after'] = $error->get_retry_after();
			$context['local']       = $error->is_local();
		}
		$this->log->record(
			SyncLogWriter::CHANNEL_API,
			self::action( $method, $path ),
			SyncLogWriter::RESULT_ERROR,
			$error->getMessage(),
			$context,
			// An attempt that will be retried is only a warning; the final failure is an error.
			array( 'level' => $will_retry ? 'warning' : 'error' )
		);
	}

	/**
	 * "GET /branches" without the query string.
	 *
	 * @param string $method Method.
	 * @param string $path   Path with query.
	 */
	private static function action( string $method, string $path ): string {
		$pos = strpos( $path, '?' );
		return $method . ' ' . ( false === $pos ? $path : substr( $path, 0, $pos ) );
	}
}
