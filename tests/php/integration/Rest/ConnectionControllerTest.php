<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Rest;

use KiotVietSync\Storage\Settings;
use KiotVietSync\Storage\SyncLog;
use KiotVietSync\Tests\Integration\TestCase;
use WP_REST_Response;

/**
 * The Connection routes through the real REST server against the KiotViet simulator (demo seed).
 */
final class ConnectionControllerTest extends TestCase {

	private const SECRET = 'demo-secret';

	/**
	 * Every response body seen in a test, to prove the secret never leaves the server.
	 *
	 * @var string[]
	 */
	private array $bodies = array();

	protected function setUp(): void {
		parent::setUp();
		$this->reset_simulator();
		$this->bodies = array();
	}

	protected function tearDown(): void {
		remove_all_filters( 'pre_http_request' );
		parent::tearDown();
	}

	/**
	 * REST call that remembers the body.
	 *
	 * @param string               $method Method.
	 * @param string               $path   Path.
	 * @param array<string, mixed> $body   Body.
	 */
	private function call( string $method, string $path, array $body = array() ): WP_REST_Response {
		$response       = $this->rest( $method, $path, $body );
		$this->bodies[] = (string) wp_json_encode( $response->get_data() );
		return $response;
	}

	/**
	 * @return array<string, mixed>
	 */
	private function data( WP_REST_Response $response ): array {
		$data = $response->get_data();
		return is_array( $data ) ? $data : (array) json_decode( (string) wp_json_encode( $data ), true );
	}

	/**
	 * data.params of an error response as an array.
	 *
	 * @return array<string, string>
	 */
	private function params( WP_REST_Response $response ): array {
		$data = $this->data( $response );
		return (array) json_decode( (string) wp_json_encode( $data['data']['params'] ?? array() ), true );
	}

	private function connect_demo(): WP_REST_Response {
		return $this->call(
			'POST',
			'connection',
			array(
				'retailer'      => 'demo',
				'client_id'     => 'demo-client',
				'client_secret' => self::SECRET,
			)
		);
	}

	/**
	 * @return array<int, array{0: string, 1: string, 2: array<string, mixed>}>
	 */
	private static function routes(): array {
		return array(
			array( 'GET', 'connection', array() ),
			array(
				'POST',
				'connection',
				array(
					'retailer'      => 'demo',
					'client_id'     => 'demo-client',
					'client_secret' => self::SECRET,
				),
			),
			array( 'DELETE', 'connection', array() ),
			array( 'GET', 'branches', array() ),
			array( 'PUT', 'connection/branch', array( 'branch_id' => 5001 ) ),
		);
	}

	public function test_anonymous_is_401_on_every_route(): void {
		$this->as_role( 'anonymous' );
		foreach ( self::routes() as list( $method, $path, $body ) ) {
			$response = $this->call( $method, $path, $body );
			self::assertSame( 401, $response->get_status(), "{$method} {$path}" );
			self::assertSame( 'rest_forbidden', $this->data( $response )['code'] );
		}
		// Even an invalid body is refused for permission first, not described by a 400.
		self::assertSame( 401, $this->call( 'POST', 'connection', array( 'retailer' => 5 ) )->get_status() );
		self::assertSame( 'not_connected', $this->stored_state() );
	}

	public function test_customer_is_403_on_every_route(): void {
		$this->as_role( 'customer' );
		foreach ( self::routes() as list( $method, $path, $body ) ) {
			self::assertSame( 403, $this->call( $method, $path, $body )->get_status(), "{$method} {$path}" );
		}
		self::assertSame( 'not_connected', $this->stored_state() );
	}

	public function test_shop_manager_and_administrator_are_allowed(): void {
		foreach ( array( 'shop_manager', 'administrator' ) as $role ) {
			$this->as_role( $role );
			$response = $this->call( 'GET', 'connection' );
			self::assertSame( 200, $response->get_status(), $role );
			self::assertSame(
				array(
					'state'                => 'not_connected',
					'retailer'             => null,
					'client_id'            => null,
					'client_secret_masked' => null,
					'branch'               => null,
					'connected_at'         => null,
					'shop_url'             => null,
				),
				$this->data( $response )
			);
		}
	}

	public function test_empty_fields_are_400_with_params(): void {
		$this->as_role( 'shop_manager' );
		$response = $this->call(
			'POST',
			'connection',
			array(
				'retailer'      => '  ',
				'client_id'     => '',
				'client_secret' => '',
			)
		);
		self::assertSame( 400, $response->get_status() );
		self::assertSame( 'kiotviet_sync_invalid_field', $this->data( $response )['code'] );
		self::assertSame( array( 'client_id', 'client_secret', 'retailer' ), $this->sorted_keys( $this->params( $response ) ) );

		$response = $this->call( 'POST', 'connection', array() );
		self::assertSame( 400, $response->get_status() );
		self::assertSame( array( 'client_id', 'client_secret', 'retailer' ), $this->sorted_keys( $this->params( $response ) ) );
	}

	public function test_malformed_fields_are_400_with_params(): void {
		$this->as_role( 'administrator' );

		$response = $this->call( 'POST', 'connection', array( 'retailer' => 'https://evil.example.com', 'client_id' => 'demo-client', 'client_secret' => self::SECRET ) );
		self::assertSame( 400, $response->get_status() );
		self::assertSame( 'kiotviet_sync_invalid_field', $this->data( $response )['code'] );
		self::assertArrayHasKey( 'retailer', $this->params( $response ) );

		$response = $this->call( 'POST', 'connection', array( 'retailer' => 5, 'client_id' => 'demo-client', 'client_secret' => self::SECRET ) );
		self::assertSame( 400, $response->get_status(), 'wrong type' );
		self::assertSame( 'kiotviet_sync_invalid_field', $this->data( $response )['code'] );
		self::assertArrayHasKey( 'retailer', $this->params( $response ) );

		$response = $this->call( 'POST', 'connection', array( 'retailer' => 'demo', 'client_id' => 'demo-client', 'client_secret' => self::SECRET, 'api_base' => 'http://evil.example' ) );
		self::assertSame( 400, $response->get_status(), 'unknown field' );
		self::assertSame( array( 'api_base' ), array_keys( $this->params( $response ) ) );

		$response = $this->call( 'PUT', 'connection/branch', array( 'branch_id' => 'abc' ) );
		self::assertSame( 400, $response->get_status() );
		self::assertArrayHasKey( 'branch_id', $this->params( $response ) );

		self::assertSame( 'not_connected', $this->stored_state() );
	}

	public function test_valid_demo_credentials_need_a_branch(): void {
		$this->as_role( 'shop_manager' );
		$response = $this->call(
			'POST',
			'connection',
			array(
				'retailer'      => 'https://Demo.kiotviet.vn/',
				'client_id'     => 'demo-client',
				'client_secret' => self::SECRET,
			)
		);

		self::assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $this->data( $response );
		self::assertSame( 'needs_branch', $data['state'] );
		self::assertSame( 'demo', $data['retailer'] );
		self::assertSame( 'demo-client', $data['client_id'] );
		self::assertSame( '••••••••cret', $data['client_secret_masked'] );
		self::assertNull( $data['branch'] );
		self::assertSame( 'https://demo.kiotviet.vn', $data['shop_url'] );
		self::assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/', (string) $data['connected_at'] );

		self::assertSame( $data, $this->data( $this->call( 'GET', 'connection' ) ) );
	}

	public function test_wrong_secret_is_bad_credentials(): void {
		$this->as_role( 'administrator' );
		$response = $this->call(
			'POST',
			'connection',
			array(
				'retailer'      => 'demo',
				'client_id'     => 'demo-client',
				'client_secret' => 'wrong-secret',
			)
		);
		self::assertSame( 400, $response->get_status() );
		self::assertSame( 'kiotviet_sync_bad_credentials', $this->data( $response )['code'] );
		self::assertSame( array( 'client_id', 'client_secret' ), $this->sorted_keys( $this->params( $response ) ) );
		self::assertSame( 'not_connected', $this->stored_state() );
		self::assertStringNotContainsString( 'wrong-secret', implode( "\n", $this->bodies ) );
	}

	public function test_unknown_retailer(): void {
		$this->as_role( 'administrator' );
		$response = $this->call(
			'POST',
			'connection',
			array(
				'retailer'      => 'cua-hang-khac',
				'client_id'     => 'demo-client',
				'client_secret' => self::SECRET,
			)
		);
		self::assertSame( 400, $response->get_status() );
		self::assertSame( 'kiotviet_sync_unknown_retailer', $this->data( $response )['code'] );
		self::assertSame( array( 'retailer' ), array_keys( $this->params( $response ) ) );
		self::assertSame( 'not_connected', $this->stored_state() );
	}

	public function test_kiotviet_unreachable_is_502(): void {
		$this->as_role( 'administrator' );
		add_filter(
			'pre_http_request',
			static function () {
				return new \WP_Error( 'http_request_failed', 'cURL error 7: Failed to connect' );
			}
		);
		$response = $this->connect_demo();
		self::assertSame( 502, $response->get_status() );
		self::assertSame( 'kiotviet_sync_unreachable', $this->data( $response )['code'] );
		self::assertSame( 'not_connected', $this->stored_state() );
	}

	public function test_branches_need_a_connection_then_list_the_shop_branches(): void {
		$this->as_role( 'shop_manager' );
		$response = $this->call( 'GET', 'branches' );
		self::assertSame( 409, $response->get_status() );
		self::assertSame( 'kiotviet_sync_not_connected', $this->data( $response )['code'] );

		self::assertSame( 200, $this->connect_demo()->get_status() );
		$response = $this->call( 'GET', 'branches' );
		self::assertSame( 200, $response->get_status() );
		$branches = $this->data( $response )['branches'];
		self::assertNotEmpty( $branches );
		$first = $branches[0];
		self::assertSame( array( 'address', 'code', 'id', 'name' ), $this->sorted_keys( $first ) );
		self::assertSame( 5001, $first['id'] );
		self::assertSame( 'Chi nhánh trung tâm', $first['name'] );
		self::assertSame( 'CN01', $first['code'] );
	}

	public function test_branch_selection(): void {
		$this->as_role( 'administrator' );
		self::assertSame( 409, $this->call( 'PUT', 'connection/branch', array( 'branch_id' => 5001 ) )->get_status() );

		$this->connect_demo();
		$response = $this->call( 'PUT', 'connection/branch', array( 'branch_id' => 999999 ) );
		self::assertSame( 400, $response->get_status() );
		self::assertSame( 'kiotviet_sync_unknown_branch', $this->data( $response )['code'] );
		self::assertArrayHasKey( 'branch_id', $this->params( $response ) );

		$response = $this->call( 'PUT', 'connection/branch', array() );
		self::assertSame( 400, $response->get_status() );
		self::assertSame( 'kiotviet_sync_invalid_field', $this->data( $response )['code'] );

		$response = $this->call( 'PUT', 'connection/branch', array( 'branch_id' => 5001 ) );
		self::assertSame( 200, $response->get_status() );
		$data = $this->data( $response );
		self::assertSame( 'ready', $data['state'] );
		self::assertSame( array( 'id' => 5001, 'name' => 'Chi nhánh trung tâm' ), $data['branch'] );
		self::assertSame( 'ready', $this->data( $this->call( 'GET', 'connection' ) )['state'] );
	}

	public function test_secret_may_be_omitted_only_for_the_same_retailer_and_client(): void {
		$this->as_role( 'administrator' );
		$this->connect_demo();

		$response = $this->call( 'POST', 'connection', array( 'retailer' => 'demo', 'client_id' => 'demo-client' ) );
		self::assertSame( 200, $response->get_status() );
		self::assertSame( 'needs_branch', $this->data( $response )['state'] );

		$response = $this->call( 'POST', 'connection', array( 'retailer' => 'demo', 'client_id' => 'other-client' ) );
		self::assertSame( 400, $response->get_status() );
		self::assertSame( array( 'client_secret' ), array_keys( $this->params( $response ) ) );
	}

	public function test_secret_in_the_query_string_is_ignored(): void {
		$this->as_role( 'administrator' );
		$response = $this->rest( 'POST', 'connection', array( 'retailer' => 'demo', 'client_id' => 'demo-client' ), array( 'client_secret' => self::SECRET ) );
		self::assertSame( 400, $response->get_status() );
		self::assertSame( array( 'client_secret' ), array_keys( $this->params( $response ) ) );
		self::assertSame( 'not_connected', $this->stored_state() );
	}

	public function test_disconnect_announces_itself_while_the_client_still_works(): void {
		$this->as_role( 'administrator' );
		$this->connect_demo();
		$seen = array();
		add_action(
			'kiotviet_sync_before_disconnect',
			static function () use ( &$seen ): void {
				$service = \KiotVietSync\Plugin::instance()->services()->connection_service();
				$seen[]  = count( $service->branches() );
			}
		);
		self::assertSame( 200, $this->call( 'DELETE', 'connection' )->get_status() );
		remove_all_actions( 'kiotviet_sync_before_disconnect' );
		self::assertCount( 1, $seen );
		self::assertGreaterThan( 0, $seen[0] );
	}

	public function test_delete_removes_credentials_token_and_branch(): void {
		$this->as_role( 'administrator' );
		$this->connect_demo();
		$this->call( 'PUT', 'connection/branch', array( 'branch_id' => 5001 ) );

		$response = $this->call( 'DELETE', 'connection' );
		self::assertSame( 200, $response->get_status() );
		self::assertSame( 'not_connected', $this->data( $response )['state'] );
		self::assertFalse( get_option( Settings::CONNECTION ) );
		self::assertFalse( get_option( Settings::CLIENT_SECRET ) );
		self::assertFalse( get_option( Settings::ACCESS_TOKEN ) );
	}

	public function test_secret_and_token_never_leave_the_server(): void {
		global $wpdb;
		$this->as_role( 'administrator' );
		$this->connect_demo();
		$this->call( 'GET', 'connection' );
		$this->call( 'GET', 'branches' );
		$this->call( 'PUT', 'connection/branch', array( 'branch_id' => 5001 ) );
		$this->call( 'POST', 'connection', array( 'retailer' => 'demo', 'client_id' => 'demo-client', 'client_secret' => 'wrong-secret' ) );
		$this->call( 'DELETE', 'connection' );
		$this->connect_demo();

		$all = implode( "\n", $this->bodies );
		self::assertStringNotContainsString( self::SECRET, $all );
		self::assertStringNotContainsString( 'wrong-secret', $all );
		self::assertStringNotContainsStringIgnoringCase( 'access_token', $all );
		self::assertStringNotContainsStringIgnoringCase( 'bearer', $all );

		// At rest: encrypted, not autoloaded.
		self::assertStringNotContainsString( self::SECRET, (string) get_option( Settings::CLIENT_SECRET ) );
		$autoload = $wpdb->get_var( $wpdb->prepare( "SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", Settings::CLIENT_SECRET ) );
		self::assertContains( $autoload, array( 'no', 'off' ) );

		// Sync history: connection changes and calls recorded, secrets not.
		$table = $wpdb->prefix . SyncLog::TABLE;
		$rows  = $wpdb->get_results( "SELECT channel, action, result, message, context FROM {$table}", ARRAY_A ); // phpcs:ignore
		self::assertNotEmpty( $rows );
		$dump = (string) wp_json_encode( $rows );
		self::assertStringNotContainsString( self::SECRET, $dump );
		self::assertStringNotContainsString( 'wrong-secret', $dump );
		self::assertStringNotContainsStringIgnoringCase( 'bearer ey', $dump );
		$actions = array_map(
			static function ( array $row ): string {
				return $row['channel'] . ':' . $row['action'] . ':' . $row['result'];
			},
			$rows
		);
		self::assertContains( 'connection:connect:ok', $actions );
		self::assertContains( 'connection:connect:error', $actions );
		self::assertContains( 'connection:disconnect:ok', $actions );
		self::assertContains( 'connection:select_branch:ok', $actions );
		self::assertContains( 'api:GET /branches:ok', $actions );
	}

	private function stored_state(): string {
		$connection = get_option( Settings::CONNECTION );
		if ( ! is_array( $connection ) || empty( $connection['retailer'] ) ) {
			return 'not_connected';
		}
		return empty( $connection['branch_id'] ) ? 'needs_branch' : 'ready';
	}

	/**
	 * @param array<string, mixed> $array Array.
	 * @return string[]
	 */
	private function sorted_keys( array $array ): array {
		$keys = array_map( 'strval', array_keys( $array ) );
		sort( $keys );
		return $keys;
	}
}
