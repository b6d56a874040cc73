<?php
/**
 * Webhook body parser.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Webhooks;

use JsonException;

/**
 * Turns a raw webhook body (kiotviet-api.md §6.5) into a Delivery of item-level events.
 *
 * - Envelope `{"Id","Attempt","Notifications":[{"Action":"<type>.<retailerId>","Data":[…]}]}`; every
 *   notification and every Data item is read (not just Notifications[0]).
 * - Bare delete form `{"RemoveId":[…]}`: no type in the body, so the caller may pass a type hint
 *   (e.g. from its own URL); without one the events have type "unknown.delete".
 * - Keys are looked up ignoring case (`PricebookId` = `PriceBookId`), `__type` hints are dropped.
 * - Whole-body problems throw MalformedDelivery: empty, over max bytes, not JSON / invalid UTF-8 /
 *   nested deeper than max depth, not an object, no Notifications (and no RemoveId), wrong envelope
 *   types, more than max events. Problems of one notification or item are recorded as SkippedItem
 *   and the rest is still used.
 * - Big integers are decoded as strings and only accepted as ids when they fit in PHP_INT_MAX.
 */
final class DeliveryParser {

	public const DEFAULT_MAX_BYTES  = 5242880;
	public const DEFAULT_MAX_EVENTS = 5000;
	public const DEFAULT_MAX_DEPTH  = 64;

	/**
	 * Body size limit in bytes.
	 *
	 * @var int
	 */
	private int $max_bytes;

	/**
	 * Event (and Data item) limit per delivery.
	 *
	 * @var int
	 */
	private int $max_events;

	/**
	 * JSON nesting limit.
	 *
	 * @var int<1, max>
	 */
	private int $max_depth;

	/**
	 * Creates the parser.
	 *
	 * @param int $max_bytes  Body size limit.
	 * @param int $max_events Event limit per delivery.
	 * @param int $max_depth  JSON nesting limit.
	 */
	public function __construct( int $max_bytes = self::DEFAULT_MAX_BYTES, int $max_events = self::DEFAULT_MAX_EVENTS, int $max_depth = self::DEFAULT_MAX_DEPTH ) {
		$this->max_bytes  = max( 1, $max_bytes );
		$this->max_events = max( 1, $max_events );
		$this->max_depth  = max( 4, $max_depth );
	}

	/**
	 * Parses the body.
	 *
	 * @param string      $raw_body  Exact request body.
	 * @param string|null $type_hint Delete type for the bare RemoveId form (e.g. "product.delete").
	 * @throws MalformedDelivery When the body as a whole is unusable.
	 */
	public function parse( string $raw_body, ?string $type_hint = null ): Delivery {
		if ( strlen( $raw_body ) > $this->max_bytes ) {
			throw new MalformedDelivery( MalformedDelivery::OVERSIZED, strlen( $raw_body ) . ' bytes' );
		}
		$body = $raw_body;
		if ( 0 === strpos( $body, "\xEF\xBB\xBF" ) ) {
			$body = (string) substr( $body, 3 );
		}
		$body = trim( $body );
		if ( '' === $body ) {
			throw new MalformedDelivery( MalformedDelivery::EMPTY_BODY );
		}
		$root = $this->decode( $body );
		if ( '{' !== $body[0] || ! Json::is_object( $root ) ) {
			throw new MalformedDelivery( MalformedDelivery::NOT_OBJECT );
		}

		$id_value = Json::get( $root, 'Id' );
		if ( null === $id_value ) {
			$id         = 'sha256:' . hash( 'sha256', $raw_body );
			$id_derived = true;
		} else {
			$id         = $this->delivery_id( $id_value );
			$id_derived = false;
		}
		$attempt = $this->attempt( Json::get( $root, 'Attempt' ) );

		if ( ! Json::has( $root, 'Notifications' ) ) {
			$remove = Json::has( $root, 'RemoveId' ) ? Json::get( $root, 'RemoveId' ) : Json::get( $root, 'RemoveIds' );
			if ( null === $remove ) {
				throw new MalformedDelivery( MalformedDelivery::NO_NOTIFICATIONS );
			}
			return $this->remove_id_form( $remove, $type_hint, $id, $id_derived, $attempt );
		}

		$notifications = Json::get( $root, 'Notifications' );
		if ( ! Json::is_list( $notifications ) ) {
			throw new MalformedDelivery( MalformedDelivery::WRONG_TYPE, 'Notifications' );
		}

		$parsed  = array();
		$skipped = array();
		$count   = 0;
		foreach ( $notifications as $index => $raw ) {
			$notification = $this->notification( (int) $index, $raw, $attempt, $skipped, $count );
			if ( null !== $notification ) {
				$parsed[] = $notification;
			}
		}
		return new Delivery( $id, $id_derived, $attempt, $parsed, $skipped, Delivery::FORM_ENVELOPE );
	}

	/**
	 * Decodes JSON into arrays, big integers as strings.
	 *
	 * @param string $body Trimmed body.
	 * @return mixed
	 * @throws MalformedDelivery On any JSON error.
	 */
	private function decode( string $body ) {
		try {
			return json_decode( $body, true, $this->max_depth, JSON_BIGINT_AS_STRING | JSON_THROW_ON_ERROR );
		} catch ( JsonException $e ) {
			if ( JSON_ERROR_UTF8 === $e->getCode() || JSON_ERROR_UTF16 === $e->getCode() ) {
				throw new MalformedDelivery( MalformedDelivery::INVALID_UTF8 );
			}
			if ( JSON_ERROR_DEPTH === $e->getCode() ) {
				throw new MalformedDelivery( MalformedDelivery::TOO_DEEP );
			}
			throw new MalformedDelivery( MalformedDelivery::NOT_JSON );
		}
	}

	/**
	 * Validated delivery Id.
	 *
	 * @param mixed $value Raw Id.
	 * @throws MalformedDelivery When it is not a short token.
	 */
	private function delivery_id( $value ): string {
		if ( is_int( $value ) && $value > 0 ) {
			return (string) $value;
		}
		if ( is_string( $value ) ) {
			$value = trim( $value );
			if ( 1 === preg_match( '/^[A-Za-z0-9{][A-Za-z0-9._:{}-]{0,127}$/', $value ) ) {
				return $value;
			}
		}
		throw new MalformedDelivery( MalformedDelivery::WRONG_TYPE, 'Id' );
	}

	/**
	 * Validated Attempt; absent → 1.
	 *
	 * @param mixed $value Raw Attempt.
	 * @throws MalformedDelivery When it is not a small positive integer.
	 */
	private function attempt( $value ): int {
		if ( null === $value ) {
			return 1;
		}
		if ( is_string( $value ) && 1 === preg_match( '/^[0-9]{1,6}$/', $value ) ) {
			$value = (int) $value;
		}
		if ( is_int( $value ) && $value >= 0 && $value <= 1000000 ) {
			return max( 1, $value );
		}
		throw new MalformedDelivery( MalformedDelivery::WRONG_TYPE, 'Attempt' );
	}

	/**
	 * The bare `{"RemoveId":[…]}` form.
	 *
	 * @param mixed       $remove     RemoveId value.
	 * @param string|null $type_hint  Delete type hint.
	 * @param string      $id         Delivery id.
	 * @param bool        $id_derived Whether derived.
	 * @param int         $attempt    Attempt.
	 * @throws MalformedDelivery When RemoveId is not a list or too long.
	 */
	private function remove_id_form( $remove, ?string $type_hint, string $id, bool $id_derived, int $attempt ): Delivery {
		if ( ! Json::is_list( $remove ) ) {
			throw new MalformedDelivery( MalformedDelivery::WRONG_TYPE, 'RemoveId' );
		}
		$type = WebhookType::UNKNOWN_DELETE;
		if ( null !== $type_hint ) {
			$hint = strtolower( trim( $type_hint ) );
			if ( WebhookType::is_wanted( $hint ) && WebhookType::is_delete( $hint ) && WebhookType::PRICEBOOKDETAIL_DELETE !== $hint ) {
				$type = $hint;
			}
		}
		$skipped = array();
		$count   = 0;
		$result  = $this->items( 0, $type, $type, null, $remove, $attempt, $skipped, $count );
		return new Delivery( $id, $id_derived, $attempt, array( $result ), $skipped, Delivery::FORM_REMOVE_ID );
	}

	/**
	 * One notification, or null when it was skipped as a whole.
	 *
	 * @param int               $index   Notification index.
	 * @param mixed             $raw     Raw notification.
	 * @param int               $attempt Attempt.
	 * @param list<SkippedItem> $skipped Collects skips.
	 * @param int               $count   Running event count.
	 */
	private function notification( int $index, $raw, int $attempt, array &$skipped, int &$count ): ?Notification {
		if ( ! Json::is_object( $raw ) || array() === $raw ) {
			$skipped[] = new SkippedItem( $index, null, SkippedItem::NOTIFICATION_NOT_OBJECT );
			return null;
		}
		$action = Json::get( $raw, 'Action' );
		if ( ! is_string( $action ) || '' === trim( $action ) ) {
			$skipped[] = new SkippedItem( $index, null, SkippedItem::NO_ACTION );
			return null;
		}
		$match = WebhookType::parse_action( $action );
		if ( null === $match ) {
			$skipped[] = new SkippedItem( $index, null, SkippedItem::UNKNOWN_TYPE );
			return null;
		}
		list( $type, $retailer_id ) = $match;
		if ( ! WebhookType::is_wanted( $type ) ) {
			$skipped[] = new SkippedItem( $index, null, SkippedItem::UNSUPPORTED_TYPE, $type );
			return null;
		}
		$data = Json::get( $raw, 'Data' );
		if ( Json::is_object( $data ) && array() !== $data ) {
			$remove = Json::get( $data, 'RemoveId' );
			$data   = WebhookType::is_delete( $type ) && Json::is_list( $remove ) ? $remove : array( $data );
		}
		if ( ! Json::is_list( $data ) ) {
			$skipped[] = new SkippedItem( $index, null, SkippedItem::NO_DATA, $type );
			return null;
		}
		return $this->items( $index, $type, $action, $retailer_id, $data, $attempt, $skipped, $count );
	}

	/**
	 * Events of one notification's Data list.
	 *
	 * @param int               $index       Notification index.
	 * @param string            $type        Event type.
	 * @param string            $action      Action as sent.
	 * @param int|null          $retailer_id Retailer id.
	 * @param list<mixed>       $data        Data items.
	 * @param int               $attempt     Attempt.
	 * @param list<SkippedItem> $skipped     Collects skips.
	 * @param int               $count       Running event count.
	 * @throws MalformedDelivery Over the event limit.
	 */
	private function items( int $index, string $type, string $action, ?int $retailer_id, array $data, int $attempt, array &$skipped, int &$count ): Notification {
		if ( $count + count( $data ) > $this->max_events ) {
			throw new MalformedDelivery( MalformedDelivery::TOO_MANY_ITEMS );
		}
		$items  = array();
		$events = array();
		foreach ( $data as $item_index => $item ) {
			$made = $this->item_events( $type, $item, $retailer_id, $attempt );
			if ( is_string( $made ) ) {
				$skipped[] = new SkippedItem( $index, (int) $item_index, $made, $type );
				continue;
			}
			list( $clean, $item_events, $item_skips ) = $made;
			foreach ( $item_skips as $reason ) {
				$skipped[] = new SkippedItem( $index, (int) $item_index, $reason, $type );
			}
			$items[] = $clean;
			foreach ( $item_events as $event ) {
				$events[] = $event;
			}
			$count += count( $item_events );
			if ( $count > $this->max_events ) {
				throw new MalformedDelivery( MalformedDelivery::TOO_MANY_ITEMS );
			}
		}
		return new Notification( $type, $action, $retailer_id, $items, $events );
	}

	/**
	 * Events of one Data item, or a skip reason.
	 *
	 * @param string   $type        Event type.
	 * @param mixed    $item        Raw item.
	 * @param int|null $retailer_id Retailer id.
	 * @param int      $attempt     Attempt.
	 * @return array{0: array<mixed>, 1: list<Event>, 2: list<string>}|string
	 */
	private function item_events( string $type, $item, ?int $retailer_id, int $attempt ) {
		$is_delete = WebhookType::is_delete( $type );

		if ( $is_delete && WebhookType::PRICEBOOKDETAIL_DELETE !== $type && ! is_array( $item ) ) {
			$id = Json::to_id( $item );
			if ( null === $id ) {
				return SkippedItem::BAD_ID;
			}
			$payload = array( 'Id' => $id );
			return array( $payload, array( new Event( $type, $id, null, null, null, $payload, $retailer_id, $attempt ) ), array() );
		}
		if ( ! Json::is_object( $item ) || array() === $item ) {
			return SkippedItem::ITEM_NOT_OBJECT;
		}
		$payload = Json::without_type_hints( $item );

		if ( WebhookType::PRICEBOOKDETAIL_DELETE === $type ) {
			return $this->price_book_detail_delete( $payload, $retailer_id, $attempt );
		}

		$book = null;
		if ( WebhookType::STOCK_UPDATE === $type || WebhookType::PRICEBOOKDETAIL_UPDATE === $type ) {
			$id = Json::to_id( Json::get( $payload, 'ProductId' ) );
		} else {
			$id = Json::to_id( Json::get( $payload, 'Id' ) );
		}
		if ( null === $id ) {
			return SkippedItem::BAD_ID;
		}
		if ( WebhookType::PRICEBOOKDETAIL_UPDATE === $type ) {
			$book = Json::to_id( Json::get( $payload, 'PriceBookId' ) );
			if ( null === $book ) {
				return SkippedItem::BAD_PRICE_BOOK_ID;
			}
		}
		$branch = null;
		if ( WebhookType::STOCK_UPDATE === $type || WebhookType::ORDER_UPDATE === $type ) {
			$raw_branch = Json::get( $payload, 'BranchId' );
			if ( null !== $raw_branch ) {
				$branch = Json::to_id( $raw_branch );
				if ( null === $branch ) {
					return SkippedItem::BAD_BRANCH_ID;
				}
			}
		}
		$modified = $is_delete ? null : WebhookDate::parse( Json::get( $payload, 'ModifiedDate' ) );
		$event    = new Event( $type, $id, $branch, $book, $modified, $payload, $retailer_id, $attempt );
		return array( $payload, array( $event ), array() );
	}

	/**
	 * `{"PricebookId": 77, "ProductIds": [31000102, 31000103]}` → one event per product; a single
	 * `ProductId` is accepted too. Bad product ids are skipped one by one.
	 *
	 * @param array<mixed> $payload     Item without `__type`.
	 * @param int|null     $retailer_id Retailer id.
	 * @param int          $attempt     Attempt.
	 * @return array{0: array<mixed>, 1: list<Event>, 2: list<string>}|string
	 */
	private function price_book_detail_delete( array $payload, ?int $retailer_id, int $attempt ) {
		$book = Json::to_id( Json::get( $payload, 'PriceBookId' ) );
		if ( null === $book ) {
			return SkippedItem::BAD_PRICE_BOOK_ID;
		}
		$products = Json::get( $payload, 'ProductIds' );
		if ( null === $products && Json::has( $payload, 'ProductId' ) ) {
			$products = array( Json::get( $payload, 'ProductId' ) );
		}
		if ( ! Json::is_list( $products ) || array() === $products ) {
			return SkippedItem::BAD_ID;
		}
		if ( count( $products ) > $this->max_events ) {
			throw new MalformedDelivery( MalformedDelivery::TOO_MANY_ITEMS );
		}
		$events = array();
		$skips  = array();
		foreach ( $products as $raw ) {
			$id = Json::to_id( $raw );
			if ( null === $id ) {
				$skips[] = SkippedItem::BAD_ID;
				continue;
			}
			$events[] = new Event(
				WebhookType::PRICEBOOKDETAIL_DELETE,
				$id,
				null,
				$book,
				null,
				array(
					'PriceBookId' => $book,
					'ProductId'   => $id,
				),
				$retailer_id,
				$attempt
			);
		}
		return array( $payload, $events, $skips );
	}
}
