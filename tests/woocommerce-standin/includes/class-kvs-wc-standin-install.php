<?php
/**
 * Installer: tables with WooCommerce's shape, roles and capabilities, default terms and options.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Creates what WooCommerce's installer creates and the stand-in needs.
 */
final class KVS_WC_Standin_Install {

	/** Option that records which stand-in schema is installed. */
	const VERSION_OPTION = 'kvs_wc_standin_db_version';

	/** Bump when the schema, roles or defaults change. */
	const SCHEMA_VERSION = '8.9.1-standin-2';

	/**
	 * Installs when the stored schema version differs (e.g. enabled through active_plugins without activation).
	 * Schema changes are DDL, which commits any open transaction; tests never reach this after the first load.
	 */
	public static function maybe_install() {
		if ( self::SCHEMA_VERSION !== get_option( self::VERSION_OPTION ) ) {
			self::install();
		}
	}

	/**
	 * Activation: tables, roles, terms, default options.
	 */
	public static function install() {
		KVS_WC_Standin::register_tables();
		self::create_tables();
		self::create_roles();
		KVS_WC_Standin::register_taxonomies();
		KVS_WC_Standin::register_post_types();
		self::create_terms();
		self::create_options();
		self::create_pages();
		update_option( self::VERSION_OPTION, self::SCHEMA_VERSION );
		// Like WooCommerce after an install: rewrite rules for /product/, /shop/ and the checkout endpoints.
		delete_option( 'rewrite_rules' );
		delete_transient( 'wc_attribute_taxonomies' );
		KVS_WC_Standin::register_attribute_taxonomies();
		update_option( 'woocommerce_version', WC_VERSION );
		update_option( 'woocommerce_db_version', WC_VERSION );
	}

	/**
	 * Same columns and keys as WooCommerce's tables of the same names.
	 */
	private static function create_tables() {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$collate = $wpdb->get_charset_collate();
		$schema  = "
CREATE TABLE {$wpdb->prefix}woocommerce_attribute_taxonomies (
  attribute_id bigint(20) unsigned NOT NULL auto_increment,
  attribute_name varchar(200) NOT NULL,
  attribute_label varchar(200) NULL,
  attribute_type varchar(20) NOT NULL,
  attribute_orderby varchar(20) NOT NULL,
  attribute_public int(1) NOT NULL DEFAULT 1,
  PRIMARY KEY  (attribute_id),
  KEY attribute_name (attribute_name(20))
) $collate;
CREATE TABLE {$wpdb->prefix}woocommerce_order_items (
  order_item_id bigint(20) unsigned NOT NULL auto_increment,
  order_item_name text NOT NULL,
  order_item_type varchar(200) NOT NULL DEFAULT '',
  order_id bigint(20) unsigned NOT NULL,
  PRIMARY KEY  (order_item_id),
  KEY order_id (order_id)
) $collate;
CREATE TABLE {$wpdb->prefix}woocommerce_order_itemmeta (
  meta_id bigint(20) unsigned NOT NULL auto_increment,
  order_item_id bigint(20) unsigned NOT NULL,
  meta_key varchar(255) default NULL,
  meta_value longtext NULL,
  PRIMARY KEY  (meta_id),
  KEY order_item_id (order_item_id),
  KEY meta_key (meta_key(32))
) $collate;
CREATE TABLE {$wpdb->prefix}wc_product_meta_lookup (
  `product_id` bigint(20) NOT NULL,
  `sku` varchar(100) NULL default '',
  `virtual` tinyint(1) NULL default 0,
  `downloadable` tinyint(1) NULL default 0,
  `min_price` decimal(19,4) NULL default NULL,
  `max_price` decimal(19,4) NULL default NULL,
  `onsale` tinyint(1) NULL default 0,
  `stock_quantity` double NULL default NULL,
  `stock_status` varchar(100) NULL default 'instock',
  `rating_count` bigint(20) NULL default 0,
  `average_rating` decimal(3,2) NULL default 0.00,
  `total_sales` bigint(20) NULL default 0,
  `tax_status` varchar(100) NULL default 'taxable',
  `tax_class` varchar(100) NULL default '',
  PRIMARY KEY  (`product_id`),
  KEY `virtual` (`virtual`),
  KEY `downloadable` (`downloadable`),
  KEY `stock_status` (`stock_status`),
  KEY `stock_quantity` (`stock_quantity`),
  KEY `onsale` (`onsale`),
  KEY min_max_price (`min_price`, `max_price`)
) $collate;
";
		dbDelta( $schema );
	}

	/**
	 * Roles `customer` and `shop_manager`; WooCommerce's core capabilities for shop_manager and administrator.
	 */
	private static function create_roles() {
		global $wp_roles;
		if ( ! isset( $wp_roles ) ) {
			$wp_roles = new WP_Roles(); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
		}
		add_role( 'customer', 'Customer', array( 'read' => true ) );
		$manager = array(
			'read',
			'read_private_pages',
			'read_private_posts',
			'edit_posts',
			'edit_pages',
			'edit_published_posts',
			'edit_published_pages',
			'edit_private_pages',
			'edit_private_posts',
			'edit_others_posts',
			'edit_others_pages',
			'publish_posts',
			'publish_pages',
			'delete_posts',
			'delete_pages',
			'delete_private_pages',
			'delete_private_posts',
			'delete_published_pages',
			'delete_published_posts',
			'delete_others_posts',
			'delete_others_pages',
			'manage_categories',
			'manage_links',
			'moderate_comments',
			'upload_files',
			'export',
			'import',
			'list_users',
			'edit_theme_options',
		);
		for ( $level = 0; $level <= 9; $level++ ) {
			$manager[] = 'level_' . $level;
		}
		add_role( 'shop_manager', 'Shop manager', array_fill_keys( $manager, true ) );

		$caps = array( 'manage_woocommerce', 'view_woocommerce_reports' );
		foreach ( array( 'product', 'shop_order', 'shop_coupon' ) as $type ) {
			foreach ( array( 'edit_%s', 'read_%s', 'delete_%s', 'edit_%ss', 'edit_others_%ss', 'publish_%ss', 'read_private_%ss', 'delete_%ss', 'delete_private_%ss', 'delete_published_%ss', 'delete_others_%ss', 'edit_private_%ss', 'edit_published_%ss', 'manage_%s_terms', 'edit_%s_terms', 'delete_%s_terms', 'assign_%s_terms' ) as $pattern ) {
				$caps[] = sprintf( $pattern, $type );
			}
		}
		foreach ( $caps as $cap ) {
			$wp_roles->add_cap( 'shop_manager', $cap );
			$wp_roles->add_cap( 'administrator', $cap );
		}
	}

	/**
	 * product_type / product_visibility terms and the default "Uncategorized" product category,
	 * as WooCommerce's installer creates them.
	 */
	private static function create_terms() {
		$taxonomies = array(
			'product_type'       => array( 'simple', 'grouped', 'variable', 'external' ),
			'product_visibility' => array( 'exclude-from-search', 'exclude-from-catalog', 'featured', 'outofstock', 'rated-1', 'rated-2', 'rated-3', 'rated-4', 'rated-5' ),
		);
		foreach ( $taxonomies as $taxonomy => $terms ) {
			foreach ( $terms as $term ) {
				if ( ! get_term_by( 'name', $term, $taxonomy ) ) {
					wp_insert_term( $term, $taxonomy );
				}
			}
		}
		$default = (int) get_option( 'default_product_cat', 0 );
		if ( ! $default || ! term_exists( $default, 'product_cat' ) ) {
			$existing = get_term_by( 'slug', 'uncategorized', 'product_cat' );
			if ( $existing ) {
				$default = (int) $existing->term_id;
			} else {
				$created = wp_insert_term( 'Uncategorized', 'product_cat', array( 'slug' => 'uncategorized' ) );
				$default = is_wp_error( $created ) ? 0 : (int) $created['term_id'];
			}
			if ( $default ) {
				update_option( 'default_product_cat', $default );
			}
		}
	}

	/**
	 * Options the plugin reads, with the values a Vietnamese shop has (add_option keeps existing ones).
	 */
	private static function create_options() {
		add_option( 'woocommerce_currency', 'VND' );
		add_option( 'woocommerce_price_num_decimals', '0' );
		add_option( 'woocommerce_weight_unit', 'kg' );
		add_option( 'woocommerce_dimension_unit', 'cm' );
		add_option( 'woocommerce_manage_stock', 'yes' );
		add_option( 'woocommerce_calc_taxes', 'no' );
		add_option( 'woocommerce_prices_include_tax', 'no' );
		add_option( 'woocommerce_notify_no_stock_amount', '0' );
		add_option( 'woocommerce_hold_stock_minutes', '60' );
		add_option( 'woocommerce_default_country', 'VN' );
	}

	/**
	 * The pages WooCommerce's installer creates (shop, cart, checkout, my account) with the classic shortcodes,
	 * and their `woocommerce_*_page_id` options; an existing page is kept.
	 */
	private static function create_pages() {
		$pages = array(
			'shop'      => array( 'shop', 'Shop', '' ),
			'cart'      => array( 'cart', 'Cart', '<!-- wp:shortcode -->[woocommerce_cart]<!-- /wp:shortcode -->' ),
			'checkout'  => array( 'checkout', 'Checkout', '<!-- wp:shortcode -->[woocommerce_checkout]<!-- /wp:shortcode -->' ),
			'myaccount' => array( 'my-account', 'My account', '<!-- wp:shortcode -->[woocommerce_my_account]<!-- /wp:shortcode -->' ),
		);
		foreach ( $pages as $key => $page ) {
			$option = 'woocommerce_' . $key . '_page_id';
			$id     = (int) get_option( $option );
			if ( $id > 0 && get_post( $id ) ) {
				continue;
			}
			$id = wp_insert_post(
				array(
					'post_type'      => 'page',
					'post_status'    => 'publish',
					'post_name'      => $page[0],
					'post_title'     => $page[1],
					'post_content'   => $page[2],
					'comment_status' => 'closed',
				)
			);
			if ( $id && ! is_wp_error( $id ) ) {
				update_option( $option, (int) $id );
			}
		}
	}
}
