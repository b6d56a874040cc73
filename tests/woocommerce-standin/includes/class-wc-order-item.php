<?php
/**
 * Order item base: a row of {prefix}woocommerce_order_items with meta in woocommerce_order_itemmeta.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Same storage as WooCommerce's order items (order_item_name, order_item_type, order_id).
 */
class WC_Order_Item extends WC_Data implements ArrayAccess {

	/** @var string */
	protected $object_type = 'order_item';

	/** @var string */
	protected $meta_type = 'order_item';

	/** @var array */
	protected $data = array(
		'order_id' => 0,
		'name'     => '',
	);

	/** @var string[] Item meta keys that are props (subclasses add theirs). */
	protected $internal_meta_keys = array();

	/**
	 * @param int|object|array $item Id, row or item.
	 */
	public function __construct( $item = 0 ) {
		parent::__construct( $item );
		if ( $item instanceof WC_Order_Item ) {
			$this->set_id( $item->get_id() );
		} elseif ( is_numeric( $item ) && $item > 0 ) {
			$this->set_id( $item );
		} else {
			$this->set_object_read( true );
		}
		if ( $this->get_id() > 0 ) {
			$this->read_from_store();
		}
	}

	/** @return string line_item|shipping|fee */
	public function get_type() {
		return '';
	}

	/**
	 * @param string|string[] $type Type(s).
	 * @return bool
	 */
	public function is_type( $type ) {
		return is_array( $type ) ? in_array( $this->get_type(), $type, true ) : $type === $this->get_type();
	}

	public function get_order_id( $context = 'view' ) {
		return $this->get_prop( 'order_id', $context );
	}

	public function get_name( $context = 'view' ) {
		return $this->get_prop( 'name', $context );
	}

	/** @return WC_Order|false */
	public function get_order() {
		return wc_get_order( $this->get_order_id() );
	}

	/** @return int|float */
	public function get_quantity() {
		return 1;
	}

	/** @return string */
	public function get_tax_status() {
		return 'taxable';
	}

	/** @return string */
	public function get_tax_class() {
		return '';
	}

	public function set_order_id( $value ) {
		$this->set_prop( 'order_id', absint( $value ) );
	}

	public function set_name( $value ) {
		$this->set_prop( 'name', wp_check_invalid_utf8( (string) $value ) );
	}

	/**
	 * Item meta key => prop, written on save.
	 *
	 * @return array<string, string>
	 */
	protected function meta_key_to_props() {
		return array();
	}

	/** Reads the row and the prop meta. */
	protected function read_from_store() {
		global $wpdb;
		$this->set_defaults();
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT order_id, order_item_name, order_item_type FROM {$wpdb->prefix}woocommerce_order_items WHERE order_item_id = %d LIMIT 1;", $this->get_id() ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		if ( ! $row ) {
			throw new Exception( 'Invalid order item.' );
		}
		$this->set_props(
			array(
				'order_id' => $row->order_id,
				'name'     => $row->order_item_name,
			)
		);
		$props = array();
		foreach ( $this->meta_key_to_props() as $key => $prop ) {
			$props[ $prop ] = get_metadata( 'order_item', $this->get_id(), $key, true );
		}
		$this->set_props( $props );
		$this->set_object_read( true );
	}

	/** Inserts the row, writes prop meta and meta data, fires woocommerce_new_order_item. */
	protected function create_in_store() {
		global $wpdb;
		$wpdb->insert( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$wpdb->prefix . 'woocommerce_order_items',
			array(
				'order_item_name' => $this->get_name(),
				'order_item_type' => $this->get_type(),
				'order_id'        => $this->get_order_id(),
			)
		);
		$this->set_id( $wpdb->insert_id );
		$this->write_item_meta();
		$this->save_meta_data();
		$this->apply_changes();
		wp_cache_delete( 'item-' . $this->get_id(), 'order-items' );
		do_action( 'woocommerce_new_order_item', $this->get_id(), $this, $this->get_order_id() );
	}

	/** Updates the row when needed, writes prop meta and meta data, fires woocommerce_update_order_item. */
	protected function update_in_store() {
		global $wpdb;
		$changes = $this->get_changes();
		if ( array_intersect( array( 'name', 'order_id' ), array_keys( $changes ) ) ) {
			$wpdb->update( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
				$wpdb->prefix . 'woocommerce_order_items',
				array(
					'order_item_name' => $this->get_name(),
					'order_item_type' => $this->get_type(),
					'order_id'        => $this->get_order_id(),
				),
				array( 'order_item_id' => $this->get_id() )
			);
		}
		$this->write_item_meta();
		$this->save_meta_data();
		$this->apply_changes();
		do_action( 'woocommerce_update_order_item', $this->get_id(), $this, $this->get_order_id() );
	}

	/** Prop meta with update_metadata (WooCommerce writes every prop key). */
	protected function write_item_meta() {
		foreach ( $this->meta_key_to_props() as $key => $prop ) {
			update_metadata( 'order_item', $this->get_id(), $key, $this->{"get_$prop"}( 'edit' ) );
		}
	}

	/**
	 * @param bool $force_delete Unused (items are always deleted).
	 */
	protected function delete_from_store( $force_delete ) {
		global $wpdb;
		$id = $this->get_id();
		do_action( 'woocommerce_before_delete_order_item', $id );
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->prefix}woocommerce_order_items WHERE order_item_id = %d", $id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->prefix}woocommerce_order_itemmeta WHERE order_item_id = %d", $id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		do_action( 'woocommerce_delete_order_item', $id );
		$this->set_id( 0 );
	}

	/**
	 * Item meta of a given key (alias used by templates).
	 *
	 * @param string $hideprefix Unused.
	 * @return array
	 */
	public function get_formatted_meta_data( $hideprefix = '_' ) {
		$formatted = array();
		foreach ( $this->get_meta_data() as $meta ) {
			if ( '' === $meta->value || is_array( $meta->value ) || ( $hideprefix && 0 === strpos( $meta->key, $hideprefix ) ) ) {
				continue;
			}
			$formatted[ $meta->id ] = (object) array(
				'key'           => $meta->key,
				'value'         => $meta->value,
				'display_key'   => wc_attribute_label( $meta->key ),
				'display_value' => $meta->value,
			);
		}
		return $formatted;
	}

	/**
	 * @param mixed $offset Key.
	 * @return mixed
	 */
	#[\ReturnTypeWillChange]
	public function offsetGet( $offset ) {
		if ( 'item_meta_array' === $offset ) {
			return array();
		}
		if ( array_key_exists( $offset, $this->data ) ) {
			return $this->get_prop( $offset, 'view' );
		}
		return $this->get_meta( $offset );
	}

	/**
	 * @param mixed $offset Key.
	 * @param mixed $value Value.
	 */
	#[\ReturnTypeWillChange]
	public function offsetSet( $offset, $value ) {
		if ( array_key_exists( $offset, $this->data ) ) {
			$setter = "set_$offset";
			if ( is_callable( array( $this, $setter ) ) ) {
				$this->$setter( $value );
			}
			return;
		}
		$this->update_meta_data( $offset, $value );
	}

	/**
	 * @param mixed $offset Key.
	 */
	#[\ReturnTypeWillChange]
	public function offsetUnset( $offset ) {
		$this->delete_meta_data( $offset );
	}

	/**
	 * @param mixed $offset Key.
	 * @return bool
	 */
	#[\ReturnTypeWillChange]
	public function offsetExists( $offset ) {
		return array_key_exists( $offset, $this->data ) || $this->meta_exists( $offset );
	}
}
