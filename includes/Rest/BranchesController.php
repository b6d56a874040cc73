<?php
/**
 * Branches route.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Rest;

use KiotVietSync\Sync\Connection\ConnectionService;
use WP_REST_Request;
use WP_REST_Server;

/**
 * GET /branches: the KiotViet branches to choose the product sync branch from (409 when not connected).
 */
final class BranchesController extends AbstractController {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'branches';

	/**
	 * Connection use cases.
	 *
	 * @var ConnectionService
	 */
	private ConnectionService $service;

	/**
	 * Creates the controller.
	 *
	 * @param ConnectionService $service Connection use cases.
	 */
	public function __construct( ConnectionService $service ) {
		$this->service = $service;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				$this->endpoint( WP_REST_Server::READABLE, array( $this, 'get_branches' ) ),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * GET /branches.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function get_branches( WP_REST_Request $request ) {
		return $this->prepare_item_for_response( array( 'branches' => $this->service->branches() ), $request );
	}

	/**
	 * The branches list.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'kiotviet-sync-branches',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'branches' => array(
					'description' => __( 'KiotViet branches.', 'kiotviet-sync' ),
					'type'        => 'array',
					'readonly'    => true,
					'items'       => array(
						'type'       => 'object',
						'properties' => array(
							'id'      => array( 'type' => 'integer' ),
							'name'    => array( 'type' => 'string' ),
							'code'    => array( 'type' => 'string' ),
							'address' => array( 'type' => 'string' ),
						),
					),
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
