<?php
/**
 * Parity: simple products land in posts, post meta, terms and wc_product_meta_lookup as WooCommerce stores them.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\WooSurface;

/**
 * Must pass on the stand-in and on real WooCommerce 8.9.
 */
final class SimpleProductStorageTest extends WooSurfaceTestCase {

	public function test_simple_product_is_stored_like_woocommerce(): void {
		$category = $this->category( 'Áo nam ' . wp_generate_password( 4, false ) );
		$from     = time() - DAY_IN_SECONDS;
		$to       = time() + DAY_IN_SECONDS;
		$sku      = $this->sku( 'SP' );
		$product  = $this->simple_product(
			array(
				'name'              => 'Áo thun cổ tròn',
				'slug'              => 'ao-thun-co-tron-' . strtolower( wp_generate_password( 4, false ) ),
				'description'       => 'Mô tả dài',
				'short_description' => 'Mô tả ngắn',
				'sku'               => $sku,
				'regular_price'     => '150000',
				'sale_price'        => '120000',
				'date_on_sale_from' => $from,
				'date_on_sale_to'   => $to,
				'manage_stock'      => true,
				'stock_quantity'    => 7,
				'weight'            => '0.5',
				'length'            => '30',
				'width'             => '20',
				'height'            => '2',
				'category_ids'      => array( $category ),
				'menu_order'        => 3,
				'status'            => 'publish',
			)
		);
		$id = $product->get_id();

		$post = $this->post_row( $id );
		self::assertSame( 'product', $post['post_type'] );
		self::assertSame( 'Áo thun cổ tròn', $post['post_title'] );
		self::assertSame( $product->get_slug( 'edit' ), $post['post_name'] );
		self::assertSame( 'Mô tả dài', $post['post_content'] );
		self::assertSame( 'Mô tả ngắn', $post['post_excerpt'] );
		self::assertSame( 'publish', $post['post_status'] );
		self::assertSame( '3', (string) $post['menu_order'] );
		self::assertSame( '0', (string) $post['post_parent'] );

		self::assertSame( $sku, $this->raw_meta( $id, '_sku' ) );
		self::assertSame( '150000', $this->raw_meta( $id, '_regular_price' ) );
		self::assertSame( '120000', $this->raw_meta( $id, '_sale_price' ) );
		self::assertSame( '120000', $this->raw_meta( $id, '_price' ) );
		self::assertSame( (string) $from, $this->raw_meta( $id, '_sale_price_dates_from' ) );
		self::assertSame( (string) $to, $this->raw_meta( $id, '_sale_price_dates_to' ) );
		self::assertSame( 'yes', $this->raw_meta( $id, '_manage_stock' ) );
		self::assertEquals( 7, $this->raw_meta( $id, '_stock' ) );
		self::assertSame( 'instock', $this->raw_meta( $id, '_stock_status' ) );
		self::assertSame( 'no', $this->raw_meta( $id, '_backorders' ) );
		self::assertSame( '0.5', $this->raw_meta( $id, '_weight' ) );
		self::assertSame( '30', $this->raw_meta( $id, '_length' ) );
		self::assertSame( '20', $this->raw_meta( $id, '_width' ) );
		self::assertSame( '2', $this->raw_meta( $id, '_height' ) );
		self::assertSame( 'no', $this->raw_meta( $id, '_virtual' ) );
		self::assertSame( 'no', $this->raw_meta( $id, '_downloadable' ) );
		self::assertSame( 'taxable', $this->raw_meta( $id, '_tax_status' ) );
		self::assertSame( '', $this->raw_meta( $id, '_tax_class' ), '_tax_class must exist even when empty' );
		self::assertSame( '0', $this->raw_meta( $id, 'total_sales' ) );
		self::assertSame( WC_VERSION, $this->raw_meta( $id, '_product_version' ) );
		self::assertArrayNotHasKey( '_product_image_gallery', $this->meta_rows( $id ), 'empty gallery is not stored' );
		self::assertArrayNotHasKey( '_low_stock_amount', $this->meta_rows( $id ), 'empty low stock amount is not stored' );

		self::assertSame( array( 'simple' ), $this->term_slugs( $id, 'product_type' ) );
		self::assertSame( array( get_term( $category, 'product_cat' )->slug ), $this->term_slugs( $id, 'product_cat' ) );
		self::assertSame( array(), $this->term_slugs( $id, 'product_visibility' ) );

		$lookup = $this->lookup_row( $id );
		self::assertNotNull( $lookup, 'wc_product_meta_lookup row written on save' );
		self::assertSame( $sku, $lookup['sku'] );
		self::assertEquals( 120000, (float) $lookup['min_price'] );
		self::assertEquals( 120000, (float) $lookup['max_price'] );
		self::assertSame( '1', (string) $lookup['onsale'] );
		self::assertEquals( 7, (float) $lookup['stock_quantity'] );
		self::assertSame( 'instock', $lookup['stock_status'] );
		self::assertSame( 'taxable', $lookup['tax_status'] );
		self::assertSame( '', (string) $lookup['tax_class'] );
		self::assertSame( '0', (string) $lookup['virtual'] );
		self::assertSame( '0', (string) $lookup['total_sales'] );
	}

	public function test_read_back_through_wc_get_product(): void {
		$category = $this->category( 'Quần ' . wp_generate_password( 4, false ) );
		$sku      = $this->sku( 'RB' );
		$from     = time() - HOUR_IN_SECONDS;
		$id       = $this->simple_product(
			array(
				'name'              => 'Quần jean',
				'sku'               => $sku,
				'regular_price'     => '300000',
				'sale_price'        => '250000',
				'date_on_sale_from' => $from,
				'manage_stock'      => true,
				'stock_quantity'    => 4,
				'weight'            => '1.2',
				'category_ids'      => array( $category ),
			)
		)->get_id();

		$this->flush_caches();
		$product = wc_get_product( $id );
		self::assertInstanceOf( \WC_Product_Simple::class, $product );
		self::assertSame( array(), $product->get_meta_data(), 'a new product has no meta data beyond its props' );
		self::assertSame( 'simple', $product->get_type() );
		self::assertSame( $id, $product->get_id() );
		self::assertSame( 'Quần jean', $product->get_name() );
		self::assertSame( $sku, $product->get_sku() );
		self::assertSame( '300000', $product->get_regular_price() );
		self::assertSame( '250000', $product->get_sale_price() );
		self::assertSame( '250000', $product->get_price() );
		self::assertTrue( $product->is_on_sale() );
		self::assertSame( $from, $product->get_date_on_sale_from()->getTimestamp() );
		self::assertNull( $product->get_date_on_sale_to() );
		self::assertTrue( $product->get_manage_stock() );
		self::assertSame( 4, $product->get_stock_quantity() );
		self::assertSame( 'instock', $product->get_stock_status() );
		self::assertSame( '1.2', $product->get_weight() );
		self::assertSame( array( $category ), array_map( 'intval', $product->get_category_ids() ) );
		self::assertSame( 'publish', $product->get_status() );
		self::assertSame( 'visible', $product->get_catalog_visibility() );
		self::assertSame( 'taxable', $product->get_tax_status() );
		self::assertInstanceOf( \DateTimeInterface::class, $product->get_date_created() );
		self::assertInstanceOf( \DateTimeInterface::class, $product->get_date_modified() );
		self::assertFalse( $product->get_virtual() );
		self::assertSame( 0, $product->get_parent_id() );
	}

	public function test_out_of_stock_and_hidden_products_get_visibility_terms(): void {
		$id = $this->simple_product(
			array(
				'manage_stock'       => true,
				'stock_quantity'     => 0,
				'catalog_visibility' => 'hidden',
			)
		)->get_id();

		self::assertSame( 'outofstock', $this->raw_meta( $id, '_stock_status' ) );
		self::assertSame( array( 'exclude-from-catalog', 'exclude-from-search', 'outofstock' ), $this->term_slugs( $id, 'product_visibility' ) );
		self::assertSame( 'outofstock', $this->lookup_row( $id )['stock_status'] );

		$this->flush_caches();
		$product = wc_get_product( $id );
		self::assertSame( 'hidden', $product->get_catalog_visibility() );
		self::assertSame( 'outofstock', $product->get_stock_status() );
	}

	public function test_without_stock_management_quantity_is_dropped(): void {
		$id = $this->simple_product(
			array(
				'manage_stock'   => false,
				'stock_quantity' => 12,
			)
		)->get_id();

		self::assertSame( 'no', $this->raw_meta( $id, '_manage_stock' ) );
		self::assertNull( $this->lookup_row( $id )['stock_quantity'] );
		$this->flush_caches();
		self::assertNull( wc_get_product( $id )->get_stock_quantity() );
	}

	public function test_sale_price_not_below_regular_is_cleared_and_price_is_regular(): void {
		$id = $this->simple_product(
			array(
				'regular_price' => '100000',
				'sale_price'    => '100000',
			)
		)->get_id();

		$meta = $this->meta_rows( $id );
		self::assertTrue( ! isset( $meta['_sale_price'] ) || array( '' ) === $meta['_sale_price'], 'sale price cleared' );
		self::assertSame( '100000', $this->raw_meta( $id, '_price' ) );
		self::assertSame( '0', (string) $this->lookup_row( $id )['onsale'] );
	}

	public function test_future_sale_keeps_regular_price_active(): void {
		$id = $this->simple_product(
			array(
				'regular_price'     => '200000',
				'sale_price'        => '150000',
				'date_on_sale_from' => time() + 2 * DAY_IN_SECONDS,
			)
		)->get_id();

		self::assertSame( '200000', $this->raw_meta( $id, '_price' ) );
		self::assertSame( '150000', $this->raw_meta( $id, '_sale_price' ) );
		self::assertFalse( wc_get_product( $id )->is_on_sale() );
	}

	public function test_product_without_category_gets_the_default_category(): void {
		$default = (int) get_option( 'default_product_cat' );
		self::assertGreaterThan( 0, $default, 'WooCommerce creates a default product category on install' );
		$id = $this->simple_product()->get_id();
		self::assertSame( array( get_term( $default, 'product_cat' )->slug ), $this->term_slugs( $id, 'product_cat' ) );
	}

	public function test_images_and_gallery_are_stored_as_thumbnail_id_and_comma_list(): void {
		$image   = wp_insert_attachment( array( 'post_title' => 'img', 'post_mime_type' => 'image/jpeg', 'post_status' => 'inherit' ) );
		$image2  = wp_insert_attachment( array( 'post_title' => 'img2', 'post_mime_type' => 'image/jpeg', 'post_status' => 'inherit' ) );
		$image3  = wp_insert_attachment( array( 'post_title' => 'img3', 'post_mime_type' => 'image/jpeg', 'post_status' => 'inherit' ) );
		$id      = $this->simple_product(
			array(
				'image_id'          => $image,
				'gallery_image_ids' => array( $image2, $image3 ),
			)
		)->get_id();

		self::assertSame( (string) $image, $this->raw_meta( $id, '_thumbnail_id' ) );
		self::assertSame( $image2 . ',' . $image3, $this->raw_meta( $id, '_product_image_gallery' ) );
		$this->flush_caches();
		$product = wc_get_product( $id );
		self::assertSame( $image, (int) $product->get_image_id() );
		self::assertSame( array( $image2, $image3 ), array_map( 'intval', $product->get_gallery_image_ids() ) );
	}

	public function test_update_changes_only_what_changed_and_fires_update_hook(): void {
		$this->record( 'woocommerce_new_product' );
		$this->record( 'woocommerce_update_product' );
		$this->record( 'woocommerce_before_product_object_save' );
		$product = $this->simple_product( array( 'sku' => $this->sku( 'UP' ) ) );
		$id      = $product->get_id();
		self::assertCount( 1, $this->fired['woocommerce_new_product'] );
		self::assertSame( $id, (int) $this->fired['woocommerce_new_product'][0][0] );
		self::assertInstanceOf( \WC_Product::class, $this->fired['woocommerce_new_product'][0][1] );
		self::assertCount( 0, $this->fired['woocommerce_update_product'] );

		$product = wc_get_product( $id );
		$product->set_name( 'Tên mới' );
		$product->set_regular_price( '175000' );
		$product->update_meta_data( '_kvs_test_marker', 'abc' );
		$product->save();

		self::assertCount( 1, $this->fired['woocommerce_update_product'] );
		self::assertSame( $id, (int) $this->fired['woocommerce_update_product'][0][0] );
		self::assertCount( 2, $this->fired['woocommerce_before_product_object_save'] );
		self::assertSame( 'Tên mới', $this->post_row( $id )['post_title'] );
		self::assertSame( '175000', $this->raw_meta( $id, '_price' ) );
		self::assertEquals( 175000, (float) $this->lookup_row( $id )['min_price'] );
		self::assertSame( 'abc', $this->raw_meta( $id, '_kvs_test_marker' ) );

		$this->flush_caches();
		$again = wc_get_product( $id );
		self::assertSame( 'abc', $again->get_meta( '_kvs_test_marker' ) );
		$keys = array_map(
			static function ( $meta ) {
				return $meta->key;
			},
			$again->get_meta_data()
		);
		self::assertContains( '_kvs_test_marker', $keys );
		self::assertNotContains( '_sku', $keys, 'props never appear as meta data' );
		$again->delete_meta_data( '_kvs_test_marker' );
		$again->save();
		self::assertArrayNotHasKey( '_kvs_test_marker', $this->meta_rows( $id ) );
	}

	public function test_duplicate_sku_is_rejected_once_the_object_is_read(): void {
		$sku = $this->sku( 'DUP' );
		$this->simple_product( array( 'sku' => $sku ) );
		$other = $this->simple_product();
		$other = wc_get_product( $other->get_id() );
		$this->expectException( \WC_Data_Exception::class );
		$other->set_sku( $sku );
	}

	public function test_trash_and_force_delete(): void {
		$sku = $this->sku( 'DEL' );
		$id  = $this->simple_product( array( 'sku' => $sku ) )->get_id();
		self::assertSame( $id, wc_get_product_id_by_sku( $sku ) );

		$product = wc_get_product( $id );
		self::assertTrue( $product->delete() );
		self::assertSame( 0, $product->get_id(), 'the object forgets its id, even when only trashed' );
		self::assertSame( 'trash', $this->post_row( $id )['post_status'] );
		self::assertSame( 0, wc_get_product_id_by_sku( $sku ), 'trashed products are not found by SKU' );

		wc_get_product( $id )->delete( true );
		global $wpdb;
		self::assertNull( $wpdb->get_var( $wpdb->prepare( "SELECT ID FROM {$wpdb->posts} WHERE ID = %d", $id ) ) );
		self::assertFalse( wc_get_product( $id ) );
		self::assertSame( array(), $this->meta_rows( $id ) );
		self::assertNotNull( $this->lookup_row( $id ), 'without delete_posts WooCommerce leaves the lookup row behind' );
	}

	public function test_deleting_a_variable_product_as_a_user_who_can_delete_posts_removes_variations_and_lookup_rows(): void {
		$this->as_role( 'administrator' );
		$ids = $this->variable_product_with_variations();
		wc_get_product( $ids['parent'] )->delete( true );

		global $wpdb;
		foreach ( array( 'parent', 'v1', 'v2' ) as $key ) {
			self::assertNull( $wpdb->get_var( $wpdb->prepare( "SELECT ID FROM {$wpdb->posts} WHERE ID = %d", $ids[ $key ] ) ), "{$key} deleted" );
			self::assertNull( $this->lookup_row( $ids[ $key ] ), "{$key} lookup row deleted" );
		}
	}

	public function test_deleting_a_variable_product_without_the_capability_orphans_its_variations(): void {
		$ids = $this->variable_product_with_variations();
		wc_get_product( $ids['parent'] )->delete( true );

		self::assertSame( 'product_variation', get_post_type( $ids['v1'] ), 'no user: WooCommerce keeps the variations' );
		self::assertNotNull( $this->lookup_row( $ids['v1'] ) );
	}

	public function test_sale_dates_accept_timestamps_iso_strings_and_local_strings_only(): void {
		$expected = ( new \DateTimeImmutable( '2026-12-01T00:00:00+07:00' ) )->getTimestamp();

		$iso = $this->simple_product( array( 'sale_price' => '1000', 'date_on_sale_from' => '2026-12-01T00:00:00+07:00' ) );
		self::assertSame( (string) $expected, $this->raw_meta( $iso->get_id(), '_sale_price_dates_from' ) );

		// Strings without an offset are in the site's timezone (Asia/Ho_Chi_Minh on the local sites).
		self::assertSame( 'Asia/Ho_Chi_Minh', get_option( 'timezone_string' ) );
		$local = $this->simple_product( array( 'sale_price' => '1000', 'date_on_sale_to' => '2026-12-01 00:00:00' ) );
		self::assertSame( (string) $expected, $this->raw_meta( $local->get_id(), '_sale_price_dates_to' ) );
		$read = wc_get_product( $local->get_id() )->get_date_on_sale_to();
		self::assertInstanceOf( \WC_DateTime::class, $read );
		self::assertSame( $expected, $read->getTimestamp() );
		self::assertSame( '2026-12-01T00:00:00+07:00', (string) $read );

		$product = new \WC_Product_Simple();
		$this->expectException( \TypeError::class );
		$product->set_date_on_sale_from( new \DateTimeImmutable( '2026-12-01T00:00:00+07:00' ) ); // Convert to a timestamp first.
	}

	public function test_generic_meta_methods_flag_prop_keys_as_doing_it_wrong(): void {
		$sku     = $this->sku( 'MK' );
		$product = wc_get_product( $this->simple_product( array( 'sku' => $sku ) )->get_id() );
		$this->record( 'doing_it_wrong_run' );
		add_filter( 'doing_it_wrong_trigger_error', '__return_false' ); // Under WP_DEBUG it would be an E_USER_NOTICE.
		try {
			$value = $product->get_meta( '_sku' );
		} finally {
			remove_filter( 'doing_it_wrong_trigger_error', '__return_false' );
		}
		self::assertSame( $sku, $value, 'the getter answers' );
		self::assertCount( 1, $this->fired['doing_it_wrong_run'] );
		self::assertStringContainsString( '_sku', (string) $this->fired['doing_it_wrong_run'][0][1] );
	}
}
