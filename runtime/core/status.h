// core/status.h — how every Sandyq module reports expected failures.
// Depends on: the standard library only. A Status is a value: {code, message_key, where, detail}.
// message_key is a key into the kk/ru/en catalogues (never user-visible text); `where` is a
// file:line or a storage key; `detail` is technical context for logs (errno text, offsets).
// Bugs are not Statuses: they are SANDYQ_ASSERTs. A pupil's mistake is a Diagnostic, not a Status.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>

namespace sandyq {

enum class ErrorCode : uint8_t {
    None = 0,
    NotFound,     // the thing asked for does not exist
    Io,           // the device or file system failed
    Quota,        // no space left / storage quota exceeded
    Unavailable,  // storage or a browser feature is not available (private mode, old browser)
    Corrupt,      // data exists but cannot be understood
    Invalid,      // the caller passed something malformed (bad key, bad JSON)
    Limit,        // a budget or size limit was hit
};

const char* errorCodeName(ErrorCode code);

struct [[nodiscard]] Status {
    ErrorCode code = ErrorCode::None;
    std::string message_key;  // catalogue key, e.g. "err.storage.quota"
    std::string where;        // file:line, storage key, or empty
    std::string detail;       // for logs only; never shown to a child

    bool ok() const { return code == ErrorCode::None; }
    static Status success() { return {}; }
    static Status error(ErrorCode code, std::string key, std::string where = {}, std::string detail = {}) {
        return Status{code, std::move(key), std::move(where), std::move(detail)};
    }
};

// Result<T>: a value or a non-ok Status. Accessing value() of a failed result is a bug.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
    Result(Status status) : status_(std::move(status)) {}  // NOLINT
    bool ok() const { return status_.ok(); }
    const Status& status() const { return status_; }
    T& value() { return value_; }
    const T& value() const { return value_; }
    T valueOr(T fallback) const { return ok() ? value_ : std::move(fallback); }

private:
    T value_{};
    Status status_{};
};

// Asserts that speak to the caller. In release builds they log and let the caller recover:
// a classroom must never see a white page.
void reportAssert(const char* file, int line, const char* expr, const char* message);

}  // namespace sandyq

#define SANDYQ_ASSERT(expr, message) \
    ((expr) ? (void)0 : ::sandyq::reportAssert(__FILE__, __LINE__, #expr, message))
