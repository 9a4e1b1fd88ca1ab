#include "platform/input_order.h"

#include <doctest/doctest.h>

using sandyq::platform::KeyEvent;
using sandyq::platform::eventsForThisFrame;

namespace {
KeyEvent down(int k) { return {KeyEvent::Down, k}; }
KeyEvent up(int k) { return {KeyEvent::Up, k}; }
KeyEvent other() { return {KeyEvent::Other, 0}; }

// Plays a queue frame by frame as the window does; returns how many presses ImGui would see for
// `key` (a press counts when a frame ends with the key down after a frame with it up).
int pressesSeen(std::vector<KeyEvent> queue, int key, int* frames) {
    bool down_state = false;
    int presses = 0;
    *frames = 0;
    while (!queue.empty()) {
        const std::size_t n = eventsForThisFrame(queue);
        REQUIRE(n > 0);  // every frame makes progress
        const bool was = down_state;
        for (std::size_t i = 0; i < n; ++i)
            if (queue[i].key == key && queue[i].kind != KeyEvent::Other) down_state = queue[i].kind == KeyEvent::Down;
        if (down_state && !was) ++presses;
        queue.erase(queue.begin(), queue.begin() + static_cast<long>(n));
        ++*frames;
    }
    return presses;
}
}  // namespace

TEST_CASE("platform.input_order: four quick Backspaces between two frames are four presses") {
    const int backspace = 42;
    std::vector<KeyEvent> q;
    for (int i = 0; i < 4; ++i) { q.push_back(down(backspace)); q.push_back(up(backspace)); }
    int frames = 0;
    CHECK(pressesSeen(q, backspace, &frames) == 4);
    CHECK(frames == 8);  // ImGui needs a frame with the key down and one with it up per press
}

TEST_CASE("platform.input_order: different keys and text in one frame pass together until a clash") {
    // 'a' down, text, 'b' down, text: no clash, one frame.
    std::vector<KeyEvent> q = {down(4), other(), down(5), other()};
    CHECK(eventsForThisFrame(q) == 4);
    // 'a' down, text, 'a' up: the release waits, and with it everything after (order is kept).
    q = {down(4), other(), up(4), down(40), other()};
    CHECK(eventsForThisFrame(q) == 2);
    // A release of a key pressed in an earlier frame goes through at once.
    q = {up(4), down(4)};
    CHECK(eventsForThisFrame(q) == 1);
    q = {up(4), down(5), up(6)};
    CHECK(eventsForThisFrame(q) == 3);
    CHECK(eventsForThisFrame({}) == 0);
}
