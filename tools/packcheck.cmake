# sandyq-packcheck PATH... [--lang kk|ru|en] [--json] [--i18n DIR] [--api] — validates lesson packs.
# Included natively by the top-level CMakeLists (one tools/<name>.cmake per tool).
add_executable(sandyq-packcheck ${CMAKE_CURRENT_LIST_DIR}/cli/packcheck_main.cpp)
sandyq_target_defaults(sandyq-packcheck)
target_link_libraries(sandyq-packcheck PRIVATE sandyq_scripting sandyq_course sandyq_core)
target_include_directories(sandyq-packcheck PRIVATE ${PROJECT_SOURCE_DIR})
target_compile_definitions(sandyq-packcheck PRIVATE SANDYQ_I18N_DIR="${PROJECT_SOURCE_DIR}/assets/i18n")
# .zip packs when scripting/ built sandyq_pack_zip (minizip found); scripting/ is configured after
# this file, hence generator expressions.
target_link_libraries(sandyq-packcheck PRIVATE $<TARGET_NAME_IF_EXISTS:sandyq_pack_zip>)
target_compile_definitions(sandyq-packcheck PRIVATE $<$<TARGET_EXISTS:sandyq_pack_zip>:SANDYQ_HAVE_ZIP=1>)
if(SANDYQ_TESTS)
  # Every bundled pack under lessons/ passes packcheck (errors fail; warnings are allowed).
  add_test(NAME packs_bundled COMMAND sandyq-packcheck ${PROJECT_SOURCE_DIR}/lessons)
endif()
