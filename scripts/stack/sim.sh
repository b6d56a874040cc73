#!/usr/bin/env bash
# The KiotViet simulator for a site: sim.sh start demo|test / sim.sh stop demo|test.
set -euo pipefail
source "$(dirname "$0")/../lib/env.sh"

cmd="${1:-}"; site="${2:-}"
port="$(sim_port "$site")"
pidfile="$STACK/run/sim-$site.pid"
mkdir -p "$STACK/run" "$STACK/logs"

case "$cmd" in
	start)
		if pid_alive "$pidfile" && port_open "$port"; then exit 0; fi
		[ -f "$ROOT/tools/kiotviet-simulator/src/cli.ts" ] || { log "simulator not present yet; skipping"; exit 0; }
		(cd "$ROOT" && nohup node_modules/.bin/tsx tools/kiotviet-simulator/src/cli.ts --seed "${KVS_SIM_SEED:-demo}" ${KVS_SIM_ITEMS:+--items "$KVS_SIM_ITEMS"} --port "$port" \
			</dev/null >>"$STACK/logs/sim-$site.log" 2>&1 &
			echo $! >"$pidfile") </dev/null >/dev/null 2>&1 # detached from the caller's stdout, so `up.sh … | tail` returns
		wait_for_port "$port" 30 || { tail -20 "$STACK/logs/sim-$site.log" >&2; die "simulator ($site) did not start on port $port"; }
		;;
	stop)
		if pid_alive "$pidfile"; then
			pid="$(cat "$pidfile")"
			pkill -P "$pid" 2>/dev/null || true
			kill "$pid" 2>/dev/null || true
		fi
		rm -f "$pidfile"
		;;
	*) die "usage: sim.sh start|stop demo|test" ;;
esac
