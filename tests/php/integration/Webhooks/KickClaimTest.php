<?php
/**
 * The loopback claim's SQL against MariaDB: one taker at a time, cleared, forced, lapsing, never autoloaded.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Webhooks;

use KiotVietSync\Tests\Integration\TestCase;
use KiotVietSync\Webhooks\KickClaim;

final class KickClaimTest extends TestCase {

	private float $now = 1795960000.25;

	private function claim(): KickClaim {
		global $wpdb;
		return new KickClaim( $wpdb, fn (): float => $this->now );
	}

	/**
	 * The stored row.
	 *
	 * @return array<string, string>|null
	 */
	private function stored(): ?array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT option_value, autoload FROM {$wpdb->options} WHERE option_name = %s", KickClaim::OPTION ), ARRAY_A );
		return is_array( $row ) ? $row : null;
	}

	public function test_one_loopback_in_flight_until_cleared_or_lapsed(): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name = %s", KickClaim::OPTION ) );
		$claim = $this->claim();

		self::assertTrue( $claim->take( false ), 'first use: the row is created and taken' );
		self::assertSame( array( 'option_value' => '1795960000.250000', 'autoload' => 'off' ), $this->stored() );
		self::assertFalse( $claim->take( false ), 'a loopback is on its way' );
		self::assertFalse( $this->claim()->take( false ), 'another receiver (another object) sees it too' );

		$this->now += KickClaim::SECONDS - 0.5;
		self::assertFalse( $claim->take( false ) );
		$this->now += 1.0;
		self::assertTrue( $claim->take( false ), 'lapsed: a lost loopback holds kicks back only so long' );

		$claim->clear();
		self::assertSame( '0', $this->stored()['option_value'] ?? null );
		self::assertTrue( $claim->take( false ), 'a run started: the next kick sends' );
		self::assertTrue( $claim->take( true ), 'a processor handing over always sends' );
		self::assertFalse( $claim->take( false ) );

		self::assertArrayNotHasKey( KickClaim::OPTION, wp_load_alloptions(), 'never autoloaded' );
	}
}
