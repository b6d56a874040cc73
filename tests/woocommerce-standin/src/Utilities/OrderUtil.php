<?php
/**
 * Stand-in for Automattic\WooCommerce\Utilities\OrderUtil: the stand-in always uses legacy post storage.
 *
 * @package kiotviet-sync
 */

namespace Automattic\WooCommerce\Utilities;

defined( 'ABSPATH' ) || exit;

/**
 * Answers as WooCommerce does when HPOS is off.
 */
final class OrderUtil {

	/**
	 * @return bool
	 */
	public static function custom_orders_table_usage_is_enabled() {
		return false;
	}

	/**
	 * @return bool
	 */
	public static function is_custom_order_tables_in_sync() {
		return false;
	}

	/**
	 * Screen id of the order pages: shop_order with legacy storage. Like WooCommerce, only callable in wp-admin.
	 *
	 * @return string
	 * @throws \Exception Outside wp-admin.
	 */
	public static function get_order_admin_screen() {
		if ( ! is_admin() ) {
			throw new \Exception( 'This function should only be called in admin.' );
		}
		return 'shop_order';
	}

	/**
	 * @return bool
	 */
	public static function orders_cache_usage_is_enabled() {
		return false;
	}

	/**
	 * @param int          $order_id Order id.
	 * @param array|string $types Order types.
	 * @return bool
	 */
	public static function is_order( $order_id, $types = array( 'shop_order' ) ) {
		return in_array( get_post_type( $order_id ), (array) $types, true );
	}

	/**
	 * @param \WP_Post|\WC_Order|int $post_or_order_object Post, order or id.
	 * @return int
	 */
	public static function get_post_or_order_id( $post_or_order_object ) {
		if ( is_numeric( $post_or_order_object ) ) {
			return (int) $post_or_order_object;
		}
		if ( $post_or_order_object instanceof \WC_Order ) {
			return $post_or_order_object->get_id();
		}
		if ( $post_or_order_object instanceof \WP_Post ) {
			return (int) $post_or_order_object->ID;
		}
		return 0;
	}

	/**
	 * @param string $order_type Order type.
	 * @return bool
	 */
	public static function is_order_list_table_screen( $order_type = 'shop_order' ) {
		$screen = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
		return $screen && 'edit' === $screen->base && $order_type === $screen->post_type;
	}

	/**
	 * @param string $order_type Order type.
	 * @return bool
	 */
	public static function is_order_edit_screen( $order_type = 'shop_order' ) {
		$screen = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
		return $screen && 'post' === $screen->base && $order_type === $screen->post_type;
	}

	/**
	 * @param string $order_type Order type.
	 * @return bool
	 */
	public static function is_new_order_screen( $order_type = 'shop_order' ) {
		$screen = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
		return $screen && 'add' === $screen->action && $order_type === $screen->post_type;
	}

	/**
	 * @param int $order_id Order id.
	 * @return string|null
	 */
	public static function get_order_type( $order_id ) {
		$type = get_post_type( $order_id );
		return $type ? $type : null;
	}

	/**
	 * URL of the orders list page.
	 *
	 * @return string
	 */
	public static function get_order_admin_base_url() {
		return admin_url( 'edit.php?post_type=shop_order' );
	}

	/**
	 * @param int $order_id Order id.
	 * @return string
	 */
	public static function get_order_admin_edit_url( $order_id ) {
		return admin_url( 'post.php?post=' . absint( $order_id ) ) . '&action=edit';
	}

	/**
	 * @return string
	 */
	public static function get_order_admin_new_url() {
		return admin_url( 'post-new.php?post_type=shop_order' );
	}

	/**
	 * @return string
	 */
	public static function get_table_for_orders() {
		global $wpdb;
		return $wpdb->posts;
	}

	/**
	 * @return string
	 */
	public static function get_table_for_order_meta() {
		global $wpdb;
		return $wpdb->postmeta;
	}
}
