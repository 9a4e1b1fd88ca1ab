// ui/app_ui_export_choice.cpp — what the diary export contains: which lessons (chips grouped by
// pack and grade, "all" / "none") and which days (all, or a range picked with big ‹ › buttons and
// presets: today, the last 7 days, this month). The preview table and the CSV / XLSX / xAPI files
// all follow this choice, because it fills the one progress::ExportOptions they are built from
// (the filtering itself is progress::selectLessons / setDateRange, tested in the core).
#include <algorithm>
#include <cfloat>
#include <ctime>
#include <map>

#include "ui/app_ui.h"
#include "ui/icons.h"

namespace sandyq::ui {

namespace {

float textW(ImFont* f, const std::string& s) { return f->CalcTextSizeA(f->FontSize * f->Scale, FLT_MAX, 0, s.c_str()).x; }

progress::CivilDate addMonths(progress::CivilDate d, int months) {
    int m = d.year * 12 + (d.month - 1) + months;
    d.year = m / 12;
    d.month = m % 12 + 1;
    while (d.day > 28 && !progress::isValidDate(d)) --d.day;
    return d;
}

}  // namespace

bool AppUi::applyExportChoice(float w, const progress::Class& c, progress::ExportOptions& opt) {
    const Palette& p = palette(settings_.high_contrast);
    ExportChoice& ch = tools_.choice;
    const float fs = fonts_.body->FontSize * fonts_.body->Scale;
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float btn_h = std::max(kMinTouchTarget, fs + ImGui::GetStyle().FramePadding.y * 2);
    const auto bw = [&](const std::string& s, bool icon) { return textW(fonts_.body, s) + pad * 2 + (icon ? fs * 1.15f + 10 : 0); };
    const float left = ImGui::GetCursorScreenPos().x;
    const auto chip = [&](const std::string& id, const std::string& label, bool selected, int icon = 0) {
        const float x = ImGui::GetCursorScreenPos().x;
        if (x > left + 1 && x + bw(label, icon != 0) > left + w) ImGui::NewLine();
        const bool r = button(id.c_str(), label, ImVec2(bw(label, icon != 0), btn_h), selected, icon);
        ImGui::SameLine(0, 8);
        return r;
    };
    const progress::CivilDate today = progress::dateOf(static_cast<int64_t>(std::time(nullptr)), opt.utc_offset_s);
    if (ch.class_id != c.id.value) {  // another class: everything again, days default to this month
        ch = ExportChoice{};
        ch.class_id = c.id.value;
        ch.from = progress::CivilDate{today.year, today.month, 1};
        ch.to = today;
    }

    // ---- lessons ----
    std::vector<progress::LessonInfo> all = lessonInfos(c.grade);
    if (all.empty()) all = lessonInfos(0);
    const std::vector<progress::LessonInfo> chosen = progress::selectLessons(all, ch.excluded);
    ch.chosen = chosen.size();
    ch.total = all.size();
    ch.offered.clear();
    for (const auto& l : all) ch.offered.push_back(progress::lessonKey(l));
    richText(tr_.tr("teacher.export_lessons", {{"n", static_cast<int64_t>(chosen.size())}, {"total", static_cast<int64_t>(all.size())}}), w,
             p.text_muted);
    registerItem("teacher.export_lessons");
    if (chip("teacher.lessons.choose", tr_.tr(ch.show_lessons ? "teacher.lessons_hide" : "teacher.lessons_choose"), ch.show_lessons)) {
        ch.show_lessons = !ch.show_lessons;
    }
    if (chip("teacher.lessons.all", tr_.tr("teacher.lessons_all"), false)) ch.excluded.clear();
    if (chip("teacher.lessons.none", tr_.tr("teacher.lessons_none"), false)) {
        for (const auto& l : all) ch.excluded.insert(progress::lessonKey(l));
    }
    if (ch.show_lessons) {
        // Pack titles and grades for the group headings.
        std::map<std::string, std::string> pack_title;
        if (course_) {
            for (size_t idx : course_->usableEntries()) {
                if (const course::Pack* pack = course_->pack(course_->entries()[idx].handle)) {
                    pack_title[pack->manifest.id] =
                        tr_.tr("teacher.lessons_pack", {{"grade", static_cast<int64_t>(pack->manifest.grade)}, {"title", pack->manifest.title.get(settings_.lang)}});
                }
            }
        }
        const text::Lang title_lang = settings_.lang == text::Lang::Ru ? text::Lang::Ru : text::Lang::Kk;
        std::string group;
        for (size_t i = 0; i < all.size(); ++i) {
            const progress::LessonInfo& l = all[i];
            if (i == 0 || l.pack_id != group) {
                group = l.pack_id;
                ImGui::NewLine();
                const auto it = pack_title.find(group);
                richText(it != pack_title.end() ? it->second : group, w, p.text);
            }
            const bool on = ch.excluded.count(progress::lessonKey(l)) == 0;
            if (chip("teacher.lesson." + std::to_string(i), l.title(title_lang), on, on ? kIconCheck : 0)) {
                if (on) ch.excluded.insert(progress::lessonKey(l));
                else ch.excluded.erase(progress::lessonKey(l));
            }
        }
    }

    // ---- days ----
    ImGui::NewLine();
    richText(tr_.tr("teacher.export_dates"), w, p.text_muted);
    if (chip("teacher.dates.all", tr_.tr("teacher.dates_all"), !ch.by_dates)) ch.by_dates = false;
    if (chip("teacher.dates.range", tr_.tr("teacher.dates_range"), ch.by_dates)) ch.by_dates = true;
    if (ch.by_dates) {
        ImGui::NewLine();
        if (chip("teacher.dates.today", tr_.tr("teacher.dates_today"), false)) ch.from = ch.to = today;
        if (chip("teacher.dates.week", tr_.tr("teacher.dates_week"), false)) {
            ch.from = progress::addDays(today, -6);
            ch.to = today;
        }
        if (chip("teacher.dates.month", tr_.tr("teacher.dates_month"), false)) {
            ch.from = progress::CivilDate{today.year, today.month, 1};
            ch.to = today;
        }
        // One row per end: « month ‹ day  DD.MM.YYYY  day › month »
        const auto dateRow = [&](const char* which, const char* label_key, progress::CivilDate& d) {
            ImGui::NewLine();
            const std::string label = tr_.tr(label_key);
            const float label_w = std::max(textW(fonts_.body, tr_.tr("teacher.date_from")), textW(fonts_.body, tr_.tr("teacher.date_to"))) + 12;
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddText(fonts_.body, fs, ImVec2(pos.x, pos.y + (btn_h - fs) * 0.5f), p.text, label.c_str());
            ImGui::Dummy(ImVec2(label_w, btn_h));
            ImGui::SameLine(0, 0);
            const std::string base = std::string("teacher.date.") + which;
            const float sq = std::max(btn_h, bw("«", false));
            if (button((base + ".prev_month").c_str(), "«", ImVec2(sq, btn_h))) d = addMonths(d, -1);
            ImGui::SameLine(0, 6);
            if (button((base + ".prev").c_str(), "‹", ImVec2(sq, btn_h))) d = progress::addDays(d, -1);
            ImGui::SameLine(0, 10);
            const std::string text = progress::dateText(d);
            const float tw = textW(fonts_.heading, "00.00.0000") + 16;
            const ImVec2 tp = ImGui::GetCursorScreenPos();
            const float hs = fonts_.heading->FontSize * fonts_.heading->Scale;
            ImGui::GetWindowDrawList()->AddText(fonts_.heading, hs, ImVec2(tp.x + (tw - textW(fonts_.heading, text)) * 0.5f, tp.y + (btn_h - hs) * 0.5f),
                                                p.text, text.c_str());
            ImGui::Dummy(ImVec2(tw, btn_h));
            widgets_.add(base, Rect{tp.x, tp.y, tw, btn_h});
            ImGui::SameLine(0, 10);
            if (button((base + ".next").c_str(), "›", ImVec2(sq, btn_h))) d = progress::addDays(d, 1);
            ImGui::SameLine(0, 6);
            if (button((base + ".next_month").c_str(), "»", ImVec2(sq, btn_h))) d = addMonths(d, 1);
        };
        dateRow("from", "teacher.date_from", ch.from);
        dateRow("to", "teacher.date_to", ch.to);
    }
    ImGui::NewLine();

    ch.message_key.clear();
    if (ch.by_dates) {
        const Status st = progress::setDateRange(opt, ch.from, ch.to);
        if (!st.ok()) ch.message_key = st.message_key;
    }
    if (chosen.empty()) ch.message_key = "progress.export.no_lessons";
    if (!ch.message_key.empty()) {
        richText(tr_.tr(ch.message_key), w, p.danger);
        registerItem("teacher.export_choice_error");
        return false;
    }
    opt.lessons = chosen;
    return true;
}

}  // namespace sandyq::ui
