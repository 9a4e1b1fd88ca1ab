# sandyq-progress — the teacher's progress tool: check, merge, tabulate and export backup files.
#   sandyq-progress check FILE...
#   sandyq-progress merge -o OUT.json FILE...
#   sandyq-progress table --lessons L.json [--class NAME] [--year Y] [--lang kk|ru] [--png OUT.png [--font F.ttf]] FILE...
#   sandyq-progress export --lessons L.json --class NAME [--year Y] [--lang kk|ru] [--kind formative|summative]
#                   [--scale 5|10|percent] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--sep ';'|','] [--section TITLE]
#                   (--csv OUT | --xlsx OUT | --xapi OUT) FILE...
# Included natively by the top-level CMakeLists (one tools/<name>.cmake per tool).
add_executable(sandyq-progress ${CMAKE_CURRENT_LIST_DIR}/cli/progress_main.cpp)
sandyq_target_defaults(sandyq-progress)
target_link_libraries(sandyq-progress PRIVATE sandyq_progress sandyq_core sandyq_json)
target_include_directories(sandyq-progress PRIVATE ${PROJECT_SOURCE_DIR})
target_compile_definitions(sandyq-progress PRIVATE SANDYQ_I18N_DIR="${PROJECT_SOURCE_DIR}/assets/i18n")
# --png draws with the app's font subset (cmake/font.cmake), built here natively.
if(NOT TARGET sandyq_fonts)
  sandyq_font_subset(${CMAKE_BINARY_DIR}/stage/assets/fonts)
endif()
add_dependencies(sandyq-progress sandyq_fonts)
target_compile_definitions(sandyq-progress PRIVATE SANDYQ_FONT_FILE="${CMAKE_BINARY_DIR}/stage/assets/fonts/sandyq-sans.ttf")
# XLSX when runtime/progress built sandyq_progress_xlsx (libxlsxwriter found); runtime/ is
# configured before this file, but generator expressions keep the order irrelevant.
target_link_libraries(sandyq-progress PRIVATE $<TARGET_NAME_IF_EXISTS:sandyq_progress_xlsx>)
target_compile_definitions(sandyq-progress PRIVATE $<$<TARGET_EXISTS:sandyq_progress_xlsx>:SANDYQ_HAVE_XLSX=1>)
if(SANDYQ_TESTS)
  # Export golden files through the tool: CSV byte for byte, XLSX read back with openpyxl. Debian's
  # python3 (which has python3-openpyxl), not whichever python3 is first on PATH.
  find_program(SANDYQ_DEBIAN_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH)
  if(NOT SANDYQ_DEBIAN_PYTHON)
    set(SANDYQ_DEBIAN_PYTHON ${Python3_EXECUTABLE})
  endif()
  add_test(NAME progress_export_golden
           COMMAND ${SANDYQ_DEBIAN_PYTHON} ${PROJECT_SOURCE_DIR}/tests/golden/progress/check_export.py
                   $<TARGET_FILE:sandyq-progress> ${CMAKE_CURRENT_BINARY_DIR}/progress-export)
endif()
if(SANDYQ_TESTS)
  add_test(NAME progress_table_png
           COMMAND ${SANDYQ_DEBIAN_PYTHON} ${PROJECT_SOURCE_DIR}/tests/golden/progress/check_table_png.py
                   $<TARGET_FILE:sandyq-progress> ${CMAKE_CURRENT_BINARY_DIR}/progress-table-png)
endif()
