# stb (stb_image): header-only, from Debian's libstb-dev. One TU defines STB_IMAGE_IMPLEMENTATION.
find_path(SANDYQ_STB_INCLUDE stb/stb_image.h REQUIRED)
add_library(sandyq_stb INTERFACE)
target_include_directories(sandyq_stb SYSTEM INTERFACE ${SANDYQ_STB_INCLUDE}/stb)
