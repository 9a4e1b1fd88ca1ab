// scripting/pack_api.h — the Lua functions a lesson pack calls (pack{}, lesson{}, theory{},
// quiz{}, picture{}, blocks{}, python{}, robot{}), kept as ONE table that also generates the
// help text (TIC-80 style): name, signature, help key ("pack.api.<name>" in packs.json).
// Depends on: scripting/sandbox.h. The bindings only check their argument and tag the table with
// its kind and source position ("file:line"); the loader (pack_loader.h) turns tagged tables into
// course:: objects after the file has run, so no C++ object lives across a Lua error.
// Errors: a wrong argument is a Lua error "bad argument #1 to 'lesson' (table expected, got nil)",
// reported by the sandbox as "pack.err.runtime" with the pack's file:line.
#pragma once

#include <span>

#include "core/status.h"
#include "scripting/sandbox.h"

namespace sandyq::scripting {

struct ApiFunction {
    const char* name;       // global name in pack files
    const char* signature;  // e.g. "lesson{ id=, title={kk=,ru=}, steps={...} }"
    const char* help_key;   // catalogue key of the one-line description
};

std::span<const ApiFunction> packApi();

// Installs the API as globals and the registry lists the loader reads.
Status installPackApi(Sandbox& sandbox);

// Registry names of the lists of pack{} and lesson{} tables, in call order.
inline constexpr const char* kPacksRegistry = "sandyq.packs";
inline constexpr const char* kLessonsRegistry = "sandyq.lessons";

}  // namespace sandyq::scripting
