// ui/coding_session.cpp — see coding_session.h.
#include "ui/coding_session.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "course/literal.h"
#include "pyish/pyish.h"
#include "worlds/factory.h"
#include "worlds/robot/robot_world.h"

namespace sandyq::ui {

namespace {

using json = nlohmann::json;

constexpr uint64_t kRunInstructions = 20'000'000;   // a whole run (then TimeoutError)
constexpr uint64_t kTickInstructions = 200'000;     // per frame: the page never freezes

Result<std::unique_ptr<worlds::World>> makeWorld(const std::string& kind, json w, const course::PackSource* source) {
    if (!w.is_object()) w = json::object();
    if (!w.contains("kind")) w["kind"] = kind;
    const std::string text = w.dump();
    if (kind == "robot") {
        std::string picture;
        if (source && w.contains("picture") && w["picture"].is_string()) {
            const std::string file = w["picture"].get<std::string>();
            if (course::isValidPackPath(file)) {
                auto bytes = source->read(file);
                if (bytes.ok()) picture = std::move(bytes.value());
            }
        }
        auto made = robot::createRobotWorld(text, picture);
        if (!made.ok()) return made.status();
        return std::unique_ptr<worlds::World>(std::move(made.value()));
    }
    return worlds::createWorld(text);
}

}  // namespace

const char* codingModeName(CodingMode m) {
    switch (m) {
        case CodingMode::Editing: return "editing";
        case CodingMode::Running: return "running";
        case CodingMode::Paused: return "paused";
        case CodingMode::Finished: return "finished";
        case CodingMode::Faulted: return "faulted";
        default: return "none";
    }
}

void CodingStepState::setUp(const course::Step& step, const std::string& key, const course::PackSource* source, const std::string& saved) {
    key_ = key;
    const course::CodingStep& c = step.coding;
    blocks_ = c.usesBlocks();
    // the world
    json w = json::object();
    if (!c.world.empty()) {
        auto converted = course::literalToJson(c.world);
        if (converted.ok()) {
            json parsed = json::parse(converted.value(), nullptr, false);
            if (parsed.is_object()) w = parsed;
        } else {
            world_error_ = converted.status().message_key;
        }
    }
    if (w.contains("kind") && w["kind"].is_string()) world_kind_ = w["kind"].get<std::string>();
    if (world_kind_.empty() && c.kind == course::CodingKind::Robot) world_kind_ = "robot";
    if (world_kind_.empty() && c.kind == course::CodingKind::Blocks) world_kind_ = "maze";
    if (world_kind_ == "robot") speed_ = 0;  // 1×: robot time is real time
    if (!world_kind_.empty()) {
        auto made = makeWorld(world_kind_, w, source);
        if (made.ok()) world_ = std::move(made.value());
        else world_error_ = made.status().message_key;
    }
    if (blocks_) {
        blocks::Toolbox tb;
        tb.world = world_kind_;
        tb.allowed = c.allowed;
        // stars = { max_blocks = N }: the count the editor shows
        if (!c.stars.empty()) {
            auto sj = course::literalToJson(c.stars);
            if (sj.ok()) {
                json s = json::parse(sj.value(), nullptr, false);
                if (s.is_object() && s.contains("max_blocks") && s["max_blocks"].is_number()) star_blocks = s["max_blocks"].get<int>();
            }
        }
        bool loaded = false;
        if (!saved.empty()) {
            auto parsed = blocks::parseWorkspace(saved);
            if (parsed.ok()) { ws_ = std::move(parsed.value()); loaded = true; }
        }
        if (!loaded && !c.starter.empty()) {
            blocks::TextToBlocks t = blocks::workspaceFromText(c.starter, world_kind_);
            if (t.error.ok()) { ws_ = std::move(t.workspace); loaded = true; }
        }
        if (!loaded) {
            ws_ = blocks::Workspace();
            ws_.setToolbox(tb);
            (void)ws_.add("events.start", blocks::Target::topLevel(20, 20));
        }
        ws_.setToolbox(tb);
        ws_.forgetHistory();
        blocksChanged();
    } else {
        const std::string text = !saved.empty() ? saved : c.starter;
        if (world_ == nullptr) {
            console_ = std::make_unique<Playground>();
            console_->editor().text = text;
        } else {
            editor_.text = text;
        }
    }
    started_ = std::chrono::steady_clock::now();
}

Status CodingStepState::setUpSample(const worlds::SampleWorld& sample, const std::string& key, const std::string& saved) {
    key_ = key;
    blocks_ = true;
    world_json_ = sample.json;
    auto made = worlds::createWorld(sample.json);
    if (made.ok()) {
        world_ = std::move(made.value());
        world_kind_ = std::string(world_->kind());
    } else {
        world_error_ = made.status().message_key;
    }
    goals_.clear();
    for (size_t start = 0; start < sample.goals.size();) {
        const size_t comma = sample.goals.find(',', start);
        goals_.push_back({sample.goals.substr(start, comma == std::string::npos ? std::string::npos : comma - start), "{}"});
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    blocks::Toolbox tb;
    tb.world = world_kind_;  // every block of the world
    Status st = Status::success();
    bool loaded = false;
    if (!saved.empty()) {
        auto parsed = blocks::parseWorkspace(saved);
        if (parsed.ok()) {
            ws_ = std::move(parsed.value());
            loaded = true;
        } else {
            st = parsed.status();
        }
    }
    if (!loaded) {
        ws_ = blocks::Workspace();
        ws_.setToolbox(tb);
        (void)ws_.add("events.start", blocks::Target::topLevel(20, 20));
    }
    ws_.setToolbox(tb);
    ws_.forgetHistory();
    blocksChanged();
    started_ = std::chrono::steady_clock::now();
    return st;
}

void CodingStepState::finished() {
    mode_ = CodingMode::Finished;
    goal_report_ = goals_.empty() || !runner_ ? worlds::GoalReport{} : runner_->checkGoals(goals_);
    goal_reached_ = !goals_.empty() && runner_ && goal_report_.all_passed;
}

std::string CodingStepState::savedProgram() const {
    if (blocks_) return blocks::serialize(ws_);
    return console_ ? console_->editor().text : editor_.text;
}

std::string CodingStepState::programText() const {
    if (blocks_) return compiled_.text;
    return console_ ? console_->editor().text : editor_.text;
}

int CodingStepState::blocksUsed() const { return blocks_ ? static_cast<int>(ws_.blockCount()) : -1; }

CodeEditorState& CodingStepState::editor() { return console_ ? console_->editor() : editor_; }

const std::string& CodingStepState::output() const {
    if (console_) return console_->output();
    return runner_ ? runner_->output() : empty_;
}

void CodingStepState::blocksChanged() {
    compiled_ = blocks::compileWorkspace(ws_);
}

bool CodingStepState::compileForRun() {
    compile_error_ = {};
    runner_.reset();
    if (blocks_) {
        blocksChanged();
        if (!compiled_.ok()) {
            compile_error_ = compiled_.error;
            return false;
        }
        return true;
    }
    pyish::CompileResult r = pyish::compile(editor_.text);
    if (!r.ok()) {
        compile_error_ = r.error;
        editor_.error_line = static_cast<int>(compile_error_.line);
        return false;
    }
    text_program_ = std::make_unique<program::Program>(std::move(r.program));
    return true;
}

void CodingStepState::makeRunner() {
    program::Limits limits;
    limits.max_instructions = kRunInstructions;
    limits.max_memory_bytes = 24u << 20;
    const program::Program& prog = blocks_ ? compiled_.program : *text_program_;
    runner_ = std::make_unique<worlds::Runner>(prog, *world_, limits);
    world_view_.reset();
    endReplay();
}

void CodingStepState::run() {
    if (console_) { console_->run(); return; }
    if (!world_) return;
    editor_.error_line = 0;
    if (!compileForRun()) {
        mode_ = CodingMode::Faulted;
        return;
    }
    makeRunner();
    mode_ = CodingMode::Running;
    goal_reached_ = false;
    paused_ = false;
    endReplay();
    editor_.read_only = true;
}

void CodingStepState::stepOnce() {
    if (console_) { console_->step(); return; }
    if (!world_) return;
    if (!runner_ || mode_ == CodingMode::Editing || mode_ == CodingMode::Finished || mode_ == CodingMode::Faulted) {
        editor_.error_line = 0;
        if (!compileForRun()) { mode_ = CodingMode::Faulted; return; }
        makeRunner();
        goal_reached_ = false;
    }
    paused_ = true;
    mode_ = CodingMode::Paused;
    editor_.read_only = true;
    const worlds::RunStatus s = runner_->stepLine();
    if (s == worlds::RunStatus::Finished) finished();
    if (s == worlds::RunStatus::Faulted) mode_ = CodingMode::Faulted;
}

void CodingStepState::stop() {
    if (console_) { console_->stop(); return; }
    if (mode_ == CodingMode::Running || mode_ == CodingMode::Paused) mode_ = CodingMode::Editing;
    paused_ = false;
    editor_.read_only = false;
    editor_.exec_line = 0;
}

void CodingStepState::resetWorld() {
    if (console_) { console_->stop(); return; }
    endReplay();
    runner_.reset();
    compile_error_ = {};
    goal_reached_ = false;
    if (world_) world_->reset();
    world_view_.reset();
    mode_ = CodingMode::Editing;
    paused_ = false;
    editor_.read_only = false;
    editor_.exec_line = 0;
    editor_.error_line = 0;
}

void CodingStepState::update(double dt) {
    if (console_) {
        console_->update();
        return;
    }
    if (runner_ && mode_ == CodingMode::Running) {
        const worlds::RunStatus s = runner_->tick(kTickInstructions, dt * speedFactor());
        if (s == worlds::RunStatus::Finished) finished();
        if (s == worlds::RunStatus::Faulted) mode_ = CodingMode::Faulted;
    }
    if (runner_ && mode_ == CodingMode::Finished && runner_->animating()) runner_->tick(0, dt);
    if (replay_playing_) {
        if (!canReplay()) {
            endReplay();
        } else {
            replay_t_ = std::min(replayDuration(), std::max(0.0, replay_t_) + dt * speedFactor());
            if (replay_t_ >= replayDuration()) replay_playing_ = false;
        }
    }
    if (replay_t_ >= 0 && isRobot()) {
        const auto& rw = static_cast<const robot::RobotWorld&>(*world_);
        world_view_.showFrame(static_cast<long>(rw.frameAt(replay_t_)));
    } else {
        world_view_.showFrame(-1);
    }
    // the editor's markers
    editor_.exec_line = (mode_ == CodingMode::Running || mode_ == CodingMode::Paused) ? runningLine() : 0;
    editor_.error_line = errorLine();
    if (editor_.error_line > 0 || mode_ != CodingMode::Editing) editor_.read_only = mode_ == CodingMode::Running || mode_ == CodingMode::Paused;
}

double CodingStepState::speedFactor() const {
    static const double kSpeeds[3] = {0.5, 1.0, 3.0};
    static const double kRobot[3] = {1.0, 2.0, 10.0};  // the robot: 1×, 2×, 10× real time
    const int i = std::clamp(speed_, 0, 2);
    return world_kind_ == "robot" ? kRobot[i] : kSpeeds[i];
}

bool CodingStepState::canReplay() const {
    if (!isRobot() || mode_ == CodingMode::Running || mode_ == CodingMode::Paused) return false;
    return static_cast<const robot::RobotWorld&>(*world_).frameCount() > 1;
}

double CodingStepState::replayDuration() const {
    if (!isRobot()) return 0;
    const auto& rw = static_cast<const robot::RobotWorld&>(*world_);
    return rw.frameCount() > 0 ? static_cast<double>(rw.sim().frames().back().step) / robot::kStepsPerSecond : 0;
}

void CodingStepState::setReplayTime(double seconds) {
    replay_playing_ = false;
    if (!canReplay()) { replay_t_ = -1; return; }
    replay_t_ = std::clamp(seconds, 0.0, replayDuration());
}

void CodingStepState::playReplay() {
    if (!canReplay()) return;
    if (replay_t_ < 0 || replay_t_ >= replayDuration()) replay_t_ = 0;
    replay_playing_ = true;
}

void CodingStepState::endReplay() {
    replay_t_ = -1;
    replay_playing_ = false;
    world_view_.showFrame(-1);
}

CodingMode CodingStepState::mode() const {
    if (console_) {
        switch (console_->mode()) {
            case Playground::Mode::Running:
            case Playground::Mode::WaitingInput: return CodingMode::Running;
            case Playground::Mode::Paused: return CodingMode::Paused;
            case Playground::Mode::Finished: return CodingMode::Finished;
            case Playground::Mode::Faulted: return CodingMode::Faulted;
            default: return CodingMode::Editing;
        }
    }
    return mode_;
}

const program::Diagnostic& CodingStepState::diagnostic() const {
    if (console_) return console_->diagnostic();
    if (!compile_error_.ok()) return compile_error_;
    if (runner_ && runner_->status() == worlds::RunStatus::Faulted) return runner_->diagnostic();
    static const program::Diagnostic none;
    return none;
}

blocks::BlockId CodingStepState::runningBlock() const {
    if (!blocks_ || !runner_ || !(mode_ == CodingMode::Running || mode_ == CodingMode::Paused)) return {};
    return compiled_.blockAt(runner_->currentNode());
}

blocks::BlockId CodingStepState::errorBlock() const {
    if (!blocks_) return {};
    if (!compile_error_.ok()) return blocks::BlockId{compile_error_.node};
    if (runner_ && runner_->status() == worlds::RunStatus::Faulted) return compiled_.blockAt(runner_->diagnostic().node);
    return {};
}

int CodingStepState::runningLine() const {
    if (console_) return console_->execLine();
    if (!runner_ || !(mode_ == CodingMode::Running || mode_ == CodingMode::Paused)) return 0;
    return static_cast<int>(runner_->currentPosition().line);
}

int CodingStepState::errorLine() const {
    const program::Diagnostic& d = diagnostic();
    return d.ok() ? 0 : static_cast<int>(d.line);
}

void CodingStepState::recordCheck(scripting::StepOutcome outcome) {
    outcome_ = std::move(outcome);
    checked_ = true;
    ++attempts_;
    checked_program_ = savedProgram();
    if (!outcome_.passed) ++failed_;
}

double CodingStepState::secondsSpent() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

CodingStepState& CodingSession::open(const course::Step& step, const std::string& key, const course::PackSource* source) {
    if (current_ && current_->key() == key) return *current_;
    remember();
    current_ = std::make_unique<CodingStepState>();
    step_ = &step;
    source_ = source;
    current_->setUp(step, key, source, program(key));
    return *current_;
}

void CodingSession::remember() {
    if (current_) programs_[current_->key()] = current_->savedProgram();
}

std::string CodingSession::program(const std::string& key) const {
    auto it = programs_.find(key);
    return it == programs_.end() ? std::string() : it->second;
}

void CodingSession::setProgram(const std::string& key, const std::string& program) {
    programs_[key] = program;
    if (current_ && current_->key() == key && step_) {
        current_ = std::make_unique<CodingStepState>();
        current_->setUp(*step_, key, source_, program);
    }
}

}  // namespace sandyq::ui
