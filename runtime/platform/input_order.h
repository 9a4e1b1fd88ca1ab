#pragma once
// How many queued input events one frame may take without losing a key press.
//
// Dear ImGui 1.86 reads the keyboard as a state (KeysDown) once per frame. When a key goes down
// and up again before the next frame — a quick tap, or Backspace pressed four times on a slow
// school PC — the press never reaches ImGui, and a second press of the same key inside one frame
// is merged with the first. The window keeps every event in a queue and each frame takes events
// up to (not including) the first one that would clash with an earlier event of the same frame:
// the release of a key pressed in this frame, or a second press of a key already seen. What is
// left waits, in order, for the next frame, so Enter and the typed letters stay in the order the
// pupil typed them. No SDL here: tests/unit/platform/input_order_test.cpp checks it natively.

#include <cstddef>
#include <vector>

namespace sandyq::platform {

struct KeyEvent {
    enum Kind { Other, Down, Up } kind = Other;
    int key = 0;  // scancode
};

inline std::size_t eventsForThisFrame(const std::vector<KeyEvent>& queue) {
    std::vector<int> pressed;  // keys pressed in this frame
    std::vector<int> seen;     // keys pressed or released in this frame
    auto has = [](const std::vector<int>& v, int k) {
        for (int x : v)
            if (x == k) return true;
        return false;
    };
    for (std::size_t i = 0; i < queue.size(); ++i) {
        const KeyEvent& e = queue[i];
        if (e.kind == KeyEvent::Down) {
            if (has(seen, e.key)) return i;
            pressed.push_back(e.key);
            seen.push_back(e.key);
        } else if (e.kind == KeyEvent::Up) {
            if (has(pressed, e.key)) return i;
            seen.push_back(e.key);
        }
    }
    return queue.size();
}

}  // namespace sandyq::platform
