<?php
/**
 * Live sync wiring: webhooks and reconciliation.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

use KiotVietSync\Infrastructure\Registerable;
use KiotVietSync\Rest\AbstractController;
use KiotVietSync\Services;
use KiotVietSync\Storage\SyncLogWriter;
use KiotVietSync\Storage\SyncSettings;
use KiotVietSync\Storage\SyncSettingsRepository;
use KiotVietSync\Sync\Catalog\CatalogSettings;
use KiotVietSync\Sync\Connection\Connection;
use KiotVietSync\Sync\Webhooks\Event;
use KiotVietSync\Sync\Webhooks\ResponsePolicy;
use KiotVietSync\Webhooks\Storage\AppliedStateTable;
use KiotVietSync\Webhooks\Storage\WebhookInbox;
use KiotVietSync\Webhooks\Woo\MapTableLookup;
use KiotVietSync\Webhooks\Woo\MappingLookup;
use KiotVietSync\Webhooks\Woo\WooCatalogGateway;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Builds the live-sync services and hooks them into WordPress:
 * - `kiotviet_sync_connected` → register webhooks (a failure schedules `kiotviet_sync_webhook_register`);
 * - `kiotviet_sync_before_disconnect` → delete our subscriptions (only URLs that are ours);
 * - job `kiotviet_sync_webhook_process` (single, unique) → InboxProcessor;
 * - job `kiotviet_sync_reconcile` (recurring, SyncSettings reconcile_interval_minutes) → Reconciler;
 *   re-scheduled on `kiotviet_sync_settings_saved`, ensured on init (admin and cron requests);
 * - job `kiotviet_sync_reprice` (single) → a re-price of every product after a price book change;
 * - `rest_request_before_callbacks` → WordPress's own 4xx answers on the receiver route become 200.
 * Fires `kiotviet_sync_webhook_order_update( array $item, Event $event )` for each order.update item.
 */
final class WebhookServices implements Registerable {

	public const HOOK_PROCESS   = 'kiotviet_sync_webhook_process';
	public const HOOK_REGISTER  = 'kiotviet_sync_webhook_register';
	public const HOOK_RECONCILE = 'kiotviet_sync_reconcile';
	public const HOOK_REPRICE   = 'kiotviet_sync_reprice';
	public const ORDER_ACTION   = 'kiotviet_sync_webhook_order_update';

	/**
	 * Route of the receiver (without the namespace).
	 */
	public const RECEIVER_ROUTE = '/webhook/(?P<site_key>[A-Za-z0-9_-]{1,64})';

	/**
	 * Route of the loopback that starts the processor (without the namespace).
	 */
	public const PROCESS_ROUTE = '/webhook-process';

	/**
	 * Longest a processor run keeps taking batches before it hands over to the queue (seconds).
	 */
	public const PROCESS_SECONDS = 20;

	/**
	 * Inbox rows per batch.
	 */
	public const PROCESS_BATCH = 50;

	/**
	 * Plugin services.
	 *
	 * @var Services
	 */
	private Services $services;

	/**
	 * Services method of the catalog writer (Sync\Catalog\CatalogImporter), used once it exists.
	 *
	 * @var string
	 */
	private string $importer_method = 'catalog_importer';

	/**
	 * Built objects.
	 *
	 * @var array<string, object>
	 */
	private array $built = array();

	/**
	 * Kicks are collected instead of sent (the early receiver sends them after its answer).
	 *
	 * @var bool
	 */
	private bool $defer_kicks = false;

	/**
	 * Kicks collected while deferred.
	 *
	 * @var int
	 */
	private int $deferred_kicks = 0;

	/**
	 * Creates the wiring.
	 *
	 * @param Services $services Plugin services.
	 */
	public function __construct( Services $services ) {
		$this->services = $services;
	}

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_action( 'kiotviet_sync_connected', array( $this, 'on_connected' ) );
		add_action( 'kiotviet_sync_before_disconnect', array( $this, 'on_before_disconnect' ) );
		add_action( 'kiotviet_sync_disconnected', array( $this, 'on_disconnected' ) );
		add_action( 'kiotviet_sync_settings_saved', array( $this, 'reschedule_reconcile' ) );
		add_action( self::HOOK_PROCESS, array( $this, 'run_processor' ) );
		add_action( self::HOOK_REGISTER, array( $this, 'run_register' ) );
		add_action( self::HOOK_RECONCILE, array( $this, 'run_reconcile' ) );
		add_action( self::HOOK_REPRICE, array( $this, 'run_reprice' ) );
		add_action( 'init', array( $this, 'ensure_reconcile' ), 20 );
		add_filter( 'rest_request_before_callbacks', array( $this, 'rewrite_core_errors' ), 5, 3 );
		add_filter( 'rest_post_dispatch', array( $this, 'rewrite_final_status' ), 5, 3 );
		add_action( 'rest_api_init', array( $this, 'register_process_route' ) );
		add_action( 'wp_loaded', array( $this, 'maybe_process_early' ), 15 );
		add_filter( 'kiotviet_sync_health_webhooks', array( $this, 'health_summary' ) );
	}

	/**
	 * Options.
	 */
	public function options(): WebhookOptions {
		return $this->once( 'options', fn (): WebhookOptions => new WebhookOptions( $this->services->settings_store(), $this->services->secret_box() ) );
	}

	/**
	 * Inbox table.
	 */
	public function inbox(): WebhookInbox {
		return $this->once(
			'inbox',
			static function (): WebhookInbox {
				global $wpdb;
				return new WebhookInbox( $wpdb );
			}
		);
	}

	/**
	 * Receiver.
	 */
	public function receiver(): Receiver {
		return $this->once(
			'receiver',
			fn (): Receiver => new Receiver(
				$this->options(),
				$this->inbox(),
				$this->services->clock(),
				function (): void {
					$this->kick_processor();
				}
			)
		);
	}

	/**
	 * Starts the processor for a stored delivery (ProcessKicker), or counts the kick while deferred.
	 */
	public function kick_processor(): void {
		if ( $this->defer_kicks ) {
			++$this->deferred_kicks;
			return;
		}
		$this->kicker()->kick();
	}

	/**
	 * Collects kicks until run_deferred_kicks() (the early receiver answers first).
	 */
	public function defer_kicks(): void {
		$this->defer_kicks = true;
	}

	/**
	 * Sends the collected kick (one is enough) and stops deferring.
	 */
	public function run_deferred_kicks(): void {
		$this->defer_kicks = false;
		if ( $this->deferred_kicks > 0 ) {
			$this->deferred_kicks = 0;
			$this->kick_processor();
		}
	}

	/**
	 * The kicker: safety-net job through the Scheduler + loopback to the process endpoint.
	 */
	public function kicker(): ProcessKicker {
		return $this->once(
			'kicker',
			function (): ProcessKicker {
				$enabled = ! defined( 'KIOTVIET_SYNC_WEBHOOK_KICK' ) || (bool) constant( 'KIOTVIET_SYNC_WEBHOOK_KICK' );
				return new ProcessKicker(
					$this->services->scheduler(),
					$enabled ? array( $this->process_lock(), 'is_free' ) : null,
					fn (): ?string => $this->process_url(),
					fn (): string => $this->options()->process_key(),
					null,
					$this->kick_claim()
				);
			}
		);
	}

	/**
	 * Claim of the one processor loopback in flight.
	 */
	public function kick_claim(): KickClaim {
		return $this->once(
			'kick_claim',
			static function (): KickClaim {
				global $wpdb;
				return new KickClaim( $wpdb );
			}
		);
	}

	/**
	 * Processor lock.
	 */
	public function process_lock(): ProcessLock {
		return $this->once(
			'process_lock',
			static function (): ProcessLock {
				global $wpdb;
				return new ProcessLock( $wpdb );
			}
		);
	}

	/**
	 * URL of the process endpoint: the registered receiver URL with `webhook/<key>` replaced, so it is
	 * known before WordPress's rewrite rules exist (early receiver) and never taken from the request's Host.
	 */
	public function process_url(): ?string {
		$registration = $this->options()->registration();
		$url          = isset( $registration['url'] ) && is_string( $registration['url'] ) ? $registration['url'] : '';
		$process      = preg_replace( '#/webhook/[A-Za-z0-9_-]{1,64}$#', self::PROCESS_ROUTE, $url );
		return is_string( $process ) && '' !== $url && $process !== $url ? $process : null;
	}

	/**
	 * Whether a request may start the processor (its key, constant-time).
	 *
	 * @param string|null $key Key sent.
	 */
	public function is_process_key( ?string $key ): bool {
		$stored = $this->options()->process_key();
		return null !== $key && '' !== $key && hash_equals( $stored, $key );
	}

	/**
	 * Receiver URL of a site key; rest_url() gives the right form for pretty and plain permalinks
	 * (`/wp-json/…` or `?rest_route=/…`).
	 *
	 * @param string $key Site key.
	 */
	public static function receiver_url( string $key ): string {
		return rest_url( AbstractController::NAMESPACE_V1 . '/webhook/' . $key );
	}

	/**
	 * Registration service.
	 */
	public function registration(): Registration {
		return $this->once(
			'registration',
			fn (): Registration => new Registration( $this->options(), $this->services->sync_log(), $this->services->clock(), array( self::class, 'receiver_url' ) )
		);
	}

	/**
	 * Webhook API for the current connection.
	 */
	public function api(): WebhookApi {
		return new ClientWebhookApi( $this->services->connection_service()->client() );
	}

	/**
	 * Settings snapshot.
	 */
	public function live_settings(): LiveSettings {
		$settings   = ( new SyncSettingsRepository( $this->services->settings_store() ) )->load();
		$connection = $this->services->connection_repository()->load();
		$unit       = (string) get_option( 'woocommerce_weight_unit', 'kg' );
		$catalog    = CatalogSettings::from_array(
			array(
				'stock_branch_id' => (int) $connection->branch_id(),
				'stock_mode'      => (string) $settings->get( 'stock_mode' ),
				'regular_book_id' => (int) $settings->get( 'regular_price_book_id' ),
				'sale_book_id'    => $settings->get( 'sale_price_book_id' ),
				'match_by_sku'    => (bool) $settings->get( 'match_by_sku' ),
				'locked_fields'   => (array) $settings->get( 'locked_fields' ),
				'weight_unit'     => in_array( $unit, CatalogSettings::WEIGHT_UNITS, true ) ? $unit : 'kg',
			),
			new \DateTimeImmutable( '@' . $this->services->clock()->now() )
		);
		return new LiveSettings( $catalog, (bool) $settings->get( 'auto_add_new_products' ) );
	}

	/**
	 * Mapping lookup (tests may replace it with set_mapping()).
	 */
	public function mapping(): MappingLookup {
		return $this->once(
			'mapping',
			function (): MappingLookup {
				global $wpdb;
				return new MapTableLookup( $wpdb, (string) $this->services->connection_repository()->load()->retailer() );
			}
		);
	}

	/**
	 * Replaces the mapping lookup (integration tests before the writer's mapping exists).
	 *
	 * @param MappingLookup $mapping Lookup.
	 */
	public function set_mapping( MappingLookup $mapping ): void {
		$this->built['mapping'] = $mapping;
		unset( $this->built['gateway'] );
	}

	/**
	 * Writer port.
	 */
	public function gateway(): CatalogGateway {
		return $this->once(
			'gateway',
			function (): CatalogGateway {
				$factory = array( $this->services, $this->importer_method );
				$writer  = isset( $this->built['mapping'] ) && ! $this->built['mapping'] instanceof MapTableLookup ? null : ( is_callable( $factory ) ? call_user_func( $factory ) : null );
				return new WooCatalogGateway( $this->mapping(), $this->importer(), is_object( $writer ) ? $writer : null );
			}
		);
	}

	/**
	 * The catalog writer's import as a callable, null while the writer does not exist.
	 */
	private function importer(): ?callable {
		$factory = array( $this->services, $this->importer_method );
		if ( ! is_callable( $factory ) ) {
			return null;
		}
		return static function ( array $products, array $books, CatalogSettings $settings ) use ( $factory ): ?array {
			$importer = call_user_func( $factory );
			if ( ! is_object( $importer ) || ! method_exists( $importer, 'import_batch' ) ) {
				return null;
			}
			$result = $importer->import_batch( $products, array(), $books, $settings );
			if ( is_object( $result ) && method_exists( $result, 'to_array' ) ) {
				$result = $result->to_array();
			}
			if ( ! is_array( $result ) ) {
				return null;
			}
			$counts = isset( $result['counts'] ) && is_array( $result['counts'] ) ? $result['counts'] : $result;
			return array(
				'created'  => (int) ( $counts['created'] ?? 0 ),
				'updated'  => (int) ( $counts['updated'] ?? 0 ),
				'skipped'  => (int) ( $counts['skipped'] ?? 0 ),
				'failed'   => (int) ( $counts['failed'] ?? 0 ),
				'messages' => array(),
			);
		};
	}

	/**
	 * KiotViet reads.
	 */
	public function reader(): KiotVietReader {
		return new ClientReader( fn () => $this->services->connection_service()->client() );
	}

	/**
	 * Event handler for one run.
	 */
	public function handler(): EventHandler {
		return new EventHandler(
			$this->gateway(),
			$this->reader(),
			$this->live_settings(),
			static function ( array $item, Event $event ): void {
				/**
				 * Fires for each order.update item of a verified, fresh webhook delivery.
				 *
				 * @since 0.2.0
				 *
				 * @param array $item  The Data item (PascalCase keys, `__type` removed).
				 * @param Event $event The parsed event (id, branch, ModifiedDate, attempt).
				 */
				do_action( self::ORDER_ACTION, $item, $event );
			},
			function (): void {
				$this->services->scheduler()->schedule_single( self::HOOK_REPRICE, array(), 30, true );
			}
		);
	}

	/**
	 * Inbox processor.
	 */
	public function processor(): InboxProcessor {
		global $wpdb;
		return new InboxProcessor(
			$this->inbox(),
			new AppliedStateTable( $wpdb ),
			fn (): EventHandler => $this->handler(),
			$this->services->sync_log(),
			$this->services->clock(),
			$this->options()
		);
	}

	/**
	 * Reconciler.
	 */
	public function reconciler(): Reconciler {
		return new Reconciler( $this->reader(), $this->handler(), $this->options(), $this->services->sync_log(), $this->services->clock() );
	}

	/**
	 * On connect: register (a failure is logged and retried by a job; the connection still succeeds).
	 *
	 * @param mixed $connection Connection.
	 */
	public function on_connected( $connection = null ): void {
		unset( $connection );
		$this->run_register();
		$this->ensure_reconcile();
	}

	/**
	 * Job: register webhooks.
	 */
	public function run_register(): void {
		try {
			$this->registration()->register( $this->api(), true );
		} catch ( \Throwable $e ) {
			$this->services->sync_log()->record( SyncLogWriter::CHANNEL_WEBHOOK, 'register', SyncLogWriter::RESULT_ERROR, 'Webhook registration failed: ' . $e->getMessage(), array( 'exception' => get_class( $e ) ) );
			$this->services->scheduler()->schedule_single( self::HOOK_REGISTER, array(), 300, true );
		}
	}

	/**
	 * Before disconnect: delete our subscriptions.
	 *
	 * @param mixed $previous Connection.
	 */
	public function on_before_disconnect( $previous = null ): void {
		unset( $previous );
		$this->services->scheduler()->unschedule_all( self::HOOK_REGISTER );
		$this->registration()->unregister( $this->api() );
	}

	/**
	 * After disconnect: stop reconciliation.
	 *
	 * @param mixed $previous Connection.
	 */
	public function on_disconnected( $previous = null ): void {
		unset( $previous );
		$this->services->scheduler()->unschedule_all( self::HOOK_RECONCILE );
		$this->services->scheduler()->unschedule_all( self::HOOK_REPRICE );
	}

	/**
	 * Job and loopback: process the inbox under the processor lock (ProcessRun): batch after batch until the
	 * inbox is empty, for up to PROCESS_SECONDS; after releasing the lock it looks again, so a delivery stored
	 * while the lock was taken (its kick sent no loopback) is taken by this run. When time is up with work
	 * left it kicks again (a new loopback, like a delivery does: the queue needs site traffic to run). A run
	 * that finds the lock taken returns at once.
	 */
	public function run_processor(): void {
		// A loopback held back while this one was on its way left its row to this run (or to the lock holder).
		$this->kick_claim()->clear();
		$lock      = $this->process_lock();
		$processor = null;
		$run       = new ProcessRun(
			array( $lock, 'acquire' ),
			array( $lock, 'release' ),
			function () use ( &$processor ): array {
				$processor = $processor ?? $this->processor();
				return $processor->process_pending( self::PROCESS_BATCH );
			},
			fn (): bool => array() !== $this->inbox()->pending( 1 ),
			function ( bool $progress ): void {
				if ( $progress ) {
					$this->kicker()->kick( true );
					return;
				}
				$this->schedule_safety_net();
			},
			static fn (): float => microtime( true ),
			(float) self::PROCESS_SECONDS
		);
		try {
			$run->run();
		} catch ( \Throwable $e ) {
			$this->services->sync_log()->record( SyncLogWriter::CHANNEL_WEBHOOK, 'process', SyncLogWriter::RESULT_ERROR, 'Webhook processing failed: ' . $e->getMessage(), array( 'exception' => get_class( $e ) ) );
			$this->schedule_safety_net();
		}
	}

	/**
	 * The queued processor run that takes over what a loopback run leaves (needs site traffic to run).
	 */
	private function schedule_safety_net(): void {
		$this->services->scheduler()->schedule_single( self::HOOK_PROCESS, array(), ProcessKicker::SAFETY_NET_DELAY, true );
	}

	/**
	 * rest_api_init: `POST /kiotviet-sync/v1/webhook-process`, the kicker's loopback. Only the process key
	 * opens it (401 otherwise; KiotViet never calls it); it runs the processor, which does nothing while
	 * another run holds the lock.
	 */
	public function register_process_route(): void {
		register_rest_route(
			AbstractController::NAMESPACE_V1,
			self::PROCESS_ROUTE,
			array(
				'methods'             => 'POST',
				'callback'            => array( $this, 'process_now' ),
				'permission_callback' => fn ( WP_REST_Request $request ): bool => $this->is_process_key( $request->get_header( 'x_kvs_process_key' ) ),
			)
		);
	}

	/**
	 * wp_loaded (priority 15): the kicker's loopback without the REST server. WordPress and WooCommerce are
	 * loaded; building the REST server (every plugin's routes on rest_api_init) took 0.1–0.5 s of each loopback
	 * on the bench site before the processor started, i.e. before a delivery could become visible. Before
	 * WordPress's `_wp_cron` (20), whose spawn request waited up to 1 s there while the server's workers were
	 * busy (a loopback need not start WP-Cron), and WooCommerce's form handlers (20). Only exactly
	 * `POST …/kiotviet-sync/v1/webhook-process` with the right process key is handled here (the caller has
	 * already hung up; the answer is the REST route's); anything else, a wrong key included (401), goes on to
	 * the REST route. `KIOTVIET_SYNC_WEBHOOK_FAST_PATH` false leaves it to the REST route too.
	 */
	public function maybe_process_early(): void {
		if ( 'POST' !== ( $_SERVER['REQUEST_METHOD'] ?? '' ) || ! EarlyReceiver::fast_path_on() ) {
			return;
		}
		$route = EarlyReceiver::current_rest_route();
		if ( null === $route || '/' . AbstractController::NAMESPACE_V1 . self::PROCESS_ROUTE !== rtrim( $route, '/' ) ) {
			return;
		}
		$key = isset( $_SERVER['HTTP_X_KVS_PROCESS_KEY'] ) ? (string) $_SERVER['HTTP_X_KVS_PROCESS_KEY'] : null; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- Compared in constant time, never output.
		if ( ! $this->is_process_key( $key ) ) {
			return;
		}
		$response = $this->process_now();
		EarlyReceiver::send( $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		exit;
	}

	/**
	 * The loopback's work: keeps running when the caller hangs up.
	 */
	public function process_now(): WP_REST_Response {
		ignore_user_abort( true );
		$this->run_processor();
		return new WP_REST_Response( array( 'ok' => true ), 200 );
	}

	/**
	 * Job: reconcile (never throws).
	 */
	public function run_reconcile(): void {
		if ( ! $this->services->connection_repository()->load()->is_connected() ) {
			return;
		}
		try {
			$this->reconciler()->run( false );
			$this->inbox()->prune( gmdate( 'Y-m-d H:i:s', $this->services->clock()->now() - 30 * 86400 ) );
		} catch ( \Throwable $e ) {
			$this->services->sync_log()->record( Reconciler::CHANNEL, 'run', SyncLogWriter::RESULT_ERROR, 'Reconciliation failed: ' . $e->getMessage(), array( 'exception' => get_class( $e ) ) );
		}
	}

	/**
	 * Job: re-price every synced product (never throws).
	 */
	public function run_reprice(): void {
		try {
			$this->reconciler()->run( true );
		} catch ( \Throwable $e ) {
			$this->services->sync_log()->record( Reconciler::CHANNEL, 'reprice', SyncLogWriter::RESULT_ERROR, 'Re-pricing failed: ' . $e->getMessage(), array( 'exception' => get_class( $e ) ) );
		}
	}

	/**
	 * Reconcile interval in seconds from the settings (default 15 minutes).
	 */
	public function reconcile_interval(): int {
		$settings = ( new SyncSettingsRepository( $this->services->settings_store() ) )->load();
		$minutes  = (int) $settings->get( 'reconcile_interval_minutes' );
		return max( 5, $minutes > 0 ? $minutes : 15 ) * 60;
	}

	/**
	 * Ensures the recurring reconcile job while connected (admin and cron requests only: cheap elsewhere).
	 */
	public function ensure_reconcile(): void {
		if ( ! ( is_admin() || wp_doing_cron() || doing_action( 'kiotviet_sync_connected' ) ) ) {
			return;
		}
		if ( ! $this->services->connection_repository()->load()->is_connected() ) {
			return;
		}
		$this->services->scheduler()->schedule_recurring( self::HOOK_RECONCILE, $this->reconcile_interval(), array(), 60 );
	}

	/**
	 * Settings saved: re-schedule with the new interval.
	 *
	 * @param mixed $settings New settings.
	 */
	public function reschedule_reconcile( $settings = null ): void {
		unset( $settings );
		$this->services->scheduler()->unschedule_all( self::HOOK_RECONCILE );
		if ( $this->services->connection_repository()->load()->is_connected() ) {
			$this->services->scheduler()->schedule_recurring( self::HOOK_RECONCILE, $this->reconcile_interval(), array(), 60 );
		}
	}

	/**
	 * rest_request_before_callbacks: on the receiver route, WordPress's own errors (e.g. 400
	 * rest_invalid_json for a broken JSON body) must not reach KiotViet as a 4xx, which would disable the
	 * subscription. A 4xx with a matched handler is dropped so our callback runs and records the delivery as
	 * malformed; without a handler the answer becomes 200 {received:false}. 5xx stays (KiotViet retries).
	 *
	 * @param mixed           $response Response so far.
	 * @param mixed           $handler  Handler.
	 * @param WP_REST_Request $request  Request.
	 * @return mixed
	 */
	public function rewrite_core_errors( $response, $handler, $request ) {
		if ( ! $response instanceof WP_Error || ! $request instanceof WP_REST_Request ) {
			return $response;
		}
		if ( 1 !== preg_match( '#^/' . preg_quote( AbstractController::NAMESPACE_V1, '#' ) . '/webhook(/|$)#', (string) $request->get_route() ) ) {
			return $response;
		}
		$data   = $response->get_error_data();
		$status = is_array( $data ) && isset( $data['status'] ) ? (int) $data['status'] : 500;
		$policy = new ResponsePolicy();
		$answer = $policy->status_for_core_error( $status );
		if ( $answer >= 500 ) {
			return $response;
		}
		if ( is_array( $handler ) && isset( $handler['callback'] ) && is_callable( $handler['callback'] ) ) {
			return null; // Our callback runs and records the body as malformed.
		}
		return new WP_REST_Response( $policy->body_for( ResponsePolicy::MALFORMED ), $answer );
	}

	/**
	 * rest_post_dispatch: the last guard — no 4xx ever leaves the receiver route (e.g. a GET answered
	 * rest_no_route by WordPress before any callback).
	 *
	 * @param mixed           $result  Response.
	 * @param mixed           $server  Server.
	 * @param WP_REST_Request $request Request.
	 * @return mixed
	 */
	public function rewrite_final_status( $result, $server, $request ) {
		unset( $server );
		if ( ! $result instanceof WP_REST_Response || ! $request instanceof WP_REST_Request ) {
			return $result;
		}
		$status = $result->get_status();
		if ( $status < 400 || $status >= 500 ) {
			return $result;
		}
		if ( 1 !== preg_match( '#^/' . preg_quote( AbstractController::NAMESPACE_V1, '#' ) . '/webhook(/|$)#', (string) $request->get_route() ) ) {
			return $result;
		}
		$policy = new ResponsePolicy();
		return new WP_REST_Response( $policy->body_for( ResponsePolicy::MALFORMED ), $policy->status_for_core_error( $status ) );
	}

	/**
	 * kiotviet_sync_health_webhooks: subscriptions from the last registration (no KiotViet call) and the
	 * newest stored delivery.
	 *
	 * @param mixed $summary Summary so far.
	 * @return mixed
	 */
	public function health_summary( $summary ) {
		$registration = $this->options()->registration();
		if ( ! isset( $registration['states'] ) || ! is_array( $registration['states'] ) ) {
			return $summary;
		}
		$active = 0;
		foreach ( $registration['states'] as $state ) {
			if ( is_array( $state ) && 'active' === ( $state['state'] ?? '' ) ) {
				++$active;
			}
		}
		$last = $this->inbox()->last_received_at();
		return array(
			'subscriptions_active'   => $active,
			'subscriptions_expected' => count( \KiotVietSync\Sync\Webhooks\WebhookType::WANTED ),
			'last_delivery_at'       => null === $last ? null : gmdate( 'c', (int) strtotime( $last . ' UTC' ) ),
		);
	}

	/**
	 * Memoises.
	 *
	 * @template T of object
	 * @param string        $id      Id.
	 * @param callable(): T $factory Factory.
	 * @return T
	 */
	private function once( string $id, callable $factory ) {
		if ( ! isset( $this->built[ $id ] ) ) {
			$this->built[ $id ] = $factory();
		}
		/** @var T $object */
		$object = $this->built[ $id ];
		return $object;
	}
}
