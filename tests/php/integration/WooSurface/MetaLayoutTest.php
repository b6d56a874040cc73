<?php
/**
 * Parity: the exact set of post meta keys WooCommerce writes for new products and variations.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\WooSurface;

/**
 * Must pass on the stand-in and on real WooCommerce 8.9: a missing or extra key means the stand-in
 * stores products differently from WooCommerce.
 */
final class MetaLayoutTest extends WooSurfaceTestCase {

	public function test_meta_keys_of_a_new_simple_product(): void {
		$id = $this->simple_product(
			array(
				'sku'            => $this->sku( 'ML' ),
				'regular_price'  => '150000',
				'sale_price'     => '120000',
				'manage_stock'   => true,
				'stock_quantity' => 7,
			)
		)->get_id();

		$keys = array_keys( $this->meta_rows( $id ) );
		sort( $keys );
		self::assertSame(
			array( '_backorders', '_download_expiry', '_download_limit', '_downloadable', '_manage_stock', '_price', '_product_version', '_regular_price', '_sale_price', '_sku', '_sold_individually', '_stock', '_stock_status', '_tax_class', '_tax_status', '_virtual', '_wc_average_rating', '_wc_review_count', 'total_sales' ),
			$keys
		);
		self::assertSame( '-1', $this->raw_meta( $id, '_download_limit' ) );
		self::assertSame( 'no', $this->raw_meta( $id, '_sold_individually' ) );
		self::assertSame( '0', $this->raw_meta( $id, '_wc_average_rating' ) );
		self::assertSame( '0', $this->raw_meta( $id, '_wc_review_count' ) );
	}

	public function test_meta_keys_of_a_simple_product_without_stock_or_prices(): void {
		$product = new \WC_Product_Simple();
		$product->set_name( 'Chỉ có tên' );
		$product->save();
		$id = $product->get_id();

		$meta = $this->meta_rows( $id );
		$keys = array_keys( $meta );
		sort( $keys );
		self::assertSame(
			array( '_backorders', '_download_expiry', '_download_limit', '_downloadable', '_manage_stock', '_product_version', '_sold_individually', '_stock', '_stock_status', '_tax_class', '_tax_status', '_virtual', '_wc_average_rating', '_wc_review_count', 'total_sales' ),
			$keys,
			'no _price row without a price'
		);
		self::assertSame( array( null ), $meta['_stock'], 'unmanaged stock is a NULL _stock row' );
		self::assertSame( 'publish', $this->post_row( $id )['post_status'], 'new products default to publish' );
		self::assertEquals( 0.0, (float) $this->lookup_row( $id )['min_price'], 'no price: the lookup row holds 0' );
	}

	public function test_meta_keys_of_variable_parent_and_variation(): void {
		$ids = $this->variable_product_with_variations();

		$parent = array_keys( $this->meta_rows( $ids['parent'] ) );
		sort( $parent );
		self::assertSame(
			array( '_backorders', '_default_attributes', '_download_expiry', '_download_limit', '_downloadable', '_manage_stock', '_price', '_product_attributes', '_product_version', '_sku', '_sold_individually', '_stock', '_stock_status', '_tax_class', '_tax_status', '_virtual', '_wc_average_rating', '_wc_review_count', 'total_sales' ),
			$parent
		);

		$variation = array_keys( $this->meta_rows( $ids['v1'] ) );
		sort( $variation );
		$expected = array( '_backorders', '_download_expiry', '_download_limit', '_downloadable', '_manage_stock', '_price', '_product_version', '_regular_price', '_sku', '_sold_individually', '_stock', '_stock_status', '_tax_class', '_tax_status', '_variation_description', '_virtual', '_wc_average_rating', '_wc_review_count', 'attribute_' . $ids['taxonomy'], 'attribute_kich-co', 'total_sales' );
		sort( $expected );
		self::assertSame( $expected, $variation );
	}
}
