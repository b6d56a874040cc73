<?php
/**
 * Global attributes: rows of {prefix}woocommerce_attribute_taxonomies and their `pa_*` taxonomies.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

if ( ! defined( 'WC_DELIMITER' ) ) {
	define( 'WC_DELIMITER', '|' );
}

/**
 * @param string $taxonomy Name.
 * @return string
 */
function wc_sanitize_taxonomy_name( $taxonomy ) {
	return apply_filters( 'sanitize_taxonomy_name', urldecode( sanitize_title( urldecode( (string) $taxonomy ) ) ), $taxonomy );
}

/**
 * @param string $attribute_name Slug without pa_.
 * @return string pa_{slug}
 */
function wc_attribute_taxonomy_name( $attribute_name ) {
	return $attribute_name ? 'pa_' . wc_sanitize_taxonomy_name( $attribute_name ) : '';
}

/**
 * @param string $attribute_name pa_x or x.
 * @return string x
 */
function wc_attribute_taxonomy_slug( $attribute_name ) {
	$attribute_name = wc_sanitize_taxonomy_name( $attribute_name );
	return 0 === strpos( $attribute_name, 'pa_' ) ? substr( $attribute_name, 3 ) : $attribute_name;
}

/**
 * Rows of woocommerce_attribute_taxonomies keyed "id:{attribute_id}" (cached in transient wc_attribute_taxonomies).
 *
 * @return object[]
 */
function wc_get_attribute_taxonomies() {
	$cached = wp_cache_get( 'attributes', 'woocommerce-attributes' );
	if ( false !== $cached ) {
		return $cached;
	}
	$raw = get_transient( 'wc_attribute_taxonomies' );
	if ( false === $raw ) {
		global $wpdb;
		$raw = $wpdb->get_results( "SELECT * FROM {$wpdb->prefix}woocommerce_attribute_taxonomies WHERE attribute_name != '' ORDER BY attribute_name ASC;" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		set_transient( 'wc_attribute_taxonomies', $raw );
	}
	$raw        = (array) array_filter( apply_filters( 'woocommerce_attribute_taxonomies', $raw ) );
	$attributes = array();
	foreach ( $raw as $row ) {
		$attributes[ 'id:' . $row->attribute_id ] = $row;
	}
	wp_cache_set( 'attributes', $attributes, 'woocommerce-attributes' );
	return $attributes;
}

/**
 * @return array<string, int> attribute_name => attribute_id
 */
function wc_get_attribute_taxonomy_ids() {
	return array_map( 'absint', wp_list_pluck( wc_get_attribute_taxonomies(), 'attribute_id', 'attribute_name' ) );
}

/**
 * @return array<string, string> attribute_name => label
 */
function wc_get_attribute_taxonomy_labels() {
	return wp_list_pluck( wc_get_attribute_taxonomies(), 'attribute_label', 'attribute_name' );
}

/**
 * @return string[] pa_* names
 */
function wc_get_attribute_taxonomy_names() {
	$names = array();
	foreach ( wc_get_attribute_taxonomies() as $tax ) {
		$names[] = wc_attribute_taxonomy_name( $tax->attribute_name );
	}
	return $names;
}

/**
 * @param string $name pa_x or x.
 * @return int Attribute id or 0.
 */
function wc_attribute_taxonomy_id_by_name( $name ) {
	$slug = wc_attribute_taxonomy_slug( $name );
	$ids  = wc_get_attribute_taxonomy_ids();
	return isset( $ids[ $slug ] ) ? $ids[ $slug ] : 0;
}

/**
 * @param int $attribute_id Id.
 * @return string pa_* or ''.
 */
function wc_attribute_taxonomy_name_by_id( $attribute_id ) {
	$name = array_search( (int) $attribute_id, wc_get_attribute_taxonomy_ids(), true );
	return false !== $name ? wc_attribute_taxonomy_name( $name ) : '';
}

/**
 * @param string $name Taxonomy name.
 * @return bool
 */
function taxonomy_is_product_attribute( $name ) {
	global $wc_product_attributes;
	return taxonomy_exists( $name ) && is_array( $wc_product_attributes ) && array_key_exists( $name, $wc_product_attributes );
}

/**
 * @param string          $name Attribute name.
 * @param WC_Product|string $product Product for custom attribute labels.
 * @return string
 */
function wc_attribute_label( $name, $product = '' ) {
	if ( 0 === strpos( (string) $name, 'pa_' ) ) {
		$slug   = wc_attribute_taxonomy_slug( $name );
		$labels = wc_get_attribute_taxonomy_labels();
		$label  = isset( $labels[ $slug ] ) && $labels[ $slug ] ? $labels[ $slug ] : $slug;
	} elseif ( $product instanceof WC_Product ) {
		if ( $product->is_type( 'variation' ) ) {
			$product = wc_get_product( $product->get_parent_id() );
		}
		$attributes = $product ? $product->get_attributes() : array();
		$key        = sanitize_title( $name );
		$label      = isset( $attributes[ $key ] ) ? $attributes[ $key ]->get_name() : $name;
	} else {
		$label = $name;
	}
	return apply_filters( 'woocommerce_attribute_label', $label, $name, $product );
}

/**
 * @param string $attribute_name Name.
 * @return string attribute_{sanitized}
 */
function wc_variation_attribute_name( $attribute_name ) {
	return 'attribute_' . sanitize_title( $attribute_name );
}

/**
 * @param string[] $attributes Options.
 * @return string "a | b"
 */
function wc_implode_text_attributes( $attributes ) {
	return implode( ' ' . WC_DELIMITER . ' ', $attributes );
}

/**
 * @param string $raw_attributes "a | b".
 * @return string[]
 */
function wc_get_text_attributes( $raw_attributes ) {
	return array_filter(
		array_map( 'trim', explode( WC_DELIMITER, html_entity_decode( (string) $raw_attributes, ENT_QUOTES, get_bloginfo( 'charset' ) ) ) ),
		static function ( $value ) {
			return '' !== $value;
		}
	);
}

/**
 * @return array<string, string>
 */
function wc_get_attribute_types() {
	return (array) apply_filters( 'product_attributes_type_selector', array( 'select' => 'Select' ) );
}

/**
 * @param string $attribute_name Slug.
 * @return bool
 */
function wc_check_if_attribute_name_is_reserved( $attribute_name ) {
	$reserved = array( 'attachment', 'attachment_id', 'author', 'author_name', 'calendar', 'cat', 'category', 'category__and', 'category__in', 'category__not_in', 'category_name', 'comments_per_page', 'comments_popup', 'cpage', 'day', 'debug', 'error', 'exact', 'feed', 'hour', 'link_category', 'm', 'minute', 'monthnum', 'more', 'name', 'nav_menu', 'nopaging', 'offset', 'order', 'orderby', 'p', 'page', 'page_id', 'paged', 'pagename', 'pb', 'perm', 'post', 'post__in', 'post__not_in', 'post_format', 'post_mime_type', 'post_status', 'post_tag', 'post_type', 'posts', 'posts_per_archive_page', 'posts_per_page', 'preview', 'robots', 's', 'search', 'second', 'sentence', 'showposts', 'static', 'subpost', 'subpost_id', 'tag', 'tag__and', 'tag__in', 'tag__not_in', 'tag_id', 'tag_slug__and', 'tag_slug__in', 'taxonomy', 'tb', 'term', 'type', 'types', 'w', 'withcomments', 'withoutcomments', 'year' );
	return in_array( $attribute_name, $reserved, true );
}

/**
 * Creates (or updates, with args['id']) a global attribute row. Like WooCommerce, the `pa_*` taxonomy
 * exists only from the next request on (or once registered by the caller).
 *
 * @param array $args name, slug, type, order_by, has_archives, id.
 * @return int|WP_Error Attribute id.
 */
function wc_create_attribute( $args ) {
	global $wpdb;
	$args = wp_unslash( (array) $args );
	if ( empty( $args['type'] ) || ! array_key_exists( $args['type'], wc_get_attribute_types() ) ) {
		$args['type'] = 'select';
	}
	if ( empty( $args['order_by'] ) || ! in_array( $args['order_by'], array( 'menu_order', 'name', 'name_num', 'id' ), true ) ) {
		$args['order_by'] = 'menu_order';
	}
	$id = ! empty( $args['id'] ) ? intval( $args['id'] ) : 0;
	if ( empty( $args['name'] ) ) {
		return new WP_Error( 'missing_attribute_name', 'Please, provide an attribute name.', array( 'status' => 400 ) );
	}
	$slug = empty( $args['slug'] ) ? wc_sanitize_taxonomy_name( $args['name'] ) : preg_replace( '/^pa\_/', '', wc_sanitize_taxonomy_name( $args['slug'] ) );

	if ( strlen( $slug ) > 28 ) {
		return new WP_Error( 'invalid_product_attribute_slug_too_long', sprintf( 'Slug "%s" is too long (28 characters max). Shorten it, please.', $slug ), array( 'status' => 400 ) );
	} elseif ( wc_check_if_attribute_name_is_reserved( $slug ) ) {
		return new WP_Error( 'invalid_product_attribute_slug_reserved_name', sprintf( 'Slug "%s" is not allowed because it is a reserved term. Change it, please.', $slug ), array( 'status' => 400 ) );
	} elseif ( ( 0 === $id && taxonomy_exists( wc_attribute_taxonomy_name( $slug ) ) ) || ( isset( $args['old_slug'] ) && $args['old_slug'] !== $slug && taxonomy_exists( wc_attribute_taxonomy_name( $slug ) ) ) ) {
		return new WP_Error( 'invalid_product_attribute_slug_already_exists', sprintf( 'Slug "%s" is already in use. Change it, please.', $slug ), array( 'status' => 400 ) );
	}

	$data = array(
		'attribute_label'   => $args['name'],
		'attribute_name'    => $slug,
		'attribute_type'    => $args['type'],
		'attribute_orderby' => $args['order_by'],
		'attribute_public'  => isset( $args['has_archives'] ) ? (int) $args['has_archives'] : 0,
	);
	$format = array( '%s', '%s', '%s', '%s', '%d' );

	if ( 0 === $id ) {
		$result = $wpdb->insert( $wpdb->prefix . 'woocommerce_attribute_taxonomies', $data, $format ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		if ( false === $result ) {
			return new WP_Error( 'cannot_create_attribute', 'Could not create the attribute.', array( 'status' => 400 ) );
		}
		$id = (int) $wpdb->insert_id;
		do_action( 'woocommerce_attribute_added', $id, $data );
	} else {
		$result = $wpdb->update( $wpdb->prefix . 'woocommerce_attribute_taxonomies', $data, array( 'attribute_id' => $id ), $format, array( '%d' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		if ( false === $result ) {
			return new WP_Error( 'cannot_update_attribute', 'Could not update the attribute.', array( 'status' => 400 ) );
		}
		do_action( 'woocommerce_attribute_updated', $id, $data, isset( $args['old_slug'] ) ? $args['old_slug'] : $slug );
	}

	wp_schedule_single_event( time(), 'woocommerce_flush_rewrite_rules' );
	delete_transient( 'wc_attribute_taxonomies' );
	wp_cache_delete( 'attributes', 'woocommerce-attributes' );
	return $id;
}

/**
 * @param int $id Attribute id.
 * @return object|null id, name (label), slug (pa_*), type, order_by, has_archives.
 */
function wc_get_attribute( $id ) {
	$attributes = wc_get_attribute_taxonomies();
	if ( ! isset( $attributes[ 'id:' . $id ] ) ) {
		return null;
	}
	$row                     = $attributes[ 'id:' . $id ];
	$attribute               = new stdClass();
	$attribute->id           = (int) $row->attribute_id;
	$attribute->name         = $row->attribute_label;
	$attribute->slug         = wc_attribute_taxonomy_name( $row->attribute_name );
	$attribute->type         = $row->attribute_type;
	$attribute->order_by     = $row->attribute_orderby;
	$attribute->has_archives = (bool) $row->attribute_public;
	return $attribute;
}
