<?php
/**
 * Parity: constants, loader hooks, roles, registrations, tables, options, utilities, logger.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\WooSurface;

/**
 * Must pass on the stand-in and on real WooCommerce 8.9.
 */
final class PlatformSurfaceTest extends WooSurfaceTestCase {

	public function test_constants_and_loader_hooks(): void {
		self::assertTrue( defined( 'WC_VERSION' ) );
		self::assertSame( 0, strpos( WC_VERSION, '8.9.' ) );
		self::assertTrue( defined( 'WC_PLUGIN_FILE' ) );
		self::assertSame( 'woocommerce.php', basename( WC_PLUGIN_FILE ) );
		self::assertIsObject( WC() );
		self::assertSame( WC_VERSION, WC()->version );
		self::assertGreaterThan( 0, did_action( 'woocommerce_loaded' ) );
		self::assertGreaterThan( 0, did_action( 'before_woocommerce_init' ) );
		self::assertGreaterThan( 0, did_action( 'woocommerce_init' ) );
		self::assertTrue( is_plugin_active_for_test( 'woocommerce/woocommerce.php' ) );
	}

	public function test_utilities(): void {
		self::assertTrue( method_exists( \Automattic\WooCommerce\Utilities\FeaturesUtil::class, 'declare_compatibility' ) );
		self::assertIsBool( \Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled() );
		try {
			\Automattic\WooCommerce\Utilities\OrderUtil::get_order_admin_screen();
			self::fail( 'get_order_admin_screen() outside wp-admin must throw' );
		} catch ( \Exception $e ) {
			self::assertSame( 'This function should only be called in admin.', $e->getMessage() );
		}
	}

	public function test_roles_and_capabilities(): void {
		self::assertNotNull( get_role( 'customer' ) );
		$manager = get_role( 'shop_manager' );
		self::assertNotNull( $manager );
		foreach ( array( 'manage_woocommerce', 'view_woocommerce_reports', 'edit_products', 'edit_shop_orders', 'read_private_products', 'manage_product_terms' ) as $cap ) {
			self::assertTrue( $manager->has_cap( $cap ), "shop_manager has {$cap}" );
			self::assertTrue( get_role( 'administrator' )->has_cap( $cap ), "administrator has {$cap}" );
		}
		self::assertFalse( get_role( 'customer' )->has_cap( 'manage_woocommerce' ) );
		self::assertFalse( get_role( 'subscriber' )->has_cap( 'manage_woocommerce' ) );

		$this->as_role( 'shop_manager' );
		self::assertTrue( current_user_can( 'manage_woocommerce' ) );
		$this->as_role( 'customer' );
		self::assertFalse( current_user_can( 'manage_woocommerce' ) );
		self::assertSame( 0, $this->as_role( 'anonymous' ) );
	}

	public function test_post_types_taxonomies_and_statuses(): void {
		foreach ( array( 'product', 'product_variation', 'shop_order' ) as $type ) {
			self::assertTrue( post_type_exists( $type ), "post type {$type}" );
		}
		foreach ( array( 'product_type', 'product_visibility', 'product_cat', 'product_tag', 'product_shipping_class' ) as $taxonomy ) {
			self::assertTrue( taxonomy_exists( $taxonomy ), "taxonomy {$taxonomy}" );
		}
		foreach ( array( 'simple', 'variable', 'grouped', 'external' ) as $type ) {
			self::assertNotFalse( get_term_by( 'slug', $type, 'product_type' ), "product_type term {$type}" );
		}
		foreach ( array( 'exclude-from-search', 'exclude-from-catalog', 'featured', 'outofstock' ) as $term ) {
			self::assertNotFalse( get_term_by( 'slug', $term, 'product_visibility' ), "product_visibility term {$term}" );
		}
		foreach ( array_keys( wc_get_order_statuses() ) as $status ) {
			self::assertNotNull( get_post_status_object( $status ), "post status {$status}" );
		}
	}

	public function test_tables_have_woocommerce_columns(): void {
		global $wpdb;
		$expected = array(
			'wc_product_meta_lookup'           => array( 'product_id', 'sku', 'virtual', 'downloadable', 'min_price', 'max_price', 'onsale', 'stock_quantity', 'stock_status', 'rating_count', 'average_rating', 'total_sales', 'tax_status', 'tax_class' ),
			'woocommerce_attribute_taxonomies' => array( 'attribute_id', 'attribute_name', 'attribute_label', 'attribute_type', 'attribute_orderby', 'attribute_public' ),
			'woocommerce_order_items'          => array( 'order_item_id', 'order_item_name', 'order_item_type', 'order_id' ),
			'woocommerce_order_itemmeta'       => array( 'meta_id', 'order_item_id', 'meta_key', 'meta_value' ),
		);
		foreach ( $expected as $table => $columns ) {
			$actual = $wpdb->get_col( "SHOW COLUMNS FROM {$wpdb->prefix}{$table}", 0 ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			self::assertSame( $columns, $actual, "{$table} columns" );
		}
		self::assertSame( $wpdb->prefix . 'wc_product_meta_lookup', $wpdb->wc_product_meta_lookup );
		self::assertSame( $wpdb->prefix . 'woocommerce_order_itemmeta', $wpdb->order_itemmeta );
	}

	public function test_store_options_and_formatting(): void {
		self::assertSame( 'VND', get_woocommerce_currency() );
		self::assertSame( 0, wc_get_price_decimals() );
		self::assertSame( 'kg', get_option( 'woocommerce_weight_unit' ) );
		self::assertSame( 'yes', get_option( 'woocommerce_manage_stock' ) );
		self::assertSame( '150000', wc_format_decimal( '150000' ) );
		self::assertSame( '150000', wc_format_decimal( 150000 ) );
		self::assertSame( '0.5', wc_format_decimal( 0.5 ) );
		self::assertSame( 7, wc_stock_amount( '7' ) );
		self::assertSame( 'yes', wc_bool_to_string( true ) );
		self::assertTrue( wc_string_to_bool( 'yes' ) );
	}

	public function test_countries(): void {
		$countries = WC()->countries;
		self::assertIsObject( $countries );
		self::assertSame( 'Vietnam', $countries->get_countries()['VN'] );
		self::assertSame( 'Vietnam', $countries->countries['VN'] );
		self::assertSame( 'United States (US)', $countries->get_countries()['US'] );
		self::assertSame( array(), $countries->get_states( 'VN' ) );
		self::assertSame( 'VN', $countries->get_base_country() );
		self::assertArrayHasKey( 'VN', $countries->get_allowed_countries() );
	}

	public function test_logger(): void {
		$logger = wc_get_logger();
		self::assertInstanceOf( \WC_Logger_Interface::class, $logger );
		foreach ( array( 'debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency' ) as $level ) {
			$logger->{$level}( 'kvs surface test ' . $level, array( 'source' => 'kiotviet-sync-tests' ) );
		}
		$logger->log( 'info', 'kvs surface test log()', array( 'source' => 'kiotviet-sync-tests' ) );
		if ( ! $this->is_real_woocommerce() ) {
			$entries = $logger->get_entries( 'kiotviet-sync-tests' );
			self::assertSame( 'kvs surface test log()', end( $entries )['message'] );
			self::assertSame( 'info', end( $entries )['level'] );
		}
	}
}

/**
 * is_plugin_active() without loading wp-admin/includes/plugin.php in every file.
 *
 * @param string $plugin Plugin file.
 */
function is_plugin_active_for_test( string $plugin ): bool {
	return in_array( $plugin, (array) get_option( 'active_plugins', array() ), true );
}
