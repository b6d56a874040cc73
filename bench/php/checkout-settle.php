<?php
/**
 * Bench worker: lets the site's background work settle before the next timed checkout, in both push modes alike.
 * Runs due background jobs (Action Scheduler's queue runner; due WP-Cron events where Action Scheduler is absent)
 * until none is due, and waits until the order outbox has no due order, the webhook inbox no unprocessed delivery,
 * the webhook processor's lock is free, no wp-cron.php request runs and the simulator has no delivery left to send
 * (a push makes KiotViet send webhooks back). Settled = all of that on two looks in a row; gives up after MAX_SECONDS (reported, not hidden).
 *
 *   php bench/php/checkout-settle.php SITE_DIR [MAX_SECONDS=30]
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

require __DIR__ . '/common.php';

use KiotVietSync\Storage\OrderOutbox;
use KiotVietSync\Webhooks\ProcessLock;

$kvs_max   = (float) ( $argv[2] ?? 30 );
$kvs_t0    = microtime( true );
$kvs_as    = function_exists( 'as_has_scheduled_action' ) && class_exists( 'ActionScheduler_QueueRunner' ) && did_action( 'action_scheduler_init' ) > 0;
$kvs_ran   = 0;
$kvs_quiet = 0;
$kvs_looks = 0;
$kvs_left  = array();

/**
 * Runs what is due now; returns how many jobs ran.
 *
 * @param bool $use_as Action Scheduler is in use.
 */
function kvs_settle_run_due( bool $use_as ): int {
	if ( $use_as ) {
		return (int) ActionScheduler_QueueRunner::instance()->run( 'KVS bench settle' );
	}
	$ran = 0;
	foreach ( (array) wp_get_ready_cron_jobs() as $timestamp => $hooks ) {
		foreach ( (array) $hooks as $hook => $events ) {
			foreach ( (array) $events as $event ) {
				if ( ! empty( $event['schedule'] ) ) {
					wp_reschedule_event( (int) $timestamp, $event['schedule'], $hook, $event['args'] );
				}
				wp_unschedule_event( (int) $timestamp, $hook, $event['args'] );
				do_action_ref_array( $hook, $event['args'] );
				++$ran;
			}
		}
	}
	return $ran;
}

/**
 * What is still going on (empty when settled).
 *
 * @param bool $use_as Action Scheduler is in use.
 * @return array<string,int>
 */
function kvs_settle_busy( bool $use_as ): array {
	global $wpdb;
	$now  = gmdate( 'Y-m-d H:i:s' );
	$busy = array();
	// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	$busy['outbox_due'] = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}" . OrderOutbox::TABLE . " WHERE state IN ('waiting','sending') AND next_attempt_at <= %s", $now ) );
	$busy['inbox_received'] = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}kiotviet_sync_webhook_inbox WHERE state = 'received'" );
	$busy['webhook_processor'] = '1' === (string) $wpdb->get_var( $wpdb->prepare( 'SELECT IS_FREE_LOCK(%s)', ( new ProcessLock( $wpdb ) )->name() ) ) ? 0 : 1;
	if ( $use_as ) {
		$busy['jobs_due'] = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}actionscheduler_actions WHERE ( status = 'pending' AND scheduled_date_gmt <= %s ) OR status = 'in-progress'", $now ) );
	} else {
		$busy['jobs_due'] = count( (array) wp_get_ready_cron_jobs() );
	}
	// A wp-cron.php request a checkout spawned (WP-Cron's lock, valid for WP_CRON_LOCK_TIMEOUT) still runs.
	$cron_lock            = (float) $wpdb->get_var( "SELECT option_value FROM {$wpdb->options} WHERE option_name = '_transient_doing_cron'" );
	$busy['cron_running'] = $cron_lock > 0 && $cron_lock + WP_CRON_LOCK_TIMEOUT > microtime( true ) ? 1 : 0;
	// phpcs:enable
	$sim = wp_remote_get( rtrim( (string) constant( 'KIOTVIET_SYNC_API_BASE' ), '/' ) . '/__sim/webhooks', array( 'timeout' => 5 ) );
	if ( ! is_wp_error( $sim ) ) {
		$body                 = json_decode( (string) wp_remote_retrieve_body( $sim ), true );
		$busy['sim_pending'] = (int) ( $body['pending'] ?? 0 );
	}
	return array_filter( $busy );
}

while ( true ) {
	$kvs_ran += kvs_settle_run_due( $kvs_as );
	$kvs_left = kvs_settle_busy( $kvs_as );
	++$kvs_looks;
	$kvs_quiet = array() === $kvs_left ? $kvs_quiet + 1 : 0;
	if ( $kvs_quiet >= 2 || microtime( true ) - $kvs_t0 > $kvs_max ) {
		break;
	}
	usleep( 100000 );
}

kvs_bench_out(
	array(
		'settled'   => $kvs_quiet >= 2,
		'ms'        => round( ( microtime( true ) - $kvs_t0 ) * 1000, 1 ),
		'jobs_run'  => $kvs_ran,
		'looks'     => $kvs_looks,
		'left'      => $kvs_left,
		'scheduler' => $kvs_as ? 'action-scheduler' : 'wp-cron',
	)
);
