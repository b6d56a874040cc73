<?php
/**
 * Health route.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Rest;

use KiotVietSync\Admin\HealthCheck;
use WP_REST_Request;
use WP_REST_Server;

/**
 * GET /health → { connection, webhooks, queue, api, cron, problems } (HealthCheck::report()).
 */
final class HealthController extends AbstractController {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'health';

	/**
	 * Report builder.
	 *
	 * @var HealthCheck
	 */
	private HealthCheck $health;

	/**
	 * Creates the controller.
	 *
	 * @param HealthCheck $health Report builder.
	 */
	public function __construct( HealthCheck $health ) {
		$this->health = $health;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				$this->endpoint( WP_REST_Server::READABLE, array( $this, 'get_health' ) ),
			)
		);
	}

	/**
	 * GET /health.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	public function get_health( WP_REST_Request $request ): array {
		unset( $request );
		return $this->health->report();
	}
}
