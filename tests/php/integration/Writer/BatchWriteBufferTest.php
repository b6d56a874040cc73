<?php
/**
 * The batch write buffer (new products' meta in one INSERT, terms of new posts, transients at the batch end)
 * leaves exactly the data WooCommerce's own per-call writes leave, and is undone after every batch.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Writer;

use KiotVietSync\Sync\Catalog\ImportBatchResult;

final class BatchWriteBufferTest extends WriterTestCase {

	private const CODES_PREFIXES = array( 'POLO-', 'IP15-', 'DV-', 'DIELAC-' );

	public function test_buffered_import_writes_the_same_rows_as_unbuffered_writes(): void {
		global $wpdb;
		$this->importer->import_categories( $this->categories() );

		$wpdb->query( 'SAVEPOINT kvs_buffer_test' );
		add_filter( 'kiotviet_sync_batch_write_buffer', '__return_false' );
		$plain_result = $this->import_sample();
		remove_filter( 'kiotviet_sync_batch_write_buffer', '__return_false' );
		$plain = $this->dump();
		$wpdb->query( 'ROLLBACK TO SAVEPOINT kvs_buffer_test' );
		wp_cache_flush();

		$buffered_result = $this->import_sample();
		$buffered        = $this->dump();

		self::assertSame( 0, $plain_result->failed(), wp_json_encode( $plain_result->errors() ) );
		self::assertSame( 0, $buffered_result->failed(), wp_json_encode( $buffered_result->errors() ) );
		self::assertGreaterThan( 10, count( $plain ), 'sample imported' );
		self::assertSame( array_keys( $plain ), array_keys( $buffered ) );
		foreach ( $plain as $key => $object ) {
			self::assertSame( $object, $buffered[ $key ], 'object ' . $key );
		}
		self::assertLessThan( $plain_result->queries(), $buffered_result->queries(), 'fewer queries' );
	}

	public function test_hooks_and_transient_storage_are_restored_after_the_batch(): void {
		$mode = wp_using_ext_object_cache();
		$this->importer->import_categories( $this->categories() );
		set_transient( 'wc_products_onsale', array( 1, 2, 3 ) );
		set_transient( 'kvs_untouched_by_batch', 'kept' );
		set_transient( 'kvs_probe', 'stored value' );
		set_site_transient( 'kvs_site_probe', 'stored site value' );
		$seen  = array();
		$probe = static function () use ( &$seen ): void {
			if ( array() === $seen ) {
				// Inside the batch: stored transients read as stored; writes land in the database at the end.
				$seen = array( get_transient( 'kvs_probe' ), get_site_transient( 'kvs_site_probe' ), get_transient( 'kvs_never_set' ) );
				set_transient( 'kvs_written_in_batch', 'in batch', 300 );
				set_site_transient( 'kvs_site_written_in_batch', 'site in batch' );
				delete_transient( 'kvs_probe' );
			}
		};
		add_action( 'woocommerce_new_product', $probe );
		try {
			$result = $this->import_sample();
		} finally {
			remove_action( 'woocommerce_new_product', $probe );
		}
		self::assertSame( array( 'stored value', 'stored site value', false ), $seen );
		self::assertSame( 'in batch', get_option( '_transient_kvs_written_in_batch' ) );
		self::assertNotFalse( get_option( '_transient_timeout_kvs_written_in_batch' ), 'expiration kept' );
		self::assertSame( 'site in batch', get_site_transient( 'kvs_site_written_in_batch' ) );
		self::assertFalse( get_option( '_transient_kvs_probe' ), 'deleted in the batch' );

		self::assertSame( 0, $result->failed() );
		self::assertSame( $mode, wp_using_ext_object_cache(), 'transient storage restored' );
		foreach ( array( 'update_post_metadata', 'add_post_metadata', 'delete_post_metadata', 'get_post_metadata', 'terms_pre_query', 'setted_transient' ) as $hook ) {
			self::assertFalse( $this->has_plugin_callback( $hook ), $hook . ' left hooked' );
		}
		// What per-save writes would have left: the stale transient deleted, the other one untouched.
		self::assertFalse( get_option( '_transient_wc_products_onsale' ), 'on-sale transient deleted once' );
		self::assertSame( 'kept', get_transient( 'kvs_untouched_by_batch' ) );
		self::assertNotFalse( get_option( '_transient_product-transient-version' ), 'product transient version written' );
		// Meta written after the batch (outside it) goes through WordPress normally.
		$id = $this->woo_id( 'product', $this->kv_id_of( 'IP15-128' ) );
		update_post_meta( $id, '_kvs_after_batch', 'x' );
		wp_cache_delete( $id, 'post_meta' );
		self::assertSame( 'x', get_post_meta( $id, '_kvs_after_batch', true ) );
	}

	public function test_a_failing_item_leaves_no_buffered_rows_and_the_rest_commits(): void {
		global $wpdb;
		$this->importer->import_categories( $this->categories() );
		$fail = static function ( $id, $product ): void {
			if ( $product instanceof \WC_Product && 'IP15-128' === $product->get_sku( 'edit' ) ) {
				throw new \RuntimeException( 'boom' );
			}
		};
		add_action( 'woocommerce_new_product', $fail, 5, 2 );
		$meta_before = (int) $wpdb->get_var( "SELECT COALESCE( MAX( meta_id ), 0 ) FROM {$wpdb->postmeta}" );
		try {
			$result = $this->import_sample();
		} finally {
			remove_action( 'woocommerce_new_product', $fail, 5 );
		}
		self::assertSame( 1, $result->failed(), wp_json_encode( $result->errors() ) );
		self::assertGreaterThan( 5, $result->created() );
		$orphans = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->postmeta} m LEFT JOIN {$wpdb->posts} p ON p.ID = m.post_id WHERE p.ID IS NULL AND m.meta_id > %d", $meta_before ) );
		self::assertSame( 0, $orphans, 'no meta rows of the rolled-back product' );
		self::assertSame( '0', (string) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->postmeta} WHERE meta_key = '_sku' AND meta_value = %s", 'IP15-128' ) ) );
		// The others are complete: every prop row is there and readable after a cold cache.
		wp_cache_flush();
		$tv = $this->product_by_code( 'DV-CAIDAT' );
		self::assertSame( 'DV-CAIDAT', $tv->get_sku() );
		self::assertNotSame( '', (string) $tv->get_regular_price() );
	}

	private function import_sample(): ImportBatchResult {
		$products = array();
		foreach ( self::CODES_PREFIXES as $prefix ) {
			$products = array_merge( $products, $this->family( $prefix ) );
		}
		return $this->importer->import_batch( $products, array(), $this->books(), $this->settings() );
	}

	private function has_plugin_callback( string $hook ): bool {
		global $wp_filter;
		if ( ! isset( $wp_filter[ $hook ] ) ) {
			return false;
		}
		foreach ( $wp_filter[ $hook ]->callbacks as $callbacks ) {
			foreach ( $callbacks as $callback ) {
				if ( is_array( $callback['function'] ) && is_object( $callback['function'][0] ) && 0 === strpos( get_class( $callback['function'][0] ), 'KiotVietSync\\WooCommerce\\' ) ) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Every product/variation with every meta row, term and lookup row, keyed by SKU (ids and dates out).
	 *
	 * @return array<string, mixed>
	 */
	private function dump(): array {
		global $wpdb;
		$ids  = array_map( 'intval', $wpdb->get_col( "SELECT ID FROM {$wpdb->posts} WHERE post_type IN ('product','product_variation') ORDER BY ID" ) );
		$keys = array();
		foreach ( $ids as $id ) {
			$sku = (string) $wpdb->get_var( $wpdb->prepare( "SELECT meta_value FROM {$wpdb->postmeta} WHERE post_id = %d AND meta_key = '_sku'", $id ) );
			if ( '' === $sku ) {
				$sku = 'parent:' . (string) $wpdb->get_var( $wpdb->prepare( "SELECT MIN(m.meta_value) FROM {$wpdb->posts} p JOIN {$wpdb->postmeta} m ON m.post_id = p.ID AND m.meta_key = '_sku' WHERE p.post_parent = %d", $id ) );
			}
			$keys[ $id ] = $sku;
		}
		$out = array();
		foreach ( $ids as $id ) {
			$post = $wpdb->get_row( $wpdb->prepare( "SELECT post_type, post_status, post_title, post_content, post_excerpt, post_parent, menu_order, post_name, comment_status FROM {$wpdb->posts} WHERE ID = %d", $id ), ARRAY_A );
			$post['post_parent'] = (int) $post['post_parent'] > 0 ? ( $keys[ (int) $post['post_parent'] ] ?? 'other' ) : '';
			$meta                = $wpdb->get_results( $wpdb->prepare( "SELECT meta_key, meta_value FROM {$wpdb->postmeta} WHERE post_id = %d ORDER BY meta_key, meta_id", $id ), ARRAY_N );
			foreach ( $meta as $i => $row ) {
				if ( in_array( $row[0], array( '_kiotviet_sync', '_edit_lock' ), true ) ) {
					$meta[ $i ][1] = '*';
				}
			}
			$terms  = $wpdb->get_col( $wpdb->prepare( "SELECT CONCAT(tt.taxonomy, ':', t.slug) FROM {$wpdb->term_relationships} tr JOIN {$wpdb->term_taxonomy} tt ON tt.term_taxonomy_id = tr.term_taxonomy_id JOIN {$wpdb->terms} t ON t.term_id = tt.term_id WHERE tr.object_id = %d ORDER BY 1", $id ) );
			$lookup = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}wc_product_meta_lookup WHERE product_id = %d", $id ), ARRAY_A );
			if ( is_array( $lookup ) ) {
				unset( $lookup['product_id'] );
			}
			$out[ $keys[ $id ] ] = array( $post, $meta, $terms, $lookup );
		}
		ksort( $out );
		$out['__term_counts'] = $wpdb->get_results( "SELECT tt.taxonomy, t.slug, tt.count FROM {$wpdb->term_taxonomy} tt JOIN {$wpdb->terms} t ON t.term_id = tt.term_id ORDER BY 1, 2", ARRAY_N );
		$out['__term_meta']   = $wpdb->get_results( "SELECT t.slug, tm.meta_key, tm.meta_value FROM {$wpdb->termmeta} tm JOIN {$wpdb->terms} t ON t.term_id = tm.term_id ORDER BY 1, 2, 3", ARRAY_N );
		return $out;
	}
}
