<?php
/**
 * Constants the plugin defines at runtime, declared for PHPStan (phpstan.neon.dist bootstrapFiles).
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

defined( 'ABSPATH' ) || define( 'ABSPATH', '/tmp/wordpress/' );
defined( 'KIOTVIET_SYNC_VERSION' ) || define( 'KIOTVIET_SYNC_VERSION', '0.1.0' );
defined( 'KIOTVIET_SYNC_FILE' ) || define( 'KIOTVIET_SYNC_FILE', dirname( __DIR__, 3 ) . '/kiotviet-sync.php' );
defined( 'KIOTVIET_SYNC_DIR' ) || define( 'KIOTVIET_SYNC_DIR', dirname( __DIR__, 3 ) . '/' );
defined( 'KIOTVIET_SYNC_URL' ) || define( 'KIOTVIET_SYNC_URL', 'https://example.test/wp-content/plugins/kiotviet-sync/' );
defined( 'KIOTVIET_SYNC_TOKEN_URL' ) || define( 'KIOTVIET_SYNC_TOKEN_URL', 'https://id.kiotviet.vn/connect/token' );
defined( 'KIOTVIET_SYNC_API_BASE' ) || define( 'KIOTVIET_SYNC_API_BASE', 'https://public.kiotapi.com' );
defined( 'ARRAY_A' ) || define( 'ARRAY_A', 'ARRAY_A' );
