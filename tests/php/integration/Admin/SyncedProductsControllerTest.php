<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Admin;

use KiotVietSync\Plugin;
use KiotVietSync\Storage\MappingRepository;
use KiotVietSync\Sync\Catalog\CatalogImporter;
use KiotVietSync\Sync\Catalog\FieldLocks;
use KiotVietSync\Tests\Integration\Writer\WriterTestCase;
use KiotVietSync\WooCommerce\CategoryWriter;
use KiotVietSync\WooCommerce\ProductWriter;
use WP_REST_Response;

/**
 * GET /products and PUT /products/{id}/sync (Synced product list, seed 2.4) against the real tables, with
 * products imported by the catalog writer and products created in WooCommerce.
 */
final class SyncedProductsControllerTest extends WriterTestCase {

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		// The routes read the mapping of the connected retailer: import through the same repository.
		$this->mapping  = Plugin::instance()->services()->mapping_repository();
		$this->importer = new CatalogImporter( $wpdb, $this->mapping, new ProductWriter(), new CategoryWriter(), Plugin::instance()->services()->sync_log(), null );
		$wpdb->query( "DELETE FROM {$this->mapping->table()}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- rolled back.
		$wpdb->query( "UPDATE {$wpdb->posts} SET post_status = 'trash' WHERE post_type IN ('product','product_variation')" ); // Rolled back.
		$this->flush_caches();
	}

	/**
	 * @return array<string, mixed>
	 */
	private function data( WP_REST_Response $response ): array {
		return (array) json_decode( (string) wp_json_encode( $response->get_data() ), true );
	}

	/** A product created in WooCommerce. */
	private function woo_product( string $name, string $sku = '', string $price = '10000' ): int {
		$product = new \WC_Product_Simple();
		$product->set_name( $name );
		if ( '' !== $sku ) {
			$product->set_sku( $sku );
		}
		$product->set_regular_price( $price );
		$product->set_status( 'publish' );
		return (int) $product->save();
	}

	/**
	 * @param array<string, mixed> $query
	 * @return array<string, mixed>
	 */
	private function page( array $query = array() ): array {
		$response = $this->rest( 'GET', 'products', array(), $query );
		self::assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $this->data( $response );
	}

	/**
	 * @param array<string, mixed> $page
	 * @return array<int, array<string, mixed>> id => item
	 */
	private static function by_id( array $page ): array {
		$out = array();
		foreach ( $page['items'] as $item ) {
			$out[ (int) $item['id'] ] = $item;
		}
		return $out;
	}

	public function test_permissions(): void {
		$this->as_role( 'anonymous' );
		self::assertSame( 401, $this->rest( 'GET', 'products' )->get_status() );
		self::assertSame( 401, $this->rest( 'PUT', 'products/1/sync', array( 'enabled' => false ) )->get_status() );
		$this->as_role( 'customer' );
		self::assertSame( 403, $this->rest( 'GET', 'products' )->get_status() );
		self::assertSame( 403, $this->rest( 'PUT', 'products/1/sync', array( 'enabled' => false ) )->get_status() );
	}

	public function test_lists_both_sources_with_filters(): void {
		$this->as_role( 'shop_manager' );
		$this->importer->import_batch( array_merge( $this->products( array( 'SAC20W' ) ), $this->family( 'POLO-' ) ), $this->categories(), $this->books(), $this->settings() );
		$own     = $this->woo_product( 'Sản phẩm của web', 'WEB-1' );
		$charger = $this->woo_id( MappingRepository::KIND_PRODUCT, $this->kv_id_of( 'SAC20W' ) );

		$all = $this->page();
		$ids = self::by_id( $all );
		self::assertSame( 3, $all['total'], 'parents only: variations are summarised' );
		self::assertSame( array( 'total', 'page', 'per_page', 'total_pages' ), array_values( array_diff( array_keys( $all ), array( 'items' ) ) ) );
		self::assertSame( 'woocommerce', $ids[ $own ]['source'] );
		self::assertNull( $ids[ $own ]['kiotviet_id'] );
		self::assertFalse( $ids[ $own ]['sync_enabled'] );
		self::assertSame( 'WEB-1', $ids[ $own ]['sku'] );
		self::assertSame( '10000', $ids[ $own ]['regular_price'] );
		self::assertStringContainsString( 'post=' . $own, $ids[ $own ]['edit_url'] );

		$item = $ids[ $charger ];
		self::assertSame( 'kiotviet', $item['source'] );
		self::assertSame( $this->kv_id_of( 'SAC20W' ), $item['kiotviet_id'] );
		self::assertSame( 'SAC20W', $item['kiotviet_code'] );
		self::assertTrue( $item['sync_enabled'] );
		self::assertSame( 'simple', $item['type'] );
		self::assertNotNull( $item['last_synced_at'] );
		self::assertNull( $item['last_error'] );
		self::assertSame(
			array( 'id', 'name', 'sku', 'type', 'status', 'regular_price', 'sale_price', 'min_price', 'max_price', 'stock_quantity', 'stock_status', 'image_url', 'source', 'kiotviet_id', 'kiotviet_code', 'sync_enabled', 'last_synced_at', 'last_error', 'edit_url' ),
			array_keys( $item )
		);

		$variable = null;
		foreach ( $all['items'] as $row ) {
			if ( 'variable' === $row['type'] ) {
				$variable = $row;
			}
		}
		self::assertNotNull( $variable );
		self::assertNotNull( $variable['min_price'] );
		self::assertNotNull( $variable['max_price'] );
		self::assertLessThanOrEqual( (float) $variable['max_price'], (float) $variable['min_price'] );

		self::assertSame( array( $own ), array_keys( self::by_id( $this->page( array( 'source' => 'woocommerce' ) ) ) ) );
		$kv = $this->page( array( 'source' => 'kiotviet' ) );
		self::assertSame( 2, $kv['total'] );
		self::assertArrayNotHasKey( $own, self::by_id( $kv ) );

		$this->mapping->record_error( MappingRepository::KIND_PRODUCT, $this->kv_id_of( 'SAC20W' ), 'Giá không hợp lệ' );
		$errors = $this->page( array( 'state' => 'error' ) );
		self::assertSame( array( $charger ), array_keys( self::by_id( $errors ) ) );
		self::assertSame( 'Giá không hợp lệ', $errors['items'][0]['last_error'] );
		self::assertSame( 1, $this->page( array( 'state' => 'synced' ) )['total'], 'the family only' );

		self::assertSame( 400, $this->rest( 'GET', 'products', array(), array( 'source' => 'other' ) )->get_status() );
		self::assertSame( 400, $this->rest( 'GET', 'products', array(), array( 'per_page' => 500 ) )->get_status() );
	}

	public function test_search_treats_wildcards_and_quotes_as_text(): void {
		$this->as_role( 'shop_manager' );
		$percent = $this->woo_product( 'Giảm 50% hôm nay' );
		$this->woo_product( 'Giảm 500 hôm nay' );
		$under = $this->woo_product( 'Dây A_B' );
		$this->woo_product( 'Dây AxB' );
		$quote = $this->woo_product( "Áo O'Neil" );
		$sku   = $this->woo_product( 'Khác', 'MA_%_1' );
		$this->woo_product( 'Khác nữa', 'MAX9Y1' );

		self::assertSame( array( $percent ), array_keys( self::by_id( $this->page( array( 'search' => '50%' ) ) ) ) );
		self::assertSame( array( $under ), array_keys( self::by_id( $this->page( array( 'search' => 'A_B' ) ) ) ) );
		self::assertSame( array( $quote ), array_keys( self::by_id( $this->page( array( 'search' => "O'Neil" ) ) ) ) );
		self::assertSame( array( $sku ), array_keys( self::by_id( $this->page( array( 'search' => 'A_%_' ) ) ) ), 'SKU search' );
		self::assertSame( 0, $this->page( array( 'search' => "' OR 1=1 -- " ) )['total'] );
	}

	public function test_pagination(): void {
		$this->as_role( 'shop_manager' );
		$ids = array();
		for ( $i = 1; $i <= 5; $i++ ) {
			$ids[] = $this->woo_product( 'Trang ' . $i );
		}
		$first = $this->page( array( 'per_page' => 2 ) );
		self::assertSame( 5, $first['total'] );
		self::assertSame( 3, $first['total_pages'] );
		self::assertSame( 2, $first['per_page'] );
		self::assertSame( array( $ids[4], $ids[3] ), array_keys( self::by_id( $first ) ), 'newest first' );
		$last = $this->page( array( 'per_page' => 2, 'page' => 3 ) );
		self::assertSame( 3, $last['page'] );
		self::assertSame( array( $ids[0] ), array_keys( self::by_id( $last ) ) );
		self::assertSame( array(), $this->page( array( 'per_page' => 2, 'page' => 4 ) )['items'] );
	}

	public function test_paused_product_is_not_changed_by_imports_or_stock_updates(): void {
		$this->as_role( 'shop_manager' );
		$this->importer->import_batch( $this->products( array( 'SAC20W', 'CAP-C-2M' ) ), $this->categories(), $this->books(), $this->settings() );
		$kv_id   = $this->kv_id_of( 'SAC20W' );
		$charger = $this->woo_id( MappingRepository::KIND_PRODUCT, $kv_id );
		$this->mapping->set_locked_fields( MappingRepository::KIND_PRODUCT, $kv_id, array( 'weight' ) );
		$before = $this->product_by_code( 'SAC20W' );
		$name   = $before->get_name();
		$price  = $before->get_regular_price();
		$stock  = $before->get_stock_quantity();

		$response = $this->rest( 'PUT', 'products/' . $charger . '/sync', array( 'enabled' => false ) );
		self::assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$item = $this->data( $response );
		self::assertFalse( $item['sync_enabled'] );
		self::assertSame( $charger, $item['id'] );
		self::assertSame( array( 'weight', FieldLocks::PAUSED ), $this->mapping->find( MappingRepository::KIND_PRODUCT, $kv_id )['locked_fields'], 'other locks kept' );
		$this->flush_caches();
		self::assertFalse( self::by_id( $this->page() )[ $charger ]['sync_enabled'], 'persisted' );
		self::assertSame( array( $charger ), array_keys( self::by_id( $this->page( array( 'state' => 'paused' ) ) ) ) );
		self::assertArrayNotHasKey( $charger, self::by_id( $this->page( array( 'state' => 'synced' ) ) ) );

		$change = static function ( array $raw ): array {
			$raw['name']                     = $raw['name'] . ' (mới)';
			$raw['basePrice']                = (float) $raw['basePrice'] + 1000;
			$raw['inventories'][0]['onHand'] = 77;
			return $raw;
		};
		$this->importer->import_batch( $this->products( array( 'SAC20W', 'CAP-C-2M' ), $change ), array(), $this->books(), $this->settings() );
		$this->importer->set_stock_quantities( array( $kv_id => 5 ), $this->settings() );
		$after = $this->product_by_code( 'SAC20W' );
		self::assertSame( $name, $after->get_name() );
		self::assertSame( $price, $after->get_regular_price() );
		self::assertSame( $stock, $after->get_stock_quantity() );
		self::assertStringEndsWith( '(mới)', $this->product_by_code( 'CAP-C-2M' )->get_name(), 'other products still sync' );

		$response = $this->rest( 'PUT', 'products/' . $charger . '/sync', array( 'enabled' => true ) );
		self::assertTrue( $this->data( $response )['sync_enabled'] );
		self::assertSame( array( 'weight' ), $this->mapping->find( MappingRepository::KIND_PRODUCT, $kv_id )['locked_fields'] );
		$this->importer->import_batch( $this->products( array( 'SAC20W' ), $change ), array(), $this->books(), $this->settings() );
		self::assertStringEndsWith( '(mới)', $this->product_by_code( 'SAC20W' )->get_name(), 'resumed' );
	}

	public function test_toggle_refuses_products_not_from_kiotviet(): void {
		$this->as_role( 'administrator' );
		$own = $this->woo_product( 'Của web' );
		self::assertSame( 409, $this->rest( 'PUT', 'products/' . $own . '/sync', array( 'enabled' => false ) )->get_status() );
		self::assertSame( 404, $this->rest( 'PUT', 'products/999999/sync', array( 'enabled' => false ) )->get_status() );
		self::assertSame( 400, $this->rest( 'PUT', 'products/' . $own . '/sync', array() )->get_status() );
	}
}
