#!/usr/bin/env bash
# npm start: installs what is missing, builds, starts MariaDB + the demo WordPress + the KiotViet simulator
# (demo seed), activates the plugin and prints one line `Ready: <admin URL> (user / password)`.
# WOOCOMMERCE_DIR=/path/to/woocommerce runs the demo on real WooCommerce instead of the stand-in.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$ROOT"

bash scripts/stack/deps.sh
# Rebuild the admin app and translations only when their sources changed (keeps a warm start fast).
if [ ! -f build/admin.js ] || [ -n "$(find src webpack.config.js package.json -newer build/admin.js -print -quit 2>/dev/null)" ]; then
	log "building the admin app"
	mkdir -p "$STACK"
	npm run --silent build >"$STACK/build.log" 2>&1 || { tail -30 "$STACK/build.log" >&2; die "build failed"; }
fi
if [ -f scripts/i18n/build.ts ] && { [ ! -f languages/kiotviet-sync-vi.mo ] || [ -n "$(find languages -name '*.po' -newer languages/kiotviet-sync-vi.mo -print -quit)" ]; }; then
	npx tsx scripts/i18n/build.ts >/dev/null
fi
bash scripts/stack/up.sh demo
echo "KiotViet simulator: http://127.0.0.1:$SIM_DEMO_PORT (shop address: demo, Client ID: demo-client, secret: demo-secret)"
echo "Ready: http://127.0.0.1:$DEMO_PORT/wp-admin/admin.php?page=kiotviet-sync ($ADMIN_USER / $ADMIN_PASS)"
