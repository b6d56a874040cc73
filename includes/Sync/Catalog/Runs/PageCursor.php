<?php
/**
 * Offset paging that survives deletions while paging.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog\Runs;

/**
 * KiotViet lists page by offset (currentItem). Ordered by id ascending, items created while paging land at
 * the end and never shift earlier positions; deletions shift later items to the left, which would make the
 * next page skip items. When the reported total drops between pages we step the offset back by the drop
 * (re-reading a few items is harmless: the cache upserts). Whatever still slips through (a delete plus a
 * create between two pages) is caught by the incremental catch-up pass that follows a full fetch.
 */
final class PageCursor {

	/**
	 * Next offset and whether paging is finished.
	 *
	 * @param int      $offset     Offset of the page just read.
	 * @param int      $count      Items on that page.
	 * @param int|null $total      Total reported by that page.
	 * @param int|null $prev_total Total reported by the previous page (null on the first).
	 * @return array{0: int, 1: bool} [next offset, done]
	 */
	public static function advance( int $offset, int $count, ?int $total, ?int $prev_total ): array {
		if ( 0 === $count ) {
			return array( $offset, true );
		}
		$next = $offset + $count;
		if ( null !== $prev_total && null !== $total && $total < $prev_total ) {
			$next = max( 0, $next - ( $prev_total - $total ) );
		}
		if ( null !== $total && $offset + $count >= $total ) {
			return array( $next, true );
		}
		return array( $next, false );
	}
}
