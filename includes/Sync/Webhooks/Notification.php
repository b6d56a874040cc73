<?php
/**
 * One entry of a delivery's Notifications.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Webhooks;

/**
 * A notification the parser understood: its type (Action minus ".<retailerId>"), the retailer id and
 * the events made from its Data items (items that could not be used are in Delivery::skipped()).
 */
final class Notification {

	/**
	 * Event type.
	 *
	 * @var string
	 */
	private string $type;

	/**
	 * Action as sent.
	 *
	 * @var string
	 */
	private string $action;

	/**
	 * Retailer id.
	 *
	 * @var int|null
	 */
	private ?int $retailer_id;

	/**
	 * Data items as arrays (an id item becomes ["Id" => id]).
	 *
	 * @var list<array<mixed>>
	 */
	private array $items;

	/**
	 * Events.
	 *
	 * @var list<Event>
	 */
	private array $events;

	/**
	 * Creates the notification.
	 *
	 * @param string             $type        Event type.
	 * @param string             $action      Action as sent.
	 * @param int|null           $retailer_id Retailer id.
	 * @param list<array<mixed>> $items       Items.
	 * @param list<Event>        $events      Events.
	 */
	public function __construct( string $type, string $action, ?int $retailer_id, array $items, array $events ) {
		$this->type        = $type;
		$this->action      = $action;
		$this->retailer_id = $retailer_id;
		$this->items       = $items;
		$this->events      = $events;
	}

	/**
	 * Event type.
	 */
	public function type(): string {
		return $this->type;
	}

	/**
	 * Action as sent, e.g. "stock.update.925719".
	 */
	public function action(): string {
		return $this->action;
	}

	/**
	 * Retailer id from the Action suffix.
	 */
	public function retailer_id(): ?int {
		return $this->retailer_id;
	}

	/**
	 * Data items as arrays, `__type` removed.
	 *
	 * @return list<array<mixed>>
	 */
	public function items(): array {
		return $this->items;
	}

	/**
	 * Events made from the usable items.
	 *
	 * @return list<Event>
	 */
	public function events(): array {
		return $this->events;
	}
}
