// ui/app_ui_playground.cpp — AppUi's Python-style playground screen (see ui/playground.h).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "program/diagnostic.h"
#include "ui/app_ui.h"
#include "ui/icons.h"

namespace sandyq::ui {
namespace {
float labelWidth(ImFont* f, const std::string& s) { return f->CalcTextSizeA(f->FontSize * f->Scale, 1e9f, 0, s.c_str()).x; }
}  // namespace

void AppUi::openPlayground() {
    if (!playground_loaded_) {
        Result<std::string> saved = services_.storage().read(Playground::kStorageKey);
        playground_.editor().text = saved.ok() ? saved.value() : tr_.tr("play.sample");
        playground_loaded_ = true;
    }
    screen_ = Screen::Playground;
}

void AppUi::savePlaygroundCode() {
    const Status st = services_.storage().writeAtomic(Playground::kStorageKey, playground_.editor().text);
    if (!st.ok()) showMessage(st.message_key, tr_.tr(st.message_key, {{"where", st.where}}));
}

void AppUi::drawPlayground(const FrameContext& ctx) {
    (void)ctx;
    if (fonts_.code == nullptr) return;  // the atlas gains the code font before the next frame
    playground_.update();
    const Palette& p = palette(settings_.high_contrast);
    const float margin = 16.0f;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    const float width = ws.x - margin * 2;
    const float bottom = wp.y + ws.y - 44.0f - margin;  // above the status strip
    const float body = fonts_.body->FontSize * fonts_.body->Scale;
    const float btn_h = std::max(kMinTouchTarget, body + ImGui::GetStyle().FramePadding.y * 2);
    const float pad = ImGui::GetStyle().FramePadding.x;
    const Playground::Mode mode = playground_.mode();
    const bool running = mode == Playground::Mode::Running || mode == Playground::Mode::Paused ||
                         mode == Playground::Mode::WaitingInput;

    // ---- toolbar (flows onto a second row on narrow screens) ----
    float x = start.x + margin, y = start.y + margin * 0.75f;
    const auto place = [&](float w, float gap) {
        if (x > start.x + margin && x + gap + w > start.x + margin + width) {
            x = start.x + margin;
            y += btn_h + 8;
        } else if (x > start.x + margin) {
            x += gap;
        }
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        x += w;
    };
    const auto iconButton = [&](const char* id, const char* key, int icon, bool selected, float gap) {
        const std::string label = tr_.tr(key);
        const float w = labelWidth(fonts_.body, label) + pad * 2 + body * 1.15f + 10;
        place(w, gap);
        return button(id, label, ImVec2(w, btn_h), selected, icon);
    };
    if (iconButton("play.back", "play.back", kIconBack, false, 0)) {
        playground_.stop();
        savePlaygroundCode();
        screen_ = Screen::Home;
    }
    if (iconButton("play.run", "play.run", kIconPlay, true, 20)) {
        savePlaygroundCode();
        playground_.run();
    }
    if (iconButton("play.step", "play.step", kIconStep, false, 8)) {
        if (mode == Playground::Mode::Editing || mode == Playground::Mode::Finished || mode == Playground::Mode::Faulted) savePlaygroundCode();
        playground_.step();
    }
    if (iconButton("play.stop", "play.stop", kIconStop, false, 8)) playground_.stop();
    const char* speed_ids[3] = {"play.speed.slow", "play.speed.medium", "play.speed.fast"};
    const Playground::Speed speeds[3] = {Playground::Speed::Slow, Playground::Speed::Medium, Playground::Speed::Fast};
    for (int i = 0; i < 3; ++i) {
        const std::string label = tr_.tr(speed_ids[i]);
        const float w = labelWidth(fonts_.body, label) + pad * 2;
        place(w, i == 0 ? 20.0f : 6.0f);
        if (button(speed_ids[i], label, ImVec2(w, btn_h), playground_.speed() == speeds[i])) playground_.setSpeed(speeds[i]);
    }
    y += btn_h + 10;

    // ---- status line ----
    const char* status_key = "play.status.editing";
    switch (mode) {
        case Playground::Mode::Running: status_key = "play.status.running"; break;
        case Playground::Mode::Paused: status_key = "play.status.paused"; break;
        case Playground::Mode::WaitingInput: status_key = "play.status.waiting"; break;
        case Playground::Mode::Finished: status_key = "play.status.finished"; break;
        case Playground::Mode::Faulted: status_key = "play.status.faulted"; break;
        default: break;
    }
    std::string status = tr_.tr(status_key);
    if (running && playground_.execLine() > 0) status += "  \u2192  " + tr_.tr("play.line", {{"line", playground_.execLine()}});
    ImGui::GetWindowDrawList()->AddText(fonts_.body, body, ImVec2(start.x + margin, y), p.text_muted, status.c_str());
    widgets_.add("play.status", Rect{start.x + margin, y, labelWidth(fonts_.body, status), body});
    y += body + 8;

    // ---- on-screen keys (bottom) ----
    static const char* kKeys[] = {"(", ")", ":", "\"", "=", "[", "]", "#", "+", "<", ">"};
    const float key_w = std::max(kMinTouchTarget, body * 2.0f);
    const int per_row = std::max(1, static_cast<int>((width + 6) / (key_w + 6)));
    const int key_count = static_cast<int>(sizeof kKeys / sizeof kKeys[0]) + 1;  // + Tab
    const int key_rows = (key_count + per_row - 1) / per_row;
    const float keys_h = key_rows * (btn_h + 6);
    float area_bottom = bottom - keys_h - 8;

    // ---- error panel ----
    const program::Diagnostic& d = playground_.diagnostic();
    std::string err_title, err_msg, err_hint;
    float err_h = 0;
    if (mode == Playground::Mode::Faulted && !d.ok()) {
        err_title = d.line > 0 ? tr_.tr("play.error.where", {{"exc", program::exceptionName(d.exception)}, {"line", static_cast<int>(d.line)}})
                               : std::string(program::exceptionName(d.exception));
        err_msg = program::renderMessage(tr_, d);
        err_hint = program::renderHint(tr_, d);
        const float wrap = width - 32;
        err_h = 24 + fonts_.heading->CalcTextSizeA(fonts_.heading->FontSize * fonts_.heading->Scale * 0.8f, 1e9f, wrap, err_title.c_str()).y +
                fonts_.body->CalcTextSizeA(body, 1e9f, wrap, err_msg.c_str()).y +
                (err_hint.empty() ? 0 : 8 + fonts_.body->CalcTextSizeA(body, 1e9f, wrap, err_hint.c_str()).y);
        area_bottom -= err_h + 10;
    }

    // ---- editor and console ----
    const bool side = width >= 760;
    const float area_h = std::max(120.0f, area_bottom - y);
    const float editor_w = side ? std::floor(width * 0.6f) : width;
    const float editor_h = side ? area_h : std::floor(area_h * 0.6f);
    const float console_w = side ? width - editor_w - 12 : width;
    const float console_h = side ? area_h : area_h - editor_h - 10;
    const bool hc = settings_.high_contrast;
    const CodeEditorColors colors = hc
        ? CodeEditorColors{IM_COL32(0, 0, 0, 255), IM_COL32(30, 30, 30, 255), IM_COL32(200, 200, 200, 255), IM_COL32(255, 255, 255, 255),
                           IM_COL32(255, 221, 0, 255), IM_COL32(120, 220, 255, 255), IM_COL32(140, 255, 140, 255), IM_COL32(255, 170, 255, 255),
                           IM_COL32(190, 190, 190, 255), IM_COL32(80, 80, 0, 255), IM_COL32(120, 0, 0, 255), IM_COL32(255, 255, 255, 255)}
        : CodeEditorColors{IM_COL32(255, 255, 255, 255), IM_COL32(244, 240, 232, 255), IM_COL32(130, 130, 140, 255), IM_COL32(38, 42, 56, 255),
                           IM_COL32(160, 40, 150, 255), IM_COL32(21, 101, 160, 255), IM_COL32(30, 126, 52, 255), IM_COL32(176, 92, 0, 255),
                           IM_COL32(120, 124, 134, 255), IM_COL32(255, 236, 150, 255), IM_COL32(255, 205, 205, 255), IM_COL32(38, 42, 56, 255)};
    ImGui::SetCursorScreenPos(ImVec2(start.x + margin, y));
    codeEditor("##editor", playground_.editor(), ImVec2(editor_w, editor_h), fonts_.code, colors);
    registerItem("play.editor");
    if (playground_.editor().changed && mode == Playground::Mode::Faulted) playground_.stop();

    const float cx = side ? start.x + margin + editor_w + 12 : start.x + margin;
    const float cy = side ? y : y + editor_h + 10;
    ImGui::SetCursorScreenPos(ImVec2(cx, cy));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(hc ? p.background : IM_COL32(32, 36, 48, 255)));
    ImGui::BeginChild("##console", ImVec2(console_w, console_h), true);
    ImGui::PopStyleColor();
    ImGui::PushFont(fonts_.code);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.93f, 0.95f, 0.97f, 1));
    const std::string& out = playground_.output();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(out.c_str(), out.c_str() + out.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (mode == Playground::Mode::WaitingInput) {
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 110);
        if (ImGui::IsWindowAppearing() || !ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
        std::string& line = playground_.inputLine();
        char buf[512];
        std::snprintf(buf, sizeof buf, "%s", line.c_str());
        const bool enter = ImGui::InputText("##stdin", buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue);
        line = buf;
        registerItem("play.input");
        ImGui::SameLine();
        if (button("play.send", tr_.tr("play.send"), ImVec2(100, 0), true) || enter) {
            playground_.submitInput(line);
            line.clear();
        }
    }
    static size_t last_out_size = 0;
    if (out.size() != last_out_size) {
        ImGui::SetScrollHereY(1.0f);  // follow the newest output
        last_out_size = out.size();
    }
    ImGui::EndChild();
    registerItem("play.console");

    // ---- error panel ----
    float ey = (side ? y + area_h : cy + console_h) + 10;
    if (err_h > 0) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 a(start.x + margin, ey), b(start.x + margin + width, ey + err_h);
        dl->AddRectFilled(a, b, hc ? p.background : IM_COL32(255, 236, 236, 255), 12.0f);
        dl->AddRect(a, b, p.danger, 12.0f, 0, 2.0f);
        const float hs = fonts_.heading->FontSize * fonts_.heading->Scale * 0.8f;
        float ty = ey + 12;
        dl->AddText(fonts_.heading, hs, ImVec2(a.x + 16, ty), p.danger, err_title.c_str(), nullptr, width - 32);
        ty += fonts_.heading->CalcTextSizeA(hs, 1e9f, width - 32, err_title.c_str()).y;
        dl->AddText(fonts_.body, body, ImVec2(a.x + 16, ty), p.text, err_msg.c_str(), nullptr, width - 32);
        ty += fonts_.body->CalcTextSizeA(body, 1e9f, width - 32, err_msg.c_str()).y + 8;
        if (!err_hint.empty()) dl->AddText(fonts_.body, body, ImVec2(a.x + 16, ty), p.text_muted, err_hint.c_str(), nullptr, width - 32);
        widgets_.add("play.error", Rect{a.x, a.y, width, err_h});
        if (last_message_text_ != err_title + ": " + err_msg) showMessage(d.message_key, err_title + ": " + err_msg);
        ey += err_h + 10;
    }

    // ---- key row ----
    float kx = start.x + margin, ky = bottom - keys_h;
    for (int i = 0; i < key_count; ++i) {
        if (i > 0 && i % per_row == 0) { kx = start.x + margin; ky += btn_h + 6; }
        ImGui::SetCursorScreenPos(ImVec2(kx, ky));
        char id[24];
        std::snprintf(id, sizeof id, "play.key.%d", i);
        const bool tab = i == key_count - 1;
        const std::string label = tab ? std::string("\u2192|") : std::string(kKeys[i]);
        if (button(id, label, ImVec2(tab ? key_w * 1.2f : key_w, btn_h)) && !playground_.editor().read_only) {
            playground_.editor().pending_insert += tab ? "    " : kKeys[i];
            playground_.editor().want_focus = true;
        }
        kx += (tab ? key_w * 1.2f : key_w) + 6;
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, bottom));
}

}  // namespace sandyq::ui
