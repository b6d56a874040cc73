<?php
/**
 * Variable product: children are product_variation posts; price rows and stock status follow them.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * product_type term "variable".
 */
class WC_Product_Variable extends WC_Product {

	/** @var int[]|null */
	protected $children = null;

	/** @var int[]|null */
	protected $visible_children = null;

	/** @var array|null */
	protected $variation_attributes = null;

	/** @return string */
	public function get_type() {
		return 'variable';
	}

	/**
	 * Variation ids (publish and private), ordered by menu_order then ID.
	 *
	 * @param string $visible_only Deprecated argument.
	 * @return int[]
	 */
	public function get_children( $visible_only = '' ) {
		if ( null === $this->children ) {
			$this->children = $this->query_children( array( 'publish', 'private' ) );
		}
		return apply_filters( 'woocommerce_get_children', $this->children, $this, false );
	}

	/**
	 * Published variation ids.
	 *
	 * @return int[]
	 */
	public function get_visible_children() {
		if ( null === $this->visible_children ) {
			$args = array();
			if ( 'yes' === get_option( 'woocommerce_hide_out_of_stock_items' ) ) {
				$args['tax_query'] = array( // phpcs:ignore WordPress.DB.SlowDBQuery
					array(
						'taxonomy' => 'product_visibility',
						'field'    => 'name',
						'terms'    => 'outofstock',
						'operator' => 'NOT IN',
					),
				);
			}
			$this->visible_children = $this->query_children( 'publish', $args );
		}
		return apply_filters( 'woocommerce_get_children', $this->visible_children, $this, true );
	}

	/**
	 * @param array|string $statuses Post statuses.
	 * @param array        $extra Extra query args.
	 * @return int[]
	 */
	private function query_children( $statuses, $extra = array() ) {
		if ( ! $this->get_id() ) {
			return array();
		}
		return wp_parse_id_list(
			get_posts(
				array_merge(
					array(
						'post_parent'      => $this->get_id(),
						'post_type'        => 'product_variation',
						'orderby'          => array(
							'menu_order' => 'ASC',
							'ID'         => 'ASC',
						),
						'fields'           => 'ids',
						'post_status'      => $statuses,
						'numberposts'      => -1,
						'suppress_filters' => false,
					),
					$extra
				)
			)
		);
	}

	/** @param int[] $children Ids. */
	public function set_children( $children ) {
		$this->children = array_filter( wp_parse_id_list( (array) $children ) );
	}

	/**
	 * Attribute name => possible values of the attributes used for variations (term slugs for taxonomies).
	 *
	 * @return array<string, string[]>
	 */
	public function get_variation_attributes() {
		if ( null !== $this->variation_attributes ) {
			return $this->variation_attributes;
		}
		global $wpdb;
		$result    = array();
		$child_ids = $this->get_children();
		foreach ( $this->get_attributes() as $attribute ) {
			if ( ! $attribute || empty( $attribute['is_variation'] ) ) {
				continue;
			}
			$values = array();
			if ( $child_ids ) {
				$placeholders = implode( ',', array_fill( 0, count( $child_ids ), '%d' ) );
				$values       = array_unique(
					$wpdb->get_col( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
						$wpdb->prepare(
							"SELECT meta_value FROM {$wpdb->postmeta} WHERE meta_key = %s AND post_id IN ({$placeholders})", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
							array_merge( array( wc_variation_attribute_name( $attribute['name'] ) ), $child_ids )
						)
					)
				);
				if ( in_array( '', $values, true ) || empty( $values ) ) {
					$values = $attribute['is_taxonomy'] ? $attribute->get_slugs() : $attribute->get_options();
				} elseif ( ! $attribute['is_taxonomy'] ) {
					$text_attributes          = $attribute->get_options();
					$assigned_text_attributes = $values;
					$values                   = array();
					foreach ( $text_attributes as $text_attribute ) {
						if ( in_array( $text_attribute, $assigned_text_attributes, true ) ) {
							$values[] = $text_attribute;
						}
					}
				} else {
					$ordered = array();
					foreach ( $attribute->get_slugs() as $slug ) {
						if ( in_array( $slug, $values, true ) ) {
							$ordered[] = $slug;
						}
					}
					$values = $ordered;
				}
			}
			$result[ $attribute['name'] ] = array_values( array_unique( $values ) );
		}
		$this->variation_attributes = $result;
		return $result;
	}

	/**
	 * Prices of the visible variations (each sorted ascending, keyed by variation id).
	 *
	 * @param bool $for_display Unused (no tax display in the stand-in).
	 * @return array{price: array, regular_price: array, sale_price: array}
	 */
	public function get_variation_prices( $for_display = false ) {
		$prices = array(
			'price'         => array(),
			'regular_price' => array(),
			'sale_price'    => array(),
		);
		foreach ( $this->get_visible_children() as $child_id ) {
			$variation = wc_get_product( $child_id );
			if ( ! $variation || '' === $variation->get_price() ) {
				continue;
			}
			$prices['price'][ $child_id ]         = wc_format_decimal( $variation->get_price(), wc_get_price_decimals() );
			$prices['regular_price'][ $child_id ] = wc_format_decimal( $variation->get_regular_price(), wc_get_price_decimals() );
			$prices['sale_price'][ $child_id ]    = wc_format_decimal( '' !== $variation->get_sale_price() ? $variation->get_sale_price() : $variation->get_regular_price(), wc_get_price_decimals() );
		}
		foreach ( $prices as $key => $values ) {
			asort( $values );
			$prices[ $key ] = $values;
		}
		return $prices;
	}

	/**
	 * @param string $min_or_max min|max.
	 * @param bool   $for_display Unused.
	 * @return string
	 */
	public function get_variation_price( $min_or_max = 'min', $for_display = false ) {
		$prices = $this->get_variation_prices( $for_display );
		$values = $prices['price'];
		return $values ? ( 'min' === $min_or_max ? current( $values ) : end( $values ) ) : '';
	}

	/**
	 * @param string $min_or_max min|max.
	 * @param bool   $for_display Unused.
	 * @return string
	 */
	public function get_variation_regular_price( $min_or_max = 'min', $for_display = false ) {
		$prices = $this->get_variation_prices( $for_display );
		$values = $prices['regular_price'];
		return $values ? ( 'min' === $min_or_max ? current( $values ) : end( $values ) ) : '';
	}

	/**
	 * @param string $min_or_max min|max.
	 * @param bool   $for_display Unused.
	 * @return string
	 */
	public function get_variation_sale_price( $min_or_max = 'min', $for_display = false ) {
		$prices = $this->get_variation_prices( $for_display );
		$values = $prices['sale_price'];
		return $values ? ( 'min' === $min_or_max ? current( $values ) : end( $values ) ) : '';
	}

	/**
	 * On sale when some variation is.
	 *
	 * @param string $context view|edit.
	 * @return bool
	 */
	public function is_on_sale( $context = 'view' ) {
		$prices  = $this->get_variation_prices();
		$on_sale = $prices['regular_price'] !== $prices['sale_price'] && $prices['sale_price'] === $prices['price'];
		return 'view' === $context ? apply_filters( 'woocommerce_product_is_on_sale', $on_sale, $this ) : $on_sale;
	}

	/** @return bool Variable products are never downloadable. */
	public function get_downloadable( $context = 'view' ) {
		return false;
	}

	/** @return bool */
	public function child_is_in_stock() {
		return $this->child_has_stock_status( 'instock' );
	}

	/** @return bool */
	public function child_is_on_backorder() {
		return $this->child_has_stock_status( 'onbackorder' );
	}

	/**
	 * @param string $status Stock status.
	 * @return bool
	 */
	private function child_has_stock_status( $status ) {
		global $wpdb;
		$children = $this->get_children();
		if ( ! $children ) {
			return false;
		}
		$placeholders = implode( ',', array_fill( 0, count( $children ), '%d' ) );
		return (bool) $wpdb->get_var( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$wpdb->prepare(
				"SELECT COUNT( post_id ) FROM {$wpdb->postmeta} WHERE meta_key = '_stock_status' AND meta_value = %s AND post_id IN ({$placeholders})", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				array_merge( array( $status ), $children )
			)
		);
	}

	/** Without parent-level stock management, the status follows the children. */
	public function validate_props() {
		parent::validate_props();
		if ( ! $this->get_manage_stock() ) {
			$this->sync_own_stock_status();
		}
	}

	/** Status from children: instock if any is, else onbackorder if any is, else outofstock. */
	protected function sync_own_stock_status() {
		if ( $this->child_is_in_stock() ) {
			$this->set_stock_status( 'instock' );
		} elseif ( $this->child_is_on_backorder() ) {
			$this->set_stock_status( 'onbackorder' );
		} else {
			$this->set_stock_status( 'outofstock' );
		}
	}

	/**
	 * Rewrites the parent's _price rows (one per distinct child price, ascending), removes its own
	 * _regular_price/_sale_price, refreshes the lookup row and the stock status; saves unless told not to.
	 *
	 * @param WC_Product|int $product Product or id.
	 * @param bool           $save Save afterwards.
	 * @return WC_Product|false
	 */
	public static function sync( $product, $save = true ) {
		if ( ! $product instanceof WC_Product ) {
			$product = wc_get_product( $product );
		}
		if ( $product instanceof self ) {
			$product->children         = null;
			$product->visible_children = null;
			$product->sync_price();
			$product->sync_own_stock_status();
			do_action( 'woocommerce_variable_product_sync_data', $product );
			if ( $save ) {
				$product->save();
			}
		}
		return $product;
	}

	/**
	 * @param WC_Product|int $product Product or id.
	 * @param bool           $save Save afterwards.
	 * @return WC_Product|false
	 */
	public static function sync_stock_status( $product, $save = true ) {
		if ( ! $product instanceof WC_Product ) {
			$product = wc_get_product( $product );
		}
		if ( $product instanceof self ) {
			$product->children = null;
			$product->sync_own_stock_status();
			if ( $save ) {
				$product->save();
			}
		}
		return $product;
	}

	/** See sync(). */
	protected function sync_price() {
		global $wpdb;
		$children = $this->get_visible_children();
		$prices   = array();
		if ( $children ) {
			$placeholders = implode( ',', array_fill( 0, count( $children ), '%d' ) );
			$prices       = array_unique( $wpdb->get_col( $wpdb->prepare( "SELECT meta_value FROM {$wpdb->postmeta} WHERE meta_key = '_price' AND post_id IN ({$placeholders})", $children ) ) ); // phpcs:ignore
		}
		delete_post_meta( $this->get_id(), '_price' );
		delete_post_meta( $this->get_id(), '_sale_price' );
		delete_post_meta( $this->get_id(), '_regular_price' );
		if ( $prices ) {
			sort( $prices, SORT_NUMERIC );
			foreach ( $prices as $price ) {
				if ( null === $price || '' === $price ) {
					continue;
				}
				add_post_meta( $this->get_id(), '_price', $price, false );
			}
		}
		kvs_wc_standin_update_product_lookup( $this->get_id() );
		do_action( 'woocommerce_updated_product_price', $this->get_id() );
	}
}
