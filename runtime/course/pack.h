// course/pack.h — lesson packs as plain data: manifest, lessons, steps (theory, quiz, coding).
// Depends on: core (status, i18n Lang) and the standard library only — never on Lua. The
// scripting layer fills these types from pack.lua and lesson files; the UI and the validator
// read them. Ownership: a Pack owns its lessons and steps by value; coding steps keep their
// world set-up, allowed blocks, built-in goals and reference solution as opaque data for the
// modules that will run them, and Lua goal functions as ScriptRef handles into the pack's own
// scripting state (valid while that state lives).
// Errors: none here; see course/problem.h (validation) and course/quiz.h (grading).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.h"

namespace sandyq::course {

// A source position inside a pack: the file relative to the pack root and a 1-based line (0 if
// unknown).
struct SourcePos {
    std::string file;
    int line = 0;
};

// Pack text in Kazakh and Russian (English optional). get() falls back kk → ru → en and reports
// which language it used, so a preview can mark the fallback.
struct LocalizedText {
    std::string kk, ru;
    std::optional<std::string> en;

    bool empty() const { return kk.empty() && ru.empty() && (!en || en->empty()); }
    // The text in `lang`, else kk, ru, en; `used` (if given) receives the language used
    // (Lang::None when the text is empty in every language).
    const std::string& get(text::Lang lang, text::Lang* used = nullptr) const;
};

// Simple emphasis inside theory paragraphs: **bold** spans. Unbalanced markers stay literal.
struct TextSpan {
    std::string text;
    bool strong = false;
};
std::vector<TextSpan> parseEmphasis(std::string_view text);

// Opaque handle to a Lua function kept by the pack's scripting state (0 = none).
struct ScriptRef {
    int32_t value = 0;
    bool valid() const { return value != 0; }
};

// ---- theory ----------------------------------------------------------------------------------
enum class BlockKind : uint8_t { None = 0, Paragraph, Picture };
struct TheoryBlock {
    BlockKind kind = BlockKind::None;
    LocalizedText text;     // Paragraph: the text (with **emphasis**); Picture: the caption
    std::string picture;    // Picture: path relative to the pack root, e.g. "assets/mouse.png"
    LocalizedText alt;      // Picture: description for read-aloud and missing images
    SourcePos pos;
};

// ---- quiz ------------------------------------------------------------------------------------
enum class QuizKind : uint8_t { None = 0, Single, Multiple, TrueFalse, Order, Match, TypeAnswer };
std::string_view quizKindName(QuizKind kind);        // "single", "multiple", "truefalse", ...
QuizKind quizKindFromName(std::string_view name);   // None if unknown

struct QuizOption {
    LocalizedText text;
    std::string picture;      // optional picture (pack-relative path)
    bool correct = false;     // Single/Multiple
    LocalizedText feedback;   // optional explanation shown for this option after checking
};
struct MatchPair {
    LocalizedText left, right;
};
// Accepted answers of a "type the answer" quiz, per language; compared after normalisation.
struct AcceptedAnswers {
    std::vector<std::string> kk, ru, en;
    const std::vector<std::string>& get(text::Lang lang) const;  // falls back kk → ru → en
};

struct Quiz {
    QuizKind kind = QuizKind::None;
    LocalizedText question;
    std::string picture;
    std::vector<QuizOption> options;   // Single, Multiple
    bool truth = false;                // TrueFalse: the statement is true
    std::vector<LocalizedText> items;  // Order: in the correct order (the player shuffles)
    std::vector<MatchPair> pairs;      // Match: left i goes with right i (the player shuffles)
    AcceptedAnswers answers;           // TypeAnswer
    int points = 1;                    // max points of the step
    bool partial = false;              // Multiple/Order/Match: proportional points
    LocalizedText explain;             // optional explanation after checking
};

// ---- coding steps ------------------------------------------------------------------------------
enum class CodingKind : uint8_t { None = 0, Blocks, Python, Robot };
std::string_view codingKindName(CodingKind kind);

// A goal: a built-in predicate by name with opaque arguments, or a Lua function over the final
// world state and the trace.
struct Goal {
    std::string builtin;   // e.g. "reach" (empty for a script goal)
    std::string args;      // opaque (serialized Lua table), interpreted by the world module
    ScriptRef check;       // Lua function (world, trace) -> boolean[, message]
    LocalizedText message; // shown when the goal fails
    SourcePos pos;
};

struct CodingStep {
    CodingKind kind = CodingKind::None;
    LocalizedText task;
    std::string world;                  // opaque world set-up (serialized Lua table)
    std::vector<std::string> allowed;   // allowed blocks / functions
    std::vector<Goal> goals;
    std::vector<LocalizedText> hints;   // shown one by one after failed attempts
    std::string stars;                  // opaque star rules (serialized Lua table)
    std::string solution;               // reference solution (program text or solutions/ file)
    std::string solution_file;          // optional pack-relative path under solutions/
    std::string starter;                // optional program text the editor opens with
    std::string editor;                 // robot steps: "blocks" or "python" (empty = python)
    int points = 1;

    // The pupil edits blocks (blocks{} steps, robot{ editor = "blocks" }); the solution and
    // starter stay Python-style text inside the block subset.
    bool usesBlocks() const { return kind == CodingKind::Blocks || (kind == CodingKind::Robot && editor == "blocks"); }
};

// ---- steps, lessons, pack ----------------------------------------------------------------------
enum class StepKind : uint8_t { None = 0, Theory, Quiz, Coding };

struct Step {
    StepKind kind = StepKind::None;
    std::string id;                     // unique within the lesson
    LocalizedText title;                // optional
    std::vector<TheoryBlock> blocks;    // Theory
    Quiz quiz;                          // Quiz
    CodingStep coding;                  // Coding
    SourcePos pos;
};

struct Lesson {
    std::string id;                     // unique within the pack
    LocalizedText title;
    std::vector<std::string> objectives;  // curriculum objective codes, e.g. "3.2.1.1"
    int minutes = 0;                    // planned length (0 = unknown)
    LocalizedText teacher_note;         // optional: for the teacher only (aims, how to assess)
    std::vector<Step> steps;
    SourcePos pos;
};

struct PackManifest {
    std::string id;            // e.g. "kz.sandyq.example"; [a-z0-9._-]
    std::string version;       // "MAJOR.MINOR[.PATCH]"
    int grade = 0;             // 1..11
    LocalizedText title;
    LocalizedText description; // optional
    std::string author;
    std::string licence;
    std::string section;       // curriculum section code, e.g. "3.2"
    std::vector<std::string> objectives;
    std::vector<std::string> lesson_files;  // in order, pack-relative
    SourcePos pos;
};

struct Pack {
    PackManifest manifest;
    std::vector<Lesson> lessons;  // in manifest order (lessons that failed to load are absent)
};

// Totals a course map shows.
int maxPoints(const Step& step);  // 0 for theory

}  // namespace sandyq::course
