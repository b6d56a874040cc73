<?php
/**
 * A parsed webhook delivery.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Webhooks;

/**
 * One POST from KiotViet: its Id (the inbox de-duplication key), Attempt, every notification, the
 * flattened events and what was skipped.
 */
final class Delivery {

	public const FORM_ENVELOPE  = 'envelope';
	public const FORM_REMOVE_ID = 'remove_id';

	/**
	 * Delivery Id (GUID), or "sha256:<hash of body>" when the body had none.
	 *
	 * @var string
	 */
	private string $id;

	/**
	 * Whether the id was derived from the body.
	 *
	 * @var bool
	 */
	private bool $id_derived;

	/**
	 * Attempt, ≥ 1.
	 *
	 * @var int
	 */
	private int $attempt;

	/**
	 * Notifications.
	 *
	 * @var list<Notification>
	 */
	private array $notifications;

	/**
	 * Skipped notifications/items.
	 *
	 * @var list<SkippedItem>
	 */
	private array $skipped;

	/**
	 * Body form.
	 *
	 * @var string
	 */
	private string $form;

	/**
	 * Creates the delivery.
	 *
	 * @param string             $id            Id.
	 * @param bool               $id_derived    Whether the id was derived.
	 * @param int                $attempt       Attempt.
	 * @param list<Notification> $notifications Notifications.
	 * @param list<SkippedItem>  $skipped       Skipped.
	 * @param string             $form          FORM_ENVELOPE or FORM_REMOVE_ID.
	 */
	public function __construct( string $id, bool $id_derived, int $attempt, array $notifications, array $skipped, string $form = self::FORM_ENVELOPE ) {
		$this->id            = $id;
		$this->id_derived    = $id_derived;
		$this->attempt       = $attempt;
		$this->notifications = $notifications;
		$this->skipped       = $skipped;
		$this->form          = $form;
	}

	/**
	 * Delivery Id; de-duplication key of the inbox.
	 */
	public function id(): string {
		return $this->id;
	}

	/**
	 * Whether id() was derived from the body because it carried no Id (bare RemoveId form).
	 */
	public function id_derived(): bool {
		return $this->id_derived;
	}

	/**
	 * Attempt number, 1 for the first try.
	 */
	public function attempt(): int {
		return $this->attempt;
	}

	/**
	 * Usable notifications.
	 *
	 * @return list<Notification>
	 */
	public function notifications(): array {
		return $this->notifications;
	}

	/**
	 * All events of all notifications, in body order.
	 *
	 * @return list<Event>
	 */
	public function events(): array {
		$out = array();
		foreach ( $this->notifications as $notification ) {
			foreach ( $notification->events() as $event ) {
				$out[] = $event;
			}
		}
		return $out;
	}

	/**
	 * What could not be used.
	 *
	 * @return list<SkippedItem>
	 */
	public function skipped(): array {
		return $this->skipped;
	}

	/**
	 * FORM_ENVELOPE or FORM_REMOVE_ID (bare {"RemoveId":[…]}).
	 */
	public function form(): string {
		return $this->form;
	}
}
