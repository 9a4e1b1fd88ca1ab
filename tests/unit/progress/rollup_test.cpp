// The teacher's class roll-up: many backup files combined in memory, names in the order of the
// Kazakh alphabet, sorting by every column kind, and the printable PNG of the whole table.
#include "progress/rollup.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>

#include "export_fixture.h"
#include "progress/backup.h"
#include "progress/table.h"
#include "progress/table_png.h"

#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#include <stb_image.h>

using namespace sandyq;
using namespace sandyq::progress;
using namespace sandyq::progress::test;

namespace {

std::vector<std::string> names(const ClassTable& t) {
    std::vector<std::string> out;
    for (const auto& r : t.rows) out.push_back(r.name);
    return out;
}

text::Catalogue rollupCatalogue(const char* lang) {
    text::Catalogue c;
    const std::string path = std::string(SANDYQ_SOURCE_DIR) + "/assets/i18n/" + lang + "/rollup.json";
    REQUIRE(c.addJson(readText(path), path).ok());
    return c;
}

// One class "3 Ә" as two different computers saw it: PC A had Әлия and Ғалым, PC B had Әлия (a
// later lesson) and Аян.
struct TwoComputers {
    ProgressStore a, b;
    std::vector<LessonInfo> lessons{{"g3-robots", "l01", "Роботқа жол", "Путь для робота", "3.2.1.1", 10, 2},
                                    {"g3-robots", "l02", "Циклдар", "Циклы", "3.2.2.1", 20, 1},
                                    {"g3-python", "p01", "Айнымалылар", "Переменные", "3.3.1.1", 5, 1}};
    TwoComputers() {
        const ClassId ca = a.addClass("3 Ә", 2026, 3).value();
        const PupilId aliya_a = a.addPupil(ca, "Әлия").value();
        const PupilId galym = a.addPupil(ca, "Ғалым").value();
        REQUIRE(a.recordStep(aliya_a, {"g3-robots", "l01", "a"}, att(true, 5, 5, 3), ExportFixture::kT).ok());
        REQUIRE(a.recordStep(aliya_a, {"g3-robots", "l01", "b"}, att(false, 2, 5, 0), ExportFixture::kT + 60).ok());
        REQUIRE(a.recordStep(galym, {"g3-robots", "l01", "a"}, att(true, 4, 5, 2), ExportFixture::kT + 90).ok());
        const ClassId cb = b.addClass("3 ә ", 2026, 3).value();  // the same class, typed differently
        const PupilId aliya_b = b.addPupil(cb, "Әлия").value();
        const PupilId ayan = b.addPupil(cb, "Аян").value();
        REQUIRE(b.recordStep(aliya_b, {"g3-robots", "l01", "b"}, att(true, 5, 5, 2), ExportFixture::kT + 3600).ok());
        REQUIRE(b.recordStep(aliya_b, {"g3-robots", "l02", "a"}, att(true, 18, 20, 3), ExportFixture::kT + 4000).ok());
        REQUIRE(b.recordStep(ayan, {"g3-python", "p01", "a"}, att(false, 1, 5, 0), ExportFixture::kT + 5000).ok());
        REQUIRE(b.recordStep(ayan, {"g3-python", "p01", "a"}, att(false, 2, 5, 0), ExportFixture::kT + 5100).ok());
    }
    std::string backupA() const { return writeClassBackup(a, a.classes()[0].id, 100); }
    std::string backupB() const { return writeClassBackup(b, b.classes()[0].id, 200); }
};

}  // namespace

TEST_CASE("progress.rollup: backups of several computers combine by the merge rules; a broken file is listed") {
    TwoComputers pcs;
    std::string tampered = pcs.backupB();
    tampered.replace(tampered.find("Аян"), std::strlen("Аян"), "Алан");  // the checksum no longer matches
    Rollup r;
    r.addFiles({{"pc-a.json", pcs.backupA()}, {"broken.json", "{\"format\":\"sandyq-backup\""}, {"pc-b.json", pcs.backupB()},
                {"tampered.json", tampered}, {"photo.png", std::string("\x89PNG\r\n\x1a\n", 8)}});
    REQUIRE(r.files().size() == 5);
    CHECK(r.goodFiles() == 2);
    CHECK(r.badFiles() == 3);
    CHECK(r.files()[0].status.ok());
    CHECK(r.files()[0].pupils == 2);
    CHECK(r.files()[1].name == "broken.json");
    CHECK(r.files()[1].status.message_key == "progress.backup.not_json");
    CHECK(r.files()[3].status.message_key == "progress.backup.checksum");
    CHECK_FALSE(r.files()[4].status.ok());
    CHECK(r.accepted().size() == 2);

    // One class (the same name typed differently), three pupils.
    REQUIRE(r.store().classes().size() == 1);
    const ClassTable t = buildClassTable(r.store(), r.store().classes()[0].id, pcs.lessons);
    CHECK(names(t) == std::vector<std::string>{"Аян", "Әлия", "Ғалым"});
    const ClassTableRow& aliya = t.rows[1];
    CHECK(aliya.cells[0].status == StepStatus::Passed);  // step a on PC A, step b passed on PC B
    CHECK(aliya.cells[0].points == 10);                  // best of step b: 5 (PC B) not 2 (PC A)
    CHECK(aliya.cells[0].stars == 5);
    CHECK(aliya.cells[1].points == 18);
    CHECK(r.store().recordsOf(aliya.pupil).at(StepKey{"g3-robots", "l01", "b"}).attempts == 2);  // attempts add up
    CHECK(t.rows[0].cells[2].status == StepStatus::Tried);
    CHECK(t.rows[0].cells[2].points == 2);

    // The same files again change nothing (a copy of the same attempts), the sources never change.
    Rollup again = r;
    again.addFiles({{"pc-a (copy).json", pcs.backupA()}});
    CHECK(again.goodFiles() == 3);
    CHECK(buildClassTable(again.store(), again.store().classes()[0].id, pcs.lessons).rows[1].cells[0].points == 10);
    CHECK(again.store().recordsOf(again.store().pupils()[0].id).at(StepKey{"g3-robots", "l01", "b"}).attempts ==
          r.store().recordsOf(r.store().pupils()[0].id).at(StepKey{"g3-robots", "l01", "b"}).attempts);
    CHECK(pcs.a.pupils().size() == 2);
    r.clear();
    CHECK(r.files().empty());
    CHECK(r.store().classes().empty());
}

TEST_CASE("progress.rollup: only broken files give an empty roll-up with every file named") {
    Rollup r;
    r.addFiles({{"a.json", ""}, {"b.json", "[]"}, {"c.json", std::string(40, '{')}});
    CHECK(r.goodFiles() == 0);
    REQUIRE(r.files().size() == 3);
    for (const RollupFile& f : r.files()) {
        CHECK_FALSE(f.status.ok());
        CHECK(f.status.message_key.rfind("progress.backup.", 0) == 0);
    }
    CHECK(r.store().classes().empty());
}

TEST_CASE("progress.rollup: a file the page did not read (too big) is named as too big, the others combine") {
    TwoComputers pcs;
    Rollup r;
    FileInput huge{"video.json", "", true};
    r.addFiles({{"pc-a.json", pcs.backupA()}, huge});
    REQUIRE(r.files().size() == 2);
    CHECK(r.files()[0].status.ok());
    CHECK(r.files()[1].name == "video.json");
    CHECK(r.files()[1].status.message_key == "progress.backup.too_big");
    CHECK(r.store().pupils().size() == 2);
    // The restore path says the same and changes nothing.
    ProgressStore here;
    const MultiMergeReport m = mergeBackupFiles(here, {huge});
    REQUIRE(m.rejected.size() == 1);
    CHECK(m.rejected[0].message_key == "progress.backup.too_big");
    CHECK(here.pupils().empty());
}

TEST_CASE("progress.table: names sort as in a Kazakh class register") {
    // Byte order would put every Kazakh letter after Я; the register puts Ә after А, Ғ after Г,
    // Қ after К, Ң after Н, Ө after О, Ұ and Ү after У, Һ after Х, І after Ы.
    const std::vector<std::string> expected = {"Абай", "Әлия", "Бота", "Гүлнар", "Ғалым", "Ержан", "Кәрім", "Қайрат", "Нұрлан",
                                               "Ңа", "Олжас", "Өмір", "Ulan", "Ұлан", "Үміт", "Хасен", "Һибатулла", "Ыбырай", "Іңкәр", "Яна"};
    CHECK(nameSortKey("Ulan") < nameSortKey("Абай"));  // Latin before Cyrillic
    ProgressStore s;
    const ClassId c = s.addClass("2 Б", 2026, 2).value();
    std::vector<std::string> shuffled = expected;
    std::reverse(shuffled.begin(), shuffled.end());
    std::rotate(shuffled.begin(), shuffled.begin() + 7, shuffled.end());
    for (const std::string& n : shuffled) REQUIRE(s.addPupil(c, n).ok());
    ClassTable t = buildClassTable(s, c, {});
    std::vector<std::string> want = expected;
    want.erase(std::find(want.begin(), want.end(), "Ulan"));
    want.insert(want.begin(), "Ulan");
    CHECK(names(t) == want);
    CHECK(nameSortKey("әлия") == nameSortKey("ӘЛИЯ "));  // case and spaces do not matter
    CHECK(nameSortKey("Ақ") < nameSortKey("Ақбота"));
    sortClassTable(t, SortBy::Name, 0, true);
    std::reverse(want.begin(), want.end());
    CHECK(names(t) == want);
}

TEST_CASE("progress.table: sorting by total, stars, a lesson's points and status, both ways") {
    TwoComputers pcs;
    Rollup r;
    r.addFiles({{"a", pcs.backupA()}, {"b", pcs.backupB()}});
    ClassTable t = buildClassTable(r.store(), r.store().classes()[0].id, pcs.lessons);
    // Totals: Әлия 10+18 = 28, Ғалым 4, Аян 2.
    sortClassTable(t, SortBy::TotalPoints, 0, true);
    CHECK(names(t) == std::vector<std::string>{"Әлия", "Ғалым", "Аян"});
    sortClassTable(t, SortBy::TotalPoints, 0, false);
    CHECK(names(t) == std::vector<std::string>{"Аян", "Ғалым", "Әлия"});
    sortClassTable(t, SortBy::Stars, 0, true);
    CHECK(t.rows[0].name == "Әлия");  // 8 stars
    CHECK(t.rows[1].name == "Ғалым");  // 2
    // Lesson 3 (python p01): only Аян tried it.
    sortClassTable(t, SortBy::LessonPoints, 2, true);
    CHECK(t.rows[0].name == "Аян");
    // Lesson 1: Әлия 10 (passed), Ғалым 4 (tried: 1 of 2 steps), Аян none.
    sortClassTable(t, SortBy::LessonPoints, 0, false);
    CHECK(names(t) == std::vector<std::string>{"Аян", "Ғалым", "Әлия"});
    sortClassTable(t, SortBy::LessonStatus, 0, true);
    CHECK(t.rows[0].cells[0].status == StepStatus::Passed);
    CHECK(t.rows[2].cells[0].status == StepStatus::None);
    // Equal points: a passed lesson ranks above a tried one.
    ClassTable tie = t;
    tie.rows[0].cells[1] = LessonResult{StepStatus::Tried, 1, 0, 5, 10, 0, 0, 0};
    tie.rows[1].cells[1] = LessonResult{StepStatus::Passed, 1, 1, 5, 10, 0, 0, 0};
    sortClassTable(tie, SortBy::LessonPoints, 1, true);
    CHECK(tie.rows[0].cells[1].status == StepStatus::Passed);
}

TEST_CASE("progress.table_png: the whole table as a PNG of the planned size, with dark text in the header") {
    const std::string font = readText(SANDYQ_FONT_FILE);
    REQUIRE(font.size() > 10000);
    // The font subset the build makes keeps every Kazakh letter, upper and lower case.
    CHECK(missingGlyphs(font, "ӘҒҚҢӨҰҮҺІәғқңөұүһі★✓…–").empty());
    CHECK(missingGlyphs(font, "\xe4\xb8\xad") == U"\u4e2d");  // no CJK in the subset: it would be told

    TwoComputers pcs;
    Rollup r;
    r.addFiles({{"a", pcs.backupA()}, {"b", pcs.backupB()}});
    const ClassTable t = buildClassTable(r.store(), r.store().classes()[0].id, pcs.lessons);
    TablePngOptions o;
    o.title = "3 Ә · 2026–2027";
    o.subtitle = "23.11.2026";
    o.pack_titles = {{"g3-robots", "Роботтар"}, {"g3-python", "Python"}};
    const text::Catalogue kk = rollupCatalogue("kk");
    Result<std::string> png = classTablePng(t, font, kk, o);
    REQUIRE(png.ok());
    int w = 0, h = 0, comp = 0;
    unsigned char* px = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(png.value().data()),
                                              static_cast<int>(png.value().size()), &w, &h, &comp, 3);
    REQUIRE(px != nullptr);
    const TablePngGeometry& g = o.geometry;
    CHECK(w == 2 * g.margin + g.name_w + 3 * g.cell_w + g.total_w);
    CHECK(h == 2 * g.margin + g.title_h + g.group_h + g.header_h + 3 * g.row_h + g.legend_h);
    const auto dark = [&](int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; ++y) {
            for (int x = x0; x < x1; ++x) {
                const unsigned char* p = px + (static_cast<size_t>(y) * w + x) * 3;
                n += p[0] < 90 && p[1] < 90 && p[2] < 90;
            }
        }
        return n;
    };
    // The lesson header row of lesson 1 holds its title in dark ink; the band of pack 2 its title.
    const int head_y = g.margin + g.title_h + g.group_h;
    const int cells_x = g.margin + g.name_w;
    CHECK(dark(cells_x + 4, head_y + 4, cells_x + g.cell_w - 4, head_y + g.header_h - 4) > 40);
    CHECK(dark(cells_x + 2 * g.cell_w + 4, head_y - g.group_h + 4, cells_x + 3 * g.cell_w - 4, head_y - 4) > 20);
    // The title line and the pupil names are there; an empty lesson cell is white with a dash.
    CHECK(dark(g.margin, g.margin, g.margin + 200, g.margin + 30) > 80);
    const int rows_y = head_y + g.header_h;
    CHECK(dark(g.margin + 4, rows_y + 4, g.margin + g.name_w - 4, rows_y + g.row_h - 4) > 30);
    // Row 1 (Аян), lesson 1: not started → white; row 2 (Әлия), lesson 1: passed → green.
    const unsigned char* none = px + (static_cast<size_t>(rows_y + 3) * w + cells_x + 4) * 3;
    CHECK((none[0] > 240 && none[1] > 240 && none[2] > 240));
    const unsigned char* passed = px + (static_cast<size_t>(rows_y + g.row_h + 3) * w + cells_x + 4) * 3;
    CHECK((passed[1] > passed[0] + 20 && passed[1] > passed[2] + 20));
    stbi_image_free(px);

    // More pupils and lessons: the picture grows by whole rows and columns.
    ClassTable big = t;
    for (int i = 0; i < 30; ++i) big.rows.push_back(t.rows[static_cast<size_t>(i) % 3]);
    for (auto& row : big.rows) row.cells.resize(12);
    big.lessons.resize(12, pcs.lessons[0]);
    const PngSize s = classTablePngSize(big, g);
    CHECK(s.width == 2 * g.margin + g.name_w + 12 * g.cell_w + g.total_w);
    Result<std::string> png2 = classTablePng(big, font, rollupCatalogue("ru"), o);
    REQUIRE(png2.ok());
    CHECK(stbi_info_from_memory(reinterpret_cast<const unsigned char*>(png2.value().data()), static_cast<int>(png2.value().size()), &w,
                                &h, &comp) == 1);
    CHECK(w == s.width);
    CHECK(h == s.height);
    CHECK(h == 2 * g.margin + g.title_h + g.group_h + g.header_h + 33 * g.row_h + g.legend_h);

    // Errors are values: a broken font, a table too big to draw.
    CHECK(classTablePng(t, "not a font", kk, o).status().message_key == "rollup.png.bad_font");
    ClassTable huge = t;
    huge.lessons.resize(3000, pcs.lessons[0]);
    CHECK(classTablePng(huge, font, kk, o).status().message_key == "rollup.png.too_big");
}
