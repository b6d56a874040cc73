<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Admin;

use KiotVietSync\Plugin;
use KiotVietSync\Storage\MappingRepository;
use KiotVietSync\Sync\Catalog\FieldLocks;
use KiotVietSync\Tests\Integration\TestCase;
use KiotVietSync\WooCommerce\ProductListColumn;

/**
 * The "KiotViet" column and source filter of the WooCommerce products screen (edit.php?post_type=product).
 */
final class SyncedProductsColumnTest extends TestCase {

	private ProductListColumn $column;

	private MappingRepository $mapping;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$this->column  = Plugin::instance()->services()->product_list_column();
		$this->mapping = Plugin::instance()->services()->mapping_repository();
		$wpdb->query( "DELETE FROM {$this->mapping->table()}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- rolled back.
		$wpdb->query( "UPDATE {$wpdb->posts} SET post_status = 'trash' WHERE post_type IN ('product','product_variation')" ); // Rolled back.
		$this->flush_caches();
	}

	protected function tearDown(): void {
		unset( $GLOBALS['current_screen'] );
		$GLOBALS['wp_the_query'] = $GLOBALS['wp_query'];
		parent::tearDown();
	}

	private function product( string $name ): int {
		$product = new \WC_Product_Simple();
		$product->set_name( $name );
		$product->set_status( 'publish' );
		return (int) $product->save();
	}

	private function render( int $id ): string {
		ob_start();
		$this->column->render_column( ProductListColumn::COLUMN, $id );
		return (string) ob_get_clean();
	}

	public function test_column_after_name_with_escaped_code_and_state(): void {
		$this->as_role( 'shop_manager' );
		$columns = $this->column->columns(
			array(
				'cb'    => '<input type="checkbox" />',
				'thumb' => 'Image',
				'name'  => 'Name',
				'sku'   => 'SKU',
			)
		);
		self::assertSame( array( 'cb', 'thumb', 'name', ProductListColumn::COLUMN, 'sku' ), array_keys( $columns ) );

		$mapped = $this->product( 'Từ KiotViet' );
		$paused = $this->product( 'Tạm dừng' );
		$broken = $this->product( 'Lỗi' );
		$own    = $this->product( 'Của web' );
		$this->mapping->upsert( MappingRepository::KIND_PRODUCT, 9001, array( 'woo_id' => $mapped, 'sku' => '<script>alert(1)</script>' ) );
		$this->mapping->upsert( MappingRepository::KIND_PRODUCT, 9002, array( 'woo_id' => $paused, 'sku' => 'SP-2', 'locked_fields' => array( FieldLocks::PAUSED ) ) );
		$this->mapping->upsert( MappingRepository::KIND_PRODUCT, 9003, array( 'woo_id' => $broken, 'sku' => 'SP-3', 'last_error' => 'Bad "price" <b>' ) );

		$html = $this->render( $mapped );
		self::assertStringContainsString( '&lt;script&gt;alert(1)&lt;/script&gt;', $html );
		self::assertStringNotContainsString( '<script>', $html );
		self::assertStringContainsString( 'Syncing', $html );
		self::assertStringContainsString( 'Sync paused', $this->render( $paused ) );
		$error = $this->render( $broken );
		self::assertStringContainsString( 'Error', $error );
		self::assertStringContainsString( 'title="Bad &quot;price&quot; &lt;b&gt;"', $error );
		self::assertStringContainsString( '&ndash;', $this->render( $own ) );

		ob_start();
		$this->column->render_column( 'name', $mapped );
		self::assertSame( '', ob_get_clean(), 'other columns untouched' );
	}

	public function test_nothing_for_users_without_manage_woocommerce(): void {
		$this->as_role( 'editor' );
		self::assertSame( array( 'name' => 'Name' ), $this->column->columns( array( 'name' => 'Name' ) ) );
		$id = $this->product( 'X' );
		$this->mapping->upsert( MappingRepository::KIND_PRODUCT, 9001, array( 'woo_id' => $id, 'sku' => 'SP-1' ) );
		self::assertSame( '', $this->render( $id ) );
		ob_start();
		$this->column->render_filter( 'product', 'top' );
		self::assertSame( '', ob_get_clean() );
	}

	public function test_filter_dropdown_whitelists_the_value(): void {
		$this->as_role( 'shop_manager' );
		$_GET[ ProductListColumn::QUERY_VAR ] = 'kiotviet';
		ob_start();
		$this->column->render_filter( 'product', 'top' );
		$html = (string) ob_get_clean();
		self::assertStringContainsString( 'name="kiotviet_sync_source"', $html );
		self::assertMatchesRegularExpression( '/<option value="kiotviet"\s+selected=\'selected\'>Synced from KiotViet<\/option>/', $html );
		self::assertStringContainsString( 'Not from KiotViet', $html );

		$_GET[ ProductListColumn::QUERY_VAR ] = '"><script>x</script>';
		self::assertSame( '', ProductListColumn::current_filter() );
		ob_start();
		$this->column->render_filter( 'product', 'top' );
		self::assertStringNotContainsString( '<script>', (string) ob_get_clean() );

		ob_start();
		$this->column->render_filter( 'shop_order', 'top' );
		$this->column->render_filter( 'product', 'bottom' );
		self::assertSame( '', ob_get_clean() );
	}

	/**
	 * @return int[]
	 */
	private function listed( string $filter ): array {
		$_GET[ ProductListColumn::QUERY_VAR ] = $filter;
		// is_admin(): the products screen.
		$GLOBALS['current_screen'] = new class () {
			/**
			 * @param string|null $admin Admin type.
			 */
			public function in_admin( $admin = null ): bool {
				unset( $admin );
				return true;
			}
		};
		$query                   = new \WP_Query();
		$GLOBALS['wp_the_query'] = $query;
		add_filter( 'posts_where', array( $this->column, 'filter_where' ), 10, 2 );
		$ids = $query->query(
			array(
				'post_type'      => 'product',
				'post_status'    => 'publish',
				'fields'         => 'ids',
				'posts_per_page' => -1,
				'orderby'        => 'ID',
				'order'          => 'ASC',
			)
		);
		remove_filter( 'posts_where', array( $this->column, 'filter_where' ), 10 );
		$ids = array_map( 'intval', $ids );
		sort( $ids );
		return $ids;
	}

	public function test_filter_restricts_the_main_products_query(): void {
		$this->as_role( 'shop_manager' );
		$mapped = $this->product( 'Từ KiotViet' );
		$own    = $this->product( 'Của web' );
		$this->mapping->upsert( MappingRepository::KIND_PRODUCT, 9001, array( 'woo_id' => $mapped, 'sku' => 'SP-1' ) );
		$this->mapping->upsert( MappingRepository::KIND_PRODUCT, 9002, array( 'woo_id' => 0, 'sku' => 'SP-2' ) );

		self::assertSame( array( $mapped ), $this->listed( 'kiotviet' ) );
		self::assertSame( array( $own ), $this->listed( 'woocommerce' ) );
		self::assertSame( array( $mapped, $own ), $this->listed( '' ) );
		self::assertSame( array( $mapped, $own ), $this->listed( "kiotviet' OR 1=1" ), 'unknown values ignored' );

		$this->as_role( 'editor' );
		self::assertSame( array( $mapped, $own ), $this->listed( 'kiotviet' ), 'only for manage_woocommerce' );
	}
}
