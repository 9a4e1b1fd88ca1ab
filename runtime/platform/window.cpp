#include "platform/window.h"

#include "platform/input_order.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif

namespace sandyq::platform {

namespace {
// Start-up marks for tools/bench_web.mjs (Module.sandyqTimes; first occurrence only).
void mark(const char* name) {
#ifdef __EMSCRIPTEN__
    EM_ASM({ Module.sandyqMark(UTF8ToString($0)); }, name);
#else
    (void)name;
#endif
}
}  // namespace

Window::~Window() {
    if (gl_context_ != nullptr) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        SDL_GL_DeleteContext(static_cast<SDL_GLContext>(gl_context_));
    }
    if (window_ != nullptr) SDL_DestroyWindow(static_cast<SDL_Window*>(window_));
    SDL_Quit();
}

Status Window::init(const char* title, bool force_webgl1) {
    // Touch: SDL synthesises mouse events from touches, which is what ImGui consumes.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    // Keyboard: SDL's default target is the whole window, which is what we want (the page is the
    // app). Don't name "#canvas": SDL prevents the default action of mouse events, so a click
    // never gives the canvas focus; and Emscripten 3.1.6 can't resolve the string "#window".
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        return Status::error(ErrorCode::Unavailable, "err.platform.no_video", {}, SDL_GetError());
    }
    mark("sdl-init");
    const Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    SDL_Window* window = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1024, 768, flags);
    if (window == nullptr) return Status::error(ErrorCode::Unavailable, "err.platform.no_gl", {}, SDL_GetError());
    window_ = window;
    mark("sdl-window");

    // ImGui draws flat 2D: no depth, stencil or multisampling (a cheaper context to create).
    // web/loader.js creates this context ahead (GL_ATTRIBUTES there: what SDL asks the browser
    // for with these settings — alpha false, depth true, stencil false, antialias false); the
    // browser hands SDL that same context. Change both together (tests/browser/app.test.mjs).
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_MULTISAMPLEBUFFERS, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    const char* glsl = "#version 300 es";
    SDL_GLContext ctx = nullptr;
    if (!force_webgl1) {
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
        ctx = SDL_GL_CreateContext(window);
        metrics_.webgl_version = 2;
    }
    if (ctx == nullptr) {  // WebGL1: the backend's ES3 build works there through OES_vertex_array_object
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 2);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
        ctx = SDL_GL_CreateContext(window);
        glsl = "#version 100";
        metrics_.webgl_version = 1;
    }
    if (ctx == nullptr) return Status::error(ErrorCode::Unavailable, "err.platform.no_gl", {}, SDL_GetError());
    gl_context_ = ctx;
    mark("gl-context");
    SDL_GL_MakeCurrent(window, ctx);
#ifdef __EMSCRIPTEN__
    // Extensions are not enabled automatically (GL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0, see
    // runtime/app/CMakeLists.txt): the ImGui backend's vertex arrays need this one on WebGL1.
    if (metrics_.webgl_version == 1 &&
        !emscripten_webgl_enable_extension(emscripten_webgl_get_current_context(), "OES_vertex_array_object")) {
        return Status::error(ErrorCode::Unavailable, "err.platform.no_gl", {}, "OES_vertex_array_object");
    }
#endif
    SDL_GL_SetSwapInterval(1);
    ImGui_ImplSDL2_InitForOpenGL(window, ctx);
    ImGui_ImplOpenGL3_Init(glsl);
    updateMetrics();
    return Status::success();
}

const DisplayMetrics& Window::updateMetrics() {
    double css_w = 1024, css_h = 768, dpr = 1;
#ifdef __EMSCRIPTEN__
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    dpr = emscripten_get_device_pixel_ratio();
#endif
    if (css_w < 1) css_w = 1;
    if (css_h < 1) css_h = 1;
    if (dpr <= 0) dpr = 1;
    SDL_Window* window = static_cast<SDL_Window*>(window_);
    int w = 0, h = 0;
    SDL_GetWindowSize(window, &w, &h);
    const int want_w = static_cast<int>(std::lround(css_w));
    const int want_h = static_cast<int>(std::lround(css_h));
    // SDL maps mouse coordinates through its window size: keep it equal to the CSS size.
    if (w != want_w || h != want_h) SDL_SetWindowSize(window, want_w, want_h);
    const int fb_w = static_cast<int>(std::lround(css_w * dpr));
    const int fb_h = static_cast<int>(std::lround(css_h * dpr));
#ifdef __EMSCRIPTEN__
    int cur_w = 0, cur_h = 0;
    emscripten_get_canvas_element_size("#canvas", &cur_w, &cur_h);
    if (cur_w != fb_w || cur_h != fb_h) emscripten_set_canvas_element_size("#canvas", fb_w, fb_h);
#endif
    metrics_.css_width = static_cast<float>(css_w);
    metrics_.css_height = static_cast<float>(css_h);
    metrics_.pixel_ratio = static_cast<float>(dpr);
    metrics_.fb_width = fb_w;
    metrics_.fb_height = fb_h;
    return metrics_;
}

void Window::reloadFontTexture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    // The GPU has the pixels now; drop ImGui's CPU copy (megabytes on 2× screens).
    ImGui::GetIO().Fonts->ClearTexData();
}

uint64_t Window::createTexture(const unsigned char* rgba, int width, int height) {
    if (rgba == nullptr || width <= 0 || height <= 0 || width > 4096 || height > 4096) return 0;
    GLuint tex = 0;
    glGenTextures(1, &tex);
    if (tex == 0) return 0;
    GLint last = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last));
    return tex;
}

void Window::destroyTexture(uint64_t texture) {
    if (texture == 0) return;
    const GLuint tex = static_cast<GLuint>(texture);
    glDeleteTextures(1, &tex);
}

bool Window::pollEvents() {
    bool running = true;
    // Every event waits in one queue; a frame takes them up to the first that would make ImGui 1.86
    // lose a key press (platform/input_order.h), the rest follow in the next frames, in order.
    static std::deque<SDL_Event> queue;
    SDL_Event event;
    mark("poll-start");
    while (SDL_PollEvent(&event)) {
        mark("poll-first-event");
        queue.push_back(event);
    }
    std::vector<KeyEvent> keys;
    keys.reserve(queue.size());
    for (const SDL_Event& e : queue) {
        if (e.type == SDL_KEYDOWN) keys.push_back({KeyEvent::Down, static_cast<int>(e.key.keysym.scancode)});
        else if (e.type == SDL_KEYUP) keys.push_back({KeyEvent::Up, static_cast<int>(e.key.keysym.scancode)});
        else keys.push_back({});
    }
    const std::size_t take = eventsForThisFrame(keys);
    for (std::size_t i = 0; i < take; ++i) {
        SDL_Event& e = queue.front();
        ImGui_ImplSDL2_ProcessEvent(&e);
        switch (e.type) {
            case SDL_QUIT: running = false; break;
            case SDL_FINGERDOWN: case SDL_FINGERMOTION: last_input_touch_ = true; break;
            case SDL_MOUSEMOTION: if (e.motion.which != SDL_TOUCH_MOUSEID) last_input_touch_ = false; break;
            case SDL_MOUSEBUTTONDOWN: last_input_touch_ = e.button.which == SDL_TOUCH_MOUSEID; break;
            default: break;
        }
        queue.pop_front();
    }
    return running;
}

void Window::beginFrame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    // The backend derives sizes from SDL; state the truth we measured from the page.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(metrics_.css_width, metrics_.css_height);
    io.DisplayFramebufferScale = ImVec2(metrics_.pixel_ratio, metrics_.pixel_ratio);
}

void Window::endFrame(float r, float g, float b) {
    ImGui::Render();
    glViewport(0, 0, metrics_.fb_width, metrics_.fb_height);
    glClearColor(r, g, b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(static_cast<SDL_Window*>(window_));
}

}  // namespace sandyq::platform
