<?php
/**
 * Comparison key for names typed by people.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

use Normalizer;

/**
 * Normalises a human-entered name for equality checks: HTML entities decoded (WordPress stores term names
 * with `&amp;`), Unicode NFC (Vietnamese text arrives both precomposed and decomposed), whitespace
 * collapsed, lower-cased.
 */
final class TextKey {

	public static function of( string $text ): string {
		$text = self::nfc( html_entity_decode( $text, ENT_QUOTES | ENT_HTML5, 'UTF-8' ) );
		$text = (string) preg_replace( '/\s+/u', ' ', trim( $text ) );
		return function_exists( 'mb_strtolower' ) ? mb_strtolower( $text, 'UTF-8' ) : strtolower( $text );
	}

	/**
	 * Unicode NFC when the intl extension is there; the text unchanged otherwise.
	 */
	public static function nfc( string $text ): string {
		if ( class_exists( Normalizer::class ) ) {
			$normalized = Normalizer::normalize( $text, Normalizer::FORM_C );
			if ( is_string( $normalized ) ) {
				return $normalized;
			}
		}
		return $text;
	}
}
