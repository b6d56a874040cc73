<?php
/**
 * Shared set-up of the order push integration tests.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Orders;

use KiotVietSync\Orders\OrderSyncService;
use KiotVietSync\Plugin;
use KiotVietSync\Storage\OrderOutbox;
use KiotVietSync\Storage\SyncSettings;
use KiotVietSync\Storage\SyncSettingsRepository;
use KiotVietSync\Storage\WpOptionsStore;
use KiotVietSync\Tests\Integration\TestCase;

/**
 * Connects to the simulator (demo / demo-client / demo-secret, branch 5001), creates Woo products mapped to
 * simulator products and orders through wc_create_order, and reads KiotViet's orders back from /__sim/state.
 */
abstract class OrderTestCase extends TestCase {

	/** Simulator product "Áo Polo - Đỏ - M". */
	protected const KV_POLO_M = 31000102;
	/** Simulator product "Áo thun basic - Đen - L". */
	protected const KV_THUN_L = 31000115;

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		global $wpdb;
		// The catalog mapping table (migration step 2, catalog writer) may not exist yet on this site; DDL
		// commits, so it happens here, outside the per-test transaction.
		$table = $wpdb->prefix . 'kiotviet_sync_map';
		$wpdb->query(
			"CREATE TABLE IF NOT EXISTS {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  retailer varchar(64) NOT NULL,
  kind varchar(16) NOT NULL,
  kv_id bigint(20) NOT NULL,
  woo_id bigint(20) unsigned NOT NULL DEFAULT 0,
  sku varchar(100) DEFAULT NULL,
  kv_modified_at datetime DEFAULT NULL,
  synced_at datetime DEFAULT NULL,
  last_error text DEFAULT NULL,
  locked_fields longtext DEFAULT NULL,
  payload_hash varchar(64) DEFAULT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY retailer_kind_kv (retailer,kind,kv_id),
  KEY kind_woo (kind,woo_id)
) {$wpdb->get_charset_collate()}"
		);
		Plugin::instance()->services()->migrations()->maybe_migrate();
	}

	protected function setUp(): void {
		parent::setUp();
		$this->reset_simulator(
			array(
				'config' => array( 'timeoutHoldMs' => 300 ),
			)
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
		$branch = $this->rest( 'PUT', 'connection/branch', array( 'branch_id' => 5001 ) );
		self::assertSame( 200, $branch->get_status(), (string) wp_json_encode( $branch->get_data() ) );
		delete_option( OrderSyncService::OPTION_SURCHARGE );
		$this->settings( array( 'auto_push_orders' => true ) );
	}

	protected function tearDown(): void {
		$this->scheduler_cleanup();
		parent::tearDown();
	}

	/** Pending queue/resync jobs belong to rolled-back data. */
	private function scheduler_cleanup(): void {
		$scheduler = Plugin::instance()->services()->scheduler();
		$scheduler->unschedule_all( OrderSyncService::HOOK_QUEUE );
		$scheduler->unschedule_all( OrderSyncService::HOOK_RESYNC );
	}

	protected function service(): OrderSyncService {
		return Plugin::instance()->services()->order_sync_service();
	}

	protected function outbox(): OrderOutbox {
		return Plugin::instance()->services()->order_outbox();
	}

	/**
	 * Saves settings changes (validated).
	 *
	 * @param array<string, mixed> $changes Changes.
	 */
	protected function settings( array $changes ): void {
		$repo                = new SyncSettingsRepository( new WpOptionsStore() );
		list( $next, $errors ) = $repo->load()->with_changes( $changes );
		self::assertSame( array(), $errors );
		self::assertInstanceOf( SyncSettings::class, $next );
		$repo->save( $next );
	}

	/**
	 * A simple product mapped to a simulator product.
	 *
	 * @param string   $sku   SKU.
	 * @param int|null $kv_id KiotViet product to map, null for none.
	 * @param float    $price Price.
	 * @param int|null $stock Managed stock.
	 */
	protected function product( string $sku, ?int $kv_id, float $price = 250000, ?int $stock = null ): \WC_Product_Simple {
		$product = new \WC_Product_Simple();
		$product->set_name( 'Sản phẩm ' . $sku );
		$product->set_sku( $sku );
		$product->set_regular_price( (string) $price );
		$product->set_status( 'publish' );
		if ( null !== $stock ) {
			$product->set_manage_stock( true );
			$product->set_stock_quantity( $stock );
		}
		$product->save();
		if ( null !== $kv_id ) {
			$this->map( (int) $product->get_id(), $kv_id, $sku, 'product' );
		}
		return $product;
	}

	/**
	 * A mapping row.
	 *
	 * @param int    $woo_id Woo id.
	 * @param int    $kv_id  KiotViet id.
	 * @param string $code   Code.
	 * @param string $kind   product|variation.
	 */
	protected function map( int $woo_id, int $kv_id, string $code, string $kind ): void {
		global $wpdb;
		$wpdb->insert(
			$wpdb->prefix . 'kiotviet_sync_map',
			array(
				'retailer' => 'demo',
				'kind'     => $kind,
				'kv_id'    => $kv_id,
				'woo_id'   => $woo_id,
				'sku'      => $code,
			)
		);
	}

	/**
	 * An order for one or more products.
	 *
	 * @param array<int, array{0: \WC_Product, 1: int}> $lines   [product, qty].
	 * @param string                                     $phone   Billing phone.
	 * @param float                                      $shipping Shipping total.
	 * @param string                                     $via     created_via.
	 */
	protected function order( array $lines, string $phone = '0903123456', float $shipping = 0.0, string $via = 'checkout' ): \WC_Order {
		$order = wc_create_order( array( 'status' => 'pending' ) );
		foreach ( $lines as $line ) {
			$order->add_product( $line[0], $line[1] );
		}
		if ( $shipping > 0 ) {
			$item = new \WC_Order_Item_Shipping();
			$item->set_method_title( 'Giao hàng' );
			$item->set_method_id( 'flat_rate' );
			$item->set_total( (string) $shipping );
			$order->add_item( $item );
		}
		$order->set_billing_first_name( 'Lan' );
		$order->set_billing_last_name( 'Nguyễn' );
		$order->set_billing_phone( $phone );
		$order->set_billing_address_1( '45 Nguyễn Trãi' );
		$order->set_billing_city( 'Hồ Chí Minh' );
		$order->set_billing_country( 'VN' );
		$order->set_payment_method( 'cod' );
		$order->set_created_via( $via );
		$order->set_currency( 'VND' );
		$order->calculate_totals( false );
		$order->save();
		return $order;
	}

	/**
	 * Runs the queue synchronously until nothing waits (retries treated as due).
	 *
	 * @param int $max_rounds Safety stop.
	 * @return int Rounds.
	 */
	protected function drain( int $max_rounds = 40 ): int {
		for ( $round = 1; $round <= $max_rounds; $round++ ) {
			if ( 0 === $this->service()->run_queue( 1000, time() + 10 * 86400 ) ) {
				return $round;
			}
		}
		self::fail( 'The queue did not drain.' );
	}

	/**
	 * KiotViet orders.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	protected function kv_orders(): array {
		$response = wp_remote_get( $this->sim_url() . '/__sim/state?only=orders', array( 'timeout' => 20 ) );
		$data     = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		return is_array( $data ) && isset( $data['orders'] ) ? array_values( (array) $data['orders'] ) : array();
	}

	/**
	 * KiotViet customers.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	protected function kv_customers(): array {
		$response = wp_remote_get( $this->sim_url() . '/__sim/state?only=customers', array( 'timeout' => 20 ) );
		$data     = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		return is_array( $data ) && isset( $data['customers'] ) ? array_values( (array) $data['customers'] ) : array();
	}

	/**
	 * POST to the simulator control API.
	 *
	 * @param string               $path Path.
	 * @param array<string, mixed> $body Body.
	 * @return array<string, mixed>
	 */
	protected function sim_post( string $path, array $body ): array {
		$response = wp_remote_post(
			$this->sim_url() . $path,
			array(
				'headers' => array( 'Content-Type' => 'application/json' ),
				'body'    => (string) wp_json_encode( (object) $body ),
				'timeout' => 20,
			)
		);
		self::assertFalse( is_wp_error( $response ) );
		$data = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		return is_array( $data ) ? $data : array();
	}

	/**
	 * KiotViet orders per Woo order id (from the description marker).
	 *
	 * @return array<int, int>
	 */
	protected function kv_orders_per_woo_id(): array {
		$key = $this->service()->site_key();
		$out = array();
		foreach ( $this->kv_orders() as $kv ) {
			if ( preg_match( '/\[WC#(\d+)@' . preg_quote( $key, '/' ) . '\]/', (string) ( $kv['description'] ?? '' ), $m ) ) {
				$out[ (int) $m[1] ] = ( $out[ (int) $m[1] ] ?? 0 ) + 1;
			}
		}
		return $out;
	}
}
