// progress/table.cpp — the class roll-up (see table.h).
#include "progress/table.h"

#include <algorithm>
#include <iterator>

#include "core/utf8.h"

namespace sandyq::progress {

LessonResult lessonResult(const ProgressStore& store, PupilId pupil, const LessonInfo& lesson) {
    LessonResult out;
    int steps = 0;
    const auto& recs = store.recordsOf(pupil);
    for (auto it = recs.lower_bound(StepKey{lesson.pack_id, lesson.lesson_id, {}});
         it != recs.end() && it->first.pack_id == lesson.pack_id && it->first.lesson_id == lesson.lesson_id; ++it) {
        const StepRecord& r = it->second;
        if (r.status == StepStatus::None) continue;
        ++steps;
        ++out.steps_tried;
        if (r.status == StepStatus::Passed) ++out.steps_passed;
        out.points += r.points;
        out.max_points += r.max_points;
        out.stars += r.stars;
        if (out.first_time == 0 || (r.first_time != 0 && r.first_time < out.first_time)) out.first_time = r.first_time;
        out.last_time = std::max(out.last_time, r.last_time);
    }
    if (lesson.max_points > 0) {
        out.max_points = lesson.max_points;
        out.points = std::min(out.points, out.max_points);
    }
    if (steps > 0) {
        const int needed = lesson.step_count > 0 ? lesson.step_count : steps;
        out.status = out.steps_passed >= needed ? StepStatus::Passed : StepStatus::Tried;
    }
    return out;
}

ClassTable buildClassTable(const ProgressStore& store, ClassId class_id, const std::vector<LessonInfo>& lessons) {
    ClassTable t;
    const Class* c = store.findClass(class_id);
    if (!c) return t;
    t.class_id = class_id;
    t.class_name = c->name;
    t.grade = c->grade;
    t.lessons = lessons;
    for (const Pupil* p : store.pupilsOf(class_id)) {
        ClassTableRow row;
        row.pupil = p->id;
        row.name = p->display_name;
        for (const LessonInfo& l : lessons) {
            LessonResult r = lessonResult(store, p->id, l);
            row.total_points += r.points;
            row.total_max += r.max_points;
            row.total_stars += r.stars;
            if (r.status == StepStatus::Passed) ++row.lessons_completed;
            row.cells.push_back(r);
        }
        t.rows.push_back(std::move(row));
    }
    // A lesson without a max in its info: the largest max recorded in the class, for every pupil
    // (a pupil who did fewer steps must not get a smaller maximum).
    for (size_t i = 0; i < lessons.size(); ++i) {
        if (lessons[i].max_points > 0) continue;
        int32_t col_max = 0;
        for (const ClassTableRow& row : t.rows) col_max = std::max(col_max, row.cells[i].max_points);
        for (ClassTableRow& row : t.rows) {
            row.total_max += col_max - row.cells[i].max_points;
            row.cells[i].max_points = col_max;
        }
    }
    sortClassTable(t, SortBy::Name);
    return t;
}

namespace {
// The Kazakh Cyrillic alphabet in lower case, in its order (the 42 letters of the register).
constexpr char32_t kKazakhAlphabet[] = {
    U'а', U'ә', U'б', U'в', U'г', U'ғ', U'д', U'е', U'ё', U'ж', U'з', U'и', U'й', U'к',
    U'қ', U'л', U'м', U'н', U'ң', U'о', U'ө', U'п', U'р', U'с', U'т', U'у', U'ұ', U'ү',
    U'ф', U'х', U'һ', U'ц', U'ч', U'ш', U'щ', U'ъ', U'ы', U'і', U'ь', U'э', U'ю', U'я'};

char32_t sortWeight(char32_t cp) {
    // Ranges: other characters keep their code point below 0x10000 (spaces, punctuation, digits,
    // Latin in code point order); Kazakh letters 0x20000 + their place; anything else after.
    if (cp >= U'a' && cp <= U'z') return 0x10000 + cp;
    for (size_t i = 0; i < std::size(kKazakhAlphabet); ++i) {
        if (kKazakhAlphabet[i] == cp) return 0x20000 + static_cast<char32_t>(i);
    }
    if (cp >= 0x0400 && cp <= 0x04FF) return 0x20100 + cp;  // other Cyrillic letters after Я
    if (cp < 0x10000 && !(cp >= 0x00C0 && cp <= 0x024F)) return cp;
    return 0x30000 + cp;
}
}  // namespace

std::u32string nameSortKey(std::string_view name) {
    std::u32string key;
    for (char32_t cp : text::toCodepoints(text::toLower(normalizeName(name)))) key.push_back(sortWeight(cp));
    return key;
}

void sortClassTable(ClassTable& table, SortBy by, size_t lesson, bool descending) {
    const auto key = [&](const ClassTableRow& r) -> int64_t {
        switch (by) {
            case SortBy::TotalPoints: return r.total_points;
            case SortBy::Stars: return r.total_stars;
            case SortBy::LessonPoints:
                return lesson < r.cells.size() ? static_cast<int64_t>(r.cells[lesson].points) * 1000 +
                                                     static_cast<int64_t>(r.cells[lesson].status) * 100 + r.cells[lesson].stars
                                               : 0;
            case SortBy::LessonStatus:
                return lesson < r.cells.size() ? static_cast<int64_t>(r.cells[lesson].status) * 100000 + r.cells[lesson].points : 0;
            case SortBy::Name: break;
        }
        return 0;
    };
    std::stable_sort(table.rows.begin(), table.rows.end(), [&](const ClassTableRow& a, const ClassTableRow& b) {
        if (by == SortBy::Name) {
            const std::u32string ka = nameSortKey(a.name), kb = nameSortKey(b.name);
            return descending ? kb < ka : ka < kb;
        }
        return descending ? key(b) < key(a) : key(a) < key(b);
    });
}

}  // namespace sandyq::progress
