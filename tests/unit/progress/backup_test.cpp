#include "progress/backup.h"

#include <doctest/doctest.h>

#define JSON_NOEXCEPTION 1
#include <nlohmann/json.hpp>

#include "progress/hash.h"

using namespace sandyq;
using namespace sandyq::progress;
using nlohmann::json;

namespace {

StepAttempt attempt(bool passed, int points, int max, int stars = 0, std::string program = "p") {
    StepAttempt a;
    a.passed = passed;
    a.points = points;
    a.max_points = max;
    a.stars = stars;
    a.time_on_task_s = 60;
    a.program = std::move(program);
    a.program_kind = ProgramKind::Text;
    return a;
}

struct Fixture {
    ProgressStore s;
    ClassId c;
    PupilId aliya, erlan;
    Fixture() {
        c = s.addClass("3 Ә", 2026, 3).value();
        aliya = s.addPupil(c, "Әлия").value();
        erlan = s.addPupil(c, "Ерлан").value();
        REQUIRE(s.setPicturePin(aliya, {1, 2, 3}, "salt").ok());
        REQUIRE(s.recordStep(aliya, {"robots", "l1", "s1"}, attempt(true, 8, 10, 2, "forward(2)"), 1000).ok());
        REQUIRE(s.recordStep(erlan, {"robots", "l1", "s1"}, attempt(false, 3, 10, 0), 1100).ok());
    }
};

// Rewrites a backup's data through `edit` and fixes the checksum, so that only the edit is wrong.
std::string tamper(const std::string& file, void (*edit)(json&)) {
    json doc = json::parse(file, nullptr, false);
    edit(doc["data"]);
    doc["checksum"] = "sha256:" + sha256Hex(doc["data"].dump());
    return doc.dump();
}

}  // namespace

TEST_CASE("progress.backup: a class backup restores on another computer") {
    Fixture f;
    const std::string file = writeClassBackup(f.s, f.c, 1'800'000'000);
    CHECK(file.find("\"format\":\"sandyq-backup\"") != std::string::npos);
    Result<Backup> b = readBackup(file);
    REQUIRE(b.ok());
    CHECK(b.value().created == 1'800'000'000);
    CHECK(b.value().pupilCount() == 2);
    ProgressStore other;
    const MergeReport m = mergeBackup(other, b.value()).value();
    CHECK(m.classes_added == 1);
    CHECK(m.pupils_added == 2);
    CHECK(m.records_changed == 2);
    const Class* c = other.findClassByName("3 Ә", 2026);
    REQUIRE(c);
    const Pupil* a = other.findPupilByName(c->id, "Әлия");
    REQUIRE(a);
    CHECK(*other.findRecord(a->id, {"robots", "l1", "s1"}) == *f.s.findRecord(f.aliya, {"robots", "l1", "s1"}));
    CHECK(other.checkPicturePin(a->id, {1, 2, 3}));
    CHECK_FALSE(other.checkPicturePin(a->id, {3, 2, 1}));
    // Restoring the same file again changes nothing (attempts are not doubled).
    const PupilId aid = a->id;
    const MergeReport again = mergeBackup(other, b.value()).value();  // pointers into `other` are stale now
    CHECK(again.records_changed == 0);
    REQUIRE(other.findRecord(aid, {"robots", "l1", "s1"}));
    CHECK(other.findRecord(aid, {"robots", "l1", "s1"})->attempts == 1);
    CHECK(backupFileName(f.s, f.c, f.aliya, 1'800'000'000) == "sandyq-3_Ә-Әлия-2027-01-15.json");
}

TEST_CASE("progress.backup: merge rules across two computers") {
    Fixture home;  // computer 1
    ProgressStore school;  // computer 2: the same pupil did other things there
    const ClassId c = school.addClass("3 ә", 2026, 3).value();
    const PupilId a = school.addPupil(c, "әлия").value();
    REQUIRE(school.recordStep(a, {"robots", "l1", "s1"}, attempt(false, 9, 10, 1, "right()"), 2000).ok());
    REQUIRE(school.recordStep(a, {"robots", "l1", "s1"}, attempt(false, 2, 10, 0, "left()"), 2100).ok());
    REQUIRE(school.recordStep(a, {"robots", "l2", "s1"}, attempt(true, 5, 5, 3), 2200).ok());
    const MergeReport m = mergeBackup(school, readBackup(writeBackup(home.s, {home.aliya}, 3000)).value()).value();
    CHECK(m.classes_added == 0);  // matched by class name and year, case-insensitively
    CHECK(m.pupils_added == 0);
    CHECK(m.pupils_updated == 1);
    const StepRecord* r = school.findRecord(a, {"robots", "l1", "s1"});
    REQUIRE(r);
    CHECK(r->status == StepStatus::Passed);  // passed at home: never lowered
    CHECK(r->points == 9);                   // best points: from the school PC
    CHECK(r->stars == 2);
    CHECK(r->attempts == 3);                 // 1 at home + 2 at school
    CHECK(r->first_time == 1000);
    CHECK(r->last_time == 2100);
    CHECK(r->last_program == "left()");      // the latest attempt
    CHECK(school.findRecord(a, {"robots", "l2", "s1"})->status == StepStatus::Passed);
    // And the other way round gives the same step.
    Fixture home2;
    (void)mergeBackup(home2.s, readBackup(writeBackup(school, {a}, 3000)).value()).value();
    const StepRecord* r2 = home2.s.findRecord(home2.aliya, {"robots", "l1", "s1"});
    CHECK(r2->status == StepStatus::Passed);
    CHECK(r2->points == 9);
    CHECK(r2->attempts == 3);
}

TEST_CASE("progress.backup: hostile or broken files are rejected with a message and change nothing") {
    Fixture f;
    const std::string good = writeClassBackup(f.s, f.c, 1'800'000'000);
    const auto rejectKey = [&](const std::string& bytes) {
        ProgressStore before = f.s;
        MultiMergeReport r = mergeBackupFiles(f.s, {{"x.json", bytes}});
        CHECK(r.files_merged == 0);
        REQUIRE(r.rejected.size() == 1);
        CHECK(r.rejected[0].where == "x.json");
        CHECK(f.s.pupils().size() == before.pupils().size());
        CHECK(f.s.recordsOf(f.aliya) == before.recordsOf(f.aliya));
        CHECK(f.s.rosterRevision() == before.rosterRevision());
        return r.rejected[0].message_key;
    };
    for (size_t cut : {size_t(0), size_t(1), good.size() / 3, good.size() / 2, good.size() - 3}) {
        CAPTURE(cut);
        const std::string k = rejectKey(good.substr(0, cut));
        CHECK((k == "progress.backup.not_json" || k == "progress.backup.checksum"));
    }
    std::string flipped = good;
    flipped[flipped.find("forward(2)")] = 'F';
    CHECK(rejectKey(flipped) == "progress.backup.checksum");
    CHECK(rejectKey("{\"format\":\"other\"}") == "progress.backup.not_backup");
    CHECK(rejectKey("[1,2,3]") == "progress.backup.not_json");
    CHECK(rejectKey(std::string(100000, '[') + std::string(100000, ']')) == "progress.backup.too_deep");
    CHECK(rejectKey(std::string(kMaxBackupBytes + 1, ' ')) == "progress.backup.too_big");
    std::string newer = good;
    newer.replace(newer.find("\"version\":1"), 11, "\"version\":7");
    CHECK(rejectKey(newer) == "progress.backup.newer_version");
    CHECK(rejectKey(tamper(good, [](json& d) { d["classes"][0]["pupils"][0]["records"][0]["pt"] = 1e300; })) ==
          "progress.backup.bad_field");
    CHECK(rejectKey(tamper(good, [](json& d) { d["classes"][0]["pupils"][0]["records"][0]["at"] = -1; })) ==
          "progress.backup.bad_field");
    CHECK(rejectKey(tamper(good, [](json& d) { d["classes"][0]["pupils"][0]["records"][0]["pt"] = 11; })) ==
          "progress.backup.bad_field");  // more points than the maximum
    CHECK(rejectKey(tamper(good, [](json& d) {
              d["classes"][0]["pupils"][0]["records"][0]["lt"] = 18446744073709551615ull;
          })) == "progress.backup.bad_field");
    CHECK(rejectKey(tamper(good, [](json& d) { d["classes"][0]["pupils"][0]["name"] = 42; })) ==
          "progress.backup.bad_field");
    std::string bad_utf8 = good;
    bad_utf8.replace(bad_utf8.find("Ерлан"), 2, "\xC3\x28");
    CHECK(rejectKey(bad_utf8) == "progress.backup.not_json");
    CHECK(rejectKey(tamper(good, [](json& d) { d["classes"][0]["pupils"][0]["name"] = std::string(500, 'a'); })) ==
          "progress.backup.bad_field");
    CHECK(rejectKey(tamper(good, [](json& d) { d["classes"][0]["pupils"] = "all"; })) == "progress.backup.bad_field");
    CHECK(rejectKey(tamper(good, [](json& d) { d["classes"][0]["grade"] = 99; })) == "progress.backup.bad_field");
    CHECK(rejectKey(tamper(good, [](json& d) { d["classes"][0]["pupils"][1]["name"] = "ӘЛИЯ"; })) ==
          "progress.backup.duplicate_pupil");
    CHECK(rejectKey(tamper(good, [](json& d) { d["classes"][0]["pupils"][0]["pin"]["iter"] = 1000000000; })) ==
          "progress.backup.bad_field");
    CHECK(rejectKey(tamper(good, [](json& d) {
              json many = json::array();
              for (int i = 0; i < 201; ++i) many.push_back({{"name", "P" + std::to_string(i)}, {"records", json::array()}});
              d["classes"][0]["pupils"] = many;
          })) == "progress.backup.too_many");
    const std::string where = readBackup(tamper(good, [](json& d) {
                                  d["classes"][0]["pupils"][1]["records"][0]["st"] = "passed";
                              })).status().where;
    CHECK(where == "classes[0].pupils[1].records[0]");
}

TEST_CASE("progress.backup: a merge that would overfill a class is all or nothing") {
    Fixture f;
    ProgressStore big;
    const ClassId c = big.addClass("3 Ә", 2026, 3).value();
    for (size_t i = 0; i + 1 < kMaxPupilsPerClass; ++i) REQUIRE(big.addPupil(c, "P" + std::to_string(i)).ok());
    const uint64_t rev = big.rosterRevision();
    Result<MergeReport> r = mergeBackup(big, readBackup(writeClassBackup(f.s, f.c, 5)).value());
    CHECK(r.status().code == ErrorCode::Limit);
    CHECK(big.pupilsOf(c).size() == kMaxPupilsPerClass - 1);  // not even the first pupil was added
    CHECK(big.rosterRevision() == rev);
}

TEST_CASE("progress.backup: many files at once, bad ones skipped") {
    Fixture f;
    ProgressStore teacher;
    const MultiMergeReport r = mergeBackupFiles(
        teacher, {{"a.json", writeBackup(f.s, {f.aliya}, 10)}, {"broken.json", "{"}, {"e.json", writeBackup(f.s, {f.erlan}, 10)}});
    CHECK(r.files_merged == 2);
    REQUIRE(r.rejected.size() == 1);
    CHECK(r.rejected[0].where == "broken.json");
    CHECK(r.total.pupils_added == 2);
    CHECK(teacher.pupils().size() == 2);
}
