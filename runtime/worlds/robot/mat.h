// worlds/robot/mat.h — a robot mat: the picture the colour sensor reads, the walls and obstacles,
// the zones (start, goal, checkpoints, forbidden areas), the robot's build and the mat's goals.
// Depends on: worlds/robot/geometry.h, core/status.h; nlohmann-json and stb_image privately.
// Core layer: no SDL, ImGui, Emscripten or Lua.
// Ownership: a Mat is a value that owns its RGBA raster; worlds share it read-only.
// Errors: a bad description is a Status{Invalid, "robot.mat.err.*", where = the field, e.g.
// "walls[2]"}; keys live in assets/i18n/*/robot.json.
//
// JSON description (what a pack's `world` table gives through course::literalToJson; every
// field optional unless said; lengths in cm, angles in degrees, x right, y DOWN, heading 0 =
// east, 90 = south, i.e. clockwise):
//   "mat": "line_oval"           start from a built-in mat; the other fields replace its own
//   "size": [w, h]               required without "mat" (10..1000 cm)
//   "scale": 2                   raster pixels per cm (1..8; a picture sets it to its width / w)
//   "background": "white"        colour: a name (black white red green blue yellow grey orange
//                                brown), "#rrggbb" or [r, g, b]
//   "paint": [ … ]               drawn in order over the background/picture:
//        {"line": [[x,y],…], "width": 2, "closed": false, "color": "black", "track": true}
//        {"rect": [x,y,w,h], "angle": 0, "color": …} {"circle": [x,y,r], …} {"polygon": [[x,y],…], …}
//   "walls": [ {"rect"|"circle"|"polygon": …} | {"segment": [x1,y1,x2,y2], "thickness": 2} ]
//                                (also "obstacles": same form; painted brown on the raster)
//   "zones": [ {"id": "goal", "kind": "goal"|"checkpoint"|"forbidden"|"area", shape…, "color": …} ]
//   "border": "edge"             "edge": the robot stops at the mat's edge (sonar sees nothing
//                                there), "wall": a real wall around the mat, "none": it may leave
//   "start": {"x": 20, "y": 50, "heading": 0}
//   "robot": {"wheel_radius": 2.8, "track": 11.2, "max_rpm": 170, "front": 11, "back": 5,
//             "width": 14, "color_sensor": [8, 0], "sonar": [11, 0], "sonar_range": 200}
//   "noise": {"seed": 1, "reflect": 0, "distance": 0, "gyro": 0}   (standard deviations)
//   "max_seconds": 300           simulated time available to a program
//   "goals": [ {"builtin": "reach_zone", "args": {"zone": "goal"}} ]  the mat's own goals
// A picture (PNG bytes, supplied by the caller) covers the whole mat under the paint; a pack
// names it with "picture": "assets/mat.png" (ignored here: the caller reads the file and passes
// the bytes). "kind" and unknown fields are ignored.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "worlds/robot/geometry.h"

namespace sandyq::robot {

struct Rgb {
    uint8_t r = 255, g = 255, b = 255;
};

struct Pose {
    double x = 0, y = 0;
    double heading_deg = 0;  // 0 = east, 90 = south (clockwise on screen)
};

// The robot's build. Body and sensor positions are relative to the middle of the wheel axle:
// first coordinate forward, second to the right.
struct RobotSpec {
    double wheel_radius = 2.8;   // cm (a 56 mm wheel, as WeDo 2.0 / SPIKE / EV3 bases)
    double track = 11.2;         // cm between the wheels' contact points
    double max_rpm = 170;        // motor speed at 100 %
    double front = 11, back = 5, width = 14;  // body rectangle, cm
    Vec2 color_sensor{8, 0};
    Vec2 sonar{11, 0};
    double sonar_range = 200;    // cm; farther reads as this value
    double sonar_cone_deg = 10;  // half-angle: three rays at -cone, 0, +cone
};

struct NoiseSpec {
    uint64_t seed = 1;
    double reflect = 0;   // percentage points
    double distance = 0;  // cm
    double gyro = 0;      // degrees
    bool any() const { return reflect > 0 || distance > 0 || gyro > 0; }
};

struct Wall {
    Shape shape;
    bool sonar_visible = true;  // false for the invisible fence of border "edge"
    bool border = false;
};

struct Zone {
    std::string id;
    std::string kind;  // "goal", "checkpoint", "forbidden", "area"
    Shape shape;
};

// A painted line the robot can follow (graded by the follow_line goal).
struct Track {
    std::vector<Vec2> points;
    bool closed = false;
    double width = 2;
};

struct GoalSpec {
    std::string builtin;
    std::string args_json;  // "{}" when none
};

struct Mat {
    std::string name;            // built-in name or "custom"
    double width_cm = 0, height_cm = 0;
    double scale = 2;            // raster pixels per cm
    int px_w = 0, px_h = 0;      // raster size
    std::vector<uint8_t> rgba;   // px_w * px_h * 4, row-major from the top-left
    std::vector<Wall> walls;     // walls, obstacles and the border fence
    std::vector<Zone> zones;
    std::vector<Track> tracks;
    Pose start;
    RobotSpec robot;
    NoiseSpec noise;
    double max_seconds = 300;
    std::vector<GoalSpec> goals;

    // The colour of the raster at a point in cm; false outside the mat.
    bool pixel(Vec2 p, Rgb& out) const;
    const Zone* zone(std::string_view id) const;
};

// Parses a description (see above); picture_png: the bytes of the picture, if the mat has one.
Result<Mat> matFromJson(std::string_view json, std::string_view picture_png = {});

// ---- building a mat in code (the same steps matFromJson takes) ----
enum class Border : uint8_t { None = 0, Edge, Wall };
// A w × h cm mat (10..1000 each) rasterised at `scale` px per cm (1..8), filled with
// `background`, start in the middle facing east, no walls (add a border with addBorder).
Mat blankMat(double width_cm, double height_cm, double scale = 2, Rgb background = {255, 255, 255});
void paintShape(Mat& m, const Shape& s, Rgb color);
// Paints a line; a track (the default) is also what the follow_line goal grades.
void paintLine(Mat& m, const Track& line, Rgb color, bool is_track = true);
void addWall(Mat& m, Shape s);                              // painted brown
void addZone(Mat& m, Zone z, const Rgb* color = nullptr);   // painted when a colour is given
void addBorder(Mat& m, Border border);                      // see "border" above
// The JSON description of a built-in mat, "" for an unknown name.
std::string builtinMatJson(std::string_view name);
// line_oval, line_junction, maze, stop_wall, color_zones, sumo.
const std::vector<std::string>& builtinMatNames();

// Colour names the sensor reports and the LED accepts.
bool parseColorName(std::string_view name, Rgb& out);
// The named colour a colour sensor reports for an RGB value: "black", "white", "red", "green",
// "blue", "yellow".
const char* classifyColor(Rgb c);
// Reflected light, 0..100 (luminance).
int reflectedLight(Rgb c);

}  // namespace sandyq::robot
