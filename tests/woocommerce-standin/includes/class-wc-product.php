<?php
/**
 * Abstract product: props, getters/setters and the post/meta/term storage WooCommerce uses
 * (see the meta key map below; it matches WooCommerce 8.9's product data store).
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Base of simple, variable and variation products.
 */
class WC_Product extends WC_Data {

	/** @var string */
	protected $object_type = 'product';

	/** @var string */
	protected $post_type = 'product';

	/** @var array */
	protected $data = array(
		'name'               => '',
		'slug'               => '',
		'date_created'       => null,
		'date_modified'      => null,
		'status'             => false,
		'featured'           => false,
		'catalog_visibility' => 'visible',
		'description'        => '',
		'short_description'  => '',
		'sku'                => '',
		'price'              => '',
		'regular_price'      => '',
		'sale_price'         => '',
		'date_on_sale_from'  => null,
		'date_on_sale_to'    => null,
		'total_sales'        => '0',
		'tax_status'         => 'taxable',
		'tax_class'          => '',
		'manage_stock'       => false,
		'stock_quantity'     => null,
		'stock_status'       => 'instock',
		'backorders'         => 'no',
		'low_stock_amount'   => '',
		'sold_individually'  => false,
		'weight'             => '',
		'length'             => '',
		'width'              => '',
		'height'             => '',
		'upsell_ids'         => array(),
		'cross_sell_ids'     => array(),
		'parent_id'          => 0,
		'reviews_allowed'    => true,
		'purchase_note'      => '',
		'attributes'         => array(),
		'default_attributes' => array(),
		'menu_order'         => 0,
		'post_password'      => '',
		'virtual'            => false,
		'downloadable'       => false,
		'category_ids'       => array(),
		'tag_ids'            => array(),
		'shipping_class_id'  => 0,
		'downloads'          => array(),
		'image_id'           => '',
		'gallery_image_ids'  => array(),
		'download_limit'     => -1,
		'download_expiry'    => -1,
		'rating_counts'      => array(),
		'average_rating'     => 0,
		'review_count'       => 0,
	);

	/** @var string[] Meta keys that hold props (never returned by get_meta_data()). */
	protected $internal_meta_keys = array( '_visibility', '_sku', '_price', '_regular_price', '_sale_price', '_sale_price_dates_from', '_sale_price_dates_to', 'total_sales', '_tax_status', '_tax_class', '_manage_stock', '_stock', '_stock_status', '_backorders', '_low_stock_amount', '_sold_individually', '_weight', '_length', '_width', '_height', '_upsell_ids', '_crosssell_ids', '_purchase_note', '_default_attributes', '_product_attributes', '_virtual', '_downloadable', '_download_limit', '_download_expiry', '_featured', '_downloadable_files', '_wc_rating_count', '_wc_average_rating', '_wc_review_count', '_variation_description', '_thumbnail_id', '_file_paths', '_product_image_gallery', '_product_version', '_wp_old_slug', '_edit_last', '_edit_lock' );

	/** @var string[] Meta keys must exist even when empty. */
	protected $must_exist_meta_keys = array( '_tax_class' );

	/** @var string[] Props written during the current save. */
	protected $updated_props = array();

	/**
	 * @param int|WC_Product|object $product Id, product or post to read; 0 for a new product.
	 */
	public function __construct( $product = 0 ) {
		parent::__construct( $product );
		if ( is_numeric( $product ) && $product > 0 ) {
			$this->set_id( $product );
		} elseif ( $product instanceof self ) {
			$this->set_id( absint( $product->get_id() ) );
		} elseif ( is_object( $product ) && ! empty( $product->ID ) ) {
			$this->set_id( absint( $product->ID ) );
		} else {
			$this->set_object_read( true );
		}
		if ( $this->get_id() > 0 ) {
			$this->read_from_store();
		}
	}

	/**
	 * @return string simple|variable|variation
	 */
	public function get_type() {
		return 'simple';
	}

	/**
	 * @param string|string[] $type Type(s).
	 * @return bool
	 */
	public function is_type( $type ) {
		return ( $this->get_type() === $type || ( is_array( $type ) && in_array( $this->get_type(), $type, true ) ) );
	}

	/*
	|--------------------------------------------------------------------------
	| Getters
	|--------------------------------------------------------------------------
	*/

	public function get_name( $context = 'view' ) {
		return $this->get_prop( 'name', $context );
	}

	public function get_slug( $context = 'view' ) {
		return $this->get_prop( 'slug', $context );
	}

	public function get_date_created( $context = 'view' ) {
		return $this->get_prop( 'date_created', $context );
	}

	public function get_date_modified( $context = 'view' ) {
		return $this->get_prop( 'date_modified', $context );
	}

	public function get_status( $context = 'view' ) {
		return $this->get_prop( 'status', $context );
	}

	public function get_featured( $context = 'view' ) {
		return $this->get_prop( 'featured', $context );
	}

	public function get_catalog_visibility( $context = 'view' ) {
		return $this->get_prop( 'catalog_visibility', $context );
	}

	public function get_description( $context = 'view' ) {
		return $this->get_prop( 'description', $context );
	}

	public function get_short_description( $context = 'view' ) {
		return $this->get_prop( 'short_description', $context );
	}

	public function get_sku( $context = 'view' ) {
		return $this->get_prop( 'sku', $context );
	}

	public function get_price( $context = 'view' ) {
		return $this->get_prop( 'price', $context );
	}

	public function get_regular_price( $context = 'view' ) {
		return $this->get_prop( 'regular_price', $context );
	}

	public function get_sale_price( $context = 'view' ) {
		return $this->get_prop( 'sale_price', $context );
	}

	public function get_date_on_sale_from( $context = 'view' ) {
		return $this->get_prop( 'date_on_sale_from', $context );
	}

	public function get_date_on_sale_to( $context = 'view' ) {
		return $this->get_prop( 'date_on_sale_to', $context );
	}

	public function get_total_sales( $context = 'view' ) {
		return $this->get_prop( 'total_sales', $context );
	}

	public function get_tax_status( $context = 'view' ) {
		return $this->get_prop( 'tax_status', $context );
	}

	public function get_tax_class( $context = 'view' ) {
		return $this->get_prop( 'tax_class', $context );
	}

	public function get_manage_stock( $context = 'view' ) {
		return $this->get_prop( 'manage_stock', $context );
	}

	public function get_stock_quantity( $context = 'view' ) {
		return $this->get_prop( 'stock_quantity', $context );
	}

	public function get_stock_status( $context = 'view' ) {
		return $this->get_prop( 'stock_status', $context );
	}

	public function get_backorders( $context = 'view' ) {
		return $this->get_prop( 'backorders', $context );
	}

	public function get_low_stock_amount( $context = 'view' ) {
		return $this->get_prop( 'low_stock_amount', $context );
	}

	public function get_sold_individually( $context = 'view' ) {
		return $this->get_prop( 'sold_individually', $context );
	}

	public function get_weight( $context = 'view' ) {
		return $this->get_prop( 'weight', $context );
	}

	public function get_length( $context = 'view' ) {
		return $this->get_prop( 'length', $context );
	}

	public function get_width( $context = 'view' ) {
		return $this->get_prop( 'width', $context );
	}

	public function get_height( $context = 'view' ) {
		return $this->get_prop( 'height', $context );
	}

	public function get_upsell_ids( $context = 'view' ) {
		return $this->get_prop( 'upsell_ids', $context );
	}

	public function get_cross_sell_ids( $context = 'view' ) {
		return $this->get_prop( 'cross_sell_ids', $context );
	}

	public function get_parent_id( $context = 'view' ) {
		return $this->get_prop( 'parent_id', $context );
	}

	public function get_reviews_allowed( $context = 'view' ) {
		return $this->get_prop( 'reviews_allowed', $context );
	}

	public function get_purchase_note( $context = 'view' ) {
		return $this->get_prop( 'purchase_note', $context );
	}

	/**
	 * @param string $context view|edit.
	 * @return WC_Product_Attribute[] keyed by sanitized name.
	 */
	public function get_attributes( $context = 'view' ) {
		return $this->get_prop( 'attributes', $context );
	}

	public function get_default_attributes( $context = 'view' ) {
		return $this->get_prop( 'default_attributes', $context );
	}

	public function get_menu_order( $context = 'view' ) {
		return $this->get_prop( 'menu_order', $context );
	}

	public function get_post_password( $context = 'view' ) {
		return $this->get_prop( 'post_password', $context );
	}

	public function get_category_ids( $context = 'view' ) {
		return $this->get_prop( 'category_ids', $context );
	}

	public function get_tag_ids( $context = 'view' ) {
		return $this->get_prop( 'tag_ids', $context );
	}

	public function get_shipping_class_id( $context = 'view' ) {
		return $this->get_prop( 'shipping_class_id', $context );
	}

	public function get_virtual( $context = 'view' ) {
		return $this->get_prop( 'virtual', $context );
	}

	public function get_downloadable( $context = 'view' ) {
		return $this->get_prop( 'downloadable', $context );
	}

	public function get_downloads( $context = 'view' ) {
		return $this->get_prop( 'downloads', $context );
	}

	public function get_download_limit( $context = 'view' ) {
		return $this->get_prop( 'download_limit', $context );
	}

	public function get_download_expiry( $context = 'view' ) {
		return $this->get_prop( 'download_expiry', $context );
	}

	public function get_image_id( $context = 'view' ) {
		return $this->get_prop( 'image_id', $context );
	}

	public function get_gallery_image_ids( $context = 'view' ) {
		return $this->get_prop( 'gallery_image_ids', $context );
	}

	public function get_rating_counts( $context = 'view' ) {
		return $this->get_prop( 'rating_counts', $context );
	}

	public function get_average_rating( $context = 'view' ) {
		return $this->get_prop( 'average_rating', $context );
	}

	public function get_review_count( $context = 'view' ) {
		return $this->get_prop( 'review_count', $context );
	}

	/**
	 * Value of one attribute as text (term names joined with ", " for taxonomies).
	 *
	 * @param string $attribute Attribute name.
	 * @return string
	 */
	public function get_attribute( $attribute ) {
		$attributes = $this->get_attributes();
		$attribute  = sanitize_title( $attribute );
		if ( isset( $attributes[ $attribute ] ) ) {
			$object = $attributes[ $attribute ];
		} elseif ( isset( $attributes[ 'pa_' . $attribute ] ) ) {
			$object = $attributes[ 'pa_' . $attribute ];
		} else {
			return '';
		}
		if ( $object->is_taxonomy() ) {
			$terms = $object->get_terms();
			return $terms ? implode( ', ', wp_list_pluck( $terms, 'name' ) ) : '';
		}
		return wc_implode_text_attributes( $object->get_options() );
	}

	/*
	|--------------------------------------------------------------------------
	| Setters
	|--------------------------------------------------------------------------
	*/

	public function set_name( $name ) {
		$this->set_prop( 'name', $name );
	}

	public function set_slug( $slug ) {
		$this->set_prop( 'slug', $slug );
	}

	public function set_date_created( $date = null ) {
		$this->set_date_prop( 'date_created', $date );
	}

	public function set_date_modified( $date = null ) {
		$this->set_date_prop( 'date_modified', $date );
	}

	public function set_status( $status ) {
		$this->set_prop( 'status', $status );
	}

	public function set_featured( $featured ) {
		$this->set_prop( 'featured', wc_string_to_bool( $featured ) );
	}

	/**
	 * @param string $visibility visible|catalog|search|hidden.
	 * @throws WC_Data_Exception On an invalid value.
	 */
	public function set_catalog_visibility( $visibility ) {
		if ( ! in_array( $visibility, array( 'visible', 'catalog', 'search', 'hidden' ), true ) ) {
			$this->error( 'product_invalid_catalog_visibility', 'Invalid catalog visibility option.' );
		}
		$this->set_prop( 'catalog_visibility', $visibility );
	}

	public function set_description( $description ) {
		$this->set_prop( 'description', $description );
	}

	public function set_short_description( $short_description ) {
		$this->set_prop( 'short_description', $short_description );
	}

	/**
	 * @param string $sku SKU; must be unique among products and variations (WooCommerce checks it once read).
	 * @throws WC_Data_Exception When another product has the SKU.
	 */
	public function set_sku( $sku ) {
		$sku = (string) $sku;
		if ( $this->get_object_read() && ! empty( $sku ) && ! wc_product_has_unique_sku( $this->get_id(), $sku ) ) {
			$this->error(
				'product_invalid_sku',
				'Invalid or duplicated SKU.',
				400,
				array( 'resource_id' => wc_get_product_id_by_sku( $sku ) )
			);
		}
		$this->set_prop( 'sku', $sku );
	}

	public function set_price( $price ) {
		$this->set_prop( 'price', wc_format_decimal( $price ) );
	}

	public function set_regular_price( $price ) {
		$this->set_prop( 'regular_price', wc_format_decimal( $price ) );
	}

	public function set_sale_price( $price ) {
		$this->set_prop( 'sale_price', wc_format_decimal( $price ) );
	}

	public function set_date_on_sale_from( $date = null ) {
		$this->set_date_prop( 'date_on_sale_from', $date );
	}

	public function set_date_on_sale_to( $date = null ) {
		$this->set_date_prop( 'date_on_sale_to', $date );
	}

	public function set_total_sales( $total ) {
		$this->set_prop( 'total_sales', absint( $total ) );
	}

	/**
	 * @param string $status taxable|shipping|none.
	 * @throws WC_Data_Exception On an invalid value.
	 */
	public function set_tax_status( $status ) {
		$options = array( 'taxable', 'shipping', 'none' );
		if ( empty( $status ) ) {
			$status = 'taxable';
		}
		if ( ! in_array( $status, $options, true ) ) {
			$this->error( 'product_invalid_tax_status', 'Invalid product tax status.' );
		}
		$this->set_prop( 'tax_status', $status );
	}

	public function set_tax_class( $class ) {
		$class = sanitize_title( (string) $class );
		$class = 'standard' === $class ? '' : $class;
		$this->set_prop( 'tax_class', $class );
	}

	public function set_manage_stock( $manage_stock ) {
		$this->set_prop( 'manage_stock', wc_string_to_bool( $manage_stock ) );
	}

	public function set_stock_quantity( $quantity ) {
		$this->set_prop( 'stock_quantity', '' !== $quantity && null !== $quantity ? wc_stock_amount( $quantity ) : null );
	}

	/**
	 * @param string $status instock|outofstock|onbackorder.
	 */
	public function set_stock_status( $status = 'instock' ) {
		$valid = array( 'instock', 'outofstock', 'onbackorder' );
		if ( in_array( $status, $valid, true ) ) {
			$this->set_prop( 'stock_status', $status );
		} else {
			$this->set_prop( 'stock_status', 'instock' );
		}
	}

	public function set_backorders( $backorders ) {
		$this->set_prop( 'backorders', $backorders );
	}

	public function set_low_stock_amount( $amount ) {
		$this->set_prop( 'low_stock_amount', '' === $amount || null === $amount ? '' : absint( $amount ) );
	}

	public function set_sold_individually( $sold_individually ) {
		$this->set_prop( 'sold_individually', wc_string_to_bool( $sold_individually ) );
	}

	public function set_weight( $weight ) {
		$this->set_prop( 'weight', '' === $weight ? '' : wc_format_decimal( $weight ) );
	}

	public function set_length( $length ) {
		$this->set_prop( 'length', '' === $length ? '' : wc_format_decimal( $length ) );
	}

	public function set_width( $width ) {
		$this->set_prop( 'width', '' === $width ? '' : wc_format_decimal( $width ) );
	}

	public function set_height( $height ) {
		$this->set_prop( 'height', '' === $height ? '' : wc_format_decimal( $height ) );
	}

	public function set_upsell_ids( $upsell_ids ) {
		$this->set_prop( 'upsell_ids', array_filter( (array) $upsell_ids ) );
	}

	public function set_cross_sell_ids( $cross_sell_ids ) {
		$this->set_prop( 'cross_sell_ids', array_filter( (array) $cross_sell_ids ) );
	}

	public function set_parent_id( $parent_id ) {
		$this->set_prop( 'parent_id', absint( $parent_id ) );
	}

	public function set_reviews_allowed( $reviews_allowed ) {
		$this->set_prop( 'reviews_allowed', wc_string_to_bool( $reviews_allowed ) );
	}

	public function set_purchase_note( $purchase_note ) {
		$this->set_prop( 'purchase_note', $purchase_note );
	}

	/**
	 * Keys attributes by sanitize_title(name); attributes no longer present become null (removed on save).
	 *
	 * @param WC_Product_Attribute[] $raw_attributes Attributes.
	 */
	public function set_attributes( $raw_attributes ) {
		$attributes = array_fill_keys( array_keys( $this->get_attributes( 'edit' ) ), null );
		foreach ( (array) $raw_attributes as $attribute ) {
			if ( $attribute instanceof WC_Product_Attribute ) {
				$attributes[ sanitize_title( $attribute->get_name() ) ] = $attribute;
			}
		}
		uasort(
			$attributes,
			static function ( $a, $b ) {
				if ( null === $a || null === $b ) {
					return null === $a ? 1 : -1;
				}
				return $a->get_position() <=> $b->get_position();
			}
		);
		$this->set_prop( 'attributes', $attributes );
	}

	public function set_default_attributes( $default_attributes ) {
		$this->set_prop(
			'default_attributes',
			array_map(
				'strval',
				array_filter(
					(array) $default_attributes,
					static function ( $value ) {
						return null !== $value && false !== $value && '' !== $value;
					}
				)
			)
		);
	}

	public function set_menu_order( $menu_order ) {
		$this->set_prop( 'menu_order', intval( $menu_order ) );
	}

	public function set_post_password( $post_password ) {
		$this->set_prop( 'post_password', $post_password );
	}

	public function set_category_ids( $term_ids ) {
		$this->set_prop( 'category_ids', array_unique( array_map( 'intval', (array) $term_ids ) ) );
	}

	public function set_tag_ids( $term_ids ) {
		$this->set_prop( 'tag_ids', array_unique( array_map( 'intval', (array) $term_ids ) ) );
	}

	public function set_shipping_class_id( $id ) {
		$this->set_prop( 'shipping_class_id', absint( $id ) );
	}

	public function set_virtual( $virtual ) {
		$this->set_prop( 'virtual', wc_string_to_bool( $virtual ) );
	}

	public function set_downloadable( $downloadable ) {
		$this->set_prop( 'downloadable', wc_string_to_bool( $downloadable ) );
	}

	public function set_downloads( $downloads ) {
		$this->set_prop( 'downloads', (array) $downloads );
	}

	public function set_download_limit( $download_limit ) {
		$this->set_prop( 'download_limit', -1 === (int) $download_limit || '' === $download_limit ? -1 : absint( $download_limit ) );
	}

	public function set_download_expiry( $download_expiry ) {
		$this->set_prop( 'download_expiry', -1 === (int) $download_expiry || '' === $download_expiry ? -1 : absint( $download_expiry ) );
	}

	public function set_image_id( $image_id = '' ) {
		$this->set_prop( 'image_id', $image_id );
	}

	public function set_gallery_image_ids( $image_ids ) {
		$this->set_prop( 'gallery_image_ids', wp_parse_id_list( $image_ids ) );
	}

	public function set_rating_counts( $counts ) {
		$this->set_prop( 'rating_counts', array_filter( array_map( 'absint', (array) $counts ) ) );
	}

	public function set_average_rating( $average ) {
		$this->set_prop( 'average_rating', wc_format_decimal( $average ) );
	}

	public function set_review_count( $count ) {
		$this->set_prop( 'review_count', absint( $count ) );
	}

	/*
	|--------------------------------------------------------------------------
	| Conditionals and derived values
	|--------------------------------------------------------------------------
	*/

	/**
	 * Sale price below the regular price and inside the sale dates (if any).
	 *
	 * @param string $context view|edit.
	 * @return bool
	 */
	public function is_on_sale( $context = 'view' ) {
		if ( '' !== (string) $this->get_sale_price( $context ) && $this->get_regular_price( $context ) > $this->get_sale_price( $context ) ) {
			$on_sale = true;
			if ( $this->get_date_on_sale_from( $context ) && $this->get_date_on_sale_from( $context )->getTimestamp() > time() ) {
				$on_sale = false;
			}
			if ( $this->get_date_on_sale_to( $context ) && $this->get_date_on_sale_to( $context )->getTimestamp() < time() ) {
				$on_sale = false;
			}
		} else {
			$on_sale = false;
		}
		return 'view' === $context ? apply_filters( 'woocommerce_product_is_on_sale', $on_sale, $this ) : $on_sale;
	}

	/**
	 * @return bool|string get_manage_stock() when the store manages stock ('parent' for variations using
	 *                     their parent's stock), else false — exactly WooCommerce's (not strictly bool) answer.
	 */
	public function managing_stock() {
		if ( 'yes' === get_option( 'woocommerce_manage_stock' ) ) {
			return $this->get_manage_stock();
		}
		return false;
	}

	/** @return int Id of the product whose stock is used (the parent for variations managed by it). */
	public function get_stock_managed_by_id() {
		return $this->get_id();
	}

	/** @return bool */
	public function is_in_stock() {
		return 'outofstock' !== $this->get_stock_status();
	}

	/** @return bool */
	public function is_purchasable() {
		return $this->exists() && ( 'publish' === $this->get_status() || current_user_can( 'edit_post', $this->get_id() ) ) && '' !== $this->get_price();
	}

	/** @return bool */
	public function exists() {
		return false !== $this->get_status();
	}

	/** @return bool */
	public function is_virtual() {
		return (bool) $this->get_virtual();
	}

	/** @return array Children ids (none for simple products). */
	public function get_children() {
		return array();
	}

	/** @return string */
	public function get_permalink() {
		return get_permalink( $this->get_id() );
	}

	/**
	 * @return string Name with variation attributes for variations.
	 */
	public function get_formatted_name() {
		$identifier = $this->get_sku() ? $this->get_sku() : '#' . $this->get_id();
		return sprintf( '%2$s (%1$s)', $identifier, $this->get_name() );
	}

	/*
	|--------------------------------------------------------------------------
	| Save
	|--------------------------------------------------------------------------
	*/

	/**
	 * Aligns stock props: without stock management there is no quantity; with it the status follows the quantity.
	 */
	public function validate_props() {
		if ( ! $this->get_manage_stock() ) {
			$this->set_stock_quantity( '' );
			$this->set_backorders( 'no' );
			$this->set_low_stock_amount( '' );
			return;
		}
		$above = ( (int) $this->get_stock_quantity() > absint( get_option( 'woocommerce_notify_no_stock_amount', 0 ) ) );
		if ( $above ) {
			$this->set_stock_status( 'instock' );
		} elseif ( 'no' !== $this->get_backorders() ) {
			$this->set_stock_status( 'onbackorder' );
		} else {
			$this->set_stock_status( 'outofstock' );
		}
	}

	/**
	 * @return int Id.
	 */
	public function save() {
		$this->validate_props();
		do_action( 'woocommerce_before_' . $this->object_type . '_object_save', $this, null );
		$state = $this->before_store_save();
		if ( $this->get_id() ) {
			$this->update_in_store();
		} else {
			$this->create_in_store();
		}
		$this->after_store_save( $state );
		do_action( 'woocommerce_after_' . $this->object_type . '_object_save', $this, null );
		return $this->get_id();
	}

	/**
	 * @return mixed State for after_store_save().
	 */
	protected function before_store_save() {
		return null;
	}

	/**
	 * Children queue their parent for a deferred sync at shutdown, as in WooCommerce.
	 *
	 * @param mixed $state State.
	 */
	protected function after_store_save( $state ) {
		$this->maybe_defer_product_sync();
	}

	/** Queues the parent for the deferred sync. */
	protected function maybe_defer_product_sync() {
		$parent_id = $this->get_parent_id();
		if ( $parent_id ) {
			wc_deferred_product_sync( $parent_id );
		}
	}

	/**
	 * @param bool $force_delete Delete instead of trash.
	 * @return bool
	 */
	public function delete( $force_delete = false ) {
		$deleted = parent::delete( $force_delete );
		if ( $deleted ) {
			$this->maybe_defer_product_sync();
		}
		return $deleted;
	}

	/*
	|--------------------------------------------------------------------------
	| Storage (posts, postmeta, terms, wc_product_meta_lookup)
	|--------------------------------------------------------------------------
	*/

	/**
	 * Meta key => prop, as WooCommerce writes them.
	 *
	 * @return array<string, string>
	 */
	protected function meta_key_to_props() {
		return array(
			'_sku'                   => 'sku',
			'_regular_price'         => 'regular_price',
			'_sale_price'            => 'sale_price',
			'_sale_price_dates_from' => 'date_on_sale_from',
			'_sale_price_dates_to'   => 'date_on_sale_to',
			'total_sales'            => 'total_sales',
			'_tax_status'            => 'tax_status',
			'_tax_class'             => 'tax_class',
			'_manage_stock'          => 'manage_stock',
			'_backorders'            => 'backorders',
			'_low_stock_amount'      => 'low_stock_amount',
			'_sold_individually'     => 'sold_individually',
			'_weight'                => 'weight',
			'_length'                => 'length',
			'_width'                 => 'width',
			'_height'                => 'height',
			'_upsell_ids'            => 'upsell_ids',
			'_crosssell_ids'         => 'cross_sell_ids',
			'_purchase_note'         => 'purchase_note',
			'_default_attributes'    => 'default_attributes',
			'_virtual'               => 'virtual',
			'_downloadable'          => 'downloadable',
			'_product_image_gallery' => 'gallery_image_ids',
			'_download_limit'        => 'download_limit',
			'_download_expiry'       => 'download_expiry',
			'_thumbnail_id'          => 'image_id',
			'_stock'                 => 'stock_quantity',
			'_stock_status'          => 'stock_status',
			'_wc_average_rating'     => 'average_rating',
			'_wc_rating_count'       => 'rating_counts',
			'_wc_review_count'       => 'review_count',
		);
	}

	/**
	 * Reads the post, meta and terms into props.
	 *
	 * @throws Exception When the post is not a product of this kind.
	 */
	protected function read_from_store() {
		$this->set_defaults();
		$post = get_post( $this->get_id() );
		if ( ! $this->get_id() || ! $post || $this->post_type !== $post->post_type ) {
			throw new Exception( 'Invalid product.' );
		}
		$this->set_props(
			array(
				'name'              => $post->post_title,
				'slug'              => $post->post_name,
				'date_created'      => $this->string_to_timestamp( $post->post_date_gmt ),
				'date_modified'     => $this->string_to_timestamp( $post->post_modified_gmt ),
				'status'            => $post->post_status,
				'description'       => $post->post_content,
				'short_description' => $post->post_excerpt,
				'parent_id'         => $post->post_parent,
				'menu_order'        => $post->menu_order,
				'post_password'     => $post->post_password,
				'reviews_allowed'   => 'open' === $post->comment_status,
			)
		);
		$this->read_attributes();
		$this->read_visibility();
		$this->read_product_data();
		$this->set_object_read( true );
		do_action( 'woocommerce_product_read', $this->get_id() );
	}

	/**
	 * @param string $time_string GMT date string.
	 * @return int|null
	 */
	protected function string_to_timestamp( $time_string ) {
		return '0000-00-00 00:00:00' !== $time_string ? wc_string_to_timestamp( $time_string ) : null;
	}

	/** Props from meta and category/tag terms. */
	protected function read_product_data() {
		$id     = $this->get_id();
		$values = get_post_meta( $id );
		$map    = $this->meta_key_to_props();
		$map    = array( '_price' => 'price' ) + $map;
		$props  = array();
		foreach ( $map as $meta_key => $prop ) {
			$props[ $prop ] = maybe_unserialize( isset( $values[ $meta_key ][0] ) ? $values[ $meta_key ][0] : null );
		}
		$props['category_ids']      = $this->get_term_ids( 'product_cat' );
		$props['tag_ids']           = $this->get_term_ids( 'product_tag' );
		$props['shipping_class_id'] = current( $this->get_term_ids( 'product_shipping_class' ) );
		$props['gallery_image_ids'] = array_filter( explode( ',', (string) $props['gallery_image_ids'] ) );
		$this->set_props( $props );
	}

	/**
	 * @param string $taxonomy Taxonomy.
	 * @return int[]
	 */
	protected function get_term_ids( $taxonomy ) {
		$terms = get_the_terms( $this->get_id(), $taxonomy );
		return false === $terms || is_wp_error( $terms ) ? array() : wp_list_pluck( $terms, 'term_id' );
	}

	/** catalog_visibility and featured from product_visibility terms. */
	protected function read_visibility() {
		$terms   = get_the_terms( $this->get_id(), 'product_visibility' );
		$names   = is_array( $terms ) ? wp_list_pluck( $terms, 'name' ) : array();
		$search  = in_array( 'exclude-from-search', $names, true );
		$catalog = in_array( 'exclude-from-catalog', $names, true );
		if ( $search && $catalog ) {
			$visibility = 'hidden';
		} elseif ( $search ) {
			$visibility = 'catalog';
		} elseif ( $catalog ) {
			$visibility = 'search';
		} else {
			$visibility = 'visible';
		}
		$this->set_props(
			array(
				'featured'           => in_array( 'featured', $names, true ),
				'catalog_visibility' => $visibility,
			)
		);
	}

	/** Attributes from _product_attributes (+ terms of taxonomy attributes). */
	protected function read_attributes() {
		$meta = get_post_meta( $this->get_id(), '_product_attributes', true );
		if ( empty( $meta ) || ! is_array( $meta ) ) {
			return;
		}
		$attributes = array();
		foreach ( $meta as $value ) {
			$value = array_merge(
				array(
					'name'         => '',
					'value'        => '',
					'position'     => 0,
					'is_visible'   => 0,
					'is_variation' => 0,
					'is_taxonomy'  => 0,
				),
				(array) $value
			);
			if ( ! empty( $value['is_taxonomy'] ) ) {
				if ( ! taxonomy_exists( $value['name'] ) ) {
					continue;
				}
				$id      = wc_attribute_taxonomy_id_by_name( $value['name'] );
				$options = wc_get_object_terms( $this->get_id(), $value['name'], 'term_id' );
			} else {
				$id      = 0;
				$options = wc_get_text_attributes( $value['value'] );
			}
			$attribute = new WC_Product_Attribute();
			$attribute->set_id( $id );
			$attribute->set_name( $value['name'] );
			$attribute->set_options( $options );
			$attribute->set_position( $value['position'] );
			$attribute->set_visible( $value['is_visible'] );
			$attribute->set_variation( $value['is_variation'] );
			$attributes[] = $attribute;
		}
		$this->set_attributes( $attributes );
	}

	/**
	 * Post fields written on create/update.
	 *
	 * @return array
	 */
	protected function get_post_data() {
		return array(
			'post_type'      => $this->post_type,
			'post_status'    => $this->get_status( 'edit' ) ? $this->get_status( 'edit' ) : 'publish',
			'post_title'     => $this->get_name( 'edit' ) ? $this->get_name( 'edit' ) : 'Product',
			'post_content'   => $this->get_description( 'edit' ),
			'post_excerpt'   => $this->get_short_description( 'edit' ),
			'post_parent'    => $this->get_parent_id( 'edit' ),
			'comment_status' => $this->get_reviews_allowed( 'edit' ) ? 'open' : 'closed',
			'menu_order'     => $this->get_menu_order( 'edit' ),
			'post_password'  => $this->get_post_password( 'edit' ),
			'post_name'      => $this->get_slug( 'edit' ),
		);
	}

	/** Inserts the post, then meta, terms, attributes, type and the lookup row; fires woocommerce_new_product. */
	protected function create_in_store() {
		if ( ! $this->get_date_created( 'edit' ) ) {
			$this->set_date_created( time() );
		}
		$post_data                  = $this->get_post_data();
		$post_data['post_author']   = get_current_user_id();
		$post_data['ping_status']   = 'closed';
		$post_data['post_date']     = gmdate( 'Y-m-d H:i:s', $this->get_date_created( 'edit' )->getOffsetTimestamp() );
		$post_data['post_date_gmt'] = gmdate( 'Y-m-d H:i:s', $this->get_date_created( 'edit' )->getTimestamp() );
		$id                         = wp_insert_post( apply_filters( 'woocommerce_new_' . $this->hook_noun() . '_data', $post_data ), true );

		if ( $id && ! is_wp_error( $id ) ) {
			$this->set_id( $id );
			$this->write_post_meta( true );
			$this->write_terms( true );
			$this->write_visibility( true );
			$this->write_attributes( true );
			$this->write_version_and_type();
			$this->handle_updated_props();
			$this->clear_caches();
			$this->save_meta_data();
			$this->apply_changes();
			$this->after_create();
			do_action( 'woocommerce_new_' . $this->hook_noun(), $id, $this );
		}
	}

	/** Hook noun: product or product_variation. */
	protected function hook_noun() {
		return 'product';
	}

	/** Extra writes after a create (variations). */
	protected function after_create() {
	}

	/** Updates the post when post fields changed, then meta etc.; fires woocommerce_update_product. */
	protected function update_in_store() {
		$this->save_meta_data();
		$changes = $this->get_changes();
		if ( array_intersect( $this->post_fields_props(), array_keys( $changes ) ) ) {
			$post_data = $this->get_post_data();
			if ( $this->get_date_created( 'edit' ) ) {
				$post_data['post_date']     = gmdate( 'Y-m-d H:i:s', $this->get_date_created( 'edit' )->getOffsetTimestamp() );
				$post_data['post_date_gmt'] = gmdate( 'Y-m-d H:i:s', $this->get_date_created( 'edit' )->getTimestamp() );
			}
			if ( isset( $changes['date_modified'] ) && $this->get_date_modified( 'edit' ) ) {
				$post_data['post_modified']     = gmdate( 'Y-m-d H:i:s', $this->get_date_modified( 'edit' )->getOffsetTimestamp() );
				$post_data['post_modified_gmt'] = gmdate( 'Y-m-d H:i:s', $this->get_date_modified( 'edit' )->getTimestamp() );
			} else {
				$post_data['post_modified']     = current_time( 'mysql' );
				$post_data['post_modified_gmt'] = current_time( 'mysql', 1 );
			}
			if ( doing_action( 'save_post' ) ) {
				$GLOBALS['wpdb']->update( $GLOBALS['wpdb']->posts, $post_data, array( 'ID' => $this->get_id() ) );
				clean_post_cache( $this->get_id() );
			} else {
				wp_update_post( array_merge( array( 'ID' => $this->get_id() ), $post_data ) );
			}
			$this->read_meta_data( true );
		} else {
			$GLOBALS['wpdb']->update(
				$GLOBALS['wpdb']->posts,
				array(
					'post_modified'     => current_time( 'mysql' ),
					'post_modified_gmt' => current_time( 'mysql', 1 ),
				),
				array( 'ID' => $this->get_id() )
			);
			clean_post_cache( $this->get_id() );
		}
		$this->write_post_meta( false );
		$this->write_terms( false );
		$this->write_visibility( false );
		$this->write_attributes( false );
		$this->write_version_and_type();
		$this->handle_updated_props();
		$this->clear_caches();
		$this->apply_changes();
		do_action( 'woocommerce_update_' . $this->hook_noun(), $this->get_id(), $this );
	}

	/**
	 * Props whose change rewrites the post row.
	 *
	 * @return string[]
	 */
	protected function post_fields_props() {
		return array( 'description', 'short_description', 'name', 'parent_id', 'reviews_allowed', 'status', 'menu_order', 'date_created', 'date_modified', 'slug', 'post_password' );
	}

	/**
	 * Trash (default) or delete permanently; fires woocommerce_trash_/delete_{post_type}.
	 *
	 * @param bool $force_delete Permanently.
	 */
	protected function delete_from_store( $force_delete ) {
		$id = $this->get_id();
		if ( $force_delete ) {
			do_action( 'woocommerce_before_delete_' . $this->post_type, $id );
			wp_delete_post( $id );
			$this->set_id( 0 );
			do_action( 'woocommerce_delete_' . $this->post_type, $id );
		} else {
			wp_trash_post( $id );
			$this->set_status( 'trash' );
			do_action( 'woocommerce_trash_' . $this->post_type, $id );
		}
	}

	/**
	 * Props to write: all on create, else changed ones and those whose meta row is missing.
	 *
	 * @param bool $force On create.
	 */
	protected function write_post_meta( $force ) {
		$map     = $this->meta_key_to_props();
		$changes = $this->get_changes();
		foreach ( $map as $meta_key => $prop ) {
			if ( ! $force && ! array_key_exists( $prop, $changes ) && metadata_exists( 'post', $this->get_id(), $meta_key ) ) {
				continue;
			}
			$value = $this->{"get_$prop"}( 'edit' );
			$value = is_string( $value ) ? wp_slash( $value ) : $value;
			switch ( $prop ) {
				case 'virtual':
				case 'downloadable':
				case 'manage_stock':
				case 'sold_individually':
					$value = wc_bool_to_string( $value );
					break;
				case 'gallery_image_ids':
					$value = implode( ',', $value );
					break;
				case 'date_on_sale_from':
				case 'date_on_sale_to':
					$value = $value ? $value->getTimestamp() : '';
					break;
				case 'stock_quantity':
					do_action( $this->is_type( 'variation' ) ? 'woocommerce_variation_before_set_stock' : 'woocommerce_product_before_set_stock', $this );
					break;
			}
			if ( $this->update_or_delete_post_meta( $meta_key, $value ) ) {
				$this->updated_props[] = $prop;
			}
		}
	}

	/**
	 * Empty strings and arrays delete the row (except must-exist keys); everything else is stored.
	 *
	 * @param string $meta_key Key.
	 * @param mixed  $meta_value Value.
	 * @return bool Changed.
	 */
	protected function update_or_delete_post_meta( $meta_key, $meta_value ) {
		if ( in_array( $meta_value, array( array(), '' ), true ) && ! in_array( $meta_key, $this->must_exist_meta_keys, true ) ) {
			return (bool) delete_post_meta( $this->get_id(), $meta_key );
		}
		return (bool) update_post_meta( $this->get_id(), $meta_key, $meta_value );
	}

	/**
	 * product_cat (default category when none), product_tag, product_shipping_class.
	 *
	 * @param bool $force On create.
	 */
	protected function write_terms( $force ) {
		$changes = $this->get_changes();
		if ( $force || array_key_exists( 'category_ids', $changes ) ) {
			$categories = $this->get_category_ids( 'edit' );
			if ( empty( $categories ) && get_option( 'default_product_cat', 0 ) ) {
				$categories = array( get_option( 'default_product_cat', 0 ) );
			}
			wp_set_post_terms( $this->get_id(), $categories, 'product_cat', false );
		}
		if ( $force || array_key_exists( 'tag_ids', $changes ) ) {
			wp_set_post_terms( $this->get_id(), $this->get_tag_ids( 'edit' ), 'product_tag', false );
		}
		if ( $force || array_key_exists( 'shipping_class_id', $changes ) ) {
			wp_set_post_terms( $this->get_id(), array( $this->get_shipping_class_id( 'edit' ) ), 'product_shipping_class', false );
		}
	}

	/**
	 * product_visibility terms: featured, outofstock, rated-N, exclude-from-search/catalog.
	 *
	 * @param bool $force On create.
	 */
	protected function write_visibility( $force ) {
		$changes = $this->get_changes();
		if ( ! $force && ! array_intersect( array( 'featured', 'stock_status', 'average_rating', 'catalog_visibility' ), array_keys( $changes ) ) ) {
			return;
		}
		$terms = array();
		if ( $this->get_featured() ) {
			$terms[] = 'featured';
		}
		if ( 'outofstock' === $this->get_stock_status() ) {
			$terms[] = 'outofstock';
		}
		$rating = min( 5, (int) round( (float) $this->get_average_rating(), 0 ) );
		if ( $rating > 0 ) {
			$terms[] = 'rated-' . $rating;
		}
		switch ( $this->get_catalog_visibility() ) {
			case 'hidden':
				$terms[] = 'exclude-from-search';
				$terms[] = 'exclude-from-catalog';
				break;
			case 'catalog':
				$terms[] = 'exclude-from-search';
				break;
			case 'search':
				$terms[] = 'exclude-from-catalog';
				break;
		}
		if ( ! is_wp_error( wp_set_post_terms( $this->get_id(), $terms, 'product_visibility', false ) ) ) {
			do_action( 'woocommerce_product_set_visibility', $this->get_id(), $this->get_catalog_visibility() );
		}
	}

	/**
	 * _product_attributes (array keyed by sanitized name: name, value, position, is_visible, is_variation,
	 * is_taxonomy) plus the object terms of taxonomy attributes.
	 *
	 * @param bool $force On create.
	 */
	protected function write_attributes( $force ) {
		$changes = $this->get_changes();
		if ( ! $force && ! array_key_exists( 'attributes', $changes ) ) {
			return;
		}
		$meta_values = array();
		foreach ( (array) $this->get_attributes() as $key => $attribute ) {
			$value = '';
			if ( null === $attribute ) {
				if ( taxonomy_exists( $key ) ) {
					wp_set_object_terms( $this->get_id(), array(), $key );
				} elseif ( taxonomy_exists( urldecode( $key ) ) ) {
					wp_set_object_terms( $this->get_id(), array(), urldecode( $key ) );
				}
				continue;
			} elseif ( $attribute->is_taxonomy() ) {
				wp_set_object_terms( $this->get_id(), wp_list_pluck( (array) $attribute->get_terms(), 'term_id' ), $attribute->get_name() );
			} else {
				$value = wc_implode_text_attributes( $attribute->get_options() );
			}
			$meta_values[ $key ] = array(
				'name'         => $attribute->get_name(),
				'value'        => $value,
				'position'     => $attribute->get_position(),
				'is_visible'   => $attribute->get_visible() ? 1 : 0,
				'is_variation' => $attribute->get_variation() ? 1 : 0,
				'is_taxonomy'  => $attribute->is_taxonomy() ? 1 : 0,
			);
		}
		$this->update_or_delete_post_meta( '_product_attributes', wp_slash( $meta_values ) );
	}

	/** product_type term and _product_version. */
	protected function write_version_and_type() {
		$old_type = kvs_wc_standin_product_type_of( $this->get_id() );
		$new_type = $this->get_type();
		wp_set_object_terms( $this->get_id(), $new_type, 'product_type' );
		update_post_meta( $this->get_id(), '_product_version', WC_VERSION );
		if ( $old_type !== $new_type ) {
			$this->updated_props[] = 'product_type';
			do_action( 'woocommerce_product_type_changed', $this, $old_type, $new_type );
		}
	}

	/**
	 * After meta writes: clears a sale price not below the regular price, sets _price, fires stock hooks,
	 * refreshes wc_product_meta_lookup.
	 */
	protected function handle_updated_props() {
		if ( ! $this->is_type( array( 'variable', 'grouped' ) ) ) {
			if ( in_array( 'regular_price', $this->updated_props, true ) || in_array( 'sale_price', $this->updated_props, true ) ) {
				if ( $this->get_sale_price( 'edit' ) >= $this->get_regular_price( 'edit' ) ) {
					update_post_meta( $this->get_id(), '_sale_price', '' );
					$this->set_sale_price( '' );
				}
			}
			if ( array_intersect( array( 'date_on_sale_from', 'date_on_sale_to', 'regular_price', 'sale_price', 'product_type' ), $this->updated_props ) ) {
				if ( $this->is_on_sale( 'edit' ) ) {
					update_post_meta( $this->get_id(), '_price', $this->get_sale_price( 'edit' ) );
					$this->set_price( $this->get_sale_price( 'edit' ) );
				} else {
					update_post_meta( $this->get_id(), '_price', $this->get_regular_price( 'edit' ) );
					$this->set_price( $this->get_regular_price( 'edit' ) );
				}
			}
		}
		if ( in_array( 'stock_quantity', $this->updated_props, true ) ) {
			do_action( $this->is_type( 'variation' ) ? 'woocommerce_variation_set_stock' : 'woocommerce_product_set_stock', $this );
		}
		if ( in_array( 'stock_status', $this->updated_props, true ) ) {
			do_action( $this->is_type( 'variation' ) ? 'woocommerce_variation_set_stock_status' : 'woocommerce_product_set_stock_status', $this->get_id(), $this->get_stock_status(), $this );
		}
		if ( array_intersect( $this->updated_props, array( 'sku', 'regular_price', 'sale_price', 'date_on_sale_from', 'date_on_sale_to', 'total_sales', 'average_rating', 'stock_quantity', 'stock_status', 'manage_stock', 'downloadable', 'virtual', 'tax_status', 'tax_class' ) ) ) {
			kvs_wc_standin_update_product_lookup( $this->get_id() );
		}
		do_action( 'woocommerce_product_object_updated_props', $this, $this->updated_props );
		$this->updated_props = array();
	}

	/** Product transients of this product and its parent. */
	protected function clear_caches() {
		wc_delete_product_transients( $this->get_id() );
		if ( $this->get_parent_id( 'edit' ) ) {
			wc_delete_product_transients( $this->get_parent_id( 'edit' ) );
		}
	}
}
