# doctest: header-only, from Debian's doctest-dev (copied into the wasm prefix by setup).
find_path(SANDYQ_DOCTEST_INCLUDE doctest/doctest.h REQUIRED)
add_library(sandyq_doctest INTERFACE)
target_include_directories(sandyq_doctest SYSTEM INTERFACE ${SANDYQ_DOCTEST_INCLUDE})
