<?php
/**
 * Webhook URL comparison.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Webhooks;

/**
 * Normalises a webhook URL for equality: scheme and host lower-cased, default port dropped, trailing
 * slash of the path dropped, query parameters sorted ("?noecho" kept as a flag), fragment dropped.
 * The path keeps its case (it carries the site's key). Scheme stays significant (http ≠ https).
 */
final class WebhookUrl {

	/**
	 * Normalised form, or null when the text is not an absolute http(s) URL.
	 *
	 * @param string $url URL.
	 */
	public static function normalise( string $url ): ?string {
		$url = trim( $url );
		if ( '' === $url || strlen( $url ) > 2000 ) {
			return null;
		}
		$parts = parse_url( $url );
		if ( ! is_array( $parts ) || ! isset( $parts['scheme'], $parts['host'] ) ) {
			return null;
		}
		$scheme = strtolower( $parts['scheme'] );
		if ( 'http' !== $scheme && 'https' !== $scheme ) {
			return null;
		}
		$host = strtolower( rtrim( $parts['host'], '.' ) );
		$port = isset( $parts['port'] ) ? (int) $parts['port'] : null;
		if ( ( 'http' === $scheme && 80 === $port ) || ( 'https' === $scheme && 443 === $port ) ) {
			$port = null;
		}
		$user = '';
		if ( isset( $parts['user'] ) ) {
			$user = $parts['user'] . ( isset( $parts['pass'] ) ? ':' . $parts['pass'] : '' ) . '@';
		}
		$path = isset( $parts['path'] ) ? rtrim( $parts['path'], '/' ) : '';
		$query = '';
		if ( isset( $parts['query'] ) && '' !== $parts['query'] ) {
			$pairs = array_values(
				array_filter(
					explode( '&', $parts['query'] ),
					static function ( string $pair ): bool {
						return '' !== $pair;
					}
				)
			);
			sort( $pairs, SORT_STRING );
			$query = array() === $pairs ? '' : '?' . implode( '&', $pairs );
		}
		return $scheme . '://' . $user . $host . ( null === $port ? '' : ':' . $port ) . $path . $query;
	}

	/**
	 * Whether two URLs are the same webhook endpoint (false when either is not a URL).
	 *
	 * @param string $a URL.
	 * @param string $b URL.
	 */
	public static function same( string $a, string $b ): bool {
		$na = self::normalise( $a );
		return null !== $na && $na === self::normalise( $b );
	}
}
