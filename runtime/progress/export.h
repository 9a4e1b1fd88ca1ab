// progress/export.h — marks for the school diary (Kundelik, BilimClass, Mektep): a preview table
// model, CSV and xAPI statements. XLSX is in progress/xlsx_export.h (a separate target).
// Depends on: core/i18n (catalogue for column headers and completion words), progress/table.
// Pure: no I/O, no clock (dates come from the records; the time zone offset is an option).
// Privacy: only the chosen class is exported; pupils appear by their display name/nickname.
//
// Official 5-point table (criteria-based assessment): 0–39 % → 2, 40–64 % → 3, 65–84 % → 4,
// 85–100 % → 5. The percent is rounded half up to a whole number first (39.5 % → 40 % → 3).
// Grade 1 is never marked: rows say only "completed" / "not completed" (no points, no mark).
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "progress/table.h"

namespace sandyq::progress {

enum class AssessmentKind : uint8_t { None = 0, Formative, SectionSummative };
enum class MarkScale : uint8_t { None = 0, Points10, Percent, FivePoint };

int percentOf(int32_t points, int32_t max_points);  // 0..100, half up; 0 when max_points <= 0
int tenPointOf(int32_t points, int32_t max_points);  // 0..10, half up
int markFromPercent(int percent);                    // 2..5 by the official table (clamped to 0..100)

struct ExportOptions {
    ClassId class_id;
    std::vector<LessonInfo> lessons;  // the chosen lessons, in order
    int64_t from = 0;                 // date range on a lesson's last attempt, Unix s inclusive;
    int64_t to = 0;                   //   0 = open. With a range, lessons not touched in it are left out.
    AssessmentKind kind = AssessmentKind::Formative;  // SectionSummative: one row per pupil
    MarkScale scale = MarkScale::FivePoint;
    text::Lang lang = text::Lang::Kk;   // lesson titles and headers
    int32_t utc_offset_s = 5 * 3600;    // dates in Kazakhstan time (UTC+5)
    std::string section_title;          // SectionSummative: the "lesson" column (default: titles joined)
};

struct ExportRow {
    PupilId pupil;
    std::string pupil_name;
    std::string class_name;
    std::string date;        // DD.MM.YYYY of the last attempt; empty if never attempted
    int64_t last_time = 0;
    std::string lesson;      // title (or the section title)
    std::string objective;   // objective code(s)
    bool attempted = false;
    bool completed = false;
    int32_t points = 0;
    int32_t max_points = 0;
    int percent = 0;
    int mark = 0;            // by the scale: 0..10, 0..100 or 2..5; 0 when not attempted
};

struct ExportTable {
    std::string class_name;
    bool completion_only = false;  // grade 1
    AssessmentKind kind = AssessmentKind::Formative;
    MarkScale scale = MarkScale::FivePoint;
    text::Lang lang = text::Lang::Kk;
    int32_t utc_offset_s = 5 * 3600;
    std::vector<ExportRow> rows;   // pupils by name, lessons in the chosen order
};

// ---- choosing what to export: lessons and a range of calendar days ----------------------------
// A calendar day in Kazakhstan time (the teacher's journal has days, not Unix seconds).
struct CivilDate {
    int year = 0, month = 0, day = 0;  // 0 = not set
    friend bool operator==(const CivilDate&, const CivilDate&) = default;
};
bool isValidDate(CivilDate d);                           // 2000..2199, a real day of that month
CivilDate dateOf(int64_t unix_s, int32_t utc_offset_s);  // the local calendar day of a moment
CivilDate addDays(CivilDate d, int days);                // any number of days forward or back
std::string dateText(CivilDate d);                       // "DD.MM.YYYY", as in the export's date column
// Sets options.from/to so that both days are included whole (from 00:00:00 of `from` to 23:59:59
// of `to`, local time at options.utc_offset_s). Invalid "progress.export.bad_date" for a day that
// does not exist, "progress.export.bad_range" when `to` is before `from`; options unchanged then.
Status setDateRange(ExportOptions& options, CivilDate from, CivilDate to);

// "pack/lesson": how a lesson is named in a selection.
std::string lessonKey(const LessonInfo& lesson);
// The lessons of `all` (in their order) whose lessonKey() is not in `excluded`. Empty when all
// are excluded: buildExport() then says "progress.export.no_lessons".
std::vector<LessonInfo> selectLessons(const std::vector<LessonInfo>& all, const std::set<std::string>& excluded);

// Invalid "progress.err.no_such_class" / "progress.export.no_lessons" for bad options.
Result<ExportTable> buildExport(const ProgressStore& store, const ExportOptions& options);

// Column headers (catalogue keys "progress.export.col.*") in the catalogue's language: pupil,
// class, date, lesson, objective, kind, points, max, percent, mark.
std::vector<std::string> exportHeaders(const text::Catalogue& catalogue);
// One table row as the text of those columns (a preview table shows exactly what files contain).
// Not attempted: empty points/percent/mark. Grade 1: empty numbers, mark = completed/not completed.
std::vector<std::string> exportCells(const ExportTable& table, const ExportRow& row, const text::Catalogue& catalogue);

struct CsvOptions {
    char separator = ';';  // ';' (Excel in kk/ru locales) or ','
    bool bom = true;       // UTF-8 BOM, so Excel opens Cyrillic correctly
};
// RFC 4180 quoting; CRLF line ends; text cells starting with = + - @ get a leading ' (no formulas).
std::string exportCsv(const ExportTable& table, const text::Catalogue& catalogue, const CsvOptions& options = {});

// xAPI statements (a JSON array), one per attempted step of the chosen lessons (and date range):
// actor = class + nickname (account {homePage "urn:sandyq:class:<year>:<class>", name}), verb
// attempted / passed / completed (ADL ids), object = "urn:sandyq:step:<pack>/<lesson>/<step>",
// result.score {raw, min 0, max, scaled}, success, completion, duration, timestamp (UTC).
std::string exportXapi(const ProgressStore& store, const ExportOptions& options);

}  // namespace sandyq::progress
