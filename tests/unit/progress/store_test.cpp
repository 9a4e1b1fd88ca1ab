#include "progress/store.h"

#include <doctest/doctest.h>

#include "progress/hash.h"

using namespace sandyq;
using namespace sandyq::progress;

namespace {
StepAttempt attempt(bool passed, int points, int max, int stars = 0, int64_t secs = 30, std::string program = {}) {
    StepAttempt a;
    a.passed = passed;
    a.points = points;
    a.max_points = max;
    a.stars = stars;
    a.time_on_task_s = secs;
    a.program = std::move(program);
    a.program_kind = a.program.empty() ? ProgramKind::None : ProgramKind::Text;
    return a;
}
const StepKey kStep{"robots", "l1", "s1"};
}  // namespace

TEST_CASE("progress.hash: SHA-256 and CRC-32 match the published test vectors") {
    CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256Hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    CHECK(crc32("123456789") == 0xCBF43926u);
    CHECK(crc32("") == 0u);
}

TEST_CASE("progress.store: teacher PIN is stored hashed and checked") {
    ProgressStore s;
    CHECK_FALSE(s.hasTeacherPin());
    CHECK(s.setTeacherPin("12a4", "salt").code == ErrorCode::Invalid);
    CHECK(s.setTeacherPin("123", "salt").code == ErrorCode::Invalid);
    REQUIRE(s.setTeacherPin("2580", "salt-bytes").ok());
    CHECK(s.hasTeacherPin());
    CHECK(s.teacherPinHash().hash_hex.find("2580") == std::string::npos);
    CHECK(s.teacherPinHash().hash_hex.size() == 64);
    CHECK(s.checkTeacherPin("2580"));
    CHECK_FALSE(s.checkTeacherPin("2581"));
    CHECK_FALSE(s.checkTeacherPin(""));
    // Same PIN, another salt: another hash.
    ProgressStore t;
    REQUIRE(t.setTeacherPin("2580", "other").ok());
    CHECK(t.teacherPinHash().hash_hex != s.teacherPinHash().hash_hex);
}

TEST_CASE("progress.store: classes and pupils with unique names; picture PIN") {
    ProgressStore s;
    const ClassId c3 = s.addClass("  3   Ә ", 2026, 3).value();
    CHECK(s.findClass(c3)->name == "3 Ә");
    CHECK(s.addClass("3 ә", 2026, 3).status().message_key == "progress.err.class_exists");
    CHECK(s.addClass("3 Ә", 2027, 3).ok());  // another school year
    CHECK(s.addClass("", 2026, 3).status().message_key == "progress.err.name_empty");
    CHECK(s.addClass("1 A", 1999, 1).status().message_key == "progress.err.bad_year");
    CHECK(s.addClass("1 A", 2026, 12).status().message_key == "progress.err.bad_grade");
    CHECK(s.addClass(std::string(65, 'x'), 2026, 2).status().message_key == "progress.err.name_too_long");
    CHECK(s.addClass("bad\x01name", 2026, 2).status().message_key == "progress.err.name_bad_chars");

    const PupilId aliya = s.addPupil(c3, "Әлия").value();
    CHECK(s.addPupil(c3, "ӘЛИЯ").status().message_key == "progress.err.pupil_exists");
    CHECK(s.addPupil(ClassId{99}, "Ерлан").status().code == ErrorCode::NotFound);
    const PupilId erlan = s.addPupil(c3, "Ерлан").value();
    CHECK(s.pupilsOf(c3).size() == 2);
    CHECK(s.renamePupil(erlan, "әлия").message_key == "progress.err.pupil_exists");
    REQUIRE(s.renamePupil(erlan, "Ерлан Б.").ok());
    CHECK(s.findPupil(erlan)->display_name == "Ерлан Б.");

    CHECK(s.checkPicturePin(aliya, {1, 2, 3}));  // no PIN yet: anything opens
    CHECK(s.setPicturePin(aliya, {1, 2}, "salt").code == ErrorCode::Invalid);
    CHECK(s.setPicturePin(aliya, {1, 2, 16}, "salt").code == ErrorCode::Invalid);
    REQUIRE(s.setPicturePin(aliya, {4, 0, 9, 4}, "salt").ok());
    CHECK(s.checkPicturePin(aliya, {4, 0, 9, 4}));
    CHECK_FALSE(s.checkPicturePin(aliya, {4, 0, 9}));
    CHECK_FALSE(s.checkPicturePin(aliya, {0, 4, 9, 4}));
    REQUIRE(s.clearPicturePin(aliya).ok());
    CHECK_FALSE(s.hasPicturePin(aliya));

    REQUIRE(s.removePupil(erlan).ok());
    CHECK(s.findPupil(erlan) == nullptr);
    CHECK(s.renamePupil(erlan, "x").code == ErrorCode::NotFound);
    // Ids are not reused: a new pupil never inherits a removed pupil's handle.
    CHECK(s.addPupil(c3, "Дана").value().value != erlan.value);
}

TEST_CASE("progress.store: a step's status is never lowered; best points; attempts and time add up") {
    ProgressStore s;
    const PupilId p = s.addPupil(s.addClass("2 Б", 2026, 2).value(), "Нұрлан").value();
    REQUIRE(s.recordStep(p, kStep, attempt(false, 2, 10, 0, 40, "forward(1)"), 1000).ok());
    const StepRecord* r = s.findRecord(p, kStep);
    REQUIRE(r != nullptr);
    CHECK(r->status == StepStatus::Tried);
    REQUIRE(s.recordStep(p, kStep, attempt(true, 9, 10, 3, 20, "forward(3)"), 1100).ok());
    REQUIRE(s.recordStep(p, kStep, attempt(false, 4, 10, 1, 10, "forward(2)"), 1200).ok());
    r = s.findRecord(p, kStep);
    CHECK(r->status == StepStatus::Passed);
    CHECK(r->points == 9);
    CHECK(r->stars == 3);
    CHECK(r->attempts == 3);
    CHECK(r->time_on_task_s == 70);
    CHECK(r->first_time == 1000);
    CHECK(r->last_time == 1200);
    CHECK(r->last_program == "forward(2)");  // the pupil continues from their latest program
    CHECK(s.lastActivity(p) == r);

    CHECK(s.recordStep(p, kStep, attempt(true, 11, 10), 1300).code == ErrorCode::Invalid);
    CHECK(s.recordStep(p, kStep, attempt(true, 1, 10, 4), 1300).code == ErrorCode::Invalid);
    CHECK(s.recordStep(p, kStep, attempt(true, 1, 10, 1, -5), 1300).code == ErrorCode::Invalid);
    CHECK(s.recordStep(p, StepKey{"", "l", "s"}, attempt(true, 1, 10), 1300).code == ErrorCode::Invalid);
    CHECK(s.findRecord(p, kStep)->attempts == 3);  // rejected attempts change nothing
}

TEST_CASE("progress.store: lesson and pack summaries for the course map") {
    ProgressStore s;
    const PupilId p = s.addPupil(s.addClass("4 В", 2026, 4).value(), "Айгерім").value();
    REQUIRE(s.recordStep(p, {"robots", "l1", "a"}, attempt(true, 5, 5, 3), 100).ok());
    REQUIRE(s.recordStep(p, {"robots", "l1", "b"}, attempt(false, 1, 5, 0), 200).ok());
    REQUIRE(s.recordStep(p, {"robots", "l2", "a"}, attempt(true, 10, 10, 2), 300).ok());
    REQUIRE(s.recordStep(p, {"robots2", "l1", "a"}, attempt(true, 10, 10, 2), 400).ok());
    const LessonSummary l1 = s.lessonSummary(p, "robots", "l1");
    CHECK(l1.steps_tried == 2);
    CHECK(l1.steps_passed == 1);
    CHECK(l1.points == 6);
    CHECK(l1.max_points == 10);
    CHECK(l1.stars == 3);
    CHECK(l1.last_time == 200);
    const PackSummary pk = s.packSummary(p, "robots");
    CHECK(pk.lessons_started == 2);
    CHECK(pk.steps_passed == 2);
    CHECK(pk.points == 16);
    CHECK(pk.last_time == 300);
    CHECK(s.packSummary(p, "none").steps_tried == 0);
}

TEST_CASE("progress.store: merge rules for one step") {
    StepRecord mine;
    mine.step = kStep;
    mine.status = StepStatus::Passed;
    mine.points = 8;
    mine.max_points = 10;
    mine.stars = 2;
    mine.attempts = 3;
    mine.time_on_task_s = 100;
    mine.first_time = 1000;
    mine.last_time = 2000;
    mine.last_program = "mine";
    StepRecord theirs = mine;
    theirs.status = StepStatus::Tried;
    theirs.points = 9;
    theirs.stars = 1;
    theirs.attempts = 2;
    theirs.time_on_task_s = 50;
    theirs.first_time = 500;
    theirs.last_time = 3000;
    theirs.last_program = "theirs";
    const StepRecord m = mergeRecords(mine, theirs);
    CHECK(m.status == StepStatus::Passed);  // a completed step is never lowered
    CHECK(m.points == 9);                   // the best points win
    CHECK(m.stars == 2);
    CHECK(m.attempts == 5);                 // separate histories add up
    CHECK(m.time_on_task_s == 150);
    CHECK(m.first_time == 500);
    CHECK(m.last_time == 3000);
    CHECK(m.last_program == "theirs");      // the later attempt's program
    // The same history seen twice (a backup restored twice) does not double the attempts.
    CHECK(mergeRecords(mine, mine) == mine);
    StepRecord later = mine;
    later.attempts = 5;
    later.last_time = 2500;
    CHECK(mergeRecords(mine, later).attempts == 5);
    CHECK(mergeRecords(later, mine).attempts == 5);
}
