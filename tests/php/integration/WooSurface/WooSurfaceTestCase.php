<?php
/**
 * Helpers shared by the WooCommerce surface parity tests.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\WooSurface;

use KiotVietSync\Tests\Integration\TestCase;

/**
 * Raw-database readers and product builders; every assertion made through them must hold on the
 * stand-in and on real WooCommerce 8.9.
 */
abstract class WooSurfaceTestCase extends TestCase {

	/** @var array<string, array<int, array>> hook name => list of argument lists */
	protected $fired = array();

	/** @var array<int, array{0: string, 1: \Closure}> */
	private $recorders = array();

	protected function setUp(): void {
		parent::setUp();
		$this->fired = array();
	}

	/**
	 * Records every call of a hook for the rest of the test.
	 *
	 * @param string $hook Hook.
	 */
	protected function record( string $hook ): void {
		$this->fired[ $hook ] = array();
		$recorder             = function ( ...$args ) use ( $hook ) {
			$this->fired[ $hook ][] = $args;
		};
		add_action( $hook, $recorder, 10, 5 );
		$this->recorders[] = array( $hook, $recorder );
	}

	/**
	 * Removes the recorders added by this test.
	 */
	protected function tearDown(): void {
		foreach ( $this->recorders as $recorder ) {
			remove_action( $recorder[0], $recorder[1], 10 );
		}
		$this->recorders = array();
		parent::tearDown();
	}

	/**
	 * The wp_posts row.
	 *
	 * @return array<string, string>
	 */
	protected function post_row( int $id ): array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->posts} WHERE ID = %d", $id ), ARRAY_A );
		self::assertIsArray( $row, "post {$id} exists" );
		return $row;
	}

	/**
	 * All meta rows of a post: key => list of raw values (as in the database).
	 *
	 * @return array<string, array<int, string|null>>
	 */
	protected function meta_rows( int $id ): array {
		global $wpdb;
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT meta_key, meta_value FROM {$wpdb->postmeta} WHERE post_id = %d ORDER BY meta_id", $id ), ARRAY_A );
		$meta = array();
		foreach ( $rows as $row ) {
			$meta[ $row['meta_key'] ][] = $row['meta_value'];
		}
		return $meta;
	}

	/**
	 * One raw meta value (asserting exactly one row).
	 */
	protected function raw_meta( int $id, string $key ): ?string {
		$meta = $this->meta_rows( $id );
		self::assertArrayHasKey( $key, $meta, "meta {$key} of post {$id}" );
		self::assertCount( 1, $meta[ $key ], "one {$key} row" );
		return $meta[ $key ][0];
	}

	/**
	 * Term slugs of a post in a taxonomy, straight from the relationship tables.
	 *
	 * @return string[]
	 */
	protected function term_slugs( int $id, string $taxonomy ): array {
		global $wpdb;
		$slugs = $wpdb->get_col(
			$wpdb->prepare(
				"SELECT t.slug FROM {$wpdb->term_relationships} tr
				INNER JOIN {$wpdb->term_taxonomy} tt ON tt.term_taxonomy_id = tr.term_taxonomy_id
				INNER JOIN {$wpdb->terms} t ON t.term_id = tt.term_id
				WHERE tr.object_id = %d AND tt.taxonomy = %s ORDER BY t.slug",
				$id,
				$taxonomy
			)
		);
		return array_map( 'strval', $slugs );
	}

	/**
	 * The wc_product_meta_lookup row.
	 *
	 * @return array<string, string|null>|null
	 */
	protected function lookup_row( int $id ): ?array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}wc_product_meta_lookup WHERE product_id = %d", $id ), ARRAY_A );
		return is_array( $row ) ? $row : null;
	}

	/**
	 * A product category term id (created inside the transaction).
	 */
	protected function category( string $name ): int {
		$term = wp_insert_term( $name, 'product_cat' );
		self::assertIsArray( $term, 'category created' );
		return (int) $term['term_id'];
	}

	/**
	 * A unique SKU for this run.
	 */
	protected function sku( string $prefix ): string {
		return $prefix . '-' . strtoupper( wp_generate_password( 8, false ) );
	}

	/**
	 * A saved simple product.
	 *
	 * @param array<string, mixed> $props Props for set_props().
	 */
	protected function simple_product( array $props = array() ): \WC_Product_Simple {
		$product = new \WC_Product_Simple();
		$result  = $product->set_props(
			array_merge(
				array(
					'name'          => 'Áo thun',
					'regular_price' => '150000',
					'status'        => 'publish',
				),
				$props
			)
		);
		self::assertTrue( true === $result, 'set_props accepted the props' );
		$product->save();
		self::assertGreaterThan( 0, $product->get_id() );
		return $product;
	}

	/**
	 * Variable product with a global attribute pa_{slug} (two colours) and a custom "Kích cỡ" attribute,
	 * plus two variations. Returns ids and the attribute data.
	 *
	 * @return array{parent: int, v1: int, v2: int, taxonomy: string, terms: array<string, \WP_Term>, sku: string}
	 */
	protected function variable_product_with_variations(): array {
		$slug      = 'mau' . strtolower( wp_generate_password( 5, false ) );
		$attribute = $this->create_attribute_taxonomy( 'Màu', $slug, array( 'Đỏ', 'Xanh' ) );
		$taxonomy  = $attribute['taxonomy'];
		$red       = $attribute['terms']['Đỏ'];
		$blue      = $attribute['terms']['Xanh'];

		$color = new \WC_Product_Attribute();
		$color->set_id( $attribute['id'] );
		$color->set_name( $taxonomy );
		$color->set_options( array( (int) $red->term_id, (int) $blue->term_id ) );
		$color->set_position( 0 );
		$color->set_visible( true );
		$color->set_variation( true );

		$size = new \WC_Product_Attribute();
		$size->set_id( 0 );
		$size->set_name( 'Kích cỡ' );
		$size->set_options( array( 'S', 'M' ) );
		$size->set_position( 1 );
		$size->set_visible( true );
		$size->set_variation( true );

		$sku    = $this->sku( 'VAR' );
		$parent = new \WC_Product_Variable();
		$parent->set_name( 'Áo khoác' );
		$parent->set_sku( $sku );
		$parent->set_status( 'publish' );
		$parent->set_attributes( array( $color, $size ) );
		$parent->set_default_attributes( array( $taxonomy => $red->slug ) );
		$parent->save();

		$v1 = new \WC_Product_Variation();
		$v1->set_parent_id( $parent->get_id() );
		$v1->set_attributes(
			array(
				$taxonomy => $red->slug,
				'kich-co' => 'S',
			)
		);
		$v1->set_sku( $sku . '-1' );
		$v1->set_regular_price( '100000' );
		$v1->set_manage_stock( true );
		$v1->set_stock_quantity( 3 );
		$v1->save();

		$v2 = new \WC_Product_Variation();
		$v2->set_parent_id( $parent->get_id() );
		$v2->set_attributes(
			array(
				$taxonomy => $blue->slug,
				'kich-co' => 'M',
			)
		);
		$v2->set_sku( $sku . '-2' );
		$v2->set_regular_price( '120000' );
		$v2->set_sale_price( '110000' );
		$v2->set_manage_stock( true );
		$v2->set_stock_quantity( 5 );
		$v2->save();

		\WC_Product_Variable::sync( $parent->get_id() );

		return array(
			'parent'   => $parent->get_id(),
			'v1'       => $v1->get_id(),
			'v2'       => $v2->get_id(),
			'taxonomy' => $taxonomy,
			'terms'    => $attribute['terms'],
			'sku'      => $sku,
		);
	}
}
