<?php
/**
 * Installs or configures a local WordPress site from the command line (no wp-cli needed).
 *
 * Usage: php install-wp.php <site dir> install <url> <title> <admin user> <admin pass> <locale>
 *        php install-wp.php <site dir> activate <plugin file>
 *        php install-wp.php <site dir> configure-woocommerce
 *
 * @package kiotviet-sync
 */

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}

list( , $kvs_dir, $kvs_command ) = $argv + array( null, null, null );
$kvs_url                          = 'install' === $kvs_command ? $argv[3] : null;
$kvs_parts                        = parse_url( (string) ( $kvs_url ?? 'http://127.0.0.1/' ) );

$_SERVER['HTTP_HOST']   = $kvs_parts['host'] . ( isset( $kvs_parts['port'] ) ? ':' . $kvs_parts['port'] : '' );
$_SERVER['SERVER_NAME'] = $kvs_parts['host'];
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PORT'] = isset( $kvs_parts['port'] ) ? (string) $kvs_parts['port'] : '80';

if ( 'install' === $kvs_command ) {
	define( 'WP_INSTALLING', true );
}
define( 'WP_USE_THEMES', false );
require $kvs_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

switch ( $kvs_command ) {
	case 'install':
		list( , , , , $title, $user, $pass, $locale ) = $argv;
		if ( is_blog_installed() ) {
			echo "already installed\n";
			break;
		}
		$result = wp_install( $title, $user, 'admin@example.test', false, '', wp_slash( $pass ), $locale );
		update_option( 'permalink_structure', '/%postname%/' );
		update_option( 'timezone_string', 'Asia/Ho_Chi_Minh' );
		update_option( 'WPLANG', 'en_US' === $locale ? '' : $locale );
		update_option( 'blogdescription', 'KiotViet Sync local site' );
		flush_rewrite_rules( true );
		echo 'installed user ' . (int) $result['user_id'] . "\n";
		break;

	case 'activate':
		$plugin = $argv[3];
		$result = activate_plugin( $plugin, '', false, false );
		if ( is_wp_error( $result ) ) {
			fwrite( STDERR, 'activation of ' . $plugin . ' failed: ' . $result->get_error_message() . "\n" );
			exit( 1 );
		}
		echo 'activated ' . $plugin . "\n";
		break;

	case 'configure-woocommerce':
		// A Vietnamese shop: VND without decimals, kilograms, no onboarding wizard, no tracking.
		update_option( 'woocommerce_default_country', 'VN' );
		update_option( 'woocommerce_currency', 'VND' );
		update_option( 'woocommerce_price_num_decimals', '0' );
		update_option( 'woocommerce_price_thousand_sep', '.' );
		update_option( 'woocommerce_price_decimal_sep', ',' );
		update_option( 'woocommerce_currency_pos', 'right_space' );
		update_option( 'woocommerce_weight_unit', 'kg' );
		update_option( 'woocommerce_manage_stock', 'yes' );
		update_option( 'woocommerce_allow_tracking', 'no' );
		update_option( 'woocommerce_show_marketplace_suggestions', 'no' );
		update_option( 'woocommerce_task_list_hidden', 'yes' );
		update_option( 'woocommerce_onboarding_profile', array( 'skipped' => true ) );
		update_option( 'woocommerce_coming_soon', 'no' );
		update_option( 'woocommerce_cod_settings', array( 'enabled' => 'yes', 'title' => 'Cash on delivery' ) );
		// Checkout of a Vietnamese shop: sells and ships to Vietnam, asks for the phone (KiotViet finds the
		// customer by it), no company / second address line, one flat delivery fee for the whole country.
		update_option( 'woocommerce_allowed_countries', 'specific' );
		update_option( 'woocommerce_specific_allowed_countries', array( 'VN' ) );
		update_option( 'woocommerce_ship_to_countries', '' );
		update_option( 'woocommerce_checkout_phone_field', 'required' );
		update_option( 'woocommerce_checkout_company_field', 'hidden' );
		update_option( 'woocommerce_checkout_address_2_field', 'hidden' );
		update_option( 'woocommerce_calc_taxes', 'no' );
		update_option( 'woocommerce_enable_guest_checkout', 'yes' );
		if ( class_exists( 'WC_Shipping_Zone' ) && class_exists( 'WC_Shipping_Zones' ) ) {
			$kvs_zone_name = 'Việt Nam';
			$kvs_has_zone  = false;
			foreach ( WC_Shipping_Zones::get_zones() as $kvs_zone_data ) {
				$kvs_has_zone = $kvs_has_zone || $kvs_zone_name === $kvs_zone_data['zone_name'];
			}
			if ( ! $kvs_has_zone ) {
				$kvs_zone = new WC_Shipping_Zone();
				$kvs_zone->set_zone_name( $kvs_zone_name );
				$kvs_zone->set_zone_order( 0 );
				$kvs_zone->add_location( 'VN', 'country' );
				$kvs_zone->save();
				$kvs_instance = $kvs_zone->add_shipping_method( 'flat_rate' );
				update_option(
					'woocommerce_flat_rate_' . $kvs_instance . '_settings',
					array(
						'title'      => 'Giao hàng tận nơi',
						'tax_status' => 'none',
						'cost'       => '30000',
					)
				);
				echo 'shipping zone ' . (int) $kvs_zone->get_id() . ' flat rate ' . (int) $kvs_instance . "\n";
			}
			// WooCommerce caches the number of shipping methods (0 while it installed) under the shipping
			// transient version, which adding a method here does not bump: without this the cart "needs no
			// shipping" and the block checkout offers no payment method (cash on delivery needs shipping).
			delete_transient( 'wc_shipping_method_count' );
			delete_transient( 'wc_shipping_method_count_legacy' );
			if ( class_exists( 'WC_Cache_Helper' ) ) {
				WC_Cache_Helper::get_transient_version( 'shipping', true );
			}
		}
		if ( class_exists( 'WC_Install' ) && method_exists( 'WC_Install', 'create_pages' ) ) {
			WC_Install::create_pages();
		}
		// A shop installed through wp-admin gets HPOS (custom order tables) on its first admin visit
		// (woocommerce_newly_installed); this CLI install does the same now so sites match a new real shop.
		$kvs_sync_class = 'Automattic\WooCommerce\Internal\DataStores\Orders\DataSynchronizer';
		if ( class_exists( 'WC_Install' ) && method_exists( 'WC_Install', 'maybe_enable_hpos' ) && function_exists( 'wc_get_container' ) && class_exists( $kvs_sync_class ) ) {
			$kvs_sync = wc_get_container()->get( $kvs_sync_class );
			if ( ! $kvs_sync->check_orders_table_exists() ) {
				$kvs_sync->create_database_tables();
			}
			WC_Install::maybe_enable_hpos();
			echo 'hpos: ' . get_option( 'woocommerce_custom_orders_table_enabled' ) . "\n";
		}
		echo "configured woocommerce\n";
		break;

	case 'language-stub':
		// WordPress offers a language only when WP_LANG_DIR holds its core .mo. No core translation can be
		// downloaded here, so a header-only .mo makes the locale selectable; core strings stay English and the
		// plugin's own strings come from its bundled translation.
		$locale = $argv[3];
		$file   = WP_LANG_DIR . '/' . $locale . '.mo';
		if ( ! file_exists( $file ) ) {
			wp_mkdir_p( WP_LANG_DIR );
			$header = "Language: {$locale}\nContent-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=1; plural=0;\n";
			$mo     = pack( 'V7', 0x950412de, 0, 1, 28, 36, 0, 44 ) . pack( 'V2', 0, 44 ) . pack( 'V2', strlen( $header ), 45 ) . "\0" . $header . "\0";
			file_put_contents( $file, $mo );
		}
		echo 'language stub ' . $locale . "\n";
		break;

	default:
		fwrite( STDERR, "unknown command\n" );
		exit( 2 );
}
