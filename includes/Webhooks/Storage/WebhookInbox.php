<?php
/**
 * Webhook inbox table.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks\Storage;

/**
 * {prefix}kiotviet_sync_webhook_inbox (migration step 3). The receiver inserts with INSERT IGNORE on the
 * unique delivery_id, so a delivery KiotViet retries (same Id) is stored once.
 */
final class WebhookInbox implements InboxStore {

	public const TABLE = 'kiotviet_sync_webhook_inbox';

	/**
	 * Database.
	 *
	 * @var \wpdb
	 */
	private \wpdb $wpdb;

	/**
	 * Creates the repository.
	 *
	 * @param \wpdb $wpdb Database.
	 */
	public function __construct( \wpdb $wpdb ) {
		$this->wpdb = $wpdb;
	}

	/**
	 * Full table name.
	 */
	public function table(): string {
		return $this->wpdb->prefix . self::TABLE;
	}

	/**
	 * Inserts unless the delivery id is known.
	 *
	 * @param array{delivery_id: string, received_at: string, attempt: int, verified: bool, verification: string, state: string, body: string, body_bytes: int, events: int, error: string|null} $row Row.
	 */
	public function insert( array $row ): string {
		$table    = $this->table();
		$previous = $this->wpdb->suppress_errors( true );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- Hot path of the receiver; table name is ours.
		$result = $this->wpdb->query(
			$this->wpdb->prepare(
				"INSERT IGNORE INTO {$table} (delivery_id, received_at, attempt, verified, verification, state, body, body_bytes, events, error) VALUES (%s, %s, %d, %d, %s, %s, %s, %d, %d, %s)", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				$row['delivery_id'],
				$row['received_at'],
				$row['attempt'],
				$row['verified'] ? 1 : 0,
				$row['verification'],
				$row['state'],
				$row['body'],
				$row['body_bytes'],
				$row['events'],
				null === $row['error'] ? '' : $row['error']
			)
		);
		$this->wpdb->suppress_errors( $previous );
		if ( false === $result ) {
			return self::FAILED;
		}
		return (int) $result > 0 ? self::INSERTED : self::DUPLICATE;
	}

	/**
	 * Pending rows, oldest first.
	 *
	 * @param int $limit Max rows.
	 * @return list<array<string, mixed>>
	 */
	public function pending( int $limit ): array {
		$table = $this->table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching
		$rows = $this->wpdb->get_results(
			$this->wpdb->prepare( "SELECT * FROM {$table} WHERE state = %s ORDER BY id ASC LIMIT %d", self::STATE_RECEIVED, max( 1, $limit ) ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			ARRAY_A
		);
		return is_array( $rows ) ? array_values( $rows ) : array();
	}

	/**
	 * Records the outcome.
	 *
	 * @param int         $id           Row id.
	 * @param string      $state        State.
	 * @param string|null $error        Error.
	 * @param string      $processed_at UTC datetime.
	 */
	public function finish( int $id, string $state, ?string $error, string $processed_at ): void {
		$this->wpdb->update( // phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching
			$this->table(),
			array(
				'state'        => $state,
				'error'        => null === $error ? '' : substr( $error, 0, 2000 ),
				'processed_at' => $processed_at,
			),
			array( 'id' => $id ),
			array( '%s', '%s', '%s' ),
			array( '%d' )
		);
	}

	/**
	 * One row, null when absent.
	 *
	 * @param int $id Row id.
	 * @return array<string, mixed>|null
	 */
	public function get( int $id ): ?array {
		$table = $this->table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching
		$row = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$table} WHERE id = %d", $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return is_array( $row ) ? $row : null;
	}

	/**
	 * Puts a row back in the queue (reprocess).
	 *
	 * @param int $id Row id.
	 */
	public function requeue( int $id ): bool {
		$result = $this->wpdb->update( // phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching
			$this->table(),
			array(
				'state'        => self::STATE_RECEIVED,
				'error'        => '',
				'processed_at' => null,
			),
			array( 'id' => $id ),
			array( '%s', '%s', '%s' ),
			array( '%d' )
		);
		return false !== $result;
	}

	/**
	 * Row count per state (every state present, 0 when none).
	 *
	 * @return array<string, int>
	 */
	public function counts(): array {
		$table  = $this->table();
		$counts = array_fill_keys( self::STATES, 0 );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$rows = $this->wpdb->get_results( "SELECT state, COUNT(*) AS n FROM {$table} GROUP BY state", ARRAY_A );
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			if ( isset( $counts[ (string) $row['state'] ] ) ) {
				$counts[ (string) $row['state'] ] = (int) $row['n'];
			}
		}
		return $counts;
	}

	/**
	 * Time of the newest stored delivery (UTC datetime), null when none.
	 */
	public function last_received_at(): ?string {
		$table = $this->table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$value = $this->wpdb->get_var( "SELECT MAX(received_at) FROM {$table}" );
		return is_string( $value ) && '' !== $value ? $value : null;
	}

	/**
	 * A page of rows, newest first.
	 *
	 * @param int         $page     1-based page.
	 * @param int         $per_page Rows per page.
	 * @param string|null $state    Filter.
	 * @return array{items: list<array<string, mixed>>, total: int}
	 */
	public function page( int $page, int $per_page, ?string $state ): array {
		$table  = $this->table();
		$where  = '1=1';
		$params = array();
		if ( null !== $state ) {
			$where    = 'state = %s';
			$params[] = $state;
		}
		$count_sql = "SELECT COUNT(*) FROM {$table} WHERE {$where}";
		$list_sql  = "SELECT * FROM {$table} WHERE {$where} ORDER BY id DESC LIMIT %d OFFSET %d";
		// phpcs:disable WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.NotPrepared
		$total = (int) ( array() === $params ? $this->wpdb->get_var( $count_sql ) : $this->wpdb->get_var( $this->wpdb->prepare( $count_sql, $params ) ) );
		$rows  = $this->wpdb->get_results( $this->wpdb->prepare( $list_sql, array_merge( $params, array( $per_page, max( 0, ( $page - 1 ) * $per_page ) ) ) ), ARRAY_A );
		// phpcs:enable
		return array(
			'items' => is_array( $rows ) ? array_values( $rows ) : array(),
			'total' => $total,
		);
	}

	/**
	 * Deletes processed/ignored/malformed rows older than a date (retention).
	 *
	 * @param string $before UTC datetime.
	 */
	public function prune( string $before ): int {
		$table = $this->table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching
		$result = $this->wpdb->query( $this->wpdb->prepare( "DELETE FROM {$table} WHERE state <> %s AND received_at < %s", self::STATE_RECEIVED, $before ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return false === $result ? 0 : (int) $result;
	}
}
