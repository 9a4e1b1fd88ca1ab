#include "ui/playground.h"

#include "pyish/pyish.h"

namespace sandyq::ui {

const char* playgroundModeName(Playground::Mode m) {
    switch (m) {
        case Playground::Mode::Editing: return "editing";
        case Playground::Mode::Running: return "running";
        case Playground::Mode::Paused: return "paused";
        case Playground::Mode::WaitingInput: return "waiting-input";
        case Playground::Mode::Finished: return "finished";
        case Playground::Mode::Faulted: return "faulted";
        case Playground::Mode::None: break;
    }
    return "none";
}

// print() goes to the console (capped so a printing loop can't eat the memory); input() waits
// for the pupil to type a line in the console.
class Playground::ConsoleHost final : public program::Host {
public:
    explicit ConsoleHost(std::string& out) : out_(out) {}
    void write(std::string_view text) override {
        constexpr size_t kMax = 64 * 1024;
        out_ += text;
        if (out_.size() > kMax) {
            size_t cut = out_.size() - kMax / 2;
            while (cut < out_.size() && (static_cast<unsigned char>(out_[cut]) & 0xC0) == 0x80) ++cut;
            out_ = "\u2026\n" + out_.substr(cut);
        }
    }
    // The Vm has already written the prompt; the answer arrives later through provideInput().
    program::InputReply readLine(std::string_view, std::string&) override { return program::InputReply::Pending; }

private:
    std::string& out_;
};

Playground::Playground() = default;
Playground::~Playground() = default;

bool Playground::compile() {
    vm_.reset();
    host_.reset();
    diag_ = {};
    editor_.error_line = 0;
    editor_.exec_line = 0;
    pyish::CompileResult r = pyish::compile(editor_.text);
    if (!r.ok()) {
        diag_ = r.error;
        editor_.error_line = static_cast<int>(diag_.line);
        mode_ = Mode::Faulted;
        return false;
    }
    program_ = std::make_unique<program::Program>(std::move(r.program));
    host_ = std::make_unique<ConsoleHost>(output_);
    program::Limits limits;
    limits.max_instructions = kMaxInstructions;
    limits.max_memory_bytes = kMaxMemoryBytes;  // far below the wasm heap's ceiling
    vm_ = std::make_unique<program::Vm>(*program_, *host_, limits);
    output_.clear();
    return true;
}

void Playground::run() {
    if (!compile()) return;
    mode_ = Mode::Running;
    editor_.read_only = true;
    next_tick_ = std::chrono::steady_clock::now();
}

void Playground::step() {
    if (vm_ == nullptr || mode_ == Mode::Finished || mode_ == Mode::Faulted || mode_ == Mode::Editing) {
        if (!compile()) return;
    }
    editor_.read_only = true;
    mode_ = Mode::Paused;
    stepOneLine();
}

void Playground::stop() {
    if (vm_ && (mode_ == Mode::Running || mode_ == Mode::Paused || mode_ == Mode::WaitingInput)) {
        vm_.reset();
    }
    mode_ = Mode::Editing;
    editor_.read_only = false;
    editor_.exec_line = 0;
}

void Playground::submitInput(const std::string& line) {
    if (mode_ != Mode::WaitingInput || !vm_) return;
    host_->write(line + "\n");  // echo, as a terminal does
    vm_->provideInput(line);
    mode_ = Mode::Running;
}

void Playground::finishStep(program::StepStatus s) {
    if (s == program::StepStatus::Finished) {
        mode_ = Mode::Finished;
        editor_.exec_line = 0;
        editor_.read_only = false;
    } else if (s == program::StepStatus::Faulted) {
        diag_ = vm_->diagnostic();
        editor_.error_line = static_cast<int>(diag_.line);
        editor_.exec_line = 0;
        editor_.read_only = false;
        mode_ = Mode::Faulted;
    } else if (vm_->waitingForInput()) {
        mode_ = Mode::WaitingInput;
    }
    if (vm_ && mode_ != Mode::Finished && mode_ != Mode::Faulted) {
        editor_.exec_line = static_cast<int>(vm_->currentPosition().line);
    }
}

void Playground::stepOneLine() {
    if (!vm_) return;
    finishStep(vm_->stepLine());  // up to the next source line (a long builtin call is one step)
}

void Playground::update() {
    if (mode_ != Mode::Running || !vm_) return;
    const auto now = std::chrono::steady_clock::now();
    if (speed_ == Speed::Fast) {
        // Time-sliced: at most ~24 ms of work per frame, so the page stays alive (and responds
        // to Stop) while an endless loop runs into its instruction budget.
        const auto until = now + std::chrono::milliseconds(24);
        program::StepStatus s = program::StepStatus::Running;
        while (std::chrono::steady_clock::now() < until) {
            s = vm_->step(20'000);
            if (s != program::StepStatus::Running && s != program::StepStatus::Yielded) break;
            if (vm_->waitingForInput()) break;
        }
        finishStep(s);
        return;
    }
    if (now < next_tick_) return;
    next_tick_ = now + std::chrono::milliseconds(speed_ == Speed::Slow ? 700 : 150);
    stepOneLine();
}

}  // namespace sandyq::ui
