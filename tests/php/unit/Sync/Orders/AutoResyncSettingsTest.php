<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Orders;

use InvalidArgumentException;
use KiotVietSync\Sync\Orders\AutoResyncSettings;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KiotVietSync\Sync\Orders\AutoResyncSettings
 */
final class AutoResyncSettingsTest extends TestCase {

	public function test_defaults(): void {
		$this->assertSame( array( 'enabled' => false, 'interval' => 3600, 'limit' => 1000 ), AutoResyncSettings::defaults()->to_array() );
		$this->assertSame( array( 'enabled' => false, 'interval' => 3600, 'limit' => 1000 ), AutoResyncSettings::from_array( array() )->to_array() );
	}

	public function test_valid_input_including_numeric_strings(): void {
		$this->assertSame( array(), AutoResyncSettings::validate( array( 'enabled' => true, 'interval' => 3600, 'limit' => 1 ) ) );
		$this->assertSame( array(), AutoResyncSettings::validate( array( 'interval' => '7200', 'limit' => '5000' ) ) );
		$this->assertSame( array( 'enabled' => true, 'interval' => 7200, 'limit' => 5000 ), AutoResyncSettings::from_array( array( 'enabled' => true, 'interval' => '7200', 'limit' => '5000' ) )->to_array() );
	}

	/**
	 * @dataProvider invalid
	 * @param array<string,mixed> $input
	 */
	public function test_field_errors( array $input, string $field, string $fragment ): void {
		$errors = AutoResyncSettings::validate( $input );
		$this->assertArrayHasKey( $field, $errors );
		$this->assertStringContainsString( $fragment, $errors[ $field ] );
		$this->assertCount( 1, $errors );
	}

	/** @return array<string,array{array<string,mixed>,string,string}> */
	public static function invalid(): array {
		return array(
			'interval below one hour' => array( array( 'interval' => 3599 ), 'interval', 'at least 3600' ),
			'interval of five minutes' => array( array( 'interval' => 300 ), 'interval', 'at least 3600' ),
			'interval above a week'   => array( array( 'interval' => 604801 ), 'interval', 'at most' ),
			'interval not a number'   => array( array( 'interval' => '1 giờ' ), 'interval', 'whole number' ),
			'interval fractional'     => array( array( 'interval' => 3600.5 ), 'interval', 'whole number' ),
			'limit zero'              => array( array( 'limit' => 0 ), 'limit', 'between 1 and 5000' ),
			'limit too high'          => array( array( 'limit' => 5001 ), 'limit', 'between 1 and 5000' ),
			'limit negative string'   => array( array( 'limit' => '-5' ), 'limit', 'between 1 and 5000' ),
			'limit array'             => array( array( 'limit' => array( 10 ) ), 'limit', 'whole number' ),
			'enabled not boolean'     => array( array( 'enabled' => 'yes' ), 'enabled', 'true or false' ),
		);
	}

	public function test_several_errors_at_once(): void {
		$this->assertSame( array( 'interval', 'limit' ), array_keys( AutoResyncSettings::validate( array( 'interval' => 60, 'limit' => 10000 ) ) ) );
	}

	public function test_from_array_refuses_invalid_input(): void {
		$this->expectException( InvalidArgumentException::class );
		AutoResyncSettings::from_array( array( 'interval' => 60 ) );
	}

	public function test_orders_for_run_honours_the_get_budget(): void {
		$settings = AutoResyncSettings::from_array( array( 'limit' => 1000 ) );
		$this->assertSame( 1000, $settings->orders_for_run( 5000 ), '(5000 − 500) / 4 = 1125, capped at the limit' );
		$this->assertSame( 375, $settings->orders_for_run( 2000 ) );
		$this->assertSame( 0, $settings->orders_for_run( 500 ) );
		$this->assertSame( 0, $settings->orders_for_run( 100 ) );
		$this->assertSame( 25, AutoResyncSettings::from_array( array( 'limit' => 25 ) )->orders_for_run( 5000 ) );
		$this->assertSame( 450, $settings->orders_for_run( 5000, 500, 10 ) );
	}
}
