// course/pack_source.h — where the files of one pack come from.
// Depends on: core/status and the standard library only (folders are read with <filesystem>
// and <fstream>, which also work on Emscripten's file systems). Implementations: FolderPackSource
// (a folder on disk), MemoryPackSource (files supplied by the browser, a zip reader or tests).
// Ownership: a source owns its bytes; callers get copies.
// Contract: paths are pack-relative with '/' separators; absolute paths, "." / ".." segments,
// backslashes and empty segments are ErrorCode::Invalid, so a pack can never read outside itself.
// Errors: a missing file is ErrorCode::NotFound ("pack.file_missing"), an unreadable one
// ErrorCode::Io, a file over kMaxPackFileBytes ErrorCode::Limit.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sandyq::course {

constexpr size_t kMaxPackFileBytes = 8u << 20;  // 8 MiB per file

bool isValidPackPath(std::string_view path);

class PackSource {
public:
    virtual ~PackSource() = default;
    // How the teacher knows this pack (a folder path, a zip name); prefixes file names in problems.
    virtual std::string displayName() const = 0;
    virtual Result<std::string> read(std::string_view path) const = 0;
    virtual bool exists(std::string_view path) const = 0;
    // Every file of the pack (pack-relative, sorted); used to find unlisted lesson files.
    virtual std::vector<std::string> list() const = 0;
    // "<displayName>/<path>", as a teacher would open it.
    std::string displayPath(std::string_view path) const;
};

class FolderPackSource final : public PackSource {
public:
    explicit FolderPackSource(std::string root) : root_(std::move(root)) {}
    std::string displayName() const override { return root_; }
    Result<std::string> read(std::string_view path) const override;
    bool exists(std::string_view path) const override;
    std::vector<std::string> list() const override;

private:
    std::string root_;
};

class MemoryPackSource final : public PackSource {
public:
    explicit MemoryPackSource(std::string name = {}) : name_(std::move(name)) {}
    void add(std::string path, std::string bytes) { files_[std::move(path)] = std::move(bytes); }
    std::string displayName() const override { return name_; }
    Result<std::string> read(std::string_view path) const override;
    bool exists(std::string_view path) const override;
    std::vector<std::string> list() const override;

private:
    std::string name_;
    std::map<std::string, std::string, std::less<>> files_;
};

// Sub-folders of `root` that contain a pack.lua (sorted); `root` itself if it has one.
std::vector<std::string> findPackFolders(const std::string& root);

}  // namespace sandyq::course
