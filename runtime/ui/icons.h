// ui/icons.h — small vector icons drawn with ImGui draw lists (no icon font to download).
// Depends on: ImGui. All functions draw inside the square [pos, pos + size].
#pragma once

#include <imgui.h>

namespace sandyq::ui {

enum Icon : int { kIconNone = 0, kIconGear, kIconSpeaker, kIconSpeakerOff, kIconChest, kIconMap, kIconPupils, kIconGlobe, kIconPlay, kIconStep, kIconStop, kIconBack,
                  kIconStar, kIconStarEmpty, kIconCheck, kIconCross, kIconUp, kIconDown, kIconNext, kIconFolder,
                  kIconBlocks };  // kIconBlocks: two puzzle blocks in a stack (block coding)

void drawIcon(ImDrawList* dl, int icon, ImVec2 pos, float size, ImU32 color);

}  // namespace sandyq::ui
