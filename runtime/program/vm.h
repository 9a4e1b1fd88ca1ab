// program/vm.h — the ONE steppable virtual machine that runs a Program (from blocks or text).
// Depends on: program/program.h, program/value.h, program/diagnostic.h; no I/O of its own.
// Ownership: a Vm keeps a const reference to its Program (the caller keeps the Program alive
// longer than the Vm) and owns its heap, globals and stack. No globals: any number of Vms may
// live at once. The Host is borrowed and must outlive the Vm.
// Errors: a pupil's mistake stops the run in StepStatus::Faulted with a Diagnostic (exception
// name, line, column, message key and args). Budgets (instructions, call depth, memory) end a
// run the same way, never with a hang or a crash.
//
// Contract of step():
//  - step(n) executes at most n instructions and returns Running if more remain;
//  - Yielded after each world command (so the UI can animate it) and while waiting for input
//    (waitingForInput() is true; call provideInput() or provideEof() before the next step);
//  - Finished when the module body ends; Faulted with diagnostic() on an error.
// Memory: tracing mark-and-sweep collection between instructions (so cycles are reclaimed);
// every object is freed when the Vm is destroyed.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "program/diagnostic.h"
#include "program/program.h"
#include "program/value.h"

namespace sandyq::program {

enum class StepStatus : uint8_t { None = 0, Running, Yielded, Finished, Faulted };

// An argument of a world command, already converted from a VM value.
struct WorldArg {
    enum class Kind : uint8_t { None = 0, Int, Float, Str, Bool };
    Kind kind = Kind::None;
    int64_t integer = 0;
    double real = 0;
    std::string text;
};

// What a world command returns: a value for the program, or a pupil-facing error.
struct WorldReply {
    WorldArg value;         // Kind::None → Python None
    Diagnostic error;       // error.ok() → success
};

enum class InputReply : uint8_t { None = 0, Line, Pending, Eof };

// The host supplies all I/O. The Vm never prints, reads or sleeps by itself.
class Host {
public:
    virtual ~Host() = default;
    // Text produced by print() (already joined with sep and end).
    virtual void write(std::string_view text) = 0;
    // input(prompt): return Line (and fill `line`) when an answer is ready, Pending to make the
    // Vm yield until provideInput(), Eof to raise EOFError. The prompt is shown by the host.
    virtual InputReply readLine(std::string_view prompt, std::string& line) = 0;
    // A world command declared with Vm::addWorldCommand; the Vm yields after it returns.
    virtual WorldReply worldCommand(uint32_t command_id, const std::vector<WorldArg>& args) {
        (void)command_id; (void)args;
        return {};
    }
};

struct Limits {
    uint64_t max_instructions = 200'000'000;  // per run; then TimeoutError "loop ran N times"
    uint32_t max_call_depth = 1000;           // like CPython's recursion limit
    uint64_t max_memory_bytes = 256u << 20;   // approximate live heap
    uint64_t random_seed = 12345;             // `import random` is deterministic per task
};

class Vm {
public:
    Vm(const Program& program, Host& host, Limits limits = {});
    ~Vm();
    Vm(const Vm&) = delete;
    Vm& operator=(const Vm&) = delete;

    // Declares a world command callable from the program as `name(...)` with min..max args;
    // a dotted name ("robot.motors") is called as `robot.motors(...)` without an import.
    // Call before the first step(). Returns the command id passed to Host::worldCommand.
    uint32_t addWorldCommand(std::string_view name, uint32_t min_args, uint32_t max_args);

    StepStatus step(uint64_t max_instructions);
    // For the UI's "Step" button: runs until execution reaches another source line (or
    // yields/finishes/faults), at most max_instructions.
    StepStatus stepLine(uint64_t max_instructions = 1'000'000);
    // Runs to the end, answering yields by continuing (for tools and tests without a UI).
    StepStatus runToEnd();

    StepStatus status() const { return status_; }
    const Diagnostic& diagnostic() const { return diag_; }
    bool waitingForInput() const { return waiting_input_; }
    void provideInput(std::string_view line);
    void provideEof();

    // Where execution is now (for highlighting the running line / block).
    SourcePos currentPosition() const;
    uint32_t currentNode() const;
    uint64_t instructionsExecuted() const { return executed_; }
    size_t liveObjects() const { return object_count_; }
    const Limits& limits() const { return limits_; }

    // ---- for builtins (program/builtins.cpp); not for UI code ----
    struct Impl;
    Impl& impl() { return *impl_; }

private:
    friend struct Impl;
    const Program& program_;
    Host& host_;
    Limits limits_;
    StepStatus status_ = StepStatus::None;
    Diagnostic diag_;
    bool waiting_input_ = false;
    uint64_t executed_ = 0;
    size_t object_count_ = 0;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sandyq::program
