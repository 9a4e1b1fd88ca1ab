// blocks/defs.cpp — the block table (see defs.h).
#include "blocks/defs.h"

#include "pyish/lexer.h"

namespace sandyq::blocks {

using program::Op;

namespace {

InputDef num(const char* name, const char* def) { return {name, InputKind::Number, def, {}}; }
InputDef text(const char* name, const char* def) { return {name, InputKind::Text, def, {}}; }
InputDef boolean(const char* name) { return {name, InputKind::Boolean, "", {}}; }
InputDef variable() { return {"var", InputKind::Variable, "", {}}; }

BlockDef make(const char* type, Category c, Shape s, Sem sem, const char* call = "", std::vector<InputDef> in = {},
              const char* world = "") {
    BlockDef d;
    d.type = type;
    d.category = c;
    d.shape = s;
    d.sem = sem;
    d.call = call;
    d.inputs = std::move(in);
    d.world = world;
    return d;
}

BlockDef binop(const char* type, Op op, Shape shape, Sem sem, InputKind kind) {
    BlockDef d = make(type, Category::Operators, shape, sem, "", {{"a", kind, "", {}}, {"b", kind, "", {}}});
    d.op = op;
    return d;
}

// A robot question `call() op value` as one hexagonal block.
BlockDef callCompare(const char* type, const char* call, Op op, InputDef in) {
    BlockDef d = make(type, Category::Sensing, Shape::Boolean, Sem::CallCompare, call, {std::move(in)}, "robot");
    d.op = op;
    return d;
}

std::vector<BlockDef> buildTable() {
    using C = Category;
    using S = Shape;
    std::vector<BlockDef> t;
    t.push_back(make("events.start", C::Events, S::Hat, Sem::Start));
    // ---- maze ----
    t.push_back(make("maze.forward", C::Motion, S::Stack, Sem::CallStmt, "forward", {num("n", "1")}, "maze"));
    t.push_back(make("maze.turn_left", C::Motion, S::Stack, Sem::CallStmt, "turn_left", {}, "maze"));
    t.push_back(make("maze.turn_right", C::Motion, S::Stack, Sem::CallStmt, "turn_right", {}, "maze"));
    t.push_back(make("maze.collect", C::Motion, S::Stack, Sem::CallStmt, "collect", {}, "maze"));
    t.push_back(make("maze.wall_ahead", C::Sensing, S::Boolean, Sem::CallExpr, "wall_ahead", {}, "maze"));
    t.push_back(make("maze.wall_left", C::Sensing, S::Boolean, Sem::CallExpr, "wall_left", {}, "maze"));
    t.push_back(make("maze.wall_right", C::Sensing, S::Boolean, Sem::CallExpr, "wall_right", {}, "maze"));
    t.push_back(make("maze.at_goal", C::Sensing, S::Boolean, Sem::CallExpr, "at_goal", {}, "maze"));
    t.push_back(make("maze.on_item", C::Sensing, S::Boolean, Sem::CallExpr, "on_item", {}, "maze"));
    t.push_back(make("maze.colour_under", C::Sensing, S::Reporter, Sem::CallExpr, "colour_under", {}, "maze"));
    // ---- turtle ----
    t.push_back(make("turtle.forward", C::Motion, S::Stack, Sem::CallStmt, "forward", {num("d", "50")}, "turtle"));
    t.push_back(make("turtle.back", C::Motion, S::Stack, Sem::CallStmt, "back", {num("d", "50")}, "turtle"));
    t.push_back(make("turtle.left", C::Motion, S::Stack, Sem::CallStmt, "left", {num("deg", "90")}, "turtle"));
    t.push_back(make("turtle.right", C::Motion, S::Stack, Sem::CallStmt, "right", {num("deg", "90")}, "turtle"));
    t.push_back(make("turtle.goto", C::Motion, S::Stack, Sem::CallStmt, "goto", {num("x", "0"), num("y", "0")}, "turtle"));
    t.push_back(make("pen.down", C::Pen, S::Stack, Sem::CallStmt, "pen_down", {}, "turtle"));
    t.push_back(make("pen.up", C::Pen, S::Stack, Sem::CallStmt, "pen_up", {}, "turtle"));
    t.push_back(make("pen.colour", C::Pen, S::Stack, Sem::CallStmt, "pen_colour",
                     {{"colour", InputKind::Dropdown, "red",
                       {"black", "red", "green", "blue", "yellow", "orange", "purple", "brown", "white"}}},
                     "turtle"));
    t.push_back(make("pen.width", C::Pen, S::Stack, Sem::CallStmt, "pen_width", {num("w", "2")}, "turtle"));
    // ---- robot (worlds/robot: `robot.…` commands, no import needed) ----
    t.push_back(make("robot.forward", C::Motion, S::Stack, Sem::CallStmt, "robot.forward", {num("cm", "20")}, "robot"));
    t.push_back(make("robot.back", C::Motion, S::Stack, Sem::CallStmt, "robot.back", {num("cm", "20")}, "robot"));
    t.push_back(make("robot.turn", C::Motion, S::Stack, Sem::CallStmt, "robot.turn", {num("deg", "90")}, "robot"));
    t.push_back(make("robot.motors", C::Motion, S::Stack, Sem::CallStmt, "robot.motors",
                     {num("left", "50"), num("right", "50"), num("s", "1")}, "robot"));
    t.push_back(make("robot.motors_on", C::Motion, S::Stack, Sem::CallStmt, "robot.motors",
                     {num("left", "50"), num("right", "50")}, "robot"));
    t.push_back(make("robot.stop", C::Motion, S::Stack, Sem::CallStmt, "robot.stop", {}, "robot"));
    t.push_back(make("robot.speed", C::Motion, S::Stack, Sem::CallStmt, "robot.speed", {num("p", "50")}, "robot"));
    t.push_back(make("robot.wait", C::Control, S::Stack, Sem::CallStmt, "robot.wait", {num("s", "1")}, "robot"));
    t.push_back(make("robot.wait_until", C::Control, S::Stack, Sem::WaitUntil, "", {boolean("cond")}, "robot"));
    t.push_back(make("robot.color", C::Sensing, S::Reporter, Sem::CallExpr, "robot.color", {}, "robot"));
    t.push_back(make("robot.reflect", C::Sensing, S::Reporter, Sem::CallExpr, "robot.reflect", {}, "robot"));
    t.push_back(make("robot.distance", C::Sensing, S::Reporter, Sem::CallExpr, "robot.distance", {}, "robot"));
    t.push_back(make("robot.touch", C::Sensing, S::Boolean, Sem::CallExpr, "robot.touch", {}, "robot"));
    // whole questions in one block (a pupil does not need an operator block for them)
    t.push_back(callCompare("robot.color_is", "robot.color", Op::Eq,
                            {"colour", InputKind::Dropdown, "black", {"black", "white", "red", "green", "blue", "yellow"}}));
    t.push_back(callCompare("robot.distance_lt", "robot.distance", Op::Lt, num("cm", "10")));
    t.push_back(callCompare("robot.reflect_lt", "robot.reflect", Op::Lt, num("p", "50")));
    t.push_back(make("robot.heading", C::Sensing, S::Reporter, Sem::CallExpr, "robot.heading", {}, "robot"));
    t.push_back(make("robot.timer", C::Sensing, S::Reporter, Sem::CallExpr, "robot.timer", {}, "robot"));
    t.push_back(make("robot.reset_timer", C::Sensing, S::Stack, Sem::CallStmt, "robot.reset_timer", {}, "robot"));
    t.push_back(make("robot.led", C::Looks, S::Stack, Sem::CallStmt, "robot.led",
                     {{"colour", InputKind::Dropdown, "green", {"off", "red", "green", "blue", "yellow", "orange", "white"}}},
                     "robot"));
    t.push_back(make("robot.beep", C::Looks, S::Stack, Sem::CallStmt, "robot.beep", {}, "robot"));
    t.push_back(make("robot.say", C::Looks, S::Stack, Sem::CallStmt, "robot.say", {text("text", "")}, "robot"));
    // ---- looks ----
    t.push_back(make("looks.say", C::Looks, S::Stack, Sem::CallStmt, "print", {text("text", "")}));
    // ---- control ----
    t.push_back(make("control.wait", C::Control, S::Stack, Sem::CallStmt, "wait", {num("s", "1")}));
    t.push_back(make("control.repeat", C::Control, S::CBlock, Sem::Repeat, "",
                     {num("n", "4"), {"var", InputKind::LoopVar, "i", {}}}));
    BlockDef forever = make("control.forever", C::Control, S::CBlock, Sem::Forever);
    forever.terminal = true;
    t.push_back(forever);
    t.push_back(make("control.repeat_until", C::Control, S::CBlock, Sem::RepeatUntil, "", {boolean("cond")}));
    t.push_back(make("control.while", C::Control, S::CBlock, Sem::While, "", {boolean("cond")}));
    t.push_back(make("control.if", C::Control, S::CBlock, Sem::If, "", {boolean("cond")}));
    t.push_back(make("control.if_else", C::Control, S::IfElse, Sem::IfElse, "", {boolean("cond")}));
    // ---- operators ----
    t.push_back(binop("operators.add", Op::Add, S::Reporter, Sem::BinOp, InputKind::Number));
    t.push_back(binop("operators.sub", Op::Sub, S::Reporter, Sem::BinOp, InputKind::Number));
    t.push_back(binop("operators.mul", Op::Mul, S::Reporter, Sem::BinOp, InputKind::Number));
    t.push_back(binop("operators.div", Op::TrueDiv, S::Reporter, Sem::BinOp, InputKind::Number));
    t.push_back(binop("operators.mod", Op::Mod, S::Reporter, Sem::BinOp, InputKind::Number));
    t.push_back(make("operators.random", C::Operators, S::Reporter, Sem::CallExpr, "random.randint",
                     {num("a", "1"), num("b", "10")}));
    t.push_back(binop("operators.lt", Op::Lt, S::Boolean, Sem::Compare, InputKind::Text));
    t.push_back(binop("operators.gt", Op::Gt, S::Boolean, Sem::Compare, InputKind::Text));
    t.push_back(binop("operators.eq", Op::Eq, S::Boolean, Sem::Compare, InputKind::Text));
    t.push_back(binop("operators.le", Op::Le, S::Boolean, Sem::Compare, InputKind::Text));
    t.push_back(binop("operators.ge", Op::Ge, S::Boolean, Sem::Compare, InputKind::Text));
    t.push_back(binop("operators.ne", Op::Ne, S::Boolean, Sem::Compare, InputKind::Text));
    t.push_back(make("operators.and", C::Operators, S::Boolean, Sem::And, "", {boolean("a"), boolean("b")}));
    t.push_back(make("operators.or", C::Operators, S::Boolean, Sem::Or, "", {boolean("a"), boolean("b")}));
    t.push_back(make("operators.not", C::Operators, S::Boolean, Sem::Not, "", {boolean("a")}));
    // ---- variables ----
    t.push_back(make("data.set", C::Variables, S::Stack, Sem::SetVar, "", {variable(), text("value", "0")}));
    t.push_back(make("data.change", C::Variables, S::Stack, Sem::ChangeVar, "", {variable(), num("value", "1")}));
    t.push_back(make("data.variable", C::Variables, S::Reporter, Sem::GetVar, "", {variable()}));
    // ---- my blocks ----
    t.push_back(make("procedures.define", C::MyBlocks, S::Hat, Sem::Define, "", {{"name", InputKind::ProcName, "", {}}}));
    t.push_back(make("procedures.call", C::MyBlocks, S::Stack, Sem::CallProc, "", {{"name", InputKind::ProcName, "", {}}}));
    return t;
}

}  // namespace

const std::vector<BlockDef>& allBlocks() {
    static const std::vector<BlockDef> kTable = buildTable();
    return kTable;
}

const BlockDef* findBlock(std::string_view type) {
    for (const BlockDef& d : allBlocks())
        if (d.type == type) return &d;
    return nullptr;
}

uint32_t categoryColour(Category c) {
    switch (c) {
        case Category::Events: return 0xFFBF00;
        case Category::Motion: return 0x4C97FF;
        case Category::Looks: return 0x9966FF;
        case Category::Control: return 0xFFAB19;
        case Category::Sensing: return 0x5CB1D6;
        case Category::Operators: return 0x59C059;
        case Category::Variables: return 0xFF8C1A;
        case Category::Pen: return 0x0FBD8C;
        case Category::MyBlocks: return 0xFF6680;
        default: return 0x888888;
    }
}

const char* categoryName(Category c) {
    switch (c) {
        case Category::Events: return "events";
        case Category::Motion: return "motion";
        case Category::Looks: return "looks";
        case Category::Control: return "control";
        case Category::Sensing: return "sensing";
        case Category::Operators: return "operators";
        case Category::Variables: return "variables";
        case Category::Pen: return "pen";
        case Category::MyBlocks: return "myblocks";
        default: return "none";
    }
}

std::string categoryKey(Category c) { return std::string("blocks.cat.") + categoryName(c); }

std::vector<const BlockDef*> toolboxBlocks(std::string_view world_kind, const std::vector<std::string>& allowed) {
    std::vector<const BlockDef*> out;
    for (const BlockDef& d : allBlocks()) {
        if (!d.world.empty() && d.world != world_kind) continue;
        if (!allowed.empty() && d.sem != Sem::Start) {
            bool ok = false;
            for (const std::string& a : allowed) ok = ok || a == d.type;
            if (!ok) continue;
        }
        out.push_back(&d);
    }
    return out;
}

std::vector<LabelPart> splitLabel(const BlockDef& def, std::string_view tpl) {
    std::vector<LabelPart> parts;
    std::string text;
    size_t i = 0;
    while (i < tpl.size()) {
        if (tpl[i] == '{') {
            const size_t close = tpl.find('}', i);
            if (close != std::string_view::npos) {
                const std::string_view name = tpl.substr(i + 1, close - i - 1);
                int found = -1;
                for (size_t k = 0; k < def.inputs.size(); ++k)
                    if (def.inputs[k].name == name) found = static_cast<int>(k);
                if (found >= 0) {
                    if (!text.empty()) parts.push_back({std::move(text), -1});
                    text.clear();
                    parts.push_back({{}, found});
                    i = close + 1;
                    continue;
                }
            }
        }
        text += tpl[i++];
    }
    if (!text.empty()) parts.push_back({std::move(text), -1});
    return parts;
}

bool isReservedName(std::string_view name) {
    static const char* const kReserved[] = {"print", "range", "input", "int", "float", "str", "len", "abs", "round",
                                            "min", "max", "random", "math", "wait", "list", "bool", "sum"};
    for (const char* r : kReserved)
        if (name == r) return true;
    for (const BlockDef& d : allBlocks()) {
        const std::string_view call = std::string_view(d.call).substr(0, d.call.find('.'));
        if (!call.empty() && call == name) return true;
    }
    return false;
}

bool isValidName(std::string_view name) {
    if (name.empty() || name.size() > 64) return false;
    const pyish::LexResult lx = pyish::tokenize(name);
    if (!lx.error.ok() || lx.tokens.empty()) return false;
    if (lx.tokens[0].kind != pyish::TokKind::Name || lx.tokens[0].text != name) return false;
    for (size_t k = 1; k < lx.tokens.size(); ++k)
        if (lx.tokens[k].kind != pyish::TokKind::Newline && lx.tokens[k].kind != pyish::TokKind::End) return false;
    return true;
}

}  // namespace sandyq::blocks
