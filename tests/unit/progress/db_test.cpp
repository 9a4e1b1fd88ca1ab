#include "progress/db.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "fault_storage.h"
#include "platform/file_storage.h"
#include "progress/hash.h"

using namespace sandyq;
using namespace sandyq::progress;
using test::FaultStorage;

namespace {

StepAttempt attempt(bool passed, int points, int max, int stars = 0) {
    StepAttempt a;
    a.passed = passed;
    a.points = points;
    a.max_points = max;
    a.stars = stars;
    a.time_on_task_s = 30;
    a.program = "forward(" + std::to_string(points) + ")";
    a.program_kind = ProgramKind::Text;
    return a;
}

std::string readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    REQUIRE(f.good());
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// What a test compares: each pupil's class, name and records (ids are internal).
struct PupilSnap {
    std::string cls, name;
    std::map<StepKey, StepRecord> records;
    bool operator==(const PupilSnap&) const = default;
};
using Snap = std::map<uint32_t, PupilSnap>;
Snap snap(const ProgressStore& s) {
    Snap out;
    for (const Pupil& p : s.pupils()) out[p.id.value] = {s.findClass(p.class_id)->name, p.display_name, s.recordsOf(p.id)};
    return out;
}

}  // namespace

TEST_CASE("progress.db: save, reopen, only changed files are written") {
    core::MemoryStorage mem;
    {
        ProgressDb db(mem);
        CHECK(db.open().outcome == LoadOutcome::Empty);
        ProgressStore& s = db.data();
        const ClassId c = s.addClass("3 Ә", 2026, 3).value();
        const PupilId a = s.addPupil(c, "Әлия").value();
        const PupilId b = s.addPupil(c, "Ерлан").value();
        REQUIRE(s.setTeacherPin("2580", "salt").ok());
        REQUIRE(s.setPicturePin(b, {1, 2, 3}, "s2").ok());
        REQUIRE(s.recordStep(a, {"p", "l1", "s1"}, attempt(true, 5, 5, 3), 1000).ok());
        CHECK(db.dirty());
        REQUIRE(db.save().ok());
        CHECK_FALSE(db.dirty());
        CHECK(db.lastSaveFiles() == 3);  // roster + two pupils
        REQUIRE(s.recordStep(a, {"p", "l1", "s2"}, attempt(false, 1, 5), 1100).ok());
        REQUIRE(db.save().ok());
        CHECK(db.lastSaveFiles() == 1);  // a step writes one pupil's file, not the class
        REQUIRE(db.save().ok());
        CHECK(db.lastSaveFiles() == 0);
        (void)b;
    }
    ProgressDb db(mem);
    const OpenReport rep = db.open();
    CHECK(rep.outcome == LoadOutcome::Loaded);
    CHECK(rep.notes.empty());
    const ProgressStore& s = db.data();
    REQUIRE(s.pupils().size() == 2);
    const Pupil* a = s.findPupilByName(s.classes()[0].id, "Әлия");
    REQUIRE(a != nullptr);
    CHECK(s.recordsOf(a->id).size() == 2);
    CHECK(s.findRecord(a->id, {"p", "l1", "s1"})->stars == 3);
    CHECK(s.checkTeacherPin("2580"));
    CHECK(s.checkPicturePin(s.findPupilByName(s.classes()[0].id, "Ерлан")->id, {1, 2, 3}));
    CHECK_FALSE(s.checkPicturePin(s.findPupilByName(s.classes()[0].id, "Ерлан")->id, {1, 2, 4}));
    CHECK_FALSE(db.dirty());
    // The files on storage hold no PIN in plain text.
    const std::vector<std::string> keys = mem.list("").value();
    for (const std::string& k : keys) CHECK(mem.read(k).value().find("2580") == std::string::npos);
}

TEST_CASE("progress.db: quota exceeded → Quota status, data in memory unchanged, saved later") {
    core::MemoryStorage mem;
    ProgressDb db(mem);
    (void)db.open();
    const PupilId p = db.data().addPupil(db.data().addClass("2 А", 2026, 2).value(), "Дана").value();
    REQUIRE(db.save().ok());
    mem.setCapacity(mem.read(ProgressDb::rosterKey('b')).value().size() + 10);
    REQUIRE(db.data().recordStep(p, {"p", "l", "s"}, attempt(true, 3, 3), 500).ok());
    const Snap before = snap(db.data());
    const Status st = db.save();
    CHECK(st.code == ErrorCode::Quota);
    CHECK(st.message_key == "err.storage.quota");
    CHECK(snap(db.data()) == before);
    CHECK(db.dirty());
    mem.setCapacity(static_cast<size_t>(-1));
    REQUIRE(db.save().ok());
    ProgressDb again(mem);
    CHECK(again.open().outcome == LoadOutcome::Loaded);
    CHECK(snap(again.data()) == before);
}

namespace {
class UnavailableStorage final : public core::Storage {
    static Status no() { return Status::error(ErrorCode::Unavailable, "err.storage.unavailable"); }
public:
    Result<std::string> read(std::string_view) override { return no(); }
    Status writeAtomic(std::string_view, std::string_view) override { return no(); }
    Status remove(std::string_view) override { return no(); }
    Result<std::vector<std::string>> list(std::string_view) override { return no(); }
};
}  // namespace

TEST_CASE("progress.db: storage unavailable (private mode) → Failed, nothing is written over") {
    UnavailableStorage none;
    ProgressDb db(none);
    const OpenReport rep = db.open();
    CHECK(rep.outcome == LoadOutcome::Failed);
    CHECK(rep.status.code == ErrorCode::Unavailable);
    CHECK(db.data().addClass("1 А", 2026, 1).ok());  // the app still works in memory
    CHECK(db.save().message_key == "progress.err.read_only");
}

TEST_CASE("progress.db: a damaged file → the last good copy, and the teacher is told whose") {
    core::MemoryStorage mem;
    ProgressDb db(mem);
    (void)db.open();
    ProgressStore& s = db.data();
    const ClassId c = s.addClass("4 Б", 2026, 4).value();
    const PupilId a = s.addPupil(c, "Әлия").value();
    const PupilId b = s.addPupil(c, "Болат").value();
    REQUIRE(s.recordStep(a, {"p", "l", "s1"}, attempt(true, 4, 5), 100).ok());
    REQUIRE(s.recordStep(b, {"p", "l", "s1"}, attempt(true, 5, 5), 100).ok());
    REQUIRE(db.save().ok());
    const Snap good = snap(s);
    REQUIRE(s.recordStep(a, {"p", "l", "s2"}, attempt(true, 2, 5), 200).ok());
    REQUIRE(db.save().ok());  // Әлия's newest file is slot a (generation 2)

    SUBCASE("one flipped byte in the newest copy") {
        std::string bytes = mem.read(ProgressDb::pupilKey(a, 'a')).value();
        bytes[bytes.size() / 2] ^= 0x20;
        REQUIRE(mem.writeAtomic(ProgressDb::pupilKey(a, 'a'), bytes).ok());
        ProgressDb again(mem);
        const OpenReport rep = again.open();
        CHECK(rep.outcome == LoadOutcome::Recovered);
        REQUIRE(rep.notes.size() == 1);
        CHECK(rep.notes[0].message_key == "progress.recovered.pupil");
        CHECK(rep.notes[0].where == "Әлия");
        CHECK(snap(again.data()) == good);  // the previous save, complete
        CHECK(mem.read("progress/broken/pupil-" + std::to_string(a.value) + ".a.json").ok());
        // The next save rewrites the damaged file; then everything is clean again.
        REQUIRE(again.save().ok());
        ProgressDb third(mem);
        CHECK(third.open().outcome == LoadOutcome::Loaded);
    }
    SUBCASE("both copies of one pupil destroyed: that pupil's progress is reported lost, others load") {
        REQUIRE(mem.writeAtomic(ProgressDb::pupilKey(a, 'a'), "garbage").ok());
        REQUIRE(mem.writeAtomic(ProgressDb::pupilKey(a, 'b'), "{\"format\":1}").ok());
        ProgressDb again(mem);
        const OpenReport rep = again.open();
        CHECK(rep.outcome == LoadOutcome::Damaged);
        REQUIRE(rep.notes.size() == 1);
        CHECK(rep.notes[0].message_key == "progress.lost.pupil");
        CHECK(rep.notes[0].where == "Әлия");
        CHECK(again.data().recordsOf(b).size() == 1);
        CHECK(again.data().recordsOf(a).empty());
        CHECK(again.data().findPupil(a) != nullptr);  // the pupil stays in the class
    }
    SUBCASE("both roster copies destroyed: the class list is rebuilt from the pupils' files") {
        REQUIRE(mem.writeAtomic(ProgressDb::rosterKey('a'), "x").ok());
        REQUIRE(mem.writeAtomic(ProgressDb::rosterKey('b'), "").ok());
        ProgressDb again(mem);
        const OpenReport rep = again.open();
        CHECK(rep.outcome == LoadOutcome::Recovered);
        CHECK(rep.notes[0].message_key == "progress.lost.roster");
        CHECK(rep.notes.size() == 3);  // + each pupil brought back
        const Snap got = snap(again.data());
        Snap want = snap(s);
        CHECK(got.size() == 2);
        for (const auto& [id, p] : want) {
            REQUIRE(got.count(id));
            CHECK(got.at(id) == p);
        }
    }
    SUBCASE("a file from a newer Sandyq is never overwritten") {
        std::string roster = mem.read(ProgressDb::rosterKey('b')).value();
        const size_t at = roster.find("\"version\":2");
        REQUIRE(at != std::string::npos);
        roster.replace(at, 11, "\"version\":9");
        REQUIRE(mem.writeAtomic(ProgressDb::rosterKey('b'), roster).ok());
        ProgressDb again(mem);
        const OpenReport rep = again.open();
        CHECK(rep.outcome == LoadOutcome::Failed);
        CHECK(rep.status.message_key == "progress.err.newer_version");
        CHECK(again.save().message_key == "progress.err.read_only");
        CHECK(mem.read(ProgressDb::rosterKey('b')).value() == roster);
    }
}

TEST_CASE("progress.db: removing a pupil removes their files; an interrupted removal is finished on open") {
    core::MemoryStorage mem;
    ProgressDb db(mem);
    (void)db.open();
    const ClassId c = db.data().addClass("3 В", 2026, 3).value();
    const PupilId a = db.data().addPupil(c, "Әлия").value();
    REQUIRE(db.data().recordStep(a, {"p", "l", "s"}, attempt(true, 1, 1), 10).ok());
    REQUIRE(db.save().ok());
    REQUIRE(db.data().removePupil(a).ok());
    FaultStorage faulty(mem);
    ProgressDb db2(faulty);
    REQUIRE(db2.open().outcome == LoadOutcome::Loaded);
    REQUIRE(db2.data().removePupil(a).ok());
    faulty.crashAt(1, FaultStorage::Mode::Before);  // roster written, then the tab closes
    CHECK_FALSE(db2.save().ok());
    CHECK(mem.read(ProgressDb::pupilKey(a, 'b')).ok());
    ProgressDb db3(mem);
    CHECK(db3.open().outcome == LoadOutcome::Loaded);
    CHECK(db3.data().pupils().empty());
    CHECK_FALSE(mem.read(ProgressDb::pupilKey(a, 'b')).ok());
    REQUIRE(db.save().ok());
    CHECK(mem.list("progress/v2").value().size() == 2);  // the two roster slots only
}

// ---- migrations ----------------------------------------------------------------------------------

TEST_CASE("progress.db: schema v1 (one file, plain picture PINs) migrates to v2") {
    const std::string v1 = readFile(SANDYQ_SOURCE_DIR "/tests/golden/progress/schema/v1_progress.json");
    for (const char* key : {"progress/progress.json", "progress/progress.last_good.json"}) {
        CAPTURE(key);
        core::MemoryStorage mem;
        REQUIRE(mem.writeAtomic(key, v1).ok());
        if (std::string(key) == "progress/progress.last_good.json") {
            REQUIRE(mem.writeAtomic("progress/progress.json", v1.substr(0, 300)).ok());  // torn main file
        }
        ProgressDb db(mem);
        const OpenReport rep = db.open();
        CHECK(rep.from_version == 1);
        CHECK(rep.status.ok());
        CHECK(rep.outcome == (std::string(key) == "progress/progress.json" ? LoadOutcome::Migrated : LoadOutcome::Recovered));
        const ProgressStore& s = db.data();
        REQUIRE(s.classes().size() == 2);
        const Class* c3 = s.findClassByName("3 ә", 2025);
        REQUIRE(c3 != nullptr);
        CHECK(c3->grade == 3);
        const Pupil* aliya = s.findPupilByName(c3->id, "Әлия");
        const Pupil* erlan = s.findPupilByName(c3->id, "Ерлан");
        REQUIRE(aliya);
        REQUIRE(erlan);
        const StepRecord* r = s.findRecord(aliya->id, {"g3-robots", "l01", "maze1"});
        REQUIRE(r);
        CHECK(r->status == StepStatus::Passed);
        CHECK(r->attempts == 4);
        CHECK(r->time_on_task_s == 310);
        CHECK(r->program_kind == ProgramKind::Text);
        CHECK(s.findRecord(erlan->id, {"g3-robots", "l01", "maze1"})->program_kind == ProgramKind::Blocks);
        CHECK(s.findRecord(aliya->id, {"g3-robots", "l01", "quiz1"})->status == StepStatus::Tried);
        CHECK(s.checkTeacherPin("1234"));
        CHECK_FALSE(s.checkTeacherPin("4321"));
        CHECK(s.checkPicturePin(erlan->id, {3, 1, 4, 1}));
        CHECK_FALSE(s.checkPicturePin(erlan->id, {3, 1, 4}));
        CHECK_FALSE(s.hasPicturePin(aliya->id));
        // Migrated: v1 files gone, v2 files in place, and the PINs are no longer in plain text.
        CHECK_FALSE(mem.read("progress/progress.json").ok());
        CHECK_FALSE(mem.read("progress/progress.last_good.json").ok());
        CHECK(mem.read(ProgressDb::rosterKey('b')).value().find("[3,1,4,1]") == std::string::npos);
        ProgressDb again(mem);
        CHECK(again.open().outcome == LoadOutcome::Loaded);
        CHECK(snap(again.data()) == snap(s));
    }
}

TEST_CASE("progress.db: a v1 migration that cannot be saved keeps the v1 file and runs again") {
    const std::string v1 = readFile(SANDYQ_SOURCE_DIR "/tests/golden/progress/schema/v1_progress.json");
    core::MemoryStorage mem;
    REQUIRE(mem.writeAtomic("progress/progress.json", v1).ok());
    mem.setCapacity(v1.size() + 100);
    ProgressDb db(mem);
    const OpenReport rep = db.open();
    CHECK(rep.status.code == ErrorCode::Quota);
    CHECK(db.data().pupils().size() == 3);  // loaded in memory all the same
    CHECK(mem.read("progress/progress.json").value() == v1);
    mem.setCapacity(static_cast<size_t>(-1));
    ProgressDb again(mem);
    CHECK(again.open().outcome == LoadOutcome::Migrated);
    CHECK(again.data().pupils().size() == 3);
}

TEST_CASE("progress.db: schema v2 files from the repository load unchanged") {
    core::MemoryStorage mem;
    const std::string dir = SANDYQ_SOURCE_DIR "/tests/golden/progress/schema/v2/";
    REQUIRE(mem.writeAtomic(ProgressDb::rosterKey('a'), readFile(dir + "roster.a.json")).ok());
    REQUIRE(mem.writeAtomic("progress/v2/pupil-1.b.json", readFile(dir + "pupil-1.b.json")).ok());
    ProgressDb db(mem);
    const OpenReport rep = db.open();
    CHECK(rep.outcome == LoadOutcome::Loaded);
    CHECK(rep.from_version == 2);
    const ProgressStore& s = db.data();
    REQUIRE(s.pupils().size() == 2);
    CHECK(s.findRecord(PupilId{1}, {"g3-robots", "l01", "maze1"})->points == 10);
    CHECK(s.checkTeacherPin("1234"));
    CHECK(s.recordsOf(PupilId{2}).empty());
}

// ---- crash consistency ---------------------------------------------------------------------------

namespace {

// One random session: classes, pupils, steps, renames and removals, saved after every change.
// Crashes at storage operation `crash_at`; returns {last committed state, attempted state}.
struct CrashRun {
    Snap committed, attempted;
    bool crashed = false;
};

CrashRun runSession(core::Storage& storage, FaultStorage& faulty, uint32_t seed) {
    std::mt19937 rng(seed);
    CrashRun run;
    ProgressDb db(faulty);
    REQUIRE(db.open().outcome != LoadOutcome::Failed);
    ProgressStore& s = db.data();
    run.committed = snap(s);
    std::vector<ClassId> classes;
    for (const Class& c : s.classes()) classes.push_back(c.id);
    int64_t now = 1'760'000'000;
    for (int i = 0; i < 40 && !faulty.crashed(); ++i) {
        const int op = static_cast<int>(rng() % 20);
        std::vector<PupilId> pupils;
        for (const Pupil& p : s.pupils()) pupils.push_back(p.id);
        if (classes.empty() || op == 0) {
            Result<ClassId> c = s.addClass("Class " + std::to_string(rng() % 1000), 2026, 1 + static_cast<int>(rng() % 4));
            if (c.ok()) classes.push_back(c.value());
        } else if (pupils.size() < 3 || op == 1) {
            (void)s.addPupil(classes[rng() % classes.size()], "Pupil " + std::to_string(rng() % 1000));
        } else if (op == 2) {
            (void)s.renamePupil(pupils[rng() % pupils.size()], "Renamed " + std::to_string(rng() % 1000));
        } else if (op == 3 && pupils.size() > 3) {
            (void)s.removePupil(pupils[rng() % pupils.size()]);
        } else {
            const PupilId p = pupils[rng() % pupils.size()];
            const StepKey k{"pack", "l" + std::to_string(rng() % 5), "s" + std::to_string(rng() % 4)};
            const int max = 10;
            const int pts = static_cast<int>(rng() % 11);
            REQUIRE(s.recordStep(p, k, attempt(pts >= 6, pts, max, pts / 4), now += 60).ok());
        }
        const Snap attempted = snap(s);
        if (db.save().ok()) {
            run.committed = attempted;
        } else {
            REQUIRE(faulty.crashed());
            run.attempted = attempted;
            run.crashed = true;
        }
    }
    (void)storage;
    return run;
}

// After a crash: every pupil saved before is there with the saved records or the attempted ones.
void checkNothingSavedIsLost(const CrashRun& run, const OpenReport& rep, const ProgressStore& loaded) {
    CHECK(rep.outcome != LoadOutcome::Failed);
    // "Lost" is only said of a pupil whose first file was being written: nothing of theirs had
    // been saved before (a torn first write on a non-atomic backend).
    for (const Status& n : rep.notes) {
        if (n.message_key != "progress.lost.pupil") continue;
        for (const auto& [id, p] : run.committed) if (p.name == n.where) CHECK(p.records.empty());
    }
    CHECK(rep.outcome != LoadOutcome::Failed);
    const Snap got = snap(loaded);
    for (const auto& [id, saved] : run.committed) {
        const auto g = got.find(id);
        const auto att = run.attempted.find(id);
        if (g == got.end()) {
            // Only a removal that was being saved may make a pupil disappear.
            CHECK(att == run.attempted.end());
            continue;
        }
        const bool as_saved = g->second.records == saved.records;
        const bool as_attempted = att != run.attempted.end() && g->second.records == att->second.records;
        CHECK((as_saved || as_attempted));
    }
    for (const auto& [id, p] : got) {
        if (run.committed.count(id)) continue;
        const auto att = run.attempted.find(id);
        REQUIRE(att != run.attempted.end());  // nothing appears that was never in memory
        CHECK((p.records.empty() || p.records == att->second.records));
    }
}

}  // namespace

TEST_CASE("progress.db: 1500 crashes injected at random points of saves lose nothing saved before") {
    std::mt19937 rng(20261123);
    int crashes = 0;
    for (int i = 0; i < 1500; ++i) {
        core::MemoryStorage mem;
        // Some history first (saved without faults), so that crashes hit overwrites.
        {
            FaultStorage ok(mem);
            (void)runSession(mem, ok, static_cast<uint32_t>(rng()));
        }
        FaultStorage faulty(mem);
        const auto mode = static_cast<FaultStorage::Mode>(rng() % 3);
        faulty.crashAt(static_cast<int>(rng() % 60), mode, rng());
        const CrashRun run = runSession(mem, faulty, static_cast<uint32_t>(rng()));
        if (!run.crashed) continue;
        ++crashes;
        ProgressDb after(mem);
        const OpenReport rep = after.open();
        checkNothingSavedIsLost(run, rep, after.data());
        // And the store keeps working after the recovery.
        CHECK(after.save().ok());
    }
    MESSAGE("injected crashes: " << crashes);
    CHECK(crashes >= 1000);
}

#ifndef __EMSCRIPTEN__
TEST_CASE("progress.db: crashes at every FileStorage write stage on real files lose nothing saved") {
    char tmpl[] = "/tmp/sandyq-progress-XXXXXX";
    REQUIRE(mkdtemp(tmpl) != nullptr);
    std::mt19937 rng(7);
    int crashes = 0;
    for (int i = 0; i < 30; ++i) {
        const std::string root = std::string(tmpl) + "/run" + std::to_string(i);
        platform::FileStorage files(root);
        REQUIRE(files.open().ok());
        // Crash at the n-th write, at one of the three stages inside FileStorage::writeAtomic.
        const int target = static_cast<int>(rng() % 30);
        const auto stage = static_cast<platform::FileStorage::WriteStage>(1 + rng() % 3);
        int writes = 0;
        bool dead = false;
        files.setWriteHook([&](platform::FileStorage::WriteStage at) {
            if (dead) return false;
            if (at == platform::FileStorage::WriteStage::TempPartlyWritten && writes++ == target) dead = true;
            if (dead && at != stage) return true;
            return !dead;
        });
        CrashRun run;
        {
            // The session stops at the first failed save, as if the machine had gone off there.
            std::mt19937 srng(static_cast<uint32_t>(rng()));
            ProgressDb db(files);
            REQUIRE(db.open().outcome != LoadOutcome::Failed);
            run.committed = snap(db.data());
            int64_t now = 1'800'000'000;
            for (int k = 0; k < 30; ++k) {
                ProgressStore& s = db.data();
                if (s.pupils().empty() || srng() % 8 == 0) {
                    if (s.classes().empty()) (void)s.addClass("К", 2026, 2);
                    (void)s.addPupil(s.classes()[0].id, "P" + std::to_string(srng() % 500));
                } else {
                    const PupilId p = s.pupils()[srng() % s.pupils().size()].id;
                    REQUIRE(s.recordStep(p, {"pk", "l", "s" + std::to_string(srng() % 6)},
                                         attempt(true, static_cast<int>(srng() % 6), 5), now += 5).ok());
                }
                const Snap attempted = snap(s);
                if (db.save().ok()) {
                    run.committed = attempted;
                } else {
                    run.attempted = attempted;
                    run.crashed = true;
                    break;
                }
            }
        }
        files.setWriteHook({});
        if (!run.crashed) continue;
        ++crashes;
        platform::FileStorage reopened(root);
        REQUIRE(reopened.open().ok());  // removes the temp file a crash left
        ProgressDb after(reopened);
        const OpenReport rep = after.open();
        checkNothingSavedIsLost(run, rep, after.data());
    }
    MESSAGE("crashes inside FileStorage: " << crashes);
    CHECK(crashes >= 20);
    (void)std::system((std::string("rm -rf ") + tmpl).c_str());
}
#endif
