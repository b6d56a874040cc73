<?php
/**
 * Wiring of the stand-in: load order of the WooCommerce hooks, post types, taxonomies, order statuses,
 * the deferred variable-product sync and the admin notice.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers what WooCommerce registers, at the same points of the WordPress load.
 */
final class KVS_WC_Standin {

	/**
	 * Hooks everything up. Called once from the main plugin file.
	 */
	public static function init() {
		self::register_tables();

		// WooCommerce fires `woocommerce_loaded` on plugins_loaded at priority -1, and
		// `before_woocommerce_init` + `woocommerce_init` on init at priority 0 (WooCommerce::init()).
		add_action( 'plugins_loaded', array( __CLASS__, 'on_plugins_loaded' ), -1 );
		add_action( 'init', array( __CLASS__, 'on_init' ), 0 );
		add_action( 'init', array( __CLASS__, 'register_taxonomies' ), 5 );
		add_action( 'init', array( __CLASS__, 'register_post_types' ), 5 );
		add_action( 'init', array( 'KVS_WC_Standin_Install', 'maybe_install' ), 6 );
		add_action( 'init', array( __CLASS__, 'register_post_statuses' ), 9 );
		add_action( 'shutdown', array( __CLASS__, 'do_deferred_product_sync' ), 10 );
		add_action( 'admin_notices', array( __CLASS__, 'admin_notice' ) );
		add_filter( 'woocommerce_stock_amount', 'intval' );
		KVS_WC_Standin_Storefront::init();
	}

	/**
	 * Like WooCommerce, exposes its tables on $wpdb.
	 */
	public static function register_tables() {
		global $wpdb;
		$wpdb->order_itemmeta         = $wpdb->prefix . 'woocommerce_order_itemmeta';
		$wpdb->wc_product_meta_lookup = $wpdb->prefix . 'wc_product_meta_lookup';
		$wpdb->tables[]               = 'woocommerce_order_itemmeta';
		$wpdb->tables[]               = 'wc_product_meta_lookup';
	}

	/**
	 * Announces that WooCommerce has loaded.
	 */
	public static function on_plugins_loaded() {
		/** Same action as WooCommerce: everything WooCommerce offers is loaded. */
		do_action( 'woocommerce_loaded' );
	}

	/**
	 * Same order as WooCommerce::init().
	 */
	public static function on_init() {
		do_action( 'before_woocommerce_init' );
		do_action( 'woocommerce_init' );
	}

	/**
	 * Taxonomies WooCommerce registers (product_type, product_visibility, product_cat, product_tag,
	 * product_shipping_class) plus one `pa_*` taxonomy per row of woocommerce_attribute_taxonomies.
	 */
	public static function register_taxonomies() {
		if ( taxonomy_exists( 'product_type' ) ) {
			return;
		}
		do_action( 'woocommerce_register_taxonomy' );

		register_taxonomy(
			'product_type',
			array( 'product' ),
			array(
				'hierarchical'      => false,
				'show_ui'           => false,
				'show_in_nav_menus' => false,
				'query_var'         => is_admin(),
				'rewrite'           => false,
				'public'            => false,
				'label'             => 'Product type',
			)
		);
		register_taxonomy(
			'product_visibility',
			array( 'product', 'product_variation' ),
			array(
				'hierarchical'      => false,
				'show_ui'           => false,
				'show_in_nav_menus' => false,
				'query_var'         => is_admin(),
				'rewrite'           => false,
				'public'            => false,
				'label'             => 'Product visibility',
			)
		);
		register_taxonomy(
			'product_cat',
			array( 'product' ),
			array(
				'hierarchical'          => true,
				'update_count_callback' => '_update_post_term_count',
				'label'                 => 'Categories',
				'show_in_rest'          => true,
				'show_ui'               => true,
				'query_var'             => true,
				'capabilities'          => array(
					'manage_terms' => 'manage_product_terms',
					'edit_terms'   => 'edit_product_terms',
					'delete_terms' => 'delete_product_terms',
					'assign_terms' => 'assign_product_terms',
				),
				'rewrite'               => array( 'slug' => 'product-category' ),
			)
		);
		register_taxonomy(
			'product_tag',
			array( 'product' ),
			array(
				'hierarchical'          => false,
				'update_count_callback' => '_update_post_term_count',
				'label'                 => 'Product tags',
				'show_in_rest'          => true,
				'show_ui'               => true,
				'query_var'             => true,
				'capabilities'          => array(
					'manage_terms' => 'manage_product_terms',
					'edit_terms'   => 'edit_product_terms',
					'delete_terms' => 'delete_product_terms',
					'assign_terms' => 'assign_product_terms',
				),
				'rewrite'               => array( 'slug' => 'product-tag' ),
			)
		);
		register_taxonomy(
			'product_shipping_class',
			array( 'product', 'product_variation' ),
			array(
				'hierarchical' => false,
				'label'        => 'Shipping classes',
				'show_ui'      => false,
				'query_var'    => is_admin(),
				'rewrite'      => false,
				'public'       => false,
			)
		);

		self::register_attribute_taxonomies();
		do_action( 'woocommerce_after_register_taxonomy' );
	}

	/**
	 * One `pa_*` taxonomy per row of woocommerce_attribute_taxonomies. Like WooCommerce, an attribute
	 * created with wc_create_attribute() only becomes a taxonomy on the next request (or when a test
	 * registers it).
	 */
	public static function register_attribute_taxonomies() {
		global $wc_product_attributes;
		$wc_product_attributes = array();
		if ( ! get_option( KVS_WC_Standin_Install::VERSION_OPTION ) ) {
			return; // Table not created yet.
		}
		foreach ( wc_get_attribute_taxonomies() as $tax ) {
			$name = wc_attribute_taxonomy_name( $tax->attribute_name );
			if ( ! $name ) {
				continue;
			}
			$tax->attribute_public          = absint( isset( $tax->attribute_public ) ? $tax->attribute_public : 1 );
			$wc_product_attributes[ $name ] = $tax;
			register_taxonomy(
				$name,
				array( 'product' ),
				array(
					'hierarchical' => false,
					'update_count_callback' => '_update_post_term_count',
					'labels'       => array( 'name' => $tax->attribute_label ? $tax->attribute_label : $tax->attribute_name ),
					'show_ui'      => false,
					'query_var'    => 1 === $tax->attribute_public,
					'rewrite'      => false,
					'public'       => 1 === $tax->attribute_public,
				)
			);
		}
	}

	/**
	 * Post types product, product_variation and shop_order (legacy post storage).
	 */
	public static function register_post_types() {
		if ( post_type_exists( 'product' ) ) {
			return;
		}
		do_action( 'woocommerce_register_post_type' );

		register_post_type(
			'product',
			array(
				'label'               => 'Products',
				'public'              => true,
				'show_ui'             => true,
				'capability_type'     => 'product',
				'map_meta_cap'        => true,
				'publicly_queryable'  => true,
				'exclude_from_search' => false,
				'hierarchical'        => false,
				'rewrite'             => array( 'slug' => 'product' ),
				'query_var'           => true,
				'supports'            => array( 'title', 'editor', 'excerpt', 'thumbnail', 'custom-fields', 'publicize', 'wpcom-markdown' ),
				// WooCommerce: the shop page's path, or "shop".
				'has_archive'         => wc_get_page_id( 'shop' ) > 0 && get_post( wc_get_page_id( 'shop' ) ) ? urldecode( get_page_uri( wc_get_page_id( 'shop' ) ) ) : 'shop',
				'show_in_nav_menus'   => true,
				'show_in_rest'        => true,
			)
		);
		register_post_type(
			'product_variation',
			array(
				'label'           => 'Variations',
				'public'          => false,
				'hierarchical'    => false,
				'supports'        => false,
				'capability_type' => 'product',
				'rewrite'         => false,
			)
		);
		register_post_type(
			'shop_order',
			array(
				'label'               => 'Orders',
				'public'              => false,
				'show_ui'             => true,
				'capability_type'     => 'shop_order',
				'map_meta_cap'        => true,
				'publicly_queryable'  => false,
				'exclude_from_search' => true,
				'show_in_menu'        => false,
				'hierarchical'        => false,
				'show_in_nav_menus'   => false,
				'rewrite'             => false,
				'query_var'           => false,
				'supports'            => array( 'title', 'comments', 'custom-fields' ),
				'has_archive'         => false,
			)
		);
		do_action( 'woocommerce_after_register_post_type' );
	}

	/**
	 * Order statuses wc-pending … wc-failed (plus wc-checkout-draft, as WooCommerce registers it).
	 */
	public static function register_post_statuses() {
		$statuses = array(
			'wc-pending'        => 'Pending payment',
			'wc-processing'     => 'Processing',
			'wc-on-hold'        => 'On hold',
			'wc-completed'      => 'Completed',
			'wc-cancelled'      => 'Cancelled',
			'wc-refunded'       => 'Refunded',
			'wc-failed'         => 'Failed',
			'wc-checkout-draft' => 'Draft',
		);
		foreach ( $statuses as $status => $label ) {
			register_post_status(
				$status,
				array(
					'label'                     => $label,
					'public'                    => false,
					'exclude_from_search'       => false,
					'show_in_admin_all_list'    => 'wc-checkout-draft' !== $status,
					'show_in_admin_status_list' => 'wc-checkout-draft' !== $status,
					/* translators: %s: number of orders */
					'label_count'               => _n_noop( $label . ' <span class="count">(%s)</span>', $label . ' <span class="count">(%s)</span>', 'woocommerce' ),
				)
			);
		}
	}

	/**
	 * Like WooCommerce, variations queue their parent for a price/stock sync at the end of the request.
	 */
	public static function do_deferred_product_sync() {
		global $wc_deferred_product_sync;
		if ( empty( $wc_deferred_product_sync ) ) {
			return;
		}
		$ids                      = wp_parse_id_list( $wc_deferred_product_sync );
		$wc_deferred_product_sync = array();
		foreach ( $ids as $id ) {
			$product = wc_get_product( $id );
			if ( $product && $product->is_type( 'variable' ) ) {
				WC_Product_Variable::sync( $product );
			}
		}
	}

	/**
	 * Tells every wp-admin visitor that this is not WooCommerce.
	 */
	public static function admin_notice() {
		echo '<div class="notice notice-warning"><p>' . esc_html( 'This site runs on the WooCommerce test stand-in, not real WooCommerce.' ) . '</p></div>';
	}
}
