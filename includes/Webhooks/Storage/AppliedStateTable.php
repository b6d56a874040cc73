<?php
/**
 * Applied-state table.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks\Storage;

/**
 * {prefix}kiotviet_sync_webhook_state (migration step 3): entity_key (PK), modified_at, payload_hash, applied_at.
 */
final class AppliedStateTable implements AppliedState {

	public const TABLE = 'kiotviet_sync_webhook_state';

	/**
	 * Database.
	 *
	 * @var \wpdb
	 */
	private \wpdb $wpdb;

	/**
	 * Creates the store.
	 *
	 * @param \wpdb $wpdb Database.
	 */
	public function __construct( \wpdb $wpdb ) {
		$this->wpdb = $wpdb;
	}

	/**
	 * Last applied state.
	 *
	 * @param string $key Coalescing key.
	 * @return array{modified_at: string|null, hash: string|null}|null
	 */
	public function get( string $key ): ?array {
		$table = $this->wpdb->prefix . self::TABLE;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching
		$row = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT modified_at, payload_hash FROM {$table} WHERE entity_key = %s", $key ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( ! is_array( $row ) ) {
			return null;
		}
		return array(
			'modified_at' => isset( $row['modified_at'] ) && '' !== $row['modified_at'] ? (string) $row['modified_at'] : null,
			'hash'        => isset( $row['payload_hash'] ) && '' !== $row['payload_hash'] ? (string) $row['payload_hash'] : null,
		);
	}

	/**
	 * Records an application.
	 *
	 * @param string      $key         Coalescing key.
	 * @param string|null $modified_at ISO date or null.
	 * @param string      $hash        Payload hash.
	 */
	public function put( string $key, ?string $modified_at, string $hash ): void {
		$table = $this->wpdb->prefix . self::TABLE;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching
		$this->wpdb->query(
			$this->wpdb->prepare(
				"INSERT INTO {$table} (entity_key, modified_at, payload_hash, applied_at) VALUES (%s, %s, %s, %s) ON DUPLICATE KEY UPDATE modified_at = VALUES(modified_at), payload_hash = VALUES(payload_hash), applied_at = VALUES(applied_at)", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				$key,
				null === $modified_at ? '' : $modified_at,
				$hash,
				gmdate( 'Y-m-d H:i:s' )
			)
		);
	}
}
