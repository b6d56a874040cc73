<?php
/**
 * Cuts import batches without splitting variant families.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog\Runs;

/**
 * Pure batching for the import run. Rows arrive in family order (all rows of one family_id together); a
 * batch takes whole families while it stays within the limit, and always at least one family (a family
 * bigger than the limit is one batch). Within a family, rows keep their order (master first).
 */
final class FamilyBatcher {

	/**
	 * The next batch.
	 *
	 * @param array<int, array{kv_id: int, family_id: int}> $rows  Rows in family order (may include a partial last family only if $complete is false).
	 * @param int                                          $limit Maximum rows per batch (families never split).
	 * @param bool                                         $complete Whether the last family in $rows is complete (false: the source had more rows).
	 * @return array{0: array<int, array{kv_id: int, family_id: int}>, 1: int|null} [batch rows, last family id in the batch]
	 */
	public static function next( array $rows, int $limit, bool $complete = true ): array {
		$groups = array();
		$order  = array();
		foreach ( $rows as $row ) {
			$family = (int) $row['family_id'];
			if ( ! isset( $groups[ $family ] ) ) {
				$groups[ $family ] = array();
				$order[]           = $family;
			}
			$groups[ $family ][] = $row;
		}
		if ( ! $complete && count( $order ) > 1 ) {
			// The last family may continue beyond $rows: leave it for the next batch.
			array_pop( $order );
		}
		$batch = array();
		$last  = null;
		foreach ( $order as $family ) {
			$size = count( $groups[ $family ] );
			if ( array() !== $batch && count( $batch ) + $size > $limit ) {
				break;
			}
			foreach ( $groups[ $family ] as $row ) {
				$batch[] = $row;
			}
			$last = $family;
		}
		return array( $batch, $last );
	}

	/**
	 * Every batch of a full list (tests, previews).
	 *
	 * @param array<int, array{kv_id: int, family_id: int}> $rows  Rows in family order.
	 * @param int                                          $limit Limit.
	 * @return array<int, array<int, array{kv_id: int, family_id: int}>>
	 */
	public static function all( array $rows, int $limit ): array {
		$out = array();
		while ( array() !== $rows ) {
			list( $batch ) = self::next( $rows, $limit );
			$out[]         = $batch;
			$rows          = array_slice( $rows, count( $batch ) );
		}
		return $out;
	}
}
