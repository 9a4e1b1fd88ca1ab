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
    {"line_junction", "robot.forward(100)\nrobot.turn(-90)\nrobot.forward(65)\n"},
    {"maze", "robot.forward(140)\nrobot.turn(90)\nrobot.forward(70)\nrobot.turn(90)\nrobot.forward(140)\n"
             "robot.turn(-90)\nrobot.forward(65)\nrobot.turn(-90)\nrobot.forward(140)\n"},
    {"stop_wall", "robot.motors(50, 50)\nwhile robot.distance() > 3:\n    pass\nrobot.stop()\n"},
    {"color_zones", "robot.forward(40)\nrobot.turn(90)\nrobot.forward(120)\nrobot.turn(90)\nrobot.forward(80)\n"},
    {"sumo", "while robot.timer() < 20:\n    robot.motors(40, 40)\n    if robot.reflect() < 30:\n"
             "        robot.back(10)\n        robot.turn(135)\nrobot.stop()\n"},
};

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
