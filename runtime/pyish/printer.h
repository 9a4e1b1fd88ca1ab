// pyish/printer.h — Ast → canonical Python-style text (4-space indentation, one space around
// binary operators, minimal brackets). Used to show the text of a block program and to
// normalise pupils' code; printing then parsing again gives the same text.
// Depends on: pyish/ast.h only. Pure function, no errors (every Ast the parser makes prints).
#pragma once

#include <string>

#include "pyish/ast.h"

namespace sandyq::pyish {

std::string printAst(const Ast& ast);
std::string printNode(const Node& node);  // one statement or expression

}  // namespace sandyq::pyish
