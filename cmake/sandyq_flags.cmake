# Flags for our own targets: C++20, no exceptions, no RTTI (as in wasm), warnings on.
# Third-party code (Lua, ImGui, SDL2) is built by tools/build-wasm-deps.sh with its own flags.
if(SANDYQ_SANITIZE)
  # vptr checks need RTTI, which our code is built without (as in wasm).
  add_compile_options(-fsanitize=address,undefined -fno-sanitize=vptr -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined -fno-sanitize=vptr)
endif()
if(EMSCRIPTEN)
  # Emscripten's bundled SDL 1.3 headers are on by default; we use our SDL2 (TOOLCHAIN P4).
  add_compile_options(-sUSE_SDL=0)
  add_link_options(-sUSE_SDL=0)
endif()

function(sandyq_target_defaults target)
  target_compile_options(${target} PRIVATE -fno-exceptions -fno-rtti -Wall -Wextra -Wno-unused-parameter)
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/runtime)
endfunction()
