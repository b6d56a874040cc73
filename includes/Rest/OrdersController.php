<?php
/**
 * Orders routes: the order sync list and "Đồng bộ lại".
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Rest;

use KiotVietSync\Orders\OrderSyncService;
use KiotVietSync\Storage\OrderOutbox;
use KiotVietSync\Support\PluginException;
use WP_REST_Request;
use WP_REST_Server;

/**
 * GET /orders?state=synced|waiting|failed|all&search=&page=&per_page= → { items, total, page, per_page,
 * total_pages, counts }; POST /orders/{id}/sync → { item, outcome }; POST /orders/sync { ids } → { items, outcomes }.
 */
final class OrdersController extends AbstractController {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'orders';

	/**
	 * Service factory.
	 *
	 * @var callable(): OrderSyncService
	 */
	private $service;

	/**
	 * Creates the controller.
	 *
	 * @param callable(): OrderSyncService $service Service factory.
	 */
	public function __construct( callable $service ) {
		$this->service = $service;
	}

	/**
	 * The service.
	 */
	private function service(): OrderSyncService {
		return ( $this->service )();
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				$this->endpoint(
					WP_REST_Server::READABLE,
					array( $this, 'list_orders' ),
					array(
						'type'       => 'object',
						'properties' => array(
							'state'    => array(
								'type'    => 'string',
								'enum'    => array( 'all', 'synced', 'waiting', 'failed' ),
								'default' => 'all',
							),
							'search'   => array(
								'type'      => 'string',
								'default'   => '',
								'maxLength' => 100,
							),
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
						),
					)
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)/sync',
			array(
				$this->endpoint(
					WP_REST_Server::CREATABLE,
					array( $this, 'sync_one' ),
					array(
						'type'       => 'object',
						'properties' => array(
							'id' => array(
								'type'    => 'integer',
								'minimum' => 1,
							),
						),
					)
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/sync',
			array(
				$this->endpoint(
					WP_REST_Server::CREATABLE,
					array( $this, 'sync_many' ),
					array(
						'type'       => 'object',
						'properties' => array(
							'ids' => array(
								'type'     => 'array',
								'required' => true,
								'minItems' => 1,
								'maxItems' => 100,
								'items'    => array(
									'type'    => 'integer',
									'minimum' => 1,
								),
							),
						),
					)
				),
			)
		);
	}

	/**
	 * GET /orders.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	public function list_orders( WP_REST_Request $request ): array {
		$state    = (string) ( $request->get_param( 'state' ) ?? 'all' );
		$search   = trim( (string) ( $request->get_param( 'search' ) ?? '' ) );
		$page     = max( 1, (int) ( $request->get_param( 'page' ) ?? 1 ) );
		$per_page = min( 100, max( 1, (int) ( $request->get_param( 'per_page' ) ?? 20 ) ) );
		$outbox   = $this->service()->outbox();

		$states = array(
			'synced'  => array( OrderOutbox::SYNCED ),
			'waiting' => array( OrderOutbox::WAITING, OrderOutbox::SENDING ),
			'failed'  => array( OrderOutbox::FAILED ),
		);
		if ( 'all' === $state && '' === $search ) {
			$result = wc_get_orders(
				array(
					'type'     => 'shop_order',
					'status'   => array_keys( wc_get_order_statuses() ),
					'limit'    => $per_page,
					'page'     => $page,
					'paginate' => true,
					'orderby'  => 'date',
					'order'    => 'DESC',
				)
			);
			$orders = is_object( $result ) ? (array) $result->orders : array();
			$total  = is_object( $result ) ? (int) $result->total : 0;
		} elseif ( 'all' === $state && ctype_digit( ltrim( $search, '#' ) ) && wc_get_order( (int) ltrim( $search, '#' ) ) instanceof \WC_Order ) {
			$orders = array( wc_get_order( (int) ltrim( $search, '#' ) ) );
			$total  = 1;
		} else {
			$found  = $outbox->page( $states[ $state ] ?? array(), $search, $page, $per_page );
			$orders = array_map( 'wc_get_order', $found['ids'] );
			$total  = $found['total'];
		}
		$orders = array_values(
			array_filter(
				$orders,
				static function ( $order ): bool {
					return $order instanceof \WC_Order;
				}
			)
		);
		$rows   = $outbox->get_many(
			array_map(
				static function ( \WC_Order $order ): int {
					return (int) $order->get_id();
				},
				$orders
			)
		);
		$items  = array();
		foreach ( $orders as $order ) {
			$items[] = self::item( $order, $rows[ (int) $order->get_id() ] ?? null );
		}
		$counts = $outbox->counts();
		return array(
			'items'       => $items,
			'total'       => $total,
			'page'        => $page,
			'per_page'    => $per_page,
			'total_pages' => (int) ceil( $total / $per_page ),
			'counts'      => array(
				'synced'  => (int) ( $counts[ OrderOutbox::SYNCED ] ?? 0 ),
				'waiting' => (int) ( $counts[ OrderOutbox::WAITING ] ?? 0 ) + (int) ( $counts[ OrderOutbox::SENDING ] ?? 0 ),
				'failed'  => (int) ( $counts[ OrderOutbox::FAILED ] ?? 0 ),
			),
		);
	}

	/**
	 * POST /orders/{id}/sync.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 * @throws PluginException 404 when the order does not exist.
	 */
	public function sync_one( WP_REST_Request $request ): array {
		$id = (int) $request->get_param( 'id' );
		if ( ! wc_get_order( $id ) instanceof \WC_Order ) {
			throw new PluginException( 'kiotviet_sync_not_found', __( 'The order does not exist.', 'kiotviet-sync' ), 404 );
		}
		$outcomes = $this->service()->resync( array( $id ), 1 );
		return array(
			'item'    => $this->fresh_item( $id ),
			'outcome' => $outcomes[ $id ] ?? 'queued',
		);
	}

	/**
	 * POST /orders/sync.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	public function sync_many( WP_REST_Request $request ): array {
		$ids      = array_map( 'intval', (array) $request->get_param( 'ids' ) );
		$outcomes = $this->service()->resync( $ids, 10 );
		$items    = array();
		foreach ( array_keys( $outcomes ) as $id ) {
			$item = $this->fresh_item( (int) $id );
			if ( null !== $item ) {
				$items[] = $item;
			}
		}
		return array(
			'items'    => $items,
			'outcomes' => (object) $outcomes,
		);
	}

	/**
	 * The list item of one order, read again.
	 *
	 * @param int $id Order id.
	 * @return array<string, mixed>|null
	 */
	private function fresh_item( int $id ): ?array {
		$order = wc_get_order( $id );
		if ( ! $order instanceof \WC_Order ) {
			return null;
		}
		return self::item( $order, $this->service()->outbox()->get( $id ) );
	}

	/**
	 * One list item.
	 *
	 * @param \WC_Order                 $order Order.
	 * @param array<string, mixed>|null $row   Outbox row.
	 * @return array<string, mixed>
	 */
	public static function item( \WC_Order $order, ?array $row ): array {
		$meta_id = (int) $order->get_meta( OrderSyncService::META_ID );
		$state   = 'not_eligible';
		if ( null !== $row ) {
			$map   = array(
				OrderOutbox::SYNCED  => 'synced',
				OrderOutbox::WAITING => 'waiting',
				OrderOutbox::SENDING => 'waiting',
				OrderOutbox::FAILED  => 'failed',
				OrderOutbox::SKIPPED => 'not_eligible',
			);
			$state = $map[ (string) $row['state'] ] ?? 'not_eligible';
		}
		if ( $meta_id > 0 ) {
			$state = 'synced';
		}
		$created  = $order->get_date_created();
		$customer = trim( $order->get_billing_first_name() . ' ' . $order->get_billing_last_name() );
		$code     = (string) $order->get_meta( OrderSyncService::META_CODE );
		if ( '' === $code && null !== $row && null !== ( $row['kiotviet_code'] ?? null ) ) {
			$code = (string) $row['kiotviet_code'];
		}
		$kv_id = $meta_id > 0 ? $meta_id : ( null !== $row ? $row['kiotviet_id'] : null );
		return array(
			'id'            => (int) $order->get_id(),
			'number'        => (string) $order->get_order_number(),
			'date'          => null === $created ? null : $created->date( DATE_ATOM ),
			'status'        => (string) $order->get_status(),
			'total'         => (float) $order->get_total(),
			'customer'      => '' !== $customer ? $customer : (string) $order->get_billing_phone(),
			'sync_state'    => $state,
			'kiotviet_code' => '' !== $code ? $code : null,
			'kiotviet_id'   => null === $kv_id ? null : (int) $kv_id,
			'message'       => null !== $row && null !== ( $row['message'] ?? null ) && '' !== (string) $row['message'] ? (string) $row['message'] : null,
			'attempts'      => null !== $row ? (int) $row['attempts'] : 0,
			'edit_url'      => self::edit_url( $order ),
		);
	}

	/**
	 * Admin edit URL (HPOS or legacy).
	 *
	 * @param \WC_Order $order Order.
	 */
	private static function edit_url( \WC_Order $order ): string {
		return (string) $order->get_edit_order_url();
	}

	/**
	 * The schema (objects of the list).
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		return array(
			'$schema' => 'http://json-schema.org/draft-04/schema#',
			'title'   => 'kiotviet-sync-orders',
			'type'    => 'object',
		);
	}
}
