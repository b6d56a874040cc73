<?php
/**
 * Variation: a product_variation post under a variable product; its attribute values are stored as
 * attribute_{name} meta (attribute_pa_color = term slug, attribute_size = text value).
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Same storage and title rules as WooCommerce's variations.
 */
class WC_Product_Variation extends WC_Product_Simple {

	/** @var string */
	protected $post_type = 'product_variation';

	/** @var array Data read from the parent. */
	protected $parent_data = array(
		'title'          => '',
		'status'         => '',
		'sku'            => '',
		'manage_stock'   => '',
		'backorders'     => '',
		'stock_quantity' => '',
		'weight'         => '',
		'length'         => '',
		'width'          => '',
		'height'         => '',
		'tax_class'      => '',
		'image_id'       => '',
	);

	/**
	 * @param int|WC_Product|object $product Id, product or post.
	 */
	public function __construct( $product = 0 ) {
		$this->data['tax_class']         = 'parent';
		$this->data['attribute_summary'] = '';
		parent::__construct( $product );
	}

	/** @return string */
	public function get_type() {
		return 'variation';
	}

	/** @return string Filters are woocommerce_product_variation_get_{prop}. */
	protected function get_hook_prefix() {
		return 'woocommerce_product_variation_get_';
	}

	/** @return string */
	protected function hook_noun() {
		return 'product_variation';
	}

	/**
	 * @param string $context view|edit.
	 * @return string
	 */
	public function get_attribute_summary( $context = 'view' ) {
		return $this->get_prop( 'attribute_summary', $context );
	}

	/** @param string $summary "Color: Red, Size: L". */
	public function set_attribute_summary( $summary ) {
		$this->set_prop( 'attribute_summary', $summary );
	}

	/**
	 * Attribute key (pa_color / size) => value (term slug / text). A "attribute_" prefix is removed.
	 *
	 * @param array $raw_attributes Attributes.
	 */
	public function set_attributes( $raw_attributes ) {
		$attributes = array();
		foreach ( (array) $raw_attributes as $key => $value ) {
			if ( 0 === strpos( $key, 'attribute_' ) ) {
				$key = substr( $key, 10 );
			}
			$attributes[ $key ] = $value;
		}
		$this->set_prop( 'attributes', $attributes );
	}

	/**
	 * @return array Variation attributes with the attribute_ prefix (as stored in meta).
	 */
	public function get_variation_attributes( $with_prefix = true ) {
		$attributes = array();
		foreach ( (array) $this->get_attributes() as $key => $value ) {
			$attributes[ $with_prefix ? 'attribute_' . $key : $key ] = $value;
		}
		return $attributes;
	}

	/** @param array $data Parent data. */
	public function set_parent_data( $data ) {
		$this->parent_data = array_merge( $this->parent_data, $data );
	}

	/** @return array */
	public function get_parent_data() {
		return $this->parent_data;
	}

	/**
	 * The variation's SKU, or the parent's when empty ('view' context).
	 *
	 * @param string $context view|edit.
	 * @return string
	 */
	public function get_sku( $context = 'view' ) {
		$value = $this->get_prop( 'sku', $context );
		if ( 'view' === $context && empty( $value ) ) {
			$value = apply_filters( $this->get_hook_prefix() . 'sku', $this->parent_data['sku'], $this );
		}
		return $value;
	}

	/**
	 * 'parent' when the parent manages stock and the variation does not ('view' context).
	 *
	 * @param string $context view|edit.
	 * @return bool|string
	 */
	public function get_manage_stock( $context = 'view' ) {
		$value = $this->get_prop( 'manage_stock', $context );
		if ( 'view' === $context && false === $value && true === wc_string_to_bool( $this->parent_data['manage_stock'] ) ) {
			$value = 'parent';
		}
		return $value;
	}

	/**
	 * @param string $context view|edit.
	 * @return string
	 */
	public function get_tax_class( $context = 'view' ) {
		$value = $this->get_prop( 'tax_class', $context );
		if ( 'view' === $context && 'parent' === $value ) {
			$value = $this->parent_data['tax_class'];
		}
		return $value;
	}

	/**
	 * Accepts 'parent' like WooCommerce.
	 *
	 * @param string $class Tax class.
	 */
	public function set_tax_class( $class ) {
		if ( 'parent' === $class ) {
			$this->set_prop( 'tax_class', 'parent' );
			return;
		}
		parent::set_tax_class( $class );
	}

	/** @return int */
	public function get_stock_managed_by_id() {
		return 'parent' === $this->get_manage_stock() ? $this->get_parent_id() : $this->get_id();
	}

	/** @return string */
	public function get_permalink() {
		return get_permalink( $this->get_parent_id() );
	}

	/**
	 * @return string
	 */
	public function get_formatted_name() {
		$identifier = $this->get_sku() ? $this->get_sku() : '#' . $this->get_id();
		return sprintf( '%2$s (%1$s)', $identifier, $this->get_name() );
	}

	/** Variations never sync stock status from children. */
	public function validate_props() {
		$manage = $this->get_prop( 'manage_stock', 'edit' );
		if ( ! $manage ) {
			$this->set_stock_quantity( '' );
			$this->set_backorders( 'no' );
			$this->set_low_stock_amount( '' );
			return;
		}
		parent::validate_props();
	}

	/*
	|--------------------------------------------------------------------------
	| Storage
	|--------------------------------------------------------------------------
	*/

	/** @return array */
	protected function get_post_data() {
		return array(
			'post_type'      => 'product_variation',
			'post_status'    => $this->get_status( 'edit' ) ? $this->get_status( 'edit' ) : 'publish',
			'post_title'     => $this->get_name( 'edit' ),
			'post_excerpt'   => $this->get_attribute_summary( 'edit' ),
			'post_content'   => '',
			'post_parent'    => $this->get_parent_id( 'edit' ),
			'comment_status' => 'closed',
			'menu_order'     => $this->get_menu_order( 'edit' ),
			'post_name'      => $this->get_slug( 'edit' ),
		);
	}

	/** @return string[] */
	protected function post_fields_props() {
		return array( 'name', 'parent_id', 'status', 'menu_order', 'date_created', 'date_modified', 'attributes' );
	}

	/** Title and summary are derived, the parent must be a product. */
	protected function prepare_for_store() {
		$title = $this->generate_title();
		if ( $this->get_name( 'edit' ) !== $title ) {
			$this->set_name( $title );
		}
		if ( $this->get_parent_id( 'edit' ) && 'product' !== get_post_type( $this->get_parent_id( 'edit' ) ) ) {
			$this->set_parent_id( 0 );
		}
	}

	/** @inheritDoc */
	protected function create_in_store() {
		if ( ! $this->get_date_created( 'edit' ) ) {
			$this->set_date_created( time() );
		}
		$this->prepare_for_store();
		$this->set_attribute_summary( $this->generate_attribute_summary() );
		parent::create_in_store();
	}

	/** @inheritDoc */
	protected function update_in_store() {
		if ( ! $this->get_date_created( 'edit' ) ) {
			$this->set_date_created( time() );
		}
		$this->prepare_for_store();
		if ( array_key_exists( 'attributes', $this->get_changes() ) ) {
			$this->set_attribute_summary( $this->generate_attribute_summary() );
		}
		parent::update_in_store();
	}

	/** Variation posts get a guid of the form {home}/?post_type=product_variation&p={id}. */
	protected function after_create() {
		global $wpdb;
		$guid = home_url(
			add_query_arg(
				array(
					'post_type' => 'product_variation',
					'p'         => $this->get_id(),
				),
				''
			)
		);
		$wpdb->update( $wpdb->posts, array( 'guid' => $guid ), array( 'ID' => $this->get_id() ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		clean_post_cache( $this->get_id() );
	}

	/**
	 * "Parent title - Value, Value" unless the variation has 3+ attributes, or 2 with a dashed name.
	 *
	 * @return string
	 */
	protected function generate_title() {
		$attributes = (array) $this->get_attributes();
		$include    = count( $attributes ) < 3;
		if ( $include && 1 < count( $attributes ) ) {
			foreach ( $attributes as $name => $value ) {
				if ( false !== strpos( $name, '-' ) ) {
					$include = false;
					break;
				}
			}
		}
		$include = apply_filters( 'woocommerce_product_variation_title_include_attributes', $include, $this );
		$sep     = apply_filters( 'woocommerce_product_variation_title_attributes_separator', ' - ', $this );
		$base    = get_post_field( 'post_title', $this->get_parent_id() );
		$suffix  = $include ? $this->format_attributes( false ) : '';
		return apply_filters( 'woocommerce_product_variation_title', $suffix ? $base . $sep . $suffix : $base, $this, $base, $suffix );
	}

	/** @return string "Label: Value, Label: Value" */
	protected function generate_attribute_summary() {
		return $this->format_attributes( true );
	}

	/**
	 * Flat attribute text as wc_get_formatted_variation( $this, true, $with_labels ) gives it.
	 *
	 * @param bool $with_labels Prefix labels.
	 * @return string
	 */
	protected function format_attributes( $with_labels ) {
		return wc_get_formatted_variation( $this, true, $with_labels );
	}

	/** Variations use _variation_description for the description. */
	protected function write_post_meta( $force ) {
		if ( $force || array_key_exists( 'description', $this->get_changes() ) || ! metadata_exists( 'post', $this->get_id(), '_variation_description' ) ) {
			if ( update_post_meta( $this->get_id(), '_variation_description', $this->get_description( 'edit' ) ) ) {
				$this->updated_props[] = 'description';
			}
		}
		parent::write_post_meta( $force );
	}

	/** Only the shipping class term. */
	protected function write_terms( $force ) {
		if ( $force || array_key_exists( 'shipping_class_id', $this->get_changes() ) ) {
			wp_set_post_terms( $this->get_id(), array( $this->get_shipping_class_id( 'edit' ) ), 'product_shipping_class', false );
		}
	}

	/** Only "outofstock"; WooCommerce rewrites it on every update. */
	protected function write_visibility( $force ) {
		$terms = array();
		if ( 'outofstock' === $this->get_stock_status() ) {
			$terms[] = 'outofstock';
		}
		wp_set_post_terms( $this->get_id(), $terms, 'product_visibility', false );
	}

	/** attribute_{key} meta; attribute_* rows no longer present are deleted. */
	protected function write_attributes( $force ) {
		if ( ! $force && ! array_key_exists( 'attributes', $this->get_changes() ) ) {
			return;
		}
		global $wpdb;
		$keep = array();
		foreach ( (array) $this->get_attributes() as $key => $value ) {
			update_post_meta( $this->get_id(), 'attribute_' . $key, wp_slash( $value ) );
			$keep[] = 'attribute_' . $key;
		}
		$existing = $wpdb->get_col( $wpdb->prepare( "SELECT meta_key FROM {$wpdb->postmeta} WHERE meta_key LIKE %s AND post_id = %d", $wpdb->esc_like( 'attribute_' ) . '%', $this->get_id() ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		foreach ( array_diff( $existing, $keep ) as $key ) {
			delete_post_meta( $this->get_id(), $key );
		}
	}

	/** Variations carry no product_type term. */
	protected function write_version_and_type() {
		wp_set_object_terms( $this->get_id(), '', 'product_type' );
		update_post_meta( $this->get_id(), '_product_version', WC_VERSION );
	}

	/** Meta that belongs to variation props. */
	protected function is_hidden_meta_key( $key ) {
		return parent::is_hidden_meta_key( $key ) || 0 === strpos( $key, 'attribute_' );
	}

	/** Reads variation props, the parent data and attribute_* meta. */
	protected function read_from_store() {
		$this->set_defaults();
		$post = get_post( $this->get_id() );
		if ( ! $this->get_id() || ! $post || 'product_variation' !== $post->post_type ) {
			throw new Exception( 'Invalid product.' );
		}
		if ( ! $post->post_parent || 'product' !== get_post_type( $post->post_parent ) ) {
			throw new Exception( 'Invalid parent for variation.' );
		}
		$id = $this->get_id();
		$this->set_props(
			array(
				'name'              => $post->post_title,
				'slug'              => $post->post_name,
				'date_created'      => $this->string_to_timestamp( $post->post_date_gmt ),
				'date_modified'     => $this->string_to_timestamp( $post->post_modified_gmt ),
				'status'            => $post->post_status,
				'menu_order'        => $post->menu_order,
				'reviews_allowed'   => 'open' === $post->comment_status,
				'parent_id'         => $post->post_parent,
				'attribute_summary' => $post->post_excerpt,
			)
		);
		$attributes = array();
		foreach ( get_post_meta( $id ) as $key => $values ) {
			if ( 0 === strpos( $key, 'attribute_' ) ) {
				$attributes[ substr( $key, 10 ) ] = $values[0];
			}
		}
		$this->set_attributes( $attributes );
		$this->set_props(
			array(
				'description'       => get_post_meta( $id, '_variation_description', true ),
				'regular_price'     => get_post_meta( $id, '_regular_price', true ),
				'sale_price'        => get_post_meta( $id, '_sale_price', true ),
				'date_on_sale_from' => get_post_meta( $id, '_sale_price_dates_from', true ),
				'date_on_sale_to'   => get_post_meta( $id, '_sale_price_dates_to', true ),
				'manage_stock'      => get_post_meta( $id, '_manage_stock', true ),
				'stock_status'      => get_post_meta( $id, '_stock_status', true ),
				'low_stock_amount'  => get_post_meta( $id, '_low_stock_amount', true ),
				'shipping_class_id' => current( $this->get_term_ids( 'product_shipping_class' ) ),
				'virtual'           => get_post_meta( $id, '_virtual', true ),
				'downloadable'      => get_post_meta( $id, '_downloadable', true ),
				'gallery_image_ids' => array_filter( explode( ',', (string) get_post_meta( $id, '_product_image_gallery', true ) ) ),
				'image_id'          => get_post_thumbnail_id( $id ),
				'backorders'        => get_post_meta( $id, '_backorders', true ),
				'sku'               => get_post_meta( $id, '_sku', true ),
				'stock_quantity'    => get_post_meta( $id, '_stock', true ),
				'weight'            => get_post_meta( $id, '_weight', true ),
				'length'            => get_post_meta( $id, '_length', true ),
				'width'             => get_post_meta( $id, '_width', true ),
				'height'            => get_post_meta( $id, '_height', true ),
				'tax_class'         => ! metadata_exists( 'post', $id, '_tax_class' ) ? 'parent' : get_post_meta( $id, '_tax_class', true ),
			)
		);
		if ( $this->is_on_sale( 'edit' ) ) {
			$this->set_price( $this->get_sale_price( 'edit' ) );
		} else {
			$this->set_price( $this->get_regular_price( 'edit' ) );
		}
		$parent_id = $this->get_parent_id();
		$parent    = get_post( $parent_id );
		$this->set_parent_data(
			array(
				'title'          => $parent ? $parent->post_title : '',
				'status'         => $parent ? $parent->post_status : '',
				'sku'            => get_post_meta( $parent_id, '_sku', true ),
				'manage_stock'   => get_post_meta( $parent_id, '_manage_stock', true ),
				'backorders'     => get_post_meta( $parent_id, '_backorders', true ),
				'stock_quantity' => wc_stock_amount( get_post_meta( $parent_id, '_stock', true ) ),
				'weight'         => get_post_meta( $parent_id, '_weight', true ),
				'length'         => get_post_meta( $parent_id, '_length', true ),
				'width'          => get_post_meta( $parent_id, '_width', true ),
				'height'         => get_post_meta( $parent_id, '_height', true ),
				'tax_class'      => get_post_meta( $parent_id, '_tax_class', true ),
				'image_id'       => get_post_thumbnail_id( $parent_id ),
			)
		);
		$this->set_tax_status( get_post_meta( $parent_id, '_tax_status', true ) );
		$this->set_object_read( true );
		do_action( 'woocommerce_product_read', $this->get_id() );
	}
}
