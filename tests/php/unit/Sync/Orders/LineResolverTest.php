<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Orders;

use KiotVietSync\Sync\Orders\LineResolution;
use KiotVietSync\Sync\Orders\LineResolver;
use KiotVietSync\Sync\Orders\ResolvedLine;
use KiotVietSync\Sync\Orders\WooOrderLine;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KiotVietSync\Sync\Orders\LineResolver
 * @covers \KiotVietSync\Sync\Orders\LineResolution
 * @covers \KiotVietSync\Sync\Orders\ProductCreateRequest
 * @covers \KiotVietSync\Sync\Orders\ResolvedLine
 */
final class LineResolverTest extends TestCase {

	/** @var array<string,array<string,mixed>> KiotViet products by code. */
	private array $kiotviet = array();

	/** @var string[] Codes looked up, in order. */
	private array $lookups = array();

	protected function setUp(): void {
		$this->kiotviet = array(
			'AOTHUN-DEN-L' => array( 'id' => 31000102, 'code' => 'AOTHUN-DEN-L', 'name' => 'Áo thun basic', 'fullName' => 'Áo thun basic - Đen - L' ),
			'NON-LA-HUE'   => array( 'id' => 31000300, 'code' => 'NON-LA-HUE', 'name' => 'Nón lá Huế' ),
		);
		$this->lookups  = array();
	}

	/** @param array<string,mixed> $settings Settings overrides. */
	private function resolver( array $settings = array(), ?int $category = 901 ): LineResolver {
		return new LineResolver(
			OrderFixtures::settings( $settings ),
			function ( string $code ): ?array {
				$this->lookups[] = $code;
				return $this->kiotviet[ $code ] ?? null;
			},
			$category
		);
	}

	/** @param array<string,mixed> $overrides Line overrides. */
	private static function line( array $overrides = array() ): WooOrderLine {
		return WooOrderLine::from_array( OrderFixtures::line( $overrides ) );
	}

	public function test_mapped_line_uses_the_mapping_without_any_request(): void {
		$resolution = $this->resolver()->resolve( self::line( array( 'kiotviet_id' => 31000999, 'kiotviet_code' => 'AOTHUN-DEN-L-OLD' ) ) );

		$this->assertTrue( $resolution->is_resolved() );
		$this->assertSame( 'mapping', $resolution->via() );
		$this->assertSame( 31000999, $resolution->resolved_line()->product_id() );
		$this->assertSame( 'AOTHUN-DEN-L-OLD', $resolution->resolved_line()->product_code() );
		$this->assertSame( array(), $this->lookups, 'no GET spent on a mapped line' );
	}

	public function test_sku_mode_prefers_the_kiotviet_product_with_that_code(): void {
		$resolution = $this->resolver( array( 'match_lines_by_sku' => true ) )->resolve( self::line( array( 'kiotviet_id' => 31000999 ) ) );

		$this->assertSame( 'sku', $resolution->via() );
		$this->assertSame( 31000102, $resolution->resolved_line()->product_id() );
		$this->assertSame( 'Áo thun basic - Đen - L', $resolution->resolved_line()->product_name() );
		$this->assertSame( array( 'AOTHUN-DEN-L' ), $this->lookups );
	}

	public function test_sku_mode_falls_back_to_the_mapping_when_kiotviet_has_no_such_code(): void {
		$resolution = $this->resolver( array( 'match_lines_by_sku' => true ) )->resolve( self::line( array( 'sku' => 'RENAMED-SKU', 'kiotviet_id' => 31000999 ) ) );
		$this->assertSame( 'mapping', $resolution->via() );
		$this->assertSame( 31000999, $resolution->resolved_line()->product_id() );
	}

	public function test_unmapped_line_is_found_by_sku_before_anything_is_created(): void {
		$resolution = $this->resolver()->resolve( self::line( array( 'sku' => 'NON-LA-HUE', 'name' => 'Nón lá Huế', 'kiotviet_id' => null ) ) );
		$this->assertTrue( $resolution->is_resolved() );
		$this->assertSame( 31000300, $resolution->resolved_line()->product_id() );
		$this->assertSame( 'Nón lá Huế', $resolution->resolved_line()->product_name() );
	}

	public function test_unknown_product_with_sku_is_created_with_the_sku_as_code(): void {
		$line       = self::line(
			array(
				'item_id'        => 21,
				'product_id'     => 305,
				'name'           => 'Khăn lụa Hà Đông',
				'sku'            => 'KHAN-LUA-01',
				'quantity'       => 2,
				'subtotal'       => 370000,
				'total'          => 333000,
				'kiotviet_id'    => null,
				'stock_quantity' => 8,
			)
		);
		$resolution = $this->resolver()->resolve( $line, true );

		$this->assertTrue( $resolution->needs_creation() );
		$this->assertSame(
			array(
				'code'        => 'KHAN-LUA-01',
				'name'        => 'Khăn lụa Hà Đông',
				'fullName'    => 'Khăn lụa Hà Đông',
				'allowsSale'  => true,
				'basePrice'   => 185000,
				'categoryId'  => 901,
				'inventories' => array( array( 'branchId' => 5001, 'onHand' => 10, 'cost' => 0 ) ),
			),
			$resolution->create_request()->to_payload()
		);
		$this->assertStringNotContainsString( 'Website', $resolution->create_request()->name() );
		$this->assertSame( array( 'KHAN-LUA-01' ), $this->lookups, 'one lookup, by the code it would create' );
	}

	public function test_stock_not_yet_reduced_is_not_added_back(): void {
		$line = self::line( array( 'sku' => 'KHAN-LUA-01', 'kiotviet_id' => null, 'stock_quantity' => 8 ) );
		$this->assertSame( 8.0, $this->resolver()->resolve( $line, false )->create_request()->on_hand() );
	}

	public function test_unmanaged_stock_sends_no_inventory(): void {
		$payload = $this->resolver( array(), null )->resolve( self::line( array( 'sku' => 'KHAN-LUA-01', 'kiotviet_id' => null ) ) )->create_request()->to_payload();
		$this->assertArrayNotHasKey( 'inventories', $payload );
		$this->assertArrayNotHasKey( 'categoryId', $payload );
	}

	public function test_product_without_sku_gets_a_stable_generated_code(): void {
		$line = self::line( array( 'sku' => '', 'product_id' => 305, 'variation_id' => 377, 'kiotviet_id' => null ) );

		$first  = $this->resolver()->resolve( $line );
		$second = $this->resolver()->resolve( $line );

		$this->assertSame( 'WEB-377', $first->create_request()->code(), 'the variation id identifies the sellable item' );
		$this->assertSame( $first->create_request()->to_payload(), $second->create_request()->to_payload(), 'never random or time-based' );
		$this->assertSame( 'WEB-305', LineResolver::create_code( self::line( array( 'sku' => '', 'product_id' => 305, 'variation_id' => 0 ) ) ) );
	}

	public function test_retry_after_a_lost_create_response_finds_the_first_product(): void {
		$line  = self::line( array( 'sku' => '', 'product_id' => 305, 'kiotviet_id' => null ) );
		$first = $this->resolver()->resolve( $line );
		$this->assertTrue( $first->needs_creation() );

		// The POST /products went through but the response was lost; KiotViet now has the product.
		$this->kiotviet['WEB-305'] = array( 'id' => 31000777, 'code' => 'WEB-305', 'name' => 'Áo thun basic - Đen - L' );
		$retry                     = $this->resolver()->resolve( $line );

		$this->assertTrue( $retry->is_resolved() );
		$this->assertSame( 'code', $retry->via() );
		$this->assertSame( 31000777, $retry->resolved_line()->product_id() );
	}

	public function test_created_product_response_becomes_a_resolved_line(): void {
		$line     = self::line( array( 'sku' => 'KHAN-LUA-01', 'kiotviet_id' => null ) );
		$resolved = ResolvedLine::from_kiotviet_product( $line, array( 'id' => 31000900, 'code' => 'KHAN-LUA-01', 'name' => 'Khăn lụa Hà Đông' ) );
		$this->assertSame( 11, $resolved->item_id() );
		$this->assertSame( 31000900, $resolved->product_id() );
		$this->assertSame( 'Khăn lụa Hà Đông', $resolved->product_name() );
	}

	public function test_deleted_product_still_resolves_through_its_mapping(): void {
		$resolution = $this->resolver()->resolve( self::line( array( 'product_exists' => false, 'kiotviet_id' => 31000102 ) ) );
		$this->assertTrue( $resolution->is_resolved() );
	}

	public function test_deleted_product_resolves_by_its_sku_snapshot(): void {
		$resolution = $this->resolver()->resolve( self::line( array( 'product_id' => 0, 'sku' => 'NON-LA-HUE', 'kiotviet_id' => null ) ) );
		$this->assertTrue( $resolution->is_resolved() );
		$this->assertSame( 31000300, $resolution->resolved_line()->product_id() );
	}

	public function test_deleted_unknown_product_is_a_permanent_error_naming_the_line(): void {
		$resolution = $this->resolver()->resolve( self::line( array( 'product_exists' => false, 'name' => 'Túi cói Bến Tre', 'sku' => 'TUI-COI', 'kiotviet_id' => null ) ) );

		$this->assertTrue( $resolution->is_error() );
		$this->assertSame( LineResolution::ERROR, $resolution->kind() );
		$this->assertStringContainsString( '"Túi cói Bến Tre" (SKU TUI-COI)', $resolution->message() );
		$this->assertStringContainsString( 'deleted', $resolution->message() );
		$this->assertNull( $resolution->create_request(), 'a deleted product is never created in KiotViet' );
	}

	public function test_resolve_all_keys_by_item_and_passes_the_stock_flag(): void {
		$order = OrderFixtures::order(
			array(
				'stock_reduced' => false,
				'lines'         => array(
					OrderFixtures::line( array( 'item_id' => 1 ) ),
					OrderFixtures::line( array( 'item_id' => 2, 'sku' => 'MOI-01', 'kiotviet_id' => null, 'stock_quantity' => 3 ) ),
				),
			)
		);
		$all   = $this->resolver()->resolve_all( $order );
		$this->assertSame( array( 1, 2 ), array_keys( $all ) );
		$this->assertTrue( $all[1]->is_resolved() );
		$this->assertSame( 3.0, $all[2]->create_request()->on_hand() );
	}
}
