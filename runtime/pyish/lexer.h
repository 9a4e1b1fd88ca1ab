// pyish/lexer.h — tokens of the Python-style language: INDENT/DEDENT from leading whitespace,
// Cyrillic/Kazakh identifiers, strings (incl. f-strings, triple quotes), numbers, operators.
// Depends on: core/utf8, program/diagnostic. No allocation outlives the returned vector.
// Errors: the first lexical mistake is returned as a Diagnostic (SyntaxError, IndentationError,
// TabError) with line/column; tokens after it are not produced (one error, no cascade).
// Tabs vs spaces follow CPython: indentation compared with tab size 8 and tab size 1 must agree.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "program/diagnostic.h"

namespace sandyq::pyish {

enum class TokKind : uint8_t { None = 0, Name, Keyword, Int, Float, Str, Op, Newline, Indent, Dedent, End };

struct Token {
    TokKind kind = TokKind::None;
    std::string text;        // name, keyword, operator spelling, or the decoded string value
    int64_t integer = 0;
    double real = 0;
    bool fstring = false;    // Str: text is the raw body of an f-string (parsed by the parser)
    bool raw = false;        // Str: r-prefix
    uint32_t line = 0;       // 1-based
    uint32_t column = 0;     // 1-based, code points
    uint32_t body_line = 0, body_column = 0;  // f-string: where the body starts
    char open_bracket = 0;   // innermost bracket still open at this token (0 = none)
    uint32_t open_line = 0, open_column = 0;
    bool is(TokKind k, std::string_view t) const { return kind == k && text == t; }
    bool op(std::string_view t) const { return kind == TokKind::Op && text == t; }
    bool kw(std::string_view t) const { return kind == TokKind::Keyword && text == t; }
};

struct LexResult {
    std::vector<Token> tokens;  // ends with End on success
    program::Diagnostic error;  // error.ok() on success
};

LexResult tokenize(std::string_view source);

// Decodes escapes of a (non-raw) string body; false with a Diagnostic key for a bad escape.
bool decodeEscapes(std::string_view body, std::string& out);

}  // namespace sandyq::pyish
