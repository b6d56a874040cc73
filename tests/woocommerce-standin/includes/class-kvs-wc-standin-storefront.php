<?php
/**
 * A minimal storefront with WooCommerce's classic markup: product page, shop archive and product search,
 * a cart kept per visitor, the classic checkout form (billing fields, cash on delivery, "Place order") and the
 * order-received page. The checkout creates the order the way WooCommerce's classic checkout does: CRUD, line
 * items, the flat-rate shipping line of the matching zone, payment method cod, `woocommerce_checkout_order_processed`
 * while the order is pending, then the gateway moves it to processing (which reduces stock).
 *
 * Output follows WooCommerce's templates, including what they do NOT escape: product titles (the_title /
 * get_the_title) and descriptions (the_content) are printed as stored, so a plugin that stores hostile HTML is
 * caught here as it would be on a real shop.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Storefront pages and form handlers.
 */
final class KVS_WC_Standin_Storefront {

	/** Cookie naming the visitor's cart. */
	const CART_COOKIE = 'woocommerce_standin_cart';

	/** @var array<int, array{type: string, text: string}> Notices to show on this page. */
	private static $notices = array();

	/** @var array<string, string> Checkout errors by field. */
	private static $errors = array();

	/** Hooks. */
	public static function init() {
		add_action( 'init', array( __CLASS__, 'add_endpoints' ) );
		add_action( 'wp_loaded', array( __CLASS__, 'add_to_cart_action' ), 20 );
		add_action( 'wp_loaded', array( __CLASS__, 'checkout_action' ), 20 );
		add_action( 'template_redirect', array( __CLASS__, 'redirect_single_search_result' ) );
		add_filter( 'template_include', array( __CLASS__, 'template_include' ), 99 );
		add_filter( 'body_class', array( __CLASS__, 'body_class' ) );
	}

	/** Endpoint of the checkout page, as WooCommerce registers it (EP_ROOT | EP_PAGES). */
	public static function add_endpoints() {
		add_rewrite_endpoint( 'order-received', EP_ROOT | EP_PAGES );
	}

	/**
	 * Like WooCommerce: a product search with exactly one result goes straight to the product.
	 */
	public static function redirect_single_search_result() {
		global $wp_query;
		if ( is_search() && self::is_product_query() && 1 === (int) $wp_query->found_posts && apply_filters( 'woocommerce_redirect_single_search_result', true ) ) {
			$post = $wp_query->posts[0];
			wp_safe_redirect( get_permalink( $post ) );
			exit;
		}
	}

	/** @return bool Is the main query a product listing (archive or search restricted to products)? */
	private static function is_product_query() {
		$type = get_query_var( 'post_type' );
		return is_post_type_archive( 'product' ) || is_tax( array( 'product_cat', 'product_tag' ) ) || 'product' === $type || ( is_array( $type ) && array( 'product' ) === $type );
	}

	/**
	 * @param string[] $classes Body classes.
	 * @return string[]
	 */
	public static function body_class( $classes ) {
		if ( is_singular( 'product' ) || self::is_product_query() || self::is_wc_page() ) {
			$classes[] = 'woocommerce';
			$classes[] = 'woocommerce-page';
		}
		return $classes;
	}

	/** @return bool Checkout or cart page. */
	private static function is_wc_page() {
		$id = get_queried_object_id();
		return $id > 0 && is_page() && in_array( $id, array( wc_get_page_id( 'checkout' ), wc_get_page_id( 'cart' ) ), true );
	}

	/**
	 * Our template for products, product listings, the cart and the checkout.
	 *
	 * @param string $template Theme template.
	 * @return string
	 */
	public static function template_include( $template ) {
		if ( is_singular( 'product' ) || self::is_product_query() || self::is_wc_page() ) {
			return WC_ABSPATH . 'templates/storefront.php';
		}
		return $template;
	}

	/* ---------------------------------------------------------------- cart */

	/** @return string Cart key of this visitor ('' when none yet). */
	private static function cart_key() {
		$key = isset( $_COOKIE[ self::CART_COOKIE ] ) ? sanitize_key( wp_unslash( $_COOKIE[ self::CART_COOKIE ] ) ) : '';
		return 32 === strlen( $key ) ? $key : '';
	}

	/**
	 * @return array<int, array{product_id: int, variation_id: int, quantity: int}>
	 */
	public static function get_cart() {
		$key  = self::cart_key();
		$cart = $key ? get_transient( 'kvs_wc_standin_cart_' . $key ) : array();
		return is_array( $cart ) ? $cart : array();
	}

	/**
	 * @param array $cart Lines.
	 */
	private static function set_cart( array $cart ) {
		$key = self::cart_key();
		if ( ! $key ) {
			$key = md5( wp_generate_password( 32, false ) );
			setcookie( self::CART_COOKIE, $key, 0, COOKIEPATH ? COOKIEPATH : '/', COOKIE_DOMAIN, is_ssl(), true );
			$_COOKIE[ self::CART_COOKIE ] = $key;
		}
		set_transient( 'kvs_wc_standin_cart_' . $key, array_values( $cart ), 2 * DAY_IN_SECONDS );
	}

	/** Empties the visitor's cart. */
	private static function empty_cart() {
		$key = self::cart_key();
		if ( $key ) {
			delete_transient( 'kvs_wc_standin_cart_' . $key );
		}
	}

	/**
	 * @param string $type success|error|notice.
	 * @param string $text HTML (escaped by the caller).
	 */
	private static function add_notice( $type, $text ) {
		self::$notices[] = array(
			'type' => $type,
			'text' => $text,
		);
	}

	/** @return array<int, array{type: string, text: string}> */
	public static function notices() {
		return self::$notices;
	}

	/** @return array<string, string> */
	public static function errors() {
		return self::$errors;
	}

	/**
	 * The variation of a variable product matching the posted attributes (an empty variation value matches any),
	 * like WooCommerce's find_matching_product_variation().
	 *
	 * @param WC_Product $product Variable product.
	 * @param array      $posted  attribute_* => value.
	 * @return int
	 */
	private static function matching_variation( $product, array $posted ) {
		foreach ( $product->get_children() as $child_id ) {
			$variation = wc_get_product( $child_id );
			if ( ! $variation ) {
				continue;
			}
			$match = true;
			foreach ( $variation->get_variation_attributes() as $key => $value ) {
				$given = isset( $posted[ $key ] ) ? (string) $posted[ $key ] : '';
				if ( '' === $given || ( '' !== (string) $value && (string) $value !== $given ) ) {
					$match = false;
					break;
				}
			}
			if ( $match ) {
				return (int) $child_id;
			}
		}
		return 0;
	}

	/**
	 * POST add-to-cart (product form): validates like WooCommerce (purchasable, in stock, enough stock counting
	 * what is already in the cart) and shows "… has been added to your cart." on the same page.
	 */
	public static function add_to_cart_action() {
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- WooCommerce's add-to-cart form has no nonce.
		if ( ! isset( $_POST['add-to-cart'] ) || ! is_numeric( wp_unslash( $_POST['add-to-cart'] ) ) ) {
			return;
		}
		$product_id = absint( wp_unslash( $_POST['add-to-cart'] ) );
		$quantity   = isset( $_POST['quantity'] ) ? (int) wc_stock_amount( wp_unslash( $_POST['quantity'] ) ) : 1;
		$product    = wc_get_product( $product_id );
		$posted     = array();
		foreach ( $_POST as $key => $value ) {
			if ( is_string( $key ) && 0 === strpos( $key, 'attribute_' ) && is_string( $value ) ) {
				$posted[ sanitize_title( $key ) ] = wc_clean( wp_unslash( $value ) );
			}
		}
		$variation_id = isset( $_POST['variation_id'] ) ? absint( wp_unslash( $_POST['variation_id'] ) ) : 0;
		// phpcs:enable WordPress.Security.NonceVerification.Missing
		if ( ! $product || $quantity <= 0 ) {
			return;
		}
		if ( $product->is_type( 'variable' ) ) {
			if ( ! $variation_id || ! in_array( $variation_id, array_map( 'intval', $product->get_children() ), true ) ) {
				$variation_id = self::matching_variation( $product, $posted );
			}
			if ( ! $variation_id ) {
				self::add_notice( 'error', esc_html( 'Please choose product options by visiting' ) . ' <a href="' . esc_url( get_permalink( $product->get_id() ) ) . '">' . esc_html( $product->get_name() ) . '</a>.' );
				return;
			}
		}
		$buying = $variation_id ? wc_get_product( $variation_id ) : $product;
		if ( ! $buying || ! $buying->is_purchasable() ) {
			self::add_notice( 'error', esc_html( 'Sorry, this product cannot be purchased.' ) );
			return;
		}
		if ( ! $buying->is_in_stock() ) {
			/* translators: %s: product name */
			self::add_notice( 'error', esc_html( sprintf( 'You cannot add "%s" to the cart because the product is out of stock.', $buying->get_name() ) ) );
			return;
		}
		$cart    = self::get_cart();
		$in_cart = 0;
		foreach ( $cart as $line ) {
			if ( (int) $line['product_id'] === $product->get_id() && (int) $line['variation_id'] === $variation_id ) {
				$in_cart += (int) $line['quantity'];
			}
		}
		if ( $buying->managing_stock() && 'no' === $buying->get_backorders() ) {
			$stock = (int) $buying->get_stock_quantity();
			if ( $in_cart + $quantity > $stock ) {
				self::add_notice(
					'error',
					esc_html( sprintf( 'You cannot add that amount to the cart — we have %1$d in stock and you already have %2$d in your cart.', $stock, $in_cart ) )
				);
				return;
			}
		}
		$merged = false;
		foreach ( $cart as &$line ) {
			if ( (int) $line['product_id'] === $product->get_id() && (int) $line['variation_id'] === $variation_id ) {
				$line['quantity'] += $quantity;
				$merged            = true;
			}
		}
		unset( $line );
		if ( ! $merged ) {
			$cart[] = array(
				'product_id'   => $product->get_id(),
				'variation_id' => $variation_id,
				'quantity'     => $quantity,
			);
		}
		self::set_cart( $cart );
		do_action( 'woocommerce_add_to_cart', '', $product->get_id(), $quantity, $variation_id, $posted, array() );
		self::add_notice(
			'success',
			'<a href="' . esc_url( wc_get_cart_url() ) . '" class="button wc-forward">' . esc_html( 'View cart' ) . '</a> '
			. esc_html( sprintf( '“%s” has been added to your cart.', $product->get_name() ) )
		);
	}

	/**
	 * Cart lines with their products and totals.
	 *
	 * @return array{lines: array<int, array{product: WC_Product, quantity: int, total: float}>, subtotal: float}
	 */
	public static function cart_contents() {
		$lines    = array();
		$subtotal = 0.0;
		foreach ( self::get_cart() as $line ) {
			$product = wc_get_product( $line['variation_id'] ? $line['variation_id'] : $line['product_id'] );
			if ( ! $product ) {
				continue;
			}
			$total     = (float) $product->get_price() * (int) $line['quantity'];
			$subtotal += $total;
			$lines[]   = array(
				'product'  => $product,
				'quantity' => (int) $line['quantity'],
				'total'    => $total,
			);
		}
		return array(
			'lines'    => $lines,
			'subtotal' => $subtotal,
		);
	}

	/**
	 * The shipping rate for a country: the first rate of the matching zone, or null.
	 *
	 * @param string $country Country code.
	 * @return array{instance_id: int, method_id: string, title: string, cost: float}|null
	 */
	public static function shipping_rate( $country ) {
		$zone  = WC_Shipping_Zones::get_zone_matching_package( array( 'destination' => array( 'country' => $country ) ) );
		$rates = $zone ? $zone->get_rates() : array();
		return $rates ? $rates[0] : null;
	}

	/** @return string[] Countries the shop sells to. */
	public static function allowed_countries() {
		if ( 'specific' === get_option( 'woocommerce_allowed_countries' ) ) {
			return array_values( array_filter( (array) get_option( 'woocommerce_specific_allowed_countries', array() ) ) );
		}
		return array( (string) get_option( 'woocommerce_default_country', 'VN' ) );
	}

	/**
	 * Billing fields of the classic checkout: id => [label, type, required] (phone, company and address 2 follow
	 * the woocommerce_checkout_*_field options).
	 *
	 * @return array<string, array{0: string, 1: string, 2: bool}>
	 */
	public static function billing_fields() {
		$fields = array(
			'billing_first_name' => array( 'First name', 'text', true ),
			'billing_last_name'  => array( 'Last name', 'text', true ),
			'billing_company'    => array( 'Company name', 'text', false ),
			'billing_country'    => array( 'Country / Region', 'country', true ),
			'billing_address_1'  => array( 'Street address', 'text', true ),
			'billing_address_2'  => array( 'Apartment, suite, unit, etc.', 'text', false ),
			'billing_city'       => array( 'Town / City', 'text', true ),
			'billing_postcode'   => array( 'Postcode / ZIP', 'text', false ),
			'billing_phone'      => array( 'Phone', 'tel', true ),
			'billing_email'      => array( 'Email address', 'email', true ),
		);
		foreach ( array( 'company', 'address_2', 'phone' ) as $field ) {
			$setting = get_option( 'woocommerce_checkout_' . $field . '_field', 'phone' === $field ? 'required' : 'optional' );
			if ( 'hidden' === $setting ) {
				unset( $fields[ 'billing_' . $field ] );
			} else {
				$fields[ 'billing_' . $field ][2] = 'required' === $setting;
			}
		}
		return $fields;
	}

	/**
	 * POST of the classic checkout form (WooCommerce's non-JavaScript path): validate, create the order, pay with
	 * the gateway (cash on delivery), empty the cart and redirect to the order-received page.
	 */
	public static function checkout_action() {
		if ( ! isset( $_POST['woocommerce_checkout_place_order'] ) ) {
			return;
		}
		$nonce = isset( $_POST['woocommerce-process-checkout-nonce'] ) ? sanitize_text_field( wp_unslash( $_POST['woocommerce-process-checkout-nonce'] ) ) : '';
		if ( ! wp_verify_nonce( $nonce, 'woocommerce-process_checkout' ) ) {
			self::$errors['nonce'] = 'We were unable to process your order, please try again.';
			return;
		}
		$data = array();
		foreach ( self::billing_fields() as $id => $field ) {
			$value       = isset( $_POST[ $id ] ) ? wc_clean( wp_unslash( $_POST[ $id ] ) ) : '';
			$data[ $id ] = is_string( $value ) ? $value : '';
			if ( $field[2] && '' === $data[ $id ] ) {
				/* translators: %s: field label */
				self::$errors[ $id ] = sprintf( '%s is a required field.', 'Billing ' . $field[0] );
			}
		}
		$data['billing_country'] = strtoupper( $data['billing_country'] ?? '' );
		if ( '' !== $data['billing_email'] && ! is_email( $data['billing_email'] ) ) {
			self::$errors['billing_email'] = 'Invalid billing email address';
		}
		if ( ! in_array( $data['billing_country'], self::allowed_countries(), true ) ) {
			self::$errors['billing_country'] = 'Sorry, we do not allow orders from the selected country.';
		}
		$payment = isset( $_POST['payment_method'] ) ? sanitize_key( wp_unslash( $_POST['payment_method'] ) ) : '';
		$cod     = get_option( 'woocommerce_cod_settings', array() );
		if ( 'cod' !== $payment || ! is_array( $cod ) || 'yes' !== ( $cod['enabled'] ?? 'no' ) ) {
			self::$errors['payment_method'] = 'Invalid payment method.';
		}
		$data['order_comments'] = isset( $_POST['order_comments'] ) ? sanitize_textarea_field( wp_unslash( $_POST['order_comments'] ) ) : '';
		$cart                   = self::cart_contents();
		if ( ! $cart['lines'] ) {
			self::$errors['cart'] = 'Sorry, your session has expired.';
		}
		foreach ( $cart['lines'] as $line ) {
			$product = $line['product'];
			if ( ! $product->is_in_stock() || ( $product->managing_stock() && 'no' === $product->get_backorders() && $line['quantity'] > (int) $product->get_stock_quantity() ) ) {
				self::$errors[ 'stock_' . $product->get_id() ] = sprintf( 'Sorry, we do not have enough "%s" in stock to fulfill your order.', $product->get_name() );
			}
		}
		if ( self::$errors ) {
			return;
		}

		$order = new WC_Order();
		foreach ( $data as $key => $value ) {
			if ( 0 === strpos( $key, 'billing_' ) && is_callable( array( $order, 'set_' . $key ) ) ) {
				$order->{'set_' . $key}( $value );
				// No "ship to a different address": shipping = billing (without email).
				$shipping = 'set_shipping_' . substr( $key, 8 );
				if ( 'billing_email' !== $key && is_callable( array( $order, $shipping ) ) ) {
					$order->{$shipping}( $value );
				}
			}
		}
		$order->set_created_via( 'checkout' );
		$order->set_customer_id( get_current_user_id() );
		$order->set_currency( get_woocommerce_currency() );
		$order->set_prices_include_tax( 'yes' === get_option( 'woocommerce_prices_include_tax' ) );
		$order->set_customer_ip_address( isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '' );
		$order->set_customer_user_agent( isset( $_SERVER['HTTP_USER_AGENT'] ) ? sanitize_text_field( wp_unslash( $_SERVER['HTTP_USER_AGENT'] ) ) : '' );
		$order->set_customer_note( $data['order_comments'] );
		$order->set_payment_method( 'cod' );
		$order->set_payment_method_title( (string) ( $cod['title'] ?? 'Cash on delivery' ) );
		do_action( 'woocommerce_checkout_create_order', $order, $data );
		$order_id = $order->save();
		foreach ( $cart['lines'] as $line ) {
			$order->add_product( $line['product'], $line['quantity'] );
		}
		$rate = self::shipping_rate( $data['billing_country'] );
		if ( $rate ) {
			$item = new WC_Order_Item_Shipping();
			$item->set_method_title( $rate['title'] );
			$item->set_method_id( $rate['method_id'] );
			$item->set_instance_id( $rate['instance_id'] );
			$item->set_total( wc_format_decimal( $rate['cost'], wc_get_price_decimals() ) );
			$order->add_item( $item );
		}
		$order->calculate_totals();
		do_action( 'woocommerce_checkout_update_order_meta', $order_id, $data );
		do_action( 'woocommerce_checkout_order_processed', $order_id, $data, $order );

		// WC_Gateway_COD::process_payment(): processing (stock is reduced on that status), empty cart.
		$order = wc_get_order( $order_id );
		$order->update_status( apply_filters( 'woocommerce_cod_process_payment_order_status', 'processing', $order ), 'Payment to be made upon delivery.' );
		self::empty_cart();
		wp_safe_redirect( add_query_arg( 'key', $order->get_order_key(), wc_get_endpoint_url( 'order-received', (string) $order_id, wc_get_checkout_url() ) ) );
		exit;
	}

	/**
	 * The order of the order-received page, when the key matches.
	 *
	 * @return WC_Order|null
	 */
	public static function received_order() {
		global $wp;
		$id  = isset( $wp->query_vars['order-received'] ) ? absint( $wp->query_vars['order-received'] ) : 0;
		$key = isset( $_GET['key'] ) ? wc_clean( wp_unslash( $_GET['key'] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification.Recommended
		if ( ! $id ) {
			return null;
		}
		$order = wc_get_order( $id );
		return $order && is_string( $key ) && hash_equals( $order->get_order_key(), $key ) ? $order : null;
	}

	/** @return bool Is this the order-received endpoint of the checkout page? */
	public static function is_order_received() {
		global $wp;
		return isset( $wp->query_vars['order-received'] );
	}
}
