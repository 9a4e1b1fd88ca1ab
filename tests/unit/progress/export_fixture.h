// A small class for export and roll-up tests: 3 Ә (grade 3) with four pupils and two lessons,
// and 1 А (grade 1). Times are fixed (Kazakhstan is UTC+5: 1 800 000 000 = 15.01.2027 13:00).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "core/i18n.h"
#include "progress/export.h"

namespace sandyq::progress::test {

inline StepAttempt att(bool passed, int points, int max, int stars = 0) {
    StepAttempt a;
    a.passed = passed;
    a.points = points;
    a.max_points = max;
    a.stars = stars;
    a.time_on_task_s = 120;
    return a;
}

struct ExportFixture {
    ProgressStore s;
    ClassId c3, c1;
    std::vector<LessonInfo> lessons;
    static constexpr int64_t kT = 1'800'000'000;
    ExportFixture() {
        c3 = s.addClass("3 Ә", 2026, 3).value();
        c1 = s.addClass("1 А", 2026, 1).value();
        LessonInfo l1{"g3-robots", "l01", "Роботқа жол", "Путь для робота", "3.2.1.1", 10, 2};
        LessonInfo l2{"g3-robots", "l02", "Циклдар", "Циклы", "3.2.2.1", 0, 0};
        lessons = {l1, l2};
        const PupilId aliya = s.addPupil(c3, "Әлия").value();
        const PupilId erlan = s.addPupil(c3, "Ерлан").value();
        const PupilId ivanov = s.addPupil(c3, "Иванов; \"Петя\"").value();
        const PupilId dana = s.addPupil(c3, "=Дана").value();
        (void)s.recordStep(aliya, {"g3-robots", "l01", "a"}, att(true, 5, 5, 3), kT);
        (void)s.recordStep(aliya, {"g3-robots", "l01", "b"}, att(true, 4, 5, 2), kT + 60);   // 9/10 → 90 % → 5
        (void)s.recordStep(aliya, {"g3-robots", "l02", "a"}, att(true, 13, 20, 1), kT + 86400);  // 65 % → 4
        (void)s.recordStep(erlan, {"g3-robots", "l01", "a"}, att(false, 3, 5), kT + 120);        // 3/10 → 30 % → 2 (tried)
        (void)s.recordStep(erlan, {"g3-robots", "l02", "a"}, att(true, 8, 20), kT + 200);        // 40 % → 3
        (void)s.recordStep(ivanov, {"g3-robots", "l01", "a"}, att(true, 5, 5), kT + 300);
        (void)s.recordStep(ivanov, {"g3-robots", "l01", "b"}, att(true, 3, 5), kT + 400);        // 8/10 → 80 % → 4
        (void)s.recordStep(dana, {"g3-robots", "l02", "a"}, att(false, 17, 20), kT + 500);       // 85 % → 5
        const PupilId bota = s.addPupil(c1, "Бота").value();
        (void)s.addPupil(c1, "Арман");
        (void)s.recordStep(bota, {"g3-robots", "l01", "a"}, att(true, 5, 5), kT);
        (void)s.recordStep(bota, {"g3-robots", "l01", "b"}, att(true, 1, 5), kT);
    }
};

inline std::string readText(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

inline text::Catalogue progressCatalogue(const char* lang) {
    text::Catalogue c;
    const std::string path = std::string(SANDYQ_SOURCE_DIR) + "/assets/i18n/" + lang + "/progress.json";
    (void)c.addJson(readText(path), path);
    return c;
}

}  // namespace sandyq::progress::test
