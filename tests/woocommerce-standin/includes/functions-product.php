<?php
/**
 * Product functions: wc_get_product(s), SKU lookups, transients, the lookup table.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Product types (product_type term slugs) and their labels.
 *
 * @return array<string, string>
 */
function wc_get_product_types() {
	return (array) apply_filters(
		'product_type_selector',
		array(
			'simple'   => 'Simple product',
			'grouped'  => 'Grouped product',
			'external' => 'External/Affiliate product',
			'variable' => 'Variable product',
		)
	);
}

/**
 * @return array<string, string>
 */
function wc_get_product_stock_status_options() {
	return apply_filters(
		'woocommerce_product_stock_status_options',
		array(
			'instock'     => 'In stock',
			'outofstock'  => 'Out of stock',
			'onbackorder' => 'On backorder',
		)
	);
}

/**
 * Stand-in helper: the product type of a stored product (variation for product_variation posts).
 *
 * @param int $product_id Id.
 * @return string|false
 */
function kvs_wc_standin_product_type_of( $product_id ) {
	$post_type = get_post_type( $product_id );
	if ( 'product_variation' === $post_type ) {
		return 'variation';
	}
	if ( 'product' !== $post_type ) {
		return false;
	}
	$terms = get_the_terms( $product_id, 'product_type' );
	return ! empty( $terms ) && ! is_wp_error( $terms ) ? sanitize_title( current( $terms )->name ) : 'simple';
}

/**
 * Class for a product type (filter woocommerce_product_class, as in WooCommerce).
 *
 * @param string $product_type Type.
 * @param int    $product_id Id.
 * @return string
 */
function kvs_wc_standin_product_classname( $product_type, $product_id = 0 ) {
	$classname = 'WC_Product_' . implode( '_', array_map( 'ucfirst', explode( '-', (string) $product_type ) ) );
	$classname = apply_filters( 'woocommerce_product_class', $classname, $product_type, 'variation' === $product_type ? 'product_variation' : 'product', $product_id );
	return $classname && class_exists( $classname ) ? $classname : 'WC_Product_Simple';
}

/**
 * @param mixed $the_product Id, WP_Post, WC_Product or false for the global post.
 * @param array $deprecated Unused.
 * @return WC_Product|null|false Null before WooCommerce is ready; false when not a product.
 */
function wc_get_product( $the_product = false, $deprecated = array() ) {
	if ( ! did_action( 'woocommerce_init' ) || ! did_action( 'woocommerce_after_register_taxonomy' ) || ! did_action( 'woocommerce_after_register_post_type' ) ) {
		wc_doing_it_wrong( __FUNCTION__, 'wc_get_product should not be called before the woocommerce_init, woocommerce_after_register_taxonomy and woocommerce_after_register_post_type actions have finished.', '3.9' );
		return false;
	}
	if ( false === $the_product ) {
		$the_product = isset( $GLOBALS['post'] ) ? $GLOBALS['post'] : false;
	}
	if ( is_numeric( $the_product ) ) {
		$id = absint( $the_product );
	} elseif ( $the_product instanceof WC_Product ) {
		$id = absint( $the_product->get_id() );
	} elseif ( is_object( $the_product ) && ! empty( $the_product->ID ) ) {
		$id = absint( $the_product->ID );
	} else {
		return false;
	}
	if ( ! $id ) {
		return false;
	}
	$type = kvs_wc_standin_product_type_of( $id );
	if ( ! $type ) {
		return false;
	}
	$classname = kvs_wc_standin_product_classname( $type, $id );
	try {
		return new $classname( $id );
	} catch ( Exception $e ) {
		return false;
	}
}

/**
 * New (id 0) or existing product object of a type.
 *
 * @param string $product_type simple|variable|variation.
 * @param int    $product_id Id.
 * @return WC_Product
 */
function wc_get_product_object( $product_type, $product_id = 0 ) {
	$classname = kvs_wc_standin_product_classname( $product_type, $product_id );
	return new $classname( $product_id );
}

/**
 * Id of the (non-trashed) product or variation with this SKU, through wc_product_meta_lookup.
 *
 * @param string $sku SKU.
 * @return int
 */
function wc_get_product_id_by_sku( $sku ) {
	global $wpdb;
	$id = $wpdb->get_var( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$wpdb->prepare(
			"SELECT posts.ID FROM {$wpdb->posts} AS posts
			INNER JOIN {$wpdb->wc_product_meta_lookup} AS lookup ON posts.ID = lookup.product_id
			WHERE posts.post_type IN ( 'product', 'product_variation' )
			AND posts.post_status != 'trash'
			AND lookup.sku = %s
			LIMIT 1",
			$sku
		)
	);
	return (int) apply_filters( 'woocommerce_get_product_id_by_sku', $id, $sku );
}

/**
 * @param int    $product_id Product being checked (excluded).
 * @param string $sku SKU.
 * @return bool
 */
function wc_product_has_unique_sku( $product_id, $sku ) {
	global $wpdb;
	$found = $wpdb->get_var( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$wpdb->prepare(
			"SELECT posts.ID FROM {$wpdb->posts} AS posts
			INNER JOIN {$wpdb->wc_product_meta_lookup} AS lookup ON posts.ID = lookup.product_id
			WHERE posts.post_type IN ( 'product', 'product_variation' )
			AND posts.post_status != 'trash'
			AND lookup.sku = %s
			AND lookup.product_id <> %d
			LIMIT 1",
			wp_slash( $sku ),
			$product_id
		)
	);
	return ! apply_filters( 'wc_product_has_unique_sku', (bool) $found, $product_id, $sku );
}

/**
 * Drops product transients (children cache etc.).
 *
 * @param int $post_id Product id (0: all).
 */
function wc_delete_product_transients( $post_id = 0 ) {
	// As WooCommerce 8.9: fixed-name transients first, then the per-product ones, then the version bump.
	foreach ( array( 'wc_products_onsale', 'wc_featured_products', 'wc_outofstock_count', 'wc_low_stock_count' ) as $transient ) {
		delete_transient( $transient );
	}
	if ( $post_id > 0 ) {
		foreach ( array( 'wc_product_children_', 'wc_var_prices_', 'wc_related_', 'wc_child_has_weight_', 'wc_child_has_dimensions_' ) as $transient ) {
			delete_transient( $transient . $post_id );
		}
	}
	// WC_Cache_Helper::get_transient_version( 'product', true ).
	set_transient( 'product-transient-version', (string) time() );
	do_action( 'woocommerce_delete_product_transients', $post_id );
}

/**
 * Queues a variable product for price/stock sync at shutdown.
 *
 * @param int $product_id Parent id.
 */
function wc_deferred_product_sync( $product_id ) {
	global $wc_deferred_product_sync;
	if ( empty( $wc_deferred_product_sync ) ) {
		$wc_deferred_product_sync = array();
	}
	$wc_deferred_product_sync[] = $product_id;
}

/**
 * Stand-in helper: writes the product's wc_product_meta_lookup row from its meta, as WooCommerce does.
 *
 * @param int $id Product id.
 */
function kvs_wc_standin_update_product_lookup( $id ) {
	global $wpdb;
	$id = absint( $id );
	if ( ! $id ) {
		return;
	}
	$price_meta   = (array) get_post_meta( $id, '_price', false );
	$manage_stock = get_post_meta( $id, '_manage_stock', true );
	$stock        = 'yes' === $manage_stock ? wc_stock_amount( get_post_meta( $id, '_stock', true ) ) : null;
	$price        = wc_format_decimal( get_post_meta( $id, '_price', true ) );
	$sale_price   = wc_format_decimal( get_post_meta( $id, '_sale_price', true ) );
	$wpdb->replace( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$wpdb->wc_product_meta_lookup,
		array(
			'product_id'     => $id,
			'sku'            => get_post_meta( $id, '_sku', true ),
			'virtual'        => 'yes' === get_post_meta( $id, '_virtual', true ) ? 1 : 0,
			'downloadable'   => 'yes' === get_post_meta( $id, '_downloadable', true ) ? 1 : 0,
			'min_price'      => reset( $price_meta ),
			'max_price'      => end( $price_meta ),
			'onsale'         => $sale_price && $price === $sale_price ? 1 : 0,
			'stock_quantity' => $stock,
			'stock_status'   => get_post_meta( $id, '_stock_status', true ),
			'rating_count'   => array_sum( array_map( 'intval', (array) get_post_meta( $id, '_wc_rating_count', true ) ) ),
			'average_rating' => get_post_meta( $id, '_wc_average_rating', true ),
			'total_sales'    => get_post_meta( $id, 'total_sales', true ),
			'tax_status'     => get_post_meta( $id, '_tax_status', true ),
			'tax_class'      => get_post_meta( $id, '_tax_class', true ),
		)
	);
}

/**
 * Like WooCommerce (WC_Post_Data::delete_post): when a user who can delete_posts deletes a product post,
 * its variations are deleted too and lookup rows are removed. Without that capability (cron, CLI, REST
 * as nobody) WooCommerce does neither, and neither does the stand-in.
 */
add_action(
	'delete_post',
	static function ( $post_id ) {
		global $wpdb;
		if ( ! current_user_can( 'delete_posts' ) || ! $post_id ) {
			return;
		}
		$post_type = get_post_type( $post_id );
		if ( 'product' === $post_type ) {
			$variation_ids = get_posts(
				array(
					'post_parent' => $post_id,
					'post_type'   => 'product_variation',
					'fields'      => 'ids',
					'post_status' => array( 'any', 'trash', 'auto-draft' ),
					'numberposts' => -1,
				)
			);
			foreach ( wp_parse_id_list( $variation_ids ) as $variation_id ) {
				do_action( 'woocommerce_before_delete_product_variation', $variation_id );
				wp_delete_post( $variation_id, true );
				do_action( 'woocommerce_delete_product_variation', $variation_id );
			}
			delete_transient( 'wc_product_children_' . $post_id );
		}
		if ( in_array( $post_type, array( 'product', 'product_variation' ), true ) && ! empty( $wpdb->wc_product_meta_lookup ) ) {
			$wpdb->delete( $wpdb->wc_product_meta_lookup, array( 'product_id' => absint( $post_id ) ), array( '%d' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			if ( 'product_variation' === $post_type ) {
				wc_delete_product_transients( wp_get_post_parent_id( $post_id ) );
			}
		}
	}
);

/**
 * Term fields of an object's terms in a taxonomy (term_id, slug, name …).
 *
 * @param int    $object_id Object.
 * @param string $taxonomy Taxonomy.
 * @param string $field Field to return (null for terms).
 * @param string $index_key Field to key by.
 * @return array
 */
function wc_get_object_terms( $object_id, $taxonomy, $field = null, $index_key = null ) {
	$terms = get_the_terms( $object_id, $taxonomy );
	if ( ! $terms || is_wp_error( $terms ) ) {
		return array();
	}
	return is_null( $field ) ? $terms : wp_list_pluck( $terms, $field, $index_key );
}

/**
 * Products matching WooCommerce's wc_get_products() arguments (the subset below).
 *
 * Supported: status, type, limit, page, offset, paginate, return ('ids'|'objects'), orderby, order,
 * include, exclude, parent, parent_exclude, sku (LIKE match, as WooCommerce; '*' = has a SKU),
 * category (slugs), tag (slugs), stock_status, meta_key/meta_value/meta_compare, meta_query, tax_query,
 * date_created is not supported.
 *
 * @param array $args Query args.
 * @return array|object Products/ids, or { products, total, max_num_pages } with paginate.
 */
function wc_get_products( $args ) {
	$args = wp_parse_args(
		$args,
		array(
			'status'   => array( 'draft', 'pending', 'private', 'publish' ),
			'type'     => array_keys( wc_get_product_types() ),
			'limit'    => get_option( 'posts_per_page' ),
			'page'     => 1,
			'offset'   => '',
			'paginate' => false,
			'return'   => 'objects',
			'orderby'  => 'date',
			'order'    => 'DESC',
			'include'  => array(),
			'exclude'  => array(),
			'parent'   => '',
			'sku'      => '',
			'category' => array(),
			'tag'      => array(),
		)
	);
	$args = apply_filters( 'woocommerce_product_object_query_args', $args );

	$query = array(
		'post_status'    => $args['status'],
		'posts_per_page' => (int) $args['limit'],
		'paged'          => max( 1, (int) $args['page'] ),
		'orderby'        => $args['orderby'],
		'order'          => $args['order'],
		'fields'         => 'ids',
		'tax_query'      => array(), // phpcs:ignore WordPress.DB.SlowDBQuery
		'meta_query'     => array(), // phpcs:ignore WordPress.DB.SlowDBQuery
		'no_found_rows'  => ! $args['paginate'],
	);
	if ( 'any' === $args['status'] ) {
		$query['post_status'] = array( 'draft', 'pending', 'private', 'publish', 'future' );
	}
	if ( '' !== $args['offset'] && null !== $args['offset'] ) {
		$query['offset'] = (int) $args['offset'];
	}
	if ( 'variation' === $args['type'] ) {
		$query['post_type'] = 'product_variation';
	} elseif ( is_array( $args['type'] ) && in_array( 'variation', $args['type'], true ) ) {
		$query['post_type']   = array( 'product_variation', 'product' );
		$query['tax_query'][] = array(
			'relation' => 'OR',
			array(
				'taxonomy' => 'product_type',
				'field'    => 'slug',
				'terms'    => $args['type'],
			),
			array(
				'taxonomy' => 'product_type',
				'field'    => 'id',
				'operator' => 'NOT EXISTS',
			),
		);
	} else {
		$query['post_type']   = 'product';
		$query['tax_query'][] = array(
			'taxonomy' => 'product_type',
			'field'    => 'slug',
			'terms'    => $args['type'],
		);
	}
	if ( ! empty( $args['include'] ) ) {
		$query['post__in'] = array_map( 'absint', (array) $args['include'] );
	}
	if ( ! empty( $args['exclude'] ) ) {
		$query['post__not_in'] = array_map( 'absint', (array) $args['exclude'] );
	}
	if ( '' !== $args['parent'] && null !== $args['parent'] ) {
		$query['post_parent'] = absint( $args['parent'] );
	}
	if ( ! empty( $args['parent_exclude'] ) ) {
		$query['post_parent__not_in'] = array_map( 'absint', (array) $args['parent_exclude'] );
	}
	if ( ! empty( $args['category'] ) ) {
		$query['tax_query'][] = array(
			'taxonomy' => 'product_cat',
			'field'    => 'slug',
			'terms'    => $args['category'],
		);
	}
	if ( ! empty( $args['tag'] ) ) {
		$query['tax_query'][] = array(
			'taxonomy' => 'product_tag',
			'field'    => 'slug',
			'terms'    => $args['tag'],
		);
	}
	if ( '' !== $args['sku'] && null !== $args['sku'] ) {
		if ( '*' === $args['sku'] ) {
			$query['meta_query'][] = array(
				array(
					'key'     => '_sku',
					'compare' => 'EXISTS',
				),
				array(
					'key'     => '_sku',
					'value'   => '',
					'compare' => '!=',
				),
			);
		} else {
			$query['meta_query'][] = array(
				'key'     => '_sku',
				'value'   => $args['sku'],
				'compare' => 'LIKE',
			);
		}
	}
	if ( ! empty( $args['stock_status'] ) ) {
		$query['meta_query'][] = array(
			'key'     => '_stock_status',
			'value'   => $args['stock_status'],
			'compare' => is_array( $args['stock_status'] ) ? 'IN' : '=',
		);
	}
	foreach ( array( 'meta_key', 'meta_value', 'meta_compare', 'meta_type' ) as $key ) {
		if ( isset( $args[ $key ] ) && '' !== $args[ $key ] ) {
			$query[ $key ] = $args[ $key ];
		}
	}
	if ( ! empty( $args['meta_query'] ) ) {
		$query['meta_query'] = array_merge( $query['meta_query'], (array) $args['meta_query'] ); // phpcs:ignore WordPress.DB.SlowDBQuery
	}
	if ( ! empty( $args['tax_query'] ) ) {
		$query['tax_query'] = array_merge( $query['tax_query'], (array) $args['tax_query'] ); // phpcs:ignore WordPress.DB.SlowDBQuery
	}
	if ( 'include' === $args['orderby'] ) {
		$query['orderby'] = 'post__in';
	}
	// Like WooCommerce, orderby goes to WP_Query as given: use 'ID' (upper case); 'id' is ignored.

	$wp_query = new WP_Query( $query );
	$ids      = array_map( 'intval', $wp_query->posts );
	$results  = 'ids' === $args['return'] ? $ids : array_values( array_filter( array_map( 'wc_get_product', $ids ) ) );

	if ( $args['paginate'] ) {
		return (object) array(
			'products'      => $results,
			'total'         => (int) $wp_query->found_posts,
			'max_num_pages' => (int) $wp_query->max_num_pages,
		);
	}
	return $results;
}

/**
 * Text of a variation's attributes: "Label: Value, Label: Value" (flat) or a dl/ul list; term names for
 * taxonomy attributes. Accepts a WC_Product_Variation or an attribute array (with or without attribute_).
 *
 * @param WC_Product_Variation|array $variation Variation or attributes.
 * @param bool                       $flat Plain text instead of HTML.
 * @param bool                       $include_names Prefix the attribute labels.
 * @param bool                       $skip_attributes_in_name Leave out values already in the variation name.
 * @return string
 */
function wc_get_formatted_variation( $variation, $flat = false, $include_names = true, $skip_attributes_in_name = false ) {
	if ( $variation instanceof WC_Product_Variation ) {
		$attributes = $variation->get_attributes();
		$product    = $variation;
		$name       = $variation->get_name();
	} else {
		$product    = false;
		$name       = '';
		$attributes = array();
		foreach ( (array) $variation as $key => $value ) {
			$attributes[ str_replace( 'attribute_', '', $key ) ] = $value;
		}
	}
	$list_type = $include_names ? 'dl' : 'ul';
	$parts     = array();
	foreach ( $attributes as $attribute => $value ) {
		if ( taxonomy_exists( $attribute ) ) {
			$term = get_term_by( 'slug', $value, $attribute );
			if ( $term && ! is_wp_error( $term ) && null !== $term->name && '' !== $term->name ) {
				$value = $term->name;
			}
		}
		if ( '' === $value || ( $skip_attributes_in_name && wc_is_attribute_in_product_name( $value, $name ) ) ) {
			continue;
		}
		$label = $include_names ? wc_attribute_label( $attribute, $product ) : '';
		$text  = rawurldecode( (string) $value );
		if ( $flat ) {
			$parts[] = $include_names ? $label . ': ' . $text : $text;
		} else {
			$parts[] = $include_names ? '<dt>' . $label . ':</dt><dd>' . $text . '</dd>' : '<li>' . $text . '</li>';
		}
	}
	if ( $flat ) {
		return implode( ', ', $parts );
	}
	return '<' . $list_type . ' class="variation">' . implode( '', $parts ) . '</' . $list_type . '>';
}

/**
 * @param string $attribute Attribute value.
 * @param string $name Product name.
 * @return bool Whether the value already ends the name or is followed by a comma in it.
 */
function wc_is_attribute_in_product_name( $attribute, $name ) {
	$is_in_name = stristr( (string) $name, ' ' . $attribute . ',' ) || 0 === stripos( strrev( (string) $name ), strrev( ' ' . $attribute ) );
	return apply_filters( 'woocommerce_is_attribute_in_product_name', $is_in_name, $attribute, $name );
}
