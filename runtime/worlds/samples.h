// worlds/samples.h — built-in worlds for the block playground (usable before any pack exists):
// a few mazes and turtle figures, as the same JSON set-up tables packs use.
// Depends on: the standard library only. Core layer. Static data; no errors (every sample is
// checked by tests/unit/worlds/samples_test.cpp to load and to be solvable by its solution).
#pragma once

#include <string>
#include <vector>

namespace sandyq::worlds {

struct SampleWorld {
    std::string id;          // "maze.corridor"; title key "world.sample.<id>"
    std::string json;        // createWorld(json)
    std::string goals;       // built-in goal names, comma-separated ("reach,collect_all")
    std::string solution;    // a Python-style reference solution (inside the block subset)
};

const std::vector<SampleWorld>& sampleWorlds();

}  // namespace sandyq::worlds
