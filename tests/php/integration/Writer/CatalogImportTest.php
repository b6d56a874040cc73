<?php
/**
 * The demo catalog written into WooCommerce: every mapping rule of seed §2.4.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Writer;

use KiotVietSync\Storage\MappingRepository;
use KiotVietSync\Sync\Catalog\KvProduct;
use KiotVietSync\WooCommerce\SyncGuard;

final class CatalogImportTest extends WriterTestCase {

	/**
	 * Batches of ~50 products, families never split.
	 *
	 * @param KvProduct[] $products
	 * @return array<int, KvProduct[]>
	 */
	private function batches( array $products, int $size = 50 ): array {
		$families = array();
		foreach ( $products as $product ) {
			$families[ $product->is_variation_member() ? $product->family_id() : $product->id() ][] = $product;
		}
		$batches = array( array() );
		foreach ( $families as $members ) {
			if ( count( end( $batches ) ) + count( $members ) > $size && array() !== end( $batches ) ) {
				$batches[] = array();
			}
			$batches[ count( $batches ) - 1 ] = array_merge( end( $batches ), $members );
		}
		return $batches;
	}

	/** @return array{created: int, updated: int, skipped: int, failed: int, queries: int} */
	private function import_all( ?array $settings = null ): array {
		$totals = array( 'created' => 0, 'updated' => 0, 'skipped' => 0, 'failed' => 0, 'queries' => 0 );
		foreach ( $this->batches( $this->products() ) as $batch ) {
			$result = $this->importer->import_batch( $batch, array(), $this->books(), $this->settings( $settings ?? array() ) );
			foreach ( $result->counts() as $key => $count ) {
				$totals[ $key ] += $count;
			}
			$totals['queries'] += $result->queries();
		}
		return $totals;
	}

	public function test_full_demo_catalog_follows_every_mapping_rule(): void {
		$categories = $this->importer->import_categories( $this->categories() );
		self::assertSame( 43, $categories->created(), wp_json_encode( $categories->errors() ) );

		$totals = $this->import_all();
		self::assertSame( 0, $totals['failed'], 'failures' );
		self::assertSame( 150, $totals['created'] );

		// Normal goods with serial/IMEI: simple, managed stock from branch 5001, weight grams → kg.
		$iphone = $this->product_by_code( 'IP15-128' );
		self::assertSame( 'simple', $iphone->get_type() );
		self::assertTrue( $iphone->get_manage_stock() );
		self::assertSame( 3, (int) $iphone->get_stock_quantity() );
		self::assertSame( '0.19', (string) $iphone->get_weight() );
		self::assertSame( 'publish', $iphone->get_status() );
		self::assertSame( '22990000', (string) $iphone->get_regular_price() );
		self::assertSame( 'IP15-128', $iphone->get_sku() );

		// Lot/expiry goods: simple with managed stock.
		$milk = $this->product_by_code( 'DIELAC-AG4' );
		self::assertTrue( $milk->get_manage_stock() );
		self::assertSame( 17, (int) $milk->get_stock_quantity() );

		// Services: no stock management, in stock.
		$service = $this->product_by_code( 'DV-DANCL' );
		self::assertFalse( $service->get_manage_stock() );
		self::assertSame( 'instock', $service->get_stock_status() );

		// Units: their own products; stock derived from the base unit.
		$can    = $this->product_by_code( 'COCA330' );
		$carton = $this->product_by_code( 'COCA330-T24' );
		self::assertNotSame( $can->get_id(), $carton->get_id() );
		self::assertSame( 'Coca-Cola lon 330ml (thùng 24 lon)', $carton->get_name() );
		self::assertSame( 195, (int) $can->get_stock_quantity() );
		self::assertSame( 8, (int) $carton->get_stock_quantity() );
		self::assertSame( '8.4', (string) $carton->get_weight() );

		// Inactive and not-sold-directly goods: synced and shown.
		self::assertSame( 'publish', $this->product_by_code( 'NOKIA105' )->get_status() );
		self::assertSame( 'publish', $this->product_by_code( 'VT-CARTON' )->get_status() );

		// Same-type goods: one variable product named with the master's name, attributes, variations.
		$polo_id = $this->woo_id( MappingRepository::KIND_PRODUCT, $this->kv_id_of( 'POLO-DO-S' ) );
		wp_cache_flush();
		$polo = wc_get_product( $polo_id );
		self::assertInstanceOf( \WC_Product_Variable::class, $polo );
		self::assertSame( 'Áo Polo', $polo->get_name() );
		self::assertSame( '', $polo->get_sku() );
		self::assertCount( 12, $polo->get_children() );
		$attributes = array();
		foreach ( $polo->get_attributes() as $attribute ) {
			$attributes[ $attribute->get_name() ] = $attribute->get_options();
		}
		self::assertSame( array( 'MÀU' => array( 'Đỏ', 'Xanh navy', 'Trắng' ), 'SIZE' => array( 'S', 'M', 'L', 'XL' ) ), $attributes );
		$red_s = $this->product_by_code( 'POLO-DO-S' );
		self::assertInstanceOf( \WC_Product_Variation::class, $red_s );
		self::assertSame( $polo_id, $red_s->get_parent_id() );
		self::assertSame( array( 'mau' => 'Đỏ', 'size' => 'S' ), $red_s->get_attributes() );
		self::assertSame( 21, (int) $red_s->get_stock_quantity() );

		// Price books: regular = general price list, sale from the dated promo book with its dates.
		self::assertSame( '250000', (string) $red_s->get_regular_price() );
		self::assertSame( '213000', (string) $red_s->get_sale_price() );
		self::assertSame( strtotime( '2026-11-15T00:00:00+07:00' ), $red_s->get_date_on_sale_from()->getTimestamp() );
		self::assertSame( strtotime( '2027-01-15T23:59:00+07:00' ), $red_s->get_date_on_sale_to()->getTimestamp() );
		self::assertSame( '213000', (string) $polo->get_variation_sale_price( 'min' ) );

		// Categories keep their hierarchy; products sit in their mapped category.
		$polo_term = $this->woo_id( MappingRepository::KIND_CATEGORY, 500104 );
		$ao_term   = $this->woo_id( MappingRepository::KIND_CATEGORY, 500102 );
		self::assertSame( $ao_term, get_term( $polo_term, 'product_cat' )->parent );
		self::assertSame( array( $polo_term ), $polo->get_category_ids() );

		fwrite( STDERR, sprintf( "\n[writer] first import: %d SQL queries for 150 KiotViet products (%.1f per product) on %s\n", $totals['queries'], $totals['queries'] / 150, $this->is_real_woocommerce() ? 'WooCommerce' : 'the stand-in' ) );
		// Reported, not a budget: creation through CRUD costs what WooCommerce's data stores cost; this only
		// catches N+1 regressions of the writer itself (per-item lookups would add hundreds).
		self::assertLessThanOrEqual( 200 * 150, $totals['queries'] );
	}

	public function test_reimport_is_idempotent_and_updates_changed_fields_only(): void {
		$this->importer->import_categories( $this->categories() );
		$this->import_all();
		$count = $this->count_products();
		$iphone_id = $this->product_by_code( 'IP15-128' )->get_id();

		$again = $this->import_all();
		self::assertSame( 0, $again['created'] );
		self::assertSame( 0, $again['failed'] );
		self::assertSame( 150, $again['skipped'], 'unchanged payloads are not rewritten' );
		self::assertSame( $count, $this->count_products() );
		fwrite( STDERR, sprintf( "[writer] unchanged re-import: %d SQL queries (%.1f per product)\n", $again['queries'], $again['queries'] / 150 ) );

		// A changed price rewrites that product only, in place.
		$changed = $this->products(
			array( 'IP15-128', 'SS-S24' ),
			static function ( array $raw ): array {
				if ( 'IP15-128' === $raw['code'] ) {
					$raw['basePrice'] = 21990000;
				}
				return $raw;
			}
		);
		$result = $this->importer->import_batch( $changed, array(), $this->books(), $this->settings() );
		self::assertSame( 1, $result->updated() );
		self::assertSame( 1, $result->skipped() );
		$iphone = $this->product_by_code( 'IP15-128' );
		self::assertSame( $iphone_id, $iphone->get_id() );
		self::assertSame( '21990000', (string) $iphone->get_regular_price() );
		self::assertSame( $count, $this->count_products() );

		global $wpdb;
		$rows = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$this->mapping->table()} WHERE retailer = 'demo' AND kind IN ('product','variation')" );
		self::assertSame( 150 + 6, $rows, '150 products/variations + 6 variable parents, no duplicates' );
	}

	public function test_sync_writes_raise_the_loop_guard(): void {
		$seen = array();
		$hook = static function ( $id ) use ( &$seen ): void {
			$seen[] = SyncGuard::is_applying();
		};
		add_action( 'woocommerce_new_product', $hook );
		add_action( 'woocommerce_new_product_variation', $hook );
		try {
			$this->importer->import_batch( array_merge( $this->products( array( 'SAC20W' ) ), $this->family( 'JEAN-' ) ), array(), $this->books(), $this->settings() );
		} finally {
			remove_action( 'woocommerce_new_product', $hook );
			remove_action( 'woocommerce_new_product_variation', $hook );
		}
		self::assertNotEmpty( $seen );
		self::assertNotContains( false, $seen );
		self::assertFalse( SyncGuard::is_applying() );
	}
}
