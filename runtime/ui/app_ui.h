// ui/app_ui.h — the app's screens in Dear ImGui: the home screen (profile area + course map
// area, filled by later modules), settings (language, text size, contrast, read-aloud), and the
// storage/status strip. Every visible string comes from the Translator.
// Depends on: ImGui, core (i18n, settings), platform/services.h (no SDL). Ownership: AppUi
// borrows the Translator and Services; it owns the Settings in use and saves them on change.
// Errors: storage failures become a visible status line (kk/ru/en), never a crash.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/settings.h"
#include "platform/services.h"
#include "progress/class_list.h"
#include "progress/db.h"
#include "progress/lessons.h"
#include "ui/course.h"
#include "ui/playground.h"
#include "ui/teacher_tools.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"

namespace sandyq::ui {

// Centred, word-wrapped text across `avail` px at the cursor (advances the cursor).
void centeredWrapped(ImFont* font, const std::string& text, ImU32 color, float avail);

enum class Screen : uint8_t { None = 0, Home, Settings, Playground, Lesson, Teacher, Blocks, Rollup };
const char* screenName(Screen s);

struct FrameContext {
    float pixel_ratio = 1;
    bool touch = false;  // the last pointer input was a touch: drag scrolls lists
};

class AppUi {
public:
    AppUi(text::Translator& tr, platform::Services& services, std::string font_dir, std::string glyph_ranges);

    // Loads settings from storage (call once storage is ready).
    void loadSettings();
    // True when the font atlas must be rebuilt before the next ImGui::NewFrame() (pixel ratio or
    // text size changed); rebuildFonts() does it, the caller re-uploads the texture.
    bool fontsNeedRebuild(float pixel_ratio) const;
    void rebuildFonts(float pixel_ratio);

    // Draws one frame of UI between ImGui::NewFrame() and ImGui::Render().
    void frame(const FrameContext& ctx);

    Screen screen() const { return screen_; }
    const core::Settings& settings() const { return settings_; }
    const WidgetRegistry& widgets() const { return widgets_; }
    const Fonts& fonts() const { return fonts_; }
    // The last message shown to the user (key and rendered text), for the test API.
    const std::string& lastMessageKey() const { return last_message_key_; }
    const std::string& lastMessageText() const { return last_message_text_; }
    const std::string& keyboardFocus() const { return kbd_focus_; }
    Playground& playground() { return playground_; }
    // The course (packs, marks) needs the window's textures for pictures; call once at start-up.
    void startCourse(platform::Textures* textures);
    Course* course() { return course_.get(); }
    const LessonSession& lesson() const { return lesson_; }
    // Opens lesson `lesson` of course entry `entry` (the course map's buttons; the test API).
    bool openLesson(size_t entry, size_t lesson);
    // Pupils' progress (app_ui_profiles.cpp): opened once storage is ready.
    void openProgress();
    progress::ProgressDb* progressDb() { return db_.get(); }
    progress::PupilId pupil() const { return pupil_; }
    void choosePupil(progress::PupilId id);
    std::string pupilName() const;
    bool teacherUnlocked() const { return teacher_.unlocked; }
    int progressOutcome() const { return progress_outcome_; }
    const text::Translator& translator() const { return tr_; }
    const TeacherTools& tools() const { return tools_; }
    bool storageTrouble() const;  // the banner shows: storage unavailable, full or failing
    ImU32 clearColor() const { return palette(settings_.high_contrast).background; }

private:
    void drawTopBar(float width);
    void drawHome(const FrameContext& ctx);
    void drawSettings();
    void drawPlayground(const FrameContext& ctx);
    void openPlayground();
    void savePlaygroundCode();
    void drawStatusStrip();
    // Picture PINs, the teacher's pupil card, the export choice and the storage banner
    // (app_ui_pin.cpp, app_ui_export_choice.cpp, app_ui_storage.cpp; state in ui/teacher_tools.h).
    void pickPupil(progress::PupilId id);  // a name button: the picture PIN first, if there is one
    void drawPinEntry(float width);
    bool pinPictureGrid(const char* id_prefix, float width, bool enabled, int* tapped);
    void drawTeacherPupilCard(float width);
    void drawStorageBanner(float width);
    void downloadSafetyBackup();
    // Lesson and date choice above the export preview; fills options.lessons/from/to. False (and
    // a message shown) when nothing can be exported.
    bool applyExportChoice(float width, const progress::Class& c, progress::ExportOptions& options);
    TeacherTools tools_;
    // Who is learning, and the teacher's area (app_ui_profiles.cpp).
    void drawProfiles(float width);
    void drawTeacher(const FrameContext& ctx);
    void drawTeacherClasses(float width);
    void drawTeacherBackup(float width);
    // "Added: n" and a line per skipped name, after a class list was pasted or opened from a file.
    std::string listImportSummary(const progress::ClassListImport& r) const;
    void drawTeacherExport(float width);
    void saveProgress();
    std::vector<progress::LessonInfo> lessonInfos(int grade) const;
    // The class roll-up of many backup files (app_ui_rollup.cpp): the teacher area's entry
    // section and its own screen; state made on first use.
    void drawRollupEntry(float width);
    void drawRollup(const FrameContext& ctx);
    std::shared_ptr<struct RollupState> rollup_;
    // Course map and lesson player (app_ui_course.cpp).
    void drawCourseMap(float width);
    void drawLesson(const FrameContext& ctx);
    void drawLessonDone(const course::Pack& pack, const course::Lesson& lesson, float width, float height);
    void drawTheory(const course::Step& step, float width);
    void drawQuiz(const course::Step& step, QuizState& qs, float width);
    // ---- coding steps: blocks / Python-style / robot (app_ui_coding.cpp) ----
    // Draws the step in the area [origin, origin + size] below the lesson's toolbar and above its
    // Back/Next bar; records results with recordCodingResult().
    void drawCodingStep(const course::Step& step, ImVec2 origin, ImVec2 size);
    void recordCodingResult(const course::Step& step, bool passed, int points, int max_points, int stars);
    // Run / Step / Stop / Reset / speed, then Check and Hint when `step` is a lesson step (nullptr:
    // the block playground).
    void drawCodingControls(class CodingStepState& cs, const course::Step* step, float x, float y, float w, float btn_h, bool compact);
    // The shared panels: the block (or code) editor, the world, the live Python-style text.
    // drawCodingEditor returns true when the pupil changed the program this frame.
    bool drawCodingEditor(CodingStepState& cs, ImVec2 origin, ImVec2 size);
    void drawCodingWorld(CodingStepState& cs, ImVec2 origin, ImVec2 size);
    // Errors, goal messages, stars and the hint; h <= 0 only measures. Returns the height needed.
    // step == nullptr: the block playground (goal reached or what is missing, no hints).
    float drawCodingFeedback(CodingStepState& cs, const course::Step* step, float x, float y, float w, float h);
    void drawCodingText(CodingStepState& cs, ImVec2 origin, ImVec2 size);
    // The robot's world: the mat as a texture, zoom/pan, the sensor panel, the replay slider.
    void drawRobotWorld(CodingStepState& cs, ImVec2 origin, ImVec2 size, struct WorldViewStyle& st);
    void drawRobotReplay(CodingStepState& cs, float x, float y, float w, float row_h);
    void checkCodingStep(CodingStepState& cs, const course::Step& step);
    std::string codingStepKey(const course::Step& step) const;
    std::shared_ptr<class CodingSession> coding_;  // made on first use (ui/coding_session.h)
    // ---- the block playground (app_ui_blocks.cpp): built-in mazes and turtle figures ----
    void openBlocks();
    void drawBlocks(const FrameContext& ctx);
    void drawBlocksPicker(const FrameContext& ctx, ImVec2 origin, ImVec2 size);
    void drawBlocksSample(ImVec2 origin, ImVec2 size);
    void drawCelebration(CodingStepState& cs, ImVec2 origin, ImVec2 size);
    void openBlocksSample(size_t index);
    void leaveBlocksSample();
    void saveBlocks();
    std::string blocksStorageKey(const std::string& sample) const;  // per pupil, else the guest slot
    CodingStepState* blocksState() const;
    void blocksEdited();  // the program changed: saved after a pause (debounced)
    CodingStepState* codingOnScreen() const;  // a lesson's coding step or the block playground
    std::shared_ptr<struct BlocksPlay> blocks_play_;  // made on first use

public:
    // The pupil's program of each coding step this session ("pack/lesson/step" → serialised
    // blocks "sqb1 …" or Python-style text), for the progress store to save and restore.
    std::string codingProgram(const std::string& key) const;
    void setCodingProgram(const std::string& key, const std::string& program);
    std::vector<std::pair<std::string, std::string>> codingPrograms() const;
    // Test API: the coding step on screen as JSON text ("" when none), and its program replaced
    // (text steps: the editor; blocks steps: Python-style text converted to blocks).
    std::string codingStateJson() const;
    bool setCodingCode(const std::string& text);
    // Test API: the class roll-up (files, class, sort, table cells) as JSON text ("" when unused).
    std::string rollupStateJson() const;

private:
    // ---- end of coding steps ----
    void richText(const std::string& text, float width, ImU32 color, ImFont* font = nullptr);
    void drawPicture(const std::string& path, const std::string& alt, float max_w, float max_h);
    bool choiceCard(const char* id, const std::string& label, const std::string& picture, ImVec2 size,
                    bool selected, int mark, int badge = 0);
    void checkQuiz(const course::Step& step, QuizState& qs);
    bool quizAnswered(const course::Step& step, const QuizState& qs) const;
    void leaveStep();
    void goToStep(size_t step);
    void readStepAloud(const course::Step& step);
    std::string problemText(const course::Problem& p) const;
    QuizState& quizState(const course::Step& step, size_t index);
    void drawEmptyState(const char* id, const std::string& title, const std::string& hint, int icon);
    bool button(const char* id, const std::string& label, ImVec2 size, bool selected = false, int icon = 0);
    void registerItem(const char* id);
    void setLanguage(text::Lang lang);
    void changeSettings(const core::Settings& s);
    void showMessage(const std::string& key, const std::string& text);
    void dragScroll(const FrameContext& ctx);
    void updateKeyboardFocus();

    text::Translator& tr_;
    platform::Services& services_;
    std::string font_dir_;
    std::string glyph_ranges_;
    core::Settings settings_;
    Fonts fonts_;
    float fonts_scale_built_ = 0;
    Screen screen_ = Screen::Home;
    WidgetRegistry widgets_;
    std::string last_message_key_, last_message_text_;
    bool speaking_ = false;
    Playground playground_;
    std::unique_ptr<Course> course_;
    LessonSession lesson_;
    int map_grade_ = 0;
    std::unique_ptr<progress::ProgressDb> db_;
    progress::PupilId pupil_;
    uint32_t pupil_seed_ = 0;
    uint32_t home_class_ = 0;
    int progress_outcome_ = 0;
    struct TeacherArea {
        bool unlocked = false;
        std::string pin, pin2, message, info;
        bool info_ok = true;  // info is a list import's result (green) or why a list file was refused (red)
        uint32_t class_id = 0;
        std::string class_name, pupil_name, list;
        int grade = 3;
        uint32_t confirm_remove = 0;
        std::string backup_message;
        bool backup_ok = false;
        int kind = 0, scale = 0;
        bool ru = false, comma = false;
        int preview_rows = 0;
    } teacher_;  // the grade the course map shows (0: the first grade with packs)
    bool playground_loaded_ = false;
    std::vector<std::string> focus_order_, focus_order_modal_;  // this frame's buttons, in order
    std::string kbd_focus_;       // the button keyboard focus is on
    bool kbd_visible_ = false;    // the ring shows after a key press, hides on a click
    bool dragging_ = false;       // a touch drag is scrolling
    bool drag_claimed_ = false;   // an inner window already scrolled this frame
    float drag_start_scroll_ = 0;
};

}  // namespace sandyq::ui
