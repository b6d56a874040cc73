<?php
/**
 * Classifies a failed push call.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

/**
 * - ambiguous: the write may have been applied (timeout or connection lost after sending, 500/502/504/408 on a
 *   POST/PUT). Look the order up (DuplicateGuard) before sending again.
 * - transient: certainly not applied and likely to pass later (429, 503, network error before sending,
 *   any 5xx or network error on a GET).
 * - auth: 401 / TokenException / 403 — the connection needs attention; retried on the backoff schedule.
 * - permanent: KiotViet refused the content (400, 404, 409, 420, 422 and other 4xx: out of stock, unknown
 *   product, orders or delivery disabled in the shop settings…). Stop and show KiotViet's message.
 */
final class FailureClassifier {

	public const AMBIGUOUS = 'ambiguous';
	public const TRANSIENT = 'transient';
	public const PERMANENT = 'permanent';
	public const AUTH      = 'auth';

	public function classify( ErrorInfo $error ): string {
		$status = $error->http_status();
		$write  = in_array( $error->method(), array( 'POST', 'PUT', 'PATCH', 'DELETE' ), true );

		if ( 401 === $status || 403 === $status || 'TokenException' === $error->error_code() ) {
			return self::AUTH;
		}
		if ( 0 === $status || $error->is_network() ) {
			return ( $write && $error->request_sent() ) ? self::AMBIGUOUS : self::TRANSIENT;
		}
		if ( 429 === $status || 'RateLimitException' === $error->error_code() ) {
			return self::TRANSIENT;
		}
		if ( 503 === $status ) {
			return self::TRANSIENT;
		}
		if ( $status >= 500 || 408 === $status ) {
			return $write ? self::AMBIGUOUS : self::TRANSIENT;
		}
		if ( $status >= 400 ) {
			return self::PERMANENT;
		}
		// A 1xx/2xx/3xx reaching the error path (unparseable body, redirect): unknown outcome of a write.
		return $write ? self::AMBIGUOUS : self::TRANSIENT;
	}
}
