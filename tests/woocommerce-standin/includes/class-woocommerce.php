<?php
/**
 * The small object WC() returns.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Only the parts of WooCommerce's main class that plugins commonly touch.
 */
final class WooCommerce {

	/** @var string */
	public $version = WC_VERSION;

	/** @var WooCommerce|null */
	private static $instance = null;

	/** @var WC_Countries|null */
	private $countries_instance = null;

	/**
	 * Lazy ->countries, as WooCommerce sets it on init.
	 *
	 * @param string $key Property.
	 * @return mixed
	 */
	public function __get( $key ) {
		if ( 'countries' === $key ) {
			if ( null === $this->countries_instance ) {
				$this->countries_instance = new WC_Countries();
			}
			return $this->countries_instance;
		}
		return null;
	}

	/**
	 * @return WooCommerce
	 */
	public static function instance() {
		if ( null === self::$instance ) {
			self::$instance = new self();
		}
		return self::$instance;
	}

	/**
	 * @return string
	 */
	public function plugin_path() {
		return untrailingslashit( WC_ABSPATH );
	}

	/**
	 * @return string
	 */
	public function plugin_url() {
		return untrailingslashit( plugins_url( '/', WC_PLUGIN_FILE ) );
	}

	/**
	 * @return string
	 */
	public function template_path() {
		return 'woocommerce/';
	}

	/**
	 * Stand-in answer to WooCommerce's request-type check.
	 *
	 * @param string $type admin|ajax|cron|frontend.
	 * @return bool
	 */
	public function is_request( $type ) {
		switch ( $type ) {
			case 'admin':
				return is_admin();
			case 'ajax':
				return wp_doing_ajax();
			case 'cron':
				return wp_doing_cron();
			default:
				return ( ! is_admin() || wp_doing_ajax() ) && ! wp_doing_cron() && ! ( defined( 'REST_REQUEST' ) && REST_REQUEST );
		}
	}
}
