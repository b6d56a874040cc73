<?php
/**
 * Public webhook receiver route.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Rest;

use KiotVietSync\Webhooks\Receiver;
use KiotVietSync\Webhooks\WebhookServices;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * POST /kiotviet-sync/v1/webhook/{site_key} — called by KiotViet, no cookie auth.
 *
 * Security note: `permission_callback` is `__return_true` on purpose. The callback's only effect is one
 * row in the webhook inbox (size-capped, de-duplicated); authenticity is decided inside, from the
 * X-Hub-Signature HMAC over the raw body with the Secret we registered. An unverified or malformed
 * delivery is recorded and never changes catalog data (at most it triggers bounded, rate-limited re-reads
 * of the named items from KiotViet). Checking the signature in permission_callback would answer 401/403,
 * and any 4xx makes KiotViet disable the subscription, so every answer here is 200 except a failure to
 * store a verified delivery (503, KiotViet retries with the same Id).
 */
final class WebhookReceiverController extends AbstractController {

	/**
	 * Receiver.
	 *
	 * @var callable(): Receiver
	 */
	private $receiver;

	/**
	 * Creates the controller.
	 *
	 * @param callable(): Receiver $receiver Receiver factory.
	 */
	public function __construct( callable $receiver ) {
		$this->receiver = $receiver;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			WebhookServices::RECEIVER_ROUTE,
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'receive' ),
					'permission_callback' => '__return_true', // Verified inside by signature; see the class comment.
					'args'                => array(),
				),
			)
		);
	}

	/**
	 * Handles a delivery.
	 *
	 * @param WP_REST_Request $request Request.
	 */
	public function receive( WP_REST_Request $request ): WP_REST_Response {
		$header   = $request->get_header( 'x_hub_signature' );
		$result   = ( $this->receiver )()->respond( (string) $request->get_param( 'site_key' ), (string) $request->get_body(), null === $header ? null : (string) $header );
		$response = new WP_REST_Response( $result['body'], $result['status'] );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}
}
