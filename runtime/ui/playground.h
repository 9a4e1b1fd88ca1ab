// ui/playground.h — the Python-style playground: write code, Run / Step / Stop at three speeds,
// the running line highlighted, output and input in a console, an error shown at its line in
// the UI language. Usable before lesson packs exist; lessons will reuse it.
// Depends on: program (Vm, Diagnostic), pyish (compile), core (i18n, storage), ui/code_editor.
// Ownership: Playground owns the compiled Program and the Vm; the AppUi draws it.
// Errors: a pupil's mistake is a Diagnostic shown in the panel; an endless loop ends with the
// VM's TimeoutError within about a second (the VM is time-sliced, the page never freezes).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "program/diagnostic.h"
#include "program/program.h"
#include "program/vm.h"
#include "ui/code_editor.h"

namespace sandyq::ui {

class Playground {
public:
    enum class Mode : uint8_t { None = 0, Editing, Running, Paused, WaitingInput, Finished, Faulted };
    enum class Speed : uint8_t { None = 0, Slow, Medium, Fast };
    static constexpr const char* kStorageKey = "playground/main.py";
    static constexpr uint64_t kMaxInstructions = 12'000'000;  // well under 1 s of wasm: then TimeoutError
    static constexpr uint64_t kMaxMemoryBytes = 24u << 20;     // then MemoryError (heap max is 128 MB)

    Playground();
    ~Playground();

    void run();         // compile and run (from the start)
    void step();        // one line (compiles first if needed)
    void stop();        // back to editing; output stays
    void submitInput(const std::string& line);
    // Advances the VM by time slices; called once per frame.
    void update();

    Mode mode() const { return mode_; }
    Speed speed() const { return speed_; }
    void setSpeed(Speed s) { speed_ = s; }
    CodeEditorState& editor() { return editor_; }
    const std::string& output() const { return output_; }
    const program::Diagnostic& diagnostic() const { return diag_; }
    int execLine() const { return editor_.exec_line; }
    std::string& inputLine() { return input_line_; }

private:
    class ConsoleHost;
    bool compile();
    void finishStep(program::StepStatus s);
    void stepOneLine();

    CodeEditorState editor_;
    std::string output_;
    std::string input_line_;
    program::Diagnostic diag_;
    std::unique_ptr<program::Program> program_;
    std::unique_ptr<ConsoleHost> host_;
    std::unique_ptr<program::Vm> vm_;
    Mode mode_ = Mode::Editing;
    Speed speed_ = Speed::Medium;
    std::chrono::steady_clock::time_point next_tick_{};
};

const char* playgroundModeName(Playground::Mode m);

}  // namespace sandyq::ui
