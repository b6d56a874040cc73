<?php
/**
 * Admin app scripts and styles.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Admin;

use KiotVietSync\Infrastructure\Registerable;

/**
 * Enqueues build/admin.js (dependencies from build/admin.asset.php), its translations and the bootstrap
 * object window.kiotvietSync, only on our own screens. Nothing secret goes into the bootstrap data.
 */
final class Assets implements Registerable {

	public const HANDLE = 'kiotviet-sync-admin';

	/**
	 * Page (knows our screens).
	 *
	 * @var AdminPage
	 */
	private AdminPage $page;

	/**
	 * Plugin directory (trailing slash).
	 *
	 * @var string
	 */
	private string $plugin_dir;

	/**
	 * Plugin URL (trailing slash).
	 *
	 * @var string
	 */
	private string $plugin_url;

	/**
	 * Plugin version.
	 *
	 * @var string
	 */
	private string $version;

	/**
	 * Creates the asset loader.
	 *
	 * @param AdminPage $page       Page.
	 * @param string    $plugin_dir Plugin directory.
	 * @param string    $plugin_url Plugin URL.
	 * @param string    $version    Plugin version.
	 */
	public function __construct( AdminPage $page, string $plugin_dir, string $plugin_url, string $version ) {
		$this->page       = $page;
		$this->plugin_dir = rtrim( $plugin_dir, '/' ) . '/';
		$this->plugin_url = rtrim( $plugin_url, '/' ) . '/';
		$this->version    = $version;
	}

	/**
	 * Hooks the enqueue.
	 */
	public function register(): void {
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	/**
	 * Callback for admin_enqueue_scripts.
	 *
	 * @param string $hook_suffix Current admin page hook.
	 */
	public function enqueue( $hook_suffix ): void {
		if ( ! is_string( $hook_suffix ) || ! $this->page->is_own_screen( $hook_suffix ) ) {
			return;
		}

		// The app uses @wordpress/components, so its stylesheet is a dependency of ours. Without a built
		// admin.css our handle is an alias (src false) that still pulls in wp-components.
		$css = $this->plugin_dir . 'build/admin.css';
		$has_css = is_readable( $css );
		wp_enqueue_style(
			self::HANDLE,
			$has_css ? $this->plugin_url . 'build/admin.css' : false,
			array( 'wp-components' ),
			$has_css ? (string) filemtime( $css ) : $this->version
		);
		if ( $has_css && is_readable( $this->plugin_dir . 'build/admin-rtl.css' ) ) {
			wp_style_add_data( self::HANDLE, 'rtl', 'replace' );
		}

		$asset_file = $this->plugin_dir . 'build/admin.asset.php';
		if ( ! is_readable( $asset_file ) || ! is_readable( $this->plugin_dir . 'build/admin.js' ) ) {
			// AdminPage::render() tells the developer to run npm run build.
			return;
		}
		$asset        = require $asset_file;
		$dependencies = is_array( $asset ) && isset( $asset['dependencies'] ) && is_array( $asset['dependencies'] ) ? $asset['dependencies'] : array();
		$version      = is_array( $asset ) && isset( $asset['version'] ) ? (string) $asset['version'] : $this->version;

		wp_enqueue_script( self::HANDLE, $this->plugin_url . 'build/admin.js', $dependencies, $version, true );
		wp_set_script_translations( self::HANDLE, 'kiotviet-sync', $this->plugin_dir . 'languages' );
		wp_add_inline_script( self::HANDLE, 'window.kiotvietSync = ' . wp_json_encode( $this->bootstrap_data() ) . ';', 'before' );
	}

	/**
	 * The bootstrap object (docs/architecture.md "Admin app").
	 *
	 * @return array<string, mixed>
	 */
	public function bootstrap_data(): array {
		return array(
			'restNamespace' => 'kiotviet-sync/v1',
			'screen'        => AdminPage::current_screen(),
			'adminUrl'      => admin_url(),
			'pluginVersion' => $this->version,
			'isStandin'     => self::is_standin(),
		);
	}

	/**
	 * Whether the active WooCommerce is the test stand-in rather than the real plugin.
	 */
	public static function is_standin(): bool {
		$standin = defined( 'KVS_WOOCOMMERCE_STANDIN' ) && (bool) constant( 'KVS_WOOCOMMERCE_STANDIN' );
		/**
		 * Filters whether the active WooCommerce is the test stand-in.
		 *
		 * @since 0.1.0
		 *
		 * @param bool $standin Whether the stand-in is active.
		 */
		return (bool) apply_filters( 'kiotviet_sync_is_standin', $standin );
	}
}
