# sandyq-robot MAT PROGRAM.py [--json] [--lang kk|ru|en] [--i18n DIR] — runs a Python-style
# program on a robot mat headless; prints the goals, the final pose, simulated time and the trace
# hash. Included natively by the top-level CMakeLists (one tools/<name>.cmake per tool).
add_executable(sandyq-robot ${CMAKE_CURRENT_LIST_DIR}/cli/robot_main.cpp)
sandyq_target_defaults(sandyq-robot)
target_link_libraries(sandyq-robot PRIVATE sandyq_robot sandyq_worlds sandyq_pyish sandyq_program sandyq_core)
target_compile_definitions(sandyq-robot PRIVATE SANDYQ_I18N_DIR="${PROJECT_SOURCE_DIR}/assets/i18n")
if(SANDYQ_TESTS)
  # The headless runner solves the stop-before-the-wall mat with a tiny program.
  add_test(NAME robot_cli COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tools/bench_robot.py
           --binary $<TARGET_FILE:sandyq-robot> --check)
endif()
