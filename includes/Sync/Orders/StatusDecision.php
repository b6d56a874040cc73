<?php
/**
 * Whether and how an order.update webhook moves a Woo order.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

/**
 * Target Woo status (null = leave the order alone) and an English reason for the history.
 */
final class StatusDecision {

	private ?string $target;
	private string $reason;
	private bool $known;

	public function __construct( ?string $target, string $reason, bool $known ) {
		$this->target = $target;
		$this->reason = $reason;
		$this->known  = $known;
	}

	/** Woo status without "wc-", or null for no change. Never "pending". */
	public function target(): ?string {
		return $this->target;
	}

	public function changes(): bool {
		return null !== $this->target;
	}

	/**
	 * Moving to cancelled: the adapter must use WC_Order::update_status() (not a direct write) so WooCommerce
	 * restores the stock it reduced.
	 */
	public function restocks(): bool {
		return 'cancelled' === $this->target;
	}

	/** False when the KiotViet status was not recognised (log it as a warning). */
	public function is_known_status(): bool {
		return $this->known;
	}

	public function reason(): string {
		return $this->reason;
	}
}
