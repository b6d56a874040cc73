<?php
/**
 * Early receiver: answers KiotViet's deliveries before WooCommerce and the REST server load.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

use KiotVietSync\Services;
use KiotVietSync\Storage\Migrations;
use KiotVietSync\Storage\Settings;

/**
 * Called from the plugin's main file while WordPress loads the active plugins (ours sorts before
 * `woocommerce/`). For exactly `POST <home>/<rest prefix>/kiotviet-sync/v1/webhook/<key>` and the
 * `?rest_route=/kiotviet-sync/v1/webhook/<key>` form it does what the REST route does — the same
 * `Receiver::respond()` (size cap, constant-time signature check over the raw body, parse, one inbox row
 * deduplicated by Id, answer codes of `ResponsePolicy`) — answers, flushes the answer to KiotViet and only
 * then kicks the processor (ProcessKicker), and exits: WooCommerce, the theme, `init` and the REST server
 * never load for a delivery. Everything else (other routes, other methods, `_method`/`_envelope`/`_jsonp`,
 * an un-migrated schema, WP-CLI, installs) falls through to the normal REST route, which stays the
 * reference implementation. Trade-off, documented in includes/Webhooks/README.md: filters of other plugins
 * on the REST request (`rest_pre_dispatch`, `rest_authentication_errors`, …) do not see deliveries. Set
 * `KIOTVIET_SYNC_WEBHOOK_FAST_PATH` to false in wp-config.php to always use the REST route.
 */
final class EarlyReceiver {

	/**
	 * Route pattern, as registered (WebhookServices::RECEIVER_ROUTE), trailing slash tolerated as WordPress does.
	 */
	private const ROUTE = '#^/kiotviet-sync/v1/webhook/([A-Za-z0-9_-]{1,64})/?$#';

	/**
	 * Handles the request and exits when it is a delivery; returns otherwise.
	 */
	public static function maybe_handle(): void {
		if ( 'POST' !== ( $_SERVER['REQUEST_METHOD'] ?? '' ) ) {
			return;
		}
		if ( ! self::fast_path_on() ) {
			return;
		}
		if ( ( defined( 'WP_CLI' ) && constant( 'WP_CLI' ) ) || wp_installing() || ! function_exists( 'rest_get_url_prefix' ) ) {
			return;
		}
		$route = self::current_rest_route();
		$key   = null !== $route && 1 === preg_match( self::ROUTE, $route, $m ) ? $m[1] : null;
		if ( null === $key || (int) get_option( Settings::DB_VERSION, 0 ) < Migrations::latest_version() ) {
			return;
		}
		if ( ! function_exists( 'wp_salt' ) ) {
			// The Secret is stored encrypted with key material from wp_salt(); WordPress loads the pluggable
			// functions right after the plugins, so a plugin that replaces wp_salt() must set the constant above.
			require_once ABSPATH . 'wp-includes/pluggable.php';
		}
		$webhooks = ( new Services() )->webhooks();
		$webhooks->defer_kicks();
		$signature = isset( $_SERVER['HTTP_X_HUB_SIGNATURE'] ) ? (string) $_SERVER['HTTP_X_HUB_SIGNATURE'] : null; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- Compared as raw bytes.
		$result    = $webhooks->receiver()->respond( $key, (string) file_get_contents( 'php://input' ), $signature ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- The raw body.
		self::send( $result['status'], (string) wp_json_encode( $result['body'] ) );
		$webhooks->run_deferred_kicks();
		exit;
	}

	/**
	 * The site key when the request is exactly a delivery to our receiver route, else null.
	 *
	 * @param string               $request_uri REQUEST_URI.
	 * @param array<string, mixed> $query       Query parameters.
	 * @param bool                 $override    Whether an X-HTTP-Method-Override header was sent.
	 * @param string               $home        Home URL.
	 * @param bool                 $pretty      Whether pretty permalinks are on (else only ?rest_route= routes).
	 * @param string               $prefix      REST URL prefix (`wp-json`).
	 */
	public static function site_key( string $request_uri, array $query, bool $override, string $home, bool $pretty, string $prefix ): ?string {
		$route = self::rest_route( $request_uri, $query, $override, $home, $pretty, $prefix );
		return null !== $route && 1 === preg_match( self::ROUTE, $route, $m ) ? $m[1] : null;
	}

	/**
	 * The REST route a request names (`/kiotviet-sync/v1/…`), from the pretty URL or `?rest_route=`; null when
	 * it names none or carries `_method`, `_envelope`, `_jsonp` or an X-HTTP-Method-Override header (the REST
	 * server would treat it differently).
	 *
	 * @param string               $request_uri REQUEST_URI.
	 * @param array<string, mixed> $query       Query parameters.
	 * @param bool                 $override    Whether an X-HTTP-Method-Override header was sent.
	 * @param string               $home        Home URL.
	 * @param bool                 $pretty      Whether pretty permalinks are on (else only ?rest_route= routes).
	 * @param string               $prefix      REST URL prefix (`wp-json`).
	 */
	public static function rest_route( string $request_uri, array $query, bool $override, string $home, bool $pretty, string $prefix ): ?string {
		if ( $override || isset( $query['_method'] ) || isset( $query['_envelope'] ) || isset( $query['_jsonp'] ) ) {
			return null;
		}
		if ( isset( $query['rest_route'] ) ) {
			return is_string( $query['rest_route'] ) ? $query['rest_route'] : null;
		}
		// phpcs:disable WordPress.WP.AlternativeFunctions.parse_url_parse_url -- Pure (unit-tested without WordPress); PHP ≥ 7.4 parses these URLs alike.
		$path      = (string) parse_url( $request_uri, PHP_URL_PATH );
		$home_path = rtrim( (string) parse_url( $home, PHP_URL_PATH ), '/' ) . '/';
		// phpcs:enable
		$base      = $home_path . trim( $prefix, '/' );
		if ( ! $pretty || '' === trim( $prefix, '/' ) || 0 !== strpos( $path, $base . '/' ) ) {
			return null;
		}
		return substr( $path, strlen( $base ) );
	}

	/**
	 * The REST route of the current request (see rest_route()), null when it names none.
	 */
	public static function current_rest_route(): ?string {
		// phpcs:disable WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput -- Matching the URL only.
		return self::rest_route(
			(string) ( $_SERVER['REQUEST_URI'] ?? '' ),
			$_GET,
			isset( $_SERVER['HTTP_X_HTTP_METHOD_OVERRIDE'] ),
			(string) get_option( 'home' ),
			'' !== (string) get_option( 'permalink_structure' ),
			rest_get_url_prefix()
		);
		// phpcs:enable
	}

	/**
	 * Whether requests may be answered before the REST server (`KIOTVIET_SYNC_WEBHOOK_FAST_PATH` false in
	 * wp-config.php: never).
	 */
	public static function fast_path_on(): bool {
		return ! defined( 'KIOTVIET_SYNC_WEBHOOK_FAST_PATH' ) || (bool) constant( 'KIOTVIET_SYNC_WEBHOOK_FAST_PATH' );
	}

	/**
	 * Sends the answer and hands the connection back before anything else runs.
	 *
	 * @param int    $status HTTP status.
	 * @param string $json   Body.
	 */
	public static function send( int $status, string $json ): void {
		while ( ob_get_level() > 0 ) {
			ob_end_clean();
		}
		if ( ! headers_sent() ) {
			http_response_code( $status );
			header( 'Content-Type: application/json; charset=UTF-8' );
			header( 'Cache-Control: no-store' );
			header( 'X-Content-Type-Options: nosniff' );
			header( 'X-Robots-Tag: noindex' );
			header( 'Content-Length: ' . strlen( $json ) );
		}
		echo $json; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON answer.
		if ( function_exists( 'fastcgi_finish_request' ) ) {
			fastcgi_finish_request();
		} elseif ( function_exists( 'litespeed_finish_request' ) ) {
			litespeed_finish_request();
		} else {
			flush();
		}
	}
}
