<?php
/**
 * Order base: totals, items, status; stored as a shop_order post (WooCommerce's legacy storage).
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * The parts of WooCommerce's WC_Abstract_Order the plugin uses.
 */
abstract class WC_Abstract_Order extends WC_Data {

	/** @var string */
	protected $object_type = 'order';

	/** @var array */
	protected $data = array(
		'parent_id'          => 0,
		'status'             => '',
		'currency'           => '',
		'version'            => '',
		'prices_include_tax' => false,
		'date_created'       => null,
		'date_modified'      => null,
		'discount_total'     => 0,
		'discount_tax'       => 0,
		'shipping_total'     => 0,
		'shipping_tax'       => 0,
		'cart_tax'           => 0,
		'total'              => 0,
		'total_tax'          => 0,
	);

	/** @var array<string, array> Item group => items (null until read). */
	protected $items = array();

	/** @var WC_Order_Item[] */
	protected $items_to_delete = array();

	/** Item groups by type. */
	const ITEM_GROUPS = array(
		'line_item' => 'line_items',
		'shipping'  => 'shipping_lines',
		'fee'       => 'fee_lines',
	);

	/** Item classes by type. */
	const ITEM_CLASSES = array(
		'line_item' => 'WC_Order_Item_Product',
		'shipping'  => 'WC_Order_Item_Shipping',
		'fee'       => 'WC_Order_Item_Fee',
	);

	/**
	 * @param int|object $order Id, order or post; 0 for a new order.
	 */
	public function __construct( $order = 0 ) {
		parent::__construct( $order );
		if ( is_numeric( $order ) && $order > 0 ) {
			$this->set_id( $order );
		} elseif ( $order instanceof self ) {
			$this->set_id( $order->get_id() );
		} elseif ( is_object( $order ) && ! empty( $order->ID ) ) {
			$this->set_id( $order->ID );
		} else {
			$this->set_object_read( true );
		}
		if ( $this->get_id() > 0 ) {
			$this->read_from_store();
		}
	}

	/** @return string shop_order */
	public function get_type() {
		return 'shop_order';
	}

	/*
	| Getters
	*/

	public function get_parent_id( $context = 'view' ) {
		return $this->get_prop( 'parent_id', $context );
	}

	/**
	 * Status without the wc- prefix; a new order reads as "pending" (filter woocommerce_default_order_status).
	 *
	 * @param string $context view|edit.
	 * @return string
	 */
	public function get_status( $context = 'view' ) {
		$status = $this->get_prop( 'status', $context );
		if ( empty( $status ) && 'view' === $context ) {
			$status = apply_filters( 'woocommerce_default_order_status', 'pending' );
		}
		return $status;
	}

	public function get_currency( $context = 'view' ) {
		return $this->get_prop( 'currency', $context );
	}

	public function get_version( $context = 'view' ) {
		return $this->get_prop( 'version', $context );
	}

	public function get_prices_include_tax( $context = 'view' ) {
		return $this->get_prop( 'prices_include_tax', $context );
	}

	public function get_date_created( $context = 'view' ) {
		return $this->get_prop( 'date_created', $context );
	}

	public function get_date_modified( $context = 'view' ) {
		return $this->get_prop( 'date_modified', $context );
	}

	public function get_discount_total( $context = 'view' ) {
		return $this->get_prop( 'discount_total', $context );
	}

	public function get_discount_tax( $context = 'view' ) {
		return $this->get_prop( 'discount_tax', $context );
	}

	public function get_shipping_total( $context = 'view' ) {
		return $this->get_prop( 'shipping_total', $context );
	}

	public function get_shipping_tax( $context = 'view' ) {
		return $this->get_prop( 'shipping_tax', $context );
	}

	public function get_cart_tax( $context = 'view' ) {
		return $this->get_prop( 'cart_tax', $context );
	}

	public function get_total( $context = 'view' ) {
		return $this->get_prop( 'total', $context );
	}

	public function get_total_tax( $context = 'view' ) {
		return $this->get_prop( 'total_tax', $context );
	}

	/**
	 * Sum of line item subtotals (before discounts).
	 *
	 * @return float
	 */
	public function get_subtotal() {
		$subtotal = 0;
		foreach ( $this->get_items() as $item ) {
			$subtotal += (float) $item->get_subtotal();
		}
		return apply_filters( 'woocommerce_order_get_subtotal', (float) $subtotal, $this );
	}

	/** @return int|float */
	public function get_item_count( $item_type = '' ) {
		$count = 0;
		foreach ( $this->get_items( $item_type ? $item_type : 'line_item' ) as $item ) {
			$count += $item->get_quantity();
		}
		return $count;
	}

	/*
	| Setters
	*/

	public function set_parent_id( $value ) {
		if ( $value && ( $value === $this->get_id() || ! wc_get_order( $value ) ) ) {
			$this->error( 'order_invalid_parent_id', 'Invalid parent ID' );
		}
		$this->set_prop( 'parent_id', absint( $value ) );
	}

	/**
	 * @param string $new_status Status with or without wc-.
	 * @return array{from: string, to: string}
	 */
	public function set_status( $new_status ) {
		$old_status = $this->get_status();
		$new_status = 'wc-' === substr( (string) $new_status, 0, 3 ) ? substr( $new_status, 3 ) : $new_status;
		$exceptions = array( 'auto-draft', 'trash' );
		if ( true === $this->object_read ) {
			if ( ! in_array( 'wc-' . $new_status, $this->get_valid_statuses(), true ) && ! in_array( $new_status, $exceptions, true ) ) {
				$new_status = 'pending';
			}
			if ( $old_status && ( 'auto-draft' === $old_status || ( ! in_array( 'wc-' . $old_status, $this->get_valid_statuses(), true ) && ! in_array( $old_status, $exceptions, true ) ) ) ) {
				$old_status = 'pending';
			}
		}
		$this->set_prop( 'status', $new_status );
		return array(
			'from' => $old_status,
			'to'   => $new_status,
		);
	}

	/** @return string[] wc-* keys. */
	protected function get_valid_statuses() {
		return array_keys( wc_get_order_statuses() );
	}

	public function set_currency( $value ) {
		$this->set_prop( 'currency', $value ? $value : get_woocommerce_currency() );
	}

	public function set_version( $value ) {
		$this->set_prop( 'version', $value );
	}

	public function set_prices_include_tax( $value ) {
		$this->set_prop( 'prices_include_tax', (bool) $value );
	}

	public function set_date_created( $date = null ) {
		$this->set_date_prop( 'date_created', $date );
	}

	public function set_date_modified( $date = null ) {
		$this->set_date_prop( 'date_modified', $date );
	}

	public function set_discount_total( $value ) {
		$this->set_prop( 'discount_total', wc_format_decimal( $value, wc_get_price_decimals() ) );
	}

	public function set_discount_tax( $value ) {
		$this->set_prop( 'discount_tax', wc_format_decimal( $value ) );
	}

	public function set_shipping_total( $value ) {
		$this->set_prop( 'shipping_total', wc_format_decimal( $value, wc_get_price_decimals() ) );
	}

	public function set_shipping_tax( $value ) {
		$this->set_prop( 'shipping_tax', wc_format_decimal( $value ) );
		$this->set_total_tax( (float) $this->get_cart_tax() + (float) $this->get_shipping_tax() );
	}

	public function set_cart_tax( $value ) {
		$this->set_prop( 'cart_tax', wc_format_decimal( $value ) );
		$this->set_total_tax( (float) $this->get_cart_tax() + (float) $this->get_shipping_tax() );
	}

	protected function set_total_tax( $value ) {
		$this->set_prop( 'total_tax', wc_format_decimal( $value ) );
	}

	/**
	 * @param string|float $value Total.
	 * @param string       $deprecated Unused.
	 */
	public function set_total( $value, $deprecated = '' ) {
		$this->set_prop( 'total', wc_format_decimal( $value, wc_get_price_decimals() ) );
	}

	/*
	| Items
	*/

	/**
	 * Items of one or more types, keyed by item id ("new:…" for unsaved items).
	 *
	 * @param string|string[] $types line_item, shipping, fee.
	 * @return WC_Order_Item[]
	 */
	public function get_items( $types = 'line_item' ) {
		$items = array();
		$types = array_filter( (array) $types );
		foreach ( $types as $type ) {
			$group = isset( self::ITEM_GROUPS[ $type ] ) ? self::ITEM_GROUPS[ $type ] : '';
			if ( ! $group ) {
				continue;
			}
			if ( ! isset( $this->items[ $group ] ) ) {
				$this->items[ $group ] = array_filter( $this->read_items( $type ) );
			}
			$items = $items + $this->items[ $group ];
		}
		return apply_filters( 'woocommerce_order_get_items', $items, $this, $types );
	}

	/**
	 * @param string $type Item type.
	 * @return WC_Order_Item[] keyed by id.
	 */
	protected function read_items( $type ) {
		global $wpdb;
		if ( ! $this->get_id() ) {
			return array();
		}
		$ids   = $wpdb->get_col( $wpdb->prepare( "SELECT order_item_id FROM {$wpdb->prefix}woocommerce_order_items WHERE order_id = %d AND order_item_type = %s ORDER BY order_item_id;", $this->get_id(), $type ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$class = self::ITEM_CLASSES[ $type ];
		$items = array();
		foreach ( $ids as $id ) {
			try {
				$items[ (int) $id ] = new $class( (int) $id );
			} catch ( Exception $e ) { // phpcs:ignore Generic.CodeAnalysis.EmptyStatement.DetectedCatch -- skip broken rows.
			}
		}
		return $items;
	}

	/**
	 * @param int $item_id Id.
	 * @return WC_Order_Item|false
	 */
	public function get_item( $item_id ) {
		foreach ( array_keys( self::ITEM_GROUPS ) as $type ) {
			$items = $this->get_items( $type );
			if ( isset( $items[ $item_id ] ) ) {
				return $items[ $item_id ];
			}
		}
		return false;
	}

	/**
	 * Adds an item; it is saved with the order.
	 *
	 * @param WC_Order_Item $item Item.
	 * @return false|void
	 */
	public function add_item( $item ) {
		$type = $item->get_type();
		if ( ! isset( self::ITEM_GROUPS[ $type ] ) ) {
			return false;
		}
		$group = self::ITEM_GROUPS[ $type ];
		$this->get_items( $type );
		$item->set_order_id( $this->get_id() );
		if ( $item->get_id() ) {
			$this->items[ $group ][ $item->get_id() ] = $item;
		} else {
			$this->items[ $group ][ 'new:' . $group . count( $this->items[ $group ] ) ] = $item;
		}
	}

	/**
	 * @param int $item_id Id.
	 * @return false|void
	 */
	public function remove_item( $item_id ) {
		$item = $this->get_item( $item_id );
		if ( ! $item ) {
			return false;
		}
		$this->items_to_delete[] = $item;
		unset( $this->items[ self::ITEM_GROUPS[ $item->get_type() ] ][ $item->get_id() ] );
	}

	/** Saves added/changed items and deletes removed ones. */
	public function save_items() {
		foreach ( $this->items_to_delete as $item ) {
			$item->delete();
		}
		$this->items_to_delete = array();
		foreach ( $this->items as $group => $items ) {
			if ( ! is_array( $items ) ) {
				continue;
			}
			foreach ( array_filter( $items ) as $key => $item ) {
				$item->set_order_id( $this->get_id() );
				$id = $item->save();
				if ( $id !== $key ) {
					$this->items[ $group ][ $id ] = $item;
					unset( $this->items[ $group ][ $key ] );
				}
			}
		}
	}

	/**
	 * Adds a line item for a product or variation (saved at once when the order exists).
	 *
	 * @param WC_Product|false $product Product.
	 * @param int|float        $qty Quantity.
	 * @param array            $args Item props overriding the defaults (subtotal, total, name …).
	 * @return int Item id.
	 */
	public function add_product( $product, $qty = 1, $args = array() ) {
		if ( $product ) {
			$total    = wc_get_price_excluding_tax( $product, array( 'qty' => $qty ) );
			$defaults = array(
				'name'         => $product->get_name(),
				'tax_class'    => $product->get_tax_class(),
				'product_id'   => $product->is_type( 'variation' ) ? $product->get_parent_id() : $product->get_id(),
				'variation_id' => $product->is_type( 'variation' ) ? $product->get_id() : 0,
				'variation'    => $product->is_type( 'variation' ) ? $product->get_attributes() : array(),
				'subtotal'     => $total,
				'total'        => $total,
				'quantity'     => $qty,
			);
		} else {
			$defaults = array( 'quantity' => $qty );
		}
		$args = wp_parse_args( $args, $defaults );
		$item = new WC_Order_Item_Product();
		$item->set_props( $args );
		$item->set_backorder_meta();
		$item->set_order_id( $this->get_id() );
		$item->save();
		$this->add_item( $item );
		delete_transient( 'wc_order_' . $this->get_id() . '_needs_processing' );
		return $item->get_id();
	}

	/**
	 * Totals without taxes (the stand-in has no tax tables), in WooCommerce's order: shipping (each line
	 * rounded to the price decimals), fees (a negative fee is capped at lines + earlier fees + shipping),
	 * discount = line subtotals − line totals, total = lines + fees + shipping + stored taxes, rounded.
	 * Saves the order.
	 *
	 * @param bool $and_taxes With taxes off (woocommerce_calc_taxes = no) the tax totals become 0.
	 * @return float|string Total.
	 */
	public function calculate_totals( $and_taxes = true ) {
		do_action( 'woocommerce_order_before_calculate_totals', $and_taxes, $this );
		$decimals      = wc_get_price_decimals();
		$cart_subtotal = 0.0;
		$cart_total    = 0.0;
		foreach ( $this->get_items() as $item ) {
			$cart_subtotal += round( (float) $item->get_subtotal(), $decimals );
			$cart_total    += round( (float) $item->get_total(), $decimals );
		}
		$shipping_total = 0.0;
		foreach ( $this->get_shipping_methods() as $shipping ) {
			$shipping_total += round( (float) $shipping->get_total(), $decimals );
		}
		$this->set_shipping_total( $shipping_total );
		$fees_total = 0.0;
		foreach ( $this->get_fees() as $fee ) {
			$fee_total = (float) $fee->get_total();
			if ( 0 > $fee_total ) {
				$max_discount = round( $cart_total + $fees_total + $shipping_total, $decimals ) * -1;
				if ( $fee_total < $max_discount && 0 > $max_discount ) {
					$fee->set_total( $max_discount );
				}
			}
			$fees_total += (float) $fee->get_total();
		}
		if ( $and_taxes && 'yes' !== get_option( 'woocommerce_calc_taxes' ) ) {
			$this->set_cart_tax( 0 );
			$this->set_shipping_tax( 0 );
		}
		$this->set_discount_total( round( $cart_subtotal - $cart_total, $decimals ) );
		$this->set_total( round( $cart_total + $fees_total + (float) $this->get_shipping_total() + (float) $this->get_cart_tax() + (float) $this->get_shipping_tax(), $decimals ) );
		do_action( 'woocommerce_order_after_calculate_totals', $and_taxes, $this );
		$this->save();
		return $this->get_total();
	}

	/** @return WC_Order_Item_Fee[] */
	public function get_fees() {
		return $this->get_items( 'fee' );
	}

	/** @return WC_Order_Item_Shipping[] */
	public function get_shipping_methods() {
		return $this->get_items( 'shipping' );
	}

	/** @return string Names of the shipping lines, comma separated. */
	public function get_shipping_method() {
		$names = array();
		foreach ( $this->get_shipping_methods() as $shipping ) {
			$names[] = $shipping->get_name();
		}
		return apply_filters( 'woocommerce_order_shipping_method', implode( ', ', $names ), $this );
	}

	/** @return string[] The stand-in has no coupons. */
	public function get_coupon_codes() {
		return array();
	}

	/**
	 * @param bool $ex_tax Without the discount tax.
	 * @return float
	 */
	public function get_total_discount( $ex_tax = true ) {
		$discount = (float) $this->get_discount_total() + ( $ex_tax ? 0.0 : (float) $this->get_discount_tax() );
		return apply_filters( 'woocommerce_order_get_total_discount', round( $discount, 6 ), $this );
	}

	/*
	| Persistence
	*/

	/**
	 * Fires woocommerce_before_order_object_save, creates/updates, saves items, fires the after hook.
	 *
	 * @return int Id.
	 */
	public function save() {
		try {
			do_action( 'woocommerce_before_' . $this->object_type . '_object_save', $this, $this->get_data_store() );
			if ( $this->get_id() ) {
				$this->update_in_store();
			} else {
				$this->create_in_store();
			}
			$this->save_items();
			do_action( 'woocommerce_after_' . $this->object_type . '_object_save', $this, $this->get_data_store() );
		} catch ( Exception $e ) {
			wc_get_logger()->error(
				'Error saving order #' . $this->get_id(),
				array(
					'order' => $this,
					'error' => $e,
				)
			);
		}
		return $this->get_id();
	}

	/** @return KVS_WC_Standin_Order_Data_Store */
	public function get_data_store() {
		return KVS_WC_Standin_Order_Data_Store::instance();
	}
}

/**
 * The few data store methods callers reach through $order->get_data_store().
 */
final class KVS_WC_Standin_Order_Data_Store {

	/** @var self|null */
	private static $instance = null;

	/** @return self */
	public static function instance() {
		if ( null === self::$instance ) {
			self::$instance = new self();
		}
		return self::$instance;
	}

	/**
	 * @param int $order_id Order id.
	 * @return bool
	 */
	public function get_stock_reduced( $order_id ) {
		return wc_string_to_bool( get_post_meta( $order_id, '_order_stock_reduced', true ) );
	}

	/**
	 * @param int  $order_id Order id.
	 * @param bool $set Value.
	 */
	public function set_stock_reduced( $order_id, $set ) {
		update_post_meta( $order_id, '_order_stock_reduced', wc_bool_to_string( $set ) );
	}

	/**
	 * @param int $order_id Order id.
	 * @return bool
	 */
	public function get_recorded_sales( $order_id ) {
		return wc_string_to_bool( get_post_meta( $order_id, '_recorded_sales', true ) );
	}

	/**
	 * @param int  $order_id Order id.
	 * @param bool $set Value.
	 */
	public function set_recorded_sales( $order_id, $set ) {
		update_post_meta( $order_id, '_recorded_sales', wc_bool_to_string( $set ) );
	}
}
