// worlds/world.h — the contract between the ONE VM (program/vm.h) and the worlds it drives:
// grid/maze, turtle (worlds/), robot simulation (worlds/robot/). Blocks and Python-style text
// call the same commands (block "move 2 steps" = `forward(2)`, robot block "motors on for 1 s" =
// `robot.motors(50, 50, 1)`).
// Depends on: program/vm.h (WorldArg, WorldReply, Diagnostic) and the standard library. Core
// layer: no SDL, ImGui, Emscripten or Lua. Rendering lives in the UI layer and reads a world's
// own state accessors (each concrete world exposes them).
// Ownership: a World owns its state and trace; several worlds may live at once (lesson,
// validator, tests): no globals. Time is injected through advance(); a world never reads a clock.
// Errors: a pupil's mistake (walking into a wall, a bad argument) is a WorldReply with a
// Diagnostic (message key + args from the catalogues), never a crash. A bad world set-up table
// is a Status from the world's factory (`create…(json)`), with a catalogue key.
//
// Running a program in a world (see worlds/runner.h):
//  1. the runner declares commands() on the Vm (Vm::addWorldCommand) in order; the command id
//     the Vm returns for commands()[i] is passed back to call() as index i;
//  2. the Vm yields after each command; while busy() the runner calls advance(dt) (animation in
//     the UI at the chosen speed, as fast as possible headless) before stepping the Vm again;
//  3. at the end the goals are checked with checkGoal() (built-in predicates) or by Lua
//     functions over stateLiteral() and traceLiteral() (scripting::LoadedPack::runCheck).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "program/vm.h"

namespace sandyq::worlds {

// A command as the program calls it: "forward", "turn_left", "robot.motors" (dotted names need
// no import). Argument counts are checked by the Vm; types and ranges by the world.
struct CommandSpec {
    std::string name;
    uint32_t min_args = 0;
    uint32_t max_args = 0;
};

// The outcome of one goal: passed, or a catalogue key (+ named arguments) saying what is missing,
// e.g. {"world.goal.not_reached", {{"x","3"},{"y","4"}}}.
struct GoalResult {
    bool passed = false;
    std::string message_key;
    std::vector<std::pair<std::string, std::string>> args;
};

class World {
public:
    virtual ~World() = default;

    // "maze", "turtle", "robot": the kind named by a coding step's world table.
    virtual std::string_view kind() const = 0;

    // Commands in a fixed order (index = argument of call()).
    virtual const std::vector<CommandSpec>& commands() const = 0;

    // Executes commands()[index]. Queries (wall ahead?, colour under?, robot.distance()) return
    // a value at once; actions that take time (a turtle move, robot motors for 1 s) start here
    // and keep busy() true until advance() has finished them.
    virtual program::WorldReply call(size_t index, const std::vector<program::WorldArg>& args) = 0;

    // Simulated time. A world with no duration may ignore these.
    virtual bool busy() const { return false; }
    virtual void advance(double seconds) { (void)seconds; }

    // Back to the start set-up; trace cleared (the Reset button, and before each run).
    virtual void reset() = 0;

    // A built-in goal predicate by name with its arguments as JSON text (course::literalToJson
    // of the goal's `args`). Unknown names fail with "world.goal.unknown".
    virtual GoalResult checkGoal(std::string_view builtin, std::string_view args_json) const = 0;

    // Final state and trace as Lua table literals for Lua goal functions, e.g.
    // "{x=3,y=4,dir=\"east\",crashed=false}" and "{{cmd=\"forward\"},...}".
    virtual std::string stateLiteral() const = 0;
    virtual std::string traceLiteral() const = 0;
};

}  // namespace sandyq::worlds
