<?php
/**
 * Registerable contract.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Infrastructure;

/**
 * A feature that adds its WordPress hooks in register(); Plugin calls it once at boot.
 */
interface Registerable {

	/**
	 * Adds the feature's actions and filters. Must not do any work beyond that.
	 */
	public function register(): void;
}
