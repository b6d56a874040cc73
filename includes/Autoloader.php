<?php
/**
 * PSR-4 autoloader for the plugin's own classes.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync;

/**
 * Maps KiotVietSync\Foo\Bar to includes/Foo/Bar.php so the plugin needs no Composer at runtime.
 */
final class Autoloader {

	private const PREFIX = 'KiotVietSync\\';

	/**
	 * Base directory with a trailing slash.
	 *
	 * @var string
	 */
	private static string $base_dir = '';

	/**
	 * Registers the autoloader once.
	 *
	 * @param string $base_dir Directory that holds the KiotVietSync\ root.
	 */
	public static function register( string $base_dir ): void {
		if ( '' !== self::$base_dir ) {
			return;
		}
		self::$base_dir = rtrim( $base_dir, '/\\' ) . '/';
		spl_autoload_register( array( self::class, 'load' ) );
	}

	/**
	 * Loads one class file if it belongs to our namespace.
	 *
	 * @param string $class_name Fully qualified class name.
	 */
	public static function load( string $class_name ): void {
		if ( 0 !== strncmp( $class_name, self::PREFIX, strlen( self::PREFIX ) ) ) {
			return;
		}
		$relative = substr( $class_name, strlen( self::PREFIX ) );
		// Test classes live outside includes/ and are never loaded at runtime.
		if ( 0 === strncmp( $relative, 'Tests\\', 6 ) ) {
			return;
		}
		$file = self::$base_dir . str_replace( '\\', '/', $relative ) . '.php';
		if ( is_readable( $file ) ) {
			require_once $file;
		}
	}
}
