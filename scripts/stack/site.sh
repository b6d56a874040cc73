#!/usr/bin/env bash
# One local WordPress site (demo or test):
#   site.sh install SITE [--fresh]   copy core, write wp-config, install, activate WooCommerce (real or stand-in) + our plugin
#   site.sh serve SITE               start `php -S` on the site's loopback port (idempotent)
#   site.sh stop SITE                stop that server
# WOOCOMMERCE_DIR=/path/to/woocommerce selects real WooCommerce; unset → tests/woocommerce-standin.
set -euo pipefail
source "$(dirname "$0")/../lib/env.sh"

cmd="${1:-}"; site="${2:-}"; shift 2 || true
[ -n "$site" ] || die "usage: site.sh install|serve|stop demo|test [--fresh]"
port="$(site_port "$site")"
simport="$(sim_port "$site")"
dir="$STACK/sites/$site"
url="http://127.0.0.1:$port"
db="kvs_$site"
pidfile="$STACK/run/wp-$site.pid"
mkdir -p "$STACK/run" "$STACK/logs"

woo_target() {
	if [ -n "${WOOCOMMERCE_DIR:-}" ]; then
		[ -f "$WOOCOMMERCE_DIR/woocommerce.php" ] || die "WOOCOMMERCE_DIR=$WOOCOMMERCE_DIR has no woocommerce.php"
		(cd "$WOOCOMMERCE_DIR" && pwd)
	else
		echo "$ROOT/tests/woocommerce-standin"
	fi
}

write_config() {
	local salts="$STACK/salts-$site.php"
	if [ ! -f "$salts" ]; then
		php -r 'foreach (["AUTH_KEY","SECURE_AUTH_KEY","LOGGED_IN_KEY","NONCE_KEY","AUTH_SALT","SECURE_AUTH_SALT","LOGGED_IN_SALT","NONCE_SALT"] as $k) { printf("define( %s, %s );\n", var_export($k, true), var_export(bin2hex(random_bytes(32)), true)); }' | sed '1i <?php' >"$salts"
	fi
	local cron="false"
	[ "$site" = "test" ] && cron="${KVS_TEST_DISABLE_WP_CRON:-false}"
	cat >"$dir/wp-config.php" <<PHP
<?php
// Written by scripts/stack/site.sh for the local $site site. Regenerated on every install.
define( 'DB_NAME', '$db' );
define( 'DB_USER', '$DB_USER' );
define( 'DB_PASSWORD', '$DB_PASS' );
define( 'DB_HOST', '127.0.0.1:$DB_PORT' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
require '$salts';
\$table_prefix = 'wp_';
define( 'WP_HOME', '$url' );
define( 'WP_SITEURL', '$url' );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '$STACK/logs/$site-debug.log' );
define( 'SCRIPT_DEBUG', false );
define( 'FS_METHOD', 'direct' );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'DISABLE_WP_CRON', $cron );
define( 'WP_MEMORY_LIMIT', '256M' );
define( 'KIOTVIET_SYNC_TOKEN_URL', 'http://127.0.0.1:$simport/connect/token' );
define( 'KIOTVIET_SYNC_API_BASE', 'http://127.0.0.1:$simport' );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
PHP
}

install() {
	local fresh="${1:-}"
	bash "$ROOT/scripts/stack/wordpress.sh"
	bash "$ROOT/scripts/stack/db.sh" start
	local core="$CACHE_DIR/wordpress-core"
	if [ ! -f "$dir/wp-includes/version.php" ] || ! cmp -s "$core/wp-includes/version.php" "$dir/wp-includes/version.php"; then
		rm -rf "$dir" && mkdir -p "$(dirname "$dir")" && cp -a "$core" "$dir"
	fi
	mkdir -p "$dir/wp-content/uploads" "$dir/wp-content/mu-plugins"
	write_config
	cat >"$dir/wp-content/mu-plugins/kvs-local-site.php" <<'PHP'
<?php
/**
 * Local development site only: this machine has no mail transport, so mail is reported as sent.
 *
 * @package kiotviet-sync
 */
add_filter( 'pre_wp_mail', '__return_true' );

/*
 * The site lives inside the plugin's repository (.stack/sites/<name>), so the plugin symlink's real path is a
 * prefix of every other plugin's path and core's plugin_basename() maps a symlinked WooCommerce twice
 * (".../plugins/kiotviet-sync/.stack/sites/<name>/wp-content/plugins/woocommerce/..."): its scripts and styles
 * answered 403. Undo the second mapping in plugin URLs.
 */
add_filter(
	'plugins_url',
	static function ( $url ) {
		return preg_replace( '#/kiotviet-sync/\.stack/sites/[^/]+/wp-content/plugins/#', '/', (string) $url );
	}
);
PHP
	ln -sfn "$ROOT" "$dir/wp-content/plugins/kiotviet-sync"
	local woo
	woo="$(woo_target)"
	local previous=""
	[ -L "$dir/wp-content/plugins/woocommerce" ] && previous="$(readlink "$dir/wp-content/plugins/woocommerce")"
	ln -sfn "$woo" "$dir/wp-content/plugins/woocommerce"
	if [ "$fresh" = "--fresh" ] || [ "$previous" != "$woo" ]; then
		# A running server keeps the previous code in opcache: stop it (up.sh serves again).
		stop
		mysql_root -e "DROP DATABASE IF EXISTS \`$db\`;"
		rm -rf "$dir/wp-content/uploads" && mkdir -p "$dir/wp-content/uploads"
	fi
	mysql_root -e "CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
	local locale="en_US"
	[ "$site" = "demo" ] && locale="vi"
	local out
	out="$(php "$ROOT/scripts/stack/install-wp.php" "$dir" install "$url" "KiotViet Sync $site" "$ADMIN_USER" "$ADMIN_PASS" "$locale")"
	if [ "$out" != "already installed" ]; then
		php "$ROOT/scripts/stack/install-wp.php" "$dir" activate woocommerce/woocommerce.php >/dev/null
		php "$ROOT/scripts/stack/install-wp.php" "$dir" configure-woocommerce >/dev/null
		php "$ROOT/scripts/stack/install-wp.php" "$dir" activate kiotviet-sync/kiotviet-sync.php >/dev/null
		php "$ROOT/scripts/stack/install-wp.php" "$dir" language-stub vi >/dev/null
		log "installed $site site ($([ -n "${WOOCOMMERCE_DIR:-}" ] && echo "real WooCommerce" || echo "WooCommerce stand-in"))"
	fi
}

serve() {
	if pid_alive "$pidfile" && port_open "$port"; then return 0; fi
	[ -f "$dir/wp-config.php" ] || die "site $site is not installed"
	PHP_CLI_SERVER_WORKERS="${KVS_PHP_WORKERS:-4}" nohup php -d opcache.enable_cli=1 -d memory_limit=512M \
		-d max_execution_time=60 -d display_errors=0 -d log_errors=1 -d error_log="$STACK/logs/$site-php.log" \
		-S "127.0.0.1:$port" -t "$dir" "$ROOT/scripts/stack/router.php" </dev/null >>"$STACK/logs/$site-server.log" 2>&1 &
	echo $! >"$pidfile"
	wait_for_port "$port" 20 || die "WordPress ($site) did not start on port $port"
}

stop() {
	if pid_alive "$pidfile"; then
		local pid
		pid="$(cat "$pidfile")"
		pkill -P "$pid" 2>/dev/null || true
		kill "$pid" 2>/dev/null || true
	fi
	rm -f "$pidfile"
}

case "$cmd" in
	install) install "${1:-}" ;;
	serve) serve ;;
	stop) stop ;;
	*) die "usage: site.sh install|serve|stop demo|test [--fresh]" ;;
esac
