// platform/file_storage.h — core::Storage on a POSIX directory. The same code serves the native
// tools/tests and the browser, where the root is an IDBFS mount (a file system in wasm memory
// that the platform layer syncs to IndexedDB after each commit through `on_commit`).
// Depends on: core, POSIX. Errors: Status with "err.storage.*" keys; ENOSPC/EDQUOT → Quota.
//
// writeAtomic(): write "<key>.sandyq-tmp", fsync, rename over the key, fsync the directory, then
// call on_commit. A crash at any point leaves either the old or the new value; stale temp files
// are removed by open().
#pragma once

#include <functional>
#include <string>

#include "core/storage.h"

namespace sandyq::platform {

class FileStorage final : public core::Storage {
public:
    // Test hook: points inside writeAtomic where a test may simulate a crash (e.g. _exit in a
    // forked child) or a failure.
    enum class WriteStage : uint8_t { None = 0, TempPartlyWritten, TempSynced, Renamed };

    explicit FileStorage(std::string root, std::function<void()> on_commit = {});

    // Creates the root if needed and removes temp files left by an interrupted write.
    Status open();

    Result<std::string> read(std::string_view key) override;
    Status writeAtomic(std::string_view key, std::string_view bytes) override;
    Status remove(std::string_view key) override;
    Result<std::vector<std::string>> list(std::string_view dir) override;

    // Called at each stage; returning false makes writeAtomic fail there as an I/O error.
    void setWriteHook(std::function<bool(WriteStage)> hook) { hook_ = std::move(hook); }
    const std::string& root() const { return root_; }

private:
    std::string pathOf(std::string_view key) const;
    std::string root_;
    std::function<void()> on_commit_;
    std::function<bool(WriteStage)> hook_;
};

}  // namespace sandyq::platform
