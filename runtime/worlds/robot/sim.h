// worlds/robot/sim.h — the physics of one differential-drive robot on a mat: a fixed step of
// 5 ms (independent of the frame rate), collisions without tunnelling, sensors, and the recorded
// trace (one frame per step) with its hash.
// Depends on: worlds/robot/mat.h, worlds/robot/geometry.h. No platform includes, no clock.
// Ownership: a Sim shares its Mat read-only (std::shared_ptr<const Mat>) and owns its frames.
// Errors: none; a bad mat is rejected before a Sim exists (matFromJson / createRobotWorld).
//
// Model: each wheel turns at speed % × max_rpm; the pose integrates the exact arc of the two
// wheel travels. A step is split into sub-steps of at most 0.5 cm of motion of any body corner;
// a sub-step that would make the body overlap a wall is cut to the largest free fraction
// (bisection), the robot stops there and the wheels stall (their counters stop too) — the robot
// bumps into the wall and stays in front of it, never inside or behind it.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "worlds/robot/geometry.h"
#include "worlds/robot/mat.h"

namespace sandyq::robot {

constexpr int kStepsPerSecond = 200;
constexpr double kStepSeconds = 1.0 / kStepsPerSecond;

// The robot's state after a step: what the replay slider shows.
struct Frame {
    uint32_t step = 0;          // simulated time = step / kStepsPerSecond
    uint8_t flags = 0;          // kFrameBlocked
    double x = 0, y = 0;        // middle of the wheel axle, cm
    double heading = 0;         // radians, cumulative (no wrap), clockwise positive
    double left_deg = 0, right_deg = 0;  // wheel rotation counters
    double left_pct = 0, right_pct = 0;  // motor speeds during this step
};
constexpr uint8_t kFrameBlocked = 1;  // the body hit a wall/obstacle during this step

struct Readings {
    int reflect = 0;             // 0..100
    const char* color = "none";  // "none" off the mat
    double distance = 0;         // cm, <= sonar_range
    bool touch = false;
    double heading_deg = 0;      // gyro: degrees turned since the start, clockwise positive
};

class Sim {
public:
    explicit Sim(std::shared_ptr<const Mat> mat);

    // Back to the mat's start pose at time 0; frames cleared (frame 0 = the start).
    void reset();
    // Speeds in % of max_rpm, clamped to -100..100; kept until changed.
    void setMotors(double left_pct, double right_pct);
    double leftPct() const { return left_pct_; }
    double rightPct() const { return right_pct_; }
    // Wheel degrees per second at a speed %.
    double degreesPerSecond(double pct) const { return pct / 100.0 * mat_->robot.max_rpm * 6.0; }

    // One physics step. The wheels turn `fraction` (0..1] of the step's rotation (an encoder
    // target reached inside the step); the clock always advances a whole step.
    void step(double fraction = 1);

    uint32_t steps() const { return frames_.back().step; }
    double time() const { return frames_.back().step / static_cast<double>(kStepsPerSecond); }
    const Frame& current() const { return frames_.back(); }
    const std::vector<Frame>& frames() const { return frames_; }
    // FNV-1a of every frame's exact bits: equal hashes = identical runs.
    uint64_t hash() const { return hash_.value; }
    const Mat& mat() const { return *mat_; }
    std::shared_ptr<const Mat> sharedMat() const { return mat_; }

    // ---- geometry and sensors of any frame (pure: the replay reuses them) ----
    void body(const Frame& f, Vec2 out[4]) const;  // front-left, front-right, back-right, back-left
    Vec2 bodyCentre(const Frame& f) const;
    Vec2 toWorld(const Frame& f, Vec2 local) const;  // local: (forward, right)
    Vec2 colorSensorPoint(const Frame& f) const { return toWorld(f, mat_->robot.color_sensor); }
    bool collides(const Frame& f) const;
    // Gap between the body and the nearest wall/obstacle, cm (0 when touching); the invisible
    // fence of border "edge" does not count.
    double wallDistance(const Frame& f) const;
    bool spotColor(const Frame& f, Rgb& out) const;  // averaged under the colour sensor
    int reflect(const Frame& f) const;
    const char* color(const Frame& f) const;
    double distance(const Frame& f) const;           // ultrasonic: three rays over the cone
    bool touch(const Frame& f) const;                // the front bumper is against something
    double headingDeg(const Frame& f) const;
    Readings read(const Frame& f) const;

private:
    void move(Frame& f, double ds, double dth) const;
    void record(const Frame& f);

    std::shared_ptr<const Mat> mat_;
    std::vector<Frame> frames_;
    std::vector<Vec2> spot_;  // colour-sensor sample offsets (cm)
    double reach_ = 0;        // farthest body corner from the axle middle
    double cone_cos_ = 1, cone_sin_ = 0;
    double left_pct_ = 0, right_pct_ = 0;
    TraceHash hash_;
};

}  // namespace sandyq::robot
