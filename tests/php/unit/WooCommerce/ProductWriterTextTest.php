<?php
/**
 * KiotViet's plain-text names and attribute values as WooCommerce stores them.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\WooCommerce;

use KiotVietSync\WooCommerce\ProductWriter;
use PHPUnit\Framework\TestCase;

final class ProductWriterTextTest extends TestCase {

	public function test_markup_in_kiotviet_text_is_stored_as_entities_so_the_shop_shows_it_literally(): void {
		self::assertSame( 'Áo &lt;img src=x onerror=alert(1)&gt;', ProductWriter::text( 'Áo <img src=x onerror=alert(1)>' ) );
		self::assertSame( 'Cotton "&gt;&lt;svg onload=x&gt;', ProductWriter::text( 'Cotton "><svg onload=x>' ) );
		self::assertStringNotContainsString( '<', ProductWriter::text( '<script>x</script>' ) );
	}

	public function test_ordinary_text_is_unchanged(): void {
		foreach ( array( 'Áo Polo', 'Coca & Pepsi 330ml', 'Size "L"', 'Màu đỏ - 50%', '' ) as $text ) {
			self::assertSame( $text, ProductWriter::text( $text ) );
		}
	}
}
