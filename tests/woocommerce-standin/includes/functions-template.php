<?php
/**
 * Storefront helpers: price HTML, shop pages and the checkout URL, as WooCommerce offers them.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Currency symbol (the stand-in knows VND and the usual neighbours).
 *
 * @param string $currency Currency code (store currency when empty).
 * @return string HTML entity or text.
 */
function get_woocommerce_currency_symbol( $currency = '' ) {
	$currency = $currency ? $currency : get_woocommerce_currency();
	$symbols  = array(
		'VND' => '&#8363;',
		'USD' => '&#36;',
		'EUR' => '&euro;',
		'THB' => '&#3647;',
	);
	return apply_filters( 'woocommerce_currency_symbol', isset( $symbols[ $currency ] ) ? $symbols[ $currency ] : $currency, $currency );
}

/**
 * WooCommerce's price HTML: number formatted with the store separators and decimals, the currency symbol placed
 * by `woocommerce_currency_pos` (left, right, left_space, right_space; a space is a non-breaking space).
 *
 * @param float|string $price Price.
 * @return string
 */
function wc_price( $price ) {
	$decimals = wc_get_price_decimals();
	$negative = (float) $price < 0;
	$number   = number_format( abs( (float) $price ), $decimals, wc_get_price_decimal_separator(), wc_get_price_thousand_separator() );
	$symbol   = '<span class="woocommerce-Price-currencySymbol">' . get_woocommerce_currency_symbol() . '</span>';
	$formats  = array(
		'left'        => '%1$s%2$s',
		'right'       => '%2$s%1$s',
		'left_space'  => '%1$s&nbsp;%2$s',
		'right_space' => '%2$s&nbsp;%1$s',
	);
	$position = (string) get_option( 'woocommerce_currency_pos', 'left' );
	$format   = isset( $formats[ $position ] ) ? $formats[ $position ] : $formats['left'];
	$html     = ( $negative ? '-' : '' ) . sprintf( $format, $symbol, $number );
	return '<span class="woocommerce-Price-amount amount"><bdi>' . $html . '</bdi></span>';
}

/**
 * Id of a WooCommerce page (shop, cart, checkout, myaccount), -1 when not set.
 *
 * @param string $page Page key.
 * @return int
 */
function wc_get_page_id( $page ) {
	$id = (int) get_option( 'woocommerce_' . $page . '_page_id', -1 );
	return $id > 0 ? $id : -1;
}

/**
 * Permalink of a WooCommerce page (home when the page is missing).
 *
 * @param string $page Page key.
 * @return string
 */
function wc_get_page_permalink( $page ) {
	$id = wc_get_page_id( $page );
	return $id > 0 ? (string) get_permalink( $id ) : home_url( '/' );
}

/** @return string */
function wc_get_checkout_url() {
	return wc_get_page_permalink( 'checkout' );
}

/** @return string */
function wc_get_cart_url() {
	return wc_get_page_permalink( 'cart' );
}

/**
 * URL of an endpoint of a page (pretty permalinks: /checkout/order-received/12/; else a query arg).
 *
 * @param string $endpoint Endpoint.
 * @param string $value    Value.
 * @param string $permalink Page URL.
 * @return string
 */
function wc_get_endpoint_url( $endpoint, $value = '', $permalink = '' ) {
	$permalink = $permalink ? $permalink : get_permalink();
	if ( get_option( 'permalink_structure' ) ) {
		$query  = (string) wp_parse_url( $permalink, PHP_URL_QUERY );
		$base   = $query ? substr( $permalink, 0, -1 - strlen( $query ) ) : $permalink;
		$url    = trailingslashit( $base ) . $endpoint . '/' . ( '' !== (string) $value ? $value . '/' : '' );
		return $query ? $url . '?' . $query : $url;
	}
	return add_query_arg( $endpoint, $value, $permalink );
}
