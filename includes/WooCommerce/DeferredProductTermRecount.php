<?php
/**
 * WooCommerce's product term counts, once per import batch.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\WooCommerce;

/**
 * WooCommerce 8.x recounts the product_cat/product_tag terms of a product (and their ancestors: one COUNT and
 * one term-meta write each, plus transient deletes) on every product save (`_wc_recount_terms_by_product()` at
 * the end of `update_terms()`). WooCommerce offers the `woocommerce_product_recount_terms` filter for bulk
 * imports; this class turns that recount off for the batch, remembers the products saved and the terms they
 * left (`set_object_terms` old ids), and recounts the union once at the end of the batch, inside its
 * transaction: WooCommerce's `product_count_*` term meta and WordPress's term `count` (product_cat and
 * product_tag count through `_wc_term_recount()`, so WordPress's deferred count is skipped by the same filter). The counts are full COUNTs, so the final values are the same as with per-save recounts.
 * An import run's worker keeps one collector over all batches of its slice and recounts once when the slice
 * ends (CatalogImporter::hold_term_recount()); the counts are then behind by at most one slice (~15 s).
 */
final class DeferredProductTermRecount {

	private const TAXONOMIES = array( 'product_cat', 'product_tag' );

	private bool $active = false;

	/** @var array<int, true> */
	private array $products = array();

	/** @var array<string, array<int, true>> taxonomy => term_taxonomy_id => true (terms a product left) */
	private array $left = array();

	public function start(): void {
		if ( $this->active || ! function_exists( 'add_filter' ) || ! function_exists( '_wc_term_recount' ) ) {
			return;
		}
		/**
		 * Whether the writer defers WooCommerce's per-save product term recount to the end of the batch
		 * (default true; false = WooCommerce's own per-save recount, e.g. to measure the difference).
		 */
		if ( ! apply_filters( 'kiotviet_sync_defer_term_recount', true ) ) {
			return;
		}
		$this->active = true;
		add_filter( 'woocommerce_product_recount_terms', '__return_false' );
		add_action( 'set_object_terms', array( $this, 'on_set_object_terms' ), 10, 6 );
		add_action( 'woocommerce_new_product', array( $this, 'on_product_saved' ), 10, 1 );
		add_action( 'woocommerce_update_product', array( $this, 'on_product_saved' ), 10, 1 );
	}

	/**
	 * @param mixed $object_id  Object id.
	 * @param mixed $terms      Terms.
	 * @param mixed $tt_ids     New term taxonomy ids.
	 * @param mixed $taxonomy   Taxonomy.
	 * @param mixed $append     Append.
	 * @param mixed $old_tt_ids Previous term taxonomy ids.
	 */
	public function on_set_object_terms( $object_id, $terms, $tt_ids, $taxonomy, $append, $old_tt_ids ): void {
		if ( ! in_array( $taxonomy, self::TAXONOMIES, true ) ) {
			return;
		}
		foreach ( (array) $old_tt_ids as $tt_id ) {
			$this->left[ (string) $taxonomy ][ (int) $tt_id ] = true;
		}
	}

	/**
	 * @param mixed $product_id Product id.
	 */
	public function on_product_saved( $product_id ): void {
		$this->products[ (int) $product_id ] = true;
	}

	/** Recounts the touched terms once (call inside the batch transaction), then stops deferring. */
	public function finish(): void {
		if ( ! $this->active ) {
			return;
		}
		$this->stop();
		$this->recount();
	}

	/**
	 * Recounts what was collected (also after stop(): a collector kept over several batches recounts once at
	 * the end of the worker slice) and forgets it.
	 */
	public function recount(): void {
		$products = array_keys( $this->products );
		foreach ( self::TAXONOMIES as $taxonomy ) {
			$tt_ids = $this->left[ $taxonomy ] ?? array();
			if ( array() !== $products ) {
				$current = wp_get_object_terms( $products, $taxonomy, array( 'fields' => 'tt_ids' ) );
				if ( is_array( $current ) ) {
					foreach ( $current as $tt_id ) {
						$tt_ids[ (int) $tt_id ] = true;
					}
				}
			}
			$tax = get_taxonomy( $taxonomy );
			if ( array() !== $tt_ids && false !== $tax ) {
				// With the callback: WordPress's own term count (`count` column) too. Both taxonomies count through
				// _wc_term_recount(), which WordPress's deferred counting called while the filter said no.
				_wc_term_recount( array_keys( $tt_ids ), $tax, true, true );
				clean_term_cache( array_keys( $tt_ids ), '', false );
			}
		}
		$this->products = array();
		$this->left     = array();
	}

	/** Stops deferring without recounting (rollback path); idempotent. */
	public function stop(): void {
		if ( ! $this->active ) {
			return;
		}
		$this->active = false;
		remove_filter( 'woocommerce_product_recount_terms', '__return_false' );
		remove_action( 'set_object_terms', array( $this, 'on_set_object_terms' ), 10 );
		remove_action( 'woocommerce_new_product', array( $this, 'on_product_saved' ), 10 );
		remove_action( 'woocommerce_update_product', array( $this, 'on_product_saved' ), 10 );
	}
}
