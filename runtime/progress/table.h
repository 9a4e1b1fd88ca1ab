// progress/table.h — the class roll-up: pupils × lessons with points, stars and status, sortable.
// The teacher builds it from this computer's store or from many backup files merged into a
// scratch store (progress/backup.h: mergeBackupFiles).
// Depends on: progress/store, progress/lessons. Pure; no errors (unknown class → empty table).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "progress/lessons.h"
#include "progress/store.h"

namespace sandyq::progress {

// One pupil on one lesson.
struct LessonResult {
    StepStatus status = StepStatus::None;  // Passed = the lesson is completed (all its steps passed)
    int steps_tried = 0;
    int steps_passed = 0;
    int32_t points = 0;
    int32_t max_points = 0;  // LessonInfo::max_points when given, else the recorded steps' sum (in a
                             // ClassTable: the largest such sum in the class, the same for all)
    int stars = 0;
    int64_t first_time = 0;
    int64_t last_time = 0;
};
LessonResult lessonResult(const ProgressStore& store, PupilId pupil, const LessonInfo& lesson);

struct ClassTableRow {
    PupilId pupil;
    std::string name;
    std::vector<LessonResult> cells;  // one per ClassTable::lessons
    int32_t total_points = 0;
    int32_t total_max = 0;
    int total_stars = 0;
    int lessons_completed = 0;
};

struct ClassTable {
    ClassId class_id;
    std::string class_name;
    int grade = 0;
    std::vector<LessonInfo> lessons;
    std::vector<ClassTableRow> rows;  // sorted by name at first
};

ClassTable buildClassTable(const ProgressStore& store, ClassId class_id, const std::vector<LessonInfo>& lessons);

// The order of names a Kazakh teacher expects (the class register): case-insensitive, letters of
// the Kazakh Cyrillic alphabet in its order — А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т
// У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я (so Ә follows А, Ғ follows Г, І follows Ы) — after digits and
// Latin letters; spaces and punctuation sort first. Compare keys with operator<.
std::u32string nameSortKey(std::string_view name);

enum class SortBy : uint8_t { Name = 0, TotalPoints, Stars, LessonPoints, LessonStatus };
// Stable: equal rows keep their relative order (so sorting by name, then by points, groups well).
// Name uses nameSortKey. LessonPoints: points, then status, then stars (a passed lesson ranks above a
// tried one with the same points); LessonStatus: status, then points. `lesson` is the column index
// for LessonPoints / LessonStatus.
void sortClassTable(ClassTable& table, SortBy by, size_t lesson = 0, bool descending = false);

}  // namespace sandyq::progress
