// progress/rollup.h — the teacher's class roll-up without a server: many backup files (several
// computers, a USB stick) read at once and combined in memory by the merge rules (best status,
// points and stars win; attempts add up), without touching the progress stored on this computer.
// Depends on: progress/backup, progress/store. Pure: no I/O, no clock.
// Ownership: a Rollup owns its scratch store and the bytes of the files it accepted.
// Errors: a broken or hostile file is listed with its Status (a "progress.backup.*" key; where =
//   the field path) and changes nothing; the good files are still combined.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "progress/backup.h"
#include "progress/store.h"

namespace sandyq::progress {

struct RollupFile {
    std::string name;   // as the browser gave it (untrusted; shown as text only)
    Status status;      // ok = combined
    int pupils = 0;     // pupils in the file (when ok)
};

class Rollup {
public:
    // Reads and combines each file, in order. Files already loaded may come again (the same
    // backup twice changes nothing: merge rules recognise a copy of the same attempts).
    void addFiles(const std::vector<FileInput>& files);
    void clear();

    const std::vector<RollupFile>& files() const { return files_; }
    int goodFiles() const;
    int badFiles() const { return static_cast<int>(files_.size()) - goodFiles(); }
    // The combined progress of every good file (classes, pupils, records).
    const ProgressStore& store() const { return store_; }
    // The good files' bytes, to merge them into this computer's store through the ordinary
    // restore path (mergeBackupFiles) when the teacher asks for it.
    const std::vector<FileInput>& accepted() const { return accepted_; }

private:
    ProgressStore store_;
    std::vector<RollupFile> files_;
    std::vector<FileInput> accepted_;
};

}  // namespace sandyq::progress
