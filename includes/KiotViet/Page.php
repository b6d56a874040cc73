<?php
/**
 * One page of a KiotViet list.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet;

/**
 * Items, removed ids and server timestamp of one list page, plus where it started.
 */
final class Page {

	/**
	 * Items.
	 *
	 * @var array<int, array<mixed>>
	 */
	private array $data;

	/**
	 * Ids deleted since lastModifiedFrom.
	 *
	 * @var int[]
	 */
	private array $removed_ids;

	/**
	 * Server timestamp of the list (store it as the next lastModifiedFrom).
	 *
	 * @var string|null
	 */
	private ?string $timestamp;

	/**
	 * Total matching records, null when the server did not say.
	 *
	 * @var int|null
	 */
	private ?int $total;

	/**
	 * Offset (currentItem) of this page.
	 *
	 * @var int
	 */
	private int $offset;

	/**
	 * Creates the page.
	 *
	 * @param array<int, array<mixed>> $data        Items.
	 * @param int[]                    $removed_ids Removed ids.
	 * @param string|null              $timestamp   Server timestamp.
	 * @param int|null                 $total       Total matching records.
	 * @param int                      $offset      Offset of this page.
	 */
	public function __construct( array $data, array $removed_ids, ?string $timestamp, ?int $total, int $offset ) {
		$this->data        = $data;
		$this->removed_ids = $removed_ids;
		$this->timestamp   = $timestamp;
		$this->total       = $total;
		$this->offset      = $offset;
	}

	/**
	 * Builds a page from a KiotViet list envelope.
	 *
	 * @param array<mixed> $body   Decoded envelope.
	 * @param int          $offset Offset requested.
	 */
	public static function from_envelope( array $body, int $offset ): self {
		$data = array();
		if ( isset( $body['data'] ) && is_array( $body['data'] ) ) {
			foreach ( $body['data'] as $item ) {
				if ( is_array( $item ) ) {
					$data[] = $item;
				}
			}
		}
		$removed = array();
		if ( isset( $body['removedIds'] ) && is_array( $body['removedIds'] ) ) {
			foreach ( $body['removedIds'] as $id ) {
				if ( is_numeric( $id ) ) {
					$removed[] = (int) $id;
				}
			}
		}
		return new self(
			$data,
			$removed,
			isset( $body['timestamp'] ) && is_string( $body['timestamp'] ) ? $body['timestamp'] : null,
			isset( $body['total'] ) && is_numeric( $body['total'] ) ? (int) $body['total'] : null,
			$offset
		);
	}

	/**
	 * Items.
	 *
	 * @return array<int, array<mixed>>
	 */
	public function data(): array {
		return $this->data;
	}

	/**
	 * Removed ids.
	 *
	 * @return int[]
	 */
	public function removed_ids(): array {
		return $this->removed_ids;
	}

	/**
	 * Server timestamp.
	 */
	public function timestamp(): ?string {
		return $this->timestamp;
	}

	/**
	 * Total matching records.
	 */
	public function total(): ?int {
		return $this->total;
	}

	/**
	 * Offset of this page.
	 */
	public function offset(): int {
		return $this->offset;
	}
}
