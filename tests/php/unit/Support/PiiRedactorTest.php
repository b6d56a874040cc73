<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Support;

use KiotVietSync\Storage\SyncLog;
use KiotVietSync\Support\PiiRedactor;
use KiotVietSync\Support\Redactor;
use PHPUnit\Framework\TestCase;

final class PiiRedactorTest extends TestCase {

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public static function phones(): array {
		return array(
			'national'        => array( 'Khách 0912345678 đặt', 'Khách [phone …678] đặt' ),
			'spaced'          => array( 'SĐT 0912 345 678.', 'SĐT [phone …678].' ),
			'dotted'          => array( '0903.123.456', '[phone …456]' ),
			'international'   => array( 'call +84 912 345 678 now', 'call [phone …678] now' ),
			'0084'            => array( 'call 0084912345678', 'call [phone …678]' ),
			'84 without plus' => array( 'phone 84912345678', 'phone [phone …678]' ),
			'landline'        => array( '(028) 3823 4567', '[phone …567]' ),
		);
	}

	/**
	 * @dataProvider phones
	 */
	public function test_phones_are_masked( string $input, string $expected ): void {
		$this->assertSame( $expected, ( new PiiRedactor() )->redact_string( $input ) );
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public static function not_phones(): array {
		return array(
			'kiotviet id'     => array( 'GET /products/31000102 200' ),
			'long id'         => array( 'KV id 8491234567' ),
			'amount'          => array( 'order #1234 total 159000' ),
			'date'            => array( 'at 2026-11-29 08:00:00' ),
			'iso date'        => array( '2026-11-29T08:00:00+07:00' ),
			'ids list'        => array( 'ids 1000000001, 2026112908' ),
			'sku with digits' => array( 'SKU AO-0912345678X' ),
		);
	}

	/**
	 * @dataProvider not_phones
	 */
	public function test_ids_amounts_and_dates_stay( string $input ): void {
		$this->assertSame( $input, ( new PiiRedactor() )->redact_string( $input ) );
	}

	public function test_emails_keep_first_letter_and_domain(): void {
		$this->assertSame( 'mail n***@example.com.vn ok', ( new PiiRedactor() )->redact_string( 'mail nguyen.van.a@example.com.vn ok' ) );
	}

	public function test_contact_keys_are_masked_whole(): void {
		$out = ( new PiiRedactor() )->redact(
			array(
				'billing_phone' => '12345',
				'customer'      => array(
					'email'         => 'x@y.io',
					'contactNumber' => '0912345678',
					'name'          => 'Nguyễn Văn A',
					'total'         => 5,
				),
				'address'       => 'Số 1 Lê Lợi',
				'retailer'      => 'demo',
				'detail'        => 'ok',
			)
		);
		$this->assertSame( '[phone]', $out['billing_phone'] );
		$this->assertSame( 'x***@y.io', $out['customer']['email'] );
		$this->assertSame( '[phone …678]', $out['customer']['contactNumber'] );
		$this->assertSame( 'Nguyễn Văn A', $out['customer']['name'] );
		$this->assertSame( 5, $out['customer']['total'] );
		$this->assertSame( Redactor::PLACEHOLDER, $out['address'] );
		$this->assertSame( 'demo', $out['retailer'] );
		$this->assertSame( 'ok', $out['detail'] );
	}

	public function test_build_row_redacts_message_and_context(): void {
		$row = SyncLog::build_row(
			new Redactor(),
			'order',
			'push',
			'error',
			'Khách 0912345678 / a.b@example.com',
			array( 'phone' => '0987654321', 'note' => 'mail c@d.vn' ),
			array(),
			'2026-11-29 08:00:00'
		);
		$this->assertSame( 'Khách [phone …678] / a***@example.com', $row['message'] );
		$this->assertStringNotContainsString( '0987654321', (string) $row['context'] );
		$this->assertStringNotContainsString( 'c@d.vn', (string) $row['context'] );
	}
}
