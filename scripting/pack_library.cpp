// scripting/pack_library.cpp — the list of packs behind the course map.
#include "scripting/pack_library.h"

#include <algorithm>

namespace sandyq::scripting {

PackHandle PackLibrary::add(std::unique_ptr<course::PackSource> source) {
    Entry e;
    e.loaded = loadPack(*source, limits_);
    e.source = std::move(source);
    if (e.loaded.manifest_loaded) {
        for (const Entry& other : entries_) {
            if (other.loaded.manifest_loaded && other.loaded.pack.manifest.id == e.loaded.pack.manifest.id) {
                e.duplicate = true;
                const auto& pos = e.loaded.pack.manifest.pos;
                e.loaded.problems.error(e.source->displayPath(pos.file), pos.line, "pack.duplicate_pack",
                                        {{"id", e.loaded.pack.manifest.id}, {"other", other.source->displayName()}});
                break;
            }
        }
    }
    entries_.push_back(std::move(e));
    return PackHandle{static_cast<uint32_t>(entries_.size())};
}

size_t PackLibrary::addFolders(const std::string& root) {
    const auto folders = course::findPackFolders(root);
    for (const auto& f : folders) add(std::make_unique<course::FolderPackSource>(f));
    return folders.size();
}

const LoadedPack* PackLibrary::pack(PackHandle h) const {
    return h.valid() && h.value <= entries_.size() ? &entries_[h.value - 1].loaded : nullptr;
}

LoadedPack* PackLibrary::pack(PackHandle h) {
    return h.valid() && h.value <= entries_.size() ? &entries_[h.value - 1].loaded : nullptr;
}

const course::PackSource* PackLibrary::source(PackHandle h) const {
    return h.valid() && h.value <= entries_.size() ? entries_[h.value - 1].source.get() : nullptr;
}

std::vector<PackHandle> PackLibrary::usableByGrade() const {
    std::vector<PackHandle> out;
    for (size_t i = 0; i < entries_.size(); ++i) {
        if (usable(entries_[i])) out.push_back(PackHandle{static_cast<uint32_t>(i + 1)});
    }
    std::stable_sort(out.begin(), out.end(), [this](PackHandle a, PackHandle b) {
        const auto& ma = entries_[a.value - 1].loaded.pack.manifest;
        const auto& mb = entries_[b.value - 1].loaded.pack.manifest;
        if (ma.grade != mb.grade) return ma.grade < mb.grade;
        if (ma.title.kk != mb.title.kk) return ma.title.kk < mb.title.kk;
        return ma.id < mb.id;
    });
    return out;
}

std::vector<PackHandle> PackLibrary::broken() const {
    std::vector<PackHandle> out;
    for (size_t i = 0; i < entries_.size(); ++i) {
        if (!usable(entries_[i])) out.push_back(PackHandle{static_cast<uint32_t>(i + 1)});
    }
    return out;
}

Result<std::string> PackLibrary::readAsset(PackHandle h, std::string_view path) const {
    const course::PackSource* s = source(h);
    if (!s) return Status::error(ErrorCode::Invalid, "pack.file_missing", std::string(path));
    return s->read(path);
}

}  // namespace sandyq::scripting
