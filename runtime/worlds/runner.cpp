// worlds/runner.cpp — see runner.h.
#include "worlds/runner.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace sandyq::worlds {

using program::Diagnostic;
using program::ExcKind;
using program::StepStatus;
using program::WorldArg;
using program::WorldReply;

namespace {
constexpr double kMaxWaitSeconds = 60.0;

bool argNumber(const WorldArg& a, double& out) {
    if (a.kind == WorldArg::Kind::Int) { out = static_cast<double>(a.integer); return true; }
    if (a.kind == WorldArg::Kind::Float) { out = a.real; return true; }
    return false;
}
}  // namespace

Runner::Runner(const program::Program& program, World& world, program::Limits limits)
    : program_(program), world_(world), limits_(limits) {
    restart();
}

Runner::~Runner() = default;

void Runner::makeVm() {
    vm_ = std::make_unique<program::Vm>(program_, *this, limits_);
    command_map_.clear();
    bool world_has_wait = false;
    const auto& cmds = world_.commands();
    for (size_t i = 0; i < cmds.size(); ++i) {
        const uint32_t id = vm_->addWorldCommand(cmds[i].name, cmds[i].min_args, cmds[i].max_args);
        if (command_map_.size() <= id) command_map_.resize(id + 1, -1);
        command_map_[id] = static_cast<int32_t>(i);
        if (cmds[i].name == "wait") world_has_wait = true;
    }
    if (!world_has_wait) {
        const uint32_t id = vm_->addWorldCommand("wait", 1, 1);
        if (command_map_.size() <= id) command_map_.resize(id + 1, -1);
        command_map_[id] = -1;
    }
}

void Runner::restart() {
    world_.reset();
    output_.clear();
    diag_ = {};
    wait_left_ = 0;
    sim_seconds_ = 0;
    commands_run_ = 0;
    active_node_ = 0;
    active_pos_ = {};
    timed_out_ = false;
    status_ = RunStatus::Running;
    makeVm();
    if (vm_->status() == StepStatus::Finished) status_ = RunStatus::Finished;
}

RunStatus Runner::fromVm(StepStatus s) {
    switch (s) {
        case StepStatus::Finished: status_ = RunStatus::Finished; break;
        case StepStatus::Faulted:
            status_ = RunStatus::Faulted;
            diag_ = vm_->diagnostic();
            break;
        default: status_ = RunStatus::Running; break;
    }
    return status_;
}

bool Runner::animating() const { return wait_left_ > 0 || world_.busy(); }

double Runner::advanceAnimation(double dt) {
    if (dt <= 0) return 0;
    if (wait_left_ > 0) {
        const double used = std::min(dt, wait_left_);
        wait_left_ -= used;
        sim_seconds_ += used;
        dt -= used;
        if (wait_left_ > 1e-12) return 0;
        wait_left_ = 0;
    }
    if (world_.busy()) {
        // Worlds consume whole dt slices; the leftover is not tracked finer than a slice.
        world_.advance(dt);
        sim_seconds_ += dt;
        return 0;
    }
    return dt;
}

RunStatus Runner::tick(uint64_t max_instructions, double dt_seconds) {
    if (status_ != RunStatus::Running) return status_;
    advanceAnimation(dt_seconds);
    // Queries (wall ahead?) take no time: keep running after them within this tick's budget,
    // so a loop of questions is not slowed to one question per frame.
    uint64_t left = max_instructions;
    while (left > 0 && !animating()) {
        const uint64_t before = vm_->instructionsExecuted();
        const StepStatus s = vm_->step(left);
        fromVm(s);
        const uint64_t used = vm_->instructionsExecuted() - before;
        if (status_ != RunStatus::Running || s != StepStatus::Yielded || used == 0) break;
        left = used >= left ? 0 : left - used;
    }
    return status_;
}

RunStatus Runner::stepLine() {
    if (status_ != RunStatus::Running) return status_;
    // finish the current animation at once (bounded: a world that never settles cannot hang us)
    for (int k = 0; k < 100000 && animating(); ++k) advanceAnimation(kFixedDt);
    if (animating()) return status_;
    return fromVm(vm_->stepLine());
}

RunStatus Runner::runToEnd(double max_sim_seconds) {
    timed_out_ = false;
    while (status_ == RunStatus::Running) {
        if (animating()) {
            if (sim_seconds_ >= max_sim_seconds) { timed_out_ = true; break; }
            advanceAnimation(kFixedDt);
            continue;
        }
        if (sim_seconds_ >= max_sim_seconds) { timed_out_ = true; break; }
        fromVm(vm_->step(1u << 20));
    }
    return status_;
}

uint32_t Runner::currentNode() const {
    if (status_ == RunStatus::Faulted) return diag_.node;
    if (animating() && active_node_ != 0) return active_node_;
    return vm_->currentNode();
}

program::SourcePos Runner::currentPosition() const {
    if (status_ == RunStatus::Faulted) return {diag_.line, diag_.column};
    if (animating() && active_pos_.line != 0) return active_pos_;
    return vm_->currentPosition();
}

void Runner::write(std::string_view text) {
    // print() output is for the pupil's console; keep it bounded like the playground does
    constexpr size_t kMaxOutput = 1u << 20;
    if (output_.size() < kMaxOutput) output_.append(text.substr(0, kMaxOutput - output_.size()));
}

program::InputReply Runner::readLine(std::string_view, std::string&) {
    // worlds have no console input: input() ends the program with EOFError
    return program::InputReply::Eof;
}

WorldReply Runner::worldCommand(uint32_t command_id, const std::vector<WorldArg>& args) {
    WorldReply reply;
    if (command_id >= command_map_.size()) {
        reply.error = program::makeDiagnostic(ExcKind::WorldError, "world.err.unknown_command");
        return reply;
    }
    active_node_ = vm_->currentNode();
    active_pos_ = vm_->currentPosition();
    ++commands_run_;
    const int32_t index = command_map_[command_id];
    if (index < 0) {
        double seconds = 0;
        if (args.size() != 1 || !argNumber(args[0], seconds) || !std::isfinite(seconds) || seconds < 0 ||
            seconds > kMaxWaitSeconds) {
            reply.error = program::makeDiagnostic(ExcKind::ValueError, "world.err.wait_seconds");
            reply.error.arg("max", static_cast<int64_t>(kMaxWaitSeconds));
            return reply;
        }
        wait_left_ = seconds;
        return reply;
    }
    return world_.call(static_cast<size_t>(index), args);
}

GoalReport Runner::checkGoals(const std::vector<GoalSpec>& goals) const {
    GoalReport report;
    for (const GoalSpec& g : goals) {
        GoalResult r;
        if (g.builtin == "no_error") {
            r.passed = status_ == RunStatus::Finished;
            if (!r.passed) r.message_key = status_ == RunStatus::Faulted ? "world.goal.had_error" : "world.goal.not_finished";
        } else if (g.builtin == "max_commands") {
            const nlohmann::json j = nlohmann::json::parse(g.args_json, nullptr, false);
            int64_t n = -1;
            if (j.is_object() && j.contains("n") && j["n"].is_number_integer()) n = j["n"].get<int64_t>();
            else if (j.is_number_integer()) n = j.get<int64_t>();
            if (n < 0) {
                r.message_key = "world.goal.bad_args";
                r.args.emplace_back("goal", g.builtin);
            } else {
                r.passed = commands_run_ <= static_cast<uint64_t>(n);
                if (!r.passed) {
                    r.message_key = "world.goal.too_many_commands";
                    r.args.emplace_back("n", std::to_string(n));
                    r.args.emplace_back("used", std::to_string(commands_run_));
                }
            }
        } else {
            r = world_.checkGoal(g.builtin, g.args_json);
        }
        report.all_passed = report.all_passed && r.passed;
        report.results.push_back(std::move(r));
    }
    return report;
}

GoalReport checkWorldGoals(const World& world, const std::vector<GoalSpec>& goals) {
    GoalReport report;
    for (const GoalSpec& g : goals) {
        GoalResult r = world.checkGoal(g.builtin, g.args_json);
        report.all_passed = report.all_passed && r.passed;
        report.results.push_back(std::move(r));
    }
    return report;
}

}  // namespace sandyq::worlds
