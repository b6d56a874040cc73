<?php
/**
 * The order push outbox table.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

/**
 * One row per WooCommerce order that should reach KiotViet: `{prefix}kiotviet_sync_order_outbox`
 * (order_id UNIQUE, state waiting|sending|synced|failed|skipped, attempts, next_attempt_at, push_state JSON
 * (Sync\Orders\PushState), kiotviet_id, kiotviet_code, message, origin, timestamps, locked_until).
 *
 * Checkout only inserts (INSERT IGNORE); the queue worker claims a row with an atomic UPDATE on locked_until,
 * so two workers never push the same order at once. Times are UTC DATETIME strings.
 */
final class OrderOutbox {

	public const TABLE = 'kiotviet_sync_order_outbox';

	public const WAITING = 'waiting';
	public const SENDING = 'sending';
	public const SYNCED  = 'synced';
	public const FAILED  = 'failed';
	public const SKIPPED = 'skipped';

	public const ORIGIN_AUTO   = 'auto';
	public const ORIGIN_MANUAL = 'manual';
	public const ORIGIN_RESYNC = 'resync';

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
	 * The CREATE TABLE statement for dbDelta.
	 *
	 * @param string $table   Full table name.
	 * @param string $collate Charset/collation clause.
	 */
	public static function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  order_id bigint(20) unsigned NOT NULL,
  state varchar(16) NOT NULL DEFAULT 'waiting',
  origin varchar(16) NOT NULL DEFAULT 'auto',
  attempts int(11) unsigned NOT NULL DEFAULT 0,
  next_attempt_at datetime NOT NULL,
  push_state longtext DEFAULT NULL,
  kiotviet_id bigint(20) DEFAULT NULL,
  kiotviet_code varchar(64) DEFAULT NULL,
  message text DEFAULT NULL,
  created_at datetime NOT NULL,
  updated_at datetime NOT NULL,
  locked_until datetime NOT NULL DEFAULT '1970-01-01 00:00:00',
  PRIMARY KEY  (id),
  UNIQUE KEY order_id (order_id),
  KEY state_due (state,next_attempt_at),
  KEY kiotviet_code (kiotviet_code)
) {$collate};";
	}

	/**
	 * UTC DATETIME of a timestamp.
	 *
	 * @param int $time Unix time.
	 */
	public static function at( int $time ): string {
		return gmdate( 'Y-m-d H:i:s', $time );
	}

	/**
	 * Adds an order (no-op when it already has a row). Returns whether a row was inserted.
	 *
	 * @param int    $order_id Order id.
	 * @param int    $now      Unix time.
	 * @param string $origin   ORIGIN_*.
	 */
	public function enqueue( int $order_id, int $now, string $origin = self::ORIGIN_AUTO ): bool {
		$at  = self::at( $now );
		$sql = $this->wpdb->prepare(
			"INSERT IGNORE INTO {$this->table()} (order_id, state, origin, attempts, next_attempt_at, created_at, updated_at) VALUES (%d, %s, %s, 0, %s, %s, %s)", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$order_id,
			self::WAITING,
			$origin,
			$at,
			$at,
			$at
		);
		return 1 === (int) $this->wpdb->query( $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery
	}

	/**
	 * Makes an order due now (insert or reset a skipped/failed/waiting row); synced rows stay synced.
	 * Returns false when the order is already synced.
	 *
	 * @param int    $order_id Order id.
	 * @param int    $now      Unix time.
	 * @param string $origin   ORIGIN_*.
	 */
	public function requeue( int $order_id, int $now, string $origin ): bool {
		$this->enqueue( $order_id, $now, $origin );
		$at = self::at( $now );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$this->wpdb->query(
			$this->wpdb->prepare(
				"UPDATE {$this->table()} SET state = %s, origin = %s, attempts = 0, next_attempt_at = %s, updated_at = %s WHERE order_id = %d AND state IN ('waiting','failed','skipped')", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				self::WAITING,
				$origin,
				$at,
				$at,
				$order_id
			)
		);
		$row = $this->get( $order_id );
		return null !== $row && self::SYNCED !== $row['state'];
	}

	/**
	 * Order ids due for a push, oldest due first.
	 *
	 * @param int $limit Most rows.
	 * @param int $now   Unix time.
	 * @return int[]
	 */
	public function due( int $limit, int $now ): array {
		$at = self::at( $now );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$ids = $this->wpdb->get_col(
			$this->wpdb->prepare(
				"SELECT order_id FROM {$this->table()} WHERE state IN (%s, %s) AND next_attempt_at <= %s AND locked_until < %s ORDER BY next_attempt_at ASC, id ASC LIMIT %d", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				self::WAITING,
				self::SENDING,
				$at,
				$at,
				max( 1, $limit )
			)
		);
		return array_map( 'intval', (array) $ids );
	}

	/**
	 * Seconds until the next waiting row is due (0 when one is due now), null when none waits.
	 *
	 * @param int $now Unix time.
	 */
	public function seconds_to_next( int $now ): ?int {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$next = $this->wpdb->get_var(
			$this->wpdb->prepare( "SELECT MIN(next_attempt_at) FROM {$this->table()} WHERE state IN (%s, %s)", self::WAITING, self::SENDING ) // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		);
		if ( null === $next || '' === $next ) {
			return null;
		}
		return max( 0, (int) strtotime( $next . ' UTC' ) - $now );
	}

	/**
	 * Claims an order for one push: atomic, only when no other worker holds it. Creates the row when missing.
	 *
	 * @param int $order_id Order id.
	 * @param int $now      Unix time.
	 * @param int $ttl      Lock lifetime in seconds.
	 */
	public function lock( int $order_id, int $now, int $ttl ): bool {
		$this->enqueue( $order_id, $now, self::ORIGIN_MANUAL );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$changed = $this->wpdb->query(
			$this->wpdb->prepare(
				"UPDATE {$this->table()} SET locked_until = %s, state = IF(state = %s, state, %s) WHERE order_id = %d AND locked_until < %s", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				self::at( $now + max( 1, $ttl ) ),
				self::SYNCED,
				self::SENDING,
				$order_id,
				self::at( $now )
			)
		);
		return 1 === (int) $changed;
	}

	/**
	 * Stores the outcome of an attempt and releases the lock.
	 *
	 * @param int                  $order_id Order id.
	 * @param array<string, mixed> $fields   state, attempts, next_attempt_at (unix), push_state (array), kiotviet_id, kiotviet_code, message.
	 * @param int                  $now      Unix time.
	 */
	public function save( int $order_id, array $fields, int $now ): void {
		$row = array(
			'updated_at'   => self::at( $now ),
			'locked_until' => self::at( 0 ),
		);
		foreach ( array( 'state', 'message', 'kiotviet_code', 'origin' ) as $key ) {
			if ( array_key_exists( $key, $fields ) ) {
				$row[ $key ] = null === $fields[ $key ] ? null : (string) $fields[ $key ];
			}
		}
		if ( array_key_exists( 'attempts', $fields ) ) {
			$row['attempts'] = (int) $fields['attempts'];
		}
		if ( array_key_exists( 'kiotviet_id', $fields ) ) {
			$row['kiotviet_id'] = null === $fields['kiotviet_id'] ? null : (int) $fields['kiotviet_id'];
		}
		if ( array_key_exists( 'next_attempt_at', $fields ) ) {
			$row['next_attempt_at'] = self::at( (int) $fields['next_attempt_at'] );
		}
		if ( array_key_exists( 'push_state', $fields ) ) {
			$row['push_state'] = (string) wp_json_encode( $fields['push_state'] );
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$this->wpdb->update( $this->table(), $row, array( 'order_id' => $order_id ) );
	}

	/**
	 * Releases a lock without changing anything else.
	 *
	 * @param int $order_id Order id.
	 */
	public function unlock( int $order_id ): void {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$this->wpdb->update( $this->table(), array( 'locked_until' => self::at( 0 ) ), array( 'order_id' => $order_id ) );
	}

	/**
	 * One row (push_state decoded), null when the order has none.
	 *
	 * @param int $order_id Order id.
	 * @return array<string, mixed>|null
	 */
	public function get( int $order_id ): ?array {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$row = $this->wpdb->get_row(
			$this->wpdb->prepare( "SELECT * FROM {$this->table()} WHERE order_id = %d", $order_id ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			ARRAY_A
		);
		return is_array( $row ) ? self::decode( $row ) : null;
	}

	/**
	 * Rows of several orders, keyed by order id.
	 *
	 * @param int[] $order_ids Order ids.
	 * @return array<int, array<string, mixed>>
	 */
	public function get_many( array $order_ids ): array {
		$order_ids = array_values( array_filter( array_map( 'intval', $order_ids ) ) );
		if ( array() === $order_ids ) {
			return array();
		}
		$placeholders = implode( ',', array_fill( 0, count( $order_ids ), '%d' ) );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare
		$rows = $this->wpdb->get_results(
			$this->wpdb->prepare( "SELECT * FROM {$this->table()} WHERE order_id IN ({$placeholders})", $order_ids ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			ARRAY_A
		);
		$out = array();
		foreach ( (array) $rows as $row ) {
			$out[ (int) $row['order_id'] ] = self::decode( $row );
		}
		return $out;
	}

	/**
	 * A page of order ids by outbox state (newest order first), with the total.
	 *
	 * @param string[] $states   Outbox states.
	 * @param string   $search   '' or an order id / KiotViet code fragment.
	 * @param int      $page     1-based page.
	 * @param int      $per_page Page size.
	 * @return array{ids: int[], total: int}
	 */
	public function page( array $states, string $search, int $page, int $per_page ): array {
		$where  = array();
		$params = array();
		if ( array() !== $states ) {
			$where[] = 'state IN (' . implode( ',', array_fill( 0, count( $states ), '%s' ) ) . ')';
			$params  = array_merge( $params, $states );
		}
		if ( '' !== $search ) {
			$like    = '%' . $this->wpdb->esc_like( $search ) . '%';
			$where[] = '(kiotviet_code LIKE %s OR order_id = %d)';
			$params[] = $like;
			$params[] = ctype_digit( ltrim( $search, '#' ) ) ? (int) ltrim( $search, '#' ) : 0;
		}
		$clause = array() === $where ? '' : ' WHERE ' . implode( ' AND ', $where );
		$count  = "SELECT COUNT(*) FROM {$this->table()}{$clause}";
		$list   = "SELECT order_id FROM {$this->table()}{$clause} ORDER BY order_id DESC LIMIT %d OFFSET %d";
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		$total = (int) ( array() === $params ? $this->wpdb->get_var( $count ) : $this->wpdb->get_var( $this->wpdb->prepare( $count, $params ) ) );
		$ids   = $this->wpdb->get_col( $this->wpdb->prepare( $list, array_merge( $params, array( max( 1, $per_page ), max( 0, ( $page - 1 ) * $per_page ) ) ) ) );
		// phpcs:enable
		return array(
			'ids'   => array_map( 'intval', (array) $ids ),
			'total' => $total,
		);
	}

	/**
	 * Rows per state.
	 *
	 * @return array<string, int>
	 */
	public function counts(): array {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$rows = $this->wpdb->get_results( "SELECT state, COUNT(*) AS n FROM {$this->table()} GROUP BY state", ARRAY_A );
		$out  = array();
		foreach ( (array) $rows as $row ) {
			$out[ (string) $row['state'] ] = (int) $row['n'];
		}
		return $out;
	}

	/**
	 * Order ids by KiotViet order id.
	 *
	 * @param int $kiotviet_id KiotViet order id.
	 */
	public function order_for_kiotviet_id( int $kiotviet_id ): ?int {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$id = $this->wpdb->get_var(
			$this->wpdb->prepare( "SELECT order_id FROM {$this->table()} WHERE kiotviet_id = %d LIMIT 1", $kiotviet_id ) // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		);
		return null === $id ? null : (int) $id;
	}

	/**
	 * @param array<string, mixed> $row Raw row.
	 * @return array<string, mixed>
	 */
	private static function decode( array $row ): array {
		$state             = json_decode( (string) ( $row['push_state'] ?? '' ), true );
		$row['push_state'] = is_array( $state ) ? $state : array();
		$row['order_id']   = (int) $row['order_id'];
		$row['attempts']   = (int) $row['attempts'];
		$row['kiotviet_id'] = null === $row['kiotviet_id'] ? null : (int) $row['kiotviet_id'];
		return $row;
	}
}
