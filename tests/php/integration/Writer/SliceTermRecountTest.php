<?php
/**
 * An import run's worker slice recounts WooCommerce's category product counts once, when it ends, for every
 * batch it wrote; direct batches (webhooks, tests) still recount at their own end.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Writer;

use KiotVietSync\WooCommerce\ImporterCatalogWriter;

final class SliceTermRecountTest extends WriterTestCase {

	protected function setUp(): void {
		parent::setUp();
		if ( ! function_exists( '_wc_term_recount' ) ) {
			self::markTestSkipped( 'WooCommerce\'s category product counts (_wc_term_recount) are real WooCommerce only.' );
		}
		$this->importer->import_categories( $this->categories() );
	}

	public function test_batches_of_a_slice_are_counted_once_when_it_ends(): void {
		$writer = new ImporterCatalogWriter( $this->importer );
		$writer->import_batch( $this->family( 'POLO-' ), array(), $this->books(), $this->settings(), array() );
		$writer->import_batch( $this->family( 'DIELAC-' ), array(), $this->books(), $this->settings(), array() );
		$polo   = $this->category_of( 'POLO-' );
		$dielac = $this->category_of( 'DIELAC-' );
		self::assertSame( '', get_term_meta( $polo, 'product_count_product_cat', true ), 'not counted during the slice' );
		self::assertSame( '', get_term_meta( $dielac, 'product_count_product_cat', true ) );

		$writer->end_slice();
		wp_cache_flush();
		self::assertSame( (string) $this->visible_products_in( $polo ), get_term_meta( $polo, 'product_count_product_cat', true ) );
		self::assertSame( $this->products_assigned_to( $polo ), (int) get_term( $polo, 'product_cat' )->count, 'WordPress\'s own term count too' );
		self::assertSame( $this->products_assigned_to( $dielac ), (int) get_term( $dielac, 'product_cat' )->count );
		self::assertSame( (string) $this->visible_products_in( $dielac ), get_term_meta( $dielac, 'product_count_product_cat', true ) );
		self::assertGreaterThan( 0, $this->visible_products_in( $dielac ) );

		// The next slice starts empty: ending it again changes nothing and costs nothing.
		global $wpdb;
		$before = $wpdb->num_queries;
		$writer->end_slice();
		self::assertSame( $before, $wpdb->num_queries );
	}

	public function test_a_batch_outside_a_slice_counts_at_its_own_end(): void {
		$this->importer->import_batch( $this->family( 'POLO-' ), array(), $this->books(), $this->settings() );
		$polo = $this->category_of( 'POLO-' );
		wp_cache_flush();
		self::assertSame( (string) $this->visible_products_in( $polo ), get_term_meta( $polo, 'product_count_product_cat', true ) );
		self::assertSame( $this->products_assigned_to( $polo ), (int) get_term( $polo, 'product_cat' )->count );
		self::assertGreaterThan( 0, $this->products_assigned_to( $polo ) );
	}

	/** Published objects assigned to the term itself: WordPress's `count` (_update_post_term_count). */
	private function products_assigned_to( int $term_id ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->term_relationships} tr JOIN {$wpdb->term_taxonomy} tt ON tt.term_taxonomy_id = tr.term_taxonomy_id JOIN {$wpdb->posts} p ON p.ID = tr.object_id WHERE tt.term_id = %d AND tt.taxonomy = 'product_cat' AND p.post_status = 'publish'", $term_id ) );
	}

	private function category_of( string $prefix ): int {
		$product = $this->product_by_code( $this->family( $prefix )[0]->code() );
		$parent  = $product->get_parent_id() > 0 ? wc_get_product( $product->get_parent_id() ) : $product;
		$ids     = $parent->get_category_ids();
		self::assertNotSame( array(), $ids, $prefix . ' has a category' );
		return (int) $ids[0];
	}

	/** Published products in the category (or its children), what WooCommerce's recount counts here. */
	private function visible_products_in( int $term_id ): int {
		$ids = array_merge( array( $term_id ), array_map( 'intval', get_term_children( $term_id, 'product_cat' ) ) );
		return count(
			get_posts(
				array(
					'post_type'      => 'product',
					'post_status'    => 'publish',
					'fields'         => 'ids',
					'posts_per_page' => -1,
					'tax_query'      => array( array( 'taxonomy' => 'product_cat', 'terms' => $ids, 'include_children' => false ) ), // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_tax_query -- Test.
				)
			)
		);
	}
}
