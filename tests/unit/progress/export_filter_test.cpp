// What the teacher exports: a choice of lessons and a range of calendar days (Kazakhstan time),
// both days included whole; an empty choice is a clear message; grade 1 stays completion only.
#include <doctest/doctest.h>

#include <algorithm>

#include "export_fixture.h"
#include "progress/export.h"

using namespace sandyq;
using namespace sandyq::progress;
using namespace sandyq::progress::test;

namespace {
// 15.01.2027 00:00 in UTC+5 is 14.01.2027 19:00 UTC: 20833 days after 1970-01-01 less 5 h.
constexpr int64_t kJan15Start = 20833LL * 86400 - 5 * 3600;
constexpr CivilDate kJan15{2027, 1, 15}, kJan16{2027, 1, 16};

std::vector<std::string> names(const ExportTable& t) {
    std::vector<std::string> out;
    for (const ExportRow& r : t.rows) out.push_back(r.pupil_name + "/" + r.lesson);
    return out;
}
}  // namespace

TEST_CASE("progress.export: calendar days — validity, stepping across months, years, leap days") {
    CHECK(isValidDate({2028, 2, 29}));
    CHECK_FALSE(isValidDate({2027, 2, 29}));
    CHECK_FALSE(isValidDate({2027, 4, 31}));
    CHECK_FALSE(isValidDate({2027, 13, 1}));
    CHECK_FALSE(isValidDate({}));
    CHECK(addDays({2028, 2, 28}, 1) == CivilDate{2028, 2, 29});
    CHECK(addDays({2027, 2, 28}, 1) == CivilDate{2027, 3, 1});
    CHECK(addDays({2027, 12, 31}, 1) == CivilDate{2028, 1, 1});
    CHECK(addDays({2027, 1, 1}, -1) == CivilDate{2026, 12, 31});
    CHECK(addDays(kJan15, 31) == CivilDate{2027, 2, 15});
    CHECK(dateText(kJan15) == "15.01.2027");
    // 1 800 000 000 is 13:00 on the 15th in Kazakhstan; 19:00 UTC is already the next day there.
    CHECK(dateOf(ExportFixture::kT, 5 * 3600) == kJan15);
    CHECK(dateOf(kJan15Start - 1, 5 * 3600) == CivilDate{2027, 1, 14});
    CHECK(dateOf(kJan15Start, 5 * 3600) == kJan15);
    CHECK(dateOf(kJan15Start, 0) == CivilDate{2027, 1, 14});
}

TEST_CASE("progress.export: a date range includes both days whole, in local time") {
    ExportOptions o;
    REQUIRE(setDateRange(o, kJan15, kJan15).ok());
    CHECK(o.from == kJan15Start);
    CHECK(o.to == kJan15Start + 86400 - 1);
    REQUIRE(setDateRange(o, kJan15, kJan16).ok());
    CHECK(o.to == kJan15Start + 2 * 86400 - 1);
    // Wrong ranges change nothing.
    CHECK(setDateRange(o, kJan16, kJan15).message_key == "progress.export.bad_range");
    CHECK(setDateRange(o, {2027, 2, 30}, kJan16).message_key == "progress.export.bad_date");
    CHECK(o.from == kJan15Start);
    CHECK(o.to == kJan15Start + 2 * 86400 - 1);

    // Records one second before and exactly at local midnight between the 15th and the 16th.
    ExportFixture f;
    const PupilId late = f.s.addPupil(f.c3, "Түнгі").value();
    const PupilId early = f.s.addPupil(f.c3, "Таңғы").value();
    REQUIRE(f.s.recordStep(late, {"g3-robots", "l01", "a"}, att(true, 5, 5), kJan15Start + 86400 - 1).ok());
    REQUIRE(f.s.recordStep(early, {"g3-robots", "l01", "a"}, att(true, 5, 5), kJan15Start + 86400).ok());
    o.class_id = f.c3;
    o.lessons = {f.lessons[0]};
    REQUIRE(setDateRange(o, kJan15, kJan15).ok());
    std::vector<std::string> got = names(buildExport(f.s, o).value());
    CHECK(std::count(got.begin(), got.end(), "Түнгі/Роботқа жол") == 1);
    CHECK(std::count(got.begin(), got.end(), "Таңғы/Роботқа жол") == 0);
    CHECK(got.size() == 4);  // Әлия, Ерлан, Иванов worked on lesson 1 on the 15th too
    REQUIRE(setDateRange(o, kJan16, kJan16).ok());
    got = names(buildExport(f.s, o).value());
    CHECK(got == std::vector<std::string>{"Таңғы/Роботқа жол"});
    // The xAPI statements follow the same range.
    const std::string xapi = exportXapi(f.s, o);
    CHECK(xapi.find("Таңғы") != std::string::npos);
    CHECK(xapi.find("Түнгі") == std::string::npos);
    CHECK(xapi.find("Әлия") == std::string::npos);
}

TEST_CASE("progress.export: a choice of lessons; none chosen is a clear message") {
    ExportFixture f;
    ExportOptions o;
    o.class_id = f.c3;
    CHECK(lessonKey(f.lessons[1]) == "g3-robots/l02");
    o.lessons = selectLessons(f.lessons, {"g3-robots/l01"});
    REQUIRE(o.lessons.size() == 1);
    CHECK(o.lessons[0].lesson_id == "l02");
    const ExportTable t = buildExport(f.s, o).value();
    REQUIRE(t.rows.size() == 4);  // every pupil, lesson 2 only
    for (const ExportRow& r : t.rows) CHECK(r.lesson == "Циклдар");
    const std::string csv = exportCsv(t, progressCatalogue("kk"));
    CHECK(csv.find("Циклдар") != std::string::npos);
    CHECK(csv.find("Роботқа жол") == std::string::npos);
    const std::string xapi = exportXapi(f.s, o);
    CHECK(xapi.find("l02/a") != std::string::npos);
    CHECK(xapi.find("l01/") == std::string::npos);
    // Nothing chosen: a message the teacher understands, in both languages of the files.
    o.lessons = selectLessons(f.lessons, {"g3-robots/l01", "g3-robots/l02"});
    CHECK(o.lessons.empty());
    const Result<ExportTable> none = buildExport(f.s, o);
    REQUIRE_FALSE(none.ok());
    CHECK(none.status().message_key == "progress.export.no_lessons");
    for (const char* lang : {"kk", "ru", "en"}) CHECK(progressCatalogue(lang).find("progress.export.no_lessons") != nullptr);
    // Unknown keys in the exclusion set are harmless.
    CHECK(selectLessons(f.lessons, {"other/l01"}).size() == 2);
}

TEST_CASE("progress.export: grade 1 stays completion only with a lesson choice and a date range") {
    ExportFixture f;
    ExportOptions o;
    o.class_id = f.c1;
    o.lessons = selectLessons(f.lessons, {"g3-robots/l02"});
    REQUIRE(setDateRange(o, kJan15, kJan15).ok());
    for (MarkScale scale : {MarkScale::FivePoint, MarkScale::Points10, MarkScale::Percent}) {
        o.scale = scale;
        const ExportTable t = buildExport(f.s, o).value();
        CHECK(t.completion_only);
        REQUIRE(t.rows.size() == 1);  // Бота worked on the 15th; Арман never did
        const auto cells = exportCells(t, t.rows[0], progressCatalogue("ru"));
        CHECK(cells[6].empty());
        CHECK(cells[7].empty());
        CHECK(cells[8].empty());
        CHECK(cells[9] == "выполнено");
    }
    REQUIRE(setDateRange(o, kJan16, kJan16).ok());
    CHECK(buildExport(f.s, o).value().rows.empty());
}
