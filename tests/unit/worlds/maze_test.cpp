// worlds.maze: set-up errors, walking, walls, items, colours, goals, the trace for Lua goals.
#include <doctest/doctest.h>

#include "pyish/pyish.h"
#include "worlds/factory.h"
#include "worlds/maze.h"
#include "worlds/runner.h"

using namespace sandyq;
using namespace sandyq::worlds;

namespace {
const char* kMaze = R"({"kind":"maze","map":["#######","#S..*G#","#.###.#","#r...b#","#######"],"dir":"east"})";

std::unique_ptr<MazeWorld> maze(const char* json = kMaze) {
    auto r = createMaze(json);
    REQUIRE(r.ok());
    return std::move(r.value());
}

struct Run {
    RunStatus status;
    program::Diagnostic diag;
};

Run run(MazeWorld& w, const char* code) {
    auto c = pyish::compile(code);
    REQUIRE(c.ok());
    Runner r(c.program, w);
    r.runToEnd();
    return {r.status(), r.diagnostic()};
}
}  // namespace

TEST_CASE("worlds.maze: bad maps are reported with a key and the place") {
    CHECK(createMaze("{\"kind\":\"maze\"}").status().message_key == "world.err.maze_no_map");
    CHECK(createMaze(R"({"map":["#..G#"]})").status().message_key == "world.err.maze_no_start");
    CHECK(createMaze(R"({"map":["#SSG#"]})").status().message_key == "world.err.maze_two_starts");
    const auto bad = createMaze(R"({"map":["#####","#S?G#"]})");
    CHECK(bad.status().message_key == "world.err.maze_char");
    CHECK(bad.status().where == "2:3");
    CHECK(createMaze(R"({"map":["#SG#"],"dir":"up"})").status().message_key == "world.err.maze_dir");
    std::string wide = "{\"map\":[\"S" + std::string(40, '.') + "\"]}";
    CHECK(createMaze(wide).status().message_key == "world.err.maze_size");
    CHECK(createMaze("[1,2]").status().message_key == "world.err.json");
    auto via_factory = createWorld(kMaze);
    REQUIRE(via_factory.ok());
    CHECK(via_factory.value()->kind() == "maze");
}

TEST_CASE("worlds.maze: walking to the goal with forward and turns") {
    auto w = maze();
    CHECK(w->x() == 1);
    CHECK(w->y() == 1);
    const Run r = run(*w, "forward(3)\ncollect()\nforward()\nprint(at_goal())\n");
    CHECK(r.status == RunStatus::Finished);
    CHECK(w->x() == 5);
    CHECK(w->itemsLeft() == 0);
    CHECK(w->checkGoal("reach", "{}").passed);
    CHECK(w->checkGoal("collect_all", "{}").passed);
    CHECK(w->checkGoal("max_steps", "{\"n\":4}").passed);
    const auto over = w->checkGoal("max_steps", "{\"n\":3}");
    CHECK_FALSE(over.passed);
    CHECK(over.message_key == "world.goal.maze_too_many_steps");
    CHECK(w->traceLiteral() ==
          "{{cmd=\"forward\",x=4,y=1,dir=\"east\",ok=true},{cmd=\"collect\",x=4,y=1,dir=\"east\",ok=true},"
          "{cmd=\"forward\",x=5,y=1,dir=\"east\",ok=true}}");
}

TEST_CASE("worlds.maze: walking into a wall is the pupil's error; the character stops before it") {
    auto w = maze();
    const Run r = run(*w, "turn_right()\nforward(5)\n");
    CHECK(r.status == RunStatus::Faulted);
    CHECK(r.diag.message_key == "world.err.maze_wall");
    CHECK(r.diag.line == 2);
    CHECK(w->x() == 1);
    CHECK(w->y() == 3);   // walked down two cells, then the wall
    CHECK(w->dir() == Dir::South);
    CHECK(w->crashed());
    CHECK_FALSE(w->checkGoal("no_crash", "{}").passed);
    CHECK_FALSE(w->checkGoal("reach", "{}").passed);
    CHECK(w->checkGoal("reach", "{}").message_key == "world.goal.maze_not_reached");
    CHECK(w->stateLiteral().find("crashed=true") != std::string::npos);
}

TEST_CASE("worlds.maze: queries see walls, goal, items and colours") {
    auto w = maze();
    const char* code =
        "print(wall_ahead(), wall_left(), wall_right(), on_item(), colour_under())\n"
        "turn_right()\nforward(2)\nprint(colour_under(), wall_ahead())\nturn_left()\n"
        "while not wall_ahead():\n    forward()\nprint(colour_under(), on_goal())\n";
    auto c = pyish::compile(code);
    REQUIRE(c.ok());
    Runner r(c.program, *w);
    CHECK(r.runToEnd() == RunStatus::Finished);
    CHECK(r.output() == "False True False False none\nred True\nblue False\n");
    CHECK(w->checkGoal("collect_all", "{}").message_key == "world.goal.maze_items_left");
}

TEST_CASE("worlds.maze: collecting where nothing lies and bad step counts are errors") {
    auto w = maze();
    CHECK(run(*w, "collect()\n").diag.message_key == "world.err.maze_no_item");
    CHECK(run(*w, "forward(0)\n").diag.message_key == "world.err.maze_steps");
    CHECK(run(*w, "forward(1.5)\n").diag.message_key == "world.err.maze_steps");
    CHECK(run(*w, "forward('a')\n").diag.message_key == "world.err.maze_steps");
}

TEST_CASE("worlds.maze: moves animate in time; the pose is interpolated") {
    auto w = maze();
    CHECK(w->call(0, {}).error.ok());
    CHECK(w->busy());
    w->advance(MazeWorld::kSecondsPerCell / 2);
    CHECK(w->visualPose().x == doctest::Approx(1.5));
    w->advance(MazeWorld::kSecondsPerCell);
    CHECK_FALSE(w->busy());
    CHECK(w->visualPose().x == doctest::Approx(2));
    w->reset();
    CHECK(w->x() == 1);
    CHECK(w->trace().empty());
}

TEST_CASE("worlds.maze: a locked door stops the character until it carries a key") {
    const char* json = R"({"kind":"maze","map":["########","#SK.D.G#","########"],"dir":"east"})";
    auto w = maze(json);
    CHECK(w->tile(4, 1) == Tile::Door);
    // straight on without the key: the door is a wall
    Run r = run(*w, "forward(5)\n");
    CHECK(r.diag.message_key == "world.err.maze_door");
    CHECK(w->x() == 3);
    // pick the key up, then the door opens and stays open
    r = run(*w, "forward(1)\nprint(on_item())\ncollect()\nforward(1)\nprint(wall_ahead())\nforward(3)\n");
    CHECK(r.status == RunStatus::Finished);
    CHECK(w->x() == 6);
    CHECK(w->tile(4, 1) == Tile::Floor);
    CHECK(w->keysHeld() == 0);
    CHECK(w->checkGoal("reach", "{}").passed);
    CHECK(w->checkGoal("collect_all", "{}").passed);  // keys are not items to collect
    w->reset();
    CHECK(w->tile(4, 1) == Tile::Door);
    CHECK(w->hasKey(2, 1));
}
