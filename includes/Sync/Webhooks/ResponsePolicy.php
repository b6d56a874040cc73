<?php
/**
 * HTTP answers of the webhook receiver.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Webhooks;

/**
 * Which status the receiver answers for each outcome, and which body.
 *
 * Reasoning (kiotviet-api.md §6.4/§6.6):
 * - A 4xx (400, 401, 403, 404, 405) makes KiotViet stop sending to the endpoint — one forged or
 *   garbled request answered 401/400 would silently switch live sync off for every event. So nothing
 *   is ever answered 4xx, although the docs suggest 401 for a bad signature.
 * - Everything we accept or deliberately ignore gets 200: accepted, duplicate (same Id already in
 *   the inbox — KiotViet retried after a timeout), bad or missing signature, malformed, oversized,
 *   unsupported type. Retrying those would not help; the receiver records them instead.
 * - 5xx is answered only when a verified delivery could not be stored (database down, any error
 *   before the inbox row was written): KiotViet then retries with the same Id and a higher Attempt,
 *   and the inbox de-duplicates. 503 is used; any 5xx triggers the retry.
 * - Processing happens later in the queue, so a failure while applying never changes the answer:
 *   once stored, the delivery is acknowledged.
 * - Unknown outcome names map to 200: a coding slip must never disable the subscription.
 * - Bodies say only received/ignored; never why a signature failed or anything from the payload.
 * - WordPress itself answers 4xx before our callback runs in two cases that matter here: a body
 *   that is not valid JSON under `Content-Type: application/json` (400 `rest_invalid_json`, from
 *   WP_REST_Request::has_valid_params(), also for nesting beyond 512) and a permission_callback
 *   returning false (401/403 `rest_forbidden`). The webhook route must therefore not check the
 *   signature in permission_callback, and should rewrite such core errors for its own route via the
 *   `rest_request_before_callbacks` filter using status_for_core_error().
 */
final class ResponsePolicy {

	public const ACCEPTED          = 'accepted';
	public const DUPLICATE         = 'duplicate';
	public const BAD_SIGNATURE     = 'bad_signature';
	public const MISSING_SIGNATURE = 'missing_signature';
	public const MALFORMED         = 'malformed';
	public const OVERSIZED         = 'oversized';
	public const STORE_FAILED      = 'store_failed';
	public const INTERNAL_ERROR    = 'internal_error';

	/**
	 * HTTP status for an outcome.
	 *
	 * @param string $outcome One of the constants. INTERNAL_ERROR means "failed before the delivery was
	 *                        safely stored" (after storing, report ACCEPTED).
	 */
	public function status_for( string $outcome ): int {
		if ( self::STORE_FAILED === $outcome || self::INTERNAL_ERROR === $outcome ) {
			return 503;
		}
		return 200;
	}

	/**
	 * Status to answer instead of an error WordPress produced for the webhook route before our
	 * callback ran: any 4xx becomes 200 (recorded as malformed), 5xx stays (KiotViet retries).
	 *
	 * @param int $core_status Status of the core WP_Error.
	 */
	public function status_for_core_error( int $core_status ): int {
		if ( $core_status >= 500 && $core_status <= 599 ) {
			return $core_status;
		}
		return 200;
	}

	/**
	 * Whether KiotViet is expected to retry after this answer.
	 *
	 * @param string $outcome Outcome.
	 */
	public function expects_retry( string $outcome ): bool {
		return $this->status_for( $outcome ) >= 500;
	}

	/**
	 * JSON body for an outcome: {"received": bool}. Deliberately uninformative.
	 *
	 * @param string $outcome Outcome.
	 * @return array{received: bool}
	 */
	public function body_for( string $outcome ): array {
		return array( 'received' => self::ACCEPTED === $outcome || self::DUPLICATE === $outcome );
	}

	/**
	 * Outcome for a signature check that failed.
	 *
	 * @param VerificationResult $result Failed result.
	 */
	public function outcome_for_signature( VerificationResult $result ): string {
		return VerificationResult::MISSING === $result->reason() ? self::MISSING_SIGNATURE : self::BAD_SIGNATURE;
	}

	/**
	 * Outcome for a parse failure.
	 *
	 * @param MalformedDelivery $error Parse failure.
	 */
	public function outcome_for_malformed( MalformedDelivery $error ): string {
		return MalformedDelivery::OVERSIZED === $error->reason() ? self::OVERSIZED : self::MALFORMED;
	}
}
