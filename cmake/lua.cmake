# Lua 5.4 for lesson packs (scripting/ is its only user). Compiled as C, so errors longjmp:
# bindings check every argument before creating C++ objects with destructors.
#  - natively: Debian's liblua5.4-dev (/usr/include/lua5.4, liblua5.4);
#  - Emscripten: lib/liblua.a + include/lua5.4 in the wasm prefix built by tools/setup.sh,
#    found through CMAKE_FIND_ROOT_PATH (as cmake/imgui.cmake).
# Provides the INTERFACE target sandyq_lua.
if(TARGET sandyq_lua)
  return()
endif()
if(EMSCRIPTEN)
  find_path(SANDYQ_LUA_INCLUDE lua5.4/lua.h REQUIRED)
  find_library(SANDYQ_LUA_LIB NAMES lua REQUIRED)
else()
  find_path(SANDYQ_LUA_INCLUDE lua5.4/lua.h PATHS /usr/include REQUIRED)
  find_library(SANDYQ_LUA_LIB NAMES lua5.4 REQUIRED)
endif()
add_library(sandyq_lua INTERFACE)
target_include_directories(sandyq_lua SYSTEM INTERFACE ${SANDYQ_LUA_INCLUDE}/lua5.4)
target_link_libraries(sandyq_lua INTERFACE ${SANDYQ_LUA_LIB})
if(NOT EMSCRIPTEN)
  target_link_libraries(sandyq_lua INTERFACE m ${CMAKE_DL_LIBS})
endif()
