#include "core/storage.h"

namespace sandyq::core {

bool isValidStorageKey(std::string_view key) {
    if (key.empty() || key.size() > 200 || key.front() == '/' || key.back() == '/') return false;
    size_t seg_start = 0;
    for (size_t i = 0; i <= key.size(); ++i) {
        if (i == key.size() || key[i] == '/') {
            const std::string_view seg = key.substr(seg_start, i - seg_start);
            if (seg.empty() || seg == "." || seg == "..") return false;
            seg_start = i + 1;
            continue;
        }
        const char c = key[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '.' || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

Result<std::string> MemoryStorage::read(std::string_view key) {
    if (!isValidStorageKey(key)) return Status::error(ErrorCode::Invalid, "err.storage.bad_key", std::string(key));
    const auto it = values_.find(key);
    if (it == values_.end()) return Status::error(ErrorCode::NotFound, "err.storage.not_found", std::string(key));
    return it->second;
}

Status MemoryStorage::writeAtomic(std::string_view key, std::string_view bytes) {
    if (!isValidStorageKey(key)) return Status::error(ErrorCode::Invalid, "err.storage.bad_key", std::string(key));
    size_t total = bytes.size();
    for (const auto& [k, v] : values_) if (k != key) total += v.size();
    if (total > capacity_) return Status::error(ErrorCode::Quota, "err.storage.quota", std::string(key));
    values_[std::string(key)] = std::string(bytes);
    return Status::success();
}

Status MemoryStorage::remove(std::string_view key) {
    if (!isValidStorageKey(key)) return Status::error(ErrorCode::Invalid, "err.storage.bad_key", std::string(key));
    const auto it = values_.find(key);
    if (it != values_.end()) values_.erase(it);
    return Status::success();
}

Result<std::vector<std::string>> MemoryStorage::list(std::string_view dir) {
    std::vector<std::string> out;
    const std::string prefix = dir.empty() ? "" : std::string(dir) + "/";
    for (const auto& [k, v] : values_) {
        if (k.compare(0, prefix.size(), prefix) == 0) out.push_back(k);
    }
    return out;
}

}  // namespace sandyq::core
