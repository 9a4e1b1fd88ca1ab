// ui/app_ui_rollup.cpp — the teacher's class roll-up without a server (behind the teacher PIN):
//  - an entry section in the teacher area ("class table from several computers");
//  - its screen: load many backup files at once (<input multiple>), combined in memory by the
//    merge rules (progress::Rollup) without changing this computer's progress; broken files are
//    listed by name with their message; one table pupils × lessons (grouped by pack) with status
//    colour, points/max and stars, totals; sorted by clicking column titles (again = reverse);
//    scrolls both ways with the name column frozen (drag on touch screens); the whole table as a
//    PNG download (progress/table_png.h); optionally "save into this computer" (the restore path).
// Sections: state · entry section · screen (toolbar · files · table) · test API
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <ctime>
#include <fstream>
#include <sstream>

#define JSON_NOEXCEPTION 1
#include <nlohmann/json.hpp>

#include "progress/backup.h"
#include "progress/civil_time.h"
#include "progress/rollup.h"
#include "progress/table.h"
#include "progress/table_png.h"
#include "ui/app_ui.h"
#include "ui/icons.h"

#include <imgui_internal.h>  // ClearActiveID: a touch drag that scrolls must not press a header

namespace sandyq::ui {

// ---- state -----------------------------------------------------------------------------------------
struct RollupState {
    progress::Rollup data;
    uint32_t class_id = 0;  // in data.store()
    progress::ClassTable table;
    bool dirty = true;
    int sort_column = 0;  // ImGui column: 0 name, 1..M lessons, M+1 total
    bool descending = false;
    std::string message;
    bool message_ok = true;
    std::string font;  // the TTF for the PNG, read on first use
    int png_width = 0, png_height = 0;
    size_t png_bytes = 0;
    bool dragging = false;
    ImVec2 drag_scroll{0, 0};
};

namespace {

float textW(ImFont* f, const std::string& s) { return f->CalcTextSizeA(f->FontSize * f->Scale, FLT_MAX, 0, s.c_str()).x; }
int64_t nowSeconds() { return static_cast<int64_t>(std::time(nullptr)); }

ImU32 mix(ImU32 a, ImU32 b, float t) {
    const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t, 1));
}

// `text` cut to `max_w` px at a whole UTF-8 character, ending in "…" (unchanged if it fits).
std::string ellipsize(ImFont* f, std::string text, float max_w) {
    if (textW(f, text) <= max_w) return text;
    while (!text.empty() && textW(f, text + "…") > max_w) {
        // Drop one whole UTF-8 character: its continuation bytes, then its lead byte.
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
        if (!text.empty()) text.pop_back();
    }
    return text + "…";
}

// `text` in at most two lines of `max_w` px (the second ends in "…" if cut).
std::string twoLines(ImFont* f, const std::string& text, float max_w) {
    std::string first, rest;
    size_t i = 0;
    while (i < text.size()) {
        size_t sp = text.find(' ', i);
        if (sp == std::string::npos) sp = text.size();
        const std::string word = text.substr(i, sp - i);
        const std::string joined = first.empty() ? word : first + " " + word;
        if (!first.empty() && textW(f, joined) > max_w) {
            rest = text.substr(i);
            break;
        }
        first = joined;
        i = sp + 1;
    }
    if (rest.empty()) return first;
    return first + "\n" + ellipsize(f, rest, max_w);
}

}  // namespace

// ---- entry section in the teacher area ----------------------------------------------------------------
void AppUi::drawRollupEntry(float w) {
    const Palette& p = palette(settings_.high_contrast);
    const float fs = fonts_.body->FontSize * fonts_.body->Scale;
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float btn_h = std::max(kMinTouchTarget, fs + ImGui::GetStyle().FramePadding.y * 2);
    ImGui::Dummy(ImVec2(w, 14));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + 6, pos.y + fonts_.heading->FontSize * fonts_.heading->Scale), p.accent, 3);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 16, pos.y));
    richText(tr_.tr("rollup.section"), w - 16, p.text, fonts_.heading);
    richText(tr_.tr("rollup.section_hint"), w, p.text_muted);
    const std::string open = tr_.tr("rollup.open");
    if (button("rollup.open", open, ImVec2(textW(fonts_.body, open) + pad * 2 + fs * 1.15f + 10, btn_h), false, kIconPupils)) {
        if (!rollup_) rollup_ = std::make_shared<RollupState>();
        screen_ = Screen::Rollup;
    }
}

// ---- the roll-up screen -----------------------------------------------------------------------------
void AppUi::drawRollup(const FrameContext& ctx) {
    if (!teacher_.unlocked || !db_) {  // only through the teacher area
        screen_ = Screen::Teacher;
        return;
    }
    if (!rollup_) rollup_ = std::make_shared<RollupState>();
    RollupState& st = *rollup_;
    const Palette& p = palette(settings_.high_contrast);
    const float margin = 16.0f;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    const float w = ws.x - margin * 2;
    const float bottom = wp.y + ws.y - 44.0f - margin;
    const float fs = fonts_.body->FontSize * fonts_.body->Scale;
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float btn_h = std::max(kMinTouchTarget, fs + ImGui::GetStyle().FramePadding.y * 2);
    const auto bw = [&](const std::string& label, bool icon) { return textW(fonts_.body, label) + pad * 2 + (icon ? fs * 1.15f + 10 : 0); };
    const progress::ProgressStore& store = st.data.store();
    const text::Lang lang = tr_.language() == text::Lang::Ru ? text::Lang::Ru : text::Lang::Kk;

    // Back and title.
    ImGui::SetCursorScreenPos(ImVec2(start.x + margin, start.y + margin * 0.75f));
    const std::string back = tr_.tr("rollup.back");
    if (button("rollup.back", back, ImVec2(bw(back, true), btn_h), false, kIconBack)) {
        screen_ = Screen::Teacher;
        return;
    }
    ImGui::SameLine(0, 16);
    {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float hs = fonts_.heading->FontSize * fonts_.heading->Scale;
        ImGui::GetWindowDrawList()->AddText(fonts_.heading, hs, ImVec2(pos.x, pos.y + (btn_h - hs) * 0.5f), p.text, tr_.tr("rollup.title").c_str());
        ImGui::Dummy(ImVec2(1, btn_h));
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x + margin, ImGui::GetCursorScreenPos().y + 6));
    ImGui::PushFont(fonts_.body);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12, std::max(8.0f, (kMinTouchTarget - fs) * 0.5f)));

    // ---- toolbar: load files, add this computer, PNG, save here, start again ----
    float x = 0;
    const auto tool = [&](const char* id, const std::string& label, bool primary, int icon, bool enabled) {
        const float bwid = bw(label, icon != 0);
        if (x > 0 && x + 8 + bwid > w) {
            x = 0;
        } else if (x > 0) {
            ImGui::SameLine(0, 8);
            x += 8;
        }
        if (x == 0) ImGui::SetCursorScreenPos(ImVec2(start.x + margin, ImGui::GetCursorScreenPos().y));
        x += bwid;
        ImGui::BeginDisabled(!enabled);
        const bool pressed = button(id, label, ImVec2(bwid, btn_h), primary, icon) && enabled;
        ImGui::EndDisabled();
        return pressed;
    };
    if (tool("rollup.load", tr_.tr("rollup.load"), true, kIconFolder, true)) {
        services_.pickFiles(".json", [this](std::vector<platform::PickedFile> files) {
            if (!rollup_) return;
            std::vector<progress::FileInput> in;
            for (auto& f : files) in.push_back(progress::FileInput{std::move(f.name), std::move(f.bytes), f.too_big});
            rollup_->data.addFiles(in);
            rollup_->dirty = true;
            rollup_->message = tr_.tr("rollup.files_summary", {{"good", static_cast<int64_t>(rollup_->data.goodFiles())},
                                                                {"bad", static_cast<int64_t>(rollup_->data.badFiles())}});
            rollup_->message_ok = rollup_->data.badFiles() == 0;
            showMessage("rollup.files_summary", rollup_->message);
        });
    }
    if (tool("rollup.add_local", tr_.tr("rollup.add_local"), false, kIconPupils, !db_->data().pupils().empty())) {
        std::vector<progress::PupilId> all;
        for (const progress::Pupil& pu : db_->data().pupils()) all.push_back(pu.id);
        st.data.addFiles({progress::FileInput{tr_.tr("rollup.this_computer"), progress::writeBackup(db_->data(), all, nowSeconds())}});
        st.dirty = true;
    }
    const progress::Class* cls = store.findClass(progress::ClassId{st.class_id});
    if (tool("rollup.png", tr_.tr("rollup.png"), false, kIconFolder, cls != nullptr && !st.table.rows.empty())) {
        if (st.font.empty()) {
            std::ifstream f(font_dir_ + "/sandyq-sans.ttf", std::ios::binary);
            std::stringstream ss;
            ss << f.rdbuf();
            st.font = ss.str();
        }
        const int64_t now = nowSeconds();
        const progress::detail::CivilTime day = progress::detail::civilFromUnix(now + 5 * 3600);  // Kazakhstan time
        char date[32];
        std::snprintf(date, sizeof date, "%02d.%02d.%04d", day.day, day.month, day.year);
        progress::TablePngOptions o;
        o.lang = lang;
        o.title = tr_.tr("rollup.png.title", {{"class", cls->name},
                                              {"year", std::to_string(cls->school_year) + "–" + std::to_string(cls->school_year + 1)}});
        o.subtitle = tr_.tr("rollup.png.subtitle", {{"date", std::string(date)}, {"pupils", static_cast<int64_t>(st.table.rows.size())},
                                                    {"lessons", static_cast<int64_t>(st.table.lessons.size())}});
        if (course_) {
            for (size_t idx : course_->usableEntries()) {
                if (const course::Pack* pack = course_->pack(course_->entries()[idx].handle)) {
                    o.pack_titles.emplace_back(pack->manifest.id, pack->manifest.title.get(lang));
                }
            }
        }
        Result<std::string> png = progress::classTablePng(st.table, st.font, tr_.catalogue(tr_.language()), o);
        if (png.ok()) {
            const progress::PngSize size = progress::classTablePngSize(st.table, o.geometry);
            st.png_width = size.width;
            st.png_height = size.height;
            st.png_bytes = png.value().size();
            std::string name = progress::backupFileName(store, cls->id, progress::PupilId{}, now);
            if (name.size() > 5) name = name.substr(0, name.size() - 5);
            name += ".png";
            services_.download(name, "image/png", png.value());
            st.message = tr_.tr("rollup.png_done", {{"name", name}});
            st.message_ok = true;
            showMessage("rollup.png_done", st.message);
        } else {
            st.message = tr_.tr(png.status().message_key);
            st.message_ok = false;
            showMessage(png.status().message_key, st.message);
        }
    }
    if (tool("rollup.save", tr_.tr("rollup.save"), false, kIconCheck, st.data.goodFiles() > 0)) {
        // The ordinary restore path: every good file merged into this computer's store.
        const progress::MultiMergeReport r = progress::mergeBackupFiles(db_->data(), st.data.accepted());
        saveProgress();
        if (pupil_.value != 0) choosePupil(pupil_);
        st.message = tr_.tr("rollup.saved", {{"pupils", static_cast<int64_t>(r.total.pupils_added + r.total.pupils_updated)},
                                             {"records", static_cast<int64_t>(r.total.records_changed)}});
        st.message_ok = r.rejected.empty();
        showMessage("rollup.saved", st.message);
    }
    if (tool("rollup.clear", tr_.tr("rollup.clear"), false, 0, !st.data.files().empty())) {
        st.data.clear();
        st.dirty = true;
        st.message.clear();
        st.class_id = 0;
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x + margin, ImGui::GetCursorScreenPos().y + 4));
    ImGui::Indent(margin);  // the root window has no padding: keep every row below at the margin

    // ---- files: every file with its verdict (broken ones in red with the reason) ----
    if (st.data.files().empty()) richText(tr_.tr("rollup.empty"), w, p.text_muted);
    if (!st.data.files().empty()) {
        // Long reasons wrap inside the list; it shows about four lines and scrolls beyond.
        const float line = ImGui::GetTextLineHeightWithSpacing();
        const float wrap_w = w - ImGui::GetStyle().ScrollbarSize - 8;
        std::vector<std::string> lines;
        float total_h = 8;
        for (const progress::RollupFile& f : st.data.files()) {
            const std::string text = f.status.ok()
                                         ? tr_.tr("rollup.file_ok", {{"name", f.name}, {"pupils", static_cast<int64_t>(f.pupils)}})
                                         : tr_.tr("rollup.file_bad", {{"name", f.name},
                                                                      {"message", tr_.tr(f.status.message_key, {{"where", f.status.where}})}});
            lines.push_back((f.status.ok() ? "✓ " : "✗ ") + text);
            total_h += ImGui::CalcTextSize(lines.back().c_str(), nullptr, false, wrap_w).y + ImGui::GetStyle().ItemSpacing.y;
        }
        const float list_h = std::min(total_h, line * 4.2f + 8);
        ImGui::BeginChild("##rollup_files", ImVec2(w, list_h), false);
        ImGui::PushTextWrapPos(wrap_w);
        for (size_t i = 0; i < st.data.files().size(); ++i) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(st.data.files()[i].status.ok() ? p.ok : p.danger));
            ImGui::TextUnformatted(lines[i].c_str());
            ImGui::PopStyleColor();
            registerItem(("rollup.file." + std::to_string(i)).c_str());
        }
        ImGui::PopTextWrapPos();
        dragScroll(ctx);
        ImGui::EndChild();
    }
    // The files' summary is the list itself; other messages (PNG, saved) show here.
    if (!st.message.empty() && last_message_key_ != "rollup.files_summary") richText(st.message, w, st.message_ok ? p.ok : p.danger);

    // ---- class chips (files may hold several classes) ----
    const auto& classes = store.classes();
    if (std::none_of(classes.begin(), classes.end(), [&](const progress::Class& c) { return c.id.value == st.class_id; })) {
        st.class_id = classes.empty() ? 0 : classes.front().id.value;
        st.dirty = true;
    }
    if (classes.size() > 1) {
        float cx = 0;
        for (const progress::Class& c : classes) {
            const float cw = bw(c.name, false);
            if (cx > 0 && cx + 8 + cw <= w) {
                ImGui::SameLine(0, 8);
                cx += 8;
            } else {
                cx = 0;
            }
            const std::string id = "rollup.class." + std::to_string(c.id.value);
            if (button(id.c_str(), c.name, ImVec2(cw, btn_h), c.id.value == st.class_id)) {
                st.class_id = c.id.value;
                st.dirty = true;
            }
            cx += cw;
        }
    } else if (!st.data.files().empty() && classes.empty()) {
        richText(tr_.tr("rollup.no_class"), w, p.text_muted);
    }
    cls = store.findClass(progress::ClassId{st.class_id});
    if (st.dirty) {
        st.table = cls ? progress::buildClassTable(store, cls->id, [&] {
            auto l = lessonInfos(cls->grade);
            return l.empty() ? lessonInfos(0) : l;
        }())
                       : progress::ClassTable{};
        st.dirty = false;
        const size_t m = st.table.lessons.size();
        const int col = st.sort_column;
        if (col == 0) progress::sortClassTable(st.table, progress::SortBy::Name, 0, st.descending);
        else if (col >= 1 && static_cast<size_t>(col) <= m) progress::sortClassTable(st.table, progress::SortBy::LessonPoints, static_cast<size_t>(col - 1), st.descending);
        else progress::sortClassTable(st.table, progress::SortBy::TotalPoints, 0, st.descending);
    }
    if (cls == nullptr || st.table.rows.empty()) {
        ImGui::Unindent(margin);
        ImGui::PopStyleVar();
        ImGui::PopFont();
        return;
    }
    ImGui::PushFont(fonts_.body);
    richText(tr_.tr("rollup.sort_hint"), w, p.text_muted);
    ImGui::PopFont();

    // ---- the table ----
    const progress::ClassTable& t = st.table;
    const size_t m = t.lessons.size();
    float name_w = textW(fonts_.body, tr_.tr("rollup.col.pupil")) + 40;
    for (const auto& r : t.rows) name_w = std::max(name_w, textW(fonts_.body, r.name) + 24);
    name_w = std::min(name_w, 260.0f);
    const float cell_w = std::max(textW(fonts_.body, "✓ 10/10 ★15") + 24, 120.0f);
    const float total_w = std::max(textW(fonts_.body, "100/100 ★99") + 24, textW(fonts_.body, tr_.tr("rollup.col.total")) + 40);
    const ImVec2 table_pos = ImGui::GetCursorScreenPos();
    const float table_h = std::max(120.0f, bottom - table_pos.y);
    const ImU32 passed_bg = mix(p.surface, p.ok, settings_.high_contrast ? 0.45f : 0.22f);
    const ImU32 tried_bg = mix(p.surface, p.warning, settings_.high_contrast ? 0.45f : 0.22f);
    // Titles: a pale band on the light theme; dark grey under white text in high contrast.
    ImGui::PushStyleColor(ImGuiCol_TableHeaderBg,
                          ImGui::ColorConvertU32ToFloat4(settings_.high_contrast ? IM_COL32(48, 48, 48, 255) : p.surface_border));
    ImGui::PushStyleColor(ImGuiCol_TableBorderStrong, ImGui::ColorConvertU32ToFloat4(p.text_muted));
    ImGui::PushStyleColor(ImGuiCol_TableBorderLight, ImGui::ColorConvertU32ToFloat4(p.surface_border));
    ImGui::PushStyleColor(ImGuiCol_TableRowBg, ImGui::ColorConvertU32ToFloat4(p.surface));
    ImGui::PushStyleColor(ImGuiCol_TableRowBgAlt, ImGui::ColorConvertU32ToFloat4(mix(p.surface, p.surface_border, 0.35f)));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.text));
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(8, 6));
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Sortable;
    if (ImGui::BeginTable("##rollup_table", static_cast<int>(m) + 2, flags, ImVec2(w, table_h))) {
        widgets_.add("rollup.table", Rect{table_pos.x, table_pos.y, w, table_h});
        ImGui::TableSetupScrollFreeze(1, 2);
        ImGui::TableSetupColumn(tr_.tr("rollup.col.pupil").c_str(), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort, name_w);
        std::vector<std::string> heads;
        for (size_t i = 0; i < m; ++i) {
            heads.push_back(twoLines(fonts_.body, std::to_string(i + 1) + ". " + t.lessons[i].title(lang), cell_w - 16 - fs) + "##l" + std::to_string(i));
            ImGui::TableSetupColumn(heads.back().c_str(), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending, cell_w);
        }
        ImGui::TableSetupColumn(tr_.tr("rollup.col.total").c_str(), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending,
                                total_w);
        // Clicking a title sorts; clicking it again reverses (ImGui draws the arrow).
        if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
            if (specs->SpecsCount > 0) {
                st.sort_column = specs->Specs[0].ColumnIndex;
                st.descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
                progress::ClassTable& mt = st.table;
                const int col = st.sort_column;
                if (col == 0) progress::sortClassTable(mt, progress::SortBy::Name, 0, st.descending);
                else if (col >= 1 && static_cast<size_t>(col) <= m) progress::sortClassTable(mt, progress::SortBy::LessonPoints, static_cast<size_t>(col - 1), st.descending);
                else progress::sortClassTable(mt, progress::SortBy::TotalPoints, 0, st.descending);
            }
            specs->SpecsDirty = false;
        }
        // Row 1: pack bands (the pack's title over its lessons).
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        ImGui::TableSetColumnIndex(0);
        const float frozen_right = ImGui::GetCursorScreenPos().x + name_w + 8;
        for (size_t i = 0; i < m;) {
            size_t j = i;
            while (j < m && t.lessons[j].pack_id == t.lessons[i].pack_id) ++j;
            std::string title = t.lessons[i].pack_id;
            if (course_) {
                for (size_t idx : course_->usableEntries()) {
                    const course::Pack* pack = course_->pack(course_->entries()[idx].handle);
                    if (pack && pack->manifest.id == title) {
                        title = pack->manifest.title.get(lang);
                        break;
                    }
                }
            }
            for (size_t k = i; k < j; ++k) {
                ImGui::TableSetColumnIndex(static_cast<int>(k) + 1);
                ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, mix(p.surface, p.primary, 0.14f));
            }
            ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float band_w = static_cast<float>(j - i) * (cell_w + 16) - 16;
            // One band per pack: its colour covers the column lines inside it (they are drawn
            // under the cells), a line stays between two packs; a long title ends with "…".
            // Drawn within the table's visible area only; the title stays readable at the left
            // while its pack scrolls under the frozen names.
            const float visible_right = ImGui::GetCurrentTable()->InnerClipRect.Max.x;
            const ImVec2 band_min(std::max(pos.x - 8, frozen_right), pos.y - 6);
            const ImVec2 band_max(std::min(pos.x + band_w + 7, visible_right), pos.y + fs + 6);
            if (band_max.x > band_min.x) {
                dl->PushClipRect(band_min, band_max, false);
                dl->AddRectFilled(band_min, band_max, ImGui::GetColorU32(mix(p.surface, p.primary, 0.14f)));
                const float text_x = std::max(pos.x, frozen_right + 8);
                const float room = pos.x + band_w - text_x;
                if (room > fs) dl->AddText(fonts_.body, fs, ImVec2(text_x, pos.y), p.text, ellipsize(fonts_.body, title, room).c_str());
                dl->PopClipRect();
            }
            ImGui::Dummy(ImVec2(1, fs));
            i = j;
        }
        // Row 2: the sortable titles.
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (int c = 0; c < static_cast<int>(m) + 2; ++c) {
            if (!ImGui::TableSetColumnIndex(c)) continue;
            ImGui::TableHeader(ImGui::TableGetColumnName(c));
            const std::string id = c == 0 ? "rollup.col.name" : c == static_cast<int>(m) + 1 ? "rollup.col.total" : "rollup.col." + std::to_string(c - 1);
            registerItem(id.c_str());
        }
        // Pupils.
        for (const progress::ClassTableRow& r : t.rows) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(r.name.c_str());
            for (size_t i = 0; i < r.cells.size() && i < m; ++i) {
                const progress::LessonResult& c = r.cells[i];
                if (!ImGui::TableSetColumnIndex(static_cast<int>(i) + 1)) continue;
                if (c.status == progress::StepStatus::None) {
                    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.text_muted));
                    ImGui::TextUnformatted("–");
                    ImGui::PopStyleColor();
                    continue;
                }
                ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, c.status == progress::StepStatus::Passed ? passed_bg : tried_bg);
                const std::string text = std::string(c.status == progress::StepStatus::Passed ? "✓ " : "… ") + std::to_string(c.points) + "/" +
                                         std::to_string(c.max_points) + (c.stars > 0 ? "  ★" + std::to_string(c.stars) : "");
                ImGui::TextUnformatted(text.c_str());
            }
            ImGui::TableSetColumnIndex(static_cast<int>(m) + 1);
            const std::string total = std::to_string(r.total_points) + "/" + std::to_string(r.total_max) + "  ★" + std::to_string(r.total_stars);
            ImGui::TextUnformatted(total.c_str());
        }
        // Touch: the table follows the finger both ways (a drag never presses a header).
        if (ctx.touch && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            const ImVec2 d = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f);
            if (st.dragging || std::fabs(d.x) >= 8 || std::fabs(d.y) >= 8) {
                if (!st.dragging) {
                    st.dragging = true;
                    st.drag_scroll = ImVec2(ImGui::GetScrollX(), ImGui::GetScrollY());
                }
                ImGui::SetScrollX(st.drag_scroll.x - d.x);
                ImGui::SetScrollY(st.drag_scroll.y - d.y);
                dragging_ = true;
                drag_claimed_ = true;
                if (ImGui::IsAnyItemActive()) ImGui::ClearActiveID();
            }
        } else if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            st.dragging = false;
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(6);
    ImGui::Unindent(margin);
    ImGui::PopStyleVar();
    ImGui::PopFont();
}

// ---- test API ---------------------------------------------------------------------------------------
std::string AppUi::rollupStateJson() const {
    if (!rollup_) return {};
    const RollupState& st = *rollup_;
    nlohmann::json files = nlohmann::json::array();
    for (const progress::RollupFile& f : st.data.files()) {
        files.push_back({{"name", f.name}, {"ok", f.status.ok()}, {"key", f.status.message_key}, {"pupils", f.pupils}});
    }
    nlohmann::json classes = nlohmann::json::array();
    for (const progress::Class& c : st.data.store().classes()) classes.push_back(c.name);
    nlohmann::json lessons = nlohmann::json::array();
    for (const auto& l : st.table.lessons) lessons.push_back(l.pack_id + "/" + l.lesson_id);
    nlohmann::json rows = nlohmann::json::array();
    const char* status[] = {"none", "tried", "passed"};
    for (const auto& r : st.table.rows) {
        nlohmann::json cells = nlohmann::json::array();
        for (const auto& c : r.cells) {
            cells.push_back({{"status", status[std::min<int>(static_cast<int>(c.status), 2)]}, {"points", c.points}, {"max", c.max_points}, {"stars", c.stars}});
        }
        rows.push_back({{"name", r.name}, {"cells", cells}, {"total", r.total_points}, {"totalMax", r.total_max}, {"stars", r.total_stars}});
    }
    const progress::Class* c = st.data.store().findClass(progress::ClassId{st.class_id});
    nlohmann::json j = {{"files", files}, {"classes", classes}, {"class", c ? c->name : ""}, {"lessons", lessons}, {"rows", rows},
                        {"sort", {{"column", st.sort_column}, {"descending", st.descending}}},
                        {"png", {{"width", st.png_width}, {"height", st.png_height}, {"bytes", st.png_bytes}}}};
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace sandyq::ui
