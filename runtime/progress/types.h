// progress/types.h — what Sandyq remembers about pupils: classes, pupils, one record per pupil
// and lesson step, and the per-lesson / per-pack summaries the course map shows.
// Depends on: the standard library only (core layer: no SDL, ImGui, Emscripten or Lua).
// Ownership: plain values; a ProgressStore (progress/store.h) owns them all.
// Errors: none here; the store validates what comes in and returns Status values.
// Time: every timestamp is injected by the caller (Unix seconds, UTC); the core never reads a clock.
// Privacy: no IIN and no required full names — a pupil is a display name or nickname in a class.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sandyq::progress {

struct ClassId { uint32_t value = 0; };  // 0 is always invalid
struct PupilId { uint32_t value = 0; };  // 0 is always invalid
inline bool operator==(ClassId a, ClassId b) { return a.value == b.value; }
inline bool operator==(PupilId a, PupilId b) { return a.value == b.value; }
inline bool operator<(PupilId a, PupilId b) { return a.value < b.value; }

constexpr size_t kMaxNameBytes = 64;            // class names and pupil names (UTF-8 bytes)
constexpr size_t kMaxIdBytes = 64;              // pack, lesson and step ids
constexpr size_t kMaxProgramBytes = 64 * 1024;  // last program text kept per step
constexpr int kPictureCount = 16;               // a picture PIN is chosen from pictures 0..15
constexpr int32_t kMaxPoints = 10000;           // max points of one step
constexpr int kMaxStars = 3;
constexpr size_t kMaxClasses = 200;
constexpr size_t kMaxPupilsPerClass = 200;
constexpr size_t kMaxRecordsPerPupil = 20000;
constexpr int64_t kMaxTimestamp = 7258118400;   // 2200-01-01: anything later is corrupt data
constexpr int64_t kMaxTimeOnTask = 100LL * 365 * 24 * 3600;
constexpr uint32_t kPinIterations = 2000;        // SHA-256 rounds per PIN check (~1 ms in wasm)
constexpr uint32_t kMaxPinIterations = 100000;  // larger counts in a file are rejected

// A salted, iterated SHA-256 of a PIN (teacher PIN or a pupil's picture PIN). Never the PIN.
struct PinHash {
    std::string salt_hex;  // 16 random bytes as hex (caller supplies the randomness)
    std::string hash_hex;  // 32 bytes as hex; empty = no PIN set
    uint32_t iterations = 0;
    bool empty() const { return hash_hex.empty(); }
};

// A class such as "3 Ә" in the school year starting in `school_year` (2026 = 2026–2027).
struct Class {
    ClassId id;
    std::string name;     // "3 Ә"; 1..kMaxNameBytes bytes, valid UTF-8, no control characters
    int school_year = 0;  // 2000..2100
    int grade = 0;        // 1..11; grade 1 is exported as completion only (no marks)
};

// A pupil: a display name or nickname; an optional picture PIN (grades 1–2), stored hashed.
struct Pupil {
    PupilId id;
    ClassId class_id;
    std::string display_name;  // 1..kMaxNameBytes bytes; unique (case-insensitively) in its class
    PinHash picture_pin;       // empty = no PIN
};

// Status of one step; never lowered once reached (not by a retry, not by a merge).
enum class StepStatus : uint8_t { None = 0 /* not started */, Tried, Passed };

// Which step: pack id, lesson id and step id as the lesson pack names them.
struct StepKey {
    std::string pack_id;
    std::string lesson_id;
    std::string step_id;
    friend bool operator==(const StepKey&, const StepKey&) = default;
    // Written out: Emscripten 3.1.6's libc++ has no operator<=> for std::string.
    friend bool operator<(const StepKey& a, const StepKey& b) {
        if (a.pack_id != b.pack_id) return a.pack_id < b.pack_id;
        if (a.lesson_id != b.lesson_id) return a.lesson_id < b.lesson_id;
        return a.step_id < b.step_id;
    }
};

// Notation of the last program, so the pupil continues in the same editor.
enum class ProgramKind : uint8_t { None = 0, Blocks, Text };

// Everything remembered about one pupil on one step.
struct StepRecord {
    StepKey step;
    StepStatus status = StepStatus::None;
    int32_t points = 0;          // best points so far, 0..max_points
    int32_t max_points = 0;      // 0..kMaxPoints
    int stars = 0;               // best stars, 0..kMaxStars
    int32_t attempts = 0;        // every check counts
    int64_t time_on_task_s = 0;  // seconds, summed over attempts
    int64_t first_time = 0;      // Unix seconds of the first attempt (0 = never)
    int64_t last_time = 0;       // Unix seconds of the latest attempt
    ProgramKind program_kind = ProgramKind::None;
    std::string last_program;    // program text or serialised blocks of the latest attempt
    friend bool operator==(const StepRecord&, const StepRecord&) = default;
};

// One attempt reported by a lesson step (what the pupil just did).
struct StepAttempt {
    bool passed = false;
    int32_t points = 0;          // 0..max_points
    int32_t max_points = 0;      // 0..kMaxPoints
    int stars = 0;               // 0..kMaxStars
    int64_t time_on_task_s = 0;  // >= 0
    ProgramKind program_kind = ProgramKind::None;
    std::string program;         // may be empty (quiz and theory steps)
};

// Roll-ups for the course map. Only steps with a record count; the course knows the total.
struct LessonSummary {
    int steps_tried = 0;   // Tried or Passed
    int steps_passed = 0;
    int32_t points = 0;
    int32_t max_points = 0;
    int stars = 0;
    int64_t last_time = 0;
};

struct PackSummary {
    int lessons_started = 0;
    int steps_tried = 0;
    int steps_passed = 0;
    int32_t points = 0;
    int32_t max_points = 0;
    int stars = 0;
    int64_t last_time = 0;
};

}  // namespace sandyq::progress
