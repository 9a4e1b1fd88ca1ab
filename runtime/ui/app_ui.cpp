// ui/app_ui.cpp — sections: helpers · settings/fonts · frame · top bar · home · settings · status
#include "ui/app_ui.h"

#include <algorithm>
#include <cmath>

#include "core/utf8.h"
#include "ui/icons.h"

#include <imgui_internal.h>  // ClearActiveID: a touch drag that scrolls must not press a button

namespace sandyq::ui {

const char* screenName(Screen s) {
    switch (s) {
        case Screen::Home: return "home";
        case Screen::Settings: return "settings";
        case Screen::Playground: return "playground";
        case Screen::Lesson: return "lesson";
        case Screen::Teacher: return "teacher";
        case Screen::Blocks: return "blocks";
        case Screen::Rollup: return "rollup";
        case Screen::None: break;
    }
    return "none";
}

namespace {
constexpr float kFontSteps[] = {0.75f, 1.0f, 1.25f, 1.5f, 1.75f, 2.0f};
constexpr ImGuiWindowFlags kRootFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                        ImGuiWindowFlags_NoScrollWithMouse;

float textWidth(ImFont* font, const std::string& s) {
    return font->CalcTextSizeA(font->FontSize * font->Scale, 1e9f, 0.0f, s.c_str()).x;
}

}  // namespace

// ---- helpers -------------------------------------------------------------------------------------
// Centred, wrapped text inside the current window's content width.
void centeredWrapped(ImFont* font, const std::string& text, ImU32 color, float avail) {
    const float size = font->FontSize * font->Scale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const char* p = text.c_str();
    const char* end = p + text.size();
    while (p < end) {
        const char* line_end = font->CalcWordWrapPositionA(font->Scale, p, end, avail);
        if (line_end == p) line_end = p + 1;
        const float w = font->CalcTextSizeA(size, 1e9f, 0.0f, p, line_end).x;
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        dl->AddText(font, size, ImVec2(pos.x + (avail - w) * 0.5f, pos.y), color, p, line_end);
        ImGui::Dummy(ImVec2(avail, size * 1.15f));
        p = line_end;
        while (p < end && (*p == ' ' || *p == '\n')) ++p;
    }
}
AppUi::AppUi(text::Translator& tr, platform::Services& services, std::string font_dir, std::string glyph_ranges)
    : tr_(tr), services_(services), font_dir_(std::move(font_dir)), glyph_ranges_(std::move(glyph_ranges)) {}

void AppUi::registerItem(const char* id) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    widgets_.add(id, Rect{a.x, a.y, b.x - a.x, b.y - a.y});
}

void AppUi::showMessage(const std::string& key, const std::string& text) {
    last_message_key_ = key;
    last_message_text_ = text;
}

bool AppUi::button(const char* id, const std::string& label, ImVec2 size, bool selected, int icon) {
    const Palette& p = palette(settings_.high_contrast);
    ImFont* font = fonts_.body;
    const float fs = font->FontSize * font->Scale;
    const float icon_size = icon ? std::round(fs * 1.15f) : 0.0f;
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float gap = icon && !label.empty() ? 10.0f : 0.0f;
    const float content_w = icon_size + gap + (label.empty() ? 0 : textWidth(font, label));
    if (size.x <= 0) size.x = content_w + pad * 2;
    if (size.y <= 0) size.y = std::max(kMinTouchTarget, fs + ImGui::GetStyle().FramePadding.y * 2);
    // Pressed on release over the button, from mouse, touch or keyboard (Space/Enter on focus).
    const bool pressed = ImGui::InvisibleButton(id, size);
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 bg, fg;
    if (selected) {
        bg = held || hovered ? p.primary_hover : p.primary;
        fg = p.primary_text;
    } else {
        bg = settings_.high_contrast ? p.background : (held ? IM_COL32(218, 208, 190, 255) : hovered ? IM_COL32(232, 224, 208, 255) : IM_COL32(240, 234, 222, 255));
        fg = p.text;
    }
    const float r = ImGui::GetStyle().FrameRounding;
    if (!settings_.high_contrast) dl->AddRectFilled(ImVec2(a.x, a.y + 2), ImVec2(b.x, b.y + 2), p.shadow, r);
    dl->AddRectFilled(a, b, bg, r);
    if (settings_.high_contrast) dl->AddRect(a, b, selected ? p.primary : p.text, r, 0, 2.0f);
    // Keyboard focus (our own ring: Tab / Shift+Tab / arrows move it, Enter or Space press).
    (screen_ == Screen::Settings ? focus_order_modal_ : focus_order_).push_back(id);
    const bool kbd_focused = kbd_visible_ && kbd_focus_ == id;
    if (kbd_focused) dl->AddRect(ImVec2(a.x - 4, a.y - 4), ImVec2(b.x + 4, b.y + 4), p.accent, r + 4, 0, 3.5f);
    const float x0 = a.x + (b.x - a.x - content_w) * 0.5f;
    if (icon) drawIcon(dl, icon, ImVec2(x0, a.y + (b.y - a.y - icon_size) * 0.5f), icon_size, fg);
    if (!label.empty()) dl->AddText(font, fs, ImVec2(x0 + icon_size + gap, a.y + (b.y - a.y - fs) * 0.5f), fg, label.c_str());
    registerItem(id);
    const bool key_press = kbd_focused && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                                           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false) ||
                                           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false));
    return pressed || key_press;
}

void AppUi::updateKeyboardFocus() {
    // Called at the end of a frame, when the order of this frame's buttons is known.
    const std::vector<std::string>& order = screen_ == Screen::Settings ? focus_order_modal_ : focus_order_;
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) kbd_visible_ = false;
    if (order.empty()) return;
    int dir = 0;
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab))) dir = io.KeyShift ? -1 : 1;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) dir = 1;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) dir = -1;
    if (dir == 0) return;
    int index = -1;
    for (size_t i = 0; i < order.size(); ++i) if (order[i] == kbd_focus_) index = static_cast<int>(i);
    const int n = static_cast<int>(order.size());
    if (!kbd_visible_ && index >= 0) dir = 0;  // first key press shows where focus is
    index = index < 0 ? (dir > 0 ? 0 : n - 1) : (index + dir + n) % n;
    kbd_focus_ = order[static_cast<size_t>(index)];
    kbd_visible_ = true;
}

// ---- settings and fonts --------------------------------------------------------------------------
void AppUi::loadSettings() {
    const core::LoadedSettings loaded = core::loadSettings(services_.storage());
    settings_ = loaded.settings;
    if (!loaded.found && services_.languageHint() != text::Lang::None) settings_.lang = services_.languageHint();
    tr_.setLanguage(settings_.lang);
    services_.rememberLanguage(settings_.lang);
    applyStyle(settings_.high_contrast, settings_.font_scale);
    if (!loaded.status.ok()) {
        showMessage(loaded.status.message_key, tr_.tr(loaded.status.message_key, {{"where", loaded.status.where}}));
    }
}

bool AppUi::fontsNeedRebuild(float pixel_ratio) const {
    return fonts_.body == nullptr || std::fabs(fonts_scale_built_ - pixel_ratio * settings_.font_scale) > 0.01f ||
           ((screen_ == Screen::Playground || screen_ == Screen::Lesson || screen_ == Screen::Blocks) && fonts_.code == nullptr);
}

void AppUi::rebuildFonts(float pixel_ratio) {
    // The code font joins the atlas the first time the playground opens (faster start-up).
    std::string title_text;
    for (text::Lang lang : text::kAllLangs) title_text += tr_.catalogue(lang).find("app.name") ? tr_.catalogue(lang).find("app.name")->text : "";
    buildFonts(fonts_, font_dir_, glyph_ranges_, pixel_ratio, settings_.font_scale,
               screen_ == Screen::Playground || screen_ == Screen::Lesson || screen_ == Screen::Blocks || fonts_.code != nullptr, title_text + "Sandyq");
    fonts_scale_built_ = pixel_ratio * settings_.font_scale;
    applyStyle(settings_.high_contrast, settings_.font_scale);
}

void AppUi::changeSettings(const core::Settings& s) {
    settings_ = s;
    applyStyle(settings_.high_contrast, settings_.font_scale);
    const Status st = core::saveSettings(services_.storage(), settings_);
    if (!st.ok()) showMessage(st.message_key, tr_.tr(st.message_key, {{"where", st.where}}));
}

void AppUi::setLanguage(text::Lang lang) {
    core::Settings s = settings_;
    s.lang = lang;
    tr_.setLanguage(lang);
    services_.stopSpeaking();
    services_.rememberLanguage(lang);
    changeSettings(s);
}

void AppUi::dragScroll(const FrameContext& ctx) {
    // Touch screens scroll by dragging the content itself (ImGui only scrolls with a wheel or a
    // bar). Called just before EndChild, so the innermost scrollable window under the finger
    // takes the drag first; the content follows the finger 1:1 from the start of the drag.
    if (!ctx.touch || drag_claimed_ || ImGui::GetScrollMaxY() <= 0) return;
    const ImGuiHoveredFlags flags = ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem;
    if (!ImGui::IsWindowHovered(flags) || !ImGui::IsMouseDown(ImGuiMouseButton_Left)) return;
    const ImVec2 total = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f);
    if (std::fabs(total.y) < 8.0f && !dragging_) return;  // below 8 px it is still a tap
    if (!dragging_) {
        dragging_ = true;
        drag_start_scroll_ = ImGui::GetScrollY();
    }
    ImGui::SetScrollY(drag_start_scroll_ - total.y);
    drag_claimed_ = true;
    if (ImGui::IsAnyItemActive()) ImGui::ClearActiveID();  // a drag is not a press
}

// ---- frame ---------------------------------------------------------------------------------------
void AppUi::frame(const FrameContext& ctx) {
    widgets_.beginFrame();
    focus_order_.clear();
    focus_order_modal_.clear();
    drag_claimed_ = false;
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) dragging_ = false;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##root", nullptr, kRootFlags);
    ImGui::PopStyleVar();
    // A lesson on a short screen (a phone in landscape) gets the whole height.
    if (!((screen_ == Screen::Lesson || screen_ == Screen::Blocks) && vp->Size.y < 600)) drawTopBar(vp->Size.x);
    drawStorageBanner(vp->Size.x);  // storage trouble is never silent (app_ui_storage.cpp)
    if (screen_ == Screen::Playground) {
        drawPlayground(ctx);
    } else if (screen_ == Screen::Blocks) {
        drawBlocks(ctx);
    } else if (screen_ == Screen::Lesson) {
        drawLesson(ctx);
    } else if (screen_ == Screen::Teacher) {
        drawTeacher(ctx);
    } else if (screen_ == Screen::Rollup) {
        drawRollup(ctx);
    } else {
        drawHome(ctx);
    }
    drawStatusStrip();
    ImGui::End();
    if (screen_ != Screen::Blocks && blocks_play_) leaveBlocksSample();  // saved when the pupil leaves
    if (screen_ == Screen::Settings) drawSettings();
    updateKeyboardFocus();
    widgets_.endFrame();
}

// ---- top bar -------------------------------------------------------------------------------------
void AppUi::drawTopBar(float width) {
    const Palette& p = palette(settings_.high_contrast);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float margin = 16.0f;
    const float title_size = fonts_.title->FontSize * fonts_.title->Scale;
    const float body_size = fonts_.body->FontSize * fonts_.body->Scale;
    const float icon = std::round(title_size * 1.2f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();

    // Left: the chest and the name.
    drawIcon(dl, kIconChest, ImVec2(origin.x + margin, origin.y + margin), icon, p.accent);
    const float name_x = origin.x + margin + icon + 12;
    const std::string app_name = tr_.tr("app.name");
    dl->AddText(fonts_.title, title_size, ImVec2(name_x, origin.y + margin - 2), p.text, app_name.c_str());
    const std::string tagline = tr_.tr("app.tagline");
    dl->AddText(fonts_.body, body_size, ImVec2(name_x, origin.y + margin + title_size), p.text_muted, tagline.c_str());
    const float left_w = margin + icon + 12 + std::max(textWidth(fonts_.title, app_name), textWidth(fonts_.body, tagline)) + 24;

    // Right: languages, read aloud, settings. If they don't fit beside the name, the two icon
    // buttons lose their labels; if still not, everything flows onto rows below the name.
    const std::string labels[3] = {tr_.tr("lang.kk"), tr_.tr("lang.ru"), tr_.tr("lang.en")};
    const text::Lang langs[3] = {text::Lang::Kk, text::Lang::Ru, text::Lang::En};
    const char* ids[3] = {"home.lang.kk", "home.lang.ru", "home.lang.en"};
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float gap = 8.0f, group_gap = 20.0f;
    const bool has_voice = !services_.speechVoice(settings_.lang).empty();
    const std::string listen = tr_.tr(speaking_ ? "speech.stop" : "speech.read_aloud");
    const std::string gear = tr_.tr("settings.open");
    const float icon_w = std::round(body_size * 1.15f);
    const float btn_h = std::max(kMinTouchTarget, body_size + ImGui::GetStyle().FramePadding.y * 2);
    float lang_w[3];
    float langs_total = 0;
    for (int i = 0; i < 3; ++i) {
        lang_w[i] = textWidth(fonts_.body, labels[i]) + pad * 2;
        langs_total += lang_w[i] + (i ? gap : 0);
    }
    const auto actionsWidth = [&](bool with_labels) {
        const float a = icon_w + pad * 2 + (with_labels ? 10 + textWidth(fonts_.body, listen) : 0);
        const float b = icon_w + pad * 2 + (with_labels ? 10 + textWidth(fonts_.body, gear) : 0);
        return a + gap + b;
    };
    const float bar_h = std::max(title_size + body_size, kMinTouchTarget) + margin * 2;
    const float avail_right = width - left_w - margin;
    bool with_labels = langs_total + group_gap + actionsWidth(true) <= avail_right;
    bool beside = with_labels || langs_total + group_gap + actionsWidth(false) <= avail_right;
    if (!beside) with_labels = true;  // on their own rows there is room for words again

    struct Item { float w; int kind; };  // kind 0..2: language, 3: listen, 4: settings
    Item items[5];
    for (int i = 0; i < 3; ++i) items[i] = {lang_w[i], i};
    items[3] = {icon_w + pad * 2 + (with_labels ? 10 + textWidth(fonts_.body, listen) : 0), 3};
    items[4] = {icon_w + pad * 2 + (with_labels ? 10 + textWidth(fonts_.body, gear) : 0), 4};
    float x0 = beside ? origin.x + width - margin - (langs_total + group_gap + actionsWidth(with_labels)) : origin.x + margin;
    float x = x0;
    float y = beside ? origin.y + (bar_h - btn_h) * 0.5f : origin.y + bar_h - margin * 0.5f;
    float bottom = origin.y + bar_h;
    for (int i = 0; i < 5; ++i) {
        const float before = i == 0 ? 0 : (i == 3 ? group_gap : gap);
        if (!beside && x > x0 && x + before + items[i].w > origin.x + width - margin) {
            x = x0;
            y += btn_h + gap;
        } else {
            x += before;
        }
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        const Item& it = items[i];
        if (it.kind < 3) {
            if (button(ids[it.kind], labels[it.kind], ImVec2(it.w, btn_h), settings_.lang == langs[it.kind])) setLanguage(langs[it.kind]);
        } else if (it.kind == 3) {
            if (button("home.listen", with_labels ? listen : std::string(), ImVec2(it.w, btn_h), false, has_voice ? kIconSpeaker : kIconSpeakerOff)) {
                if (speaking_) {
                    services_.stopSpeaking();
                    speaking_ = false;
                } else if (services_.speak(tr_.tr("speech.home_text"), settings_.lang)) {
                    speaking_ = true;
                    showMessage("speech.home_text", tr_.tr("speech.home_text"));
                } else {
                    showMessage("speech.no_voice", tr_.tr("speech.no_voice"));
                }
            }
            if (ImGui::IsItemHovered() && !has_voice) ImGui::SetTooltip("%s", tr_.tr("speech.no_voice").c_str());
        } else {
            if (button("home.settings", with_labels ? gear : std::string(), ImVec2(it.w, btn_h), false, kIconGear)) {
                screen_ = Screen::Settings;
                ImGui::OpenPopup("##settings");
            }
        }
        x += it.w;
        bottom = std::max(bottom, y + btn_h + (beside ? 0 : margin));
    }
    if (speaking_ && !services_.isSpeaking()) speaking_ = false;
    const float total_h = bottom - origin.y;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + total_h));
    if (!settings_.high_contrast) {
        dl->AddLine(ImVec2(origin.x, origin.y + total_h - 1), ImVec2(origin.x + width, origin.y + total_h - 1), p.surface_border, 1.0f);
    }
}

// ---- home ----------------------------------------------------------------------------------------
void AppUi::drawEmptyState(const char* id, const std::string& title, const std::string& hint, int icon) {
    const Palette& p = palette(settings_.high_contrast);
    const float avail = ImGui::GetCurrentWindow()->DC.TextWrapPos - ImGui::GetCursorPosX();
    const float icon_size = 96.0f;
    ImGui::Dummy(ImVec2(avail, 24));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(pos.x + avail * 0.5f, pos.y + icon_size * 0.5f), icon_size * 0.62f,
                                                settings_.high_contrast ? p.background : IM_COL32(246, 241, 231, 255), 48);
    drawIcon(ImGui::GetWindowDrawList(), icon, ImVec2(pos.x + (avail - icon_size) * 0.5f, pos.y), icon_size,
             icon == kIconChest ? p.accent : p.primary);
    ImGui::Dummy(ImVec2(avail, icon_size + 28));
    ImGui::BeginGroup();
    centeredWrapped(fonts_.heading, title, p.text, avail);
    ImGui::Dummy(ImVec2(avail, 4));
    centeredWrapped(fonts_.body, hint, p.text_muted, avail);
    ImGui::EndGroup();
    registerItem(id);
}

void AppUi::drawHome(const FrameContext& ctx) {
    const Palette& p = palette(settings_.high_contrast);
    const float margin = 16.0f;
    const float strip_h = 44.0f;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const ImVec2 win_max(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y);
    const float width = win_max.x - start.x - margin * 2;
    const float height = win_max.y - strip_h - start.y - margin;
    // One scrolling area for both cards (phones in portrait stack them and scroll by drag).
    ImGui::SetCursorScreenPos(ImVec2(start.x + margin, start.y + margin));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(p.background));
    ImGui::BeginChild("##home", ImVec2(width, height), false);
    ImGui::PopStyleColor();
    widgets_.add("home.body", Rect{start.x + margin, start.y + margin, width, height});  // the scrolling area
    const float inner_w = ImGui::GetContentRegionAvail().x;  // less the scroll bar when there is one
    const bool side_by_side = inner_w >= 720;
    const float profile_w = side_by_side ? std::max(280.0f, std::floor(inner_w * 0.34f)) : inner_w;
    const float course_w = side_by_side ? inner_w - profile_w - margin : inner_w;
    const float min_card_h = side_by_side ? height - 24 : 0;  // fill the screen without a scroll bar

    // A card is a group drawn on top of its rounded background (background in channel 0, so the
    // card grows with its content: nothing is clipped at any text size).
    const auto card = [&](const char* id, const std::string& title, int icon, float w, auto&& body) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImDrawListSplitter splitter;
        splitter.Split(dl, 2);
        splitter.SetCurrentChannel(dl, 1);
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const float pad = 20.0f;
        ImGui::SetCursorScreenPos(ImVec2(top.x + pad, top.y + pad));
        ImGui::BeginGroup();
        ImGui::PushClipRect(ImVec2(top.x, top.y), ImVec2(top.x + w, top.y + 1e6f), true);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w - pad * 2);
        const float hs = fonts_.heading->FontSize * fonts_.heading->Scale;
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        drawIcon(dl, icon, pos, hs * 1.2f, p.primary);
        dl->AddText(fonts_.heading, hs, ImVec2(pos.x + hs * 1.2f + 12, pos.y), p.text, title.c_str());
        widgets_.add("home." + std::string(id) + ".title", Rect{pos.x + hs * 1.2f + 12, pos.y, textWidth(fonts_.heading, title), hs});
        ImGui::Dummy(ImVec2(w - pad * 2, hs * 1.3f));
        body(w - pad * 2);
        ImGui::PopTextWrapPos();
        ImGui::PopClipRect();
        ImGui::EndGroup();
        const float bottom = std::max(ImGui::GetItemRectMax().y + pad, top.y + min_card_h);
        splitter.SetCurrentChannel(dl, 0);
        if (!settings_.high_contrast) dl->AddRectFilled(ImVec2(top.x, top.y + 3), ImVec2(top.x + w, bottom + 3), p.shadow, 16.0f);
        dl->AddRectFilled(top, ImVec2(top.x + w, bottom), p.surface, 16.0f);
        dl->AddRect(top, ImVec2(top.x + w, bottom), settings_.high_contrast ? p.text : p.surface_border, 16.0f, 0,
                    settings_.high_contrast ? 2.0f : 1.0f);
        splitter.Merge(dl);
        ImGui::SetCursorScreenPos(top);
        ImGui::Dummy(ImVec2(w, bottom - top.y));
        widgets_.add("home." + std::string(id), Rect{top.x, top.y, w, bottom - top.y});
    };

    card("profiles", tr_.tr("home.profile.title"), kIconPupils, profile_w, [&](float w) {
        drawProfiles(w);
    });
    if (side_by_side) ImGui::SameLine(0, margin);
    card("course", tr_.tr("home.course.title"), kIconMap, course_w, [&](float w) {
        // Grades 4–6 write Python-style programs in the playground: first, before the long map.
        // Block coding (grades 1–4) and the Python-style playground (grades 4–6), side by side
        // when they fit.
        const float extra = ImGui::GetStyle().FramePadding.x * 2 + 40;
        const std::string blocks_label = tr_.tr("bplay.open");
        const float blocks_w = std::min(w, textWidth(fonts_.body, blocks_label) + extra);
        if (button("home.blocks", blocks_label, ImVec2(blocks_w, 0), true, kIconBlocks)) openBlocks();
        const std::string label = tr_.tr("play.open");
        const float bw = std::min(w, textWidth(fonts_.body, label) + extra);
        if (blocks_w + 12 + bw <= w) ImGui::SameLine(0, 12);
        if (button("home.play", label, ImVec2(bw, 0), false, kIconPlay)) openPlayground();
        ImGui::Dummy(ImVec2(1, 6));
        drawCourseMap(w);
    });
    ImGui::Dummy(ImVec2(1, 4));
    dragScroll(ctx);
    ImGui::EndChild();
}

// ---- status strip ----------------------------------------------------------------------------------
void AppUi::drawStatusStrip() {
    const Palette& p = palette(settings_.high_contrast);
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    const float h = 44.0f;
    const ImVec2 a(wp.x, wp.y + ws.y - h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const platform::StorageHealth health = services_.storageHealth();
    const char* key = "storage.ok";
    ImU32 dot = p.ok;
    switch (health) {
        case platform::StorageHealth::Unavailable: key = "storage.unavailable"; dot = p.warning; break;
        case platform::StorageHealth::QuotaFull: key = "storage.quota"; dot = p.danger; break;
        case platform::StorageHealth::SyncFailed: key = "storage.sync_failed"; dot = p.danger; break;
        default: break;
    }
    const std::string text = tr_.tr(key);
    if (health != platform::StorageHealth::Ok && last_message_key_ != key) showMessage(key, text);
    const float fs = fonts_.body->FontSize * fonts_.body->Scale * 0.85f;
    dl->AddCircleFilled(ImVec2(a.x + 26, a.y + h * 0.5f), 7, dot, 16);
    std::string shown = text;
    const float room = ws.x - 42 - 12;
    const auto widthOf = [&](const std::string& t) { return fonts_.body->CalcTextSizeA(fs, 1e9f, 0, t.c_str()).x; };
    if (widthOf(shown) > room) {  // one line: cut at a letter boundary and add an ellipsis
        size_t n = text::codepointCount(text);
        while (n > 1 && widthOf(shown + "…") > room) shown = std::string(text::truncateCodepoints(text, --n));
        shown += "…";
        if (ImGui::IsMouseHoveringRect(a, ImVec2(a.x + ws.x, a.y + h))) ImGui::SetTooltip("%s", text.c_str());
    }
    dl->AddText(fonts_.body, fs, ImVec2(a.x + 42, a.y + (h - fs) * 0.5f),
                health == platform::StorageHealth::Ok ? p.text_muted : p.text, shown.c_str());
    ImGui::SetCursorScreenPos(a);
    ImGui::Dummy(ImVec2(ws.x, h));
    registerItem("status.storage");
}

// ---- settings --------------------------------------------------------------------------------------
void AppUi::drawSettings() {
    const Palette& p = palette(settings_.high_contrast);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float w = std::min(640.0f, vp->Size.x - 32);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, vp->Size.y - 32));
    if (!ImGui::IsPopupOpen("##settings")) ImGui::OpenPopup("##settings");
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24, 20));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, settings_.high_contrast ? 3.0f : 0.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(p.text));
    const bool open = ImGui::BeginPopupModal("##settings", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    if (!open) {
        screen_ = Screen::Home;
        return;
    }
    const ImVec2 wa = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    widgets_.add("settings.panel", Rect{wa.x, wa.y, ws.x, ws.y});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float hs = fonts_.heading->FontSize * fonts_.heading->Scale;
    const auto heading = [&](const std::string& t) {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        dl->AddText(fonts_.heading, hs, pos, p.text, t.c_str());
        ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, hs));
    };
    const auto label = [&](const std::string& t) {
        ImGui::Dummy(ImVec2(1, 4));
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(t.c_str());
        ImGui::PopTextWrapPos();
    };

    heading(tr_.tr("settings.title"));
    ImGui::Separator();

    label(tr_.tr("lang.choose"));
    const text::Lang langs[3] = {text::Lang::Kk, text::Lang::Ru, text::Lang::En};
    const char* lang_keys[3] = {"lang.kk", "lang.ru", "lang.en"};
    const char* lang_ids[3] = {"settings.lang.kk", "settings.lang.ru", "settings.lang.en"};
    for (int i = 0; i < 3; ++i) {
        if (i > 0) ImGui::SameLine(0, 8);
        if (button(lang_ids[i], tr_.tr(lang_keys[i]), ImVec2(0, 0), settings_.lang == langs[i])) setLanguage(langs[i]);
    }

    label(tr_.tr("settings.font_scale"));
    int step = 0;
    for (int i = 0; i < 6; ++i) if (std::fabs(kFontSteps[i] - settings_.font_scale) < std::fabs(kFontSteps[step] - settings_.font_scale)) step = i;
    const float square = std::max(kMinTouchTarget, fonts_.body->FontSize * fonts_.body->Scale + 22);
    if (button("settings.font.smaller", tr_.tr("settings.font_scale.smaller"), ImVec2(square * 1.4f, square)) && step > 0) {
        core::Settings s = settings_;
        s.font_scale = kFontSteps[step - 1];
        changeSettings(s);
    }
    ImGui::SameLine(0, 12);
    const std::string value = tr_.tr("settings.font_scale.value", {{"percent", static_cast<int>(std::lround(settings_.font_scale * 100))}});
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(value.c_str());
    registerItem("settings.font.value");
    ImGui::SameLine(0, 12);
    if (button("settings.font.bigger", tr_.tr("settings.font_scale.bigger"), ImVec2(square * 1.4f, square)) && step < 5) {
        core::Settings s = settings_;
        s.font_scale = kFontSteps[step + 1];
        changeSettings(s);
    }

    label(tr_.tr("settings.contrast"));
    if (button("settings.contrast", tr_.tr(settings_.high_contrast ? "settings.contrast.on" : "settings.contrast.off"), ImVec2(0, 0), settings_.high_contrast)) {
        core::Settings s = settings_;
        s.high_contrast = !s.high_contrast;
        changeSettings(s);
    }

    label(tr_.tr("settings.speech"));
    const std::string voice = services_.speechVoice(settings_.lang);
    ImGui::PushTextWrapPos(0);
    if (voice.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.warning));
        ImGui::TextUnformatted(tr_.tr("speech.no_voice").c_str());
        ImGui::PopStyleColor();
    } else {
        ImGui::TextUnformatted(tr_.tr("speech.available", {{"voice", voice}}).c_str());
    }
    ImGui::PopTextWrapPos();
    registerItem("settings.voice");

    ImGui::Dummy(ImVec2(1, 8));
    ImGui::Separator();
    const std::string close = tr_.tr("settings.close");
    const float close_w = textWidth(fonts_.body, close) + ImGui::GetStyle().FramePadding.x * 2 + 24;
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - close_w);
    const bool close_clicked = button("settings.close", close, ImVec2(close_w, 0), true);
    if (close_clicked || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        ImGui::CloseCurrentPopup();
        screen_ = Screen::Home;
    }
    dragScroll(FrameContext{1, true});  // long settings on a small phone
    ImGui::EndPopup();
}

}  // namespace sandyq::ui
