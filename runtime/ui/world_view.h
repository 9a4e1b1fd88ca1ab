// ui/world_view.h — draws a coding step's world with Dear ImGui draw lists: the maze (tiles,
// character with its heading, goal flags, items, keys, doors), the turtle (drawn segments, the
// target figure faintly, the turtle) and the robot (the mat raster or its picture, walls, zones,
// the robot with wheels and sensors, its trail, a sensor panel). Animation comes from the
// worlds' visual poses (the Runner advances them at the chosen speed).
// Depends on: ImGui, worlds (maze, turtle, robot). Ownership: a WorldView caches only derived
// drawing data (the mat raster as runs of colour, the robot's trail); it borrows the World for
// one draw() call. Errors: none (an unknown kind draws an empty frame).
#pragma once

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "worlds/world.h"

namespace sandyq::ui {

struct WorldViewStyle {
    ImFont* font = nullptr;
    float font_size = 16;
    bool high_contrast = false;
    ImU32 background = IM_COL32(250, 248, 240, 255);
    ImU32 text = IM_COL32(40, 40, 50, 255);
    ImU32 danger = IM_COL32(220, 50, 50, 255);
    // Robot: the labels of the sensor panel rows (already translated), in this order:
    // colour, light, distance, touch, heading, time.
    std::vector<std::string> sensor_labels;
    std::function<std::string(const char*)> colour_name;  // "black" → the pupil's language
};

class WorldView {
public:
    // Draws `world` fitted into [origin, origin + size]. mat_texture: the mat's picture as a
    // texture (0: draw the mat raster).
    void draw(const worlds::World& world, ImVec2 origin, ImVec2 size, const WorldViewStyle& style, uint64_t mat_texture = 0);
    // Forgets caches (a new world or a reset).
    void reset();

private:
    void drawMaze(ImDrawList* dl, const worlds::World& world, ImVec2 origin, ImVec2 size, const WorldViewStyle& st);
    void drawTurtle(ImDrawList* dl, const worlds::World& world, ImVec2 origin, ImVec2 size, const WorldViewStyle& st);
    void drawRobot(ImDrawList* dl, const worlds::World& world, ImVec2 origin, ImVec2 size, const WorldViewStyle& st, uint64_t tex);

    struct Run { float x0, y0, x1, y1; ImU32 colour; };
    const void* mat_key_ = nullptr;    // the Mat the runs were made for
    std::vector<Run> mat_runs_;        // cm
    std::vector<ImVec2> trail_;        // cm
    size_t trail_frames_ = 0;          // frames already sampled into the trail
};

}  // namespace sandyq::ui
