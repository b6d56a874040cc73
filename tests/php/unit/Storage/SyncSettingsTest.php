<?php
/**
 * Tests for SyncSettings.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Storage;

use KiotVietSync\Storage\SyncSettings;
use PHPUnit\Framework\TestCase;

final class SyncSettingsTest extends TestCase {

	public function test_defaults_follow_the_seed_guide(): void {
		$s = new SyncSettings();
		$this->assertSame( 1000, $s->get( 'auto_resync_limit' ) );
		$this->assertSame( 3600, $s->get( 'auto_resync_interval' ) );
		$this->assertFalse( $s->get( 'auto_push_orders' ) );
		$this->assertFalse( $s->get( 'auto_add_new_products' ) );
		$this->assertSame( 0, $s->get( 'regular_price_book_id' ) );
		$this->assertNull( $s->get( 'sale_price_book_id' ) );
		$this->assertSame( 30, $s->get( 'history_retention_days' ) );
	}

	public function test_stored_unknown_keys_are_dropped(): void {
		$s = new SyncSettings( array( 'evil' => 1, 'sync_shipping' => true ) );
		$this->assertArrayNotHasKey( 'evil', $s->to_array() );
		$this->assertTrue( $s->get( 'sync_shipping' ) );
	}

	public function test_valid_change_is_merged_and_normalised(): void {
		list( $s, $errors ) = ( new SyncSettings() )->with_changes(
			array( 'auto_resync_interval' => '7200', 'locked_fields' => array( 'name', 'name', 'stock' ), 'order_branch_id' => 5001 )
		);
		$this->assertSame( array(), $errors );
		$this->assertNotNull( $s );
		$this->assertSame( 7200, $s->get( 'auto_resync_interval' ) );
		$this->assertSame( array( 'name', 'stock' ), $s->get( 'locked_fields' ) );
		$this->assertSame( 5001, $s->get( 'order_branch_id' ) );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: string}>
	 */
	public function invalid_inputs(): array {
		return array(
			'interval below one hour' => array( array( 'auto_resync_interval' => 3599 ), 'auto_resync_interval' ),
			'interval as float'       => array( array( 'auto_resync_interval' => 3600.5 ), 'auto_resync_interval' ),
			'limit zero'              => array( array( 'auto_resync_limit' => 0 ), 'auto_resync_limit' ),
			'limit above 5000'        => array( array( 'auto_resync_limit' => 5001 ), 'auto_resync_limit' ),
			'bool as string'          => array( array( 'sync_shipping' => 'yes' ), 'sync_shipping' ),
			'unknown lock'            => array( array( 'locked_fields' => array( 'sku' ) ), 'locked_fields' ),
			'no push status'          => array( array( 'push_statuses' => array() ), 'push_statuses' ),
			'bad stock mode'          => array( array( 'stock_mode' => 'sum' ), 'stock_mode' ),
			'unknown key'             => array( array( 'admin' => true ), 'admin' ),
			'same price books'        => array( array( 'regular_price_book_id' => 77, 'sale_price_book_id' => 77 ), 'sale_price_book_id' ),
			'sql in a number'         => array( array( 'history_retention_days' => "1; DROP TABLE wp_users" ), 'history_retention_days' ),
		);
	}

	/**
	 * @dataProvider invalid_inputs
	 * @param array<string, mixed> $input Input.
	 * @param string               $field Field expected to be reported.
	 */
	public function test_invalid_input_is_reported_per_field_and_changes_nothing( array $input, string $field ): void {
		$before              = new SyncSettings();
		list( $s, $errors )  = $before->with_changes( $input );
		$this->assertNull( $s );
		$this->assertArrayHasKey( $field, $errors );
		$this->assertNotSame( '', $errors[ $field ] );
		$this->assertSame( SyncSettings::DEFAULTS, $before->to_array() );
	}
}
