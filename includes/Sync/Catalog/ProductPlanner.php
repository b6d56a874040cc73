<?php
/**
 * KiotViet products → WooCommerce product plans.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * Mapping rules of seed user guide §2.4:
 * - normal goods, combos, serial/IMEI and batch/expiry goods → simple product with managed stock (serials
 *   and batches are not synced);
 * - services (type 3) → simple product without stock management, in stock;
 * - every unit is its own simple product, named "{name}[ - {attribute values}] ({unit})" — KiotViet's own
 *   fullName format, so the shop shows what the cashier sees, and the " - " separator stays reserved for
 *   attribute values (the official plugin's " - unit" suffix was lost on webhook renames);
 * - same-type goods (hasVariants, masterProductId) → one variable product named with the master's name only,
 *   attributes from KiotViet, one variation per member (master included), SKU = KiotViet code;
 * - inactive (ngừng kinh doanh) and not-sold-directly (allowsSale = false) goods are still synced and
 *   published; the flags are kept in KV_META so a later setting can hide them.
 */
final class ProductPlanner {

	public const STATUS_PUBLISH = 'publish';

	/**
	 * @param KvProduct[]             $products   One page / batch (duplicates by id allowed: the newest wins).
	 * @param array<int, KvPriceBook> $books      Price book headers by id.
	 * @param array<int, KvProduct>   $base_units Extra base-unit products by id, for derived-unit stock when the
	 *                                            base is not in the batch.
	 */
	public static function plan( array $products, array $books, CatalogSettings $settings, array $base_units = array() ): ProductPlanSet {
		$issues   = array();
		$products = self::dedupe( $products, $issues );
		$products = self::drop_duplicate_codes( $products, $issues );

		$by_id = $base_units;
		foreach ( $products as $product ) {
			$by_id[ $product->id() ] = $product;
		}

		$simple   = array();
		$families = array();
		foreach ( $products as $product ) {
			if ( $product->is_variation_member() ) {
				$families[ $product->family_id() ][] = $product;
				continue;
			}
			$base     = null === $product->master_unit_id() ? null : ( $by_id[ $product->master_unit_id() ] ?? null );
			$fields   = array(
				WooProductSpec::TYPE   => WooProductSpec::TYPE_SIMPLE,
				WooProductSpec::KV_ID  => $product->id(),
				WooProductSpec::SKU    => $product->code(),
				WooProductSpec::NAME   => self::simple_name( $product ),
				WooProductSpec::STATUS => self::STATUS_PUBLISH,
				WooProductSpec::DESCRIPTION    => $product->description(),
				WooProductSpec::CATEGORY_KV_ID => $product->category_id(),
				WooProductSpec::IMAGE_URLS     => $product->images(),
			);
			$fields   = self::sellable_fields( $fields, $product, $base, $books, $settings, CatalogIssue::ENTITY_PRODUCT, $issues );
			$simple[] = new SimplePlan( $product, new WooProductSpec( $fields ) );
		}

		$variable = array();
		foreach ( $families as $family_id => $members ) {
			$variable[] = self::variable_plan( (int) $family_id, $members, $by_id, $books, $settings, $issues );
		}

		return new ProductPlanSet( $simple, $variable, $issues );
	}

	/**
	 * Stock-only spec for `stock.update` webhooks and `/productOnHands` deltas: the product (or a KvProduct built
	 * from the delta item) gives the inventories; the adapter knows from its mapping whether the Woo object is a
	 * simple product or a variation. Pass it through FieldLocks::apply() like any update, so the "Tồn kho" lock
	 * holds for webhooks too (the official plugin ignored it there). Stock unknown → no stock fields at all.
	 *
	 * @param string $type WooProductSpec::TYPE_SIMPLE or TYPE_VARIATION.
	 */
	public static function stock_spec( KvProduct $product, string $type, CatalogSettings $settings, ?KvProduct $base_unit = null ): WooProductSpec {
		$fields = array(
			WooProductSpec::TYPE  => $type,
			WooProductSpec::KV_ID => $product->id(),
		);
		if ( ! StockPolicy::manages_stock( $product ) ) {
			return new WooProductSpec( $fields );
		}
		$quantity = StockPolicy::quantity( $product, $settings, $base_unit );
		if ( null !== $quantity ) {
			$fields[ WooProductSpec::STOCK_QUANTITY ] = $quantity;
			$fields[ WooProductSpec::STOCK_STATUS ]   = $quantity > 0 ? 'instock' : 'outofstock';
		}
		return new WooProductSpec( $fields );
	}

	/**
	 * Name of a product that becomes a simple product. Never empty: a creation must not be nameless.
	 */
	public static function simple_name( KvProduct $product ): string {
		$name = '' !== $product->name() ? $product->name() : ( '' !== $product->full_name() ? $product->full_name() : $product->code() );
		if ( ! $product->is_derived_unit() ) {
			return $name;
		}
		if ( '' !== $product->name() && array() !== $product->attributes() ) {
			$values = array_filter( $product->attributes(), static function ( string $value ): bool {
				return '' !== $value;
			} );
			$name  .= ' - ' . implode( ' - ', array_values( $values ) );
		}
		if ( '' === $product->unit() ) {
			return $name;
		}
		$suffix = ' (' . $product->unit() . ')';
		return substr( $name, -strlen( $suffix ) ) === $suffix ? $name : $name . $suffix;
	}

	/**
	 * @param KvProduct[]              $members
	 * @param array<int, KvProduct>    $by_id
	 * @param array<int, KvPriceBook>  $books
	 * @param CatalogIssue[]           $issues
	 */
	private static function variable_plan( int $family_id, array $members, array $by_id, array $books, CatalogSettings $settings, array &$issues ): VariablePlan {
		// Master first, then by id: a stable order for attribute values and variation menu order.
		usort( $members, static function ( KvProduct $a, KvProduct $b ) use ( $family_id ): int {
			$a_master = $a->id() === $family_id ? 0 : 1;
			$b_master = $b->id() === $family_id ? 0 : 1;
			return $a_master <=> $b_master ?: $a->id() <=> $b->id();
		} );
		$master = $members[0]->id() === $family_id ? $members[0] : null;
		$source = $master ?? $members[0];

		// Union of attributes; the first spelling of a name or value (case/Unicode-insensitive) is canonical.
		$names      = array(); // name key => canonical name.
		$values     = array(); // canonical name => [value key => canonical value].
		$variations = array();
		$combos     = array();
		$by_member  = array();
		foreach ( $members as $member ) {
			$chosen = array();
			foreach ( $member->attributes() as $name => $value ) {
				if ( '' === $value ) {
					continue;
				}
				$name_key = TextKey::of( $name );
				if ( ! isset( $names[ $name_key ] ) ) {
					$names[ $name_key ]  = $name;
					$values[ $name ]     = array();
				}
				$canonical_name = $names[ $name_key ];
				$value_key      = TextKey::of( $value );
				if ( ! isset( $values[ $canonical_name ][ $value_key ] ) ) {
					$values[ $canonical_name ][ $value_key ] = $value;
				}
				$chosen[ $canonical_name ] = $values[ $canonical_name ][ $value_key ];
			}
			$by_member[ $member->id() ] = $chosen;
		}

		foreach ( $members as $member ) {
			$chosen = $by_member[ $member->id() ];
			if ( array() === $chosen ) {
				$issues[] = new CatalogIssue( CatalogIssue::MISSING_ATTRIBUTES, CatalogIssue::SEVERITY_WARNING, CatalogIssue::ENTITY_VARIATION, $member->id(), $member->code() );
			} else {
				$combo_parts = array();
				foreach ( $chosen as $name => $value ) {
					$combo_parts[] = TextKey::of( $name ) . '=' . TextKey::of( $value );
				}
				sort( $combo_parts );
				$combo = implode( '|', $combo_parts );
				if ( isset( $combos[ $combo ] ) ) {
					$issues[] = new CatalogIssue( CatalogIssue::DUPLICATE_COMBINATION, CatalogIssue::SEVERITY_WARNING, CatalogIssue::ENTITY_VARIATION, $member->id(), $member->code(), array( 'same_as_kv_id' => $combos[ $combo ] ) );
				} else {
					$combos[ $combo ] = $member->id();
				}
			}
			$fields = array(
				WooProductSpec::TYPE       => WooProductSpec::TYPE_VARIATION,
				WooProductSpec::KV_ID      => $member->id(),
				WooProductSpec::SKU        => $member->code(),
				WooProductSpec::STATUS     => self::STATUS_PUBLISH,
				WooProductSpec::ATTRIBUTES => $chosen,
				WooProductSpec::IMAGE_URLS => $member->images(),
			);
			$variations[ $member->id() ] = new WooProductSpec(
				self::sellable_fields( $fields, $member, null, $books, $settings, CatalogIssue::ENTITY_VARIATION, $issues )
			);
		}

		$attributes = array();
		foreach ( $values as $name => $options ) {
			$attributes[ $name ] = array_values( $options );
		}

		$parent = new WooProductSpec( array(
			WooProductSpec::TYPE           => WooProductSpec::TYPE_VARIABLE,
			WooProductSpec::KV_ID          => $family_id,
			WooProductSpec::SKU            => '',
			WooProductSpec::NAME           => self::family_name( $source, $members ),
			WooProductSpec::STATUS         => self::STATUS_PUBLISH,
			WooProductSpec::DESCRIPTION    => self::first_non_empty_description( $source, $members ),
			WooProductSpec::CATEGORY_KV_ID => $source->category_id(),
			WooProductSpec::IMAGE_URLS     => self::first_images( $source, $members ),
			WooProductSpec::MANAGE_STOCK   => false,
			WooProductSpec::ATTRIBUTES     => $attributes,
			WooProductSpec::KV_META        => self::meta( $source ),
		) );

		$by_kv_id = array();
		foreach ( $members as $member ) {
			$by_kv_id[ $member->id() ] = $member;
		}
		return new VariablePlan( $family_id, null !== $master, $parent, $variations, $by_kv_id );
	}

	/**
	 * The master's name only ("Áo Polo", never "Áo Polo - Đỏ - S"). `name` is shared by the whole family in
	 * KiotViet; fullName minus the attribute values is the fallback.
	 *
	 * @param KvProduct[] $members
	 */
	private static function family_name( KvProduct $source, array $members ): string {
		foreach ( array_merge( array( $source ), $members ) as $product ) {
			if ( '' !== $product->name() ) {
				return $product->name();
			}
		}
		$full   = $source->full_name();
		$suffix = ' - ' . implode( ' - ', array_values( $source->attributes() ) );
		if ( array() !== $source->attributes() && substr( $full, -strlen( $suffix ) ) === $suffix ) {
			$full = (string) substr( $full, 0, -strlen( $suffix ) );
		}
		return '' !== $full ? $full : $source->code();
	}

	/**
	 * @param KvProduct[] $members
	 */
	private static function first_non_empty_description( KvProduct $source, array $members ): string {
		foreach ( array_merge( array( $source ), $members ) as $product ) {
			if ( '' !== trim( $product->description() ) ) {
				return $product->description();
			}
		}
		return '';
	}

	/**
	 * @param KvProduct[] $members
	 * @return string[]
	 */
	private static function first_images( KvProduct $source, array $members ): array {
		foreach ( array_merge( array( $source ), $members ) as $product ) {
			if ( array() !== $product->images() ) {
				return $product->images();
			}
		}
		return array();
	}

	/**
	 * Price, stock and weight fields shared by simple products and variations.
	 *
	 * @param array<string, mixed>    $fields
	 * @param array<int, KvPriceBook> $books
	 * @param CatalogIssue[]          $issues
	 * @return array<string, mixed>
	 */
	private static function sellable_fields( array $fields, KvProduct $product, ?KvProduct $base, array $books, CatalogSettings $settings, string $entity, array &$issues ): array {
		// Stock.
		if ( StockPolicy::manages_stock( $product ) ) {
			$fields[ WooProductSpec::MANAGE_STOCK ] = true;
			$quantity                               = StockPolicy::quantity( $product, $settings, $base );
			if ( null === $quantity ) {
				// Unknown ≠ 0: leave the stored stock alone (the official plugin zeroed it).
				$issues[] = new CatalogIssue( CatalogIssue::STOCK_UNKNOWN, CatalogIssue::SEVERITY_WARNING, $entity, $product->id(), $product->code() );
			} else {
				$fields[ WooProductSpec::STOCK_QUANTITY ]   = $quantity;
				$fields[ WooProductSpec::STOCK_STATUS ]     = $quantity > 0 ? 'instock' : 'outofstock';
				$fields[ WooProductSpec::LOW_STOCK_AMOUNT ] = StockPolicy::low_stock_amount( $product, $settings );
			}
		} else {
			$fields[ WooProductSpec::MANAGE_STOCK ] = false;
			$fields[ WooProductSpec::STOCK_STATUS ] = 'instock';
		}

		// Prices.
		$decision = PricePolicy::resolve( $product, $books, $settings );
		if ( null !== $decision->regular() ) {
			$fields[ WooProductSpec::REGULAR_PRICE ] = Decimal::format( $decision->regular() );
		}
		if ( $decision->sale_known() ) {
			$fields[ WooProductSpec::SALE_PRICE ]        = null === $decision->sale() ? '' : Decimal::format( $decision->sale() );
			$fields[ WooProductSpec::DATE_ON_SALE_FROM ] = $decision->sale_from();
			$fields[ WooProductSpec::DATE_ON_SALE_TO ]   = $decision->sale_to();
		}
		foreach ( $decision->warnings() as $warning ) {
			$code     = (string) $warning['code'];
			$details  = $warning;
			unset( $details['code'] );
			$severity = PricePolicy::WARNING_SALE_NOT_LOWER === $code ? CatalogIssue::SEVERITY_CONFLICT : CatalogIssue::SEVERITY_WARNING;
			$issues[] = new CatalogIssue( $code, $severity, $entity, $product->id(), $product->code(), $details );
		}

		$fields[ WooProductSpec::WEIGHT ] = WeightConverter::from_grams( $product->weight(), $settings->weight_unit() );
		if ( ! isset( $fields[ WooProductSpec::KV_META ] ) ) {
			$fields[ WooProductSpec::KV_META ] = self::meta( $product );
		}
		return $fields;
	}

	/**
	 * @return array<string, mixed>
	 */
	private static function meta( KvProduct $product ): array {
		$modified = $product->modified_date();
		return array(
			'kv_type'                 => $product->type(),
			'is_active'               => $product->is_active(),
			'allows_sale'             => $product->allows_sale(),
			'is_lot_serial_control'   => $product->is_lot_serial_control(),
			'is_batch_expire_control' => $product->is_batch_expire_control(),
			'unit'                    => $product->unit(),
			'master_unit_id'          => $product->master_unit_id(),
			'conversion_value'        => $product->conversion_value(),
			'master_product_id'       => $product->master_product_id(),
			'modified_date'           => null === $modified ? null : $modified->format( DATE_ATOM ),
		);
	}

	/**
	 * One product per KiotViet id (pages can overlap while the catalog changes): the newest modifiedDate wins,
	 * the later occurrence on a tie.
	 *
	 * @param KvProduct[]    $products
	 * @param CatalogIssue[] $issues
	 * @return KvProduct[]
	 */
	private static function dedupe( array $products, array &$issues ): array {
		$out = array();
		foreach ( $products as $product ) {
			if ( $product->id() <= 0 ) {
				$issues[] = new CatalogIssue( CatalogIssue::INVALID_PRODUCT, CatalogIssue::SEVERITY_BLOCKING, CatalogIssue::ENTITY_PRODUCT, $product->id(), $product->code() );
				continue;
			}
			$id = $product->id();
			if ( isset( $out[ $id ] ) ) {
				$old = $out[ $id ]->modified_date();
				$new = $product->modified_date();
				if ( null !== $old && null !== $new && $new < $old ) {
					continue;
				}
			}
			$out[ $id ] = $product;
		}
		return array_values( $out );
	}

	/**
	 * KiotViet codes should be unique, but when two products share one (case-insensitively, as WooCommerce
	 * SKUs are), the lowest id keeps it and the others are blocked and reported.
	 *
	 * @param KvProduct[]    $products
	 * @param CatalogIssue[] $issues
	 * @return KvProduct[]
	 */
	private static function drop_duplicate_codes( array $products, array &$issues ): array {
		$owner = array();
		foreach ( $products as $product ) {
			if ( '' === $product->code() ) {
				continue;
			}
			$key = TextKey::of( $product->code() );
			if ( ! isset( $owner[ $key ] ) || $product->id() < $owner[ $key ] ) {
				$owner[ $key ] = $product->id();
			}
		}
		$out = array();
		foreach ( $products as $product ) {
			$key = TextKey::of( $product->code() );
			if ( '' !== $product->code() && $owner[ $key ] !== $product->id() ) {
				$entity   = $product->is_variation_member() ? CatalogIssue::ENTITY_VARIATION : CatalogIssue::ENTITY_PRODUCT;
				$issues[] = new CatalogIssue( CatalogIssue::DUPLICATE_SKU, CatalogIssue::SEVERITY_BLOCKING, $entity, $product->id(), $product->code(), array( 'kept_kv_id' => $owner[ $key ] ) );
				continue;
			}
			$out[] = $product;
		}
		return $out;
	}
}
