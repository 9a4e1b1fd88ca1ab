// A pupil's picture PIN: wrong tries never lock a child out; after five in a row, a short pause.
#include <doctest/doctest.h>

#include "progress/pin_guard.h"
#include "progress/store.h"

using namespace sandyq::progress;

TEST_CASE("progress.pin_guard: five free tries, then a short pause before each try") {
    PinGuard g;
    int64_t t = 1000;
    for (int i = 0; i < kPinFreeTries; ++i) {
        CHECK(g.waitMs(t) == 0);
        g.wrongTry(t);
        t += 500;
    }
    CHECK(g.wrongTries() == kPinFreeTries);
    const int64_t last = t - 500;
    CHECK(g.waitMs(last) == kPinPauseMs);
    CHECK(g.waitMs(last + kPinPauseMs - 1) == 1);
    // A tap during the pause does not count and does not lengthen it.
    g.wrongTry(last + 100);
    CHECK(g.wrongTries() == kPinFreeTries);
    CHECK(g.waitMs(last + kPinPauseMs) == 0);
    // After the pause one more try; a wrong one means another pause (never a lock-out).
    g.wrongTry(last + kPinPauseMs);
    CHECK(g.waitMs(last + kPinPauseMs + 1) == kPinPauseMs - 1);
    CHECK(g.waitMs(last + 2 * kPinPauseMs) == 0);
    // The right PIN starts afresh.
    g.rightTry();
    CHECK(g.wrongTries() == 0);
    CHECK(g.waitMs(last + 2 * kPinPauseMs) == 0);
}

TEST_CASE("progress.pin_guard: with the store — the order of pictures matters, reset clears") {
    ProgressStore s;
    const ClassId c = s.addClass("1 А", 2026, 1).value();
    const PupilId bota = s.addPupil(c, "Бота").value();
    REQUIRE(s.setPicturePin(bota, {2, 7, 11}, "salt-1").ok());
    const PinHash first = s.findPupil(bota)->picture_pin;
    CHECK(first.hash_hex.size() == 64);  // a SHA-256 in hex, never the pictures
    CHECK(s.checkPicturePin(bota, {2, 7, 11}));
    CHECK_FALSE(s.checkPicturePin(bota, {11, 7, 2}));
    PinGuard g;
    for (int i = 0; i < kPinFreeTries; ++i) g.wrongTry(i);
    CHECK(g.waitMs(kPinFreeTries) > 0);
    // The teacher sets a new PIN with another salt: a new hash, the old pictures no longer open.
    REQUIRE(s.setPicturePin(bota, {0, 1, 2, 3}, "salt-2").ok());
    CHECK(s.findPupil(bota)->picture_pin.hash_hex != first.hash_hex);
    CHECK_FALSE(s.checkPicturePin(bota, {2, 7, 11}));
    CHECK(s.checkPicturePin(bota, {0, 1, 2, 3}));
    REQUIRE(s.clearPicturePin(bota).ok());
    CHECK(s.checkPicturePin(bota, {}));  // no PIN: the name alone opens
}
