<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Jobs;

use KiotVietSync\Jobs\Scheduler;
use KiotVietSync\Jobs\WpCronScheduler;
use PHPUnit\Framework\TestCase;

/**
 * The WP-Cron fallback maps requested intervals to recurrences it registers.
 */
final class WpCronSchedulerTest extends TestCase {

	public function test_interval_names(): void {
		self::assertSame( 'kiotviet_sync_1min', WpCronScheduler::interval_name( 30 ) );
		self::assertSame( 'kiotviet_sync_5min', WpCronScheduler::interval_name( 300 ) );
		self::assertSame( 'kiotviet_sync_15min', WpCronScheduler::interval_name( 1000 ) );
		self::assertSame( 'hourly', WpCronScheduler::interval_name( 3600 ) );
		self::assertSame( 'daily', WpCronScheduler::interval_name( 7 * 86400 ) );
	}

	public function test_group_and_prefix(): void {
		self::assertSame( 'kiotviet-sync', Scheduler::GROUP );
		self::assertSame( 'kiotviet_sync_', Scheduler::HOOK_PREFIX );
	}
}
