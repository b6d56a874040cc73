<?php
/**
 * Stand-in for Automattic\WooCommerce\Utilities\FeaturesUtil.
 *
 * @package kiotviet-sync
 */

namespace Automattic\WooCommerce\Utilities;

defined( 'ABSPATH' ) || exit;

/**
 * Records compatibility declarations so tests can check them.
 */
class FeaturesUtil {

	/** @var array<string, array<string, bool>> feature id => plugin file => compatible */
	private static $declarations = array();

	/**
	 * Same signature as WooCommerce: must be called from before_woocommerce_init.
	 *
	 * @param string $feature_id Feature (e.g. custom_order_tables).
	 * @param string $plugin_file Main plugin file.
	 * @param bool   $positive_compatibility Compatible or not.
	 * @return bool
	 */
	public static function declare_compatibility( $feature_id, $plugin_file, $positive_compatibility = true ) {
		if ( ! doing_action( 'before_woocommerce_init' ) ) {
			_doing_it_wrong( __METHOD__, 'FeaturesUtil::declare_compatibility should be called inside the before_woocommerce_init action.', '7.0' );
			return false;
		}
		self::$declarations[ (string) $feature_id ][ plugin_basename( (string) $plugin_file ) ] = (bool) $positive_compatibility;
		return true;
	}

	/**
	 * Stand-in only: the declarations made so far.
	 *
	 * @return array<string, array<string, bool>>
	 */
	public static function get_declarations() {
		return self::$declarations;
	}

	/**
	 * No feature is enabled in the stand-in (legacy order storage).
	 *
	 * @param string $feature_id Feature.
	 * @return bool
	 */
	public static function feature_is_enabled( $feature_id ) {
		return false;
	}
}
