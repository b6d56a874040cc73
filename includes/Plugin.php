<?php
/**
 * Composition root.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync;

use KiotVietSync\Admin\MissingWooCommerceNotice;
use KiotVietSync\Infrastructure\Registerable;
use KiotVietSync\Jobs\ActionSchedulerScheduler;
use KiotVietSync\Jobs\WpCronScheduler;
use KiotVietSync\Storage\Migrations;
use KiotVietSync\Storage\WpOptionsStore;

/**
 * The one place that knows the feature list: boots after WooCommerce has loaded and calls register() on
 * each feature. Also handles activation, deactivation and the WooCommerce feature declarations.
 */
final class Plugin {

	/**
	 * The booted instance.
	 *
	 * @var Plugin|null
	 */
	private static ?Plugin $instance = null;

	/**
	 * Services.
	 *
	 * @var Services
	 */
	private Services $services;

	/**
	 * Creates the plugin.
	 *
	 * @param Services $services Services.
	 */
	private function __construct( Services $services ) {
		$this->services = $services;
	}

	/**
	 * Boots now if WooCommerce already loaded, otherwise on woocommerce_loaded; shows a notice if it never does.
	 */
	public static function on_woocommerce_loaded(): void {
		// Translations are needed even without WooCommerce (the missing-WooCommerce notice).
		add_action( 'init', array( self::class, 'load_textdomain' ) );
		if ( did_action( 'woocommerce_loaded' ) ) {
			self::boot();
			return;
		}
		add_action( 'woocommerce_loaded', array( self::class, 'boot' ) );
		add_action( 'plugins_loaded', array( self::class, 'check_woocommerce' ), 99 );
	}

	/**
	 * Loads the bundled translations from languages/ (WordPress only looks in wp-content/languages by itself).
	 */
	public static function load_textdomain(): void {
		load_plugin_textdomain( 'kiotviet-sync', false, dirname( plugin_basename( KIOTVIET_SYNC_FILE ) ) . '/languages' );
	}

	/**
	 * Shows the missing-WooCommerce notice when WooCommerce did not load with the other plugins.
	 */
	public static function check_woocommerce(): void {
		if ( ! did_action( 'woocommerce_loaded' ) ) {
			MissingWooCommerceNotice::register();
		}
	}

	/**
	 * Builds the services and registers every feature (once).
	 */
	public static function boot(): void {
		if ( null !== self::$instance ) {
			return;
		}
		self::$instance = new self( new Services() );
		self::$instance->register_features();
	}

	/**
	 * The booted plugin, null before woocommerce_loaded or without WooCommerce.
	 */
	public static function instance(): ?Plugin {
		return self::$instance;
	}

	/**
	 * The service factory (for integration tests and features that need a service at runtime).
	 */
	public function services(): Services {
		return $this->services;
	}

	/**
	 * The feature list.
	 *
	 * @return Registerable[]
	 */
	private function features(): array {
		$features = array(
			$this->services->migrations(),
			$this->services->admin_page(),
			$this->services->assets(),
			$this->services->rest_registrar(),
			$this->services->catalog_run_runner(),
			$this->services->order_hooks(),
			$this->services->health_notice(),
			$this->services->history_prune_job(),
			$this->services->webhooks(),
			$this->services->import_images_job(),
			$this->services->product_list_column(),
			$this->services->synced_data_eraser(),
			$this->services->branch_stock_rewriter(),
			// WP-Cron intervals, and the move of WP-Cron jobs into Action Scheduler once it is ready.
			$this->services->scheduler(),
		);
		return $features;
	}

	/**
	 * Calls register() on each feature.
	 */
	private function register_features(): void {
		foreach ( $this->features() as $feature ) {
			$feature->register();
		}
	}

	/**
	 * Activation: create or upgrade tables. Works without WooCommerce.
	 */
	public static function activate(): void {
		global $wpdb;
		( new Migrations( $wpdb, new WpOptionsStore() ) )->activate();
	}

	/**
	 * Deactivation: cancel every scheduled job of ours, in Action Scheduler and WP-Cron alike.
	 */
	public static function deactivate(): void {
		if ( function_exists( 'as_unschedule_all_actions' ) ) {
			( new ActionSchedulerScheduler() )->unschedule_all();
		}
		( new WpCronScheduler() )->unschedule_all();
	}

	/**
	 * Declares compatibility with HPOS and the cart/checkout blocks (before_woocommerce_init).
	 */
	public static function declare_compatibility(): void {
		if ( ! class_exists( \Automattic\WooCommerce\Utilities\FeaturesUtil::class ) ) {
			return;
		}
		\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'custom_order_tables', KIOTVIET_SYNC_FILE, true );
		\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'cart_checkout_blocks', KIOTVIET_SYNC_FILE, true );
	}
}
