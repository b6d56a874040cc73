<?php
/**
 * Parity: variable products, global/custom attributes and variations.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\WooSurface;

/**
 * Must pass on the stand-in and on real WooCommerce 8.9.
 */
final class VariableProductStorageTest extends WooSurfaceTestCase {

	public function test_attributes_are_stored_in_product_attributes_meta_and_terms(): void {
		$ids      = $this->variable_product_with_variations();
		$parent   = $ids['parent'];
		$taxonomy = $ids['taxonomy'];

		self::assertSame( array( 'variable' ), $this->term_slugs( $parent, 'product_type' ) );
		$stored = maybe_unserialize( $this->raw_meta( $parent, '_product_attributes' ) );
		self::assertSame(
			array(
				$taxonomy => array(
					'name'         => $taxonomy,
					'value'        => '',
					'position'     => 0,
					'is_visible'   => 1,
					'is_variation' => 1,
					'is_taxonomy'  => 1,
				),
				'kich-co'  => array(
					'name'         => 'Kích cỡ',
					'value'        => 'S | M',
					'position'     => 1,
					'is_visible'   => 1,
					'is_variation' => 1,
					'is_taxonomy'  => 0,
				),
			),
			$stored
		);
		$slugs = array( $ids['terms']['Đỏ']->slug, $ids['terms']['Xanh']->slug );
		sort( $slugs );
		self::assertSame( $slugs, $this->term_slugs( $parent, $taxonomy ) );
		self::assertSame( array( $taxonomy => $ids['terms']['Đỏ']->slug ), maybe_unserialize( $this->raw_meta( $parent, '_default_attributes' ) ) );
	}

	public function test_variations_are_product_variation_posts_with_attribute_meta(): void {
		$ids      = $this->variable_product_with_variations();
		$taxonomy = $ids['taxonomy'];
		$v1       = $ids['v1'];

		$post = $this->post_row( $v1 );
		self::assertSame( 'product_variation', $post['post_type'] );
		self::assertSame( (string) $ids['parent'], (string) $post['post_parent'] );
		self::assertSame( 'publish', $post['post_status'] );
		// Two attributes and one name with a dash ("kich-co"): the title stays the parent's title.
		self::assertSame( 'Áo khoác', $post['post_title'] );
		self::assertSame( 'Màu: Đỏ, Kích cỡ: S', $post['post_excerpt'] );

		self::assertSame( $ids['terms']['Đỏ']->slug, $this->raw_meta( $v1, 'attribute_' . $taxonomy ) );
		self::assertSame( 'S', $this->raw_meta( $v1, 'attribute_kich-co' ) );
		self::assertSame( $ids['sku'] . '-1', $this->raw_meta( $v1, '_sku' ) );
		self::assertSame( '100000', $this->raw_meta( $v1, '_regular_price' ) );
		self::assertSame( '100000', $this->raw_meta( $v1, '_price' ) );
		self::assertSame( 'yes', $this->raw_meta( $v1, '_manage_stock' ) );
		self::assertEquals( 3, $this->raw_meta( $v1, '_stock' ) );
		self::assertSame( 'instock', $this->raw_meta( $v1, '_stock_status' ) );
		self::assertSame( '', $this->raw_meta( $v1, '_variation_description' ) );
		self::assertSame( 'parent', $this->raw_meta( $v1, '_tax_class' ) );
		self::assertSame( array(), $this->term_slugs( $v1, 'product_type' ), 'variations have no product_type term' );
		self::assertSame( array(), $this->term_slugs( $v1, 'product_cat' ) );

		$lookup = $this->lookup_row( $v1 );
		self::assertSame( $ids['sku'] . '-1', $lookup['sku'] );
		self::assertEquals( 100000, (float) $lookup['min_price'] );
		self::assertEquals( 3, (float) $lookup['stock_quantity'] );

		$v2 = $this->lookup_row( $ids['v2'] );
		self::assertEquals( 110000, (float) $v2['min_price'] );
		self::assertSame( '1', (string) $v2['onsale'] );
	}

	public function test_sync_writes_one_price_row_per_child_price_on_the_parent(): void {
		$ids    = $this->variable_product_with_variations();
		$parent = $ids['parent'];

		$meta = $this->meta_rows( $parent );
		self::assertSame( array( '100000', '110000' ), $meta['_price'] );
		self::assertArrayNotHasKey( '_regular_price', $meta );
		self::assertArrayNotHasKey( '_sale_price', $meta );
		self::assertSame( 'instock', $this->raw_meta( $parent, '_stock_status' ) );

		$lookup = $this->lookup_row( $parent );
		self::assertEquals( 100000, (float) $lookup['min_price'] );
		self::assertEquals( 110000, (float) $lookup['max_price'] );
		self::assertSame( $ids['sku'], $lookup['sku'] );
	}

	public function test_read_back_parent_and_variations(): void {
		$ids      = $this->variable_product_with_variations();
		$taxonomy = $ids['taxonomy'];
		$this->flush_caches();

		$parent = wc_get_product( $ids['parent'] );
		self::assertInstanceOf( \WC_Product_Variable::class, $parent );
		self::assertSame( 'variable', $parent->get_type() );
		self::assertSame( array( $ids['v1'], $ids['v2'] ), array_map( 'intval', $parent->get_children() ) );
		self::assertSame( '100000', $parent->get_price() );
		self::assertTrue( $parent->is_on_sale() );

		$attributes = $parent->get_attributes();
		self::assertSame( array( $taxonomy, 'kich-co' ), array_keys( $attributes ) );
		self::assertInstanceOf( \WC_Product_Attribute::class, $attributes[ $taxonomy ] );
		self::assertTrue( $attributes[ $taxonomy ]->is_taxonomy() );
		self::assertSame( $taxonomy, $attributes[ $taxonomy ]->get_name() );
		self::assertSame(
			array( (int) $ids['terms']['Đỏ']->term_id, (int) $ids['terms']['Xanh']->term_id ),
			array_map( 'intval', $attributes[ $taxonomy ]->get_options() )
		);
		self::assertFalse( $attributes['kich-co']->is_taxonomy() );
		self::assertSame( 'Kích cỡ', $attributes['kich-co']->get_name() );
		self::assertSame( array( 'S', 'M' ), array_values( $attributes['kich-co']->get_options() ) );
		self::assertTrue( $attributes['kich-co']->get_variation() );
		self::assertSame( 1, $attributes['kich-co']['is_variation'] );

		self::assertSame(
			array(
				$taxonomy => array( $ids['terms']['Đỏ']->slug, $ids['terms']['Xanh']->slug ),
				'Kích cỡ'  => array( 'S', 'M' ),
			),
			array_map( 'array_values', $parent->get_variation_attributes() )
		);

		$v2 = wc_get_product( $ids['v2'] );
		self::assertInstanceOf( \WC_Product_Variation::class, $v2 );
		self::assertSame( 'variation', $v2->get_type() );
		self::assertSame( $ids['parent'], $v2->get_parent_id() );
		self::assertSame(
			array(
				$taxonomy => $ids['terms']['Xanh']->slug,
				'kich-co' => 'M',
			),
			$v2->get_attributes()
		);
		self::assertSame( $ids['sku'] . '-2', $v2->get_sku() );
		self::assertSame( '120000', $v2->get_regular_price() );
		self::assertSame( '110000', $v2->get_sale_price() );
		self::assertSame( '110000', $v2->get_price() );
		self::assertTrue( $v2->is_on_sale() );
		self::assertSame( 5, $v2->get_stock_quantity() );
		self::assertTrue( $v2->managing_stock() );
		self::assertSame( $ids['v2'], $v2->get_stock_managed_by_id() );
	}

	public function test_variation_hooks_and_stock_status_follow_children(): void {
		$this->record( 'woocommerce_new_product' );
		$this->record( 'woocommerce_new_product_variation' );
		$this->record( 'woocommerce_update_product_variation' );
		$this->record( 'woocommerce_before_product_object_save' );
		$ids = $this->variable_product_with_variations();

		$saved = array_map(
			static function ( array $args ): string {
				return get_class( $args[0] );
			},
			$this->fired['woocommerce_before_product_object_save']
		);
		self::assertContains( 'WC_Product_Variation', $saved, 'variations fire the product object hooks too' );
		self::assertContains( 'WC_Product_Variable', $saved );

		$new_products = array_map( 'intval', array_column( $this->fired['woocommerce_new_product'], 0 ) );
		self::assertContains( $ids['parent'], $new_products );
		self::assertNotContains( $ids['v1'], $new_products, 'variations fire woocommerce_new_product_variation instead' );
		self::assertSame( array( $ids['v1'], $ids['v2'] ), array_map( 'intval', array_column( $this->fired['woocommerce_new_product_variation'], 0 ) ) );

		foreach ( array( 'v1', 'v2' ) as $key ) {
			$variation = wc_get_product( $ids[ $key ] );
			$variation->set_stock_quantity( 0 );
			$variation->save();
		}
		self::assertSame( array( $ids['v1'], $ids['v2'] ), array_map( 'intval', array_column( $this->fired['woocommerce_update_product_variation'], 0 ) ) );
		self::assertSame( 'outofstock', $this->raw_meta( $ids['v1'], '_stock_status' ) );
		self::assertSame( array( 'outofstock' ), $this->term_slugs( $ids['v1'], 'product_visibility' ) );

		\WC_Product_Variable::sync( $ids['parent'] );
		self::assertSame( 'outofstock', $this->raw_meta( $ids['parent'], '_stock_status' ) );
		self::assertContains( 'outofstock', $this->term_slugs( $ids['parent'], 'product_visibility' ) );
	}

	public function test_variation_attribute_change_rewrites_meta(): void {
		$ids      = $this->variable_product_with_variations();
		$taxonomy = $ids['taxonomy'];
		$v1       = wc_get_product( $ids['v1'] );
		$v1->set_attributes( array( $taxonomy => $ids['terms']['Xanh']->slug ) );
		$v1->save();

		$meta = $this->meta_rows( $ids['v1'] );
		self::assertSame( array( $ids['terms']['Xanh']->slug ), $meta[ 'attribute_' . $taxonomy ] );
		self::assertArrayNotHasKey( 'attribute_kich-co', $meta, 'attributes no longer set are removed' );
		self::assertSame( 'Áo khoác - Xanh', $this->post_row( $ids['v1'] )['post_title'] );
	}

	public function test_wc_get_product_object_and_global_attribute_functions(): void {
		$slug      = 'sz' . strtolower( wp_generate_password( 5, false ) );
		$attribute = $this->create_attribute_taxonomy( 'Size', $slug, array( 'L' ) );
		self::assertSame( 'pa_' . $slug, wc_attribute_taxonomy_name( $slug ) );
		self::assertSame( $attribute['id'], wc_attribute_taxonomy_id_by_name( 'pa_' . $slug ) );
		self::assertSame( $attribute['id'], wc_attribute_taxonomy_id_by_name( $slug ) );
		$all = wc_get_attribute_taxonomies();
		self::assertArrayHasKey( 'id:' . $attribute['id'], $all );
		self::assertSame( $slug, $all[ 'id:' . $attribute['id'] ]->attribute_name );
		self::assertSame( 'Size', $all[ 'id:' . $attribute['id'] ]->attribute_label );
		self::assertSame( 0, wc_attribute_taxonomy_id_by_name( 'pa_does-not-exist' ) );

		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}woocommerce_attribute_taxonomies WHERE attribute_id = %d", $attribute['id'] ), ARRAY_A );
		self::assertSame( 'select', $row['attribute_type'] );
		self::assertSame( 'menu_order', $row['attribute_orderby'] );
		self::assertSame( '0', (string) $row['attribute_public'] );

		self::assertInstanceOf( \WC_Product_Simple::class, wc_get_product_object( 'simple' ) );
		self::assertInstanceOf( \WC_Product_Variable::class, wc_get_product_object( 'variable' ) );
		self::assertInstanceOf( \WC_Product_Variation::class, wc_get_product_object( 'variation' ) );
		self::assertSame( 0, wc_get_product_object( 'simple' )->get_id() );
	}

	public function test_wc_get_formatted_variation(): void {
		$ids       = $this->variable_product_with_variations();
		$variation = wc_get_product( $ids['v1'] );
		self::assertSame( 'Màu: Đỏ, Kích cỡ: S', wc_get_formatted_variation( $variation, true ) );
		self::assertSame( 'Đỏ, S', wc_get_formatted_variation( $variation, true, false ) );
		self::assertSame( '<dl class="variation"><dt>Màu:</dt><dd>Đỏ</dd><dt>Kích cỡ:</dt><dd>S</dd></dl>', wc_get_formatted_variation( $variation ) );
		self::assertSame(
			'Đỏ, S',
			wc_get_formatted_variation(
				array(
					'attribute_' . $ids['taxonomy'] => $ids['terms']['Đỏ']->slug,
					'attribute_kich-co'             => 'S',
				),
				true,
				false
			)
		);
	}
}
