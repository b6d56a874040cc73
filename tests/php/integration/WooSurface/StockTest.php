<?php
/**
 * Parity: wc_update_product_stock() and its hooks.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\WooSurface;

/**
 * Must pass on the stand-in and on real WooCommerce 8.9.
 */
final class StockTest extends WooSurfaceTestCase {

	public function test_set_decrease_increase_and_lookup(): void {
		$this->record( 'woocommerce_product_set_stock' );
		$this->record( 'woocommerce_product_set_stock_status' );
		$id = $this->simple_product(
			array(
				'manage_stock'   => true,
				'stock_quantity' => 10,
			)
		)->get_id();
		$this->fired['woocommerce_product_set_stock'] = array(); // Ignore the creation.

		self::assertSame( 4, wc_update_product_stock( $id, 4, 'set' ) );
		self::assertSame( '4.000000', $this->raw_meta( $id, '_stock' ), 'WooCommerce writes the new stock with SQL %f' );
		self::assertEquals( 4, (float) $this->lookup_row( $id )['stock_quantity'] );
		self::assertCount( 1, $this->fired['woocommerce_product_set_stock'] );
		self::assertInstanceOf( \WC_Product::class, $this->fired['woocommerce_product_set_stock'][0][0] );
		self::assertSame( $id, $this->fired['woocommerce_product_set_stock'][0][0]->get_id() );

		self::assertSame( 1, wc_update_product_stock( wc_get_product( $id ), 3, 'decrease' ) );
		self::assertSame( '1', $this->raw_meta( $id, '_stock' ), 'decrease is meta_value - 3.000000 in SQL' );
		self::assertSame( 6, wc_update_product_stock( $id, 5, 'increase' ) );
		self::assertEquals( 6, (float) $this->raw_meta( $id, '_stock' ) );
		$this->flush_caches();
		self::assertSame( 6, wc_get_product( $id )->get_stock_quantity() );

		$this->fired['woocommerce_product_set_stock_status'] = array();
		self::assertSame( 0, wc_update_product_stock( $id, 0, 'set' ) );
		self::assertSame( 'outofstock', $this->raw_meta( $id, '_stock_status' ) );
		self::assertContains( 'outofstock', $this->term_slugs( $id, 'product_visibility' ) );
		self::assertSame( 'outofstock', $this->lookup_row( $id )['stock_status'] );
		self::assertCount( 1, $this->fired['woocommerce_product_set_stock_status'] );
		self::assertSame( 'outofstock', $this->fired['woocommerce_product_set_stock_status'][0][1] );
	}

	public function test_product_save_with_new_quantity_fires_set_stock(): void {
		$this->record( 'woocommerce_product_set_stock' );
		$product = $this->simple_product(
			array(
				'manage_stock'   => true,
				'stock_quantity' => 2,
			)
		);
		$product = wc_get_product( $product->get_id() );
		$this->fired['woocommerce_product_set_stock'] = array();
		$product->set_stock_quantity( 9 );
		$product->save();
		self::assertCount( 1, $this->fired['woocommerce_product_set_stock'] );
		self::assertEquals( 9, $this->raw_meta( $product->get_id(), '_stock' ) );
	}

	public function test_unmanaged_product_is_not_changed(): void {
		$id = $this->simple_product( array( 'manage_stock' => false ) )->get_id();
		self::assertNull( wc_update_product_stock( $id, 5, 'set' ) );
		self::assertNull( $this->lookup_row( $id )['stock_quantity'] );
		self::assertFalse( wc_update_product_stock( 999999999, 5 ) );
	}

	public function test_variation_stock_fires_variation_hook(): void {
		$ids = $this->variable_product_with_variations();
		$this->record( 'woocommerce_variation_set_stock' );
		$this->record( 'woocommerce_product_set_stock' );

		self::assertSame( 1, wc_update_product_stock( $ids['v1'], 2, 'decrease' ) );
		self::assertCount( 1, $this->fired['woocommerce_variation_set_stock'] );
		self::assertSame( $ids['v1'], $this->fired['woocommerce_variation_set_stock'][0][0]->get_id() );
		self::assertCount( 0, $this->fired['woocommerce_product_set_stock'] );
		self::assertEquals( 1, (float) $this->raw_meta( $ids['v1'], '_stock' ) );
		self::assertEquals( 1, (float) $this->lookup_row( $ids['v1'] )['stock_quantity'] );
	}

	public function test_variation_without_own_stock_uses_the_parent_stock(): void {
		$ids    = $this->variable_product_with_variations();
		$parent = wc_get_product( $ids['parent'] );
		$parent->set_manage_stock( true );
		$parent->set_stock_quantity( 10 );
		$parent->save();
		$variation = wc_get_product( $ids['v1'] );
		$variation->set_manage_stock( false );
		$variation->save();

		$this->flush_caches();
		$variation = wc_get_product( $ids['v1'] );
		self::assertSame( 'parent', $variation->get_manage_stock() );
		self::assertFalse( $variation->get_manage_stock( 'edit' ) );
		self::assertSame( 'parent', $variation->managing_stock(), 'managing_stock() returns get_manage_stock(), not a bool' );
		self::assertSame( $ids['parent'], $variation->get_stock_managed_by_id() );
		self::assertSame( 'no', $this->raw_meta( $ids['v1'], '_manage_stock' ) );

		self::assertSame( 7, wc_update_product_stock( $variation, 3, 'decrease' ) );
		self::assertEquals( 7, (float) $this->raw_meta( $ids['parent'], '_stock' ) );
		$this->flush_caches();
		self::assertSame( 7, wc_get_product( $ids['parent'] )->get_stock_quantity() );
	}
}
