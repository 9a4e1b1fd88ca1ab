// Helpers for the robot tests: a world from JSON, a Python-style program run on it.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "pyish/pyish.h"
#include "worlds/robot/robot_world.h"
#include "worlds/runner.h"

namespace robot_test {

inline std::unique_ptr<sandyq::robot::RobotWorld> world(const std::string& json) {
    auto r = sandyq::robot::createRobotWorld(json);
    INFO(r.status().message_key, " ", r.status().where);
    REQUIRE(r.ok());
    return std::move(r.value());
}

struct Run {
    sandyq::worlds::RunStatus status = sandyq::worlds::RunStatus::None;
    sandyq::program::Diagnostic diagnostic;
    std::string output;
};

// Compiles `source` and runs it to the end on `w` with the worlds::Runner (as the lesson player
// and the headless tool do).
inline Run run(sandyq::robot::RobotWorld& w, const std::string& source) {
    auto compiled = sandyq::pyish::compile(source);
    INFO(compiled.error.message_key, " line ", compiled.error.line);
    REQUIRE(compiled.ok());
    sandyq::worlds::Runner runner(compiled.program, w);
    Run r;
    r.status = runner.runToEnd(100000);
    r.diagnostic = runner.diagnostic();
    r.output = runner.output();
    return r;
}

// Sends one command straight to the world and lets its time pass.
inline sandyq::program::WorldReply call(sandyq::robot::RobotWorld& w, sandyq::robot::Command c,
                                        std::initializer_list<double> args = {}) {
    std::vector<sandyq::program::WorldArg> a;
    for (double v : args) {
        sandyq::program::WorldArg x;
        x.kind = sandyq::program::WorldArg::Kind::Float;
        x.real = v;
        a.push_back(x);
    }
    auto reply = w.call(static_cast<size_t>(c), a);
    while (w.busy()) w.advance(1.0 / 60);
    return reply;
}

}  // namespace robot_test
