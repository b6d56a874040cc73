#!/usr/bin/env bash
# Puts a complete WordPress 6.8 core into the cache ($CACHE_DIR/wordpress-core) once.
# Source: wordpress.org when reachable, else Debian 13's `wordpress` package fetched with `apt-get download`
# under a private apt configuration (the system's sources are not touched). Debian replaces a few bundled
# libraries with symlinks to other packages; those packages are fetched the same way and the files copied in.
set -euo pipefail
source "$(dirname "$0")/../lib/env.sh"

CORE="$CACHE_DIR/wordpress-core"
[ -f "$CORE/wp-includes/version.php" ] && [ -f "$CORE/.complete" ] && exit 0
mkdir -p "$CACHE_DIR"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

from_wordpress_org() {
	local url="https://wordpress.org/wordpress-${WP_VERSION_WANTED}.tar.gz"
	curl -fsSL --connect-timeout 5 --max-time 120 "$url" -o "$work/wp.tar.gz" 2>/dev/null || return 1
	tar -xzf "$work/wp.tar.gz" -C "$work" || return 1
	rm -rf "$CORE" && mv "$work/wordpress" "$CORE"
}

from_debian() {
	local apt="$work/apt"
	mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/etc/sources.list.d" "$apt/etc/preferences.d" "$apt/debs"
	echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" >"$apt/etc/sources.list"
	local opts=(-o "Dir::Etc::sourcelist=$apt/etc/sources.list" -o "Dir::Etc::sourceparts=$apt/etc/sources.list.d"
		-o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o "Dir::Etc::preferencesparts=$apt/etc/preferences.d"
		-o "APT::Sandbox::User=root" -o "Debug::NoLocking=1")
	log "fetching WordPress from Debian 13 (trixie) packages"
	apt-get "${opts[@]}" -q update >/dev/null
	(cd "$apt/debs" && apt-get "${opts[@]}" -q download wordpress wordpress-theme-twentytwentyfive libjs-cropper libjs-lodash libjs-underscore php-getid3 >/dev/null)
	for deb in "$apt"/debs/*.deb; do dpkg-deb -x "$deb" "$work/root"; done
	local src="$work/root/usr/share/wordpress"
	# Replace every symlink that points outside the tree by the file it names.
	while IFS= read -r link; do
		local target
		target="$(readlink "$link")"
		case "$target" in
			/*) resolved="$target" ;;
			*) resolved="$(cd "$(dirname "$link")" && realpath -m "$target")" ;;
		esac
		# Targets under /usr/share/... were extracted into $work/root.
		local candidate="$work/root${resolved#"$work/root"}"
		[ -e "$candidate" ] || candidate="$resolved"
		rm -f "$link"
		if [ -e "$candidate" ]; then cp -L "$candidate" "$link"; fi
	done < <(find "$src" -type l)
	# Debian's wp-config.php reads /etc/wordpress; each site writes its own. The theme package unpacked
	# into the same tree (wp-content/themes/twentytwentyfive).
	rm -f "$src/wp-config.php"
	rm -rf "$CORE" && cp -a "$src" "$CORE"
}

from_wordpress_org || from_debian
grep -q "wp_version = '${WP_VERSION_WANTED}" "$CORE/wp-includes/version.php" || die "unexpected WordPress version in $CORE"
touch "$CORE/.complete"
log "WordPress $(sed -n "s/^\$wp_version = '\(.*\)';/\1/p" "$CORE/wp-includes/version.php") ready in $CORE"
