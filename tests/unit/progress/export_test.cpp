#include "progress/export.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#define JSON_NOEXCEPTION 1
#include <nlohmann/json.hpp>

#include "export_fixture.h"
#include "progress/backup.h"

using namespace sandyq;
using namespace sandyq::progress;
using namespace sandyq::progress::test;

namespace {
const std::string kGolden = SANDYQ_SOURCE_DIR "/tests/golden/progress/";

// Compares with a golden file; SANDYQ_UPDATE_GOLDEN=1 rewrites it (then review the diff).
void checkGolden(const std::string& name, const std::string& got) {
    if (std::getenv("SANDYQ_UPDATE_GOLDEN")) std::ofstream(kGolden + name, std::ios::binary) << got;
    const std::string want = readText(kGolden + name);
    CHECK_MESSAGE(got == want, name << " differs from the golden file");
}
}  // namespace

TEST_CASE("progress.export: the official 5-point table at its boundaries") {
    CHECK(markFromPercent(0) == 2);
    CHECK(markFromPercent(39) == 2);
    CHECK(markFromPercent(40) == 3);
    CHECK(markFromPercent(64) == 3);
    CHECK(markFromPercent(65) == 4);
    CHECK(markFromPercent(84) == 4);
    CHECK(markFromPercent(85) == 5);
    CHECK(markFromPercent(100) == 5);
    CHECK(markFromPercent(-3) == 2);
    CHECK(markFromPercent(140) == 5);
    // Percent is rounded half up before the table: 39.5 % → 40 % → 3; 39.4 % → 39 % → 2.
    CHECK(percentOf(79, 200) == 40);
    CHECK(markFromPercent(percentOf(79, 200)) == 3);
    CHECK(percentOf(197, 500) == 39);
    CHECK(markFromPercent(percentOf(197, 500)) == 2);
    CHECK(percentOf(129, 200) == 65);  // 64.5 %
    CHECK(percentOf(168, 200) == 84);
    CHECK(percentOf(169, 200) == 85);  // 84.5 %
    CHECK(percentOf(0, 10) == 0);
    CHECK(percentOf(10, 10) == 100);
    CHECK(percentOf(1, 3) == 33);
    CHECK(percentOf(2, 3) == 67);
    CHECK(percentOf(5, 0) == 0);
    CHECK(tenPointOf(9, 10) == 9);
    CHECK(tenPointOf(13, 20) == 7);  // 6.5 → 7
    CHECK(tenPointOf(0, 20) == 0);
    CHECK(tenPointOf(20, 20) == 10);
}

TEST_CASE("progress.export: formative rows per pupil and lesson, marks by the table") {
    ExportFixture f;
    ExportOptions o;
    o.class_id = f.c3;
    o.lessons = f.lessons;
    const ExportTable t = buildExport(f.s, o).value();
    REQUIRE(t.rows.size() == 8);
    CHECK_FALSE(t.completion_only);
    // Sorted as in the Kazakh register: =Дана, Әлия, Ерлан, Иванов (Ә right after А).
    CHECK(t.rows[0].pupil_name == "=Дана");
    CHECK_FALSE(t.rows[0].attempted);  // lesson 1 not started: no points, no mark
    CHECK(t.rows[1].mark == 5);        // 17/20 = 85 %
    CHECK(t.rows[2].pupil_name == "Әлия");
    CHECK(t.rows[2].points == 9);
    CHECK(t.rows[2].max_points == 10);
    CHECK(t.rows[2].mark == 5);
    CHECK(t.rows[2].completed);
    CHECK(t.rows[2].date == "15.01.2027");
    CHECK(t.rows[3].mark == 4);        // 13/20 = 65 %
    CHECK(t.rows[3].date == "16.01.2027");
    CHECK(t.rows[4].pupil_name == "Ерлан");
    CHECK(t.rows[4].percent == 30);
    CHECK(t.rows[4].mark == 2);
    CHECK_FALSE(t.rows[4].completed);
    CHECK(t.rows[5].mark == 3);        // 8/20 = 40 %

    o.scale = MarkScale::Points10;
    CHECK(buildExport(f.s, o).value().rows[3].mark == 7);
    o.scale = MarkScale::Percent;
    CHECK(buildExport(f.s, o).value().rows[3].mark == 65);
    o.lessons.clear();
    CHECK(buildExport(f.s, o).status().message_key == "progress.export.no_lessons");
    o.class_id = ClassId{99};
    o.lessons = f.lessons;
    CHECK(buildExport(f.s, o).status().code == ErrorCode::NotFound);
}

TEST_CASE("progress.export: date range keeps only lessons worked on in it") {
    ExportFixture f;
    ExportOptions o;
    o.class_id = f.c3;
    o.lessons = f.lessons;
    o.from = ExportFixture::kT + 3600;  // only Әлия's lesson 2 (next day)
    o.to = ExportFixture::kT + 2 * 86400;
    const ExportTable t = buildExport(f.s, o).value();
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0].pupil_name == "Әлия");
    CHECK(t.rows[0].lesson == "Циклдар");
}

TEST_CASE("progress.export: section summative sums the chosen lessons, one row per pupil") {
    ExportFixture f;
    ExportOptions o;
    o.class_id = f.c3;
    o.lessons = f.lessons;
    o.kind = AssessmentKind::SectionSummative;
    o.section_title = "БЖБ 1: Алгоритмдер";
    const ExportTable t = buildExport(f.s, o).value();
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[1].pupil_name == "Әлия");
    CHECK(t.rows[1].points == 22);
    CHECK(t.rows[1].max_points == 30);
    CHECK(t.rows[1].percent == 73);
    CHECK(t.rows[1].mark == 4);
    CHECK(t.rows[1].objective == "3.2.1.1, 3.2.2.1");
    CHECK(t.rows[1].lesson == "БЖБ 1: Алгоритмдер");
}

TEST_CASE("progress.export: grade 1 is completion only, never marks") {
    ExportFixture f;
    ExportOptions o;
    o.class_id = f.c1;
    o.lessons = {f.lessons[0]};
    const ExportTable t = buildExport(f.s, o).value();
    CHECK(t.completion_only);
    const text::Catalogue kk = progressCatalogue("kk");
    REQUIRE(t.rows.size() == 2);
    const auto cells = exportCells(t, t.rows[1], kk);
    CHECK(t.rows[1].pupil_name == "Бота");
    CHECK(cells[6].empty());
    CHECK(cells[8].empty());
    CHECK(cells[9] == "орындалды");
    CHECK(exportCells(t, t.rows[0], kk)[9] == "орындалмады");
}

TEST_CASE("progress.export: CSV golden files in Kazakh and Russian") {
    ExportFixture f;
    ExportOptions o;
    o.class_id = f.c3;
    o.lessons = f.lessons;
    const ExportTable kk_table = buildExport(f.s, o).value();
    const std::string kk = exportCsv(kk_table, progressCatalogue("kk"));
    CHECK(kk.rfind("\xEF\xBB\xBFОқушы;Сынып;Күні;", 0) == 0);
    CHECK(kk.find("\"Иванов; \"\"Петя\"\"\"") != std::string::npos);  // quoted: it holds ; and "
    CHECK(kk.find("'=Дана") != std::string::npos);                    // never a formula
    checkGolden("export_3A_formative_kk.csv", kk);
    o.lang = text::Lang::Ru;
    o.scale = MarkScale::Points10;
    CsvOptions comma;
    comma.separator = ',';
    const std::string ru = exportCsv(buildExport(f.s, o).value(), progressCatalogue("ru"), comma);
    CHECK(ru.rfind("\xEF\xBB\xBFУченик,Класс,Дата,", 0) == 0);
    checkGolden("export_3A_formative_10pt_ru.csv", ru);
    o.kind = AssessmentKind::SectionSummative;
    o.scale = MarkScale::FivePoint;
    checkGolden("export_3A_summative_ru.csv", exportCsv(buildExport(f.s, o).value(), progressCatalogue("ru")));
    o.class_id = f.c1;
    o.lang = text::Lang::Kk;
    o.kind = AssessmentKind::Formative;
    checkGolden("export_1A_completion_kk.csv", exportCsv(buildExport(f.s, o).value(), progressCatalogue("kk")));
}

TEST_CASE("progress.export: xAPI statements") {
    ExportFixture f;
    ExportOptions o;
    o.class_id = f.c3;
    o.lessons = f.lessons;
    const std::string text = exportXapi(f.s, o);
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    REQUIRE(j.is_array());
    CHECK(j.size() == 8);  // one per attempted step
    const nlohmann::json& first = j[0];
    CHECK(first["actor"]["account"]["name"] == "=Дана");
    CHECK(first["actor"]["account"]["homePage"] == "urn:sandyq:class:2026:3 Ә");
    CHECK(first["verb"]["id"] == "http://adlnet.gov/expapi/verbs/attempted");
    CHECK(first["object"]["id"] == "urn:sandyq:step:g3-robots/l02/a");
    CHECK(first["result"]["score"]["raw"] == 17);
    CHECK(first["result"]["score"]["max"] == 20);
    CHECK(first["result"]["score"]["scaled"] == 0.85);
    CHECK(first["result"]["success"] == false);
    CHECK(first["timestamp"] == "2027-01-15T08:08:20Z");
    CHECK(first["context"]["extensions"]["urn:sandyq:objective"] == "3.2.2.1");
    int passed = 0;
    for (const auto& st : j) passed += st["verb"]["display"]["en-US"] == "passed";
    CHECK(passed == 6);
    checkGolden("xapi_3A.json", text);
    // Scores of 0 and of the maximum stay valid JSON numbers.
    ExportFixture g;
    const PupilId p = g.s.addPupil(g.c3, "Нөл").value();
    REQUIRE(g.s.recordStep(p, {"g3-robots", "l01", "a"}, att(false, 0, 5), ExportFixture::kT).ok());
    REQUIRE(g.s.recordStep(p, {"g3-robots", "l01", "b"}, att(true, 5, 5), ExportFixture::kT).ok());
    const nlohmann::json k = nlohmann::json::parse(exportXapi(g.s, o), nullptr, false);
    REQUIRE(k.is_array());
    std::vector<double> scaled;
    for (const auto& st : k) if (st["actor"]["account"]["name"] == "Нөл") scaled.push_back(st["result"]["score"]["scaled"].get<double>());
    CHECK(scaled == std::vector<double>{0.0, 1.0});
    o.class_id = g.c1;
    o.from = 1;
    o.to = 2;  // nothing in range
    CHECK(exportXapi(g.s, o) == "[]\n");
}

TEST_CASE("progress.export: fixture backups for the sandyq-progress golden test") {
    // The same class saved on two computers: the tool must merge them and export the golden files.
    ExportFixture f;
    std::vector<PupilId> pc_a, pc_b;
    for (const Pupil* p : f.s.pupilsOf(f.c3)) (p->display_name == "Әлия" || p->display_name == "Ерлан" ? pc_a : pc_b).push_back(p->id);
    for (const Pupil* p : f.s.pupilsOf(f.c1)) pc_b.push_back(p->id);
    checkGolden("backup_pc_a.json", writeBackup(f.s, pc_a, ExportFixture::kT + 100000));
    checkGolden("backup_pc_b.json", writeBackup(f.s, pc_b, ExportFixture::kT + 100000));
}

TEST_CASE("progress.export: calendar dates without the C library (leap days, Kazakhstan time)") {
    ExportFixture f;
    ExportOptions o;
    o.class_id = f.c3;
    o.lessons = {f.lessons[0]};
    const PupilId p = f.s.addPupil(f.c3, "Күн").value();
    // 2028-02-29 19:00:00 UTC is already 1 March in Kazakhstan (UTC+5).
    REQUIRE(f.s.recordStep(p, {"g3-robots", "l01", "a"}, att(true, 5, 5), 1835463600).ok());
    const ExportTable t = buildExport(f.s, o).value();
    for (const ExportRow& r : t.rows) {
        if (r.pupil_name == "Күн") CHECK(r.date == "01.03.2028");
    }
    o.utc_offset_s = 0;
    const ExportTable utc = buildExport(f.s, o).value();
    for (const ExportRow& r : utc.rows) {
        if (r.pupil_name == "Күн") CHECK(r.date == "29.02.2028");
    }
    CHECK(exportXapi(f.s, o).find("\"timestamp\":\"2028-02-29T19:00:00Z\"") != std::string::npos);
}
