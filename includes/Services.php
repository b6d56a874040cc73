<?php
/**
 * Hand-written service factory.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync;

use KiotVietSync\Admin\AdminPage;
use KiotVietSync\Admin\Assets;
use KiotVietSync\Admin\HealthCheck;
use KiotVietSync\Admin\HealthNotice;
use KiotVietSync\Jobs\HistoryPruneJob;
use KiotVietSync\Jobs\ActionSchedulerScheduler;
use KiotVietSync\Jobs\AutoScheduler;
use KiotVietSync\Jobs\Scheduler;
use KiotVietSync\Jobs\WpCronScheduler;
use KiotVietSync\KiotViet\CallBudget;
use KiotVietSync\KiotViet\CallObserver;
use KiotVietSync\KiotViet\ClientFactory;
use KiotVietSync\KiotViet\HttpTransport;
use KiotVietSync\KiotViet\RetryPolicy;
use KiotVietSync\KiotViet\WpHttpTransport;
use KiotVietSync\Rest\BranchesController;
use KiotVietSync\Rest\ConnectionController;
use KiotVietSync\Rest\HealthController;
use KiotVietSync\Rest\HistoryController;
use KiotVietSync\Rest\SettingsController;
use KiotVietSync\Rest\RestRegistrar;
use KiotVietSync\Storage\ConnectionRepository;
use KiotVietSync\Storage\EncryptedTokenStore;
use KiotVietSync\Storage\Migrations;
use KiotVietSync\Storage\OptionBudgetStore;
use KiotVietSync\Storage\SettingsStore;
use KiotVietSync\Storage\SyncLog;
use KiotVietSync\Storage\SyncLogCallObserver;
use KiotVietSync\Storage\SyncSettingsRepository;
use KiotVietSync\Storage\WpOptionsStore;
use KiotVietSync\Support\Clock;
use KiotVietSync\Support\Redactor;
use KiotVietSync\Support\SecretBox;
use KiotVietSync\Support\Sleeper;
use KiotVietSync\Support\SystemClock;
use KiotVietSync\Support\SystemSleeper;
use KiotVietSync\Sync\Connection\ConnectionService;

/**
 * Builds each service once, on first use, with explicit `new`. Services never call back into this class;
 * only Plugin and the REST/feature wiring do.
 */
final class Services {

	/**
	 * Built services by id.
	 *
	 * @var array<string, object>
	 */
	private array $instances = array();

	/**
	 * Memoises a service.
	 *
	 * @template T of object
	 * @param string      $id      Service id.
	 * @param callable(): T $factory Builder.
	 * @return T
	 */
	private function shared( string $id, callable $factory ) {
		if ( ! isset( $this->instances[ $id ] ) ) {
			$this->instances[ $id ] = $factory();
		}
		/** @var T $service */
		$service = $this->instances[ $id ];
		return $service;
	}

	/**
	 * Options adapter.
	 */
	public function settings_store(): SettingsStore {
		return $this->shared( 'settings_store', static fn (): SettingsStore => new WpOptionsStore() );
	}

	/**
	 * Clock.
	 */
	public function clock(): Clock {
		return $this->shared( 'clock', static fn (): Clock => new SystemClock() );
	}

	/**
	 * Sleeper.
	 */
	public function sleeper(): Sleeper {
		return $this->shared( 'sleeper', static fn (): Sleeper => new SystemSleeper() );
	}

	/**
	 * Encryption for secrets at rest. Key material: KIOTVIET_SYNC_ENCRYPTION_KEY if defined, else the
	 * secure_auth salt from wp-config.php. Changing either makes stored secrets unreadable (reconnect).
	 */
	public function secret_box(): SecretBox {
		return $this->shared(
			'secret_box',
			static function (): SecretBox {
				$material = defined( 'KIOTVIET_SYNC_ENCRYPTION_KEY' ) ? (string) constant( 'KIOTVIET_SYNC_ENCRYPTION_KEY' ) : wp_salt( 'secure_auth' );
				return new SecretBox( $material );
			}
		);
	}

	/**
	 * Sync history.
	 */
	public function sync_log(): SyncLog {
		return $this->shared(
			'sync_log',
			static function (): SyncLog {
				global $wpdb;
				return new SyncLog( $wpdb, new Redactor() );
			}
		);
	}

	/**
	 * Schema migrations.
	 */
	public function migrations(): Migrations {
		return $this->shared(
			'migrations',
			function (): Migrations {
				global $wpdb;
				return new Migrations( $wpdb, $this->settings_store() );
			}
		);
	}

	/**
	 * Background scheduler: Action Scheduler (WooCommerce's bundled copy) once it is ready, WP-Cron before that
	 * and where it is absent (the stand-in). Decided per call: Action Scheduler is not loaded yet when the
	 * services are built (woocommerce_loaded). WP-Cron jobs of ours are moved into Action Scheduler on
	 * every action_scheduler_init (AutoScheduler::drain_wp_cron()).
	 */
	public function scheduler(): AutoScheduler {
		return $this->shared(
			'scheduler',
			static fn (): AutoScheduler => new AutoScheduler( new WpCronScheduler(), new ActionSchedulerScheduler() )
		);
	}

	/**
	 * HTTP transport.
	 */
	public function transport(): HttpTransport {
		return $this->shared( 'transport', static fn (): HttpTransport => new WpHttpTransport( 15.0 ) );
	}

	/**
	 * Retry policy for GETs.
	 */
	public function retry_policy(): RetryPolicy {
		return $this->shared( 'retry_policy', static fn (): RetryPolicy => new RetryPolicy( 3, 0.5, 4.0, 10.0 ) );
	}

	/**
	 * GET budget (5,000/hour).
	 */
	public function call_budget(): CallBudget {
		return $this->shared(
			'call_budget',
			fn (): CallBudget => new CallBudget( new OptionBudgetStore( $this->settings_store() ), $this->clock(), $this->sleeper(), 5000 )
		);
	}

	/**
	 * Writes KiotViet calls to the sync history.
	 */
	public function call_observer(): CallObserver {
		return $this->shared( 'call_observer', fn (): CallObserver => new SyncLogCallObserver( $this->sync_log() ) );
	}

	/**
	 * KiotViet client factory (endpoints from wp-config constants only).
	 */
	public function client_factory(): ClientFactory {
		return $this->shared(
			'client_factory',
			fn (): ClientFactory => new ClientFactory(
				$this->transport(),
				$this->clock(),
				$this->sleeper(),
				$this->retry_policy(),
				$this->call_budget(),
				$this->call_observer(),
				(string) KIOTVIET_SYNC_TOKEN_URL,
				(string) KIOTVIET_SYNC_API_BASE
			)
		);
	}

	/**
	 * Encrypted access-token cache.
	 */
	public function token_store(): EncryptedTokenStore {
		return $this->shared( 'token_store', fn (): EncryptedTokenStore => new EncryptedTokenStore( $this->settings_store(), $this->secret_box() ) );
	}

	/**
	 * Stored connection.
	 */
	public function connection_repository(): ConnectionRepository {
		return $this->shared( 'connection_repository', fn (): ConnectionRepository => new ConnectionRepository( $this->settings_store(), $this->secret_box() ) );
	}

	/**
	 * Connection use cases; client() gives other features a KiotViet client for the stored credentials.
	 */
	public function connection_service(): ConnectionService {
		return $this->shared(
			'connection_service',
			fn (): ConnectionService => new ConnectionService(
				$this->connection_repository(),
				$this->client_factory(),
				$this->token_store(),
				$this->sync_log(),
				$this->clock()
			)
		);
	}

	/**
	 * Admin menu page.
	 */
	public function admin_page(): AdminPage {
		return $this->shared( 'admin_page', static fn (): AdminPage => new AdminPage( KIOTVIET_SYNC_DIR . 'build/' ) );
	}

	/**
	 * Admin assets.
	 */
	public function assets(): Assets {
		return $this->shared( 'assets', fn (): Assets => new Assets( $this->admin_page(), KIOTVIET_SYNC_DIR, KIOTVIET_SYNC_URL, KIOTVIET_SYNC_VERSION ) );
	}

	/**
	 * Live sync: webhook receiver, inbox processing, registration and reconciliation.
	 */
	public function webhooks(): \KiotVietSync\Webhooks\WebhookServices {
		return $this->shared( 'webhooks', fn (): \KiotVietSync\Webhooks\WebhookServices => new \KiotVietSync\Webhooks\WebhookServices( $this ) );
	}

	/**
	 * REST wiring; controllers are built on rest_api_init.
	 */
	public function rest_registrar(): RestRegistrar {
		return $this->shared(
			'rest_registrar',
			fn (): RestRegistrar => new RestRegistrar(
				fn (): array => array(
					new ConnectionController( $this->connection_service(), $this->synced_data_eraser() ),
					new BranchesController( $this->connection_service() ),
					new \KiotVietSync\Rest\OrdersController( fn (): \KiotVietSync\Orders\OrderSyncService => $this->order_sync_service() ),
					new SettingsController( $this->sync_settings_repository(), $this->sync_log() ),
					new HistoryController( $this->sync_log() ),
					new HealthController( $this->health_check() ),
					new \KiotVietSync\Rest\SyncController( $this->catalog_run_runner(), $this->catalog_sync_status(), $this->connection_service() ),
					new \KiotVietSync\Rest\CatalogController( $this->catalog_cache(), $this->connection_service(), $this->sync_settings_repository(), new \KiotVietSync\Sync\Catalog\Runs\CatalogPreviewService( $GLOBALS['wpdb'], $this->catalog_cache() ), $this->clock(), $this->mapping_repository() ),
					new \KiotVietSync\Rest\PriceBooksController( $this->catalog_cache(), $this->connection_service(), $this->sync_settings_repository(), $this->catalog_fetch_job(), $this->clock() ),
					new \KiotVietSync\Rest\WebhookReceiverController( fn (): \KiotVietSync\Webhooks\Receiver => $this->webhooks()->receiver() ),
					new \KiotVietSync\Rest\WebhooksController( $this->webhooks(), fn (): bool => $this->connection_repository()->load()->is_connected() ),
					new \KiotVietSync\Rest\SyncedProductsController( $this->synced_products_query(), $this->mapping_repository() ),
				)
			)
		);
	}

	/**
	 * Merchant settings (option kiotviet_sync_settings).
	 */
	public function sync_settings_repository(): SyncSettingsRepository {
		return $this->shared( 'sync_settings_repository', fn (): SyncSettingsRepository => new SyncSettingsRepository( $this->settings_store() ) );
	}

	/**
	 * Health report (GET /health, admin notice).
	 */
	public function health_check(): HealthCheck {
		return $this->shared(
			'health_check',
			fn (): HealthCheck => new HealthCheck( $this->connection_repository(), $this->token_store(), $this->call_budget(), $this->settings_store() )
		);
	}

	/**
	 * Admin notice listing health problems.
	 */
	public function health_notice(): HealthNotice {
		return $this->shared( 'health_notice', fn (): HealthNotice => new HealthNotice( $this->health_check() ) );
	}

	/**
	 * Daily history clean-up (retention from the settings).
	 */
	public function history_prune_job(): HistoryPruneJob {
		return $this->shared( 'history_prune_job', fn (): HistoryPruneJob => new HistoryPruneJob( $this->scheduler(), $this->sync_log(), $this->sync_settings_repository() ) );
	}

	/**
	 * Order push outbox (table kiotviet_sync_order_outbox).
	 */
	public function order_outbox(): \KiotVietSync\Storage\OrderOutbox {
		return $this->shared(
			'order_outbox',
			static function (): \KiotVietSync\Storage\OrderOutbox {
				global $wpdb;
				return new \KiotVietSync\Storage\OrderOutbox( $wpdb );
			}
		);
	}

	/**
	 * Order push: triggers, queue, auto-resync, status back.
	 */
	public function order_sync_service(): \KiotVietSync\Orders\OrderSyncService {
		return $this->shared(
			'order_sync_service',
			fn (): \KiotVietSync\Orders\OrderSyncService => new \KiotVietSync\Orders\OrderSyncService(
				$this->order_outbox(),
				new \KiotVietSync\Storage\SyncSettingsRepository( $this->settings_store() ),
				$this->connection_service(),
				function (): \KiotVietSync\Orders\ProductMap {
					global $wpdb;
					return new \KiotVietSync\Storage\OrderProductMapTable( $wpdb, (string) $this->connection_service()->current()->retailer() );
				},
				$this->scheduler(),
				$this->sync_log(),
				$this->clock(),
				$this->settings_store(),
				$this->call_budget()
			)
		);
	}

	/**
	 * WordPress wiring of the order push.
	 */
	public function order_hooks(): \KiotVietSync\Orders\OrderHooks {
		return $this->shared( 'order_hooks', fn (): \KiotVietSync\Orders\OrderHooks => new \KiotVietSync\Orders\OrderHooks( fn (): \KiotVietSync\Orders\OrderSyncService => $this->order_sync_service() ) );
	}

	/**
	 * Catalog cache (issue 5): KiotViet products/categories, branches, price books.
	 */
	public function catalog_cache(): \KiotVietSync\Storage\CatalogCacheRepository {
		return $this->shared(
			'catalog_cache',
			function (): \KiotVietSync\Storage\CatalogCacheRepository {
				global $wpdb;
				return new \KiotVietSync\Storage\CatalogCacheRepository( $wpdb, $this->settings_store() );
			}
		);
	}

	/**
	 * Background runs table.
	 */
	public function run_repository(): \KiotVietSync\Storage\RunRepository {
		return $this->shared(
			'run_repository',
			static function (): \KiotVietSync\Storage\RunRepository {
				global $wpdb;
				return new \KiotVietSync\Storage\RunRepository( $wpdb );
			}
		);
	}

	/**
	 * Fetch run (KiotViet catalog → cache).
	 */
	public function catalog_fetch_job(): \KiotVietSync\Jobs\CatalogFetchJob {
		return $this->shared(
			'catalog_fetch_job',
			fn (): \KiotVietSync\Jobs\CatalogFetchJob => new \KiotVietSync\Jobs\CatalogFetchJob( $this->connection_service(), $this->catalog_cache(), $this->sync_settings_repository(), $this->sync_log(), $this->clock() )
		);
	}

	/**
	 * Import run (selected cache rows → WooCommerce through the catalog writer).
	 */
	public function catalog_import_job(): \KiotVietSync\Jobs\CatalogImportJob {
		return $this->shared(
			'catalog_import_job',
			fn (): \KiotVietSync\Jobs\CatalogImportJob => new \KiotVietSync\Jobs\CatalogImportJob(
				$this->connection_service(),
				$this->catalog_cache(),
				$this->sync_settings_repository(),
				fn (): \KiotVietSync\Sync\Catalog\Runs\CatalogWriter => $this->catalog_writer(),
				$this->sync_log(),
				$this->clock()
			)
		);
	}

	/**
	 * The WooCommerce writer behind the import run.
	 */
	public function catalog_writer(): \KiotVietSync\Sync\Catalog\Runs\CatalogWriter {
		return new \KiotVietSync\WooCommerce\ImporterCatalogWriter( $this->catalog_importer() );
	}

	/**
	 * Query of the Synced product list and the WooCommerce products screen column.
	 */
	public function synced_products_query(): \KiotVietSync\Storage\SyncedProductsQuery {
		return $this->shared(
			'synced_products_query',
			function (): \KiotVietSync\Storage\SyncedProductsQuery {
				global $wpdb;
				return new \KiotVietSync\Storage\SyncedProductsQuery( $wpdb, $this->mapping_repository() );
			}
		);
	}

	/**
	 * "KiotViet" column and filter of the WooCommerce products screen.
	 */
	public function product_list_column(): \KiotVietSync\WooCommerce\ProductListColumn {
		return $this->shared( 'product_list_column', fn (): \KiotVietSync\WooCommerce\ProductListColumn => new \KiotVietSync\WooCommerce\ProductListColumn( $this->synced_products_query() ) );
	}

	/**
	 * "Chọn chi nhánh": stock of mapped products rewritten from the new branch.
	 */
	public function branch_stock_rewriter(): \KiotVietSync\WooCommerce\BranchStockRewriter {
		return $this->shared(
			'branch_stock_rewriter',
			fn (): \KiotVietSync\WooCommerce\BranchStockRewriter => new \KiotVietSync\WooCommerce\BranchStockRewriter( $this->catalog_cache(), fn (): \KiotVietSync\Sync\Catalog\CatalogImporter => $this->catalog_importer(), $this->sync_settings_repository(), $this->sync_log(), $this->clock() )
		);
	}

	/**
	 * Disconnect "Xóa thông tin": deletes synced products / categories (inline or in the background).
	 */
	public function synced_data_eraser(): \KiotVietSync\WooCommerce\SyncedDataEraser {
		return $this->shared(
			'synced_data_eraser',
			fn (): \KiotVietSync\WooCommerce\SyncedDataEraser => new \KiotVietSync\WooCommerce\SyncedDataEraser( $this->mapping_repository(), $this->catalog_cache(), $this->settings_store(), $this->scheduler(), $this->sync_log() )
		);
	}

	/**
	 * KiotViet ↔ WooCommerce mapping table, scoped to the connected retailer.
	 */
	public function mapping_repository(): \KiotVietSync\Storage\MappingRepository {
		return $this->shared(
			'mapping_repository',
			function (): \KiotVietSync\Storage\MappingRepository {
				global $wpdb;
				return new \KiotVietSync\Storage\MappingRepository( $wpdb, fn (): string => (string) $this->connection_repository()->load()->retailer() );
			}
		);
	}

	/**
	 * The catalog writer (products, variations, categories, stock, unpublish) over WooCommerce CRUD.
	 */
	public function catalog_importer(): \KiotVietSync\Sync\Catalog\CatalogImporter {
		return $this->shared(
			'catalog_importer',
			function (): \KiotVietSync\Sync\Catalog\CatalogImporter {
				global $wpdb;
				return new \KiotVietSync\Sync\Catalog\CatalogImporter(
					$wpdb,
					$this->mapping_repository(),
					new \KiotVietSync\WooCommerce\ProductWriter(),
					new \KiotVietSync\WooCommerce\CategoryWriter(),
					$this->sync_log(),
					$this->scheduler()
				);
			}
		);
	}

	/**
	 * Product image downloads (job kiotviet_sync_import_images).
	 */
	public function image_importer(): \KiotVietSync\WooCommerce\ImageImporter {
		return $this->shared(
			'image_importer',
			function (): \KiotVietSync\WooCommerce\ImageImporter {
				global $wpdb;
				return new \KiotVietSync\WooCommerce\ImageImporter( new \KiotVietSync\Storage\ImageRepository( $wpdb ), $this->sync_log(), (string) KIOTVIET_SYNC_API_BASE );
			}
		);
	}

	/**
	 * Background image job.
	 */
	public function import_images_job(): \KiotVietSync\Jobs\ImportImagesJob {
		return $this->shared( 'import_images_job', fn (): \KiotVietSync\Jobs\ImportImagesJob => new \KiotVietSync\Jobs\ImportImagesJob( fn (): \KiotVietSync\WooCommerce\ImageImporter => $this->image_importer(), $this->scheduler() ) );
	}

	/**
	 * Runs fetch/import runs step by step in the background (hook kiotviet_sync_run_step).
	 */
	public function catalog_run_runner(): \KiotVietSync\Jobs\RunRunner {
		return $this->shared(
			'catalog_run_runner',
			fn (): \KiotVietSync\Jobs\RunRunner => new \KiotVietSync\Jobs\RunRunner(
				$this->run_repository(),
				array( $this->catalog_fetch_job(), $this->catalog_import_job(), new \KiotVietSync\Jobs\QuickSyncJob( $this->catalog_fetch_job(), $this->catalog_import_job(), $this->catalog_cache(), $this->sync_settings_repository() ) ),
				$this->scheduler(),
				$this->clock(),
				$this->sync_log()
			)
		);
	}

	/**
	 * GET /sync/status payload.
	 */
	public function catalog_sync_status(): \KiotVietSync\Sync\Catalog\Runs\SyncStatus {
		return $this->shared(
			'catalog_sync_status',
			fn (): \KiotVietSync\Sync\Catalog\Runs\SyncStatus => new \KiotVietSync\Sync\Catalog\Runs\SyncStatus( $this->run_repository(), $this->catalog_cache() )
		);
	}
}
