// ui/app_ui_blocks.cpp — the block playground, reachable from the home screen: the pupil picks a
// built-in world (worlds/samples.h: mazes and turtle figures, each tile with a small preview) and
// gets the same panels as a lesson's blocks step (ui/app_ui_coding.cpp: the block editor with every
// block of the world, the world, the live Python-style text, Run / Step / Stop / Reset / speed),
// plus a celebration when the sample's goals are met.
// Persistence: each sample's workspace (blocks::serialize, "sqb1 …") is written to storage under
// blocks/<pupil-N | guest>/<sample>.sqb a second after the last edit, on Run and on leaving;
// opening the sample reads it back. Damaged data gives the start hat alone and a message
// ("blocks.err.corrupt"); the damaged value stays until the pupil edits (nothing is lost silently).
// Layout: wide areas (≥ 900 × 420 px) show the editor left and the world over the text right;
// smaller ones (a phone in landscape) show one panel at a time under a row of tabs.
// Sections: state · opening and saving · picker · sample screen · celebration.
#include <algorithm>
#include <cmath>
#include <string>

#include "ui/app_ui.h"
#include "ui/coding_session.h"
#include "ui/icons.h"
#include "worlds/factory.h"
#include "worlds/samples.h"

namespace sandyq::ui {

// ---- state -----------------------------------------------------------------------------------------
struct BlocksPlay {
    std::unique_ptr<CodingStepState> cs;  // the sample on screen (null: the picker)
    size_t sample = 0;                    // index into worlds::sampleWorlds()
    bool dirty = false;                   // edited since the last save
    double changed_at = 0;                // ImGui time of the last edit
    std::string load_error;               // a catalogue key, shown until the next edit
    std::vector<std::unique_ptr<worlds::World>> previews;  // parallel to sampleWorlds() (null: failed)
    std::vector<WorldView> preview_views;
    double celebrate_since = -1;          // ImGui time the celebration started (-1: none)
    CodingMode last_mode = CodingMode::Editing;
};

namespace {
constexpr double kSaveDelaySeconds = 1.0;

float textW(ImFont* f, const std::string& s) { return f->CalcTextSizeA(f->FontSize * f->Scale, 1e9f, 0, s.c_str()).x; }

// The goal in the pupil's words, by the sample's built-in goals.
const char* goalKey(const worlds::SampleWorld& s) {
    if (s.goals.empty()) return "bplay.goal.free";
    if (s.goals.find("collect_all") != std::string::npos) return "bplay.goal.items";
    if (s.goals.find("shape_equals") != std::string::npos) return "bplay.goal.shape";
    return "bplay.goal.reach";
}
}  // namespace

CodingStepState* AppUi::blocksState() const { return blocks_play_ ? blocks_play_->cs.get() : nullptr; }

// ---- opening and saving -------------------------------------------------------------------------------
std::string AppUi::blocksStorageKey(const std::string& sample) const {
    const std::string owner = pupil_.value != 0 ? "pupil-" + std::to_string(pupil_.value) : std::string("guest");
    return "blocks/" + owner + "/" + sample + ".sqb";
}

void AppUi::openBlocks() {
    if (!blocks_play_) blocks_play_ = std::make_shared<BlocksPlay>();
    BlocksPlay& bp = *blocks_play_;
    if (bp.previews.empty()) {
        for (const worlds::SampleWorld& s : worlds::sampleWorlds()) {
            auto made = worlds::createWorld(s.json);
            bp.previews.push_back(made.ok() ? std::move(made.value()) : nullptr);
        }
        bp.preview_views.resize(bp.previews.size());
    }
    screen_ = Screen::Blocks;
}

void AppUi::openBlocksSample(size_t index) {
    BlocksPlay& bp = *blocks_play_;
    const auto& samples = worlds::sampleWorlds();
    if (index >= samples.size()) return;
    leaveBlocksSample();
    const worlds::SampleWorld& sample = samples[index];
    std::string saved;
    Result<std::string> r = services_.storage().read(blocksStorageKey(sample.id));
    if (r.ok()) {
        saved = r.value();
    } else if (r.status().code != ErrorCode::NotFound) {
        showMessage(r.status().message_key, tr_.tr(r.status().message_key, {{"where", r.status().where}}));
    }
    bp.cs = std::make_unique<CodingStepState>();
    bp.cs->panel = 0;  // compact layout: the blocks first
    bp.sample = index;
    bp.dirty = false;
    bp.celebrate_since = -1;
    bp.last_mode = CodingMode::Editing;
    const Status st = bp.cs->setUpSample(sample, sample.id, saved);
    bp.load_error = st.ok() ? std::string() : st.message_key;
    if (!st.ok()) showMessage(st.message_key, tr_.tr(st.message_key));
}

void AppUi::leaveBlocksSample() {
    if (!blocks_play_ || !blocks_play_->cs) return;
    blocks_play_->cs->stop();
    saveBlocks();
    blocks_play_->cs.reset();
}

void AppUi::blocksEdited() {
    if (!blocks_play_) return;
    blocks_play_->dirty = true;
    blocks_play_->changed_at = ImGui::GetTime();
    blocks_play_->load_error.clear();
}

void AppUi::saveBlocks() {
    if (!blocks_play_ || !blocks_play_->cs || !blocks_play_->dirty) return;
    BlocksPlay& bp = *blocks_play_;
    bp.dirty = false;
    const Status st = services_.storage().writeAtomic(blocksStorageKey(bp.cs->key()), bp.cs->savedProgram());
    if (!st.ok()) showMessage(st.message_key, tr_.tr(st.message_key, {{"where", st.where}}));
}

void AppUi::drawBlocks(const FrameContext& ctx) {
    if (fonts_.code == nullptr) return;  // the atlas gains the code font before the next frame
    if (!blocks_play_) openBlocks();
    const float margin = 16.0f;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    const bool short_screen = ws.y < 600;
    const float top = start.y + (short_screen ? 6.0f : margin * 0.75f);
    const float bottom = wp.y + ws.y - 44.0f - (short_screen ? 4.0f : margin * 0.5f);  // above the status strip
    const ImVec2 origin(start.x + margin, top), size(ws.x - margin * 2, std::max(120.0f, bottom - top));
    if (blocks_play_->cs) drawBlocksSample(origin, size);
    else drawBlocksPicker(ctx, origin, size);
}

// ---- picker ----------------------------------------------------------------------------------------------
void AppUi::drawBlocksPicker(const FrameContext& ctx, ImVec2 origin, ImVec2 size) {
    const Palette& p = palette(settings_.high_contrast);
    BlocksPlay& bp = *blocks_play_;
    const float fs = fonts_.body->FontSize * fonts_.body->Scale;
    const float hs = fonts_.heading->FontSize * fonts_.heading->Scale;
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float btn_h = std::max(kMinTouchTarget, fs + ImGui::GetStyle().FramePadding.y * 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // Back to home, and the screen's title.
    const std::string back = tr_.tr("bplay.back");
    const float back_w = fs * 1.15f + 10 + textW(fonts_.body, back) + pad * 2;
    ImGui::SetCursorScreenPos(origin);
    if (button("bplay.back", back, ImVec2(back_w, btn_h), false, kIconBack)) {
        screen_ = Screen::Home;
        return;
    }
    const std::string title = tr_.tr("bplay.choose");
    dl->AddText(fonts_.heading, hs, ImVec2(origin.x + back_w + 20, origin.y + (btn_h - hs) * 0.5f), p.text, title.c_str());
    widgets_.add("bplay.title", Rect{origin.x + back_w + 20, origin.y, textW(fonts_.heading, title), btn_h});

    // The tiles, in two groups (mazes, turtle), in a scrolling area.
    const float list_y = origin.y + btn_h + 12;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, list_y));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(p.background));
    ImGui::BeginChild("##bplay_list", ImVec2(size.x, origin.y + size.y - list_y), false);
    ImGui::PopStyleColor();
    const float inner = ImGui::GetContentRegionAvail().x;
    const float gap = 14;
    const int per_row = std::max(2, static_cast<int>((inner + gap) / (190 + gap)));
    const float tile_w = std::floor((inner - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row));
    const float preview_h = std::floor(std::min(tile_w * 0.62f, 130.0f));
    const float tile_h = preview_h + fs * 2.6f + 24;
    const auto& samples = worlds::sampleWorlds();
    for (int group = 0; group < 2; ++group) {
        const char* kind = group == 0 ? "maze" : "turtle";
        const std::string heading = tr_.tr(group == 0 ? "bplay.kind.maze" : "bplay.kind.turtle");
        const ImVec2 hp = ImGui::GetCursorScreenPos();
        dl = ImGui::GetWindowDrawList();
        dl->AddText(fonts_.heading, hs, ImVec2(hp.x, hp.y + 4), p.text, heading.c_str());
        ImGui::Dummy(ImVec2(inner, hs + 12));
        int col = 0;
        int level = 0;
        for (size_t i = 0; i < samples.size(); ++i) {
            const worlds::SampleWorld& s = samples[i];
            if (s.id.compare(0, std::string(kind).size() + 1, std::string(kind) + ".") != 0) continue;
            ++level;
            if (col > 0) ImGui::SameLine(0, gap);
            const std::string id = "bplay.sample." + s.id;
            const bool pressed = ImGui::InvisibleButton(id.c_str(), ImVec2(tile_w, tile_h));
            const bool hovered = ImGui::IsItemHovered(), held = ImGui::IsItemActive();
            const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            if (!settings_.high_contrast) dl->AddRectFilled(ImVec2(a.x, a.y + 3), ImVec2(b.x, b.y + 3), p.shadow, 14);
            dl->AddRectFilled(a, b, held ? IM_COL32(232, 224, 208, 255) : hovered && !settings_.high_contrast ? IM_COL32(250, 246, 238, 255) : p.surface, 14);
            dl->AddRect(a, b, settings_.high_contrast ? p.text : p.surface_border, 14, 0, settings_.high_contrast ? 2.0f : 1.0f);
            focus_order_.push_back(id);
            const bool kbd = kbd_visible_ && kbd_focus_ == id;
            if (kbd) dl->AddRect(ImVec2(a.x - 4, a.y - 4), ImVec2(b.x + 4, b.y + 4), p.accent, 18, 0, 3.5f);
            // the world itself, small
            if (i < bp.previews.size() && bp.previews[i]) {
                WorldViewStyle st;
                st.font = fonts_.body;
                st.font_size = std::round(fs * 0.6f);
                st.high_contrast = settings_.high_contrast;
                st.text = p.text;
                st.danger = p.danger;
                dl->PushClipRect(ImVec2(a.x + 8, a.y + 8), ImVec2(b.x - 8, a.y + 8 + preview_h), true);
                bp.preview_views[i].draw(*bp.previews[i], ImVec2(a.x + 8, a.y + 8), ImVec2(tile_w - 16, preview_h), st, 0);
                dl->PopClipRect();
            }
            // title (up to two lines) and how hard it is (1–3 stars by its place in the group)
            const std::string name = tr_.tr("world.sample." + s.id);
            const float ty = a.y + 8 + preview_h + 8;
            dl->PushClipRect(ImVec2(a.x + 10, ty), ImVec2(b.x - 10, b.y - 4), true);
            dl->AddText(fonts_.body, fs, ImVec2(a.x + 12, ty), p.text, name.c_str(), nullptr, tile_w - 24);
            dl->PopClipRect();
            const int stars = s.goals.empty() ? 0 : std::min(3, (level + 1) / 2);
            const float ss = std::round(fs * 0.8f);
            for (int k = 0; k < stars; ++k)
                drawIcon(dl, kIconStar, ImVec2(b.x - 10 - static_cast<float>(stars - k) * (ss + 2), b.y - ss - 8), ss, p.accent);
            widgets_.add(id, Rect{a.x, a.y, tile_w, tile_h});
            const bool key_press = kbd && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                                           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false));
            if (pressed || key_press) openBlocksSample(i);
            col = (col + 1) % per_row;
        }
        ImGui::Dummy(ImVec2(inner, 16));
    }
    dragScroll(ctx);
    ImGui::EndChild();
}

// ---- sample screen ----------------------------------------------------------------------------------------
void AppUi::drawBlocksSample(ImVec2 origin, ImVec2 size) {
    const Palette& p = palette(settings_.high_contrast);
    BlocksPlay& bp = *blocks_play_;
    CodingStepState& cs = *bp.cs;
    const worlds::SampleWorld& sample = worlds::sampleWorlds()[bp.sample];
    cs.update(ImGui::GetIO().DeltaTime);
    const float fs = fonts_.body->FontSize * fonts_.body->Scale;
    const float hs = fonts_.heading->FontSize * fonts_.heading->Scale;
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float btn_h = std::max(kMinTouchTarget, fs + ImGui::GetStyle().FramePadding.y * 2);
    const bool compact = size.x < 900 || size.y < 420;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float x = origin.x, w = size.x;
    float y = origin.y;
    const std::string title = tr_.tr("world.sample." + sample.id);
    const std::string goal = tr_.tr(goalKey(sample));

    // ---- toolbar: Back (to the worlds), the title and goal, then the run controls ----
    const std::string back = compact ? std::string() : tr_.tr("bplay.back");
    const float back_w = std::max(kMinTouchTarget, fs * 1.15f + (back.empty() ? 0 : 10 + textW(fonts_.body, back)) + pad * 2);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button("bplay.back", back, ImVec2(back_w, btn_h), false, kIconBack)) {
        leaveBlocksSample();
        return;
    }
    if (!compact) {
        const float tx = x + back_w + 16;
        dl->AddText(fonts_.heading, hs, ImVec2(tx, y + (btn_h - hs) * 0.5f), p.text, title.c_str());
        const float gx = tx + textW(fonts_.heading, title) + 16;
        dl->PushClipRect(ImVec2(gx, y), ImVec2(x + w, y + btn_h), true);
        dl->AddText(fonts_.body, fs, ImVec2(gx, y + (btn_h - fs) * 0.5f), p.text_muted, goal.c_str());
        dl->PopClipRect();
        widgets_.add("bplay.title", Rect{tx, y, w - (tx - x), btn_h});
        y += btn_h + 8;
    }
    const CodingMode before = cs.mode();
    if (compact) {
        // tabs after Back, then the controls (icons only) on the same row when they fit
        static const char* kTabs[3] = {"coding.tab.blocks", "coding.tab.world", "coding.tab.text"};
        float tx = x + back_w + 8;
        for (int i = 0; i < 3; ++i) {
            const std::string label = tr_.tr(kTabs[i]);
            const float bw = textW(fonts_.body, label) + pad * 1.4f;
            ImGui::SetCursorScreenPos(ImVec2(tx, y));
            if (button(i == 0 ? "coding.tab.editor" : kTabs[i], label, ImVec2(bw, btn_h), cs.panel == i)) cs.panel = i;
            tx += bw + 4;
        }
        const float controls_w = 3 * (kMinTouchTarget + 6) + textW(fonts_.body, tr_.tr("coding.reset")) + textW(fonts_.body, "x0.5") + 4 * pad + 12;
        if (w - (tx - x) >= controls_w) {
            drawCodingControls(cs, nullptr, tx + 8, y, w - (tx - x) - 8, btn_h, true);
        } else {
            y += btn_h + 6;
            drawCodingControls(cs, nullptr, x, y, w, btn_h, true);
        }
        y += btn_h + 6;
    } else {
        drawCodingControls(cs, nullptr, x, y, w, btn_h, false);
        y += btn_h + 10;
    }
    // Run saves the program first (a pupil who runs it expects to find it again)
    if (cs.mode() != before && (cs.mode() == CodingMode::Running || cs.mode() == CodingMode::Paused)) saveBlocks();

    const float body_h = std::max(60.0f, origin.y + size.y - y);
    const float fb_h = std::min(body_h * 0.35f, drawCodingFeedback(cs, nullptr, x, y, w, 0));
    const float msg_h = bp.load_error.empty() ? 0 : fs * 1.4f + 8;
    const auto editor = [&](ImVec2 o, ImVec2 s) {
        if (drawCodingEditor(cs, o, s)) blocksEdited();
    };
    const auto world = [&](ImVec2 o, ImVec2 s) {
        drawCodingWorld(cs, o, s);
        if (compact) {  // the goal as a caption: the toolbar has no room for it
            const float cw = std::min(s.x - 16, textW(fonts_.body, goal) + 16);
            dl->AddRectFilled(ImVec2(o.x + 8, o.y + 8), ImVec2(o.x + 8 + cw, o.y + 8 + fs * 1.3f), IM_COL32(255, 255, 255, 220), 8);
            dl->PushClipRect(ImVec2(o.x + 8, o.y + 8), ImVec2(o.x + 8 + cw, o.y + 8 + fs * 1.3f), true);
            dl->AddText(fonts_.body, fs, ImVec2(o.x + 16, o.y + 8 + fs * 0.15f), p.text, goal.c_str());
            dl->PopClipRect();
        }
        drawCelebration(cs, o, s);
    };
    float main_h = body_h - (fb_h > 0 ? fb_h + 8 : 0) - msg_h;
    if (msg_h > 0) {  // the saved program could not be read
        const std::string m = tr_.tr(bp.load_error);
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + msg_h - 8), settings_.high_contrast ? p.background : IM_COL32(255, 240, 214, 255), 8);
        dl->AddText(fonts_.body, fs, ImVec2(x + 12, y + (msg_h - 8 - fs) * 0.5f), p.text, m.c_str());
        widgets_.add("bplay.load_error", Rect{x, y, w, msg_h - 8});
        y += msg_h;
    }
    if (!compact) {
        const float left_w = std::floor(w * 0.62f);  // the whole toolbox needs a wider palette than a lesson step
        const float right_w = w - left_w - 12;
        editor(ImVec2(x, y), ImVec2(left_w, main_h));
        const float rx = x + left_w + 12;
        const float world_h = std::floor(main_h * 0.62f);
        world(ImVec2(rx, y), ImVec2(right_w, world_h));
        drawCodingText(cs, ImVec2(rx, y + world_h + 8), ImVec2(right_w, main_h - world_h - 8));
    } else {
        const ImVec2 o(x, y), s(w, main_h);
        if (cs.panel == 1) world(o, s);
        else if (cs.panel == 2) drawCodingText(cs, o, s);
        else editor(o, s);
    }
    if (fb_h > 0) drawCodingFeedback(cs, nullptr, x, y + main_h + 8, w, fb_h);
    // a finished run that met the goal: show the world (a phone may be on the blocks tab)
    if (cs.celebrating() && bp.last_mode != CodingMode::Finished && compact) cs.panel = 1;
    bp.last_mode = cs.mode();
    // saved a moment after the last edit, not on every drag step
    if (bp.dirty && ImGui::GetTime() - bp.changed_at >= kSaveDelaySeconds && !cs.blockEditor().dragging()) saveBlocks();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + size.y));
}

// ---- celebration ------------------------------------------------------------------------------------------
void AppUi::drawCelebration(CodingStepState& cs, ImVec2 o, ImVec2 s) {
    BlocksPlay& bp = *blocks_play_;
    if (!cs.celebrating()) {
        bp.celebrate_since = -1;
        return;
    }
    const Palette& p = palette(settings_.high_contrast);
    const double now = ImGui::GetTime();
    if (bp.celebrate_since < 0) bp.celebrate_since = now;
    const float t = static_cast<float>(now - bp.celebrate_since);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(o, ImVec2(o.x + s.x, o.y + s.y), true);
    // confetti for three seconds: pieces fall and sway, each with its own speed and colour
    if (t < 3.0f) {
        static const ImU32 kColours[5] = {IM_COL32(235, 87, 87, 255), IM_COL32(242, 201, 76, 255), IM_COL32(39, 174, 96, 255),
                                          IM_COL32(47, 128, 237, 255), IM_COL32(155, 81, 224, 255)};
        const float fade = t > 2.3f ? (3.0f - t) / 0.7f : 1.0f;
        for (int i = 0; i < 48; ++i) {
            const float r1 = std::fmod(std::sin(static_cast<float>(i) * 12.9898f) * 43758.545f, 1.0f);
            const float r2 = std::fmod(std::sin(static_cast<float>(i) * 78.233f) * 12345.678f, 1.0f);
            const float fx = o.x + std::fabs(r1) * s.x + std::sin(t * 3.0f + static_cast<float>(i)) * 12.0f;
            const float fy = o.y - 20 + t * (120.0f + std::fabs(r2) * 160.0f) + std::fabs(r2) * 60.0f;
            const float a = t * 4.0f + static_cast<float>(i);
            const float cw = 7 * std::fabs(std::cos(a)) + 2, ch = 5;
            ImU32 col = kColours[i % 5];
            col = (col & 0x00FFFFFFu) | (static_cast<ImU32>(255.0f * fade) << 24);
            dl->AddRectFilled(ImVec2(fx - cw, fy - ch), ImVec2(fx + cw, fy + ch), col, 1.5f);
        }
    }
    // a banner: three stars and "Goal reached!"; it fades out after four seconds so the pupil sees
    // the world again (the feedback strip below keeps the message)
    if (t >= 5.0f) {
        dl->PopClipRect();
        return;
    }
    const float alpha = t > 4.0f ? 5.0f - t : 1.0f;
    const auto fadeCol = [alpha](ImU32 c) { return (c & 0x00FFFFFFu) | (static_cast<ImU32>(static_cast<float>(c >> 24) * alpha) << 24); };
    const std::string text = tr_.tr("bplay.reached");
    const float fs = fonts_.heading->FontSize * fonts_.heading->Scale;
    const float pop = std::min(1.0f, t / 0.25f);  // grows in a quarter of a second
    const float ss = std::round(fs * 1.3f * pop);
    const float tw = std::min(textW(fonts_.heading, text), std::max(80.0f, s.x - 72));  // wraps on a narrow panel
    const float th = fonts_.heading->CalcTextSizeA(fs, 1e9f, tw + 1, text.c_str()).y;
    const float bw = std::max(tw, 3 * (ss + 8)) + 40, bh = ss + th + 34;
    const ImVec2 c(o.x + s.x * 0.5f, o.y + s.y * 0.5f);
    const ImVec2 a(c.x - bw * 0.5f, c.y - bh * 0.5f), b(c.x + bw * 0.5f, c.y + bh * 0.5f);
    dl->AddRectFilled(ImVec2(a.x, a.y + 4), ImVec2(b.x, b.y + 4), fadeCol(p.shadow), 16);
    dl->AddRectFilled(a, b, fadeCol(settings_.high_contrast ? p.background : IM_COL32(255, 255, 255, 240)), 16);
    dl->AddRect(a, b, fadeCol(p.ok), 16, 0, 3);
    for (int k = 0; k < 3; ++k)
        drawIcon(dl, kIconStar, ImVec2(c.x - 1.5f * (ss + 8) + static_cast<float>(k) * (ss + 8) + 4, a.y + 12), ss, fadeCol(p.accent));
    // centred line by line
    const char* q = text.c_str();
    const char* end = q + text.size();
    float ly = a.y + 20 + ss;
    while (q < end) {
        const char* le = fonts_.heading->CalcWordWrapPositionA(fs / fonts_.heading->FontSize, q, end, tw + 1);
        if (le == q) le = q + 1;
        const float lw = fonts_.heading->CalcTextSizeA(fs, 1e9f, 0, q, le).x;
        dl->AddText(fonts_.heading, fs, ImVec2(c.x - lw * 0.5f, ly), fadeCol(p.ok), q, le);
        ly += fs * 1.2f;
        q = le;
        while (q < end && *q == ' ') ++q;
    }
    dl->PopClipRect();
    widgets_.add("bplay.celebration", Rect{a.x, a.y, bw, bh});
}

}  // namespace sandyq::ui
