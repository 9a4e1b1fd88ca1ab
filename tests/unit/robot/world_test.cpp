// RobotWorld driven by Python-style programs through worlds::Runner: reference programs solve
// every built-in mat and empty programs fail; pupils' mistakes; determinism; replay; literals.
#include <map>

#include "course/literal.h"
#include "robot_test_util.h"

using namespace sandyq::robot;
using robot_test::run;
using robot_test::world;
using sandyq::worlds::RunStatus;

namespace {

// A proportional line follower on the inner (left) edge of the line.
const char* kLineFollower = R"(base = 30
while robot.timer() < 34:
    error = robot.reflect() - 50
    robot.motors(base + error * 0.4, base - error * 0.4)
robot.stop()
)";

const std::map<std::string, std::string> kReference = {
    {"line_oval", kLineFollower},
    // Follow the line's left edge to the green marker, turn left at the junction, follow the
    // branch to the red goal.
    {"line_junction", R"(while robot.color() != "green":
    e = robot.reflect() - 50
    robot.motors(25 + e * 0.4, 25 - e * 0.4)
robot.forward(26)
robot.turn(-90)
while robot.color() != "red":
    e = robot.reflect() - 50
    robot.motors(25 + e * 0.4, 25 - e * 0.4)
robot.forward(8)
)"},
    {"maze", "robot.forward(140)\nrobot.turn(90)\nrobot.forward(70)\nrobot.turn(90)\nrobot.forward(140)\n"
             "robot.turn(-90)\nrobot.forward(65)\nrobot.turn(-90)\nrobot.forward(140)\n"},
    {"stop_wall", "robot.motors(50, 50)\nwhile robot.distance() > 3:\n    pass\nrobot.stop()\n"},
    {"color_zones", "robot.forward(40)\nrobot.turn(90)\nrobot.forward(120)\nrobot.turn(90)\nrobot.forward(80)\n"},
    {"sumo", "while robot.timer() < 20:\n    robot.motors(40, 40)\n    if robot.reflect() < 30:\n"
             "        robot.back(10)\n        robot.turn(135)\nrobot.stop()\n"},
};

// Recorded natively (g++ x86-64); the wasm unit tests must reproduce it bit for bit.
constexpr uint64_t kMazeHash = 0xabdc7aaf9050bdb7ull;
// The line follower on the oval for 20 s (sensors, continuous motors, the time limit).
constexpr uint64_t kOvalHash = 0x1989b06a6c01b40dull;

std::string failures(const RobotWorld& w) {
    std::string out;
    for (const auto& [spec, result] : w.checkMatGoals())
        if (!result.passed) {
            out += spec.builtin + ": " + result.message_key;
            for (const auto& [k, v] : result.args) out += " " + k + "=" + v;
            out += "\n";
        }
    return out;
}

}  // namespace

TEST_CASE("robot.world: each built-in mat is solved by its reference program and failed by an empty one") {
    for (const std::string& name : builtinMatNames()) {
        CAPTURE(name);
        auto w = world("{\"mat\":\"" + name + "\"}");
        REQUIRE(kReference.count(name));
        auto r = run(*w, kReference.at(name));
        CHECK(r.status == RunStatus::Finished);
        INFO(failures(*w));
        CHECK(failures(*w).empty());
        auto empty = run(*w, "pass\n");
        CHECK(empty.status == RunStatus::Finished);
        CHECK_FALSE(failures(*w).empty());
    }
}

TEST_CASE("robot.world: a line follower written as Python-style text completes the oval") {
    auto w = world(R"({"mat": "line_oval"})");
    auto r = run(*w, kLineFollower);
    REQUIRE(r.status == RunStatus::Finished);
    CHECK(w->checkGoal("follow_line", R"({"min_share": 0.97, "max_off_seconds": 0.5})").passed);
    CHECK(w->checkGoal("no_collision", "{}").passed);
    // It went once around: the gyro turned through about -360 degrees (counter-clockwise).
    CHECK(w->pose().heading_deg < -350);
    // A robot that only drives straight leaves the line: both checks say why.
    run(*w, "robot.forward(100)\n");
    auto share = w->checkGoal("follow_line", "{}");
    CHECK_FALSE(share.passed);
    CHECK(share.message_key == "robot.goal.line_share");
    auto off = w->checkGoal("follow_line", R"({"min_share": 0, "max_off_seconds": 1})");
    CHECK(off.message_key == "robot.goal.line_off");
}

TEST_CASE("robot.world: the same program gives the same trace hash, whatever the frame rate") {
    auto w = world(R"({"mat": "line_oval", "max_seconds": 20})");
    run(*w, kLineFollower);
    const uint64_t first = w->traceHash();
    CHECK(first == kOvalHash);  // golden: native = wasm
    const size_t frames = w->frameCount();
    run(*w, kLineFollower);
    CHECK(w->traceHash() == first);
    CHECK(w->frameCount() == frames);
    // A fresh world on the same mat, driven by UI-like ticks of different lengths.
    auto compiled = sandyq::pyish::compile(kLineFollower);
    REQUIRE(compiled.ok());
    for (double dt : {1.0 / 144, 1.0 / 60, 1.0 / 10, 1.0}) {
        CAPTURE(dt);
        auto other = world(R"({"mat": "line_oval", "max_seconds": 20})");
        sandyq::worlds::Runner runner(compiled.program, *other);
        for (int i = 0; i < 10'000'000 && runner.status() == RunStatus::Running; ++i) runner.tick(1000, dt);
        CHECK(other->traceHash() == first);
    }
    // A different program gives a different hash.
    run(*w, "robot.motors(30, 31, 5)\n");
    CHECK(w->traceHash() != first);
}

TEST_CASE("robot.world: trace hash golden value (the wasm build runs this test too: native = wasm)") {
    // Regenerate after an intended change of the physics with:
    //   sandyq-robot maze <maze reference program>   (the "trace hash" line)
    auto w = world(R"({"mat": "maze"})");
    run(*w, kReference.at("maze"));
    CHECK(w->traceHash() == kMazeHash);
}

TEST_CASE("robot.world: pupils' mistakes are diagnostics with catalogue keys and lines") {
    auto w = world(R"({"mat": "stop_wall", "max_seconds": 5})");
    struct Case {
        const char* program;
        sandyq::program::ExcKind exc;
        const char* key;
        uint32_t line;
    };
    using sandyq::program::ExcKind;
    const Case cases[] = {
        {"robot.forward(10)\nrobot.forward(\"far\")\n", ExcKind::TypeError, "robot.err.need_number", 2},
        {"robot.led(\"purple\")\n", ExcKind::ValueError, "robot.err.bad_color", 1},
        {"robot.led(5)\n", ExcKind::TypeError, "robot.err.need_color", 1},
        {"robot.speed(0)\n", ExcKind::ValueError, "robot.err.speed_range", 1},
        {"robot.wait(-1)\n", ExcKind::ValueError, "robot.err.negative_time", 1},
        {"x = 0\nwhile True:\n    robot.turn(90)\n", ExcKind::WorldError, "robot.err.time_up", 3},
    };
    for (const Case& c : cases) {
        CAPTURE(c.program);
        auto r = run(*w, c.program);
        REQUIRE(r.status == RunStatus::Faulted);
        CHECK(r.diagnostic.exception == c.exc);
        CHECK(r.diagnostic.message_key == c.key);
        CHECK(r.diagnostic.line == c.line);
    }
    CHECK(w->timeUp());
    CHECK(w->time() == doctest::Approx(5));
}

TEST_CASE("robot.world: goals fail for the right reason") {
    auto check = [](const std::string& mat, const std::string& program, const char* goal, const char* args, const char* key) {
        CAPTURE(program);
        auto w = world(mat);
        run(*w, program);
        auto g = w->checkGoal(goal, args);
        CHECK_FALSE(g.passed);
        CHECK(g.message_key == key);
    };
    const std::string stop_wall = R"({"mat": "stop_wall"})";
    check(stop_wall, "robot.forward(200)\n", "stop_near_wall", "{}", "robot.goal.touched_wall");
    check(stop_wall, "robot.forward(50)\n", "stop_near_wall", "{}", "robot.goal.too_far");
    check(stop_wall, "robot.forward(128)\n", "stop_near_wall", R"({"max_cm": 5, "min_cm": 2})", "robot.goal.too_close");
    check(stop_wall, "robot.forward(10)\n", "time_limit", R"({"seconds": 0.2})", "robot.goal.too_slow");
    check(stop_wall, "robot.forward(10)\n", "min_distance", R"({"cm": 20})", "robot.goal.too_short");
    check(R"({"mat": "maze"})", "robot.forward(200)\n", "no_collision", "{}", "robot.goal.collided");
    check(R"({"mat": "color_zones"})", "robot.turn(180)\nrobot.forward(40)\n", "visit_zones",
          R"({"zones": ["red", "yellow"]})", "robot.goal.wrong_order");
    check(R"({"mat": "color_zones"})", "robot.forward(40)\n", "visit_zones", R"({"zones": ["red", "green"]})",
          "robot.goal.zone_missed");
    check(R"({"mat": "line_junction"})", "robot.forward(150)\n", "avoid_zones", "{}", "robot.goal.entered_zone");
    check(R"({"mat": "line_junction"})", "robot.forward(150)\n", "reach_zone", R"({"zone": "goal"})", "robot.goal.not_in_zone");
    check(R"({"mat": "sumo"})", "robot.forward(100)\n", "stay_inside", R"({"zone": "ring"})", "robot.goal.left_zone");
    check(R"({"mat": "sumo"})", "pass\n", "reach_zone", R"({"zone": "moon"})", "robot.goal.unknown_zone");
    check(R"({"mat": "sumo"})", "pass\n", "reach_zone", R"({"place": "ring"})", "robot.goal.bad_args");
    check(R"({"mat": "sumo"})", "pass\n", "follow_line", "{}", "robot.goal.no_line");
    check(R"({"mat": "sumo"})", "pass\n", "fly_to_moon", "{}", "world.goal.unknown");
    // And pass when met.
    auto w = world(stop_wall);
    run(*w, "robot.forward(125)\n");
    CHECK(w->checkGoal("stop_near_wall", R"({"max_cm": 5, "min_cm": 2})").passed);
    CHECK(w->checkGoal("time_limit", R"({"seconds": 10})").passed);
    CHECK(w->checkGoal("reach_zone", R"({"zone": "near_wall"})").passed);
    CHECK(starsFor(8, {5, 10, 20}) == 2);
    CHECK(starsFor(30, {5, 10, 20}) == 0);
}

TEST_CASE("robot.world: replay frames, outputs and the literals for Lua checks") {
    auto w = world(R"({"mat": "color_zones"})");
    auto r = run(*w, "robot.led(\"green\")\nrobot.forward(40)\nrobot.beep()\nrobot.say(\"Сәлем\")\nwait(1)\n"
                     "print(robot.color())\n");
    REQUIRE(r.status == RunStatus::Finished);
    CHECK(r.output == "red\n");
    CHECK(w->frameCount() == w->sim().steps() + 1);
    const FrameView first = w->frame(0);
    CHECK(first.pose.x == w->mat().start.x);
    CHECK(first.led == "green");
    const FrameView last = w->frame(w->frameCount() - 1);
    CHECK(last.pose.y == doctest::Approx(w->pose().y));
    CHECK(last.saying == "Сәлем");
    CHECK_FALSE(last.beeping);
    CHECK(last.sensors.color == std::string("red"));
    const size_t mid = w->frameAt(0.5);
    CHECK(w->frame(mid).time == doctest::Approx(0.5));
    CHECK(w->frame(mid).pose.y < first.pose.y);  // driving north
    // Beeping only just after the beep.
    const size_t beep = w->frameAt(w->time() - 1.0);
    CHECK(w->frame(beep).beeping);

    auto state = sandyq::course::literalToJson(w->stateLiteral());
    REQUIRE(state.ok());
    CHECK(state.value().find("\"visited\":[\"red\"]") != std::string::npos);
    CHECK(state.value().find("\"led\":\"green\"") != std::string::npos);
    CHECK(state.value().find("\"said\":[\"Сәлем\"]") != std::string::npos);
    auto trace = sandyq::course::literalToJson(w->traceLiteral());
    REQUIRE(trace.ok());
    CHECK(trace.value().find("\"t\":0.0") != std::string::npos);
}

TEST_CASE("robot.world: sensor noise is off by default, seeded and repeatable when on") {
    const char* program = "for i in range(20):\n    print(robot.reflect(), robot.distance())\n";
    auto quiet = world(R"({"mat": "stop_wall"})");
    auto q = run(*quiet, program);
    // The robot stands still: twenty identical readings (white mat, the wall ahead).
    const std::string line = q.output.substr(0, q.output.find('\n') + 1);
    CHECK(line.rfind("100 ", 0) == 0);
    std::string twenty;
    for (int i = 0; i < 20; ++i) twenty += line;
    CHECK(q.output == twenty);
    auto noisy = world(R"({"mat": "stop_wall", "noise": {"seed": 7, "reflect": 3, "distance": 1}})");
    auto a = run(*noisy, program);
    auto b = run(*noisy, program);
    CHECK(a.output == b.output);
    CHECK(a.output != q.output);
    auto other = world(R"({"mat": "stop_wall", "noise": {"seed": 8, "reflect": 3, "distance": 1}})");
    CHECK(run(*other, program).output != a.output);
}

TEST_CASE("robot.world: wait() of the Control blocks lets robot time pass like robot.wait()") {
    auto a = world(R"({"mat": "stop_wall"})");
    run(*a, "robot.motors(40, 40)\nwait(1)\nrobot.stop()\n");
    auto b = world(R"({"mat": "stop_wall"})");
    run(*b, "robot.motors(40, 40)\nrobot.wait(1)\nrobot.stop()\n");
    CHECK(a->pose().x > b->mat().start.x + 10);
    CHECK(a->traceHash() == b->traceHash());
}
