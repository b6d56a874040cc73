<?php
/**
 * Activatable contract.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Infrastructure;

/**
 * A service with work to do when the plugin is activated (e.g. creating tables).
 */
interface Activatable {

	/**
	 * Runs on plugin activation.
	 */
	public function activate(): void;
}
