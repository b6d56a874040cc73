<?php
/**
 * WordPress/WooCommerce wiring of the order push.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Orders;

use KiotVietSync\Infrastructure\Registerable;
use KiotVietSync\Storage\OrderOutbox;

/**
 * Triggers (every origin: classic and block checkout, admin, REST — via status transitions and create/update
 * with a status check), the queue and auto-resync jobs, status back from order.update webhooks, the
 * "KiotViet" column of the orders list (HPOS and legacy) and the "Đồng bộ lại" order action.
 */
final class OrderHooks implements Registerable {

	/** Order action id on the order edit screen. */
	public const ORDER_ACTION = 'kiotviet_sync_resync';

	/** Column id in the orders list. */
	public const COLUMN = 'kiotviet_sync';

	/**
	 * Service.
	 *
	 * @var callable(): OrderSyncService
	 */
	private $service;

	/**
	 * Creates the wiring.
	 *
	 * @param callable(): OrderSyncService $service Service factory (built on first use).
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
	 * Hooks.
	 */
	public function register(): void {
		add_action( 'woocommerce_order_status_changed', array( $this, 'on_status_changed' ), 20, 4 );
		add_action( 'woocommerce_new_order', array( $this, 'on_saved' ), 20, 2 );
		add_action( 'woocommerce_update_order', array( $this, 'on_saved' ), 20, 2 );
		add_action( 'woocommerce_checkout_order_processed', array( $this, 'on_checkout' ), 20, 3 );
		add_action( 'woocommerce_store_api_checkout_order_processed', array( $this, 'on_store_api_checkout' ), 20, 1 );

		add_action( OrderSyncService::HOOK_QUEUE, array( $this, 'run_queue' ) );
		add_action( OrderSyncService::HOOK_RESYNC, array( $this, 'run_auto_resync' ) );
		add_action( 'kiotviet_sync_settings_saved', array( $this, 'on_settings_saved' ) );
		add_action( 'kiotviet_sync_connected', array( $this, 'on_connection_changed' ) );
		add_action( 'kiotviet_sync_disconnected', array( $this, 'on_connection_changed' ) );
		add_action( 'admin_init', array( $this, 'ensure_auto_resync' ) );
		add_action( 'kiotviet_sync_webhook_order_update', array( $this, 'on_webhook_order_update' ), 10, 2 );

		add_filter( 'manage_woocommerce_page_wc-orders_columns', array( $this, 'add_column' ) );
		add_action( 'manage_woocommerce_page_wc-orders_custom_column', array( $this, 'render_column' ), 10, 2 );
		add_filter( 'manage_edit-shop_order_columns', array( $this, 'add_column' ) );
		add_action( 'manage_shop_order_posts_custom_column', array( $this, 'render_column' ), 10, 2 );
		add_filter( 'woocommerce_order_actions', array( $this, 'add_order_action' ), 10, 2 );
		add_action( 'woocommerce_order_action_' . self::ORDER_ACTION, array( $this, 'on_order_action' ) );
	}

	/**
	 * @param mixed $order_id Order id.
	 * @param mixed $from     Old status.
	 * @param mixed $to       New status.
	 * @param mixed $order    Order.
	 */
	public function on_status_changed( $order_id, $from = '', $to = '', $order = null ): void {
		unset( $from, $to );
		$this->safely( $order instanceof \WC_Order ? $order : $order_id );
	}

	/**
	 * @param mixed $order_id Order id.
	 * @param mixed $order    Order.
	 */
	public function on_saved( $order_id, $order = null ): void {
		$this->safely( $order instanceof \WC_Order ? $order : $order_id );
	}

	/**
	 * @param mixed $order_id Order id.
	 * @param mixed $data     Posted data.
	 * @param mixed $order    Order.
	 */
	public function on_checkout( $order_id, $data = null, $order = null ): void {
		unset( $data );
		$this->safely( $order instanceof \WC_Order ? $order : $order_id );
	}

	/**
	 * @param mixed $order Order.
	 */
	public function on_store_api_checkout( $order ): void {
		$this->safely( $order );
	}

	/**
	 * A failure here must never break a checkout or an admin save.
	 *
	 * @param mixed $order Order or id.
	 */
	private function safely( $order ): void {
		try {
			$this->service()->maybe_enqueue( $order );
		} catch ( \Throwable $e ) {
			if ( function_exists( 'wc_get_logger' ) ) {
				wc_get_logger()->error( 'KiotViet Sync could not queue an order: ' . $e->getMessage(), array( 'source' => 'kiotviet-sync' ) );
			}
		}
	}

	/**
	 * Queue job.
	 */
	public function run_queue(): void {
		$this->service()->run_queue();
	}

	/**
	 * Auto-resync job.
	 */
	public function run_auto_resync(): void {
		$this->service()->auto_resync();
	}

	/**
	 * Re-schedules auto-resync after the settings changed.
	 */
	public function on_settings_saved(): void {
		$this->service()->schedule_auto_resync();
	}

	/**
	 * A new or removed connection: KiotViet ids cached for the previous one are forgotten.
	 */
	public function on_connection_changed(): void {
		$this->service()->forget_shipping_surcharge();
	}

	/**
	 * Keeps the auto-resync job scheduled while it is on.
	 */
	public function ensure_auto_resync(): void {
		try {
			$this->service()->ensure_auto_resync();
		} catch ( \Throwable $e ) {
			unset( $e );
		}
	}

	/**
	 * Status back.
	 *
	 * @param mixed $item  Order item of the webhook.
	 * @param mixed $event Webhook event.
	 */
	public function on_webhook_order_update( $item, $event = null ): void {
		unset( $event );
		if ( is_array( $item ) ) {
			$this->service()->apply_kiotviet_status( $item );
		}
	}

	/**
	 * @param mixed $columns Columns.
	 * @return array<string, string>
	 */
	public function add_column( $columns ): array {
		$columns = is_array( $columns ) ? $columns : array();
		$out     = array();
		foreach ( $columns as $key => $label ) {
			$out[ $key ] = $label;
			if ( 'order_status' === $key ) {
				$out[ self::COLUMN ] = 'KiotViet';
			}
		}
		if ( ! isset( $out[ self::COLUMN ] ) ) {
			$out[ self::COLUMN ] = 'KiotViet';
		}
		return $out;
	}

	/**
	 * @param mixed $column Column id.
	 * @param mixed $order  Order (HPOS) or post id (legacy).
	 */
	public function render_column( $column, $order ): void {
		if ( self::COLUMN !== $column ) {
			return;
		}
		$order = $order instanceof \WC_Order ? $order : wc_get_order( (int) $order );
		if ( ! $order instanceof \WC_Order ) {
			return;
		}
		$code = (string) $order->get_meta( OrderSyncService::META_CODE );
		if ( '' !== $code ) {
			echo '<mark class="order-status status-completed"><span>' . esc_html( $code ) . '</span></mark>';
			return;
		}
		$row = $this->service()->outbox()->get( (int) $order->get_id() );
		if ( null === $row ) {
			echo '<span aria-hidden="true">–</span>';
			return;
		}
		$labels = array(
			OrderOutbox::WAITING => __( 'Waiting', 'kiotviet-sync' ),
			OrderOutbox::SENDING => __( 'Waiting', 'kiotviet-sync' ),
			OrderOutbox::FAILED  => __( 'Failed', 'kiotviet-sync' ),
			OrderOutbox::SKIPPED => __( 'Not sent', 'kiotviet-sync' ),
			OrderOutbox::SYNCED  => __( 'Synced', 'kiotviet-sync' ),
		);
		$state = (string) $row['state'];
		printf(
			'<span title="%s">%s</span>',
			esc_attr( (string) ( $row['message'] ?? '' ) ),
			esc_html( $labels[ $state ] ?? $state )
		);
	}

	/**
	 * @param mixed $actions Order actions.
	 * @param mixed $order   Order.
	 * @return array<string, string>
	 */
	public function add_order_action( $actions, $order = null ): array {
		$actions = is_array( $actions ) ? $actions : array();
		unset( $order );
		if ( current_user_can( 'manage_woocommerce' ) ) {
			$actions[ self::ORDER_ACTION ] = __( 'Resync to KiotViet', 'kiotviet-sync' );
		}
		return $actions;
	}

	/**
	 * "Đồng bộ lại" from the order edit screen (WooCommerce checked the order form nonce before calling it).
	 *
	 * @param mixed $order Order.
	 */
	public function on_order_action( $order ): void {
		if ( ! $order instanceof \WC_Order || ! current_user_can( 'manage_woocommerce' ) ) {
			return;
		}
		$this->service()->resync( array( (int) $order->get_id() ), 1 );
	}
}
