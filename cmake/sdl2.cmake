# SDL2: built for wasm from Debian's libsdl2 source package into the prefix (tools/setup.sh).
find_package(SDL2 REQUIRED CONFIG)
