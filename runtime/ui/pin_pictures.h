// ui/pin_pictures.h — the pictures of a pupil's picture PIN (grades 1–2): twelve simple, distinct
// things a six-year-old names at once, drawn with ImGui draw lists in their own colours (no image
// files to download). Each has a catalogue name ("pin.pic.sun" …) for read-aloud and tooltips.
// Depends on: ImGui. Index i is what progress::ProgressStore::setPicturePin stores (< kPictureCount).
#pragma once

#include <imgui.h>

namespace sandyq::ui {

constexpr int kPinPictureCount = 12;  // sun, apple, cat, star, house, tree, fish, ball, flower, car, heart, moon

// Draws picture `index` (0..kPinPictureCount-1) inside the square [pos, pos + size].
void drawPinPicture(ImDrawList* dl, int index, ImVec2 pos, float size);
// Catalogue key of its name, e.g. "pin.pic.sun"; "" for an index out of range.
const char* pinPictureKey(int index);

}  // namespace sandyq::ui
