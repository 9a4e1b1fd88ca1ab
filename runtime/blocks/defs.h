// blocks/defs.h — block DEFINITIONS as data (Scratch/Blockly style): category, colour, shape,
// inputs, the catalogue key of the label, and the program construct each block maps to (the same
// names as the Python-style text: block "move 2 steps" = `forward(2)`).
// Depends on: program/program.h (operator codes) and the standard library. Core layer.
// Ownership: the definition table is immutable static data; look-ups return pointers into it
// that stay valid for the program's lifetime.
// Errors: none (unknown types give nullptr).
//
// Labels: "blocks.<type>" in assets/i18n/<lang>/blocks.json is a WHOLE phrase with the inputs
// as placeholders, e.g. "blocks.maze.forward" = "{n} қадам алға жүр" / "иди вперёд (шагов: {n})".
// Never glue suffixes onto values (Kazakh vowel harmony). Inputs of kind LoopVar are not shown.
// Category names: "blocks.cat.<name>"; dropdown options: "blocks.opt.<option>".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "program/program.h"

namespace sandyq::blocks {

enum class Category : uint8_t { None = 0, Events, Motion, Looks, Control, Sensing, Operators, Variables, Pen, MyBlocks };

// Puzzle-piece shapes: Hat starts a script; Stack has a notch above and below; CBlock wraps one
// branch; IfElse wraps two; Reporter (round) and Boolean (hexagonal) sit in inputs.
enum class Shape : uint8_t { None = 0, Hat, Stack, CBlock, IfElse, Reporter, Boolean };

enum class InputKind : uint8_t {
    None = 0,
    Number,    // a number field, or a Reporter/Boolean block
    Text,      // any value: text or number field, or a Reporter/Boolean block
    Boolean,   // hexagonal slot: only a Boolean block (empty = False)
    Dropdown,  // one of InputDef::options (a literal, no blocks)
    Variable,  // a variable name (the workspace's variable list)
    ProcName,  // a procedure name (My Blocks)
    LoopVar,   // hidden: the loop variable of `repeat` (`for i in range(n)`)
};

// What the block means in the program (the blocks→program compiler switches on this).
enum class Sem : uint8_t {
    None = 0,
    Start,        // hat: the main script
    CallStmt,     // `call(inputs…)` as a statement (world commands, wait, print)
    CallExpr,     // `call(inputs…)` as a value (world queries, random.randint)
    Repeat,       // for <var> in range(n):
    RepeatUntil,  // while not cond:
    While,        // while cond:
    Forever,      // while True:
    If,           // if cond:
    IfElse,       // if cond: … else: …
    BinOp,        // a op b (arithmetic)
    Compare,      // a op b (comparison)
    And, Or, Not,
    SetVar,       // var = value
    ChangeVar,    // var += value
    GetVar,       // var
    Define,       // hat: def name():
    CallProc,     // name()
    WaitUntil,    // while not cond: pass   (the robot's "wait until …": queries pass robot time)
    CallCompare,  // call() op input 0, e.g. `robot.color() == "black"`, `robot.distance() < 10`
};

struct InputDef {
    std::string name;                  // placeholder in the label, e.g. "n"
    InputKind kind = InputKind::None;
    std::string default_value;         // literal a new block starts with
    std::vector<std::string> options;  // Dropdown values (also the text in the program)
};

struct BlockDef {
    std::string type;                  // "maze.forward": stable, stored in saved workspaces
    Category category = Category::None;
    Shape shape = Shape::None;
    Sem sem = Sem::None;
    std::string call;                  // CallStmt/CallExpr/CallCompare: "forward", "random.randint"
    program::Op op = program::Op::None;  // BinOp/Compare/CallCompare
    std::vector<InputDef> inputs;
    std::string world;                 // "maze", "turtle"; empty = every world
    bool terminal = false;             // nothing can follow (forever)

    std::string labelKey() const { return "blocks." + type; }
    int branchCount() const { return shape == Shape::CBlock ? 1 : shape == Shape::IfElse ? 2 : 0; }
    bool isStatement() const { return shape == Shape::Stack || shape == Shape::CBlock || shape == Shape::IfElse; }
    bool isValue() const { return shape == Shape::Reporter || shape == Shape::Boolean; }
};

// Every block, in palette order.
const std::vector<BlockDef>& allBlocks();
const BlockDef* findBlock(std::string_view type);

// 0xRRGGBB of a category (Scratch 3 colours, so pupils recognise them).
uint32_t categoryColour(Category c);
const char* categoryName(Category c);        // "motion"
std::string categoryKey(Category c);          // "blocks.cat.motion"

// The toolbox of a step: blocks of this world (and world-independent ones); when `allowed` is
// not empty, only the types it lists (in palette order) and the "when ▶ clicked" hat, which is
// always there.
std::vector<const BlockDef*> toolboxBlocks(std::string_view world_kind, const std::vector<std::string>& allowed = {});

// A label template split into text pieces and input placeholders, for the editor:
// "{n} қадам алға жүр" → [{input 0}, {" қадам алға жүр"}]. Unknown placeholders stay text.
struct LabelPart {
    std::string text;   // literal text (empty for an input)
    int input = -1;     // index into BlockDef::inputs, or -1
};
std::vector<LabelPart> splitLabel(const BlockDef& def, std::string_view label_template);

// A valid variable / procedure name (a Python identifier; Cyrillic letters allowed; no keyword).
bool isValidName(std::string_view name);
// A name a variable or procedure must not take: a block's command (forward, robot, wait) or a
// builtin the blocks use (print, range, random).
bool isReservedName(std::string_view name);

}  // namespace sandyq::blocks
