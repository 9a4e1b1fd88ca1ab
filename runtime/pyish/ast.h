// pyish/ast.h — the syntax tree of a Python-style program (what the parser produces and the
// compiler consumes; later also the printer and program→blocks).
// Depends on: program/program.h (operator codes) only.
// Ownership: an Ast owns all its Nodes (arena); Node pointers are valid while the Ast lives.
// Node ids (Node::id) are stable small integers, stored in the program's source-node table.
// Errors: none; the parser reports mistakes before an Ast is returned.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "program/program.h"

namespace sandyq::pyish {

enum class NodeKind : uint8_t {
    None = 0,
    // expressions
    Name, Int, Float, Str, FString, FormattedValue, NoneLit, True, False,
    List, Tuple, Dict, BinOp, UnaryOp, And, Or, Compare, Call, Keyword, Attribute, Subscript, Slice,
    IfExp, ListComp, DictComp, Comprehension, Starred,
    // statements
    Module, Block, ExprStmt, Assign, AugAssign, If, While, For, Break, Continue, Pass, Def, Param,
    Return, Global, Import, ImportFrom, Alias, Del, Assert,
};

struct Node {
    NodeKind kind = NodeKind::None;
    program::Op op = program::Op::None;  // BinOp, UnaryOp, AugAssign
    uint32_t id = 0;
    uint32_t line = 0, column = 0;
    std::string text;                    // names, string values, attribute names, module names
    std::string text2;                   // alias (`import math as m`)
    int64_t integer = 0;                 // Int value; FormattedValue conversion (0, 's', 'r')
    double real = 0;
    std::vector<Node*> kids;             // children; may contain nullptr for absent parts
    std::vector<program::Op> ops;        // Compare: one per comparison
};

class Ast {
public:
    Node* make(NodeKind kind, uint32_t line, uint32_t column) {
        nodes_.push_back(std::make_unique<Node>());
        Node* n = nodes_.back().get();
        n->kind = kind;
        n->id = static_cast<uint32_t>(nodes_.size());
        n->line = line;
        n->column = column;
        return n;
    }
    Node* root = nullptr;
    size_t size() const { return nodes_.size(); }

private:
    std::vector<std::unique_ptr<Node>> nodes_;
};

}  // namespace sandyq::pyish
