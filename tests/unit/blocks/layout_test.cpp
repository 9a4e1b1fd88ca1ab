// blocks.layout: block sizes follow the label widths the UI measures, nested blocks sit inside
// their slots, hit testing finds the innermost block, drops snap to allowed spots only.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "blocks/layout.h"

using namespace sandyq::blocks;

namespace {
Translate english() {
    std::ifstream f(std::string(SANDYQ_SOURCE_DIR) + "/assets/i18n/en/blocks.json");
    std::stringstream ss;
    ss << f.rdbuf();
    auto cat = std::make_shared<nlohmann::json>(nlohmann::json::parse(ss.str(), nullptr, false));
    return [cat](std::string_view key) {
        const std::string k(key);
        return cat->contains(k) ? (*cat)[k].get<std::string>() : k;
    };
}
const MeasureText kMeasure = [](std::string_view s) { return 7.0f * static_cast<float>(s.size()); };

BlockId add(Workspace& ws, const char* type, Target where) {
    auto r = ws.add(type, where);
    REQUIRE(r.ok());
    return r.value();
}

const BlockBox& boxOf(const StackLayout& l, BlockId id) {
    for (const BlockBox& b : l.boxes)
        if (b.id == id) return b;
    FAIL("no box");
    return l.boxes[0];
}
}  // namespace

TEST_CASE("blocks.layout: a stack is laid out top to bottom; C-blocks wrap their branch") {
    Workspace ws;
    const LayoutMetrics m;
    const BlockId start = add(ws, "events.start", Target::topLevel(100, 50));
    const BlockId fwd = add(ws, "maze.forward", Target::after(start));
    const BlockId rep = add(ws, "control.repeat", Target::after(fwd));
    const BlockId left = add(ws, "maze.turn_left", Target::branch(rep, 0));
    const BlockId right = add(ws, "maze.turn_right", Target::after(rep));
    const auto l = layoutStack(ws, start, kMeasure, english(), m);
    REQUIRE(l.boxes.size() == 5);
    const BlockBox& s = boxOf(l, start);
    const BlockBox& f = boxOf(l, fwd);
    const BlockBox& r = boxOf(l, rep);
    const BlockBox& in = boxOf(l, left);
    const BlockBox& after = boxOf(l, right);
    CHECK(s.x == 100);
    CHECK(s.y == 50);
    CHECK(f.y == s.y + s.h);
    CHECK(r.y == f.y + f.h);
    CHECK(in.x == r.x + m.arm_w);
    CHECK(in.y == r.y + r.row_h);
    CHECK(r.h == doctest::Approx(r.row_h + in.h + m.bottom_h));
    CHECK(after.y == r.y + r.h);
    CHECK(l.h == doctest::Approx(after.y + after.h - s.y));
    // "move [1] steps forward": text, field, text; the field shows the value
    REQUIRE(f.parts.size() == 3);
    CHECK(f.parts[0].text == "move");
    CHECK(f.parts[1].kind == PartBox::Kind::Field);
    CHECK(f.parts[1].text == "1");
    CHECK(f.parts[2].text == "steps forward");
    CHECK(f.parts[2].w == 7.0f * 13);
}

TEST_CASE("blocks.layout: longer labels and nested reporters make wider blocks") {
    Workspace ws;
    const BlockId fwd = add(ws, "maze.forward", Target::topLevel(0, 0));
    const float narrow = layoutStack(ws, fwd, kMeasure, english()).w;
    const float wide = layoutStack(ws, fwd, [](std::string_view s) { return 12.0f * static_cast<float>(s.size()); }, english()).w;
    CHECK(wide > narrow);
    const BlockId plus = add(ws, "operators.add", Target::input(fwd, 0));
    const auto l = layoutStack(ws, fwd, kMeasure, english());
    CHECK(l.w > narrow);
    const BlockBox& f = boxOf(l, fwd);
    const BlockBox& p = boxOf(l, plus);
    CHECK(f.parts[1].kind == PartBox::Kind::Slot);
    CHECK(f.parts[1].w == p.w);
    CHECK(p.y >= f.y);
    CHECK(p.y + p.h <= f.y + f.row_h);
    // loose reporters lay out too
    const BlockId loose = add(ws, "maze.wall_ahead", Target::topLevel(300, 300));
    const auto lr = layoutStack(ws, loose, kMeasure, english());
    REQUIRE(lr.boxes.size() == 1);
    CHECK(lr.boxes[0].w > 0);
}

TEST_CASE("blocks.layout: hit testing finds the innermost block and the field; drops snap to allowed spots") {
    Workspace ws;
    const BlockId start = add(ws, "events.start", Target::topLevel(0, 0));
    const BlockId fwd = add(ws, "maze.forward", Target::after(start));
    const BlockId rep = add(ws, "control.repeat", Target::after(fwd));
    const BlockId left = add(ws, "maze.turn_left", Target::branch(rep, 0));
    const auto all = layoutAll(ws, kMeasure, english());
    REQUIRE(all.size() == 1);
    const BlockBox& f = boxOf(all[0], fwd);
    const BlockBox& in = boxOf(all[0], left);
    const BlockBox& r = boxOf(all[0], rep);
    int part = -2;
    CHECK(hitTest(all, in.x + 2, in.y + 2, &part) == left);
    CHECK(part == -1);
    CHECK(hitTest(all, r.x + 2, r.y + 2) == rep);
    CHECK(hitTest(all, f.parts[1].x + 1, f.parts[1].y + 1, &part) == fwd);
    CHECK(part == 0);
    CHECK_FALSE(hitTest(all, -500, -500).valid());

    // a palette block dropped just below "move" goes after it; inside the mouth into the branch
    const BlockDef* right = findBlock("maze.turn_right");
    DropSpot d = nearestDrop(ws, all, {}, right, f.x + 3, f.y + f.h + 2);
    CHECK(d.target.kind == Target::Kind::After);
    CHECK(d.target.block == fwd);
    d = nearestDrop(ws, all, {}, right, r.x + 16, r.y + r.row_h);
    CHECK(d.target.kind == Target::Kind::Branch);
    CHECK(d.target.block == rep);
    // a Boolean block snaps only to a Boolean slot: none here
    d = nearestDrop(ws, all, {}, findBlock("maze.wall_ahead"), f.parts[1].x, f.parts[1].y);
    CHECK(d.target.kind == Target::Kind::Input);  // a number slot takes a boolean (Scratch allows it)
    d = nearestDrop(ws, all, {}, findBlock("events.start"), f.x, f.y + f.h);
    CHECK(d.target.kind == Target::Kind::None);

    // a loose stack dragged so that its bottom meets the top of another stack goes above it
    const BlockId loose = add(ws, "maze.collect", Target::topLevel(600, 600));
    const BlockId other = add(ws, "maze.turn_right", Target::topLevel(0, 900));
    const auto again = layoutAll(ws, kMeasure, english());
    const float h = boxOf(again[1], loose).h;
    d = nearestDrop(ws, again, loose, nullptr, 2, 900 - h, {}, h);
    CHECK(d.target.kind == Target::Kind::Above);
    CHECK(d.target.block == other);
}
