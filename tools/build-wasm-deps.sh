#!/usr/bin/env bash
# tools/build-wasm-deps.sh — builds SDL2, Lua 5.4, Dear ImGui, zlib, minizip and libxlsxwriter
# for wasm from Debian source packages (orig + Debian patches via dpkg-source -x) into a prefix.
# Called by tools/setup.sh. Static libraries only, no threads.
# usage: build-wasm-deps.sh <workdir> <prefix> <cmake/deps dir> <pkg=version>...
set -euo pipefail
WORK=$1; PREFIX=$2; DEPS=$3; shift 3
JOBS=${JOBS:-$(nproc)}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs} EMSDK_PYTHON=${EMSDK_PYTHON:-/usr/bin/python3}
rm -rf "$WORK" "$PREFIX"
mkdir -p "$WORK/dl" "$WORK/src" "$WORK/build" "$PREFIX"
log() { printf '[wasm-deps] %s\n' "$*" >&2; }
cd "$WORK/dl"
log "apt-get source $*"
apt-get source --download-only "$@" >/dev/null 2>&1 || apt-get source --download-only "$@"
cd "$WORK/src"
# apt-get source already checked the .dsc against the signed Release file; the Debian keyring
# is not installed, so dpkg-source's own signature check would only warn.
dpkg-source --no-check -x ../dl/libsdl2_*.dsc sdl2 >/dev/null
dpkg-source --no-check -x ../dl/lua5.4_*.dsc lua >/dev/null
dpkg-source --no-check -x ../dl/imgui_*.dsc imgui >/dev/null
dpkg-source --no-check -x ../dl/zlib_*.dsc zlib >/dev/null
dpkg-source --no-check -x ../dl/minizip_*.dsc minizip >/dev/null
dpkg-source --no-check -x ../dl/libxlsxwriter_*.dsc libxlsxwriter >/dev/null
SDL_SRC=$WORK/src/sdl2; LUA_SRC=$WORK/src/lua; IMGUI_SRC=$WORK/src/imgui
EMU="-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch"
log "SDL2: configure (slow: ~3 min of feature checks under emcc)"
mkdir -p "$WORK/build/sdl2" && cd "$WORK/build/sdl2"
emcmake cmake -G Ninja "$SDL_SRC" -DCMAKE_BUILD_TYPE=Release "$EMU" \
  -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DCMAKE_INSTALL_PREFIX="$PREFIX" >build.log 2>&1 \
  || { tail -40 build.log; exit 1; }
log "SDL2: build"
{ ninja -j"$JOBS" && ninja install; } >>build.log 2>&1 || { tail -40 build.log; exit 1; }
log "Lua: build"
mkdir -p "$WORK/build/lua" && cd "$WORK/build/lua"
{ emcmake cmake -G Ninja "$DEPS/lua" -DCMAKE_BUILD_TYPE=Release "$EMU" \
    -DLUA_SRC="$LUA_SRC" -DCMAKE_INSTALL_PREFIX="$PREFIX" && ninja -j"$JOBS" && ninja install; } \
  >build.log 2>&1 || { tail -40 build.log; exit 1; }
log "Dear ImGui: build"
mkdir -p "$WORK/build/imgui" && cd "$WORK/build/imgui"
{ emcmake cmake -G Ninja "$DEPS/imgui" -DCMAKE_BUILD_TYPE=Release "$EMU" \
    -DIMGUI_SRC="$IMGUI_SRC" -DCMAKE_FIND_ROOT_PATH="$PREFIX" -DCMAKE_INSTALL_PREFIX="$PREFIX" \
    && ninja -j"$JOBS" && ninja install; } >build.log 2>&1 || { tail -40 build.log; exit 1; }

# Small C libraries without feature checks: compiled file by file with emcc (JOBS at a time) into
# a static archive — no configure step, which costs ~0.6 s per check under emcc.
#   emcc_lib <name> <source dir> "<flags>" file.c...   → $PREFIX/lib/lib<name>.a
emcc_lib() {
  local name=$1 src=$2 flags=$3; shift 3
  local obj=$WORK/build/$name; mkdir -p "$obj"
  printf '%s\n' "$@" | xargs -P "$JOBS" -I{} sh -c \
    'emcc -c -O2 '"$flags"' "$1/$2" -o "$3/$(basename "$2" .c).o"' _ "$src" {} "$obj" \
    >"$obj/build.log" 2>&1 || { tail -40 "$obj/build.log"; exit 1; }
  emar rcs "$PREFIX/lib/lib$name.a" "$obj"/*.o
}
mkdir -p "$PREFIX/lib" "$PREFIX/include/minizip"
# zlib (Debian source package zlib). zconf.h as ./configure leaves it on POSIX (unistd.h and
# stdarg.h present), so z_off_t is off_t for zlib and for every user, as in Debian's zlib1g-dev.
log "zlib: build"
ZLIB_SRC=$WORK/src/zlib
sed -e 's|^#ifdef HAVE_UNISTD_H.*|#if 1    /* was set to #if 1 by ./configure */|' \
    -e 's|^#ifdef HAVE_STDARG_H.*|#if 1    /* was set to #if 1 by ./configure */|' \
    "$ZLIB_SRC/zconf.h" >"$PREFIX/include/zconf.h"
cp "$ZLIB_SRC/zlib.h" "$PREFIX/include/"
cp "$PREFIX/include/zconf.h" "$ZLIB_SRC/zconf.h"
emcc_lib z "$ZLIB_SRC" "-I$PREFIX/include" adler32.c compress.c crc32.c deflate.c gzclose.c \
  gzlib.c gzread.c gzwrite.c infback.c inffast.c inflate.c inftrees.c trees.c uncompr.c zutil.c
# minizip (Debian source package minizip = zlib's contrib/minizip + Debian's security patches),
# the files and header folder of Debian's libminizip-dev.
log "minizip: build"
MZ_SRC=$WORK/src/minizip
emcc_lib minizip "$MZ_SRC" "-I$PREFIX/include" ioapi.c mztools.c unzip.c zip.c
cp "$MZ_SRC"/{crypt,ioapi,mztools,unzip,zip}.h "$PREFIX/include/minizip/"
# libxlsxwriter with the system minizip (as Debian builds it), its bundled MD5 (Debian uses
# OpenSSL's) and C's tmpfile(), which lands in MEMFS in the browser.
log "libxlsxwriter: build"
XLSX_SRC=$WORK/src/libxlsxwriter
emcc_lib xlsxwriter "$XLSX_SRC" \
  "-I$XLSX_SRC/include -I$PREFIX/include -DUSE_SYSTEM_MINIZIP -DUSE_STANDARD_TMPFILE -DNOCRYPT -DNOUNCRYPT" \
  $(cd "$XLSX_SRC" && ls src/*.c) third_party/md5/md5.c
cp "$XLSX_SRC/include/xlsxwriter.h" "$PREFIX/include/"
cp -r "$XLSX_SRC/include/xlsxwriter" "$PREFIX/include/"

# Header-only deps are COPIED into the prefix: /usr/include itself must never be on a wasm
# include path (it holds glibc/x86 headers).
mkdir -p "$PREFIX/include/stb" "$PREFIX/include/doctest" "$PREFIX/include/nlohmann"
cp /usr/include/stb/*.h "$PREFIX/include/stb/"
cp /usr/include/doctest/*.h "$PREFIX/include/doctest/"
cp -r /usr/include/nlohmann/. "$PREFIX/include/nlohmann/"
log "done: $PREFIX"
