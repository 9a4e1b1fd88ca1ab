// pyish/pyish.h — the Python-style front end: text → Ast → program::Program.
// Depends on: pyish/lexer.h, pyish/ast.h, program/program.h, program/diagnostic.h.
// Ownership: results are returned by value (Ast owns its nodes; Program is plain data).
// Errors: the first mistake stops the front end (one error, no cascade) and comes back as a
// Diagnostic: SyntaxError / IndentationError / TabError with line, column, message key, args
// and a hint key for the usual beginner mistakes (missing colon, `=` in a condition, unclosed
// bracket or quote pointing at where it opened, constructs this lesson's Python lacks).
#pragma once

#include <memory>
#include <string_view>

#include "program/diagnostic.h"
#include "program/program.h"
#include "pyish/ast.h"

namespace sandyq::pyish {

struct ParseResult {
    std::unique_ptr<Ast> ast;     // null on error
    program::Diagnostic error;
};

struct CompileResult {
    program::Program program;     // valid when error.ok()
    program::Diagnostic error;
    bool ok() const { return error.ok(); }
};

ParseResult parse(std::string_view source);
// Compiles a parsed module (also reports compile-time errors such as `return` outside a def).
CompileResult compileAst(const Ast& ast);
// parse + compileAst.
CompileResult compile(std::string_view source);

}  // namespace sandyq::pyish
