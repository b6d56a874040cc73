<?php
/**
 * A rule-level reason why an order cannot be pushed as it is.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

/**
 * Permanent failure found before anything is sent (deleted product that KiotViet does not know, unsupported
 * currency, missing shipping surcharge…). Retrying without a change by the merchant cannot help, so the
 * caller stops and shows the message on the order and in the history. English message; translated later.
 */
final class OrderSyncException extends \RuntimeException {

	public const UNSUPPORTED_CURRENCY = 'unsupported_currency';
	public const UNRESOLVED_LINE      = 'unresolved_line';
	public const DELETED_PRODUCT      = 'deleted_product';
	public const MISSING_SURCHARGE    = 'missing_surcharge';

	private string $reason;

	public function __construct( string $reason, string $message ) {
		parent::__construct( $message );
		$this->reason = $reason;
	}

	/** One of the class constants. */
	public function reason(): string {
		return $this->reason;
	}
}
