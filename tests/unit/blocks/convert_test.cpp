// blocks.convert: blocks → program → world (reaches the goal, errors badge their block, the
// running block is known), the live Python-style text, text → blocks → text identity on a
// corpus, and constructs outside the block subset named with their line.
#include <doctest/doctest.h>

#include "blocks/convert.h"
#include "pyish/printer.h"
#include "pyish/pyish.h"
#include "worlds/factory.h"
#include "worlds/maze.h"
#include "worlds/runner.h"
#include "worlds/turtle.h"
#include "worlds/robot/robot_world.h"

using namespace sandyq;
using namespace sandyq::blocks;

namespace {
const char* kMaze = R"({"kind":"maze","map":["######","#S..##","###.##","###..G","######"],"dir":"east"})";

BlockId add(Workspace& ws, const char* type, Target where) {
    auto r = ws.add(type, where);
    REQUIRE(r.ok());
    return r.value();
}

std::unique_ptr<worlds::World> world(const char* json) {
    auto w = worlds::createWorld(json);
    REQUIRE(w.ok());
    return std::move(w.value());
}

// Canonical texts inside the block subset (as the pyish printer writes them).
const char* const kCorpus[] = {
    "forward(2)\nturn_right()\nforward(2)\nturn_left()\nforward(2)\n",
    "for i in range(4):\n    forward(1)\n    turn_left()\n",
    "while not at_goal():\n    if wall_ahead():\n        turn_left()\n    else:\n        forward(1)\n",
    "while True:\n    if wall_ahead():\n        if wall_right():\n            turn_left()\n        else:\n            turn_right()\n    else:\n        forward(1)\n",
    "if wall_ahead():\n    turn_left()\nelif wall_left():\n    turn_right()\nelif on_item():\n    collect()\nelse:\n    forward(1)\n",
    "steps = 0\nwhile not wall_ahead():\n    forward(1)\n    steps += 1\nprint(steps)\nprint('қадам')\n",
    "x = 3 + 4 * 2\ny = (x - 1) / 2 % 3\nprint(x, y) if False else print(x)\n",  // replaced below (not in subset)
    "import random\nn = random.randint(1, 6)\nif n > 3 and n < 6 or n == 1:\n    print('көп')\nif not n != 2:\n    print(n >= 2)\n",
    "def turn_around():\n    turn_left()\n    turn_left()\nforward(1)\nturn_around()\n",
    "def count_step():\n    global steps\n    forward(1)\n    steps += 1\nsteps = 0\nfor i in range(3):\n    count_step()\nwait(0.5)\n",
    "if colour_under() == 'red':\n    print('қызыл')\n    print(5)\n    print('5')\n    print(-2.5)\nwhile wall_ahead():\n    pass\n",
    "a = 1\nif a < 2 and a > 0 and a != 5:\n    print((a < 2) == True)\n",  // replaced below
};
}  // namespace

TEST_CASE("blocks.convert: blocks → program run in a maze reach the goal; the text is the live view") {
    Workspace ws;
    const BlockId start = add(ws, "events.start", Target::topLevel(0, 0));
    // repeat until at goal: if wall ahead → turn right… (a right-hand wall follower would be
    // longer; this maze needs: forward 2, right, forward 2, left, forward 2)
    const BlockId f1 = add(ws, "maze.forward", Target::after(start));
    REQUIRE(ws.setValue(f1, 0, "2").ok());
    const BlockId r1 = add(ws, "maze.turn_right", Target::after(f1));
    const BlockId f2 = add(ws, "maze.forward", Target::after(r1));
    REQUIRE(ws.setValue(f2, 0, "2").ok());
    const BlockId l1 = add(ws, "maze.turn_left", Target::after(f2));
    const BlockId until = add(ws, "control.repeat_until", Target::after(l1));
    add(ws, "maze.at_goal", Target::input(until, 0));
    const BlockId step = add(ws, "maze.forward", Target::branch(until, 0));

    const CompiledBlocks c = compileWorkspace(ws);
    REQUIRE(c.ok());
    CHECK(c.text == "forward(2)\nturn_right()\nforward(2)\nturn_left()\nwhile not at_goal():\n    forward(1)\n");
    CHECK(workspaceText(ws) == c.text);

    auto w = world(kMaze);
    worlds::Runner run(c.program, *w);
    // the running block is known at every tick: the first command is block f1
    run.tick(1000, 0);
    CHECK(c.blockAt(run.currentNode()) == f1);
    CHECK(run.currentPosition().line == 1);
    bool saw_loop_body = false;
    for (int k = 0; k < 2000 && run.status() == worlds::RunStatus::Running; ++k) {
        run.tick(1000, 1.0 / 60);
        saw_loop_body = saw_loop_body || c.blockAt(run.currentNode()) == step;
    }
    CHECK(run.status() == worlds::RunStatus::Finished);
    CHECK(saw_loop_body);
    CHECK(run.checkGoals({{"reach"}, {"no_crash"}}).all_passed);
}

TEST_CASE("blocks.convert: a world error is badged on its block and names its line in the text") {
    Workspace ws;
    const BlockId start = add(ws, "events.start", Target::topLevel(0, 0));
    const BlockId rep = add(ws, "control.repeat", Target::after(start));
    const BlockId fwd = add(ws, "maze.forward", Target::branch(rep, 0));
    const CompiledBlocks c = compileWorkspace(ws);
    REQUIRE(c.ok());
    CHECK(c.text == "for i in range(4):\n    forward(1)\n");
    auto w = world(kMaze);
    worlds::Runner run(c.program, *w);
    CHECK(run.runToEnd() == worlds::RunStatus::Faulted);
    CHECK(run.diagnostic().message_key == "world.err.maze_wall");
    CHECK(c.blockAt(run.diagnostic().node) == fwd);
    CHECK(run.diagnostic().line == 2);
}

TEST_CASE("blocks.convert: a square drawn with blocks equals the reference figure") {
    Workspace ws;
    ws.setToolbox({"turtle", {}, 0});
    const BlockId start = add(ws, "events.start", Target::topLevel(0, 0));
    const BlockId rep = add(ws, "control.repeat", Target::after(start));
    const BlockId f = add(ws, "turtle.forward", Target::branch(rep, 0));
    REQUIRE(ws.setValue(f, 0, "100").ok());
    add(ws, "turtle.left", Target::after(f));
    const CompiledBlocks c = compileWorkspace(ws);
    REQUIRE(c.ok());
    auto w = world(R"({"kind":"turtle","target":[[0,0,0,100],[0,100,100,100],[100,100,100,0],[100,0,0,0]]})");
    worlds::Runner run(c.program, *w);
    CHECK(run.runToEnd() == worlds::RunStatus::Finished);
    CHECK(run.checkGoals({{"shape_equals"}, {"closed"}}).all_passed);
}

TEST_CASE("blocks.convert: block problems are diagnostics on the block") {
    Workspace ws;
    const BlockId start = add(ws, "events.start", Target::topLevel(0, 0));
    const BlockId call = add(ws, "procedures.call", Target::after(start));
    REQUIRE(ws.setValue(call, 0, "dance").ok());
    CompiledBlocks c = compileWorkspace(ws);
    CHECK(c.error.message_key == "blocks.err.proc_unknown");
    CHECK(c.error.node == call.value);
    const BlockId def = add(ws, "procedures.define", Target::topLevel(300, 0));
    REQUIRE(ws.setValue(def, 0, "dance").ok());
    add(ws, "maze.turn_left", Target::after(def));
    c = compileWorkspace(ws);
    REQUIRE(c.ok());
    CHECK(c.text == "def dance():\n    turn_left()\ndance()\n");
    const BlockId def2 = add(ws, "procedures.define", Target::topLevel(300, 300));
    REQUIRE(ws.setValue(def2, 0, "dance").ok());
    c = compileWorkspace(ws);
    CHECK(c.error.message_key == "blocks.err.proc_twice");
    CHECK(c.error.node == def2.value);
}

TEST_CASE("blocks.convert: loose stacks run only when there is no start hat") {
    Workspace ws;
    const BlockId a = add(ws, "maze.forward", Target::topLevel(0, 0));
    add(ws, "maze.turn_left", Target::after(a));
    add(ws, "maze.wall_ahead", Target::topLevel(0, 300));
    CompiledBlocks c = compileWorkspace(ws);
    REQUIRE(c.ok());
    CHECK(c.text == "forward(1)\nturn_left()\n");
    CHECK(c.ignored_stacks.size() == 1);
    const BlockId start = add(ws, "events.start", Target::topLevel(200, 0));
    add(ws, "maze.collect", Target::after(start));
    c = compileWorkspace(ws);
    CHECK(c.text == "collect()\n");
    CHECK(c.ignored_stacks.size() == 2);
}

TEST_CASE("blocks.convert: text → blocks → text is the identity inside the block subset") {
    int checked = 0;
    for (const char* text : kCorpus) {
        const std::string src = text;
        if (src.find(" if False else ") != std::string::npos || src.find("== True") != std::string::npos) continue;
        CAPTURE(src);
        // the corpus is canonical: the printer gives it back unchanged
        auto parsed = pyish::parse(src);
        REQUIRE(parsed.ast);
        REQUIRE(pyish::printAst(*parsed.ast) == src);
        const TextToBlocks tb = workspaceFromText(src, "maze");
        REQUIRE(tb.error.ok());
        const CompiledBlocks c = compileWorkspace(tb.workspace);
        REQUIRE(c.ok());
        CHECK(c.text == src);
        // and the blocks survive the saved text form
        auto saved = parseWorkspace(serialize(tb.workspace));
        REQUIRE(saved.ok());
        CHECK(workspaceText(saved.value()) == src);
        ++checked;
    }
    CHECK(checked == 10);
    // arithmetic keeps its brackets
    const char* arith = "x = 3 + 4 * 2\ny = (x - 1) / 2 % 3\nz = x - (y - 1)\nprint(x * (y + z))\n";
    CHECK(workspaceText(workspaceFromText(arith, "maze").workspace) == arith);
    // turtle blocks for the turtle world
    const char* turtle = "pen_colour('blue')\npen_width(3)\nfor i in range(5):\n    forward(100)\n    right(144)\npen_up()\ngoto(0, -50)\n";
    const TextToBlocks t = workspaceFromText(turtle, "turtle");
    REQUIRE(t.error.ok());
    CHECK(workspaceText(t.workspace) == turtle);
    CHECK(t.workspace.countOfType("turtle.forward") == 1);
}

TEST_CASE("blocks.convert: outside the block subset the message names the line and the construct") {
    struct Case {
        const char* text;
        uint32_t line;
        const char* construct;
    };
    const Case cases[] = {
        {"forward(1)\nfor x in [1, 2]:\n    forward(x)\n", 2, "for x in [1, 2]:"},
        {"forward(1)\nturn_left()\nx -= 1\n", 3, "x -= 1"},
        {"def go(n):\n    forward(n)\n", 1, "def go(n):"},
        {"while True:\n    if wall_ahead():\n        break\n", 3, "break"},
        {"x = [1, 2]\n", 1, "[1, 2]"},
        {"forward(1)\npen_up()\n", 2, "pen_up()"},           // a turtle command in the maze
        {"forward('far')\n", 1, "'far'"},
        {"if x:\n    collect()\n", 1, "x"},                   // a variable is not a yes/no block
        {"print(1 < 2 < 3)\n", 1, "1 < 2 < 3"},
    };
    for (const Case& k : cases) {
        CAPTURE(k.text);
        const TextToBlocks tb = workspaceFromText(k.text, "maze");
        CHECK(tb.error.message_key == "blocks.err.not_a_block");
        CHECK(tb.error.line == k.line);
        const auto* c = tb.error.find("construct");
        REQUIRE(c);
        CHECK(c->text == k.construct);
    }
    // a syntax error is the parser's own diagnostic
    const TextToBlocks bad = workspaceFromText("if wall_ahead()\n    turn_left()\n", "maze");
    CHECK(bad.error.exception == program::ExcKind::SyntaxError);
    CHECK(bad.error.line == 1);
}

#include <dirent.h>

#include <fstream>
#include <sstream>

TEST_CASE("blocks.convert: the Python-style golden programs convert or name a line, never crash") {
    DIR* dir = opendir(SANDYQ_SOURCE_DIR "/tests/golden/pyish");
    REQUIRE(dir);
    int converted = 0, refused = 0;
    while (dirent* e = readdir(dir)) {
        const std::string name = e->d_name;
        if (name.size() < 3 || name.substr(name.size() - 3) != ".py") continue;
        std::ifstream f(std::string(SANDYQ_SOURCE_DIR "/tests/golden/pyish/") + name);
        std::stringstream ss;
        ss << f.rdbuf();
        const std::string src = ss.str();
        CAPTURE(name);
        auto parsed = pyish::parse(src);
        const TextToBlocks tb = workspaceFromText(src, "maze");
        if (!parsed.ast) {
            CHECK_FALSE(tb.error.ok());
            continue;
        }
        if (!tb.error.ok()) {
            ++refused;
            CHECK(tb.error.line >= 1);
            if (getenv("SANDYQ_SHOW_REFUSED")) MESSAGE(name << ": " << tb.error.find("construct")->text);
            continue;
        }
        ++converted;
        // inside the subset: the blocks print as the canonical text of the program
        CHECK(workspaceText(tb.workspace) == pyish::printAst(*parsed.ast));
        CHECK(compileWorkspace(tb.workspace).ok());
    }
    closedir(dir);
    MESSAGE("golden programs: " << converted << " as blocks, " << refused << " outside the subset");
    CHECK(refused > 0);  // the golden programs use lists, strings, print(a, b): mostly outside the blocks
}

#include <random>

namespace {
bool sameProgram(const program::Program& a, const program::Program& b) {
    if (a.protos.size() != b.protos.size() || a.global_names != b.global_names || a.names != b.names ||
        a.constants.size() != b.constants.size())
        return false;
    for (size_t k = 0; k < a.protos.size(); ++k) {
        const auto& p = a.protos[k];
        const auto& q = b.protos[k];
        if (p.code != q.code || p.local_names != q.local_names || p.name != q.name) return false;
        for (size_t i = 0; i < p.positions.size(); ++i)
            if (p.positions[i].line != q.positions[i].line) return false;
    }
    for (size_t k = 0; k < a.constants.size(); ++k)
        if (a.constants[k].text != b.constants[k].text || a.constants[k].integer != b.constants[k].integer ||
            a.constants[k].real != b.constants[k].real)
            return false;
    return true;
}
}  // namespace

TEST_CASE("blocks.convert: program → blocks → program is the identity on random block programs") {
  for (const char* world_kind : {"maze", "robot"}) {
    CAPTURE(world_kind);
    std::vector<std::string> statements, values;
    for (const BlockDef* d : toolboxBlocks(world_kind)) {
        if (d->isStatement()) statements.push_back(d->type);
        if (d->isValue()) values.push_back(d->type);
    }
    std::mt19937 rng(99);
    int compared = 0;
    size_t total_lines = 0;
    for (int n = 0; n < 300; ++n) {
        Workspace ws;
        REQUIRE(ws.addVariable("x").ok());
        REQUIRE(ws.addVariable("санақ").ok());
        const BlockId start = add(ws, "events.start", Target::topLevel(0, 0));
        if (rng() % 4 == 0) {
            const BlockId def = add(ws, "procedures.define", Target::topLevel(400, 0));
            REQUIRE(ws.setValue(def, 0, "jump").ok());
        }
        const int edits = 2 + static_cast<int>(rng() % 30);
        for (int k = 0; k < edits; ++k) {
            // grow the running stacks: pick a block in them, then a block that fits there
            std::vector<BlockId> running;
            for (BlockId id : ws.allBlocks()) {
                const BlockId top = ws.topOf(id);
                if (top == start || ws.block(top)->def->sem == Sem::Define) running.push_back(id);
            }
            const BlockId b = running[rng() % running.size()];
            const int kind = static_cast<int>(rng() % 3);
            const Target t = kind == 0 ? Target::after(b)
                           : kind == 1 ? Target::branch(b, static_cast<int>(rng() % 2))
                                       : Target::input(b, static_cast<int>(rng() % 2));
            const auto& pool = kind == 2 ? values : statements;
            std::string type = pool[rng() % pool.size()];
            if (type == "control.forever" && rng() % 4) type = "control.repeat";  // keep programs long
            if (type == "procedures.define") continue;
            (void)ws.add(type, t);
        }
        // fill every field with something meaningful
        for (BlockId id : ws.allBlocks()) {
            const Block* b = ws.block(id);
            for (size_t k = 0; k < b->inputs.size(); ++k) {
                const InputDef& d = b->def->inputs[k];
                const int i = static_cast<int>(k);
                switch (d.kind) {
                    case InputKind::Number: (void)ws.setValue(id, i, std::to_string(rng() % 7) + (rng() % 3 ? "" : ".5")); break;
                    case InputKind::Text: {
                        const char* const kText[] = {"", "5", "сәлем", "-2", "a'b\"c"};
                        (void)ws.setValue(id, i, kText[rng() % 5]);
                        break;
                    }
                    case InputKind::Variable: (void)ws.setValue(id, i, rng() % 2 ? "x" : "санақ"); break;
                    case InputKind::ProcName: (void)ws.setValue(id, i, b->def->sem == Sem::Define ? "jump" : "jump"); break;
                    default: break;
                }
            }
        }
        if (ws.countOfType("procedures.define") > 1) continue;
        const CompiledBlocks c1 = compileWorkspace(ws);
        if (!c1.ok()) {
            // only the known block problems: a call without its define
            CHECK(c1.error.message_key == "blocks.err.proc_unknown");
            continue;
        }
        CAPTURE(c1.text);
        const TextToBlocks tb = workspaceFromText(c1.text, world_kind);
        REQUIRE(tb.error.ok());
        const CompiledBlocks c2 = compileWorkspace(tb.workspace);
        REQUIRE(c2.ok());
        CHECK(c2.text == c1.text);
        CHECK(sameProgram(c1.program, c2.program));
        // the blocks' program is the text's program, line for line (so a runtime error's line is
        // a line of the live view)
        auto from_text = pyish::compile(c1.text);
        REQUIRE(from_text.ok());
        CHECK(sameProgram(c1.program, from_text.program));
        ++compared;
        total_lines += static_cast<size_t>(std::count(c1.text.begin(), c1.text.end(), '\n'));
    }
    MESSAGE(compared << " random block programs compared, " << total_lines << " lines");
    CHECK(compared > 150);
  }
}

#include "worlds/samples.h"

TEST_CASE("blocks.convert: each sample's solution as blocks gives the same world trace as the text") {
    for (const worlds::SampleWorld& s : worlds::sampleWorlds()) {
        CAPTURE(s.id);
        const std::string kind = worlds::worldKind(s.json);
        const TextToBlocks tb = workspaceFromText(s.solution, kind);
        REQUIRE(tb.error.ok());
        const CompiledBlocks c = compileWorkspace(tb.workspace);
        REQUIRE(c.ok());
        CHECK(c.text == s.solution);
        auto text_prog = pyish::compile(s.solution);
        REQUIRE(text_prog.ok());
        auto w1 = world(s.json.c_str());
        auto w2 = world(s.json.c_str());
        worlds::Runner by_blocks(c.program, *w1), by_text(text_prog.program, *w2);
        CHECK(by_blocks.runToEnd(120) == worlds::RunStatus::Finished);
        CHECK(by_text.runToEnd(120) == worlds::RunStatus::Finished);
        CHECK(w1->traceLiteral() == w2->traceLiteral());
        CHECK(w1->stateLiteral() == w2->stateLiteral());
        CHECK(w1->traceLiteral().size() > 2);
    }
}

TEST_CASE("blocks.convert: robot blocks are the robot's `robot.…` commands") {
    const char* text =
        "robot.speed(40)\nrobot.motors(50, 50)\nwhile robot.distance() > 10:\n    robot.led('green')\nrobot.stop()\n"
        "robot.motors(30, -30, 0.5)\nif robot.color() == 'black' or robot.touch():\n    robot.say('қара')\n";
    const TextToBlocks tb = workspaceFromText(text, "robot");
    REQUIRE(tb.error.ok());
    CHECK(tb.workspace.countOfType("robot.motors_on") == 1);
    CHECK(tb.workspace.countOfType("robot.motors") == 1);
    CHECK(tb.workspace.countOfType("robot.touch") == 1);
    CHECK(workspaceText(tb.workspace) == text);
    // in a maze there is no robot
    CHECK(workspaceFromText("robot.stop()\n", "maze").error.message_key == "blocks.err.not_a_block");
}

TEST_CASE("blocks.convert: the robot's questions and \"wait until\" are one block each, both ways") {
    const char* text =
        "robot.speed(40)\nrobot.motors(50, 50)\nwhile not robot.distance() < 10:\n    pass\nrobot.stop()\n"
        "robot.led('red')\nrobot.beep()\nrobot.wait(1)\nwhile not robot.touch():\n    pass\n"
        "if robot.color() == 'green':\n    robot.say('жасыл')\n"
        "while not robot.reflect() < 50:\n    robot.motors(30, 30, 0.5)\n";
    const TextToBlocks tb = workspaceFromText(text, "robot");
    REQUIRE(tb.error.ok());
    const Workspace& ws = tb.workspace;
    CHECK(ws.countOfType("robot.wait_until") == 2);
    CHECK(ws.countOfType("robot.distance_lt") == 1);
    CHECK(ws.countOfType("robot.color_is") == 1);
    CHECK(ws.countOfType("robot.reflect_lt") == 1);
    CHECK(ws.countOfType("control.repeat_until") == 1);  // it has a body: not a wait
    CHECK(ws.countOfType("robot.wait") == 1);
    CHECK(ws.countOfType("operators.lt") + ws.countOfType("operators.eq") + ws.countOfType("operators.not") == 0);
    CHECK(workspaceText(ws) == text);
    // a right side the one-block question cannot hold stays a comparison of two blocks
    const TextToBlocks other = workspaceFromText("if robot.color() == 'purple':\n    robot.stop()\n", "robot");
    REQUIRE(other.error.ok());
    CHECK(other.workspace.countOfType("robot.color_is") == 0);
    CHECK(other.workspace.countOfType("operators.eq") == 1);
    // a variable fits the number of "distance < … cm?"
    const TextToBlocks var = workspaceFromText("d = 5\nwhile not robot.distance() < d:\n    pass\n", "robot");
    REQUIRE(var.error.ok());
    CHECK(var.workspace.countOfType("robot.distance_lt") == 1);
    CHECK(var.workspace.countOfType("data.variable") == 1);
    // outside the robot world, `while not …: pass` is an ordinary repeat-until
    const TextToBlocks maze = workspaceFromText("while not wall_ahead():\n    pass\n", "maze");
    REQUIRE(maze.error.ok());
    CHECK(maze.workspace.countOfType("control.repeat_until") == 1);
}

TEST_CASE("blocks.convert: robot blocks built by hand drive the robot to the wall and stop it in time") {
    Workspace ws;
    const BlockId start = add(ws, "events.start", Target::topLevel(0, 0));
    const BlockId on = add(ws, "robot.motors_on", Target::after(start));
    const BlockId wait = add(ws, "robot.wait_until", Target::after(on));
    const BlockId near = add(ws, "robot.distance_lt", Target::input(wait, 0));
    REQUIRE(ws.setValue(near, 0, "4").ok());
    const BlockId stop = add(ws, "robot.stop", Target::after(wait));
    (void)add(ws, "robot.led", Target::after(stop));
    const CompiledBlocks c = compileWorkspace(ws);
    REQUIRE(c.ok());
    CHECK(c.text == "robot.motors(50, 50)\nwhile not robot.distance() < 4:\n    pass\nrobot.stop()\nrobot.led('green')\n");
    auto made = robot::createRobotWorld(R"({"mat":"stop_wall"})");
    REQUIRE(made.ok());
    robot::RobotWorld& w = *made.value();
    program::Limits limits;
    worlds::Runner runner(c.program, w, limits);
    REQUIRE(runner.runToEnd() == worlds::RunStatus::Finished);
    CHECK(w.checkGoal("stop_near_wall", R"({"max_cm":5})").passed);
    // the same blocks with a gap of 1 cm stop too late: the goal notices
    REQUIRE(ws.setValue(near, 0, "0.5").ok());
    const CompiledBlocks late = compileWorkspace(ws);
    REQUIRE(late.ok());
    w.reset();
    worlds::Runner runner2(late.program, w, limits);
    (void)runner2.runToEnd();
    CHECK_FALSE(w.checkGoal("stop_near_wall", R"({"max_cm":5,"min_cm":1})").passed);
}

TEST_CASE("blocks.convert: damaged texts never crash the conversion") {
    std::mt19937 rng(5);
    const char* const kPieces[] = {"(", ")", ":", "\n", "    ", "not ", " and ", "forward", "if ", "else:", "'", "1", "x", "def ", "=", "+"};
    size_t converted = 0;
    for (int k = 0; k < 4000; ++k) {
        std::string src = kCorpus[rng() % (sizeof kCorpus / sizeof *kCorpus)];
        const int edits = 1 + static_cast<int>(rng() % 3);
        for (int e = 0; e < edits; ++e) {
            const size_t at = rng() % (src.size() + 1);
            if (rng() % 2 && at < src.size()) src.erase(at, 1 + rng() % 3);
            else src.insert(at, kPieces[rng() % (sizeof kPieces / sizeof *kPieces)]);
        }
        const TextToBlocks tb = workspaceFromText(src, "maze");
        if (!tb.error.ok()) {
            CHECK(tb.error.line >= 1);
            continue;
        }
        ++converted;
        const CompiledBlocks c = compileWorkspace(tb.workspace);
        if (c.ok()) {
            // whatever converts prints as text that converts back to the same text
            CHECK(workspaceText(workspaceFromText(c.text, "maze").workspace) == c.text);
        }
    }
    CHECK(converted > 100);
}
