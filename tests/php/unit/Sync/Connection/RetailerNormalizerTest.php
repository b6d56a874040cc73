<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Sync\Connection;

use KiotVietSync\Sync\Connection\RetailerNormalizer;
use PHPUnit\Framework\TestCase;

/**
 * What merchants paste into "Địa chỉ truy cập cửa hàng" becomes the bare retailer code.
 */
final class RetailerNormalizerTest extends TestCase {

	/**
	 * @return array<string, array{0: string, 1: string, 2: bool}>
	 */
	public function inputs(): array {
		return array(
			'bare code'             => array( 'demo', 'demo', true ),
			'spaces and case'       => array( '  DemoShop ', 'demoshop', true ),
			'full https URL'        => array( 'https://demo.kiotviet.vn/', 'demo', true ),
			'http with path'        => array( 'http://demo.kiotviet.vn/man/#/DashBoard', 'demo', true ),
			'host only'             => array( 'demo.kiotviet.vn', 'demo', true ),
			'upper-case host'       => array( 'HTTPS://Shop-01.KiotViet.VN', 'shop-01', true ),
			'www prefix'            => array( 'www.demo.kiotviet.vn', 'demo', true ),
			'query string'          => array( 'demo.kiotviet.vn?x=1', 'demo', true ),
			'port'                  => array( 'https://demo.kiotviet.vn:443/', 'demo', true ),
			'trailing dot'          => array( 'demo.kiotviet.vn.', 'demo', true ),
			'hyphen and digits'     => array( 'cua-hang-123', 'cua-hang-123', true ),
			'empty'                 => array( '   ', '', false ),
			'other domain'          => array( 'https://evil.example.com', 'evil.example.com', false ),
			'underscore'            => array( 'my_shop', 'my_shop', false ),
			'vietnamese characters' => array( 'cửahàng', 'cửahàng', false ),
			'too long'              => array( str_repeat( 'a', 65 ), str_repeat( 'a', 65 ), false ),
			'max length'            => array( str_repeat( 'a', 64 ), str_repeat( 'a', 64 ), true ),
			'credentials in URL'    => array( 'https://user:pw@demo.kiotviet.vn', 'demo', true ),
		);
	}

	/**
	 * @dataProvider inputs
	 *
	 * @param string $input    Raw input.
	 * @param string $expected Normalised code.
	 * @param bool   $valid    Whether it is acceptable.
	 */
	public function test_normalize( string $input, string $expected, bool $valid ): void {
		$normalized = RetailerNormalizer::normalize( $input );
		self::assertSame( $expected, $normalized );
		self::assertSame( $valid, RetailerNormalizer::is_valid( $normalized ) );
	}
}
