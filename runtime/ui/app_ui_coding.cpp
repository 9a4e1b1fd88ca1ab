// ui/app_ui_coding.cpp — coding steps in the lesson player (blocks, Python-style, robot): the
// step's task (read aloud), the editor (block editor from the step's starter, or the code
// editor), the world, the live Python-style text of the blocks, Run / Step / Stop / Reset at a
// chosen speed, and Check (scripting::checkCodingStep) with goal messages, stars and hints one by
// one after failed attempts. See app_ui.h, ui/coding_session.h.
// Layout: wide areas (≥ 900 × 380 px) show the editor left and the world + text right; smaller
// ones (a phone in landscape) show one panel at a time under a row of tabs.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include "program/diagnostic.h"
#include "scripting/step_check.h"
#include "ui/app_ui.h"
#include "ui/coding_session.h"
#include "ui/icons.h"
#include "worlds/maze.h"
#include "worlds/robot/robot_world.h"

namespace sandyq::ui {

namespace {

float textW(ImFont* f, const std::string& s) { return f->CalcTextSizeA(f->FontSize * f->Scale, 1e9f, 0, s.c_str()).x; }

CodeEditorColors editorColors(bool hc) {
    return hc ? CodeEditorColors{IM_COL32(0, 0, 0, 255), IM_COL32(30, 30, 30, 255), IM_COL32(200, 200, 200, 255), IM_COL32(255, 255, 255, 255),
                                 IM_COL32(255, 221, 0, 255), IM_COL32(120, 220, 255, 255), IM_COL32(140, 255, 140, 255), IM_COL32(255, 170, 255, 255),
                                 IM_COL32(190, 190, 190, 255), IM_COL32(80, 80, 0, 255), IM_COL32(120, 0, 0, 255), IM_COL32(255, 255, 255, 255)}
              : CodeEditorColors{IM_COL32(255, 255, 255, 255), IM_COL32(244, 240, 232, 255), IM_COL32(130, 130, 140, 255), IM_COL32(38, 42, 56, 255),
                                 IM_COL32(160, 40, 150, 255), IM_COL32(21, 101, 160, 255), IM_COL32(30, 126, 52, 255), IM_COL32(176, 92, 0, 255),
                                 IM_COL32(120, 124, 134, 255), IM_COL32(255, 236, 150, 255), IM_COL32(255, 205, 205, 255), IM_COL32(38, 42, 56, 255)};
}

}  // namespace

std::string AppUi::codingStepKey(const course::Step& step) const {
    const course::Pack* pack = course_ ? course_->pack(lesson_.pack) : nullptr;
    if (pack == nullptr || lesson_.lesson >= pack->lessons.size()) return step.id;
    return pack->manifest.id + "/" + pack->lessons[lesson_.lesson].id + "/" + step.id;
}

void AppUi::recordCodingResult(const course::Step& step, bool passed, int points, int max_points, int stars) {
    const course::Pack* pack = course_ ? course_->pack(lesson_.pack) : nullptr;
    if (pack == nullptr) return;
    StepMark m;
    m.status = passed ? StepMark::Passed : StepMark::Tried;
    m.points = points;
    m.max_points = max_points;
    m.stars = stars;
    m.attempts = 1;
    m.seconds = static_cast<int64_t>(ImGui::GetTime() - lesson_.step_started);
    lesson_.step_started = ImGui::GetTime();
    m.program = codingProgram(codingStepKey(step));  // saved with the record: the pupil continues there
    course_->record(pack->manifest.id, pack->lessons[lesson_.lesson].id, step.id, m);
}

void AppUi::checkCodingStep(CodingStepState& cs, const course::Step& step) {
    scripting::LoadedPack* loaded = course_ ? course_->loaded(lesson_.pack) : nullptr;
    if (loaded == nullptr) return;
    scripting::StepCheckOptions opt;
    opt.source = course_->library().source(lesson_.pack);
    opt.blocks_used = cs.blocksUsed();
    opt.attempts = cs.attempts() + 1;
    opt.hints_used = cs.hintsShown();
    opt.seconds_spent = cs.secondsSpent();
    if (cs.isBlocks()) cs.blocksChanged();
    scripting::StepOutcome out = scripting::checkCodingStep(*loaded, step, cs.programText(), opt);
    const bool passed = out.passed;
    recordCodingResult(step, passed, out.points, out.max_points, out.stars);
    std::string msg_key = passed ? "coding.passed" : "coding.failed";
    std::string msg = tr_.tr(msg_key);
    if (!passed) {
        if (!out.error.ok()) {
            msg = program::renderMessage(tr_, out.error);
            msg_key = out.error.message_key;
        } else {
            for (const scripting::GoalOutcome& g : out.goals) {
                if (g.passed) continue;
                msg_key = g.message_key;
                break;
            }
        }
    }
    cs.recordCheck(std::move(out));
    showMessage(msg_key, msg);
    // show the run in the world too, so the pupil sees what happened
    if (cs.hasWorld() && cs.mode() != CodingMode::Running) cs.run();
    if (cs.isConsole() && cs.mode() != CodingMode::Running) cs.run();
}

void AppUi::drawCodingControls(CodingStepState& cs, const course::Step* step, float x, float y, float w, float btn_h, bool compact) {
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float fs = fonts_.body->FontSize * fonts_.body->Scale;
    const CodingMode mode = cs.mode();
    const bool running = mode == CodingMode::Running || mode == CodingMode::Paused;
    float cx = x;
    const auto iconBtn = [&](const char* id, const char* key, int icon, bool selected, bool with_label) {
        const std::string label = with_label ? tr_.tr(key) : std::string();
        const float bw = (icon ? fs * 1.15f : 0) + (label.empty() ? 0 : textW(fonts_.body, label) + (icon ? 10 : 0)) + pad * 2;
        ImGui::SetCursorScreenPos(ImVec2(cx, y));
        const bool pressed = button(id, label, ImVec2(std::max(bw, kMinTouchTarget), btn_h), selected, icon);
        cx += std::max(bw, kMinTouchTarget) + 6;
        return pressed;
    };
    const bool labels = !compact && w >= 760;
    if (iconBtn("coding.run", "coding.run", kIconPlay, !running, !compact)) cs.run();
    if (iconBtn("coding.step", "coding.step", kIconStep, false, labels)) cs.stepOnce();
    if (iconBtn("coding.stop", "coding.stop", kIconStop, false, labels)) cs.stop();
    {
        const std::string label = tr_.tr("coding.reset");
        const float bw = textW(fonts_.body, label) + pad * 2;
        ImGui::SetCursorScreenPos(ImVec2(cx, y));
        if (button("coding.reset", label, ImVec2(bw, btn_h))) cs.resetWorld();
        cx += bw + 6;
    }
    // speed: one button that cycles slow → medium → fast
    if (cs.hasWorld() || cs.isConsole()) {
        static const char* kSpeed[3] = {"coding.speed.slow", "coding.speed.medium", "coding.speed.fast"};
        static const char* kShort[3] = {"x0.5", "x1", "x3"};  // numbers: the same in every language
        std::string label = compact ? std::string(kShort[std::clamp(cs.speed(), 0, 2)]) : tr_.tr(kSpeed[std::clamp(cs.speed(), 0, 2)]);
        if (cs.isRobot()) label = tr_.tr("robot.ui.speed", {{"n", static_cast<int64_t>(cs.speedFactor())}});  // 1×, 2×, 10×
        const float bw = textW(fonts_.body, label) + pad * 2;
        ImGui::SetCursorScreenPos(ImVec2(cx, y));
        if (button("coding.speed", label, ImVec2(bw, btn_h))) {
            cs.setSpeed((cs.speed() + 1) % 3);
            if (Playground* pg = cs.console()) {
                const Playground::Speed sp[3] = {Playground::Speed::Slow, Playground::Speed::Medium, Playground::Speed::Fast};
                pg->setSpeed(sp[cs.speed()]);
            }
        }
        cx += bw + 6;
    }
    if (step == nullptr) return;  // the block playground: no Check, its goals show by themselves
    // Check (and Hint after a failed check) on the right
    float rx = x + w;
    const std::string check = compact ? std::string() : tr_.tr("coding.check");
    const float chw = compact ? std::max(kMinTouchTarget, fs * 1.15f + pad * 2) : fs * 1.15f + 10 + textW(fonts_.body, check) + pad * 2;
    rx -= chw;
    if (rx < cx) rx = cx;
    ImGui::SetCursorScreenPos(ImVec2(rx, y));
    const bool can_check = scripting::canCheckStep(*step);
    ImGui::BeginDisabled(!can_check);
    if (button("coding.check", check, ImVec2(chw, btn_h), true, kIconCheck) && can_check) checkCodingStep(cs, *step);
    ImGui::EndDisabled();
    const int hints = static_cast<int>(step->coding.hints.size());
    cs.hint_in_controls = false;
    if (cs.failedAttempts() > 0 && cs.hintsShown() < hints) {
        const std::string hint = tr_.tr("coding.hint");
        const float hw = textW(fonts_.body, hint) + pad * 2;
        if (rx - 8 - hw >= cx) {
            cs.hint_in_controls = true;
            ImGui::SetCursorScreenPos(ImVec2(rx - 8 - hw, y));
            if (button("coding.hint", hint, ImVec2(hw, btn_h))) cs.showHint();
            rx -= 8 + hw;
        }
    }
    // the robot's replay slider in the free middle of the row when it fits (else under the world)
    cs.replay_in_controls = false;
    if (cs.canReplay() && rx - 8 - (cx + 8) >= 220) {
        cs.replay_in_controls = true;
        drawRobotReplay(cs, cx + 8, y, rx - 8 - (cx + 8), btn_h);
    }
}

float AppUi::drawCodingFeedback(CodingStepState& cs, const course::Step* step, float x, float y, float w, float h) {
    const Palette& p = palette(settings_.high_contrast);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float fs = fonts_.body->FontSize * fonts_.body->Scale;
    std::vector<std::pair<std::string, ImU32>> lines;
    const program::Diagnostic& d = cs.diagnostic();
    if (!d.ok()) {
        std::string where = d.line > 0 ? tr_.tr("coding.error_line", {{"line", static_cast<int>(d.line)}}) + " " : std::string();
        lines.push_back({where + program::renderMessage(tr_, d), p.danger});
        const std::string hint = program::renderHint(tr_, d);
        if (!hint.empty()) lines.push_back({hint, p.text_muted});
    }
    int stars = 0;
    if (cs.checked()) {
        const scripting::StepOutcome& o = cs.outcome();
        if (o.passed) {
            lines.push_back({tr_.tr("coding.passed"), p.ok});
            stars = o.stars;
        } else {
            if (!o.error.ok() && d.ok()) lines.push_back({program::renderMessage(tr_, o.error), p.danger});
            for (const scripting::GoalOutcome& g : o.goals) {
                if (g.passed) continue;
                std::string m;
                if (!g.message.empty()) m = g.message.get(settings_.lang);
                else {
                    std::vector<text::Arg> args;
                    for (const auto& a : g.args) args.emplace_back(a.name, a.value);
                    m = tr_.tr(g.message_key, args);
                }
                const std::string line = "\u2022 " + m;
                bool seen = false;
                for (const auto& l : lines) seen = seen || l.first == line;
                if (!seen) lines.push_back({line, p.text});
            }
            if (!o.ran) for (const auto& prob : o.pack_problems.list()) lines.push_back({problemText(prob), p.text_muted});
        }
        if (cs.programChangedSinceCheck()) lines.push_back({tr_.tr("coding.changed"), p.text_muted});
    }
    const int hint_count = step ? static_cast<int>(step->coding.hints.size()) : 0;
    const int shown = std::min(cs.hintsShown(), hint_count);
    if (shown > 0) {
        lines.push_back({tr_.tr("coding.hint_n", {{"n", shown}, {"total", hint_count}}) + " " +
                             step->coding.hints[static_cast<size_t>(shown - 1)].get(settings_.lang), p.primary});
    }
    // the block playground: the sample's goals after a run that finished
    if (step == nullptr && cs.hasGoals() && cs.mode() == CodingMode::Finished) {
        if (cs.goalReached()) {
            lines.push_back({tr_.tr("bplay.reached"), p.ok});
            stars = 3;
        } else {
            for (const worlds::GoalResult& g : cs.goalReport().results) {
                if (g.passed || g.message_key.empty()) continue;
                std::vector<text::Arg> args;
                for (const auto& [name, value] : g.args) args.emplace_back(name, value);
                lines.push_back({"\u2022 " + tr_.tr(g.message_key, args), p.text});
            }
        }
    }
    if (lines.empty() && stars == 0) return 0;
    float need = 16;
    for (const auto& [text, col] : lines) need += fonts_.body->CalcTextSizeA(fs, 1e9f, w - 24 - (stars > 0 ? 3 * (fs * 1.3f + 4) + 8 : 0), text.c_str()).y + 4;
    need = std::max(need, stars > 0 ? fs * 1.3f + 16 : 0.0f);
    if (!cs.hint_in_controls && cs.failedAttempts() > 0 && cs.hintsShown() < hint_count)
        need = std::max(need, kMinTouchTarget + 12);
    if (h <= 0) return need;
    h = std::min(h, need);
    const ImVec2 a(x, y), b(x + w, y + h);
    dl->AddRectFilled(a, b, settings_.high_contrast ? p.background : IM_COL32(255, 255, 255, 245), 12);
    dl->AddRect(a, b, cs.checked() && cs.outcome().passed ? p.ok : p.surface_border, 12, 0, 2);
    dl->PushClipRect(a, b, true);
    float ty = y + 8, tx = x + 12;
    if (stars > 0) {
        const float ss = fs * 1.3f;
        for (int i = 0; i < 3; ++i) drawIcon(dl, i < stars ? kIconStar : kIconStarEmpty, ImVec2(tx + static_cast<float>(i) * (ss + 4), ty), ss, p.accent);
        widgets_.add("coding.stars", Rect{tx, ty, 3 * (ss + 4), ss});
        tx += 3 * (ss + 4) + 8;
    }
    for (const auto& [text, col] : lines) {
        const float wrap = x + w - 12 - tx;
        dl->AddText(fonts_.body, fs, ImVec2(tx, ty), col, text.c_str(), nullptr, wrap);
        ty += fonts_.body->CalcTextSizeA(fs, 1e9f, wrap, text.c_str()).y + 4;
        tx = x + 12;
    }
    dl->PopClipRect();
    widgets_.add("coding.feedback", Rect{x, y, w, h});
    // no room for Hint in the controls row (a phone): it sits in the panel's corner
    if (!cs.hint_in_controls && cs.failedAttempts() > 0 && cs.hintsShown() < hint_count) {
        const std::string hint = tr_.tr("coding.hint");
        const float hw = textW(fonts_.body, hint) + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SetCursorScreenPos(ImVec2(x + w - hw - 6, y + 6));
        if (button("coding.hint", hint, ImVec2(hw, std::min(kMinTouchTarget, h - 12)))) cs.showHint();
    }
    return h;
}

void AppUi::drawCodingText(CodingStepState& cs, ImVec2 origin, ImVec2 size) {
    // the live Python-style text of the blocks: read-only, the running line highlighted, the
    // error line red (drawn here: the lesson has no monospace font)
    const Palette& p = palette(settings_.high_contrast);
    const bool hc = settings_.high_contrast;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = fonts_.code ? fonts_.code : fonts_.body;
    const float fs = font->FontSize * font->Scale * (fonts_.code ? 1.0f : 0.9f);
    const ImVec2 b(origin.x + size.x, origin.y + size.y);
    dl->AddRectFilled(origin, b, hc ? p.background : IM_COL32(255, 255, 255, 255), 10);
    dl->AddRect(origin, b, p.surface_border, 10, 0, 1.5f);
    const std::string& text = cs.compiled().text;
    const int run = cs.runningLine(), err = cs.errorLine();
    const float line_h = fs * 1.3f;
    const float gutter = fs * 1.8f;
    // keep the running line in view
    int lines = 1;
    for (char ch : text) lines += ch == '\n';
    const int visible = std::max(1, static_cast<int>((size.y - 12) / line_h));
    int first = 0;
    if (run > visible) first = std::min(run - visible / 2, lines - visible);
    dl->PushClipRect(origin, b, true);
    size_t pos = 0;
    int line = 1;
    while (pos <= text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        if (line > first) {
            const float ly = origin.y + 6 + static_cast<float>(line - 1 - first) * line_h;
            if (line == run) dl->AddRectFilled(ImVec2(origin.x + 2, ly), ImVec2(b.x - 2, ly + line_h), hc ? IM_COL32(80, 80, 0, 255) : IM_COL32(255, 236, 150, 255));
            if (line == err) dl->AddRectFilled(ImVec2(origin.x + 2, ly), ImVec2(b.x - 2, ly + line_h), hc ? IM_COL32(120, 0, 0, 255) : IM_COL32(255, 205, 205, 255));
            const std::string num = std::to_string(line);
            dl->AddText(font, fs, ImVec2(origin.x + 8, ly + (line_h - fs) * 0.5f), p.text_muted, num.c_str());
            dl->AddText(font, fs, ImVec2(origin.x + 8 + gutter, ly + (line_h - fs) * 0.5f), p.text, text.c_str() + pos, text.c_str() + end);
        }
        if (end == text.size()) break;
        pos = end + 1;
        ++line;
    }
    dl->PopClipRect();
    widgets_.add("coding.text", Rect{origin.x, origin.y, size.x, size.y});
}

// ---- shared panels (lesson steps and the block playground) ----

bool AppUi::drawCodingEditor(CodingStepState& cs, ImVec2 o, ImVec2 s) {
    const Palette& p = palette(settings_.high_contrast);
    const float fs = fonts_.body->FontSize * fonts_.body->Scale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    bool changed = false;
    if (cs.isBlocks()) {
        BlockEditorFrame f;
        f.running = cs.runningBlock();
        f.error = cs.errorBlock();
        f.ignored = cs.compiled().ignored_stacks;
        f.locked = cs.mode() == CodingMode::Running || cs.mode() == CodingMode::Paused;
        const std::string focus_id = "coding.blocks";
        focus_order_.push_back(focus_id);
        f.keyboard = kbd_visible_ && kbd_focus_ == focus_id;
        const int used = static_cast<int>(cs.workspace().blockCount());
        if (cs.star_blocks > 0) {
            f.count_text = tr_.tr("coding.blocks_count", {{"n", used}, {"max", cs.star_blocks}});
            f.over_limit = used > cs.star_blocks;
        } else {
            f.count_text = tr_.tr("coding.blocks_count_nomax", {{"n", used}});
        }
        BlockEditorStyle st;
        st.font = fonts_.body;
        st.font_size = std::round(fs * 0.82f);
        st.high_contrast = settings_.high_contrast;
        st.text = p.text;
        st.text_muted = p.text_muted;
        st.danger = p.danger;
        if (settings_.high_contrast) { st.canvas = p.background; st.palette_bg = p.surface; }
        const BlockEditor::Translate t = [this](std::string_view k) { return tr_.tr(k); };
        if (cs.blockEditor().draw(cs.workspace(), o, s, f, st, t, &widgets_)) {
            changed = true;
            cs.blocksChanged();
            // an old run's crash and badge no longer describe the new program
            if (cs.mode() == CodingMode::Faulted || cs.mode() == CodingMode::Finished) cs.resetWorld();
        }
        if (f.keyboard) dl->AddRect(ImVec2(o.x - 3, o.y - 3), ImVec2(o.x + s.x + 3, o.y + s.y + 3), p.accent, 8, 0, 3.5f);
        widgets_.add("coding.blocks", Rect{o.x, o.y, s.x, s.y});
        const std::string& err = cs.blockEditor().lastError();
        if (!err.empty() && last_message_key_ != err) showMessage(err, tr_.tr(err));
    } else {
        ImGui::SetCursorScreenPos(o);
        codeEditor("##codingeditor", cs.editor(), s, fonts_.code ? fonts_.code : fonts_.body, editorColors(settings_.high_contrast));
        registerItem("coding.editor");
        changed = cs.editor().changed;
        if (cs.editor().changed && (cs.mode() == CodingMode::Faulted || cs.mode() == CodingMode::Finished)) cs.resetWorld();
    }
    return changed;
}

void AppUi::drawCodingWorld(CodingStepState& cs, ImVec2 o, ImVec2 s) {
    const Palette& p = palette(settings_.high_contrast);
    const float fs = fonts_.body->FontSize * fonts_.body->Scale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (worlds::World* wd = cs.world()) {
        WorldViewStyle st;
        st.font = fonts_.body;
        st.font_size = std::round(fs * 0.75f);
        st.high_contrast = settings_.high_contrast;
        st.text = p.text;
        st.danger = p.danger;
        if (cs.isRobot()) {
            drawRobotWorld(cs, o, s, st);
            return;
        }
        cs.worldView().draw(*wd, o, s, st, 0);
        widgets_.add("coding.world", Rect{o.x, o.y, s.x, s.y});
    } else if (!cs.worldError().empty()) {
        dl->AddText(fonts_.body, fs, ImVec2(o.x + 8, o.y + 8), p.danger, tr_.tr(cs.worldError()).c_str(), nullptr, s.x - 16);
    }
}

void AppUi::drawCodingStep(const course::Step& step, ImVec2 origin, ImVec2 size) {
    const Palette& p = palette(settings_.high_contrast);
    if (!coding_) coding_ = std::make_shared<CodingSession>();
    const course::PackSource* source = course_ ? course_->library().source(lesson_.pack) : nullptr;
    CodingStepState& cs = coding_->open(step, codingStepKey(step), source);
    cs.update(ImGui::GetIO().DeltaTime);
    const std::string task = step.coding.task.get(settings_.lang);
    const float fs = fonts_.body->FontSize * fonts_.body->Scale;
    const float btn_h = std::max(kMinTouchTarget, fs + ImGui::GetStyle().FramePadding.y * 2);
    const bool compact = size.x < 900 || size.y < 420;
    ImDrawList* dl = ImGui::GetWindowDrawList();

    float y = origin.y;
    const float x = origin.x, w = size.x;
    // ---- task (wide: above everything; compact: in its own tab) ----
    if (!compact) {
        const float listen_w = kMinTouchTarget;
        const float tw = w - listen_w - 12;
        std::string title = step.title.empty() ? std::string() : step.title.get(settings_.lang);
        const float hs = fonts_.heading->FontSize * fonts_.heading->Scale;
        float th = 0;
        if (!title.empty()) {
            dl->AddText(fonts_.heading, hs, ImVec2(x, y), p.text, title.c_str());
            th += hs + 4;
        }
        const float task_h = std::min(fonts_.body->CalcTextSizeA(fs, 1e9f, tw, task.c_str()).y, fs * 3.3f);
        dl->PushClipRect(ImVec2(x, y), ImVec2(x + tw, y + th + task_h), true);
        dl->AddText(fonts_.body, fs, ImVec2(x, y + th), p.text, task.c_str(), nullptr, tw);
        dl->PopClipRect();
        widgets_.add("coding.task", Rect{x, y, tw, th + task_h});
        ImGui::SetCursorScreenPos(ImVec2(x + w - listen_w, y));
        if (button("coding.listen", "", ImVec2(listen_w, btn_h), false, kIconSpeaker)) speaking_ = services_.speak(task, settings_.lang);
        y += std::max(th + task_h, btn_h) + 8;
        drawCodingControls(cs, &step, x, y, w, btn_h, false);
        y += btn_h + 10;
    } else {
        // tabs, then the controls on the same row when they fit
        static const char* kTabs[4] = {"coding.tab.task", "coding.tab.editor", "coding.tab.world", "coding.tab.text"};
        static const char* kTabIds[4] = {"coding.tab.task", "coding.tab.editor", "coding.tab.world", "coding.tab.text"};
        float tx = x;
        const float pad = ImGui::GetStyle().FramePadding.x;
        for (int i = 0; i < 4; ++i) {
            if (i == 2 && !cs.hasWorld()) continue;
            std::string label = tr_.tr(kTabs[i]);
            if (i == 1 && cs.isBlocks()) label = tr_.tr("coding.tab.blocks");
            if (i == 3 && !cs.isBlocks()) label = tr_.tr("coding.tab.output");
            const float bw = textW(fonts_.body, label) + pad * 1.4f;
            ImGui::SetCursorScreenPos(ImVec2(tx, y));
            if (button(kTabIds[i], label, ImVec2(bw, btn_h), cs.panel == (i == 0 ? 3 : i - 1))) cs.panel = i == 0 ? 3 : i - 1;
            tx += bw + 4;
        }
        // one row: the controls after the tabs (icons only) when they fit, else a second row
        const float controls_w = 4 * (kMinTouchTarget + 6) + textW(fonts_.body, tr_.tr("coding.reset")) + textW(fonts_.body, "x0.5") + 4 * pad;
        if (w - (tx - x) >= controls_w) {
            drawCodingControls(cs, &step, tx + 8, y, w - (tx - x) - 8, btn_h, true);
            y += btn_h + 6;
        } else {
            y += btn_h + 6;
            drawCodingControls(cs, &step, x, y, w, btn_h, true);
            y += btn_h + 6;
        }
    }
    const float body_h = std::max(60.0f, origin.y + size.y - y);

    // ---- feedback height (errors, goal messages, hints, stars) ----
    const float fb_h = std::min(body_h * 0.4f, drawCodingFeedback(cs, &step, x, y, w, 0));

    // ---- panels ----
    const auto drawEditor = [&](ImVec2 o, ImVec2 s) { (void)drawCodingEditor(cs, o, s); };
    const auto drawWorld = [&](ImVec2 o, ImVec2 s) { drawCodingWorld(cs, o, s); };
    const auto drawOutput = [&](ImVec2 o, ImVec2 s) {
        // console steps: the printed output (and input() line)
        const bool hc = settings_.high_contrast;
        ImGui::SetCursorScreenPos(o);
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(hc ? p.background : IM_COL32(32, 36, 48, 255)));
        ImGui::BeginChild("##codingconsole", s, true);
        ImGui::PopStyleColor();
        ImGui::PushFont(fonts_.code ? fonts_.code : fonts_.body);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.93f, 0.95f, 0.97f, 1));
        const std::string& out = cs.output();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(out.c_str(), out.c_str() + out.size());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::PopFont();
        if (Playground* pg = cs.console(); pg && pg->mode() == Playground::Mode::WaitingInput) {
            ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 110);
            if (!ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
            std::string& line = pg->inputLine();
            char buf[512];
            std::snprintf(buf, sizeof buf, "%s", line.c_str());
            const bool enter = ImGui::InputText("##codingstdin", buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue);
            line = buf;
            registerItem("coding.input");
            ImGui::SameLine();
            if (button("coding.send", tr_.tr("play.send"), ImVec2(100, 0), true) || enter) {
                pg->submitInput(line);
                line.clear();
            }
        }
        ImGui::EndChild();
        widgets_.add("coding.output", Rect{o.x, o.y, s.x, s.y});
    };

    if (!compact) {
        const float main_h = body_h - (fb_h > 0 ? fb_h + 8 : 0);
        // Robot block steps: the mat needs less width than the blocks (sensor questions are long).
        const float left_w = std::floor(w * (cs.isRobot() && cs.isBlocks() ? 0.62f : 0.58f));
        const float right_w = w - left_w - 12;
        drawEditor(ImVec2(x, y), ImVec2(left_w, main_h));
        const float rx = x + left_w + 12;
        if (cs.hasWorld() || !cs.worldError().empty()) {
            float world_h = cs.isBlocks() ? std::floor(main_h * 0.62f) : std::floor(main_h * 0.7f);
            if (cs.isRobot()) world_h = std::floor(std::max(world_h, main_h - fs * 4.2f));  // the mat first; a few lines of text
            drawWorld(ImVec2(rx, y), ImVec2(right_w, world_h));
            if (cs.isBlocks()) drawCodingText(cs, ImVec2(rx, y + world_h + 8), ImVec2(right_w, main_h - world_h - 8));
            else drawOutput(ImVec2(rx, y + world_h + 8), ImVec2(right_w, main_h - world_h - 8));
        } else if (cs.isBlocks()) {
            drawCodingText(cs, ImVec2(rx, y), ImVec2(right_w, main_h));
        } else {
            drawOutput(ImVec2(rx, y), ImVec2(right_w, main_h));
        }
        if (fb_h > 0) drawCodingFeedback(cs, &step, x, y + main_h + 8, w, fb_h);
    } else {
        const float main_h = body_h - (fb_h > 0 && cs.panel != 3 ? fb_h + 6 : 0);
        const ImVec2 o(x, y), s(w, main_h);
        switch (cs.panel) {
            case 0: drawEditor(o, s); break;
            case 1:
                if (cs.hasWorld()) drawWorld(o, s);
                else drawOutput(o, s);
                break;
            case 2:
                if (cs.isBlocks()) drawCodingText(cs, o, s);
                else drawOutput(o, s);
                break;
            default: {
                ImGui::SetCursorScreenPos(o);
                ImGui::BeginChild("##codingtask", ImVec2(w, body_h), false);
                const float tw = w - kMinTouchTarget - 16;
                ImGui::BeginGroup();
                if (!step.title.empty()) richText(step.title.get(settings_.lang), tw, p.text, fonts_.heading);
                richText(task, tw, p.text);
                ImGui::EndGroup();
                registerItem("coding.task");
                ImGui::EndChild();
                ImGui::SetCursorScreenPos(ImVec2(x + w - kMinTouchTarget, y));
                if (button("coding.listen", "", ImVec2(kMinTouchTarget, btn_h), false, kIconSpeaker)) speaking_ = services_.speak(task, settings_.lang);
                break;
            }
        }
        if (fb_h > 0 && cs.panel != 3) drawCodingFeedback(cs, &step, x, y + main_h + 6, w, fb_h);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + size.y));
}

void AppUi::drawRobotWorld(CodingStepState& cs, ImVec2 o, ImVec2 s, WorldViewStyle& st) {
    const auto& rw = static_cast<const robot::RobotWorld&>(*cs.world());
    const Palette& p = palette(settings_.high_contrast);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    st.panel = [this](const char* key, const std::string& v) { return tr_.tr(key, {{"v", v}}); };
    st.colour_name = [this](const char* c) {
        const std::string key = std::string("blocks.opt.") + c;
        if (std::string_view(c) == "none") return tr_.tr("robot.panel.no_colour");
        return tr_.catalogue(settings_.lang).find(key) ? tr_.tr(key) : std::string(c);
    };
    // the replay row under the view once a run has left a trace
    const float row_h = kMinTouchTarget;
    const bool replay = cs.canReplay();
    const ImVec2 view_size(s.x, replay && !cs.replay_in_controls ? s.y - row_h - 6 : s.y);
    // the mat's raster as a texture (made once per step)
    const robot::Mat& mat = rw.mat();
    const uint64_t tex = course_ ? course_->rasterTexture(cs.key(), mat.rgba.data(), mat.px_w, mat.px_h) : 0;

    // zoom buttons over the view (their own draw channel, so the view is drawn under them while
    // they still get the clicks first), then the view with drag-to-pan and wheel zoom
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    const float zb = kMinTouchTarget;
    const float by = o.y + 6, bx0 = o.x + s.x - 3 * zb - 14;
    st.reserve_top_right = ImVec2(3 * zb + 14 + 4, zb + 10);
    const ImVec2 centre(o.x + s.x * 0.5f, o.y + view_size.y * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(bx0, by));
    if (button("coding.world.zoom_out", "-", ImVec2(zb, zb))) cs.worldView().zoomBy(1 / 1.5f, centre);
    ImGui::SetCursorScreenPos(ImVec2(bx0 + zb + 4, by));
    if (button("coding.world.zoom_in", "+", ImVec2(zb, zb))) cs.worldView().zoomBy(1.5f, centre);
    ImGui::SetCursorScreenPos(ImVec2(bx0 + 2 * zb + 8, by));
    if (button("coding.world.fit", "", ImVec2(zb, zb))) cs.worldView().fit();
    {
        // the "fit" icon: four corners of a frame
        const ImVec2 c(bx0 + 2.5f * zb + 8, by + zb * 0.5f);
        const float r = zb * 0.24f, k = zb * 0.1f;
        for (int sx = -1; sx <= 1; sx += 2)
            for (int sy = -1; sy <= 1; sy += 2) {
                const ImVec2 corner(c.x + r * static_cast<float>(sx), c.y + r * static_cast<float>(sy));
                dl->AddLine(corner, ImVec2(corner.x - k * static_cast<float>(sx), corner.y), p.text, 2.5f);
                dl->AddLine(corner, ImVec2(corner.x, corner.y - k * static_cast<float>(sy)), p.text, 2.5f);
            }
    }
    dl->ChannelsSetCurrent(0);
    ImGui::SetCursorScreenPos(o);
    ImGui::InvisibleButton("##robotview", view_size);
    ImGui::SetItemUsingMouseWheel();  // the wheel zooms the mat instead of scrolling the page
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) cs.worldView().panBy(ImGui::GetIO().MouseDelta);
    if (ImGui::IsItemHovered() && ImGui::GetIO().MouseWheel != 0)
        cs.worldView().zoomBy(ImGui::GetIO().MouseWheel > 0 ? 1.25f : 0.8f, ImGui::GetIO().MousePos);
    cs.worldView().draw(rw, o, view_size, st, tex);
    dl->ChannelsMerge();
    widgets_.add("coding.world", Rect{o.x, o.y, view_size.x, view_size.y});
    if (replay && !cs.replay_in_controls) drawRobotReplay(cs, o.x, o.y + view_size.y + 6, s.x, row_h);
}

void AppUi::drawRobotReplay(CodingStepState& cs, float x, float y, float w, float row_h) {
    const Palette& p = palette(settings_.high_contrast);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float fs = fonts_.body->FontSize * fonts_.body->Scale;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button("coding.replay.play", "", ImVec2(row_h, row_h), cs.replayPlaying(), cs.replayPlaying() ? kIconStop : kIconPlay)) {
        if (cs.replayPlaying()) cs.pauseReplay();
        else cs.playReplay();
    }
    const double total = cs.replayDuration();
    const double t = cs.replayTime() < 0 ? total : cs.replayTime();
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.1f / %.1f", t, total);
    const std::string time_text = tr_.tr("robot.ui.seconds", {{"v", std::string(buf)}});
    // the slider's length must not change while the time text does: measure the widest one
    std::snprintf(buf, sizeof buf, "%.1f / %.1f", total, total);
    const float tw = textW(fonts_.body, tr_.tr("robot.ui.seconds", {{"v", std::string(buf)}})) + 8;
    const float sx = x + row_h + 8, sw = std::max(40.0f, w - row_h - 8 - tw - 6);
    ImGui::SetCursorScreenPos(ImVec2(sx, y));
    ImGui::InvisibleButton("coding.replay", ImVec2(sw, row_h));
    registerItem("coding.replay");
    if (ImGui::IsItemActive() && total > 0) {
        const float fx = std::clamp((ImGui::GetIO().MousePos.x - sx - 10) / (sw - 20), 0.0f, 1.0f);
        cs.setReplayTime(static_cast<double>(fx) * total);
    }
    // the track, the part played, the knob
    const float ty = y + row_h * 0.5f;
    const float frac = total > 0 ? static_cast<float>(t / total) : 1.0f;
    const float kx = sx + 10 + (sw - 20) * frac;
    dl->AddRectFilled(ImVec2(sx + 10, ty - 4), ImVec2(sx + sw - 10, ty + 4), settings_.high_contrast ? p.text_muted : IM_COL32(220, 214, 200, 255), 4);
    dl->AddRectFilled(ImVec2(sx + 10, ty - 4), ImVec2(kx, ty + 4), p.primary, 4);
    dl->AddCircleFilled(ImVec2(kx, ty), row_h * 0.28f, p.primary, 20);
    dl->AddCircle(ImVec2(kx, ty), row_h * 0.28f, IM_COL32(255, 255, 255, 255), 20, 2.5f);
    dl->AddText(fonts_.body, fs, ImVec2(sx + sw + 6, ty - fs * 0.5f), p.text, time_text.c_str());
}

// ---- persistence and test API ----

std::string AppUi::codingProgram(const std::string& key) const {
    if (!coding_) return {};
    coding_->remember();
    return coding_->program(key);
}

void AppUi::setCodingProgram(const std::string& key, const std::string& program) {
    if (!coding_) coding_ = std::make_shared<CodingSession>();
    coding_->setProgram(key, program);
}

std::vector<std::pair<std::string, std::string>> AppUi::codingPrograms() const {
    std::vector<std::pair<std::string, std::string>> out;
    if (!coding_) return out;
    coding_->remember();
    for (const auto& [k, v] : coding_->programs()) out.emplace_back(k, v);
    return out;
}

CodingStepState* AppUi::codingOnScreen() const {
    if (screen_ == Screen::Blocks) return blocksState();
    if (screen_ == Screen::Lesson && coding_) return coding_->current();
    return nullptr;
}

bool AppUi::setCodingCode(const std::string& text) {
    CodingStepState* on_screen = codingOnScreen();
    if (on_screen == nullptr) return false;
    CodingStepState& cs = *on_screen;
    cs.resetWorld();
    if (screen_ == Screen::Blocks) blocksEdited();
    if (cs.isBlocks()) {
        blocks::TextToBlocks t = blocks::workspaceFromText(text, cs.worldKind());
        if (!t.error.ok()) return false;
        const blocks::Toolbox tb = cs.workspace().toolbox();
        cs.workspace() = std::move(t.workspace);
        cs.workspace().setToolbox(tb);
        cs.blocksChanged();
        return true;
    }
    cs.editor().text = text;
    return true;
}

std::string AppUi::codingStateJson() const {
    CodingStepState* on_screen = codingOnScreen();
    if (on_screen == nullptr) return {};
    CodingStepState& cs = *on_screen;
    nlohmann::json j;
    if (screen_ == Screen::Blocks) {
        j["sample"] = cs.key();
        j["goalReached"] = cs.goalReached();
        j["celebrating"] = cs.celebrating();
        j["storageKey"] = blocksStorageKey(cs.key());
    }
    j["key"] = cs.key();
    j["blocks"] = cs.isBlocks();
    j["world"] = cs.worldKind();
    j["mode"] = codingModeName(cs.mode());
    j["text"] = cs.programText();
    j["program"] = cs.savedProgram();
    j["blockCount"] = cs.blocksUsed();
    j["runningLine"] = cs.runningLine();
    j["errorKey"] = cs.diagnostic().message_key;
    j["errorBlock"] = cs.errorBlock().value;
    j["runningBlock"] = cs.runningBlock().value;  // highlighted in the editor while it runs
    j["zoom"] = cs.isBlocks() ? cs.blockEditor().zoom() : 1.0f;
    j["output"] = cs.output();
    j["panel"] = cs.panel;
    j["editorError"] = cs.blockEditor().lastError();
    j["checked"] = cs.checked();
    j["attempts"] = cs.attempts();
    j["hintsShown"] = cs.hintsShown();
    if (cs.checked()) {
        const scripting::StepOutcome& o = cs.outcome();
        nlohmann::json goals = nlohmann::json::array();
        for (const auto& g : o.goals) goals.push_back({{"passed", g.passed}, {"key", g.message_key}});
        j["passed"] = o.passed;
        j["stars"] = o.stars;
        j["points"] = o.points;
        j["goals"] = goals;
        j["checkError"] = o.error.message_key;
    }
    if (worlds::World* w = cs.world()) {
        j["state"] = w->stateLiteral();
        if (cs.isRobot()) {
            const auto& rw = static_cast<const robot::RobotWorld&>(*w);
            const robot::Pose pose = rw.pose();
            nlohmann::json r = {{"x", pose.x}, {"y", pose.y}, {"heading", pose.heading_deg}, {"time", rw.time()},
                                {"frames", rw.frameCount()}, {"speed", cs.speedFactor()}, {"zoom", cs.worldView().zoom()},
                                {"canReplay", cs.canReplay()}, {"replayTime", cs.replayTime()}, {"replayPlaying", cs.replayPlaying()}};
            if (rw.frameCount() > 0) {
                const long shown = cs.worldView().shownFrame();
                const robot::FrameView f = rw.frame(shown < 0 ? rw.frameCount() - 1 : static_cast<size_t>(shown));
                r["shown"] = {{"x", f.pose.x}, {"y", f.pose.y}, {"heading", f.pose.heading_deg}, {"time", f.time},
                              {"color", f.sensors.color}, {"reflect", f.sensors.reflect}, {"distance", f.sensors.distance},
                              {"touch", f.sensors.touch}, {"led", f.led}};
            }
            nlohmann::json goals = nlohmann::json::array();
            for (const auto& [spec, result] : rw.checkMatGoals())
                goals.push_back({{"builtin", spec.builtin}, {"passed", result.passed}, {"key", result.message_key}});
            r["matGoals"] = goals;
            j["robot"] = r;
        }
        if (w->kind() == "maze") {
            const auto& m = static_cast<const worlds::MazeWorld&>(*w);
            j["maze"] = {{"x", m.x()}, {"y", m.y()}, {"dir", worlds::dirName(m.dir())}, {"atGoal", m.tile(m.x(), m.y()) == worlds::Tile::Goal},
                         {"crashed", m.crashed()}};
        }
    }
    nlohmann::json ws = nlohmann::json::array();
    if (cs.isBlocks()) {
        for (blocks::BlockId id : cs.workspace().readingOrder()) {
            const blocks::Block* b = cs.workspace().block(id);
            if (b && b->def) ws.push_back({{"id", id.value}, {"type", b->def->type}, {"top", !b->parent.valid()}});
        }
    }
    j["workspace"] = ws;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace sandyq::ui
