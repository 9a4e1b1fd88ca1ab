// ui/world_view.h — draws a coding step's world with Dear ImGui draw lists: the maze (tiles,
// character with its heading, goal flags, items, keys, doors), the turtle (drawn segments, the
// target figure faintly, the turtle) and the robot (the mat picture as a texture, walls, zones,
// the robot with body, wheels, sensor positions and the ultrasonic beam, its trail, a live sensor
// panel; zoom and pan; any recorded frame for the replay slider). Animation comes from the
// worlds' visual poses (the Runner advances them at the chosen speed).
// Depends on: ImGui, worlds (maze, turtle, robot). Ownership: a WorldView caches only derived
// drawing data (the mat raster as runs of colour when there is no texture, the robot's trail)
// and the view (zoom, pan, replay frame); it borrows the World for one draw() call.
// Errors: none (an unknown kind draws an empty frame).
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
    // Robot: the sensor panel's items, translated: tr(key, value) fills the catalogue key
    // "robot.panel.<item>" (colour, light, distance, touch_yes/touch_no, heading, led, time)
    // with the value; empty = no panel.
    std::function<std::string(const char* key, const std::string& value)> panel;
    std::function<std::string(const char*)> colour_name;  // "black" → the pupil's language
    // Robot: a top-right corner kept free for buttons drawn over the view (w, h in px); the
    // fitted mat never lies under it.
    ImVec2 reserve_top_right{0, 0};
};

class WorldView {
public:
    // Draws `world` fitted into [origin, origin + size]. mat_texture: the mat's picture as a
    // texture (0: draw the mat raster).
    void draw(const worlds::World& world, ImVec2 origin, ImVec2 size, const WorldViewStyle& style, uint64_t mat_texture = 0);
    // Forgets caches (a new world or a reset); keeps the zoom and pan.
    void reset();

    // ---- robot view: zoom and pan (1 = the whole mat fits), the replay frame ----
    // Zooms by `factor` keeping the mat point under `anchor` (screen) where it is.
    void zoomBy(float factor, ImVec2 anchor);
    void panBy(ImVec2 screen_delta);
    void fit() { zoom_ = 1; pan_ = ImVec2(0, 0); }
    float zoom() const { return zoom_; }
    // The frame to draw (replay), or -1 for the live (last) frame.
    void showFrame(long frame) { show_frame_ = frame; }
    long shownFrame() const { return show_frame_; }

private:
    void drawMaze(ImDrawList* dl, const worlds::World& world, ImVec2 origin, ImVec2 size, const WorldViewStyle& st);
    void drawTurtle(ImDrawList* dl, const worlds::World& world, ImVec2 origin, ImVec2 size, const WorldViewStyle& st);
    void drawRobot(ImDrawList* dl, const worlds::World& world, ImVec2 origin, ImVec2 size, const WorldViewStyle& st, uint64_t tex);

    struct Run { float x0, y0, x1, y1; ImU32 colour; };
    const void* mat_key_ = nullptr;    // the Mat the runs were made for
    std::vector<Run> mat_runs_;        // cm
    std::vector<ImVec2> trail_;        // cm, one point per kTrailEvery frames
    size_t trail_frames_ = 0;          // frames already sampled into the trail
    float zoom_ = 1;                   // 1..8 times the fitted scale
    ImVec2 pan_{0, 0};                 // screen px the mat is moved by
    long show_frame_ = -1;
    // the last robot draw: the fitted placement (for zoomBy's anchor)
    ImVec2 last_origin_{0, 0}, last_size_{0, 0};
};

}  // namespace sandyq::ui
