<?php
/**
 * Connection routes.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Rest;

use KiotVietSync\Sync\Connection\Connection;
use KiotVietSync\Sync\Connection\ConnectionService;
use KiotVietSync\WooCommerce\SyncedDataEraser;
use WP_REST_Request;
use WP_REST_Server;

/**
 * GET/POST/DELETE /connection and PUT /connection/branch (docs/architecture.md "Connection").
 * The client secret is write-only: accepted on POST, only ever returned masked.
 */
final class ConnectionController extends AbstractController {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'connection';

	/**
	 * Connection use cases.
	 *
	 * @var ConnectionService
	 */
	private ConnectionService $service;

	/**
	 * Deletes synced data on disconnect ("Xóa thông tin").
	 *
	 * @var SyncedDataEraser|null
	 */
	private ?SyncedDataEraser $eraser;

	/**
	 * Creates the controller.
	 *
	 * @param ConnectionService $service Connection use cases.
	 */
	public function __construct( ConnectionService $service, ?SyncedDataEraser $eraser = null ) {
		$this->service = $service;
		$this->eraser  = $eraser;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				$this->endpoint( WP_REST_Server::READABLE, array( $this, 'get_connection' ) ),
				$this->endpoint( WP_REST_Server::CREATABLE, array( $this, 'create_connection' ), self::create_schema() ),
				$this->endpoint( WP_REST_Server::DELETABLE, array( $this, 'delete_connection' ), self::delete_schema() ),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/branch',
			array(
				$this->endpoint( 'PUT', array( $this, 'update_branch' ), self::branch_schema() ),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * GET /connection.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function get_connection( WP_REST_Request $request ) {
		return $this->respond( $this->service->current(), $request );
	}

	/**
	 * POST /connection: verify with KiotViet, then store.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function create_connection( WP_REST_Request $request ) {
		$secret = self::body_param( $request, 'client_secret' );
		return $this->respond(
			$this->service->connect(
				(string) self::body_param( $request, 'retailer' ),
				(string) self::body_param( $request, 'client_id' ),
				is_string( $secret ) ? $secret : null
			),
			$request
		);
	}

	/**
	 * A field from the request body only: credentials in a query string would end up in access logs.
	 *
	 * @param WP_REST_Request $request Request.
	 * @param string          $key     Field.
	 * @return mixed
	 */
	private static function body_param( WP_REST_Request $request, string $key ) {
		$json = $request->get_json_params();
		if ( is_array( $json ) && array_key_exists( $key, $json ) ) {
			return $json[ $key ];
		}
		$body = $request->get_body_params();
		return $body[ $key ] ?? null;
	}

	/**
	 * DELETE /connection.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function delete_connection( WP_REST_Request $request ) {
		$options  = array(
			'delete_categories' => self::flag( $request, 'delete_categories' ),
			'delete_products'   => self::flag( $request, 'delete_products' ),
		);
		$response = $this->respond( $this->service->disconnect( $options ), $request );
		$data     = $response->get_data();
		if ( is_array( $data ) ) {
			$data['deleting'] = null !== $this->eraser && $this->eraser->is_deleting();
			$response->set_data( $data );
		}
		return $response;
	}

	/**
	 * A boolean flag from the JSON body, form body or query string (default false).
	 *
	 * @param WP_REST_Request $request Request.
	 * @param string          $key     Flag.
	 */
	private static function flag( WP_REST_Request $request, string $key ): bool {
		$value = self::body_param( $request, $key );
		if ( null === $value ) {
			$value = $request->get_param( $key );
		}
		return true === rest_sanitize_boolean( is_bool( $value ) || is_string( $value ) || is_int( $value ) ? $value : false );
	}

	/**
	 * Optional body / query of DELETE /connection.
	 *
	 * @return array<string, mixed>
	 */
	private static function delete_schema(): array {
		return array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'kiotviet-sync-disconnect-request',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
			'delete_categories' => array(
				'description' => __( 'Also delete the synced product categories ("Danh mục").', 'kiotviet-sync' ),
				'type'        => 'boolean',
				'default'     => false,
			),
			'delete_products'   => array(
				'description' => __( 'Also delete the synced products and variations ("Hàng hóa").', 'kiotviet-sync' ),
				'type'        => 'boolean',
				'default'     => false,
			),
			),
		);
	}

	/**
	 * PUT /connection/branch.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function update_branch( WP_REST_Request $request ) {
		$branch_id = self::body_param( $request, 'branch_id' );
		if ( null === $branch_id || '' === $branch_id ) {
			return self::invalid_fields( array( 'branch_id' => __( 'Choose a branch.', 'kiotviet-sync' ) ) );
		}
		return $this->respond( $this->service->select_branch( (int) $branch_id ), $request );
	}

	/**
	 * Shapes a connection by the item schema.
	 *
	 * @param Connection      $connection Connection.
	 * @param WP_REST_Request $request    Request.
	 * @return \WP_REST_Response
	 */
	private function respond( Connection $connection, WP_REST_Request $request ) {
		return $this->prepare_item_for_response( $connection->to_response(), $request );
	}

	/**
	 * Body of POST /connection.
	 *
	 * @return array<string, mixed>
	 */
	private static function create_schema(): array {
		return array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'kiotviet-sync-connection-request',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'retailer'      => array(
					'description' => __( 'Store access address: the retailer code or the shop URL.', 'kiotviet-sync' ),
					'type'        => 'string',
					'maxLength'   => 200,
				),
				'client_id'     => array(
					'description' => __( 'Client ID from KiotViet.', 'kiotviet-sync' ),
					'type'        => 'string',
					'maxLength'   => 200,
				),
				'client_secret' => array(
					'description' => __( 'Security code (client secret) from KiotViet. Write-only.', 'kiotviet-sync' ),
					'type'        => 'string',
					'maxLength'   => 256,
				),
			),
		);
	}

	/**
	 * Body of PUT /connection/branch.
	 *
	 * @return array<string, mixed>
	 */
	private static function branch_schema(): array {
		return array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'kiotviet-sync-branch-request',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'branch_id' => array(
					'description' => __( 'KiotViet branch whose stock and prices are synced.', 'kiotviet-sync' ),
					'type'        => 'integer',
					'minimum'     => 1,
				),
			),
		);
	}

	/**
	 * The connection object.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$nullable_string = array( 'string', 'null' );
		$this->schema    = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'kiotviet-sync-connection',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'state'                => array(
					'description' => __( 'Connection state.', 'kiotviet-sync' ),
					'type'        => 'string',
					'enum'        => array( Connection::STATE_NOT_CONNECTED, Connection::STATE_NEEDS_BRANCH, Connection::STATE_READY ),
					'readonly'    => true,
				),
				'retailer'             => array(
					'description' => __( 'Retailer code.', 'kiotviet-sync' ),
					'type'        => $nullable_string,
					'readonly'    => true,
				),
				'client_id'            => array(
					'description' => __( 'Client ID.', 'kiotviet-sync' ),
					'type'        => $nullable_string,
					'readonly'    => true,
				),
				'client_secret_masked' => array(
					'description' => __( 'The stored security code, masked.', 'kiotviet-sync' ),
					'type'        => $nullable_string,
					'readonly'    => true,
				),
				'branch'               => array(
					'description' => __( 'Product sync branch.', 'kiotviet-sync' ),
					'type'        => array( 'object', 'null' ),
					'readonly'    => true,
					'properties'  => array(
						'id'   => array( 'type' => 'integer' ),
						'name' => array( 'type' => 'string' ),
					),
				),
				'connected_at'         => array(
					'description' => __( 'When the connection was made (UTC).', 'kiotviet-sync' ),
					'type'        => $nullable_string,
					'format'      => 'date-time',
					'readonly'    => true,
				),
				'shop_url'             => array(
					'description' => __( 'The shop\'s KiotViet address.', 'kiotviet-sync' ),
					'type'        => $nullable_string,
					'format'      => 'uri',
					'readonly'    => true,
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
