<?php
/**
 * WooProductSpec → WooCommerce CRUD.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\WooCommerce;

use DateTimeImmutable;
use KiotVietSync\Sync\Catalog\TextKey;
use KiotVietSync\Sync\Catalog\WooProductSpec;

/**
 * Applies one spec to a WC_Product_Simple / WC_Product_Variable / WC_Product_Variation object through its
 * setters (absent field = untouched, present ''/null = cleared). Saving is the caller's job, with SyncGuard up.
 * Attributes are product-level (local) attributes: no global taxonomy, so no 28-character slug limit and no
 * term explosion; variations reference them by sanitize_title( name ) as WooCommerce does.
 */
final class ProductWriter {

	public const META_KV             = '_kiotviet_sync';
	public const META_IMAGES         = '_kiotviet_sync_images';
	public const META_IMAGES_PENDING = '_kiotviet_sync_images_pending';
	public const META_UNPUBLISHED    = '_kiotviet_sync_unpublished';

	/**
	 * New or existing object of the spec's type; an existing object of another type is converted (KiotViet
	 * product that gained or lost variants keeps its WooCommerce id).
	 */
	public function object_for( WooProductSpec $spec, ?int $woo_id ): \WC_Product {
		if ( WooProductSpec::TYPE_VARIATION === $spec->type() ) {
			return new \WC_Product_Variation( $woo_id ?? 0 );
		}
		if ( null !== $woo_id ) {
			$existing = wc_get_product( $woo_id );
			if ( $existing instanceof \WC_Product && $existing->get_type() === $spec->type() ) {
				return $existing;
			}
		}
		return WooProductSpec::TYPE_VARIABLE === $spec->type() ? new \WC_Product_Variable( $woo_id ?? 0 ) : new \WC_Product_Simple( $woo_id ?? 0 );
	}

	/**
	 * Sets the spec's fields on the object.
	 *
	 * @param array<int, int> $category_terms KiotViet category id => term id.
	 * @param bool            $write_sku      False when the SKU is held by another object (sku_taken).
	 * @return string[] Warnings (e.g. category_unmapped).
	 */
	public function apply( \WC_Product $product, WooProductSpec $spec, array $category_terms, bool $is_new, bool $write_sku = true ): array {
		$warnings = array();
		$f        = $spec->to_array();

		if ( array_key_exists( WooProductSpec::NAME, $f ) && ! $product instanceof \WC_Product_Variation ) {
			$product->set_name( self::text( (string) $f[ WooProductSpec::NAME ] ) );
		}
		if ( $write_sku && array_key_exists( WooProductSpec::SKU, $f ) && (string) $product->get_sku( 'edit' ) !== (string) $f[ WooProductSpec::SKU ] ) {
			$product->set_sku( (string) $f[ WooProductSpec::SKU ] );
		}
		if ( array_key_exists( WooProductSpec::DESCRIPTION, $f ) && ! $product instanceof \WC_Product_Variation ) {
			$product->set_description( (string) $f[ WooProductSpec::DESCRIPTION ] );
		}
		if ( array_key_exists( WooProductSpec::STATUS, $f ) ) {
			// Status is written on creation, and on update only to undo our own unpublish (product.delete);
			// a merchant's own draft/private choice survives re-imports.
			$status = (string) $f[ WooProductSpec::STATUS ];
			if ( $product instanceof \WC_Product_Variation && 'publish' !== $status ) {
				$status = 'private';
			}
			if ( $is_new ) {
				$product->set_status( $status );
			} elseif ( '' !== (string) $product->get_meta( self::META_UNPUBLISHED, true ) ) {
				$product->set_status( $status );
				$product->delete_meta_data( self::META_UNPUBLISHED );
			}
		}
		if ( array_key_exists( WooProductSpec::MANAGE_STOCK, $f ) ) {
			$product->set_manage_stock( (bool) $f[ WooProductSpec::MANAGE_STOCK ] );
		}
		if ( array_key_exists( WooProductSpec::STOCK_QUANTITY, $f ) && null !== $f[ WooProductSpec::STOCK_QUANTITY ] ) {
			$product->set_stock_quantity( (int) $f[ WooProductSpec::STOCK_QUANTITY ] );
		}
		if ( array_key_exists( WooProductSpec::STOCK_STATUS, $f ) && ! $product instanceof \WC_Product_Variable ) {
			$product->set_stock_status( (string) $f[ WooProductSpec::STOCK_STATUS ] );
		}
		if ( array_key_exists( WooProductSpec::LOW_STOCK_AMOUNT, $f ) ) {
			$product->set_low_stock_amount( null === $f[ WooProductSpec::LOW_STOCK_AMOUNT ] ? '' : (int) $f[ WooProductSpec::LOW_STOCK_AMOUNT ] );
		}
		if ( ! $product instanceof \WC_Product_Variable ) {
			if ( array_key_exists( WooProductSpec::REGULAR_PRICE, $f ) ) {
				$product->set_regular_price( (string) $f[ WooProductSpec::REGULAR_PRICE ] );
			}
			if ( array_key_exists( WooProductSpec::SALE_PRICE, $f ) ) {
				$product->set_sale_price( (string) $f[ WooProductSpec::SALE_PRICE ] );
			}
			if ( array_key_exists( WooProductSpec::DATE_ON_SALE_FROM, $f ) ) {
				$product->set_date_on_sale_from( self::timestamp( $f[ WooProductSpec::DATE_ON_SALE_FROM ] ) );
			}
			if ( array_key_exists( WooProductSpec::DATE_ON_SALE_TO, $f ) ) {
				$product->set_date_on_sale_to( self::timestamp( $f[ WooProductSpec::DATE_ON_SALE_TO ] ) );
			}
		}
		if ( array_key_exists( WooProductSpec::WEIGHT, $f ) ) {
			$product->set_weight( (string) $f[ WooProductSpec::WEIGHT ] );
		}
		if ( array_key_exists( WooProductSpec::CATEGORY_KV_ID, $f ) && ! $product instanceof \WC_Product_Variation ) {
			$category = $f[ WooProductSpec::CATEGORY_KV_ID ];
			if ( null === $category ) {
				$product->set_category_ids( array() );
			} elseif ( isset( $category_terms[ (int) $category ] ) ) {
				$product->set_category_ids( array( $category_terms[ (int) $category ] ) );
			} else {
				$warnings[] = 'category_unmapped';
			}
		}
		if ( array_key_exists( WooProductSpec::ATTRIBUTES, $f ) && is_array( $f[ WooProductSpec::ATTRIBUTES ] ) ) {
			if ( $product instanceof \WC_Product_Variation ) {
				$attributes = array();
				foreach ( $f[ WooProductSpec::ATTRIBUTES ] as $name => $value ) {
					$attributes[ sanitize_title( self::text( (string) $name ) ) ] = self::text( (string) $value );
				}
				$product->set_attributes( $attributes );
			} elseif ( $product instanceof \WC_Product_Variable ) {
				$product->set_attributes( self::parent_attributes( $product, $f[ WooProductSpec::ATTRIBUTES ] ) );
			}
		}
		if ( array_key_exists( WooProductSpec::KV_META, $f ) && is_array( $f[ WooProductSpec::KV_META ] ) ) {
			$product->update_meta_data( self::META_KV, $f[ WooProductSpec::KV_META ] );
		}
		if ( array_key_exists( WooProductSpec::IMAGE_URLS, $f ) && is_array( $f[ WooProductSpec::IMAGE_URLS ] ) ) {
			$this->queue_images( $product, array_values( array_map( 'strval', $f[ WooProductSpec::IMAGE_URLS ] ) ), $is_new );
		}
		return $warnings;
	}

	/**
	 * Queues the image URLs for the image job when they differ from the ones applied last time.
	 *
	 * @param string[] $urls
	 * @return bool Whether the product now waits for images.
	 */
	public function queue_images( \WC_Product $product, array $urls, bool $is_new ): bool {
		if ( $product instanceof \WC_Product_Variation ) {
			$urls = array_slice( $urls, 0, 1 );
		}
		$applied = $is_new ? array() : $product->get_meta( self::META_IMAGES, true );
		$applied = is_array( $applied ) ? array_values( $applied ) : array();
		if ( $applied === $urls ) {
			if ( ! $is_new && '' !== $product->get_meta( self::META_IMAGES_PENDING, true ) ) {
				$product->delete_meta_data( self::META_IMAGES_PENDING );
			}
			return false;
		}
		$product->update_meta_data( self::META_IMAGES_PENDING, (string) wp_json_encode( $urls ) );
		return true;
	}

	/**
	 * The parent's attribute list: KiotViet attributes merged into the existing local ones (values only ever
	 * added — a batch may carry only some members), taxonomy attributes the merchant added kept as they are.
	 *
	 * @param array<string, mixed> $wanted name => values.
	 * @return \WC_Product_Attribute[]
	 */
	private static function parent_attributes( \WC_Product_Variable $product, array $wanted ): array {
		$existing = array();
		$kept     = array();
		foreach ( $product->get_attributes( 'edit' ) as $attribute ) {
			if ( ! $attribute instanceof \WC_Product_Attribute ) {
				continue;
			}
			if ( $attribute->is_taxonomy() ) {
				$kept[] = $attribute;
				continue;
			}
			$existing[ $attribute->get_name() ] = array_map( 'strval', $attribute->get_options() );
		}
		$merged = $existing;
		$names  = array();
		foreach ( array_keys( $merged ) as $name ) {
			$names[ TextKey::of( (string) $name ) ] = (string) $name;
		}
		foreach ( $wanted as $name => $values ) {
			$name   = self::text( (string) $name );
			$values = array_map( array( self::class, 'text' ), array_map( 'strval', (array) $values ) );
			$key    = TextKey::of( $name );
			$target = $names[ $key ] ?? (string) $name;
			if ( ! isset( $names[ $key ] ) ) {
				$names[ $key ]     = $target;
				$merged[ $target ] = array();
			}
			$seen = array();
			foreach ( $merged[ $target ] as $value ) {
				$seen[ TextKey::of( $value ) ] = true;
			}
			foreach ( (array) $values as $value ) {
				if ( ! isset( $seen[ TextKey::of( (string) $value ) ] ) ) {
					$seen[ TextKey::of( (string) $value ) ] = true;
					$merged[ $target ][]                   = (string) $value;
				}
			}
		}
		$out      = array();
		$position = 0;
		foreach ( $merged as $name => $options ) {
			$attribute = new \WC_Product_Attribute();
			$attribute->set_id( 0 );
			$attribute->set_name( (string) $name );
			$attribute->set_options( array_values( $options ) );
			$attribute->set_position( $position++ );
			$attribute->set_visible( true );
			$attribute->set_variation( true );
			$out[] = $attribute;
		}
		foreach ( $kept as $attribute ) {
			$attribute->set_position( $position++ );
			$out[] = $attribute;
		}
		return $out;
	}

	/**
	 * KiotViet names and attribute values are plain text, but WordPress and WooCommerce print titles and
	 * attribute labels/values as HTML (through kses, which keeps harmless tags): angle brackets are stored as
	 * entities so the shop shows them literally and no markup from KiotViet ever reaches a page. Ampersands and
	 * quotes stay as they are (WordPress handles them in titles itself).
	 */
	public static function text( string $plain ): string {
		return str_replace( array( '<', '>' ), array( '&lt;', '&gt;' ), $plain );
	}

	/**
	 * @param mixed $date DateTimeImmutable or null.
	 */
	private static function timestamp( $date ): ?int {
		return $date instanceof DateTimeImmutable ? $date->getTimestamp() : null;
	}
}
