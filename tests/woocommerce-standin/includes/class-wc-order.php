<?php
/**
 * Order: customer, addresses, payment, notes, status transitions with WooCommerce's hooks.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Legacy post storage: post_type shop_order, post_status wc-{status}, props in _-prefixed post meta
 * (_billing_first_name, _order_total, …) like WooCommerce with HPOS off.
 */
class WC_Order extends WC_Abstract_Order {

	/** @var array */
	protected $extra_data = array(
		'customer_id'          => null,
		'order_key'            => '',
		'billing'              => array(
			'first_name' => '',
			'last_name'  => '',
			'company'    => '',
			'address_1'  => '',
			'address_2'  => '',
			'city'       => '',
			'state'      => '',
			'postcode'   => '',
			'country'    => '',
			'email'      => '',
			'phone'      => '',
		),
		'shipping'             => array(
			'first_name' => '',
			'last_name'  => '',
			'company'    => '',
			'address_1'  => '',
			'address_2'  => '',
			'city'       => '',
			'state'      => '',
			'postcode'   => '',
			'country'    => '',
			'phone'      => '',
		),
		'payment_method'       => '',
		'payment_method_title' => '',
		'transaction_id'       => '',
		'customer_ip_address'  => '',
		'customer_user_agent'  => '',
		'created_via'          => '',
		'customer_note'        => '',
		'date_completed'       => null,
		'date_paid'            => null,
		'cart_hash'            => '',
	);

	/** @var string[] */
	protected $internal_meta_keys = array( '_customer_user', '_order_key', '_order_currency', '_billing_first_name', '_billing_last_name', '_billing_company', '_billing_address_1', '_billing_address_2', '_billing_city', '_billing_state', '_billing_postcode', '_billing_country', '_billing_email', '_billing_phone', '_shipping_first_name', '_shipping_last_name', '_shipping_company', '_shipping_address_1', '_shipping_address_2', '_shipping_city', '_shipping_state', '_shipping_postcode', '_shipping_country', '_shipping_phone', '_completed_date', '_paid_date', '_edit_lock', '_edit_last', '_cart_discount', '_cart_discount_tax', '_order_shipping', '_order_shipping_tax', '_order_tax', '_order_total', '_payment_method', '_payment_method_title', '_transaction_id', '_customer_ip_address', '_customer_user_agent', '_created_via', '_order_version', '_prices_include_tax', '_date_completed', '_date_paid', '_payment_tokens', '_billing_address_index', '_shipping_address_index', '_recorded_sales', '_recorded_coupon_usage_counts', '_download_permissions_granted', '_order_stock_reduced', '_new_order_email_sent' );

	/** @var array|false Pending status transition (from, to, note, manual). */
	protected $status_transition = false;

	/*
	| Getters
	*/

	public function get_order_number() {
		return (string) apply_filters( 'woocommerce_order_number', $this->get_id(), $this );
	}

	public function get_order_key( $context = 'view' ) {
		return $this->get_prop( 'order_key', $context );
	}

	public function get_customer_id( $context = 'view' ) {
		return $this->get_prop( 'customer_id', $context );
	}

	public function get_user_id( $context = 'view' ) {
		return $this->get_customer_id( $context );
	}

	/** @return WP_User|false */
	public function get_user() {
		return $this->get_user_id() ? get_user_by( 'id', $this->get_user_id() ) : false;
	}

	/**
	 * @param string $prop Field.
	 * @param string $address_type billing|shipping.
	 * @param string $context view|edit.
	 * @return string|null
	 */
	protected function get_address_prop( $prop, $address_type = 'billing', $context = 'view' ) {
		$value = null;
		if ( array_key_exists( $prop, $this->data[ $address_type ] ) ) {
			$value = isset( $this->changes[ $address_type ][ $prop ] ) ? $this->changes[ $address_type ][ $prop ] : $this->data[ $address_type ][ $prop ];
			if ( 'view' === $context ) {
				$value = apply_filters( $this->get_hook_prefix() . $address_type . '_' . $prop, $value, $this );
			}
		}
		return $value;
	}

	/**
	 * @param string $prop Field.
	 * @param string $address_type billing|shipping.
	 * @param mixed  $value Value.
	 */
	protected function set_address_prop( $prop, $address_type, $value ) {
		if ( array_key_exists( $prop, $this->data[ $address_type ] ) ) {
			if ( true === $this->object_read ) {
				if ( $value !== $this->data[ $address_type ][ $prop ] || ( isset( $this->changes[ $address_type ] ) && array_key_exists( $prop, $this->changes[ $address_type ] ) ) ) {
					$this->changes[ $address_type ][ $prop ] = $value;
				}
			} else {
				$this->data[ $address_type ][ $prop ] = $value;
			}
		}
	}

	/** Address changes merge into the nested arrays. */
	public function apply_changes() {
		foreach ( array( 'billing', 'shipping' ) as $type ) {
			if ( isset( $this->changes[ $type ] ) ) {
				$this->changes[ $type ] = array_replace( $this->data[ $type ], $this->changes[ $type ] );
			}
		}
		parent::apply_changes();
	}

	public function get_billing_first_name( $context = 'view' ) {
		return $this->get_address_prop( 'first_name', 'billing', $context );
	}

	public function get_billing_last_name( $context = 'view' ) {
		return $this->get_address_prop( 'last_name', 'billing', $context );
	}

	public function get_billing_company( $context = 'view' ) {
		return $this->get_address_prop( 'company', 'billing', $context );
	}

	public function get_billing_address_1( $context = 'view' ) {
		return $this->get_address_prop( 'address_1', 'billing', $context );
	}

	public function get_billing_address_2( $context = 'view' ) {
		return $this->get_address_prop( 'address_2', 'billing', $context );
	}

	public function get_billing_city( $context = 'view' ) {
		return $this->get_address_prop( 'city', 'billing', $context );
	}

	public function get_billing_state( $context = 'view' ) {
		return $this->get_address_prop( 'state', 'billing', $context );
	}

	public function get_billing_postcode( $context = 'view' ) {
		return $this->get_address_prop( 'postcode', 'billing', $context );
	}

	public function get_billing_country( $context = 'view' ) {
		return $this->get_address_prop( 'country', 'billing', $context );
	}

	public function get_billing_email( $context = 'view' ) {
		return $this->get_address_prop( 'email', 'billing', $context );
	}

	public function get_billing_phone( $context = 'view' ) {
		return $this->get_address_prop( 'phone', 'billing', $context );
	}

	public function get_shipping_first_name( $context = 'view' ) {
		return $this->get_address_prop( 'first_name', 'shipping', $context );
	}

	public function get_shipping_last_name( $context = 'view' ) {
		return $this->get_address_prop( 'last_name', 'shipping', $context );
	}

	public function get_shipping_company( $context = 'view' ) {
		return $this->get_address_prop( 'company', 'shipping', $context );
	}

	public function get_shipping_address_1( $context = 'view' ) {
		return $this->get_address_prop( 'address_1', 'shipping', $context );
	}

	public function get_shipping_address_2( $context = 'view' ) {
		return $this->get_address_prop( 'address_2', 'shipping', $context );
	}

	public function get_shipping_city( $context = 'view' ) {
		return $this->get_address_prop( 'city', 'shipping', $context );
	}

	public function get_shipping_state( $context = 'view' ) {
		return $this->get_address_prop( 'state', 'shipping', $context );
	}

	public function get_shipping_postcode( $context = 'view' ) {
		return $this->get_address_prop( 'postcode', 'shipping', $context );
	}

	public function get_shipping_country( $context = 'view' ) {
		return $this->get_address_prop( 'country', 'shipping', $context );
	}

	public function get_shipping_phone( $context = 'view' ) {
		return $this->get_address_prop( 'phone', 'shipping', $context );
	}

	/**
	 * @param string $address_type billing|shipping.
	 * @return array
	 */
	public function get_address( $address_type = 'billing' ) {
		$address = isset( $this->data[ $address_type ] ) ? array_merge( $this->data[ $address_type ], isset( $this->changes[ $address_type ] ) ? $this->changes[ $address_type ] : array() ) : array();
		return apply_filters( 'woocommerce_get_order_address', $address, $address_type, $this );
	}

	public function get_payment_method( $context = 'view' ) {
		return $this->get_prop( 'payment_method', $context );
	}

	public function get_payment_method_title( $context = 'view' ) {
		return $this->get_prop( 'payment_method_title', $context );
	}

	public function get_transaction_id( $context = 'view' ) {
		return $this->get_prop( 'transaction_id', $context );
	}

	public function get_customer_ip_address( $context = 'view' ) {
		return $this->get_prop( 'customer_ip_address', $context );
	}

	public function get_customer_user_agent( $context = 'view' ) {
		return $this->get_prop( 'customer_user_agent', $context );
	}

	public function get_created_via( $context = 'view' ) {
		return $this->get_prop( 'created_via', $context );
	}

	public function get_customer_note( $context = 'view' ) {
		return $this->get_prop( 'customer_note', $context );
	}

	public function get_date_completed( $context = 'view' ) {
		return $this->get_prop( 'date_completed', $context );
	}

	public function get_date_paid( $context = 'view' ) {
		return $this->get_prop( 'date_paid', $context );
	}

	public function get_cart_hash( $context = 'view' ) {
		return $this->get_prop( 'cart_hash', $context );
	}

	/** @return string "First Last" of the billing address. */
	public function get_formatted_billing_full_name() {
		return trim( $this->get_billing_first_name() . ' ' . $this->get_billing_last_name() );
	}

	/** @return string */
	public function get_edit_order_url() {
		return apply_filters( 'woocommerce_get_edit_order_url', admin_url( 'post.php?post=' . absint( $this->get_id() ) ) . '&action=edit', $this );
	}

	/**
	 * @param string|string[] $status Status(es) without wc-.
	 * @return bool
	 */
	public function has_status( $status ) {
		return apply_filters( 'woocommerce_order_has_status', ( is_array( $status ) && in_array( $this->get_status(), $status, true ) ) || $this->get_status() === $status, $this, $status );
	}

	/** @return bool */
	public function is_paid() {
		return $this->has_status( wc_get_is_paid_statuses() );
	}

	/*
	| Setters
	*/

	public function set_order_key( $value ) {
		$this->set_prop( 'order_key', substr( (string) $value, 0, 22 ) );
	}

	public function set_customer_id( $value ) {
		$this->set_prop( 'customer_id', absint( $value ) );
	}

	public function set_billing_first_name( $value ) {
		$this->set_address_prop( 'first_name', 'billing', $value );
	}

	public function set_billing_last_name( $value ) {
		$this->set_address_prop( 'last_name', 'billing', $value );
	}

	public function set_billing_company( $value ) {
		$this->set_address_prop( 'company', 'billing', $value );
	}

	public function set_billing_address_1( $value ) {
		$this->set_address_prop( 'address_1', 'billing', $value );
	}

	public function set_billing_address_2( $value ) {
		$this->set_address_prop( 'address_2', 'billing', $value );
	}

	public function set_billing_city( $value ) {
		$this->set_address_prop( 'city', 'billing', $value );
	}

	public function set_billing_state( $value ) {
		$this->set_address_prop( 'state', 'billing', $value );
	}

	public function set_billing_postcode( $value ) {
		$this->set_address_prop( 'postcode', 'billing', $value );
	}

	public function set_billing_country( $value ) {
		$this->set_address_prop( 'country', 'billing', $value );
	}

	/**
	 * @param string $value Email.
	 * @throws WC_Data_Exception On an invalid address.
	 */
	public function set_billing_email( $value ) {
		if ( $value && ! is_email( $value ) ) {
			$this->error( 'order_invalid_billing_email', 'Invalid billing email address' );
		}
		$this->set_address_prop( 'email', 'billing', sanitize_email( $value ) );
	}

	public function set_billing_phone( $value ) {
		$this->set_address_prop( 'phone', 'billing', $value );
	}

	public function set_shipping_first_name( $value ) {
		$this->set_address_prop( 'first_name', 'shipping', $value );
	}

	public function set_shipping_last_name( $value ) {
		$this->set_address_prop( 'last_name', 'shipping', $value );
	}

	public function set_shipping_company( $value ) {
		$this->set_address_prop( 'company', 'shipping', $value );
	}

	public function set_shipping_address_1( $value ) {
		$this->set_address_prop( 'address_1', 'shipping', $value );
	}

	public function set_shipping_address_2( $value ) {
		$this->set_address_prop( 'address_2', 'shipping', $value );
	}

	public function set_shipping_city( $value ) {
		$this->set_address_prop( 'city', 'shipping', $value );
	}

	public function set_shipping_state( $value ) {
		$this->set_address_prop( 'state', 'shipping', $value );
	}

	public function set_shipping_postcode( $value ) {
		$this->set_address_prop( 'postcode', 'shipping', $value );
	}

	public function set_shipping_country( $value ) {
		$this->set_address_prop( 'country', 'shipping', $value );
	}

	public function set_shipping_phone( $value ) {
		$this->set_address_prop( 'phone', 'shipping', $value );
	}

	/**
	 * @param array  $address Fields.
	 * @param string $type billing|shipping.
	 */
	public function set_address( $address, $type = 'billing' ) {
		foreach ( (array) $address as $key => $value ) {
			if ( is_callable( array( $this, "set_{$type}_$key" ) ) ) {
				$this->{"set_{$type}_$key"}( $value );
			}
		}
	}

	public function set_payment_method( $payment_method = '' ) {
		if ( is_object( $payment_method ) ) {
			$this->set_payment_method( $payment_method->id );
			$this->set_payment_method_title( $payment_method->get_title() );
		} elseif ( '' === $payment_method ) {
			$this->set_prop( 'payment_method', '' );
			$this->set_prop( 'payment_method_title', '' );
		} else {
			$this->set_prop( 'payment_method', $payment_method );
		}
	}

	public function set_payment_method_title( $value ) {
		$this->set_prop( 'payment_method_title', $value );
	}

	public function set_transaction_id( $value ) {
		$this->set_prop( 'transaction_id', $value );
	}

	public function set_customer_ip_address( $value ) {
		$this->set_prop( 'customer_ip_address', $value );
	}

	public function set_customer_user_agent( $value ) {
		$this->set_prop( 'customer_user_agent', $value );
	}

	public function set_created_via( $value ) {
		$this->set_prop( 'created_via', $value );
	}

	public function set_customer_note( $value ) {
		$this->set_prop( 'customer_note', $value );
	}

	public function set_date_completed( $date = null ) {
		$this->set_date_prop( 'date_completed', $date );
	}

	public function set_date_paid( $date = null ) {
		$this->set_date_prop( 'date_paid', $date );
	}

	public function set_cart_hash( $value ) {
		$this->set_prop( 'cart_hash', $value );
	}

	/*
	| Status
	*/

	/**
	 * Records a transition to fire after the next save (only for read/new orders whose status really changes).
	 *
	 * @param string $new_status Status.
	 * @param string $note Note for the transition.
	 * @param bool   $manual_update Changed by a user.
	 * @return array{from: string, to: string}
	 */
	public function set_status( $new_status, $note = '', $manual_update = false ) {
		$result = parent::set_status( $new_status );
		if ( true === $this->object_read && ! empty( $result['from'] ) && $result['from'] !== $result['to'] ) {
			$this->status_transition = array(
				'from'   => ! empty( $this->status_transition['from'] ) ? $this->status_transition['from'] : $result['from'],
				'to'     => $result['to'],
				'note'   => $note,
				'manual' => (bool) $manual_update,
			);
			if ( $manual_update ) {
				do_action( 'woocommerce_order_edit_status', $this->get_id(), $result['to'] );
			}
			if ( ! $this->get_date_paid( 'edit' ) && in_array( $result['to'], wc_get_is_paid_statuses(), true ) ) {
				$this->set_date_paid( time() );
			}
			if ( 'completed' === $result['to'] ) {
				$this->set_date_completed( time() );
			}
		}
		return $result;
	}

	/**
	 * set_status() + save(); false for an unsaved order or on error.
	 *
	 * @param string $new_status Status.
	 * @param string $note Note.
	 * @param bool   $manual Changed by a user.
	 * @return bool
	 */
	public function update_status( $new_status, $note = '', $manual = false ) {
		if ( ! $this->get_id() ) {
			return false;
		}
		try {
			$this->set_status( $new_status, $note, $manual );
			$this->save();
		} catch ( Exception $e ) {
			wc_get_logger()->error( sprintf( 'Error updating status for order #%d', $this->get_id() ), array( 'order' => $this ) );
			$this->add_order_note( 'Update status event failed. ' . $e->getMessage() );
			return false;
		}
		return true;
	}

	/**
	 * Marks the order paid: processing (or completed when no item needs processing), fires woocommerce_payment_complete.
	 *
	 * @param string $transaction_id Transaction id.
	 * @return bool
	 */
	public function payment_complete( $transaction_id = '' ) {
		if ( ! $this->get_id() ) {
			return false;
		}
		do_action( 'woocommerce_pre_payment_complete', $this->get_id(), $transaction_id );
		if ( $this->has_status( apply_filters( 'woocommerce_valid_order_statuses_for_payment_complete', array( 'on-hold', 'pending', 'failed', 'cancelled' ), $this ) ) ) {
			if ( ! empty( $transaction_id ) ) {
				$this->set_transaction_id( $transaction_id );
			}
			if ( ! $this->get_date_paid( 'edit' ) ) {
				$this->set_date_paid( time() );
			}
			$this->set_status( apply_filters( 'woocommerce_payment_complete_order_status', 'processing', $this->get_id(), $this ) );
			$this->save();
			do_action( 'woocommerce_payment_complete', $this->get_id(), $transaction_id );
		} else {
			do_action( 'woocommerce_payment_complete_order_status_' . $this->get_status(), $this->get_id(), $transaction_id );
		}
		return true;
	}

	/** Saves, then fires the status transition hooks. */
	public function save() {
		parent::save();
		$this->status_transition();
		return $this->get_id();
	}

	/** woocommerce_order_status_{to}, then (with a from) {from}_to_{to}, status_changed, payment_status_changed. */
	protected function status_transition() {
		$transition              = $this->status_transition;
		$this->status_transition = false;
		if ( ! $transition ) {
			return;
		}
		do_action( 'woocommerce_order_status_' . $transition['to'], $this->get_id(), $this, $transition );
		if ( ! empty( $transition['from'] ) ) {
			$note = sprintf( 'Order status changed from %1$s to %2$s.', wc_get_order_status_name( $transition['from'] ), wc_get_order_status_name( $transition['to'] ) );
			$this->add_order_note( trim( $transition['note'] . ' ' . $note ), 0, $transition['manual'] );
			do_action( 'woocommerce_order_status_' . $transition['from'] . '_to_' . $transition['to'], $this->get_id(), $this );
			do_action( 'woocommerce_order_status_changed', $this->get_id(), $transition['from'], $transition['to'], $this );
			if ( in_array( $transition['from'], apply_filters( 'woocommerce_valid_order_statuses_for_payment', array( 'pending', 'failed' ), $this ), true ) && in_array( $transition['to'], wc_get_is_paid_statuses(), true ) ) {
				do_action( 'woocommerce_order_payment_status_changed', $this->get_id(), $this );
			}
		} else {
			$this->add_order_note( trim( $transition['note'] . ' ' . sprintf( 'Order status set to %s.', wc_get_order_status_name( $transition['to'] ) ) ), 0, $transition['manual'] );
		}
	}

	/*
	| Notes
	*/

	/**
	 * Adds an order note (a comment of type order_note on the order).
	 *
	 * @param string $note Note.
	 * @param int    $is_customer_note Shown to the customer.
	 * @param bool   $added_by_user Added by the current user.
	 * @return int Comment id (0 for an unsaved order).
	 */
	public function add_order_note( $note, $is_customer_note = 0, $added_by_user = false ) {
		if ( ! $this->get_id() ) {
			return 0;
		}
		if ( is_user_logged_in() && current_user_can( 'edit_shop_orders', $this->get_id() ) && $added_by_user ) {
			$user                 = get_user_by( 'id', get_current_user_id() );
			$comment_author       = $user->display_name;
			$comment_author_email = $user->user_email;
		} else {
			$comment_author       = 'WooCommerce';
			$comment_author_email = 'woocommerce@' . ( isset( $_SERVER['HTTP_HOST'] ) ? str_replace( 'www.', '', sanitize_text_field( wp_unslash( $_SERVER['HTTP_HOST'] ) ) ) : 'noreply.com' );
			$comment_author_email = sanitize_email( $comment_author_email );
		}
		$data       = apply_filters(
			'woocommerce_new_order_note_data',
			array(
				'comment_post_ID'      => $this->get_id(),
				'comment_author'       => $comment_author,
				'comment_author_email' => $comment_author_email,
				'comment_author_url'   => '',
				'comment_content'      => $note,
				'comment_agent'        => 'WooCommerce',
				'comment_type'         => 'order_note',
				'comment_parent'       => 0,
				'comment_approved'     => 1,
			),
			array(
				'order_id'         => $this->get_id(),
				'is_customer_note' => $is_customer_note,
			)
		);
		$comment_id = wp_insert_comment( $data );
		if ( $is_customer_note ) {
			add_comment_meta( $comment_id, 'is_customer_note', 1 );
		}
		do_action( 'woocommerce_order_note_added', $comment_id, $this );
		return (int) $comment_id;
	}

	/*
	| Storage
	*/

	/**
	 * Meta key => prop written on save.
	 *
	 * @return array<string, string>
	 */
	protected function meta_key_to_props() {
		$map = array(
			'_order_currency'       => 'currency',
			'_cart_discount'        => 'discount_total',
			'_cart_discount_tax'    => 'discount_tax',
			'_order_shipping'       => 'shipping_total',
			'_order_shipping_tax'   => 'shipping_tax',
			'_order_tax'            => 'cart_tax',
			'_order_total'          => 'total',
			'_order_version'        => 'version',
			'_prices_include_tax'   => 'prices_include_tax',
			'_order_key'            => 'order_key',
			'_customer_user'        => 'customer_id',
			'_payment_method'       => 'payment_method',
			'_payment_method_title' => 'payment_method_title',
			'_transaction_id'       => 'transaction_id',
			'_customer_ip_address'  => 'customer_ip_address',
			'_customer_user_agent'  => 'customer_user_agent',
			'_created_via'          => 'created_via',
			'_date_completed'       => 'date_completed',
			'_date_paid'            => 'date_paid',
			'_cart_hash'            => 'cart_hash',
		);
		foreach ( array_keys( $this->extra_data['billing'] ) as $field ) {
			$map[ '_billing_' . $field ] = 'billing_' . $field;
		}
		foreach ( array_keys( $this->extra_data['shipping'] ) as $field ) {
			$map[ '_shipping_' . $field ] = 'shipping_' . $field;
		}
		return $map;
	}

	/**
	 * @return string wc-{status} (or auto-draft/draft/trash).
	 */
	protected function get_post_status() {
		$status = $this->get_status( 'edit' );
		if ( ! $status ) {
			$status = apply_filters( 'woocommerce_default_order_status', 'pending' );
		}
		return in_array( 'wc-' . $status, $this->get_valid_statuses(), true ) ? 'wc-' . $status : $status;
	}

	/** Reads the post and its meta. */
	protected function read_from_store() {
		$this->set_defaults();
		$post = get_post( $this->get_id() );
		if ( ! $this->get_id() || ! $post || 'shop_order' !== $post->post_type ) {
			throw new Exception( 'Invalid order.' );
		}
		$status = 'wc-' === substr( $post->post_status, 0, 3 ) ? substr( $post->post_status, 3 ) : $post->post_status;
		$this->set_props(
			array(
				'parent_id'     => $post->post_parent,
				'date_created'  => '0000-00-00 00:00:00' !== $post->post_date_gmt ? wc_string_to_timestamp( $post->post_date_gmt ) : null,
				'date_modified' => '0000-00-00 00:00:00' !== $post->post_modified_gmt ? wc_string_to_timestamp( $post->post_modified_gmt ) : null,
				'status'        => $status,
				'customer_note' => $post->post_excerpt,
			)
		);
		$props = array();
		foreach ( $this->meta_key_to_props() as $key => $prop ) {
			$value = get_post_meta( $this->get_id(), $key, true );
			if ( 'prices_include_tax' === $prop ) {
				$value = metadata_exists( 'post', $this->get_id(), $key ) && 'yes' === $value;
			}
			$props[ $prop ] = $value;
		}
		$this->set_props( $props );
		$this->set_object_read( true );
	}

	/** Inserts the shop_order post and meta; fires woocommerce_new_order (before items are saved). */
	protected function create_in_store() {
		$this->set_version( WC_VERSION );
		$this->set_currency( $this->get_currency() ? $this->get_currency() : get_woocommerce_currency() );
		if ( ! $this->get_date_created( 'edit' ) ) {
			$this->set_date_created( time() );
		}
		if ( ! $this->get_order_key( 'edit' ) ) {
			$this->set_order_key( wc_generate_order_key() );
		}
		$id = wp_insert_post(
			apply_filters(
				'woocommerce_new_order_data',
				array(
					'post_date'     => gmdate( 'Y-m-d H:i:s', $this->get_date_created( 'edit' )->getOffsetTimestamp() ),
					'post_date_gmt' => gmdate( 'Y-m-d H:i:s', $this->get_date_created( 'edit' )->getTimestamp() ),
					'post_type'     => 'shop_order',
					'post_status'   => $this->get_post_status(),
					'ping_status'   => 'closed',
					'post_author'   => 1,
					'post_title'    => sprintf( 'Order &ndash; %s', ( new DateTime( 'now' ) )->format( 'F j, Y @ h:i A' ) ),
					'post_password' => $this->get_order_key( 'edit' ),
					'post_parent'   => $this->get_parent_id( 'edit' ),
					'post_excerpt'  => $this->get_customer_note( 'edit' ),
				)
			),
			true
		);
		if ( $id && ! is_wp_error( $id ) ) {
			$this->set_id( $id );
			$this->write_meta( true );
			$this->save_meta_data();
			$this->apply_changes();
			clean_post_cache( $id );
			do_action( 'woocommerce_new_order', $id, $this );
		}
	}

	/** Updates the post and changed meta; fires woocommerce_new_order or woocommerce_update_order. */
	protected function update_in_store() {
		$this->save_meta_data();
		$previous_status = $this->data['status'];
		$changes         = $this->get_changes();
		if ( null === $this->get_date_created( 'edit' ) ) {
			$this->set_date_created( time() );
		}
		$this->set_version( WC_VERSION );
		if ( array_intersect( array( 'date_created', 'date_modified', 'status', 'parent_id', 'customer_note' ), array_keys( $changes ) ) ) {
			$post_data = array(
				'post_date'         => gmdate( 'Y-m-d H:i:s', $this->get_date_created( 'edit' )->getOffsetTimestamp() ),
				'post_date_gmt'     => gmdate( 'Y-m-d H:i:s', $this->get_date_created( 'edit' )->getTimestamp() ),
				'post_status'       => $this->get_post_status(),
				'post_parent'       => $this->get_parent_id(),
				'post_excerpt'      => $this->get_customer_note( 'edit' ),
				'post_modified'     => current_time( 'mysql' ),
				'post_modified_gmt' => current_time( 'mysql', 1 ),
			);
			if ( doing_action( 'save_post' ) ) {
				$GLOBALS['wpdb']->update( $GLOBALS['wpdb']->posts, $post_data, array( 'ID' => $this->get_id() ) );
				clean_post_cache( $this->get_id() );
			} else {
				wp_update_post( array_merge( array( 'ID' => $this->get_id() ), $post_data ) );
			}
			$this->read_meta_data( true );
		}
		$this->write_meta( false );
		$this->apply_changes();
		clean_post_cache( $this->get_id() );
		$new_status = $this->get_status( 'edit' );
		if ( $new_status !== $previous_status && in_array( $previous_status, array( 'new', 'auto-draft', 'draft' ), true ) ) {
			do_action( 'woocommerce_new_order', $this->get_id(), $this );
		} else {
			do_action( 'woocommerce_update_order', $this->get_id(), $this );
		}
	}

	/**
	 * @param bool $force Write all props.
	 */
	protected function write_meta( $force ) {
		$changes = $this->get_changes();
		$updated = array();
		foreach ( $this->meta_key_to_props() as $key => $prop ) {
			if ( 0 === strpos( $prop, 'billing_' ) || 0 === strpos( $prop, 'shipping_' ) && 'shipping_total' !== $prop && 'shipping_tax' !== $prop ) {
				list( $type, $field ) = explode( '_', $prop, 2 );
				$changed              = isset( $changes[ $type ] ) && array_key_exists( $field, $changes[ $type ] );
			} else {
				$changed = array_key_exists( $prop, $changes );
			}
			if ( ! $force && ! $changed && metadata_exists( 'post', $this->get_id(), $key ) ) {
				continue;
			}
			$value = $this->{"get_$prop"}( 'edit' );
			if ( 'prices_include_tax' === $prop ) {
				$value = $value ? 'yes' : 'no';
			} elseif ( $value instanceof WC_DateTime ) {
				$value = $value->getTimestamp();
			}
			$value = is_string( $value ) ? wp_slash( $value ) : $value;
			if ( in_array( $value, array( array(), '' ), true ) || null === $value ) {
				$done = delete_post_meta( $this->get_id(), $key );
			} else {
				$done = update_post_meta( $this->get_id(), $key, $value );
			}
			if ( $done ) {
				$updated[] = $prop;
			}
		}
		foreach ( array( 'billing', 'shipping' ) as $type ) {
			if ( $force || isset( $changes[ $type ] ) ) {
				update_post_meta( $this->get_id(), "_{$type}_address_index", implode( ' ', $this->get_address( $type ) ) );
			}
		}
		do_action( 'woocommerce_order_object_updated_props', $this, $updated );
	}

	/**
	 * Trash or delete the order (and its items when deleting).
	 *
	 * @param bool $force_delete Permanently.
	 */
	protected function delete_from_store( $force_delete ) {
		global $wpdb;
		$id = $this->get_id();
		if ( $force_delete ) {
			do_action( 'woocommerce_before_delete_order', $id, $this );
			$item_ids = $wpdb->get_col( $wpdb->prepare( "SELECT order_item_id FROM {$wpdb->prefix}woocommerce_order_items WHERE order_id = %d", $id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			foreach ( $item_ids as $item_id ) {
				$wpdb->delete( $wpdb->prefix . 'woocommerce_order_itemmeta', array( 'order_item_id' => $item_id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			}
			$wpdb->delete( $wpdb->prefix . 'woocommerce_order_items', array( 'order_id' => $id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			wp_delete_post( $id, true );
			$this->set_id( 0 );
			do_action( 'woocommerce_delete_order', $id );
		} else {
			do_action( 'woocommerce_before_trash_order', $id, $this );
			wp_trash_post( $id );
			$this->set_status( 'trash' );
			do_action( 'woocommerce_trash_order', $id );
		}
	}
}
