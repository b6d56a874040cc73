<?php
/**
 * One entity change named by a webhook.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Webhooks;

use DateTimeImmutable;

/**
 * One data item of one notification, reduced to what the queue needs: the type, the KiotViet id of
 * the entity (product/category/price book/order id; the ProductId for stock.update and
 * pricebookdetail.*), the branch (stock.update, order.update), the price book (pricebookdetail.*), the
 * ModifiedDate when the payload has one, and the item itself without `__type` hints.
 */
final class Event {

	/**
	 * Event type, e.g. stock.update.
	 *
	 * @var string
	 */
	private string $type;

	/**
	 * Entity id.
	 *
	 * @var int
	 */
	private int $kiotviet_id;

	/**
	 * Branch id.
	 *
	 * @var int|null
	 */
	private ?int $branch_id;

	/**
	 * Price book id (pricebookdetail.*).
	 *
	 * @var int|null
	 */
	private ?int $price_book_id;

	/**
	 * ModifiedDate.
	 *
	 * @var DateTimeImmutable|null
	 */
	private ?DateTimeImmutable $modified_at;

	/**
	 * Item without `__type`.
	 *
	 * @var array<mixed>
	 */
	private array $payload;

	/**
	 * Retailer id from the Action suffix.
	 *
	 * @var int|null
	 */
	private ?int $retailer_id;

	/**
	 * Delivery attempt (1 = first try).
	 *
	 * @var int
	 */
	private int $attempt;

	/**
	 * Creates the event.
	 *
	 * @param string                 $type          Event type.
	 * @param int                    $kiotviet_id   Entity id.
	 * @param int|null               $branch_id     Branch id.
	 * @param int|null               $price_book_id Price book id.
	 * @param DateTimeImmutable|null $modified_at   ModifiedDate.
	 * @param array<mixed>           $payload       Item without `__type`.
	 * @param int|null               $retailer_id   Retailer id.
	 * @param int                    $attempt       Delivery attempt.
	 */
	public function __construct( string $type, int $kiotviet_id, ?int $branch_id, ?int $price_book_id, ?DateTimeImmutable $modified_at, array $payload, ?int $retailer_id = null, int $attempt = 1 ) {
		$this->type          = $type;
		$this->kiotviet_id   = $kiotviet_id;
		$this->branch_id     = $branch_id;
		$this->price_book_id = $price_book_id;
		$this->modified_at   = $modified_at;
		$this->payload       = $payload;
		$this->retailer_id   = $retailer_id;
		$this->attempt       = max( 1, $attempt );
	}

	/**
	 * Event type, e.g. "stock.update", or "unknown.delete" for a bare RemoveId body without a hint.
	 */
	public function type(): string {
		return $this->type;
	}

	/**
	 * KiotViet id of the entity.
	 */
	public function kiotviet_id(): int {
		return $this->kiotviet_id;
	}

	/**
	 * Branch id, when the item names one.
	 */
	public function branch_id(): ?int {
		return $this->branch_id;
	}

	/**
	 * Price book id for pricebookdetail.* events.
	 */
	public function price_book_id(): ?int {
		return $this->price_book_id;
	}

	/**
	 * ModifiedDate, null when absent or unparsable.
	 */
	public function modified_at(): ?DateTimeImmutable {
		return $this->modified_at;
	}

	/**
	 * The item without `__type` keys, keys as sent (read with get() for case-insensitivity).
	 *
	 * @return array<mixed>
	 */
	public function payload(): array {
		return $this->payload;
	}

	/**
	 * A payload field, looked up ignoring key case; null when absent.
	 *
	 * @param string $key Key as documented, e.g. "OnHand".
	 * @return mixed
	 */
	public function get( string $key ) {
		return Json::get( $this->payload, $key );
	}

	/**
	 * Retailer id from the Action suffix, when there was one.
	 */
	public function retailer_id(): ?int {
		return $this->retailer_id;
	}

	/**
	 * Attempt number of the delivery that carried the event.
	 */
	public function attempt(): int {
		return $this->attempt;
	}

	/**
	 * Whether the event deletes its entity.
	 */
	public function is_delete(): bool {
		return WebhookType::is_delete( $this->type );
	}

	/**
	 * Key under which a queue may merge repeated events for one entity (last arrival wins):
	 * "<type>:<id>", plus ":b<branch>" for stock.update and ":pb<book>" for pricebookdetail.*.
	 * Update and delete of one entity keep separate keys so both stay ordered in the queue.
	 */
	public function coalescing_key(): string {
		$key = $this->type . ':' . $this->kiotviet_id;
		if ( WebhookType::STOCK_UPDATE === $this->type ) {
			$key .= ':b' . ( null === $this->branch_id ? '-' : (string) $this->branch_id );
		}
		if ( null !== $this->price_book_id ) {
			$key .= ':pb' . $this->price_book_id;
		}
		return $key;
	}

	/**
	 * SHA-256 of the canonical payload (object keys sorted, `__type` removed): equal for the same
	 * content however KiotViet ordered the keys.
	 */
	public function payload_hash(): string {
		return hash( 'sha256', serialize( Json::canonical( $this->payload ) ) );
	}
}
