<?php
/**
 * Sync history table.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

use KiotVietSync\Support\PiiRedactor;
use KiotVietSync\Support\Redactor;

/**
 * Writes and reads {prefix}kiotviet_sync_log. Every message and context passes through the Redactor,
 * so secrets, tokens and Authorization headers never reach the table, and through the PiiRedactor, so
 * customer phone numbers and e-mail addresses are masked at write time.
 *
 * Reading: query() / count() for the history screen (filters by channel, result, date range and a plain-text
 * search of the message; newest first, paginated), export_csv() streams matching rows as CSV, and
 * prune_older_than() enforces the retention period.
 */
final class SyncLog implements SyncLogWriter {

	/**
	 * Table name without the WordPress prefix.
	 */
	public const TABLE = 'kiotviet_sync_log';

	private const MAX_CONTEXT_BYTES = 65535;

	/**
	 * Rows fetched per batch while exporting or pruning.
	 */
	private const BATCH = 500;

	/**
	 * Maximum page size of query().
	 */
	public const MAX_PER_PAGE = 200;

	/**
	 * Columns of the CSV export, in order.
	 */
	public const EXPORT_COLUMNS = array( 'id', 'created_at', 'channel', 'action', 'result', 'level', 'object_type', 'object_id', 'kiotviet_id', 'message' );

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
	 * Customer contact data redactor.
	 *
	 * @var PiiRedactor
	 */
	private PiiRedactor $pii;

	/**
	 * Creates the log.
	 *
	 * @param \wpdb            $wpdb     Database.
	 * @param Redactor         $redactor Redactor.
	 * @param PiiRedactor|null $pii      Contact-data redactor (default: a new one).
	 */
	public function __construct( \wpdb $wpdb, Redactor $redactor, ?PiiRedactor $pii = null ) {
		$this->wpdb     = $wpdb;
		$this->redactor = $redactor;
		$this->pii      = $pii ?? new PiiRedactor();
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
		$row = self::build_row( $this->redactor, $channel, $action, $result, $message, $context, $refs, gmdate( 'Y-m-d H:i:s' ), $this->pii );
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
	 * One page of history rows, newest first.
	 *
	 * Filters: channel, result (exact), from / to (Y-m-d in the site's timezone, inclusive days),
	 * search (plain text matched anywhere in the message; % _ \ ' are literal).
	 *
	 * @param array<string, mixed> $filters  Filters (empty values ignored).
	 * @param int                  $page     Page, from 1.
	 * @param int                  $per_page Rows per page (1–MAX_PER_PAGE).
	 * @return array<int, array<string, mixed>>
	 */
	public function query( array $filters, int $page = 1, int $per_page = 50 ): array {
		$per_page = max( 1, min( self::MAX_PER_PAGE, $per_page ) );
		$page     = max( 1, $page );
		list( $where, $args ) = $this->where( $filters );
		$table  = $this->table();
		$args[] = $per_page;
		$args[] = ( $page - 1 ) * $per_page;
		// The primary key orders the rows: newest first, stable while new rows arrive.
		$sql  = $this->wpdb->prepare( "SELECT id, created_at, level, channel, action, result, object_type, object_id, kiotviet_id, message FROM {$table} WHERE {$where} ORDER BY id DESC LIMIT %d OFFSET %d", $args ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name is ours, $where holds only placeholders.
		$rows = $this->wpdb->get_results( (string) $sql, ARRAY_A );
		return is_array( $rows ) ? $rows : array();
	}

	/**
	 * Number of rows matching the filters (same filters as query()).
	 *
	 * @param array<string, mixed> $filters Filters.
	 */
	public function count( array $filters = array() ): int {
		list( $where, $args ) = $this->where( $filters );
		$table = $this->table();
		$sql   = "SELECT COUNT(*) FROM {$table} WHERE {$where}";
		if ( array() !== $args ) {
			$sql = (string) $this->wpdb->prepare( $sql, $args ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- $where holds only placeholders.
		}
		return (int) $this->wpdb->get_var( $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared above when there are arguments.
	}

	/**
	 * Writes every matching row as CSV to a stream, newest first, in batches (never the whole table in memory).
	 * Cells that a spreadsheet would run as a formula (= + - @, tab, carriage return) are prefixed with '.
	 *
	 * @param array<string, mixed> $filters Filters (as query()).
	 * @param resource             $out     Writable stream.
	 * @param \DateTimeZone|null   $zone    Timezone of the created_at column in the file (default: the site's).
	 * @return int Rows written.
	 */
	public function export_csv( array $filters, $out, ?\DateTimeZone $zone = null ): int {
		$zone = $zone ?? self::site_timezone();
		fputcsv( $out, self::EXPORT_COLUMNS );
		list( $where, $args ) = $this->where( $filters );
		$table   = $this->table();
		$written = 0;
		$before  = PHP_INT_MAX;
		do {
			$batch_args = array_merge( $args, array( $before, self::BATCH ) );
			$sql        = $this->wpdb->prepare( "SELECT id, created_at, channel, action, result, level, object_type, object_id, kiotviet_id, message FROM {$table} WHERE {$where} AND id < %d ORDER BY id DESC LIMIT %d", $batch_args ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name is ours, $where holds only placeholders.
			$rows       = $this->wpdb->get_results( (string) $sql, ARRAY_A );
			$rows       = is_array( $rows ) ? $rows : array();
			foreach ( $rows as $row ) {
				$row['created_at'] = self::local_time( (string) $row['created_at'], $zone );
				$line              = array();
				foreach ( self::EXPORT_COLUMNS as $column ) {
					$line[] = self::csv_cell( isset( $row[ $column ] ) ? (string) $row[ $column ] : '' );
				}
				fputcsv( $out, $line );
				$before = (int) $row['id'];
				++$written;
			}
		} while ( count( $rows ) === self::BATCH );
		return $written;
	}

	/**
	 * Deletes rows older than a number of days, in batches. Returns the number of rows deleted.
	 *
	 * @param int      $days Retention in days (at least 1).
	 * @param int|null $now  Unix time (default: now).
	 */
	public function prune_older_than( int $days, ?int $now = null ): int {
		$days    = max( 1, $days );
		$cutoff  = gmdate( 'Y-m-d H:i:s', ( $now ?? time() ) - $days * 86400 );
		$table   = $this->table();
		$deleted = 0;
		do {
			$sql     = $this->wpdb->prepare( "DELETE FROM {$table} WHERE created_at < %s ORDER BY id LIMIT %d", $cutoff, self::BATCH * 10 ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name is ours.
			$removed = (int) $this->wpdb->query( (string) $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared above.
			$deleted += max( 0, $removed );
		} while ( $removed >= self::BATCH * 10 );
		return $deleted;
	}

	/**
	 * A spreadsheet-safe CSV cell: values a spreadsheet would evaluate get a leading apostrophe (pure).
	 *
	 * @param string $value Cell.
	 */
	public static function csv_cell( string $value ): string {
		if ( '' !== $value && false !== strpos( "=+-@\t\r", $value[0] ) ) {
			return "'" . $value;
		}
		return $value;
	}

	/**
	 * WHERE clause (placeholders only) and its arguments for the filters.
	 *
	 * @param array<string, mixed> $filters Filters.
	 * @return array{0: string, 1: array<int, string|int>}
	 */
	private function where( array $filters ): array {
		$clauses = array( '1=1' );
		$args    = array();
		foreach ( array( 'channel', 'result' ) as $column ) {
			if ( isset( $filters[ $column ] ) && is_string( $filters[ $column ] ) && '' !== $filters[ $column ] ) {
				$clauses[] = "{$column} = %s";
				$args[]    = $filters[ $column ];
			}
		}
		$range = self::utc_range(
			isset( $filters['from'] ) && is_string( $filters['from'] ) ? $filters['from'] : '',
			isset( $filters['to'] ) && is_string( $filters['to'] ) ? $filters['to'] : '',
			self::site_timezone()
		);
		if ( null !== $range[0] ) {
			$clauses[] = 'created_at >= %s';
			$args[]    = $range[0];
		}
		if ( null !== $range[1] ) {
			$clauses[] = 'created_at < %s';
			$args[]    = $range[1];
		}
		if ( isset( $filters['search'] ) && is_string( $filters['search'] ) && '' !== trim( $filters['search'] ) ) {
			$clauses[] = 'message LIKE %s';
			$args[]    = '%' . $this->wpdb->esc_like( trim( $filters['search'] ) ) . '%';
		}
		return array( implode( ' AND ', $clauses ), $args );
	}

	/**
	 * UTC bounds [from inclusive, to exclusive] for inclusive local days (pure, unit-tested).
	 *
	 * @param string        $from Y-m-d or ''.
	 * @param string        $to   Y-m-d or ''.
	 * @param \DateTimeZone $zone Site timezone.
	 * @return array{0: ?string, 1: ?string} UTC Y-m-d H:i:s.
	 */
	public static function utc_range( string $from, string $to, \DateTimeZone $zone ): array {
		$utc   = new \DateTimeZone( 'UTC' );
		$start = null;
		$end   = null;
		if ( self::is_date( $from ) ) {
			$start = ( new \DateTimeImmutable( $from . ' 00:00:00', $zone ) )->setTimezone( $utc )->format( 'Y-m-d H:i:s' );
		}
		if ( self::is_date( $to ) ) {
			$end = ( new \DateTimeImmutable( $to . ' 00:00:00', $zone ) )->modify( '+1 day' )->setTimezone( $utc )->format( 'Y-m-d H:i:s' );
		}
		return array( $start, $end );
	}

	/**
	 * Whether a string is a real Y-m-d date.
	 *
	 * @param string $value Value.
	 */
	public static function is_date( string $value ): bool {
		if ( ! preg_match( '/^(\d{4})-(\d{2})-(\d{2})$/', $value, $m ) ) {
			return false;
		}
		return checkdate( (int) $m[2], (int) $m[3], (int) $m[1] );
	}

	/**
	 * A stored UTC datetime as ISO 8601 in a timezone.
	 *
	 * @param string        $utc  Y-m-d H:i:s (UTC).
	 * @param \DateTimeZone $zone Target timezone.
	 */
	public static function local_time( string $utc, \DateTimeZone $zone ): string {
		try {
			return ( new \DateTimeImmutable( $utc, new \DateTimeZone( 'UTC' ) ) )->setTimezone( $zone )->format( 'c' );
		} catch ( \Exception $e ) {
			unset( $e );
			return $utc;
		}
	}

	/**
	 * The site's timezone (UTC outside WordPress).
	 */
	private static function site_timezone(): \DateTimeZone {
		return function_exists( 'wp_timezone' ) ? wp_timezone() : new \DateTimeZone( 'UTC' );
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
	 * @param PiiRedactor|null     $pii      Contact-data redactor (default: a new one).
	 * @return array<string, int|string|null>
	 */
	public static function build_row( Redactor $redactor, string $channel, string $action, string $result, string $message, array $context, array $refs, string $now, ?PiiRedactor $pii = null ): array {
		$pii = $pii ?? new PiiRedactor();
		if ( ! in_array( $result, array( self::RESULT_OK, self::RESULT_ERROR, self::RESULT_SKIPPED ), true ) ) {
			$result = self::RESULT_ERROR;
		}
		$level = isset( $refs['level'] ) && is_string( $refs['level'] ) ? $refs['level'] : self::level_for( $result );

		$context_json = null;
		if ( array() !== $context ) {
			$encoded = json_encode( $pii->redact( $redactor->redact( $context ) ), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PARTIAL_OUTPUT_ON_ERROR ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- unit-tested without WordPress.
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
			'message'     => $pii->redact_string( $redactor->redact_string( $message ) ),
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
