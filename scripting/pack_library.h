// scripting/pack_library.h — the packs a course map shows: each loaded from its own source into
// its own sandbox; broken packs stay listed with their problems (never hidden, never fatal).
// Depends on: course (sources, problems), scripting/pack_loader.h.
// Ownership: the library owns the sources (pictures are read from them on demand) and the loaded
// packs; callers hold PackHandle values (index + 1; 0 is never valid), not pointers.
// Errors: a pack id used by two sources makes the later one unusable with "pack.duplicate_pack";
// readAsset() returns the source's Status ("pack.file_missing", "pack.bad_path").
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "course/pack_source.h"
#include "scripting/pack_loader.h"

namespace sandyq::scripting {

struct PackHandle {
    uint32_t value = 0;  // 0 is always invalid
    bool valid() const { return value != 0; }
};

class PackLibrary {
public:
    explicit PackLibrary(SandboxLimits limits = {}) : limits_(limits) {}

    // Loads the pack; the result is listed even when it is broken.
    PackHandle add(std::unique_ptr<course::PackSource> source);
    // Loads every pack folder under `root` (see course::findPackFolders); returns how many.
    size_t addFolders(const std::string& root);

    size_t size() const { return entries_.size(); }
    // Null for an invalid or stale handle.
    const LoadedPack* pack(PackHandle h) const;
    LoadedPack* pack(PackHandle h);
    const course::PackSource* source(PackHandle h) const;
    // Usable packs ordered for the course map: grade, then Kazakh title, then id.
    std::vector<PackHandle> usableByGrade() const;
    // Packs that failed, in the order added (a teacher's preview lists them with their problems).
    std::vector<PackHandle> broken() const;
    // A picture or other file of a pack.
    Result<std::string> readAsset(PackHandle h, std::string_view path) const;

private:
    struct Entry {
        std::unique_ptr<course::PackSource> source;
        LoadedPack loaded;
        bool duplicate = false;
    };
    bool usable(const Entry& e) const { return e.loaded.usable() && !e.duplicate; }
    SandboxLimits limits_;
    std::vector<Entry> entries_;
};

}  // namespace sandyq::scripting
