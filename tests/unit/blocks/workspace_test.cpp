// blocks.workspace: every edit, its connection rules, undo and redo; the text form round trip
// and damaged saves.
#include <doctest/doctest.h>

#include <random>

#include "blocks/workspace.h"

using namespace sandyq;
using namespace sandyq::blocks;

namespace {
BlockId add(Workspace& ws, const char* type, Target where) {
    auto r = ws.add(type, where);
    REQUIRE(r.ok());
    return r.value();
}

std::vector<std::string> types(const Workspace& ws, BlockId first) {
    std::vector<std::string> out;
    for (BlockId b : ws.chain(first)) out.push_back(ws.block(b)->def->type);
    return out;
}

// start → forward → repeat[turn_left] → turn_right
struct Sample {
    Workspace ws;
    BlockId start, fwd, rep, left, right;
    Sample() {
        start = add(ws, "events.start", Target::topLevel(10, 10));
        fwd = add(ws, "maze.forward", Target::after(start));
        rep = add(ws, "control.repeat", Target::after(fwd));
        left = add(ws, "maze.turn_left", Target::branch(rep, 0));
        right = add(ws, "maze.turn_right", Target::after(rep));
    }
};
}  // namespace

TEST_CASE("blocks.workspace: insert, move with the blocks below, and undo/redo of each") {
    Sample s;
    Workspace& ws = s.ws;
    CHECK(types(ws, s.start) == std::vector<std::string>{"events.start", "maze.forward", "control.repeat", "maze.turn_right"});
    CHECK(ws.block(s.rep)->branches[0] == s.left);
    CHECK(ws.blockCount() == 4);  // the hat does not count

    // insert between: a new block after `start` pushes the rest down
    const BlockId wall = add(ws, "maze.turn_right", Target::after(s.start));
    CHECK(types(ws, s.start)[1] == "maze.turn_right");
    CHECK(ws.block(s.fwd)->parent == wall);
    CHECK(ws.undo());
    CHECK(ws.block(wall) == nullptr);
    CHECK(ws.block(s.fwd)->parent == s.start);
    CHECK(ws.redo());
    CHECK(ws.block(wall) != nullptr);
    CHECK(ws.undo());

    // drag the repeat (with turn_right below it) to the top level
    REQUIRE(ws.move(s.rep, Target::topLevel(300, 40)).ok());
    CHECK(types(ws, s.start) == std::vector<std::string>{"events.start", "maze.forward"});
    CHECK(ws.stacks().size() == 2);
    CHECK(types(ws, s.rep) == std::vector<std::string>{"control.repeat", "maze.turn_right"});
    CHECK(ws.block(s.rep)->x == 300);
    // and into its own branch? never
    CHECK_FALSE(ws.move(s.rep, Target::branch(s.rep, 0)).ok());
    CHECK_FALSE(ws.move(s.rep, Target::after(s.right)).ok());
    // back under the hat, above a stack
    REQUIRE(ws.move(s.rep, Target::after(s.start)).ok());
    CHECK(types(ws, s.start) == std::vector<std::string>{"events.start", "control.repeat", "maze.turn_right", "maze.forward"});
    CHECK(ws.undo());
    CHECK(ws.undo());
    CHECK(types(ws, s.start) == std::vector<std::string>{"events.start", "maze.forward", "control.repeat", "maze.turn_right"});
    CHECK(ws.stacks().size() == 1);
}

TEST_CASE("blocks.workspace: connection rules by shape") {
    Sample s;
    Workspace& ws = s.ws;
    // a hat only starts stacks; a value block only goes into inputs
    CHECK(ws.add("events.start", Target::after(s.fwd)).status().message_key == "blocks.err.cannot_connect");
    CHECK_FALSE(ws.add("maze.wall_ahead", Target::after(s.fwd)).ok());
    CHECK_FALSE(ws.add("maze.forward", Target::input(s.rep, 0)).ok());
    // a Boolean slot takes only Boolean blocks; a number slot takes reporters and booleans
    const BlockId cond = add(ws, "control.if", Target::after(s.right));
    CHECK_FALSE(ws.add("operators.add", Target::input(cond, 0)).ok());
    const BlockId wall = add(ws, "maze.wall_ahead", Target::input(cond, 0));
    CHECK(ws.block(cond)->inputs[0].block == wall);
    CHECK(ws.block(wall)->parent == cond);
    const BlockId plus = add(ws, "operators.add", Target::input(s.fwd, 0));
    CHECK(ws.topOf(plus) == s.start);
    // no input on a dropdown-less block index
    CHECK_FALSE(ws.add("operators.add", Target::input(s.right, 0)).ok());
    // nothing after forever; forever cannot go in the middle of a stack
    CHECK_FALSE(ws.add("control.forever", Target::after(s.start)).ok());
    const BlockId ever = add(ws, "control.forever", Target::after(cond));
    CHECK_FALSE(ws.add("maze.forward", Target::after(ever)).ok());
    CHECK(ws.canMove(s.left, Target::branch(ever, 0)));
    CHECK_FALSE(ws.canMove(s.fwd, Target::after(ever)));
    // a value dropped on an occupied input pushes the old one out
    const BlockId other = add(ws, "maze.at_goal", Target::topLevel(500, 500));
    REQUIRE(ws.move(other, Target::input(cond, 0)).ok());
    CHECK(ws.block(cond)->inputs[0].block == other);
    CHECK_FALSE(ws.block(wall)->parent.valid());
    CHECK(std::find(ws.stacks().begin(), ws.stacks().end(), wall) != ws.stacks().end());
}

TEST_CASE("blocks.workspace: delete one block closes the gap; delete a stack; duplicate") {
    Sample s;
    Workspace& ws = s.ws;
    REQUIRE(ws.remove(s.rep).ok());  // with the turn_left inside it
    CHECK(ws.block(s.left) == nullptr);
    CHECK(types(ws, s.start) == std::vector<std::string>{"events.start", "maze.forward", "maze.turn_right"});
    CHECK(ws.undo());
    CHECK(ws.block(s.left) != nullptr);
    CHECK(ws.block(s.rep)->branches[0] == s.left);

    // removing a stack's top keeps the rest in place as a stack
    REQUIRE(ws.remove(s.start).ok());
    CHECK(ws.stacks().size() == 1);
    CHECK(ws.stacks()[0] == s.fwd);
    CHECK(ws.block(s.fwd)->x == 10);
    CHECK(ws.undo());

    auto copy = ws.duplicate(s.rep, 400, 100);
    REQUIRE(copy.ok());
    CHECK(types(ws, copy.value()) == std::vector<std::string>{"control.repeat", "maze.turn_right"});
    const BlockId inner = ws.block(copy.value())->branches[0];
    CHECK(inner != s.left);
    CHECK(ws.block(inner)->def->type == "maze.turn_left");
    CHECK(ws.block(inner)->parent == copy.value());
    CHECK(ws.blockCount() == 7);

    REQUIRE(ws.removeStack(s.fwd).ok());  // drop on the palette: fwd and everything below
    CHECK(types(ws, s.start) == std::vector<std::string>{"events.start"});
    CHECK(ws.block(s.left) == nullptr);
    CHECK(ws.undo());
    CHECK(ws.blockCount() == 7);
    CHECK_FALSE(ws.remove(BlockId{999}).ok());
}

TEST_CASE("blocks.workspace: reading order for keyboard navigation") {
    Sample s;
    Workspace& ws = s.ws;
    const BlockId plus = add(ws, "operators.add", Target::input(s.fwd, 0));
    const BlockId loose = add(ws, "maze.collect", Target::topLevel(0, 500));
    const std::vector<BlockId> order = ws.readingOrder();
    const std::vector<BlockId> expected{s.start, s.fwd, plus, s.rep, s.left, s.right, loose};
    CHECK(order == expected);
}

TEST_CASE("blocks.workspace: values, variables and their rules") {
    Sample s;
    Workspace& ws = s.ws;
    CHECK(ws.setValue(s.fwd, 0, "3").ok());
    CHECK(ws.block(s.fwd)->inputs[0].value == "3");
    CHECK(ws.setValue(s.fwd, 0, "three").message_key == "blocks.err.not_a_number");
    CHECK(ws.undo());
    CHECK(ws.block(s.fwd)->inputs[0].value == "1");
    CHECK(ws.addVariable("санақ").ok());
    CHECK(ws.addVariable("санақ").message_key == "blocks.err.name_taken");
    CHECK(ws.addVariable("forward").message_key == "blocks.err.name_taken");
    CHECK(ws.addVariable("2x").message_key == "blocks.err.bad_name");
    const BlockId set = add(ws, "data.set", Target::after(s.right));
    CHECK(ws.setValue(set, 0, "жоқ").message_key == "blocks.err.no_variable");
    REQUIRE(ws.setValue(set, 0, "санақ").ok());
    CHECK(ws.setValue(set, 1, "сәлем").ok());
    CHECK(ws.block(set)->inputs[1].is_text);
    CHECK(ws.removeVariable("санақ").message_key == "blocks.err.variable_used");
    REQUIRE(ws.renameVariable("санақ", "count").ok());
    CHECK(ws.block(set)->inputs[0].value == "count");
    CHECK(ws.variables() == std::vector<std::string>{"count"});
    const BlockId def = add(ws, "procedures.define", Target::topLevel(0, 600));
    CHECK(ws.setValue(def, 0, "forward").message_key == "blocks.err.name_taken");
    CHECK(ws.setValue(def, 0, "dance").ok());
    CHECK(ws.addVariable("dance").message_key == "blocks.err.name_taken");
    const BlockId pen = add(ws, "pen.colour", Target::topLevel(0, 300));
    CHECK(ws.setValue(pen, 0, "blue").ok());
    CHECK(ws.setValue(pen, 0, "sky").message_key == "blocks.err.not_an_option");
}

TEST_CASE("blocks.workspace: a step's toolbox limits the blocks and their number") {
    Workspace ws;
    ws.setToolbox({"maze", {"maze.forward", "maze.turn_left"}, 2});
    const BlockId start = add(ws, "events.start", Target::topLevel(0, 0));
    CHECK(ws.add("maze.turn_right", Target::after(start)).status().message_key == "blocks.err.not_allowed");
    CHECK(ws.add("turtle.forward", Target::after(start)).status().message_key == "blocks.err.not_allowed");
    const BlockId a = add(ws, "maze.forward", Target::after(start));
    add(ws, "maze.turn_left", Target::after(a));
    CHECK(ws.add("maze.forward", Target::after(a)).status().message_key == "blocks.err.max_blocks");
    CHECK(ws.duplicate(a, 0, 0).status().message_key == "blocks.err.max_blocks");
    CHECK(ws.palette().size() == 3);
    CHECK(ws.missingBlocks({"maze.forward", "control.repeat"}) == std::vector<std::string>{"control.repeat"});
}

TEST_CASE("blocks.workspace: the text form keeps ids, positions, values and structure") {
    Sample s;
    Workspace& ws = s.ws;
    REQUIRE(ws.addVariable("x").ok());
    const BlockId set = add(ws, "data.set", Target::after(s.right));
    REQUIRE(ws.setValue(set, 0, "x").ok());
    REQUIRE(ws.setValue(set, 1, "a \"quoted\" \\ text").ok());
    const BlockId cond = add(ws, "control.if_else", Target::after(set));
    const BlockId lt = add(ws, "operators.lt", Target::input(cond, 0));
    add(ws, "data.variable", Target::input(lt, 0));
    add(ws, "maze.collect", Target::branch(cond, 1));
    add(ws, "maze.wall_left", Target::topLevel(-50, 700));  // a loose value block
    const std::string text = serialize(ws);
    auto back = parseWorkspace(text);
    REQUIRE(back.ok());
    CHECK(serialize(back.value()) == text);
    CHECK(back.value().block(s.rep)->branches[0] == s.left);
    CHECK(back.value().block(set)->inputs[1].value == "a \"quoted\" \\ text");
    CHECK(back.value().block(set)->inputs[1].is_text);
    CHECK(back.value().stacks().size() == 2);
    CHECK(back.value().block(back.value().stacks()[1])->x == -50);
    CHECK_FALSE(back.value().canUndo());
    // new blocks never reuse a saved id
    Workspace w2 = back.value();
    auto fresh = w2.add("maze.forward", Target::topLevel(0, 0));
    REQUIRE(fresh.ok());
    CHECK(fresh.value().value > set.value);
}

TEST_CASE("blocks.workspace: damaged text is a Status, never a crash") {
    CHECK(parseWorkspace("").status().message_key == "blocks.err.corrupt");
    CHECK(parseWorkspace("hello").status().message_key == "blocks.err.corrupt");
    CHECK(parseWorkspace("sqb1 s 0 0 [(1 events.start) (1 maze.forward \"1\")]").status().message_key == "blocks.err.corrupt");
    CHECK(parseWorkspace("sqb1 s 0 0 [(1 rocket.launch)]").status().message_key == "blocks.err.unknown_block");
    CHECK(parseWorkspace("sqb1 s 0 0 [(1 maze.forward)]").status().code == ErrorCode::Corrupt);      // input missing
    CHECK(parseWorkspace("sqb1 s 0 0 [(1 maze.forward \"1\") (2 events.start)]").status().code == ErrorCode::Corrupt);
    CHECK(parseWorkspace("sqb1 s 0 0 [(1 control.if \"\"(2 operators.add \"\" \"\") [])]").status().code == ErrorCode::Corrupt);
    CHECK(parseWorkspace("sqb1 s 0 0 [(1 control.forever [] ) (2 maze.forward \"1\")]").status().code == ErrorCode::Corrupt);
    CHECK(parseWorkspace("sqb1\n").ok());

    // every truncation and many random byte flips of a real save
    Sample s;
    s.ws.add("operators.add", Target::input(s.fwd, 0)).value();
    const std::string good = serialize(s.ws);
    for (size_t n = 0; n < good.size(); ++n) (void)parseWorkspace(good.substr(0, n));
    std::mt19937 rng(7);
    size_t parsed_ok = 0;
    for (int k = 0; k < 3000; ++k) {
        std::string bad = good;
        const int flips = 1 + static_cast<int>(rng() % 4);
        for (int f = 0; f < flips; ++f) bad[rng() % bad.size()] = static_cast<char>(rng() % 256);
        auto r = parseWorkspace(bad);
        if (r.ok()) {
            ++parsed_ok;
            (void)serialize(r.value());  // whatever parsed is a consistent workspace
        }
    }
    CHECK(parsed_ok < 3000);
    // deep nesting is bounded
    std::string deep = "sqb1 s 0 0 [(1 events.start) (2 looks.say \"\"";
    for (int k = 0; k < 5000; ++k) deep += "(" + std::to_string(k + 3) + " operators.not \"\"";
    CHECK_FALSE(parseWorkspace(deep).ok());
}

// Every live block is reachable from exactly one stack, and parent links match.
void checkConsistent(const Workspace& ws) {
    size_t reached = 0;
    std::vector<std::pair<BlockId, BlockId>> todo;  // (block, expected parent)
    for (BlockId top : ws.stacks()) todo.push_back({top, BlockId{}});
    while (!todo.empty()) {
        auto [id, parent] = todo.back();
        todo.pop_back();
        const Block* b = ws.block(id);
        REQUIRE(b);
        CHECK(b->parent == parent);
        ++reached;
        REQUIRE(reached <= ws.allBlocks().size());
        if (b->next.valid()) todo.push_back({b->next, id});
        for (BlockId br : b->branches)
            if (br.valid()) todo.push_back({br, id});
        for (const Input& in : b->inputs)
            if (in.block.valid()) todo.push_back({in.block, id});
        if (b->def->terminal) CHECK_FALSE(b->next.valid());
    }
    CHECK(reached == ws.allBlocks().size());
}

TEST_CASE("blocks.workspace: random edit sessions undo and redo exactly, state by state") {
    const char* const kTypes[] = {"maze.forward", "maze.turn_left", "control.repeat", "control.if_else", "control.forever",
                                  "maze.wall_ahead", "operators.add", "operators.and", "data.set", "events.start"};
    std::mt19937 rng(2024);
    for (int session = 0; session < 40; ++session) {
        Workspace ws;
        std::vector<std::string> states{serialize(ws)};
        for (int k = 0; k < 60; ++k) {
            const std::vector<BlockId> all = ws.allBlocks();
            auto pick = [&]() { return all.empty() ? BlockId{} : all[rng() % all.size()]; };
            auto target = [&]() {
                const BlockId b = pick();
                switch (rng() % 5) {
                    case 0: return Target::topLevel(static_cast<float>(rng() % 500), static_cast<float>(rng() % 500));
                    case 1: return Target::after(b);
                    case 2: return Target::branch(b, static_cast<int>(rng() % 2));
                    case 3: return Target::input(b, static_cast<int>(rng() % 2));
                    default: return Target::above(b);
                }
            };
            bool changed = false;
            switch (rng() % 7) {
                case 0: case 1: changed = ws.add(kTypes[rng() % 10], target()).ok(); break;
                case 2: changed = ws.move(pick(), target()).ok(); break;
                case 3: changed = ws.remove(pick()).ok(); break;
                case 4: changed = ws.removeStack(pick()).ok(); break;
                case 5: changed = ws.duplicate(pick(), 10, 10).ok(); break;
                default: changed = ws.setValue(pick(), 0, std::to_string(rng() % 9)).ok(); break;
            }
            const std::string now = serialize(ws);
            if (!changed) {
                CHECK(now == states.back());  // a refused edit changes nothing
                continue;
            }
            states.push_back(now);
            checkConsistent(ws);
            // the saved form always reads back to the same workspace
            auto back = parseWorkspace(now);
            CAPTURE(now);
            CAPTURE(back.status().where);
            REQUIRE(back.ok());
            CHECK(serialize(back.value()) == now);
        }
        for (size_t i = states.size() - 1; i > 0; --i) {
            REQUIRE(ws.undo());
            CHECK(serialize(ws) == states[i - 1]);
        }
        CHECK_FALSE(ws.undo());
        for (size_t i = 1; i < states.size(); ++i) {
            REQUIRE(ws.redo());
            CHECK(serialize(ws) == states[i]);
        }
        CHECK_FALSE(ws.redo());
    }
}
