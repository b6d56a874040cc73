<?php
/**
 * Webhook deliveries from the simulator to the site's receiver, then processing.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Webhooks;

use KiotVietSync\Storage\Settings;
use KiotVietSync\Webhooks\WebhookOptions;
use KiotVietSync\Webhooks\WebhookServices;

final class DeliveryTest extends WebhookTestCase {

	private const PRODUCT = 31000160; // SDP-10K: simple, base price 450000, 77 → 428000, 44 at 5001.

	protected function setUp(): void {
		parent::setUp();
		$this->connect();
		$this->commit_for_receiver();
	}

	public function test_stock_update_is_acknowledged_stored_and_applied_once_even_when_duplicated(): void {
		$product = $this->mapped_product( self::PRODUCT, 'SDP-10K', 44 );
		$this->sim( 'POST', '/__sim/webhooks/config', array( 'duplicate' => 1 ) );
		$this->sim( 'POST', '/__sim/stock', array( 'productId' => self::PRODUCT, 'branchId' => 5001, 'onHand' => 7 ) );
		$this->flush();

		$statuses = array_column( $this->sim_deliveries(), 'status' );
		self::assertNotEmpty( $statuses );
		foreach ( $statuses as $status ) {
			self::assertSame( 200, $status );
		}
		$rows = $this->inbox_rows();
		$ids  = array_column( $rows, 'delivery_id' );
		self::assertSame( count( $ids ), count( array_unique( $ids ) ), 'one row per delivery id' );
		self::assertLessThan( count( $statuses ), count( $rows ), 'the duplicate was not stored again' );
		foreach ( $rows as $row ) {
			self::assertSame( '1', (string) $row['verified'] );
			self::assertSame( 'received', $row['state'] );
		}

		$this->process();
		self::assertSame( 7, $this->reload( $product->get_id() )->get_stock_quantity() );
		$applied = array_filter( $this->history( 'webhook' ), static fn ( array $r ): bool => 'stock.update' === $r['action'] && 'ok' === $r['result'] && (int) $r['kiotviet_id'] === self::PRODUCT );
		self::assertCount( 1, $applied );
		foreach ( $this->inbox_rows() as $row ) {
			self::assertSame( 'processed', $row['state'] );
		}

		// A replay of the same delivery later is acknowledged and changes nothing.
		$delivery = $this->sim_deliveries()[0];
		$product->set_stock_quantity( 3 );
		$product->save();
		$answer = $this->post_to_receiver( (string) $delivery['body'], (string) ( $delivery['signature'] ?? $delivery['headers']['X-Hub-Signature'] ?? '' ) );
		self::assertSame( 200, $answer['status'] );
		self::assertSame( '{"received":true}', $answer['body'] );
		self::assertSame( 0, $this->process()['rows'] );
		self::assertSame( 3, $this->reload( $product->get_id() )->get_stock_quantity() );
	}

	public function test_forged_unsigned_replayed_and_malformed_deliveries_change_nothing(): void {
		$product = $this->mapped_product( self::PRODUCT, 'SDP-10K', 44 );
		$body    = (string) wp_json_encode(
			array(
				'Id'            => 'forged-1',
				'Attempt'       => 1,
				'Notifications' => array(
					array(
						'Action' => 'stock.update.712345',
						'Data'   => array(
							array(
								'ProductId' => self::PRODUCT,
								'BranchId'  => 5001,
								'OnHand'    => 0,
								'Reserved'  => 0,
							),
						),
					),
				),
			)
		);
		$answers   = array();
		$answers[] = $this->post_to_receiver( $body, 'sha1=' . hash_hmac( 'sha256', $body, 'not-our-secret' ) );
		$answers[] = $this->post_to_receiver( $body, null );
		$answers[] = $this->post_to_receiver( $body, 'sha1=' . hash_hmac( 'sha256', $body, 'not-our-secret' ) ); // Replay of the forgery.
		$answers[] = $this->post_to_receiver( '{"Id":"x", "Notifications": [', $this->sign( '{"Id":"x", "Notifications": [' ) );
		$answers[] = $this->post_to_receiver( '[1,2,3]', null );
		$answers[] = $this->post_to_receiver( $body, $this->sign( $body ), str_replace( $this->webhooks()->options()->site_key() ?? '', 'wrong-key-wrong-key-wrong', $this->webhooks()->registration()->receiver_url() ) );
		foreach ( $answers as $answer ) {
			self::assertSame( 200, $answer['status'], $answer['body'] );
		}

		$rows = $this->inbox_rows();
		self::assertCount( 4, $rows, 'forged, unsigned, and two malformed; the replay and the wrong key are not stored' );
		self::assertSame( '{"received":false}', $answers[0]['body'] );
		$by_reason = array_column( array_filter( $rows, static fn ( array $r ): bool => 'malformed' !== $r['state'] ), 'state', 'verification' );
		self::assertSame( 'received', $by_reason['mismatch (sha1=)'] );
		self::assertSame( 'received', $by_reason['missing'] );
		$malformed = array_values( array_filter( $rows, static fn ( array $r ): bool => 'malformed' === $r['state'] ) );
		self::assertCount( 2, $malformed );
		self::assertSame( array( 'not_json', 'not_object' ), array( $malformed[0]['error'], $malformed[1]['error'] ) );
		foreach ( $rows as $row ) {
			self::assertFalse( '1' === (string) $row['verified'] && 'malformed' !== $row['state'], 'nothing verified' );
			self::assertStringNotContainsString( 'forged-1', (string) $row['delivery_id'], 'an unverified Id never takes the real Id' );
		}

		$this->process();
		self::assertSame( 44, $this->reload( $product->get_id() )->get_stock_quantity(), 'stock re-read from KiotViet, never from the forged body' );
		foreach ( $this->inbox_rows() as $row ) {
			self::assertContains( $row['state'], array( 'ignored', 'malformed' ) );
		}
		$rejected = array_filter( $this->history( 'webhook' ), static fn ( array $r ): bool => 'delivery' === $r['action'] && 'error' === $r['result'] );
		self::assertCount( 2, $rejected );

		// A genuine delivery reusing the forged Id is still stored and applied.
		$genuine = str_replace( '"OnHand":0', '"OnHand":9', $body );
		self::assertSame( 200, $this->post_to_receiver( $genuine, $this->sign( $genuine ) )['status'] );
		$this->process();
		self::assertSame( 9, $this->reload( $product->get_id() )->get_stock_quantity() );
	}

	public function test_out_of_order_product_updates_end_in_the_newest_state(): void {
		$product = $this->mapped_product( self::PRODUCT, 'SDP-10K', 44, '1' );
		$this->sim( 'POST', '/__sim/webhooks/config', array( 'reorder' => 1 ) );
		$this->sim( 'POST', '/__sim/prices', array( 'priceBookId' => 0, 'productId' => self::PRODUCT, 'price' => 460000 ) );
		usleep( 20000 );
		$this->sim( 'POST', '/__sim/prices', array( 'priceBookId' => 0, 'productId' => self::PRODUCT, 'price' => 470000 ) );
		$this->flush();

		$this->process();
		self::assertSame( '470000', $this->reload( $product->get_id() )->get_regular_price() );
		$older = array_filter( $this->history( 'webhook' ), static fn ( array $r ): bool => 'product.update' === $r['action'] && false !== strpos( (string) $r['context'], '"older"' ) );
		self::assertNotEmpty( $older, 'the older update was recognised' );
	}

	public function test_a_dropped_delivery_is_repaired_by_one_reconciliation_run(): void {
		$product = $this->mapped_product( self::PRODUCT, 'SDP-10K', 44 );
		$this->sim( 'POST', '/__sim/webhooks/config', array( 'drop' => 10 ) );
		$this->sim( 'POST', '/__sim/stock', array( 'productId' => self::PRODUCT, 'branchId' => 5001, 'onHand' => 12 ) );
		$this->flush();
		self::assertSame( array(), $this->inbox_rows() );
		self::assertSame( 44, $this->reload( $product->get_id() )->get_stock_quantity() );

		$result = $this->webhooks()->reconciler()->run();
		self::assertTrue( $result['complete'] );
		self::assertSame( 12, $this->reload( $product->get_id() )->get_stock_quantity() );
		self::assertNotNull( get_option( WebhookOptions::WATERMARK, null ) );
	}

	public function test_product_delete_puts_the_product_in_draft(): void {
		$product = $this->mapped_product( self::PRODUCT, 'SDP-10K', 44 );
		$this->sim( 'DELETE', '/__sim/products/' . self::PRODUCT );
		$this->flush();
		$this->process();
		$reloaded = $this->reload( $product->get_id() );
		self::assertSame( 'draft', $reloaded->get_status() );
		$rows = array_filter( $this->history( 'webhook' ), static fn ( array $r ): bool => 'product.delete' === $r['action'] && 'ok' === $r['result'] );
		self::assertCount( 1, $rows );
	}

	public function test_price_book_deactivation_falls_back(): void {
		update_option(
			Settings::SETTINGS,
			array_merge(
				(array) get_option( Settings::SETTINGS, array() ),
				array(
					'regular_price_book_id' => 77,
					'sale_price_book_id'    => 78,
				)
			)
		);
		$this->sim( 'POST', '/__sim/prices', array( 'priceBookId' => 78, 'productId' => self::PRODUCT, 'price' => 400000 ) );
		$product = $this->mapped_product( self::PRODUCT, 'SDP-10K', 44, '1' );
		$this->flush();
		$this->process();
		$reloaded = $this->reload( $product->get_id() );
		self::assertSame( '428000', $reloaded->get_regular_price() );
		self::assertSame( '400000', $reloaded->get_sale_price() );

		$this->sim( 'POST', '/__sim/pricebooks/78', array( 'isActive' => false ) );
		$this->flush();
		$this->process();
		self::assertTrue( \KiotVietSync\Plugin::instance()->services()->scheduler()->is_scheduled( WebhookServices::HOOK_REPRICE ) );
		$this->webhooks()->run_reprice();
		$reloaded = $this->reload( $product->get_id() );
		self::assertSame( '428000', $reloaded->get_regular_price() );
		self::assertSame( '', $reloaded->get_sale_price(), 'deactivated sale book: sale price cleared' );

		$this->sim( 'POST', '/__sim/pricebooks/77', array( 'isActive' => false ) );
		$this->flush();
		$this->process();
		$this->webhooks()->run_reprice();
		self::assertSame( '450000', $this->reload( $product->get_id() )->get_regular_price(), 'deactivated regular book: general price list' );
	}

	public function test_order_update_fires_the_orders_hook(): void {
		$seen = array();
		$hook = static function ( array $item, $event ) use ( &$seen ): void {
			$seen[] = array( $item, $event );
		};
		add_action( WebhookServices::ORDER_ACTION, $hook, 10, 2 );
		$body = (string) wp_json_encode(
			array(
				'Id'            => 'order-delivery-1',
				'Attempt'       => 1,
				'Notifications' => array(
					array(
						'Action' => 'order.update.712345',
						'Data'   => array(
							array(
								'Id'           => 660101,
								'Code'         => 'DH000512',
								'BranchId'     => 5001,
								'Status'       => 4,
								'StatusValue'  => 'Đã hủy',
								'ModifiedDate' => '2026-11-29T10:02:00.0000000+07:00',
							),
						),
					),
				),
			)
		);
		self::assertSame( 200, $this->post_to_receiver( $body, $this->sign( $body ) )['status'] );
		$this->process();
		remove_action( WebhookServices::ORDER_ACTION, $hook, 10 );
		self::assertCount( 1, $seen );
		self::assertSame( 'DH000512', $seen[0][0]['Code'] );
		self::assertSame( 660101, $seen[0][1]->kiotviet_id() );
	}
}
