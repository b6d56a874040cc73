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
		# A bundled copy starts in a fraction of tsx's time (no TypeScript compile at every start); rebuilt when a
		# source is newer. Written to a temporary file first: sites may start simulators in parallel.
		bundle="$STACK/sim/cli.cjs"
		if [ ! -f "$bundle" ] || [ -n "$(find "$ROOT/tools/kiotviet-simulator/src" "$ROOT/package-lock.json" -newer "$bundle" -print -quit 2>/dev/null)" ]; then
			mkdir -p "$STACK/sim"
			tmp="$bundle.$$.tmp"
			"$ROOT/node_modules/.bin/esbuild" "$ROOT/tools/kiotviet-simulator/src/cli.ts" --bundle --platform=node --format=cjs \
				--target=node20 --log-level=warning --outfile="$tmp" && mv -f "$tmp" "$bundle"
		fi
		(cd "$ROOT" && nohup node "$bundle" --seed "${KVS_SIM_SEED:-demo}" ${KVS_SIM_ITEMS:+--items "$KVS_SIM_ITEMS"} --port "$port" \
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
