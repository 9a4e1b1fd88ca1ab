#include "progress/table.h"

#include <doctest/doctest.h>

#include "export_fixture.h"
#include "progress/backup.h"

using namespace sandyq;
using namespace sandyq::progress;
using namespace sandyq::progress::test;

TEST_CASE("progress.table: pupils × lessons with points, stars and status") {
    ExportFixture f;
    const ClassTable t = buildClassTable(f.s, f.c3, f.lessons);
    CHECK(t.class_name == "3 Ә");
    REQUIRE(t.rows.size() == 4);
    // Rows in the order of the Kazakh register: "=" first, then Ә right after А (before Е).
    const ClassTableRow& aliya = t.rows[1];
    CHECK(aliya.name == "Әлия");
    CHECK(aliya.cells[0].status == StepStatus::Passed);  // both of 2 steps passed
    CHECK(aliya.cells[0].points == 9);
    CHECK(aliya.cells[0].stars == 5);
    CHECK(aliya.cells[1].max_points == 20);  // no max in the lesson info: the steps' sum
    CHECK(aliya.total_points == 22);
    CHECK(aliya.lessons_completed == 2);
    const ClassTableRow& ivanov = t.rows[3];
    CHECK(ivanov.cells[0].status == StepStatus::Passed);
    CHECK(ivanov.cells[1].status == StepStatus::None);
    const ClassTableRow& erlan = t.rows[2];
    CHECK(erlan.cells[0].status == StepStatus::Tried);
    CHECK(buildClassTable(f.s, ClassId{42}, f.lessons).rows.empty());
}

TEST_CASE("progress.table: sortable by points, stars, a lesson; stable") {
    ExportFixture f;
    ClassTable t = buildClassTable(f.s, f.c3, f.lessons);
    sortClassTable(t, SortBy::TotalPoints, 0, true);
    CHECK(t.rows[0].name == "Әлия");   // 22
    CHECK(t.rows[1].name == "=Дана");  // 17
    CHECK(t.rows[2].name == "Ерлан");  // 3 + 8
    CHECK(t.rows[3].name == "Иванов; \"Петя\"");  // 8
    CHECK(t.rows[3].total_max == 30);  // lesson 2 counts with the class's max (20) though not started
    sortClassTable(t, SortBy::LessonPoints, 1, false);
    CHECK(t.rows[0].name == "Иванов; \"Петя\"");  // 0 points in lesson 2
    sortClassTable(t, SortBy::LessonStatus, 0, true);
    CHECK(t.rows[0].cells[0].status == StepStatus::Passed);
    CHECK(t.rows[3].cells[0].status == StepStatus::None);
    sortClassTable(t, SortBy::Name, 0, true);
    CHECK(t.rows[0].name == "Иванов; \"Петя\"");
    CHECK(t.rows[2].name == "Әлия");
    CHECK(t.rows[3].name == "=Дана");
}

TEST_CASE("progress.table: a class table from backups of several computers") {
    // Computer A saw lesson 1, computer B saw lesson 2 of the same pupils.
    ExportFixture a;
    ExportFixture b;
    REQUIRE(b.s.recordStep(b.s.findPupilByName(b.c3, "Ерлан")->id, {"g3-robots", "l01", "a"}, att(true, 5, 5, 3),
                           ExportFixture::kT + 9000).ok());
    ProgressStore scratch;
    const MultiMergeReport r = mergeBackupFiles(
        scratch, {{"pc-a.json", writeClassBackup(a.s, a.c3, 1)}, {"pc-b.json", writeClassBackup(b.s, b.c3, 1)}});
    REQUIRE(r.rejected.empty());
    const Class* c = scratch.findClassByName("3 Ә", 2026);
    REQUIRE(c);
    const ClassTable t = buildClassTable(scratch, c->id, a.lessons);
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[2].name == "Ерлан");
    CHECK(t.rows[2].cells[0].points == 5);   // the best of both computers
    CHECK(t.rows[2].cells[0].stars == 3);
}
