// sandyq-progress — check, merge, tabulate and export Sandyq backup files (see tools/progress.cmake).
// Messages in kk/ru/en from the catalogues (--lang, default kk). Exit codes: 0 ok, 1 some file was
// rejected or a write failed, 2 bad usage.
#include <dirent.h>

#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#define JSON_NOEXCEPTION 1
#include <nlohmann/json.hpp>

#include "core/i18n.h"
#include "cli_common.h"
#include "progress/backup.h"
#include "progress/export.h"
#include "progress/table.h"
#include "progress/table_png.h"
#ifdef SANDYQ_HAVE_XLSX
#include "progress/xlsx_export.h"
#endif

using namespace sandyq;
using namespace sandyq::progress;

namespace {


bool writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream f(path, std::ios::binary);
    f << bytes;
    return static_cast<bool>(f);
}


int64_t parseDate(const std::string& s, bool end_of_day) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(s.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return -1;
    struct tm tm {};
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    const int64_t utc = static_cast<int64_t>(timegm(&tm));
    return utc - 5 * 3600 + (end_of_day ? 86399 : 0);  // days in Kazakhstan time (UTC+5)
}

// Lessons file: [{"pack","lesson","title":{"kk","ru"},"objective","max_points","steps"}].
bool loadLessons(const std::string& path, std::vector<LessonInfo>& out) {
    std::string text;
    if (!cli::readFile(path, text)) return false;
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_array()) return false;
    for (const auto& e : j) {
        if (!e.is_object()) return false;
        LessonInfo l;
        l.pack_id = e.value("pack", "");
        l.lesson_id = e.value("lesson", "");
        if (const auto t = e.find("title"); t != e.end() && t->is_object()) {
            l.title_kk = t->value("kk", "");
            l.title_ru = t->value("ru", "");
        }
        l.objective_code = e.value("objective", "");
        l.max_points = e.value("max_points", 0);
        l.step_count = e.value("steps", 0);
        if (l.pack_id.empty() || l.lesson_id.empty()) return false;
        out.push_back(std::move(l));
    }
    return true;
}

int usage() {
    std::fprintf(stderr,
                 "usage: sandyq-progress check FILE...\n"
                 "       sandyq-progress merge -o OUT.json FILE...\n"
                 "       sandyq-progress table --lessons L.json [--class NAME] [--year Y] [--lang kk|ru]\n"
                 "           [--png OUT.png [--font F.ttf]] FILE...\n"
                 "       sandyq-progress export --lessons L.json --class NAME [--year Y] [--lang kk|ru]\n"
                 "           [--kind formative|summative] [--scale 5|10|percent] [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
                 "           [--sep ';'|','] [--section TITLE] (--csv OUT | --xlsx OUT | --xapi OUT) FILE...\n");
    return 2;
}

const char* statusText(StepStatus s) { return s == StepStatus::Passed ? "✓" : s == StepStatus::Tried ? "…" : "·"; }

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    const std::string cmd = argv[1];
    std::string out_path, lessons_path, class_name, csv_path, xlsx_path, xapi_path, section, png_path;
    std::string font_path = SANDYQ_FONT_FILE;
    int year = 0;
    text::Lang lang = text::Lang::Kk;
    ExportOptions opt;
    CsvOptions csv;
    std::vector<std::string> files;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has = i + 1 < argc;
        if (a == "-o" && has) out_path = argv[++i];
        else if (a == "--lessons" && has) lessons_path = argv[++i];
        else if (a == "--class" && has) class_name = argv[++i];
        else if (a == "--year" && has) year = std::atoi(argv[++i]);
        else if (a == "--lang" && has) lang = text::langFromCode(argv[++i]);
        else if (a == "--csv" && has) csv_path = argv[++i];
        else if (a == "--xlsx" && has) xlsx_path = argv[++i];
        else if (a == "--xapi" && has) xapi_path = argv[++i];
        else if (a == "--png" && has) png_path = argv[++i];
        else if (a == "--font" && has) font_path = argv[++i];
        else if (a == "--section" && has) opt.section_title = argv[++i];
        else if (a == "--sep" && has) csv.separator = argv[++i][0];
        else if (a == "--kind" && has) {
            const std::string k = argv[++i];
            opt.kind = k == "summative" ? AssessmentKind::SectionSummative : AssessmentKind::Formative;
        } else if (a == "--scale" && has) {
            const std::string s = argv[++i];
            opt.scale = s == "10" ? MarkScale::Points10 : s == "percent" ? MarkScale::Percent : MarkScale::FivePoint;
        } else if (a == "--from" && has) opt.from = parseDate(argv[++i], false);
        else if (a == "--to" && has) opt.to = parseDate(argv[++i], true);
        else if (!a.empty() && a[0] == '-') return usage();
        else files.push_back(a);
    }
    if (lang == text::Lang::None || opt.from < 0 || opt.to < 0) return usage();
    text::Translator tr;
    cli::loadCatalogues(tr, SANDYQ_I18N_DIR, "sandyq-progress");
    tr.setLanguage(lang);

    // Every command reads its files into one scratch store by the merge rules.
    std::vector<FileInput> inputs;
    int rc = 0;
    for (const std::string& f : files) {
        FileInput in;
        in.name = f;
        if (!cli::readFile(f, in.bytes)) {
            std::fprintf(stderr, "%s: %s\n", f.c_str(), tr.tr("err.storage.not_found", {{"where", f}}).c_str());
            rc = 1;
            continue;
        }
        inputs.push_back(std::move(in));
    }
    ProgressStore store;
    const MultiMergeReport rep = mergeBackupFiles(store, inputs);
    for (const Status& st : rep.rejected) {
        std::fprintf(stderr, "%s: %s\n", st.where.c_str(), tr.tr(st.message_key, {{"where", st.detail}}).c_str());
        rc = 1;
    }

    if (cmd == "check") {
        std::printf("%d/%zu ok, %zu pupils\n", rep.files_merged, files.size(), store.pupils().size());
        return rc;
    }
    if (cmd == "merge") {
        if (out_path.empty()) return usage();
        std::vector<PupilId> all;
        for (const Pupil& p : store.pupils()) all.push_back(p.id);
        if (!writeFile(out_path, writeBackup(store, all, static_cast<int64_t>(std::time(nullptr))))) {
            std::fprintf(stderr, "%s: %s\n", out_path.c_str(), tr.tr("err.storage.io", {{"where", out_path}}).c_str());
            return 1;
        }
        std::printf("%d files → %s: %zu classes, %zu pupils\n", rep.files_merged, out_path.c_str(), store.classes().size(),
                    store.pupils().size());
        return rc;
    }
    std::vector<LessonInfo> lessons;
    if (lessons_path.empty() || !loadLessons(lessons_path, lessons)) {
        std::fprintf(stderr, "sandyq-progress: --lessons: a JSON list of lessons is needed\n");
        return 2;
    }
    const Class* cls = nullptr;
    for (const Class& c : store.classes()) {
        if ((class_name.empty() || nameKey(c.name) == nameKey(class_name)) && (year == 0 || c.school_year == year)) {
            if (cls) {
                std::fprintf(stderr, "sandyq-progress: several classes match; give --class and --year\n");
                return 2;
            }
            cls = &c;
        }
    }
    if (!cls) {
        std::fprintf(stderr, "sandyq-progress: %s\n", tr.tr("progress.err.no_such_class").c_str());
        return 1;
    }
    if (cmd == "table") {
        const ClassTable t = buildClassTable(store, cls->id, lessons);
        std::printf("%s", t.class_name.c_str());
        for (const LessonInfo& l : lessons) std::printf("\t%s", l.title(lang).c_str());
        std::printf("\tΣ\n");
        for (const ClassTableRow& r : t.rows) {
            std::printf("%s", r.name.c_str());
            for (const LessonResult& c : r.cells) std::printf("\t%s %d/%d ★%d", statusText(c.status), c.points, c.max_points, c.stars);
            std::printf("\t%d/%d ★%d\n", r.total_points, r.total_max, r.total_stars);
        }
        if (!png_path.empty()) {
            // The same picture as the app's "download as PNG" (progress/table_png.h).
            std::string font;
            if (!cli::readFile(font_path, font)) {
                std::fprintf(stderr, "%s: %s\n", font_path.c_str(), tr.tr("err.storage.not_found", {{"where", font_path}}).c_str());
                return 1;
            }
            const text::Catalogue& cat = tr.catalogue(lang);
            TablePngOptions po;
            po.lang = lang;
            po.title = tr.tr("rollup.png.title", {{"class", cls->name},
                                                  {"year", std::to_string(cls->school_year) + "–" + std::to_string(cls->school_year + 1)}});
            const int64_t now = static_cast<int64_t>(std::time(nullptr)) + 5 * 3600;  // Kazakhstan time
            struct tm day {};
            const time_t tt = static_cast<time_t>(now);
            gmtime_r(&tt, &day);
            char date[32];
            std::snprintf(date, sizeof date, "%02d.%02d.%04d", day.tm_mday, day.tm_mon + 1, day.tm_year + 1900);
            po.subtitle = tr.tr("rollup.png.subtitle", {{"date", std::string(date)}, {"pupils", static_cast<int64_t>(t.rows.size())},
                                                        {"lessons", static_cast<int64_t>(t.lessons.size())}});
            Result<std::string> png = classTablePng(t, font, cat, po);
            if (!png.ok()) {
                std::fprintf(stderr, "%s: %s\n", png_path.c_str(), tr.tr(png.status().message_key).c_str());
                return 1;
            }
            if (!writeFile(png_path, png.value())) {
                std::fprintf(stderr, "%s: %s\n", png_path.c_str(), tr.tr("err.storage.io", {{"where", png_path}}).c_str());
                return 1;
            }
            const PngSize size = classTablePngSize(t, po.geometry);
            std::fprintf(stderr, "%s: %d×%d\n", png_path.c_str(), size.width, size.height);
        }
        return rc;
    }
    if (cmd != "export" || (csv_path.empty() && xlsx_path.empty() && xapi_path.empty())) return usage();
    opt.class_id = cls->id;
    opt.lessons = lessons;
    opt.lang = lang;
    Result<ExportTable> table = buildExport(store, opt);
    if (!table.ok()) {
        std::fprintf(stderr, "sandyq-progress: %s\n", tr.tr(table.status().message_key).c_str());
        return 1;
    }
    const text::Catalogue& cat = tr.catalogue(lang);
    if (!csv_path.empty() && !writeFile(csv_path, exportCsv(table.value(), cat, csv))) rc = 1;
    if (!xapi_path.empty() && !writeFile(xapi_path, exportXapi(store, opt))) rc = 1;
    if (!xlsx_path.empty()) {
#ifdef SANDYQ_HAVE_XLSX
        const Status st = writeXlsx(table.value(), cat, xlsx_path);
        if (!st.ok()) {
            std::fprintf(stderr, "%s: %s\n", xlsx_path.c_str(), tr.tr(st.message_key, {{"where", st.where}}).c_str());
            rc = 1;
        }
#else
        std::fprintf(stderr, "sandyq-progress: built without libxlsxwriter: no XLSX\n");
        rc = 1;
#endif
    }
    if (rc == 0) std::printf("%zu rows\n", table.value().rows.size());
    return rc;
}
