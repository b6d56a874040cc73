#!/usr/bin/env bash
# Brings up one site with everything it needs: MariaDB, WordPress (installed), its simulator, its web server.
#   up.sh demo | up.sh test [--fresh]
set -euo pipefail
source "$(dirname "$0")/../lib/env.sh"
site="${1:-demo}"; shift || true
bash "$ROOT/scripts/stack/db.sh" start
bash "$ROOT/scripts/stack/site.sh" install "$site" "$@"
bash "$ROOT/scripts/stack/sim.sh" start "$site"
bash "$ROOT/scripts/stack/site.sh" serve "$site"
