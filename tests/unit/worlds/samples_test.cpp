// worlds.samples: every built-in playground world loads and its reference solution meets its goals;
// an empty program does not.
#include <doctest/doctest.h>

#include "pyish/pyish.h"
#include "worlds/factory.h"
#include "worlds/runner.h"
#include "worlds/samples.h"

using namespace sandyq;
using namespace sandyq::worlds;

namespace {
std::vector<GoalSpec> goalsOf(const std::string& list) {
    std::vector<GoalSpec> out;
    size_t start = 0;
    while (start < list.size()) {
        const size_t comma = list.find(',', start);
        out.push_back({list.substr(start, comma - start), "{}"});
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}
}  // namespace

TEST_CASE("worlds.samples: each sample loads, its solution passes and an empty program fails") {
    CHECK(sampleWorlds().size() >= 6);
    for (const SampleWorld& s : sampleWorlds()) {
        CAPTURE(s.id);
        auto w = createWorld(s.json);
        REQUIRE(w.ok());
        auto c = pyish::compile(s.solution);
        REQUIRE(c.ok());
        Runner run(c.program, *w.value());
        CHECK(run.runToEnd(120) == RunStatus::Finished);
        const auto goals = goalsOf(s.goals);
        CHECK(run.checkGoals(goals).all_passed);
        if (goals.empty()) continue;
        auto empty = pyish::compile("");
        REQUIRE(empty.ok());
        Runner none(empty.program, *w.value());
        none.runToEnd();
        CHECK_FALSE(none.checkGoals(goals).all_passed);
    }
}
