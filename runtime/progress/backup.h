// progress/backup.h — backup files of one pupil or a whole class, to move progress between
// computers (school PCs are often wiped every night) and to collect a class from several PCs.
// Depends on: core (Status), progress/store. nlohmann-json only in the .cpp.
// Ownership: plain values; mergeBackup() changes the caller's store only when it succeeds.
// Errors: readBackup() rejects a hostile or broken file with a Status whose message_key is a
//   "progress.backup.*" catalogue key (where = the field path, e.g. "classes[0].pupils[3]") and
//   never aborts: size, nesting depth, counts, types, ranges, string lengths and UTF-8 are
//   checked, and the SHA-256 checksum must match.
//
// File (UTF-8 JSON, backup version 1):
//   {"format":"sandyq-backup","version":1,"created":<unix s>,"checksum":"sha256:<hex of data>",
//    "data":{"classes":[{"name","year","grade","pupils":[{"name","pin"?,"records":[…]}]}]}}
// Pupils are identified by class (name + school year) and display name, never by internal ids.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "progress/store.h"

namespace sandyq::progress {

constexpr int kBackupVersion = 1;
constexpr size_t kMaxBackupBytes = 32u << 20;
constexpr int kMaxBackupDepth = 10;

struct BackupPupil {
    std::string name;
    PinHash picture_pin;
    std::vector<StepRecord> records;
};
struct BackupClass {
    std::string name;
    int school_year = 0;
    int grade = 0;
    std::vector<BackupPupil> pupils;
};
struct Backup {
    int64_t created = 0;
    std::vector<BackupClass> classes;
    size_t pupilCount() const;
};

// The backup of some pupils (one pupil, a class: see pupilsOf) at `now` (Unix seconds).
std::string writeBackup(const ProgressStore& store, const std::vector<PupilId>& pupils, int64_t now);
std::string writeClassBackup(const ProgressStore& store, ClassId class_id, int64_t now);
// A file name for the download: "sandyq-<class>-<pupil or 'class'>-YYYY-MM-DD.json", with
// characters unsafe in file names replaced by '_'.
std::string backupFileName(const ProgressStore& store, ClassId class_id, PupilId pupil, int64_t now);

Result<Backup> readBackup(std::string_view bytes);

struct MergeReport {
    int classes_added = 0;
    int pupils_added = 0;
    int pupils_updated = 0;    // pupils that existed and got something better
    int records_changed = 0;   // records added or improved
};
// Merges by the rules of mergeRecords(): nothing completed is lowered, the best points win,
// attempts add up. All or nothing: on error (Limit, Invalid) the store is unchanged. On success
// pointers into the store (Class*, Pupil*, StepRecord*) are invalidated; ids stay valid.
Result<MergeReport> mergeBackup(ProgressStore& store, const Backup& backup);

// Several files at once (the teacher's USB stick): each is read and merged into `store`; a bad
// file is skipped with its Status (where = its name) and changes nothing.
struct FileInput {
    std::string name;
    std::string bytes;
    bool too_big = false;  // the page did not read it (over its size limit): rejected as too big
};
// readBackup of a picked file: a file the page left unread is "progress.backup.too_big".
Result<Backup> readBackup(const FileInput& file);
struct MultiMergeReport {
    MergeReport total;
    int files_merged = 0;
    std::vector<Status> rejected;  // one per file that was not merged
};
MultiMergeReport mergeBackupFiles(ProgressStore& store, const std::vector<FileInput>& files);

}  // namespace sandyq::progress
