<?php
/**
 * Sync history table.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

use KiotVietSync\Support\Redactor;

/**
 * Writes and reads {prefix}kiotviet_sync_log. Every message and context passes through the Redactor,
 * so secrets, tokens and Authorization headers never reach the table.
 */
final class SyncLog implements SyncLogWriter {

	/**
	 * Table name without the WordPress prefix.
	 */
	public const TABLE = 'kiotviet_sync_log';

	private const MAX_CONTEXT_BYTES = 65535;

	/**
	 * Database.
	 *
	 * @var \wpdb
	 */
	private \wpdb $wpdb;

	/**
	 * Redactor.
	 *
	 * @var Redactor
	 */
	private Redactor $redactor;

	/**
	 * Creates the log.
	 *
	 * @param \wpdb    $wpdb     Database.
	 * @param Redactor $redactor Redactor.
	 */
	public function __construct( \wpdb $wpdb, Redactor $redactor ) {
		$this->wpdb     = $wpdb;
		$this->redactor = $redactor;
	}

	/**
	 * Full table name.
	 */
	public function table(): string {
		return $this->wpdb->prefix . self::TABLE;
	}

	/**
	 * Records an event.
	 *
	 * @param string               $channel Channel.
	 * @param string               $action  Action.
	 * @param string               $result  ok|error|skipped.
	 * @param string               $message Message.
	 * @param array<string, mixed> $context Extra data.
	 * @param array<string, mixed> $refs    object_type, object_id, kiotviet_id, level.
	 */
	public function record( string $channel, string $action, string $result, string $message, array $context = array(), array $refs = array() ): void {
		$row = self::build_row( $this->redactor, $channel, $action, $result, $message, $context, $refs, gmdate( 'Y-m-d H:i:s' ) );
		try {
			$this->wpdb->insert( $this->table(), $row, self::formats( $row ) );
		} catch ( \Throwable $e ) {
			// Logging is best effort; the caller's work matters more.
			unset( $e );
		}
	}

	/**
	 * Latest rows, newest first (for the history screen and tests).
	 *
	 * @param int         $limit   Maximum rows (1–500).
	 * @param string|null $channel Only this channel.
	 * @return array<int, array<string, mixed>>
	 */
	public function recent( int $limit = 50, ?string $channel = null ): array {
		$limit = max( 1, min( 500, $limit ) );
		$table = $this->table();
		if ( null === $channel ) {
			$sql = $this->wpdb->prepare( "SELECT * FROM {$table} ORDER BY id DESC LIMIT %d", $limit ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name is ours.
		} else {
			$sql = $this->wpdb->prepare( "SELECT * FROM {$table} WHERE channel = %s ORDER BY id DESC LIMIT %d", $channel, $limit ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name is ours.
		}
		$rows = $this->wpdb->get_results( (string) $sql, ARRAY_A );
		return is_array( $rows ) ? $rows : array();
	}

	/**
	 * Builds the redacted row (pure, unit-tested).
	 *
	 * @param Redactor             $redactor Redactor.
	 * @param string               $channel  Channel.
	 * @param string               $action   Action.
	 * @param string               $result   Result.
	 * @param string               $message  Message.
	 * @param array<string, mixed> $context  Context.
	 * @param array<string, mixed> $refs     References.
	 * @param string               $now      UTC datetime Y-m-d H:i:s.
	 * @return array<string, int|string|null>
	 */
	public static function build_row( Redactor $redactor, string $channel, string $action, string $result, string $message, array $context, array $refs, string $now ): array {
		if ( ! in_array( $result, array( self::RESULT_OK, self::RESULT_ERROR, self::RESULT_SKIPPED ), true ) ) {
			$result = self::RESULT_ERROR;
		}
		$level = isset( $refs['level'] ) && is_string( $refs['level'] ) ? $refs['level'] : self::level_for( $result );

		$context_json = null;
		if ( array() !== $context ) {
			$encoded = json_encode( $redactor->redact( $context ), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PARTIAL_OUTPUT_ON_ERROR ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- unit-tested without WordPress.
			if ( false !== $encoded ) {
				$context_json = strlen( $encoded ) > self::MAX_CONTEXT_BYTES ? substr( $encoded, 0, self::MAX_CONTEXT_BYTES ) : $encoded;
			}
		}

		return array(
			'created_at'  => $now,
			'level'       => substr( $level, 0, 16 ),
			'channel'     => substr( $channel, 0, 32 ),
			'action'      => substr( $action, 0, 64 ),
			'result'      => $result,
			'object_type' => isset( $refs['object_type'] ) && is_string( $refs['object_type'] ) ? substr( $refs['object_type'], 0, 32 ) : null,
			'object_id'   => isset( $refs['object_id'] ) && is_numeric( $refs['object_id'] ) ? (int) $refs['object_id'] : null,
			'kiotviet_id' => isset( $refs['kiotviet_id'] ) && is_numeric( $refs['kiotviet_id'] ) ? (int) $refs['kiotviet_id'] : null,
			'message'     => $redactor->redact_string( $message ),
			'context'     => $context_json,
		);
	}

	/**
	 * Default level for a result.
	 *
	 * @param string $result Result.
	 */
	private static function level_for( string $result ): string {
		if ( self::RESULT_ERROR === $result ) {
			return 'error';
		}
		return self::RESULT_SKIPPED === $result ? 'warning' : 'info';
	}

	/**
	 * Column formats for wpdb::insert(); null values are written as NULL by wpdb.
	 *
	 * @param array<string, int|string|null> $row Row.
	 * @return string[]
	 */
	private static function formats( array $row ): array {
		$formats = array();
		foreach ( $row as $column => $value ) {
			$formats[] = in_array( $column, array( 'object_id', 'kiotviet_id' ), true ) ? '%d' : '%s';
		}
		return $formats;
	}
}
