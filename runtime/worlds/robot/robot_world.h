// worlds/robot/robot_world.h — the robot simulation as a World the VM drives (kind "robot"):
// commands robot.forward(cm) … robot.say(text), goals and grading, replay frames.
// Depends on: worlds/world.h, worlds/robot/sim.h, worlds/robot/mat.h. Core layer: no SDL, ImGui,
// Emscripten or Lua.
// Ownership: a RobotWorld owns its Sim (which shares the Mat read-only); several worlds may run
// on one Mat at once (lesson, validator, tests). Time is injected through advance().
// Errors: a bad mat is a Status from createRobotWorld ("robot.mat.err.*"); a pupil's mistake (a
// text where a number is needed, an unknown LED colour, time over) is a WorldReply Diagnostic
// with a "robot.err.*" key; goal results carry "robot.goal.*" keys (assets/i18n/*/robot.json).
//
// How simulated time passes (deterministic, the same natively and in wasm):
//  - actions take their time in advance(): robot.forward/back/turn/motors_degrees/
//    motors_rotations (until the wheel encoders reach the target, or 1 s of stall against a
//    wall), robot.motors(l, r, seconds) and robot.wait(seconds);
//  - every sensor or timer query takes ONE physics step (5 ms): the value is read, then one step
//    is simulated at once. A loop that polls a sensor therefore runs at 200 Hz of robot time,
//    which makes line following and "drive until the wall" programs work the same everywhere.
//    That time is owed to the clock: once a frame's worth (the last advance() length) has piled
//    up, busy() turns true until advance() has paid it back — so in the UI a polling loop runs at
//    the chosen speed, and headless it runs as fast as the CPU allows. The trace never depends
//    on the frame lengths;
//  - robot.motors(l, r) (no time), robot.stop, robot.speed, robot.led, robot.beep, robot.say,
//    robot.reset_timer take no time;
//  - after mat.max_seconds of simulated time every command fails with "robot.err.time_up".
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "worlds/robot/mat.h"
#include "worlds/robot/sim.h"
#include "worlds/world.h"

namespace sandyq::robot {

// Index of each command in RobotWorld::commands() (Python-style name in the comment).
enum class Command : uint8_t {
    Forward = 0,     // robot.forward(cm)                     at robot.speed, default 50 %
    Back,            // robot.back(cm)
    Turn,            // robot.turn(deg)                       positive = clockwise (right)
    Motors,          // robot.motors(left%, right%[, seconds]) no seconds: until changed/stopped
    MotorsDegrees,   // robot.motors_degrees(left%, right%, degrees)  of the faster wheel
    MotorsRotations, // robot.motors_rotations(left%, right%, rotations)
    Stop,            // robot.stop()
    Speed,           // robot.speed(percent)                  1..100 for forward/back/turn
    Wait,            // robot.wait(seconds)
    Color,           // robot.color() -> "black"|"white"|"red"|"green"|"blue"|"yellow"|"none"
    Reflect,         // robot.reflect() -> 0..100
    Distance,        // robot.distance() -> cm (float, 0.1 cm), sonar_range when nothing
    Touch,           // robot.touch() -> bool
    Heading,         // robot.heading() -> degrees turned since the start (int, clockwise +)
    LeftDegrees,     // robot.left_degrees() -> int, wheel rotation counter
    RightDegrees,    // robot.right_degrees() -> int
    Timer,           // robot.timer() -> seconds (float) since start / reset_timer
    ResetTimer,      // robot.reset_timer()
    Led,             // robot.led(colour)                     a colour name or "off"
    Beep,            // robot.beep()
    Say,             // robot.say(text)
    WaitPlain,       // wait(seconds): the Control block "wait 1 s" (the Runner's own wait would
                     // not move the robot), same as robot.wait
    Count
};

enum class EventKind : uint8_t { None = 0, Led, Beep, Say, Stall, TimeUp };
struct Event {
    uint32_t step = 0;
    EventKind kind = EventKind::None;
    std::string text;  // LED colour or the said text
};

// One frame of the replay (for the time slider): state + sensor readings at that moment.
struct FrameView {
    double time = 0;
    Pose pose;                   // axle middle, heading in degrees (cumulative)
    Vec2 body[4];                // front-left, front-right, back-right, back-left corners
    Vec2 color_sensor;           // where the colour sensor looks
    Vec2 sonar;                  // where the ultrasonic beam starts; it points along the heading
                                 // over ±mat().robot.sonar_cone_deg, sensors.distance long
    double left_deg = 0, right_deg = 0, left_pct = 0, right_pct = 0;
    Readings sensors;            // without noise
    bool blocked = false;        // bumped into something during this step
    std::string led = "off";
    std::string saying;          // the last robot.say text ("" before any)
    bool beeping = false;        // a beep started within the last 0.2 s
};

class RobotWorld final : public worlds::World {
public:
    explicit RobotWorld(Mat mat);
    explicit RobotWorld(std::shared_ptr<const Mat> mat);

    // ---- worlds::World ----
    std::string_view kind() const override { return "robot"; }
    const std::vector<worlds::CommandSpec>& commands() const override;
    program::WorldReply call(size_t index, const std::vector<program::WorldArg>& args) override;
    // An action is under way, or queries have run ahead of the clock by a frame (see above).
    bool busy() const override { return action_.kind != ActionKind::None || (owed_ > 0 && owed_ + 1e-12 >= pace_); }
    // Runs whole physics steps (5 ms) while an action is under way; time left over when the
    // action ends is dropped (the program continues at once).
    void advance(double seconds) override { (void)advanceFor(seconds); }
    // advance() that also returns the time it did not use because the action ended first (a
    // runner can spend it on the next commands, so a sensor-polling loop runs at robot speed in
    // the UI instead of one query per frame).
    double advanceFor(double seconds);
    void reset() override;
    // Built-in goals (args as JSON, every field optional unless said):
    //   reach_zone {zone, anytime=false}     the body centre ends (or ever is) in the zone
    //   visit_zones {zones:[…], in_order=true}  enters each; in order = never a later one first
    //   avoid_zones {zones:[…]}              default: every zone of kind "forbidden"
    //   stay_inside {zone}                   the body centre never leaves the zone
    //   follow_line {min_share=0.9, max_off_seconds=-1 (no limit), tolerance=line width/2+1.5}
    //                                        share of the painted track passed under the colour
    //                                        sensor, and time with the sensor away from it
    //   stop_near_wall {max_cm=5, min_cm=0}  final gap to the nearest wall, never touching one
    //   no_collision {}                      never bumped into a wall or obstacle
    //   time_limit {seconds}                 the program ended within this simulated time
    //   min_distance {cm}                    the robot drove at least this far
    worlds::GoalResult checkGoal(std::string_view builtin, std::string_view args_json) const override;
    // {x=,y=,heading=,time=,touch=,color=,reflect=,distance=,bumps=,driven=,led=,said={…},
    //  beeps=,visited={zone ids in entry order},inside={zone ids now},time_up=}
    std::string stateLiteral() const override;
    // Samples every 0.1 s and the last frame: {{t=,x=,y=,heading=,blocked=},…}
    std::string traceLiteral() const override;

    // ---- for the UI, the headless runner and tests ----
    const Mat& mat() const { return sim_.mat(); }
    const Sim& sim() const { return sim_; }
    double time() const { return sim_.time(); }
    Pose pose() const;
    // Hash of the whole run (every frame's exact bits + the events): equal = identical runs.
    uint64_t traceHash() const;
    const std::vector<Event>& events() const { return events_; }
    size_t frameCount() const { return sim_.frames().size(); }
    FrameView frame(size_t i) const;  // i < frameCount(); the last one is the current state
    size_t frameAt(double seconds) const;
    bool timeUp() const { return time_up_; }
    // The mat's own goals ("goals" in its description), each checked.
    std::vector<std::pair<GoalSpec, worlds::GoalResult>> checkMatGoals() const;

private:
    enum class ActionKind : uint8_t { None = 0, Steps, Degrees };
    struct Action {
        ActionKind kind = ActionKind::None;
        uint32_t end_step = 0;        // Steps: ends when the clock reaches it
        bool stop_at_end = false;     // motors off when done
        bool lead_left = true;        // Degrees: the wheel whose counter is watched
        double start_deg = 0, target_deg = 0;
        uint32_t stall_steps = 0;
    };

    program::WorldReply query(Command c);
    void startSteps(uint32_t steps, bool stop_at_end);
    void startDegrees(double left_pct, double right_pct, double degrees);
    void stepAction();
    void endAction();
    void addEvent(EventKind kind, std::string text);
    uint32_t maxSteps() const;

    Sim sim_;
    Action action_;
    double speed_pct_ = 50;
    double pending_ = 0;          // advance() time not yet simulated
    double pending_after_end_ = 0;  // what was pending when the last action ended
    double owed_ = 0;             // time simulated by queries, not yet passed on the clock
    double pace_ = 1.0 / 60;      // the last frame length given to advance()
    uint32_t timer_start_ = 0;
    bool time_up_ = false;
    std::vector<Event> events_;
    TraceHash event_hash_;
    Rng rng_;
};

// Builds a robot world from a pack's world table (as JSON, see mat.h), e.g.
// {"mat":"line_oval"} or a full description; picture_png: the mat picture's bytes, if any.
// Errors: the Status of matFromJson, or "robot.mat.err.start" when the robot starts in a wall.
Result<std::unique_ptr<RobotWorld>> createRobotWorld(std::string_view json, std::string_view picture_png = {});
// The same for a mat built in code (mat.h: blankMat, paintLine, addWall, …).
Result<std::unique_ptr<RobotWorld>> createRobotWorld(Mat mat);

// Stars for a result where smaller is better (seconds, program size): how many of the limits
// the value does not exceed, e.g. limits {20, 30, 60}: 25 s → 2 stars.
int starsFor(double value, const std::vector<double>& limits);

}  // namespace sandyq::robot
