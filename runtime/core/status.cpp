#include "core/status.h"

#include <cstdlib>

namespace sandyq {

const char* errorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::None: return "none";
        case ErrorCode::NotFound: return "not-found";
        case ErrorCode::Io: return "io";
        case ErrorCode::Quota: return "quota";
        case ErrorCode::Unavailable: return "unavailable";
        case ErrorCode::Corrupt: return "corrupt";
        case ErrorCode::Invalid: return "invalid";
        case ErrorCode::Limit: return "limit";
    }
    return "unknown";
}

void reportAssert(const char* file, int line, const char* expr, const char* message) {
    std::fprintf(stderr, "sandyq: assertion failed at %s:%d: %s — %s\n", file, line, expr, message);
#ifndef NDEBUG
    std::abort();
#endif
}

}  // namespace sandyq
