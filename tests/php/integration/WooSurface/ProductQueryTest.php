<?php
/**
 * Parity: SKU lookups and wc_get_products() filters.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\WooSurface;

/**
 * Must pass on the stand-in and on real WooCommerce 8.9.
 */
final class ProductQueryTest extends WooSurfaceTestCase {

	public function test_product_id_by_sku_is_exact_and_covers_variations(): void {
		$sku    = $this->sku( 'Q' );
		$simple = $this->simple_product( array( 'sku' => $sku ) )->get_id();
		$this->simple_product( array( 'sku' => $sku . '-X' ) );
		$ids = $this->variable_product_with_variations();

		self::assertSame( $simple, wc_get_product_id_by_sku( $sku ) );
		self::assertSame( $ids['v2'], wc_get_product_id_by_sku( $ids['sku'] . '-2' ) );
		self::assertSame( $ids['parent'], wc_get_product_id_by_sku( $ids['sku'] ) );
		self::assertSame( 0, wc_get_product_id_by_sku( 'NO-SUCH-' . $sku ) );
	}

	public function test_wc_get_products_filters(): void {
		$prefix = $this->sku( 'F' );
		$a      = $this->simple_product( array( 'sku' => $prefix . '-A' ) )->get_id();
		$b      = $this->simple_product( array( 'sku' => $prefix . '-B', 'status' => 'draft' ) )->get_id();
		$c      = $this->simple_product( array( 'sku' => $prefix . '-C', 'status' => 'private' ) )->get_id();
		$trash  = $this->simple_product( array( 'sku' => $prefix . '-T' ) );
		$trash->delete();
		$ids = $this->variable_product_with_variations();

		$found = wc_get_products(
			array(
				'sku'    => $prefix,
				'limit'  => -1,
				'return' => 'ids',
			)
		);
		sort( $found );
		self::assertSame( array( $a, $b, $c ), $found, 'sku matches as LIKE; default statuses exclude trash' );

		self::assertSame(
			array( $a ),
			wc_get_products(
				array(
					'sku'    => $prefix,
					'status' => 'publish',
					'return' => 'ids',
				)
			)
		);
		self::assertSame(
			array( $b ),
			wc_get_products(
				array(
					'sku'    => $prefix,
					'status' => array( 'draft' ),
					'return' => 'ids',
				)
			)
		);

		$objects = wc_get_products(
			array(
				'include' => array( $a, $ids['parent'] ),
				'orderby' => 'ID',
				'order'   => 'ASC',
			)
		);
		self::assertCount( 2, $objects );
		self::assertInstanceOf( \WC_Product_Simple::class, $objects[0] );
		self::assertInstanceOf( \WC_Product_Variable::class, $objects[1] );

		self::assertSame(
			array( $ids['parent'] ),
			wc_get_products(
				array(
					'include' => array( $a, $b, $ids['parent'] ),
					'type'    => 'variable',
					'return'  => 'ids',
				)
			)
		);
		self::assertSame(
			array( $a, $c ),
			wc_get_products(
				array(
					'sku'     => $prefix,
					'exclude' => array( $b ),
					'orderby' => 'ID',
					'order'   => 'ASC',
					'return'  => 'ids',
				)
			)
		);

		$variations = wc_get_products(
			array(
				'type'    => 'variation',
				'parent'  => $ids['parent'],
				'orderby' => 'ID',
				'order'   => 'ASC',
				'return'  => 'ids',
			)
		);
		self::assertSame( array( $ids['v1'], $ids['v2'] ), $variations );
		self::assertSame( array(), wc_get_products( array( 'include' => array( $ids['v1'] ), 'return' => 'ids' ) ), 'default types exclude variations' );
	}

	public function test_wc_get_products_pagination_and_meta(): void {
		$prefix  = $this->sku( 'P' );
		$created = array();
		for ( $i = 1; $i <= 5; $i++ ) {
			$product = $this->simple_product( array( 'sku' => $prefix . '-' . $i ) );
			$product->update_meta_data( '_kvs_page_test', $prefix );
			$product->save();
			$created[] = $product->get_id();
		}

		$page = wc_get_products(
			array(
				'include'  => $created,
				'limit'    => 2,
				'page'     => 2,
				'orderby'  => 'ID',
				'order'    => 'ASC',
				'paginate' => true,
				'return'   => 'ids',
			)
		);
		self::assertIsObject( $page );
		self::assertSame( 5, (int) $page->total );
		self::assertSame( 3, (int) $page->max_num_pages );
		self::assertSame( array( $created[2], $created[3] ), $page->products );

		$by_meta = wc_get_products(
			array(
				'meta_key'   => '_kvs_page_test',
				'meta_value' => $prefix,
				'limit'      => -1,
				'orderby'    => 'ID',
				'order'      => 'ASC',
				'return'     => 'ids',
			)
		);
		self::assertSame( $created, $by_meta );
	}

	public function test_wc_get_products_by_category_tag_and_stock_status(): void {
		$prefix   = $this->sku( 'CT' );
		$category = $this->category( 'Giày ' . $prefix );
		$tag      = wp_insert_term( 'sale-' . strtolower( $prefix ), 'product_tag' );
		self::assertIsArray( $tag );
		$in_cat   = $this->simple_product(
			array(
				'sku'          => $prefix . '-1',
				'category_ids' => array( $category ),
				'tag_ids'      => array( (int) $tag['term_id'] ),
			)
		)->get_id();
		$sold_out = $this->simple_product(
			array(
				'sku'            => $prefix . '-2',
				'manage_stock'   => true,
				'stock_quantity' => 0,
			)
		)->get_id();

		$slug = get_term( $category, 'product_cat' )->slug;
		self::assertSame( array( $in_cat ), wc_get_products( array( 'category' => array( $slug ), 'return' => 'ids' ) ) );
		self::assertSame( array( $in_cat ), wc_get_products( array( 'tag' => array( get_term( (int) $tag['term_id'], 'product_tag' )->slug ), 'return' => 'ids' ) ) );
		self::assertSame(
			array( $sold_out ),
			wc_get_products(
				array(
					'sku'          => $prefix,
					'stock_status' => 'outofstock',
					'return'       => 'ids',
				)
			)
		);
		self::assertSame( array( (int) $tag['term_id'] ), array_map( 'intval', wc_get_product( $in_cat )->get_tag_ids() ) );
		self::assertSame( array( get_term( (int) $tag['term_id'], 'product_tag' )->slug ), $this->term_slugs( $in_cat, 'product_tag' ) );
	}

	public function test_wc_get_product_rejects_non_products(): void {
		$page = wp_insert_post(
			array(
				'post_type'   => 'page',
				'post_title'  => 'Not a product',
				'post_status' => 'publish',
			)
		);
		self::assertFalse( wc_get_product( $page ) );
		self::assertFalse( wc_get_product( 999999999 ) );
	}
}
