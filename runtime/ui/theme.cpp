#include "ui/theme.h"

#include <algorithm>
#include <cstdlib>

namespace sandyq::ui {

const Palette& palette(bool high_contrast) {
    static const Palette normal{
        IM_COL32(246, 241, 231, 255),  // background: warm paper
        IM_COL32(255, 255, 255, 255),  // surface: cards
        IM_COL32(222, 212, 194, 255),
        IM_COL32(38, 42, 56, 255),     // text: 12.9:1 on surface
        IM_COL32(88, 92, 108, 255),    // muted: 6.4:1
        IM_COL32(21, 101, 160, 255),   // primary: blue, white text 5.9:1
        IM_COL32(255, 255, 255, 255),
        IM_COL32(15, 82, 134, 255),
        IM_COL32(196, 112, 20, 255),   // accent: chest wood
        IM_COL32(30, 126, 52, 255),
        IM_COL32(176, 92, 0, 255),
        IM_COL32(178, 34, 34, 255),
        IM_COL32(0, 0, 0, 28),
    };
    static const Palette contrast{
        IM_COL32(0, 0, 0, 255),
        IM_COL32(0, 0, 0, 255),
        IM_COL32(255, 255, 255, 255),
        IM_COL32(255, 255, 255, 255),
        IM_COL32(255, 255, 255, 255),
        IM_COL32(255, 221, 0, 255),    // yellow buttons, black text
        IM_COL32(0, 0, 0, 255),
        IM_COL32(255, 240, 120, 255),
        IM_COL32(255, 221, 0, 255),
        IM_COL32(120, 255, 120, 255),
        IM_COL32(255, 200, 0, 255),
        IM_COL32(255, 110, 110, 255),
        IM_COL32(0, 0, 0, 0),
    };
    return high_contrast ? contrast : normal;
}

ImVector<ImWchar> parseGlyphRanges(const std::string& spec) {
    ImVector<ImWchar> out;
    size_t i = 0;
    while (i < spec.size()) {
        size_t end = spec.find(',', i);
        if (end == std::string::npos) end = spec.size();
        std::string item = spec.substr(i, end - i);
        i = end + 1;
        if (item.rfind("U+", 0) == 0) item = item.substr(2);
        const size_t dash = item.find('-');
        const unsigned long lo = std::strtoul(item.substr(0, dash).c_str(), nullptr, 16);
        const unsigned long hi = dash == std::string::npos ? lo : std::strtoul(item.substr(dash + 1).c_str(), nullptr, 16);
        if (lo == 0 || hi < lo || hi > 0xFFFF) continue;  // ImWchar is 16-bit
        out.push_back(static_cast<ImWchar>(lo));
        out.push_back(static_cast<ImWchar>(hi));
    }
    out.push_back(0);
    return out;
}

bool buildFonts(Fonts& fonts, const std::string& font_dir, const std::string& ranges_spec,
                float pixel_ratio, float font_scale, bool with_code, const std::string& title_text) {
    static ImVector<ImWchar> ranges;  // must outlive the atlas build
    static ImVector<ImWchar> title_ranges;
    {
        ImFontGlyphRangesBuilder builder;
        builder.AddText(title_text.c_str());
        title_ranges.clear();
        builder.BuildRanges(&title_ranges);
    }
    ranges = parseGlyphRanges(ranges_spec);
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float raster = std::max(0.5f, pixel_ratio * font_scale);
    // Rasterise at device pixels (capped so the atlas stays small on 2× screens with big text),
    // then scale back to CSS pixels: crisp text without ImGui's 3× oversampling.
    const auto add = [&](const char* file, float css_size, const ImWchar* r) -> ImFont* {
        ImFontConfig cfg;
        cfg.OversampleH = 1;
        cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        const float px = std::min(css_size * raster, css_size * 3.0f);
        const std::string path = font_dir + "/" + file;
        ImFont* f = io.Fonts->AddFontFromFileTTF(path.c_str(), px, &cfg, r);
        if (f != nullptr) f->Scale = (css_size * font_scale) / px;
        return f;
    };
    fonts.body = add("sandyq-sans.ttf", kBodySize, ranges.Data);
    fonts.heading = add("sandyq-sans-bold.ttf", kHeadingSize, ranges.Data);
    fonts.title = add("sandyq-sans-bold.ttf", kTitleSize, title_ranges.Data);
    fonts.code = with_code ? add("sandyq-mono.ttf", kCodeSize, ranges.Data) : nullptr;
    fonts.raster_scale = raster;
    if (fonts.body == nullptr || fonts.heading == nullptr || fonts.title == nullptr || (with_code && fonts.code == nullptr)) {
        io.Fonts->Clear();
        fonts.body = fonts.heading = fonts.title = fonts.code = io.Fonts->AddFontDefault();
        return false;
    }
    io.FontDefault = fonts.body;
    return io.Fonts->Build();
}

void applyStyle(bool high_contrast, float font_scale) {
    ImGuiStyle style;
    const Palette& p = palette(high_contrast);
    const auto c = [](ImU32 v) { return ImGui::ColorConvertU32ToFloat4(v); };
    const float s = font_scale;
    style.WindowPadding = ImVec2(20, 16);
    style.FramePadding = ImVec2(16 * s, 11 * s);  // 22 px text + 22 px padding = 44 px targets
    style.ItemSpacing = ImVec2(12, 12);
    style.ItemInnerSpacing = ImVec2(10, 8);
    style.TouchExtraPadding = ImVec2(4, 4);
    style.ScrollbarSize = 22;
    style.GrabMinSize = 28;
    style.WindowRounding = 0;
    style.ChildRounding = 16;
    style.FrameRounding = 12;
    style.PopupRounding = 12;
    style.GrabRounding = 10;
    style.ScrollbarRounding = 10;
    style.FrameBorderSize = high_contrast ? 2.0f : 0.0f;
    style.ChildBorderSize = high_contrast ? 2.0f : 1.0f;
    style.WindowBorderSize = 0;
    ImVec4* col = style.Colors;
    col[ImGuiCol_Text] = c(p.text);
    col[ImGuiCol_TextDisabled] = c(p.text_muted);
    col[ImGuiCol_WindowBg] = c(p.background);
    col[ImGuiCol_ChildBg] = c(p.surface);
    col[ImGuiCol_PopupBg] = c(p.surface);
    col[ImGuiCol_Border] = c(p.surface_border);
    col[ImGuiCol_FrameBg] = c(high_contrast ? p.background : IM_COL32(238, 232, 220, 255));
    col[ImGuiCol_FrameBgHovered] = c(high_contrast ? p.background : IM_COL32(228, 220, 204, 255));
    col[ImGuiCol_FrameBgActive] = c(high_contrast ? p.background : IM_COL32(218, 208, 190, 255));
    col[ImGuiCol_Button] = c(p.primary);
    col[ImGuiCol_ButtonHovered] = c(p.primary_hover);
    col[ImGuiCol_ButtonActive] = c(p.primary_hover);
    col[ImGuiCol_ScrollbarBg] = c(p.background);
    col[ImGuiCol_ScrollbarGrab] = c(p.surface_border);
    col[ImGuiCol_CheckMark] = c(p.primary);
    col[ImGuiCol_NavHighlight] = c(p.accent);
    col[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, high_contrast ? 0.8f : 0.35f);
    ImGui::GetStyle() = style;
}

}  // namespace sandyq::ui
