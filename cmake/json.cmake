# nlohmann-json: header-only, from Debian's nlohmann-json3-dev; used with JSON_NOEXCEPTION.
find_path(SANDYQ_JSON_INCLUDE nlohmann/json.hpp REQUIRED)
add_library(sandyq_json INTERFACE)
target_include_directories(sandyq_json SYSTEM INTERFACE ${SANDYQ_JSON_INCLUDE})
target_compile_definitions(sandyq_json INTERFACE JSON_NOEXCEPTION=1)
