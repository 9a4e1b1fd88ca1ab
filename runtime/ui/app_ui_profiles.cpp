// ui/app_ui_profiles.cpp — who is at the computer and the teacher's area:
//  - home screen "Who is learning?": class chips and big name buttons; the chosen pupil's marks
//    fill the course map and every step result is saved at once (progress::ProgressDb);
//  - teacher area behind a teacher PIN: classes and pupils (one by one or a pasted list), backup
//    download and restore (merge), and the export for the school diary (CSV, XLSX where built,
//    xAPI) with a preview of exactly what the file contains.
// Sections: progress wiring · home card · teacher area (lock · classes · pupils · backup · export)
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <ctime>
#include <random>

#include "core/utf8.h"
#include "progress/backup.h"
#include "progress/class_list.h"
#include "progress/export.h"
#include "progress/lessons.h"
#include "ui/app_ui.h"
#include "ui/icons.h"

#ifdef SANDYQ_HAVE_XLSX
#include "progress/xlsx_export.h"
#endif

namespace sandyq::ui {

namespace {

float width(ImFont* f, const std::string& s) { return f->CalcTextSizeA(f->FontSize * f->Scale, FLT_MAX, 0, s.c_str()).x; }
float fontSize(ImFont* f) { return f->FontSize * f->Scale; }
int64_t nowSeconds() { return static_cast<int64_t>(std::time(nullptr)); }

// The school year that is running now (it starts in September), from the clock by arithmetic
// (civil-from-days; Emscripten's gmtime_r needs an exported malloc).
int currentSchoolYear() {
    const int64_t days = nowSeconds() / 86400 + 5 * 3600 / 86400;
    const int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int64_t month = mp < 10 ? mp + 3 : mp - 9;  // 1..12
    const int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return static_cast<int>(month >= 9 ? year : year - 1);
}

std::string randomSalt() {
    std::random_device rd;
    std::string salt;
    for (int i = 0; i < 16; ++i) salt += static_cast<char>(rd() & 0xFF);
    return salt;
}

// A text field backed by a std::string (ImGui 1.86 has no std::string overload without
// imgui_stdlib). Returns true when Enter was pressed.
bool textField(const char* id, std::string& value, float w, size_t max_bytes, ImGuiInputTextFlags flags = 0) {
    char buf[1024];
    const size_t cap = std::min(sizeof buf - 1, max_bytes);
    const size_t n = std::min(value.size(), cap);
    std::memcpy(buf, value.data(), n);
    buf[n] = '\0';
    ImGui::SetNextItemWidth(w);
    const bool enter = ImGui::InputText(id, buf, cap + 1, flags | ImGuiInputTextFlags_EnterReturnsTrue);
    value = buf;
    return enter;
}

}  // namespace

// ---- progress wiring -------------------------------------------------------------------------------
void AppUi::openProgress() {
    if (db_) return;
    db_ = std::make_unique<progress::ProgressDb>(services_.storage());
    const progress::OpenReport report = db_->open();
    progress_outcome_ = static_cast<int>(report.outcome);
    for (const Status& note : report.notes) {
        showMessage(note.message_key, tr_.tr(note.message_key, {{"where", note.where}}));
    }
    if (!report.status.ok()) showMessage(report.status.message_key, tr_.tr(report.status.message_key, {{"where", report.status.where}}));
    // Every step result of the pupil at the computer is saved at once.
    if (course_) {
        course_->onRecord([this](const std::string& pack, const std::string& lesson, const std::string& step, const StepMark& m) {
            if (!db_ || pupil_.value == 0) return;
            progress::StepAttempt a;
            a.passed = m.status == StepMark::Passed;
            a.points = m.points;
            a.max_points = m.max_points;
            a.stars = m.stars;
            a.time_on_task_s = std::max<int64_t>(0, m.seconds);
            if (!m.program.empty()) {
                a.program = m.program.substr(0, progress::kMaxProgramBytes);
                a.program_kind = m.program.rfind("sqb1", 0) == 0 ? progress::ProgramKind::Blocks : progress::ProgramKind::Text;
            }
            const Status st = db_->data().recordStep(pupil_, progress::StepKey{pack, lesson, step}, a, nowSeconds());
            if (!st.ok()) {
                showMessage(st.message_key, tr_.tr(st.message_key, {{"where", st.where}}));
                return;
            }
            saveProgress();
        });
    }
}

void AppUi::saveProgress() {
    if (!db_) return;
    const Status st = db_->save();
    // Saving failed (quota, private mode): the data stays in memory; the teacher area offers a
    // backup download and the status strip says why.
    tools_.save_failed = !st.ok();  // the storage banner shows (app_ui_storage.cpp)
    if (!st.ok()) showMessage("profile.save_failed", tr_.tr("profile.save_failed"));
}

void AppUi::choosePupil(progress::PupilId id) {
    pupil_ = id;
    pupil_seed_ = id.value * 2654435761u;
    coding_.reset();  // another pupil's programs must not show
    if (!course_) return;
    course_->clearMarks();
    if (!db_ || id.value == 0) return;
    // The map opens at the pupil's grade.
    if (const progress::Pupil* p = db_->data().findPupil(id)) {
        if (const progress::Class* c = db_->data().findClass(p->class_id)) map_grade_ = c->grade;
    }
    for (const auto& [key, r] : db_->data().recordsOf(id)) {
        StepMark m;
        m.status = r.status == progress::StepStatus::Passed ? StepMark::Passed
                   : r.status == progress::StepStatus::Tried ? StepMark::Tried : StepMark::None;
        m.points = r.points;
        m.max_points = r.max_points;
        m.stars = r.stars;
        m.attempts = r.attempts;
        course_->setMark(key.pack_id, key.lesson_id, key.step_id, m);
        // The coding editor opens with the pupil's last program.
        if (!r.last_program.empty()) setCodingProgram(key.pack_id + "/" + key.lesson_id + "/" + key.step_id, r.last_program);
    }
}

std::string AppUi::pupilName() const {
    if (!db_ || pupil_.value == 0) return {};
    const progress::Pupil* p = db_->data().findPupil(pupil_);
    return p ? p->display_name : std::string();
}

std::vector<progress::LessonInfo> AppUi::lessonInfos(int grade) const {
    std::vector<progress::LessonInfo> out;
    if (!course_) return out;
    for (size_t idx : course_->usableEntries()) {
        const PackEntry& e = course_->entries()[idx];
        const course::Pack* pack = course_->pack(e.handle);
        if (pack == nullptr || e.preview || (grade > 0 && pack->manifest.grade != grade)) continue;
        for (const auto& l : pack->lessons) {
            progress::LessonInfo info;
            info.pack_id = pack->manifest.id;
            info.lesson_id = l.id;
            info.title_kk = l.title.kk;
            info.title_ru = l.title.ru;
            for (const auto& o : l.objectives) info.objective_code += (info.objective_code.empty() ? "" : ", ") + o;
            for (const auto& st : l.steps) {
                if (st.kind == course::StepKind::Quiz) info.max_points += st.quiz.points;
                if (st.kind == course::StepKind::Coding) info.max_points += st.coding.points;
                info.step_count += st.kind != course::StepKind::Theory;
            }
            out.push_back(std::move(info));
        }
    }
    return out;
}

// ---- home card: who is learning? ---------------------------------------------------------------
void AppUi::drawProfiles(float w) {
    const Palette& p = palette(settings_.high_contrast);
    const float fs = fontSize(fonts_.body);
    const float pad = ImGui::GetStyle().FramePadding.x;
    const progress::ProgressStore* store = db_ ? &db_->data() : nullptr;
    const auto iconButtonW = [&](const std::string& label) { return width(fonts_.body, label) + pad * 2 + fs * 1.15f + 10; };
    if (store == nullptr || store->classes().empty()) {
        drawEmptyState("home.profiles.empty", tr_.tr("home.profile.empty"), tr_.tr("home.profile.empty_hint"), kIconPupils);
    } else if (pupil_.value != 0) {
        ImGui::Dummy(ImVec2(w, 8));
        centeredWrapped(fonts_.heading, tr_.tr("profile.hello", {{"name", pupilName()}}), p.text, w);
        registerItem("profile.current");
        if (const progress::Pupil* pu = store->findPupil(pupil_)) {
            if (const progress::Class* c = store->findClass(pu->class_id)) centeredWrapped(fonts_.body, c->name, p.text_muted, w);
        }
        ImGui::Dummy(ImVec2(w, 8));
        const std::string other = tr_.tr("profile.switch");
        const float bw = std::min(w, iconButtonW(other));
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (w - bw) * 0.5f);
        if (button("profile.switch", other, ImVec2(bw, 0), false, kIconPupils)) choosePupil(progress::PupilId{});
    } else if (tools_.pin.pupil != 0) {
        drawPinEntry(w);  // the pupil's pictures (app_ui_pin.cpp)
    } else {
        // Class chips (when there are several), then one big button per pupil.
        const auto& classes = store->classes();
        if (std::none_of(classes.begin(), classes.end(), [&](const progress::Class& c) { return c.id.value == home_class_; })) {
            home_class_ = classes.front().id.value;
        }
        richText(tr_.tr("profile.pick"), w, p.text_muted);
        if (classes.size() > 1) {
            float x = 0;
            for (size_t i = 0; i < classes.size(); ++i) {
                const float bw = width(fonts_.body, classes[i].name) + pad * 2;
                if (i > 0 && x + 8 + bw <= w) {
                    ImGui::SameLine(0, 8);
                    x += 8;
                } else if (i > 0) {
                    x = 0;
                }
                const std::string id = "profile.class." + std::to_string(classes[i].id.value);
                if (button(id.c_str(), classes[i].name, ImVec2(bw, 0), classes[i].id.value == home_class_)) home_class_ = classes[i].id.value;
                x += bw;
            }
            ImGui::Dummy(ImVec2(w, 4));
        }
        const auto pupils = store->pupilsOf(progress::ClassId{home_class_});
        const int cols = w >= 420 ? 2 : 1;
        const float bw = (w - 10 * (cols - 1)) / cols;
        const float bh = std::max(kMinTouchTarget * 1.3f, fs * 2.6f);
        for (size_t i = 0; i < pupils.size(); ++i) {
            if (i % cols != 0) ImGui::SameLine(0, 10);
            const std::string id = "profile.pupil." + std::to_string(pupils[i]->id.value);
            if (button(id.c_str(), pupils[i]->display_name, ImVec2(bw, bh), false) && !dragging_) pickPupil(pupils[i]->id);
            if (i % cols == static_cast<size_t>(cols - 1)) ImGui::Dummy(ImVec2(w, 2));
        }
        if (pupils.empty()) richText(tr_.tr("profile.class_empty"), w, p.text_muted);
    }
    ImGui::Dummy(ImVec2(w, 12));
    const std::string teacher = tr_.tr("teacher.open");
    const float tw = std::min(w, iconButtonW(teacher));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (w - tw) * 0.5f);
    if (button("teacher.open", teacher, ImVec2(tw, 0), false, kIconGear)) {
        teacher_ = TeacherArea{};
        screen_ = Screen::Teacher;
    }
}

// ---- teacher area --------------------------------------------------------------------------------
void AppUi::drawTeacher(const FrameContext& ctx) {
    const Palette& p = palette(settings_.high_contrast);
    const float margin = 16.0f;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    const float full_w = ws.x - margin * 2;
    const float bottom = wp.y + ws.y - 44.0f - margin;
    const float fs = fontSize(fonts_.body);
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float btn_h = std::max(kMinTouchTarget, fs + ImGui::GetStyle().FramePadding.y * 2);
    const auto bwOf = [&](const std::string& label, bool icon) { return width(fonts_.body, label) + pad * 2 + (icon ? fs * 1.15f + 10 : 0); };
    if (!db_) openProgress();
    progress::ProgressStore& store = db_->data();

    ImGui::SetCursorScreenPos(ImVec2(start.x + margin, start.y + margin * 0.75f));
    const std::string back = tr_.tr("teacher.back");
    if (button("teacher.back", back, ImVec2(bwOf(back, true), btn_h), false, kIconBack)) {
        teacher_ = TeacherArea{};
        screen_ = Screen::Home;
        return;
    }
    ImGui::SameLine(0, 16);
    {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddText(fonts_.heading, fontSize(fonts_.heading),
                                            ImVec2(pos.x, pos.y + (btn_h - fontSize(fonts_.heading)) * 0.5f), p.text, tr_.tr("teacher.title").c_str());
        ImGui::Dummy(ImVec2(1, btn_h));
    }
    const float top = ImGui::GetCursorScreenPos().y + 8;
    ImGui::SetCursorScreenPos(ImVec2(start.x + margin, top));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(p.background));
    ImGui::BeginChild("##teacher", ImVec2(full_w, std::max(80.0f, bottom - top)), false);
    ImGui::PopStyleColor();
    widgets_.add("teacher.body", Rect{start.x + margin, top, full_w, std::max(80.0f, bottom - top)});  // the scrolling area
    const float inner = ImGui::GetContentRegionAvail().x;
    const float w = std::min(inner, 900.0f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (inner - w) * 0.5f);
    ImGui::BeginGroup();
    ImGui::PushFont(fonts_.body);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12, std::max(8.0f, (kMinTouchTarget - fs) * 0.5f)));
    const auto section = [&](const char* key) {
        ImGui::Dummy(ImVec2(w, 14));
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + 6, pos.y + fontSize(fonts_.heading)), p.accent, 3);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + 16, pos.y));
        richText(tr_.tr(key), w - 16, p.text, fonts_.heading);
    };
    const auto note = [&](const std::string& text, ImU32 col) { richText(text, w, col); };

    // ---- lock: the first visit sets the teacher PIN, later visits ask for it ----
    if (!teacher_.unlocked) {
        const bool first = !store.hasTeacherPin();
        section(first ? "teacher.pin_set_title" : "teacher.pin_title");
        note(tr_.tr(first ? "teacher.pin_set_hint" : "teacher.pin_hint"), p.text_muted);
        const bool enter = textField("##pin", teacher_.pin, std::min(w, 260.0f), 12, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
        registerItem("teacher.pin");
        bool enter2 = false;
        if (first) {
            ImGui::Dummy(ImVec2(w, 2));
            note(tr_.tr("teacher.pin_repeat"), p.text_muted);
            enter2 = textField("##pin2", teacher_.pin2, std::min(w, 260.0f), 12, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
            registerItem("teacher.pin2");
        }
        ImGui::Dummy(ImVec2(w, 4));
        const std::string ok = tr_.tr(first ? "teacher.pin_save" : "teacher.pin_open");
        if (button("teacher.pin_ok", ok, ImVec2(bwOf(ok, false), btn_h), true) || enter || enter2) {
            if (first) {
                if (teacher_.pin.size() < 4 || teacher_.pin.find_first_not_of("0123456789") != std::string::npos) {
                    teacher_.message = tr_.tr("teacher.pin_short");
                } else if (teacher_.pin != teacher_.pin2) {
                    teacher_.message = tr_.tr("teacher.pin_mismatch");
                } else {
                    const Status st = store.setTeacherPin(teacher_.pin, randomSalt());
                    if (st.ok()) {
                        saveProgress();
                        teacher_.unlocked = true;
                        teacher_.message.clear();
                    } else {
                        teacher_.message = tr_.tr(st.message_key);
                    }
                }
            } else if (store.checkTeacherPin(teacher_.pin)) {
                teacher_.unlocked = true;
                teacher_.message.clear();
            } else {
                teacher_.message = tr_.tr("teacher.pin_wrong");
                showMessage("teacher.pin_wrong", teacher_.message);
            }
            teacher_.pin.clear();
            teacher_.pin2.clear();
        }
        if (!teacher_.message.empty()) note(teacher_.message, p.danger);
    } else {
        drawTeacherClasses(w);
        drawTeacherBackup(w);
        drawRollupEntry(w);  // app_ui_rollup.cpp
        drawTeacherExport(w);
    }
    ImGui::PopStyleVar();
    ImGui::PopFont();
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(1, 16));
    dragScroll(ctx);
    ImGui::EndChild();
}

void AppUi::drawTeacherClasses(float w) {
    const Palette& p = palette(settings_.high_contrast);
    progress::ProgressStore& store = db_->data();
    const float fs = fontSize(fonts_.body);
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float btn_h = std::max(kMinTouchTarget, fs + ImGui::GetStyle().FramePadding.y * 2);
    const auto bw = [&](const std::string& label) { return width(fonts_.body, label) + pad * 2; };
    const auto section = [&](const char* key) {
        ImGui::Dummy(ImVec2(w, 14));
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + 6, pos.y + fontSize(fonts_.heading)), p.accent, 3);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + 16, pos.y));
        richText(tr_.tr(key), w - 16, p.text, fonts_.heading);
    };
    const auto report = [&](const Status& st) {
        if (st.ok()) {
            saveProgress();
            teacher_.message.clear();
        } else {
            teacher_.message = tr_.tr(st.message_key, {{"where", st.where}});
            showMessage(st.message_key, teacher_.message);
        }
    };

    section("teacher.classes");
    const auto& classes = store.classes();
    if (std::none_of(classes.begin(), classes.end(), [&](const progress::Class& c) { return c.id.value == teacher_.class_id; })) {
        teacher_.class_id = classes.empty() ? 0 : classes.front().id.value;
    }
    for (size_t i = 0; i < classes.size(); ++i) {
        if (i > 0) ImGui::SameLine(0, 8);
        if (ImGui::GetCursorPosX() + bw(classes[i].name) > w) ImGui::NewLine();
        const std::string id = "teacher.class." + std::to_string(classes[i].id.value);
        if (button(id.c_str(), classes[i].name, ImVec2(bw(classes[i].name), btn_h), classes[i].id.value == teacher_.class_id)) {
            teacher_.class_id = classes[i].id.value;
        }
    }
    // New class: name and grade.
    richText(tr_.tr("teacher.class_new"), w, p.text_muted);
    const bool enter = textField("##class_name", teacher_.class_name, std::min(w * 0.5f, 220.0f), progress::kMaxNameBytes);
    registerItem("teacher.class_name");
    ImGui::SameLine(0, 8);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr_.tr("teacher.grade").c_str());
    ImGui::SameLine(0, 8);
    for (int g = 1; g <= 6; ++g) {
        const std::string id = "teacher.grade." + std::to_string(g);
        const std::string label = std::to_string(g);
        if (button(id.c_str(), label, ImVec2(btn_h, btn_h), teacher_.grade == g)) teacher_.grade = g;
        ImGui::SameLine(0, 6);
    }
    const std::string add = tr_.tr("teacher.class_add");
    if ((button("teacher.class_add", add, ImVec2(bw(add), btn_h), true) || enter) && !teacher_.class_name.empty()) {
        Result<progress::ClassId> r = store.addClass(teacher_.class_name, currentSchoolYear(), teacher_.grade);
        report(r.status());
        if (r.ok()) {
            teacher_.class_id = r.value().value;
            teacher_.class_name.clear();
        }
    }
    if (!teacher_.message.empty()) richText(teacher_.message, w, p.danger);
    if (teacher_.class_id == 0) return;
    const progress::ClassId cls{teacher_.class_id};
    const progress::Class* c = store.findClass(cls);
    if (c == nullptr) return;

    section("teacher.pupils");
    const auto pupils = store.pupilsOf(cls);
    if (pupils.empty()) richText(tr_.tr("profile.class_empty"), w, p.text_muted);
    for (const progress::Pupil* pu : pupils) {
        const std::string rid = "teacher.pupil." + std::to_string(pu->id.value);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddText(fonts_.body, fs, ImVec2(pos.x, pos.y + (btn_h - fs) * 0.5f), p.text, pu->display_name.c_str());
        const progress::PackSummary sum = [&] {
            progress::PackSummary total;
            for (const auto& [k, r] : store.recordsOf(pu->id)) {
                total.steps_passed += r.status == progress::StepStatus::Passed;
                total.stars += r.stars;
            }
            return total;
        }();
        const std::string info = tr_.tr("teacher.pupil_info", {{"passed", static_cast<int64_t>(sum.steps_passed)}, {"stars", static_cast<int64_t>(sum.stars)}});
        ImGui::GetWindowDrawList()->AddText(fonts_.body, fs * 0.9f, ImVec2(pos.x + w * 0.4f, pos.y + (btn_h - fs * 0.9f) * 0.5f), p.text_muted, info.c_str());
        widgets_.add(rid, Rect{pos.x, pos.y, w * 0.4f, btn_h});
        const std::string remove = tr_.tr(teacher_.confirm_remove == pu->id.value ? "teacher.remove_sure" : "teacher.remove");
        {  // the pupil's card: picture PIN, erase progress (app_ui_pin.cpp)
            const std::string card = tr_.tr("teacher.pupil_card");
            ImGui::SetCursorScreenPos(ImVec2(pos.x + w - bw(remove) - 8 - bw(card), pos.y));
            const std::string cid = "teacher.card." + std::to_string(pu->id.value);
            const bool open = tools_.card.pupil == pu->id.value;
            if (button(cid.c_str(), card, ImVec2(bw(card), btn_h), open)) {
                tools_.card = PupilCardState{};
                tools_.card.pupil = open ? 0u : pu->id.value;
            }
        }
        ImGui::SetCursorScreenPos(ImVec2(pos.x + w - bw(remove), pos.y));
        const std::string did = "teacher.remove." + std::to_string(pu->id.value);
        if (button(did.c_str(), remove, ImVec2(bw(remove), btn_h), teacher_.confirm_remove == pu->id.value)) {
            if (teacher_.confirm_remove == pu->id.value) {
                const progress::PupilId gone = pu->id;
                report(store.removePupil(gone));
                if (pupil_.value == gone.value) choosePupil(progress::PupilId{});
                teacher_.confirm_remove = 0;
                break;  // the list changed
            }
            teacher_.confirm_remove = pu->id.value;
        }
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + btn_h + 6));
        if (tools_.card.pupil == pu->id.value) drawTeacherPupilCard(w);
    }
    // Add one pupil, or paste a whole list (one name per line, or a CSV column).
    richText(tr_.tr("teacher.pupil_new"), w, p.text_muted);
    const bool enter_pupil = textField("##pupil_name", teacher_.pupil_name, std::min(w * 0.6f, 320.0f), progress::kMaxNameBytes);
    registerItem("teacher.pupil_name");
    ImGui::SameLine(0, 8);
    const std::string addp = tr_.tr("teacher.pupil_add");
    if ((button("teacher.pupil_add", addp, ImVec2(bw(addp), btn_h), true) || enter_pupil) && !teacher_.pupil_name.empty()) {
        Result<progress::PupilId> r = store.addPupil(cls, teacher_.pupil_name);
        report(r.status());
        if (r.ok()) teacher_.pupil_name.clear();
    }
    richText(tr_.tr("teacher.list_hint"), w, p.text_muted);
    {
        char buf[8192];
        const size_t n = std::min(teacher_.list.size(), sizeof buf - 1);
        std::memcpy(buf, teacher_.list.data(), n);
        buf[n] = '\0';
        ImGui::InputTextMultiline("##list", buf, sizeof buf, ImVec2(std::min(w, 520.0f), fs * 5.5f));
        teacher_.list = buf;
        registerItem("teacher.list");
    }
    const std::string imp = tr_.tr("teacher.list_add");
    if (button("teacher.list_add", imp, ImVec2(bw(imp), btn_h), false) && !teacher_.list.empty()) {
        Result<progress::ClassListImport> r = progress::importClassList(store, cls, teacher_.list);
        report(r.status());
        if (r.ok()) {
            teacher_.list.clear();
            teacher_.info_ok = true;
            teacher_.info = listImportSummary(r.value());
        }
    }
    // The same list as a file: a class register saved from Excel or a spreadsheet as CSV.
    if (bw(imp) + 12 + bw(tr_.tr("teacher.list_file")) <= w) ImGui::SameLine(0, 12);
    const std::string from_file = tr_.tr("teacher.list_file");
    if (button("teacher.list_file", from_file, ImVec2(bw(from_file), btn_h), false, kIconFolder)) {
        const progress::ClassId target = cls;
        services_.pickFile(".csv,.txt,text/csv,text/plain", [this, target](platform::PickedFile f) {
            // The verdict shows under the list buttons, where the teacher is looking.
            teacher_.info.clear();
            teacher_.info_ok = false;
            std::string key;
            if (f.too_big) key = "teacher.list_file_too_big";
            else if (!text::isValidUtf8(f.bytes)) key = "teacher.list_file_not_utf8";
            if (!key.empty()) {
                teacher_.info = f.name + ": " + tr_.tr(key);
                showMessage(key, teacher_.info);
                return;
            }
            Result<progress::ClassListImport> r = progress::importClassList(db_->data(), target, f.bytes);
            if (!r.ok()) {
                teacher_.info = f.name + ": " + tr_.tr(r.status().message_key, {{"where", r.status().where}});
                showMessage(r.status().message_key, teacher_.info);
                return;
            }
            saveProgress();
            teacher_.info_ok = true;
            teacher_.info = listImportSummary(r.value());
            showMessage("teacher.list_done", teacher_.info);
        });
    }
    if (!teacher_.info.empty()) richText(teacher_.info, w, teacher_.info_ok ? p.ok : p.danger);
}

std::string AppUi::listImportSummary(const progress::ClassListImport& r) const {
    std::string out = tr_.tr("teacher.list_done", {{"n", static_cast<int64_t>(r.added.size())}});
    for (const auto& issue : r.issues) {
        out += "\n" + tr_.tr(issue.messageKey(), {{"name", issue.name}, {"line", static_cast<int64_t>(issue.line)}});
    }
    return out;
}

void AppUi::drawTeacherBackup(float w) {
    const Palette& p = palette(settings_.high_contrast);
    progress::ProgressStore& store = db_->data();
    const float fs = fontSize(fonts_.body);
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float btn_h = std::max(kMinTouchTarget, fs + ImGui::GetStyle().FramePadding.y * 2);
    const auto bw = [&](const std::string& label) { return width(fonts_.body, label) + pad * 2 + fs * 1.15f + 10; };
    ImGui::Dummy(ImVec2(w, 14));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + 6, pos.y + fontSize(fonts_.heading)), p.accent, 3);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 16, pos.y));
    richText(tr_.tr("teacher.backup"), w - 16, p.text, fonts_.heading);
    richText(tr_.tr("teacher.backup_hint"), w, p.text_muted);
    const progress::ClassId cls{teacher_.class_id};
    const std::string down = tr_.tr("teacher.backup_download");
    ImGui::BeginDisabled(cls.value == 0);
    if (button("teacher.backup_download", down, ImVec2(bw(down), btn_h), false, kIconFolder) && cls.value != 0) {
        const int64_t now = nowSeconds();
        services_.download(progress::backupFileName(store, cls, progress::PupilId{}, now), "application/json",
                           progress::writeClassBackup(store, cls, now));
    }
    ImGui::EndDisabled();
    ImGui::SameLine(0, 12);
    const std::string restore = tr_.tr("teacher.backup_restore");
    if (button("teacher.backup_restore", restore, ImVec2(bw(restore), btn_h), false, kIconFolder)) {
        services_.pickFile(".json", [this](platform::PickedFile f) {
            progress::MultiMergeReport r = progress::mergeBackupFiles(db_->data(), {progress::FileInput{f.name, f.bytes, f.too_big}});
            if (!r.rejected.empty()) {
                const Status& st = r.rejected.front();
                teacher_.backup_message = f.name + ": " + tr_.tr(st.message_key, {{"where", st.where}});
                teacher_.backup_ok = false;
            } else {
                saveProgress();
                teacher_.backup_message = tr_.tr("teacher.backup_merged", {{"pupils", static_cast<int64_t>(r.total.pupils_added + r.total.pupils_updated)},
                                                                             {"records", static_cast<int64_t>(r.total.records_changed)}});
                teacher_.backup_ok = true;
                if (pupil_.value != 0) choosePupil(pupil_);  // refresh the marks on the map
            }
            showMessage(teacher_.backup_ok ? "teacher.backup_merged" : "teacher.backup_rejected", teacher_.backup_message);
        });
    }
    if (!teacher_.backup_message.empty()) richText(teacher_.backup_message, w, teacher_.backup_ok ? p.ok : p.danger);
}

void AppUi::drawTeacherExport(float w) {
    const Palette& p = palette(settings_.high_contrast);
    progress::ProgressStore& store = db_->data();
    const float fs = fontSize(fonts_.body);
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float btn_h = std::max(kMinTouchTarget, fs + ImGui::GetStyle().FramePadding.y * 2);
    const auto bw = [&](const std::string& label) { return width(fonts_.body, label) + pad * 2; };
    ImGui::Dummy(ImVec2(w, 14));
    {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + 6, pos.y + fontSize(fonts_.heading)), p.accent, 3);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + 16, pos.y));
        richText(tr_.tr("teacher.export"), w - 16, p.text, fonts_.heading);
    }
    const progress::Class* c = store.findClass(progress::ClassId{teacher_.class_id});
    if (c == nullptr) {
        richText(tr_.tr("teacher.export_no_class"), w, p.text_muted);
        return;
    }
    // Options as toggle rows: assessment kind, scale, separator, file language.
    const auto choice = [&](const char* id, const std::string& label, bool selected) {
        const float x = ImGui::GetCursorPosX();
        if (x > ImGui::GetCursorStartPos().x + 1 && x + bw(label) > w) ImGui::NewLine();
        const bool r = button(id, label, ImVec2(bw(label), btn_h), selected);
        ImGui::SameLine(0, 8);
        return r;
    };
    const auto row = [&](const char* key) {
        ImGui::NewLine();
        richText(tr_.tr(key), w, p.text_muted);
    };
    row("teacher.export_kind");
    if (choice("teacher.kind.formative", tr_.tr("teacher.kind_formative"), teacher_.kind == 0)) teacher_.kind = 0;
    if (choice("teacher.kind.summative", tr_.tr("teacher.kind_summative"), teacher_.kind == 1)) teacher_.kind = 1;
    row("teacher.export_scale");
    if (choice("teacher.scale.five", tr_.tr("teacher.scale_five"), teacher_.scale == 0)) teacher_.scale = 0;
    if (choice("teacher.scale.ten", tr_.tr("teacher.scale_ten"), teacher_.scale == 1)) teacher_.scale = 1;
    if (choice("teacher.scale.percent", tr_.tr("teacher.scale_percent"), teacher_.scale == 2)) teacher_.scale = 2;
    row("teacher.export_lang");
    if (choice("teacher.lang.kk", tr_.tr("lang.kk"), teacher_.ru == false)) teacher_.ru = false;
    if (choice("teacher.lang.ru", tr_.tr("lang.ru"), teacher_.ru == true)) teacher_.ru = true;
    row("teacher.export_sep");
    if (choice("teacher.sep.semicolon", " ; ", teacher_.comma == false)) teacher_.comma = false;
    if (choice("teacher.sep.comma", " , ", teacher_.comma == true)) teacher_.comma = true;
    ImGui::NewLine();
    if (c->grade == 1) richText(tr_.tr("teacher.export_grade1"), w, p.text_muted);

    progress::ExportOptions opt;
    opt.class_id = c->id;
    if (!applyExportChoice(w, *c, opt)) return;  // lessons and days (app_ui_export_choice.cpp)
    opt.kind = teacher_.kind == 1 ? progress::AssessmentKind::SectionSummative : progress::AssessmentKind::Formative;
    opt.scale = teacher_.scale == 1 ? progress::MarkScale::Points10 : teacher_.scale == 2 ? progress::MarkScale::Percent : progress::MarkScale::FivePoint;
    opt.lang = teacher_.ru ? text::Lang::Ru : text::Lang::Kk;
    Result<progress::ExportTable> table = progress::buildExport(store, opt);
    if (!table.ok()) {
        richText(tr_.tr(table.status().message_key), w, p.danger);
        return;
    }
    const text::Catalogue& cat = tr_.catalogue(opt.lang);
    // Preview: exactly the cells of the file, first rows that were attempted.
    const std::vector<std::string> headers = progress::exportHeaders(cat);
    const int cols = static_cast<int>(headers.size());
    int shown = 0;
    int attempted = 0;
    for (const auto& r : table.value().rows) attempted += r.attempted;
    const float row_h = ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().CellPadding.y * 2 + 2;
    const float table_h = row_h * static_cast<float>(std::min(attempted, 12) + 1) + ImGui::GetStyle().ScrollbarSize + 6;
    // Readable on the light theme: a pale header, thin borders.
    ImGui::PushStyleColor(ImGuiCol_TableHeaderBg, ImGui::ColorConvertU32ToFloat4(p.surface_border));
    ImGui::PushStyleColor(ImGuiCol_TableBorderStrong, ImGui::ColorConvertU32ToFloat4(p.text_muted));
    ImGui::PushStyleColor(ImGuiCol_TableBorderLight, ImGui::ColorConvertU32ToFloat4(p.surface_border));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.text));
    if (attempted > 0 &&
        ImGui::BeginTable("##export_preview", cols, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit,
                          ImVec2(w, table_h))) {
        for (const auto& h : headers) ImGui::TableSetupColumn(h.c_str());
        ImGui::TableHeadersRow();
        for (const auto& r : table.value().rows) {
            if (!r.attempted) continue;
            if (++shown > 12) break;
            ImGui::TableNextRow();
            const std::vector<std::string> cells = progress::exportCells(table.value(), r, cat);
            for (int i = 0; i < cols && i < static_cast<int>(cells.size()); ++i) {
                ImGui::TableSetColumnIndex(i);
                ImGui::TextUnformatted(cells[static_cast<size_t>(i)].c_str());
            }
        }
        ImGui::EndTable();
        registerItem("teacher.export_preview");
    }
    ImGui::PopStyleColor(4);
    if (shown == 0) richText(tr_.tr(tools_.choice.by_dates ? "teacher.export_empty_days" : "teacher.export_empty"), w, p.text_muted);
    teacher_.preview_rows = shown;
    const std::string file = progress::backupFileName(store, c->id, progress::PupilId{}, nowSeconds());
    const std::string stem = file.size() > 5 ? file.substr(0, file.size() - 5) : file;  // without ".json"
    const std::string csv = tr_.tr("teacher.export_csv");
    if (button("teacher.export_csv", csv, ImVec2(bw(csv), btn_h), true)) {
        progress::CsvOptions co;
        co.separator = teacher_.comma ? ',' : ';';
        services_.download(stem + ".csv", "text/csv;charset=utf-8", progress::exportCsv(table.value(), cat, co));
    }
    ImGui::SameLine(0, 8);
#ifdef SANDYQ_HAVE_XLSX
    const std::string xlsx = tr_.tr("teacher.export_xlsx");
    if (button("teacher.export_xlsx", xlsx, ImVec2(bw(xlsx), btn_h), true)) {
        Result<std::string> bytes = progress::exportXlsx(table.value(), cat, "/tmp/sandyq-export.xlsx");
        if (bytes.ok()) {
            services_.download(stem + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.value());
        } else {
            showMessage(bytes.status().message_key, tr_.tr(bytes.status().message_key));
        }
    }
    ImGui::SameLine(0, 8);
#endif
    const std::string xapi = tr_.tr("teacher.export_xapi");
    if (button("teacher.export_xapi", xapi, ImVec2(bw(xapi), btn_h), false)) {
        services_.download(stem + "-xapi.json", "application/json", progress::exportXapi(store, opt));
    }
}

}  // namespace sandyq::ui
