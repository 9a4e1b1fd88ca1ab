// scripting/step_check.h — checks a pupil's (or the reference) program for one coding step: the
// Check button of the lesson player and the reference-solution check of packcheck.
// Depends on: course (pack types, literalToJson), pyish + program (compile and run the text),
// scripting/pack_loader.h (Lua goal functions via LoadedPack::runCheck), worlds (runner and the
// world factories, when they are built — see SANDYQ_HAVE_WORLDS in scripting/CMakeLists.txt).
// Ownership: checkCodingStep borrows the pack and the step; everything it returns is by value.
// Each call compiles the program and runs it in fresh VMs (one run per distinct `inputs` list);
// several checks may run at once on different LoadedPacks (a LoadedPack's sandbox is not shared
// between threads).
// Errors: a pupil's mistake is data — StepOutcome::error (syntax / runtime / timeout Diagnostic)
// or failed goals with catalogue keys ("pack.check.*" in packs.json). A broken pack (unknown
// built-in, a Lua goal that errors or never returns, a bad world table) is also reported in the
// outcome: StepOutcome::pack_problems, with file:line, for the teacher.
//
// Console steps (a `python` step with no world kind) — built-in goals, documented for teachers in
// docs/packs.{kk,ru}.md, each a table {builtin = "<name>", …, message = {kk=,ru=} (optional),
// inputs = {…} (optional: lines fed to input() for this goal's own run)}:
//   output           text = "…" | {…} — the printed output equals text, or one of a list of texts
//                                      (trailing spaces of each line and trailing empty lines
//                                      ignored, \r\n = \n; the prompt of input() is not output)
//   output_contains  text = "…" | {…} — every text appears in the output
//   uses             name = "for"   — the program uses a construct (for while if elif else def
//                                      return list dict fstring break continue import and or not
//                                      in — `in` of a condition, not of a for) or calls a
//                                      function / method of that name (print input len append …)
//   avoids           name = "max"   — the program does NOT use that construct or function (a task
//                                      that must be solved without a ready-made helper)
//   no_error         —              — the program runs to the end without an error
//   max_lines        lines = N      — at most N lines of code (blank and comment lines not counted)
//   variable         name = "x", value = V — after the run the variable x equals V (number, text,
//                                      true/false or a list {…})
// Lua goals: check = function(run, trace) with run = {output="…", lines={…}, variables={x=…},
// inputs={…}} and trace = {{kind="print", text="…"}, {kind="input", prompt="…", text="…"}, …}.
// The step's own `world = { inputs = {…} }` gives the lines of the main run.
//
// World steps (`world = { kind = "maze" | "turtle" | "robot", … }`; robot{} steps default to
// "robot", blocks{} steps to "maze") run through worlds::Runner: built-in goals are the world's
// own predicates (worlds/*.h; plus the runner's no_error and max_commands) and uses, max_lines,
// output, output_contains as above; Lua goals get check(state, trace) from World::stateLiteral()
// and World::traceLiteral(). Blocks steps take their solution as Python-style text for now.
//
// Stars (the step's `stars` table): a passed step gets 3 stars, minus one for every rule it
// misses (at least 1): max_lines = N, max_blocks = N (the block editor's count; for text, one
// block per statement), max_commands = N (world steps: at most N world commands ran),
// time = S (solved within S seconds), attempts = N (solved within N checks), no_hints = true.
// A rule whose measure is unknown (see StepCheckOptions) counts as met.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "course/pack.h"
#include "course/pack_source.h"
#include "course/problem.h"
#include "program/diagnostic.h"
#include "scripting/pack_loader.h"

namespace sandyq::scripting {

struct StepCheckOptions {
    uint64_t max_instructions = 20'000'000;  // per run of the program; then TimeoutError
    uint64_t max_memory_bytes = 64u << 20;   // per run
    double max_sim_seconds = 600;            // world steps: simulated time before "endless"
    const course::PackSource* source = nullptr;  // the pack's files (robot mat pictures); borrowed
    // Measures for star rules; negative = unknown (the rule counts as met).
    double seconds_spent = -1;
    int attempts = -1;      // checks so far, this one included
    int hints_used = -1;
    int blocks_used = -1;   // from the block editor; -1 = count statements of the text
};

// One goal or one star rule, as the pupil sees it.
struct GoalOutcome {
    bool passed = false;
    std::string message_key;               // "pack.check.*" (empty when passed)
    std::vector<course::ProblemArg> args;  // fills the key's {placeholders}
    course::LocalizedText message;         // the pack's own message: shown instead when not empty
    course::SourcePos pos;                 // where the goal is written in the pack
};

struct StepOutcome {
    bool passed = false;
    int points = 0;             // step.coding.points when passed, else 0
    int max_points = 0;
    int stars = 0;              // 0 when not passed, else 1..3
    std::vector<GoalOutcome> goals;       // one per goal of the step, in order
    std::vector<GoalOutcome> star_rules;  // one per star rule (passed = rule met)
    program::Diagnostic error;  // the program's mistake (syntax, runtime, timeout); ok() if none
    std::string output;         // printed output of the main run (inputs of the world table)
    bool ran = false;           // false when the step could not be run at all (see pack_problems)
    course::Problems pack_problems;  // the pack's own faults (for the teacher), file:line
};

// Compiles and runs `program_text` for `step` (a Coding step of `pack`) and checks its goals.
StepOutcome checkCodingStep(LoadedPack& pack, const course::Step& step, std::string_view program_text,
                            const StepCheckOptions& options = {});

// True when checkCodingStep can run this step in this build (console steps always; world steps
// once the world modules are built in).
bool canCheckStep(const course::Step& step);

// The world a coding step runs in: "" for a console step, else "maze", "turtle" or "robot"
// (robot{} steps default to "robot", blocks{} steps to "maze").
std::string stepWorldKind(const course::Step& step);

// Lines of code as the max_lines goal and star rule count them (blank and comment-only lines not).
int countCodeLines(std::string_view program_text);

// Normalised output as the `output` goal compares it: \r\n → \n, trailing spaces and tabs of each
// line removed, trailing empty lines removed.
std::string normalizeOutput(std::string_view output);

}  // namespace sandyq::scripting
