// Kinematics against closed forms, collisions without tunnelling, sensors on known mats.
#include <cmath>

#include "robot_test_util.h"

using namespace sandyq::robot;
using robot_test::call;
using robot_test::world;

namespace {

const char* kEmpty = R"({"size": [400, 200], "start": {"x": 50, "y": 100, "heading": 0}})";

double wheelCm(const RobotSpec& r, double pct, double seconds) {
    return pct / 100 * r.max_rpm / 60 * seconds * 2 * kPi * r.wheel_radius;
}

}  // namespace

TEST_CASE("robot.sim: straight drive distance matches the wheel geometry") {
    auto w = world(kEmpty);
    const RobotSpec& spec = w->mat().robot;
    call(*w, Command::Motors, {50, 50, 2});
    CHECK(w->time() == doctest::Approx(2.0));
    CHECK(w->pose().x == doctest::Approx(50 + wheelCm(spec, 50, 2)).epsilon(1e-12));
    CHECK(w->pose().y == doctest::Approx(100).epsilon(1e-12));
    // The motors stop at the end of the time: nothing moves while waiting.
    const double x = w->pose().x;
    call(*w, Command::Wait, {1});
    CHECK(w->pose().x == x);

    // forward(cm) stops on the wheel encoder: exactly that far, whatever the step.
    w->reset();
    call(*w, Command::Forward, {37.3});
    CHECK(w->pose().x == doctest::Approx(50 + 37.3).epsilon(1e-12));
    CHECK(w->sim().current().left_deg == doctest::Approx(37.3 / (2 * kPi * spec.wheel_radius) * 360));
    call(*w, Command::Back, {7.3});
    CHECK(w->pose().x == doctest::Approx(80).epsilon(1e-12));
    auto deg = call(*w, Command::LeftDegrees);
    CHECK(deg.value.integer == std::lround(30 / (2 * kPi * spec.wheel_radius) * 360));
}

TEST_CASE("robot.sim: spin angle and arc radius match the closed form") {
    auto w = world(kEmpty);
    const RobotSpec& spec = w->mat().robot;
    call(*w, Command::Turn, {90});
    CHECK(w->pose().heading_deg == doctest::Approx(90).epsilon(1e-12));
    CHECK(w->pose().x == doctest::Approx(50));
    CHECK(w->pose().y == doctest::Approx(100));
    call(*w, Command::Turn, {-135});
    CHECK(w->pose().heading_deg == doctest::Approx(-45).epsilon(1e-12));

    // Left wheel faster: a clockwise arc of radius track/2 * (vl + vr) / (vl - vr) around a
    // centre on the robot's right.
    w->reset();
    call(*w, Command::Motors, {60, 20, 1.5});
    const double radius = spec.track / 2 * (60 + 20) / (60 - 20);
    const Vec2 centre{50, 100 + radius};
    const Pose p = w->pose();
    CHECK(length(Vec2{p.x, p.y} - centre) == doctest::Approx(radius).epsilon(1e-9));
    const double turned = (wheelCm(spec, 60, 1.5) - wheelCm(spec, 20, 1.5)) / spec.track / kDegToRad;
    CHECK(p.heading_deg == doctest::Approx(turned).epsilon(1e-9));
}

TEST_CASE("robot.sim: no tunnelling through a thin wall at top speed; the robot bumps and stops") {
    // A very fast robot (3000 rpm: about 9 m/s) and a 1 mm wall.
    auto w = world(R"({"size": [400, 200], "start": {"x": 50, "y": 100, "heading": 0},
                      "robot": {"max_rpm": 3000},
                      "walls": [{"segment": [200, 0, 200, 200], "thickness": 0.1}]})");
    call(*w, Command::Motors, {100, 100, 1});
    const double front = w->pose().x + w->mat().robot.front;
    CHECK(front < 199.95);
    CHECK(front > 199.5);
    for (size_t i = 0; i < w->frameCount(); ++i) CHECK(w->frame(i).pose.x + 11 < 199.95);
    CHECK(w->frame(w->frameCount() - 1).blocked);
    CHECK(call(*w, Command::Touch).value.integer == 1);
    // Backing away works, and the bumper is free again.
    call(*w, Command::Back, {10});
    CHECK(w->pose().x + w->mat().robot.front < 190.1);
    CHECK(call(*w, Command::Touch).value.integer == 0);

    // forward() into a wall ends after a second of stalling instead of waiting forever.
    w->reset();
    call(*w, Command::Forward, {500});
    CHECK(w->time() < 3);
    bool stalled = false;
    for (const Event& e : w->events()) stalled = stalled || e.kind == EventKind::Stall;
    CHECK(stalled);

    // Turning against a wall at an angle stops too: the body never overlaps the wall.
    w->reset();
    call(*w, Command::Forward, {130});
    call(*w, Command::Turn, {45});
    call(*w, Command::Motors, {100, 60, 2});
    for (size_t i = 0; i < w->frameCount(); ++i) {
        const FrameView f = w->frame(i);
        for (const Vec2& c : f.body) CHECK(c.x <= 199.95);
    }
}

TEST_CASE("robot.sim: the ultrasonic sensor reads the distance to walls and obstacles only") {
    auto w = world(R"({"size": [400, 200], "start": {"x": 50, "y": 100, "heading": 0},
                      "paint": [{"rect": [100, 0, 20, 200], "color": "black"}],
                      "walls": [{"rect": [250, 0, 10, 200]}]})");
    const double sonar = w->mat().robot.sonar.x;
    auto d = call(*w, Command::Distance);
    REQUIRE(d.value.kind == sandyq::program::WorldArg::Kind::Float);
    CHECK(d.value.real == doctest::Approx(250 - 50 - sonar));  // paint is not an obstacle
        call(*w, Command::Forward, {100});
    CHECK(call(*w, Command::Distance).value.real == doctest::Approx(250 - 150 - sonar));
        // Facing away: farther than the range reads as the range; the mat edge is not a wall.
    call(*w, Command::Turn, {180});
    CHECK(call(*w, Command::Distance).value.real == doctest::Approx(w->mat().robot.sonar_range));
    
    // A round obstacle a little off the axis is inside the cone.
    auto c = world(R"({"size": [400, 200], "start": {"x": 50, "y": 100, "heading": 0},
                      "obstacles": [{"circle": [150, 112, 4]}]})");
    const double got = call(*c, Command::Distance).value.real;
    CHECK(got > 80);
    CHECK(got < 95);
}

TEST_CASE("robot.sim: the colour sensor reads the line and the zones") {
    auto w = world(R"({"mat": "line_oval"})");
    auto color = [&] {
        auto r = call(*w, Command::Color);
                return r.value.text;
    };
    auto reflect = [&] {
        auto r = call(*w, Command::Reflect);
                return r.value.integer;
    };
    CHECK(color() == "black");  // the start pose puts the sensor on the line
    CHECK(reflect() < 15);
    call(*w, Command::Turn, {-90});
    call(*w, Command::Forward, {10});
    CHECK(color() == "white");
    CHECK(reflect() > 90);

    auto z = world(R"({"mat": "color_zones"})");
    call(*z, Command::Forward, {40});
    auto r = call(*z, Command::Color);
    CHECK(r.value.text == "red");
    // Off the mat (no border) the sensor sees nothing.
    auto off = world(R"({"size": [100, 100], "border": "none", "start": {"x": 50, "y": 50}})");
    call(*off, Command::Forward, {60});
    CHECK(call(*off, Command::Color).value.text == "none");
}

TEST_CASE("robot.sim: a query takes one physics step; the world asks for a frame once a frame's worth piled up") {
    auto w = world(kEmpty);
    CHECK(w->advanceFor(1.0 / 60) == doctest::Approx(1.0 / 60));  // nothing under way: all handed back
    for (int i = 1; i <= 3; ++i) {
        w->call(static_cast<size_t>(Command::Touch), {});
        CHECK(w->time() == doctest::Approx(i * kStepSeconds));  // simulated at once
        CHECK_FALSE(w->busy());                                 // 15 ms < one frame of 1/60 s
    }
    w->call(static_cast<size_t>(Command::Touch), {});
    CHECK(w->busy());  // 20 ms owed: the UI must show a frame first
    CHECK(w->advanceFor(1.0 / 60) == 0);
    CHECK_FALSE(w->busy());
    auto t = w->call(static_cast<size_t>(Command::Timer), {});
    CHECK(t.value.real == doctest::Approx(4 * kStepSeconds));  // read before its own step
    CHECK(w->time() == doctest::Approx(5 * kStepSeconds));
    // At 10x the frames are longer, so more queries run per frame.
    w->advanceFor(10.0 / 60);
    int queries = 0;
    while (!w->busy() && queries < 1000) {
        w->call(static_cast<size_t>(Command::Reflect), {});
        ++queries;
    }
    CHECK(queries >= 33);
    CHECK(queries <= 35);

    // A timed action hands back the frame time it did not need.
    auto v = world(kEmpty);
    sandyq::program::WorldArg tenth;
    tenth.kind = sandyq::program::WorldArg::Kind::Float;
    tenth.real = 0.1;
    v->call(static_cast<size_t>(Command::Wait), {tenth});
    CHECK(v->advanceFor(0.05) == 0);
    CHECK(v->busy());
    CHECK(v->advanceFor(0.08) == doctest::Approx(0.03));
    CHECK_FALSE(v->busy());
    CHECK(v->time() == doctest::Approx(0.1));
}
