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

	public function test_names_the_rest_route_of_a_request_for_the_process_fast_path(): void {
		$process = '/kiotviet-sync/v1/webhook-process';
		self::assertSame( $process, EarlyReceiver::rest_route( '/wp-json' . $process, array(), false, 'https://shop.example', true, 'wp-json' ) );
		self::assertSame( $process, EarlyReceiver::rest_route( '/index.php?rest_route=' . $process, array( 'rest_route' => $process ), false, 'https://shop.example', false, 'wp-json' ) );
		self::assertSame( $process, EarlyReceiver::rest_route( '/shop/wp-json' . $process, array(), false, 'https://x.example/shop', true, 'wp-json' ) );
		self::assertNull( EarlyReceiver::rest_route( '/wp-json' . $process, array(), false, 'https://shop.example', false, 'wp-json' ), 'plain permalinks' );
		self::assertNull( EarlyReceiver::rest_route( '/wp-json' . $process, array( '_method' => 'GET' ), false, 'https://shop.example', true, 'wp-json' ) );
		self::assertNull( EarlyReceiver::rest_route( '/wp-json' . $process, array(), true, 'https://shop.example', true, 'wp-json' ), 'X-HTTP-Method-Override' );
		self::assertNull( EarlyReceiver::rest_route( '/shop/', array(), false, 'https://shop.example', true, 'wp-json' ) );
	}
}
