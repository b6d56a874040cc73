<?php
/**
 * Sync history writer contract.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

/**
 * Appends one row to the sync history ("Sync history" screen). Implementations redact secrets.
 */
interface SyncLogWriter {

	public const CHANNEL_API        = 'api';
	public const CHANNEL_CONNECTION = 'connection';
	public const CHANNEL_IMPORT     = 'import';
	public const CHANNEL_WEBHOOK    = 'webhook';
	public const CHANNEL_ORDER      = 'order';

	public const RESULT_OK      = 'ok';
	public const RESULT_ERROR   = 'error';
	public const RESULT_SKIPPED = 'skipped';

	/**
	 * Records an event. Never throws: a failing log must not break a sync.
	 *
	 * @param string               $channel Channel, one of the CHANNEL_* constants.
	 * @param string               $action  Short action name, e.g. "connect" or "GET /branches".
	 * @param string               $result  ok|error|skipped.
	 * @param string               $message Human-readable message.
	 * @param array<string, mixed> $context Extra data (stored as JSON after redaction).
	 * @param array<string, mixed> $refs    Optional object_type, object_id, kiotviet_id, level.
	 */
	public function record( string $channel, string $action, string $result, string $message, array $context = array(), array $refs = array() ): void;
}
