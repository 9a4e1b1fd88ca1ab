# Message catalogues: assets/i18n/<lang>/*.json are checked (same keys and placeholders in
# kk, ru, en) and merged into one <lang>.json per language by tools/i18n.py.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
file(GLOB SANDYQ_I18N_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/assets/i18n/*/*.json)

# sandyq_i18n_merge(<out dir>) → <out>/kk.json ru.json en.json; target sandyq_i18n
function(sandyq_i18n_merge out_dir)
  add_custom_command(OUTPUT ${out_dir}/kk.json ${out_dir}/ru.json ${out_dir}/en.json
    COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tools/i18n.py merge
            ${PROJECT_SOURCE_DIR}/assets/i18n ${out_dir}
    DEPENDS ${SANDYQ_I18N_SOURCES} ${PROJECT_SOURCE_DIR}/tools/i18n.py
    COMMENT "Checking and merging kk/ru/en catalogues")
  add_custom_target(sandyq_i18n DEPENDS ${out_dir}/kk.json ${out_dir}/ru.json ${out_dir}/en.json)
endfunction()
