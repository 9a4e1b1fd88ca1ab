// blocks.defs: the block table is consistent with the catalogues (every label a whole phrase
// with exactly the block's visible inputs) and the toolbox filters by world and allowed list.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "blocks/defs.h"

using namespace sandyq::blocks;

namespace {
nlohmann::json catalogue(const char* lang) {
    std::ifstream f(std::string(SANDYQ_SOURCE_DIR) + "/assets/i18n/" + lang + "/blocks.json");
    std::stringstream ss;
    ss << f.rdbuf();
    return nlohmann::json::parse(ss.str(), nullptr, false);
}
}  // namespace

TEST_CASE("blocks.defs: every block has a label in kk, ru and en naming exactly its visible inputs") {
    for (const char* lang : {"kk", "ru", "en"}) {
        const auto cat = catalogue(lang);
        REQUIRE(cat.is_object());
        for (const BlockDef& d : allBlocks()) {
            CAPTURE(lang);
            CAPTURE(d.type);
            REQUIRE(cat.contains(d.labelKey()));
            const std::string label = cat[d.labelKey()].get<std::string>();
            const auto parts = splitLabel(d, label);
            std::multiset<int> seen;
            for (const auto& p : parts)
                if (p.input >= 0) seen.insert(p.input);
            for (size_t k = 0; k < d.inputs.size(); ++k) {
                const bool hidden = d.inputs[k].kind == InputKind::LoopVar;
                CHECK(seen.count(static_cast<int>(k)) == (hidden ? 0u : 1u));
            }
            CHECK(cat.contains(categoryKey(d.category)));
            for (const auto& in : d.inputs)
                for (const auto& opt : in.options) CHECK(cat.contains("blocks.opt." + opt));
        }
    }
}

TEST_CASE("blocks.defs: shapes, categories and program names") {
    const BlockDef* fwd = findBlock("maze.forward");
    REQUIRE(fwd);
    CHECK(fwd->shape == Shape::Stack);
    CHECK(fwd->category == Category::Motion);
    CHECK(fwd->call == "forward");
    CHECK(findBlock("control.if_else")->branchCount() == 2);
    CHECK(findBlock("control.repeat")->branchCount() == 1);
    CHECK(findBlock("control.forever")->terminal);
    CHECK(findBlock("maze.wall_ahead")->shape == Shape::Boolean);
    CHECK(findBlock("operators.add")->shape == Shape::Reporter);
    CHECK(findBlock("nope") == nullptr);
    CHECK(categoryColour(Category::Motion) == 0x4C97FF);
    std::set<std::string> types;
    for (const BlockDef& d : allBlocks()) CHECK(types.insert(d.type).second);
}

TEST_CASE("blocks.defs: the toolbox shows the world's blocks, restricted by the step's list") {
    bool has_turtle = false, has_maze = false;
    for (const BlockDef* d : toolboxBlocks("maze")) {
        has_turtle = has_turtle || d->world == "turtle";
        has_maze = has_maze || d->type == "maze.forward";
    }
    CHECK(has_maze);
    CHECK_FALSE(has_turtle);
    const auto few = toolboxBlocks("maze", {"maze.forward", "maze.turn_left", "turtle.forward", "control.repeat"});
    REQUIRE(few.size() == 4);
    CHECK(few[0]->type == "events.start");
    CHECK(few[1]->type == "maze.forward");
    CHECK(few[3]->type == "control.repeat");
}

TEST_CASE("blocks.defs: labels split into text and inputs; names are Python identifiers") {
    const BlockDef& d = *findBlock("turtle.goto");
    const auto parts = splitLabel(d, "{x} және {y} нүктесіне бар");
    REQUIRE(parts.size() == 4);
    CHECK(parts[0].input == 0);
    CHECK(parts[1].text == " және ");
    CHECK(parts[2].input == 1);
    CHECK(parts[3].text == " нүктесіне бар");
    CHECK(isValidName("санақ"));
    CHECK(isValidName("x2"));
    CHECK_FALSE(isValidName("2x"));
    CHECK_FALSE(isValidName("while"));
    CHECK_FALSE(isValidName("a b"));
    CHECK_FALSE(isValidName(""));
}
