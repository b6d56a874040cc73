<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Catalog;

use KiotVietSync\Sync\Catalog\CatalogIssue;
use KiotVietSync\Sync\Catalog\KvProduct;
use KiotVietSync\Sync\Catalog\ProductPlanner;
use KiotVietSync\Sync\Catalog\ProductPlanSet;
use KiotVietSync\Sync\Catalog\WooProductSpec as S;
use PHPUnit\Framework\TestCase;

/**
 * Mapping rules of seed user guide §2.4.
 */
final class ProductPlannerTest extends TestCase {

	/**
	 * @param array<int, array<string, mixed>> $items
	 * @param array<string, mixed>             $settings
	 */
	private function plan( array $items, array $settings = array() ): ProductPlanSet {
		$products = array_map( static function ( array $item ): KvProduct {
			return KvProduct::from_array( $item );
		}, $items );
		return ProductPlanner::plan( $products, CatalogFixtures::books(), CatalogFixtures::settings( $settings ) );
	}

	/**
	 * @return string[]
	 */
	private function codes( ProductPlanSet $set ): array {
		return array_map( static function ( CatalogIssue $i ): string {
			return $i->code() . ':' . $i->kv_id();
		}, $set->issues() );
	}

	public function test_polo_family_becomes_one_variable_product_named_after_the_master(): void {
		$set = $this->plan( CatalogFixtures::polo_family() );
		self::assertCount( 0, $set->simple() );
		self::assertCount( 1, $set->variable() );
		$plan   = $set->variable()[0];
		$parent = $plan->parent();
		self::assertSame( 40000001, $plan->family_id() );
		self::assertTrue( $plan->master_in_batch() );
		self::assertSame( S::TYPE_VARIABLE, $parent->type() );
		self::assertSame( 40000001, $parent->kv_id() );
		self::assertSame( 'Áo Polo', $parent->get( S::NAME ) );
		self::assertSame( '', $parent->sku(), 'no parent SKU, and never "<code>Master"' );
		self::assertSame( array( 'Màu' => array( 'Trắng', 'Đỏ' ), 'Size' => array( 'M', 'S' ) ), $parent->get( S::ATTRIBUTES ) );
		self::assertSame( '<p>Polo cá sấu</p>', $parent->get( S::DESCRIPTION ) );
		self::assertSame( 902, $parent->get( S::CATEGORY_KV_ID ) );
		self::assertSame( array( 'https://cdn.example.test/kv/polo-aopolo-trang-m.jpg' ), $parent->get( S::IMAGE_URLS ) );
		self::assertFalse( $parent->get( S::MANAGE_STOCK ) );
		self::assertFalse( $parent->has( S::REGULAR_PRICE ) );

		$variations = $plan->variations();
		self::assertSame( array( 40000001, 40000002, 40000003 ), array_keys( $variations ), 'master is a variation too, first' );
		$red_s = $variations[40000002];
		self::assertSame( S::TYPE_VARIATION, $red_s->type() );
		self::assertSame( 'AOPOLO-DO-S', $red_s->sku() );
		self::assertSame( array( 'Màu' => 'Đỏ', 'Size' => 'S' ), $red_s->get( S::ATTRIBUTES ) );
		self::assertSame( '250000', $red_s->get( S::REGULAR_PRICE ) );
		self::assertSame( 10, $red_s->get( S::STOCK_QUANTITY ) );
		self::assertTrue( $red_s->get( S::MANAGE_STOCK ) );
		self::assertSame( '0.2', $red_s->get( S::WEIGHT ) );
		self::assertFalse( $red_s->has( S::NAME ), 'variation names come from the parent' );
		self::assertSame( '260000', $variations[40000003]->get( S::REGULAR_PRICE ) );
		self::assertSame( array(), $set->issues() );
	}

	public function test_family_without_master_in_batch_does_not_overwrite_parent_data_on_update(): void {
		$family = CatalogFixtures::polo_family();
		unset( $family[1] );
		$set  = $this->plan( array_values( $family ) );
		$plan = $set->variable()[0];
		self::assertFalse( $plan->master_in_batch() );
		self::assertSame( 40000001, $plan->parent()->kv_id() );
		self::assertSame( 'Áo Polo', $plan->parent()->get( S::NAME ), 'creation still gets the family name' );
		$update = $plan->parent_for_update();
		self::assertFalse( $update->has( S::NAME ) );
		self::assertFalse( $update->has( S::DESCRIPTION ) );
		self::assertFalse( $update->has( S::CATEGORY_KV_ID ) );
		self::assertFalse( $update->has( S::IMAGE_URLS ) );
		self::assertSame( array( 'Màu' => array( 'Đỏ' ), 'Size' => array( 'S', 'M' ) ), $update->get( S::ATTRIBUTES ) );
		self::assertSame( $plan->parent()->to_array(), $set->variable()[0]->parent()->to_array() );
	}

	public function test_attribute_names_and_values_are_matched_case_and_unicode_insensitively(): void {
		$family = CatalogFixtures::polo_family();
		$family[2]['attributes'][0]['attributeName']  = 'MÀU';
		$family[2]['attributes'][0]['attributeValue'] = "\u{0111}o\u{0309}"; // "đỏ", decomposed.
		$set  = $this->plan( $family );
		$plan = $set->variable()[0];
		self::assertSame( array( 'Màu' => array( 'Trắng', 'Đỏ' ), 'Size' => array( 'M', 'S' ) ), $plan->attributes() );
		self::assertSame( array( 'Màu' => 'Đỏ', 'Size' => 'M' ), $plan->variations()[40000003]->get( S::ATTRIBUTES ) );
		$decomposed = KvProduct::from_array( $family[2] )->attributes();
		self::assertSame( array( 'MÀU' => 'đỏ', 'Size' => 'M' ), $decomposed, 'attribute text is stored NFC' );
	}

	public function test_merged_attributes_only_add_values(): void {
		$plan = $this->plan( CatalogFixtures::polo_family() )->variable()[0];
		$merged = $plan->merged_attributes( array( 'MÀU' => array( 'Xanh', 'đỏ' ), 'Chất liệu' => array( 'Cotton' ) ) );
		self::assertSame( array( 'MÀU' => array( 'Xanh', 'đỏ', 'Trắng' ), 'Chất liệu' => array( 'Cotton' ), 'Size' => array( 'M', 'S' ) ), $merged );
	}

	public function test_variation_warnings(): void {
		$family = CatalogFixtures::polo_family();
		$family[2]['attributes'] = $family[0]['attributes']; // 40000003 duplicates Đỏ/S of 40000002.
		$family[]                = CatalogFixtures::product( 40000004, 'AOPOLO-X', 'Áo Polo', array( 'hasVariants' => true, 'masterProductId' => 40000001, 'attributes' => array() ) );
		$set = $this->plan( $family );
		self::assertSame( array( 'duplicate_attribute_combination:40000003', 'variation_without_attributes:40000004' ), $this->codes( $set ) );
		self::assertCount( 4, $set->variable()[0]->variations() );
	}

	public function test_each_unit_is_its_own_simple_product_with_derived_stock(): void {
		$set = $this->plan( CatalogFixtures::beer_units() );
		self::assertCount( 2, $set->simple() );
		self::assertCount( 0, $set->variable() );
		$can  = $set->simple()[0]->spec();
		$case = $set->simple()[1]->spec();
		self::assertSame( 'Bia Tiger', $can->get( S::NAME ) );
		self::assertSame( 'BIA-TIGER-LON', $can->sku() );
		self::assertSame( 97, $can->get( S::STOCK_QUANTITY ) );
		self::assertSame( 24, $can->get( S::LOW_STOCK_AMOUNT ) );
		self::assertSame( '18000', $can->get( S::REGULAR_PRICE ) );
		self::assertSame( 'Bia Tiger (thùng)', $case->get( S::NAME ) );
		self::assertSame( 'BIA-TIGER-THUNG', $case->sku() );
		self::assertSame( 4, $case->get( S::STOCK_QUANTITY ), '97 cans = 4 cases of 24' );
		self::assertSame( '410000', $case->get( S::REGULAR_PRICE ) );
		self::assertSame( '8.4', $case->get( S::WEIGHT ) );
		self::assertSame( 24.0, $case->get( S::KV_META )['conversion_value'] );
		self::assertSame( 50000001, $case->get( S::KV_META )['master_unit_id'] );
	}

	public function test_derived_unit_alone_uses_the_base_passed_in_or_leaves_stock_unknown(): void {
		list( $can, $case ) = CatalogFixtures::beer_units();
		$alone = ProductPlanner::plan( array( KvProduct::from_array( $case ) ), array(), CatalogFixtures::settings() );
		self::assertFalse( $alone->simple()[0]->spec()->has( S::STOCK_QUANTITY ) );
		self::assertSame( array( 'stock_unknown' ), array_map( static function ( CatalogIssue $i ): string {
			return $i->code();
		}, $alone->issues() ) );
		$with_base = ProductPlanner::plan( array( KvProduct::from_array( $case ) ), array(), CatalogFixtures::settings(), array( 50000001 => KvProduct::from_array( $can ) ) );
		self::assertSame( 4, $with_base->simple()[0]->spec()->get( S::STOCK_QUANTITY ) );
	}

	public function test_unit_of_a_variant_is_a_simple_product_named_with_its_attributes(): void {
		$unit = CatalogFixtures::product(
			31000150,
			'AOTHUN-DEN-L-LOC10',
			'Áo thun basic',
			array(
				'fullName'        => 'Áo thun basic - Đen - L (lốc 10)',
				'hasVariants'     => true,
				'masterProductId' => 31000101,
				'masterUnitId'    => 31000102,
				'unit'            => 'lốc 10',
				'conversionValue' => 10,
				'basePrice'       => 1450000,
				'attributes'      => array(
					array( 'attributeName' => 'MÀU', 'attributeValue' => 'Đen' ),
					array( 'attributeName' => 'SIZE', 'attributeValue' => 'L' ),
				),
			)
		);
		$set = $this->plan( array( CatalogFixtures::rest_variant_child(), $unit ) );
		self::assertCount( 1, $set->simple() );
		self::assertCount( 1, $set->variable() );
		$spec = $set->simple()[0]->spec();
		self::assertSame( 'Áo thun basic - Đen - L (lốc 10)', $spec->get( S::NAME ) );
		self::assertSame( 1, $spec->get( S::STOCK_QUANTITY ), '11 shirts = 1 pack of 10' );
		self::assertSame( array( 31000102 ), array_keys( $set->variable()[0]->variations() ) );
	}

	public function test_service_is_not_stock_managed_and_in_stock(): void {
		$set  = $this->plan( array( CatalogFixtures::product( 60000001, 'DV-GOIQUA', 'Gói quà', array( 'type' => 3, 'inventories' => array() ) ) ) );
		$spec = $set->simple()[0]->spec();
		self::assertSame( S::TYPE_SIMPLE, $spec->type() );
		self::assertFalse( $spec->get( S::MANAGE_STOCK ) );
		self::assertSame( 'instock', $spec->get( S::STOCK_STATUS ) );
		self::assertFalse( $spec->has( S::STOCK_QUANTITY ) );
		self::assertSame( array(), $set->issues() );
	}

	public function test_serial_and_lot_goods_are_stock_managed_simple_products(): void {
		$set = $this->plan(
			array(
				CatalogFixtures::product( 70000001, 'IP15-128', 'iPhone 15 128GB', array( 'isLotSerialControl' => true ) ),
				CatalogFixtures::product( 70000002, 'SUA-HOP', 'Sữa hộp', array( 'isBatchExpireControl' => true, 'inventories' => array( array( 'branchId' => 5001, 'onHand' => 0, 'reserved' => 0 ) ) ) ),
			)
		);
		$phone = $set->simple()[0]->spec();
		$milk  = $set->simple()[1]->spec();
		self::assertTrue( $phone->get( S::MANAGE_STOCK ) );
		self::assertSame( 10, $phone->get( S::STOCK_QUANTITY ) );
		self::assertSame( 'instock', $phone->get( S::STOCK_STATUS ) );
		self::assertSame( 0, $milk->get( S::STOCK_QUANTITY ) );
		self::assertSame( 'outofstock', $milk->get( S::STOCK_STATUS ) );
	}

	public function test_inactive_and_not_sold_directly_goods_are_still_published(): void {
		$set = $this->plan(
			array(
				CatalogFixtures::product( 80000001, 'SP-NGUNG', 'Hàng ngừng kinh doanh', array( 'isActive' => false ) ),
				CatalogFixtures::product( 80000002, 'NVL-VAI', 'Vải cotton (nguyên liệu)', array( 'allowsSale' => false ) ),
			)
		);
		self::assertCount( 2, $set->simple() );
		foreach ( $set->simple() as $plan ) {
			self::assertSame( 'publish', $plan->spec()->get( S::STATUS ) );
		}
		self::assertFalse( $set->simple()[0]->spec()->get( S::KV_META )['is_active'] );
		self::assertFalse( $set->simple()[1]->spec()->get( S::KV_META )['allows_sale'] );
	}

	public function test_family_with_an_inactive_master_is_still_synced(): void {
		$family                  = CatalogFixtures::polo_family();
		$family[1]['isActive']   = false;
		$family[1]['allowsSale'] = false;
		$plan                    = $this->plan( $family )->variable()[0];
		self::assertSame( 'publish', $plan->parent()->get( S::STATUS ) );
		self::assertFalse( $plan->parent()->get( S::KV_META )['is_active'] );
		self::assertCount( 3, $plan->variations() );
		self::assertSame( 'publish', $plan->variations()[40000001]->get( S::STATUS ) );
	}

	public function test_missing_branch_inventory_leaves_stock_out_of_the_spec(): void {
		$set  = $this->plan( array( CatalogFixtures::product( 1, 'SP1', 'X', array( 'inventories' => array( array( 'branchId' => 5002, 'onHand' => 7, 'reserved' => 0 ) ) ) ) ) );
		$spec = $set->simple()[0]->spec();
		self::assertTrue( $spec->get( S::MANAGE_STOCK ) );
		self::assertFalse( $spec->has( S::STOCK_QUANTITY ) );
		self::assertFalse( $spec->has( S::STOCK_STATUS ) );
		self::assertSame( array( 'stock_unknown:1' ), $this->codes( $set ) );
		$all = $this->plan( array( CatalogFixtures::product( 1, 'SP1', 'X', array( 'inventories' => array( array( 'branchId' => 5002, 'onHand' => 7, 'reserved' => 0 ) ) ) ) ), array( 'stock_mode' => 'all_branches' ) );
		self::assertSame( 7, $all->simple()[0]->spec()->get( S::STOCK_QUANTITY ) );
	}

	public function test_prices_and_sale_conflict_in_spec(): void {
		$set = $this->plan(
			array(
				CatalogFixtures::product( 1, 'SP1', 'Nón lá', array( 'basePrice' => 120000, 'priceBooks' => array( array( 'priceBookId' => 78, 'price' => 99000 ) ) ) ),
				CatalogFixtures::product( 2, 'SP2', 'Nón bảo hiểm', array( 'basePrice' => 120000, 'priceBooks' => array( array( 'priceBookId' => 78, 'price' => 150000 ) ) ) ),
			),
			array( 'sale_book_id' => 78 )
		);
		$ok  = $set->simple()[0]->spec();
		$bad = $set->simple()[1]->spec();
		self::assertSame( '99000', $ok->get( S::SALE_PRICE ) );
		self::assertSame( '2026-11-27T00:00:00+07:00', $ok->get( S::DATE_ON_SALE_FROM )->format( DATE_ATOM ) );
		self::assertSame( '', $bad->get( S::SALE_PRICE ), 'a sale above regular is cleared, not applied' );
		self::assertNull( $bad->get( S::DATE_ON_SALE_FROM ) );
		self::assertSame( '120000', $bad->get( S::REGULAR_PRICE ) );
		$issues = $set->issues_for( 2 );
		self::assertCount( 1, $issues );
		self::assertSame( 'sale_not_lower', $issues[0]->code() );
		self::assertSame( CatalogIssue::SEVERITY_CONFLICT, $issues[0]->severity() );
		self::assertSame( 150000.0, $issues[0]->details()['sale'] );
	}

	public function test_duplicate_ids_keep_the_newest_and_duplicate_codes_are_blocked(): void {
		$old = CatalogFixtures::product( 1, 'SP1', 'Tên cũ', array( 'modifiedDate' => '2026-11-20T10:00:00.0000000' ) );
		$new = CatalogFixtures::product( 1, 'SP1', 'Tên mới', array( 'modifiedDate' => '2026-11-21T10:00:00.0000000' ) );
		foreach ( array( array( $new, $old ), array( $old, $new ) ) as $batch ) {
			$set = $this->plan( $batch );
			self::assertCount( 1, $set->simple() );
			self::assertSame( 'Tên mới', $set->simple()[0]->spec()->get( S::NAME ) );
		}

		$set = $this->plan(
			array(
				CatalogFixtures::product( 7, 'sp000150', 'B' ),
				CatalogFixtures::product( 5, 'SP000150', 'A' ),
			)
		);
		self::assertCount( 1, $set->simple() );
		self::assertSame( 5, $set->simple()[0]->spec()->kv_id() );
		self::assertSame( array( 'duplicate_sku:7' ), $this->codes( $set ) );
		self::assertTrue( $set->issues()[0]->is_blocking() );
		self::assertSame( 5, $set->issues()[0]->details()['kept_kv_id'] );
	}

	public function test_stock_spec_for_stock_webhooks_honours_the_stock_lock(): void {
		$item = array( 'id' => 31000102, 'code' => 'AOTHUN-DEN-L', 'inventories' => array( array( 'branchId' => 5001, 'onHand' => 13, 'reserved' => 3 ) ) );
		$spec = ProductPlanner::stock_spec( KvProduct::from_array( $item ), S::TYPE_VARIATION, CatalogFixtures::settings() );
		self::assertSame( array( 'type' => 'variation', 'kv_id' => 31000102, 'stock_quantity' => 10, 'stock_status' => 'instock' ), $spec->to_array() );
		$locked = \KiotVietSync\Sync\Catalog\FieldLocks::apply( $spec, array(), array( 'stock' ), false );
		self::assertSame( array( 'type' => 'variation', 'kv_id' => 31000102 ), $locked->to_array() );
		$other_branch = ProductPlanner::stock_spec( KvProduct::from_array( $item ), S::TYPE_SIMPLE, CatalogFixtures::settings( array( 'stock_branch_id' => 5002 ) ) );
		self::assertFalse( $other_branch->has( S::STOCK_QUANTITY ), 'branch absent: stock untouched, never zeroed' );
	}

	public function test_product_is_never_nameless(): void {
		$set = $this->plan( array( array( 'id' => 9, 'code' => 'SP000009', 'inventories' => array() ) ) );
		self::assertSame( 'SP000009', $set->simple()[0]->spec()->get( S::NAME ) );
		$bad = $this->plan( array( array( 'code' => 'NOID' ) ) );
		self::assertCount( 0, $bad->simple() );
		self::assertSame( 'invalid_product', $bad->issues()[0]->code() );
	}

	public function test_simple_spec_fields(): void {
		$spec = $this->plan( array( CatalogFixtures::product( 1, 'SP1', 'Nón lá', array( 'description' => '<p>Nón</p>', 'images' => array( 'https://a.test/1.jpg', 'https://a.test/2.jpg' ), 'weight' => 350 ) ) ), array( 'weight_unit' => 'g' ) )->simple()[0]->spec();
		self::assertSame( 'SP1', $spec->sku() );
		self::assertSame( 'Nón lá', $spec->get( S::NAME ) );
		self::assertSame( '<p>Nón</p>', $spec->get( S::DESCRIPTION ) );
		self::assertSame( 901, $spec->get( S::CATEGORY_KV_ID ) );
		self::assertSame( array( 'https://a.test/1.jpg', 'https://a.test/2.jpg' ), $spec->get( S::IMAGE_URLS ) );
		self::assertSame( '350', $spec->get( S::WEIGHT ) );
		self::assertSame( '', $spec->get( S::SALE_PRICE ), 'no sale book → any stale sale price is cleared' );
	}
}
