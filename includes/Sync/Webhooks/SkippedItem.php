<?php
/**
 * A notification or data item the parser could not use.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Webhooks;

/**
 * Where (notification index, item index or null for the whole notification) and why. Recorded with
 * the delivery; the rest of the delivery is still processed.
 */
final class SkippedItem {

	public const NOTIFICATION_NOT_OBJECT = 'notification_not_object';
	public const NO_ACTION               = 'no_action';
	public const UNKNOWN_TYPE            = 'unknown_type';
	public const UNSUPPORTED_TYPE        = 'unsupported_type';
	public const NO_DATA                 = 'no_data';
	public const ITEM_NOT_OBJECT         = 'item_not_object';
	public const BAD_ID                  = 'bad_id';
	public const BAD_BRANCH_ID           = 'bad_branch_id';
	public const BAD_PRICE_BOOK_ID       = 'bad_price_book_id';

	/**
	 * Index in Notifications.
	 *
	 * @var int
	 */
	private int $notification;

	/**
	 * Index in Data, null when the whole notification was skipped.
	 *
	 * @var int|null
	 */
	private ?int $item;

	/**
	 * Reason code.
	 *
	 * @var string
	 */
	private string $reason;

	/**
	 * Type, when known.
	 *
	 * @var string
	 */
	private string $type;

	/**
	 * Creates the record.
	 *
	 * @param int      $notification Notification index.
	 * @param int|null $item         Item index or null.
	 * @param string   $reason       Reason code.
	 * @param string   $type         Type or ''.
	 */
	public function __construct( int $notification, ?int $item, string $reason, string $type = '' ) {
		$this->notification = $notification;
		$this->item         = $item;
		$this->reason       = $reason;
		$this->type         = $type;
	}

	/**
	 * Notification index.
	 */
	public function notification(): int {
		return $this->notification;
	}

	/**
	 * Item index, null for a whole notification.
	 */
	public function item(): ?int {
		return $this->item;
	}

	/**
	 * Reason code.
	 */
	public function reason(): string {
		return $this->reason;
	}

	/**
	 * Event type or '' when unknown.
	 */
	public function type(): string {
		return $this->type;
	}

	/**
	 * Loggable form.
	 *
	 * @return array{notification: int, item: int|null, reason: string, type: string}
	 */
	public function to_array(): array {
		return array(
			'notification' => $this->notification,
			'item'         => $this->item,
			'reason'       => $this->reason,
			'type'         => $this->type,
		);
	}
}
