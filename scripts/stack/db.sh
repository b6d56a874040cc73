#!/usr/bin/env bash
# Project-local MariaDB: `db.sh start` (idempotent) / `db.sh stop`. Data in .stack/mysql/data, loopback port only.
set -euo pipefail
source "$(dirname "$0")/../lib/env.sh"

MYDIR="$STACK/mysql"
PIDFILE="$MYDIR/mysqld.pid"

start() {
	mkdir -p "$MYDIR"
	if pid_alive "$PIDFILE" && mysql_root -e 'SELECT 1' >/dev/null 2>&1; then return 0; fi
	if [ ! -d "$MYDIR/data/mysql" ]; then
		log "initialising MariaDB data directory"
		mariadb-install-db --no-defaults --datadir="$MYDIR/data" --auth-root-authentication-method=socket \
			--skip-test-db --user="$(id -un)" >"$MYDIR/install.log" 2>&1 || { cat "$MYDIR/install.log" >&2; die "mariadb-install-db failed"; }
	fi
	cat >"$MYDIR/my.cnf" <<CNF
[mysqld]
datadir=$MYDIR/data
socket=$DB_SOCKET
port=$DB_PORT
bind-address=127.0.0.1
pid-file=$PIDFILE
log-error=$MYDIR/error.log
user=$(id -un)
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
innodb_buffer_pool_size=512M
innodb_flush_log_at_trx_commit=2
innodb_log_file_size=256M
max_connections=200
CNF
	/usr/sbin/mariadbd --defaults-file="$MYDIR/my.cnf" >/dev/null 2>&1 &
	local i=0
	until mysql_root -e 'SELECT 1' >/dev/null 2>&1; do
		i=$((i + 1))
		[ "$i" -gt 300 ] && { tail -20 "$MYDIR/error.log" >&2; die "MariaDB did not start"; }
		sleep 0.1
	done
	mysql_root -e "CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASS';
		CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASS';
		GRANT ALL ON \`kvs\\_%\`.* TO '$DB_USER'@'127.0.0.1'; GRANT ALL ON \`kvs\\_%\`.* TO '$DB_USER'@'localhost';
		GRANT PROCESS ON *.* TO '$DB_USER'@'127.0.0.1'; FLUSH PRIVILEGES;"
	log "MariaDB on 127.0.0.1:$DB_PORT"
}

stop() {
	if pid_alive "$PIDFILE"; then
		local pid
		pid="$(cat "$PIDFILE")"
		kill "$pid" 2>/dev/null || true
		for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	fi
}

case "${1:-start}" in
	start) start ;;
	stop) stop ;;
	*) die "usage: db.sh start|stop" ;;
esac
