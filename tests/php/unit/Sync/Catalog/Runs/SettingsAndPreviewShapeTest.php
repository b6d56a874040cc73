<?php
/**
 * SettingsBuilder and the preview payload shape.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Catalog\Runs;

use KiotVietSync\Storage\SyncSettings;
use KiotVietSync\Sync\Catalog\CatalogIssue;
use KiotVietSync\Sync\Catalog\CatalogSettings;
use KiotVietSync\Sync\Catalog\DryRunReport;
use KiotVietSync\Sync\Catalog\Runs\CatalogPreviewService;
use KiotVietSync\Sync\Catalog\Runs\SettingsBuilder;
use PHPUnit\Framework\TestCase;

/**
 * Pure helpers of the catalog runs.
 */
final class SettingsAndPreviewShapeTest extends TestCase {

	public function test_catalog_settings_come_from_sync_settings_branch_and_weight_unit(): void {
		$settings = new SyncSettings(
			array(
				'stock_mode'            => 'all_branches',
				'regular_price_book_id' => 77,
				'sale_price_book_id'    => 78,
				'match_by_sku'          => true,
				'locked_fields'         => array( 'name', 'stock' ),
			)
		);
		$built = SettingsBuilder::build( $settings, 5002, 'g', 1795943151 );
		self::assertSame( 5002, $built->stock_branch_id() );
		self::assertSame( CatalogSettings::STOCK_ALL_BRANCHES, $built->stock_mode() );
		self::assertSame( 77, $built->regular_book_id() );
		self::assertSame( 78, $built->sale_book_id() );
		self::assertTrue( $built->match_by_sku() );
		self::assertSame( 'g', $built->weight_unit() );
		self::assertSame( 1795943151, $built->now()->getTimestamp() );

		$defaults = SettingsBuilder::build( new SyncSettings(), 5001, 'stone', 0 );
		self::assertSame( 'kg', $defaults->weight_unit(), 'unknown store unit falls back to kg' );
		self::assertNull( $defaults->sale_book_id() );
		self::assertSame( 0, $defaults->regular_book_id() );
	}

	public function test_preview_shape_matches_the_contract(): void {
		$report = new DryRunReport();
		$report->count( CatalogIssue::ENTITY_PRODUCT, DryRunReport::CREATE, 3 );
		$report->count( CatalogIssue::ENTITY_CATEGORY, DryRunReport::ADOPT, 2 );
		$report->count( CatalogIssue::ENTITY_CATEGORY, DryRunReport::UPDATE, 1 );
		$report->add_issue( new CatalogIssue( CatalogIssue::SKU_EXISTS, CatalogIssue::SEVERITY_BLOCKING, CatalogIssue::ENTITY_PRODUCT, 31000102, 'AOTHUN-DEN-L' ) );
		$out = CatalogPreviewService::shape( $report->to_array() );
		self::assertSame( array( 'products', 'variations', 'categories', 'conflicts' ), array_keys( $out ) );
		self::assertSame( array( 'create' => 3, 'update' => 0, 'skip' => 0, 'conflict' => 0 ), $out['products'] );
		self::assertSame( 3, $out['categories']['update'] );
		self::assertSame( 'sku_exists', $out['conflicts'][0]['code'] );
		self::assertSame( 31000102, $out['conflicts'][0]['kiotviet_id'] );
		self::assertSame( 'AOTHUN-DEN-L', $out['conflicts'][0]['sku'] );
		self::assertStringContainsString( 'AOTHUN-DEN-L', $out['conflicts'][0]['message'] );
	}
}
