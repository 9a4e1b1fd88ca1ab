#!/usr/bin/env bash
# tools/build-wasm-deps.sh — builds SDL2, Lua 5.4 and Dear ImGui for wasm from Debian source
# packages (orig + Debian patches via dpkg-source -x) into a prefix. Called by tools/setup.sh.
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
# Header-only deps are COPIED into the prefix: /usr/include itself must never be on a wasm
# include path (it holds glibc/x86 headers).
mkdir -p "$PREFIX/include/stb" "$PREFIX/include/doctest" "$PREFIX/include/nlohmann"
cp /usr/include/stb/*.h "$PREFIX/include/stb/"
cp /usr/include/doctest/*.h "$PREFIX/include/doctest/"
cp -r /usr/include/nlohmann/. "$PREFIX/include/nlohmann/"
log "done: $PREFIX"
