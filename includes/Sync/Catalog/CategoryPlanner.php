<?php
/**
 * KiotViet categories → WooCommerce product_cat terms.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * Keeps KiotViet's hierarchy (up to 3 levels) and never duplicates a term: an unmapped category adopts an
 * existing term with the same name (case, whitespace, HTML entity and Unicode-NFC insensitive) under the
 * same parent — the official plugin created nothing there and left products uncategorised.
 *
 * A parent that is neither in the batch nor mapped makes its child a root (with a warning) until a full
 * sync brings the parent; a parent cycle is broken at the category where it is detected.
 */
final class CategoryPlanner {

	/**
	 * @param KvCategory[]                                           $categories     From KiotViet (flat or flattened tree).
	 * @param array<int, array{term_id: int, name: string, parent: int}> $existing_terms All product_cat terms (parent 0 = root).
	 * @param array<int, int>                                        $mapping        KiotViet category id => term id.
	 */
	public static function plan( array $categories, array $existing_terms, array $mapping ): CategoryPlan {
		$issues = array();

		$terms = array();
		foreach ( $existing_terms as $term ) {
			$terms[ (int) $term['term_id'] ] = array(
				'name'   => (string) $term['name'],
				'parent' => (int) $term['parent'],
			);
		}
		// Mappings to terms that no longer exist are stale: the category is planned as unmapped.
		$live_mapping = array();
		foreach ( $mapping as $kv_id => $term_id ) {
			if ( isset( $terms[ (int) $term_id ] ) ) {
				$live_mapping[ (int) $kv_id ] = (int) $term_id;
			}
		}

		$by_id = array();
		foreach ( $categories as $category ) {
			if ( $category->id() > 0 ) {
				$by_id[ $category->id() ] = $category;
			}
		}

		// Effective parents.
		$parent = array();
		foreach ( $by_id as $id => $category ) {
			$p = $category->parent_id();
			if ( null !== $p && ! isset( $by_id[ $p ] ) && ! isset( $live_mapping[ $p ] ) ) {
				$issues[] = new CatalogIssue( CatalogIssue::CATEGORY_PARENT_MISSING, CatalogIssue::SEVERITY_WARNING, CatalogIssue::ENTITY_CATEGORY, $id, '', array( 'kv_parent_id' => $p ) );
				$p        = null;
			}
			$parent[ $id ] = $p;
		}
		foreach ( array_keys( $by_id ) as $id ) {
			$seen = array( $id => true );
			$node = $id;
			while ( null !== $parent[ $node ] && isset( $by_id[ $parent[ $node ] ] ) ) {
				$node = $parent[ $node ];
				if ( isset( $seen[ $node ] ) ) {
					$issues[]      = new CatalogIssue( CatalogIssue::CATEGORY_CYCLE, CatalogIssue::SEVERITY_WARNING, CatalogIssue::ENTITY_CATEGORY, $id );
					$parent[ $id ] = null;
					break;
				}
				$seen[ $node ] = true;
			}
		}

		// Parents first: depth within the batch, stable on input order.
		$depth = array();
		foreach ( array_keys( $by_id ) as $id ) {
			$d    = 0;
			$node = $id;
			while ( null !== $parent[ $node ] && isset( $by_id[ $parent[ $node ] ] ) ) {
				$node = $parent[ $node ];
				++$d;
			}
			$depth[ $id ] = $d;
		}
		$order = array_keys( $by_id );
		$pos   = array_flip( $order );
		usort( $order, static function ( int $a, int $b ) use ( $depth, $pos ): int {
			return $depth[ $a ] <=> $depth[ $b ] ?: $pos[ $a ] <=> $pos[ $b ];
		} );

		$taken = array(); // term id => kv id.
		foreach ( $live_mapping as $kv_id => $term_id ) {
			$taken[ $term_id ] = $kv_id;
		}
		$resolved  = array(); // kv id => term id, or null while pending creation / blocked.
		$blocked   = array();
		$planned   = array(); // parent key . name key => kv id, for creations in this run.
		$decisions = array();

		foreach ( $order as $id ) {
			$category  = $by_id[ $id ];
			$kv_parent = $parent[ $id ];
			$pending   = false;
			if ( null === $kv_parent ) {
				$parent_term = 0;
			} elseif ( isset( $by_id[ $kv_parent ] ) ) {
				if ( isset( $blocked[ $kv_parent ] ) ) {
					$issues[]    = new CatalogIssue( CatalogIssue::CATEGORY_PARENT_MISSING, CatalogIssue::SEVERITY_WARNING, CatalogIssue::ENTITY_CATEGORY, $id, '', array( 'kv_parent_id' => $kv_parent ) );
					$kv_parent   = null;
					$parent_term = 0;
				} else {
					$parent_term = $resolved[ $kv_parent ];
					$pending     = null === $parent_term;
				}
			} else {
				$parent_term = $live_mapping[ $kv_parent ];
			}

			if ( $category->is_deleted() ) {
				$resolved[ $id ] = $live_mapping[ $id ] ?? null;
				$decisions[]     = new CategoryDecision( $id, $category->name(), CategoryDecision::SKIP, $live_mapping[ $id ] ?? null, $kv_parent, $parent_term, $pending );
				continue;
			}

			if ( isset( $live_mapping[ $id ] ) ) {
				$term_id         = $live_mapping[ $id ];
				$resolved[ $id ] = $term_id;
				$same_name       = html_entity_decode( $terms[ $term_id ]['name'], ENT_QUOTES | ENT_HTML5, 'UTF-8' ) === $category->name();
				$same_parent     = ! $pending && $terms[ $term_id ]['parent'] === $parent_term;
				$action          = $same_name && $same_parent ? CategoryDecision::SKIP : CategoryDecision::UPDATE;
				$decisions[]     = new CategoryDecision( $id, $category->name(), $action, $term_id, $kv_parent, $parent_term, $pending );
				continue;
			}

			$name_key   = TextKey::of( $category->name() );
			$parent_key = $pending ? 'kv:' . $kv_parent : 'term:' . $parent_term;
			if ( isset( $planned[ $parent_key . '|' . $name_key ] ) ) {
				$issue           = new CatalogIssue( CatalogIssue::CATEGORY_DUPLICATE_NAME, CatalogIssue::SEVERITY_BLOCKING, CatalogIssue::ENTITY_CATEGORY, $id, '', array( 'same_as_kv_id' => $planned[ $parent_key . '|' . $name_key ] ) );
				$issues[]        = $issue;
				$blocked[ $id ]  = true;
				$resolved[ $id ] = null;
				$decisions[]     = new CategoryDecision( $id, $category->name(), CategoryDecision::CONFLICT, null, $kv_parent, $parent_term, $pending, $issue );
				continue;
			}
			$planned[ $parent_key . '|' . $name_key ] = $id;

			if ( ! $pending ) {
				$candidates = array();
				foreach ( $terms as $term_id => $term ) {
					if ( $term['parent'] === $parent_term && TextKey::of( $term['name'] ) === $name_key ) {
						$candidates[] = $term_id;
					}
				}
				sort( $candidates );
				$free = array_values( array_filter( $candidates, static function ( int $term_id ) use ( $taken ): bool {
					return ! isset( $taken[ $term_id ] );
				} ) );
				if ( array() !== $free ) {
					$taken[ $free[0] ] = $id;
					$resolved[ $id ]   = $free[0];
					$decisions[]       = new CategoryDecision( $id, $category->name(), CategoryDecision::ADOPT, $free[0], $kv_parent, $parent_term, false );
					continue;
				}
				if ( array() !== $candidates ) {
					// WordPress refuses a second term with the same name under the same parent.
					$issue           = new CatalogIssue( CatalogIssue::CATEGORY_TERM_TAKEN, CatalogIssue::SEVERITY_BLOCKING, CatalogIssue::ENTITY_CATEGORY, $id, '', array( 'term_id' => $candidates[0], 'mapped_kv_id' => $taken[ $candidates[0] ] ) );
					$issues[]        = $issue;
					$blocked[ $id ]  = true;
					$resolved[ $id ] = null;
					$decisions[]     = new CategoryDecision( $id, $category->name(), CategoryDecision::CONFLICT, null, $kv_parent, $parent_term, false, $issue );
					continue;
				}
			}

			$resolved[ $id ] = null;
			$decisions[]     = new CategoryDecision( $id, $category->name(), CategoryDecision::CREATE, null, $kv_parent, $pending ? null : $parent_term, $pending );
		}

		return new CategoryPlan( $decisions, $issues );
	}
}
