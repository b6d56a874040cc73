<?php
/**
 * Shared helpers of the webhook integration tests.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Webhooks;

use KiotVietSync\Plugin;
use KiotVietSync\Services;
use KiotVietSync\Storage\Settings;
use KiotVietSync\Tests\Integration\TestCase;
use KiotVietSync\Webhooks\Storage\AppliedStateTable;
use KiotVietSync\Webhooks\Storage\WebhookInbox;
use KiotVietSync\Webhooks\WebhookOptions;
use KiotVietSync\Webhooks\WebhookServices;
use KiotVietSync\Webhooks\Woo\MappingLookup;

/**
 * The simulator delivers over HTTP to the site's own web server (php -S), a different database
 * connection: the test switches its transaction to READ COMMITTED so it sees the inbox rows that server
 * commits, and commits the connection + webhook options once (commit_for_receiver()) so the server can
 * verify signatures. tearDown removes whatever was committed.
 */
abstract class WebhookTestCase extends TestCase {

	/** @var bool */
	private $committed = false;

	/** @var bool */
	private static $warmed_up = false;

	/** @var list<int> Products committed by mapped_product(). */
	private $created_products = array();

	/** @var int Sync history rows before the test. */
	private $log_baseline = 0;

	/** @var ArrayMapping */
	protected $mapping;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$wpdb->query( 'ROLLBACK' );
		if ( ! self::$warmed_up ) {
			// The site's first requests store caches (e.g. WooCommerce Blocks' script data transient) at
			// shutdown; do that now, outside any open transaction, or the receiver waits for our row locks.
			wp_remote_post( rest_url( 'kiotviet-sync/v1/webhook/warm-up-warm-up-warm-up' ), array( 'timeout' => 30, 'body' => '{}' ) );
			wp_remote_get( rest_url(), array( 'timeout' => 30 ) );
			self::$warmed_up = true;
		}
		$wpdb->query( 'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED' );
		$wpdb->query( 'START TRANSACTION' );
		$this->cleanup_committed();
		$this->reset_simulator( array( 'webhooks' => array( 'mode' => 'manual' ) ) );
		$this->log_baseline = (int) $wpdb->get_var( 'SELECT MAX(id) FROM ' . $wpdb->prefix . 'kiotviet_sync_log' );
		$this->mapping      = new ArrayMapping();
		if ( ! $this->has_writer() ) {
			// Before the catalog writer's mapping table exists, live sync is exercised with an in-memory mapping.
			$this->webhooks()->set_mapping( $this->mapping );
		}
		// Another suite may have called remove_all_actions() on the connection hooks.
		$webhooks = $this->webhooks();
		if ( false === has_action( 'kiotviet_sync_connected', array( $webhooks, 'on_connected' ) ) ) {
			add_action( 'kiotviet_sync_connected', array( $webhooks, 'on_connected' ) );
		}
		if ( false === has_action( 'kiotviet_sync_before_disconnect', array( $webhooks, 'on_before_disconnect' ) ) ) {
			add_action( 'kiotviet_sync_before_disconnect', array( $webhooks, 'on_before_disconnect' ) );
		}
	}

	protected function tearDown(): void {
		global $wpdb;
		parent::tearDown();
		$this->release_process_lock();
		if ( $this->committed ) {
			foreach ( $this->created_products as $id ) {
				$product = wc_get_product( $id );
				if ( $product instanceof \WC_Product ) {
					$product->delete( true );
				}
			}
			$this->created_products = array();
			$this->cleanup_committed();
			$this->committed = false;
		}
		$wpdb->query( 'SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ' );
		$this->reset_simulator(); // Leave the shop as seeded for the next suite.
	}

	/** @var bool Whether this test holds the processor lock. */
	private $holds_lock = false;

	/** Takes the processor lock on the test's connection (released in tearDown). */
	protected function hold_process_lock(): void {
		if ( ! $this->holds_lock ) {
			self::assertTrue( $this->webhooks()->process_lock()->acquire(), 'processor lock' );
			$this->holds_lock = true;
		}
	}

	/** Releases the processor lock taken by hold_process_lock(). */
	protected function release_process_lock(): void {
		if ( $this->holds_lock ) {
			$this->webhooks()->process_lock()->release();
			$this->holds_lock = false;
		}
	}

	/** Removes rows and options the receiver (or a commit) left behind. */
	private function cleanup_committed(): void {
		global $wpdb;
		$wpdb->query( 'DELETE FROM ' . $wpdb->prefix . WebhookInbox::TABLE );
		$wpdb->query( 'DELETE FROM ' . $wpdb->prefix . AppliedStateTable::TABLE );
		if ( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->prefix . 'kiotviet_sync_map' ) ) ) {
			$wpdb->query( 'DELETE FROM ' . $wpdb->prefix . 'kiotviet_sync_map' );
		}
		foreach ( array( Settings::CONNECTION, Settings::SETTINGS, Settings::CLIENT_SECRET, Settings::ACCESS_TOKEN, WebhookOptions::SITE_KEY, WebhookOptions::SECRET, WebhookOptions::REGISTRATION, WebhookOptions::PREVIOUS_URLS, WebhookOptions::WATERMARK, WebhookOptions::REREAD_WINDOW, WebhookOptions::PROCESS_KEY, 'cron' ) as $option ) {
			if ( 'cron' === $option ) {
				continue;
			}
			delete_option( $option );
		}
		delete_transient( 'doing_cron' );
		foreach ( array( WebhookServices::HOOK_PROCESS, WebhookServices::HOOK_RECONCILE, WebhookServices::HOOK_REPRICE ) as $hook ) {
			$this->services()->scheduler()->unschedule_all( $hook );
		}
		$wpdb->query( 'COMMIT' );
		$wpdb->query( 'START TRANSACTION' );
		$this->flush_caches();
	}

	/** Whether the catalog writer (mapping table + CatalogImporter) is present. */
	protected function has_writer(): bool {
		return method_exists( $this->services(), 'mapping_repository' ) && method_exists( $this->services(), 'catalog_importer' );
	}

	protected function services(): Services {
		$plugin = Plugin::instance();
		self::assertNotNull( $plugin );
		return $plugin->services();
	}

	protected function webhooks(): WebhookServices {
		return $this->services()->webhooks();
	}

	/** Connects to the demo shop (registers webhooks through the connected hook) and picks branch 5001. */
	protected function connect(): void {
		$service = $this->services()->connection_service();
		$service->connect( 'demo', 'demo-client', 'demo-secret' );
		$service->select_branch( 5001 );
	}

	/** Commits what the receiver must see (connection, site key, Secret); cleaned up in tearDown. */
	protected function commit_for_receiver(): void {
		global $wpdb;
		// Hold WP-Cron's lock so the site does not process the inbox in the background: the test runs the
		// processor itself, with its own mapping.
		set_transient( 'doing_cron', sprintf( '%.22F', microtime( true ) + 500 ) );
		// Hold the processor lock too: the receiver's loopback kick then finds a processor "running" and
		// sends nothing, and this test's own run_processor() (same connection: MariaDB nests the lock) works.
		$this->hold_process_lock();
		// A committed pending processor run: the receiver then schedules nothing (Action Scheduler's unique
		// insert would wait for the locks this test's open transaction holds on its table).
		$this->services()->scheduler()->schedule_single( WebhookServices::HOOK_PROCESS, array(), 3600, true );
		$wpdb->query( 'COMMIT' );
		$wpdb->query( 'START TRANSACTION' );
		$this->committed = true;
	}

	/**
	 * Before the site's web server handles a request: commit (once commit_for_receiver() was called), since
	 * WooCommerce writes cache rows at shutdown that a product save in this transaction may have locked.
	 */
	private function release_locks(): void {
		global $wpdb;
		if ( $this->committed ) {
			$wpdb->query( 'COMMIT' );
			$wpdb->query( 'START TRANSACTION' );
		}
	}

	/**
	 * Control API call on the simulator.
	 *
	 * @param string       $method Method.
	 * @param string       $path   Path (/__sim/...).
	 * @param array<mixed> $body   Body.
	 * @return array<mixed>
	 */
	protected function sim( string $method, string $path, array $body = array() ): array {
		$response = wp_remote_request(
			$this->sim_url() . $path,
			array(
				'method'  => $method,
				'headers' => array( 'Content-Type' => 'application/json' ),
				'body'    => 'GET' === $method ? null : (string) wp_json_encode( (object) $body ),
				'timeout' => 60,
			)
		);
		if ( is_wp_error( $response ) ) {
			self::fail( $method . ' ' . $path . ': ' . $response->get_error_message() );
		}
		$code = (int) wp_remote_retrieve_response_code( $response );
		if ( $code >= 400 ) {
			self::fail( $method . ' ' . $path . ' answered ' . $code . ': ' . wp_remote_retrieve_body( $response ) );
		}
		$data = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		return is_array( $data ) ? $data : array();
	}

	/** Delivers everything queued in the simulator (manual mode) to the site's receiver. */
	protected function flush(): array {
		$this->release_locks();
		return $this->sim( 'POST', '/__sim/webhooks/flush', array( 'untilIdle' => true ) );
	}

	/**
	 * Webhook subscriptions in the simulator.
	 *
	 * @return list<array<mixed>>
	 */
	protected function sim_subscriptions(): array {
		$data = $this->sim( 'GET', '/__sim/webhooks' );
		$subs = $data['subscriptions'] ?? ( $data['webhooks'] ?? array() );
		return is_array( $subs ) ? array_values( $subs ) : array();
	}

	/**
	 * Delivery attempts logged by the simulator.
	 *
	 * @return list<array<mixed>>
	 */
	protected function sim_deliveries(): array {
		$data  = $this->sim( 'GET', '/__sim/webhooks/deliveries' );
		$items = $data['deliveries'] ?? $data;
		return is_array( $items ) ? array_values( array_filter( $items, 'is_array' ) ) : array();
	}

	/**
	 * Inbox rows, oldest first.
	 *
	 * @return list<array<string, mixed>>
	 */
	protected function inbox_rows(): array {
		global $wpdb;
		$rows = $wpdb->get_results( 'SELECT * FROM ' . $wpdb->prefix . WebhookInbox::TABLE . ' ORDER BY id ASC', ARRAY_A );
		return is_array( $rows ) ? $rows : array();
	}

	/** Runs the inbox processor in this process (what the job would do). */
	protected function process(): array {
		return $this->webhooks()->processor()->process_pending( 200 );
	}

	/**
	 * Creates a simple product mapped to a KiotViet id.
	 *
	 * @param int    $kv_id KiotViet id.
	 * @param string $sku   SKU.
	 * @param int    $stock Stock.
	 */
	protected function mapped_product( int $kv_id, string $sku, int $stock = 5, string $price = '100000' ): \WC_Product_Simple {
		$product = new \WC_Product_Simple();
		$product->set_name( 'KV ' . $sku );
		$product->set_sku( $sku . '-' . wp_generate_password( 4, false ) );
		$product->set_status( 'publish' );
		$product->set_manage_stock( true );
		$product->set_stock_quantity( $stock );
		$product->set_regular_price( $price );
		$product->save();
		if ( $this->committed ) {
			// Real WooCommerce writes caches (transients) while saving; commit them now so the receiver,
			// which may write the same rows at shutdown, never waits for this test's locks. Deleted in tearDown.
			$this->commit_for_receiver();
			$this->created_products[] = $product->get_id();
		}
		if ( $this->has_writer() ) {
			$this->services()->mapping_repository()->upsert(
				'product',
				$kv_id,
				array(
					'woo_id' => $product->get_id(),
					'sku'    => $product->get_sku(),
				)
			);
			if ( $this->committed ) {
				$this->release_locks();
			}
		}
		$this->mapping->products[ $kv_id ] = array(
			'woo_id'        => $product->get_id(),
			'kind'          => 'product',
			'locked_fields' => array(),
		);
		return $product;
	}

	/**
	 * A product of the simulator.
	 *
	 * @param int $id KiotViet id.
	 * @return array<mixed>
	 */
	protected function kv_product( int $id ): array {
		return $this->services()->connection_service()->client()->get( '/products/' . $id );
	}

	/**
	 * POSTs a body to the site's receiver URL over HTTP.
	 *
	 * @param string      $body      Raw body.
	 * @param string|null $signature X-Hub-Signature, null for none.
	 * @param string|null $url       URL (default: ours).
	 * @return array{status: int, body: string, ms: float}
	 */
	protected function post_to_receiver( string $body, ?string $signature, ?string $url = null ): array {
		$this->release_locks();
		$headers = array( 'Content-Type' => 'application/json' );
		if ( null !== $signature ) {
			$headers['X-Hub-Signature'] = $signature;
		}
		$start    = microtime( true );
		$response = wp_remote_post(
			$url ?? $this->webhooks()->registration()->receiver_url(),
			array(
				'headers' => $headers,
				'body'    => $body,
				'timeout' => 20,
			)
		);
		$ms = ( microtime( true ) - $start ) * 1000;
		if ( is_wp_error( $response ) ) {
			self::fail( 'Receiver: ' . $response->get_error_message() );
		}
		return array(
			'status' => (int) wp_remote_retrieve_response_code( $response ),
			'body'   => (string) wp_remote_retrieve_body( $response ),
			'ms'     => $ms,
		);
	}

	/** Signature the simulator would send for a body, with our stored Secret. */
	protected function sign( string $body ): string {
		return 'sha1=' . hash_hmac( 'sha256', $body, $this->webhooks()->options()->secret() );
	}

	/**
	 * Sync history rows of a channel, newest first.
	 *
	 * @return list<array<string, mixed>>
	 */
	protected function history( string $channel ): array {
		global $wpdb;
		$rows = $wpdb->get_results( $wpdb->prepare( 'SELECT * FROM ' . $wpdb->prefix . 'kiotviet_sync_log WHERE channel = %s AND id > %d ORDER BY id DESC LIMIT 500', $channel, $this->log_baseline ), ARRAY_A );
		return is_array( $rows ) ? $rows : array();
	}

	protected function reload( int $id ): \WC_Product {
		$this->flush_caches();
		$product = wc_get_product( $id );
		self::assertInstanceOf( \WC_Product::class, $product );
		return $product;
	}
}
