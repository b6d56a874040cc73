<?php
/**
 * Builds a WooOrderSnapshot from a WooCommerce order.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Orders;

use DateTimeImmutable;
use KiotVietSync\Sync\Orders\WooOrderSnapshot;

/**
 * Reads an order through WooCommerce CRUD getters only (HPOS-safe), whatever created it. Lines carry the
 * item's own SKU (a variation's `get_sku( 'edit' )`, not the parent's), the mapped KiotViet product and the
 * product's stock; state codes become labels through WC()->countries.
 */
final class OrderSnapshotFactory {

	/**
	 * Product links.
	 *
	 * @var ProductMap
	 */
	private ProductMap $map;

	/**
	 * Creates the factory.
	 *
	 * @param ProductMap $map Product links.
	 */
	public function __construct( ProductMap $map ) {
		$this->map = $map;
	}

	/**
	 * The snapshot.
	 *
	 * @param \WC_Order $order Order.
	 * @throws \InvalidArgumentException When the order has no product lines.
	 */
	public function from_order( \WC_Order $order ): WooOrderSnapshot {
		$lines = array();
		foreach ( $order->get_items( 'line_item' ) as $item_id => $item ) {
			if ( ! $item instanceof \WC_Order_Item_Product ) {
				continue;
			}
			$product_id   = (int) $item->get_product_id();
			$variation_id = (int) $item->get_variation_id();
			$woo_id       = $variation_id > 0 ? $variation_id : $product_id;
			$product      = $woo_id > 0 ? wc_get_product( $woo_id ) : false;
			$sku          = '';
			$stock        = null;
			if ( $product instanceof \WC_Product ) {
				$sku = (string) $product->get_sku( 'edit' );
				if ( true === $product->managing_stock() && null !== $product->get_stock_quantity() ) {
					$stock = (float) $product->get_stock_quantity();
				}
			}
			$mapped  = $this->map->kiotviet_product( $woo_id );
			$lines[] = array(
				'item_id'        => (int) $item_id,
				'product_id'     => $product_id,
				'variation_id'   => $variation_id,
				'name'           => (string) $item->get_name(),
				'sku'            => $sku,
				'quantity'       => self::quantity( $item->get_quantity() ),
				'subtotal'       => (float) $item->get_subtotal(),
				'total'          => (float) $item->get_total(),
				'subtotal_tax'   => (float) $item->get_subtotal_tax(),
				'total_tax'      => (float) $item->get_total_tax(),
				'kiotviet_id'    => null === $mapped ? null : $mapped['id'],
				'kiotviet_code'  => null === $mapped ? '' : $mapped['code'],
				'product_exists' => $product instanceof \WC_Product,
				'stock_quantity' => $stock,
			);
		}
		$fees = array();
		foreach ( $order->get_items( 'fee' ) as $fee ) {
			if ( $fee instanceof \WC_Order_Item_Fee ) {
				$fees[] = array(
					'name'      => (string) $fee->get_name(),
					'total'     => (float) $fee->get_total(),
					'total_tax' => (float) $fee->get_total_tax(),
				);
			}
		}
		$created = $order->get_date_created();
		$paid    = $order->get_date_paid();
		return WooOrderSnapshot::from_array(
			array(
				'id'                   => (int) $order->get_id(),
				'number'               => (string) $order->get_order_number(),
				'status'               => (string) $order->get_status(),
				'created_via'          => (string) $order->get_created_via(),
				'currency'             => (string) $order->get_currency(),
				'customer_note'        => (string) $order->get_customer_note(),
				'payment_method'       => (string) $order->get_payment_method(),
				'payment_method_title' => (string) $order->get_payment_method_title(),
				'date_created'         => null === $created ? new DateTimeImmutable( '@' . time() ) : new DateTimeImmutable( '@' . $created->getTimestamp() ),
				'date_paid'            => null === $paid ? null : new DateTimeImmutable( '@' . $paid->getTimestamp() ),
				'billing'              => self::address( $order, 'billing' ),
				'shipping'             => self::address( $order, 'shipping' ),
				'lines'                => $lines,
				'shipping_total'       => (float) $order->get_shipping_total(),
				'shipping_tax'         => (float) $order->get_shipping_tax(),
				'discount_total'       => (float) $order->get_discount_total(),
				'fees'                 => $fees,
				'total'                => (float) $order->get_total(),
				'stock_reduced'        => self::stock_reduced( $order ),
			)
		);
	}

	/**
	 * @param mixed $qty Quantity.
	 * @return int|float
	 */
	private static function quantity( $qty ) {
		$qty = (float) $qty;
		return floor( $qty ) === $qty ? (int) $qty : $qty;
	}

	/**
	 * Whether WooCommerce reduced stock for the order.
	 *
	 * @param \WC_Order $order Order.
	 */
	private static function stock_reduced( \WC_Order $order ): bool {
		$store = $order->get_data_store();
		if ( is_object( $store ) && method_exists( $store, 'get_stock_reduced' ) ) {
			return (bool) $store->get_stock_reduced( $order->get_id() );
		}
		return false;
	}

	/**
	 * Address fields with the state as a label.
	 *
	 * @param \WC_Order $order Order.
	 * @param string    $type  billing|shipping.
	 * @return array<string,string>
	 */
	private static function address( \WC_Order $order, string $type ): array {
		$fields = array();
		foreach ( array( 'first_name', 'last_name', 'company', 'address_1', 'address_2', 'city', 'state', 'postcode', 'country', 'email', 'phone' ) as $field ) {
			$getter = 'get_' . $type . '_' . $field;
			$fields[ $field ] = is_callable( array( $order, $getter ) ) ? (string) $order->{$getter}() : '';
		}
		$countries = function_exists( 'WC' ) ? WC()->countries : null;
		if ( '' !== $fields['state'] && '' !== $fields['country'] && is_object( $countries ) ) {
			$states = $countries->get_states( $fields['country'] );
			if ( is_array( $states ) && isset( $states[ $fields['state'] ] ) ) {
				$fields['state'] = html_entity_decode( (string) $states[ $fields['state'] ], ENT_QUOTES, 'UTF-8' );
			}
		}
		return $fields;
	}
}
