// core/storage.h — the storage interface every module saves through (settings, progress,
// backups). Depends on: core/status only. Implementations: platform::FileStorage (native files,
// and the browser's IDBFS mount, which is a POSIX file system inside wasm) and
// core::MemoryStorage (tests).
//
// Contract:
//  - keys are relative paths: segments of [A-Za-z0-9._-] joined by '/', no "." or ".." segment,
//    at most 200 bytes; anything else is ErrorCode::Invalid (hostile names never escape the root);
//  - writeAtomic() replaces the whole value or leaves the previous one: a crash, a full disk or a
//    closed tab in the middle never leaves a half-written value behind;
//  - read() of a missing key is ErrorCode::NotFound; a full device is ErrorCode::Quota.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sandyq::core {

bool isValidStorageKey(std::string_view key);

class Storage {
public:
    virtual ~Storage() = default;
    virtual Result<std::string> read(std::string_view key) = 0;
    virtual Status writeAtomic(std::string_view key, std::string_view bytes) = 0;
    virtual Status remove(std::string_view key) = 0;  // removing a missing key is ok
    // Keys directly or indirectly under `dir` ("" for all), sorted.
    virtual Result<std::vector<std::string>> list(std::string_view dir) = 0;
};

// In-memory storage for tests of higher layers; can simulate a full device.
class MemoryStorage final : public Storage {
public:
    Result<std::string> read(std::string_view key) override;
    Status writeAtomic(std::string_view key, std::string_view bytes) override;
    Status remove(std::string_view key) override;
    Result<std::vector<std::string>> list(std::string_view dir) override;
    void setCapacity(size_t bytes) { capacity_ = bytes; }  // total bytes of all values

private:
    std::map<std::string, std::string, std::less<>> values_;
    size_t capacity_ = static_cast<size_t>(-1);
};

}  // namespace sandyq::core
