# The UI font: DejaVu Sans (Debian's fonts-dejavu-core), subset at build time with pyftsubset
# (python3-fonttools' fontTools.subset) to Latin, Cyrillic with all Kazakh letters, and the symbols the UI uses.
# SANDYQ_FONT_RANGES is the single source of truth: the same list builds ImGui's glyph ranges.
set(SANDYQ_FONT_RANGES
  "U+0020-007E,U+00A0-00FF,U+0400-045F,U+0492-0493,U+049A-049B,U+04A2-04A3,U+04AE-04B1,U+04BA-04BB,U+04D8-04D9,U+04E8-04E9,U+2010-2027,U+2030-203A,U+20B8,U+2116,U+2190-2193,U+2212,U+2605-2606,U+2713,U+2717,U+25B6,U+25C0,U+27E6-27E7,U+FFFD"
  CACHE STRING "Unicode ranges kept in the font subset and the ImGui atlas")
set(SANDYQ_FONT_DIR /usr/share/fonts/truetype/dejavu CACHE PATH "where DejaVuSans.ttf lives")
# Debian's python3 (not a pyenv one), which sees python3-fonttools.
find_program(SANDYQ_DEBIAN_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH REQUIRED)

# sandyq_font_subset(<out dir>) → <out>/sandyq-sans.ttf, sandyq-sans-bold.ttf, sandyq-mono.ttf (code)
function(sandyq_font_subset out_dir)
  set(outs)
  foreach(pair "DejaVuSans.ttf:sandyq-sans.ttf" "DejaVuSans-Bold.ttf:sandyq-sans-bold.ttf" "DejaVuSansMono.ttf:sandyq-mono.ttf")
    string(REPLACE ":" ";" pair ${pair})
    list(GET pair 0 src)
    list(GET pair 1 dst)
    add_custom_command(OUTPUT ${out_dir}/${dst}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${out_dir}
      COMMAND ${SANDYQ_DEBIAN_PYTHON} -m fontTools.subset ${SANDYQ_FONT_DIR}/${src} --unicodes=${SANDYQ_FONT_RANGES}
              --output-file=${out_dir}/${dst} --layout-features=kern,liga --no-hinting --desubroutinize
      DEPENDS ${SANDYQ_FONT_DIR}/${src}
      COMMENT "Subsetting ${src} (Latin + Cyrillic incl. Kazakh)")
    list(APPEND outs ${out_dir}/${dst})
  endforeach()
  add_custom_target(sandyq_fonts DEPENDS ${outs})
endfunction()
