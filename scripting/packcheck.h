// scripting/packcheck.h — the teacher's validator: loads a pack in its own sandbox and runs every
// check that exists today, returning problems {file, line, level, message_key, args}.
// Depends on: course (validatePack, sources), scripting (loader, sandbox), stb_image (decoding
// pictures, in packcheck.cpp). Used by the native CLI sandyq-packcheck and, later, the browser
// preview (same function, MemoryPackSource).
// Checks: load errors and budgets, structure and types, kk+ru for every text, unique ids, objective
// codes, quizzes have a correct answer, unreachable steps, referenced files exist, pictures decode
// (and a warning above 300 KB or 1280×960),
// every coding step's reference solution passes its goals and an empty program fails them
// (scripting/step_check.h: the same check as the pupil's Check button; an endless reference is
// "pack.solution_endless"); for steps this build cannot run yet (worlds not built in), every Lua
// goal runs within budget on the world set-up with an empty trace and does not pass there.
// Plug-in point: PackcheckOptions::step_checker runs after those per coding step.
// Errors: all as problems (at most 200, then "pack.too_many_problems"); the function never fails.
#pragma once

#include <string>

#include "course/pack_source.h"
#include "course/problem.h"
#include "course/validate.h"
#include "scripting/pack_loader.h"
#include "scripting/sandbox.h"

namespace sandyq::scripting {

struct PackcheckOptions {
    SandboxLimits limits;
    bool decode_pictures = true;
    bool probe_goals = true;                       // run Lua goals on the initial world
    bool check_solutions = true;                   // reference passes, empty program fails
    uint64_t program_instructions = 5'000'000;     // budget of each run of a solution
    course::StepChecker* step_checker = nullptr;   // further per-step checks
};

course::Problems checkPack(const course::PackSource& source, const PackcheckOptions& options = {});

// The pictures a pack references (theory pictures, quiz and option pictures), pack-relative.
std::vector<std::string> referencedPictures(const course::Pack& pack);

// True when the bytes decode as an image stb_image understands (PNG, JPEG).
bool decodesAsPicture(const std::string& bytes);

}  // namespace sandyq::scripting
