// ui/coding_session.h — the state of the coding step on screen (no drawing): the pupil's program
// (a block workspace or Python-style text), the step's world, a run in that world (Run / Step /
// Stop / Reset at a chosen speed), the live Python-style text of the blocks, and what Check said
// (goals, stars, hints shown one by one after failed attempts). Also keeps every step's program
// for the session (CodingPrograms), for the progress store to persist.
// Depends on: blocks (workspace, convert), worlds (runner, factory, robot), pyish, scripting
// (step_check), course, ui/playground.h (console steps run in a Playground), ui/code_editor.h.
// Ownership: a CodingStepState owns its world, program, runner and playground; AppUi owns one
// CodingSession (app_ui.h) which owns the state of the step on screen and the programs map.
// Errors: a bad world table is shown as the step's problem (world_error, a catalogue key); a
// pupil's mistake is a Diagnostic (compile or run) shown in the UI, never a crash.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "blocks/convert.h"
#include "blocks/workspace.h"
#include "course/pack.h"
#include "course/pack_source.h"
#include "program/diagnostic.h"
#include "scripting/step_check.h"
#include "ui/block_editor.h"
#include "ui/code_editor.h"
#include "ui/playground.h"
#include "ui/world_view.h"
#include "worlds/runner.h"
#include "worlds/samples.h"
#include "worlds/world.h"

namespace sandyq::ui {

enum class CodingMode : uint8_t { None = 0, Editing, Running, Paused, Finished, Faulted };
const char* codingModeName(CodingMode m);

class CodingStepState {
public:
    // The step's key ("pack/lesson/step"), its world and the program to start from (`saved`: the
    // pupil's program kept for this step, else the step's starter).
    void setUp(const course::Step& step, const std::string& key, const course::PackSource* source, const std::string& saved);

    // The block playground: a built-in sample world, every block of its kind in the toolbox, the
    // sample's built-in goals. `saved`: a serialised workspace ("" = a fresh start hat). A saved
    // workspace that cannot be read gives an empty one (the start hat) and its Status
    // ("blocks.err.corrupt"), for the caller to show.
    [[nodiscard]] Status setUpSample(const worlds::SampleWorld& sample, const std::string& key, const std::string& saved);
    // The sample's goals were met by the last run that finished (false without goals).
    bool goalReached() const { return goal_reached_; }
    bool hasGoals() const { return !goals_.empty(); }
    // What the goals said after the last finished run (read it when mode() is Finished).
    const worlds::GoalReport& goalReport() const { return goal_report_; }
    // Goal reached and its last move has finished animating: time to celebrate.
    bool celebrating() const { return goal_reached_ && mode_ == CodingMode::Finished && !(runner_ && runner_->animating()); }

    bool isBlocks() const { return blocks_; }
    bool hasWorld() const { return world_ != nullptr; }
    bool isConsole() const { return !blocks_ && world_ == nullptr; }
    const std::string& key() const { return key_; }
    const std::string& worldKind() const { return world_kind_; }
    const std::string& worldError() const { return world_error_; }  // a catalogue key

    // The program as it is stored: serialised blocks ("sqb1 …") or the text.
    std::string savedProgram() const;
    // The program as Python-style text (the live view of the blocks, or the editor's text).
    std::string programText() const;
    int blocksUsed() const;  // -1 for text steps

    void run();
    void stepOnce();
    void stop();
    void resetWorld();
    // Advances a run by one frame of dt seconds (scaled by the speed).
    void update(double dt);
    // The blocks changed: recompiles the live text.
    void blocksChanged();

    CodingMode mode() const;
    int speed() const { return speed_; }  // 0 slow, 1 medium, 2 fast (robot: 1×, 2×, 10×)
    void setSpeed(int s) { speed_ = s; }
    // How many seconds of world time pass per second on screen at the chosen speed.
    double speedFactor() const;
    bool isRobot() const { return world_kind_ == "robot" && world_ != nullptr; }

    // ---- replay of a robot run (the recorded trace) with a time slider ----
    // Possible when a run has ended (or was stopped) and left frames to look at.
    bool canReplay() const;
    double replayDuration() const;                  // seconds of the recorded run
    double replayTime() const { return replay_t_; } // -1: the live (last) frame
    void setReplayTime(double seconds);             // shows that moment; stops playing
    void playReplay();                              // from the slider's place (or the start)
    void pauseReplay() { replay_playing_ = false; }
    bool replayPlaying() const { return replay_playing_; }
    const program::Diagnostic& diagnostic() const;
    blocks::BlockId runningBlock() const;
    blocks::BlockId errorBlock() const;
    int runningLine() const;  // of programText(), 1-based (0 none)
    int errorLine() const;

    blocks::Workspace& workspace() { return ws_; }
    const blocks::CompiledBlocks& compiled() const { return compiled_; }
    BlockEditor& blockEditor() { return block_editor_; }
    CodeEditorState& editor();
    Playground* console() { return console_.get(); }
    worlds::World* world() { return world_.get(); }
    WorldView& worldView() { return world_view_; }
    const std::string& output() const;

    // ---- Check ----
    void recordCheck(scripting::StepOutcome outcome);
    bool checked() const { return checked_; }
    const scripting::StepOutcome& outcome() const { return outcome_; }
    int attempts() const { return attempts_; }  // checks done
    int hintsShown() const { return hints_shown_; }
    void showHint() { ++hints_shown_; }
    int failedAttempts() const { return failed_; }
    double secondsSpent() const;
    bool programChangedSinceCheck() const { return checked_ && savedProgram() != checked_program_; }

    // UI state
    int panel = 3;   // compact layout: 0 editor, 1 world, 2 text, 3 task (first)
    int star_blocks = 0;  // stars = { max_blocks = N } (0: none)
    bool hint_in_controls = false;  // this frame the Hint button fit in the controls row
    bool replay_in_controls = false;  // this frame the robot's replay slider sat in the controls row

private:
    bool compileForRun();
    void endReplay();
    void makeRunner();
    void finished();

    std::string key_;
    bool blocks_ = false;
    std::string world_json_, world_kind_, world_error_;
    std::unique_ptr<worlds::World> world_;
    blocks::Workspace ws_;
    blocks::CompiledBlocks compiled_;
    BlockEditor block_editor_;
    WorldView world_view_;
    CodeEditorState editor_;
    std::unique_ptr<Playground> console_;
    std::unique_ptr<program::Program> text_program_;
    std::unique_ptr<worlds::Runner> runner_;
    program::Diagnostic compile_error_;
    CodingMode mode_ = CodingMode::Editing;
    int speed_ = 1;
    bool paused_ = false;
    double replay_t_ = -1;
    bool replay_playing_ = false;
    std::string empty_;
    std::vector<worlds::GoalSpec> goals_;  // playground samples (lesson steps check through Lua)
    bool goal_reached_ = false;
    worlds::GoalReport goal_report_;

    bool checked_ = false;
    std::string checked_program_;
    scripting::StepOutcome outcome_;
    int attempts_ = 0, failed_ = 0, hints_shown_ = 0;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

// The coding side of the lesson player: the step on screen and every step's program this session.
class CodingSession {
public:
    // The state for the step with this key (made on first use or when the key changes).
    CodingStepState* current() { return current_.get(); }
    CodingStepState& open(const course::Step& step, const std::string& key, const course::PackSource* source);
    // Keeps the program of the step on screen in programs().
    void remember();

    // ---- for persistence (the progress store) ----
    // "pack/lesson/step" → the program: serialised blocks ("sqb1 …") or Python-style text.
    const std::map<std::string, std::string>& programs() const { return programs_; }
    std::string program(const std::string& key) const;
    // Sets a step's program; the step on screen reloads it when it is that step.
    void setProgram(const std::string& key, const std::string& program);

private:
    std::unique_ptr<CodingStepState> current_;
    std::map<std::string, std::string> programs_;
    const course::Step* step_ = nullptr;
    const course::PackSource* source_ = nullptr;
};

}  // namespace sandyq::ui
