#!/usr/bin/env bash
# down.sh        stops everything the stack started (every site, every simulator, MariaDB)
# down.sh NAME   stops only that site's web server and simulator (MariaDB and other sites keep running)
set -uo pipefail
source "$(dirname "$0")/../lib/env.sh"
if [ -n "${1:-}" ]; then
	KVS_SITE_PORT=0 KVS_SIM_PORT=0 bash "$ROOT/scripts/stack/site.sh" stop "$1"
	KVS_SITE_PORT=0 KVS_SIM_PORT=0 bash "$ROOT/scripts/stack/sim.sh" stop "$1"
	exit 0
fi
for pidfile in "$STACK"/run/wp-*.pid "$STACK"/run/sim-*.pid; do
	[ -f "$pidfile" ] || continue
	name="$(basename "$pidfile" .pid)"; site="${name#*-}"
	case "$name" in
		wp-*) KVS_SITE_PORT=0 KVS_SIM_PORT=0 bash "$ROOT/scripts/stack/site.sh" stop "$site" ;;
		sim-*) KVS_SITE_PORT=0 KVS_SIM_PORT=0 bash "$ROOT/scripts/stack/sim.sh" stop "$site" ;;
	esac
done
for site in demo test; do
	bash "$ROOT/scripts/stack/site.sh" stop "$site"
	bash "$ROOT/scripts/stack/sim.sh" stop "$site"
done
bash "$ROOT/scripts/stack/db.sh" stop
