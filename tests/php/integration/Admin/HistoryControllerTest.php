<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Admin;

use KiotVietSync\Jobs\HistoryPruneJob;
use KiotVietSync\Plugin;
use KiotVietSync\Rest\HistoryController;
use KiotVietSync\Storage\Settings;
use KiotVietSync\Storage\SyncLog;
use KiotVietSync\Tests\Integration\TestCase;
use WP_REST_Response;

/**
 * GET /history, GET /history/export, the prune job and PII redaction against the real table.
 */
final class HistoryControllerTest extends TestCase {

	private SyncLog $log;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$this->log = Plugin::instance()->services()->sync_log();
		$wpdb->query( "DELETE FROM {$this->log->table()}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- test table, rolled back.
	}

	/**
	 * @return array<string, mixed>
	 */
	private function data( WP_REST_Response $response ): array {
		return (array) json_decode( (string) wp_json_encode( $response->get_data() ), true );
	}

	/**
	 * Inserts a row with a given UTC time.
	 */
	private function row( string $channel, string $result, string $message, string $created_at = '', array $refs = array() ): int {
		global $wpdb;
		$this->log->record( $channel, 'test', $result, $message, array(), $refs );
		$id = (int) $wpdb->insert_id;
		if ( '' !== $created_at ) {
			$wpdb->update( $this->log->table(), array( 'created_at' => $created_at ), array( 'id' => $id ) );
		}
		return $id;
	}

	public function test_newest_first_with_pagination(): void {
		$this->as_role( 'shop_manager' );
		for ( $i = 1; $i <= 7; $i++ ) {
			$this->row( 'import', 'ok', 'row ' . $i );
		}
		$page1 = $this->data( $this->rest( 'GET', 'history', array(), array( 'per_page' => 3 ) ) );
		$this->assertSame( 7, $page1['total'] );
		$this->assertSame( 3, $page1['total_pages'] );
		$this->assertSame( 1, $page1['page'] );
		$this->assertSame( array( 'row 7', 'row 6', 'row 5' ), array_column( $page1['items'], 'message' ) );
		$page3 = $this->data( $this->rest( 'GET', 'history', array(), array( 'per_page' => 3, 'page' => 3 ) ) );
		$this->assertSame( array( 'row 1' ), array_column( $page3['items'], 'message' ) );
		$item = $page1['items'][0];
		$this->assertSame( array( 'id', 'created_at', 'channel', 'action', 'result', 'message', 'object_type', 'object_id', 'kiotviet_id', 'edit_url' ), array_keys( $item ) );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/', $item['created_at'] );
	}

	public function test_created_at_is_in_the_site_timezone(): void {
		$this->as_role( 'shop_manager' );
		update_option( 'timezone_string', 'Asia/Ho_Chi_Minh' );
		$this->row( 'api', 'ok', 'tz', '2026-11-29 20:30:00' );
		$items = $this->data( $this->rest( 'GET', 'history' ) )['items'];
		$this->assertSame( '2026-11-30T03:30:00+07:00', $items[0]['created_at'] );
		// A local-day filter: the 30th in Hanoi includes 20:30 UTC on the 29th.
		$this->assertSame( 1, $this->data( $this->rest( 'GET', 'history', array(), array( 'from' => '2026-11-30', 'to' => '2026-11-30' ) ) )['total'] );
		$this->assertSame( 0, $this->data( $this->rest( 'GET', 'history', array(), array( 'from' => '2026-11-29', 'to' => '2026-11-29' ) ) )['total'] );
	}

	public function test_filters_by_channel_result_and_dates(): void {
		$this->as_role( 'administrator' );
		update_option( 'timezone_string', 'UTC' );
		$this->row( 'import', 'ok', 'a', '2026-11-01 10:00:00' );
		$this->row( 'import', 'error', 'b', '2026-11-10 10:00:00' );
		$this->row( 'order', 'error', 'c', '2026-11-20 10:00:00' );
		$this->row( 'webhook', 'skipped', 'd', '2026-11-25 10:00:00' );

		$messages = function ( array $query ): array {
			return array_column( $this->data( $this->rest( 'GET', 'history', array(), $query ) )['items'], 'message' );
		};
		$this->assertSame( array( 'b', 'a' ), $messages( array( 'channel' => 'import' ) ) );
		$this->assertSame( array( 'c', 'b' ), $messages( array( 'result' => 'error' ) ) );
		$this->assertSame( array( 'b' ), $messages( array( 'channel' => 'import', 'result' => 'error' ) ) );
		$this->assertSame( array( 'c', 'b' ), $messages( array( 'from' => '2026-11-10', 'to' => '2026-11-20' ) ) );
		$this->assertSame( array( 'd' ), $messages( array( 'from' => '2026-11-21' ) ) );
		$this->assertSame( array( 'a' ), $messages( array( 'to' => '2026-11-09' ) ) );
	}

	public function test_search_treats_sql_metacharacters_as_plain_text(): void {
		$this->as_role( 'administrator' );
		$this->row( 'import', 'ok', 'Giảm 50% cho áo' );
		$this->row( 'import', 'ok', 'Giảm 500 cho áo' );
		$this->row( 'import', 'ok', 'SKU AO_THUN' );
		$this->row( 'import', 'ok', 'SKU AOXTHUN' );
		$this->row( 'import', 'ok', "Shop's note" );
		$this->row( 'import', 'ok', 'path C:\\temp\\x' );
		$this->row( 'import', 'ok', 'path C:tempx' );

		$search = function ( string $term ): array {
			$response = $this->rest( 'GET', 'history', array(), array( 'search' => $term ) );
			$this->assertSame( 200, $response->get_status() );
			return array_column( $this->data( $response )['items'], 'message' );
		};
		$this->assertSame( array( 'Giảm 50% cho áo' ), $search( '50%' ) );
		$this->assertSame( array( 'SKU AO_THUN' ), $search( 'AO_T' ) );
		$this->assertSame( array( "Shop's note" ), $search( "p's" ) );
		$this->assertSame( array( 'path C:\\temp\\x' ), $search( 'C:\\temp' ) );
		$this->assertSame( array(), $search( "' OR 1=1 -- " ) );
		$this->assertCount( 2, $search( 'giảm' ) );
	}

	public function test_invalid_query_is_400_with_params(): void {
		$this->as_role( 'administrator' );
		$response = $this->rest( 'GET', 'history', array(), array( 'result' => 'maybe', 'per_page' => 1000 ) );
		$this->assertSame( 400, $response->get_status() );
		$data = $this->data( $response );
		$this->assertSame( 'kiotviet_sync_invalid_field', $data['code'] );
		$this->assertArrayHasKey( 'result', $data['data']['params'] );
	}

	public function test_edit_url_links_products_and_orders(): void {
		$this->as_role( 'administrator' );
		$product = new \WC_Product_Simple();
		$product->set_name( 'Áo thun' );
		$product->save();
		$order = wc_create_order();
		$order->save();
		$this->row( 'import', 'ok', 'product', '', array( 'object_type' => 'product', 'object_id' => $product->get_id(), 'kiotviet_id' => 31000102 ) );
		$this->row( 'order', 'ok', 'order', '', array( 'object_type' => 'order', 'object_id' => $order->get_id() ) );
		$this->row( 'api', 'ok', 'plain' );
		$items = $this->data( $this->rest( 'GET', 'history' ) )['items'];
		$this->assertNull( $items[0]['edit_url'] );
		$this->assertSame( $order->get_edit_order_url(), $items[1]['edit_url'] );
		$this->assertSame( $order->get_id(), $items[1]['object_id'] );
		$this->assertStringContainsString( 'post=' . $product->get_id(), (string) $items[2]['edit_url'] );
		$this->assertSame( 31000102, $items[2]['kiotviet_id'] );
	}

	public function test_export_csv_content_and_injection_safety(): void {
		$this->as_role( 'shop_manager' );
		$this->row( 'import', 'ok', '=HYPERLINK("http://evil","x")' );
		$this->row( 'order', 'error', '+cmd|calc' );
		$this->row( 'order', 'ok', '@SUM(A1)' );
		$this->row( 'order', 'ok', '-2+3' );
		$this->row( 'webhook', 'ok', 'Bình thường, "quoted"' );

		$response = $this->rest( 'GET', 'history/export' );
		$this->assertSame( 200, $response->get_status() );
		$headers = $response->get_headers();
		$this->assertSame( 'text/csv; charset=utf-8', $headers['Content-Type'] );
		$this->assertMatchesRegularExpression( '/^attachment; filename="kiotviet-sync-history-\d{8}-\d{6}\.csv"$/', $headers['Content-Disposition'] );
		$csv = (string) $response->get_data();
		$this->assertStringStartsWith( "\xEF\xBB\xBF", $csv );
		$lines = array_map( 'str_getcsv', array_filter( explode( "\n", substr( $csv, 3 ) ) ) );
		$this->assertSame( SyncLog::EXPORT_COLUMNS, $lines[0] );
		$this->assertCount( 6, $lines );
		$messages = array_column( array_slice( $lines, 1 ), 9 );
		$this->assertSame( array( 'Bình thường, "quoted"', "'-2+3", "'@SUM(A1)", "'+cmd|calc", "'=HYPERLINK(\"http://evil\",\"x\")" ), $messages );
		foreach ( array_slice( $lines, 1 ) as $line ) {
			foreach ( $line as $cell ) {
				$this->assertDoesNotMatchRegularExpression( '/^[=+\-@]/', $cell );
			}
		}

		$filtered = (string) $this->rest( 'GET', 'history/export', array(), array( 'channel' => 'order', 'result' => 'error' ) )->get_data();
		$this->assertCount( 2, array_filter( explode( "\n", $filtered ) ) );
		$this->assertStringContainsString( 'calc', $filtered );
	}

	public function test_export_is_served_raw_not_as_json(): void {
		$this->as_role( 'administrator' );
		$this->row( 'import', 'ok', 'raw' );
		$request  = new \WP_REST_Request( 'GET', '/kiotviet-sync/v1/history/export' );
		$response = rest_do_request( $request );
		ob_start();
		$served = HistoryController::serve_csv( false, $response, $request, rest_get_server() );
		$output = (string) ob_get_clean();
		$this->assertTrue( $served );
		$this->assertStringContainsString( 'raw', $output );
		$this->assertStringNotContainsString( '\\n', $output );
		// Any other route is left to core.
		$other = new \WP_REST_Request( 'GET', '/kiotviet-sync/v1/history' );
		$this->assertFalse( HistoryController::serve_csv( false, rest_do_request( $other ), $other, rest_get_server() ) );
	}

	public function test_prune_removes_only_old_rows(): void {
		$old    = $this->row( 'import', 'ok', 'old', gmdate( 'Y-m-d H:i:s', time() - 31 * DAY_IN_SECONDS ) );
		$edge   = $this->row( 'import', 'ok', 'edge', gmdate( 'Y-m-d H:i:s', time() - 29 * DAY_IN_SECONDS ) );
		$recent = $this->row( 'import', 'ok', 'recent' );
		update_option( Settings::SETTINGS, array( 'history_retention_days' => 30 ), false );
		$this->flush_caches();
		$deleted = Plugin::instance()->services()->history_prune_job()->run();
		$this->assertSame( 1, $deleted );
		$ids = array_map( 'intval', array_column( $this->log->recent( 10 ), 'id' ) );
		$this->assertSame( array( $recent, $edge ), $ids );
		$this->assertNotContains( $old, $ids );
		$this->assertSame( 1, $this->log->prune_older_than( 1 ) );
		$this->assertSame( array( $recent ), array_map( 'intval', array_column( $this->log->recent( 10 ), 'id' ) ) );
	}

	public function test_prune_job_is_scheduled(): void {
		$this->assertTrue( Plugin::instance()->services()->scheduler()->is_scheduled( HistoryPruneJob::HOOK ) || did_action( 'init' ) === 0 );
		Plugin::instance()->services()->scheduler()->unschedule_all( HistoryPruneJob::HOOK );
		Plugin::instance()->services()->history_prune_job()->ensure_scheduled();
		$this->assertTrue( Plugin::instance()->services()->scheduler()->is_scheduled( HistoryPruneJob::HOOK ) );
	}

	public function test_phone_and_email_are_redacted_at_write_time(): void {
		global $wpdb;
		$this->log->record(
			'order',
			'push',
			'error',
			'Khách 0912 345 678 (nguyen.van.a@example.com) không tạo được',
			array(
				'customer' => array(
					'contactNumber' => '+84912345678',
					'email'         => 'nguyen.van.a@example.com',
					'name'          => 'Nguyễn Văn A',
				),
				'note'     => 'gọi 0987654321 hoặc b.tran@example.vn',
			)
		);
		$row = $wpdb->get_row( "SELECT message, context FROM {$this->log->table()} ORDER BY id DESC LIMIT 1", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$stored = $row['message'] . $row['context'];
		foreach ( array( '0912 345 678', '912345678', 'nguyen.van.a@', '0987654321', 'b.tran@' ) as $pii ) {
			$this->assertStringNotContainsString( $pii, $stored );
		}
		$this->assertStringContainsString( 'Nguyễn Văn A', $stored, 'names stay readable' );
		$this->assertStringContainsString( '@example.com', $stored, 'domain kept for support' );

		$this->as_role( 'administrator' );
		$items = $this->data( $this->rest( 'GET', 'history', array(), array( 'search' => 'Khách' ) ) )['items'];
		$this->assertStringNotContainsString( '345 678', $items[0]['message'] );
	}
}
