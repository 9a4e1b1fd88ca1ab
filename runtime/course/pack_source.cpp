// course/pack_source.cpp — pack files from a folder or from memory.
#include "course/pack_source.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace sandyq::course {

namespace fs = std::filesystem;

bool isValidPackPath(std::string_view path) {
    if (path.empty() || path.size() > 255 || path.front() == '/') return false;
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        const std::string_view seg = path.substr(start, end - start);
        if (seg.empty() || seg == "." || seg == "..") return false;
        for (char c : seg) {
            if (c == '\\' || c == ':' || static_cast<unsigned char>(c) < 0x20) return false;
        }
        start = end + 1;
    }
    return true;
}

std::string PackSource::displayPath(std::string_view path) const {
    std::string name = displayName();
    if (path.empty()) return name;
    if (!name.empty() && name.back() != '/') name += '/';
    return name + std::string(path);
}

Result<std::string> FolderPackSource::read(std::string_view path) const {
    if (!isValidPackPath(path)) {
        return Status::error(ErrorCode::Invalid, "pack.bad_path", std::string(path));
    }
    const fs::path full = fs::path(root_) / fs::path(std::string(path));
    std::error_code ec;
    if (!fs::is_regular_file(full, ec)) {
        return Status::error(ErrorCode::NotFound, "pack.file_missing", std::string(path));
    }
    const auto size = fs::file_size(full, ec);
    if (ec) return Status::error(ErrorCode::Io, "pack.file_unreadable", std::string(path), ec.message());
    if (size > kMaxPackFileBytes) {
        return Status::error(ErrorCode::Limit, "pack.file_too_big", std::string(path));
    }
    std::ifstream in(full, std::ios::binary);
    if (!in) return Status::error(ErrorCode::Io, "pack.file_unreadable", std::string(path));
    std::string bytes;
    bytes.resize(static_cast<size_t>(size));
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<uint64_t>(in.gcount()) != size) {
        return Status::error(ErrorCode::Io, "pack.file_unreadable", std::string(path));
    }
    return bytes;
}

bool FolderPackSource::exists(std::string_view path) const {
    if (!isValidPackPath(path)) return false;
    std::error_code ec;
    return fs::is_regular_file(fs::path(root_) / fs::path(std::string(path)), ec);
}

std::vector<std::string> FolderPackSource::list() const {
    std::vector<std::string> out;
    std::error_code ec;
    fs::recursive_directory_iterator it(root_, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        if (it.depth() > 8) {
            it.disable_recursion_pending();
            continue;
        }
        std::error_code ec2;
        if (!it->is_regular_file(ec2)) continue;
        out.push_back(fs::relative(it->path(), root_, ec2).generic_string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

Result<std::string> MemoryPackSource::read(std::string_view path) const {
    if (!isValidPackPath(path)) {
        return Status::error(ErrorCode::Invalid, "pack.bad_path", std::string(path));
    }
    const auto it = files_.find(path);
    if (it == files_.end()) return Status::error(ErrorCode::NotFound, "pack.file_missing", std::string(path));
    if (it->second.size() > kMaxPackFileBytes) {
        return Status::error(ErrorCode::Limit, "pack.file_too_big", std::string(path));
    }
    return it->second;
}

bool MemoryPackSource::exists(std::string_view path) const {
    return isValidPackPath(path) && files_.find(path) != files_.end();
}

std::vector<std::string> MemoryPackSource::list() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : files_) out.push_back(k);
    return out;
}

std::vector<std::string> findPackFolders(const std::string& root) {
    std::vector<std::string> out;
    std::error_code ec;
    if (fs::is_regular_file(fs::path(root) / "pack.lua", ec)) {
        out.push_back(root);
        return out;
    }
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        if (it.depth() > 4) {
            it.disable_recursion_pending();
            continue;
        }
        std::error_code ec2;
        if (it->is_directory(ec2) && fs::is_regular_file(it->path() / "pack.lua", ec2)) {
            out.push_back(it->path().generic_string());
            it.disable_recursion_pending();
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace sandyq::course
