<?php
/**
 * CatalogGateway over WooCommerce CRUD.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks\Woo;

use KiotVietSync\Sync\Catalog\CatalogSettings;
use KiotVietSync\Sync\Catalog\Decimal;
use KiotVietSync\Sync\Catalog\FieldLocks;
use KiotVietSync\Sync\Catalog\KvCategory;
use KiotVietSync\Sync\Catalog\KvProduct;
use KiotVietSync\Sync\Catalog\PricePolicy;
use KiotVietSync\Sync\Catalog\ProductPlanner;
use KiotVietSync\Sync\Catalog\WooProductSpec;
use KiotVietSync\Webhooks\CatalogGateway;

/**
 * Writes through WC_Product CRUD only (HPOS-safe, hooks fire, caches cleared). Whole-product imports go to
 * the catalog writer (`$importer`, Sync\Catalog\CatalogImporter) when it is available; without it, a mapped
 * product still gets its stock and prices (locks honoured) and an unmapped one is skipped.
 */
final class WooCatalogGateway implements CatalogGateway {

	/**
	 * Mapping.
	 *
	 * @var MappingLookup
	 */
	private MappingLookup $mapping;

	/**
	 * Writer import: fn(list<KvProduct>, array<int,KvPriceBook>, CatalogSettings): array{created,updated,skipped,failed,messages}|null.
	 *
	 * @var callable|null
	 */
	private $importer;

	/**
	 * The catalog writer (Sync\Catalog\CatalogImporter) for its narrow stock/unpublish methods, or null.
	 *
	 * @var object|null
	 */
	private ?object $writer;

	/**
	 * Creates the gateway.
	 *
	 * @param MappingLookup $mapping  Mapping.
	 * @param callable|null $importer Catalog writer import, null when not available.
	 * @param object|null   $writer   Catalog writer, null when not available.
	 */
	public function __construct( MappingLookup $mapping, ?callable $importer = null, ?object $writer = null ) {
		$this->mapping  = $mapping;
		$this->importer = $importer;
		$this->writer   = $writer;
	}

	/**
	 * Stock through the writer's set_stock_quantities().
	 *
	 * @param int             $kv_id    KiotViet id.
	 * @param int|null        $quantity Quantity.
	 * @param CatalogSettings $settings Settings.
	 */
	public function writer_stock( int $kv_id, ?int $quantity, CatalogSettings $settings ): ?bool {
		if ( null === $this->writer || ! method_exists( $this->writer, 'set_stock_quantities' ) ) {
			return null;
		}
		return self::changed( $this->writer->set_stock_quantities( array( $kv_id => $quantity ), $settings ) );
	}

	/**
	 * Unpublish through the writer.
	 *
	 * @param int $kv_id KiotViet id.
	 */
	public function writer_unpublish( int $kv_id ): ?bool {
		if ( null === $this->writer || ! method_exists( $this->writer, 'unpublish' ) ) {
			return null;
		}
		return self::changed( $this->writer->unpublish( array( $kv_id ) ) );
	}

	/**
	 * Whether a writer result reports a change; throws when it reports a failure.
	 *
	 * @param mixed $result ImportBatchResult.
	 * @throws \RuntimeException When the writer failed.
	 */
	private static function changed( $result ): bool {
		if ( ! is_object( $result ) ) {
			return false;
		}
		$failed  = method_exists( $result, 'failed' ) ? (int) $result->failed() : 0;
		$updated = ( method_exists( $result, 'updated' ) ? (int) $result->updated() : 0 ) + ( method_exists( $result, 'created' ) ? (int) $result->created() : 0 );
		if ( $failed > 0 ) {
			$errors = method_exists( $result, 'errors' ) ? (array) $result->errors() : array();
			throw new \RuntimeException( 'The catalog writer failed: ' . (string) wp_json_encode( $errors ) );
		}
		return $updated > 0;
	}

	/**
	 * Mapped Woo object.
	 *
	 * @param int $kv_id KiotViet id.
	 * @return array{woo_id: int, type: string, locked_fields: list<string>}|null
	 */
	public function product_target( int $kv_id ): ?array {
		$row = $this->mapping->product( $kv_id );
		if ( null === $row ) {
			return null;
		}
		$product = wc_get_product( $row['woo_id'] );
		if ( ! $product instanceof \WC_Product ) {
			return null;
		}
		return array(
			'woo_id'        => $row['woo_id'],
			'type'          => $product->is_type( 'variation' ) ? WooProductSpec::TYPE_VARIATION : ( $product->is_type( 'variable' ) ? WooProductSpec::TYPE_VARIABLE : WooProductSpec::TYPE_SIMPLE ),
			'locked_fields' => $row['locked_fields'],
		);
	}

	/**
	 * Writes stock/price fields.
	 *
	 * @param int            $woo_id Woo id.
	 * @param WooProductSpec $spec   Fields.
	 */
	public function write_fields( int $woo_id, WooProductSpec $spec ): bool {
		$product = wc_get_product( $woo_id );
		if ( ! $product instanceof \WC_Product ) {
			return false;
		}
		if ( $spec->has( WooProductSpec::MANAGE_STOCK ) ) {
			$product->set_manage_stock( (bool) $spec->get( WooProductSpec::MANAGE_STOCK ) );
		}
		if ( $spec->has( WooProductSpec::STOCK_QUANTITY ) ) {
			if ( ! $spec->has( WooProductSpec::MANAGE_STOCK ) && ! $product->get_manage_stock() ) {
				$product->set_manage_stock( true );
			}
			$product->set_stock_quantity( (int) $spec->get( WooProductSpec::STOCK_QUANTITY ) );
		}
		if ( $spec->has( WooProductSpec::STOCK_STATUS ) ) {
			$product->set_stock_status( (string) $spec->get( WooProductSpec::STOCK_STATUS ) );
		}
		if ( $spec->has( WooProductSpec::LOW_STOCK_AMOUNT ) ) {
			$low = $spec->get( WooProductSpec::LOW_STOCK_AMOUNT );
			$product->set_low_stock_amount( null === $low ? '' : (int) $low );
		}
		if ( $spec->has( WooProductSpec::REGULAR_PRICE ) ) {
			$product->set_regular_price( (string) $spec->get( WooProductSpec::REGULAR_PRICE ) );
		}
		if ( $spec->has( WooProductSpec::SALE_PRICE ) ) {
			$product->set_sale_price( (string) $spec->get( WooProductSpec::SALE_PRICE ) );
		}
		foreach ( array( WooProductSpec::DATE_ON_SALE_FROM, WooProductSpec::DATE_ON_SALE_TO ) as $field ) {
			if ( $spec->has( $field ) ) {
				$date  = $spec->get( $field );
				$value = $date instanceof \DateTimeInterface ? $date->getTimestamp() : null;
				if ( WooProductSpec::DATE_ON_SALE_FROM === $field ) {
					$product->set_date_on_sale_from( $value );
				} else {
					$product->set_date_on_sale_to( $value );
				}
			}
		}
		if ( array() === $product->get_changes() ) {
			return false;
		}
		self::save( $product );
		return true;
	}

	/**
	 * Saves inside the writer's loop guard when it exists (our own writes must not be pushed back to KiotViet).
	 *
	 * @param \WC_Product $product Product.
	 */
	private static function save( \WC_Product $product ): void {
		$guard = 'KiotVietSync\\WooCommerce\\SyncGuard';
		if ( class_exists( $guard ) && is_callable( array( $guard, 'apply' ) ) ) {
			call_user_func( array( $guard, 'apply' ), static fn () => $product->save() );
			return;
		}
		$product->save();
	}

	/**
	 * Drafts a product (a variation becomes private, i.e. disabled).
	 *
	 * @param int $woo_id Woo id.
	 */
	public function unpublish( int $woo_id ): bool {
		$product = wc_get_product( $woo_id );
		if ( ! $product instanceof \WC_Product ) {
			return false;
		}
		$status = $product->is_type( 'variation' ) ? 'private' : 'draft';
		if ( $status === $product->get_status() ) {
			return false;
		}
		$product->set_status( $status );
		self::save( $product );
		return true;
	}

	/**
	 * Imports products through the writer; without it, stock and prices of mapped products.
	 *
	 * @param list<KvProduct>                                   $products Products.
	 * @param array<int, \KiotVietSync\Sync\Catalog\KvPriceBook> $books    Books.
	 * @param CatalogSettings                                   $settings Settings.
	 * @return array{created: int, updated: int, skipped: int, failed: int, messages: list<string>}
	 */
	public function import_products( array $products, array $books, CatalogSettings $settings ): array {
		if ( null !== $this->importer ) {
			$result = ( $this->importer )( $products, $books, $settings );
			if ( is_array( $result ) ) {
				return array(
					'created'  => (int) ( $result['created'] ?? 0 ),
					'updated'  => (int) ( $result['updated'] ?? 0 ),
					'skipped'  => (int) ( $result['skipped'] ?? 0 ),
					'failed'   => (int) ( $result['failed'] ?? 0 ),
					'messages' => array_values( array_map( 'strval', (array) ( $result['messages'] ?? array() ) ) ),
				);
			}
		}
		$out = array(
			'created'  => 0,
			'updated'  => 0,
			'skipped'  => 0,
			'failed'   => 0,
			'messages' => array(),
		);
		foreach ( $products as $product ) {
			$target = $this->product_target( $product->id() );
			if ( null === $target || WooProductSpec::TYPE_VARIABLE === $target['type'] ) {
				++$out['skipped'];
				$out['messages'][] = sprintf( 'Product %d is not synced yet (the catalog import adds it).', $product->id() );
				continue;
			}
			$spec   = $this->stock_and_price( $product, $target['type'], $books, $settings );
			$spec   = FieldLocks::apply( $spec, $settings->locked_fields(), $target['locked_fields'], false );
			$status = $this->write_fields( $target['woo_id'], $spec );
			if ( $status ) {
				++$out['updated'];
			} else {
				++$out['skipped'];
			}
		}
		return $out;
	}

	/**
	 * Stock and price fields of a product.
	 *
	 * @param KvProduct                                         $product  Product.
	 * @param string                                            $type     Spec type.
	 * @param array<int, \KiotVietSync\Sync\Catalog\KvPriceBook> $books    Books.
	 * @param CatalogSettings                                   $settings Settings.
	 */
	private function stock_and_price( KvProduct $product, string $type, array $books, CatalogSettings $settings ): WooProductSpec {
		$spec     = $product->is_derived_unit() ? new WooProductSpec(
			array(
				WooProductSpec::TYPE  => $type,
				WooProductSpec::KV_ID => $product->id(),
			)
		) : ProductPlanner::stock_spec( $product, $type, $settings );
		$decision = PricePolicy::resolve( $product, $books, $settings );
		if ( null !== $decision->regular() ) {
			$spec = $spec->with( WooProductSpec::REGULAR_PRICE, Decimal::format( $decision->regular() ) );
		}
		if ( $decision->sale_known() ) {
			$spec = $spec->with( WooProductSpec::SALE_PRICE, null === $decision->sale() ? '' : Decimal::format( $decision->sale() ) )
				->with( WooProductSpec::DATE_ON_SALE_FROM, $decision->sale_from() )
				->with( WooProductSpec::DATE_ON_SALE_TO, $decision->sale_to() );
		}
		return $spec;
	}

	/**
	 * Mapped term.
	 *
	 * @param int $kv_id Id.
	 */
	public function category_term( int $kv_id ): ?int {
		$term_id = $this->mapping->category( $kv_id );
		if ( null === $term_id ) {
			return null;
		}
		$term = get_term( $term_id, 'product_cat' );
		return $term instanceof \WP_Term ? $term_id : null;
	}

	/**
	 * Renames / re-parents a mapped term.
	 *
	 * @param KvCategory $category Category.
	 */
	public function update_category( KvCategory $category ): bool {
		$term_id = $this->category_term( $category->id() );
		if ( null === $term_id ) {
			return false;
		}
		$term = get_term( $term_id, 'product_cat' );
		if ( ! $term instanceof \WP_Term ) {
			return false;
		}
		$args = array();
		if ( '' !== $category->name() && $category->name() !== $term->name ) {
			$args['name'] = $category->name();
		}
		$parent = 0;
		if ( null !== $category->parent_id() ) {
			$parent = $this->category_term( $category->parent_id() ) ?? (int) $term->parent;
		}
		if ( $parent !== (int) $term->parent ) {
			$args['parent'] = $parent;
		}
		if ( array() === $args ) {
			return false;
		}
		$result = wp_update_term( $term_id, 'product_cat', $args );
		if ( is_wp_error( $result ) ) {
			throw new \RuntimeException( $result->get_error_message() );
		}
		return true;
	}

	/**
	 * Unlinks a deleted category; the term stays.
	 *
	 * @param int $kv_id Id.
	 */
	public function unmap_category( int $kv_id ): ?int {
		$term_id = $this->mapping->category( $kv_id );
		if ( null === $term_id ) {
			return null;
		}
		$this->mapping->unmap_category( $kv_id );
		return $term_id;
	}
}
