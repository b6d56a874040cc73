<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Orders;

use DateTimeImmutable;
use KiotVietSync\Sync\Orders\OrderPusher;
use KiotVietSync\Sync\Orders\PushResult;
use KiotVietSync\Sync\Orders\PushState;
use KiotVietSync\Sync\Orders\RetrySchedule;
use KiotVietSync\Sync\Orders\WooOrderSnapshot;
use PHPUnit\Framework\TestCase;

/**
 * The whole push flow against an in-memory KiotViet, including lost responses.
 *
 * @covers \KiotVietSync\Sync\Orders\OrderPusher
 * @covers \KiotVietSync\Sync\Orders\PushState
 * @covers \KiotVietSync\Sync\Orders\PushResult
 */
final class OrderPusherTest extends TestCase {

	private FakeKiotVietOrderApi $kv;

	protected function setUp(): void {
		$this->kv = new FakeKiotVietOrderApi();
	}

	private function pusher( int $max_attempts = 8 ): OrderPusher {
		return new OrderPusher(
			$this->kv,
			new RetrySchedule( 60, 21600, $max_attempts ),
			static function (): float {
				return 0.5;
			},
			static function (): DateTimeImmutable {
				return new DateTimeImmutable( '2025-06-11T02:21:00+00:00' );
			},
			901
		);
	}

	/**
	 * Order with one mapped line and one Woo product KiotViet does not know.
	 *
	 * @param array<string,mixed> $overrides Snapshot overrides.
	 */
	private static function order( array $overrides = array() ): WooOrderSnapshot {
		return OrderFixtures::order(
			array_merge(
				array(
					'lines'          => array(
						OrderFixtures::line(),
						OrderFixtures::line( array( 'item_id' => 12, 'product_id' => 305, 'name' => 'Khăn lụa Hà Đông', 'sku' => 'KHAN-LUA-01', 'quantity' => 1, 'subtotal' => 185000, 'total' => 185000, 'kiotviet_id' => null, 'stock_quantity' => 4 ) ),
					),
					'shipping_total' => 30000,
					'total'          => 513000,
				),
				$overrides
			)
		);
	}

	public function test_first_push_creates_customer_product_and_order(): void {
		$result = $this->pusher()->push( self::order(), OrderFixtures::settings(), PushState::fresh() );

		$this->assertSame( PushResult::SYNCED, $result->outcome() );
		$this->assertTrue( $result->is_synced() );
		$this->assertSame( 'Created KiotViet order DH000001.', $result->message() );
		$this->assertSame( 'DH000001', $result->state()->kiotviet_code() );
		$this->assertSame( $this->kv->orders[0]['id'], $result->state()->kiotviet_id() );
		$this->assertSame( 1, $result->state()->attempts() );

		$this->assertCount( 1, $this->kv->customers );
		$this->assertSame( 'Nguyễn Thị Lan', $this->kv->customers[0]['name'] );
		$this->assertSame( '0903123456', $this->kv->customers[0]['contactNumber'] );
		$this->assertSame( $this->kv->customers[0]['id'], $this->kv->orders[0]['customerId'] );

		$this->assertArrayHasKey( 'KHAN-LUA-01', $this->kv->products );
		$created = $this->kv->products['KHAN-LUA-01'];
		$this->assertSame(
			array( array( 'woo_product_id' => 305, 'kiotviet_id' => $created['id'], 'kiotviet_code' => 'KHAN-LUA-01', 'created' => true ) ),
			$result->new_mappings()
		);
		$this->assertSame( array( 31000102, $created['id'] ), array_column( $this->kv->orders[0]['orderDetails'], 'productId' ) );
		$this->assertSame( 513000.0, $this->kv->orders[0]['total'], 'KiotViet total equals the Woo total' );
	}

	public function test_existing_customer_is_reused(): void {
		$this->kv->customers[] = array( 'id' => 880012, 'code' => 'KH000245', 'name' => 'Nguyễn Thị Lan', 'contactNumber' => '0903123456', 'branchId' => 5001 );
		$this->pusher()->push( self::order(), OrderFixtures::settings(), PushState::fresh() );

		$this->assertSame( 0, $this->kv->count_calls( 'create_customer' ) );
		$this->assertSame( 880012, $this->kv->orders[0]['customerId'] );
	}

	public function test_order_without_phone_goes_to_the_walk_in_customer(): void {
		$order = self::order( array( 'billing' => OrderFixtures::billing( array( 'phone' => '' ) ) ) );
		$this->pusher()->push( $order, OrderFixtures::settings(), PushState::fresh() );
		$this->assertSame( 0, $this->kv->count_calls( 'search_customers' ) );
		$this->assertArrayNotHasKey( 'customerId', $this->kv->orders[0] );
	}

	public function test_timeout_after_kiotviet_created_the_order_never_duplicates_it(): void {
		$this->kv->fail_next( 'create_order', FakeKiotVietError::timeout(), true );
		$first = $this->pusher()->push( self::order(), OrderFixtures::settings(), PushState::fresh() );

		$this->assertSame( PushResult::RETRY, $first->outcome() );
		$this->assertTrue( $first->state()->needs_lookup() );
		$this->assertSame( 45, $first->delay(), 'equal jitter with random 0.5 on the first retry: 30 + 0.5 × 30' );
		$this->assertStringContainsString( 'ambiguous', $first->message() );
		$this->assertCount( 1, $this->kv->orders );

		$state  = PushState::from_array( $first->state()->to_array() ); // Persisted and read back.
		$second = $this->pusher()->push( self::order(), OrderFixtures::settings(), $state );

		$this->assertSame( PushResult::FOUND_EXISTING, $second->outcome() );
		$this->assertSame( 'DH000001', $second->state()->kiotviet_code() );
		$this->assertCount( 1, $this->kv->orders, 'no second order' );
		$this->assertSame( 1, $this->kv->count_calls( 'create_order' ) );
		$lookup = $this->kv->calls[ array_search( 'list_orders', $this->kv->call_names(), true ) ][1];
		$this->assertSame( '2025-06-11T09:16:00', $lookup['lastModifiedFrom'], 'first send 09:21 Vietnam time minus 5 minutes' );
		$this->assertSame( array( $this->kv->customers[0]['id'] ), $lookup['customerIds'] );
	}

	public function test_timeout_before_kiotviet_applied_it_sends_once_after_the_lookup(): void {
		$this->kv->fail_next( 'create_order', FakeKiotVietError::timeout(), false );
		$first  = $this->pusher()->push( self::order(), OrderFixtures::settings(), PushState::fresh() );
		$second = $this->pusher()->push( self::order(), OrderFixtures::settings(), $first->state() );

		$this->assertSame( PushResult::SYNCED, $second->outcome() );
		$this->assertFalse( $second->state()->needs_lookup() );
		$this->assertSame( 2, $second->state()->attempts() );
		$this->assertSame( 1, $this->kv->count_calls( 'list_orders' ) );
		$this->assertCount( 1, $this->kv->orders );
		$this->assertCount( 1, $this->kv->customers, 'the customer created on the first attempt is found again' );
		$this->assertCount( 1, $this->kv->products, 'the product created on the first attempt is found again' );
		$this->assertSame( array( false ), array_column( $second->new_mappings(), 'created' ) );
	}

	public function test_server_error_on_post_is_ambiguous(): void {
		$this->kv->fail_next( 'create_order', new FakeKiotVietError( 'Internal server error', 500 ), true );
		$first = $this->pusher()->push( self::order(), OrderFixtures::settings(), PushState::fresh() );
		$this->assertTrue( $first->state()->needs_lookup() );
		$this->assertSame( PushResult::FOUND_EXISTING, $this->pusher()->push( self::order(), OrderFixtures::settings(), $first->state() )->outcome() );
		$this->assertCount( 1, $this->kv->orders );
	}

	public function test_connection_refused_is_retried_without_a_lookup(): void {
		$this->kv->fail_next( 'create_order', FakeKiotVietError::refused() );
		$first = $this->pusher()->push( self::order(), OrderFixtures::settings(), PushState::fresh() );

		$this->assertSame( PushResult::RETRY, $first->outcome() );
		$this->assertFalse( $first->state()->needs_lookup() );
		$this->pusher()->push( self::order(), OrderFixtures::settings(), $first->state() );
		$this->assertSame( 0, $this->kv->count_calls( 'list_orders' ) );
		$this->assertCount( 1, $this->kv->orders );
	}

	public function test_lost_product_create_response_does_not_create_it_twice(): void {
		$this->kv->fail_next( 'create_product', FakeKiotVietError::timeout(), true );
		$first = $this->pusher()->push( self::order(), OrderFixtures::settings(), PushState::fresh() );

		$this->assertSame( PushResult::RETRY, $first->outcome() );
		$this->assertFalse( $first->state()->needs_lookup(), 'the order itself was never sent' );
		$this->assertStringContainsString( 'Finding or creating a product failed', $first->message() );

		$second = $this->pusher()->push( self::order(), OrderFixtures::settings(), $first->state() );
		$this->assertSame( PushResult::SYNCED, $second->outcome() );
		$this->assertSame( 1, $this->kv->count_calls( 'create_product' ) );
		$this->assertCount( 1, $this->kv->products );
		$this->assertSame( 'KHAN-LUA-01', $second->new_mappings()[0]['kiotviet_code'] );
	}

	public function test_kiotviet_rejection_is_permanent_with_its_message(): void {
		$this->kv->fail_next( 'create_order', new FakeKiotVietError( 'Không đủ tồn kho cho hàng hóa AOTHUN-DEN-L', 400, 'KvValidateException' ) );
		$result = $this->pusher()->push( self::order(), OrderFixtures::settings(), PushState::fresh() );

		$this->assertSame( PushResult::FAILED, $result->outcome() );
		$this->assertSame( 'KiotViet rejected the order: Không đủ tồn kho cho hàng hóa AOTHUN-DEN-L', $result->message() );
		$this->assertFalse( $result->state()->needs_lookup() );
		$this->assertTrue( $result->new_mappings()[0]['created'], 'the created product is still reported so it gets mapped' );
	}

	public function test_rate_limit_on_customer_search_waits_for_retry_after(): void {
		$this->kv->fail_next( 'search_customers', new FakeKiotVietError( 'Quá giới hạn request', 429, 'RateLimitException', 1200 ) );
		$result = $this->pusher()->push( self::order(), OrderFixtures::settings(), PushState::fresh() );

		$this->assertSame( PushResult::RETRY, $result->outcome() );
		$this->assertSame( 1200, $result->delay() );
		$this->assertSame( 0, $this->kv->count_calls( 'create_order' ) );
	}

	public function test_attempts_run_out(): void {
		$pusher = $this->pusher( 2 );
		$this->kv->fail_next( 'create_order', new FakeKiotVietError( 'Service unavailable', 503 ) );
		$this->kv->fail_next( 'create_order', new FakeKiotVietError( 'Service unavailable', 503 ) );
		$first  = $pusher->push( self::order(), OrderFixtures::settings(), PushState::fresh() );
		$second = $pusher->push( self::order(), OrderFixtures::settings(), $first->state() );

		$this->assertSame( PushResult::RETRY, $first->outcome() );
		$this->assertSame( PushResult::EXHAUSTED, $second->outcome() );
		$this->assertStringContainsString( 'needs manual resync', $second->message() );

		$manual = $pusher->push( self::order(), OrderFixtures::settings(), $second->state()->for_manual_retry(), true );
		$this->assertSame( PushResult::SYNCED, $manual->outcome() );
		$this->assertCount( 1, $this->kv->orders );
	}

	public function test_already_synced_state_sends_nothing(): void {
		$state  = new PushState( 1, false, null, null, 660101, 'DH000512' );
		$result = $this->pusher()->push( self::order(), OrderFixtures::settings(), $state );
		$this->assertSame( PushResult::ALREADY_SYNCED, $result->outcome() );
		$this->assertSame( array(), $this->kv->calls );
	}

	public function test_unpaid_statuses_are_skipped_unless_pushed_by_hand(): void {
		$pending = self::order( array( 'status' => 'pending' ) );
		$this->assertSame( PushResult::SKIPPED, $this->pusher()->push( $pending, OrderFixtures::settings(), PushState::fresh() )->outcome() );
		$this->assertSame( array(), $this->kv->calls );
		$this->assertSame( PushResult::SYNCED, $this->pusher()->push( $pending, OrderFixtures::settings(), PushState::fresh(), true )->outcome() );
	}

	public function test_deleted_unknown_product_fails_before_sending(): void {
		$order  = self::order(
			array(
				'lines' => array( OrderFixtures::line( array( 'product_exists' => false, 'kiotviet_id' => null, 'name' => 'Túi cói Bến Tre', 'sku' => 'TUI-COI' ) ) ),
				'total' => 328000,
			)
		);
		$result = $this->pusher()->push( $order, OrderFixtures::settings(), PushState::fresh() );

		$this->assertSame( PushResult::FAILED, $result->outcome() );
		$this->assertStringContainsString( 'Túi cói Bến Tre', $result->message() );
		$this->assertSame( 0, $this->kv->count_calls( 'create_order' ) );
		$this->assertSame( 0, $this->kv->count_calls( 'create_product' ) );
	}

	public function test_builder_refusal_is_permanent(): void {
		$result = $this->pusher()->push( self::order( array( 'currency' => 'USD' ) ), OrderFixtures::settings(), PushState::fresh() );
		$this->assertSame( PushResult::FAILED, $result->outcome() );
		$this->assertStringContainsString( 'USD', $result->message() );
	}

	public function test_lookup_that_cannot_finish_stops_for_a_person(): void {
		for ( $i = 0; $i < OrderPusher::MAX_LOOKUP_PAGES * 100 + 1; $i++ ) {
			$this->kv->orders[] = array( 'id' => 500000 + $i, 'code' => 'DH' . $i, 'branchId' => 5001, 'description' => 'Bán tại quầy' );
		}
		$order  = self::order( array( 'billing' => OrderFixtures::billing( array( 'phone' => '' ) ) ) );
		$state  = ( new PushState( 1, true ) )->with_sent( new DateTimeImmutable( '2025-06-11T02:21:00+00:00' ), null );
		$result = $this->pusher()->push( $order, OrderFixtures::settings(), $state );

		$this->assertSame( PushResult::FAILED, $result->outcome() );
		$this->assertStringContainsString( '[WC#1058@shop1]', $result->message() );
		$this->assertSame( OrderPusher::MAX_LOOKUP_PAGES, $this->kv->count_calls( 'list_orders' ) );
		$this->assertSame( 0, $this->kv->count_calls( 'create_order' ) );
		$this->assertTrue( $result->state()->needs_lookup(), 'still protected' );
	}

	public function test_lookup_pages_until_it_finds_the_order(): void {
		for ( $i = 0; $i < 250; $i++ ) {
			$this->kv->orders[] = array( 'id' => 500000 + $i, 'code' => 'DH' . $i, 'branchId' => 5001, 'description' => 'Bán tại quầy' );
		}
		$this->kv->orders[] = array( 'id' => 660777, 'code' => 'DH000777', 'branchId' => 5001, 'description' => '[WC#1058@shop1] Đơn hàng từ website, mã đơn hàng #1058.' );
		$order  = self::order( array( 'billing' => OrderFixtures::billing( array( 'phone' => '' ) ) ) );
		$state  = ( new PushState( 1, true ) )->with_sent( new DateTimeImmutable( '2025-06-11T02:21:00+00:00' ), null );
		$result = $this->pusher()->push( $order, OrderFixtures::settings(), $state );

		$this->assertSame( PushResult::FOUND_EXISTING, $result->outcome() );
		$this->assertSame( 660777, $result->state()->kiotviet_id() );
		$this->assertSame( 3, $this->kv->count_calls( 'list_orders' ) );
	}

	public function test_auth_failure_is_retried(): void {
		$this->kv->fail_next( 'search_customers', new FakeKiotVietError( 'Token không hợp lệ', 401, 'TokenException' ) );
		$result = $this->pusher()->push( self::order(), OrderFixtures::settings(), PushState::fresh() );
		$this->assertSame( PushResult::RETRY, $result->outcome() );
		$this->assertStringContainsString( '(auth)', $result->message() );
	}

	public function test_state_round_trip(): void {
		$state = ( new PushState( 3, true ) )->with_sent( new DateTimeImmutable( '2025-06-11T02:21:00+00:00' ), 880012 );
		$this->assertEquals( $state, PushState::from_array( $state->to_array() ) );
		$changed = $state->with_sent( new DateTimeImmutable( '2025-06-11T05:00:00+00:00' ), 880099 );
		$this->assertSame( '2025-06-11T02:21:00+00:00', $changed->to_array()['first_sent_at'], 'the first send time is kept' );
		$this->assertNull( $changed->sent_customer_id(), 'different customers across sends: search without a customer filter' );
	}
}
