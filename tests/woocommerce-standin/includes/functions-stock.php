<?php
/**
 * Stock functions: wc_update_product_stock(), order stock reduction/increase.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Stand-in helper: WooCommerce's direct SQL update of _stock (meta_value becomes e.g. "7.000000").
 *
 * @param int       $product_id Product holding the stock.
 * @param int|float $quantity Quantity.
 * @param string    $operation set|increase|decrease.
 * @return int|float New stock.
 */
function kvs_wc_standin_update_stock_row( $product_id, $quantity, $operation ) {
	global $wpdb;
	add_post_meta( $product_id, '_stock', 0, true );
	if ( 'set' === $operation ) {
		$new_stock = wc_stock_amount( $quantity );
		$sql       = $wpdb->prepare( "UPDATE {$wpdb->postmeta} SET meta_value = %f WHERE post_id = %d AND meta_key='_stock'", $new_stock, $product_id );
	} else {
		$current    = wc_stock_amount( $wpdb->get_var( $wpdb->prepare( "SELECT meta_value FROM {$wpdb->postmeta} WHERE post_id = %d AND meta_key='_stock';", $product_id ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$multiplier = 'increase' === $operation ? 1 : -1;
		$new_stock  = $current + $multiplier * wc_stock_amount( $quantity );
		$sql        = $wpdb->prepare( "UPDATE {$wpdb->postmeta} SET meta_value = meta_value %+f WHERE post_id = %d AND meta_key='_stock'", wc_stock_amount( $quantity ) * $multiplier, $product_id );
	}
	$sql = apply_filters( 'woocommerce_update_product_stock_query', $sql, $product_id, $new_stock, $operation );
	$wpdb->query( $sql ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
	wp_cache_delete( $product_id, 'post_meta' );
	kvs_wc_standin_update_product_lookup( $product_id );
	do_action( 'woocommerce_updated_product_stock', $product_id );
	return $new_stock;
}

/**
 * Sets, increases or decreases the stock of a product that manages stock, then saves it (stock status
 * follows) and fires woocommerce_product_set_stock / woocommerce_variation_set_stock.
 *
 * @param WC_Product|int $product Product or id.
 * @param int|float|null $stock_quantity Quantity.
 * @param string         $operation set|increase|decrease.
 * @param bool           $updating Called from inside a product save (skip the save).
 * @return int|float|null|false New stock; the current stock when not managed; false for no product.
 */
function wc_update_product_stock( $product, $stock_quantity = null, $operation = 'set', $updating = false ) {
	if ( ! $product instanceof WC_Product ) {
		$product = wc_get_product( $product );
	}
	if ( ! $product ) {
		return false;
	}
	if ( null !== $stock_quantity && $product->managing_stock() ) {
		$id_with_stock = $product->get_stock_managed_by_id();
		$with_stock    = $id_with_stock !== $product->get_id() ? wc_get_product( $id_with_stock ) : $product;
		do_action( $with_stock->is_type( 'variation' ) ? 'woocommerce_variation_before_set_stock' : 'woocommerce_product_before_set_stock', $with_stock );

		$new_stock = kvs_wc_standin_update_stock_row( $id_with_stock, $stock_quantity, $operation );

		// The new quantity becomes the object's stored state, not a change (so save() does not rewrite _stock).
		$read = $with_stock->get_object_read();
		$with_stock->set_object_read( false );
		$with_stock->set_stock_quantity( $new_stock );
		$with_stock->set_object_read( $read );

		if ( ! $updating ) {
			$with_stock->save();
		}
		do_action( $with_stock->is_type( 'variation' ) ? 'woocommerce_variation_set_stock' : 'woocommerce_product_set_stock', $with_stock );
		return $with_stock->get_stock_quantity();
	}
	return $product->get_stock_quantity();
}

/**
 * Hooked like WooCommerce (payment complete, status completed/processing/on-hold): reduces stock once
 * per order, tracked by the order's _order_stock_reduced flag.
 *
 * @param int $order_id Order id.
 */
function wc_maybe_reduce_stock_levels( $order_id ) {
	$order = wc_get_order( $order_id );
	if ( ! $order ) {
		return;
	}
	$stock_reduced = $order->get_data_store()->get_stock_reduced( $order->get_id() );
	if ( ! apply_filters( 'woocommerce_payment_complete_reduce_order_stock', ! $stock_reduced, $order->get_id() ) ) {
		return;
	}
	wc_reduce_stock_levels( $order );
	$order->get_data_store()->set_stock_reduced( $order->get_id(), true );
}
add_action( 'woocommerce_payment_complete', 'wc_maybe_reduce_stock_levels' );
add_action( 'woocommerce_order_status_completed', 'wc_maybe_reduce_stock_levels' );
add_action( 'woocommerce_order_status_processing', 'wc_maybe_reduce_stock_levels' );
add_action( 'woocommerce_order_status_on-hold', 'wc_maybe_reduce_stock_levels' );

/**
 * Hooked like WooCommerce (status cancelled/pending): restores stock when the order had reduced it.
 *
 * @param int $order_id Order id.
 */
function wc_maybe_increase_stock_levels( $order_id ) {
	$order = wc_get_order( $order_id );
	if ( ! $order || ! $order->get_data_store()->get_stock_reduced( $order->get_id() ) ) {
		return;
	}
	wc_increase_stock_levels( $order );
	$order->get_data_store()->set_stock_reduced( $order->get_id(), false );
}
add_action( 'woocommerce_order_status_cancelled', 'wc_maybe_increase_stock_levels' );
add_action( 'woocommerce_order_status_pending', 'wc_maybe_increase_stock_levels' );

/**
 * Reduces stock for each line item not yet reduced (item meta _reduced_stock), adds an order note,
 * fires woocommerce_reduce_order_item_stock and woocommerce_reduce_order_stock.
 *
 * @param WC_Order|int $order_id Order or id.
 */
function wc_reduce_stock_levels( $order_id ) {
	$order = $order_id instanceof WC_Order ? $order_id : wc_get_order( $order_id );
	if ( ! $order || 'yes' !== get_option( 'woocommerce_manage_stock' ) || ! apply_filters( 'woocommerce_can_reduce_order_stock', true, $order ) ) {
		return;
	}
	$changes = array();
	foreach ( $order->get_items() as $item ) {
		if ( ! $item->is_type( 'line_item' ) ) {
			continue;
		}
		$product = $item->get_product();
		if ( ! $product || ! $product->managing_stock() || $item->get_meta( '_reduced_stock', true ) ) {
			continue;
		}
		$qty       = apply_filters( 'woocommerce_order_item_quantity', $item->get_quantity(), $order, $item );
		$new_stock = wc_update_product_stock( $product, $qty, 'decrease' );
		$item->add_meta_data( '_reduced_stock', $qty, true );
		$item->save();
		$change    = array(
			'product' => $product,
			'from'    => $new_stock + $qty,
			'to'      => $new_stock,
		);
		$changes[] = $change;
		do_action( 'woocommerce_reduce_order_item_stock', $item, $change, $order );
	}
	if ( $changes ) {
		$lines = array();
		foreach ( $changes as $change ) {
			$lines[] = $change['product']->get_formatted_name() . ' ' . $change['from'] . '&rarr;' . $change['to'];
		}
		$order->add_order_note( 'Stock levels reduced: ' . implode( ', ', $lines ) );
	}
	do_action( 'woocommerce_reduce_order_stock', $order );
}

/**
 * Restores the stock of items with _reduced_stock meta and fires woocommerce_restore_order_stock.
 *
 * @param WC_Order|int $order_id Order or id.
 */
function wc_increase_stock_levels( $order_id ) {
	$order = $order_id instanceof WC_Order ? $order_id : wc_get_order( $order_id );
	if ( ! $order || 'yes' !== get_option( 'woocommerce_manage_stock' ) || ! apply_filters( 'woocommerce_can_restore_order_stock', true, $order ) ) {
		return;
	}
	$changes = array();
	foreach ( $order->get_items() as $item ) {
		if ( ! $item->is_type( 'line_item' ) ) {
			continue;
		}
		$product = $item->get_product();
		$reduced = $item->get_meta( '_reduced_stock', true );
		if ( ! $reduced || ! $product || ! $product->managing_stock() ) {
			continue;
		}
		$new_stock = wc_update_product_stock( $product, $reduced, 'increase' );
		$item->delete_meta_data( '_reduced_stock' );
		$item->save();
		$changes[] = $product->get_formatted_name() . ' ' . ( $new_stock - $reduced ) . '&rarr;' . $new_stock;
	}
	if ( $changes ) {
		$order->add_order_note( 'Stock levels increased: ' . implode( ', ', $changes ) );
	}
	do_action( 'woocommerce_restore_order_stock', $order );
}
