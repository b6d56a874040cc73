<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\KiotViet;

use KiotVietSync\KiotViet\Exception\AuthException;
use KiotVietSync\KiotViet\Exception\KiotVietException;
use KiotVietSync\KiotViet\Exception\NotFoundException;
use KiotVietSync\KiotViet\Exception\RateLimitedException;
use KiotVietSync\KiotViet\Exception\ServerException;
use KiotVietSync\KiotViet\Exception\ValidationException;
use KiotVietSync\KiotViet\HttpResponse;
use KiotVietSync\Tests\Unit\Fakes\ClientKit;
use KiotVietSync\Tests\Unit\Fakes\FakeTransport;
use PHPUnit\Framework\TestCase;

/**
 * Headers, bodies, re-authentication on 401 TokenException, and status → exception mapping.
 */
final class ClientTest extends TestCase {

	private ClientKit $kit;

	protected function setUp(): void {
		$this->kit = new ClientKit( ClientKit::policy( 1 ) );
	}

	public function test_get_sends_bearer_retailer_and_query(): void {
		$this->kit->transport->queue( FakeTransport::json( 200, array( 'total' => 0, 'data' => array() ) ) );

		$body = $this->kit->client->get(
			'/products',
			array(
				'includeInventory' => true,
				'isActive'         => false,
				'name'             => 'Áo thun',
			)
		);

		self::assertSame( array( 'total' => 0, 'data' => array() ), $body );
		$request = $this->kit->transport->api_requests()[0];
		self::assertSame( 'GET', $request['method'] );
		self::assertSame( FakeTransport::API_BASE . '/products?includeInventory=true&isActive=false&name=%C3%81o%20thun', $request['url'] );
		self::assertSame( 'Bearer tok-1', $request['headers']['Authorization'] );
		self::assertSame( 'demo', $request['headers']['Retailer'] );
		self::assertArrayNotHasKey( 'Content-Type', $request['headers'] );
		self::assertNull( $request['body'] );
	}

	public function test_post_and_put_send_json(): void {
		$this->kit->transport->queue( FakeTransport::json( 200, array( 'id' => 1 ) ), FakeTransport::json( 200, array() ) );

		$this->kit->client->post( '/orders', array( 'branchId' => 5001, 'description' => 'Đơn #1' ) );
		$this->kit->client->put( '/orders/1', array( 'description' => 'x' ) );

		$requests = $this->kit->transport->api_requests();
		self::assertSame( 'POST', $requests[0]['method'] );
		self::assertSame( 'application/json; charset=utf-8', $requests[0]['headers']['Content-Type'] );
		self::assertSame( '{"branchId":5001,"description":"Đơn #1"}', $requests[0]['body'] );
		self::assertSame( 'PUT', $requests[1]['method'] );
		self::assertSame( FakeTransport::API_BASE . '/orders/1', $requests[1]['url'] );
	}

	public function test_delete_sends_query(): void {
		$this->kit->transport->queue( FakeTransport::json( 200, array( 'message' => 'ok' ) ) );
		$this->kit->client->delete( '/orders/9', array( 'IsVoidPayment' => true ) );
		self::assertSame( FakeTransport::API_BASE . '/orders/9?IsVoidPayment=true', $this->kit->transport->api_requests()[0]['url'] );
	}

	public function test_token_is_reused_across_calls(): void {
		$this->kit->transport->queue( FakeTransport::json( 200, array() ), FakeTransport::json( 200, array() ) );
		$this->kit->client->get( '/branches' );
		$this->kit->client->get( '/branches' );
		self::assertSame( 1, $this->kit->transport->tokens_issued );
	}

	public function test_401_token_exception_reauthenticates_once_and_succeeds(): void {
		$this->kit->transport->queue(
			FakeTransport::error( 401, 'TokenException', 'Token không hợp lệ' ),
			FakeTransport::json( 200, array( 'ok' => true ) )
		);

		self::assertSame( array( 'ok' => true ), $this->kit->client->get( '/branches' ) );

		$requests = $this->kit->transport->api_requests();
		self::assertCount( 2, $requests );
		self::assertSame( 'Bearer tok-1', $requests[0]['headers']['Authorization'] );
		self::assertSame( 'Bearer tok-2', $requests[1]['headers']['Authorization'] );
		self::assertSame( array(), $this->kit->sleeper->waits, 'Re-auth is immediate, not a backoff' );
	}

	public function test_401_on_post_is_also_repeated_once_because_kiotviet_did_not_process_it(): void {
		$this->kit->transport->queue( FakeTransport::error( 401, 'TokenException' ), FakeTransport::json( 200, array( 'id' => 7 ) ) );
		self::assertSame( array( 'id' => 7 ), $this->kit->client->post( '/orders', array( 'x' => 1 ) ) );
		self::assertCount( 2, $this->kit->transport->api_requests() );
	}

	public function test_second_401_is_an_auth_exception(): void {
		$this->kit->transport->queue( FakeTransport::error( 401, 'TokenException' ), FakeTransport::error( 401, 'TokenException' ) );
		try {
			$this->kit->client->get( '/branches' );
			self::fail( 'Expected AuthException' );
		} catch ( AuthException $e ) {
			self::assertSame( 401, $e->get_http_status() );
			self::assertSame( 'TokenException', $e->get_kiotviet_error_code() );
		}
		self::assertCount( 2, $this->kit->transport->api_requests() );
		self::assertSame( 2, $this->kit->transport->tokens_issued );
	}

	public function test_401_retailer_exception_is_not_retried(): void {
		$this->kit->transport->queue( FakeTransport::error( 401, 'RetailerException' ) );
		$this->expectException( AuthException::class );
		try {
			$this->kit->client->get( '/branches' );
		} finally {
			self::assertCount( 1, $this->kit->transport->api_requests() );
		}
	}

	/**
	 * @return array<string, array{0: int, 1: class-string<KiotVietException>}>
	 */
	public function statuses(): array {
		return array(
			'302 redirect (never followed)' => array( 302, ServerException::class ),
			'400 bad request'               => array( 400, ValidationException::class ),
			'403 forbidden'                 => array( 403, AuthException::class ),
			'404 not found'                 => array( 404, NotFoundException::class ),
			'405 method not allowed'        => array( 405, ValidationException::class ),
			'408 request timeout'           => array( 408, ServerException::class ),
			'409 conflict'                  => array( 409, ValidationException::class ),
			'410 gone'                      => array( 410, NotFoundException::class ),
			'420 KvValidateException'       => array( 420, ValidationException::class ),
			'422 unprocessable'             => array( 422, ValidationException::class ),
			'429 rate limited'              => array( 429, RateLimitedException::class ),
			'500 server error'              => array( 500, ServerException::class ),
			'502 bad gateway'               => array( 502, ServerException::class ),
			'503 unavailable'               => array( 503, ServerException::class ),
			'504 gateway timeout'           => array( 504, ServerException::class ),
		);
	}

	/**
	 * @dataProvider statuses
	 *
	 * @param int                              $status Status.
	 * @param class-string<KiotVietException>  $class  Expected exception.
	 */
	public function test_error_mapping( int $status, string $class ): void {
		$this->kit->transport->queue( FakeTransport::error( $status, 'SomeCode', 'Thông báo lỗi' ) );
		try {
			$this->kit->client->get( '/products/1' );
			self::fail( 'Expected ' . $class );
		} catch ( KiotVietException $e ) {
			self::assertInstanceOf( $class, $e );
			self::assertSame( $status, $e->get_http_status() );
			self::assertSame( 'SomeCode', $e->get_kiotviet_error_code() );
			self::assertSame( 'Thông báo lỗi', $e->getMessage() );
		}
	}

	public function test_401_after_reauth_maps_to_auth_exception(): void {
		$this->kit->transport->queue( FakeTransport::error( 401, '' ), new HttpResponse( 401, array(), '' ) );
		$this->expectException( AuthException::class );
		$this->kit->client->get( '/branches' );
	}

	public function test_error_without_body_gets_a_generic_message(): void {
		$this->kit->transport->queue( new HttpResponse( 404, array(), '' ) );
		try {
			$this->kit->client->get( '/products/1' );
			self::fail( 'Expected NotFoundException' );
		} catch ( NotFoundException $e ) {
			self::assertSame( 'KiotViet answered HTTP 404.', $e->getMessage() );
			self::assertSame( '', $e->get_kiotviet_error_code() );
		}
	}

	public function test_success_that_is_not_json_is_a_server_exception(): void {
		$this->kit->transport->queue( new HttpResponse( 200, array(), '<html>maintenance</html>' ) );
		$this->expectException( ServerException::class );
		$this->kit->client->get( '/branches' );
	}

	public function test_empty_success_body_is_an_empty_array(): void {
		$this->kit->transport->queue( new HttpResponse( 200, array(), '' ) );
		self::assertSame( array(), $this->kit->client->delete( '/webhooks/1' ) );
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public function bad_paths(): array {
		return array(
			'absolute URL'  => array( 'https://evil.example/steal' ),
			'no slash'      => array( 'products' ),
			'traversal'     => array( '/../admin' ),
			'query in path' => array( '/products?x=1' ),
			'double slash'  => array( '//evil.example/x' ),
		);
	}

	/**
	 * The client is not a proxy: only plain API paths.
	 *
	 * @dataProvider bad_paths
	 *
	 * @param string $path Path.
	 */
	public function test_rejects_anything_but_an_api_path( string $path ): void {
		$this->expectException( \InvalidArgumentException::class );
		try {
			$this->kit->client->get( $path );
		} finally {
			self::assertSame( array(), $this->kit->transport->requests );
		}
	}

	public function test_observer_records_calls_without_headers(): void {
		$this->kit->transport->queue( FakeTransport::error( 401, 'TokenException' ), FakeTransport::json( 200, array() ) );
		$this->kit->client->get( '/branches', array( 'pageSize' => 1 ) );
		self::assertSame(
			array(
				'POST /connect/token 200',
				'GET /branches?pageSize=1 AuthException#1 retry',
				'POST /connect/token 200',
				'GET /branches?pageSize=1 200',
			),
			$this->kit->observer->lines
		);
	}
}
