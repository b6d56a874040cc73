#!/usr/bin/env bash
# npm test: everything CI checks, from a fresh clone on a fresh machine.
# Each step writes JUnit XML into artifacts/junit; the last line sums them: `N passed, N failed, N skipped`.
# WOOCOMMERCE_DIR=/path/to/woocommerce runs the integration and browser suites against real WooCommerce.
set -uo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$ROOT"

JUNIT="$ROOT/artifacts/junit"
rm -rf "$JUNIT" && mkdir -p "$JUNIT" "$ROOT/artifacts/logs"
started=$(date +%s)

# check NAME COMMAND…: a step that is not a test runner becomes one JUnit test case.
check() {
	local name="$1"; shift
	local logf="$ROOT/artifacts/logs/$name.log" t0 status
	t0=$(date +%s)
	"$@" >"$logf" 2>&1
	status=$?
	local secs=$(( $(date +%s) - t0 ))
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		echo "<testsuite name=\"$name\" tests=\"1\"><testcase classname=\"checks\" name=\"$name\" time=\"$secs\">"
		if [ "$status" -ne 0 ]; then
			echo "<failure message=\"exit $status\"><![CDATA["
			tail -c 20000 "$logf" | sed 's/]]>/]] >/g'
			echo "]]></failure>"
		fi
		echo "</testcase></testsuite>"
	} >"$JUNIT/check-$name.xml"
	if [ "$status" -eq 0 ]; then log "ok   $name (${secs}s)"; else log "FAIL $name (${secs}s) — see artifacts/logs/$name.log"; tail -n 30 "$logf" >&2; fi
	return 0
}

# suite NAME COMMAND…: a test runner that writes its own JUnit file; a crash without a report still counts as a failure.
suite() {
	local name="$1"; shift
	local logf="$ROOT/artifacts/logs/$name.log" t0 status
	t0=$(date +%s)
	"$@" >"$logf" 2>&1
	status=$?
	local secs=$(( $(date +%s) - t0 ))
	if [ ! -s "$JUNIT/$name.xml" ] || { [ "$status" -ne 0 ] && ! grep -qE '<(failure|error)' "$JUNIT/$name.xml"; }; then
		{
			echo '<?xml version="1.0" encoding="UTF-8"?>'
			echo "<testsuite name=\"$name-runner\" tests=\"1\"><testcase classname=\"runner\" name=\"$name exited $status\"><failure message=\"runner exit $status\"><![CDATA["
			tail -c 20000 "$logf" | sed 's/]]>/]] >/g'
			echo "]]></failure></testcase></testsuite>"
		} >"$JUNIT/$name-runner.xml"
	fi
	if [ "$status" -eq 0 ]; then log "ok   $name (${secs}s)"; else log "FAIL $name (${secs}s) — see artifacts/logs/$name.log"; tail -n 40 "$logf" >&2; fi
	return 0
}

log "installing what is missing"
bash scripts/stack/deps.sh || die "dependency installation failed"

php_files() { git ls-files -co --exclude-standard -- '*.php' | grep -vE '^(vendor|node_modules)/'; }
php_lint() { php_files | xargs -P "$(nproc)" -n 1 php -n -l 2>&1 | grep -v '^No syntax errors' ; return "${PIPESTATUS[1]}"; }

check php-lint php_lint
check phpcs vendor/bin/phpcs -q
check phpstan vendor/bin/phpstan analyse --no-progress --memory-limit=1G
check typecheck npx tsc --noEmit -p tsconfig.json
check eslint npx wp-scripts lint-js src tools scripts tests/e2e bench soak webpack.config.js
check build npm run --silent build
check i18n npx tsx scripts/i18n/build.ts --check

suite phpunit-unit vendor/bin/phpunit -c phpunit.xml.dist --log-junit "$JUNIT/phpunit-unit.xml"
suite vitest npx vitest run --reporter=default --reporter=junit --outputFile.junit="$JUNIT/vitest.xml"

log "starting the test stack ($([ -n "${WOOCOMMERCE_DIR:-}" ] && echo "real WooCommerce: $WOOCOMMERCE_DIR" || echo "WooCommerce stand-in"))"
if bash scripts/stack/up.sh test --fresh >"$ROOT/artifacts/logs/stack.log" 2>&1; then
	suite phpunit-integration vendor/bin/phpunit -c phpunit-integration.xml.dist --log-junit "$JUNIT/phpunit-integration.xml"
	suite e2e npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=junit --outputFile.junit="$JUNIT/e2e.xml"
else
	check stack false
	cat "$ROOT/artifacts/logs/stack.log" >&2
fi
bash scripts/stack/site.sh stop test >/dev/null 2>&1
bash scripts/stack/sim.sh stop test >/dev/null 2>&1
pid_alive "$STACK/run/wp-demo.pid" || bash scripts/stack/db.sh stop >/dev/null 2>&1

log "finished in $(( $(date +%s) - started ))s"
npx tsx scripts/test/summary.ts "$JUNIT"
