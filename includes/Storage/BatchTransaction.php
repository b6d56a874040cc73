<?php
/**
 * Database transaction of one import batch.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

/**
 * START TRANSACTION / COMMIT around a batch, with a savepoint per item so one failing product rolls back only
 * itself. When the connection already runs inside a transaction (autocommit off — e.g. the integration
 * tests' per-test transaction, or a caller's own), the batch becomes a savepoint of it instead: a nested
 * START TRANSACTION would silently commit the outer one.
 */
final class BatchTransaction {

	private \wpdb $wpdb;
	private bool $open = false;
	private bool $nested = false;

	public function __construct( \wpdb $wpdb ) {
		$this->wpdb = $wpdb;
	}

	public function begin(): void {
		if ( $this->open ) {
			return;
		}
		$this->nested = '0' === (string) $this->wpdb->get_var( 'SELECT @@autocommit' );
		$this->wpdb->query( $this->nested ? 'SAVEPOINT kvs_batch' : 'START TRANSACTION' );
		$this->open = true;
	}

	public function commit(): void {
		if ( ! $this->open ) {
			return;
		}
		$this->wpdb->query( $this->nested ? 'RELEASE SAVEPOINT kvs_batch' : 'COMMIT' );
		$this->open = false;
	}

	public function rollback(): void {
		if ( ! $this->open ) {
			return;
		}
		$this->wpdb->query( $this->nested ? 'ROLLBACK TO SAVEPOINT kvs_batch' : 'ROLLBACK' );
		$this->open = false;
	}

	public function item_begin(): void {
		if ( $this->open ) {
			$this->wpdb->query( 'SAVEPOINT kvs_item' );
		}
	}

	public function item_commit(): void {
		if ( $this->open ) {
			$this->wpdb->query( 'RELEASE SAVEPOINT kvs_item' );
		}
	}

	public function item_rollback(): void {
		if ( $this->open ) {
			$this->wpdb->query( 'ROLLBACK TO SAVEPOINT kvs_item' );
		}
	}

	public function is_open(): bool {
		return $this->open;
	}
}
