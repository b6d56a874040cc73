<?php
/**
 * Short version of the soak's "site unreachable while KiotViet sends webhooks" (issue 10, process faults):
 * the simulator's subscriptions point at a closed loopback port (what KiotViet sees when the shop is down:
 * connection refused), two rounds of stock and price changes are made and flushed twice — every attempt
 * fails and is queued for a retry with the same delivery id —, then the site is reachable again and the
 * retries arrive (newest first). Every product ends with the newest stock and price, each delivery id is
 * stored once, and replaying the deliveries applies nothing a second time. The long version is scenario 5
 * of `npm run soak` (docs/reliability.md).
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Reliability;

use KiotVietSync\Tests\Integration\Webhooks\WebhookTestCase;

/**
 * Deliveries retried after an outage of the site, demo shop.
 */
final class SiteUnreachableWebhooksTest extends WebhookTestCase {

	/** Simple demo products (code → KiotViet product), all with stock at branch 5001. */
	private const CODES = array( 'SAC20W', 'CAP-C-2M', 'SDP-10K', 'TN-35' );

	protected function setUp(): void {
		parent::setUp();
		$this->connect();
		$this->commit_for_receiver();
	}

	public function test_deliveries_failed_while_the_site_was_down_are_retried_and_applied_exactly_once(): void {
		$client   = $this->services()->connection_service()->client();
		$products = array();
		foreach ( self::CODES as $code ) {
			$kv    = $client->get( '/products/code/' . rawurlencode( $code ) );
			$kv_id = (int) $kv['id'];
			$stock = 0;
			foreach ( (array) ( $kv['inventories'] ?? array() ) as $inventory ) {
				if ( 5001 === (int) $inventory['branchId'] ) {
					$stock = (int) $inventory['onHand'];
				}
			}
			$base                = (int) $kv['basePrice'];
			$woo                 = $this->mapped_product( $kv_id, $code, $stock, (string) $base );
			$products[ $kv_id ]  = array(
				'woo_id' => $woo->get_id(),
				'stock'  => $stock,
				'price'  => $base,
			);
		}
		$ids         = array_keys( $products );
		$posts_count = $this->product_post_count();

		// The site goes down: KiotViet's calls to the registered URL are refused.
		$subscriptions = $this->sim_subscriptions();
		self::assertNotEmpty( $subscriptions, 'webhooks registered on connect' );
		$receiver = (string) $subscriptions[0]['url'];
		$down     = (string) preg_replace( '#^http://[^/]+#', 'http://127.0.0.1:' . $this->closed_port(), $receiver );
		$this->point_subscriptions_at( $down );
		$this->sim( 'POST', '/__sim/webhooks/config', array( 'retryDelaysMs' => array( 1000, 1000, 1000, 1000, 1000 ) ) );

		// Round 1: every stock, two base prices. Flushed: every attempt fails.
		foreach ( $ids as $i => $kv_id ) {
			$products[ $kv_id ]['stock'] = 11 + $i;
			$this->sim( 'POST', '/__sim/stock', array( 'productId' => $kv_id, 'branchId' => 5001, 'onHand' => 11 + $i ) );
			if ( 0 === $i % 2 ) {
				$products[ $kv_id ]['price'] = 300000 + 1000 * $i;
				$this->sim( 'POST', '/__sim/prices', array( 'priceBookId' => 0, 'productId' => $kv_id, 'price' => 300000 + 1000 * $i ) );
			}
		}
		$this->sim( 'POST', '/__sim/webhooks/flush', array() );
		usleep( 20000 );

		// Round 2, still down: newer stock for every product, another price for two of them (one changed twice).
		foreach ( $ids as $i => $kv_id ) {
			$products[ $kv_id ]['stock'] = 21 + $i;
			$this->sim( 'POST', '/__sim/stock', array( 'productId' => $kv_id, 'branchId' => 5001, 'onHand' => 21 + $i ) );
			if ( $i < 2 ) {
				$products[ $kv_id ]['price'] = 400000 + 1000 * $i;
				$this->sim( 'POST', '/__sim/prices', array( 'priceBookId' => 0, 'productId' => $kv_id, 'price' => 400000 + 1000 * $i ) );
			}
		}
		$this->sim( 'POST', '/__sim/webhooks/flush', array() );

		$during = $this->sim_deliveries();
		self::assertNotEmpty( $during );
		foreach ( $during as $attempt ) {
			self::assertSame( 'error', $attempt['status'], 'nothing reached the site while it was down: ' . wp_json_encode( $attempt ) );
		}
		self::assertGreaterThan( 0, (int) ( $this->sim( 'GET', '/__sim/webhooks' )['pending'] ?? 0 ), 'the failed deliveries wait for a retry' );
		self::assertSame( array(), $this->inbox_rows() );
		foreach ( $products as $kv_id => $expected ) {
			self::assertNotSame( $expected['stock'], $this->reload( $expected['woo_id'] )->get_stock_quantity(), "product $kv_id unchanged while down" );
		}

		// The site is back; the retries come in, newest first.
		$this->point_subscriptions_at( $receiver );
		$this->sim( 'POST', '/__sim/webhooks/config', array( 'reorder' => true ) );
		$this->flush();
		self::assertSame( 0, (int) ( $this->sim( 'GET', '/__sim/webhooks' )['pending'] ?? -1 ), 'every retry delivered' );

		$by_id = array();
		foreach ( $this->sim_deliveries() as $attempt ) {
			$by_id[ (string) $attempt['deliveryId'] ][] = $attempt;
		}
		$retried = 0;
		foreach ( $by_id as $delivery_id => $attempts ) {
			$statuses = array_column( $attempts, 'status' );
			self::assertSame( 200, end( $statuses ), "delivery $delivery_id finally answered 200" );
			self::assertSame( array( 200 ), array_values( array_filter( $statuses, 'is_int' ) ), "delivery $delivery_id acknowledged once" );
			self::assertSame( range( 1, count( $attempts ) ), array_map( 'intval', array_column( $attempts, 'attempt' ) ), "delivery $delivery_id retried with the same id" );
			$retried += count( $attempts ) > 1 ? 1 : 0;
		}
		self::assertSame( count( $by_id ), $retried, 'every delivery was retried after the outage' );
		self::assertGreaterThanOrEqual( 2 * count( $ids ), count( $by_id ), 'two stock deliveries per product at least' );

		$rows = $this->inbox_rows();
		$stored = array_map( 'strval', array_column( $rows, 'delivery_id' ) );
		$sent   = array_map( 'strval', array_keys( $by_id ) );
		sort( $stored );
		sort( $sent );
		self::assertSame( $sent, $stored, 'one inbox row per delivery id' );
		foreach ( $rows as $row ) {
			self::assertSame( '1', (string) $row['verified'] );
		}

		$this->process();
		foreach ( $products as $kv_id => $expected ) {
			$woo = $this->reload( $expected['woo_id'] );
			self::assertSame( $expected['stock'], $woo->get_stock_quantity(), "stock of $kv_id: the newest change, not the older retry" );
			self::assertSame( (string) $expected['price'], $woo->get_regular_price(), "price of $kv_id" );
		}
		foreach ( $this->inbox_rows() as $row ) {
			self::assertSame( 'processed', $row['state'] );
		}
		self::assertSame( $posts_count, $this->product_post_count(), 'no product created by the retries' );
		$stock_applied = array();
		foreach ( $this->history( 'webhook' ) as $entry ) {
			if ( 'stock.update' === $entry['action'] && 'ok' === $entry['result'] ) {
				$stock_applied[ (int) $entry['kiotviet_id'] ] = ( $stock_applied[ (int) $entry['kiotviet_id'] ] ?? 0 ) + 1;
			}
		}
		foreach ( $ids as $kv_id ) {
			self::assertLessThanOrEqual( 2, $stock_applied[ $kv_id ] ?? 0, "stock of $kv_id applied at most once per change" );
		}

		// KiotViet (or a proxy) sending the same deliveries again later: acknowledged, stored no more, applied no more.
		$first = $this->products_first_woo_id( $products );
		$woo   = $this->reload( $first );
		$woo->set_stock_quantity( 1 );
		$woo->save();
		foreach ( $by_id as $attempts ) {
			$last   = end( $attempts );
			$answer = $this->post_to_receiver( (string) $last['body'], (string) ( $last['signature'] ?? '' ) );
			self::assertSame( 200, $answer['status'] );
		}
		self::assertCount( count( $by_id ), $this->inbox_rows(), 'replays not stored again' );
		self::assertSame( 0, $this->process()['rows'] );
		self::assertSame( 1, $this->reload( $first )->get_stock_quantity(), 'a replay is not applied a second time' );
	}

	/** A loopback port nothing listens on. */
	private function closed_port(): int {
		$server = stream_socket_server( 'tcp://127.0.0.1:0', $errno, $errstr );
		self::assertIsResource( $server, $errstr );
		$name = (string) stream_socket_get_name( $server, false );
		fclose( $server );
		return (int) substr( $name, (int) strrpos( $name, ':' ) + 1 );
	}

	/**
	 * Changes the URL of every subscription in KiotViet (PUT /webhooks/{id}).
	 *
	 * @param string $url URL.
	 */
	private function point_subscriptions_at( string $url ): void {
		$client = $this->services()->connection_service()->client();
		foreach ( $this->sim_subscriptions() as $sub ) {
			$client->put( '/webhooks/' . (int) $sub['id'], array( 'Webhook' => array( 'Url' => $url ) ) );
		}
		foreach ( $this->sim_subscriptions() as $sub ) {
			self::assertSame( $url, $sub['url'] );
		}
	}

	private function product_post_count(): int {
		global $wpdb;
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type IN ('product','product_variation') AND post_status <> 'trash'" );
	}

	/**
	 * The Woo id of the first product.
	 *
	 * @param array<int, array{woo_id: int, stock: int, price: int}> $products Products.
	 */
	private function products_first_woo_id( array $products ): int {
		$first = reset( $products );
		self::assertIsArray( $first );
		return (int) $first['woo_id'];
	}
}
