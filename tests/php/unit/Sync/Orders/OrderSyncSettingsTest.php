<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Orders;

use InvalidArgumentException;
use KiotVietSync\Sync\Orders\OrderSyncSettings;
use KiotVietSync\Sync\Orders\WooOrderLine;
use KiotVietSync\Sync\Orders\WooOrderSnapshot;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KiotVietSync\Sync\Orders\OrderSyncSettings
 * @covers \KiotVietSync\Sync\Orders\SurchargeRef
 * @covers \KiotVietSync\Sync\Orders\WooOrderSnapshot
 * @covers \KiotVietSync\Sync\Orders\WooOrderLine
 * @covers \KiotVietSync\Sync\Orders\WooAddress
 */
final class OrderSyncSettingsTest extends TestCase {

	public function test_default_push_statuses_exclude_unpaid_orders(): void {
		$settings = OrderSyncSettings::from_array( array( 'branch_id' => 5001, 'site_key' => 'shop1' ) );
		$this->assertSame( array( 'processing', 'completed', 'on-hold' ), $settings->push_statuses() );
		$this->assertTrue( $settings->should_push( 'processing' ) );
		$this->assertTrue( $settings->should_push( 'wc-on-hold' ) );
		$this->assertFalse( $settings->should_push( 'pending' ) );
		$this->assertFalse( $settings->should_push( 'failed' ) );
		$this->assertFalse( $settings->should_push( 'cancelled' ) );
		$this->assertFalse( $settings->sync_shipping() );
		$this->assertFalse( $settings->match_lines_by_sku() );
		$this->assertTrue( $settings->send_delivery() );
		$this->assertFalse( $settings->record_payments() );
	}

	public function test_should_enqueue_only_unsynced_orders_in_a_push_status(): void {
		$settings = OrderFixtures::settings();
		$this->assertTrue( $settings->should_enqueue( 'wc-processing', false ) );
		$this->assertFalse( $settings->should_enqueue( 'processing', true ), 'already has a KiotViet order' );
		$this->assertFalse( $settings->should_enqueue( 'pending', false ) );
	}

	public function test_custom_push_statuses_are_normalised(): void {
		$settings = OrderSyncSettings::from_array( array( 'branch_id' => 5001, 'site_key' => 'shop1', 'push_statuses' => array( 'wc-Completed', 'completed', ' ' ) ) );
		$this->assertSame( array( 'completed' ), $settings->push_statuses() );
		$this->assertFalse( $settings->should_push( 'processing' ) );
	}

	/**
	 * @dataProvider invalid
	 * @param array<string,mixed> $input
	 */
	public function test_invalid_settings( array $input ): void {
		$this->expectException( InvalidArgumentException::class );
		OrderSyncSettings::from_array( $input );
	}

	/** @return array<string,array{array<string,mixed>}> */
	public static function invalid(): array {
		return array(
			'no branch'            => array( array( 'site_key' => 'shop1' ) ),
			'no site key'          => array( array( 'branch_id' => 5001 ) ),
			'site key with spaces' => array( array( 'branch_id' => 5001, 'site_key' => 'my shop' ) ),
			'unknown method'       => array( array( 'branch_id' => 5001, 'site_key' => 'shop1', 'method_map' => array( 'momo' => 'Wallet' ) ) ),
			'surcharge without id' => array( array( 'branch_id' => 5001, 'site_key' => 'shop1', 'shipping_surcharge' => array( 'code' => 'THKSHIPPINGWEB' ) ) ),
		);
	}

	public function test_snapshot_from_array(): void {
		$order = OrderFixtures::order( array( 'status' => 'wc-processing', 'created_via' => 'store-api', 'number' => '' ) );
		$this->assertSame( 'processing', $order->status() );
		$this->assertSame( 'store-api', $order->created_via() );
		$this->assertSame( '1058', $order->number(), 'number falls back to the id' );
		$this->assertSame( '+84 903 123 456', $order->customer_phone() );
		$this->assertFalse( $order->is_paid_online() );
		$this->assertSame( 'Nguyễn Thị Lan', $order->billing()->person_name() );
	}

	public function test_line_quantity_must_be_positive(): void {
		$this->expectException( InvalidArgumentException::class );
		WooOrderLine::from_array( OrderFixtures::line( array( 'quantity' => 0 ) ) );
	}

	public function test_whole_float_quantity_becomes_int(): void {
		$this->assertSame( 2, WooOrderLine::from_array( OrderFixtures::line( array( 'quantity' => 2.0 ) ) )->quantity() );
		$this->assertSame( 2, WooOrderLine::from_array( OrderFixtures::line( array( 'quantity' => '2' ) ) )->quantity() );
		$this->assertSame( 1.5, WooOrderLine::from_array( OrderFixtures::line( array( 'quantity' => '1.5' ) ) )->quantity() );
	}

	public function test_order_needs_lines(): void {
		$this->expectException( InvalidArgumentException::class );
		WooOrderSnapshot::from_array( array_merge( OrderFixtures::order_data(), array( 'lines' => array() ) ) );
	}
}
