#!/usr/bin/env bash
# Stops everything the stack started (both sites, both simulators, MariaDB).
set -uo pipefail
source "$(dirname "$0")/../lib/env.sh"
for site in demo test; do
	bash "$ROOT/scripts/stack/site.sh" stop "$site"
	bash "$ROOT/scripts/stack/sim.sh" stop "$site"
done
bash "$ROOT/scripts/stack/db.sh" stop
