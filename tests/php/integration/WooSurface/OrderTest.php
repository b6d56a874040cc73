<?php
/**
 * Parity: orders through CRUD (storage-agnostic: real WooCommerce 8.9 may store orders in HPOS tables).
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\WooSurface;

/**
 * Must pass on the stand-in and on real WooCommerce 8.9.
 */
final class OrderTest extends WooSurfaceTestCase {

	/**
	 * An order with a simple product ×2, a variation ×1 and shipping, totals calculated.
	 *
	 * @return array{order: \WC_Order, simple: int, ids: array}
	 */
	private function order_with_items(): array {
		$simple = $this->simple_product(
			array(
				'name'           => 'Áo thun',
				'sku'            => $this->sku( 'OS' ),
				'regular_price'  => '150000',
				'sale_price'     => '120000',
				'manage_stock'   => true,
				'stock_quantity' => 10,
			)
		)->get_id();
		$ids    = $this->variable_product_with_variations();

		$order = wc_create_order(
			array(
				'customer_note' => 'Giao giờ hành chính',
				'created_via'   => 'checkout',
			)
		);
		self::assertInstanceOf( \WC_Order::class, $order );
		$order->set_billing_first_name( 'An' );
		$order->set_billing_last_name( 'Nguyễn' );
		$order->set_billing_company( 'Cửa hàng An' );
		$order->set_billing_address_1( '12 Lê Lợi' );
		$order->set_billing_address_2( 'Phường Bến Nghé' );
		$order->set_billing_city( 'Hồ Chí Minh' );
		$order->set_billing_state( 'SG' );
		$order->set_billing_postcode( '700000' );
		$order->set_billing_country( 'VN' );
		$order->set_billing_email( 'an@example.test' );
		$order->set_billing_phone( '0901234567' );
		$order->set_shipping_first_name( 'Bình' );
		$order->set_shipping_last_name( 'Trần' );
		$order->set_shipping_address_1( '34 Hai Bà Trưng' );
		$order->set_shipping_city( 'Hà Nội' );
		$order->set_shipping_country( 'VN' );
		$order->set_shipping_phone( '0912345678' );
		$order->set_payment_method( 'cod' );
		$order->set_payment_method_title( 'Cash on delivery' );

		$order->add_product( wc_get_product( $simple ), 2 );
		$order->add_product( wc_get_product( $ids['v2'] ), 1 );

		$shipping = new \WC_Order_Item_Shipping();
		$shipping->set_method_title( 'Giao hàng nhanh' );
		$shipping->set_method_id( 'flat_rate' );
		$shipping->set_total( '30000' );
		$order->add_item( $shipping );

		$order->calculate_totals();
		return array(
			'order'  => $order,
			'simple' => $simple,
			'ids'    => $ids,
		);
	}

	public function test_create_add_products_and_calculate_totals(): void {
		update_option( 'woocommerce_calc_taxes', 'no' );
		$made  = $this->order_with_items();
		$order = $made['order'];
		$id    = $order->get_id();
		self::assertGreaterThan( 0, $id );

		$this->flush_caches();
		$read = wc_get_order( $id );
		self::assertInstanceOf( \WC_Order::class, $read );
		self::assertSame( $id, $read->get_id() );
		self::assertSame( (string) $id, $read->get_order_number() );
		self::assertSame( 'pending', $read->get_status() );
		self::assertEquals( 380000, (float) $read->get_total(), '2 × 120000 + 110000 + 30000 shipping' );
		self::assertEquals( 350000, (float) $read->get_subtotal() );
		self::assertEquals( 30000, (float) $read->get_shipping_total() );
		self::assertEquals( 0, (float) $read->get_discount_total() );
		self::assertEquals( 0, (float) $read->get_total_tax() );
		self::assertSame( get_woocommerce_currency(), $read->get_currency() );
		self::assertSame( 'cod', $read->get_payment_method() );
		self::assertSame( 'Cash on delivery', $read->get_payment_method_title() );
		self::assertSame( 'Giao giờ hành chính', $read->get_customer_note() );
		self::assertSame( 'checkout', $read->get_created_via() );
		self::assertInstanceOf( \DateTimeInterface::class, $read->get_date_created() );

		self::assertSame( 'An', $read->get_billing_first_name() );
		self::assertSame( 'Nguyễn', $read->get_billing_last_name() );
		self::assertSame( 'Cửa hàng An', $read->get_billing_company() );
		self::assertSame( '12 Lê Lợi', $read->get_billing_address_1() );
		self::assertSame( 'Phường Bến Nghé', $read->get_billing_address_2() );
		self::assertSame( 'Hồ Chí Minh', $read->get_billing_city() );
		self::assertSame( 'SG', $read->get_billing_state() );
		self::assertSame( '700000', $read->get_billing_postcode() );
		self::assertSame( 'VN', $read->get_billing_country() );
		self::assertSame( 'an@example.test', $read->get_billing_email() );
		self::assertSame( '0901234567', $read->get_billing_phone() );
		self::assertSame( 'Bình', $read->get_shipping_first_name() );
		self::assertSame( 'Trần', $read->get_shipping_last_name() );
		self::assertSame( '34 Hai Bà Trưng', $read->get_shipping_address_1() );
		self::assertSame( 'Hà Nội', $read->get_shipping_city() );
		self::assertSame( 'VN', $read->get_shipping_country() );
		self::assertSame( '0912345678', $read->get_shipping_phone() );

		$items = array_values( $read->get_items() );
		self::assertCount( 2, $items );
		self::assertInstanceOf( \WC_Order_Item_Product::class, $items[0] );
		self::assertSame( $made['simple'], $items[0]->get_product_id() );
		self::assertSame( 0, $items[0]->get_variation_id() );
		self::assertEquals( 2, $items[0]->get_quantity() );
		self::assertEquals( 240000, (float) $items[0]->get_subtotal() );
		self::assertEquals( 240000, (float) $items[0]->get_total() );
		self::assertSame( 'Áo thun', $items[0]->get_name() );
		self::assertSame( $made['simple'], $items[0]->get_product()->get_id() );
		self::assertSame( $id, $items[0]->get_order_id() );

		self::assertSame( $made['ids']['parent'], $items[1]->get_product_id() );
		self::assertSame( $made['ids']['v2'], $items[1]->get_variation_id() );
		self::assertSame( $made['ids']['v2'], $items[1]->get_product()->get_id() );
		self::assertEquals( 110000, (float) $items[1]->get_total() );
		self::assertSame( $made['ids']['terms']['Xanh']->slug, $items[1]->get_meta( $made['ids']['taxonomy'] ) );
		self::assertSame( 'M', $items[1]->get_meta( 'kich-co' ) );
		$item_meta_keys = static function ( $item ): array {
			return array_map(
				static function ( $meta ) {
					return $meta->key;
				},
				$item->get_meta_data()
			);
		};
		self::assertSame( array(), $item_meta_keys( $items[0] ), 'props are not item meta data' );
		self::assertSame( array( $made['ids']['taxonomy'], 'kich-co' ), $item_meta_keys( $items[1] ) );

		$shipping = array_values( $read->get_items( 'shipping' ) );
		self::assertCount( 1, $shipping );
		self::assertInstanceOf( \WC_Order_Item_Shipping::class, $shipping[0] );
		self::assertSame( 'Giao hàng nhanh', $shipping[0]->get_name() );
		self::assertSame( 'flat_rate', $shipping[0]->get_method_id() );
		self::assertEquals( 30000, (float) $shipping[0]->get_total() );

		global $wpdb;
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT order_item_name, order_item_type FROM {$wpdb->prefix}woocommerce_order_items WHERE order_id = %d ORDER BY order_item_id", $id ), ARRAY_A );
		self::assertSame(
			array(
				array(
					'order_item_name' => 'Áo thun',
					'order_item_type' => 'line_item',
				),
				array(
					'order_item_name' => 'Áo khoác',
					'order_item_type' => 'line_item',
				),
				array(
					'order_item_name' => 'Giao hàng nhanh',
					'order_item_type' => 'shipping',
				),
			),
			$rows
		);
		$item_id = (int) $items[0]->get_id();
		self::assertSame( (string) $made['simple'], get_metadata( 'order_item', $item_id, '_product_id', true ) );
		self::assertSame( '2', get_metadata( 'order_item', $item_id, '_qty', true ) );
		self::assertEquals( 240000, (float) get_metadata( 'order_item', $item_id, '_line_total', true ) );
		self::assertEquals( 240000, (float) get_metadata( 'order_item', $item_id, '_line_subtotal', true ) );
	}

	public function test_defaults_of_a_new_order(): void {
		$order = wc_get_order( wc_create_order()->get_id() );
		self::assertSame( 'pending', $order->get_status() );
		self::assertSame( 0, $order->get_customer_id() );
		self::assertSame( '', $order->get_created_via() );
		self::assertSame( 'VND', $order->get_currency() );
		self::assertFalse( $order->get_prices_include_tax() );
		self::assertSame( 0, $order->get_parent_id() );
		self::assertSame( array(), $order->get_items() );
		self::assertEquals( 0, (float) $order->get_total() );
		self::assertSame( 0, strpos( $order->get_order_key(), 'wc_order_' ) );
		self::assertSame( '', $order->get_payment_method() );
	}

	public function test_order_meta_round_trip(): void {
		$order = wc_create_order();
		$order->update_meta_data( '_kiotviet_sync_invoice_code', 'HD000123' );
		$order->update_meta_data( '_kiotviet_sync_payload', array( 'a' => 1 ) );
		$order->save();

		$this->flush_caches();
		$read = wc_get_order( $order->get_id() );
		$keys = array_map(
			static function ( $meta ) {
				return $meta->key;
			},
			$read->get_meta_data()
		);
		// With HPOS, WooCommerce keeps the address search indexes as order meta data; with posts they are internal.
		$keys = array_values( array_diff( $keys, array( '_billing_address_index', '_shipping_address_index' ) ) );
		sort( $keys );
		self::assertSame( array( '_kiotviet_sync_invoice_code', '_kiotviet_sync_payload' ), $keys, 'only our keys are meta data; props are not' );
		self::assertSame( 'HD000123', $read->get_meta( '_kiotviet_sync_invoice_code' ) );
		self::assertSame( array( 'a' => 1 ), $read->get_meta( '_kiotviet_sync_payload' ) );
		self::assertSame( '', $read->get_meta( '_kiotviet_sync_missing' ) );

		$read->update_meta_data( '_kiotviet_sync_invoice_code', 'HD000124' );
		$read->save();
		$this->flush_caches();
		self::assertSame( 'HD000124', wc_get_order( $order->get_id() )->get_meta( '_kiotviet_sync_invoice_code' ) );

		$again = wc_get_order( $order->get_id() );
		$again->delete_meta_data( '_kiotviet_sync_invoice_code' );
		$again->save();
		$this->flush_caches();
		self::assertSame( '', wc_get_order( $order->get_id() )->get_meta( '_kiotviet_sync_invoice_code' ) );
	}

	public function test_status_changes_fire_hooks_and_reduce_stock(): void {
		$this->record( 'woocommerce_new_order' );
		$this->record( 'woocommerce_order_status_processing' );
		$this->record( 'woocommerce_order_status_pending_to_processing' );
		$this->record( 'woocommerce_order_status_changed' );
		$this->record( 'woocommerce_order_status_cancelled' );
		$this->record( 'woocommerce_reduce_order_stock' );

		$made  = $this->order_with_items();
		$order = $made['order'];
		$id    = $order->get_id();
		self::assertSame( array( $id ), array_map( 'intval', array_column( $this->fired['woocommerce_new_order'], 0 ) ) );
		self::assertCount( 0, $this->fired['woocommerce_order_status_changed'], 'creating a pending order changes no status' );

		self::assertTrue( wc_get_order( $id )->update_status( 'processing', 'Paid.' ) );
		self::assertCount( 1, $this->fired['woocommerce_order_status_processing'] );
		self::assertSame( $id, (int) $this->fired['woocommerce_order_status_processing'][0][0] );
		self::assertInstanceOf( \WC_Order::class, $this->fired['woocommerce_order_status_processing'][0][1] );
		self::assertCount( 1, $this->fired['woocommerce_order_status_pending_to_processing'] );
		self::assertSame( $id, (int) $this->fired['woocommerce_order_status_changed'][0][0] );
		self::assertSame( 'pending', $this->fired['woocommerce_order_status_changed'][0][1] );
		self::assertSame( 'processing', $this->fired['woocommerce_order_status_changed'][0][2] );
		self::assertInstanceOf( \WC_Order::class, $this->fired['woocommerce_order_status_changed'][0][3] );

		// WooCommerce reduces stock when an order reaches processing/completed/on-hold.
		self::assertCount( 1, $this->fired['woocommerce_reduce_order_stock'] );
		$this->flush_caches();
		self::assertSame( 8, wc_get_product( $made['simple'] )->get_stock_quantity() );
		self::assertSame( 4, wc_get_product( $made['ids']['v2'] )->get_stock_quantity() );
		self::assertSame( 'processing', wc_get_order( $id )->get_status() );
		$reduced = array_map(
			static function ( $item ) {
				return (int) $item->get_meta( '_reduced_stock' );
			},
			array_values( wc_get_order( $id )->get_items() )
		);
		self::assertSame( array( 2, 1 ), $reduced, 'line items remember the reduced quantity in _reduced_stock' );
		self::assertTrue( wc_get_order( $id )->is_paid() );

		// Completing does not reduce twice; cancelling restores.
		wc_get_order( $id )->update_status( 'completed' );
		self::assertSame( 8, wc_get_product( $made['simple'] )->get_stock_quantity() );
		self::assertNotNull( wc_get_order( $id )->get_date_completed() );
		self::assertNotNull( wc_get_order( $id )->get_date_paid(), 'paid at the latest when completed' );
		wc_get_order( $id )->update_status( 'cancelled' );
		self::assertCount( 1, $this->fired['woocommerce_order_status_cancelled'] );
		$this->flush_caches();
		self::assertSame( 10, wc_get_product( $made['simple'] )->get_stock_quantity() );
		self::assertSame( 5, wc_get_product( $made['ids']['v2'] )->get_stock_quantity() );
		self::assertSame(
			array( 'pending>processing', 'processing>completed', 'completed>cancelled' ),
			array_map(
				static function ( array $args ): string {
					return $args[1] . '>' . $args[2];
				},
				$this->fired['woocommerce_order_status_changed']
			)
		);
	}

	public function test_create_with_status_fires_the_transition(): void {
		$this->record( 'woocommerce_order_status_on-hold' );
		$this->record( 'woocommerce_order_status_changed' );
		$order = wc_create_order( array( 'status' => 'on-hold' ) );
		self::assertSame( 'on-hold', $order->get_status() );
		self::assertCount( 1, $this->fired['woocommerce_order_status_on-hold'] );
		self::assertSame( 'pending', $this->fired['woocommerce_order_status_changed'][0][1] );
		self::assertSame( 'on-hold', $this->fired['woocommerce_order_status_changed'][0][2] );
	}

	public function test_wc_get_orders_by_status_and_meta(): void {
		$marker     = $this->sku( 'ORD' );
		$pending    = wc_create_order();
		$processing = wc_create_order();
		foreach ( array( $pending, $processing ) as $order ) {
			$order->update_meta_data( '_kvs_query_marker', $marker );
			$order->save();
		}
		$processing->update_status( 'processing' );

		$ids = wc_get_orders(
			array(
				'status' => array( 'wc-processing' ),
				'limit'  => -1,
				'return' => 'ids',
			)
		);
		self::assertContains( $processing->get_id(), array_map( 'intval', $ids ) );
		self::assertNotContains( $pending->get_id(), array_map( 'intval', $ids ) );

		$ids = wc_get_orders(
			array(
				'status' => 'pending',
				'limit'  => -1,
				'return' => 'ids',
			)
		);
		self::assertContains( $pending->get_id(), array_map( 'intval', $ids ) );

		$by_meta = wc_get_orders(
			array(
				'limit'      => -1,
				'return'     => 'ids',
				'orderby'    => 'id',
				'order'      => 'ASC',
				'meta_query' => array(
					array(
						'key'   => '_kvs_query_marker',
						'value' => $marker,
					),
				),
			)
		);
		self::assertSame( array( $pending->get_id(), $processing->get_id() ), array_map( 'intval', $by_meta ) );

		$objects = wc_get_orders(
			array(
				'limit'      => 1,
				'meta_query' => array(
					array(
						'key'   => '_kvs_query_marker',
						'value' => $marker,
					),
				),
			)
		);
		self::assertCount( 1, $objects );
		self::assertInstanceOf( \WC_Order::class, $objects[0] );
	}

	public function test_statuses_notes_and_urls(): void {
		$statuses = array_keys( wc_get_order_statuses() );
		foreach ( array( 'wc-pending', 'wc-processing', 'wc-on-hold', 'wc-completed', 'wc-cancelled', 'wc-refunded', 'wc-failed' ) as $status ) {
			self::assertContains( $status, $statuses );
		}
		self::assertContains( 'wc-checkout-draft', $statuses, 'the block checkout registers its draft status' );
		$order   = wc_create_order();
		$note_id = $order->add_order_note( 'Đã đồng bộ với KiotViet.' );
		self::assertGreaterThan( 0, $note_id );
		$comment = get_comment( $note_id );
		self::assertSame( 'order_note', $comment->comment_type );
		self::assertSame( (string) $order->get_id(), (string) $comment->comment_post_ID );
		self::assertStringContainsString( (string) $order->get_id(), $order->get_edit_order_url() );
		self::assertFalse( wc_get_order( 999999999 ) );
	}

	public function test_checkout_hooks_only_fire_when_a_checkout_happens(): void {
		$this->record( 'woocommerce_checkout_order_processed' );
		$this->record( 'woocommerce_store_api_checkout_order_processed' );
		$order = wc_create_order();
		$order->add_product( wc_get_product( $this->simple_product()->get_id() ), 1 );
		$order->calculate_totals();
		self::assertCount( 0, $this->fired['woocommerce_checkout_order_processed'] );
		self::assertCount( 0, $this->fired['woocommerce_store_api_checkout_order_processed'] );

		$this->simulate_checkout( $order );
		$this->simulate_checkout( $order, 'store_api' );
		self::assertSame( $order->get_id(), (int) $this->fired['woocommerce_checkout_order_processed'][0][0] );
		self::assertSame( $order, $this->fired['woocommerce_checkout_order_processed'][0][2] );
		self::assertSame( $order, $this->fired['woocommerce_store_api_checkout_order_processed'][0][0] );
	}

	public function test_wc_get_orders_by_customer_and_paginated(): void {
		$customer = $this->as_role( 'customer' );
		wp_set_current_user( 0 );
		$mine = array();
		for ( $i = 0; $i < 3; $i++ ) {
			$mine[] = wc_create_order( array( 'customer_id' => $customer ) )->get_id();
		}
		wc_create_order();

		$found = wc_get_orders(
			array(
				'customer_id' => $customer,
				'limit'       => -1,
				'return'      => 'ids',
			)
		);
		sort( $found );
		self::assertSame( $mine, array_map( 'intval', $found ) );
		self::assertSame( $customer, wc_get_order( $mine[0] )->get_customer_id() );

		$page = wc_get_orders(
			array(
				'customer_id' => $customer,
				'limit'       => 2,
				'page'        => 1,
				'paginate'    => true,
				'return'      => 'ids',
			)
		);
		self::assertIsObject( $page );
		self::assertSame( 3, (int) $page->total );
		self::assertSame( 2, (int) $page->max_num_pages );
		self::assertCount( 2, $page->orders );
	}

	public function test_fees_discounts_and_deleted_products(): void {
		$product = $this->simple_product( array( 'regular_price' => '100000' ) );
		$order   = wc_create_order();
		$order->add_product( wc_get_product( $product->get_id() ), 3, array( 'total' => '270000' ) );

		$surcharge = new \WC_Order_Item_Fee();
		$surcharge->set_name( 'Phí đóng gói' );
		$surcharge->set_amount( '5000' );
		$surcharge->set_total( '5000' );
		$order->add_item( $surcharge );

		$discount = new \WC_Order_Item_Fee();
		$discount->set_name( 'Giảm 2% khi chuyển khoản' );
		$discount->set_amount( '-5500' );
		$discount->set_total( '-5500' );
		$order->add_item( $discount );

		$huge = new \WC_Order_Item_Fee();
		$huge->set_name( 'Giảm quá tay' );
		$huge->set_total( '-999999' );
		$order->add_item( $huge );

		$order->calculate_totals();
		$this->flush_caches();
		$read = wc_get_order( $order->get_id() );

		self::assertEquals( 300000, (float) $read->get_subtotal() );
		self::assertEquals( 30000, (float) $read->get_discount_total(), 'line subtotal − line total' );
		self::assertEquals( 30000, (float) $read->get_total_discount() );
		$fees = array_values( $read->get_fees() );
		self::assertCount( 3, $fees );
		self::assertSame( 'Phí đóng gói', $fees[0]->get_name() );
		self::assertEquals( 5000, (float) $fees[0]->get_total() );
		self::assertEquals( -5500, (float) $fees[1]->get_total() );
		self::assertEquals( -269500, (float) $fees[2]->get_total(), 'a negative fee is capped at what is left to pay' );
		self::assertEquals( 0, (float) $read->get_total() );
		self::assertSame( array(), $read->get_coupon_codes() );
		self::assertSame( '', $read->get_shipping_method() );

		$items = array_values( $read->get_items() );
		self::assertEquals( 300000, (float) $items[0]->get_subtotal() );
		self::assertEquals( 270000, (float) $items[0]->get_total() );
		self::assertEquals( 0, (float) $items[0]->get_total_tax() );
		self::assertEquals( 0, (float) $items[0]->get_subtotal_tax() );

		$product_id = $product->get_id();
		$product->delete( true );
		$this->flush_caches();
		$item = array_values( wc_get_order( $order->get_id() )->get_items() )[0];
		self::assertFalse( $item->get_product(), 'the item outlives its product' );
		self::assertSame( 'Áo thun', $item->get_name() );
		self::assertSame( 0, $item->get_product_id(), 'set_product_id() rejects ids that are no longer products, so the prop reads as 0' );
		self::assertSame( (string) $product_id, get_metadata( 'order_item', $item->get_id(), '_product_id', true ), 'the stored id is still there' );
	}

	public function test_order_notes_and_item_meta_helpers(): void {
		$order = wc_create_order();
		$order->add_product( wc_get_product( $this->simple_product()->get_id() ), 1 );
		$internal = $order->add_order_note( 'Đã tạo hoá đơn HD000001 trên KiotViet.' );
		$customer = $order->add_order_note( 'Cảm ơn quý khách.', 1 );

		self::assertSame( array(), get_comments( array( 'post_id' => $order->get_id() ) ), 'comment queries leave order notes out' );

		$notes = array_values( wc_get_order_notes( array( 'order_id' => $order->get_id(), 'orderby' => 'id', 'order' => 'ASC' ) ) );
		self::assertSame( array( $internal, $customer ), array_map( static function ( $note ) { return $note->id; }, $notes ) );
		self::assertSame( 'Đã tạo hoá đơn HD000001 trên KiotViet.', $notes[0]->content );
		self::assertFalse( $notes[0]->customer_note );
		self::assertTrue( $notes[1]->customer_note );
		self::assertSame( 'system', $notes[0]->added_by );
		self::assertInstanceOf( \DateTimeInterface::class, $notes[0]->date_created );
		self::assertCount( 1, wc_get_order_notes( array( 'order_id' => $order->get_id(), 'type' => 'customer' ) ) );

		$item_id = (int) array_keys( $order->get_items() )[0];
		self::assertGreaterThan( 0, wc_add_order_item_meta( $item_id, '_kiotviet_sync_line', 'L1' ) );
		self::assertSame( 'L1', wc_get_order_item_meta( $item_id, '_kiotviet_sync_line' ) );
		self::assertTrue( wc_update_order_item_meta( $item_id, '_kiotviet_sync_line', 'L2' ) );
		self::assertSame( 'L2', wc_get_order_item_meta( $item_id, '_kiotviet_sync_line' ) );
		self::assertSame( '1', wc_get_order_item_meta( $item_id, '_qty' ) );
		self::assertTrue( wc_delete_order_item_meta( $item_id, '_kiotviet_sync_line' ) );
		self::assertSame( '', wc_get_order_item_meta( $item_id, '_kiotviet_sync_line' ) );
	}

	public function test_trash_and_delete_orders(): void {
		$order = wc_create_order();
		$id    = $order->get_id();
		self::assertTrue( $order->delete() );
		self::assertSame( 0, $order->get_id() );
		$this->flush_caches();
		$trashed = wc_get_order( $id );
		self::assertInstanceOf( \WC_Order::class, $trashed );
		self::assertSame( 'trash', $trashed->get_status() );
		self::assertNotContains( $id, array_map( 'intval', wc_get_orders( array( 'limit' => -1, 'return' => 'ids' ) ) ), 'default statuses leave trash out' );

		self::assertTrue( $trashed->delete( true ) );
		$this->flush_caches();
		self::assertFalse( wc_get_order( $id ) );
	}

	public function test_block_checkout_drafts_fire_new_order_before_the_customer_pays(): void {
		$this->record( 'woocommerce_new_order' );
		$this->record( 'woocommerce_order_status_changed' );
		$draft = wc_create_order( array( 'status' => 'checkout-draft' ) );
		self::assertSame( 'checkout-draft', $draft->get_status() );
		self::assertSame( array( $draft->get_id() ), array_map( 'intval', array_column( $this->fired['woocommerce_new_order'], 0 ) ), 'listeners of woocommerce_new_order must skip checkout-draft orders' );

		$draft->update_status( 'processing' );
		self::assertSame(
			array( 'pending>checkout-draft', 'checkout-draft>processing' ),
			array_map(
				static function ( array $args ): string {
					return $args[1] . '>' . $args[2];
				},
				$this->fired['woocommerce_order_status_changed']
			),
			'a new order is "pending" until set, so creating a draft already reports a status change'
		);
		self::assertCount( 1, $this->fired['woocommerce_new_order'], 'no second woocommerce_new_order when the draft is placed' );
	}
}
