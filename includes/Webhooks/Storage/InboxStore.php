<?php
/**
 * Webhook inbox contract.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks\Storage;

/**
 * Stores deliveries as received, de-duplicated by delivery id, and hands them to the processor in arrival
 * order. Rows: id, delivery_id, received_at, attempt, verified, verification, state, body, body_bytes,
 * events, processed_at, error.
 */
interface InboxStore {

	public const STATE_RECEIVED  = 'received';
	public const STATE_PROCESSED = 'processed';
	public const STATE_IGNORED   = 'ignored';
	public const STATE_FAILED    = 'failed';
	public const STATE_MALFORMED = 'malformed';

	public const STATES = array( self::STATE_RECEIVED, self::STATE_PROCESSED, self::STATE_IGNORED, self::STATE_FAILED, self::STATE_MALFORMED );

	public const INSERTED  = 'inserted';
	public const DUPLICATE = 'duplicate';
	public const FAILED    = 'failed';

	/**
	 * Inserts a row unless its delivery_id is already stored.
	 *
	 * @param array{delivery_id: string, received_at: string, attempt: int, verified: bool, verification: string, state: string, body: string, body_bytes: int, events: int, error: string|null} $row Row.
	 * @return string INSERTED, DUPLICATE or FAILED.
	 */
	public function insert( array $row ): string;

	/**
	 * Rows in state received, oldest first.
	 *
	 * @param int $limit Max rows.
	 * @return list<array<string, mixed>>
	 */
	public function pending( int $limit ): array;

	/**
	 * Records the processing outcome of a row.
	 *
	 * @param int         $id           Row id.
	 * @param string      $state        New state.
	 * @param string|null $error        Error text (no secrets, no body).
	 * @param string      $processed_at UTC datetime.
	 */
	public function finish( int $id, string $state, ?string $error, string $processed_at ): void;
}
