// progress/db.h — durable progress: a ProgressStore saved through core::Storage so that a crash,
// a full disk, a closed tab or a damaged file never loses what was saved before.
// Depends on: core (Status, Storage), progress/store. nlohmann-json only in the .cpp.
// Ownership: a ProgressDb owns its ProgressStore; it borrows the Storage (which must outlive it).
// Errors: open() returns an OpenReport (what was loaded, recovered or lost, each as a Status with
//   a "progress.recovered.*" / "progress.lost.*" key and `where` = the pupil or class name);
//   save() returns the Storage's Status (Quota, Unavailable, Io) and never changes the data in
//   memory, so the UI can warn and offer a backup download (progress/backup.h) instead.
//
// Layout (schema version 2, kSchemaVersion), all under "progress/v2/":
//   roster.a.json | roster.b.json      classes, pupils, PIN hashes
//   pupil-<id>.a.json | .b.json        one pupil's step records (+ their class and name, so the
//                                      roster can be rebuilt from them)
// Every file is {"format","version","gen","checksum":"crc32:…","data"}. A save writes the new
// generation into the slot NOT holding the latest one, so the last good copy always survives;
// open() takes the newest slot whose checksum holds. After a step only that pupil's file is
// written (a few ms for 500 records), never the whole class.
// Version 1 (one file "progress/progress.json" + "progress/progress.last_good.json", picture
// PINs in plain text) is migrated on open(): read, PINs hashed, saved as v2, then removed.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/storage.h"
#include "progress/store.h"

namespace sandyq::progress {

constexpr int kSchemaVersion = 2;

enum class LoadOutcome : uint8_t {
    None = 0,
    Empty,      // nothing saved yet
    Loaded,     // everything loaded as saved
    Migrated,   // an older schema version was upgraded (see OpenReport::from_version)
    Recovered,  // some file was damaged; the last good copy was used — tell the teacher (notes)
    Damaged,    // some data could not be recovered (notes say whose); the rest loaded
    Failed,     // storage unavailable or written by a newer Sandyq: nothing loaded, saving is off
};

struct OpenReport {
    LoadOutcome outcome = LoadOutcome::None;
    int from_version = 0;       // schema version found on storage (0 = none)
    std::vector<Status> notes;  // one per recovered / lost item, for the teacher
    Status status;              // ok unless outcome == Failed (or a migration could not be saved)
};

class ProgressDb {
public:
    explicit ProgressDb(core::Storage& storage) : storage_(storage) {}

    // Loads (migrating and recovering as needed). Call once before anything else.
    OpenReport open();

    ProgressStore& data() { return store_; }
    const ProgressStore& data() const { return store_; }

    // Writes what changed since the last successful save (the roster first, then changed pupils,
    // then removes files of removed pupils). On failure nothing in memory changes and the next
    // save() retries everything not yet written. Invalid "progress.err.read_only" after a Failed open.
    Status save();
    bool dirty() const;       // something changed since the last successful save
    size_t lastSaveFiles() const { return last_save_files_; }  // files written by the last save()

    // Storage keys used (for tests and the IT self-test page).
    static std::string rosterKey(char slot);
    static std::string pupilKey(PupilId id, char slot);

private:
    struct DocState {
        uint64_t gen = 0;       // generation of the latest good copy on storage (0 = none)
        uint64_t saved_rev = 0; // store revision that copy holds
    };
    Status writeDoc(const std::string& base, DocState& st, uint64_t rev, const std::string& data_text,
                    const char* format);
    OpenReport openV2(const std::vector<std::string>& keys);
    OpenReport migrateV1();

    core::Storage& storage_;
    ProgressStore store_;
    DocState roster_;
    std::map<uint32_t, DocState> pupils_;
    bool read_only_ = false;
    size_t last_save_files_ = 0;
};

}  // namespace sandyq::progress
