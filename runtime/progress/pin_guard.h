// progress/pin_guard.h — gentle protection of a pupil's picture PIN against guessing: children
// are never locked out, but after kPinFreeTries wrong tries in a row the next try must wait
// kPinPauseMs (a short pause), and so on after every further wrong try.
// Depends on: nothing (core layer). Time is injected (milliseconds from any monotonic clock).
// Ownership: a plain value; the UI keeps one per pupil for the visit (nothing is saved: a reload
//   starts afresh, which is fine — the pause only slows guessing, it is not a lock).
// Errors: none; waitMs() says how long is left.
#pragma once

#include <cstdint>

namespace sandyq::progress {

constexpr int kPinFreeTries = 5;        // wrong tries in a row before the first pause
constexpr int64_t kPinPauseMs = 8000;   // pause before each try after that

class PinGuard {
public:
    // Milliseconds the pupil must still wait before the next try (0 = may try now).
    int64_t waitMs(int64_t now_ms) const {
        if (wrong_ < kPinFreeTries) return 0;
        const int64_t left = last_wrong_ms_ + kPinPauseMs - now_ms;
        return left > 0 ? left : 0;
    }
    // Records the result of a try made when waitMs() was 0 (tries during a pause are ignored).
    void wrongTry(int64_t now_ms) {
        if (waitMs(now_ms) > 0) return;
        ++wrong_;
        last_wrong_ms_ = now_ms;
    }
    void rightTry() { wrong_ = 0; }
    int wrongTries() const { return wrong_; }

private:
    int wrong_ = 0;              // wrong tries in a row
    int64_t last_wrong_ms_ = 0;
};

}  // namespace sandyq::progress
