// progress/rollup.cpp — many backup files combined in memory (see rollup.h).
#include "progress/rollup.h"

#include <algorithm>

namespace sandyq::progress {

void Rollup::addFiles(const std::vector<FileInput>& files) {
    for (const FileInput& f : files) {
        RollupFile entry;
        entry.name = f.name;
        Result<Backup> b = readBackup(f);
        if (!b.ok()) {
            entry.status = b.status();
        } else if (Result<MergeReport> m = mergeBackup(store_, b.value()); !m.ok()) {
            entry.status = m.status();  // e.g. the class would get too many pupils; nothing changed
        } else {
            entry.pupils = static_cast<int>(b.value().pupilCount());
            accepted_.push_back(f);
        }
        files_.push_back(std::move(entry));
    }
}

void Rollup::clear() { *this = Rollup{}; }

int Rollup::goodFiles() const {
    return static_cast<int>(std::count_if(files_.begin(), files_.end(), [](const RollupFile& f) { return f.status.ok(); }));
}

}  // namespace sandyq::progress
