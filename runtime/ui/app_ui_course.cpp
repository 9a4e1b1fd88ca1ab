// ui/app_ui_course.cpp — AppUi's course map (inside the home screen) and the lesson player:
// theory pages, quizzes of every kind with Check, feedback, explanations and stars.
// Sections: helpers · course map · lesson player · theory · quiz · coding steps
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>

#include "course/quiz.h"
#include "ui/app_ui.h"
#include "ui/icons.h"

namespace sandyq::ui {

namespace {

float width(ImFont* f, const std::string& s) { return f->CalcTextSizeA(f->FontSize * f->Scale, FLT_MAX, 0, s.c_str()).x; }
float fontSize(ImFont* f) { return f->FontSize * f->Scale; }

// Pack text in the pupil's language; falls back kk → ru → en (the validator reports gaps).
std::string txt(const course::LocalizedText& t, text::Lang lang) { return t.get(lang); }

// Plain text of a paragraph for read-aloud (without ** markers).
std::string plain(const std::string& s) {
    std::string out;
    for (const auto& span : course::parseEmphasis(s)) out += span.text;
    return out;
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
    const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t, 1));
}

enum Mark : int { kMarkNone = 0, kMarkRight, kMarkWrong, kMarkMissed };

}  // namespace

// ---- helpers -------------------------------------------------------------------------------------
void AppUi::startCourse(platform::Textures* textures) {
    if (course_) return;
    course_ = std::make_unique<Course>(services_, textures);
    course_->start();
}

std::string AppUi::problemText(const course::Problem& p) const {
    std::vector<text::Arg> args;
    for (const auto& a : p.args) {
        if (a.name == "n" && !a.value.empty() && a.value.size() < 12 && a.value.find_first_not_of("0123456789") == std::string::npos) {
            args.emplace_back(a.name, static_cast<int64_t>(std::strtoll(a.value.c_str(), nullptr, 10)));
        } else {
            args.emplace_back(a.name, a.value);
        }
    }
    std::string where = p.file;
    if (p.line > 0) where += ":" + std::to_string(p.line);
    return (where.empty() ? std::string() : where + ": ") + tr_.tr(p.message_key, args);
}

// Word-wrapped text with **bold** spans (bold is the heading face at body size).
void AppUi::richText(const std::string& text, float wrap_w, ImU32 color, ImFont* font) {
    ImFont* regular = font ? font : fonts_.body;
    ImFont* bold = fonts_.heading;
    const float fs = fontSize(regular);
    const float line_h = std::round(fs * 1.4f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float x = 0, y = 0;
    const float space = width(regular, " ");
    for (const auto& span : course::parseEmphasis(text)) {
        ImFont* f = span.strong ? bold : regular;
        size_t i = 0;
        const std::string& s = span.text;
        while (i < s.size()) {
            if (s[i] == '\n') {
                x = 0;
                y += line_h;
                ++i;
                continue;
            }
            if (s[i] == ' ') {
                if (x > 0) x += space;
                ++i;
                continue;
            }
            size_t j = i;
            while (j < s.size() && s[j] != ' ' && s[j] != '\n') ++j;
            const float w = f->CalcTextSizeA(fs, FLT_MAX, 0, s.data() + i, s.data() + j).x;
            if (x > 0 && x + w > wrap_w) {
                x = 0;
                y += line_h;
            }
            dl->AddText(f, fs, ImVec2(origin.x + x, origin.y + y), color, s.data() + i, s.data() + j);
            x += w;
            i = j;
        }
    }
    ImGui::Dummy(ImVec2(wrap_w, y + line_h));
}

void AppUi::drawPicture(const std::string& path, const std::string& alt, float max_w, float max_h) {
    const Palette& p = palette(settings_.high_contrast);
    const Picture& pic = course_->picture(lesson_.pack, path);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (pic.texture != 0 && pic.width > 0) {
        // Pictures are drawn at up to twice their pixel size (they are made for 1×–2× screens).
        const float scale = std::min({max_w / pic.width, max_h / pic.height, 2.0f});
        const ImVec2 size(std::floor(pic.width * scale), std::floor(pic.height * scale));
        const ImVec2 a(pos.x + std::floor((max_w - size.x) * 0.5f), pos.y);
        dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(pic.texture)), a, ImVec2(a.x + size.x, a.y + size.y));
        ImGui::Dummy(ImVec2(max_w, size.y));
        return;
    }
    // Still loading, or missing: a calm box with the description (never a broken-image icon).
    const float h = std::min(max_h, 120.0f);
    const float w = std::min(max_w, 360.0f);
    const ImVec2 a(pos.x + (max_w - w) * 0.5f, pos.y);
    dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), mix(p.surface, p.surface_border, 0.5f), 12);
    const std::string label = pic.pending ? tr_.tr("lesson.picture_loading") : alt;
    ImGui::SetCursorScreenPos(ImVec2(a.x + 12, a.y + 12));
    ImGui::PushClipRect(a, ImVec2(a.x + w, a.y + h), true);
    richText(label, w - 24, p.text_muted);
    ImGui::PopClipRect();
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(max_w, h));
}

// A big answer card: optional picture above, wrapped label, selection and check marks.
bool AppUi::choiceCard(const char* id, const std::string& label, const std::string& picture, ImVec2 size, bool selected,
                       int mark, int badge) {
    const Palette& p = palette(settings_.high_contrast);
    const bool pressed = ImGui::InvisibleButton(id, size);
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    registerItem(id);
    focus_order_.push_back(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 bg = selected ? mix(p.surface, p.primary, 0.18f) : (hovered ? mix(p.surface, p.primary, 0.07f) : p.surface);
    ImU32 border = selected ? p.primary : p.surface_border;
    if (mark == kMarkRight) border = p.ok;
    if (mark == kMarkWrong) border = p.danger;
    if (mark == kMarkMissed) border = p.warning;
    if (settings_.high_contrast) bg = selected ? mix(p.background, p.primary, 0.25f) : p.background;
    const float r = 14.0f;
    if (!settings_.high_contrast) dl->AddRectFilled(ImVec2(a.x, a.y + 3), ImVec2(b.x, b.y + 3), p.shadow, r);
    dl->AddRectFilled(a, b, bg, r);
    dl->AddRect(a, b, border, r, 0, (selected || mark) ? 3.0f : 1.5f);
    if (kbd_visible_ && kbd_focus_ == id) dl->AddRect(ImVec2(a.x - 4, a.y - 4), ImVec2(b.x + 4, b.y + 4), p.accent, r + 4, 0, 3.5f);
    const float fs = fontSize(fonts_.body);
    float y = a.y + 10;
    const ImVec2 keep = ImGui::GetCursorScreenPos();
    if (!picture.empty()) {
        const float ph = size.y - fs * 2.6f - 20;
        ImGui::SetCursorScreenPos(ImVec2(a.x + 10, y));
        drawPicture(picture, label, size.x - 20, std::max(40.0f, ph));
        y = b.y - fs * 2.6f - 6;
    }
    // The label: centred lines, as many as fit.
    const float text_w = size.x - 28 - (badge ? fs * 1.6f : 0) - (mark ? fs * 1.2f : 0);
    const char* s = label.c_str();
    const char* end = s + label.size();
    std::vector<std::pair<const char*, const char*>> lines;
    while (s < end && lines.size() < 4) {
        const char* e = fonts_.body->CalcWordWrapPositionA(fonts_.body->Scale, s, end, text_w);
        if (e == s) e = s + 1;
        lines.emplace_back(s, e);
        s = e;
        while (s < end && (*s == ' ' || *s == '\n')) ++s;
    }
    const float line_h = fs * 1.25f;
    if (picture.empty()) y = a.y + (size.y - line_h * lines.size()) * 0.5f;
    const float x0 = a.x + 14 + (badge ? fs * 1.6f : 0);
    for (const auto& [ls, le] : lines) {
        const float w = fonts_.body->CalcTextSizeA(fs, FLT_MAX, 0, ls, le).x;
        const float x = picture.empty() ? x0 : a.x + (size.x - w) * 0.5f;
        dl->AddText(fonts_.body, fs, ImVec2(x, y), p.text, ls, le);
        y += line_h;
    }
    if (badge) {
        const ImVec2 c(a.x + 14 + fs * 0.6f, a.y + size.y * 0.5f);
        dl->AddCircleFilled(c, fs * 0.62f, selected ? p.primary : mix(p.surface, p.primary, 0.35f), 24);
        const std::string n = std::to_string(badge);
        const float w = width(fonts_.heading, n) * fs / fontSize(fonts_.heading);
        dl->AddText(fonts_.heading, fs, ImVec2(c.x - w * 0.5f, c.y - fs * 0.5f), p.primary_text, n.c_str());
    }
    if (mark) {
        const int icon = mark == kMarkRight ? kIconCheck : (mark == kMarkWrong ? kIconCross : kIconCheck);
        const ImU32 col = mark == kMarkRight ? p.ok : (mark == kMarkWrong ? p.danger : p.warning);
        drawIcon(dl, icon, ImVec2(b.x - fs * 1.3f - 6, a.y + 8), fs * 1.1f, col);
    }
    ImGui::SetCursorScreenPos(keep);
    ImGui::SetCursorScreenPos(ImVec2(a.x, b.y));
    const bool key = kbd_visible_ && kbd_focus_ == id &&
                     (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false));
    return pressed || key;
}

// ---- course map ----------------------------------------------------------------------------------
void AppUi::drawCourseMap(float w) {
    const Palette& p = palette(settings_.high_contrast);
    const float fs = fontSize(fonts_.body);
    if (!course_) return;
    Course& c = *course_;
    for (const auto& prob : c.indexProblems().list()) richText(problemText(prob), w, p.danger);
    const std::vector<size_t> usable = c.usableEntries();
    if (usable.empty()) {
        if (c.loading() || !c.started()) {
            ImGui::Dummy(ImVec2(w, 24));
            richText(tr_.tr("course.loading"), w, p.text_muted);
            registerItem("map.loading");
        } else {
            drawEmptyState("home.course.empty", tr_.tr("home.course.empty"), tr_.tr("home.course.empty_hint"), kIconChest);
        }
    }
    // Grade chips: the map shows one grade at a time (a long list of 80 lessons helps no one);
    // a teacher's previews are always shown first.
    std::vector<int> grades;
    for (size_t idx : usable) {
        const PackEntry& e = c.entries()[idx];
        const course::Pack* pack = c.pack(e.handle);
        if (pack && !e.preview && std::find(grades.begin(), grades.end(), pack->manifest.grade) == grades.end()) grades.push_back(pack->manifest.grade);
    }
    std::sort(grades.begin(), grades.end());
    if (!grades.empty() && std::find(grades.begin(), grades.end(), map_grade_) == grades.end()) map_grade_ = grades.front();
    if (grades.size() > 1) {
        float x = 0;
        const float pad = ImGui::GetStyle().FramePadding.x;
        for (size_t g = 0; g < grades.size(); ++g) {
            const std::string label = tr_.tr("course.grade", {{"n", static_cast<int64_t>(grades[g])}});
            const float bw = width(fonts_.body, label) + pad * 2;
            if (g > 0) {
                if (x + 8 + bw <= w) {
                    ImGui::SameLine(0, 8);
                    x += 8;
                } else {
                    x = 0;
                }
            }
            const std::string id = "map.grade." + std::to_string(grades[g]);
            if (button(id.c_str(), label, ImVec2(bw, 0), grades[g] == map_grade_)) map_grade_ = grades[g];
            x += bw;
        }
        ImGui::Dummy(ImVec2(w, 4));
    }
    bool last_preview = false;
    bool first = true;
    for (size_t idx : usable) {
        const PackEntry& e = c.entries()[idx];
        const course::Pack* pack = c.pack(e.handle);
        if (pack == nullptr) continue;
        if (!e.preview && pack->manifest.grade != map_grade_) continue;
        if (first || e.preview != last_preview) {
            if (e.preview) {
                ImGui::Dummy(ImVec2(w, 8));
                const ImVec2 pos = ImGui::GetCursorScreenPos();
                ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + 6, pos.y + fontSize(fonts_.heading)), p.warning, 3);
                ImGui::SetCursorScreenPos(ImVec2(pos.x + 16, pos.y));
                richText(tr_.tr("course.preview"), w - 16, p.text, fonts_.heading);
            }
            last_preview = e.preview;
            first = false;
        }
        ImGui::Dummy(ImVec2(w, 8));
        richText(txt(pack->manifest.title, settings_.lang), w, p.text, fonts_.heading);
        if (!pack->manifest.description.empty()) richText(txt(pack->manifest.description, settings_.lang), w, p.text_muted);
        for (size_t li = 0; li < pack->lessons.size(); ++li) {
            const course::Lesson& lesson = pack->lessons[li];
            const LessonMark m = c.lessonMark(*pack, lesson);
            const std::string id = "map.lesson." + std::to_string(idx) + "." + std::to_string(li);
            const float row_h = std::max(kMinTouchTarget + 8, fs * 2.1f);
            const bool pressed = ImGui::InvisibleButton(id.c_str(), ImVec2(w, row_h));
            const bool hovered = ImGui::IsItemHovered();
            const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            registerItem(id.c_str());
            focus_order_.push_back(id);
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const bool done = m.steps > 0 && m.passed == m.steps;
            dl->AddRectFilled(a, ImVec2(b.x, b.y - 6), hovered ? mix(p.surface, p.primary, 0.08f) : mix(p.surface, p.background, 0.6f), 12);
            if (settings_.high_contrast) dl->AddRect(a, ImVec2(b.x, b.y - 6), p.text, 12, 0, 1.5f);
            if (kbd_visible_ && kbd_focus_ == id) dl->AddRect(ImVec2(a.x - 3, a.y - 3), ImVec2(b.x + 3, b.y - 3), p.accent, 14, 0, 3.5f);
            // Number bubble: green with a tick when every step is passed.
            const ImVec2 cc(a.x + 12 + fs * 0.75f, a.y + (row_h - 6) * 0.5f);
            dl->AddCircleFilled(cc, fs * 0.75f, done ? p.ok : (m.tried ? p.accent : p.primary), 24);
            if (done) {
                drawIcon(dl, kIconCheck, ImVec2(cc.x - fs * 0.5f, cc.y - fs * 0.5f), fs, p.primary_text);
            } else {
                const std::string n = std::to_string(li + 1);
                dl->AddText(fonts_.heading, fs, ImVec2(cc.x - width(fonts_.heading, n) * fs / fontSize(fonts_.heading) * 0.5f, cc.y - fs * 0.5f),
                            p.primary_text, n.c_str());
            }
            // Right: stars earned in the lesson (up to 3, the mean over its checked steps), or steps done.
            int checked = 0;
            for (const auto& st : lesson.steps) checked += st.kind == course::StepKind::Quiz || st.kind == course::StepKind::Coding;
            float right = b.x - 12;
            if (m.tried && m.tried == m.steps) {  // stars once every step was tried; before that, progress
                const int stars = checked ? static_cast<int>(std::lround(static_cast<double>(m.stars) / checked)) : (done ? 3 : 0);
                for (int s = 2; s >= 0; --s) {
                    drawIcon(dl, s < stars ? kIconStar : kIconStarEmpty, ImVec2(right - fs * 1.1f, cc.y - fs * 0.55f), fs * 1.1f,
                             s < stars ? p.accent : p.text_muted);
                    right -= fs * 1.2f;
                }
            }
            if (m.tried) {
                const std::string prog = std::to_string(m.passed) + "/" + std::to_string(m.steps);
                right -= width(fonts_.body, prog) + 10;
                dl->AddText(fonts_.body, fs, ImVec2(right, cc.y - fs * 0.5f), p.text_muted, prog.c_str());
            }
            const float tx = cc.x + fs * 0.75f + 12;
            const std::string title = txt(lesson.title, settings_.lang);
            ImGui::PushClipRect(ImVec2(tx, a.y), ImVec2(right - 8, b.y), true);
            dl->AddText(fonts_.body, fs, ImVec2(tx, cc.y - fs * 0.55f), p.text, title.c_str());
            ImGui::PopClipRect();
            const bool key = kbd_visible_ && kbd_focus_ == id &&
                             (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false));
            if ((pressed || key) && !dragging_) openLesson(idx, li);
        }
    }
    // Packs that cannot be used: listed with their first problems (a teacher sees what to fix).
    for (size_t i = 0; i < c.entries().size(); ++i) {
        const PackEntry& e = c.entries()[i];
        if (e.loading || std::find(usable.begin(), usable.end(), i) != usable.end()) continue;
        ImGui::Dummy(ImVec2(w, 8));
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + 6, pos.y + fs * 1.3f), p.danger, 3);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + 16, pos.y));
        ImGui::BeginGroup();
        richText(tr_.tr("course.broken", {{"name", e.folder}}), w - 16, p.text, fonts_.heading);
        int shown = 0;
        for (const auto& prob : e.problems.list()) {
            if (prob.level != course::Level::Error) continue;
            if (++shown > 3) break;
            richText(problemText(prob), w - 16, p.text_muted);
        }
        ImGui::EndGroup();
        registerItem(("map.broken." + std::to_string(i)).c_str());
    }
    // A teacher's preview of a pack from this computer (not installed, gone on reload).
    ImGui::Dummy(ImVec2(w, 12));
    richText(tr_.tr("course.preview_hint"), w, p.text_muted);
    const std::string folder = tr_.tr("course.preview_folder");
    const std::string zip = tr_.tr("course.preview_zip");
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float bw1 = width(fonts_.body, folder) + pad * 2 + fs * 1.15f + 10;
    const float bw2 = width(fonts_.body, zip) + pad * 2 + fs * 1.15f + 10;
    if (button("map.preview.folder", folder, ImVec2(bw1, 0), false, kIconFolder)) {
        services_.pickFolder([this](std::vector<platform::PickedFile> files) { course_->addPreviewFolder(std::move(files)); });
    }
    if (bw1 + bw2 + 12 <= w) ImGui::SameLine(0, 12);
    if (button("map.preview.zip", zip, ImVec2(bw2, 0), false, kIconFolder)) {
        services_.pickFile(".zip", [this](platform::PickedFile f) { course_->addPreviewZip(f.name, f.bytes, f.too_big); });
    }
}

bool AppUi::openLesson(size_t entry, size_t lesson) {
    if (!course_ || entry >= course_->entries().size()) return false;
    const PackEntry& e = course_->entries()[entry];
    const course::Pack* pack = course_->pack(e.handle);
    if (pack == nullptr || lesson >= pack->lessons.size() || pack->lessons[lesson].steps.empty()) return false;
    lesson_ = LessonSession{};
    lesson_.open = true;
    lesson_.entry = entry;
    lesson_.pack = e.handle;
    lesson_.lesson = lesson;
    // Continue where the pupil stopped: the first step not passed yet.
    const course::Lesson& l = pack->lessons[lesson];
    for (size_t i = 0; i < l.steps.size(); ++i) {
        if (course_->mark(pack->manifest.id, l.id, l.steps[i].id).status != StepMark::Passed) {
            lesson_.step = i;
            break;
        }
    }
    lesson_.seed = static_cast<uint32_t>(entry * 7919 + lesson * 104729 + 17 + pupil_seed_);
    lesson_.step_started = ImGui::GetTime();
    screen_ = Screen::Lesson;
    services_.stopSpeaking();
    speaking_ = false;
    return true;
}

// ---- lesson player -------------------------------------------------------------------------------
QuizState& AppUi::quizState(const course::Step& step, size_t index) {
    auto [it, inserted] = lesson_.quiz.try_emplace(index);
    QuizState& qs = it->second;
    if (inserted) {
        const course::Quiz& q = step.quiz;
        const uint32_t seed = lesson_.seed + static_cast<uint32_t>(index) * 2654435761u;
        switch (q.kind) {
            case course::QuizKind::Single:
            case course::QuizKind::Multiple:
                qs.shown = course::presentationOrder(q.options.size(), seed);
                qs.chosen.assign(q.options.size(), 0);
                break;
            case course::QuizKind::Order: qs.order = course::presentationOrder(q.items.size(), seed); break;
            case course::QuizKind::Match:
                qs.shown = course::presentationOrder(q.pairs.size(), seed);
                qs.match.assign(q.pairs.size(), -1);
                break;
            default: break;
        }
    }
    return qs;
}

void AppUi::leaveStep() {
    // Reading a theory page counts as done when the pupil moves on.
    const course::Pack* pack = course_->pack(lesson_.pack);
    if (pack == nullptr) return;
    const course::Lesson& l = pack->lessons[lesson_.lesson];
    const course::Step& s = l.steps[lesson_.step];
    if (s.kind == course::StepKind::Theory) {
        StepMark m;
        m.status = StepMark::Passed;
        m.attempts = 1;
        m.seconds = static_cast<int64_t>(ImGui::GetTime() - lesson_.step_started);
        course_->record(pack->manifest.id, l.id, s.id, m);
    }
}

void AppUi::goToStep(size_t step) {
    const course::Pack* pack = course_->pack(lesson_.pack);
    if (pack == nullptr) return;
    const course::Lesson& l = pack->lessons[lesson_.lesson];
    leaveStep();
    services_.stopSpeaking();
    speaking_ = false;
    if (step >= l.steps.size()) {
        lesson_.finished = true;
        return;
    }
    lesson_.finished = false;
    lesson_.step = step;
    lesson_.step_started = ImGui::GetTime();
}

void AppUi::readStepAloud(const course::Step& step) {
    std::string text = txt(step.title, settings_.lang);
    const auto add = [&](const std::string& s) {
        if (s.empty()) return;
        if (!text.empty()) text += ". ";
        text += plain(s);
    };
    if (step.kind == course::StepKind::Theory) {
        for (const auto& b : step.blocks) add(txt(b.kind == course::BlockKind::Picture && b.text.empty() ? b.alt : b.text, settings_.lang));
    } else if (step.kind == course::StepKind::Quiz) {
        const course::Quiz& q = step.quiz;
        add(txt(q.question, settings_.lang));
        const QuizState& qs = quizState(step, lesson_.step);
        if (q.kind == course::QuizKind::Single || q.kind == course::QuizKind::Multiple) {
            for (int i : qs.shown) add(txt(q.options[static_cast<size_t>(i)].text, settings_.lang));
        } else if (q.kind == course::QuizKind::Order) {
            for (int i : qs.order) add(txt(q.items[static_cast<size_t>(i)], settings_.lang));
        }
    } else {
        add(txt(step.coding.task, settings_.lang));
    }
    speaking_ = services_.speak(text, settings_.lang);
}

void AppUi::drawLesson(const FrameContext& ctx) {
    const Palette& p = palette(settings_.high_contrast);
    const course::Pack* pack = course_ ? course_->pack(lesson_.pack) : nullptr;
    if (pack == nullptr || lesson_.lesson >= pack->lessons.size()) {
        screen_ = Screen::Home;
        lesson_.open = false;
        return;
    }
    const course::Lesson& lesson = pack->lessons[lesson_.lesson];
    const float margin = 16.0f;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    const float full_w = ws.x - margin * 2;
    const float bottom = wp.y + ws.y - 44.0f - margin;
    const float fs = fontSize(fonts_.body);
    const float btn_h = std::max(kMinTouchTarget, fs + ImGui::GetStyle().FramePadding.y * 2);
    const float pad = ImGui::GetStyle().FramePadding.x;
    const auto iconW = [&](const std::string& label) { return width(fonts_.body, label) + pad * 2 + fs * 1.15f + (label.empty() ? 0 : 10); };
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // ---- toolbar: back to the map, lesson title, step dots, read aloud ----
    float y = start.y + margin * 0.75f;
    ImGui::SetCursorScreenPos(ImVec2(start.x + margin, y));
    const std::string back = tr_.tr("lesson.back");
    const bool narrow = full_w < 640;
    if (button("lesson.back", narrow ? std::string() : back, ImVec2(narrow ? iconW("") : iconW(back), btn_h), false, kIconBack)) {
        leaveStep();
        services_.stopSpeaking();
        speaking_ = false;
        screen_ = Screen::Home;
        lesson_.open = false;
        return;
    }
    const bool has_voice = !services_.speechVoice(settings_.lang).empty();
    const std::string listen = tr_.tr(speaking_ ? "speech.stop" : "speech.read_aloud");
    const float lw = narrow ? iconW("") : iconW(listen);
    ImGui::SetCursorScreenPos(ImVec2(start.x + margin + full_w - lw, y));
    const course::Step* step = lesson_.finished ? nullptr : &lesson.steps[lesson_.step];
    if (button("lesson.listen", narrow ? std::string() : listen, ImVec2(lw, btn_h), false, has_voice ? kIconSpeaker : kIconSpeakerOff)) {
        if (speaking_) {
            services_.stopSpeaking();
            speaking_ = false;
        } else if (!has_voice) {
            showMessage("speech.no_voice", tr_.tr("speech.no_voice"));
        } else if (step) {
            readStepAloud(*step);
        }
    }
    if (speaking_ && !services_.isSpeaking()) speaking_ = false;
    // Title between the buttons, then the step dots on their own row.
    const float title_x = start.x + margin + (narrow ? iconW("") : iconW(back)) + 16;
    const float title_w = start.x + margin + full_w - lw - 16 - title_x;
    const std::string title = txt(lesson.title, settings_.lang);
    ImGui::PushClipRect(ImVec2(title_x, y), ImVec2(title_x + title_w, y + btn_h), true);
    dl->AddText(fonts_.heading, fontSize(fonts_.heading), ImVec2(title_x, y + (btn_h - fontSize(fonts_.heading)) * 0.5f), p.text, title.c_str());
    ImGui::PopClipRect();
    y += btn_h + 10;
    const size_t n = lesson.steps.size();
    int go_to = -1;  // navigation happens after this frame's step is drawn (its state is per step)
    const float dot = std::min(30.0f, std::max(16.0f, (full_w - 8 * (n - 1)) / n));
    const float dots_w = n * dot + (n - 1) * 8;
    float dx = start.x + margin + (full_w - dots_w) * 0.5f;
    for (size_t i = 0; i < n; ++i) {
        const StepMark m = course_->mark(pack->manifest.id, lesson.id, lesson.steps[i].id);
        const std::string id = "lesson.dot." + std::to_string(i);
        ImGui::SetCursorScreenPos(ImVec2(dx, y));
        if (ImGui::InvisibleButton(id.c_str(), ImVec2(dot, dot)) && !(i == lesson_.step && !lesson_.finished)) go_to = static_cast<int>(i);
        registerItem(id.c_str());
        const ImVec2 c(dx + dot * 0.5f, y + dot * 0.5f);
        const ImU32 fill = m.status == StepMark::Passed ? p.ok : (m.status == StepMark::Tried ? p.warning : mix(p.surface, p.surface_border, 0.6f));
        dl->AddCircleFilled(c, dot * 0.42f, fill, 20);
        if (i == lesson_.step && !lesson_.finished) dl->AddCircle(c, dot * 0.5f, p.primary, 20, 3.0f);
        dx += dot + 8;
    }
    y += dot + 12;

    // ---- bottom bar: feedback and the step buttons ----
    const float bar_top = bottom - btn_h - 12;
    float body_bottom = bar_top - 8;
    QuizState* qs = nullptr;
    std::string feedback;
    ImU32 feedback_col = p.text;
    int feedback_icon = 0;
    if (step && step->kind == course::StepKind::Quiz) {
        qs = &quizState(*step, lesson_.step);
        if (qs->checked) {
            feedback = tr_.tr(qs->result.message_key);
            feedback_col = qs->result.correct ? p.ok : (qs->result.points > 0 ? p.warning : p.danger);
            feedback_icon = qs->result.correct ? kIconCheck : kIconCross;
            // Why: the explanation after a right answer or two tries; a wrong option's own feedback.
            std::string why;
            if (!qs->result.correct) {
                for (const auto& item : qs->result.items) {
                    if (item.mark != course::ItemMark::Wrong) continue;
                    if ((step->quiz.kind == course::QuizKind::Single || step->quiz.kind == course::QuizKind::Multiple) &&
                        item.index >= 0 && static_cast<size_t>(item.index) < step->quiz.options.size()) {
                        const std::string f = txt(step->quiz.options[static_cast<size_t>(item.index)].feedback, settings_.lang);
                        if (!f.empty()) {
                            why = f;
                            break;
                        }
                    }
                }
            }
            if (why.empty() && (qs->result.correct || qs->attempts >= 2)) why = txt(step->quiz.explain, settings_.lang);
            if (!why.empty()) feedback += "\n" + why;
        }
    }
    if (!feedback.empty()) {
        // Measure the feedback box (wrapped) so the body above stays scrollable.
        const float box_w = full_w;
        const float text_w = box_w - 40 - fs * 1.4f;
        float lines_h = 0;
        {
            const char* s = feedback.c_str();
            const char* end = s + feedback.size();
            while (s < end) {
                const char* e = fonts_.body->CalcWordWrapPositionA(fonts_.body->Scale, s, end, text_w);
                if (e == s) e = s + 1;
                lines_h += fs * 1.35f;
                s = e;
                while (s < end && (*s == ' ' || *s == '\n')) ++s;
            }
        }
        const float box_h = lines_h + 24;
        const ImVec2 a(start.x + margin, bar_top - box_h - 8);
        dl->AddRectFilled(a, ImVec2(a.x + box_w, a.y + box_h), mix(p.surface, feedback_col, 0.12f), 14);
        dl->AddRect(a, ImVec2(a.x + box_w, a.y + box_h), feedback_col, 14, 0, 2.0f);
        drawIcon(dl, feedback_icon, ImVec2(a.x + 14, a.y + 12), fs * 1.3f, feedback_col);
        ImGui::SetCursorScreenPos(ImVec2(a.x + 26 + fs * 1.4f, a.y + 12));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
        ImGui::PushFont(fonts_.body);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.text));
        ImGui::TextWrapped("%s", feedback.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::PopTextWrapPos();
        widgets_.add("lesson.feedback", Rect{a.x, a.y, box_w, box_h});
        body_bottom = a.y - 8;
    }
    {
        float bx = start.x + margin;
        if (!lesson_.finished && lesson_.step > 0) {
            const std::string prev = tr_.tr("lesson.prev");
            const float w = narrow ? iconW("") : iconW(prev);
            ImGui::SetCursorScreenPos(ImVec2(bx, bar_top));
            if (button("lesson.prev", narrow ? std::string() : prev, ImVec2(w, btn_h), false, kIconBack)) go_to = static_cast<int>(lesson_.step) - 1;
        }
        float rx = start.x + margin + full_w;
        if (!lesson_.finished) {
            const bool last = lesson_.step + 1 >= n;
            const std::string next = tr_.tr(last ? "lesson.finish" : "lesson.next");
            const bool needs_check = qs != nullptr && qs->attempts == 0;
            const float w = iconW(next);
            if (!needs_check) {
                rx -= w;
                ImGui::SetCursorScreenPos(ImVec2(rx, bar_top));
                if (button("lesson.next", next, ImVec2(w, btn_h), qs == nullptr || qs->checked, kIconNext)) go_to = static_cast<int>(lesson_.step) + 1;
                rx -= 12;
            }
            if (qs != nullptr && !(qs->checked && qs->result.correct)) {
                const std::string check = tr_.tr("lesson.check");
                const float cw = iconW(check);
                rx -= cw;
                ImGui::SetCursorScreenPos(ImVec2(rx, bar_top));
                const bool ready = quizAnswered(*step, *qs) && !qs->checked;
                ImGui::BeginDisabled(!ready);
                if (button("lesson.check", check, ImVec2(cw, btn_h), ready, kIconCheck) && ready) checkQuiz(*step, *qs);
                ImGui::EndDisabled();
            }
        }
    }

    // ---- a coding step gets the whole area (editor, world, its own Run and Check) ----
    const float body_h = std::max(80.0f, body_bottom - y);
    if (step && step->kind == course::StepKind::Coding) {
        drawCodingStep(*step, ImVec2(start.x + margin, y), ImVec2(full_w, body_h));
        widgets_.add("lesson.body", Rect{start.x + margin, y, full_w, body_h});
        if (go_to >= 0) goToStep(static_cast<size_t>(go_to));
        return;
    }
    // ---- the step itself, in a scrolling area ----
    ImGui::SetCursorScreenPos(ImVec2(start.x + margin, y));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(p.background));
    ImGui::BeginChild("##lesson_body", ImVec2(full_w, body_h), false);
    ImGui::PopStyleColor();
    if (lesson_.scrolled_for != lesson_.step + (lesson_.finished ? 100000 : 0)) {  // a new step starts at the top
        ImGui::SetScrollY(0);
        lesson_.scrolled_for = lesson_.step + (lesson_.finished ? 100000 : 0);
    }
    const float inner = ImGui::GetContentRegionAvail().x;
    const float col_w = std::min(inner, 860.0f);  // comfortable reading width
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (inner - col_w) * 0.5f);
    ImGui::BeginGroup();
    if (lesson_.finished) {
        drawLessonDone(*pack, lesson, col_w, body_h);
    } else {
        if (!step->title.empty()) richText(txt(step->title, settings_.lang), col_w, p.text, fonts_.heading);
        switch (step->kind) {
            case course::StepKind::Theory: drawTheory(*step, col_w); break;
            case course::StepKind::Quiz: drawQuiz(*step, *qs, col_w); break;
            default: break;
        }
    }
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(1, 12));
    dragScroll(ctx);
    ImGui::EndChild();
    registerItem("lesson.body");
    if (go_to >= 0) goToStep(static_cast<size_t>(go_to));
}

void AppUi::drawLessonDone(const course::Pack& pack, const course::Lesson& lesson, float w, float h) {
    const Palette& p = palette(settings_.high_contrast);
    const LessonMark m = course_->lessonMark(pack, lesson);
    int checked = 0;
    for (const auto& st : lesson.steps) checked += st.kind != course::StepKind::Theory;
    const int stars = checked ? static_cast<int>(std::lround(static_cast<double>(m.stars) / checked)) : 3;
    ImGui::Dummy(ImVec2(w, std::max(0.0f, h * 0.08f)));
    const float star = 72.0f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    for (int s = 0; s < 3; ++s) {
        drawIcon(ImGui::GetWindowDrawList(), s < stars ? kIconStar : kIconStarEmpty,
                 ImVec2(pos.x + (w - star * 3 - 24) * 0.5f + s * (star + 12), pos.y), star, s < stars ? p.accent : p.text_muted);
    }
    ImGui::Dummy(ImVec2(w, star + 16));
    widgets_.add("lesson.done", Rect{pos.x, pos.y, w, star});
    centeredWrapped(fonts_.heading, tr_.tr(m.passed == m.steps ? "lesson.done_title" : "lesson.done_partly"), p.text, w);
    if (m.max_points > 0) {
        centeredWrapped(fonts_.body, tr_.tr("lesson.done_points", {{"points", static_cast<int64_t>(m.points)}, {"max", static_cast<int64_t>(m.max_points)}}),
                        p.text_muted, w);
    }
    ImGui::Dummy(ImVec2(w, 16));
    const std::string back = tr_.tr("lesson.to_map");
    const float bw = width(fonts_.body, back) + ImGui::GetStyle().FramePadding.x * 2 + 40;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (w - bw) * 0.5f);
    if (button("lesson.to_map", back, ImVec2(bw, 0), true, kIconMap)) {
        screen_ = Screen::Home;
        lesson_.open = false;
    }
    const course::Pack* pk = course_->pack(lesson_.pack);
    if (pk && lesson_.lesson + 1 < pk->lessons.size()) {
        ImGui::Dummy(ImVec2(w, 8));
        const std::string next = tr_.tr("lesson.next_lesson");
        const float nw = width(fonts_.body, next) + ImGui::GetStyle().FramePadding.x * 2 + 40;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (w - nw) * 0.5f);
        if (button("lesson.next_lesson", next, ImVec2(nw, 0), false, kIconNext)) openLesson(lesson_.entry, lesson_.lesson + 1);
    }
}

// ---- theory --------------------------------------------------------------------------------------
void AppUi::drawTheory(const course::Step& step, float w) {
    const Palette& p = palette(settings_.high_contrast);
    const float view_h = ImGui::GetWindowHeight();
    int picture = 0;
    for (const auto& b : step.blocks) {
        ImGui::Dummy(ImVec2(w, 6));
        if (b.kind == course::BlockKind::Paragraph) {
            richText(txt(b.text, settings_.lang), w, p.text);
        } else if (b.kind == course::BlockKind::Picture) {
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            drawPicture(b.picture, txt(b.alt, settings_.lang), w, std::max(160.0f, view_h * 0.55f));
            widgets_.add("lesson.picture." + std::to_string(picture++), Rect{pos.x, pos.y, w, ImGui::GetItemRectMax().y - pos.y});
            if (!b.text.empty()) {
                const std::string cap = txt(b.text, settings_.lang);
                centeredWrapped(fonts_.body, cap, p.text_muted, w);
            }
        }
    }
}

// ---- quiz ----------------------------------------------------------------------------------------
bool AppUi::quizAnswered(const course::Step& step, const QuizState& qs) const {
    switch (step.quiz.kind) {
        case course::QuizKind::Single: return qs.choice >= 0;
        case course::QuizKind::Multiple: return std::any_of(qs.chosen.begin(), qs.chosen.end(), [](char c) { return c != 0; });
        case course::QuizKind::TrueFalse: return qs.truth >= 0;
        case course::QuizKind::Order: return !qs.order.empty();
        case course::QuizKind::Match: return std::all_of(qs.match.begin(), qs.match.end(), [](int m) { return m >= 0; });
        case course::QuizKind::TypeAnswer: return qs.text.find_first_not_of(" \t") != std::string::npos;
        default: return false;
    }
}

void AppUi::checkQuiz(const course::Step& step, QuizState& qs) {
    course::QuizAnswer a;
    a.choice = qs.choice;
    for (size_t i = 0; i < qs.chosen.size(); ++i) {
        if (qs.chosen[i]) a.choices.push_back(static_cast<int>(i));
    }
    a.truth = qs.truth == 1;
    a.order = qs.order;
    a.match = qs.match;
    a.text = qs.text;
    a.lang = settings_.lang;
    qs.result = course::gradeQuiz(step.quiz, a);
    qs.checked = true;
    ++qs.attempts;
    const course::Pack* pack = course_->pack(lesson_.pack);
    const course::Lesson& l = pack->lessons[lesson_.lesson];
    StepMark m;
    m.status = qs.result.correct ? StepMark::Passed : StepMark::Tried;
    m.points = qs.result.points;
    m.max_points = qs.result.max_points;
    m.stars = qs.result.correct ? std::max(1, 4 - qs.attempts) : 0;  // right first time: 3 stars
    m.attempts = 1;
    m.seconds = static_cast<int64_t>(ImGui::GetTime() - lesson_.step_started);
    lesson_.step_started = ImGui::GetTime();  // the next try is timed from here
    course_->record(pack->manifest.id, l.id, step.id, m);
    showMessage(qs.result.message_key, tr_.tr(qs.result.message_key));
}

void AppUi::drawQuiz(const course::Step& step, QuizState& qs, float w) {
    const Palette& p = palette(settings_.high_contrast);
    const course::Quiz& q = step.quiz;
    const float fs = fontSize(fonts_.body);
    const float view_h = ImGui::GetWindowHeight();
    const text::Lang lang = settings_.lang;
    richText(txt(q.question, lang), w, p.text, fonts_.heading);
    if (!q.picture.empty()) {
        ImGui::Dummy(ImVec2(w, 4));
        drawPicture(q.picture, txt(q.question, lang), w, std::max(140.0f, view_h * 0.4f));
    }
    const char* hint = nullptr;
    switch (q.kind) {
        case course::QuizKind::Multiple: hint = "lesson.hint_multiple"; break;
        case course::QuizKind::Order: hint = "lesson.hint_order"; break;
        case course::QuizKind::Match: hint = "lesson.hint_match"; break;
        case course::QuizKind::TypeAnswer: hint = "lesson.hint_type"; break;
        default: break;
    }
    if (hint) richText(tr_.tr(hint), w, p.text_muted);
    ImGui::Dummy(ImVec2(w, 8));
    // Marks from the last check, by item index.
    const auto markOf = [&](int index) {
        if (!qs.checked) return static_cast<int>(kMarkNone);
        for (const auto& it : qs.result.items) {
            if (it.index == index) return static_cast<int>(it.mark);
        }
        return static_cast<int>(kMarkNone);
    };
    const bool locked = qs.checked && qs.result.correct;  // solved: the answer stays as it is

    if (q.kind == course::QuizKind::Single || q.kind == course::QuizKind::Multiple) {
        const bool pictures = std::any_of(q.options.begin(), q.options.end(), [](const course::QuizOption& o) { return !o.picture.empty(); });
        const int cols = pictures ? std::max(1, std::min(static_cast<int>(q.options.size()), static_cast<int>((w + 12) / 232))) : 1;
        const float cw = (w - 12 * (cols - 1)) / cols;
        const float ch = pictures ? std::min(cw * 0.75f + fs * 2.6f, 300.0f) : std::max(kMinTouchTarget + 12, fs * 2.4f);
        for (size_t k = 0; k < qs.shown.size(); ++k) {
            const int i = qs.shown[k];
            const course::QuizOption& o = q.options[static_cast<size_t>(i)];
            if (k % cols != 0) ImGui::SameLine(0, 12);
            const std::string id = "lesson.option." + std::to_string(k);
            const bool selected = q.kind == course::QuizKind::Single ? qs.choice == i : qs.chosen[static_cast<size_t>(i)] != 0;
            int mark = markOf(i);
            if (mark == kMarkMissed && !qs.result.correct) mark = kMarkNone;  // never give the answer away
            if (choiceCard(id.c_str(), txt(o.text, lang), o.picture, ImVec2(cw, ch), selected, mark) && !locked) {
                if (q.kind == course::QuizKind::Single) {
                    qs.choice = i;
                } else {
                    qs.chosen[static_cast<size_t>(i)] ^= 1;
                }
                qs.checked = false;
            }
            if (k % cols == static_cast<size_t>(cols - 1) || k + 1 == qs.shown.size()) ImGui::Dummy(ImVec2(w, 6));
        }
    } else if (q.kind == course::QuizKind::TrueFalse) {
        const float cw = (w - 12) * 0.5f;
        const float ch = std::max(kMinTouchTarget * 1.6f, fs * 3.0f);
        const int right_mark = qs.checked ? (qs.result.correct ? kMarkRight : kMarkWrong) : kMarkNone;
        if (choiceCard("lesson.true", tr_.tr("lesson.true"), "", ImVec2(cw, ch), qs.truth == 1, qs.truth == 1 ? right_mark : 0) && !locked) {
            qs.truth = 1;
            qs.checked = false;
        }
        ImGui::SameLine(0, 12);
        if (choiceCard("lesson.false", tr_.tr("lesson.false"), "", ImVec2(cw, ch), qs.truth == 0, qs.truth == 0 ? right_mark : 0) && !locked) {
            qs.truth = 0;
            qs.checked = false;
        }
    } else if (q.kind == course::QuizKind::Order) {
        const float arrow = std::max(kMinTouchTarget, fs * 2.0f);
        const float cw = w - (arrow + 8) * 2;
        for (size_t k = 0; k < qs.order.size(); ++k) {
            const int item = qs.order[k];
            const std::string id = "lesson.order." + std::to_string(k);
            int mark = kMarkNone;
            if (qs.checked) mark = markOf(static_cast<int>(k)) == kMarkRight ? kMarkRight : kMarkWrong;
            choiceCard(id.c_str(), txt(q.items[static_cast<size_t>(item)], lang), "", ImVec2(cw, arrow), false, mark, static_cast<int>(k + 1));
            ImGui::SameLine(0, 8);
            const std::string up = "lesson.order.up." + std::to_string(k), down = "lesson.order.down." + std::to_string(k);
            ImGui::BeginDisabled(k == 0 || locked);
            if (button(up.c_str(), "", ImVec2(arrow, arrow), false, kIconUp) && k > 0 && !locked) {
                std::swap(qs.order[k], qs.order[k - 1]);
                qs.checked = false;
            }
            ImGui::EndDisabled();
            ImGui::SameLine(0, 8);
            ImGui::BeginDisabled(k + 1 == qs.order.size() || locked);
            if (button(down.c_str(), "", ImVec2(arrow, arrow), false, kIconDown) && k + 1 < qs.order.size() && !locked) {
                std::swap(qs.order[k], qs.order[k + 1]);
                qs.checked = false;
            }
            ImGui::EndDisabled();
            ImGui::Dummy(ImVec2(w, 4));
        }
    } else if (q.kind == course::QuizKind::Match) {
        // Tap a card on the left, then its partner on the right; pairs share a number.
        const float cw = (w - 16) * 0.5f;
        const float ch = std::max(kMinTouchTarget + 12, fs * 2.4f);
        for (size_t k = 0; k < q.pairs.size(); ++k) {
            const std::string lid = "lesson.match.left." + std::to_string(k);
            const int paired = qs.match[k];
            int mark = kMarkNone;
            if (qs.checked) mark = markOf(static_cast<int>(k)) == kMarkRight ? kMarkRight : kMarkWrong;
            if (choiceCard(lid.c_str(), txt(q.pairs[k].left, lang), "", ImVec2(cw, ch), qs.pick_left == static_cast<int>(k), mark,
                           paired >= 0 ? static_cast<int>(k + 1) : 0) && !locked) {
                if (paired >= 0 && qs.pick_left != static_cast<int>(k)) qs.match[k] = -1;
                qs.pick_left = qs.pick_left == static_cast<int>(k) ? -1 : static_cast<int>(k);
                qs.checked = false;
            }
            ImGui::SameLine(0, 16);
            const int right = qs.shown[k];
            int owner = -1;
            for (size_t j = 0; j < qs.match.size(); ++j) {
                if (qs.match[j] == right) owner = static_cast<int>(j);
            }
            const std::string rid = "lesson.match.right." + std::to_string(k);
            if (choiceCard(rid.c_str(), txt(q.pairs[static_cast<size_t>(right)].right, lang), "", ImVec2(cw, ch), false, kMarkNone,
                           owner >= 0 ? owner + 1 : 0) && !locked && qs.pick_left >= 0) {
                for (int& m : qs.match) {
                    if (m == right) m = -1;
                }
                qs.match[static_cast<size_t>(qs.pick_left)] = right;
                qs.pick_left = -1;
                qs.checked = false;
            }
            ImGui::Dummy(ImVec2(w, 4));
        }
    } else if (q.kind == course::QuizKind::TypeAnswer) {
        char buf[256];
        const size_t n = std::min(qs.text.size(), sizeof buf - 1);
        std::copy(qs.text.begin(), qs.text.begin() + static_cast<std::ptrdiff_t>(n), buf);
        buf[n] = '\0';
        ImGui::PushFont(fonts_.body);
        ImGui::SetNextItemWidth(std::min(w, 520.0f));
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(14, std::max(8.0f, (kMinTouchTarget - fs) * 0.5f + 4)));
        const ImGuiInputTextFlags flags = locked ? ImGuiInputTextFlags_ReadOnly : ImGuiInputTextFlags_EnterReturnsTrue;
        const bool enter = ImGui::InputText("##answer", buf, sizeof buf, flags);
        ImGui::PopStyleVar();
        ImGui::PopFont();
        registerItem("lesson.answer");
        if (buf != qs.text) {
            qs.text = buf;
            qs.checked = false;
        }
        if (enter && quizAnswered(step, qs) && !qs.checked) checkQuiz(step, qs);
    }
}

}  // namespace sandyq::ui
