// blocks/convert.h — blocks ⇄ program: a Workspace compiles to the ONE program model (through a
// pyish Ast, so the live Python-style view is the pyish printer's text of the same Ast), and
// Python-style text inside the block subset converts back to blocks exactly.
// Depends on: blocks/workspace.h, pyish (ast, printer, compiler), program. Core layer.
// Ownership: results are values. No globals.
// Errors: a problem in the blocks (a number field that is not a number, a call of a procedure
// that is not defined, …) is a Diagnostic whose `node` is the BLOCK id; text outside the block
// subset is a Diagnostic "blocks.err.not_a_block" with the line and the construct's text.
//
// What runs: stacks under "when ▶ clicked" (events.start), in stack order; when there is no
// such hat, every loose stack of statement blocks runs in stack order (grade 1 forgets the hat).
// Procedures (procedures.define) become `def name():` before the main code, with a `global`
// line for the variables they set; a random block adds `import random` at the top.
// Highlighting: the Vm's / Runner's currentNode() and Diagnostic::node are AST node ids of the
// compiled program; CompiledBlocks::blockAt(node) gives the block. Every line of `text`
// corresponds to the positions in the program (a runtime error's line is a line of `text`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "blocks/workspace.h"
#include "program/diagnostic.h"
#include "program/program.h"

namespace sandyq::blocks {

struct CompiledBlocks {
    program::Program program;              // valid when ok()
    std::string text;                      // the Python-style text (also when !ok(), if printable)
    program::Diagnostic error;             // error.node = block id (not an AST node)
    std::vector<BlockId> node_blocks;      // AST node id → block (index 0 unused)
    std::vector<BlockId> ignored_stacks;   // loose stacks that do not run (greyed in the editor)

    bool ok() const { return error.ok(); }
    BlockId blockAt(uint32_t node) const {
        return node < node_blocks.size() ? node_blocks[node] : BlockId{};
    }
};

CompiledBlocks compileWorkspace(const Workspace& ws);

// The Python-style text of the workspace (the live view); empty when the blocks have an error
// that stops printing (never for a workspace made by the editor's edits).
std::string workspaceText(const Workspace& ws);

struct TextToBlocks {
    Workspace workspace;          // valid when error.ok()
    program::Diagnostic error;    // syntax error, or "blocks.err.not_a_block" {construct} at a line
};

// Python-style text → blocks for the given world's block set ("maze", "turtle", "" = only
// world-independent blocks). Exact round trip: workspaceText(workspaceFromText(t)) == t for
// canonical text inside the subset (the pyish printer's output: defs first, 4-space indents).
TextToBlocks workspaceFromText(std::string_view source, std::string_view world_kind);

}  // namespace sandyq::blocks
