<?php
/**
 * Webhook options: site key, Secret, registration state, reconciliation watermark.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

use KiotVietSync\Storage\SettingsStore;
use KiotVietSync\Support\SecretBox;

/**
 * Every webhook option in one place (all `kiotviet_sync_*`, removed by uninstall):
 * - SITE_KEY: random url-safe path segment of this site's receiver URL (not a secret: KiotViet shows it
 *   in its webhook list; the signature is what authenticates a delivery);
 * - SECRET: the Secret registered with KiotViet, SecretBox ciphertext, never returned by any route;
 * - REGISTRATION: last registration outcome (states, conflicts, our subscription ids, url, time);
 * - PREVIOUS_URLS: receiver URLs registered before (site key or home URL change), still "ours";
 * - WATERMARK: reconciliation watermark (KiotViet envelope timestamp);
 * - REREAD_WINDOW: re-reads caused by unverified deliveries in the current hour;
 * - PROCESS_KEY: random key of the loopback that starts the inbox processor (`POST /webhook-process`).
 */
final class WebhookOptions {

	public const SITE_KEY      = 'kiotviet_sync_webhook_site_key';
	public const SECRET        = 'kiotviet_sync_webhook_secret';
	public const REGISTRATION  = 'kiotviet_sync_webhook_registration';
	public const PREVIOUS_URLS = 'kiotviet_sync_webhook_previous_urls';
	public const WATERMARK     = 'kiotviet_sync_reconcile_watermark';
	public const REREAD_WINDOW = 'kiotviet_sync_webhook_reread_window';
	public const PROCESS_KEY   = 'kiotviet_sync_webhook_process_key';

	/**
	 * Options.
	 *
	 * @var SettingsStore
	 */
	private SettingsStore $store;

	/**
	 * Encryption.
	 *
	 * @var SecretBox
	 */
	private SecretBox $box;

	/**
	 * Creates the options.
	 *
	 * @param SettingsStore $store Options.
	 * @param SecretBox     $box   Encryption.
	 */
	public function __construct( SettingsStore $store, SecretBox $box ) {
		$this->store = $store;
		$this->box   = $box;
	}

	/**
	 * The site key, or null before the first registration.
	 */
	public function site_key(): ?string {
		$key = $this->store->get( self::SITE_KEY, null );
		return is_string( $key ) && self::is_valid_key( $key ) ? $key : null;
	}

	/**
	 * The site key, created on first use (24 random bytes, base64url: 32 characters).
	 */
	public function ensure_site_key(): string {
		$key = $this->site_key();
		if ( null === $key ) {
			$key = rtrim( strtr( base64_encode( random_bytes( 24 ) ), '+/', '-_' ), '=' );
			$this->store->set( self::SITE_KEY, $key, false );
		}
		return $key;
	}

	/**
	 * The process key, created on first use (autoloaded: read on every delivery).
	 */
	public function process_key(): string {
		$key = $this->store->get( self::PROCESS_KEY, null );
		if ( ! is_string( $key ) || ! self::is_valid_key( $key ) ) {
			$key = rtrim( strtr( base64_encode( random_bytes( 24 ) ), '+/', '-_' ), '=' );
			$this->store->set( self::PROCESS_KEY, $key, true );
		}
		return $key;
	}

	/**
	 * Whether a text can be a site key: 16–64 url-safe characters.
	 *
	 * @param string $key Candidate.
	 */
	public static function is_valid_key( string $key ): bool {
		return 1 === preg_match( '/^[A-Za-z0-9_-]{16,64}$/', $key );
	}

	/**
	 * The registered Secret in clear, '' when none or unreadable (verification then fails: no_secret).
	 */
	public function secret(): string {
		$stored = $this->store->get( self::SECRET, null );
		if ( ! is_string( $stored ) || '' === $stored ) {
			return '';
		}
		$clear = $this->box->decrypt( $stored );
		return null === $clear ? '' : $clear;
	}

	/**
	 * Stores a new Secret (encrypted, not autoloaded).
	 *
	 * @param string $secret Secret as registered.
	 */
	public function save_secret( string $secret ): void {
		$this->store->set( self::SECRET, $this->box->encrypt( $secret ), false );
	}

	/**
	 * Last registration outcome.
	 *
	 * @return array<string, mixed>
	 */
	public function registration(): array {
		$value = $this->store->get( self::REGISTRATION, array() );
		return is_array( $value ) ? $value : array();
	}

	/**
	 * Saves the registration outcome (no secrets in it).
	 *
	 * @param array<string, mixed> $registration Outcome.
	 */
	public function save_registration( array $registration ): void {
		$this->store->set( self::REGISTRATION, $registration, false );
	}

	/**
	 * Receiver URLs this site registered before.
	 *
	 * @return list<string>
	 */
	public function previous_urls(): array {
		$value = $this->store->get( self::PREVIOUS_URLS, array() );
		$out   = array();
		foreach ( is_array( $value ) ? $value : array() as $url ) {
			if ( is_string( $url ) && '' !== $url ) {
				$out[] = $url;
			}
		}
		return $out;
	}

	/**
	 * Remembers a URL as ours (kept to the last 5).
	 *
	 * @param string $url Receiver URL.
	 */
	public function remember_url( string $url ): void {
		$urls = array_values( array_diff( $this->previous_urls(), array( $url ) ) );
		array_unshift( $urls, $url );
		$this->store->set( self::PREVIOUS_URLS, array_slice( $urls, 0, 5 ), false );
	}

	/**
	 * Forgets registration data after a disconnect (the site key stays: the URL is stable).
	 */
	public function clear_registration(): void {
		$this->store->delete( self::SECRET );
		$this->store->delete( self::REGISTRATION );
	}

	/**
	 * Reconciliation watermark, null before the first run.
	 */
	public function watermark(): ?string {
		$value = $this->store->get( self::WATERMARK, null );
		return is_string( $value ) && '' !== $value ? $value : null;
	}

	/**
	 * Saves the watermark.
	 *
	 * @param string|null $timestamp KiotViet timestamp, null to reset.
	 */
	public function save_watermark( ?string $timestamp ): void {
		if ( null === $timestamp ) {
			$this->store->delete( self::WATERMARK );
			return;
		}
		$this->store->set( self::WATERMARK, $timestamp, false );
	}

	/**
	 * Takes up to $wanted re-read tokens from the hourly allowance for unverified deliveries.
	 *
	 * @param int $wanted Re-reads wanted.
	 * @param int $limit  Allowance per hour.
	 * @param int $now    Unix time.
	 * @return int Re-reads granted.
	 */
	public function take_reread_allowance( int $wanted, int $limit, int $now ): int {
		$value  = $this->store->get( self::REREAD_WINDOW, array() );
		$hour   = intdiv( $now, 3600 );
		$used   = is_array( $value ) && isset( $value['hour'], $value['used'] ) && (int) $value['hour'] === $hour ? (int) $value['used'] : 0;
		$grant  = max( 0, min( $wanted, $limit - $used ) );
		$record = array(
			'hour' => $hour,
			'used' => $used + $grant,
		);
		$this->store->set( self::REREAD_WINDOW, $record, false );
		return $grant;
	}
}
