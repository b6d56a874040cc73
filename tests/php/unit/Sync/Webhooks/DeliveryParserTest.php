<?php
/**
 * Tests for DeliveryParser.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Webhooks;

use KiotVietSync\Sync\Webhooks\Delivery;
use KiotVietSync\Sync\Webhooks\DeliveryParser;
use KiotVietSync\Sync\Webhooks\Event;
use KiotVietSync\Sync\Webhooks\MalformedDelivery;
use KiotVietSync\Sync\Webhooks\SkippedItem;
use KiotVietSync\Sync\Webhooks\WebhookType;
use PHPUnit\Framework\TestCase;

/**
 * Realistic §6.5 payloads, tolerated variations and hostile bodies.
 */
final class DeliveryParserTest extends TestCase {

	private DeliveryParser $parser;

	protected function setUp(): void {
		$this->parser = new DeliveryParser();
	}

	public function test_stock_update_gives_one_event_per_branch_row_without_type_hints(): void {
		$delivery = $this->parser->parse( WebhookPayloads::stock_update() );

		self::assertSame( '5b0c2f8e-7d1a-4c61-9a3e-2f5e8c1d0b44', $delivery->id() );
		self::assertFalse( $delivery->id_derived() );
		self::assertSame( 1, $delivery->attempt() );
		self::assertSame( Delivery::FORM_ENVELOPE, $delivery->form() );
		self::assertSame( array(), $delivery->skipped() );
		self::assertCount( 1, $delivery->notifications() );
		self::assertSame( 'stock.update', $delivery->notifications()[0]->type() );
		self::assertSame( 'stock.update.712345', $delivery->notifications()[0]->action() );
		self::assertSame( 712345, $delivery->notifications()[0]->retailer_id() );

		$events = $delivery->events();
		self::assertCount( 2, $events );
		self::assertSame( WebhookType::STOCK_UPDATE, $events[0]->type() );
		self::assertSame( 31000102, $events[0]->kiotviet_id() );
		self::assertSame( 5001, $events[0]->branch_id() );
		self::assertSame( 5002, $events[1]->branch_id() );
		self::assertNull( $events[0]->modified_at() );
		self::assertNull( $events[0]->price_book_id() );
		self::assertSame( 712345, $events[0]->retailer_id() );
		self::assertSame( 13, $events[0]->get( 'OnHand' ) );
		self::assertSame( 3, $events[0]->get( 'reserved' ) );
		self::assertTrue( $events[0]->get( 'IsActive' ) );
		self::assertArrayNotHasKey( '__type', $events[0]->payload() );
		self::assertSame( 'Áo thun basic', $events[0]->payload()['ProductName'] );
		self::assertSame( 'stock.update:31000102:b5001', $events[0]->coalescing_key() );
		self::assertSame( 'stock.update:31000102:b5002', $events[1]->coalescing_key() );
	}

	public function test_product_update_keys_on_item_id_and_reads_modified_date_with_offset(): void {
		$events = $this->parser->parse( WebhookPayloads::product_update() )->events();

		self::assertCount( 1, $events );
		$event = $events[0];
		self::assertSame( WebhookType::PRODUCT_UPDATE, $event->type() );
		self::assertSame( 31000102, $event->kiotviet_id() );
		self::assertNull( $event->branch_id() );
		self::assertNotNull( $event->modified_at() );
		self::assertSame( '2025-06-10T07:03:11.557000+00:00', $event->modified_at()->setTimezone( new \DateTimeZone( 'UTC' ) )->format( 'Y-m-d\TH:i:s.uP' ) );
		self::assertSame( 'product.update:31000102', $event->coalescing_key() );
		self::assertSame( 31000101, $event->get( 'MasterProductId' ) );
		self::assertSame( array( 'https://cdn.example.test/kv/aothun-den-1.jpg' ), $event->get( 'Images' ) );
		self::assertCount( 1, $event->get( 'Inventories' ) );
	}

	public function test_variant_quirk_keys_on_item_id_not_on_nested_product_ids(): void {
		$event = $this->parser->parse( WebhookPayloads::product_update_variant_quirk() )->events()[0];

		self::assertSame( 20354926, $event->kiotviet_id() );
		self::assertSame( 500400541, $event->retailer_id() );
		self::assertSame( '2024-03-04 23:39:24.147000 +07:00', $event->modified_at()->format( 'Y-m-d H:i:s.u P' ) );
	}

	public function test_order_update(): void {
		$event = $this->parser->parse( WebhookPayloads::order_update() )->events()[0];

		self::assertSame( WebhookType::ORDER_UPDATE, $event->type() );
		self::assertSame( 660101, $event->kiotviet_id() );
		self::assertSame( 5001, $event->branch_id() );
		self::assertSame( 'Đã hủy', $event->get( 'StatusValue' ) );
		self::assertSame( '2025-06-11T10:02:00+07:00', $event->modified_at()->format( DATE_ATOM ) );
		self::assertSame( 'order.update:660101', $event->coalescing_key() );
	}

	public function test_pricebookdetail_update_keys_on_product_and_book(): void {
		$events = $this->parser->parse( WebhookPayloads::pricebookdetail_update() )->events();

		self::assertCount( 2, $events );
		self::assertSame( 31000102, $events[0]->kiotviet_id() );
		self::assertSame( 77, $events[0]->price_book_id() );
		self::assertSame( 78, $events[1]->price_book_id() );
		self::assertSame( 139000, $events[0]->get( 'Price' ) );
		self::assertSame( 'pricebookdetail.update:31000102:pb77', $events[0]->coalescing_key() );
		self::assertNotSame( $events[0]->coalescing_key(), $events[1]->coalescing_key() );
	}

	public function test_pricebookdetail_delete_with_lower_case_b_expands_product_ids(): void {
		$events = $this->parser->parse( WebhookPayloads::pricebookdetail_delete() )->events();

		self::assertCount( 2, $events );
		foreach ( $events as $event ) {
			self::assertSame( WebhookType::PRICEBOOKDETAIL_DELETE, $event->type() );
			self::assertSame( 77, $event->price_book_id() );
			self::assertTrue( $event->is_delete() );
		}
		self::assertSame( array( 31000102, 31000103 ), array_map( static function ( Event $e ): int { return $e->kiotviet_id(); }, $events ) );
		self::assertSame( array( 'PriceBookId' => 77, 'ProductId' => 31000103 ), $events[1]->payload() );
	}

	public function test_pricebookdetail_delete_accepts_single_product_id_and_skips_bad_ones(): void {
		$body     = '{"Id":"p-1","Attempt":1,"Notifications":[{"Action":"pricebookdetail.delete.1","Data":[{"PriceBookId":78,"ProductId":5},{"PricebookId":79,"ProductIds":[6,"x",-1,7]},{"ProductIds":[8]}]}]}';
		$delivery = $this->parser->parse( $body );

		self::assertSame( array( '5@78', '6@79', '7@79' ), array_map( static function ( Event $e ): string { return $e->kiotviet_id() . '@' . $e->price_book_id(); }, $delivery->events() ) );
		$reasons = array_map( static function ( SkippedItem $s ): string { return $s->item() . ':' . $s->reason(); }, $delivery->skipped() );
		self::assertSame( array( '1:bad_id', '1:bad_id', '2:bad_price_book_id' ), $reasons );
	}

	public function test_pricebook_update_and_delete(): void {
		$update = $this->parser->parse( WebhookPayloads::pricebook_update() )->events();
		$delete = $this->parser->parse( WebhookPayloads::pricebook_delete() )->events();

		self::assertSame( 77, $update[0]->kiotviet_id() );
		self::assertSame( WebhookType::PRICEBOOK_UPDATE, $update[0]->type() );
		self::assertNull( $update[0]->price_book_id() );
		self::assertSame( WebhookType::PRICEBOOK_DELETE, $delete[0]->type() );
		self::assertSame( 77, $delete[0]->kiotviet_id() );
		self::assertSame( array( 'Id' => 77 ), $delete[0]->payload() );
	}

	public function test_category_update_and_delete(): void {
		$update = $this->parser->parse( WebhookPayloads::category_update() )->events();
		$delete = $this->parser->parse( WebhookPayloads::category_delete() )->events();

		self::assertSame( 901, $update[0]->kiotviet_id() );
		self::assertSame( 900, $update[0]->get( 'ParentId' ) );
		self::assertSame( '2025-06-01T08:30:00+07:00', $update[0]->modified_at()->format( DATE_ATOM ) );
		self::assertSame( array( 901, 902 ), array( $delete[0]->kiotviet_id(), $delete[1]->kiotviet_id() ) );
		self::assertSame( 'category.delete:902', $delete[1]->coalescing_key() );
	}

	public function test_product_delete_envelope_carries_attempt_into_events(): void {
		$delivery = $this->parser->parse( WebhookPayloads::product_delete() );

		self::assertSame( 2, $delivery->attempt() );
		self::assertCount( 2, $delivery->events() );
		self::assertSame( 2, $delivery->events()[1]->attempt() );
		self::assertSame( 31000103, $delivery->events()[1]->kiotviet_id() );
	}

	public function test_delete_data_as_objects_with_id_is_accepted(): void {
		$events = $this->parser->parse( '{"Id":"d-1","Notifications":[{"Action":"product.delete.1","Data":[{"Id":42}]}]}' )->events();

		self::assertSame( 42, $events[0]->kiotviet_id() );
		self::assertSame( WebhookType::PRODUCT_DELETE, $events[0]->type() );
	}

	public function test_delete_data_as_remove_id_object_is_accepted(): void {
		$events = $this->parser->parse( '{"Id":"d-2","Notifications":[{"Action":"product.delete.1","Data":{"RemoveId":[42,43]}}]}' )->events();

		self::assertCount( 2, $events );
		self::assertSame( 43, $events[1]->kiotviet_id() );
	}

	public function test_bare_remove_id_without_hint_is_unknown_delete_with_derived_id(): void {
		$delivery = $this->parser->parse( WebhookPayloads::bare_remove_id() );

		self::assertSame( Delivery::FORM_REMOVE_ID, $delivery->form() );
		self::assertTrue( $delivery->id_derived() );
		self::assertSame( 'sha256:' . hash( 'sha256', WebhookPayloads::bare_remove_id() ), $delivery->id() );
		self::assertSame( 1, $delivery->attempt() );
		self::assertCount( 2, $delivery->events() );
		self::assertSame( WebhookType::UNKNOWN_DELETE, $delivery->events()[0]->type() );
		self::assertTrue( $delivery->events()[0]->is_delete() );
		self::assertSame( 31000103, $delivery->events()[1]->kiotviet_id() );
	}

	public function test_bare_remove_id_with_hint_uses_it(): void {
		$delivery = $this->parser->parse( WebhookPayloads::bare_remove_id(), 'Product.Delete' );

		self::assertSame( WebhookType::PRODUCT_DELETE, $delivery->events()[0]->type() );
		self::assertSame( 'product.delete:31000102', $delivery->events()[0]->coalescing_key() );
	}

	public function test_bare_remove_id_ignores_a_hint_that_is_not_a_wanted_delete(): void {
		foreach ( array( 'product.update', 'customer.delete', 'pricebookdetail.delete', 'rm -rf' ) as $hint ) {
			self::assertSame( WebhookType::UNKNOWN_DELETE, $this->parser->parse( WebhookPayloads::bare_remove_id(), $hint )->events()[0]->type(), $hint );
		}
	}

	public function test_same_body_gives_same_derived_id_and_different_body_a_different_one(): void {
		$a = $this->parser->parse( '{"RemoveId":[1]}' )->id();
		self::assertSame( $a, $this->parser->parse( '{"RemoveId":[1]}' )->id() );
		self::assertNotSame( $a, $this->parser->parse( '{"RemoveId":[2]}' )->id() );
	}

	public function test_every_notification_and_item_is_read_and_unsupported_types_are_skipped(): void {
		$delivery = $this->parser->parse( WebhookPayloads::mixed() );

		$keys = array_map( static function ( Event $e ): string { return $e->coalescing_key(); }, $delivery->events() );
		self::assertSame(
			array( 'stock.update:31000101:b5001', 'product.delete:31000199', 'stock.update:31000102:b5001', 'stock.update:31000103:b5001' ),
			$keys
		);
		self::assertCount( 3, $delivery->notifications() );
		self::assertCount( 1, $delivery->skipped() );
		self::assertSame( array( 'notification' => 1, 'item' => null, 'reason' => SkippedItem::UNSUPPORTED_TYPE, 'type' => 'customer.update' ), $delivery->skipped()[0]->to_array() );
	}

	public function test_action_is_matched_by_prefix_and_case_insensitively(): void {
		$body = '{"Id":"a-1","Notifications":['
			. '{"Action":"STOCK.UPDATE.925719","Data":[{"ProductId":1,"BranchId":2}]},'
			. '{"Action":"stock.update","Data":[{"ProductId":3}]},'
			. '{"Action":"stock.updated.925719","Data":[{"ProductId":4}]},'
			. '{"Action":"stock.update925719","Data":[{"ProductId":5}]},'
			. '{"Action":"pricebook.update.1","Data":[{"Id":6}]},'
			. '{"Action":"pricebookdetail.update.1","Data":[{"PriceBookId":7,"ProductId":8}]},'
			. '{"Action":"xstock.update.1","Data":[{"ProductId":9}]}'
			. ']}';
		$delivery = $this->parser->parse( $body );

		$types = array_map( static function ( Event $e ): string { return $e->type() . '#' . $e->kiotviet_id(); }, $delivery->events() );
		self::assertSame( array( 'stock.update#1', 'stock.update#3', 'pricebook.update#6', 'pricebookdetail.update#8' ), $types );
		self::assertSame( 925719, $delivery->events()[0]->retailer_id() );
		self::assertNull( $delivery->events()[1]->retailer_id() );
		self::assertNull( $delivery->events()[1]->branch_id() );
		self::assertSame( 'stock.update:3:b-', $delivery->events()[1]->coalescing_key() );
		$skips = array_map( static function ( SkippedItem $s ): string { return $s->notification() . ':' . $s->reason(); }, $delivery->skipped() );
		self::assertSame( array( '2:unknown_type', '3:unknown_type', '6:unknown_type' ), $skips );
	}

	public function test_camel_case_and_odd_casing_of_keys_is_tolerated(): void {
		$body     = '{"id":"c-1","attempt":3,"notifications":[{"action":"stock.update.1","data":[{"productId":11,"branchID":5001,"onHand":2}]},{"ACTION":"product.update.1","DATA":[{"ID":12,"modifieddate":"2025-06-10T14:03:11.5570000"}]}]}';
		$delivery = $this->parser->parse( $body );

		self::assertSame( 'c-1', $delivery->id() );
		self::assertSame( 3, $delivery->attempt() );
		self::assertSame( 11, $delivery->events()[0]->kiotviet_id() );
		self::assertSame( 5001, $delivery->events()[0]->branch_id() );
		self::assertSame( 2, $delivery->events()[0]->get( 'OnHand' ) );
		self::assertSame( 12, $delivery->events()[1]->kiotviet_id() );
		self::assertSame( '2025-06-10T14:03:11+07:00', $delivery->events()[1]->modified_at()->format( DATE_ATOM ) );
		self::assertSame( 'Asia/Ho_Chi_Minh', $delivery->events()[1]->modified_at()->getTimezone()->getName() );
	}

	public function test_nested_type_hints_are_removed_and_do_not_change_the_hash(): void {
		$with    = '{"Id":"h-1","Notifications":[{"Action":"product.update.1","Data":[{"__type":"X, Y","Id":5,"Inventories":[{"__type":"Z","BranchId":1,"OnHand":2}]}]}]}';
		$without = '{"Id":"h-2","Notifications":[{"Action":"product.update.1","Data":[{"Inventories":[{"OnHand":2,"BranchId":1}],"Id":5}]}]}';

		$a = $this->parser->parse( $with )->events()[0];
		$b = $this->parser->parse( $without )->events()[0];

		self::assertSame( array( 'Id' => 5, 'Inventories' => array( array( 'BranchId' => 1, 'OnHand' => 2 ) ) ), $a->payload() );
		self::assertSame( $a->payload_hash(), $b->payload_hash() );
	}

	public function test_payload_hash_changes_with_content(): void {
		$a = $this->parser->parse( '{"Id":"h-3","Notifications":[{"Action":"stock.update.1","Data":[{"ProductId":1,"BranchId":1,"OnHand":2}]}]}' )->events()[0];
		$b = $this->parser->parse( '{"Id":"h-4","Notifications":[{"Action":"stock.update.1","Data":[{"ProductId":1,"BranchId":1,"OnHand":3}]}]}' )->events()[0];

		self::assertNotSame( $a->payload_hash(), $b->payload_hash() );
		self::assertMatchesRegularExpression( '/^[0-9a-f]{64}$/', $a->payload_hash() );
	}

	public function test_single_data_object_is_treated_as_one_item(): void {
		$events = $this->parser->parse( '{"Id":"s-1","Notifications":[{"Action":"category.update.1","Data":{"Id":901,"Name":"Áo"}}]}' )->events();

		self::assertCount( 1, $events );
		self::assertSame( 901, $events[0]->kiotviet_id() );
	}

	public function test_empty_notifications_is_a_valid_empty_delivery(): void {
		$delivery = $this->parser->parse( '{"Id":"t-1","Attempt":1,"Notifications":[]}' );

		self::assertSame( 't-1', $delivery->id() );
		self::assertSame( array(), $delivery->events() );
		self::assertSame( array(), $delivery->skipped() );
	}

	public function test_utf8_bom_and_surrounding_whitespace_are_tolerated(): void {
		$delivery = $this->parser->parse( "\xEF\xBB\xBF \n" . WebhookPayloads::category_delete() . "\n" );

		self::assertCount( 2, $delivery->events() );
	}

	public function test_unparsable_modified_date_gives_null_not_an_error(): void {
		foreach ( array( '"yesterday"', '12345', '"2025-02-30T10:00:00"', '"2025-06-10T25:00:00"', 'null', '{"a":1}', '"2025-06-10T10:00:00+99:00"' ) as $date ) {
			$events = $this->parser->parse( '{"Id":"m-1","Notifications":[{"Action":"product.update.1","Data":[{"Id":1,"ModifiedDate":' . $date . '}]}]}' )->events();
			self::assertCount( 1, $events, $date );
			self::assertNull( $events[0]->modified_at(), $date );
		}
	}

	public function test_modified_date_variants(): void {
		$cases = array(
			'2025-06-10T14:03:11.5570000+07:00' => '2025-06-10T07:03:11.557000Z',
			'2025-06-10T14:03:11.5570000'       => '2025-06-10T07:03:11.557000Z',
			'2025-06-10T14:03:11'               => '2025-06-10T07:03:11.000000Z',
			'2025-06-10T07:03:11Z'              => '2025-06-10T07:03:11.000000Z',
			'2025-06-10T14:03:11.1234567+0700'  => '2025-06-10T07:03:11.123456Z',
			'/Date(1749538991557+0700)/'        => '2025-06-10T07:03:11.000000Z',
		);
		foreach ( $cases as $raw => $utc ) {
			$event = $this->parser->parse( '{"Id":"m-2","Notifications":[{"Action":"product.update.1","Data":[{"Id":1,"ModifiedDate":"' . $raw . '"}]}]}' )->events()[0];
			self::assertNotNull( $event->modified_at(), $raw );
			self::assertSame( $utc, $event->modified_at()->setTimezone( new \DateTimeZone( 'UTC' ) )->format( 'Y-m-d\TH:i:s.u\Z' ), $raw );
		}
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function malformed_bodies(): array {
		return array(
			'empty'                       => array( '', MalformedDelivery::EMPTY_BODY ),
			'whitespace'                  => array( "  \n\t", MalformedDelivery::EMPTY_BODY ),
			'not json'                    => array( 'Id=1&Attempt=1', MalformedDelivery::NOT_JSON ),
			'truncated json'              => array( substr( WebhookPayloads::stock_update(), 0, 120 ), MalformedDelivery::NOT_JSON ),
			'trailing garbage'            => array( WebhookPayloads::pricebook_delete() . '}', MalformedDelivery::NOT_JSON ),
			'invalid utf8'                => array( '{"Id":"u-1","Notifications":[{"Action":"stock.update.1","Data":[{"ProductId":1,"ProductName":"' . "\xC3\x28" . '"}]}]}', MalformedDelivery::INVALID_UTF8 ),
			'lone surrogate escape'       => array( '{"Id":"u-2","Notifications":[],"x":"\ud800"}', MalformedDelivery::INVALID_UTF8 ),
			'deeply nested'               => array( '{"Id":"n-1","Notifications":[' . str_repeat( '[', 5000 ) . str_repeat( ']', 5000 ) . ']}', MalformedDelivery::TOO_DEEP ),
			'json string'                 => array( '"hello"', MalformedDelivery::NOT_OBJECT ),
			'json number'                 => array( '42', MalformedDelivery::NOT_OBJECT ),
			'json null'                   => array( 'null', MalformedDelivery::NOT_OBJECT ),
			'json list'                   => array( '[{"Id":"x","Notifications":[]}]', MalformedDelivery::NOT_OBJECT ),
			'empty list'                  => array( '[]', MalformedDelivery::NOT_OBJECT ),
			'empty object'                => array( '{}', MalformedDelivery::NO_NOTIFICATIONS ),
			'no notifications'            => array( '{"Id":"x","Attempt":1}', MalformedDelivery::NO_NOTIFICATIONS ),
			'notifications null'          => array( '{"Id":"x","Notifications":null}', MalformedDelivery::WRONG_TYPE ),
			'notifications object'        => array( '{"Id":"x","Notifications":{"Action":"stock.update.1","Data":[]}}', MalformedDelivery::WRONG_TYPE ),
			'notifications string'        => array( '{"Id":"x","Notifications":"[]"}', MalformedDelivery::WRONG_TYPE ),
			'id object'                   => array( '{"Id":{"a":1},"Notifications":[]}', MalformedDelivery::WRONG_TYPE ),
			'id list'                     => array( '{"Id":[1],"Notifications":[]}', MalformedDelivery::WRONG_TYPE ),
			'id bool'                     => array( '{"Id":true,"Notifications":[]}', MalformedDelivery::WRONG_TYPE ),
			'id float'                    => array( '{"Id":1.5,"Notifications":[]}', MalformedDelivery::WRONG_TYPE ),
			'id empty'                    => array( '{"Id":"","Notifications":[]}', MalformedDelivery::WRONG_TYPE ),
			'id with sql'                 => array( '{"Id":"x\'; DROP TABLE t; --","Notifications":[]}', MalformedDelivery::WRONG_TYPE ),
			'id too long'                 => array( '{"Id":"' . str_repeat( 'a', 129 ) . '","Notifications":[]}', MalformedDelivery::WRONG_TYPE ),
			'attempt string'              => array( '{"Id":"x","Attempt":"first","Notifications":[]}', MalformedDelivery::WRONG_TYPE ),
			'attempt negative'            => array( '{"Id":"x","Attempt":-1,"Notifications":[]}', MalformedDelivery::WRONG_TYPE ),
			'attempt huge'                => array( '{"Id":"x","Attempt":99999999999999999999999,"Notifications":[]}', MalformedDelivery::WRONG_TYPE ),
			'attempt float'               => array( '{"Id":"x","Attempt":1.0,"Notifications":[]}', MalformedDelivery::WRONG_TYPE ),
			'remove id not a list'        => array( '{"RemoveId":"31000102"}', MalformedDelivery::WRONG_TYPE ),
			'remove id object'            => array( '{"RemoveId":{"a":1}}', MalformedDelivery::WRONG_TYPE ),
		);
	}

	/**
	 * @dataProvider malformed_bodies
	 */
	public function test_malformed_bodies_throw_with_reason( string $body, string $reason ): void {
		try {
			$this->parser->parse( $body );
			self::fail( 'Expected MalformedDelivery(' . $reason . ')' );
		} catch ( MalformedDelivery $e ) {
			self::assertSame( $reason, $e->reason() );
			self::assertStringNotContainsString( 'DROP', $e->getMessage() );
		}
	}

	public function test_oversized_body_is_rejected_before_decoding(): void {
		$parser = new DeliveryParser( 1000 );
		$body   = '{"Id":"o-1","Notifications":[],"Pad":"' . str_repeat( 'x', 1000 ) . '"}';

		try {
			$parser->parse( $body );
			self::fail( 'Expected oversized' );
		} catch ( MalformedDelivery $e ) {
			self::assertSame( MalformedDelivery::OVERSIZED, $e->reason() );
		}
		self::assertCount( 0, ( new DeliveryParser( 1000 ) )->parse( '{"Id":"o-2","Notifications":[]}' )->events() );
	}

	public function test_default_limit_is_five_megabytes(): void {
		$body = '{"Id":"o-3","Notifications":[],"Pad":"' . str_repeat( 'x', 5 * 1024 * 1024 ) . '"}';

		$this->expectException( MalformedDelivery::class );
		$this->parser->parse( $body );
	}

	public function test_too_many_items_is_rejected(): void {
		$parser = new DeliveryParser( DeliveryParser::DEFAULT_MAX_BYTES, 3 );
		$ok     = '{"Id":"i-1","Notifications":[{"Action":"product.delete.1","Data":[1,2,3]}]}';
		$many   = '{"Id":"i-2","Notifications":[{"Action":"product.delete.1","Data":[1,2]},{"Action":"category.delete.1","Data":[3,4]}]}';
		$wide   = '{"Id":"i-3","Notifications":[{"Action":"pricebookdetail.delete.1","Data":[{"PricebookId":1,"ProductIds":[1,2,3,4]}]}]}';
		$bare   = '{"RemoveId":[1,2,3,4]}';

		self::assertCount( 3, $parser->parse( $ok )->events() );
		foreach ( array( $many, $wide, $bare ) as $body ) {
			try {
				$parser->parse( $body );
				self::fail( 'Expected too_many_items for ' . $body );
			} catch ( MalformedDelivery $e ) {
				self::assertSame( MalformedDelivery::TOO_MANY_ITEMS, $e->reason() );
			}
		}
	}

	public function test_hostile_items_are_skipped_and_good_ones_kept(): void {
		$body = '{"Id":"x-1","Attempt":1,"Notifications":[{"Action":"stock.update.712345","Data":['
			. '{"ProductId":"31000102","BranchId":"5001","OnHand":1},'          // 0: digit strings are ids.
			. '{"ProductId":"abc","BranchId":5001},'                             // 1: bad id.
			. '{"ProductId":99999999999999999999999,"BranchId":5001},'          // 2: beyond int64.
			. '{"ProductId":9223372036854775807,"BranchId":5001},'              // 3: exactly PHP_INT_MAX.
			. '{"ProductId":9223372036854775808,"BranchId":5001},'              // 4: one more.
			. '{"ProductId":1.5e3,"BranchId":5001},'                            // 5: float.
			. '{"ProductId":-5,"BranchId":5001},'                               // 6: negative.
			. '{"ProductId":0,"BranchId":5001},'                                // 7: zero.
			. '{"ProductId":true,"BranchId":5001},'                             // 8: bool.
			. '{"ProductId":[1],"BranchId":5001},'                              // 9: list.
			. '{"BranchId":5001,"OnHand":4},'                                   // 10: missing.
			. '{"ProductId":31000103,"BranchId":"main"},'                       // 11: bad branch.
			. '"31000104",'                                                     // 12: scalar.
			. 'null,'                                                           // 13: null.
			. '[],'                                                             // 14: empty.
			. '[1,2],'                                                          // 15: list.
			. '{"ProductId":31000105,"BranchId":5001,"OnHand":1e400},'          // 16: huge float payload still OK.
			. '{"ProductId":" 31000106","BranchId":5001}'                       // 17: padded.
			. ']}]}';
		$delivery = $this->parser->parse( $body );

		$ids = array_map( static function ( Event $e ): int { return $e->kiotviet_id(); }, $delivery->events() );
		self::assertSame( array( 31000102, PHP_INT_MAX, 31000105 ), $ids );
		self::assertSame( 5001, $delivery->events()[0]->branch_id() );
		self::assertMatchesRegularExpression( '/^[0-9a-f]{64}$/', $delivery->events()[2]->payload_hash() );

		$skips = array();
		foreach ( $delivery->skipped() as $skip ) {
			$skips[ $skip->item() ] = $skip->reason();
		}
		self::assertSame(
			array(
				1  => SkippedItem::BAD_ID,
				2  => SkippedItem::BAD_ID,
				4  => SkippedItem::BAD_ID,
				5  => SkippedItem::BAD_ID,
				6  => SkippedItem::BAD_ID,
				7  => SkippedItem::BAD_ID,
				8  => SkippedItem::BAD_ID,
				9  => SkippedItem::BAD_ID,
				10 => SkippedItem::BAD_ID,
				11 => SkippedItem::BAD_BRANCH_ID,
				12 => SkippedItem::ITEM_NOT_OBJECT,
				13 => SkippedItem::ITEM_NOT_OBJECT,
				14 => SkippedItem::ITEM_NOT_OBJECT,
				15 => SkippedItem::ITEM_NOT_OBJECT,
				17 => SkippedItem::BAD_ID,
			),
			$skips
		);
	}

	public function test_hostile_notifications_are_skipped(): void {
		$body = '{"Id":"x-2","Notifications":['
			. '"stock.update",'
			. 'null,'
			. '[],'
			. '{},'
			. '{"Data":[1]},'
			. '{"Action":5,"Data":[1]},'
			. '{"Action":"","Data":[1]},'
			. '{"Action":"product.delete.1"},'
			. '{"Action":"product.delete.1","Data":"1,2"},'
			. '{"Action":"product.delete.1","Data":null},'
			. '{"Action":"' . str_repeat( 'a', 300 ) . '","Data":[1]},'
			. '{"Action":"product.delete.1","Data":[1,"2",null,{"x":1},[3],"4x",2.0]}'
			. ']}';
		$delivery = $this->parser->parse( $body );

		$ids = array_map( static function ( Event $e ): int { return $e->kiotviet_id(); }, $delivery->events() );
		self::assertSame( array( 1, 2 ), $ids );
		$skips = array_map( static function ( SkippedItem $s ): string { return $s->notification() . '/' . ( null === $s->item() ? '-' : $s->item() ) . ':' . $s->reason(); }, $delivery->skipped() );
		self::assertSame(
			array(
				'0/-:notification_not_object',
				'1/-:notification_not_object',
				'2/-:notification_not_object',
				'3/-:notification_not_object',
				'4/-:no_action',
				'5/-:no_action',
				'6/-:no_action',
				'7/-:no_data',
				'8/-:no_data',
				'9/-:no_data',
				'10/-:unknown_type',
				'11/2:bad_id',
				'11/3:bad_id',
				'11/4:item_not_object',
				'11/5:bad_id',
				'11/6:bad_id',
			),
			$skips
		);
	}

	public function test_pricebookdetail_update_without_book_is_skipped(): void {
		$delivery = $this->parser->parse( '{"Id":"x-3","Notifications":[{"Action":"pricebookdetail.update.1","Data":[{"ProductId":1,"Price":1000},{"PriceBookId":"x","ProductId":2},{"PriceBookId":0,"ProductId":3}]}]}' );

		self::assertSame( array(), $delivery->events() );
		self::assertCount( 3, $delivery->skipped() );
		self::assertSame( SkippedItem::BAD_PRICE_BOOK_ID, $delivery->skipped()[0]->reason() );
	}

	public function test_numeric_string_id_and_attempt_are_accepted(): void {
		$delivery = $this->parser->parse( '{"Id":123456,"Attempt":"2","Notifications":[]}' );

		self::assertSame( '123456', $delivery->id() );
		self::assertSame( 2, $delivery->attempt() );
	}

	public function test_braced_guid_id_is_accepted_as_is(): void {
		self::assertSame( '{5B0C2F8E-7D1A-4C61-9A3E-2F5E8C1D0B44}', $this->parser->parse( '{"Id":" {5B0C2F8E-7D1A-4C61-9A3E-2F5E8C1D0B44} ","Notifications":[]}' )->id() );
	}

	public function test_attempt_zero_counts_as_first(): void {
		self::assertSame( 1, $this->parser->parse( '{"Id":"z","Attempt":0,"Notifications":[]}' )->attempt() );
	}

	public function test_duplicate_keys_last_wins_without_warnings(): void {
		$delivery = $this->parser->parse( '{"Id":"dup-1","Id":"dup-2","Notifications":[]}' );

		self::assertSame( 'dup-2', $delivery->id() );
	}

	public function test_deep_but_legal_nesting_inside_an_item_is_kept(): void {
		$nested = str_repeat( '{"a":', 40 ) . '1' . str_repeat( '}', 40 );
		$events = $this->parser->parse( '{"Id":"d-1","Notifications":[{"Action":"product.update.1","Data":[{"Id":1,"X":' . $nested . '}]}]}' )->events();

		self::assertCount( 1, $events );
	}

	public function test_random_garbage_never_produces_anything_but_malformed_or_a_delivery(): void {
		mt_srand( 20261129 );
		$seed = WebhookPayloads::mixed();
		for ( $i = 0; $i < 400; $i++ ) {
			$body = $seed;
			for ( $k = 0, $n = mt_rand( 1, 4 ); $k < $n; $k++ ) {
				$pos          = mt_rand( 0, strlen( $body ) - 1 );
				$body[ $pos ] = chr( mt_rand( 0, 255 ) );
			}
			try {
				$delivery = $this->parser->parse( $body );
				self::assertInstanceOf( Delivery::class, $delivery );
				foreach ( $delivery->events() as $event ) {
					self::assertGreaterThan( 0, $event->kiotviet_id() );
					self::assertTrue( WebhookType::is_wanted( $event->type() ) );
				}
			} catch ( MalformedDelivery $e ) {
				self::assertNotSame( '', $e->reason() );
			}
		}
	}
}
