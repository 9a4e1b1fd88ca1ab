// worlds.runner: a program drives a world through the runner — commands in order, animation
// time, wait(), print output, faults with their line, goals of the runner itself.
#include <doctest/doctest.h>

#include "pyish/pyish.h"
#include "worlds/factory.h"
#include "worlds/runner.h"

using namespace sandyq;
using namespace sandyq::worlds;

namespace {

// A counter world: step(n) adds n and animates 0.5 s per call; value() reads it; step(-1) fails.
class CounterWorld final : public World {
public:
    std::string_view kind() const override { return "counter"; }
    const std::vector<CommandSpec>& commands() const override { return cmds_; }
    program::WorldReply call(size_t index, const std::vector<program::WorldArg>& args) override {
        program::WorldReply r;
        log.push_back(cmds_[index].name);
        if (index == 0) {
            if (args[0].integer < 0) {
                r.error = program::makeDiagnostic(program::ExcKind::WorldError, "world.err.test");
                return r;
            }
            value += args[0].integer;
            busy_left = 0.5;
        } else {
            r.value.kind = program::WorldArg::Kind::Int;
            r.value.integer = value;
        }
        return r;
    }
    bool busy() const override { return busy_left > 0; }
    void advance(double s) override { busy_left -= s; }
    void reset() override { value = 0; busy_left = 0; log.clear(); }
    GoalResult checkGoal(std::string_view name, std::string_view) const override {
        GoalResult g;
        g.passed = name == "at_least_3" && value >= 3;
        if (!g.passed) g.message_key = "world.goal.unknown";
        return g;
    }
    std::string stateLiteral() const override { return "{value=" + std::to_string(value) + "}"; }
    std::string traceLiteral() const override { return "{}"; }

    int64_t value = 0;
    double busy_left = 0;
    std::vector<std::string> log;

private:
    std::vector<CommandSpec> cmds_{{"step", 1, 1}, {"value", 0, 0}};
};

program::Program compile(const char* text) {
    auto r = pyish::compile(text);
    REQUIRE(r.ok());
    return std::move(r.program);
}

}  // namespace

TEST_CASE("worlds.runner: commands run in order and each animation takes its time") {
    CounterWorld w;
    const auto prog = compile("for i in range(3):\n    step(1)\nprint(value())\n");
    Runner run(prog, w);
    CHECK(run.runToEnd() == RunStatus::Finished);
    CHECK(w.value == 3);
    CHECK(run.output() == "3\n");
    CHECK(run.commandsRun() == 4);
    CHECK(run.simulatedSeconds() == doctest::Approx(1.5).epsilon(0.05));
    CHECK(run.checkGoals({{"no_error"}, {"at_least_3"}}).all_passed);
    const auto too_many = run.checkGoals({{"max_commands", "{\"n\":2}"}});
    CHECK_FALSE(too_many.all_passed);
    CHECK(too_many.results[0].message_key == "world.goal.too_many_commands");
}

TEST_CASE("worlds.runner: tick advances the animation before the next command runs") {
    CounterWorld w;
    const auto prog = compile("step(1)\nstep(1)\n");
    Runner run(prog, w);
    CHECK(run.tick(1000, 0.1) == RunStatus::Running);
    CHECK(w.value == 1);        // the first command ran and is animating
    CHECK(run.animating());
    CHECK(run.currentPosition().line == 1);  // the animating command is highlighted
    run.tick(1000, 0.2);
    CHECK(w.value == 1);        // still animating: the Vm waits
    run.tick(1000, 0.4);        // animation done, the second command starts
    CHECK(w.value == 2);
    CHECK(run.currentPosition().line == 2);
    for (int k = 0; k < 20 && run.status() == RunStatus::Running; ++k) run.tick(1000, 0.1);
    CHECK(run.status() == RunStatus::Finished);
}

TEST_CASE("worlds.runner: wait(s) pauses the program in simulated time; a bad wait is the pupil's error") {
    CounterWorld w;
    const auto prog = compile("wait(2)\nstep(1)\n");
    Runner run(prog, w);
    run.tick(1000, 0.0);   // wait(2) starts
    CHECK(run.animating());
    run.tick(1000, 1.0);
    CHECK(w.value == 0);
    run.tick(1000, 1.5);   // 2 s have passed: step(1) runs
    CHECK(w.value == 1);
    const auto bad = compile("wait(-1)\n");
    Runner run2(bad, w);
    CHECK(run2.runToEnd() == RunStatus::Faulted);
    CHECK(run2.diagnostic().message_key == "world.err.wait_seconds");
}

TEST_CASE("worlds.runner: a world error faults at its line; restart starts over") {
    CounterWorld w;
    const auto prog = compile("step(2)\nstep(-1)\nstep(5)\n");
    Runner run(prog, w);
    CHECK(run.runToEnd() == RunStatus::Faulted);
    CHECK(run.diagnostic().message_key == "world.err.test");
    CHECK(run.diagnostic().line == 2);
    CHECK(run.currentPosition().line == 2);
    CHECK(w.value == 2);
    CHECK_FALSE(run.checkGoals({{"no_error"}}).all_passed);
    run.restart();
    CHECK(w.value == 0);
    CHECK(run.status() == RunStatus::Running);
}

TEST_CASE("worlds.runner: a forever loop of moves stops at the simulated-time limit") {
    CounterWorld w;
    const auto prog = compile("while True:\n    step(1)\n");
    Runner run(prog, w);
    CHECK(run.runToEnd(10.0) == RunStatus::Running);
    CHECK(run.timedOut());
    CHECK(w.value >= 19);
    CHECK(w.value <= 21);
}

TEST_CASE("worlds.factory: bad set-up tables are Statuses with catalogue keys") {
    CHECK(createWorld("not json").status().message_key == "world.err.json");
    CHECK(createWorld("{\"kind\":\"spaceship\"}").status().message_key == "world.err.kind");
    CHECK(createWorld("{\"kind\":\"robot\"}").status().message_key == "world.err.kind_elsewhere");
    CHECK(worldKind("{\"kind\":\"maze\"}") == "maze");
}

TEST_CASE("worlds.runner: questions take no time; a loop of them runs within one tick") {
    CounterWorld w;
    const auto prog = compile("n = 0\nwhile value() < 1 and n < 50:\n    n += 1\nprint(n)\n");
    Runner run(prog, w);
    CHECK(run.tick(100000, 1.0 / 60) == RunStatus::Finished);
    CHECK(run.output() == "50\n");
    CHECK(run.commandsRun() == 51);
}
