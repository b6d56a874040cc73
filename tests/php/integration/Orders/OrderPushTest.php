<?php
/**
 * Order push against the simulator, on the stand-in and on real WooCommerce (HPOS).
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Orders;

use KiotVietSync\Orders\OrderSyncService;
use KiotVietSync\Plugin;
use KiotVietSync\Storage\OrderOutbox;
use KiotVietSync\Sync\Webhooks\Event;

/**
 * Triggers from every origin, the outbox, the queue with faults, customers, SKU mode, shipping, manual mode,
 * auto-resync and status back.
 */
final class OrderPushTest extends OrderTestCase {

	public function test_orders_from_every_origin_are_queued_without_calling_kiotviet_then_pushed_once(): void {
		$polo = $this->product( 'POLO-DO-M', self::KV_POLO_M );

		// Classic checkout: pending order, checkout hook, then the gateway moves it to processing.
		$classic = $this->order( array( array( $polo, 1 ) ) );
		$this->simulate_checkout( $classic, 'classic' );
		$classic->update_status( 'processing' );
		// Block checkout (Store API).
		$block = $this->order( array( array( $polo, 2 ) ), '0903123456', 0.0, 'store-api' );
		$this->simulate_checkout( $block, 'store_api' );
		$block->payment_complete();
		// Admin-created, saved directly in an eligible status.
		$admin = wc_create_order( array( 'status' => 'on-hold' ) );
		$admin->add_product( $polo, 1 );
		$admin->set_billing_phone( '0911222333' );
		$admin->set_billing_first_name( 'Minh' );
		$admin->set_created_via( 'admin' );
		$admin->calculate_totals( false );
		$admin->save();
		// REST-created.
		$rest = $this->order( array( array( $polo, 1 ) ), '0903123456', 0.0, 'rest-api' );
		$rest->set_status( 'completed' );
		$rest->save();
		// Not eligible: still pending.
		$pending = $this->order( array( array( $polo, 1 ) ) );

		$ids = array( $classic->get_id(), $block->get_id(), $admin->get_id(), $rest->get_id() );
		foreach ( $ids as $id ) {
			$row = $this->outbox()->get( $id );
			self::assertNotNull( $row, "order {$id} is in the outbox" );
			self::assertSame( OrderOutbox::WAITING, $row['state'] );
		}
		self::assertNull( $this->outbox()->get( $pending->get_id() ) );
		self::assertSame( array(), $this->kv_orders(), 'no KiotViet call while checking out' );
		self::assertTrue( Plugin::instance()->services()->scheduler()->is_scheduled( OrderSyncService::HOOK_QUEUE ) );

		$this->drain();
		$per_order = $this->kv_orders_per_woo_id();
		foreach ( $ids as $id ) {
			self::assertSame( 1, $per_order[ $id ] ?? 0, "order {$id} is in KiotViet once" );
			$order = wc_get_order( $id );
			self::assertMatchesRegularExpression( '/^DH\d{6}$/', (string) $order->get_meta( OrderSyncService::META_CODE ) );
			self::assertGreaterThan( 0, (int) $order->get_meta( OrderSyncService::META_ID ) );
			self::assertSame( OrderOutbox::SYNCED, $this->outbox()->get( $id )['state'] );
		}
		self::assertCount( 4, $this->kv_orders() );
		$kv = $this->kv_orders()[0];
		self::assertSame( self::KV_POLO_M, (int) $kv['orderDetails'][0]['productId'] );

		// Saving or re-triggering a synced order sends nothing again.
		$again = wc_get_order( $classic->get_id() );
		$again->update_status( 'completed' );
		self::assertSame( 'already_synced', $this->service()->push( $classic->get_id() ) );
		$this->drain();
		self::assertCount( 4, $this->kv_orders() );
	}

	public function test_variation_lines_use_the_variation_sku_and_mapping(): void {
		$parent = new \WC_Product_Variable();
		$parent->set_name( 'Áo thun basic' );
		$parent->set_sku( 'AOTHUN' );
		$parent->save();
		$variation = new \WC_Product_Variation();
		$variation->set_parent_id( $parent->get_id() );
		$variation->set_sku( 'AOTHUN-DEN-L' );
		$variation->set_regular_price( '159000' );
		$variation->set_attributes( array( 'size' => 'L' ) );
		$variation->save();
		$order = $this->order( array( array( wc_get_product( $variation->get_id() ), 1 ) ) );
		$order->update_status( 'processing' );
		$this->drain();
		$kv = $this->kv_orders();
		self::assertCount( 1, $kv );
		self::assertSame( self::KV_THUN_L, (int) $kv[0]['orderDetails'][0]['productId'], 'resolved by the variation SKU' );
	}

	public function test_hundred_orders_with_thirty_percent_faults_reach_kiotviet_exactly_once(): void {
		$polo = $this->product( 'POLO-DO-M', self::KV_POLO_M );
		$this->sim_post(
			'/__sim/faults',
			array(
				'rules' => array(
					array(
						'method'    => 'POST',
						'path'      => '/orders',
						'errorRate' => 0.1,
						'mode'      => 'commit-then-timeout',
					),
					array(
						'method'    => 'POST',
						'path'      => '/orders',
						'errorRate' => 0.1,
						'mode'      => 'commit-then-fail',
					),
					array(
						'method'    => 'POST',
						'path'      => '/orders',
						'errorRate' => 0.05,
						'status'    => 503,
					),
					array(
						'method'    => 'POST',
						'path'      => '/orders',
						'errorRate' => 0.05,
						'timeout'   => true,
					),
				),
			)
		);
		$ids = array();
		for ( $i = 0; $i < 100; $i++ ) {
			$order = $this->order( array( array( $polo, 1 ) ) );
			$order->update_status( 'processing' );
			$ids[] = (int) $order->get_id();
		}
		$this->drain( 60 );

		$per_order  = $this->kv_orders_per_woo_id();
		$lost       = 0;
		$duplicates = 0;
		foreach ( $ids as $id ) {
			$n = $per_order[ $id ] ?? 0;
			if ( 0 === $n ) {
				++$lost;
			}
			if ( $n > 1 ) {
				$duplicates += $n - 1;
			}
		}
		$requests = json_decode( (string) wp_remote_retrieve_body( wp_remote_get( $this->sim_url() . '/__sim/requests?countsOnly=true&method=POST&path=/orders' ) ), true );
		fwrite( STDERR, sprintf( "\n[fault test] expected=100 in_kiotviet=%d duplicates=%d lost=%d post_orders=%s store=%s hpos=%s\n", count( $this->kv_orders() ), $duplicates, $lost, (string) wp_json_encode( $requests['counts']['byStatus'] ?? null ), $this->is_real_woocommerce() ? 'woocommerce' : 'stand-in', \Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled() ? 'on' : 'off' ) );
		self::assertSame( 0, $lost, 'lost orders' );
		self::assertSame( 0, $duplicates, 'duplicates' );
		self::assertCount( 100, $this->kv_orders() );
		foreach ( $ids as $id ) {
			self::assertSame( OrderOutbox::SYNCED, $this->outbox()->get( $id )['state'] );
		}
	}

	public function test_customers_are_found_by_phone_or_created_once(): void {
		$polo  = $this->product( 'POLO-DO-M', self::KV_POLO_M );
		$known = $this->order( array( array( $polo, 1 ) ), '0903 123 456' );
		$known->update_status( 'processing' );
		$new1 = $this->order( array( array( $polo, 1 ) ), '0988777666' );
		$new1->update_status( 'processing' );
		$this->drain();
		$new2 = $this->order( array( array( $polo, 1 ) ), '0988777666' );
		$new2->update_status( 'processing' );
		$this->drain();

		$by_woo = array();
		foreach ( $this->kv_orders() as $kv ) {
			preg_match( '/\[WC#(\d+)@/', (string) $kv['description'], $m );
			$by_woo[ (int) $m[1] ] = $kv;
		}
		self::assertSame( 880001, (int) $by_woo[ $known->get_id() ]['customerId'] );
		$created = array_values(
			array_filter(
				$this->kv_customers(),
				static function ( array $c ): bool {
					return '0988777666' === (string) ( $c['contactNumber'] ?? '' );
				}
			)
		);
		self::assertCount( 1, $created, 'one new customer for two orders' );
		self::assertSame( (int) $created[0]['id'], (int) $by_woo[ $new1->get_id() ]['customerId'] );
		self::assertSame( (int) $created[0]['id'], (int) $by_woo[ $new2->get_id() ]['customerId'] );
	}

	public function test_sku_mode_resolves_unmapped_lines_by_sku(): void {
		$this->settings( array( 'order_lines_by_sku' => true ) );
		$jean  = $this->product( 'JEAN-29', null, 459000 );
		$order = $this->order( array( array( $jean, 2 ) ) );
		$order->update_status( 'processing' );
		$this->drain();
		$kv = $this->kv_orders();
		self::assertCount( 1, $kv );
		self::assertSame( 'JEAN-29', (string) $kv[0]['orderDetails'][0]['productCode'] );
		self::assertSame( 31000130, (int) $kv[0]['orderDetails'][0]['productId'] );
	}

	public function test_shipping_surcharge_makes_the_kiotviet_total_equal_the_woo_total(): void {
		$this->settings( array( 'sync_shipping' => true ) );
		$polo  = $this->product( 'POLO-DO-M', self::KV_POLO_M );
		$order = $this->order( array( array( $polo, 2 ) ), '0903123456', 30000.0 );
		$order->update_status( 'processing' );
		$this->drain();
		$kv = $this->kv_orders();
		self::assertCount( 1, $kv );
		self::assertEqualsWithDelta( (float) wc_get_order( $order->get_id() )->get_total(), (float) $kv[0]['total'], 0.001 );
		self::assertEqualsWithDelta( 530000.0, (float) $kv[0]['total'], 0.001 );
		$surcharge = get_option( OrderSyncService::OPTION_SURCHARGE );
		self::assertSame( 'THKSHIPPINGWEB', $surcharge['code'] );
	}

	public function test_reconnecting_forgets_the_shipping_surcharge_cached_for_the_previous_connection(): void {
		$this->settings( array( 'sync_shipping' => true ) );
		// Cached while connected to a shop (or a simulator since reset) where surcharge 987654 existed.
		update_option(
			OrderSyncService::OPTION_SURCHARGE,
			array(
				'id'   => 987654,
				'code' => 'THKSHIPPINGWEB',
			),
			false
		);
		$this->as_role( 'administrator' );
		$connect = $this->rest(
			'POST',
			'connection',
			array(
				'retailer'      => 'demo',
				'client_id'     => 'demo-client',
				'client_secret' => 'demo-secret',
			)
		);
		self::assertSame( 200, $connect->get_status(), (string) wp_json_encode( $connect->get_data() ) );
		self::assertSame( 200, $this->rest( 'PUT', 'connection/branch', array( 'branch_id' => 5001 ) )->get_status() );
		self::assertFalse( get_option( OrderSyncService::OPTION_SURCHARGE ) );

		$polo  = $this->product( 'POLO-DO-M', self::KV_POLO_M );
		$order = $this->order( array( array( $polo, 1 ) ), '0903123456', 30000.0 );
		$order->update_status( 'processing' );
		$this->drain();
		$kv = $this->kv_orders();
		self::assertCount( 1, $kv, (string) wp_json_encode( $this->outbox()->get( $order->get_id() ) ) );
		self::assertEqualsWithDelta( 280000.0, (float) $kv[0]['total'], 0.001 );
		self::assertNotSame( 987654, (int) get_option( OrderSyncService::OPTION_SURCHARGE )['id'] );
	}

	public function test_manual_mode_pushes_nothing_until_resync(): void {
		$this->settings( array( 'auto_push_orders' => false ) );
		$polo  = $this->product( 'POLO-DO-M', self::KV_POLO_M );
		$order = $this->order( array( array( $polo, 1 ) ) );
		$order->update_status( 'processing' );
		self::assertNull( $this->outbox()->get( $order->get_id() ) );
		$this->drain();
		self::assertSame( array(), $this->kv_orders() );

		$response = $this->rest( 'POST', 'orders/' . $order->get_id() . '/sync' );
		self::assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		self::assertSame( 'synced', $data['outcome'] );
		self::assertSame( 'synced', $data['item']['sync_state'] );
		self::assertCount( 1, $this->kv_orders() );

		// Bulk resync of an already synced order sends nothing.
		$bulk = $this->rest( 'POST', 'orders/sync', array( 'ids' => array( $order->get_id() ) ) );
		self::assertSame( 200, $bulk->get_status() );
		self::assertCount( 1, $this->kv_orders() );
	}

	public function test_permanent_failure_shows_kiotviet_message_and_manual_resync_recovers(): void {
		$polo = $this->product( 'POLO-DO-M', self::KV_POLO_M );
		$this->sim_post(
			'/__sim/faults',
			array(
				'rules' => array(
					array(
						'method'  => 'POST',
						'path'    => '/orders',
						'status'  => 400,
						'message' => 'Hàng hóa không được phép bán',
						'count'   => 1,
					),
				),
			)
		);
		$order = $this->order( array( array( $polo, 1 ) ) );
		$order->update_status( 'processing' );
		$this->drain();
		$row = $this->outbox()->get( $order->get_id() );
		self::assertSame( OrderOutbox::FAILED, $row['state'] );
		self::assertStringContainsString( 'Hàng hóa không được phép bán', (string) $row['message'] );
		$notes = wc_get_order_notes( array( 'order_id' => $order->get_id() ) );
		self::assertStringContainsString( 'Hàng hóa không được phép bán', implode( ' ', wp_list_pluck( $notes, 'content' ) ) );

		$list = $this->rest( 'GET', 'orders', array(), array( 'state' => 'failed' ) );
		self::assertSame( 200, $list->get_status() );
		self::assertSame( $order->get_id(), $list->get_data()['items'][0]['id'] );
		self::assertStringContainsString( 'không được phép bán', (string) $list->get_data()['items'][0]['message'] );

		$this->rest( 'POST', 'orders/sync', array( 'ids' => array( $order->get_id() ) ) );
		self::assertSame( OrderOutbox::SYNCED, $this->outbox()->get( $order->get_id() )['state'] );
		self::assertCount( 1, $this->kv_orders() );
		$synced = $this->rest( 'GET', 'orders', array(), array( 'state' => 'synced' ) )->get_data();
		self::assertSame( 1, $synced['total'] );
		self::assertMatchesRegularExpression( '/^DH\d{6}$/', (string) $synced['items'][0]['kiotviet_code'] );
	}

	public function test_auto_resync_honours_limit_budget_and_interval(): void {
		$this->settings( array( 'auto_push_orders' => false ) );
		$polo = $this->product( 'POLO-DO-M', self::KV_POLO_M );
		$ids  = array();
		for ( $i = 0; $i < 3; $i++ ) {
			$order = $this->order( array( array( $polo, 1 ) ) );
			$order->update_status( 'processing' );
			$ids[] = $order->get_id();
		}
		// Off: nothing.
		self::assertSame( array(), $this->service()->auto_resync( 5000 ) );

		list( , $errors ) = ( new \KiotVietSync\Storage\SyncSettings() )->with_changes( array( 'auto_resync_interval' => 600 ) );
		self::assertArrayHasKey( 'auto_resync_interval', $errors );

		$this->settings(
			array(
				'auto_resync_orders'   => true,
				'auto_resync_interval' => 7200,
				'auto_resync_limit'    => 2,
			)
		);
		self::assertTrue( Plugin::instance()->services()->scheduler()->is_scheduled( OrderSyncService::HOOK_RESYNC ) );
		// Budget nearly used up: nothing this run.
		self::assertSame( array(), $this->service()->auto_resync( 500 ) );
		$queued = $this->service()->auto_resync( 5000 );
		self::assertCount( 2, $queued );
		self::assertCount( 2, $this->kv_orders() );
		$queued = $this->service()->auto_resync( 5000 );
		self::assertCount( 1, $queued );
		self::assertCount( 3, $this->kv_orders() );
		self::assertSame( array(), $this->service()->auto_resync( 5000 ) );
		self::assertSame( array( 1, 1, 1 ), array_values( array_intersect_key( $this->kv_orders_per_woo_id(), array_flip( $ids ) ) ) );

		$this->settings( array( 'auto_resync_orders' => false ) );
		self::assertFalse( Plugin::instance()->services()->scheduler()->is_scheduled( OrderSyncService::HOOK_RESYNC ) );
	}

	public function test_status_back_completes_and_cancel_restocks(): void {
		$polo  = $this->product( 'POLO-DO-M', self::KV_POLO_M, 250000, 10 );
		$order = $this->order( array( array( $polo, 2 ) ) );
		$order->update_status( 'processing' );
		wc_maybe_reduce_stock_levels( $order->get_id() );
		self::assertSame( 8, (int) wc_get_product( $polo->get_id() )->get_stock_quantity() );
		$this->drain();
		$kv_id = (int) wc_get_order( $order->get_id() )->get_meta( OrderSyncService::META_ID );
		self::assertGreaterThan( 0, $kv_id );

		// Unknown status: logged, unchanged.
		$this->webhook( array( 'Id' => $kv_id, 'Status' => 9, 'StatusValue' => 'Lạ' ) );
		self::assertSame( 'processing', wc_get_order( $order->get_id() )->get_status() );

		// Cancelled in KiotViet → cancelled in Woo, stock restored by WooCommerce.
		$this->sim_post( '/__sim/orders/' . $kv_id . '/status', array( 'status' => 4 ) );
		$this->webhook(
			array(
				'Id'          => $kv_id,
				'Status'      => 4,
				'StatusValue' => 'Đã hủy',
			)
		);
		self::assertSame( 'cancelled', wc_get_order( $order->get_id() )->get_status() );
		self::assertSame( 10, (int) wc_get_product( $polo->get_id() )->get_stock_quantity() );

		// Another order completed in KiotViet, found by the description marker only.
		$second = $this->order( array( array( $polo, 1 ) ) );
		$second->update_status( 'on-hold' );
		$this->drain();
		$kv2 = (int) wc_get_order( $second->get_id() )->get_meta( OrderSyncService::META_ID );
		$this->webhook(
			array(
				'Id'          => $kv2,
				'Status'      => 3,
				'StatusValue' => 'Hoàn thành',
			)
		);
		self::assertSame( 'completed', wc_get_order( $second->get_id() )->get_status() );
		$marker_only = $this->order( array( array( $polo, 1 ) ) );
		$this->webhook(
			array(
				'Id'          => 999001,
				'Code'        => 'DH999001',
				'Status'      => 5,
				'StatusValue' => 'Đã xác nhận',
				'Description' => '[WC#' . $marker_only->get_id() . '@' . $this->service()->site_key() . '] Đơn hàng từ website',
			)
		);
		$linked = wc_get_order( $marker_only->get_id() );
		self::assertSame( 'processing', $linked->get_status() );
		self::assertSame( '999001', (string) $linked->get_meta( OrderSyncService::META_ID ) );
		$this->drain();
		self::assertSame( 0, $this->kv_orders_per_woo_id()[ $marker_only->get_id() ] ?? 0, 'linked orders are never sent again' );
	}

	public function test_orders_routes_need_manage_woocommerce(): void {
		$this->as_role( 'customer' );
		self::assertSame( 403, $this->rest( 'GET', 'orders' )->get_status() );
		self::assertSame( 403, $this->rest( 'POST', 'orders/sync', array( 'ids' => array( 1 ) ) )->get_status() );
		$this->as_role( 'shop_manager' );
		self::assertSame( 200, $this->rest( 'GET', 'orders' )->get_status() );
		self::assertSame( 404, $this->rest( 'POST', 'orders/999999999/sync' )->get_status() );
		self::assertSame( 400, $this->rest( 'POST', 'orders/sync', array( 'ids' => array() ) )->get_status() );
	}

	/**
	 * Fires the webhook action like the webhooks feature does.
	 *
	 * @param array<string, mixed> $item Order item.
	 */
	private function webhook( array $item ): void {
		do_action( 'kiotviet_sync_webhook_order_update', $item, new Event( 'order.update', (int) $item['Id'], 5001, null, null, $item ) );
	}
}
