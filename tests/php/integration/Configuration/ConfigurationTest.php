<?php
/**
 * Config screen (issue 6): disconnect with and without "Xóa thông tin", branch change, quick sync.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Configuration;

use KiotVietSync\Plugin;
use KiotVietSync\Storage\MappingRepository;
use KiotVietSync\Tests\Integration\Catalog\CatalogTestCase;
use KiotVietSync\WooCommerce\SyncedDataEraser;

/**
 * Drives runs synchronously (RunRunner::run_until_idle) against the simulator's demo shop.
 */
final class ConfigurationTest extends CatalogTestCase {

	private const FOREIGN_URL = 'http://127.0.0.1:5999/other-integration/hook';

	protected function setUp(): void {
		parent::setUp();
		delete_option( SyncedDataEraser::STATE_OPTION );
	}

	/**
	 * Selects products by code (whole families follow).
	 *
	 * @param string[] $codes Codes.
	 * @return int[] KiotViet ids.
	 */
	private function select_codes( array $codes ): array {
		$ids = array();
		foreach ( $codes as $code ) {
			$page = $this->data( $this->rest( 'GET', 'catalog/products', array(), array( 'search' => $code ) ) );
			foreach ( $page['items'] as $item ) {
				if ( $item['code'] === $code ) {
					$ids[] = (int) $item['id'];
				}
			}
		}
		self::assertCount( count( $codes ), $ids );
		$this->rest( 'PUT', 'catalog/selection', array( 'action' => 'select', 'scope' => 'ids', 'ids' => $ids ) );
		return $ids;
	}

	/** @return array<string, mixed> */
	private function run_import(): array {
		$r = $this->rest( 'POST', 'sync/import' );
		self::assertSame( 202, $r->get_status(), (string) wp_json_encode( $r->get_data() ) );
		$this->runner()->run_until_idle( 300 );
		$status = $this->data( $this->rest( 'GET', 'sync/status' ) );
		self::assertSame( 'done', $status['run']['state'], (string) wp_json_encode( $status ) );
		self::assertSame( 0, $status['run']['counts']['failed'], (string) wp_json_encode( $status ) );
		return $status;
	}

	/** @return array<int, array{kind: string, kv_id: int, woo_id: int}> */
	private function mapping_rows(): array {
		global $wpdb;
		$table = $wpdb->prefix . MappingRepository::TABLE;
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT kind, kv_id, woo_id FROM {$table} WHERE retailer = %s AND woo_id > 0 ORDER BY kind, kv_id", 'demo' ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return array_map(
			static fn ( array $r ): array => array(
				'kind'   => (string) $r['kind'],
				'kv_id'  => (int) $r['kv_id'],
				'woo_id' => (int) $r['woo_id'],
			),
			(array) $rows
		);
	}

	/** @return array<int, array<string, mixed>> */
	private function sim_subscriptions(): array {
		$data = $this->sim_get( '/__sim/webhooks' );
		$subs = $data['subscriptions'] ?? ( $data['webhooks'] ?? array() );
		return is_array( $subs ) ? array_values( $subs ) : array();
	}

	private function sku_count( string $sku ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->postmeta} pm JOIN {$wpdb->posts} p ON p.ID = pm.post_id WHERE pm.meta_key = '_sku' AND pm.meta_value = %s AND p.post_status <> 'trash'", $sku ) );
	}

	/** @return array<string, mixed> */
	private function disconnect( array $body = array() ): array {
		$r = $this->rest( 'DELETE', 'connection', $body );
		self::assertSame( 200, $r->get_status(), (string) wp_json_encode( $r->get_data() ) );
		$data = $this->data( $r );
		self::assertSame( 'not_connected', $data['state'] );
		return $data;
	}

	public function test_disconnect_keeps_or_deletes_synced_data(): void {
		$this->connect_and_fetch();
		Plugin::instance()->services()->connection_service()->client()->post(
			'/webhooks',
			array(
				'Webhook' => array(
					'Type'     => 'customer.update',
					'Url'      => self::FOREIGN_URL,
					'IsActive' => true,
				),
			)
		);
		self::assertGreaterThan( 1, count( $this->sim_subscriptions() ) );
		$this->select_codes( array( 'POLO-DO-S', 'COCA330' ) );
		$first = $this->run_import();

		$mapped = $this->mapping_rows();
		$kinds  = array_count_values( array_column( $mapped, 'kind' ) );
		self::assertGreaterThan( 0, $kinds['product'] ?? 0 );
		self::assertGreaterThan( 0, $kinds['variation'] ?? 0 );
		self::assertGreaterThan( 0, $kinds['category'] ?? 0 );

		// A merchant's own product and term.
		$own = new \WC_Product_Simple();
		$own->set_name( 'Hàng tự tạo' );
		$own->set_sku( 'OWN-PRODUCT-1' );
		$own_id  = $own->save();
		$term    = wp_insert_term( 'Danh mục riêng', 'product_cat' );
		$term_id = (int) $term['term_id'];

		// 1. Without deletion: everything stays, only our subscriptions go.
		$data = $this->disconnect();
		self::assertFalse( $data['deleting'] );
		self::assertSame( $mapped, $this->mapping_rows() );
		foreach ( $mapped as $row ) {
			if ( 'category' === $row['kind'] ) {
				self::assertNotNull( get_term( $row['woo_id'], 'product_cat' ) );
			} else {
				self::assertInstanceOf( \WC_Product::class, wc_get_product( $row['woo_id'] ) );
			}
		}
		$left = $this->sim_subscriptions();
		self::assertCount( 1, $left );
		self::assertSame( self::FOREIGN_URL, $left[0]['url'] );

		// 2. Reconnect continues with the same objects.
		$this->connect_demo();
		$this->runner()->run_until_idle( 500 );
		$status = $this->run_import();
		self::assertSame( 0, $status['run']['counts']['created'], (string) wp_json_encode( $status ) );
		self::assertSame( $mapped, $this->mapping_rows() );
		self::assertSame( 1, $this->sku_count( 'COCA330' ) );
		self::assertSame( 1, $this->sku_count( 'POLO-DO-S' ) );

		// 3. With both flags: exactly our products, variations and terms are deleted.
		$data = $this->disconnect(
			array(
				'delete_categories' => true,
				'delete_products'   => true,
			)
		);
		self::assertFalse( $data['deleting'] );
		foreach ( $mapped as $row ) {
			if ( 'category' === $row['kind'] ) {
				self::assertNull( get_term( $row['woo_id'], 'product_cat' ), 'term ' . $row['woo_id'] );
			} else {
				self::assertNull( get_post( $row['woo_id'] ), $row['kind'] . ' ' . $row['woo_id'] );
			}
		}
		self::assertSame( array(), $this->mapping_rows() );
		self::assertInstanceOf( \WC_Product::class, wc_get_product( $own_id ) );
		self::assertInstanceOf( \WP_Term::class, get_term( $term_id, 'product_cat' ) );
		self::assertSame( 0, $this->cache()->counts( 'demo' )['products'] ?? 0 );
		self::assertSame( 0, $this->sku_count( 'COCA330' ) );
		global $wpdb;
		$log = (string) $wpdb->get_var( "SELECT context FROM {$wpdb->prefix}kiotviet_sync_log WHERE action = 'delete_synced_data' ORDER BY id DESC LIMIT 1" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$ctx = (array) json_decode( $log, true );
		self::assertSame( $kinds['product'], $ctx['products'] ?? null, $log );
		self::assertSame( $kinds['category'], $ctx['categories'] ?? null, $log );

		// 4. Reconnect syncs from scratch.
		$this->connect_demo();
		$this->runner()->run_until_idle( 500 );
		$this->select_codes( array( 'POLO-DO-S', 'COCA330' ) );
		$status = $this->run_import();
		self::assertSame( $first['run']['counts']['created'], $status['run']['counts']['created'] );
		self::assertSame( 1, $this->sku_count( 'COCA330' ) );
	}

	public function test_many_products_are_deleted_in_the_background(): void {
		$this->connect_and_fetch();
		$this->rest( 'PUT', 'catalog/selection', array( 'action' => 'select', 'scope' => 'all' ) );
		$this->run_import();
		$count = count( $this->mapping_rows() );
		self::assertGreaterThan( 10, $count );
		$batch = static fn (): int => 5;
		add_filter( 'kiotviet_sync_erase_batch', $batch );
		$data = $this->disconnect( array( 'delete_products' => true ) );
		self::assertTrue( $data['deleting'] );
		$eraser = Plugin::instance()->services()->synced_data_eraser();
		for ( $i = 0; $i < 50 && $eraser->is_deleting(); $i++ ) {
			$eraser->run();
		}
		remove_filter( 'kiotviet_sync_erase_batch', $batch );
		self::assertFalse( $eraser->is_deleting() );
		self::assertGreaterThan( 1, $i, 'several batches' );
		self::assertSame( array(), array_filter( $this->mapping_rows(), static fn ( array $r ): bool => 'category' !== $r['kind'] ) );
	}

	public function test_branch_change_rewrites_woocommerce_stock(): void {
		$this->connect_and_fetch();
		$ids = $this->select_codes( array( 'COCA330' ) );
		$this->sim_post(
			'/__sim/stock',
			array(
				'items' => array(
					array(
						'productId' => $ids[0],
						'branchId'  => 5001,
						'onHand'    => 40,
					),
					array(
						'productId' => $ids[0],
						'branchId'  => 5002,
						'onHand'    => 3,
					),
				),
			)
		);
		// Fetch the new stock, then import.
		$this->rest( 'POST', 'sync/fetch' );
		$this->runner()->run_until_idle( 500 );
		$this->run_import();
		$woo_id = wc_get_product_id_by_sku( 'COCA330' );
		$before = wc_get_product( $woo_id )->get_stock_quantity();
		self::assertSame( (int) $this->cache()->product_row( 'demo', $ids[0] )['stock'], $before );

		$r = $this->rest( 'PUT', 'connection/branch', array( 'branch_id' => 5002 ) );
		self::assertSame( 200, $r->get_status() );
		$after = (int) $this->cache()->product_row( 'demo', $ids[0] )['stock'];
		self::assertNotSame( $before, $after );
		self::assertSame( $after, wc_get_product( $woo_id )->get_stock_quantity(), 'stock from the new branch, without waiting for a fetch' );
	}

	public function test_quick_sync_imports_new_selected_products_and_resumes_an_interrupted_run(): void {
		$this->connect_and_fetch();
		$this->select_codes( array( 'COCA330' ) );
		$this->run_import();
		$this->rest( 'PUT', 'settings', array( 'auto_add_new_products' => true ) );

		$category = (int) $this->cache()->product_row( 'demo', (int) $this->select_codes( array( 'COCA330' ) )[0] )['category_id'];
		$new      = $this->sim_post(
			'/__sim/products',
			array(
				'name'        => 'Sản phẩm mới đồng bộ nhanh',
				'code'        => 'QUICK-NEW-1',
				'categoryId'  => $category,
				'basePrice'   => 25000,
				'inventories' => array(
					array(
						'branchId' => 5001,
						'onHand'   => 9,
					),
				),
			)
		);
		self::assertArrayHasKey( 'id', $new, (string) wp_json_encode( $new ) );

		$r = $this->rest( 'POST', 'sync/quick' );
		self::assertSame( 202, $r->get_status(), (string) wp_json_encode( $r->get_data() ) );
		$run = $this->data( $r )['run'];
		self::assertSame( 'quick_sync', $run['kind'] );
		// Interrupt it after two steps, then "Đồng bộ nhanh" again resumes the same run.
		$this->runner()->run_until_idle( 2 );
		$this->rest( 'POST', 'sync/runs/' . $run['id'] . '/pause' );
		$r = $this->rest( 'POST', 'sync/quick' );
		self::assertSame( 202, $r->get_status(), (string) wp_json_encode( $r->get_data() ) );
		self::assertSame( $run['id'], $this->data( $r )['run']['id'] );
		$this->runner()->run_until_idle( 500 );
		$status = $this->data( $this->rest( 'GET', 'sync/status' ) );
		self::assertSame( 'done', $status['run']['state'], (string) wp_json_encode( $status ) );
		self::assertSame( 'quick_sync', $status['run']['kind'] );
		self::assertGreaterThanOrEqual( 1, $status['run']['counts']['created'] );

		$woo_id = wc_get_product_id_by_sku( 'QUICK-NEW-1' );
		self::assertGreaterThan( 0, $woo_id );
		self::assertSame( 9, wc_get_product( $woo_id )->get_stock_quantity() );
		self::assertSame( 1, $this->sku_count( 'COCA330' ) );

		// A second quick sync starts a new run (nothing interrupted) and creates nothing.
		$r = $this->rest( 'POST', 'sync/quick' );
		self::assertSame( 202, $r->get_status() );
		self::assertNotSame( $run['id'], $this->data( $r )['run']['id'] );
		$this->runner()->run_until_idle( 500 );
		$status = $this->data( $this->rest( 'GET', 'sync/status' ) );
		self::assertSame( 0, $status['run']['counts']['created'] );
	}
}
