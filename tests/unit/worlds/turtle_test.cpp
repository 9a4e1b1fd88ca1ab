// worlds.turtle: drawing, pen state, figure comparison independent of order and direction.
#include <doctest/doctest.h>

#include "pyish/pyish.h"
#include "worlds/factory.h"
#include "worlds/runner.h"
#include "worlds/turtle.h"

using namespace sandyq;
using namespace sandyq::worlds;

namespace {
const char* kSquareGoal = R"({"segments":[[0,0,100,0],[100,0,100,100],[100,100,0,100],[0,100,0,0]]})";

std::unique_ptr<TurtleWorld> turtle(const char* json = R"({"kind":"turtle"})") {
    auto r = createTurtle(json);
    REQUIRE(r.ok());
    return std::move(r.value());
}

RunStatus draw(TurtleWorld& w, const char* code, program::Diagnostic* diag = nullptr) {
    auto c = pyish::compile(code);
    REQUIRE(c.ok());
    Runner r(c.program, w);
    r.runToEnd();
    if (diag) *diag = r.diagnostic();
    return r.status();
}
}  // namespace

TEST_CASE("worlds.turtle: a square drawn in any order or direction equals the reference") {
    auto a = turtle();
    CHECK(draw(*a, "for i in range(4):\n    forward(100)\n    left(90)\n") == RunStatus::Finished);
    CHECK(a->segments().size() == 4);
    CHECK(a->checkGoal("shape_equals", kSquareGoal).passed);
    CHECK(a->checkGoal("closed", "{}").passed);

    // clockwise, starting elsewhere, sides in two halves
    auto b = turtle(R"({"kind":"turtle","x":0,"y":100,"heading":0})");
    CHECK(draw(*b, "for i in range(4):\n    forward(50)\n    forward(50)\n    right(90)\n") == RunStatus::Finished);
    CHECK(b->segments().size() == 8);
    CHECK(b->checkGoal("shape_equals", kSquareGoal).passed);
    CHECK(b->checkGoal("max_segments", "{\"n\":4}").passed);

    // with goto and small rounding errors
    auto c = turtle();
    CHECK(draw(*c, "goto(0, 100.5)\ngoto(100, 100)\ngoto(99.5, 0)\ngoto(0, 0)\n") == RunStatus::Finished);
    CHECK(c->checkGoal("shape_equals", kSquareGoal).passed);
}

TEST_CASE("worlds.turtle: a different figure, an open figure or pen-up moves do not match") {
    auto a = turtle();
    draw(*a, "for i in range(3):\n    forward(100)\n    left(90)\n");
    const auto g = a->checkGoal("shape_equals", kSquareGoal);
    CHECK_FALSE(g.passed);
    CHECK(g.message_key == "world.goal.turtle_not_same");
    CHECK_FALSE(a->checkGoal("closed", "{}").passed);
    CHECK(a->checkGoal("min_segments", "{\"n\":4}").message_key == "world.goal.turtle_too_few");

    auto b = turtle();
    draw(*b, "for i in range(4):\n    forward(100)\n    left(90)\n    if i == 1:\n        pen_up()\n");
    CHECK(b->segments().size() == 2);
    CHECK_FALSE(b->penDown());
    CHECK_FALSE(b->checkGoal("shape_equals", kSquareGoal).passed);

    auto c = turtle();
    draw(*c, "for i in range(4):\n    forward(110)\n    left(90)\n");
    CHECK_FALSE(c->checkGoal("shape_equals", kSquareGoal).passed);
    CHECK(c->checkGoal("shape_equals", R"({"segments":[[0,0,110,0],[110,0,110,110],[110,110,0,110],[0,110,0,0]],"tolerance":1})").passed);
}

TEST_CASE("worlds.turtle: pen colour and width, the target from the set-up, bad arguments") {
    auto w = turtle(R"({"kind":"turtle","target":[[0,0,50,0]]})");
    program::Diagnostic d;
    CHECK(draw(*w, "pen_colour('red')\npen_width(5)\nforward(50)\n") == RunStatus::Finished);
    REQUIRE(w->segments().size() == 1);
    CHECK(w->segments()[0].colour == "red");
    CHECK(w->segments()[0].width == 5);
    CHECK(w->checkGoal("shape_equals", "{}").passed);
    CHECK(draw(*w, "pen_colour('sky')\n", &d) == RunStatus::Faulted);
    CHECK(d.message_key == "world.err.turtle_colour");
    CHECK(draw(*w, "forward('far')\n", &d) == RunStatus::Faulted);
    CHECK(d.message_key == "world.err.turtle_number");
    CHECK(draw(*w, "forward(1e9)\n", &d) == RunStatus::Faulted);
    CHECK(d.message_key == "world.err.turtle_far");
    CHECK(createTurtle(R"({"target":[[1,2,3]]})").status().message_key == "world.err.turtle_target");
    CHECK(createTurtle(R"({"x":"left"})").status().message_key == "world.err.turtle_start");
}

TEST_CASE("worlds.turtle: moves animate; the segment grows while drawn") {
    auto w = turtle();
    CHECK(w->call(0, {{program::WorldArg::Kind::Int, 100, 0, {}}}).error.ok());
    CHECK(w->busy());
    w->advance(0.25);
    CHECK(w->drawnFraction() == doctest::Approx(0.5));
    CHECK(w->visualPose().x == doctest::Approx(50));
    w->advance(1);
    CHECK_FALSE(w->busy());
    CHECK(w->drawnFraction() == 1.0);
    CHECK(w->traceLiteral() == "{{cmd=\"forward\",value=100,x=100,y=0,pen=true}}");
}
