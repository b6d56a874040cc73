<?php
/**
 * The outcome of one push attempt.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

/**
 * What happened, the state to persist, and what to show/store: the KiotViet order (id, code) to save on the Woo
 * order, Woo item → KiotViet product links learned on the way (products created in KiotViet, or found by
 * SKU/code; to add to the mapping table — also when the push itself failed, so a retry never re-creates), the message for the order note and the
 * history, and when to try again.
 */
final class PushResult {

	/** POST /orders succeeded. */
	public const SYNCED = 'synced';
	/** The state already had a KiotViet order; nothing was sent. */
	public const ALREADY_SYNCED = 'already_synced';
	/** After an ambiguous failure the order was found in KiotViet; nothing was sent. */
	public const FOUND_EXISTING = 'found_existing';
	/** The order's status is not a push status; nothing was sent. */
	public const SKIPPED = 'skipped';
	/** A transient or ambiguous failure; try again after delay(). */
	public const RETRY = 'retry';
	/** Permanent failure: show message() and stop until the merchant resyncs. */
	public const FAILED = 'failed';
	/** Attempts ran out: "failed permanently (needs manual resync)". */
	public const EXHAUSTED = 'exhausted';

	private string $outcome;
	private PushState $state;
	private string $message;
	private int $delay;
	/** @var array<int,array{woo_product_id:int,kiotviet_id:int,kiotviet_code:string,created:bool}> */
	private array $new_mappings;
	/** @var string[] */
	private array $notes;

	/**
	 * @param array<int,array{woo_product_id:int,kiotviet_id:int,kiotviet_code:string,created:bool}> $new_mappings     Woo item → KiotViet product links learned (created or found by code).
	 * @param string[]                                                                   $notes            History notes.
	 */
	public function __construct( string $outcome, PushState $state, string $message, int $delay = 0, array $new_mappings = array(), array $notes = array() ) {
		$this->outcome          = $outcome;
		$this->state            = $state;
		$this->message          = $message;
		$this->delay            = max( 0, $delay );
		$this->new_mappings = $new_mappings;
		$this->notes            = $notes;
	}

	public function outcome(): string {
		return $this->outcome;
	}

	/** The state to persist for the next attempt. */
	public function state(): PushState {
		return $this->state;
	}

	/** English message for the order note and the history (KiotViet's own text included on failures). */
	public function message(): string {
		return $this->message;
	}

	/** Seconds before the next attempt (RETRY only). */
	public function delay(): int {
		return $this->delay;
	}

	public function is_synced(): bool {
		return in_array( $this->outcome, array( self::SYNCED, self::ALREADY_SYNCED, self::FOUND_EXISTING ), true );
	}

	/** @return array<int,array{woo_product_id:int,kiotviet_id:int,kiotviet_code:string,created:bool}> */
	public function new_mappings(): array {
		return $this->new_mappings;
	}

	/** @return string[] */
	public function notes(): array {
		return $this->notes;
	}
}
