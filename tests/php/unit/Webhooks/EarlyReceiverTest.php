<?php
/**
 * Which requests the early receiver takes.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Webhooks;

use KiotVietSync\Webhooks\EarlyReceiver;
use PHPUnit\Framework\TestCase;

final class EarlyReceiverTest extends TestCase {

	private const KEY = 'ROaGibpapPsrTrao9o_0QTliGUZEQI3d';

	/**
	 * Matches.
	 *
	 * @param array<string, mixed> $query Query.
	 */
	private static function key( string $uri, array $query = array(), string $home = 'https://shop.example', bool $pretty = true, bool $override = false ): ?string {
		return EarlyReceiver::site_key( $uri, $query, $override, $home, $pretty, 'wp-json' );
	}

	public function test_takes_exactly_the_receiver_route_in_both_url_forms(): void {
		self::assertSame( self::KEY, self::key( '/wp-json/kiotviet-sync/v1/webhook/' . self::KEY ) );
		self::assertSame( self::KEY, self::key( '/wp-json/kiotviet-sync/v1/webhook/' . self::KEY . '/' ) );
		self::assertSame( self::KEY, self::key( '/index.php?rest_route=/kiotviet-sync/v1/webhook/' . self::KEY, array( 'rest_route' => '/kiotviet-sync/v1/webhook/' . self::KEY ) ) );
		self::assertSame( self::KEY, self::key( '/?rest_route=x', array( 'rest_route' => '/kiotviet-sync/v1/webhook/' . self::KEY ), 'https://shop.example', false ) );
		self::assertSame( self::KEY, self::key( '/shop/wp-json/kiotviet-sync/v1/webhook/' . self::KEY, array(), 'https://x.example/shop/' ) );
		self::assertSame( 'short', self::key( '/wp-json/kiotviet-sync/v1/webhook/short' ), 'a wrong key is the receiver\'s business (200, nothing stored)' );
	}

	public function test_leaves_everything_else_to_wordpress(): void {
		$route = '/wp-json/kiotviet-sync/v1/webhook/' . self::KEY;
		self::assertNull( self::key( '/wp-json/kiotviet-sync/v1/webhook-process' ) );
		self::assertNull( self::key( '/wp-json/kiotviet-sync/v1/webhooks' ) );
		self::assertNull( self::key( '/wp-json/kiotviet-sync/v1/webhook/' . self::KEY . '/x' ) );
		self::assertNull( self::key( '/wp-json/kiotviet-sync/v2/webhook/' . self::KEY ) );
		self::assertNull( self::key( '/other/wp-json/kiotviet-sync/v1/webhook/' . self::KEY ), 'outside the home path' );
		self::assertNull( self::key( $route, array(), 'https://shop.example', false ), 'plain permalinks: /wp-json/ is not routed' );
		self::assertNull( self::key( $route, array( '_method' => 'GET' ) ) );
		self::assertNull( self::key( $route, array( '_envelope' => '1' ) ) );
		self::assertNull( self::key( $route, array( '_jsonp' => 'cb' ) ) );
		self::assertNull( self::key( $route, array(), 'https://shop.example', true, true ), 'X-HTTP-Method-Override' );
		self::assertNull( self::key( '/', array( 'rest_route' => array( 'x' ) ) ) );
		self::assertNull( self::key( '/', array( 'rest_route' => '/kiotviet-sync/v1/webhook/a b' ) ) );
	}
}
