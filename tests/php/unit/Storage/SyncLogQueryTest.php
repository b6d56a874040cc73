<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Storage;

use KiotVietSync\Storage\SyncLog;
use PHPUnit\Framework\TestCase;

final class SyncLogQueryTest extends TestCase {

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public static function cells(): array {
		return array(
			'equals'  => array( '=1+1', "'=1+1" ),
			'plus'    => array( '+cmd', "'+cmd" ),
			'minus'   => array( '-2', "'-2" ),
			'at'      => array( '@SUM(A1)', "'@SUM(A1)" ),
			'tab'     => array( "\t=1", "'\t=1" ),
			'cr'      => array( "\r=1", "'\r=1" ),
			'plain'   => array( 'Đồng bộ xong', 'Đồng bộ xong' ),
			'empty'   => array( '', '' ),
			'inside'  => array( 'a=b', 'a=b' ),
		);
	}

	/**
	 * @dataProvider cells
	 */
	public function test_csv_cells_are_neutralised( string $input, string $expected ): void {
		$this->assertSame( $expected, SyncLog::csv_cell( $input ) );
	}

	public function test_utc_range_covers_whole_local_days(): void {
		$zone = new \DateTimeZone( 'Asia/Ho_Chi_Minh' );
		$this->assertSame( array( '2026-11-29 17:00:00', '2026-11-30 17:00:00' ), SyncLog::utc_range( '2026-11-30', '2026-11-30', $zone ) );
		$this->assertSame( array( null, null ), SyncLog::utc_range( '', 'nope', $zone ) );
		$this->assertSame( array( null, null ), SyncLog::utc_range( '2026-02-30', '2026-13-01', $zone ) );
	}

	public function test_local_time(): void {
		$this->assertSame( '2026-11-30T03:30:00+07:00', SyncLog::local_time( '2026-11-29 20:30:00', new \DateTimeZone( 'Asia/Ho_Chi_Minh' ) ) );
	}
}
