// progress/store.h — the in-memory progress model: classes, pupils, the teacher PIN and one
// StepRecord per pupil and step, with the summaries the course map needs. Saving and loading are
// in progress/db.h; backups in progress/backup.h.
// Depends on: core (Status), progress/types, progress/hash. No I/O, no clock (time is injected).
// Ownership: a ProgressStore owns all its data by value; callers hold ClassId / PupilId handles
//   (ids are never reused in one store, so a stale id finds nothing instead of another pupil).
// Errors: bad arguments → Status{Invalid or Limit} with a "progress.err.*" key and nothing
//   changed; an unknown id → Status{NotFound, "progress.err.no_such_class|pupil"}.
// Rules: a step's status is never lowered; points and stars keep the best; attempts and time on
//   task add up; first/last time and the last program follow the attempts.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "progress/types.h"

namespace sandyq::progress {

// Trims, collapses runs of spaces/tabs/no-break spaces to one space. Names are compared after
// this and case-folding (so "әлия " and "Әлия" are the same pupil).
std::string normalizeName(std::string_view name);
std::string nameKey(std::string_view name);  // normalizeName + lower case; for comparisons

// Field checks shared by the store, loading and backups (Invalid + "progress.err.*" key).
Status validateName(std::string_view name);       // after normalizeName: 1..kMaxNameBytes, UTF-8
Status validateStepKey(const StepKey& key);
Status validateRecord(const StepRecord& r);
Status validateClassFields(int school_year, int grade);

// The merge rule for one step seen on two computers: the best status, points and stars win;
// attempts and time add up — unless both share the same first attempt (one is a later copy of
// the other, e.g. the same backup restored twice), then the larger values win; the last program
// is the one from the later attempt. Never lowers anything in `mine`.
StepRecord mergeRecords(const StepRecord& mine, const StepRecord& theirs);

class ProgressStore {
public:
    // ---- classes ------------------------------------------------------------------------------
    // Names are unique per school year (case-insensitive): a duplicate is Invalid
    // "progress.err.class_exists". Year 2000..2100, grade 1..11.
    Result<ClassId> addClass(std::string_view name, int school_year, int grade);
    Status editClass(ClassId id, std::string_view name, int school_year, int grade);
    Status removeClass(ClassId id);  // removes its pupils and all their progress
    const std::vector<Class>& classes() const { return classes_; }
    const Class* findClass(ClassId id) const;
    const Class* findClassByName(std::string_view name, int school_year) const;

    // ---- pupils -------------------------------------------------------------------------------
    // Display names are unique in a class (case-insensitive): "progress.err.pupil_exists".
    Result<PupilId> addPupil(ClassId class_id, std::string_view display_name);
    Status renamePupil(PupilId id, std::string_view display_name);
    Status movePupil(PupilId id, ClassId to);
    Status removePupil(PupilId id);    // the pupil and all their progress
    Status eraseProgress(PupilId id);  // keeps the pupil, forgets every step record
    const Pupil* findPupil(PupilId id) const;
    const Pupil* findPupilByName(ClassId class_id, std::string_view display_name) const;
    std::vector<const Pupil*> pupilsOf(ClassId class_id) const;  // in the order they were added
    const std::vector<Pupil>& pupils() const { return pupils_; }

    // Picture PIN: 3 or 4 distinct-or-not picture indices < kPictureCount; `salt` comes from the
    // platform's random source (any bytes; 16 recommended). Invalid "progress.err.picture_pin".
    Status setPicturePin(PupilId id, const std::vector<uint8_t>& pictures, std::string_view salt);
    Status clearPicturePin(PupilId id);  // the teacher's "reset PIN"
    bool hasPicturePin(PupilId id) const;
    bool checkPicturePin(PupilId id, const std::vector<uint8_t>& pictures) const;  // true if no PIN

    // ---- teacher PIN (4..8 digits) -------------------------------------------------------------
    Status setTeacherPin(std::string_view pin, std::string_view salt);
    bool hasTeacherPin() const { return !teacher_pin_.empty(); }
    bool checkTeacherPin(std::string_view pin) const;
    const PinHash& teacherPinHash() const { return teacher_pin_; }

    // ---- progress -----------------------------------------------------------------------------
    // Records one attempt at `now` (Unix seconds, injected). Invalid for a bad key or out-of-range
    // numbers (points > max_points, stars > kMaxStars, negative time, program too long).
    Status recordStep(PupilId pupil, const StepKey& step, const StepAttempt& attempt, int64_t now);
    const StepRecord* findRecord(PupilId pupil, const StepKey& step) const;  // nullptr if none
    const std::map<StepKey, StepRecord>& recordsOf(PupilId pupil) const;  // empty if unknown
    // The most recent record (to continue where the pupil stopped); nullptr if none.
    const StepRecord* lastActivity(PupilId pupil) const;
    LessonSummary lessonSummary(PupilId pupil, std::string_view pack_id, std::string_view lesson_id) const;
    PackSummary packSummary(PupilId pupil, std::string_view pack_id) const;

    // ---- low level: loading, merging, saving ---------------------------------------------------
    // Insert with the given id (Invalid if taken or fields bad; Limit over the size limits).
    Status insertClass(const Class& c);
    Status insertPupil(const Pupil& p);
    Status putRecord(PupilId pupil, const StepRecord& r);  // replaces; validated
    Status mergeRecord(PupilId pupil, const StepRecord& r);  // mergeRecords() with the existing one
    void setTeacherPinHash(const PinHash& h) { teacher_pin_ = h; ++roster_rev_; }
    void setPicturePinHash(PupilId id, const PinHash& h);
    uint32_t nextClassId() const { return next_class_id_; }
    uint32_t nextPupilId() const { return next_pupil_id_; }
    void reserveIds(uint32_t next_class, uint32_t next_pupil);  // never lowers the counters

    // Change counters: the roster (classes, pupils, PINs) and each pupil's records. ProgressDb
    // compares them with what it saved last to write only what changed.
    uint64_t rosterRevision() const { return roster_rev_; }
    uint64_t pupilRevision(PupilId id) const;

private:
    struct PupilData {
        std::map<StepKey, StepRecord> records;
        uint64_t rev = 1;
    };
    Class* classById(ClassId id);
    Pupil* pupilById(PupilId id);
    PupilData* dataOf(PupilId id);
    void touch(PupilId id);

    std::vector<Class> classes_;
    std::vector<Pupil> pupils_;
    std::map<uint32_t, PupilData> data_;
    PinHash teacher_pin_;
    uint32_t next_class_id_ = 1;
    uint32_t next_pupil_id_ = 1;
    uint64_t roster_rev_ = 1;
};

}  // namespace sandyq::progress
