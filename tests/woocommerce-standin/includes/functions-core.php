<?php
/**
 * Core helpers of WooCommerce the plugin (and the stand-in) use: WC(), currency, formatting, logger.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * The main instance (WooCommerce's WC()).
 *
 * @return WooCommerce
 */
function WC() { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.FunctionNameInvalid
	return WooCommerce::instance();
}

/**
 * Store currency; WooCommerce reads option woocommerce_currency through the woocommerce_currency filter.
 *
 * @return string
 */
function get_woocommerce_currency() {
	return apply_filters( 'woocommerce_currency', get_option( 'woocommerce_currency', 'VND' ) );
}

/**
 * Number of decimals for prices (option woocommerce_price_num_decimals).
 *
 * @param string $currency Unused, as in WooCommerce 8.9.
 * @return int
 */
function wc_get_price_decimals( $currency = '' ) {
	return absint( apply_filters( 'wc_get_price_decimals', get_option( 'woocommerce_price_num_decimals', 2 ) ) );
}

/**
 * @return string
 */
function wc_get_price_decimal_separator() {
	$separator = apply_filters( 'wc_get_price_decimal_separator', get_option( 'woocommerce_price_decimal_sep' ) );
	return $separator ? stripslashes( $separator ) : '.';
}

/**
 * @return string
 */
function wc_get_price_thousand_separator() {
	return stripslashes( apply_filters( 'wc_get_price_thousand_separator', get_option( 'woocommerce_price_thousand_sep' ) ) );
}

/**
 * @return int
 */
function wc_get_rounding_precision() {
	$precision = wc_get_price_decimals() + 2;
	return $precision < 6 ? 6 : $precision;
}

/**
 * Normalises a number to a string with "." decimals, like WooCommerce's wc_format_decimal().
 *
 * @param mixed    $number     Number.
 * @param int|bool $dp         Decimal places (false: as given; '' : store setting).
 * @param bool     $trim_zeros Trim trailing zeros.
 * @return string
 */
function wc_format_decimal( $number, $dp = false, $trim_zeros = false ) {
	$number   = null === $number ? '' : $number;
	$locale   = localeconv();
	$decimals = array( wc_get_price_decimal_separator(), $locale['decimal_point'], $locale['mon_decimal_point'] );

	if ( ! is_float( $number ) ) {
		$number = str_replace( $decimals, '.', (string) $number );
		$number = preg_replace( '/\.(?![^.]+$)|[^0-9.-]/', '', wc_clean( $number ) );
	}

	if ( false !== $dp ) {
		$dp     = intval( '' === $dp ? wc_get_price_decimals() : $dp );
		$number = number_format( floatval( $number ), $dp, '.', '' );
	} elseif ( is_float( $number ) ) {
		$number     = str_replace( $decimals, '.', sprintf( '%.' . wc_get_rounding_precision() . 'f', $number ) );
		$trim_zeros = true;
	}

	if ( $trim_zeros && strstr( $number, '.' ) ) {
		$number = rtrim( rtrim( $number, '0' ), '.' );
	}
	return $number;
}

/**
 * Stock amounts are integers unless filtered (WooCommerce hooks intval on woocommerce_stock_amount).
 *
 * @param mixed $amount Amount.
 * @return mixed
 */
function wc_stock_amount( $amount ) {
	return apply_filters( 'woocommerce_stock_amount', $amount );
}

/**
 * @param mixed $value 'yes'/'true'/'1'/1/true.
 * @return bool
 */
function wc_string_to_bool( $value ) {
	$value = null === $value ? '' : $value;
	return is_bool( $value ) ? $value : ( 1 === $value || in_array( strtolower( (string) $value ), array( 'yes', 'true', '1' ), true ) );
}

/**
 * @param mixed $value Value.
 * @return string 'yes' or 'no'.
 */
function wc_bool_to_string( $value ) {
	if ( ! is_bool( $value ) ) {
		$value = wc_string_to_bool( $value );
	}
	return true === $value ? 'yes' : 'no';
}

/**
 * Sanitises strings and arrays of strings.
 *
 * @param mixed $value Value.
 * @return mixed
 */
function wc_clean( $value ) {
	if ( is_array( $value ) ) {
		return array_map( 'wc_clean', $value );
	}
	return is_scalar( $value ) ? sanitize_text_field( (string) $value ) : $value;
}

/**
 * Site timezone offset in seconds.
 *
 * @return float
 */
function wc_timezone_offset() {
	return (float) wp_timezone()->getOffset( new DateTime( 'now', new DateTimeZone( 'UTC' ) ) );
}

/**
 * Site timezone as a string usable by DateTimeZone.
 *
 * @return string
 */
function wc_timezone_string() {
	return wp_timezone_string();
}

/**
 * @param string   $time_string Date string.
 * @param int|null $from_timestamp Base.
 * @return int
 */
function wc_string_to_timestamp( $time_string, $from_timestamp = null ) {
	$original = date_default_timezone_get();
	date_default_timezone_set( 'UTC' ); // phpcs:ignore WordPress.DateTime.RestrictedFunctions.timezone_change_date_default_timezone_set -- restored below, exactly as WooCommerce does.
	$timestamp = null === $from_timestamp ? strtotime( $time_string ) : strtotime( $time_string, $from_timestamp );
	date_default_timezone_set( $original ); // phpcs:ignore WordPress.DateTime.RestrictedFunctions.timezone_change_date_default_timezone_set
	return (int) $timestamp;
}

/**
 * Logger (WooCommerce's wc_get_logger()); the stand-in keeps entries in memory and in a per-day file.
 *
 * @return WC_Logger_Interface
 */
function wc_get_logger() {
	static $logger = null;
	if ( null === $logger ) {
		$class  = apply_filters( 'woocommerce_logging_class', 'WC_Logger' );
		$logger = is_object( $class ) ? $class : new $class();
	}
	return $logger;
}

/**
 * Marks a misuse like WooCommerce does (wraps _doing_it_wrong()).
 *
 * @param string $function_name Function.
 * @param string $message Message.
 * @param string $version Version.
 */
function wc_doing_it_wrong( $function_name, $message, $version ) {
	_doing_it_wrong( esc_html( $function_name ), esc_html( $message ), esc_html( $version ) );
}

// WooCommerce's installer stores these; keep the documented defaults if a site lacks them.
add_filter(
	'default_option_woocommerce_weight_unit',
	static function ( $value ) {
		return false === $value ? 'kg' : $value;
	}
);
add_filter(
	'default_option_woocommerce_manage_stock',
	static function ( $value ) {
		return false === $value ? 'yes' : $value;
	}
);
