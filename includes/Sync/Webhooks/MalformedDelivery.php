<?php
/**
 * A webhook body that cannot be used.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Webhooks;

use RuntimeException;

/**
 * Thrown by DeliveryParser when the body as a whole is unusable. The receiver records it and answers
 * 2xx (ResponsePolicy); nothing is applied. The message never contains body content.
 */
final class MalformedDelivery extends RuntimeException {

	public const EMPTY_BODY       = 'empty';
	public const OVERSIZED        = 'oversized';
	public const NOT_JSON         = 'not_json';
	public const INVALID_UTF8     = 'invalid_utf8';
	public const TOO_DEEP         = 'too_deep';
	public const NOT_OBJECT       = 'not_object';
	public const NO_NOTIFICATIONS = 'no_notifications';
	public const WRONG_TYPE       = 'wrong_type';
	public const TOO_MANY_ITEMS   = 'too_many_items';

	/**
	 * Reason code (one of the constants).
	 *
	 * @var string
	 */
	private string $reason;

	/**
	 * Creates the error.
	 *
	 * @param string $reason Reason code.
	 * @param string $detail Short technical detail without body content, e.g. the field name.
	 */
	public function __construct( string $reason, string $detail = '' ) {
		parent::__construct( '' === $detail ? $reason : $reason . ': ' . $detail );
		$this->reason = $reason;
	}

	/**
	 * Reason code.
	 */
	public function reason(): string {
		return $this->reason;
	}
}
