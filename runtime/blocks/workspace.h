// blocks/workspace.h — the WORKSPACE model of the block editor (no UI): stacks of blocks with
// positions, edits with Scratch's connection rules, undo/redo, a compact text form stored with
// progress. The editor widget (ui/) draws it and calls these edits; blocks/convert.h turns it
// into a program and Python-style text and back.
// Depends on: blocks/defs.h, core/status.h. Core layer (no SDL, ImGui, Emscripten or Lua).
// Ownership: a Workspace owns its blocks; callers hold BlockIds (stable for the workspace's
// life, kept by serialisation, never reused), never pointers (block() pointers are valid only
// until the next edit).
// Errors: an edit that breaks a rule changes nothing and returns a Status with a catalogue key
// ("blocks.err.*"); corrupt saved text is Status{Corrupt, "blocks.err.corrupt", where = byte
// offset} — never a crash.
//
// Contract of the edits (each successful one is ONE undo step):
//  - a block moves together with the blocks below it (Scratch's drag); remove() takes one block
//    (with what sits in its inputs and branches) and closes the gap below it;
//  - Hat blocks start stacks only; value blocks (Reporter/Boolean) go into inputs or lie loose;
//    a Boolean slot takes only Boolean blocks; nothing follows a terminal block (forever);
//  - dropping a value block onto an occupied input pushes the old one out as a loose block.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "blocks/defs.h"
#include "core/status.h"

namespace sandyq::blocks {

struct BlockId {
    uint32_t value = 0;  // 0 is never a block
    bool valid() const { return value != 0; }
    bool operator==(const BlockId& o) const { return value == o.value; }
    bool operator!=(const BlockId& o) const { return value != o.value; }
};

struct Input {
    std::string value;     // the literal: number, text, dropdown option, variable or procedure name
    bool is_text = false;  // Text slots: a string even if it looks like a number ('5')
    BlockId block;         // a Reporter/Boolean block in the slot (the literal stays underneath)
};

struct Block {
    BlockId id;
    const BlockDef* def = nullptr;   // nullptr: a deleted id
    std::vector<Input> inputs;       // parallel to def->inputs
    std::vector<BlockId> branches;   // first block of each branch (def->branchCount())
    BlockId next;                    // the block below
    BlockId parent;                  // block above / C-block of this branch / owner of the input
    float x = 0, y = 0;              // position of a stack's top block (workspace units)
};

// Where a block (with the blocks below it) goes.
struct Target {
    enum class Kind : uint8_t { None = 0, TopLevel, After, Branch, Input, Above };
    Kind kind = Kind::None;
    BlockId block;      // After: the block to follow; Branch/Input: the owner; Above: a stack top
    int index = 0;      // Branch: 0 (then) or 1 (else); Input: index into inputs
    float x = 0, y = 0; // TopLevel

    static Target topLevel(float x, float y) { Target t; t.kind = Kind::TopLevel; t.x = x; t.y = y; return t; }
    static Target after(BlockId b) { Target t; t.kind = Kind::After; t.block = b; return t; }
    static Target branch(BlockId b, int i = 0) { Target t; t.kind = Kind::Branch; t.block = b; t.index = i; return t; }
    static Target input(BlockId b, int i) { Target t; t.kind = Kind::Input; t.block = b; t.index = i; return t; }
    static Target above(BlockId top) { Target t; t.kind = Kind::Above; t.block = top; return t; }
};

// What a step allows: its world's blocks, an optional list of block types, a maximum number of
// blocks (0 = no limit). The "when ▶ clicked" hat is always allowed and never counted.
struct Toolbox {
    std::string world;                 // "maze", "turtle", "" = any
    std::vector<std::string> allowed;  // empty = every block of the world
    uint32_t max_blocks = 0;
};

class Workspace {
public:
    // ---- queries ----
    const Block* block(BlockId id) const;           // nullptr for an unknown/deleted id
    const std::vector<BlockId>& stacks() const { return state_.stacks; }  // top blocks, stable order
    const std::vector<std::string>& variables() const { return state_.variables; }
    std::vector<BlockId> allBlocks() const;         // every live block, by id
    size_t blockCount() const;                      // live blocks except events.start hats
    size_t countOfType(std::string_view type) const;
    // Of the block types a step requires ("use a repeat block"), those not in the workspace.
    std::vector<std::string> missingBlocks(const std::vector<std::string>& required) const;
    std::vector<BlockId> chain(BlockId first) const;  // first and the blocks below it
    BlockId topOf(BlockId id) const;                // the top block of the stack holding id
    // Every block as a reader meets it: stack by stack, each block, then what sits in its
    // inputs, its branches, and the block below (keyboard navigation: previous / next).
    std::vector<BlockId> readingOrder() const;
    // Whether move(b, where) / add(type, where) would succeed (for the editor's drop preview).
    bool canMove(BlockId b, const Target& where) const;
    bool canPlace(const BlockDef& def, const Target& where) const;
    const Toolbox& toolbox() const { return toolbox_; }
    void setToolbox(Toolbox t) { toolbox_ = std::move(t); }
    // The blocks the palette shows (toolboxBlocks of the toolbox).
    std::vector<const BlockDef*> palette() const;

    // ---- edits (one undo step each; on failure nothing changes) ----
    // A new block from the palette with its default values. "blocks.err.not_allowed",
    // "blocks.err.max_blocks", "blocks.err.unknown_block", "blocks.err.cannot_connect".
    Result<BlockId> add(std::string_view type, const Target& where);
    Status move(BlockId b, const Target& where);
    Status remove(BlockId b);          // one block (+ its inputs and branches); the rest closes up
    Status removeStack(BlockId b);     // b and every block below it (drop on the palette)
    Result<BlockId> duplicate(BlockId b, float x, float y);  // b and below, as a new stack
    // A literal of an input: numbers ("blocks.err.not_a_number"), dropdown options, variable
    // names that exist, valid procedure names; text up to 200 bytes.
    Status setValue(BlockId b, int input, std::string_view value);
    Status addVariable(std::string_view name);       // "blocks.err.bad_name", "blocks.err.name_taken"
    Status renameVariable(std::string_view from, std::string_view to);  // updates every block
    Status removeVariable(std::string_view name);    // "blocks.err.variable_used" while in use
    // The editor's "clean up": stacks in one column from (x0, y0), `gap` apart; stack_height
    // gives a stack's drawn height (null: 40 units per block in the chain). One undo step.
    void cleanUp(const std::function<float(BlockId)>& stack_height = nullptr, float x0 = 20, float y0 = 20, float gap = 40);
    void clear();

    bool canUndo() const { return !undo_.empty(); }
    bool canRedo() const { return !redo_.empty(); }
    bool undo();
    bool redo();
    static constexpr size_t kMaxUndo = 100;
    static constexpr size_t kMaxBlocks = 5000;  // hard cap against runaway duplication

    // ---- for the serialiser and converters (no undo step) ----
    struct State {
        std::vector<Block> blocks{Block{}};  // indexed by id; [0] unused
        std::vector<BlockId> stacks;
        std::vector<std::string> variables;
    };
    const State& state() const { return state_; }
    // Builds blocks directly (text→blocks, parsing); `id` 0 = next free id. No rule checks
    // beyond ids; callers link them with linkRaw.
    BlockId createRaw(const BlockDef& def, uint32_t id = 0);
    Block* mutableBlock(BlockId id);
    void addStackRaw(BlockId top, float x, float y);
    void addVariableRaw(std::string name);
    void forgetHistory() { undo_.clear(); redo_.clear(); }

private:
    void checkpoint();  // before an edit
    Status placeChecked(BlockId b, const Target& where);
    void detach(BlockId b);
    void attach(BlockId first, const Target& where);
    void destroy(BlockId b);  // b with inputs and branches (not next)
    bool contains(BlockId root, BlockId needle, bool follow_next) const;
    BlockId copyTree(BlockId b, bool follow_next);
    Status checkAdd(const BlockDef& def) const;
    bool nameTaken(std::string_view name) const;

    State state_;
    std::vector<State> undo_, redo_;
    Toolbox toolbox_;
};

// ---- compact text form (stored with progress) ----
// "sqb1" then items: `v "name"` (a variable) and `s X Y [block…]` (a stack at X,Y); a block is
// `(id type input… branch…)` with each input `"literal"` or `t"literal"` (text) optionally
// followed by a nested `(block)`, each branch `[block…]`. Example:
//   sqb1 s 20 20 [(1 events.start) (2 maze.forward "3") (3 control.repeat "4" "i" [(4 maze.turn_left)])]
std::string serialize(const Workspace& ws);
// Never crashes on damaged text: Status{Corrupt, "blocks.err.corrupt", where = byte offset} or
// {Corrupt, "blocks.err.unknown_block", detail = type}. The toolbox is not stored.
Result<Workspace> parseWorkspace(std::string_view text);

// Does the literal read as a number for a Number input ("12", "-3", "2.5")?
bool looksNumeric(std::string_view s);

}  // namespace sandyq::blocks
