// pyish.parser: one mistake → one message at the right place, with the beginner's hint.
#include <doctest/doctest.h>

#include "pyish/pyish.h"

using namespace sandyq::pyish;
using sandyq::program::ExcKind;

namespace {
sandyq::program::Diagnostic err(const char* src) { return compile(src).error; }
}  // namespace

TEST_CASE("pyish.parser: one error for a missing colon, on the header line") {
    const auto d = err("x = 3\nif x > 2\n    print(x)\n    print(y y)\n");
    CHECK(d.exception == ExcKind::SyntaxError);
    CHECK(d.message_key == "py.syntax.missing_colon");
    CHECK(d.line == 2);
    CHECK(d.hint_key == "py.hint.missing_colon");
    REQUIRE(d.find("keyword") != nullptr);
    CHECK(d.find("keyword")->text == "if");
}

TEST_CASE("pyish.parser: = in a condition suggests ==") {
    const auto d = err("x = 3\nwhile x = 3:\n    x = 1\n");
    CHECK(d.message_key == "py.syntax.assign_in_condition");
    CHECK(d.line == 2);
    CHECK(d.hint_key == "py.hint.assign_in_condition");
}

TEST_CASE("pyish.parser: an unclosed bracket is reported where it was opened") {
    const auto d = err("a = 1\nprint(\"hi\", a\nb = 2\nprint(b)\n");
    CHECK(d.message_key == "py.syntax.never_closed");
    CHECK(d.line == 2);
    CHECK(d.column == 6);
    CHECK(d.find("bracket")->text == "(");
}

TEST_CASE("pyish.parser: an unclosed bracket at the end of the file") {
    const auto d = err("numbers = [1, 2,\n   3, 4\n");
    CHECK(d.message_key == "py.syntax.never_closed");
    CHECK(d.line == 1);
    CHECK(d.find("bracket")->text == "[");
}

TEST_CASE("pyish.parser: a block without indentation is IndentationError naming the header line") {
    const auto d = err("for i in range(3):\nprint(i)\n");
    CHECK(d.exception == ExcKind::IndentationError);
    CHECK(d.message_key == "py.indent.expected");
    CHECK(d.line == 2);
    CHECK(d.find("header_line")->number == 1);
}

TEST_CASE("pyish.parser: unexpected indent") {
    const auto d = err("x = 1\n    y = 2\n");
    CHECK(d.exception == ExcKind::IndentationError);
    CHECK(d.message_key == "py.indent.unexpected");
    CHECK(d.line == 2);
}

TEST_CASE("pyish.parser: constructs outside the lesson subset are named plainly") {
    for (const char* src : {"class Cat:\n    pass\n", "try:\n    x = 1\nexcept:\n    pass\n", "f = lambda x: x\n", "with open('f') as f:\n    pass\n"}) {
        const auto d = err(src);
        INFO(src);
        CHECK(d.message_key == "py.syntax.unsupported");
        CHECK(d.line == 1);
    }
    CHECK(err("class Cat:\n    pass\n").find("construct")->text == "class");
    CHECK(err("f = lambda x: x\n").find("construct")->text == "lambda");
}

TEST_CASE("pyish.parser: assigning to a literal suggests ==") {
    const auto d = err("5 = x\n");
    CHECK(d.message_key == "py.syntax.cannot_assign_literal");
    CHECK(d.hint_key == "py.hint.assign_vs_equal");
}

TEST_CASE("pyish.parser: print without brackets") {
    const auto d = err("print \"hello\"\n");
    CHECK(d.message_key == "py.syntax.print_parens");
}

TEST_CASE("pyish.parser: return and break outside their place are compile errors with the line") {
    CHECK(err("x = 1\nreturn x\n").message_key == "py.syntax.return_outside");
    CHECK(err("x = 1\nreturn x\n").line == 2);
    CHECK(err("if True:\n    break\n").message_key == "py.syntax.break_outside");
}

TEST_CASE("pyish.parser: deep nesting is an error, not a stack overflow") {
    std::string src = "x = " + std::string(5000, '(') + "1" + std::string(5000, ')') + "\n";
    const auto d = err(src.c_str());
    CHECK(d.exception == ExcKind::SyntaxError);
    CHECK(d.message_key == "py.syntax.too_nested");
}

TEST_CASE("pyish.parser: the program keeps a line table and a node table") {
    const auto c = compile("x = 1\n\ny = x + 2\n");
    REQUIRE(c.ok());
    const auto& p = c.program.protos[0];
    CHECK(p.positions.size() == p.code.size());
    CHECK(p.nodes.size() == p.code.size());
    bool saw_line3 = false;
    for (auto& pos : p.positions) saw_line3 = saw_line3 || pos.line == 3;
    CHECK(saw_line3);
}

TEST_CASE("pyish.parser: very long expressions and very deep blocks are errors, not crashes") {
    std::string chain = "x = 1";
    for (int k = 0; k < 50000; ++k) chain += "+1";
    chain += "\n";
    CHECK(compile(chain).error.message_key == "py.syntax.too_nested");
    std::string blocks;
    for (int k = 0; k < 150; ++k) blocks += std::string(k, ' ') + "if True:\n";
    blocks += std::string(150, ' ') + "pass\n";
    CHECK(compile(blocks).error.exception == ExcKind::IndentationError);
}

TEST_CASE("pyish.compiler: a nested def reading the outer function's variable is named as a closure") {
    const auto d = err("def outer():\n    n = 5\n    def inner():\n        return n + 1\n    return inner()\n");
    CHECK(d.message_key == "py.syntax.unsupported");
    CHECK(d.find("construct")->text == "closure");
    CHECK(d.line == 4);
    // its own variables and globals are fine
    CHECK(compile("g = 1\ndef outer():\n    def inner(n):\n        m = n\n        return m + g\n    return inner(2)\nprint(outer())\n").ok());
}
