// pyish.lexer: INDENT/DEDENT, tabs vs spaces, Cyrillic/Kazakh names, strings and numbers.
#include <doctest/doctest.h>

#include "pyish/lexer.h"

using namespace sandyq::pyish;
using sandyq::program::ExcKind;

namespace {
std::string kinds(const LexResult& r) {
    std::string s;
    for (const auto& t : r.tokens) {
        switch (t.kind) {
            case TokKind::Indent: s += "> "; break;
            case TokKind::Dedent: s += "< "; break;
            case TokKind::Newline: s += "; "; break;
            case TokKind::End: s += "$"; break;
            default: s += t.text + " "; break;
        }
    }
    return s;
}
}  // namespace

TEST_CASE("pyish.lexer: blocks become INDENT and DEDENT; blank and comment lines do not count") {
    const auto r = tokenize("if x:\n    y = 1\n\n    # note\n        \n    z\nw\n");
    REQUIRE(r.error.ok());
    CHECK(kinds(r) == "if x : ; > y = 1 ; z ; < w ; $");
}

TEST_CASE("pyish.lexer: nested blocks close with several DEDENTs at the end of input") {
    const auto r = tokenize("for i in a:\n  if i:\n    print(i)");
    REQUIRE(r.error.ok());
    CHECK(kinds(r) == "for i in a : ; > if i : ; > print ( i ) ; < < $");
}

TEST_CASE("pyish.lexer: tabs mixed with spaces are one clear error") {
    const auto r = tokenize("if x:\n\ty = 1\n        z = 2\n");
    CHECK(r.error.exception == ExcKind::TabError);
    CHECK(r.error.message_key == "py.indent.tabs_mixed");
    CHECK(r.error.line == 3);
    CHECK(r.error.hint_key == "py.hint.tabs_mixed");
}

TEST_CASE("pyish.lexer: tabs alone are fine when consistent") {
    const auto r = tokenize("if x:\n\ty = 1\n\tz = 2\n");
    CHECK(r.error.ok());
}

TEST_CASE("pyish.lexer: a dedent to a column never used is IndentationError") {
    const auto r = tokenize("if x:\n    y = 1\n  z = 2\n");
    CHECK(r.error.exception == ExcKind::IndentationError);
    CHECK(r.error.message_key == "py.indent.unindent_mismatch");
    CHECK(r.error.line == 3);
}

TEST_CASE("pyish.lexer: Kazakh and Russian identifiers and text") {
    const auto r = tokenize("сәлем = \"Қайырлы таң\"\nжылдар_саны2 = 12\n");
    REQUIRE(r.error.ok());
    CHECK(r.tokens[0].kind == TokKind::Name);
    CHECK(r.tokens[0].text == "сәлем");
    CHECK(r.tokens[2].kind == TokKind::Str);
    CHECK(r.tokens[2].text == "Қайырлы таң");
    CHECK(r.tokens[4].text == "жылдар_саны2");
    CHECK(r.tokens[6].column == 16);  // columns count letters, not bytes
}

TEST_CASE("pyish.lexer: an unclosed quote points at where the text began") {
    const auto r = tokenize("x = 1\nprint(\"сәлем)\n");
    CHECK(r.error.exception == ExcKind::SyntaxError);
    CHECK(r.error.message_key == "py.syntax.unterminated_string");
    CHECK(r.error.line == 2);
    CHECK(r.error.column == 7);
}

TEST_CASE("pyish.lexer: typographic quotes get their own hint") {
    const auto r = tokenize("print(«сәлем»)\n");
    CHECK(r.error.message_key == "py.syntax.invalid_character");
    CHECK(r.error.hint_key == "py.hint.smart_quotes");
}

TEST_CASE("pyish.lexer: numbers, underscores, escapes, triple quotes") {
    const auto r = tokenize("a = 1_000 + 0x1F + 2.5e3\ns = 'a\\tb\\n' \"\"\"x\ny\"\"\"\n");
    REQUIRE(r.error.ok());
    CHECK(r.tokens[2].integer == 1000);
    CHECK(r.tokens[4].integer == 31);
    CHECK(r.tokens[6].real == 2500.0);
    CHECK(r.tokens[10].text == "a\tb\n");
    CHECK(r.tokens[11].text == "x\ny");
}

TEST_CASE("pyish.lexer: a too big integer literal is an error, not wrap-around") {
    const auto r = tokenize("x = 99999999999999999999\n");
    CHECK(r.error.exception == ExcKind::OverflowError);
}
