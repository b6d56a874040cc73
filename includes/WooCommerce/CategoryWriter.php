<?php
/**
 * KiotViet categories → product_cat terms.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\WooCommerce;

use KiotVietSync\Sync\Catalog\CategoryDecision;
use RuntimeException;

/**
 * Executes CategoryPlanner decisions with wp_insert_term / wp_update_term (slugs are never regenerated on
 * update). Callers hold SyncGuard and the batch transaction.
 */
final class CategoryWriter {

	/**
	 * Every product_cat term (one query): term id => {term_id, name, parent}.
	 *
	 * @return array<int, array{term_id: int, name: string, parent: int}>
	 */
	public function existing_terms(): array {
		$terms = get_terms(
			array(
				'taxonomy'               => 'product_cat',
				'hide_empty'             => false,
				'update_term_meta_cache' => false,
			)
		);
		$out = array();
		if ( is_array( $terms ) ) {
			foreach ( $terms as $term ) {
				if ( $term instanceof \WP_Term ) {
					$out[ (int) $term->term_id ] = array(
						'term_id' => (int) $term->term_id,
						'name'    => (string) $term->name,
						'parent'  => (int) $term->parent,
					);
				}
			}
		}
		return $out;
	}

	/**
	 * Writes one decision and returns the term id it maps to (null for skip of a deleted, unmapped category).
	 *
	 * @param array<int, int> $terms_by_kv KiotViet id => term id written earlier in this plan (parents).
	 * @throws RuntimeException When WordPress refuses the write.
	 */
	public function write( CategoryDecision $decision, array $terms_by_kv ): ?int {
		$parent = $decision->parent_pending() ? (int) ( $terms_by_kv[ (int) $decision->kv_parent_id() ] ?? 0 ) : (int) $decision->parent_term_id();
		switch ( $decision->action() ) {
			case CategoryDecision::CREATE:
				$result = wp_insert_term( $decision->name(), 'product_cat', array( 'parent' => $parent ) );
				if ( is_wp_error( $result ) ) {
					$existing = $result->get_error_data( 'term_exists' );
					if ( is_numeric( $existing ) ) {
						return (int) $existing; // Created by someone else since the plan: adopt it.
					}
					throw new RuntimeException( $result->get_error_message() );
				}
				return (int) $result['term_id'];
			case CategoryDecision::UPDATE:
				$result = wp_update_term(
					(int) $decision->term_id(),
					'product_cat',
					array(
						'name'   => $decision->name(),
						'parent' => $parent,
					)
				);
				if ( is_wp_error( $result ) ) {
					throw new RuntimeException( $result->get_error_message() );
				}
				return (int) $decision->term_id();
			default:
				return $decision->term_id();
		}
	}
}
