<?php
/**
 * One meta row of a WooCommerce object (id, key, value).
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Same public surface as WooCommerce's WC_Meta_Data: ->id, ->key, ->value, get_data(), get_changes().
 */
class WC_Meta_Data implements JsonSerializable {

	/** @var array */
	protected $current_data;

	/** @var array */
	protected $data;

	/**
	 * @param array $meta id, key, value.
	 */
	public function __construct( $meta = array() ) {
		$this->current_data = array(
			'id'    => isset( $meta['id'] ) ? $meta['id'] : null,
			'key'   => isset( $meta['key'] ) ? $meta['key'] : null,
			'value' => isset( $meta['value'] ) ? $meta['value'] : null,
		);
		$this->apply_changes();
	}

	/**
	 * @return array
	 */
	#[\ReturnTypeWillChange]
	public function jsonSerialize() {
		return $this->get_data();
	}

	/** Merges changes into the stored state. */
	public function apply_changes() {
		$this->data = $this->current_data;
	}

	/**
	 * @param string $key Property.
	 * @param mixed  $value Value.
	 */
	public function __set( $key, $value ) {
		$this->current_data[ $key ] = $value;
	}

	/**
	 * @param string $key Property.
	 * @return bool
	 */
	public function __isset( $key ) {
		return array_key_exists( $key, $this->current_data );
	}

	/**
	 * @param string $key Property.
	 * @return mixed
	 */
	public function __get( $key ) {
		return array_key_exists( $key, $this->current_data ) ? $this->current_data[ $key ] : null;
	}

	/**
	 * @return array Changed properties.
	 */
	public function get_changes() {
		$changes = array();
		foreach ( $this->current_data as $id => $value ) {
			if ( ! array_key_exists( $id, $this->data ) || $value !== $this->data[ $id ] ) {
				$changes[ $id ] = $value;
			}
		}
		return $changes;
	}

	/**
	 * @return array
	 */
	public function get_data() {
		return $this->current_data;
	}
}
