#!/usr/bin/env bash
# Stops everything the stack started (both sites, both simulators, MariaDB).
set -uo pipefail
source "$(dirname "$0")/../lib/env.sh"
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
