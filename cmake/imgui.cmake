# Dear ImGui: built for wasm from Debian's imgui source package into the prefix (tools/setup.sh),
# with the SDL2 + OpenGL3 (WebGL2) backends.
find_path(SANDYQ_IMGUI_INCLUDE imgui/imgui.h REQUIRED)
find_library(SANDYQ_IMGUI_LIB imgui REQUIRED)
add_library(sandyq_imgui INTERFACE)
target_include_directories(sandyq_imgui SYSTEM INTERFACE ${SANDYQ_IMGUI_INCLUDE}/imgui)
target_link_libraries(sandyq_imgui INTERFACE ${SANDYQ_IMGUI_LIB} SDL2::SDL2-static)
target_compile_definitions(sandyq_imgui INTERFACE IMGUI_IMPL_OPENGL_ES3 IMGUI_DISABLE_DEMO_WINDOWS)
