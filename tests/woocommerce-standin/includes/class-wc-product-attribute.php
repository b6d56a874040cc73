<?php
/**
 * A product's attribute (taxonomy `pa_*` when id > 0, else a custom text attribute).
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Same surface as WooCommerce's WC_Product_Attribute, including array access ($attribute['is_variation']).
 */
class WC_Product_Attribute implements ArrayAccess {

	/** @var array */
	protected $data = array(
		'id'        => 0,
		'name'      => '',
		'options'   => array(),
		'position'  => 0,
		'visible'   => false,
		'variation' => false,
	);

	/**
	 * Taxonomy attributes have the attribute's id (> 0).
	 *
	 * @return bool
	 */
	public function is_taxonomy() {
		return 0 < $this->get_id();
	}

	/**
	 * @return string
	 */
	public function get_taxonomy() {
		return $this->is_taxonomy() ? $this->get_name() : '';
	}

	/**
	 * @return object|null Row of woocommerce_attribute_taxonomies.
	 */
	public function get_taxonomy_object() {
		global $wc_product_attributes;
		return $this->is_taxonomy() && isset( $wc_product_attributes[ $this->get_name() ] ) ? $wc_product_attributes[ $this->get_name() ] : null;
	}

	/**
	 * Terms of a taxonomy attribute; int options are term ids, strings are term names (created when missing).
	 *
	 * @return WP_Term[]|null
	 */
	public function get_terms() {
		if ( ! $this->is_taxonomy() || ! taxonomy_exists( $this->get_name() ) ) {
			return null;
		}
		$terms = array();
		foreach ( $this->get_options() as $option ) {
			$term = $this->find_term( $option );
			if ( $term ) {
				$terms[] = $term;
			}
		}
		return $terms;
	}

	/**
	 * @return string[] Term slugs for taxonomy attributes, else the options.
	 */
	public function get_slugs() {
		if ( ! $this->is_taxonomy() || ! taxonomy_exists( $this->get_name() ) ) {
			return $this->get_options();
		}
		$slugs = array();
		foreach ( $this->get_options() as $option ) {
			$term = $this->find_term( $option );
			if ( $term ) {
				$slugs[] = $term->slug;
			}
		}
		return $slugs;
	}

	/**
	 * @param int|string $option Term id or name.
	 * @return WP_Term|null
	 */
	private function find_term( $option ) {
		if ( is_int( $option ) ) {
			$term = get_term_by( 'id', $option, $this->get_name() );
		} else {
			$term = get_term_by( 'name', $option, $this->get_name() );
			if ( ! $term || is_wp_error( $term ) ) {
				$new  = wp_insert_term( $option, $this->get_name() );
				$term = is_wp_error( $new ) ? false : get_term_by( 'id', $new['term_id'], $this->get_name() );
			}
		}
		return $term && ! is_wp_error( $term ) ? $term : null;
	}

	/**
	 * @return array
	 */
	public function get_data() {
		return array_merge(
			$this->data,
			array(
				'is_visible'   => $this->get_visible() ? 1 : 0,
				'is_variation' => $this->get_variation() ? 1 : 0,
				'is_taxonomy'  => $this->is_taxonomy() ? 1 : 0,
				'value'        => $this->is_taxonomy() ? '' : wc_implode_text_attributes( $this->get_options() ),
			)
		);
	}

	/** @param int $value Attribute id (0 for custom attributes). */
	public function set_id( $value ) {
		$this->data['id'] = absint( $value );
	}

	/** @param string $value Name (taxonomy name such as pa_color, or a label). */
	public function set_name( $value ) {
		$this->data['name'] = $value;
	}

	/** @param array $value Options (term ids for taxonomies). */
	public function set_options( $value ) {
		$this->data['options'] = $value;
	}

	/** @param int $value Position. */
	public function set_position( $value ) {
		$this->data['position'] = absint( $value );
	}

	/** @param bool $value Visible on the product page. */
	public function set_visible( $value ) {
		$this->data['visible'] = wc_string_to_bool( $value );
	}

	/** @param bool $value Used for variations. */
	public function set_variation( $value ) {
		$this->data['variation'] = wc_string_to_bool( $value );
	}

	/** @return int */
	public function get_id() {
		return $this->data['id'];
	}

	/** @return string */
	public function get_name() {
		return $this->data['name'];
	}

	/** @return array */
	public function get_options() {
		return $this->data['options'];
	}

	/** @return int */
	public function get_position() {
		return $this->data['position'];
	}

	/** @return bool */
	public function get_visible() {
		return $this->data['visible'];
	}

	/** @return bool */
	public function get_variation() {
		return $this->data['variation'];
	}

	/**
	 * @param mixed $offset Key.
	 * @return mixed
	 */
	#[\ReturnTypeWillChange]
	public function offsetGet( $offset ) {
		switch ( $offset ) {
			case 'is_variation':
				return $this->get_variation() ? 1 : 0;
			case 'is_visible':
				return $this->get_visible() ? 1 : 0;
			case 'is_taxonomy':
				return $this->is_taxonomy() ? 1 : 0;
			case 'value':
				return $this->is_taxonomy() ? '' : wc_implode_text_attributes( $this->get_options() );
			default:
				if ( is_callable( array( $this, "get_$offset" ) ) ) {
					return $this->{"get_$offset"}();
				}
		}
		return '';
	}

	/**
	 * @param mixed $offset Key.
	 * @param mixed $value Value.
	 */
	#[\ReturnTypeWillChange]
	public function offsetSet( $offset, $value ) {
		switch ( $offset ) {
			case 'is_variation':
				$this->set_variation( $value );
				break;
			case 'is_visible':
				$this->set_visible( $value );
				break;
			case 'value':
				$this->set_options( $value );
				break;
			default:
				if ( is_callable( array( $this, "set_$offset" ) ) ) {
					$this->{"set_$offset"}( $value );
				}
		}
	}

	/**
	 * @param mixed $offset Key.
	 */
	#[\ReturnTypeWillChange]
	public function offsetUnset( $offset ) {
	}

	/**
	 * @param mixed $offset Key.
	 * @return bool
	 */
	#[\ReturnTypeWillChange]
	public function offsetExists( $offset ) {
		return in_array( $offset, array_merge( array( 'is_variation', 'is_visible', 'is_taxonomy', 'value' ), array_keys( $this->data ) ), true );
	}
}
