// progress/export.cpp — diary export: table model, CSV, xAPI (see export.h).
#include "progress/export.h"

#include <algorithm>
#include <cstdio>

#include "progress/civil_time.h"
#include "progress/codec.h"

namespace sandyq::progress {
namespace {
using detail::Json;

std::string timeText(int64_t t, int32_t offset) {
    if (t <= 0) return {};
    const detail::CivilTime c = detail::civilFromUnix(t + offset);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", c.day, c.month, c.year);
    return buf;
}

std::string isoTime(int64_t t) {
    const detail::CivilTime c = detail::civilFromUnix(t);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day, c.hour, c.minute, c.second);
    return buf;
}

bool inRange(int64_t t, const ExportOptions& o) {
    if (o.from == 0 && o.to == 0) return true;
    if (t == 0) return false;
    return (o.from == 0 || t >= o.from) && (o.to == 0 || t <= o.to);
}

std::string label(const text::Catalogue& c, const char* key) {
    const text::Catalogue::Entry* e = c.find(key);
    return e ? e->text : std::string(key);
}

int markFor(MarkScale scale, int32_t points, int32_t max) {
    switch (scale) {
        case MarkScale::Points10: return tenPointOf(points, max);
        case MarkScale::Percent: return percentOf(points, max);
        case MarkScale::FivePoint: return markFromPercent(percentOf(points, max));
        case MarkScale::None: break;
    }
    return 0;
}

std::string csvField(const std::string& s, char sep, bool is_text) {
    std::string v = s;
    if (is_text && !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t')) {
        v.insert(v.begin(), '\'');
    }
    const bool quote = v.find_first_of(std::string("\"\r\n") + sep) != std::string::npos ||
                       (!v.empty() && (v.front() == ' ' || v.back() == ' '));
    if (!quote) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += "\"\"";
        else out.push_back(c);
    }
    out += '"';
    return out;
}

}  // namespace

int percentOf(int32_t points, int32_t max_points) {
    if (max_points <= 0) return 0;
    const int64_t p = std::clamp<int64_t>(points, 0, max_points);
    return static_cast<int>((200 * p + max_points) / (2 * int64_t(max_points)));
}

int tenPointOf(int32_t points, int32_t max_points) {
    if (max_points <= 0) return 0;
    const int64_t p = std::clamp<int64_t>(points, 0, max_points);
    return static_cast<int>((20 * p + max_points) / (2 * int64_t(max_points)));
}

int markFromPercent(int percent) {
    percent = std::clamp(percent, 0, 100);
    if (percent >= 85) return 5;
    if (percent >= 65) return 4;
    if (percent >= 40) return 3;
    return 2;
}

bool isValidDate(CivilDate d) {
    if (d.year < 2000 || d.year > 2199 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    return d.day <= kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
}

CivilDate dateOf(int64_t unix_s, int32_t utc_offset_s) {
    const detail::CivilTime c = detail::civilFromUnix(unix_s + utc_offset_s);
    return CivilDate{c.year, c.month, c.day};
}

CivilDate addDays(CivilDate d, int days) {
    const int64_t n = detail::daysFromCivil(d.year, d.month, d.day) + days;
    return dateOf(n * 86400, 0);
}

std::string dateText(CivilDate d) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", d.day, d.month, d.year);
    return buf;
}

Status setDateRange(ExportOptions& o, CivilDate from, CivilDate to) {
    if (!isValidDate(from) || !isValidDate(to)) return Status::error(ErrorCode::Invalid, "progress.export.bad_date");
    const int64_t a = detail::daysFromCivil(from.year, from.month, from.day);
    const int64_t b = detail::daysFromCivil(to.year, to.month, to.day);
    if (b < a) return Status::error(ErrorCode::Invalid, "progress.export.bad_range");
    o.from = a * 86400 - o.utc_offset_s;
    o.to = (b + 1) * 86400 - o.utc_offset_s - 1;
    return Status::success();
}

std::string lessonKey(const LessonInfo& l) { return l.pack_id + "/" + l.lesson_id; }

std::vector<LessonInfo> selectLessons(const std::vector<LessonInfo>& all, const std::set<std::string>& excluded) {
    std::vector<LessonInfo> out;
    for (const LessonInfo& l : all) {
        if (excluded.count(lessonKey(l)) == 0) out.push_back(l);
    }
    return out;
}

Result<ExportTable> buildExport(const ProgressStore& store, const ExportOptions& o) {
    const Class* c = store.findClass(o.class_id);
    if (!c) return Status::error(ErrorCode::NotFound, "progress.err.no_such_class");
    if (o.lessons.empty()) return Status::error(ErrorCode::Invalid, "progress.export.no_lessons");
    ExportTable t;
    t.class_name = c->name;
    t.completion_only = c->grade == 1;
    t.kind = o.kind == AssessmentKind::None ? AssessmentKind::Formative : o.kind;
    t.scale = o.scale == MarkScale::None ? MarkScale::FivePoint : o.scale;
    t.lang = o.lang;
    t.utc_offset_s = o.utc_offset_s;
    const ClassTable table = buildClassTable(store, o.class_id, o.lessons);
    std::string section = o.section_title, objectives;
    for (const LessonInfo& l : o.lessons) {
        if (o.section_title.empty()) section += (section.empty() ? "" : "; ") + l.title(o.lang);
        if (!l.objective_code.empty() && objectives.find(l.objective_code) == std::string::npos) {
            objectives += (objectives.empty() ? "" : ", ") + l.objective_code;
        }
    }
    for (const ClassTableRow& row : table.rows) {
        ExportRow sum;
        sum.pupil = row.pupil;
        sum.pupil_name = row.name;
        sum.class_name = c->name;
        sum.lesson = section;
        sum.objective = objectives;
        sum.completed = true;
        bool any_in_range = false;
        for (size_t i = 0; i < o.lessons.size(); ++i) {
            const LessonResult& r = row.cells[i];
            const bool in_range = inRange(r.last_time, o);
            if (t.kind == AssessmentKind::SectionSummative) {
                sum.points += r.points;
                sum.max_points += r.max_points;
                sum.attempted = sum.attempted || r.status != StepStatus::None;
                sum.completed = sum.completed && r.status == StepStatus::Passed;
                sum.last_time = std::max(sum.last_time, r.last_time);
                any_in_range = any_in_range || in_range;
                continue;
            }
            if (!in_range) continue;
            ExportRow e;
            e.pupil = row.pupil;
            e.pupil_name = row.name;
            e.class_name = c->name;
            e.lesson = o.lessons[i].title(o.lang);
            e.objective = o.lessons[i].objective_code;
            e.attempted = r.status != StepStatus::None;
            e.completed = r.status == StepStatus::Passed;
            e.points = r.points;
            e.max_points = r.max_points;
            e.last_time = r.last_time;
            e.date = timeText(r.last_time, o.utc_offset_s);
            e.percent = percentOf(r.points, r.max_points);
            e.mark = e.attempted ? markFor(t.scale, r.points, r.max_points) : 0;
            t.rows.push_back(std::move(e));
        }
        if (t.kind == AssessmentKind::SectionSummative && any_in_range) {
            sum.completed = sum.completed && sum.attempted;
            sum.date = timeText(sum.last_time, o.utc_offset_s);
            sum.percent = percentOf(sum.points, sum.max_points);
            sum.mark = sum.attempted ? markFor(t.scale, sum.points, sum.max_points) : 0;
            t.rows.push_back(std::move(sum));
        }
    }
    return t;
}

std::vector<std::string> exportHeaders(const text::Catalogue& c) {
    return {label(c, "progress.export.col.pupil"),     label(c, "progress.export.col.class"),
            label(c, "progress.export.col.date"),      label(c, "progress.export.col.lesson"),
            label(c, "progress.export.col.objective"), label(c, "progress.export.col.kind"),
            label(c, "progress.export.col.points"),    label(c, "progress.export.col.max"),
            label(c, "progress.export.col.percent"),   label(c, "progress.export.col.mark")};
}

std::vector<std::string> exportCells(const ExportTable& t, const ExportRow& r, const text::Catalogue& c) {
    const std::string kind = label(c, t.kind == AssessmentKind::SectionSummative ? "progress.export.kind.summative"
                                                                                 : "progress.export.kind.formative");
    std::vector<std::string> cells{r.pupil_name, r.class_name, r.date, r.lesson, r.objective, kind};
    if (t.completion_only) {
        cells.insert(cells.end(), {"", "", ""});
        cells.push_back(label(c, r.completed ? "progress.export.completed" : "progress.export.not_completed"));
    } else if (!r.attempted) {
        cells.insert(cells.end(), {"", std::to_string(r.max_points), "", ""});
    } else {
        cells.push_back(std::to_string(r.points));
        cells.push_back(std::to_string(r.max_points));
        cells.push_back(std::to_string(r.percent));
        cells.push_back(std::to_string(r.mark));
    }
    return cells;
}

std::string exportCsv(const ExportTable& t, const text::Catalogue& c, const CsvOptions& o) {
    const char sep = o.separator == ',' ? ',' : ';';
    std::string out = o.bom ? "\xEF\xBB\xBF" : "";
    const auto line = [&](const std::vector<std::string>& cells, bool header) {
        for (size_t i = 0; i < cells.size(); ++i) {
            if (i) out.push_back(sep);
            out += csvField(cells[i], sep, header || i < 6);
        }
        out += "\r\n";
    };
    line(exportHeaders(c), true);
    for (const ExportRow& r : t.rows) line(exportCells(t, r, c), false);
    return out;
}

std::string exportXapi(const ProgressStore& store, const ExportOptions& o) {
    // Written as text, one statement per line: building 20 000 statements as JSON trees was ~10×
    // slower. Strings go through the JSON escaper; the layout is fixed (tests/golden/progress).
    const Class* c = store.findClass(o.class_id);
    if (!c) return "[]\n";
    const auto q = [](const std::string& s) { return detail::dumpJson(Json(s)); };
    const std::string home = q("urn:sandyq:class:" + std::to_string(c->school_year) + ":" + c->name);
    std::vector<const Pupil*> pupils = store.pupilsOf(o.class_id);
    std::stable_sort(pupils.begin(), pupils.end(),
                     [](const Pupil* a, const Pupil* b) { return nameKey(a->display_name) < nameKey(b->display_name); });
    std::string out = "[";
    bool first = true;
    for (const Pupil* p : pupils) {
        const std::string actor = "{\"objectType\":\"Agent\",\"name\":" + q(c->name + " " + p->display_name) +
                                  ",\"account\":{\"homePage\":" + home + ",\"name\":" + q(p->display_name) + "}}";
        for (const LessonInfo& l : o.lessons) {
            const std::string object_tail = "\",\"definition\":{\"name\":{\"kk\":" + q(l.title(text::Lang::Kk)) +
                                            ",\"ru\":" + q(l.title(text::Lang::Ru)) + "}}}";
            const std::string context =
                l.objective_code.empty() ? std::string()
                                         : ",\"context\":{\"extensions\":{\"urn:sandyq:objective\":" + q(l.objective_code) + "}}";
            const auto& recs = store.recordsOf(p->id);
            for (auto it = recs.lower_bound(StepKey{l.pack_id, l.lesson_id, {}});
                 it != recs.end() && it->first.pack_id == l.pack_id && it->first.lesson_id == l.lesson_id; ++it) {
                const StepRecord& r = it->second;
                if (r.status == StepStatus::None || !inRange(r.last_time, o)) continue;
                const bool passed = r.status == StepStatus::Passed;
                const std::string verb = !passed ? "attempted" : r.max_points > 0 ? "passed" : "completed";
                out += first ? "\n" : ",\n";
                first = false;
                out += "{\"actor\":" + actor;
                out += ",\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/" + verb + "\",\"display\":{\"en-US\":\"" + verb + "\"}}";
                out += ",\"object\":{\"objectType\":\"Activity\",\"id\":" +
                       q("urn:sandyq:step:" + r.step.pack_id + "/" + r.step.lesson_id + "/" + r.step.step_id);
                out.pop_back();  // reopen the id string to append the definition
                out += object_tail;
                out += ",\"result\":{";
                if (r.max_points > 0) {
                    // scaled in [0, 1], 4 decimals, printed without floating-point formatting.
                    const int64_t scaled = int64_t(r.points) * 10000 / r.max_points;
                    char buf[32];
                    std::snprintf(buf, sizeof buf, scaled == 10000 ? "1" : "0.%04lld", static_cast<long long>(scaled));
                    std::string sc = buf;
                    if (sc.find('.') != std::string::npos) {
                        while (sc.back() == '0') sc.pop_back();
                        if (sc.back() == '.') sc.pop_back();
                    }
                    out += "\"score\":{\"raw\":" + std::to_string(r.points) + ",\"min\":0,\"max\":" +
                           std::to_string(r.max_points) + ",\"scaled\":" + sc + "},";
                }
                out += std::string("\"success\":") + (passed ? "true" : "false") + ",\"completion\":" + (passed ? "true" : "false") +
                       ",\"duration\":\"PT" + std::to_string(r.time_on_task_s) + "S\"}";
                out += context;
                out += ",\"timestamp\":\"" + isoTime(r.last_time) + "\"}";
            }
        }
    }
    out += first ? "]\n" : "\n]\n";
    return out;
}

}  // namespace sandyq::progress
