<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\KiotViet;

use KiotVietSync\KiotViet\Exception\NetworkException;
use KiotVietSync\KiotViet\FakeWpError;
use KiotVietSync\KiotViet\WpHttpShim;
use KiotVietSync\KiotViet\WpHttpTransport;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/WpHttpShims.php';

/**
 * Explicit timeout, TLS verification on, no redirects; WP_Error becomes NetworkException.
 */
final class WpHttpTransportTest extends TestCase {

	public function test_sends_with_timeout_tls_and_no_redirects(): void {
		WpHttpShim::$answer = array(
			'headers'  => array(
				'Retry-After'  => '5',
				'Set-Cookie'   => array( 'a=1', 'b=2' ),
			),
			'response' => array( 'code' => '429' ),
			'body'     => '{"responseStatus":{}}',
		);

		$response = ( new WpHttpTransport( 15.0 ) )->send( 'POST', 'https://public.kiotapi.com/orders', array( 'Retailer' => 'demo' ), '{"a":1}' );

		list( $url, $args ) = WpHttpShim::$last;
		self::assertSame( 'https://public.kiotapi.com/orders', $url );
		self::assertSame( 'POST', $args['method'] );
		self::assertSame( 15.0, $args['timeout'] );
		self::assertSame( 0, $args['redirection'] );
		self::assertTrue( $args['sslverify'] );
		self::assertSame( array( 'Retailer' => 'demo' ), $args['headers'] );
		self::assertSame( '{"a":1}', $args['body'] );
		self::assertStringStartsWith( 'KiotVietSync/', $args['user-agent'] );

		self::assertSame( 429, $response->status() );
		self::assertSame( '5', $response->header( 'retry-after' ) );
		self::assertSame( 'a=1, b=2', $response->header( 'SET-COOKIE' ) );
		self::assertSame( '{"responseStatus":{}}', $response->body() );
	}

	public function test_get_has_no_body(): void {
		WpHttpShim::$answer = array(
			'headers'  => array(),
			'response' => array( 'code' => 200 ),
			'body'     => '{}',
		);
		( new WpHttpTransport() )->send( 'GET', 'https://public.kiotapi.com/branches' );
		self::assertArrayNotHasKey( 'body', WpHttpShim::$last[1] );
	}

	public function test_wp_error_is_a_network_exception(): void {
		WpHttpShim::$answer = new FakeWpError( 'cURL error 28: Operation timed out' );
		$this->expectException( NetworkException::class );
		$this->expectExceptionMessage( 'cURL error 28: Operation timed out' );
		( new WpHttpTransport() )->send( 'GET', 'https://public.kiotapi.com/branches' );
	}
}
