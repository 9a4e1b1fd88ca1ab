// pyish: programs run end to end — semantics pupils notice, runtime errors with hints, budgets,
// and the kk/ru/en catalogue rendering of diagnostics.
#include <doctest/doctest.h>

#include <dirent.h>

#include <fstream>
#include <sstream>

#include "core/i18n.h"
#include "helpers.h"

using namespace sandyq::pyish;
using namespace sandyq::pyish::test;
using sandyq::program::ExcKind;
using sandyq::program::StepStatus;

TEST_CASE("pyish.run: Python's // and % on negatives, ** and true division") {
    CHECK(run("print(-7 // 2, -7 % 3, 7 % -3, 2 ** 10, 2 ** -1, 7 / 2, 6 / 3)\n").out == "-4 2 -2 1024 0.5 3.5 2.0\n");
    CHECK(run("print(-7.5 // 2, 7.5 % -2, 1e16, 0.1 + 0.2, -0.0)\n").out == "-4.0 -0.5 1e+16 0.30000000000000004 -0.0\n");
}

TEST_CASE("pyish.run: integer edge cases are exact or a clear OverflowError") {
    CHECK(run("print(9223372036854775807, -9223372036854775807 - 1)\n").out == "9223372036854775807 -9223372036854775808\n");
    const auto r = run("x = 2\nfor i in range(70):\n    x = x * 2\n");
    CHECK(r.error.exception == ExcKind::OverflowError);
    CHECK(r.error.line == 3);
    CHECK(run("print(abs(-5), round(2.5), round(3.5), round(-2.5), int(-3.9), int(' 42 '))\n").out == "5 2 4 -2 -3 42\n");
}

TEST_CASE("pyish.run: strings with Kazakh letters index, slice and change case by letters") {
    const auto r = run("s = 'Қазақстан'\nprint(len(s), s[0], s[-1], s[1:4], s[::-1], s.upper(), s.lower())\n");
    CHECK(r.out == "9 Қ н аза натсқазаҚ ҚАЗАҚСТАН қазақстан\n");
}

TEST_CASE("pyish.run: f-strings with format specs") {
    CHECK(run("x = 3.14159\nn = 7\ns = 'ok'\nprint(f'{x:.2f}|{n:3d}|{s:>5}|{n}{{}}|{x!r}|{s!r}')\n").out == "3.14|  7|   ok|7{}|3.14159|'ok'\n");
}

TEST_CASE("pyish.run: functions with defaults, keywords, recursion and global") {
    const char* src =
        "count = 0\n"
        "def add(a, b=10):\n"
        "    global count\n"
        "    count += 1\n"
        "    return a + b\n"
        "def fib(n):\n"
        "    if n < 2:\n"
        "        return n\n"
        "    return fib(n - 1) + fib(n - 2)\n"
        "print(add(1), add(1, 2), add(b=5, a=1), fib(20), count)\n";
    CHECK(run(src).out == "11 3 6 6765 3\n");
}

TEST_CASE("pyish.run: comprehensions, dicts keep insertion order, sorted with key and reverse") {
    const char* src =
        "words = 'алма алма өрік жүзім өрік алма'.split()\n"
        "c = {}\n"
        "for w in words:\n"
        "    c[w] = c.get(w, 0) + 1\n"
        "print(c)\n"
        "print(sorted(c, key=len, reverse=True))\n"
        "print([x * x for x in range(6) if x % 2 == 1], {k: v for k, v in c.items() if v > 1})\n";
    CHECK(run(src).out ==
          "{'алма': 3, 'өрік': 2, 'жүзім': 1}\n['жүзім', 'алма', 'өрік']\n[1, 9, 25] {'алма': 3, 'өрік': 2}\n");
}

TEST_CASE("pyish.run: a misspelt name suggests the right one") {
    const auto r = run("балалар = 5\nprint(балалр)\n");
    CHECK(r.error.exception == ExcKind::NameError);
    CHECK(r.error.line == 2);
    CHECK(r.error.hint_key == "py.hint.did_you_mean");
    CHECK(r.error.find("suggestion")->text == "балалар");
}

TEST_CASE("pyish.run: a Latin letter inside a Cyrillic name is named as such") {
    // "сан" typed with a Latin 'a' in the second use
    const auto r = run("сан = 5\nprint(сaн + 1)\n");
    CHECK(r.error.exception == ExcKind::NameError);
    CHECK(r.error.hint_key == "py.hint.lookalike_letters");
    CHECK(r.error.find("suggestion")->text == "сан");
}

TEST_CASE("pyish.run: str + int explains how to join or count") {
    const auto r = run("age = 10\nprint('Жасым: ' + age)\n");
    CHECK(r.error.exception == ExcKind::TypeError);
    CHECK(r.error.line == 2);
    CHECK(r.error.hint_key == "py.hint.str_plus_int");
}

TEST_CASE("pyish.run: calling a number hints at a missing *") {
    const auto r = run("x = 2\ny = x(3 + 4)\n");
    CHECK(r.error.exception == ExcKind::TypeError);
    CHECK(r.error.hint_key == "py.hint.call_number");
}

TEST_CASE("pyish.run: index out of range tells the list's length") {
    const auto r = run("a = [10, 20, 30]\nprint(a[3])\n");
    CHECK(r.error.exception == ExcKind::IndexError);
    CHECK(r.error.line == 2);
    CHECK(r.error.find("n")->number == 3);
    CHECK(r.error.find("last")->number == 2);
}

TEST_CASE("pyish.run: an endless loop stops with the number of rounds") {
    sandyq::program::Limits limits;
    limits.max_instructions = 100'000;
    const auto r = run("i = 0\nwhile i < 10:\n    print(i)\n", limits);
    CHECK(r.error.exception == ExcKind::TimeoutError);
    CHECK(r.error.message_key == "py.err.endless_loop");
    CHECK(r.error.line == 2);
    CHECK(r.error.find("n")->number > 1000);
}

TEST_CASE("pyish.run: recursion without a base case is RecursionError naming the function") {
    const auto r = run("def down(n):\n    return down(n - 1)\nprint(down(5))\n");
    CHECK(r.error.exception == ExcKind::RecursionError);
    CHECK(r.error.line == 2);
    CHECK(r.error.find("name")->text == "down");
    CHECK(r.error.hint_key == "py.hint.recursion");
}

TEST_CASE("pyish.run: the memory budget ends a run that keeps doubling a list") {
    sandyq::program::Limits limits;
    limits.max_memory_bytes = 32u << 20;
    const auto r = run("a = [1]\nwhile True:\n    a = a + a\n", limits);
    CHECK(r.error.exception == ExcKind::MemoryError);
}

TEST_CASE("pyish.run: garbage is collected, so long loops with temporary lists stay small") {
    sandyq::program::Limits limits;
    limits.max_memory_bytes = 64u << 20;
    const auto r = run("total = 0\nfor i in range(300000):\n    t = [i, i + 1, [i]]\n    total += len(t)\nprint(total)\n", limits);
    CHECK(r.error.ok());
    CHECK(r.out == "900000\n");
}

TEST_CASE("pyish.run: input answers are read in order; running out is EOFError") {
    CHECK(run("a = int(input())\nb = int(input())\nprint(a + b)\n", {}, {"2", "40"}).out == "42\n");
    const auto r = run("a = input()\nb = input()\n", {}, {"1"});
    CHECK(r.error.exception == ExcKind::EOFError);
    CHECK(r.error.line == 2);
}

TEST_CASE("pyish.run: import random is deterministic per seed") {
    const char* src = "import random\nprint([random.randint(1, 100) for i in range(5)])\n";
    sandyq::program::Limits a, b;
    a.random_seed = b.random_seed = 7;
    CHECK(run(src, a).out == run(src, b).out);
    b.random_seed = 8;
    CHECK(run(src, a).out != run(src, b).out);
}

namespace {
std::string readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}
}  // namespace

TEST_CASE("pyish.messages: every error shows in kk, ru and en from the catalogues") {
    sandyq::text::Translator tr;
    for (auto lang : sandyq::text::kAllLangs) {
        const std::string path = std::string(SANDYQ_SOURCE_DIR) + "/assets/i18n/" + std::string(sandyq::text::langCode(lang)) + "/pyish.json";
        REQUIRE(tr.catalogue(lang).addJson(readFile(path), path).ok());
    }
    const auto r = run("a = [1, 2, 3]\nprint(a[5])\n");
    tr.setLanguage(sandyq::text::Lang::Kk);
    CHECK(sandyq::program::renderMessage(tr, r.error) == "5 деген орын жоқ: list ішінде небәрі 3 элемент бар.");
    tr.setLanguage(sandyq::text::Lang::Ru);
    CHECK(sandyq::program::renderMessage(tr, r.error) == "Позиции 5 нет: в list всего 3 элемента.");
    tr.setLanguage(sandyq::text::Lang::En);
    CHECK(sandyq::program::renderMessage(tr, r.error) == "Position 5 does not exist: the list has only 3 elements.");
    CHECK(sandyq::program::renderHint(tr, r.error) == "Positions go from 0 to 2.");
    // Every key the front end and VM produce for these programs exists in every language.
    for (const char* src : {"if x = 1:\n  pass\n", "print(y)\n", "x = 1 + 'a'\n", "for i in range(3)\n  pass\n",
                            "class A:\n  pass\n", "print((1, 2\n", "def f():\n  return f()\nf()\n", "d = {}\nd['k']\n"}) {
        const auto e = run(src).error;
        INFO(src);
        REQUIRE_FALSE(e.ok());
        for (auto lang : sandyq::text::kAllLangs) {
            CHECK(tr.catalogue(lang).find(e.message_key) != nullptr);
            if (!e.hint_key.empty()) CHECK(tr.catalogue(lang).find(e.hint_key) != nullptr);
        }
    }
}

TEST_CASE("pyish.run: s += ... builds strings in place but never changes another variable's text") {
    const char* src =
        "s = ''\n"
        "for c in 'әлем':\n"
        "    s += c\n"
        "t = s\n"
        "s += '!'\n"
        "parts = [s]\n"
        "s += '?'\n"
        "def f(x):\n"
        "    x += 'x'\n"
        "    return x\n"
        "print(t, s, parts, f(s), s, len(s), s[-1], s.upper())\n";
    CHECK(run(src).out == "әлем әлем!? ['әлем!'] әлем!?x әлем!? 6 ? ӘЛЕМ!?\n");
}

TEST_CASE("pyish.run: deeply nested values compare, hash and print without crashing") {
    const auto r = run("a = []\nb = []\nfor i in range(5000):\n    a = [a]\n    b = [b]\nprint(a < b)\n");
    CHECK(r.error.exception == ExcKind::RecursionError);
    const auto t = run("t = ()\nfor i in range(5000):\n    t = (t,)\nd = {t: 1}\n");
    CHECK(t.error.exception == ExcKind::RecursionError);
    const auto p = run("a = [1]\na.append(a)\nprint(a)\n");
    CHECK(p.out == "[1, [...]]\n");
}

TEST_CASE("pyish.run: stepLine moves line by line so the UI can highlight the running line") {
    CompileResult c = compile("x = 1\ny = 2\nfor i in range(2):\n    x += i\nprint(x)\n");
    REQUIRE(c.ok());
    StringHost host;
    sandyq::program::Vm vm(c.program, host);
    std::vector<uint32_t> seen;
    for (int k = 0; k < 20; ++k) {
        seen.push_back(vm.currentPosition().line);
        if (vm.stepLine() != StepStatus::Running) break;
    }
    CHECK(vm.status() == StepStatus::Finished);
    CHECK(host.out == "2\n");
    const std::vector<uint32_t> want = {1, 2, 3, 4, 3, 4, 3, 5};
    CHECK(seen == want);
}

namespace {
struct RobotHost : StringHost {
    std::vector<std::string> log;
    sandyq::program::WorldReply worldCommand(uint32_t id, const std::vector<sandyq::program::WorldArg>& args) override {
        std::string entry = std::to_string(id) + ":";
        for (auto& a : args) entry += " " + (a.kind == sandyq::program::WorldArg::Kind::Str ? a.text : std::to_string(a.integer));
        log.push_back(entry);
        sandyq::program::WorldReply r;
        if (id == 1) {  // is_wall() answers True on the third question
            r.value.kind = sandyq::program::WorldArg::Kind::Bool;
            r.value.integer = log.size() >= 5 ? 1 : 0;
        }
        return r;
    }
};
}  // namespace

TEST_CASE("pyish.run: world commands, incl. robot.motors(...), yield once per action") {
    CompileResult c = compile("while not is_wall():\n    forward(1)\nrobot.motors(50, 50, 1)\nforward()\n");
    REQUIRE(c.ok());
    RobotHost host;
    sandyq::program::Vm vm(c.program, host);
    CHECK(vm.addWorldCommand("forward", 1, 1) == 0);
    CHECK(vm.addWorldCommand("is_wall", 0, 0) == 1);
    CHECK(vm.addWorldCommand("robot.motors", 3, 3) == 2);
    int yields = 0;
    while (vm.step(10000) == StepStatus::Yielded) ++yields;
    CHECK(yields == 6);  // is_wall, forward, is_wall, forward, is_wall, motors
    CHECK(vm.status() == StepStatus::Faulted);  // forward() without its argument
    CHECK(vm.diagnostic().exception == ExcKind::TypeError);
    CHECK(vm.diagnostic().line == 4);
    const std::vector<std::string> want = {"1:", "0: 1", "1:", "0: 1", "1:", "2: 50 50 1"};
    CHECK(host.log == want);
}
