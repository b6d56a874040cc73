<?php
/**
 * Background runs table.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

use KiotVietSync\Sync\Catalog\Runs\Run;

/**
 * Reads and writes {prefix}kiotviet_sync_runs. "One run at a time" is enforced here: start() takes a MySQL
 * named lock (GET_LOCK) around "no active run? insert", and claim() is an atomic UPDATE that hands a run to
 * exactly one worker — a run whose lock holder stopped heart-beating for longer than the stall limit can be
 * claimed again (the worker crashed or was killed), which makes runs resumable.
 */
final class RunRepository {

	public const TABLE = 'kiotviet_sync_runs';

	private const CREATE_LOCK = 'kiotviet_sync_run_create';

	private \wpdb $wpdb;

	public function __construct( \wpdb $wpdb ) {
		$this->wpdb = $wpdb;
	}

	public function table(): string {
		return $this->wpdb->prefix . self::TABLE;
	}

	/**
	 * Inserts a run unless another run is active. Returns the saved run, or the active run that blocked it
	 * (compare ids/kinds: a blocked start returns a run with another id).
	 *
	 * @return array{0: bool, 1: Run} [started, run]
	 */
	public function start( Run $run ): array {
		$this->wpdb->get_var( $this->wpdb->prepare( 'SELECT GET_LOCK(%s, %d)', $this->lock_name(), 10 ) );
		try {
			$active = $this->active();
			if ( null !== $active ) {
				return array( false, $active );
			}
			$this->wpdb->insert( $this->table(), $this->row( $run ) );
			$saved = $run->with_id( (int) $this->wpdb->insert_id );
			return array( true, $saved );
		} finally {
			$this->wpdb->get_var( $this->wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $this->lock_name() ) );
		}
	}

	/** Named lock, per database and table prefix (several sites may share a MySQL server). */
	private function lock_name(): string {
		return substr( self::CREATE_LOCK . '_' . md5( ( defined( 'DB_NAME' ) ? (string) constant( 'DB_NAME' ) : '' ) . '|' . $this->wpdb->prefix ), 0, 64 );
	}

	/** Saves every field except the lock. */
	public function save( Run $run ): void {
		$row = $this->row( $run );
		unset( $row['lock_token'] );
		$this->wpdb->update( $this->table(), $row, array( 'id' => $run->id() ) );
	}

	public function find( int $id ): ?Run {
		$row = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$this->table()} WHERE id = %d", $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return is_array( $row ) ? self::hydrate( $row ) : null;
	}

	/** The active (queued, running or paused) run, oldest first. */
	public function active(): ?Run {
		$states = "'" . implode( "','", Run::ACTIVE_STATES ) . "'";
		$row    = $this->wpdb->get_row( "SELECT * FROM {$this->table()} WHERE state IN ({$states}) ORDER BY id ASC LIMIT 1", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL
		return is_array( $row ) ? self::hydrate( $row ) : null;
	}

	/** The most recent run of any state. */
	public function latest(): ?Run {
		$row = $this->wpdb->get_row( "SELECT * FROM {$this->table()} ORDER BY id DESC LIMIT 1", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL
		return is_array( $row ) ? self::hydrate( $row ) : null;
	}

	/** The last finished run of a kind. */
	public function last_done( string $kind ): ?Run {
		$row = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$this->table()} WHERE kind = %s AND state = %s ORDER BY id DESC LIMIT 1", $kind, Run::DONE ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return is_array( $row ) ? self::hydrate( $row ) : null;
	}

	/**
	 * Atomically hands the run to one worker: succeeds when the run is runnable and unlocked, or its lock
	 * holder's heartbeat is older than $stall_before.
	 *
	 * @param int    $id           Run id.
	 * @param string $token        Worker token.
	 * @param int    $now          Unix time.
	 * @param int    $stall_before Unix time; heartbeats older than this are stale.
	 */
	public function claim( int $id, string $token, int $now, int $stall_before ): bool {
		$states = "'" . implode( "','", Run::RUNNABLE_STATES ) . "'";
		$sql    = $this->wpdb->prepare(
			"UPDATE {$this->table()} SET lock_token = %s, heartbeat_at = %s WHERE id = %d AND state IN ({$states}) AND ( lock_token IS NULL OR heartbeat_at IS NULL OR heartbeat_at < %s )", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$token,
			gmdate( 'Y-m-d H:i:s', $now ),
			$id,
			gmdate( 'Y-m-d H:i:s', $stall_before )
		);
		return 1 === (int) $this->wpdb->query( $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/** Releases the lock if this worker still holds it. */
	public function release( int $id, string $token ): void {
		$this->wpdb->query( $this->wpdb->prepare( "UPDATE {$this->table()} SET lock_token = NULL WHERE id = %d AND lock_token = %s", $id, $token ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/** Whether this worker still holds the lock (another worker may have taken over a stalled run). */
	public function holds( int $id, string $token ): bool {
		return $token === $this->wpdb->get_var( $this->wpdb->prepare( "SELECT lock_token FROM {$this->table()} WHERE id = %d", $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/** Sets the heartbeat (tests use it to simulate a crashed worker). */
	public function set_heartbeat( int $id, int $time ): void {
		$this->wpdb->update( $this->table(), array( 'heartbeat_at' => gmdate( 'Y-m-d H:i:s', $time ) ), array( 'id' => $id ) );
	}

	/**
	 * Table row of a run.
	 *
	 * @return array<string, mixed>
	 */
	private function row( Run $run ): array {
		return array(
			'kind'         => $run->kind(),
			'retailer'     => $run->retailer(),
			'state'        => $run->state(),
			'phase'        => $run->phase(),
			'checkpoint'   => (string) wp_json_encode( (object) $run->cursor() ),
			'phases'       => (string) wp_json_encode( $run->phases() ),
			'counts'       => (string) wp_json_encode( $run->counts() ),
			'message'      => $run->message(),
			'lock_token'   => $run->lock_token(),
			'steps'        => $run->steps(),
			'started_at'   => gmdate( 'Y-m-d H:i:s', $run->started_at() ),
			'updated_at'   => gmdate( 'Y-m-d H:i:s', $run->updated_at() ),
			'heartbeat_at' => null === $run->heartbeat_at() ? null : gmdate( 'Y-m-d H:i:s', (int) $run->heartbeat_at() ),
			'finished_at'  => null === $run->finished_at() ? null : gmdate( 'Y-m-d H:i:s', (int) $run->finished_at() ),
		);
	}

	/**
	 * Run from a row.
	 *
	 * @param array<string, mixed> $row Row.
	 */
	private static function hydrate( array $row ): Run {
		$cursor = json_decode( (string) ( $row['checkpoint'] ?? '' ), true );
		$phases = json_decode( (string) ( $row['phases'] ?? '' ), true );
		$counts = json_decode( (string) ( $row['counts'] ?? '' ), true );
		return new Run(
			(int) $row['id'],
			(string) $row['kind'],
			(string) $row['retailer'],
			(string) $row['state'],
			(string) $row['phase'],
			is_array( $cursor ) ? $cursor : array(),
			is_array( $phases ) ? $phases : array(),
			is_array( $counts ) ? array_map( 'intval', $counts ) : array(),
			null === $row['message'] ? null : (string) $row['message'],
			(int) $row['steps'],
			self::time( $row['started_at'] ) ?? 0,
			self::time( $row['updated_at'] ) ?? 0,
			self::time( $row['heartbeat_at'] ),
			self::time( $row['finished_at'] ),
			null === $row['lock_token'] ? null : (string) $row['lock_token']
		);
	}

	/**
	 * Unix time of a UTC DATETIME.
	 *
	 * @param mixed $value Value.
	 */
	private static function time( $value ): ?int {
		if ( null === $value || '' === $value || '0000-00-00 00:00:00' === $value ) {
			return null;
		}
		$t = strtotime( (string) $value . ' UTC' );
		return false === $t ? null : $t;
	}
}
