<?php
/**
 * Parity: the "view" context getters run WooCommerce's woocommerce_{object}_get_{prop} filters.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\WooSurface;

/**
 * Must pass on the stand-in and on real WooCommerce 8.9.
 */
final class FilterPrefixTest extends WooSurfaceTestCase {

	/** @var array<int, array{0: string, 1: callable}> */
	private $filters = array();

	protected function tearDown(): void {
		foreach ( $this->filters as $filter ) {
			remove_filter( $filter[0], $filter[1] );
		}
		parent::tearDown();
	}

	private function suffix_filter( string $hook ): void {
		$callback = static function ( $value ) {
			return $value . '*';
		};
		add_filter( $hook, $callback );
		$this->filters[] = array( $hook, $callback );
	}

	public function test_view_context_filters_and_edit_context_raw_values(): void {
		$ids = $this->variable_product_with_variations();
		$this->suffix_filter( 'woocommerce_product_get_name' );
		$this->suffix_filter( 'woocommerce_product_variation_get_regular_price' );
		$this->suffix_filter( 'woocommerce_order_get_billing_phone' );
		$this->suffix_filter( 'woocommerce_order_get_payment_method' );

		$parent = wc_get_product( $ids['parent'] );
		self::assertSame( 'Áo khoác*', $parent->get_name() );
		self::assertSame( 'Áo khoác', $parent->get_name( 'edit' ) );

		$variation = wc_get_product( $ids['v1'] );
		self::assertSame( '100000*', $variation->get_regular_price() );
		self::assertSame( '100000', $variation->get_regular_price( 'edit' ) );

		$order = wc_create_order();
		$order->set_billing_phone( '0901' );
		$order->set_payment_method( 'cod' );
		self::assertSame( '0901*', $order->get_billing_phone() );
		self::assertSame( '0901', $order->get_billing_phone( 'edit' ) );
		self::assertSame( 'cod*', $order->get_payment_method() );
	}
}
