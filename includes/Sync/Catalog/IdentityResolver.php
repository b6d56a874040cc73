<?php
/**
 * Which WooCommerce object a KiotViet product is written to.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * Identity rules. Id mode (default): the (retailer, KiotViet id, kind) mapping decides; an unmapped product
 * whose SKU already exists in WooCommerce is a conflict, never a silent overwrite. SKU mode ("Cập nhật lại
 * sản phẩm khi đồng bộ qua mã SKU"): the SKU decides first, the mapping second.
 *
 * Re-running a batch is safe as long as the adapter writes the mapping in the same step as the object: the
 * second run finds the mapping (or, after a crash between the two, the SKU — reported as sku_exists in id
 * mode rather than duplicated).
 */
final class IdentityResolver {

	/**
	 * @param string $kind IdentityLookup::KIND_PRODUCT or KIND_VARIATION.
	 * @param string $sku  '' when the object has no SKU (variable parents).
	 */
	public static function resolve( string $kind, int $kv_id, string $sku, IdentityLookup $lookup, bool $match_by_sku ): IdentityDecision {
		$mapped  = $lookup->mapped_woo_id( $kind, $kv_id );
		$by_sku  = '' === trim( $sku ) ? null : $lookup->woo_id_by_sku( $sku );
		$sku_ok  = null === $by_sku || self::kind_fits( $kind, $by_sku, $lookup );

		if ( $match_by_sku && null !== $by_sku ) {
			if ( ! $sku_ok ) {
				return IdentityDecision::conflict( IdentityDecision::SKU_ON_OTHER_TYPE, $by_sku );
			}
			// The SKU wins even over another KiotViet product's link (e.g. deleted and re-created in KiotViet with
			// the same code): the adapter re-links the object to this KiotViet id.
			$decision = IdentityDecision::update( $by_sku, IdentityDecision::BY_SKU );
			$owner    = $lookup->mapped_kv_id( $kind, $by_sku );
			$relinks  = ( null !== $mapped && $mapped !== $by_sku ) || ( null !== $owner && $owner !== $kv_id );
			return $relinks ? $decision->with_warning( IdentityDecision::WARN_REMAP ) : $decision;
		}
		if ( null !== $mapped ) {
			$decision = IdentityDecision::update( $mapped, IdentityDecision::BY_MAPPING );
			return null !== $by_sku && $by_sku !== $mapped ? $decision->with_warning( IdentityDecision::WARN_SKU_TAKEN ) : $decision;
		}
		if ( null !== $by_sku ) {
			return IdentityDecision::conflict( $sku_ok ? IdentityDecision::SKU_EXISTS : IdentityDecision::SKU_ON_OTHER_TYPE, $by_sku );
		}
		return IdentityDecision::create();
	}

	public static function resolve_simple( SimplePlan $plan, IdentityLookup $lookup, bool $match_by_sku ): IdentityDecision {
		return self::resolve( IdentityLookup::KIND_PRODUCT, $plan->spec()->kv_id(), $plan->spec()->sku(), $lookup, $match_by_sku );
	}

	/**
	 * Parent: the mapping of the master id; in SKU mode an unmapped parent is found through a variation whose
	 * SKU matched (a family built by hand in WooCommerce is taken over, not duplicated). Variations: resolve();
	 * a variation found under another parent than the resolved one gets WARN_PARENT_CHANGED.
	 */
	public static function resolve_family( VariablePlan $plan, IdentityLookup $lookup, bool $match_by_sku ): FamilyDecision {
		$variations = array();
		foreach ( $plan->variations() as $kv_id => $spec ) {
			$variations[ $kv_id ] = self::resolve( IdentityLookup::KIND_VARIATION, $kv_id, $spec->sku(), $lookup, $match_by_sku );
		}

		$mapped = $lookup->mapped_woo_id( IdentityLookup::KIND_PRODUCT, $plan->family_id() );
		$parent = null === $mapped ? null : IdentityDecision::update( $mapped, IdentityDecision::BY_MAPPING );
		if ( null === $parent && $match_by_sku ) {
			foreach ( $variations as $decision ) {
				if ( IdentityDecision::UPDATE === $decision->action() && IdentityDecision::BY_SKU === $decision->matched_by() ) {
					$found = $lookup->parent_id_of( (int) $decision->woo_id() );
					if ( null !== $found ) {
						$parent = IdentityDecision::update( $found, IdentityDecision::BY_SKU );
						break;
					}
				}
			}
		}
		if ( null === $parent ) {
			$parent = IdentityDecision::create();
		}

		foreach ( $variations as $kv_id => $decision ) {
			if ( IdentityDecision::UPDATE !== $decision->action() ) {
				continue;
			}
			$current = $lookup->parent_id_of( (int) $decision->woo_id() );
			if ( $parent->is_new() || $current !== $parent->woo_id() ) {
				$variations[ $kv_id ] = $decision->with_warning( IdentityDecision::WARN_PARENT_CHANGED );
			}
		}
		return new FamilyDecision( $parent, $variations );
	}

	private static function kind_fits( string $kind, int $woo_id, IdentityLookup $lookup ): bool {
		$is_variation = null !== $lookup->parent_id_of( $woo_id );
		return IdentityLookup::KIND_VARIATION === $kind ? $is_variation : ! $is_variation;
	}
}
