// A core::Storage that dies at a chosen mutating operation, as a power cut or a closed tab would:
// the write either never happens (Before), leaves a torn value behind (Torn: a non-atomic backend,
// worse than FileStorage), or happens but is reported failed (After). Every later call fails.
#pragma once

#include <cstdint>
#include <string>

#include "core/storage.h"

namespace sandyq::progress::test {

class FaultStorage final : public core::Storage {
public:
    enum class Mode : uint8_t { Before, Torn, After };
    explicit FaultStorage(core::Storage& inner) : inner_(inner) {}
    void crashAt(int op, Mode mode, size_t torn_bytes = 0) {
        crash_at_ = op;
        mode_ = mode;
        torn_bytes_ = torn_bytes;
    }
    bool crashed() const { return crashed_; }
    int ops() const { return ops_; }

    Result<std::string> read(std::string_view key) override {
        if (crashed_) return dead(key);
        return inner_.read(key);
    }
    Result<std::vector<std::string>> list(std::string_view dir) override {
        if (crashed_) return dead(dir);
        return inner_.list(dir);
    }
    Status writeAtomic(std::string_view key, std::string_view bytes) override {
        if (crashed_) return dead(key);
        if (ops_++ != crash_at_) return inner_.writeAtomic(key, bytes);
        crashed_ = true;
        if (mode_ == Mode::Torn) (void)inner_.writeAtomic(key, bytes.substr(0, torn_bytes_ % (bytes.size() + 1)));
        if (mode_ == Mode::After) (void)inner_.writeAtomic(key, bytes);
        return dead(key);
    }
    Status remove(std::string_view key) override {
        if (crashed_) return dead(key);
        if (ops_++ != crash_at_) return inner_.remove(key);
        crashed_ = true;
        if (mode_ != Mode::Before) (void)inner_.remove(key);
        return dead(key);
    }

private:
    static Status dead(std::string_view key) { return Status::error(ErrorCode::Io, "err.storage.io", std::string(key)); }
    core::Storage& inner_;
    int crash_at_ = -1;
    int ops_ = 0;
    Mode mode_ = Mode::Before;
    size_t torn_bytes_ = 0;
    bool crashed_ = false;
};

}  // namespace sandyq::progress::test
