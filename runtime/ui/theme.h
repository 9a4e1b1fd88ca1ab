// ui/theme.h — Sandyq's look: a calm, child-friendly palette, a high-contrast variant, large
// touch targets (every button ≥ 44 CSS px high), and the fonts rasterised at the device's
// pixel density so text is crisp at 1× and 2×.
// Depends on: Dear ImGui. Ownership: fonts live in ImGui's atlas; Fonts holds borrowed pointers.
#pragma once

#include <imgui.h>

#include <string>

namespace sandyq::ui {

struct Palette {
    ImU32 background, surface, surface_border, text, text_muted, primary, primary_text,
        primary_hover, accent, ok, warning, danger, shadow;
};
const Palette& palette(bool high_contrast);

struct Fonts {
    ImFont* body = nullptr;     // regular, 22 CSS px × font scale
    ImFont* heading = nullptr;  // bold, 28 CSS px × font scale
    ImFont* title = nullptr;    // bold, 40 CSS px × font scale
    ImFont* code = nullptr;     // monospace, 20 CSS px × font scale (the code editor)
    float raster_scale = 0;     // pixel_ratio × font_scale the atlas was built for
};

constexpr float kBodySize = 22.0f;
constexpr float kHeadingSize = 28.0f;
constexpr float kTitleSize = 40.0f;
constexpr float kCodeSize = 20.0f;
constexpr float kMinTouchTarget = 44.0f;  // CSS px, WCAG / Apple HIG

// Parses "U+0020-007E,U+20B8,..." into ImGui's zero-terminated range list.
ImVector<ImWchar> parseGlyphRanges(const std::string& spec);

// Rebuilds the atlas for pixel_ratio × font_scale from the TTFs in font_dir. The caller then
// re-uploads the texture. Returns false (and keeps ImGui's default font) if a file is missing.
// with_code: also the monospace code font (only the playground needs it, so start-up skips it).
// title_text: the only text drawn with the title font (the app's name in every language); the
// title font gets just those glyphs, which keeps the atlas (and start-up) small.
bool buildFonts(Fonts& fonts, const std::string& font_dir, const std::string& ranges_spec,
                float pixel_ratio, float font_scale, bool with_code, const std::string& title_text);

void applyStyle(bool high_contrast, float font_scale);

}  // namespace sandyq::ui
