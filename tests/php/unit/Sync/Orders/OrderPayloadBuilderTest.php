<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Orders;

use KiotVietSync\Sync\Orders\DuplicateGuard;
use KiotVietSync\Sync\Orders\KvOrderTotals;
use KiotVietSync\Sync\Orders\OrderPayloadBuilder;
use KiotVietSync\Sync\Orders\OrderSyncException;
use KiotVietSync\Sync\Orders\ResolvedLine;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KiotVietSync\Sync\Orders\OrderPayloadBuilder
 * @covers \KiotVietSync\Sync\Orders\OrderPayload
 * @covers \KiotVietSync\Sync\Orders\KvOrderTotals
 */
final class OrderPayloadBuilderTest extends TestCase {

	private OrderPayloadBuilder $builder;

	protected function setUp(): void {
		$this->builder = new OrderPayloadBuilder();
	}

	public function test_spec_example_fixed_coupon_and_shipping_surcharge(): void {
		$order = OrderFixtures::order(
			array(
				'lines'          => array( OrderFixtures::line( array( 'total' => 288000 ) ) ),
				'discount_total' => 10000,
				'shipping_total' => 30000,
				'total'          => 318000,
				'customer_note'  => "Giao giờ hành chính,\n gọi trước 15 phút",
			)
		);
		$result  = $this->builder->build( $order, OrderFixtures::settings(), 880012, OrderFixtures::resolved( $order ) );
		$payload = $result->payload();

		$this->assertSame( 5001, $payload['branchId'] );
		$this->assertSame( '2025-06-11T09:20:00', $payload['purchaseDate'], 'UTC 02:20 is 09:20 in Vietnam' );
		$this->assertSame( 880012, $payload['customerId'] );
		$this->assertSame( 'Cash', $payload['method'] );
		$this->assertSame( 0, $payload['totalPayment'] );
		$this->assertFalse( $payload['makeInvoice'] );
		$this->assertSame( 0, $payload['discount'] );
		$this->assertSame(
			array(
				'productId'     => 31000102,
				'productCode'   => 'AOTHUN-DEN-L',
				'productName'   => 'Áo thun basic - Đen - L',
				'quantity'      => 2,
				'price'         => 149000,
				'discount'      => 10000,
				'discountRatio' => 0,
				'note'          => '',
			),
			$payload['orderDetails'][0]
		);
		$this->assertSame( array( array( 'id' => 3301, 'code' => 'THKSHIPPINGWEB', 'price' => 30000 ) ), $payload['surchages'] );
		$this->assertSame(
			array(
				'type'          => 1,
				'price'         => 0,
				'receiver'      => 'Nguyễn Thị Lan',
				'contactNumber' => '0903123456',
				'address'       => '45 Nguyễn Trãi',
				'locationName'  => 'Hồ Chí Minh - Quận 5',
				'wardName'      => 'Phường 7',
			),
			$payload['orderDelivery']
		);
		$this->assertSame(
			'[WC#1058@shop1] Đơn hàng từ website, mã đơn hàng #1058. Thanh toán: Trả tiền mặt khi nhận hàng. Ghi chú của khách: Giao giờ hành chính, gọi trước 15 phút',
			$payload['description']
		);
		$this->assertSame( 318000.0, KvOrderTotals::total( $payload ) );
		$this->assertTrue( $result->totals_match() );
		$this->assertSame( '[WC#1058@shop1]', $result->marker() );
		$this->assertSame( array(), $result->notes() );
	}

	public function test_percent_coupon_over_several_lines_keeps_every_line_paid_amount(): void {
		// 10 % coupon; WooCommerce puts each line's share in subtotal − total.
		$order  = OrderFixtures::order(
			array(
				'lines'          => array(
					OrderFixtures::line( array( 'item_id' => 1, 'name' => 'Áo sơ mi linen', 'sku' => 'SOMI-LINEN', 'quantity' => 3, 'subtotal' => 297000, 'total' => 267300, 'kiotviet_id' => 31000201 ) ),
					OrderFixtures::line( array( 'item_id' => 2, 'name' => 'Nón bucket', 'sku' => 'NON-BUCKET', 'quantity' => 1, 'subtotal' => 45500, 'total' => 40950, 'kiotviet_id' => 31000202 ) ),
					OrderFixtures::line( array( 'item_id' => 3, 'name' => 'Quần short kaki', 'sku' => 'SHORT-KAKI', 'quantity' => 2, 'subtotal' => 259800, 'total' => 233820, 'kiotviet_id' => 31000203 ) ),
				),
				'discount_total' => 60230,
				'shipping_total' => 25000,
				'total'          => 567070,
			)
		);
		$payload = $this->builder->build( $order, OrderFixtures::settings(), 880012, OrderFixtures::resolved( $order ) )->payload();

		$this->assertSame( array( 99000, 45500, 129900 ), array_column( $payload['orderDetails'], 'price' ) );
		$this->assertSame( array( 29700, 4550, 25980 ), array_column( $payload['orderDetails'], 'discount' ) );
		$this->assertSame( 0, $payload['discount'], 'coupons are attributed to lines, not to the order' );
		$this->assertSame( 567070.0, KvOrderTotals::total( $payload ) );
	}

	public function test_fixed_cart_coupon_with_odd_amounts(): void {
		$order   = OrderFixtures::order(
			array(
				'lines'          => array(
					OrderFixtures::line( array( 'item_id' => 1, 'name' => 'Bánh pía Sóc Trăng', 'sku' => 'PIA-01', 'quantity' => 3, 'subtotal' => 99999, 'total' => 54545 ) ),
					OrderFixtures::line( array( 'item_id' => 2, 'name' => 'Trà sen Tây Hồ', 'sku' => 'TRA-SEN', 'quantity' => 1, 'subtotal' => 10001, 'total' => 5455 ) ),
				),
				'discount_total' => 50000,
				'total'          => 60000,
			)
		);
		$payload = $this->builder->build( $order, OrderFixtures::settings(), 880012, OrderFixtures::resolved( $order ) )->payload();

		$this->assertSame( array( 33333, 10001 ), array_column( $payload['orderDetails'], 'price' ) );
		$this->assertSame( array( 45454, 4546 ), array_column( $payload['orderDetails'], 'discount' ) );
		$this->assertArrayNotHasKey( 'surchages', $payload, 'no shipping, no surcharge line' );
		$this->assertSame( 60000.0, KvOrderTotals::total( $payload ) );
	}

	public function test_tax_inclusive_amounts_so_the_kiotviet_total_is_what_the_customer_owes(): void {
		// Prices entered with VAT: 165.000đ incl. 10 % and 2 × 59.000đ incl. 8 % (WooCommerce keeps 6 decimals).
		$order   = OrderFixtures::order(
			array(
				'lines' => array(
					OrderFixtures::line( array( 'item_id' => 1, 'name' => 'Nồi cơm điện mini', 'sku' => 'NOI-MINI', 'quantity' => 1, 'subtotal' => 150000, 'total' => 150000, 'subtotal_tax' => 15000, 'total_tax' => 15000 ) ),
					OrderFixtures::line( array( 'item_id' => 2, 'name' => 'Cà phê sữa đá lon', 'sku' => 'CAPHE-LON', 'quantity' => 2, 'subtotal' => 109259.259259, 'total' => 109259.259259, 'subtotal_tax' => 8740.740741, 'total_tax' => 8740.740741 ) ),
				),
				'total' => 283000,
			)
		);
		$payload = $this->builder->build( $order, OrderFixtures::settings(), null, OrderFixtures::resolved( $order ) )->payload();

		$this->assertSame( array( 165000, 59000 ), array_column( $payload['orderDetails'], 'price' ) );
		$this->assertSame( array( 0, 0 ), array_column( $payload['orderDetails'], 'discount' ) );
		$this->assertArrayNotHasKey( 'customerId', $payload, 'walk-in customer when none is given' );
		$this->assertSame( 283000.0, KvOrderTotals::total( $payload ) );
	}

	public function test_tax_added_at_checkout_is_folded_into_the_price(): void {
		$order   = OrderFixtures::order(
			array(
				'lines' => array( OrderFixtures::line( array( 'quantity' => 1, 'subtotal' => 200000, 'total' => 200000, 'subtotal_tax' => 20000, 'total_tax' => 20000 ) ) ),
				'total' => 220000,
			)
		);
		$payload = $this->builder->build( $order, OrderFixtures::settings(), 1, OrderFixtures::resolved( $order ) )->payload();
		$this->assertSame( 220000, $payload['orderDetails'][0]['price'] );
		$this->assertSame( 220000.0, KvOrderTotals::total( $payload ) );
	}

	public function test_rounding_remainder_goes_on_the_last_line(): void {
		// Three lines of 33.333,33đ: each rounds to 33.333 but the order total is 100.000.
		$lines = array();
		for ( $i = 1; $i <= 3; $i++ ) {
			$lines[] = OrderFixtures::line( array( 'item_id' => $i, 'sku' => 'GOI-' . $i, 'name' => 'Gói quà ' . $i, 'quantity' => 1, 'subtotal' => 33333.333333, 'total' => 33333.333333 ) );
		}
		$order   = OrderFixtures::order( array( 'lines' => $lines, 'total' => 100000 ) );
		$result  = $this->builder->build( $order, OrderFixtures::settings(), 1, OrderFixtures::resolved( $order ) );
		$details = $result->payload()['orderDetails'];

		$this->assertSame( array( 33333, 33333, 33334 ), array_column( $details, 'price' ) );
		$this->assertSame( array( 0, 0, 0 ), array_column( $details, 'discount' ), 'a line paid above its rounded shelf price gets a higher price, never a negative discount' );
		$this->assertSame( 100000.0, $result->kiotviet_total() );
		$this->assertSame( array(), $result->notes(), 'a 1 VND rounding remainder is not worth a note' );
	}

	public function test_remainder_that_the_last_line_cannot_absorb_goes_to_the_largest_line(): void {
		$order   = OrderFixtures::order(
			array(
				'lines' => array(
					OrderFixtures::line( array( 'item_id' => 1, 'sku' => 'A', 'quantity' => 1, 'subtotal' => 500000, 'total' => 500000 ) ),
					OrderFixtures::line( array( 'item_id' => 2, 'sku' => 'B', 'quantity' => 1, 'subtotal' => 0, 'total' => 0, 'name' => 'Quà tặng' ) ),
				),
				// Total edited down by 20.000đ in the admin.
				'total' => 480000,
			)
		);
		$result  = $this->builder->build( $order, OrderFixtures::settings(), 1, OrderFixtures::resolved( $order ) );
		$details = $result->payload()['orderDetails'];

		$this->assertSame( array( 20000, 0 ), array_column( $details, 'discount' ) );
		$this->assertSame( array( 500000, 0 ), array_column( $details, 'price' ) );
		$this->assertSame( 480000.0, $result->kiotviet_total() );
		$this->assertCount( 1, $result->notes(), 'a large difference is reported' );
	}

	public function test_shipping_not_synced_leaves_it_out_and_says_so(): void {
		$order  = OrderFixtures::order( array( 'shipping_total' => 30000, 'total' => 328000 ) );
		$result = $this->builder->build( $order, OrderFixtures::settings( array( 'sync_shipping' => false ) ), 1, OrderFixtures::resolved( $order ) );

		$this->assertArrayNotHasKey( 'surchages', $result->payload() );
		$this->assertSame( 30000, $result->unsent_shipping() );
		$this->assertSame( 298000, $result->expected_kiotviet_total() );
		$this->assertSame( 298000.0, $result->kiotviet_total() );
		$this->assertFalse( $result->totals_match() );
		$this->assertStringContainsString( 'Phí vận chuyển 30.000đ không tính vào tổng.', $result->payload()['description'] );
	}

	public function test_shipping_sync_without_a_surcharge_is_a_permanent_error(): void {
		$order = OrderFixtures::order( array( 'shipping_total' => 30000, 'total' => 328000 ) );
		try {
			$this->builder->build( $order, OrderFixtures::settings( array( 'shipping_surcharge' => null ) ), 1, OrderFixtures::resolved( $order ) );
			$this->fail( 'expected an exception' );
		} catch ( OrderSyncException $e ) {
			$this->assertSame( OrderSyncException::MISSING_SURCHARGE, $e->reason() );
		}
	}

	public function test_free_shipping_needs_no_surcharge(): void {
		$order   = OrderFixtures::order();
		$payload = $this->builder->build( $order, OrderFixtures::settings( array( 'shipping_surcharge' => null ) ), 1, OrderFixtures::resolved( $order ) )->payload();
		$this->assertArrayNotHasKey( 'surchages', $payload );
	}

	public function test_shipping_tax_is_part_of_the_surcharge(): void {
		$order   = OrderFixtures::order( array( 'shipping_total' => 27272.73, 'shipping_tax' => 2727.27, 'total' => 328000 ) );
		$payload = $this->builder->build( $order, OrderFixtures::settings(), 1, OrderFixtures::resolved( $order ) )->payload();
		$this->assertSame( 30000, $payload['surchages'][0]['price'] );
		$this->assertSame( 328000.0, KvOrderTotals::total( $payload ) );
	}

	public function test_negative_fee_is_the_order_discount(): void {
		$order   = OrderFixtures::order(
			array(
				'fees'  => array( array( 'name' => 'Giảm 10.000đ khi chuyển khoản', 'total' => -10000 ) ),
				'total' => 288000,
			)
		);
		$payload = $this->builder->build( $order, OrderFixtures::settings(), 1, OrderFixtures::resolved( $order ) )->payload();
		$this->assertSame( 10000, $payload['discount'] );
		$this->assertSame( 0, $payload['orderDetails'][0]['discount'] );
		$this->assertSame( 288000.0, KvOrderTotals::total( $payload ) );
	}

	public function test_positive_fee_uses_the_fee_surcharge_when_configured(): void {
		$order    = OrderFixtures::order(
			array(
				'fees'           => array( array( 'name' => 'Phí thanh toán qua ví', 'total' => 4500, 'total_tax' => 450 ) ),
				'shipping_total' => 30000,
				'total'          => 332950,
			)
		);
		$settings = OrderFixtures::settings( array( 'fee_surcharge' => array( 'id' => 3302, 'code' => 'THKPHIWEB' ) ) );
		$result   = $this->builder->build( $order, $settings, 1, OrderFixtures::resolved( $order ) );

		$this->assertSame(
			array(
				array( 'id' => 3301, 'code' => 'THKSHIPPINGWEB', 'price' => 30000 ),
				array( 'id' => 3302, 'code' => 'THKPHIWEB', 'price' => 4950 ),
			),
			$result->payload()['surchages']
		);
		$this->assertTrue( $result->totals_match() );
	}

	public function test_positive_fee_without_a_fee_surcharge_is_left_out_and_named(): void {
		$order  = OrderFixtures::order(
			array(
				'fees'  => array( array( 'name' => 'Phí gói quà', 'total' => 15000 ) ),
				'total' => 313000,
			)
		);
		$result = $this->builder->build( $order, OrderFixtures::settings(), 1, OrderFixtures::resolved( $order ) );

		$this->assertSame( 15000, $result->unsent_fees() );
		$this->assertSame( 298000.0, $result->kiotviet_total() );
		$this->assertStringContainsString( 'Phí khác 15.000đ không tính vào tổng.', $result->payload()['description'] );
		$this->assertFalse( $result->totals_match() );
	}

	public function test_fee_and_shipping_can_share_one_surcharge(): void {
		$order   = OrderFixtures::order(
			array(
				'fees'           => array( array( 'name' => 'Phí giao nhanh', 'total' => 10000 ) ),
				'shipping_total' => 20000,
				'total'          => 328000,
			)
		);
		$payload = $this->builder->build( $order, OrderFixtures::settings( array( 'fee_surcharge' => array( 'id' => 3301, 'code' => 'THKSHIPPINGWEB' ) ) ), 1, OrderFixtures::resolved( $order ) )->payload();
		$this->assertSame( array( array( 'id' => 3301, 'code' => 'THKSHIPPINGWEB', 'price' => 30000 ) ), $payload['surchages'] );
	}

	/**
	 * @dataProvider methods
	 */
	public function test_payment_method_mapping( string $gateway, string $expected ): void {
		$order   = OrderFixtures::order( array( 'payment_method' => $gateway ) );
		$payload = $this->builder->build( $order, OrderFixtures::settings(), 1, OrderFixtures::resolved( $order ) )->payload();
		$this->assertSame( $expected, $payload['method'] );
	}

	/** @return array<string,array{string,string}> */
	public static function methods(): array {
		return array(
			'cash on delivery' => array( 'cod', 'Cash' ),
			'bank transfer'    => array( 'bacs', 'Transfer' ),
			'VNPay'            => array( 'vnpay', 'Transfer' ),
			'MoMo'             => array( 'momo', 'Transfer' ),
			'Stripe card'      => array( 'stripe', 'Card' ),
			'none (admin)'     => array( '', 'Transfer' ),
		);
	}

	public function test_method_map_override(): void {
		$order   = OrderFixtures::order( array( 'payment_method' => 'vnpay' ) );
		$payload = $this->builder->build( $order, OrderFixtures::settings( array( 'method_map' => array( 'vnpay' => 'card' ) ) ), 1, OrderFixtures::resolved( $order ) )->payload();
		$this->assertSame( 'Card', $payload['method'] );
	}

	public function test_paid_online_order_records_the_payment_only_when_asked(): void {
		$order = OrderFixtures::order(
			array(
				'payment_method'       => 'vnpay',
				'payment_method_title' => 'Thanh toán qua VNPAY',
				'date_paid'            => '2025-06-11T02:25:00+00:00',
			)
		);
		$off = $this->builder->build( $order, OrderFixtures::settings(), 1, OrderFixtures::resolved( $order ) )->payload();
		$this->assertSame( 0, $off['totalPayment'] );
		$this->assertStringContainsString( 'Thanh toán: Thanh toán qua VNPAY (đã thanh toán).', $off['description'] );

		$on = $this->builder->build( $order, OrderFixtures::settings( array( 'record_payments' => true, 'payment_account_id' => 7001 ) ), 1, OrderFixtures::resolved( $order ) )->payload();
		$this->assertSame( 298000, $on['totalPayment'] );
		$this->assertSame( 7001, $on['accountId'] );
	}

	public function test_cod_is_never_recorded_as_paid(): void {
		$order   = OrderFixtures::order( array( 'status' => 'completed', 'date_paid' => '2025-06-12T02:25:00+00:00' ) );
		$payload = $this->builder->build( $order, OrderFixtures::settings( array( 'record_payments' => true ) ), 1, OrderFixtures::resolved( $order ) )->payload();
		$this->assertSame( 0, $payload['totalPayment'] );
		$this->assertArrayNotHasKey( 'accountId', $payload );
	}

	public function test_virtual_order_without_shipping_address_has_no_delivery(): void {
		$order   = OrderFixtures::order( array( 'shipping' => array() ) );
		$payload = $this->builder->build( $order, OrderFixtures::settings(), 1, OrderFixtures::resolved( $order ) )->payload();
		$this->assertArrayNotHasKey( 'orderDelivery', $payload );
	}

	public function test_billing_address_is_used_when_shipping_is_charged_but_no_shipping_address(): void {
		$order    = OrderFixtures::order(
			array(
				'shipping'       => array(),
				'billing'        => OrderFixtures::billing( array( 'address_2' => 'Tầng 3', 'city' => 'Cầu Giấy', 'state' => 'Hà Nội', 'phone' => '0912.000.111' ) ),
				'shipping_total' => 30000,
				'total'          => 328000,
			)
		);
		$delivery = $this->builder->build( $order, OrderFixtures::settings(), 1, OrderFixtures::resolved( $order ) )->payload()['orderDelivery'];
		$this->assertSame( '45 Nguyễn Trãi, Tầng 3', $delivery['address'], 'address_2 that is not a ward stays in the street' );
		$this->assertSame( 'Hà Nội - Cầu Giấy', $delivery['locationName'] );
		$this->assertArrayNotHasKey( 'wardName', $delivery );
		$this->assertSame( '0912000111', $delivery['contactNumber'] );
	}

	public function test_delivery_can_be_turned_off(): void {
		$order   = OrderFixtures::order();
		$payload = $this->builder->build( $order, OrderFixtures::settings( array( 'send_delivery' => false, 'send_purchase_date' => false ) ), 1, OrderFixtures::resolved( $order ) )->payload();
		$this->assertArrayNotHasKey( 'orderDelivery', $payload );
		$this->assertArrayNotHasKey( 'purchaseDate', $payload );
	}

	public function test_sale_channel_and_sale_book(): void {
		$order   = OrderFixtures::order();
		$payload = $this->builder->build(
			$order,
			OrderFixtures::settings( array( 'sale_channel_id' => 3, 'sale_book' => array( 'id' => 77, 'name' => 'Giá online' ) ) ),
			1,
			OrderFixtures::resolved( $order )
		)->payload();
		$this->assertSame( 3, $payload['saleChannelId'] );
		$this->assertSame( '{"PriceBookId":{"Id":77,"Name":"Giá online"}}', $payload['Extra'] );
	}

	public function test_non_vnd_orders_are_refused(): void {
		$order = OrderFixtures::order( array( 'currency' => 'USD', 'total' => 12.5 ) );
		$this->expectException( OrderSyncException::class );
		$this->expectExceptionMessage( 'USD' );
		$this->builder->build( $order, OrderFixtures::settings(), 1, OrderFixtures::resolved( $order ) );
	}

	public function test_every_line_must_be_resolved(): void {
		$order = OrderFixtures::order();
		try {
			$this->builder->build( $order, OrderFixtures::settings(), 1, array() );
			$this->fail( 'expected an exception' );
		} catch ( OrderSyncException $e ) {
			$this->assertSame( OrderSyncException::UNRESOLVED_LINE, $e->reason() );
			$this->assertStringContainsString( 'Áo thun basic - Đen - L', $e->getMessage() );
		}
	}

	public function test_line_note_keeps_the_woo_name_when_kiotviet_names_it_differently(): void {
		$order   = OrderFixtures::order( array( 'lines' => array( OrderFixtures::line( array( 'name' => 'Áo thun basic - Đen, L (in tên "Minh")' ) ) ) ) );
		$payload = $this->builder->build( $order, OrderFixtures::settings(), 1, array( new ResolvedLine( 11, 31000102, 'AOTHUN-DEN-L', 'Áo thun basic - Đen - L' ) ) )->payload();
		$this->assertSame( 'Áo thun basic - Đen - L', $payload['orderDetails'][0]['productName'] );
		$this->assertSame( 'Áo thun basic - Đen, L (in tên "Minh")', $payload['orderDetails'][0]['note'] );
	}

	public function test_fractional_quantity(): void {
		// 1,5 kg of "Thịt bò Úc" at 380.000đ/kg.
		$order   = OrderFixtures::order(
			array(
				'lines' => array( OrderFixtures::line( array( 'name' => 'Thịt bò Úc (kg)', 'sku' => 'BO-UC', 'quantity' => 1.5, 'subtotal' => 570000, 'total' => 570000 ) ) ),
				'total' => 570000,
			)
		);
		$payload = $this->builder->build( $order, OrderFixtures::settings(), 1, OrderFixtures::resolved( $order ) )->payload();
		$this->assertSame( 1.5, $payload['orderDetails'][0]['quantity'] );
		$this->assertSame( 380000, $payload['orderDetails'][0]['price'] );
		$this->assertEqualsWithDelta( 570000.0, KvOrderTotals::total( $payload ), 0.001 );
	}

	public function test_long_customer_note_is_truncated_and_the_marker_survives(): void {
		$order       = OrderFixtures::order( array( 'customer_note' => str_repeat( 'Giao hàng cẩn thận. ', 40 ) ) );
		$description = $this->builder->build( $order, OrderFixtures::settings(), 1, OrderFixtures::resolved( $order ) )->payload()['description'];
		$this->assertStringStartsWith( '[WC#1058@shop1] ', $description );
		$this->assertLessThan( 450, mb_strlen( $description, 'UTF-8' ) );
		$this->assertStringEndsWith( '…', $description );
	}

	public function test_markup_in_titles_and_notes_is_stripped(): void {
		$order       = OrderFixtures::order( array( 'payment_method_title' => '<strong>Chuyển khoản</strong> ngân hàng', 'customer_note' => 'Gọi <b>trước</b> khi giao' ) );
		$description = $this->builder->build( $order, OrderFixtures::settings(), 1, OrderFixtures::resolved( $order ) )->payload()['description'];
		$this->assertStringContainsString( 'Thanh toán: Chuyển khoản ngân hàng.', $description );
		$this->assertStringContainsString( 'Ghi chú của khách: Gọi trước khi giao', $description );
	}

	public function test_number_differs_from_id(): void {
		$order       = OrderFixtures::order( array( 'id' => 2207, 'number' => 'WEB-2025-0042' ) );
		$result      = $this->builder->build( $order, OrderFixtures::settings(), 1, OrderFixtures::resolved( $order ) );
		$description = $result->payload()['description'];
		$this->assertStringContainsString( 'mã đơn hàng #WEB-2025-0042.', $description );
		$this->assertSame( DuplicateGuard::marker( 2207, 'shop1' ), $result->marker() );
		$this->assertStringStartsWith( '[WC#2207@shop1]', $description );
	}

	public function test_building_twice_gives_the_same_body(): void {
		$order = OrderFixtures::order( array( 'shipping_total' => 30000, 'total' => 328000 ) );
		$a     = $this->builder->build( $order, OrderFixtures::settings(), 880012, OrderFixtures::resolved( $order ) )->payload();
		$b     = $this->builder->build( $order, OrderFixtures::settings(), 880012, OrderFixtures::resolved( $order ) )->payload();
		$this->assertSame( $a, $b );
	}
}
