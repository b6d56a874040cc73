<?php
/**
 * Dry run of a catalog sync.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * Runs every catalog rule without writing anything and reports what the sync would do: categories and
 * products/variations to create, update, skip, and the conflicts (SKU already in WooCommerce while SKU
 * matching is off, duplicate KiotViet codes, sale price not below regular, …). Call it page by page and
 * pass the same report to accumulate (DryRunReport::state()/from_state() carry it between job steps, including
 * the SKUs already seen, so a code duplicated across pages is reported too: the first page's product keeps it).
 */
final class CatalogPreview {

	/**
	 * @param KvCategory[]                                               $categories
	 * @param array<int, array{term_id: int, name: string, parent: int}> $existing_terms
	 * @param array<int, int>                                            $category_mapping KiotViet category id => term id.
	 */
	public static function categories( array $categories, array $existing_terms, array $category_mapping, DryRunReport $report ): CategoryPlan {
		$plan = CategoryPlanner::plan( $categories, $existing_terms, $category_mapping );
		foreach ( $plan->decisions() as $decision ) {
			$report->count( CatalogIssue::ENTITY_CATEGORY, $decision->action() );
		}
		foreach ( $plan->issues() as $issue ) {
			$report->add_issue( $issue );
		}
		return $plan;
	}

	/**
	 * @param KvProduct[]             $products
	 * @param array<int, KvPriceBook> $books
	 * @param int[]                   $skipped_kv_ids Products the merchant switched off (not synced).
	 * @param array<int, KvProduct>   $base_units     See ProductPlanner::plan().
	 */
	public static function products( array $products, array $books, CatalogSettings $settings, IdentityLookup $lookup, DryRunReport $report, array $skipped_kv_ids = array(), array $base_units = array() ): ProductPlanSet {
		$skip = array_fill_keys( $skipped_kv_ids, true );
		$kept = array();
		foreach ( $products as $product ) {
			if ( isset( $skip[ $product->id() ] ) ) {
				$report->count( $product->is_variation_member() ? CatalogIssue::ENTITY_VARIATION : CatalogIssue::ENTITY_PRODUCT, DryRunReport::SKIP );
				continue;
			}
			// A code claimed on an earlier page by another product stays with that product.
			$owner = $report->sku_owner( $product->code() );
			if ( null !== $owner && $owner !== $product->id() ) {
				$entity = $product->is_variation_member() ? CatalogIssue::ENTITY_VARIATION : CatalogIssue::ENTITY_PRODUCT;
				$report->count( $entity, DryRunReport::CONFLICT );
				$report->add_issue( new CatalogIssue( CatalogIssue::DUPLICATE_SKU, CatalogIssue::SEVERITY_BLOCKING, $entity, $product->id(), $product->code(), array( 'kept_kv_id' => $owner ) ) );
				continue;
			}
			$kept[] = $product;
		}

		$set = ProductPlanner::plan( $kept, $books, $settings, $base_units );
		foreach ( $set->issues() as $issue ) {
			$report->add_issue( $issue );
			if ( $issue->is_blocking() ) {
				$report->count( $issue->entity(), DryRunReport::CONFLICT );
			}
		}

		foreach ( $set->simple() as $plan ) {
			$decision = IdentityResolver::resolve_simple( $plan, $lookup, $settings->match_by_sku() );
			self::record( $decision, CatalogIssue::ENTITY_PRODUCT, $plan->spec(), $report );
		}
		foreach ( $set->variable() as $plan ) {
			$family = IdentityResolver::resolve_family( $plan, $lookup, $settings->match_by_sku() );
			self::record( $family->parent(), CatalogIssue::ENTITY_PRODUCT, $plan->parent(), $report );
			foreach ( $family->variations() as $kv_id => $decision ) {
				self::record( $decision, CatalogIssue::ENTITY_VARIATION, $plan->variations()[ $kv_id ], $report );
			}
		}
		return $set;
	}

	private static function record( IdentityDecision $decision, string $entity, WooProductSpec $spec, DryRunReport $report ): void {
		$earlier = $report->claim_sku( $spec->sku(), $spec->kv_id() );
		if ( null !== $earlier ) {
			$report->count( $entity, DryRunReport::CONFLICT );
			$report->add_issue( new CatalogIssue( CatalogIssue::DUPLICATE_SKU, CatalogIssue::SEVERITY_BLOCKING, $entity, $spec->kv_id(), $spec->sku(), array( 'kept_kv_id' => $earlier ) ) );
			return;
		}
		if ( IdentityDecision::CONFLICT === $decision->action() ) {
			$report->count( $entity, DryRunReport::CONFLICT );
			$report->add_issue(
				new CatalogIssue( (string) $decision->reason(), CatalogIssue::SEVERITY_BLOCKING, $entity, $spec->kv_id(), $spec->sku(), array( 'woo_id' => $decision->woo_id() ) )
			);
			return;
		}
		$report->count( $entity, $decision->is_new() ? DryRunReport::CREATE : DryRunReport::UPDATE );
		if ( in_array( IdentityDecision::WARN_SKU_TAKEN, $decision->warnings(), true ) ) {
			$report->add_issue( new CatalogIssue( CatalogIssue::SKU_TAKEN, CatalogIssue::SEVERITY_CONFLICT, $entity, $spec->kv_id(), $spec->sku(), array( 'woo_id' => $decision->woo_id() ) ) );
		}
	}
}
