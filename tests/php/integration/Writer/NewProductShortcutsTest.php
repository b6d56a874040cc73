<?php
/**
 * The lookups an import batch answers once (NewProductShortcuts) give the answers WordPress/WooCommerce would
 * have found, and fall back to them whenever the shortcut's condition does not hold.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Writer;

use KiotVietSync\WooCommerce\NewProductMetaBuffer;
use KiotVietSync\WooCommerce\NewProductShortcuts;

final class NewProductShortcutsTest extends WriterTestCase {

	private NewProductMetaBuffer $buffer;

	private NewProductShortcuts $shortcuts;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$this->buffer    = new NewProductMetaBuffer( $wpdb );
		$this->shortcuts = new NewProductShortcuts( $wpdb, $this->buffer );
	}

	protected function tearDown(): void {
		$this->shortcuts->stop();
		$this->buffer->stop();
		NewProductShortcuts::forget_all_terms();
		parent::tearDown();
	}

	private function start(): void {
		$this->buffer->start();
		$this->shortcuts->start();
	}

	public function test_term_exists_is_asked_once_and_a_term_created_meanwhile_is_seen(): void {
		global $wpdb;
		$this->start();
		self::assertNull( term_exists( 'kvs-shortcut-cat', 'product_cat' ) );
		$before = $wpdb->num_queries;
		self::assertNull( term_exists( 'kvs-shortcut-cat', 'product_cat' ) );
		self::assertSame( $before, $wpdb->num_queries, 'the same question is answered without a query' );

		$created = wp_insert_term( 'kvs-shortcut-cat', 'product_cat' );
		self::assertIsArray( $created );
		$found = term_exists( 'kvs-shortcut-cat', 'product_cat' );
		self::assertIsArray( $found, 'a term created in the batch exists from then on' );
		self::assertSame( (string) $created['term_id'], $found['term_id'] );

		wp_delete_term( (int) $created['term_id'], 'product_cat' );
		self::assertNull( term_exists( 'kvs-shortcut-cat', 'product_cat' ), 'a deleted term is gone' );
		self::assertGreaterThan( 0, $this->shortcuts->taken()['term_exists'] ?? 0 );
	}

	public function test_a_term_recount_keeps_the_answers_and_a_rolled_back_term_is_forgotten(): void {
		global $wpdb;
		$this->start();
		$term = wp_insert_term( 'kvs-shortcut-count', 'product_cat' );
		self::assertIsArray( $term );
		self::assertIsArray( term_exists( (int) $term['term_id'], 'product_cat' ) );
		wp_update_term_count_now( array( (int) $term['term_taxonomy_id'] ), 'product_cat' );
		$before = $wpdb->num_queries;
		self::assertIsArray( term_exists( (int) $term['term_id'], 'product_cat' ) );
		self::assertSame( $before, $wpdb->num_queries, 'a recount does not invalidate existence' );

		$wpdb->query( 'SAVEPOINT kvs_shortcut_item' );
		$gone = wp_insert_term( 'kvs-shortcut-rolled-back', 'product_cat' );
		self::assertIsArray( $gone );
		self::assertIsArray( term_exists( 'kvs-shortcut-rolled-back', 'product_cat' ) );
		$wpdb->query( 'ROLLBACK TO SAVEPOINT kvs_shortcut_item' );
		NewProductShortcuts::forget_all_terms(); // What the importer does after an item or batch rollback.
		wp_cache_flush();
		self::assertNull( term_exists( 'kvs-shortcut-rolled-back', 'product_cat' ) );
	}

	public function test_new_product_terms_read_back_as_written_without_a_query(): void {
		global $wpdb;
		$cat = wp_insert_term( 'kvs-shortcut-rel', 'product_cat' );
		self::assertIsArray( $cat );
		$this->start();
		$product = new \WC_Product_Simple();
		$product->set_name( 'Relationship probe' );
		$product->set_category_ids( array( (int) $cat['term_id'] ) );
		$product->save();
		$id = $product->get_id();
		self::assertTrue( $this->buffer->is_created( $id ) );

		self::assertSame( array( (int) $cat['term_id'] ), wp_cache_get( $id, 'product_cat_relationships' ), 'the batch filled the relationship cache' );
		$terms = get_the_terms( $id, 'product_cat' );
		$type  = get_the_terms( $id, 'product_type' );
		self::assertSame( array( (int) $cat['term_id'] ), wp_list_pluck( (array) $terms, 'term_id' ) );
		self::assertSame( array( 'simple' ), wp_list_pluck( (array) $type, 'slug' ) );

		// The database says the same.
		wp_cache_delete( $id, 'product_cat_relationships' );
		self::assertSame( array( (int) $cat['term_id'] ), array_map( 'intval', wp_get_object_terms( $id, 'product_cat', array( 'fields' => 'ids' ) ) ) );
	}

	public function test_trashed_post_with_the_slug_is_still_renamed_and_no_trash_skips_the_lookup(): void {
		global $wpdb;
		$wpdb->query( "DELETE FROM {$wpdb->posts} WHERE post_status = 'trash'" );
		$this->start();
		$first = new \WC_Product_Simple();
		$first->set_name( 'Ao thun shortcut' );
		$first->save();
		self::assertSame( 'ao-thun-shortcut', get_post_field( 'post_name', $first->get_id() ) );
		self::assertSame( 1, $this->shortcuts->taken()['trashed_suffix'] ?? 0, 'no trashed post: no lookup' );
		$this->shortcuts->stop();

		// An old trashed post still holding the slug (trashed before WordPress renamed on trash).
		$trashed = wp_insert_post(
			array(
				'post_type'   => 'product',
				'post_title'  => 'Quan jean shortcut',
				'post_name'   => 'quan-jean-shortcut',
				'post_status' => 'trash',
			)
		);
		self::assertSame( 'quan-jean-shortcut', get_post_field( 'post_name', $trashed ) );
		$shortcuts = new NewProductShortcuts( $wpdb, $this->buffer );
		$shortcuts->start();
		$second = new \WC_Product_Simple();
		$second->set_name( 'Quan jean shortcut' );
		$second->save();
		$shortcuts->stop();
		clean_post_cache( $trashed );
		self::assertSame( 'quan-jean-shortcut', get_post_field( 'post_name', $second->get_id() ) );
		self::assertSame( 'quan-jean-shortcut__trashed', get_post_field( 'post_name', $trashed ) );
		self::assertArrayNotHasKey( 'trashed_suffix', $shortcuts->taken() );
	}

	public function test_new_products_without_global_attributes_schedule_no_attribute_lookup_update(): void {
		if ( ! $this->is_real_woocommerce() || ! function_exists( 'as_get_scheduled_actions' ) ) {
			self::markTestSkipped( 'The attributes lookup table and Action Scheduler are real WooCommerce only.' );
		}
		$pending = static fn ( int $id ): array => as_get_scheduled_actions(
			array(
				'hook'   => 'woocommerce_run_product_attribute_lookup_update_callback',
				'args'   => array( $id, 1 ),
				'status' => \ActionScheduler_Store::STATUS_PENDING,
			),
			'ids'
		);
		// Without the shortcut WooCommerce schedules one (so this test would notice if it did again).
		$plain = new \WC_Product_Simple();
		$plain->set_name( 'Lookup plain' );
		$plain->save();
		self::assertNotEmpty( $pending( $plain->get_id() ) );

		$this->start();
		$simple = new \WC_Product_Simple();
		$simple->set_name( 'Lookup shortcut' );
		$simple->save();
		self::assertSame( array(), $pending( $simple->get_id() ) );

		$color     = $this->create_attribute_taxonomy( 'Màu shortcut', 'kvsmau', array( 'Đỏ' ) );
		$attribute = new \WC_Product_Attribute();
		$attribute->set_id( $color['id'] );
		$attribute->set_name( $color['taxonomy'] );
		$attribute->set_options( array( (int) $color['terms']['Đỏ']->term_id ) );
		$attribute->set_visible( true );
		$global = new \WC_Product_Simple();
		$global->set_name( 'Lookup global' );
		$global->set_attributes( array( $attribute ) );
		$global->save();
		self::assertNotEmpty( $pending( $global->get_id() ), 'a product with a global attribute keeps WooCommerce\'s update' );
		self::assertSame( 1, $this->shortcuts->taken()['attributes_lookup'] ?? 0 );
	}

	public function test_a_new_post_skips_the_empty_term_count_and_the_core_hook_is_back_after(): void {
		$this->start();
		$product = new \WC_Product_Simple();
		$product->set_name( 'Transition probe' );
		$product->save();
		self::assertGreaterThan( 0, $this->shortcuts->taken()['transition_count'] ?? 0 );
		self::assertSame( 10, has_action( 'transition_post_status', '_update_term_count_on_transition_post_status' ) );
		$this->shortcuts->stop();
		self::assertSame( 10, has_action( 'transition_post_status', '_update_term_count_on_transition_post_status' ) );
	}

	public function test_an_expected_unique_sku_skips_the_check_and_any_other_sku_is_still_checked(): void {
		if ( ! $this->is_real_woocommerce() ) {
			self::markTestSkipped( 'WooCommerce\'s lookup-table SKU check is real WooCommerce only.' );
		}
		$holder = new \WC_Product_Simple();
		$holder->set_name( 'SKU holder' );
		$holder->set_sku( 'KVS-TAKEN-1' );
		$holder->save();

		$this->start();
		$this->shortcuts->expect_unique_sku( 'KVS-FREE-1', 0 );
		$free = new \WC_Product_Simple();
		$free->set_name( 'Free SKU' );
		$free->set_sku( 'KVS-FREE-1' );
		$free->save();
		self::assertSame( 1, $this->shortcuts->taken()['unique_sku'] ?? 0 );
		self::assertSame( 'KVS-FREE-1', get_post_meta( $free->get_id(), '_sku', true ) );

		// Expecting one SKU answers nothing for another: the taken SKU is still refused by WooCommerce.
		$this->shortcuts->expect_unique_sku( 'KVS-FREE-2', 0 );
		$clash = new \WC_Product_Simple();
		try {
			$clash->set_sku( 'KVS-TAKEN-1' );
			self::fail( 'a duplicate SKU must be refused' );
		} catch ( \WC_Data_Exception $e ) {
			self::assertSame( 'product_invalid_sku', $e->getErrorCode() );
		}
		self::assertSame( 1, $this->shortcuts->taken()['unique_sku'] ?? 0 );

		// Not plain ASCII: always checked.
		$this->shortcuts->expect_unique_sku( 'ÁO-KVS-1', 0 );
		$accented = new \WC_Product_Simple();
		$accented->set_sku( 'ÁO-KVS-1' );
		self::assertSame( 1, $this->shortcuts->taken()['unique_sku'] ?? 0 );
	}
}
