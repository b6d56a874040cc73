<?php
/**
 * Admin routes of live sync (webhooks).
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Rest;

use KiotVietSync\Support\PluginException;
use KiotVietSync\Sync\Webhooks\SubscriptionPlan;
use KiotVietSync\Sync\Webhooks\SubscriptionPlanner;
use KiotVietSync\Sync\Webhooks\WebhookType;
use KiotVietSync\Sync\Webhooks\WebhookUrl;
use KiotVietSync\Webhooks\Storage\InboxStore;
use KiotVietSync\Webhooks\WebhookServices;
use WP_REST_Request;

/**
 * GET /webhooks, POST /webhooks/register, GET /webhooks/inbox, POST /webhooks/inbox/{id}/reprocess.
 * Never returns the Secret; inbox bodies are truncated.
 */
final class WebhooksController extends AbstractController {

	public const BODY_PREVIEW_BYTES = 2000;

	/**
	 * Live sync services.
	 *
	 * @var WebhookServices
	 */
	private WebhookServices $webhooks;

	/**
	 * Whether a connection exists: fn(): bool.
	 *
	 * @var callable(): bool
	 */
	private $connected;

	/**
	 * Creates the controller.
	 *
	 * @param WebhookServices  $webhooks  Services.
	 * @param callable(): bool $connected Connection check.
	 */
	public function __construct( WebhookServices $webhooks, callable $connected ) {
		$this->webhooks  = $webhooks;
		$this->connected = $connected;
	}

	/**
	 * Routes.
	 */
	public function register_routes(): void {
		register_rest_route( $this->namespace, '/webhooks', array( $this->endpoint( 'GET', array( $this, 'status' ) ) ) );
		register_rest_route( $this->namespace, '/webhooks/register', array( $this->endpoint( 'POST', array( $this, 'register' ), array( 'type' => 'object', 'properties' => array(), 'additionalProperties' => false ) ) ) );
		register_rest_route(
			$this->namespace,
			'/webhooks/inbox',
			array(
				$this->endpoint(
					'GET',
					array( $this, 'inbox' ),
					array(
						'type'       => 'object',
						'properties' => array(
							'page'     => array(
								'type'    => 'integer',
								'minimum' => 1,
								'default' => 1,
							),
							'per_page' => array(
								'type'    => 'integer',
								'minimum' => 1,
								'maximum' => 100,
								'default' => 20,
							),
							'state'    => array(
								'type' => 'string',
								'enum' => array_merge( array( 'all' ), InboxStore::STATES ),
							),
						),
					)
				),
			)
		);
		register_rest_route( $this->namespace, '/webhooks/inbox/(?P<id>[0-9]+)/reprocess', array( $this->endpoint( 'POST', array( $this, 'reprocess' ) ) ) );
	}

	/**
	 * GET /webhooks.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	public function status( WP_REST_Request $request ): array {
		unset( $request );
		$registration  = $this->webhooks->options()->registration();
		$subscriptions = array();
		$conflicts     = isset( $registration['conflicts'] ) && is_array( $registration['conflicts'] ) ? $registration['conflicts'] : array();
		$live_error    = null;
		$url           = $this->webhooks->registration()->receiver_url();

		if ( ( $this->connected )() ) {
			try {
				$existing = $this->webhooks->api()->list();
				$plan     = ( new SubscriptionPlanner() )->plan( $existing, $url, false, $this->webhooks->options()->previous_urls() );
				$conflicts = $plan->conflicts();
				foreach ( $plan->states() as $type => $state ) {
					$subscriptions[] = $this->subscription( $type, $state, $existing, $url );
				}
			} catch ( \Throwable $e ) {
				$live_error = $e->getMessage();
			}
		}
		if ( array() === $subscriptions ) {
			$states = isset( $registration['states'] ) && is_array( $registration['states'] ) ? $registration['states'] : array();
			foreach ( WebhookType::WANTED as $type ) {
				$subscriptions[] = array(
					'type'  => $type,
					'state' => isset( $states[ $type ]['state'] ) ? (string) $states[ $type ]['state'] : SubscriptionPlan::STATE_MISSING,
					'url'   => null,
					'id'    => isset( $states[ $type ]['id'] ) && is_int( $states[ $type ]['id'] ) ? $states[ $type ]['id'] : null,
				);
			}
		}
		$last = $this->webhooks->inbox()->last_received_at();
		return array(
			'subscriptions'    => $subscriptions,
			'conflicts'        => array_values(
				array_map(
					static fn ( array $c ): array => array(
						'type'      => (string) $c['type'],
						'url'       => (string) $c['url'],
						'id'        => $c['id'],
						'is_active' => (bool) $c['is_active'],
					),
					$conflicts
				)
			),
			'receiver_url'     => $url,
			'registered_at'    => isset( $registration['registered_at'] ) ? gmdate( 'c', (int) $registration['registered_at'] ) : null,
			'errors'           => isset( $registration['errors'] ) && is_array( $registration['errors'] ) ? array_values( $registration['errors'] ) : array(),
			'live_error'       => $live_error,
			'last_delivery_at' => null === $last ? null : gmdate( 'c', (int) strtotime( $last . ' UTC' ) ),
			'inbox'            => $this->webhooks->inbox()->counts(),
		);
	}

	/**
	 * One subscription line.
	 *
	 * @param string            $type     Type.
	 * @param string            $state    State.
	 * @param list<array<mixed>> $existing GET /webhooks items.
	 * @param string            $url      Our URL.
	 * @return array{type: string, state: string, url: string|null, id: int|null}
	 */
	private function subscription( string $type, string $state, array $existing, string $url ): array {
		foreach ( $existing as $item ) {
			$item_type = strtolower( (string) ( $item['type'] ?? ( $item['Type'] ?? '' ) ) );
			$item_url  = (string) ( $item['url'] ?? ( $item['Url'] ?? '' ) );
			if ( $item_type === $type && WebhookUrl::same( $item_url, $url ) ) {
				$id = $item['id'] ?? ( $item['Id'] ?? null );
				return array(
					'type'  => $type,
					'state' => $state,
					'url'   => $item_url,
					'id'    => is_numeric( $id ) ? (int) $id : null,
				);
			}
		}
		return array(
			'type'  => $type,
			'state' => $state,
			'url'   => null,
			'id'    => null,
		);
	}

	/**
	 * POST /webhooks/register.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 * @throws PluginException When not connected.
	 */
	public function register( WP_REST_Request $request ): array {
		if ( ! ( $this->connected )() ) {
			throw new PluginException( 'kiotviet_sync_not_connected', __( 'Connect to KiotViet first.', 'kiotviet-sync' ), 409 );
		}
		$this->webhooks->registration()->register( $this->webhooks->api(), true );
		return $this->status( $request );
	}

	/**
	 * GET /webhooks/inbox.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	public function inbox( WP_REST_Request $request ): array {
		$page     = max( 1, (int) ( $request->get_param( 'page' ) ?? 1 ) );
		$per_page = min( 100, max( 1, (int) ( $request->get_param( 'per_page' ) ?? 20 ) ) );
		$state    = $request->get_param( 'state' );
		$state    = is_string( $state ) && in_array( $state, InboxStore::STATES, true ) ? $state : null;
		$result   = $this->webhooks->inbox()->page( $page, $per_page, $state );
		return array(
			'items'       => array_map( array( self::class, 'item' ), $result['items'] ),
			'total'       => $result['total'],
			'page'        => $page,
			'per_page'    => $per_page,
			'total_pages' => (int) ceil( $result['total'] / $per_page ),
		);
	}

	/**
	 * POST /webhooks/inbox/{id}/reprocess.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 * @throws PluginException When the row does not exist.
	 */
	public function reprocess( WP_REST_Request $request ): array {
		$id  = (int) $request->get_param( 'id' );
		$row = $this->webhooks->inbox()->get( $id );
		if ( null === $row ) {
			throw new PluginException( 'kiotviet_sync_not_found', __( 'This webhook delivery does not exist.', 'kiotviet-sync' ), 404 );
		}
		$this->webhooks->inbox()->requeue( $id );
		$this->webhooks->kick_processor();
		$row = $this->webhooks->inbox()->get( $id );
		return self::item( null === $row ? array() : $row );
	}

	/**
	 * Inbox row for the admin.
	 *
	 * @param array<string, mixed> $row Row.
	 * @return array<string, mixed>
	 */
	public static function item( array $row ): array {
		$body = (string) ( $row['body'] ?? '' );
		$cut  = strlen( $body ) > self::BODY_PREVIEW_BYTES;
		if ( $cut ) {
			$body = function_exists( 'mb_strcut' ) ? mb_strcut( $body, 0, self::BODY_PREVIEW_BYTES, 'UTF-8' ) : substr( $body, 0, self::BODY_PREVIEW_BYTES );
		}
		return array(
			'id'             => (int) ( $row['id'] ?? 0 ),
			'delivery_id'    => (string) ( $row['delivery_id'] ?? '' ),
			'received_at'    => isset( $row['received_at'] ) ? gmdate( 'c', (int) strtotime( $row['received_at'] . ' UTC' ) ) : null,
			'attempt'        => (int) ( $row['attempt'] ?? 1 ),
			'verified'       => '1' === (string) ( $row['verified'] ?? '0' ),
			'verification'   => (string) ( $row['verification'] ?? '' ),
			'state'          => (string) ( $row['state'] ?? '' ),
			'events'         => (int) ( $row['events'] ?? 0 ),
			'body_bytes'     => (int) ( $row['body_bytes'] ?? 0 ),
			'body'           => $body,
			'body_truncated' => $cut || (int) ( $row['body_bytes'] ?? 0 ) > strlen( (string) ( $row['body'] ?? '' ) ),
			'processed_at'   => ! empty( $row['processed_at'] ) ? gmdate( 'c', (int) strtotime( $row['processed_at'] . ' UTC' ) ) : null,
			'error'          => '' === (string) ( $row['error'] ?? '' ) ? null : (string) $row['error'],
		);
	}
}
