// platform/window.h — the SDL2 window with a WebGL2 (or WebGL1) context and the Dear ImGui
// SDL2/OpenGL3 backends. Knows the canvas' CSS size and the device pixel ratio, so the UI lays
// out in CSS pixels and text is rasterised at the real pixel density (crisp at 1× and 2×).
// Depends on: SDL2, ImGui backends, Emscripten (in the .cpp). Owns the GL context.
// Errors: init() returns a Status ("err.platform.no_gl") that the app shows on the HTML error
// overlay; nothing here aborts.
#pragma once

#include <string>

#include "core/status.h"
#include "platform/services.h"

namespace sandyq::platform {

struct DisplayMetrics {
    float css_width = 0;    // layout size, CSS pixels
    float css_height = 0;
    float pixel_ratio = 1;  // device pixels per CSS pixel
    int fb_width = 0;       // framebuffer, device pixels
    int fb_height = 0;
    int webgl_version = 0;  // 2, or 1 on the fallback path
};

class Window final : public Textures {
public:
    Window() = default;
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
    ~Window();

    // Creates the window and GL context and initialises the ImGui backends (ImGui's context
    // must exist). force_webgl1: take the WebGL1 path even where WebGL2 exists (tests).
    Status init(const char* title, bool force_webgl1);
    // Polls events into ImGui; returns false when the window was asked to close.
    bool pollEvents();
    // Follows the canvas' CSS size and the pixel ratio (call before deciding on fonts).
    const DisplayMetrics& updateMetrics();
    // Re-uploads the font atlas after the UI rebuilt it.
    void reloadFontTexture();
    // Pictures: RGBA8 → GL texture (linear filtering, clamped), usable as ImTextureID.
    uint64_t createTexture(const unsigned char* rgba, int width, int height) override;
    void destroyTexture(uint64_t texture) override;
    // Starts the backends' frame with the metrics of the last updateMetrics().
    void beginFrame();
    // Renders ImGui's draw data and presents.
    void endFrame(float clear_r, float clear_g, float clear_b);
    const DisplayMetrics& metrics() const { return metrics_; }
    // True when the last pointer input came from a touch screen (the UI then scrolls by drag).
    bool lastInputWasTouch() const { return last_input_touch_; }

private:
    void* window_ = nullptr;      // SDL_Window*
    void* gl_context_ = nullptr;  // SDL_GLContext
    DisplayMetrics metrics_;
    bool last_input_touch_ = false;
};

}  // namespace sandyq::platform
