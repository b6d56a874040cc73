<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration;

use KiotVietSync\Admin\AdminPage;
use KiotVietSync\Admin\Assets;
use KiotVietSync\Jobs\Scheduler;
use KiotVietSync\Plugin;
use KiotVietSync\Storage\Migrations;
use KiotVietSync\Storage\Settings;
use KiotVietSync\Storage\SyncLog;

/**
 * The plugin shell on a real site: boot, WooCommerce feature declarations, REST routes, tables,
 * admin page and assets, scheduler and deactivation.
 */
final class PluginShellTest extends TestCase {

	private function plugin(): Plugin {
		$plugin = Plugin::instance();
		self::assertNotNull( $plugin, 'Plugin booted on woocommerce_loaded' );
		return $plugin;
	}

	public function test_declares_hpos_and_checkout_blocks_compatibility(): void {
		if ( ! method_exists( \Automattic\WooCommerce\Utilities\FeaturesUtil::class, 'get_declarations' ) ) {
			self::markTestSkipped( 'Only the stand-in exposes the declarations.' );
		}
		$declarations = \Automattic\WooCommerce\Utilities\FeaturesUtil::get_declarations();
		$basename     = plugin_basename( KIOTVIET_SYNC_FILE );
		self::assertTrue( $declarations['custom_order_tables'][ $basename ] ?? false );
		self::assertTrue( $declarations['cart_checkout_blocks'][ $basename ] ?? false );
	}

	public function test_rest_routes_are_registered(): void {
		$routes = rest_get_server()->get_routes( 'kiotviet-sync/v1' );
		foreach ( array( '/kiotviet-sync/v1/connection', '/kiotviet-sync/v1/connection/branch', '/kiotviet-sync/v1/branches' ) as $route ) {
			self::assertArrayHasKey( $route, $routes );
			foreach ( $routes[ $route ] as $handler ) {
				self::assertIsCallable( $handler['permission_callback'], $route );
			}
		}
	}

	public function test_sync_log_table_and_schema_version(): void {
		global $wpdb;
		self::assertSame( Migrations::latest_version(), (int) get_option( Settings::DB_VERSION ) );
		$columns = $wpdb->get_col( 'DESCRIBE ' . $wpdb->prefix . SyncLog::TABLE ); // phpcs:ignore
		self::assertSame(
			array( 'id', 'created_at', 'level', 'channel', 'action', 'result', 'object_type', 'object_id', 'kiotviet_id', 'message', 'context' ),
			$columns
		);
		$indexes = array_unique( $wpdb->get_col( 'SHOW INDEX FROM ' . $wpdb->prefix . SyncLog::TABLE, 2 ) ); // phpcs:ignore
		foreach ( array( 'PRIMARY', 'created_at', 'channel', 'result' ) as $index ) {
			self::assertContains( $index, $indexes );
		}
	}

	public function test_sync_log_records_and_reads_back(): void {
		$log = $this->plugin()->services()->sync_log();
		$log->record( 'import', 'product', 'skipped', 'Skipped with token=abc', array( 'access_token' => 'abc', 'sku' => 'SP1' ), array( 'object_type' => 'product', 'object_id' => 12, 'kiotviet_id' => 31000102 ) );
		$row = $log->recent( 1, 'import' )[0];
		self::assertSame( 'product', $row['action'] );
		self::assertSame( 'skipped', $row['result'] );
		self::assertSame( 'warning', $row['level'] );
		self::assertSame( '12', (string) $row['object_id'] );
		self::assertSame( '31000102', (string) $row['kiotviet_id'] );
		self::assertSame( array( 'access_token' => '[redacted]', 'sku' => 'SP1' ), json_decode( (string) $row['context'], true ) );
		self::assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/', (string) $row['created_at'] );
	}

	public function test_admin_page_prints_the_mount_node_for_managers_only(): void {
		$page = $this->plugin()->services()->admin_page();

		$this->as_role( 'shop_manager' );
		ob_start();
		$page->render();
		$html = (string) ob_get_clean();
		self::assertStringContainsString( '<div id="kiotviet-sync-root" data-screen="setup"></div>', $html );

		$this->as_role( 'customer' );
		ob_start();
		$page->render();
		self::assertSame( '', (string) ob_get_clean() );
	}

	public function test_menu_and_assets_only_on_our_screen(): void {
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		$this->as_role( 'administrator' );
		$page   = $this->plugin()->services()->admin_page();
		$assets = $this->plugin()->services()->assets();
		$page->add_menu();
		self::assertTrue( $page->is_own_screen( 'toplevel_page_kiotviet-sync' ) );
		self::assertFalse( $page->is_own_screen( 'edit.php' ) );

		wp_dequeue_script( Assets::HANDLE );
		$assets->enqueue( 'edit.php' );
		self::assertFalse( wp_script_is( Assets::HANDLE, 'enqueued' ), 'not on other screens' );

		if ( ! is_readable( KIOTVIET_SYNC_DIR . 'build/admin.asset.php' ) ) {
			self::markTestSkipped( 'build/ missing: run npm run build' );
		}
		$assets->enqueue( 'toplevel_page_kiotviet-sync' );
		self::assertTrue( wp_script_is( Assets::HANDLE, 'enqueued' ) );
		$script = wp_scripts()->query( Assets::HANDLE );
		self::assertInstanceOf( \_WP_Dependency::class, $script );
		$asset = require KIOTVIET_SYNC_DIR . 'build/admin.asset.php';
		self::assertSame( $asset['dependencies'], $script->deps );
		self::assertStringEndsWith( 'build/admin.js', (string) $script->src );

		$before = trim( implode( "\n", array_filter( (array) wp_scripts()->get_data( Assets::HANDLE, 'before' ) ) ) );
		self::assertStringStartsWith( 'window.kiotvietSync = ', $before );
		$json = json_decode( substr( rtrim( $before, ';' ), strlen( 'window.kiotvietSync = ' ) ), true );
		self::assertSame( 'kiotviet-sync/v1', $json['restNamespace'] );
		self::assertSame( 'setup', $json['screen'] );
		self::assertSame( admin_url(), $json['adminUrl'] );
		self::assertSame( KIOTVIET_SYNC_VERSION, $json['pluginVersion'] );
		self::assertSame( defined( 'KVS_WOOCOMMERCE_STANDIN' ), $json['isStandin'] );
		self::assertSame( array( 'restNamespace', 'screen', 'adminUrl', 'pluginVersion', 'isStandin' ), array_keys( $json ) );

		$style = wp_styles()->query( Assets::HANDLE );
		self::assertInstanceOf( \_WP_Dependency::class, $style );
		self::assertContains( 'wp-components', $style->deps );
		self::assertSame( 'kiotviet-sync', wp_scripts()->registered[ Assets::HANDLE ]->textdomain );
	}

	public function test_scheduler_and_deactivation_unschedule_our_jobs(): void {
		$scheduler = $this->plugin()->services()->scheduler();
		$scheduler->schedule_single( 'kiotviet_sync_test_job', array( 'cursor' => 5 ), 60, true );
		$scheduler->schedule_single( 'kiotviet_sync_test_job', array( 'cursor' => 5 ), 60, true );
		$scheduler->schedule_recurring( 'kiotviet_sync_test_recurring', 300 );
		self::assertTrue( $scheduler->is_scheduled( 'kiotviet_sync_test_job', array( 'cursor' => 5 ) ) );
		self::assertTrue( $scheduler->is_scheduled( 'kiotviet_sync_test_recurring' ) );
		self::assertFalse( $scheduler->is_scheduled( 'kiotviet_sync_test_job', array( 'cursor' => 6 ) ) );
		wp_schedule_single_event( time() + 60, 'someone_elses_job' );

		$scheduler->schedule_single( 'kiotviet_sync_one_hook', array( 'id' => 1 ) );
		$scheduler->unschedule_all( 'kiotviet_sync_one_hook' );
		self::assertFalse( $scheduler->is_scheduled( 'kiotviet_sync_one_hook', array( 'id' => 1 ) ), 'one hook, whatever its arguments' );
		self::assertTrue( $scheduler->is_scheduled( 'kiotviet_sync_test_job', array( 'cursor' => 5 ) ) );

		Plugin::deactivate();

		self::assertFalse( $scheduler->is_scheduled( 'kiotviet_sync_test_job', array( 'cursor' => 5 ) ) );
		self::assertFalse( $scheduler->is_scheduled( 'kiotviet_sync_test_recurring' ) );
		if ( ! function_exists( 'as_schedule_single_action' ) ) {
			self::assertNotFalse( wp_next_scheduled( 'someone_elses_job' ), 'other plugins\' jobs stay' );
		}
		wp_clear_scheduled_hook( 'someone_elses_job' );
		self::assertSame( 'kiotviet-sync', Scheduler::GROUP );
	}
}
