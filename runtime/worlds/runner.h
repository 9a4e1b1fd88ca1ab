// worlds/runner.h — runs ONE compiled program in ONE world: the glue between program::Vm and a
// World (maze, turtle, robot). Used by the lesson player and block editor (tick() per frame),
// by tools and tests (runToEnd()), and by the pack checker (reference solutions).
// Depends on: worlds/world.h, program/vm.h; core layer (no SDL, ImGui, Emscripten or Lua).
// Ownership: the Runner borrows the Program and the World (both must outlive it) and owns its
// Vm. restart() resets the world and makes a fresh Vm on the same Program. No globals.
// Errors: a pupil's mistake (wall, bad argument, endless loop) ends the run in
// RunStatus::Faulted with diagnostic() (line, column, AST node / block id, message key).
//
// How a frame drives a run (tick):
//  - while the world is busy() (a move animating) or a wait() is pending, dt advances them;
//  - otherwise the Vm runs up to max_instructions; it yields after each world command: an
//    action's animation then runs from the next tick on, while after a query that takes no
//    time the Vm goes on within the same tick's budget.
// Besides the world's own commands the runner declares `wait(seconds)` (the Control block
// "wait 1 s"), unless the world already has a command of that name.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "program/program.h"
#include "program/vm.h"
#include "worlds/world.h"

namespace sandyq::worlds {

enum class RunStatus : uint8_t { None = 0, Running, Finished, Faulted };

// A goal as a coding step lists it: a built-in predicate name and its arguments as JSON text
// ("{}" when it has none). See Runner::checkGoals.
struct GoalSpec {
    std::string builtin;
    std::string args_json = "{}";
};

struct GoalReport {
    bool all_passed = true;
    std::vector<GoalResult> results;  // parallel to the GoalSpecs
};

class Runner final : public program::Host {
public:
    // Declares the world's commands (and wait) on a fresh Vm. The world is reset().
    Runner(const program::Program& program, World& world, program::Limits limits = {});
    ~Runner() override;
    Runner(const Runner&) = delete;
    Runner& operator=(const Runner&) = delete;

    // One UI frame: dt_seconds of simulated time (already scaled by the speed control) and at
    // most max_instructions Vm instructions. Returns the status after the tick.
    RunStatus tick(uint64_t max_instructions, double dt_seconds);
    // The Step button: finishes the running animation at once, then runs the Vm to the next
    // source line / world command.
    RunStatus stepLine();
    // Headless: runs to the end, animations in fixed steps of kFixedDt. Stops early (still
    // Running, timedOut() true) after max_sim_seconds of simulated time, e.g. a forever loop
    // that keeps moving.
    RunStatus runToEnd(double max_sim_seconds = 600.0);
    // Back to the start: world reset, output and trace cleared, a fresh Vm.
    void restart();

    static constexpr double kFixedDt = 1.0 / 60.0;

    RunStatus status() const { return status_; }
    bool timedOut() const { return timed_out_; }
    // Valid when status() == Faulted. node is the AST node / block id of the faulty statement.
    const program::Diagnostic& diagnostic() const { return diag_; }
    // What to highlight: the command being animated, else where the Vm stands.
    uint32_t currentNode() const;
    program::SourcePos currentPosition() const;
    // True while an animation or a wait() is in progress (the Vm is not running).
    bool animating() const;

    const std::string& output() const { return output_; }      // everything print() wrote
    uint64_t commandsRun() const { return commands_run_; }      // world commands + waits
    double simulatedSeconds() const { return sim_seconds_; }
    World& world() { return world_; }
    const World& world() const { return world_; }
    const program::Vm& vm() const { return *vm_; }

    // Built-in goals: the runner's own ("no_error": the program finished without a fault;
    // "max_commands" {n}: at most n world commands ran), everything else the world's checkGoal.
    GoalReport checkGoals(const std::vector<GoalSpec>& goals) const;

    // ---- program::Host ----
    void write(std::string_view text) override;
    program::InputReply readLine(std::string_view prompt, std::string& line) override;
    program::WorldReply worldCommand(uint32_t command_id, const std::vector<program::WorldArg>& args) override;

private:
    void makeVm();
    RunStatus fromVm(program::StepStatus s);
    // Advances pending wait / world animation by up to dt; returns the time left over.
    double advanceAnimation(double dt);

    const program::Program& program_;
    World& world_;
    program::Limits limits_;
    std::unique_ptr<program::Vm> vm_;
    std::vector<int32_t> command_map_;  // Vm command id → world command index; -1 = wait
    RunStatus status_ = RunStatus::Running;
    program::Diagnostic diag_;
    std::string output_;
    double wait_left_ = 0;
    double sim_seconds_ = 0;
    uint64_t commands_run_ = 0;
    uint32_t active_node_ = 0;
    program::SourcePos active_pos_;
    bool timed_out_ = false;
};

// Checks goals against a world alone (no runner state): each goal by World::checkGoal.
GoalReport checkWorldGoals(const World& world, const std::vector<GoalSpec>& goals);

}  // namespace sandyq::worlds
