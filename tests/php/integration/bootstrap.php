<?php
/**
 * Bootstrap of the integration suite: Composer's autoloader, then the local test WordPress site
 * (KVS_WP_DIR, default <repo>/.stack/sites/test) with whichever WooCommerce it runs (stand-in or real).
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

$kvs_repo_root = dirname( __DIR__, 3 );

require_once $kvs_repo_root . '/vendor/autoload.php';

// The directory is lower-case `integration`, the namespace `Integration`: map it explicitly.
spl_autoload_register(
	static function ( string $class ) use ( $kvs_repo_root ): void {
		$prefix = 'KiotVietSync\\Tests\\Integration\\';
		if ( 0 !== strpos( $class, $prefix ) ) {
			return;
		}
		$file = $kvs_repo_root . '/tests/php/integration/' . str_replace( '\\', '/', substr( $class, strlen( $prefix ) ) ) . '.php';
		if ( is_file( $file ) ) {
			require_once $file;
		}
	}
);

$kvs_wp_dir = getenv( 'KVS_WP_DIR' );
if ( false === $kvs_wp_dir || '' === $kvs_wp_dir ) {
	$kvs_wp_dir = $kvs_repo_root . '/.stack/sites/test';
}
$kvs_wp_dir = rtrim( $kvs_wp_dir, '/' );

if ( ! is_file( $kvs_wp_dir . '/wp-load.php' ) || ! is_file( $kvs_wp_dir . '/wp-config.php' ) ) {
	fwrite( STDERR, "The WordPress test site is not installed at {$kvs_wp_dir}.\nrun: bash scripts/stack/up.sh test\n" );
	exit( 1 );
}

// What a web request to the site would carry: host and port from the site's WP_HOME (private sites have
// their own port), else the shared test site's 127.0.0.1:5490.
$kvs_host = '127.0.0.1';
$kvs_port = '5490';
if ( preg_match( "/define\\(\\s*'WP_HOME',\\s*'https?:\\/\\/([^:'\\/]+)(?::(\\d+))?/", (string) file_get_contents( $kvs_wp_dir . '/wp-config.php' ), $kvs_home ) ) {
	$kvs_host = $kvs_home[1];
	$kvs_port = isset( $kvs_home[2] ) && '' !== $kvs_home[2] ? $kvs_home[2] : '80';
}
$_SERVER['HTTP_HOST']       = '80' === $kvs_port ? $kvs_host : $kvs_host . ':' . $kvs_port;
$_SERVER['SERVER_NAME']     = $kvs_host;
$_SERVER['SERVER_PORT']     = $kvs_port;
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['HTTP_USER_AGENT'] = 'kiotviet-sync-integration-tests';

if ( ! defined( 'WP_USE_THEMES' ) ) {
	define( 'WP_USE_THEMES', false );
}

// wp-load.php expects to run in the global scope; these are the globals WordPress declares there.
global $wpdb, $blog_id, $current_site, $current_blog, $phpmailer, $wp_theme_directories, $wp_rewrite, $wp, $wp_query, $wp_the_query, $wp_roles, $wp_locale, $wp_embed, $wp_widget_factory, $wp_filter, $wp_actions, $wp_current_filter, $current_user, $post, $wp_version, $wp_db_version, $table_prefix, $shortcode_tags, $wp_post_types, $wp_taxonomies, $wp_post_statuses;

ob_start();
require_once $kvs_wp_dir . '/wp-load.php';
$kvs_boot_output = (string) ob_get_clean();

if ( ! function_exists( 'is_blog_installed' ) || ! is_blog_installed() ) {
	fwrite( STDERR, "WordPress at {$kvs_wp_dir} is not installed (database kvs_test empty or unreachable).\nrun: bash scripts/stack/up.sh test\n" );
	exit( 1 );
}
if ( ! function_exists( 'WC' ) || ! defined( 'WC_VERSION' ) ) {
	fwrite( STDERR, "WooCommerce (real or stand-in) is not active on the test site.\nrun: bash scripts/stack/up.sh test\n" );
	exit( 1 );
}
if ( '' !== trim( $kvs_boot_output ) ) {
	fwrite( STDERR, "Output while loading WordPress:\n" . substr( $kvs_boot_output, 0, 2000 ) . "\n" );
}

// Each test runs in a transaction that is rolled back: every table must be transactional.
$kvs_engines = $wpdb->get_results(
	$wpdb->prepare( 'SELECT TABLE_NAME, ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE %s', $wpdb->esc_like( $wpdb->prefix ) . '%' )
);
foreach ( (array) $kvs_engines as $kvs_engine ) {
	if ( null !== $kvs_engine->ENGINE && 'InnoDB' !== $kvs_engine->ENGINE ) {
		fwrite( STDERR, "Table {$kvs_engine->TABLE_NAME} uses {$kvs_engine->ENGINE}; the integration tests need InnoDB (transactions).\n" );
		exit( 1 );
	}
}

// Real WooCommerce: our jobs go to Action Scheduler. Its tables must exist before the first test: creating
// them (dbDelta) inside a test would commit that test's transaction. Action Scheduler creates them on init
// when its schema version changes; this only covers a site whose tables were dropped behind its back.
if ( class_exists( 'ActionScheduler_StoreSchema' ) && class_exists( 'ActionScheduler_LoggerSchema' ) ) {
	foreach ( array( new ActionScheduler_StoreSchema(), new ActionScheduler_LoggerSchema() ) as $kvs_schema ) {
		if ( ! $kvs_schema->tables_exist() ) {
			$kvs_schema->register_tables( true );
		}
	}
	// One-off jobs of ours left pending by an interrupted earlier run: the site's queue runner would run
	// them in the background while the suite runs. Recurring ones (history prune, reconciliation) stay.
	$kvs_leftovers = $wpdb->prepare(
		"SELECT action_id FROM {$wpdb->actionscheduler_actions} WHERE hook LIKE %s AND status = 'pending' AND schedule NOT LIKE %s AND schedule NOT LIKE %s",
		$wpdb->esc_like( 'kiotviet_sync_' ) . '%',
		'%IntervalSchedule%',
		'%CronSchedule%'
	);
	$wpdb->query( "DELETE l FROM {$wpdb->actionscheduler_logs} l INNER JOIN ({$kvs_leftovers}) x ON x.action_id = l.action_id" );
	$wpdb->query( "DELETE a FROM {$wpdb->actionscheduler_actions} a INNER JOIN ({$kvs_leftovers}) x ON x.action_id = a.action_id" );
}

// The same for one-off WP-Cron events of ours (the stand-in's scheduler).
$kvs_cron = new KiotVietSync\Jobs\WpCronScheduler();
foreach ( $kvs_cron->pending_jobs() as $kvs_job ) {
	if ( null === $kvs_job['interval'] ) {
		$kvs_cron->remove_job( $kvs_job['hook'], $kvs_job['args'], $kvs_job['timestamp'] );
	}
}

require_once ABSPATH . 'wp-admin/includes/user.php';

// Register REST routes once, as the first REST request of a page load would.
rest_get_server();

fwrite(
	STDERR,
	sprintf(
		"Integration suite on %s (%s) with %s %s\n",
		$kvs_wp_dir,
		(string) $_SERVER['HTTP_HOST'],
		defined( 'KVS_WOOCOMMERCE_STANDIN' ) ? 'the WooCommerce stand-in' : 'WooCommerce',
		WC_VERSION
	) . sprintf( "Background jobs: %s\n", KiotVietSync\Jobs\AutoScheduler::action_scheduler_ready() ? 'Action Scheduler' : 'WP-Cron' )
);
