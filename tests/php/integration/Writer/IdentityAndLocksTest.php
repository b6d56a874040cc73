<?php
/**
 * Identity (mapping, SKU mode, adoption), locks, stock and price rules of the writer.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Writer;

use KiotVietSync\Storage\MappingRepository;
use KiotVietSync\Sync\Catalog\ImportBatchResult;

final class IdentityAndLocksTest extends WriterTestCase {

	public function test_existing_category_with_same_name_and_parent_is_adopted(): void {
		$root = wp_insert_term( 'Thời trang', 'product_cat' );
		self::assertIsArray( $root );
		$kv_root = null;
		foreach ( $this->categories() as $category ) {
			if ( 'Thời trang' === $category->name() && null === $category->parent_id() ) {
				$kv_root = $category->id();
			}
		}
		self::assertNotNull( $kv_root, 'demo seed has a root "Thời trang"' );
		$terms_before = (int) wp_count_terms( array( 'taxonomy' => 'product_cat', 'hide_empty' => false ) );

		$result = $this->importer->import_categories( $this->categories() );
		self::assertSame( 0, $result->failed() );
		self::assertSame( (int) $root['term_id'], $this->woo_id( MappingRepository::KIND_CATEGORY, (int) $kv_root ) );
		self::assertSame( $terms_before + 42, (int) wp_count_terms( array( 'taxonomy' => 'product_cat', 'hide_empty' => false ) ) );

		// Again: nothing created, nothing duplicated.
		$again = $this->importer->import_categories( $this->categories() );
		self::assertSame( 0, $again->created() );
		self::assertSame( 43, $again->skipped() );
	}

	public function test_id_mode_refuses_an_existing_sku_and_sku_mode_adopts_it(): void {
		$existing = new \WC_Product_Simple();
		$existing->set_name( 'Hand-made iPhone' );
		$existing->set_sku( 'IP15-128' );
		$existing->set_regular_price( '1' );
		$existing_id = $existing->save();
		$count       = $this->count_products();

		$id_mode = $this->importer->import_batch( $this->products( array( 'IP15-128' ) ), array(), $this->books(), $this->settings() );
		self::assertSame( 1, $id_mode->failed() );
		self::assertContains( 'sku_exists', $id_mode->issue_codes() );
		self::assertSame( $count, $this->count_products(), 'no duplicate' );
		$row = $this->mapping->find( MappingRepository::KIND_PRODUCT, $this->kv_id_of( 'IP15-128' ) );
		self::assertNotNull( $row );
		self::assertSame( 0, $row['woo_id'] );
		self::assertStringContainsString( 'sku_exists', (string) $row['last_error'] );

		$sku_mode = $this->importer->import_batch( $this->products( array( 'IP15-128' ) ), array(), $this->books(), $this->settings( array( 'match_by_sku' => true ) ) );
		self::assertSame( 1, $sku_mode->updated(), wp_json_encode( $sku_mode->to_array() ) );
		self::assertSame( $existing_id, $this->woo_id( MappingRepository::KIND_PRODUCT, $this->kv_id_of( 'IP15-128' ) ) );
		self::assertSame( 'iPhone 15 128GB', $this->product_by_code( 'IP15-128' )->get_name() );
		self::assertSame( $count, $this->count_products() );
		self::assertStringNotContainsString( 'sku_exists', (string) $this->mapping->find( MappingRepository::KIND_PRODUCT, $this->kv_id_of( 'IP15-128' ) )['last_error'] );
	}

	public function test_sku_mode_takes_over_a_hand_made_variable_family(): void {
		$parent = new \WC_Product_Variable();
		$parent->set_name( 'Quần jean (tự tạo)' );
		$parent_id = $parent->save();
		$variation = new \WC_Product_Variation();
		$variation->set_parent_id( $parent_id );
		$variation->set_sku( 'JEAN-30' );
		$variation_id = $variation->save();

		$result = $this->importer->import_batch( $this->family( 'JEAN-' ), array(), $this->books(), $this->settings( array( 'match_by_sku' => true ) ) );
		self::assertSame( 0, $result->failed(), wp_json_encode( $result->errors() ) );
		self::assertSame( $parent_id, $this->woo_id( MappingRepository::KIND_PRODUCT, $this->kv_id_of( 'JEAN-29' ) ) );
		self::assertSame( $variation_id, $this->woo_id( MappingRepository::KIND_VARIATION, $this->kv_id_of( 'JEAN-30' ) ) );
		wp_cache_flush();
		self::assertCount( 4, wc_get_product( $parent_id )->get_children() );
		self::assertSame( 'Quần jean slim', wc_get_product( $parent_id )->get_name() );
	}

	public function test_global_and_per_product_locks_hold_on_updates_only(): void {
		$this->importer->import_batch( $this->products( array( 'SAC20W', 'CAP-C-2M' ) ), array(), $this->books(), $this->settings( array( 'locked_fields' => array( 'name', 'stock' ) ) ) );
		self::assertSame( 'Sạc nhanh 20W USB-C', $this->product_by_code( 'SAC20W' )->get_name(), 'locks never apply to creation' );
		$this->mapping->set_locked_fields( MappingRepository::KIND_PRODUCT, $this->kv_id_of( 'CAP-C-2M' ), array( 'regular_price' ) );

		$changed = $this->products(
			array( 'SAC20W', 'CAP-C-2M' ),
			static function ( array $raw ): array {
				$raw['name']                      = $raw['name'] . ' (mới)';
				$raw['basePrice']                 = (float) $raw['basePrice'] + 1000;
				$raw['inventories'][0]['onHand'] = 77;
				$raw['description']               = 'Mô tả mới';
				return $raw;
			}
		);
		$this->importer->import_batch( $changed, array(), $this->books(), $this->settings( array( 'locked_fields' => array( 'name', 'stock' ) ) ) );

		$charger = $this->product_by_code( 'SAC20W' );
		$cable   = $this->product_by_code( 'CAP-C-2M' );
		self::assertSame( 'Sạc nhanh 20W USB-C', $charger->get_name(), 'global name lock' );
		self::assertNotSame( 77, (int) $charger->get_stock_quantity(), 'global stock lock' );
		self::assertSame( 'Mô tả mới', $charger->get_description(), 'unlocked field updated' );
		self::assertSame( (string) ( $this->raw( 'SAC20W' )['basePrice'] + 1000 ), (string) $charger->get_regular_price() );
		self::assertSame( (string) $this->raw( 'CAP-C-2M' )['basePrice'], (string) $cable->get_regular_price(), 'per-product price lock' );
	}

	public function test_unknown_stock_never_zeroes_and_stock_updates_honour_the_lock(): void {
		$this->importer->import_batch( $this->products( array( 'SDP-10K' ) ), array(), $this->books(), $this->settings() );
		$before = (int) $this->product_by_code( 'SDP-10K' )->get_stock_quantity();
		self::assertGreaterThan( 0, $before );

		// Payload without inventories (webhook) and one without the stock branch: stock untouched.
		$no_inventory = $this->products( array( 'SDP-10K' ), static function ( array $raw ): array {
			unset( $raw['inventories'] );
			$raw['name'] = 'Sạc dự phòng 10000mAh v2';
			return $raw;
		} );
		$result       = $this->importer->import_batch( $no_inventory, array(), $this->books(), $this->settings() );
		self::assertContains( 'stock_unknown', $result->issue_codes() );
		self::assertSame( $before, (int) $this->product_by_code( 'SDP-10K' )->get_stock_quantity() );
		self::assertSame( 'Sạc dự phòng 10000mAh v2', $this->product_by_code( 'SDP-10K' )->get_name() );

		$other_branch = $this->products( array( 'SDP-10K' ), static function ( array $raw ): array {
			$raw['inventories'] = array( array( 'branchId' => 5002, 'onHand' => 0, 'reserved' => 0 ) );
			return $raw;
		} );
		$stock        = $this->importer->update_stock( $other_branch, $this->settings() );
		self::assertSame( 1, $stock->skipped() );
		self::assertSame( $before, (int) $this->product_by_code( 'SDP-10K' )->get_stock_quantity() );

		// stock.update with the branch: written; under the stock lock: not.
		$five = $this->products( array( 'SDP-10K' ), static function ( array $raw ): array {
			$raw['inventories'] = array( array( 'branchId' => 5001, 'onHand' => 5, 'reserved' => 1 ) );
			return $raw;
		} );
		self::assertSame( 1, $this->importer->update_stock( $five, $this->settings() )->updated() );
		self::assertSame( 4, (int) $this->product_by_code( 'SDP-10K' )->get_stock_quantity() );
		self::assertSame( 1, $this->importer->set_stock_quantities( array( $this->kv_id_of( 'SDP-10K' ) => 9 ), $this->settings( array( 'locked_fields' => array( 'stock' ) ) ) )->skipped() );
		self::assertSame( 4, (int) $this->product_by_code( 'SDP-10K' )->get_stock_quantity() );
		self::assertSame( 1, $this->importer->set_stock_quantities( array( $this->kv_id_of( 'SDP-10K' ) => 0 ), $this->settings() )->updated() );
		self::assertSame( 'outofstock', $this->product_by_code( 'SDP-10K' )->get_stock_status() );
	}

	public function test_sale_not_lower_than_regular_is_not_applied_and_reported(): void {
		// Regular from book 77 (online price) and the general price list as sale book: sale ≥ regular.
		$result = $this->importer->import_batch( $this->products( array( 'IP15-128' ) ), array(), $this->books(), $this->settings( array( 'regular_book_id' => 77, 'sale_book_id' => 0 ) ) );
		$iphone = $this->product_by_code( 'IP15-128' );
		self::assertSame( '21841000', (string) $iphone->get_regular_price() );
		self::assertSame( '', (string) $iphone->get_sale_price() );
		self::assertContains( 'sale_not_lower', $result->issue_codes() );
		$log = \KiotVietSync\Plugin::instance()->services()->sync_log()->recent( 20, 'import' );
		self::assertNotEmpty( array_filter( $log, static fn ( array $row ): bool => false !== strpos( (string) $row['message'], 'sale_not_lower' ) ) );
	}

	public function test_weight_follows_the_store_unit(): void {
		update_option( 'woocommerce_weight_unit', 'g' );
		$this->importer->import_batch( $this->products( array( 'SAC20W' ) ), array(), $this->books(), $this->settings() );
		self::assertSame( '80', (string) $this->product_by_code( 'SAC20W' )->get_weight() );
	}

	public function test_unpublish_drafts_and_reimport_republishes(): void {
		$this->importer->import_batch( array_merge( $this->products( array( 'OP-S24' ) ), $this->family( 'JEAN-' ) ), array(), $this->books(), $this->settings() );
		$result = $this->importer->unpublish( array( $this->kv_id_of( 'OP-S24' ), $this->kv_id_of( 'JEAN-31' ), 999 ) );
		self::assertSame( 2, $result->updated() );
		self::assertSame( 1, $result->skipped() );
		self::assertSame( 'draft', $this->product_by_code( 'OP-S24' )->get_status() );
		self::assertSame( 'private', $this->product_by_code( 'JEAN-31' )->get_status() );

		$again = $this->importer->import_batch( $this->products( array( 'OP-S24' ) ), array(), $this->books(), $this->settings() );
		self::assertSame( ImportBatchResult::UPDATED, $again->item( 'product', $this->kv_id_of( 'OP-S24' ) )['action'] );
		self::assertSame( 'publish', $this->product_by_code( 'OP-S24' )->get_status() );
	}

	public function test_a_failing_product_rolls_back_alone_and_is_recorded(): void {
		$boom = static function ( $product ): void {
			if ( $product instanceof \WC_Product && 'TN-35' === $product->get_sku( 'edit' ) ) {
				throw new \RuntimeException( 'disk full' );
			}
		};
		add_action( 'woocommerce_before_product_object_save', $boom );
		try {
			$result = $this->importer->import_batch( $this->products( array( 'TN-TWS', 'TN-35', 'GIADO-DT' ) ), array(), $this->books(), $this->settings() );
		} finally {
			remove_action( 'woocommerce_before_product_object_save', $boom );
		}
		self::assertSame( 2, $result->created() );
		self::assertSame( 1, $result->failed() );
		self::assertNull( $this->mapping->woo_id( MappingRepository::KIND_PRODUCT, $this->kv_id_of( 'TN-35' ) ) );
		self::assertStringContainsString( 'disk full', (string) $this->mapping->find( MappingRepository::KIND_PRODUCT, $this->kv_id_of( 'TN-35' ) )['last_error'] );
		self::assertSame( 0, (int) wc_get_product_id_by_sku( 'TN-35' ) );
		self::assertGreaterThan( 0, (int) wc_get_product_id_by_sku( 'GIADO-DT' ) );

		// Retried: written once, no duplicate of the others.
		$retry = $this->importer->import_batch( $this->products( array( 'TN-TWS', 'TN-35', 'GIADO-DT' ) ), array(), $this->books(), $this->settings() );
		self::assertSame( 1, $retry->created() );
		self::assertSame( 2, $retry->skipped() );
	}
	public function test_locks_set_on_the_products_screen_are_honoured(): void {
		$this->importer->import_batch( $this->family( 'KAKI-' ), array(), $this->books(), $this->settings() );
		$cache = \KiotVietSync\Plugin::instance()->services()->catalog_cache();
		$rows  = array();
		foreach ( $this->family( 'KAKI-' ) as $product ) {
			$rows[] = \KiotVietSync\Sync\Catalog\Runs\CacheRow::product( $product, $this->raw( $product->code() ), $this->settings() );
		}
		$cache->upsert_products( 'demo', $rows, 1, gmdate( 'Y-m-d H:i:s' ) );
		self::assertTrue( $cache->set_locks( 'demo', $this->kv_id_of( 'KAKI-BE-29' ), array( 'name', 'stock' ) ) );

		$changed = $this->family( 'KAKI-', static function ( array $raw ): array {
			$raw['name']                     = 'Quần kaki mới';
			$raw['inventories'][0]['onHand'] = 99;
			return $raw;
		} );
		$this->importer->import_batch( $changed, array(), $this->books(), $this->settings() );
		$parent = wc_get_product( $this->woo_id( MappingRepository::KIND_PRODUCT, $this->kv_id_of( 'KAKI-BE-29' ) ) );
		self::assertSame( 'Quần kaki', $parent->get_name() );
		self::assertNotSame( 99, (int) $this->product_by_code( 'KAKI-DEN-30' )->get_stock_quantity(), 'the parent\'s stock lock covers its variations' );
		$stock = $this->importer->set_stock_quantities( array( $this->kv_id_of( 'KAKI-DEN-30' ) => 42 ), $this->settings() );
		self::assertSame( 1, $stock->skipped() );
	}
}
