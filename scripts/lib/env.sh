# Shared settings for the local stack. Source it; it defines variables and small helpers only.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STACK="$ROOT/.stack"
CACHE_DIR="${KVS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kiotviet-sync}"
WP_VERSION_WANTED="6.8"
DB_PORT="${KVS_DB_PORT:-5436}"
DB_SOCKET="$STACK/mysql/mysqld.sock"
DB_USER="kvs"
DB_PASS="kvs"
DEMO_PORT="${KVS_DEMO_PORT:-5480}"
TEST_PORT="${KVS_TEST_PORT:-5490}"
SIM_DEMO_PORT="${KVS_SIM_DEMO_PORT:-5401}"
SIM_TEST_PORT="${KVS_SIM_TEST_PORT:-5402}"
ADMIN_USER="admin"
ADMIN_PASS="admin"

log() { printf '[kvs] %s\n' "$*" >&2; }
die() { printf '[kvs] error: %s\n' "$*" >&2; exit 1; }

# Sites: demo and test have fixed ports; any other name ([a-z0-9]+, e.g. a private site per developer) takes
# its ports from KVS_SITE_PORT and KVS_SIM_PORT.
site_port() {
	case "$1" in
		demo) echo "$DEMO_PORT" ;;
		test) echo "$TEST_PORT" ;;
		*) [[ "$1" =~ ^[a-z0-9]+$ ]] && [ -n "${KVS_SITE_PORT:-}" ] || die "site $1 needs KVS_SITE_PORT (and KVS_SIM_PORT)"; echo "$KVS_SITE_PORT" ;;
	esac
}
sim_port() {
	case "$1" in
		demo) echo "$SIM_DEMO_PORT" ;;
		test) echo "$SIM_TEST_PORT" ;;
		*) [ -n "${KVS_SIM_PORT:-}" ] || die "site $1 needs KVS_SIM_PORT"; echo "$KVS_SIM_PORT" ;;
	esac
}

# wait_for_port PORT SECONDS: waits until something listens on 127.0.0.1:PORT.
wait_for_port() {
	local port="$1" limit="${2:-30}" i=0
	while ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
		i=$((i + 1))
		[ "$i" -ge $((limit * 10)) ] && return 1
		sleep 0.1
	done
	return 0
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pid_alive FILE: the pid recorded in FILE is a running process.
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

mysql_root() { mariadb --socket="$DB_SOCKET" -uroot "$@"; }
