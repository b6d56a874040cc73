<?php
/**
 * Admin notice for health problems.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Admin;

use KiotVietSync\Infrastructure\Registerable;

/**
 * Shows the health problems (token unreadable, webhooks inactive, failed jobs, budget above 90 %, no cron)
 * as one warning notice in wp-admin, only to users who manage WooCommerce and only when there is a problem.
 * The problem list is cached for five minutes so ordinary admin pages stay cheap. Everything is escaped.
 */
final class HealthNotice implements Registerable {

	public const TRANSIENT = 'kiotviet_sync_health_problems';

	private const CACHE_SECONDS = 300;

	/**
	 * Report builder.
	 *
	 * @var HealthCheck
	 */
	private HealthCheck $health;

	/**
	 * Creates the notice.
	 *
	 * @param HealthCheck $health Report builder.
	 */
	public function __construct( HealthCheck $health ) {
		$this->health = $health;
	}

	/**
	 * Hooks the notice; settings changes and connection changes refresh the cache.
	 */
	public function register(): void {
		add_action( 'admin_notices', array( $this, 'render' ) );
		foreach ( array( 'kiotviet_sync_settings_saved', 'kiotviet_sync_connected', 'kiotviet_sync_disconnected', 'kiotviet_sync_branch_selected' ) as $hook ) {
			add_action( $hook, array( self::class, 'flush' ) );
		}
	}

	/**
	 * Forgets the cached problems.
	 */
	public static function flush(): void {
		delete_transient( self::TRANSIENT );
	}

	/**
	 * Problems, cached.
	 *
	 * @return array<int, array{code: string, message: string}>
	 */
	public function problems(): array {
		$cached = get_transient( self::TRANSIENT );
		if ( is_array( $cached ) ) {
			return $cached;
		}
		$problems = $this->health->report()['problems'];
		set_transient( self::TRANSIENT, $problems, self::CACHE_SECONDS );
		return $problems;
	}

	/**
	 * Callback for admin_notices.
	 */
	public function render(): void {
		if ( ! current_user_can( AdminPage::CAPABILITY ) ) {
			return;
		}
		$problems = $this->problems();
		if ( array() === $problems ) {
			return;
		}
		echo '<div class="notice notice-warning kiotviet-sync-health-notice"><p><strong>';
		echo esc_html__( 'KiotViet Sync needs attention:', 'kiotviet-sync' );
		echo '</strong></p><ul>';
		foreach ( $problems as $problem ) {
			printf( '<li>%s</li>', esc_html( (string) ( $problem['message'] ?? '' ) ) );
		}
		echo '</ul><p>';
		printf(
			'<a href="%1$s">%2$s</a>',
			esc_url( admin_url( 'admin.php?page=' . AdminPage::SLUG . '-settings' ) ),
			esc_html__( 'Open the KiotViet Sync settings', 'kiotviet-sync' )
		);
		echo '</p></div>';
	}
}
