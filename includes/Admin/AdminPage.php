<?php
/**
 * Admin menu and mount node.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Admin;

use KiotVietSync\Infrastructure\Registerable;

/**
 * Adds the "KiotViet Sync" menu and prints the node the React app mounts on. PHP prints nothing else.
 */
final class AdminPage implements Registerable {

	public const CAPABILITY = 'manage_woocommerce';
	public const SLUG       = 'kiotviet-sync';
	public const MOUNT_ID   = 'kiotviet-sync-root';

	/**
	 * Page hook suffixes of our screens, filled on admin_menu.
	 *
	 * @var string[]
	 */
	private array $hook_suffixes = array();

	/**
	 * Build directory (with trailing slash).
	 *
	 * @var string
	 */
	private string $build_dir;

	/**
	 * Creates the page.
	 *
	 * @param string $build_dir Directory holding admin.js and admin.asset.php.
	 */
	public function __construct( string $build_dir ) {
		$this->build_dir = rtrim( $build_dir, '/' ) . '/';
	}

	/**
	 * Adds the menu.
	 */
	public function register(): void {
		add_action( 'admin_menu', array( $this, 'add_menu' ) );
	}

	/**
	 * Callback for admin_menu.
	 */
	public function add_menu(): void {
		$hook = add_menu_page(
			__( 'KiotViet Sync', 'kiotviet-sync' ),
			__( 'KiotViet Sync', 'kiotviet-sync' ),
			self::CAPABILITY,
			self::SLUG,
			array( $this, 'render' ),
			'dashicons-update',
			56
		);
		if ( is_string( $hook ) && '' !== $hook ) {
			$this->hook_suffixes[] = $hook;
		}
		// The submenus of the seed guide; each renders the same mount node with its own screen id.
		$screens = array(
			self::SLUG                => __( 'Sync setup', 'kiotviet-sync' ),
			self::SLUG . '-products'  => __( 'Synced products', 'kiotviet-sync' ),
			self::SLUG . '-orders'    => __( 'Orders', 'kiotviet-sync' ),
			self::SLUG . '-history'   => __( 'Sync history', 'kiotviet-sync' ),
			self::SLUG . '-settings'  => __( 'Settings', 'kiotviet-sync' ),
		);
		foreach ( $screens as $slug => $title ) {
			$sub = add_submenu_page( self::SLUG, $title, $title, self::CAPABILITY, $slug, array( $this, 'render' ) );
			if ( is_string( $sub ) && '' !== $sub ) {
				$this->hook_suffixes[] = $sub;
			}
		}
	}

	/**
	 * Whether an admin_enqueue_scripts hook suffix is one of our screens.
	 *
	 * @param string $hook_suffix Hook suffix.
	 */
	public function is_own_screen( string $hook_suffix ): bool {
		return in_array( $hook_suffix, $this->hook_suffixes, true );
	}

	/**
	 * Screen id of the current page for data-screen ("setup" for the top-level page).
	 */
	public static function current_screen(): string {
		// Only compared against our own slugs; no state changes, so no nonce is involved.
		$page = isset( $_GET['page'] ) ? sanitize_key( wp_unslash( (string) $_GET['page'] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification.Recommended
		$prefix = self::SLUG . '-';
		if ( 0 === strpos( $page, $prefix ) && strlen( $page ) > strlen( $prefix ) ) {
			return substr( $page, strlen( $prefix ) );
		}
		return 'setup';
	}

	/**
	 * Whether the JS bundle was built.
	 */
	public function is_built(): bool {
		return is_readable( $this->build_dir . 'admin.js' ) && is_readable( $this->build_dir . 'admin.asset.php' );
	}

	/**
	 * Prints the mount node (and a developer notice when the bundle is missing).
	 */
	public function render(): void {
		if ( ! current_user_can( self::CAPABILITY ) ) {
			return;
		}
		echo '<div class="wrap">';
		if ( ! $this->is_built() ) {
			echo '<div class="notice notice-error"><p>';
			echo esc_html__( 'The KiotViet Sync admin app has not been built. Run "npm run build" in the plugin folder.', 'kiotviet-sync' );
			echo '</p></div>';
		}
		printf(
			'<div id="%1$s" data-screen="%2$s"></div>',
			esc_attr( self::MOUNT_ID ),
			esc_attr( self::current_screen() )
		);
		echo '</div>';
	}
}
