<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Security;

use KiotVietSync\Jobs\Scheduler;
use KiotVietSync\Services;
use KiotVietSync\Storage\Migrations;
use KiotVietSync\Storage\WpOptionsStore;
use KiotVietSync\Sync\Webhooks\WebhookType;
use KiotVietSync\Sync\Webhooks\WebhookUrl;
use KiotVietSync\Tests\Integration\TestCase;

/**
 * Issue 10: uninstall.php deletes this site's KiotViet webhook subscriptions (with the stored credentials,
 * before deleting them) and never another integration's, then removes options, tables and jobs.
 * Runs against a scratch table prefix so the shared test site keeps its data.
 */
final class UninstallWebhooksTest extends TestCase {

	private const PREFIX  = 'kvsuw_';
	private const FOREIGN = 'http://127.0.0.1:5999/other-integration/hook';

	/** @var array<string, mixed> */
	private array $saved_hooks = array();

	public function test_uninstall_deletes_only_our_webhooks_and_all_local_data(): void {
		global $wpdb, $wp_filter;
		$this->reset_simulator();
		$original = $wpdb->prefix;
		$temp     = self::PREFIX;
		$this->drop_scratch();
		$wpdb->query( "CREATE TABLE {$temp}options LIKE {$original}options" ); // phpcs:ignore
		// The site's address (HTTP to loopback hosts is allowed for the home host only) and permalinks (receiver URL).
		$wpdb->query( "INSERT INTO {$temp}options (option_name, option_value, autoload) SELECT option_name, option_value, autoload FROM {$original}options WHERE option_name IN ('home', 'siteurl', 'permalink_structure', 'rewrite_rules')" ); // phpcs:ignore

		// The plugin's own hooks would act with services bound to the real prefix: keep them out meanwhile.
		foreach ( array( 'kiotviet_sync_connected', 'kiotviet_sync_branch_selected', 'kiotviet_sync_before_disconnect', 'kiotviet_sync_disconnected', 'kiotviet_sync_settings_saved' ) as $hook ) {
			$this->saved_hooks[ $hook ] = $wp_filter[ $hook ] ?? null;
			unset( $wp_filter[ $hook ] );
		}

		try {
			$wpdb->set_prefix( $temp );
			$this->flush_caches();
			( new Migrations( $wpdb, new WpOptionsStore() ) )->migrate();

			$services = new Services();
			$services->connection_service()->connect( 'demo', 'demo-client', 'demo-secret' );
			$services->connection_service()->client()->post(
				'/webhooks',
				array(
					'Webhook' => array(
						'Type'     => 'customer.update',
						'Url'      => self::FOREIGN,
						'IsActive' => true,
					),
				)
			);
			$services->webhooks()->registration()->register( $services->webhooks()->api(), true );
			$ours = $services->webhooks()->registration()->receiver_url();
			$subs = $this->sim_subscriptions();
			self::assertCount( count( WebhookType::WANTED ) + 1, $subs );
			wp_schedule_single_event( time() + 60, 'kiotviet_sync_webhook_process' );
			wp_schedule_event( time() + 60, 'hourly', 'kiotviet_sync_reconcile' );
			wp_schedule_single_event( time() + 60, 'another_plugin_job' );
			if ( function_exists( 'as_schedule_single_action' ) ) {
				as_schedule_single_action( time() + 600, 'kiotviet_sync_run_step', array( 1 ), Scheduler::GROUP );
			}
			self::assertNotSame( array(), $wpdb->get_col( "SELECT option_name FROM {$temp}options WHERE option_name LIKE 'kiotviet\\_sync\\_%'" ) ); // phpcs:ignore

			if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
				define( 'WP_UNINSTALL_PLUGIN', 'kiotviet-sync/kiotviet-sync.php' );
			}
			include KIOTVIET_SYNC_DIR . 'uninstall.php';
			$this->flush_caches();

			// KiotViet: only the other integration's subscription is left.
			$left = $this->sim_subscriptions();
			self::assertCount( 1, $left, (string) wp_json_encode( $left ) );
			self::assertSame( self::FOREIGN, $left[0]['url'] );
			foreach ( $left as $sub ) {
				self::assertFalse( WebhookUrl::same( (string) $sub['url'], $ours ) );
			}

			// Local data: no option, table or job of ours; others' kept.
			$options = $wpdb->get_col( "SELECT option_name FROM {$temp}options WHERE option_name LIKE '%kiotviet\\_sync%'" ); // phpcs:ignore
			self::assertSame( array(), $options );
			foreach ( Migrations::tables() as $table ) {
				self::assertNull( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $temp . $table ) ), $table );
			}
			self::assertFalse( wp_next_scheduled( 'kiotviet_sync_webhook_process' ) );
			self::assertFalse( wp_next_scheduled( 'kiotviet_sync_reconcile' ) );
			self::assertNotFalse( wp_next_scheduled( 'another_plugin_job' ) );
			if ( function_exists( 'as_next_scheduled_action' ) ) {
				self::assertFalse( as_next_scheduled_action( 'kiotviet_sync_run_step', null, Scheduler::GROUP ) );
			}
		} finally {
			$wpdb->set_prefix( $original );
			foreach ( $this->saved_hooks as $hook => $callbacks ) {
				if ( null !== $callbacks ) {
					$wp_filter[ $hook ] = $callbacks; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
				}
			}
			$this->drop_scratch();
			$this->flush_caches();
			$this->reset_simulator();
		}
		self::assertSame( $original . 'options', $wpdb->options );
	}

	public function test_uninstall_without_a_connection_calls_nothing_and_still_cleans_up(): void {
		global $wpdb;
		$this->reset_simulator();
		$original = $wpdb->prefix;
		$temp     = self::PREFIX;
		$this->drop_scratch();
		$wpdb->query( "CREATE TABLE {$temp}options LIKE {$original}options" ); // phpcs:ignore
		// The site's address (HTTP to loopback hosts is allowed for the home host only) and permalinks (receiver URL).
		$wpdb->query( "INSERT INTO {$temp}options (option_name, option_value, autoload) SELECT option_name, option_value, autoload FROM {$original}options WHERE option_name IN ('home', 'siteurl', 'permalink_structure', 'rewrite_rules')" ); // phpcs:ignore
		try {
			$wpdb->set_prefix( $temp );
			$this->flush_caches();
			( new Migrations( $wpdb, new WpOptionsStore() ) )->migrate();
			wp_remote_post( $this->sim_url() . '/__sim/requests/clear', array( 'body' => '{}' ) );
			if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
				define( 'WP_UNINSTALL_PLUGIN', 'kiotviet-sync/kiotviet-sync.php' );
			}
			include KIOTVIET_SYNC_DIR . 'uninstall.php';
			$this->flush_caches();
			$requests = json_decode( (string) wp_remote_retrieve_body( wp_remote_get( $this->sim_url() . '/__sim/requests?countsOnly=true' ) ), true );
			self::assertSame( 0, (int) ( $requests['counts']['total'] ?? -1 ), 'no KiotViet call without a connection' );
			self::assertSame( array(), $wpdb->get_col( "SELECT option_name FROM {$temp}options WHERE option_name LIKE '%kiotviet\\_sync%'" ) ); // phpcs:ignore
		} finally {
			$wpdb->set_prefix( $original );
			$this->drop_scratch();
			$this->flush_caches();
		}
	}

	/** Drops the scratch options table and every plugin table under the scratch prefix. */
	private function drop_scratch(): void {
		global $wpdb;
		$wpdb->query( 'DROP TABLE IF EXISTS ' . self::PREFIX . 'options' ); // phpcs:ignore
		foreach ( Migrations::tables() as $table ) {
			$wpdb->query( 'DROP TABLE IF EXISTS `' . self::PREFIX . $table . '`' ); // phpcs:ignore
		}
	}

	/**
	 * The simulator's webhook subscriptions.
	 *
	 * @return list<array<string, mixed>>
	 */
	private function sim_subscriptions(): array {
		$response = wp_remote_get( $this->sim_url() . '/__sim/webhooks', array( 'timeout' => 10 ) );
		$data     = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		$subs     = is_array( $data ) ? ( $data['subscriptions'] ?? $data['webhooks'] ?? array() ) : array();
		return array_values( is_array( $subs ) ? $subs : array() );
	}
}
