// scripting/pack_loader.h — loads one lesson pack from a PackSource into course:: objects.
// Depends on: course (types, sources, problems), scripting/sandbox.h, scripting/pack_api.h.
// Ownership: a LoadedPack owns its Pack data and its own sandbox (Lua goal functions stay
// callable through ScriptRef while the LoadedPack lives). Packs never share a Lua state.
// Errors: loading never fails as a whole; every problem (syntax/runtime errors, budgets,
// forbidden calls, wrong types, texts that are not {kk=,ru=}) is a course::Problem with the file
// as the teacher opens it and the line. A lesson file that fails is left out; the others load.
#pragma once

#include <memory>
#include <string_view>

#include "course/pack.h"
#include "course/pack_source.h"
#include "course/problem.h"
#include "scripting/sandbox.h"

namespace sandyq::scripting {

class LoadedPack {
public:
    course::Pack pack;
    course::Problems problems;   // load-time problems, in file order
    bool manifest_loaded = false;

    // Usable by the player: the manifest loaded and at least one lesson did.
    bool usable() const { return manifest_loaded && !pack.lessons.empty(); }

    // Calls a Lua goal check(world, trace) where world and trace are Lua table literals (as the
    // world modules serialise their state). A budget or runtime error is a Status with file:line.
    Result<bool> runCheck(course::ScriptRef check, std::string_view world_literal, std::string_view trace_literal);

    Sandbox* sandbox() { return sandbox_.get(); }

private:
    friend LoadedPack loadPack(const course::PackSource&, const SandboxLimits&);
    std::unique_ptr<Sandbox> sandbox_;
};

LoadedPack loadPack(const course::PackSource& source, const SandboxLimits& limits = {});

// A Status from the sandbox as a problem ("where" split into file and line; detail → argument).
course::Problem problemFromStatus(const Status& status);

}  // namespace sandyq::scripting
