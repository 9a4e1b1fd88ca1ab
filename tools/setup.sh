#!/usr/bin/env bash
# tools/setup.sh — installs everything Sandyq needs on a Debian 12 machine, idempotently.
#   1. Debian packages (adds a deb-src entry so `apt-get source` works);
#   2. npm packages from package-lock.json (playwright-core; the browser is Debian's chromium);
#   3. the wasm dependency prefix (SDL2, Lua 5.4, Dear ImGui, zlib, minizip, libxlsxwriter built
#      from Debian source packages), cached under ${SANDYQ_CACHE:-~/.cache/sandyq} and keyed by
#      every input, so a second run reuses it. Prefixes of other keys are removed only when unused
#      for a day (another checkout or a running build may still use an older one).
# Usage: tools/setup.sh [--no-web]   (--no-web: native build and unit tests only)
# Prints the prefix path as the last line "SANDYQ_WASM_PREFIX=<dir>".
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${SANDYQ_CACHE:-$HOME/.cache/sandyq}
WEB=1
[ "${1:-}" = "--no-web" ] && WEB=0
say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

# ---- 1. Debian packages ---------------------------------------------------------------------
NATIVE_PKGS=(cmake ninja-build g++ doctest-dev liblua5.4-dev nlohmann-json3-dev libstb-dev
             libminizip-dev fonts-dejavu-core python3-fonttools ccache clang-14 libclang-rt-14-dev libxlsxwriter-dev python3-openpyxl python3-pil)
WEB_PKGS=(emscripten dpkg-dev chromium nginx brotli)
PKGS=("${NATIVE_PKGS[@]}")
[ $WEB = 1 ] && PKGS+=("${WEB_PKGS[@]}")
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "Debian packages: all present"
fi
[ $WEB = 1 ] || { say "native only: done"; exit 0; }

# ---- 2. npm ------------------------------------------------------------------------------------
if [ ! -f "$ROOT/node_modules/playwright-core/package.json" ] || \
   [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  say "installing npm packages from package-lock.json"
  (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >&2)
else
  say "npm packages: present"
fi

# ---- 3. wasm dependency prefix -------------------------------------------------------------
if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
  say "adding a deb-src entry for bookworm (needed by apt-get source)"
  $SUDO tee /etc/apt/sources.list.d/sandyq-deb-src.sources >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  $SUDO apt-get update -qq
fi
srcver() { apt-cache showsrc "$1" 2>/dev/null | awk '/^Version:/{print $2; exit}'; }
SRC_PKGS=(libsdl2 lua5.4 imgui zlib minizip libxlsxwriter)
src_versions() {
  SRC_SPECS=()
  for p in "${SRC_PKGS[@]}"; do
    v=$(srcver "$p"); [ -n "$v" ] || return 1
    SRC_SPECS+=("$p=$v")
  done
}
src_versions || { $SUDO apt-get update -qq; src_versions; }
EM_V=$(dpkg-query -W -f='${Version}' emscripten)
KEY=$(printf '%s\n' "$EM_V" "${SRC_SPECS[@]}" \
      "$(cat "$ROOT/tools/build-wasm-deps.sh" "$ROOT"/cmake/deps/*/CMakeLists.txt)" | sha256sum | cut -c1-16)
PREFIX="$CACHE/wasm-prefix-$KEY"
mkdir -p "$CACHE"
# One build per key at a time (two checkouts or a CI job and a developer may run setup at once).
exec 9>"$PREFIX.lock"
flock -n 9 || { say "wasm deps: another setup is building $PREFIX; waiting for it"; flock 9; }
if [ -f "$PREFIX/.complete" ]; then
  say "wasm deps: cached at $PREFIX"
else
  say "wasm deps: building ${SRC_SPECS[*]} with emscripten $EM_V (about 4-5 minutes, once)"
  start=$SECONDS
  bash "$ROOT/tools/build-wasm-deps.sh" "$CACHE/work-$KEY" "$PREFIX.tmp" "$ROOT/cmake/deps" "${SRC_SPECS[@]}"
  touch "$PREFIX.tmp/.complete"
  rm -rf "$PREFIX" && mv "$PREFIX.tmp" "$PREFIX" && rm -rf "$CACHE/work-$KEY"
  say "wasm deps: ready at $PREFIX ($((SECONDS - start)) s)"
fi
touch "$PREFIX/.last-used"
flock -u 9
# Prefixes, work folders and locks of other keys are stale (older Debian sources or build
# scripts) once nothing has used or touched them for a day: until then another checkout, a build
# directory configured against it or a running setup of another key may still need it.
for old in "$CACHE"/wasm-prefix-* "$CACHE"/work-*; do
  case "$old" in "$PREFIX"|"$PREFIX.lock") continue ;; esac
  [ -e "$old" ] || continue
  stamp=$old; [ -f "$old/.last-used" ] && stamp=$old/.last-used
  if [ -n "$(find "$stamp" -maxdepth 0 -mmin +1440 2>/dev/null)" ]; then
    say "removing stale $old (unused for a day)"; rm -rf "$old"
  fi
done
echo "SANDYQ_WASM_PREFIX=$PREFIX"
