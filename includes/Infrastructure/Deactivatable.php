<?php
/**
 * Deactivatable contract.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Infrastructure;

/**
 * A service with work to undo when the plugin is deactivated (e.g. scheduled jobs).
 */
interface Deactivatable {

	/**
	 * Runs on plugin deactivation.
	 */
	public function deactivate(): void;
}
