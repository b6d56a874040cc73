<?php
/**
 * Webhook receiving: verify, store, acknowledge.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

use KiotVietSync\Support\Clock;
use KiotVietSync\Sync\Webhooks\DeliveryParser;
use KiotVietSync\Sync\Webhooks\MalformedDelivery;
use KiotVietSync\Sync\Webhooks\ResponsePolicy;
use KiotVietSync\Sync\Webhooks\SignatureVerifier;
use KiotVietSync\Webhooks\Storage\InboxStore;

/**
 * What the public route does with one POST, kept free of WordPress so it can be unit-tested:
 * size cap → signature (SignatureVerifier, raw bytes) → parse (DeliveryParser) → one inbox row
 * (INSERT IGNORE on the delivery id) → answer (ResponsePolicy) → schedule the processor.
 * No KiotViet call and no WooCommerce write happens here.
 *
 * De-duplication keys: a verified delivery uses its Id (KiotViet retries with the same Id); an
 * unverified or malformed one uses "u:"/"m:" + SHA-256 of the body, so a forged body that reuses a
 * real Id can never pre-empt (and thereby suppress) the genuine delivery, and a replayed forgery is
 * stored once.
 */
final class Receiver {

	/**
	 * Largest body accepted for processing (bytes); bigger bodies are recorded as oversized.
	 */
	public const MAX_BODY_BYTES = DeliveryParser::DEFAULT_MAX_BYTES;

	/**
	 * Bytes of an unverified/malformed body kept for inspection.
	 */
	public const KEEP_UNTRUSTED_BYTES = 16384;

	/**
	 * Options.
	 *
	 * @var WebhookOptions
	 */
	private WebhookOptions $options;

	/**
	 * Inbox.
	 *
	 * @var InboxStore
	 */
	private InboxStore $inbox;

	/**
	 * Clock.
	 *
	 * @var Clock
	 */
	private Clock $clock;

	/**
	 * Called after a row was stored: schedules processing.
	 *
	 * @var callable(): void
	 */
	private $kick;

	/**
	 * Response policy.
	 *
	 * @var ResponsePolicy
	 */
	private ResponsePolicy $policy;

	/**
	 * Creates the receiver.
	 *
	 * @param WebhookOptions   $options Options.
	 * @param InboxStore       $inbox   Inbox.
	 * @param Clock            $clock   Clock.
	 * @param callable(): void $kick    Schedules the processor.
	 */
	public function __construct( WebhookOptions $options, InboxStore $inbox, Clock $clock, callable $kick ) {
		$this->options = $options;
		$this->inbox   = $inbox;
		$this->clock   = $clock;
		$this->kick    = $kick;
		$this->policy  = new ResponsePolicy();
	}

	/**
	 * Handles one delivery for an HTTP answer: the one entry point of the REST route and of the early
	 * receiver. An exception means nothing was stored: 503, KiotViet retries with the same Id.
	 *
	 * @param string      $site_key  Key from the URL.
	 * @param string      $raw_body  Exact body bytes.
	 * @param string|null $signature X-Hub-Signature header.
	 * @return array{status: int, body: array{received: bool}}
	 */
	public function respond( string $site_key, string $raw_body, ?string $signature ): array {
		try {
			$result = $this->receive( $site_key, $raw_body, $signature );
		} catch ( \Throwable $e ) {
			return array(
				'status' => 503,
				'body'   => array( 'received' => false ),
			);
		}
		return array(
			'status' => $result['status'],
			'body'   => $result['body'],
		);
	}

	/**
	 * Handles one delivery.
	 *
	 * @param string      $site_key  Key from the URL.
	 * @param string      $raw_body  Exact body bytes.
	 * @param string|null $signature X-Hub-Signature header.
	 * @return array{status: int, body: array{received: bool}, outcome: string, state: string|null}
	 */
	public function receive( string $site_key, string $raw_body, ?string $signature ): array {
		$ours = $this->options->site_key();
		if ( null === $ours || ! hash_equals( $ours, $site_key ) ) {
			// Not our URL (old key, scanner): nothing is stored; 200 so a stale subscription is not disabled.
			return $this->answer( ResponsePolicy::BAD_SIGNATURE, null );
		}

		$bytes = strlen( $raw_body );
		$now   = gmdate( 'Y-m-d H:i:s', $this->clock->now() );
		$hash  = hash( 'sha256', $raw_body );

		if ( $bytes > self::MAX_BODY_BYTES ) {
			$row = $this->row( 'm:' . $hash, $now, 1, false, 'oversized', InboxStore::STATE_MALFORMED, '', $bytes, 0, MalformedDelivery::OVERSIZED );
			return $this->store( $row, ResponsePolicy::OVERSIZED, false );
		}

		$verification = ( new SignatureVerifier() )->verify( $raw_body, $signature, $this->options->secret() );
		$label        = $verification->is_ok() ? $verification->variant() : $verification->reason();
		if ( '' !== $verification->prefix() ) {
			$label .= ' (' . $verification->prefix() . '=)';
		}

		try {
			$delivery = ( new DeliveryParser( self::MAX_BODY_BYTES ) )->parse( $raw_body );
		} catch ( MalformedDelivery $e ) {
			$row = $this->row( 'm:' . $hash, $now, 1, $verification->is_ok(), $label, InboxStore::STATE_MALFORMED, $this->untrusted( $raw_body ), $bytes, 0, $e->reason() );
			return $this->store( $row, $this->policy->outcome_for_malformed( $e ), false );
		}

		$events = count( $delivery->events() );
		if ( ! $verification->is_ok() ) {
			// Kept for the processor, which may re-read the named items from KiotViet (never applies the body).
			$row = $this->row( 'u:' . $verification->reason() . ':' . $hash, $now, $delivery->attempt(), false, $label, InboxStore::STATE_RECEIVED, $this->untrusted( $raw_body ), $bytes, $events, null );
			return $this->store( $row, $this->policy->outcome_for_signature( $verification ), $events > 0 );
		}

		$row = $this->row( $delivery->id(), $now, $delivery->attempt(), true, $label, 0 === $events ? InboxStore::STATE_IGNORED : InboxStore::STATE_RECEIVED, $raw_body, $bytes, $events, 0 === $events ? 'no_events' : null );
		return $this->store( $row, ResponsePolicy::ACCEPTED, $events > 0 );
	}

	/**
	 * Stores the row and answers.
	 *
	 * @param array{delivery_id: string, received_at: string, attempt: int, verified: bool, verification: string, state: string, body: string, body_bytes: int, events: int, error: string|null} $row Row.
	 * @param string $outcome  Outcome when stored.
	 * @param bool   $schedule Whether the processor has work.
	 * @return array{status: int, body: array{received: bool}, outcome: string, state: string|null}
	 */
	private function store( array $row, string $outcome, bool $schedule ): array {
		$result = $this->inbox->insert( $row );
		if ( InboxStore::FAILED === $result ) {
			// Only a verified delivery is worth a retry; anything else is acknowledged anyway.
			return $this->answer( $row['verified'] && InboxStore::STATE_MALFORMED !== $row['state'] ? ResponsePolicy::STORE_FAILED : $outcome, null );
		}
		if ( InboxStore::DUPLICATE === $result ) {
			return $this->answer( ResponsePolicy::ACCEPTED === $outcome ? ResponsePolicy::DUPLICATE : $outcome, null );
		}
		if ( $schedule ) {
			try {
				( $this->kick )();
			} catch ( \Throwable $e ) {
				// The row is stored; the recurring safety net picks it up.
				unset( $e );
			}
		}
		return $this->answer( $outcome, $row['state'] );
	}

	/**
	 * Response for an outcome.
	 *
	 * @param string      $outcome Outcome.
	 * @param string|null $state   Stored state.
	 * @return array{status: int, body: array{received: bool}, outcome: string, state: string|null}
	 */
	private function answer( string $outcome, ?string $state ): array {
		return array(
			'status'  => $this->policy->status_for( $outcome ),
			'body'    => $this->policy->body_for( $outcome ),
			'outcome' => $outcome,
			'state'   => $state,
		);
	}

	/**
	 * Bounded copy of an untrusted body (valid UTF-8 only, else dropped).
	 *
	 * @param string $raw Body.
	 */
	private function untrusted( string $raw ): string {
		$cut = substr( $raw, 0, self::KEEP_UNTRUSTED_BYTES );
		if ( function_exists( 'mb_check_encoding' ) && ! mb_check_encoding( $cut, 'UTF-8' ) ) {
			$cut = function_exists( 'mb_convert_encoding' ) ? (string) mb_convert_encoding( $cut, 'UTF-8', 'UTF-8' ) : '';
		}
		return $cut;
	}

	/**
	 * An inbox row.
	 *
	 * @param string      $delivery_id  Dedup key.
	 * @param string      $now          UTC datetime.
	 * @param int         $attempt      Attempt.
	 * @param bool        $verified     Verified.
	 * @param string      $verification Variant or reason.
	 * @param string      $state        State.
	 * @param string      $body         Body to keep.
	 * @param int         $bytes        Original size.
	 * @param int         $events       Event count.
	 * @param string|null $error        Reason.
	 * @return array{delivery_id: string, received_at: string, attempt: int, verified: bool, verification: string, state: string, body: string, body_bytes: int, events: int, error: string|null}
	 */
	private function row( string $delivery_id, string $now, int $attempt, bool $verified, string $verification, string $state, string $body, int $bytes, int $events, ?string $error ): array {
		return array(
			'delivery_id'  => substr( $delivery_id, 0, 191 ),
			'received_at'  => $now,
			'attempt'      => $attempt,
			'verified'     => $verified,
			'verification' => substr( $verification, 0, 96 ),
			'state'        => $state,
			'body'         => $body,
			'body_bytes'   => $bytes,
			'events'       => $events,
			'error'        => $error,
		);
	}
}
