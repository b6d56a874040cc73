<?php
/**
 * Simple product.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * product_type term "simple".
 */
class WC_Product_Simple extends WC_Product {

	/** @return string */
	public function get_type() {
		return 'simple';
	}
}
