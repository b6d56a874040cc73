<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Catalog;

use InvalidArgumentException;
use KiotVietSync\Sync\Catalog\Decimal;
use KiotVietSync\Sync\Catalog\WeightConverter;
use PHPUnit\Framework\TestCase;

/**
 * KiotViet grams → the store's weight unit.
 */
final class WeightConverterTest extends TestCase {

	/**
	 * @return array<string, array{0: ?float, 1: string, 2: string}>
	 */
	public function cases(): array {
		return array(
			'250 g in kg'     => array( 250.0, 'kg', '0.25' ),
			'8400 g in kg'    => array( 8400.0, 'kg', '8.4' ),
			'250 g in g'      => array( 250.0, 'g', '250' ),
			'1000 g in lbs'   => array( 1000.0, 'lbs', '2.2046' ),
			'250 g in oz'     => array( 250.0, 'oz', '8.8185' ),
			'453.59237 g lbs' => array( 453.59237, 'lbs', '1' ),
			'zero is none'    => array( 0.0, 'kg', '' ),
			'missing is none' => array( null, 'kg', '' ),
			'negative'        => array( -5.0, 'g', '' ),
		);
	}

	/**
	 * @dataProvider cases
	 */
	public function test_conversion( ?float $grams, string $unit, string $expected ): void {
		self::assertSame( $expected, WeightConverter::from_grams( $grams, $unit ) );
	}

	public function test_unknown_unit_is_rejected(): void {
		$this->expectException( InvalidArgumentException::class );
		WeightConverter::from_grams( 1.0, 'stone' );
	}

	public function test_decimal_format(): void {
		self::assertSame( '159000', Decimal::format( 159000.0 ) );
		self::assertSame( '1450000', Decimal::format( 1450000.0 ) );
		self::assertSame( '12.5', Decimal::format( 12.5 ) );
		self::assertSame( '0', Decimal::format( -0.00001 ) );
	}
}
