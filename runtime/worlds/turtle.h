// worlds/turtle.h — the turtle world: a pen that draws line segments (Logo / Python turtle /
// Scratch Pen). Goal checks compare the drawn figure with a target figure.
// Depends on: worlds/world.h, core/status.h. Core layer; the UI draws segments() and
// visualPose() (the last segment partly while busy(), see drawnFraction()).
// Ownership: a TurtleWorld owns its segments and trace. No globals.
// Errors: bad set-up → Status ("world.err.turtle_*"); bad arguments (a distance that is not a
// number, an unknown colour, too many segments) → WorldReply Diagnostic.
//
// Coordinates: x to the right, y UP, origin at the centre; heading in degrees, 0 = east,
// counter-clockwise (Python's turtle): left(90) from east faces north.
// Set-up JSON: {"kind":"turtle", "x":0, "y":0, "heading":0, "target":[[x1,y1,x2,y2],...]}
//   (all optional; the target is shown faintly by the UI and used by "shape_equals").
// Commands (index order): forward(d), back(d), left(deg), right(deg), pen_up(), pen_down(),
//   pen_colour(name), pen_width(w), goto(x, y).
//   Colours: black, red, green, blue, yellow, orange, purple, brown, white.
// Goals: "shape_equals" {"segments":[[x1,y1,x2,y2],…] (default: the set-up target),
//   "tolerance": 2} — the same figure, in any drawing order or direction; collinear pieces
//   that touch count as one line (forward(50) twice = one side of 100);
//   "min_segments" / "max_segments" {"n"} over that merged figure; "closed" — every corner
//   joins an even number of lines (the pen came back to where the figure started).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "worlds/world.h"

namespace sandyq::worlds {

struct Segment {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    std::string colour = "black";
    double width = 2;
};

struct TurtlePose {
    double x = 0, y = 0, heading = 0;  // heading in degrees, CCW from east
};

// A figure normalised for comparison: zero-length pieces dropped, collinear touching or
// overlapping pieces merged. Pure function (also used by tests and the UI's hint view).
std::vector<Segment> mergeSegments(const std::vector<Segment>& segments, double tolerance);
// The same figure (order and direction of drawing do not matter) within tolerance.
bool sameFigure(const std::vector<Segment>& drawn, const std::vector<Segment>& target, double tolerance);

class TurtleWorld final : public World {
public:
    static constexpr double kUnitsPerSecond = 200;
    static constexpr double kDegreesPerSecond = 360;
    static constexpr size_t kMaxSegments = 20000;
    static constexpr double kMaxCoordinate = 100000;

    std::string_view kind() const override { return "turtle"; }
    const std::vector<CommandSpec>& commands() const override;
    program::WorldReply call(size_t index, const std::vector<program::WorldArg>& args) override;
    bool busy() const override { return anim_left_ > 0; }
    void advance(double seconds) override;
    void reset() override;
    GoalResult checkGoal(std::string_view builtin, std::string_view args_json) const override;
    std::string stateLiteral() const override;
    std::string traceLiteral() const override;

    // ---- state for rendering and tests ----
    const TurtlePose& pose() const { return pose_; }
    TurtlePose visualPose() const;                 // interpolated while busy()
    bool penDown() const { return pen_down_; }
    const std::string& penColour() const { return colour_; }
    double penWidth() const { return width_; }
    const std::vector<Segment>& segments() const { return segments_; }
    // While the last segment is being drawn: how much of it to show (0..1); 1 otherwise.
    double drawnFraction() const;
    const std::vector<Segment>& target() const { return target_; }
    void setTarget(std::vector<Segment> target) { target_ = std::move(target); }

private:
    friend Result<std::unique_ptr<TurtleWorld>> createTurtle(std::string_view json);
    program::WorldReply moveTo(double x, double y, const char* cmd, double amount);
    void startAnim(double seconds);

    TurtlePose start_;
    TurtlePose pose_, from_;
    bool pen_down_ = true;
    std::string colour_ = "black";
    double width_ = 2;
    std::vector<Segment> segments_, target_;
    bool last_drew_ = false;
    std::string trace_;  // Lua literal items, comma-separated
    size_t trace_count_ = 0;
    double anim_left_ = 0, anim_total_ = 0;
};

Result<std::unique_ptr<TurtleWorld>> createTurtle(std::string_view json);

}  // namespace sandyq::worlds
