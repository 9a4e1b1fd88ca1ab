// progress/lessons.h — what the progress tables need to know about lessons: titles, curriculum
// objective codes, max points. The caller fills these plain structs from the course packs (the
// progress layer never loads packs or runs Lua).
// Depends on: core/i18n (Lang) only. Plain values.
#pragma once

#include <cstdint>
#include <string>

#include "core/i18n.h"

namespace sandyq::progress {

struct LessonInfo {
    std::string pack_id;
    std::string lesson_id;
    std::string title_kk;
    std::string title_ru;
    std::string objective_code;  // curriculum objective(s), e.g. "3.2.1.1" or "3.2.1.1, 3.2.1.2"
    int32_t max_points = 0;      // 0 = the sum of max points recorded for its steps
    int step_count = 0;          // steps that count; 0 = unknown (then every recorded step must pass)
    // The title in `lang` (ru for Lang::Ru, kk otherwise), falling back to the other one, then the id.
    const std::string& title(text::Lang lang) const {
        const std::string& first = lang == text::Lang::Ru ? title_ru : title_kk;
        const std::string& second = lang == text::Lang::Ru ? title_kk : title_ru;
        return !first.empty() ? first : !second.empty() ? second : lesson_id;
    }
};

}  // namespace sandyq::progress
