<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Catalog;

use KiotVietSync\Sync\Catalog\ArrayIdentityLookup;
use KiotVietSync\Sync\Catalog\CatalogIssue;
use KiotVietSync\Sync\Catalog\CatalogPreview;
use KiotVietSync\Sync\Catalog\DryRunReport;
use KiotVietSync\Sync\Catalog\KvCategory;
use KiotVietSync\Sync\Catalog\KvProduct;
use PHPUnit\Framework\TestCase;

/**
 * The dry run before the first write.
 */
final class CatalogPreviewTest extends TestCase {

	/**
	 * @return KvProduct[]
	 */
	private function catalog(): array {
		$items   = CatalogFixtures::polo_family();
		$items   = array_merge( $items, CatalogFixtures::beer_units() );
		$items[] = CatalogFixtures::product( 60000001, 'DV-GOIQUA', 'Gói quà', array( 'type' => 3 ) );
		$items[] = CatalogFixtures::product( 70000001, 'IP15-128', 'iPhone 15', array( 'isLotSerialControl' => true, 'basePrice' => 20000000, 'priceBooks' => array( array( 'priceBookId' => 78, 'price' => 21000000 ) ) ) );
		$items[] = CatalogFixtures::product( 70000002, 'IP15-128', 'iPhone 15 (trùng mã)' );
		$items[] = CatalogFixtures::product( 80000001, 'NON-LA', 'Nón lá' );
		$items[] = CatalogFixtures::product( 80000002, 'TAT-TAT', 'Tất (tắt đồng bộ)' );
		return array_map( static function ( array $item ): KvProduct {
			return KvProduct::from_array( $item );
		}, $items );
	}

	public function test_products_preview_counts_and_conflicts(): void {
		$report = new DryRunReport();
		// NON-LA already exists in WooCommerce (hand-made), SKU matching off.
		$lookup = new ArrayIdentityLookup( array( 'product' => array( 50000001 => 300 ) ), array( 'NON-LA' => 410, 'BIA-TIGER-LON' => 300 ) );
		CatalogPreview::products( $this->catalog(), CatalogFixtures::books(), CatalogFixtures::settings( array( 'sale_book_id' => 78 ) ), $lookup, $report, array( 80000002 ) );
		$out = $report->to_array();

		// Products: can (update), case, service, iPhone, Polo parent (create), duplicate iPhone + NON-LA (conflict), Tất (skip).
		self::assertSame( array( 'create' => 4, 'update' => 1, 'skip' => 1, 'conflict' => 2 ), $out['products'] );
		self::assertSame( array( 'create' => 3, 'update' => 0, 'skip' => 0, 'conflict' => 0 ), $out['variations'] );
		self::assertSame( array( 'duplicate_sku' => 1, 'sale_not_lower' => 1, 'sku_exists' => 1 ), $this->sorted( $out['issue_counts'] ) );
		$codes = array_map( static function ( array $c ): string {
			return $c['code'] . ':' . $c['kv_id'];
		}, $out['conflicts'] );
		sort( $codes );
		self::assertSame( array( 'duplicate_sku:70000002', 'sale_not_lower:70000001', 'sku_exists:80000001' ), $codes );
		self::assertTrue( $report->has_conflicts() );
		self::assertSame( 0, $out['conflicts_omitted'] );
		self::assertEquals( $out, json_decode( (string) json_encode( $out ), true ), 'JSON-safe' );
	}

	public function test_sku_mode_turns_the_existing_sku_into_an_update(): void {
		$report = new DryRunReport();
		$lookup = new ArrayIdentityLookup( array(), array( 'NON-LA' => 410 ) );
		CatalogPreview::products( $this->catalog(), CatalogFixtures::books(), CatalogFixtures::settings( array( 'match_by_sku' => true ) ), $lookup, $report );
		self::assertSame( 1, $report->get( CatalogIssue::ENTITY_PRODUCT, DryRunReport::UPDATE ) );
		self::assertSame( 1, $report->get( CatalogIssue::ENTITY_PRODUCT, DryRunReport::CONFLICT ), 'only the duplicate code' );
	}

	public function test_categories_preview(): void {
		$report = new DryRunReport();
		CatalogPreview::categories(
			array( new KvCategory( 900, 'Thời trang' ), new KvCategory( 901, 'Áo thun', 900 ), new KvCategory( 902, 'Áo polo', 900 ), new KvCategory( 903, 'ÁO POLO', 900 ) ),
			array( array( 'term_id' => 10, 'name' => 'Thời trang', 'parent' => 0 ), array( 'term_id' => 11, 'name' => 'Áo thun', 'parent' => 10 ) ),
			array( 901 => 11 ),
			$report
		);
		self::assertSame( array( 'create' => 1, 'adopt' => 1, 'update' => 0, 'skip' => 1, 'conflict' => 1 ), $report->to_array()['categories'] );
		self::assertSame( 'duplicate_category_name', $report->to_array()['conflicts'][0]['code'] );
	}

	public function test_duplicate_codes_across_pages_and_job_steps(): void {
		$lookup = new ArrayIdentityLookup();
		$report = new DryRunReport();
		CatalogPreview::products( array( KvProduct::from_array( CatalogFixtures::product( 9, 'SP000150', 'A' ) ) ), array(), CatalogFixtures::settings(), $lookup, $report );
		$state = json_decode( (string) json_encode( $report->state() ), true );
		$next  = DryRunReport::from_state( $state );
		CatalogPreview::products( array( KvProduct::from_array( CatalogFixtures::product( 3, 'sp000150', 'B' ) ), KvProduct::from_array( CatalogFixtures::product( 9, 'SP000150', 'A' ) ) ), array(), CatalogFixtures::settings(), $lookup, $next );
		$out = $next->to_array();
		self::assertSame( array( 'create' => 2, 'update' => 0, 'skip' => 0, 'conflict' => 1 ), $out['products'], 'a page re-read (retry) is not a duplicate' );
		self::assertSame( 'duplicate_sku', $out['conflicts'][0]['code'] );
		self::assertSame( 3, $out['conflicts'][0]['kv_id'] );
		self::assertSame( 9, $out['conflicts'][0]['details']['kept_kv_id'] );
	}

	public function test_conflict_examples_are_capped(): void {
		$report = new DryRunReport( 2 );
		for ( $i = 1; $i <= 5; $i++ ) {
			$report->add_issue( new CatalogIssue( 'sku_exists', CatalogIssue::SEVERITY_BLOCKING, 'product', $i, 'SP' . $i ) );
		}
		$report->add_issue( new CatalogIssue( 'stock_unknown', CatalogIssue::SEVERITY_WARNING, 'product', 9 ) );
		$out = $report->to_array();
		self::assertCount( 2, $out['conflicts'] );
		self::assertSame( 3, $out['conflicts_omitted'] );
		self::assertSame( array( 'sku_exists' => 5, 'stock_unknown' => 1 ), $out['issue_counts'] );
	}

	/**
	 * @param array<string, int> $counts
	 * @return array<string, int>
	 */
	private function sorted( array $counts ): array {
		ksort( $counts );
		return $counts;
	}
}
