<?php
/**
 * Stand-in-only behaviour (skipped on real WooCommerce): admin notice, logger files, compatibility records.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\WooSurface;

/**
 * What the stand-in adds for tests and developers.
 */
final class StandinOnlyTest extends WooSurfaceTestCase {

	protected function setUp(): void {
		parent::setUp();
		if ( $this->is_real_woocommerce() ) {
			self::markTestSkipped( 'Stand-in only.' );
		}
	}

	public function test_admin_notice_says_this_is_not_woocommerce(): void {
		ob_start();
		do_action( 'admin_notices' );
		$html = (string) ob_get_clean();
		self::assertStringContainsString( 'This site runs on the WooCommerce test stand-in, not real WooCommerce.', $html );
	}

	public function test_logger_keeps_entries_and_writes_a_protected_daily_file(): void {
		$logger = wc_get_logger();
		$logger->warning( 'stand-in file check', array( 'source' => 'kvs-standin-check' ) );
		$entries = $logger->get_entries( 'kvs-standin-check' );
		self::assertSame( 'warning', end( $entries )['level'] );

		$dir = \WC_Logger::log_dir();
		self::assertFileExists( $dir . '.htaccess' );
		self::assertFileExists( $dir . 'index.html' );
		$files = glob( $dir . 'kvs-standin-check-' . gmdate( 'Y-m-d' ) . '-*.log' );
		self::assertNotEmpty( $files );
		self::assertStringContainsString( 'WARNING stand-in file check', (string) file_get_contents( $files[0] ) );
	}

	public function test_order_storage_is_legacy_posts(): void {
		self::assertFalse( \Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled() );
		$order = wc_create_order( array( 'status' => 'processing' ) );
		$order->set_billing_phone( '0900000000' );
		$order->save();
		self::assertSame( 'shop_order', get_post_type( $order->get_id() ) );
		self::assertSame( 'wc-processing', get_post_status( $order->get_id() ) );
		self::assertSame( '0900000000', get_post_meta( $order->get_id(), '_billing_phone', true ) );
		self::assertSame( (string) get_woocommerce_currency(), get_post_meta( $order->get_id(), '_order_currency', true ) );
	}
}
