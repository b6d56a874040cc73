<?php
/**
 * Bench worker: normalised export of the WooCommerce catalog (products, variations, attributes, prices, sale
 * dates, stock, categories, wc_product_meta_lookup), keyed by SKU (variable parents by their first variation's
 * SKU), without ids and dates of creation/modification, for the equivalence check.
 *
 *   php bench/php/dump.php SITE_DIR OUT_FILE
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

require __DIR__ . '/common.php';

global $wpdb;
$out_file = (string) ( $argv[2] ?? '' );

$paths = array();
$terms = get_terms( array( 'taxonomy' => 'product_cat', 'hide_empty' => false ) );
$by_id = array();
foreach ( $terms as $t ) {
	$by_id[ $t->term_id ] = $t;
}
$path_of = static function ( int $id ) use ( $by_id ): string {
	$parts = array();
	while ( $id && isset( $by_id[ $id ] ) ) {
		array_unshift( $parts, $by_id[ $id ]->name );
		$id = (int) $by_id[ $id ]->parent;
	}
	return implode( ' > ', $parts );
};
foreach ( $by_id as $id => $t ) {
	if ( 'uncategorized' !== $t->slug ) {
		$paths[] = $path_of( $id );
	}
}
sort( $paths );

$lookup = array();
foreach ( $wpdb->get_results( "SELECT * FROM {$wpdb->prefix}wc_product_meta_lookup", ARRAY_A ) as $row ) {
	$lookup[ (int) $row['product_id'] ] = $row;
}

$meta_keys = array( '_sku', '_regular_price', '_sale_price', '_price', '_sale_price_dates_from', '_sale_price_dates_to', '_manage_stock', '_stock', '_stock_status', '_low_stock_amount', '_weight', '_backorders', '_tax_status', '_tax_class', '_virtual', '_downloadable', '_sold_individually', '_product_attributes' );
$products  = array();
$ids       = $wpdb->get_col( "SELECT ID FROM {$wpdb->posts} WHERE post_type IN ('product','product_variation') AND post_status <> 'trash' ORDER BY ID" );
$rows      = array();
foreach ( array_chunk( $ids, 500 ) as $chunk ) {
	$in = implode( ',', array_map( 'intval', $chunk ) );
	foreach ( $wpdb->get_results( "SELECT ID, post_type, post_status, post_title, post_content, post_excerpt, post_parent, menu_order FROM {$wpdb->posts} WHERE ID IN ($in)", ARRAY_A ) as $p ) {
		$rows[ (int) $p['ID'] ] = $p + array( 'meta' => array(), 'cats' => array(), 'type' => null, 'visibility' => array() );
	}
	foreach ( $wpdb->get_results( "SELECT post_id, meta_key, meta_value FROM {$wpdb->postmeta} WHERE post_id IN ($in) AND (meta_key LIKE 'attribute\\_%' OR meta_key IN ('" . implode( "','", $meta_keys ) . "'))", ARRAY_A ) as $m ) {
		$rows[ (int) $m['post_id'] ]['meta'][ $m['meta_key'] ] = $m['meta_value'];
	}
	foreach ( $wpdb->get_results( "SELECT tr.object_id, tt.taxonomy, tt.term_id, t.name FROM {$wpdb->term_relationships} tr JOIN {$wpdb->term_taxonomy} tt ON tt.term_taxonomy_id = tr.term_taxonomy_id JOIN {$wpdb->terms} t ON t.term_id = tt.term_id WHERE tr.object_id IN ($in)", ARRAY_A ) as $t ) {
		$id = (int) $t['object_id'];
		if ( 'product_cat' === $t['taxonomy'] ) {
			$rows[ $id ]['cats'][] = $path_of( (int) $t['term_id'] );
		} elseif ( 'product_type' === $t['taxonomy'] ) {
			$rows[ $id ]['type'] = $t['name'];
		} elseif ( 'product_visibility' === $t['taxonomy'] ) {
			$rows[ $id ]['visibility'][] = $t['name'];
		}
	}
}
// Keys: SKU; a parent without SKU → "parent-of:" + the lowest child SKU.
$children = array();
foreach ( $rows as $id => $r ) {
	if ( 'product_variation' === $r['post_type'] ) {
		$children[ (int) $r['post_parent'] ][] = (string) ( $r['meta']['_sku'] ?? '' );
	}
}
$key_of = static function ( int $id ) use ( $rows, $children ): string {
	$sku = (string) ( $rows[ $id ]['meta']['_sku'] ?? '' );
	if ( '' !== $sku ) {
		return $sku;
	}
	$kids = $children[ $id ] ?? array();
	sort( $kids );
	return 'parent-of:' . ( $kids[0] ?? ( 'id' . $id ) );
};
foreach ( $rows as $id => $r ) {
	$meta = $r['meta'];
	if ( isset( $meta['_product_attributes'] ) ) {
		$attrs = maybe_unserialize( $meta['_product_attributes'] );
		$meta['_product_attributes'] = is_array( $attrs ) ? array_values( $attrs ) : $attrs;
	}
	ksort( $meta );
	sort( $r['cats'] );
	sort( $r['visibility'] );
	$l = $lookup[ $id ] ?? null;
	if ( null !== $l ) {
		unset( $l['product_id'] );
	}
	$kids = $children[ $id ] ?? array();
	sort( $kids );
	$products[ $key_of( $id ) ] = array(
		'post_type'   => $r['post_type'],
		'type'        => $r['type'],
		'status'      => $r['post_status'],
		'title'       => $r['post_title'],
		'content'     => $r['post_content'],
		'excerpt'     => $r['post_excerpt'],
		'menu_order'  => (int) $r['menu_order'],
		'parent'      => (int) $r['post_parent'] ? $key_of( (int) $r['post_parent'] ) : null,
		'children'    => $kids,
		'categories'  => $r['cats'],
		'visibility'  => $r['visibility'],
		'meta'        => $meta,
		'lookup'      => $l,
	);
}
ksort( $products );
// WordPress's term counts must match the published products assigned (the subset makes the two sites' counts
// differ by construction, so each site is checked against itself).
$count_errors = array();
foreach ( $wpdb->get_results( "SELECT tt.taxonomy, t.slug, tt.count, ( SELECT COUNT(*) FROM {$wpdb->term_relationships} tr JOIN {$wpdb->posts} p ON p.ID = tr.object_id WHERE tr.term_taxonomy_id = tt.term_taxonomy_id AND p.post_status = 'publish' AND p.post_type = 'product' ) AS actual FROM {$wpdb->term_taxonomy} tt JOIN {$wpdb->terms} t ON t.term_id = tt.term_id WHERE tt.taxonomy IN ('product_cat','product_tag')", ARRAY_A ) as $row ) {
	if ( (int) $row['count'] !== (int) $row['actual'] ) {
		$count_errors[] = $row['taxonomy'] . ':' . $row['slug'] . ' count ' . $row['count'] . ' ≠ ' . $row['actual'] . ' published products';
	}
}
file_put_contents( $out_file, (string) wp_json_encode( array( 'categories' => $paths, 'products' => $products, 'term_count_errors' => $count_errors ), JSON_UNESCAPED_UNICODE ) );
kvs_bench_out( array( 'file' => $out_file, 'products' => count( $products ), 'categories' => count( $paths ) ) );
