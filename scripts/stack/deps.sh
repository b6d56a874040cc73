#!/usr/bin/env bash
# Installs what the stack needs and is missing: Debian packages, npm and composer dependencies.
# Idempotent: a machine that has everything only pays for a few checks.
set -euo pipefail
source "$(dirname "$0")/../lib/env.sh"

need_pkgs=()
# One `php -m` read (grep -q on a pipe would end it early: SIGPIPE + pipefail = a false "missing").
php_modules="$(php -m 2>/dev/null || true)"
grep -qix 'mysqli' <<<"$php_modules" || need_pkgs+=(php8.2-mysql)
grep -qix 'curl' <<<"$php_modules" || need_pkgs+=(php8.2-curl)
grep -qix 'gd' <<<"$php_modules" || need_pkgs+=(php8.2-gd)
grep -qix 'zip' <<<"$php_modules" || need_pkgs+=(php8.2-zip)
grep -qix 'bcmath' <<<"$php_modules" || need_pkgs+=(php8.2-bcmath)
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || need_pkgs+=(mariadb-server)
command -v mariadb >/dev/null 2>&1 || need_pkgs+=(mariadb-client)
[ -x /usr/bin/chromium ] || need_pkgs+=(chromium)
command -v composer >/dev/null 2>&1 || need_pkgs+=(composer)
command -v dpkg-deb >/dev/null 2>&1 || need_pkgs+=(dpkg)

if [ "${#need_pkgs[@]}" -gt 0 ]; then
	log "installing Debian packages: ${need_pkgs[*]}"
	SUDO=""
	[ "$(id -u)" -ne 0 ] && SUDO="sudo"
	$SUDO apt-get update -q >/dev/null
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need_pkgs[@]}" >/dev/null
	# Debian starts a system MariaDB on install; the project uses its own instance only.
	$SUDO systemctl disable --now mariadb >/dev/null 2>&1 || $SUDO service mariadb stop >/dev/null 2>&1 || true
fi

cd "$ROOT"
if [ ! -d node_modules ] || [ package.json -nt node_modules/.package-lock.json ] || { [ -f package-lock.json ] && [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
	log "installing npm dependencies"
	# npm ci installs exactly the lock file; if the lock and package.json disagree, npm install repairs it.
	if [ ! -f package-lock.json ] || ! npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1; then
		npm install --no-audit --no-fund --loglevel=error >/dev/null
	fi
fi
if [ ! -f vendor/autoload.php ] || [ composer.json -nt vendor/autoload.php ]; then
	log "installing composer dependencies"
	composer install --no-interaction --no-progress --quiet
	touch vendor/autoload.php
fi
