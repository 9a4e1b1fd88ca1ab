// ui/course.h — the course a pupil sees: lesson packs fetched pack by pack from the school's
// server, packs a teacher opens for preview, their pictures as textures, and the pupil's marks.
// Where packs come from (docs/deploy.md, docs/packs.*.md):
//  - packs/bundled.json (written by the build: the packs under lessons/) and packs/index.json
//    (kept by the school: one line per extra pack folder copied next to the build). Each entry
//    names a folder under packs/; the app fetches its pack.lua, then the lesson files the
//    manifest lists, then pictures when a lesson shows them (the service worker keeps copies);
//  - a teacher's preview: a local folder or .zip picked in the browser, loaded the same way but
//    marked as a preview and never mixed with the school's packs.
// A broken index, an unreachable folder or a broken pack is listed with its message; the rest
// keeps working.
// Depends on: scripting (PackLibrary), course, platform/services.h (fetch, textures), stb_image
// (in the .cpp). Ownership: Course owns the library, the sources and the textures it created.
// Errors: catalogue keys ("course.*", "pack.*") with file:line where there is one.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "course/pack.h"
#include "course/pack_source.h"
#include "course/problem.h"
#include "course/quiz.h"
#include "platform/services.h"
#include "scripting/pack_library.h"

namespace sandyq::ui {

// One pack as the course map lists it.
struct PackEntry {
    std::string folder;                 // "grade1" (under packs/) or the preview's name
    bool preview = false;               // opened by a teacher from a local folder or .zip
    bool loading = true;
    scripting::PackHandle handle;       // valid once loaded (usable or broken)
    course::Problems problems;          // why it is not usable (or its warnings)
};

struct Picture {
    uint64_t texture = 0;  // 0 until decoded (or when it failed)
    int width = 0, height = 0;
    bool pending = false;  // being fetched
    bool failed = false;   // missing or not a picture: the UI shows the alt text
};

// What the pupil did on one step (best so far; never lowered).
struct StepMark {
    enum Status : uint8_t { None = 0, Tried, Passed };
    Status status = None;
    int points = 0, max_points = 0, stars = 0, attempts = 0;
    int64_t seconds = 0;  // time on task of this attempt
    std::string program;  // coding steps: the pupil's program ("sqb1 …" blocks or Python-style text)
};

struct LessonMark {
    int steps = 0, passed = 0, tried = 0, points = 0, max_points = 0, stars = 0;
};

class Course {
public:
    Course(platform::Services& services, platform::Textures* textures);
    ~Course();
    Course(const Course&) = delete;
    Course& operator=(const Course&) = delete;

    // Fetches packs/bundled.json and packs/index.json and then every pack they list.
    void start();
    bool started() const { return started_; }
    // True while any index, pack or lesson file is still being fetched.
    bool loading() const;
    // Problems with the index files themselves (e.g. "packs/index.json:3: not valid JSON").
    const course::Problems& indexProblems() const { return index_problems_; }

    const std::vector<PackEntry>& entries() const { return entries_; }
    scripting::PackLibrary& library() { return library_; }
    const course::Pack* pack(scripting::PackHandle h) const;
    scripting::LoadedPack* loaded(scripting::PackHandle h) { return library_.pack(h); }
    // Usable packs for the map, ordered by grade then title (previews first).
    std::vector<size_t> usableEntries() const;

    // Teacher's preview: the files of a picked folder ("mypack/pack.lua", ...) or a .zip.
    void addPreviewFolder(std::vector<platform::PickedFile> files);
    void addPreviewZip(const std::string& name, const std::string& bytes, bool too_big = false);

    // A picture of a pack (pack-relative path), fetched and decoded on first use.
    const Picture& picture(scripting::PackHandle h, const std::string& path);
    // A texture of RGBA pixels made in code (a robot mat's raster), created once per `key` and
    // kept (and freed) with the pictures; 0 without a window (native tests).
    uint64_t rasterTexture(const std::string& key, const uint8_t* rgba, int width, int height);

    // Marks (kept per pack id / lesson id / step id; the progress store takes over persistence).
    StepMark mark(const std::string& pack, const std::string& lesson, const std::string& step) const;
    void record(const std::string& pack, const std::string& lesson, const std::string& step, const StepMark& attempt);
    LessonMark lessonMark(const course::Pack& pack, const course::Lesson& lesson) const;
    // The marks of the pupil now at the computer (from the progress store), replacing the old ones.
    void clearMarks() { marks_.clear(); }
    void setMark(const std::string& pack, const std::string& lesson, const std::string& step, const StepMark& m) {
        marks_[key(pack, lesson, step)] = m;
    }
    // Called after each record (the app saves progress there).
    void onRecord(std::function<void(const std::string&, const std::string&, const std::string&, const StepMark&)> f) {
        on_record_ = std::move(f);
    }

private:
    void fetchIndex(const std::string& url, bool bundled);
    void fetchPack(size_t entry);
    void finishPack(size_t entry);
    void addPackEntry(const std::string& folder);
    static std::string key(const std::string& pack, const std::string& lesson, const std::string& step);

    platform::Services& services_;
    platform::Textures* textures_;
    bool started_ = false;
    int pending_ = 0;  // outstanding fetches
    course::Problems index_problems_;
    std::vector<PackEntry> entries_;
    std::vector<std::unique_ptr<course::MemoryPackSource>> staging_;  // per entry, until loaded
    std::map<uint32_t, course::MemoryPackSource*> sources_;          // handle → its source (owned by library_)
    std::map<uint32_t, std::string> folders_;                         // handle → "packs/<folder>/" ("" = preview)
    scripting::PackLibrary library_;
    std::map<std::string, Picture> pictures_;  // "<handle>:<path>"
    std::map<std::string, StepMark> marks_;
    std::function<void(const std::string&, const std::string&, const std::string&, const StepMark&)> on_record_;
};

}  // namespace sandyq::ui

namespace sandyq::ui {

// The pupil's answer being built on one quiz step, and what Check said.
struct QuizState {
    std::vector<int> shown;    // presentation order: options (Single/Multiple) or right-hand texts (Match)
    int choice = -1;           // Single: option index
    std::vector<char> chosen;  // Multiple: per option
    int truth = -1;            // TrueFalse: -1 none, 0 false, 1 true
    std::vector<int> order;    // Order: item indices in the pupil's order
    std::vector<int> match;    // Match: left i → right index (-1 none)
    int pick_left = -1;        // Match: the left card tapped first
    std::string text;          // TypeAnswer
    bool checked = false;      // the answer on screen was checked (any change clears it)
    course::QuizResult result;
    int attempts = 0;
};

// The lesson being played.
struct LessonSession {
    bool open = false;
    size_t entry = 0;              // index into Course::entries()
    scripting::PackHandle pack;
    size_t lesson = 0;
    size_t step = 0;
    bool finished = false;         // the "lesson complete" card is showing
    std::map<size_t, QuizState> quiz;
    uint32_t seed = 1;
    double step_started = 0;  // ImGui time the current step was opened (time on task)
    size_t scrolled_for = static_cast<size_t>(-1);  // the step the body was last scrolled to the top for
};

}  // namespace sandyq::ui
