<?php
/**
 * Order functions: wc_create_order, wc_get_order(s), statuses, checkout hooks note.
 *
 * The stand-in has no cart or checkout. WooCommerce fires woocommerce_checkout_order_processed (classic
 * checkout) and woocommerce_store_api_checkout_order_processed (block checkout) only when a customer
 * checks out; the stand-in never fires them by itself. Tests fire them through
 * KiotVietSync\Tests\Integration\TestCase::simulate_checkout(), which works the same on real WooCommerce.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * @return array<string, string> wc-* => label.
 */
function wc_get_order_statuses() {
	return apply_filters(
		'wc_order_statuses',
		array(
			'wc-pending'    => _x( 'Pending payment', 'Order status', 'woocommerce' ),
			'wc-processing' => _x( 'Processing', 'Order status', 'woocommerce' ),
			'wc-on-hold'    => _x( 'On hold', 'Order status', 'woocommerce' ),
			'wc-completed'  => _x( 'Completed', 'Order status', 'woocommerce' ),
			'wc-cancelled'  => _x( 'Cancelled', 'Order status', 'woocommerce' ),
			'wc-refunded'   => _x( 'Refunded', 'Order status', 'woocommerce' ),
			'wc-failed'     => _x( 'Failed', 'Order status', 'woocommerce' ),
			// WooCommerce's block checkout adds its draft status through this same filter.
			'wc-checkout-draft' => _x( 'Draft', 'Order status', 'woocommerce' ),
		)
	);
}

/**
 * @param string $status With or without wc-.
 * @return string Label (or the status).
 */
function wc_get_order_status_name( $status ) {
	$statuses = wc_get_order_statuses();
	$status   = 'wc-' === substr( (string) $status, 0, 3 ) ? substr( $status, 3 ) : $status;
	return isset( $statuses[ 'wc-' . $status ] ) ? $statuses[ 'wc-' . $status ] : $status;
}

/**
 * @param string $maybe_status wc-*.
 * @return bool
 */
function wc_is_order_status( $maybe_status ) {
	return isset( wc_get_order_statuses()[ $maybe_status ] );
}

/**
 * @return string[] processing, completed.
 */
function wc_get_is_paid_statuses() {
	return apply_filters( 'woocommerce_order_is_paid_statuses', array( 'processing', 'completed' ) );
}

/**
 * @return string wc_order_ + 13 random characters.
 */
function wc_generate_order_key( $key = '' ) {
	if ( '' === $key ) {
		$key = wp_generate_password( 13, false );
	}
	return 'wc_' . apply_filters( 'woocommerce_generate_order_key', 'order_' . $key );
}

/**
 * Price of a quantity without tax (the stand-in has no tax rates: price × qty).
 *
 * @param WC_Product $product Product.
 * @param array      $args qty, price.
 * @return float|string
 */
function wc_get_price_excluding_tax( $product, $args = array() ) {
	$args  = wp_parse_args(
		$args,
		array(
			'qty'   => '',
			'price' => '',
		)
	);
	$price = '' !== $args['price'] ? max( 0.0, (float) $args['price'] ) : (float) $product->get_price();
	$qty   = '' !== $args['qty'] ? max( 0.0, (float) $args['qty'] ) : 1;
	if ( '' === $product->get_price() && '' === $args['price'] ) {
		return '';
	}
	return apply_filters( 'woocommerce_get_price_excluding_tax', $price * $qty, $qty, $product );
}

/**
 * @param array $args status, customer_id, customer_note, parent, created_via, cart_hash, order_id.
 * @return WC_Order|WP_Error
 */
function wc_create_order( $args = array() ) {
	$args = wp_parse_args(
		$args,
		array(
			'status'        => null,
			'customer_id'   => null,
			'customer_note' => null,
			'parent'        => null,
			'created_via'   => null,
			'cart_hash'     => null,
			'order_id'      => 0,
		)
	);
	try {
		$order = new WC_Order( $args['order_id'] );
		if ( ! is_null( $args['parent'] ) ) {
			$order->set_parent_id( absint( $args['parent'] ) );
		}
		if ( ! is_null( $args['status'] ) ) {
			$order->set_status( $args['status'] );
		}
		if ( ! is_null( $args['customer_note'] ) ) {
			$order->set_customer_note( $args['customer_note'] );
		}
		if ( ! is_null( $args['customer_id'] ) ) {
			$order->set_customer_id( is_numeric( $args['customer_id'] ) ? absint( $args['customer_id'] ) : 0 );
		}
		if ( ! is_null( $args['created_via'] ) ) {
			$order->set_created_via( sanitize_text_field( $args['created_via'] ) );
		}
		if ( ! is_null( $args['cart_hash'] ) ) {
			$order->set_cart_hash( sanitize_text_field( $args['cart_hash'] ) );
		}
		if ( ! $args['order_id'] ) {
			$order->set_currency( get_woocommerce_currency() );
			$order->set_prices_include_tax( 'yes' === get_option( 'woocommerce_prices_include_tax' ) );
			$order->set_customer_ip_address( isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '' );
			$order->set_customer_user_agent( isset( $_SERVER['HTTP_USER_AGENT'] ) ? sanitize_text_field( wp_unslash( $_SERVER['HTTP_USER_AGENT'] ) ) : '' );
		}
		$order->save();
	} catch ( Exception $e ) {
		return new WP_Error( 'error', $e->getMessage() );
	}
	return $order;
}

/**
 * @param mixed $the_order Id, WP_Post, WC_Order or false for the global post.
 * @return WC_Order|false
 */
function wc_get_order( $the_order = false ) {
	if ( false === $the_order ) {
		$the_order = isset( $GLOBALS['post'] ) ? $GLOBALS['post'] : false;
	}
	if ( is_numeric( $the_order ) ) {
		$id = absint( $the_order );
	} elseif ( $the_order instanceof WC_Abstract_Order ) {
		$id = $the_order->get_id();
	} elseif ( is_object( $the_order ) && ! empty( $the_order->ID ) ) {
		$id = absint( $the_order->ID );
	} else {
		return false;
	}
	if ( ! $id || 'shop_order' !== get_post_type( $id ) ) {
		return false;
	}
	$classname = apply_filters( 'woocommerce_order_class', 'WC_Order', 'shop_order', $id );
	try {
		return new $classname( $id );
	} catch ( Exception $e ) {
		return false;
	}
}

/**
 * Orders matching the subset of WooCommerce's wc_get_orders() arguments below.
 *
 * Supported: status (with or without wc-, string or array; default all order statuses), limit, page,
 * offset, paginate, return ('ids'|'objects'), orderby, order, customer_id/customer, parent, include,
 * exclude, created_via, meta_key/meta_value/meta_compare, meta_query, date_created (not supported).
 *
 * @param array $args Query args.
 * @return array|object Orders/ids, or { orders, total, max_num_pages } with paginate.
 */
function wc_get_orders( $args ) {
	$args = wp_parse_args(
		$args,
		array(
			'status'   => array_keys( wc_get_order_statuses() ),
			'type'     => 'shop_order',
			'limit'    => get_option( 'posts_per_page' ),
			'page'     => 1,
			'offset'   => '',
			'paginate' => false,
			'return'   => 'objects',
			'orderby'  => 'date',
			'order'    => 'DESC',
			'include'  => array(),
			'exclude'  => array(),
			'parent'   => '',
		)
	);
	$statuses = array();
	foreach ( (array) $args['status'] as $status ) {
		if ( 'any' === $status ) {
			$statuses = array_merge( $statuses, array_keys( wc_get_order_statuses() ) );
			continue;
		}
		$statuses[] = isset( wc_get_order_statuses()[ 'wc-' . $status ] ) ? 'wc-' . $status : $status;
	}
	$query = array(
		'post_type'      => 'shop_order',
		'post_status'    => $statuses,
		'posts_per_page' => (int) $args['limit'],
		'paged'          => max( 1, (int) $args['page'] ),
		'orderby'        => 'id' === $args['orderby'] ? 'ID' : $args['orderby'],
		'order'          => $args['order'],
		'fields'         => 'ids',
		'meta_query'     => array(), // phpcs:ignore WordPress.DB.SlowDBQuery
		'no_found_rows'  => ! $args['paginate'],
	);
	if ( '' !== $args['offset'] && null !== $args['offset'] ) {
		$query['offset'] = (int) $args['offset'];
	}
	if ( ! empty( $args['include'] ) ) {
		$query['post__in'] = array_map( 'absint', (array) $args['include'] );
	}
	if ( ! empty( $args['exclude'] ) ) {
		$query['post__not_in'] = array_map( 'absint', (array) $args['exclude'] );
	}
	if ( '' !== $args['parent'] && null !== $args['parent'] ) {
		$query['post_parent'] = absint( $args['parent'] );
	}
	$customer = isset( $args['customer_id'] ) ? $args['customer_id'] : ( isset( $args['customer'] ) && is_numeric( $args['customer'] ) ? $args['customer'] : null );
	if ( null !== $customer && '' !== $customer ) {
		$query['meta_query'][] = array(
			'key'   => '_customer_user',
			'value' => array_map( 'absint', (array) $customer ),
			'compare' => 'IN',
		);
	}
	if ( ! empty( $args['created_via'] ) ) {
		$query['meta_query'][] = array(
			'key'   => '_created_via',
			'value' => $args['created_via'],
		);
	}
	foreach ( array( 'meta_key', 'meta_value', 'meta_compare', 'meta_type' ) as $key ) {
		if ( isset( $args[ $key ] ) && '' !== $args[ $key ] ) {
			$query[ $key ] = $args[ $key ];
		}
	}
	if ( ! empty( $args['meta_query'] ) ) {
		$query['meta_query'] = array_merge( $query['meta_query'], (array) $args['meta_query'] ); // phpcs:ignore WordPress.DB.SlowDBQuery
	}
	$wp_query = new WP_Query( $query );
	$ids      = array_map( 'intval', $wp_query->posts );
	$results  = 'ids' === $args['return'] ? $ids : array_values( array_filter( array_map( 'wc_get_order', $ids ) ) );
	if ( $args['paginate'] ) {
		return (object) array(
			'orders'        => $results,
			'total'         => (int) $wp_query->found_posts,
			'max_num_pages' => (int) $wp_query->max_num_pages,
		);
	}
	return $results;
}

/**
 * Like WooCommerce, comment queries leave order notes out (wc_get_order_notes() lifts the filter).
 *
 * @param array $clauses Comment query clauses.
 * @return array
 */
function kvs_wc_standin_exclude_order_comments( $clauses ) {
	$clauses['where'] .= ( $clauses['where'] ? ' AND ' : '' ) . " comment_type != 'order_note' ";
	return $clauses;
}
add_filter( 'comments_clauses', 'kvs_wc_standin_exclude_order_comments', 10, 1 );

/**
 * @param int|WP_Comment $data Comment or id.
 * @return object|null id, date_created, content, customer_note, added_by.
 */
function wc_get_order_note( $data ) {
	if ( is_numeric( $data ) ) {
		$data = get_comment( $data );
	}
	if ( ! $data instanceof WP_Comment ) {
		return null;
	}
	$date = new WC_DateTime( '@' . wc_string_to_timestamp( get_gmt_from_date( $data->comment_date ) ), new DateTimeZone( 'UTC' ) );
	$date->setTimezone( wp_timezone() );
	return (object) apply_filters(
		'woocommerce_get_order_note',
		array(
			'id'            => (int) $data->comment_ID,
			'date_created'  => $date,
			'content'       => $data->comment_content,
			'customer_note' => (bool) get_comment_meta( $data->comment_ID, 'is_customer_note', true ),
			'added_by'      => 'WooCommerce' === $data->comment_author ? 'system' : $data->comment_author,
		),
		$data
	);
}

/**
 * Order notes (args: order_id, limit, orderby date_created|id, order, type customer|internal).
 *
 * @param array $args Arguments.
 * @return object[]
 */
function wc_get_order_notes( $args ) {
	foreach ( array(
		'limit'         => 'number',
		'order_id'      => 'post_id',
		'order__in'     => 'post__in',
		'order__not_in' => 'post__not_in',
	) as $from => $to ) {
		if ( isset( $args[ $from ] ) ) {
			$args[ $to ] = $args[ $from ];
			unset( $args[ $from ] );
		}
	}
	$orderby         = array(
		'date_created'     => 'comment_date',
		'date_created_gmt' => 'comment_date_gmt',
		'id'               => 'comment_ID',
	);
	$args['orderby'] = ! empty( $args['orderby'] ) && isset( $orderby[ $args['orderby'] ] ) ? $orderby[ $args['orderby'] ] : 'comment_ID';
	if ( isset( $args['type'] ) && 'customer' === $args['type'] ) {
		$args['meta_query'] = array( array( 'key' => 'is_customer_note', 'value' => 1, 'compare' => '=' ) ); // phpcs:ignore WordPress.DB.SlowDBQuery
	} elseif ( isset( $args['type'] ) && 'internal' === $args['type'] ) {
		$args['meta_query'] = array( array( 'key' => 'is_customer_note', 'compare' => 'NOT EXISTS' ) ); // phpcs:ignore WordPress.DB.SlowDBQuery
	}
	$args['type']   = 'order_note';
	$args['status'] = 'approve';
	unset( $args['count'], $args['fields'] );
	remove_filter( 'comments_clauses', 'kvs_wc_standin_exclude_order_comments', 10 );
	$notes = get_comments( $args );
	add_filter( 'comments_clauses', 'kvs_wc_standin_exclude_order_comments', 10, 1 );
	return array_filter( array_map( 'wc_get_order_note', $notes ) );
}

/**
 * Order item meta helpers (WooCommerce's wc_*_order_item_meta()).
 *
 * @param int    $item_id Item id.
 * @param string $key Key.
 * @param bool   $single Single value.
 * @return mixed
 */
function wc_get_order_item_meta( $item_id, $key, $single = true ) {
	return get_metadata( 'order_item', $item_id, $key, $single );
}

/**
 * @param int    $item_id Item id.
 * @param string $meta_key Key.
 * @param mixed  $meta_value Value.
 * @param bool   $unique Unique.
 * @return int Meta id (0 on failure).
 */
function wc_add_order_item_meta( $item_id, $meta_key, $meta_value, $unique = false ) {
	return (int) add_metadata( 'order_item', $item_id, wp_slash( $meta_key ), is_string( $meta_value ) ? wp_slash( $meta_value ) : $meta_value, $unique );
}

/**
 * @param int    $item_id Item id.
 * @param string $meta_key Key.
 * @param mixed  $meta_value Value.
 * @param string $prev_value Previous value.
 * @return bool
 */
function wc_update_order_item_meta( $item_id, $meta_key, $meta_value, $prev_value = '' ) {
	return (bool) update_metadata( 'order_item', $item_id, wp_slash( $meta_key ), is_string( $meta_value ) ? wp_slash( $meta_value ) : $meta_value, $prev_value );
}

/**
 * @param int    $item_id Item id.
 * @param string $meta_key Key.
 * @param string $meta_value Value.
 * @param bool   $delete_all All items.
 * @return bool
 */
function wc_delete_order_item_meta( $item_id, $meta_key, $meta_value = '', $delete_all = false ) {
	return delete_metadata( 'order_item', $item_id, wp_slash( $meta_key ), is_string( $meta_value ) ? wp_slash( $meta_value ) : $meta_value, $delete_all );
}
