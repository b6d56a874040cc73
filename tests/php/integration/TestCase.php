<?php
/**
 * Base class of the integration tests: one database transaction per test, rolled back afterwards.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration;

use KiotVietSync\Jobs\WpCronScheduler;
use PHPUnit\Framework\TestCase as PhpUnitTestCase;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Transaction per test, users by role, REST requests through the real server, simulator helpers,
 * attribute taxonomies that survive the rollback cleanly, and a checkout-hook helper.
 */
abstract class TestCase extends PhpUnitTestCase {

	/** REST namespace of the plugin. */
	protected const REST_NAMESPACE = '/kiotviet-sync/v1';

	/** @var string[] Attribute taxonomies registered by this test (unregistered in tearDown). */
	private $registered_taxonomies = array();

	/** @var int */
	private static $user_counter = 0;

	/** @var int Highest Action Scheduler action id when the test started (0 without Action Scheduler). */
	private $action_baseline = 0;

	/** @var array<string, true> Our WP-Cron events (committed) when the test started. */
	private $cron_baseline = array();

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$wpdb->suppress_errors( false );
		$wpdb->query( 'SET autocommit = 0' );
		$wpdb->query( 'START TRANSACTION' );
		$this->flush_caches();
		$this->remember_jobs();
		$_GET  = array();
		$_POST = array();
	}

	protected function tearDown(): void {
		global $wpdb, $wc_deferred_product_sync;
		$wc_deferred_product_sync = array(); // Deferred parent syncs belong to rolled-back data.
		$wpdb->query( 'ROLLBACK' );
		$wpdb->query( 'SET autocommit = 1' );
		foreach ( $this->registered_taxonomies as $taxonomy ) {
			unregister_taxonomy( $taxonomy );
			if ( isset( $GLOBALS['wc_product_attributes'][ $taxonomy ] ) ) {
				unset( $GLOBALS['wc_product_attributes'][ $taxonomy ] );
			}
		}
		$this->registered_taxonomies = array();
		wp_set_current_user( 0 );
		$this->flush_caches();
		$this->remove_committed_jobs();
		$_GET     = array();
		$_POST    = array();
		$_REQUEST = array();
		parent::tearDown();
	}

	/**
	 * Notes which background jobs of ours exist (committed) before the test runs. Jobs live in the database
	 * (Action Scheduler's tables on WooCommerce, the cron option on the stand-in), so the rollback removes
	 * the ones a test schedules, unless the test commits (webhook tests commit for the site's receiver).
	 */
	private function remember_jobs(): void {
		global $wpdb;
		$this->action_baseline = 0;
		if ( self::has_action_scheduler_tables() ) {
			$this->action_baseline = (int) $wpdb->get_var( "SELECT COALESCE(MAX(action_id), 0) FROM {$wpdb->actionscheduler_actions}" );
		}
		$this->cron_baseline = array_fill_keys( array_keys( self::our_cron_events() ), true );
	}

	/**
	 * After the rollback: removes jobs of ours that a test committed (or that the site's own web server
	 * scheduled while the test ran). Left pending, the site's queue runner (WP-Cron, or Action Scheduler's
	 * runner on real WooCommerce) runs them in the background, in another database connection, and its
	 * writes land in the following tests.
	 */
	private function remove_committed_jobs(): void {
		global $wpdb;
		if ( self::has_action_scheduler_tables() ) {
			$like = $wpdb->esc_like( 'kiotviet_sync_' ) . '%';
			$wpdb->query( $wpdb->prepare( "DELETE l FROM {$wpdb->actionscheduler_logs} l INNER JOIN {$wpdb->actionscheduler_actions} a ON a.action_id = l.action_id WHERE a.action_id > %d AND a.hook LIKE %s", $this->action_baseline, $like ) );
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->actionscheduler_actions} WHERE action_id > %d AND hook LIKE %s", $this->action_baseline, $like ) );
		}
		$removed = false;
		foreach ( self::our_cron_events() as $key => $event ) {
			if ( ! isset( $this->cron_baseline[ $key ] ) ) {
				( new WpCronScheduler() )->remove_job( $event[1], $event[2], $event[0] );
				$removed = true;
			}
		}
		if ( $removed ) {
			wp_cache_flush();
		}
	}

	/** Whether Action Scheduler's tables are registered (real WooCommerce). */
	private static function has_action_scheduler_tables(): bool {
		global $wpdb;
		return isset( $wpdb->actionscheduler_actions, $wpdb->actionscheduler_logs );
	}

	/**
	 * Our WP-Cron events, read from the database, keyed by timestamp, hook and arguments.
	 *
	 * @return array<string, array{0: int, 1: string, 2: array<mixed>}>
	 */
	private static function our_cron_events(): array {
		wp_cache_delete( 'alloptions', 'options' );
		wp_cache_delete( 'cron', 'options' );
		$events = array();
		foreach ( ( new WpCronScheduler() )->pending_jobs() as $job ) {
			$key            = $job['timestamp'] . '|' . $job['hook'] . '|' . md5( serialize( $job['args'] ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.serialize_serialize
			$events[ $key ] = array( $job['timestamp'], $job['hook'], $job['args'] );
		}
		return $events;
	}

	/** Object cache and WordPress' in-memory query caches. */
	protected function flush_caches(): void {
		global $wpdb;
		wp_cache_flush();
		$wpdb->queries = array();
		if ( function_exists( 'wp_cache_flush_runtime' ) ) {
			wp_cache_flush_runtime();
		}
	}

	/**
	 * Logs in a fresh user of the role (created inside the transaction); 'anonymous' logs out.
	 *
	 * @param string $role anonymous|customer|subscriber|shop_manager|administrator.
	 * @return int User id (0 for anonymous).
	 */
	protected function as_role( string $role ): int {
		if ( 'anonymous' === $role ) {
			wp_set_current_user( 0 );
			return 0;
		}
		if ( null === get_role( $role ) ) {
			self::fail( "Role {$role} does not exist on the test site." );
		}
		++self::$user_counter;
		$login   = sprintf( 'kvs_%s_%d_%s', $role, self::$user_counter, wp_generate_password( 6, false ) );
		$user_id = wp_insert_user(
			array(
				'user_login' => $login,
				'user_pass'  => wp_generate_password( 24 ),
				'user_email' => $login . '@example.test',
				'role'       => $role,
			)
		);
		if ( is_wp_error( $user_id ) ) {
			self::fail( 'Could not create a ' . $role . ': ' . $user_id->get_error_message() );
		}
		wp_set_current_user( (int) $user_id );
		return (int) $user_id;
	}

	/**
	 * Dispatches a REST request through the real server.
	 *
	 * @param string               $method GET|POST|PUT|PATCH|DELETE.
	 * @param string               $path Relative to /kiotviet-sync/v1 unless it starts with /wp/, /wc/, /wc-… or /kiotviet-sync/.
	 * @param array<string, mixed> $body JSON body.
	 * @param array<string, mixed> $query Query parameters.
	 */
	protected function rest( string $method, string $path, array $body = array(), array $query = array() ): WP_REST_Response {
		$route   = $this->is_absolute_route( $path ) ? $path : self::REST_NAMESPACE . '/' . ltrim( $path, '/' );
		$request = new WP_REST_Request( strtoupper( $method ), $route );
		if ( $query ) {
			$request->set_query_params( $query );
		}
		if ( $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $body ) );
		}
		return rest_do_request( $request );
	}

	/**
	 * @param string $path Path.
	 */
	private function is_absolute_route( string $path ): bool {
		return 1 === preg_match( '#^/(wp|wc|wc-[a-z0-9-]+|wc-analytics|oembed|kiotviet-sync)/#', $path );
	}

	/** Base URL of the test simulator. */
	protected function sim_url(): string {
		$url = getenv( 'KVS_SIM_URL' );
		return rtrim( false === $url || '' === $url ? 'http://127.0.0.1:5402' : $url, '/' );
	}

	/**
	 * POST {sim}/__sim/reset.
	 *
	 * @param array<string, mixed> $opts Reset options (seed, faults …).
	 */
	protected function reset_simulator( array $opts = array() ): void {
		$response = wp_remote_post(
			$this->sim_url() . '/__sim/reset',
			array(
				'headers' => array( 'Content-Type' => 'application/json' ),
				'body'    => (string) wp_json_encode( (object) $opts ),
				'timeout' => 10,
			)
		);
		if ( is_wp_error( $response ) ) {
			self::fail( 'Simulator reset failed: ' . $response->get_error_message() . ' (is it running? bash scripts/stack/up.sh test)' );
		}
		$code = (int) wp_remote_retrieve_response_code( $response );
		if ( $code < 200 || $code >= 300 ) {
			self::fail( 'Simulator reset answered HTTP ' . $code . ': ' . wp_remote_retrieve_body( $response ) );
		}
	}

	/**
	 * GET {sim}/__sim/state.
	 *
	 * @return array<string, mixed>
	 */
	protected function sim_state(): array {
		$response = wp_remote_get( $this->sim_url() . '/__sim/state', array( 'timeout' => 10 ) );
		if ( is_wp_error( $response ) ) {
			self::fail( 'Simulator state failed: ' . $response->get_error_message() );
		}
		$data = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		return is_array( $data ) ? $data : array();
	}

	/** True on real WooCommerce, false on the stand-in. */
	protected function is_real_woocommerce(): bool {
		return ! defined( 'KVS_WOOCOMMERCE_STANDIN' );
	}

	/**
	 * Creates a global attribute (pa_{slug}) with terms and registers its taxonomy for this request, the way
	 * WooCommerce would on the next page load. Works the same on real WooCommerce and the stand-in.
	 *
	 * @param string   $label Attribute label.
	 * @param string   $slug Slug without pa_.
	 * @param string[] $terms Term names.
	 * @return array{id: int, taxonomy: string, terms: array<string, \WP_Term>} Terms keyed by name.
	 */
	protected function create_attribute_taxonomy( string $label, string $slug, array $terms ): array {
		$id = wc_create_attribute(
			array(
				'name' => $label,
				'slug' => $slug,
			)
		);
		if ( is_wp_error( $id ) ) {
			self::fail( 'wc_create_attribute: ' . $id->get_error_message() );
		}
		$taxonomy = wc_attribute_taxonomy_name( $slug );
		register_taxonomy(
			$taxonomy,
			array( 'product' ),
			array(
				'hierarchical' => false,
				'labels'       => array( 'name' => $label ),
				'show_ui'      => false,
				'query_var'    => false,
				'rewrite'      => false,
			)
		);
		$this->registered_taxonomies[]              = $taxonomy;
		$GLOBALS['wc_product_attributes'][ $taxonomy ] = (object) array(
			'attribute_id'      => (int) $id,
			'attribute_name'    => $slug,
			'attribute_label'   => $label,
			'attribute_type'    => 'select',
			'attribute_orderby' => 'menu_order',
			'attribute_public'  => 0,
		);
		$created = array();
		foreach ( $terms as $name ) {
			$term = wp_insert_term( $name, $taxonomy );
			if ( is_wp_error( $term ) ) {
				self::fail( 'wp_insert_term: ' . $term->get_error_message() );
			}
			$created[ $name ] = get_term( (int) $term['term_id'], $taxonomy );
		}
		return array(
			'id'       => (int) $id,
			'taxonomy' => $taxonomy,
			'terms'    => $created,
		);
	}

	/**
	 * Fires the checkout hooks WooCommerce fires when a customer places an order (neither store fires
	 * them for orders created in code): classic checkout or the Store API (block checkout).
	 *
	 * @param \WC_Order $order Order.
	 * @param string    $flow classic|store_api.
	 */
	protected function simulate_checkout( \WC_Order $order, string $flow = 'classic' ): void {
		if ( 'store_api' === $flow ) {
			do_action( 'woocommerce_store_api_checkout_order_processed', $order );
			return;
		}
		do_action( 'woocommerce_checkout_order_processed', $order->get_id(), array(), $order );
	}
}
