<?php
/**
 * Namespaced stand-ins for the Action Scheduler API: unqualified as_*() calls inside KiotVietSync\Jobs
 * resolve to these before the global functions, so nothing global is defined in the unit suite.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Jobs;

/**
 * Calls recorded by the shims.
 */
final class ActionSchedulerCalls {

	/**
	 * Recorded calls: [function, args].
	 *
	 * @var array<int, array{0: string, 1: array<int, mixed>}>
	 */
	public static array $calls = array();

	/**
	 * Pending (hook => true) as seen by as_next_scheduled_action().
	 *
	 * @var array<string, bool>
	 */
	public static array $pending = array();

	/**
	 * Running (hook => true): Action Scheduler's unique insert counts them as scheduled.
	 *
	 * @var array<string, bool>
	 */
	public static array $running = array();
}

/**
 * @param mixed ...$args Arguments.
 */
function as_schedule_single_action( ...$args ): int {
	ActionSchedulerCalls::$calls[] = array( __FUNCTION__, $args );
	$hook                          = (string) $args[1];
	if ( ! empty( $args[4] ) && ( isset( ActionSchedulerCalls::$pending[ $hook ] ) || isset( ActionSchedulerCalls::$running[ $hook ] ) ) ) {
		return 0;
	}
	ActionSchedulerCalls::$pending[ $hook ] = true;
	return 1;
}

/**
 * @param mixed ...$args Arguments.
 */
function as_schedule_recurring_action( ...$args ): int {
	ActionSchedulerCalls::$calls[]                     = array( __FUNCTION__, $args );
	ActionSchedulerCalls::$pending[ (string) $args[2] ] = true;
	return 2;
}

/**
 * @param mixed ...$args Arguments.
 */
function as_unschedule_all_actions( ...$args ): void {
	ActionSchedulerCalls::$calls[] = array( __FUNCTION__, $args );
	if ( '' === $args[0] ) {
		ActionSchedulerCalls::$pending = array();
	} else {
		unset( ActionSchedulerCalls::$pending[ (string) $args[0] ] );
	}
}

/**
 * @param mixed ...$args Arguments.
 * @return int|bool
 */
function as_next_scheduled_action( ...$args ) {
	ActionSchedulerCalls::$calls[] = array( __FUNCTION__, $args );
	return isset( ActionSchedulerCalls::$pending[ (string) $args[0] ] ) ? 1764403260 : false;
}

/**
 * @param array<string, mixed> $query  Query.
 * @param string               $return Return format.
 * @return array<int, int>
 */
function as_get_scheduled_actions( array $query, string $return = 'objects' ): array {
	ActionSchedulerCalls::$calls[] = array( __FUNCTION__, array( $query, $return ) );
	return 'pending' === ( $query['status'] ?? '' ) && isset( ActionSchedulerCalls::$pending[ (string) $query['hook'] ] ) ? array( 7 ) : array();
}
