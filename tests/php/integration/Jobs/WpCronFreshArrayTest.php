<?php
/**
 * WP-Cron's one-option event list under concurrent requests: a request holding an old copy of the option must
 * not wipe events another request added meanwhile (a checkout's order push during a long import slice).
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Jobs;

use KiotVietSync\Jobs\WpCronScheduler;
use KiotVietSync\Tests\Integration\TestCase;

final class WpCronFreshArrayTest extends TestCase {

	protected function tearDown(): void {
		parent::tearDown();
		// The rollback undid the stored option; drop this process's cached copy of it too.
		wp_cache_delete( 'alloptions', 'options' );
		wp_cache_delete( 'cron', 'options' );
	}

	/**
	 * Adds an event to the stored cron option the way another PHP request would: straight in the database,
	 * leaving this request's cached copy as it was.
	 */
	private function other_request_schedules( string $hook ): void {
		global $wpdb;
		$raw  = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", 'cron' ) );
		$cron = is_string( $raw ) ? maybe_unserialize( $raw ) : array();
		$cron = is_array( $cron ) ? $cron : array( 'version' => 2 );
		$time = time() + 30;
		$cron[ $time ][ $hook ][ md5( serialize( array() ) ) ] = array(
			'schedule' => false,
			'args'     => array(),
		);
		ksort( $cron );
		$wpdb->update( $wpdb->options, array( 'option_value' => maybe_serialize( $cron ) ), array( 'option_name' => 'cron' ) );
	}

	/**
	 * @return string[] Hooks in the stored (database) cron option.
	 */
	private function stored_hooks(): array {
		global $wpdb;
		$cron  = maybe_unserialize( (string) $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", 'cron' ) ) );
		$hooks = array();
		foreach ( (array) $cron as $events ) {
			foreach ( array_keys( (array) $events ) as $hook ) {
				$hooks[] = (string) $hook;
			}
		}
		return $hooks;
	}

	public function test_scheduling_keeps_events_another_request_added_after_this_one_read_the_option(): void {
		$scheduler = new WpCronScheduler();
		$scheduler->register();
		_get_cron_array(); // This request's copy.
		$this->other_request_schedules( 'kiotviet_sync_test_other_request' );

		$scheduler->schedule_single( 'kiotviet_sync_test_this_request', array( 'x' => 1 ), 60 );

		$hooks = $this->stored_hooks();
		self::assertContains( 'kiotviet_sync_test_this_request', $hooks );
		self::assertContains( 'kiotviet_sync_test_other_request', $hooks, 'the event added by the other request was wiped' );
	}

	public function test_inside_a_cron_request_core_rescheduling_keeps_events_added_meanwhile(): void {
		$scheduler = new WpCronScheduler();
		$scheduler->register();
		add_filter( 'wp_doing_cron', '__return_true' );
		try {
			wp_schedule_single_event( time() + 600, 'kiotviet_sync_test_ran_event' );
			_get_cron_array();
			$this->other_request_schedules( 'kiotviet_sync_order_queue_test' );
			// What wp-cron.php does after running an event.
			wp_unschedule_event( (int) wp_next_scheduled( 'kiotviet_sync_test_ran_event' ), 'kiotviet_sync_test_ran_event' );
		} finally {
			remove_filter( 'wp_doing_cron', '__return_true' );
		}
		$hooks = $this->stored_hooks();
		self::assertNotContains( 'kiotviet_sync_test_ran_event', $hooks );
		self::assertContains( 'kiotviet_sync_order_queue_test', $hooks, 'the event added by the other request was wiped' );
	}
}
