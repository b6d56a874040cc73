<?php
/**
 * Loop guard for writes made by the sync.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\WooCommerce;

use Throwable;

/**
 * While the sync writes to WooCommerce, SyncGuard::is_applying() is true: hooks that turn Woo-side edits into
 * KiotViet pushes or "changed in WooCommerce" markers must ignore those events (our own writes must not echo
 * back). Nestable; always released, also when the write throws.
 */
final class SyncGuard {

	private static int $depth = 0;

	public static function is_applying(): bool {
		return self::$depth > 0;
	}

	/**
	 * Runs $write with the guard up and returns its result.
	 *
	 * @template T
	 * @param callable(): T $write
	 * @return T
	 * @throws Throwable Whatever $write throws.
	 */
	public static function apply( callable $write ) {
		++self::$depth;
		try {
			return $write();
		} finally {
			--self::$depth;
		}
	}

	/** Raises the guard until release() (for code that cannot wrap a callable). */
	public static function enter(): void {
		++self::$depth;
	}

	public static function release(): void {
		self::$depth = max( 0, self::$depth - 1 );
	}
}
