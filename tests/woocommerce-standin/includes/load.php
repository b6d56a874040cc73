<?php
/**
 * Loads every file of the stand-in in dependency order.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

$kvs_wc_standin_files = array(
	'class-kvs-wc-standin.php',
	'class-kvs-wc-standin-install.php',
	'functions-core.php',
	'functions-attribute.php',
	'functions-product.php',
	'functions-stock.php',
	'functions-order.php',
	'class-wc-datetime.php',
	'class-wc-data-exception.php',
	'class-wc-meta-data.php',
	'class-wc-data.php',
	'class-wc-product-attribute.php',
	'class-wc-product.php',
	'class-wc-product-simple.php',
	'class-wc-product-variable.php',
	'class-wc-product-variation.php',
	'class-wc-order-item.php',
	'class-wc-order-item-product.php',
	'class-wc-order-item-shipping.php',
	'class-wc-order-item-fee.php',
	'class-wc-abstract-order.php',
	'class-wc-order.php',
	'interface-wc-logger.php',
	'class-wc-logger.php',
	'class-wc-countries.php',
	'class-woocommerce.php',
	'functions-template.php',
	'class-wc-shipping-zone.php',
	'class-wc-shipping-zones.php',
	'class-kvs-wc-standin-storefront.php',
	'../src/Utilities/FeaturesUtil.php',
	'../src/Utilities/OrderUtil.php',
);
foreach ( $kvs_wc_standin_files as $kvs_wc_standin_file ) {
	require_once __DIR__ . '/' . $kvs_wc_standin_file;
}
unset( $kvs_wc_standin_files, $kvs_wc_standin_file );
