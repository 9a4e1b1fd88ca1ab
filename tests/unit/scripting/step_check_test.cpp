// Checking coding steps: what the Check button tells a pupil about a Python-style program (output,
// input, constructs used, variables, Lua goals, errors, stars) and what packcheck reports about a
// step's reference solution and an empty program.
#include <doctest/doctest.h>

#include <string>

#include "scripting/pack_loader.h"
#include "scripting/packcheck.h"
#include "scripting/step_check.h"

using namespace sandyq;
using namespace sandyq::course;
using namespace sandyq::scripting;

namespace {

// A pack with one lesson whose steps are `steps` (Lua source of the steps list items).
MemoryPackSource packWith(const std::string& steps) {
    MemoryPackSource s("mem");
    s.add("pack.lua", R"lua(pack { id = "kz.test.steps", version = "1.0", grade = 5,
  title = { kk = "Пакет", ru = "Пакет" }, author = "T", licence = "CC BY 4.0",
  objectives = { "5.3.1.1" }, lessons = { "lesson.lua" } })lua");
    s.add("lesson.lua", "lesson { id = \"l1\", title = { kk = \"Сабақ\", ru = \"Урок\" },\n"
                        "  objectives = { \"5.3.1.1\" }, steps = {\n" + steps + "\n} }\n");
    return s;
}

struct Fixture {
    MemoryPackSource source;
    LoadedPack pack;
    explicit Fixture(const std::string& steps) : source(packWith(steps)), pack(loadPack(source)) {
        for (const auto& p : pack.problems.list()) INFO(p.message_key << " " << p.file << ":" << p.line);
        REQUIRE(pack.problems.list().empty());
        REQUIRE(pack.usable());
        REQUIRE(!pack.pack.lessons[0].steps.empty());
    }
    const Step& step(size_t i = 0) const { return pack.pack.lessons[0].steps.at(i); }
    StepOutcome check(std::string_view program, const StepCheckOptions& o = {}, size_t i = 0) {
        return checkCodingStep(pack, step(i), program, o);
    }
};

std::string arg(const GoalOutcome& g, std::string_view name) {
    for (const auto& a : g.args) {
        if (a.name == name) return a.value;
    }
    return "";
}

bool hasProblem(const Problems& ps, std::string_view key, int line = -1) {
    for (const auto& p : ps.list()) {
        if (p.message_key == key && (line < 0 || p.line == line)) return true;
    }
    return false;
}

const char* kHello = R"lua(python { id = "hello", task = { kk = "Сәлем", ru = "Привет" },
  goals = { { builtin = "output", text = "Сәлем, әлем!\n2\n" } },
  solution = "print('Сәлем, әлем!')\nprint(1 + 1)" })lua";

}  // namespace

TEST_CASE("scripting.step_check: the output goal passes the right program and names the first wrong line") {
    Fixture f(kHello);
    const StepOutcome ok = f.check("print('Сәлем, әлем!')\nprint(1 + 1)\n");
    CHECK(ok.passed);
    CHECK(ok.points == 1);
    CHECK(ok.stars == 3);
    CHECK(ok.output == "Сәлем, әлем!\n2\n");
    REQUIRE(ok.goals.size() == 1);
    CHECK(ok.goals[0].message_key.empty());

    const StepOutcome wrong = f.check("print('Сәлем, әлем!')\nprint(1 + 2)\n");
    CHECK_FALSE(wrong.passed);
    CHECK(wrong.points == 0);
    CHECK(wrong.stars == 0);
    REQUIRE(wrong.goals.size() == 1);
    CHECK(wrong.goals[0].message_key == "pack.check.output_line");
    CHECK(arg(wrong.goals[0], "line") == "2");
    CHECK(arg(wrong.goals[0], "expected") == "2");
    CHECK(arg(wrong.goals[0], "got") == "3");

    CHECK(f.check("").goals[0].message_key == "pack.check.output_none");
    CHECK(f.check("print('Сәлем, әлем!')").goals[0].message_key == "pack.check.output_short");
    const StepOutcome longer = f.check("print('Сәлем, әлем!')\nprint(2)\nprint(3)");
    CHECK(longer.goals[0].message_key == "pack.check.output_long");
    CHECK(arg(longer.goals[0], "got") == "3");
}

TEST_CASE("scripting.step_check: trailing spaces and empty lines at the end do not matter, letters do") {
    CHECK(normalizeOutput("a  \r\nb\t\n\n\n") == "a\nb");
    CHECK(normalizeOutput("  a") == "  a");
    CHECK(normalizeOutput("") == "");
    Fixture f(kHello);
    CHECK(f.check("print('Сәлем, әлем!   ')\nprint(2)\nprint()\nprint()").passed);
    CHECK_FALSE(f.check("print('Сәлем, әлем')\nprint(2)").passed);   // no "!"
    CHECK_FALSE(f.check("print('Салем, алем!')\nprint(2)").passed);  // Russian letters for Kazakh ones
}

TEST_CASE("scripting.step_check: inputs feed input(); a goal with its own inputs is a second test run") {
    Fixture f(R"lua(python { id = "sum", task = { kk = "Қос", ru = "Сложи" },
  world = { inputs = { "2", "3" } },
  goals = { { builtin = "output", text = "5" },
            { builtin = "output", text = "100", inputs = { "60", "40" } } },
  solution = "a = int(input('a = '))\nb = int(input())\nprint(a + b)" })lua");
    const StepOutcome ok = f.check("a = int(input('a = '))\nb = int(input())\nprint(a + b)");
    CHECK(ok.passed);
    CHECK(ok.output == "5\n");  // the prompt is not part of the checked output

    // A program that only prints the answer of the example passes the first run, not the second.
    const StepOutcome cheat = f.check("print(5)");
    CHECK_FALSE(cheat.passed);
    CHECK(cheat.goals[0].passed);
    CHECK(cheat.goals[1].message_key == "pack.check.output_line");

    // Reading more lines than given is the pupil's EOFError.
    const StepOutcome greedy = f.check("a = input()\nb = input()\nc = input()\nprint(a)");
    CHECK_FALSE(greedy.passed);
    CHECK(greedy.error.exception == program::ExcKind::EOFError);
    CHECK(greedy.goals[0].message_key == "pack.check.has_error");
}

TEST_CASE("scripting.step_check: `uses` asks for a construct or a function call") {
    Fixture f(R"lua(python { id = "loop", task = { kk = "Цикл", ru = "Цикл" },
  goals = { { builtin = "output", text = "1\n2\n3" }, { builtin = "uses", name = "for" },
            { builtin = "uses", name = "range" } },
  solution = "for i in range(1, 4):\n    print(i)" })lua");
    CHECK(f.check("for i in range(1, 4):\n    print(i)").passed);
    const StepOutcome by_hand = f.check("print(1)\nprint(2)\nprint(3)");
    CHECK_FALSE(by_hand.passed);
    CHECK(by_hand.goals[0].passed);
    CHECK(by_hand.goals[1].message_key == "pack.check.uses_construct.for");
    CHECK(by_hand.goals[2].message_key == "pack.check.uses_call");
    CHECK(arg(by_hand.goals[2], "name") == "range");
    const StepOutcome list_loop = f.check("for i in [1, 2, 3]:\n    print(i)");
    CHECK(list_loop.goals[1].passed);
    CHECK_FALSE(list_loop.goals[2].passed);
}

TEST_CASE("scripting.step_check: elif and else are told apart; methods count as calls") {
    Fixture f(R"lua(python { id = "grade", task = { kk = "Баға", ru = "Оценка" },
  world = { inputs = { "7" } },
  goals = { { builtin = "uses", name = "elif" }, { builtin = "uses", name = { "else", "upper" } } },
  solution = "x = int(input())\nif x > 8:\n    print('A'.upper())\nelif x > 5:\n    print('b'.upper())\nelse:\n    print('c')" })lua");
    CHECK(f.check(f.step().coding.solution).passed);
    const StepOutcome nested = f.check("x = int(input())\nif x > 8:\n    print('A'.upper())\nelse:\n    if x > 5:\n        print('B')");
    CHECK(nested.goals[0].message_key == "pack.check.uses_construct.elif");
    CHECK(nested.goals[1].passed);
    const StepOutcome no_else = f.check("x = int(input())\nif x > 8:\n    print('A'.upper())\nelif x > 5:\n    print('B')");
    CHECK(no_else.goals[0].passed);
    CHECK(no_else.goals[1].message_key == "pack.check.uses_construct.else");
}

TEST_CASE("scripting.step_check: max_lines counts code lines, not blank lines or comments") {
    CHECK(countCodeLines("# comment\n\nx = 1\n   \n  # indented comment\nprint(x)\n") == 2);
    Fixture f(R"lua(python { id = "short", task = { kk = "Қысқа", ru = "Коротко" },
  goals = { { builtin = "output", text = "3" }, { builtin = "max_lines", lines = 2 } },
  solution = "x = 1 + 2\nprint(x)" })lua");
    CHECK(f.check("# қосу\nx = 1 + 2\n\nprint(x)\n").passed);
    const StepOutcome long_one = f.check("x = 1\ny = 2\nprint(x + y)");
    CHECK(long_one.goals[1].message_key == "pack.check.too_many_lines");
    CHECK(arg(long_one.goals[1], "n") == "3");
    CHECK(arg(long_one.goals[1], "max") == "2");
}

TEST_CASE("scripting.step_check: the variable goal compares the final value (numbers, texts, lists)") {
    Fixture f(R"lua(python { id = "vars", task = { kk = "Айнымалы", ru = "Переменная" },
  goals = { { builtin = "variable", name = "жасы", value = 11 },
            { builtin = "variable", name = "тізім", value = { 1, 2, 3 } },
            { builtin = "variable", name = "аты", value = "Әлия" } },
  solution = "жасы = 11\nтізім = [1, 2, 3]\nаты = 'Әлия'" })lua");
    CHECK(f.check("жасы = 11.0\nтізім = [1, 2]\nтізім.append(3)\nаты = 'Әл' + 'ия'").passed);
    const StepOutcome wrong = f.check("жасы = 10\nтізім = [3, 2, 1]");
    CHECK(wrong.goals[0].message_key == "pack.check.variable_wrong");
    CHECK(arg(wrong.goals[0], "expected") == "11");
    CHECK(wrong.goals[1].message_key == "pack.check.variable_wrong");
    CHECK(wrong.goals[2].message_key == "pack.check.variable_missing");
}

TEST_CASE("scripting.step_check: Lua goals see output, lines, variables and the input/print trace") {
    Fixture f(R"lua(python { id = "lua", task = { kk = "Тексер", ru = "Проверь" },
  world = { inputs = { "Әлия" } },
  goals = {
    { check = function(run, trace)
        return run.lines[1] == "Сәлем, Әлия" and run.variables["аты"] == "Әлия"
          and trace[1].kind == "input" and trace[1].prompt == "Атың? " and trace[2].kind == "print"
      end,
      message = { kk = "Атын атап сәлемдес", ru = "Поздоровайся по имени" } },
  },
  solution = "аты = input('Атың? ')\nprint('Сәлем,', аты)" })lua");
    CHECK(f.check("аты = input('Атың? ')\nprint('Сәлем,', аты)").passed);
    const StepOutcome wrong = f.check("аты = input('Атың? ')\nprint('Сәлем')");
    CHECK_FALSE(wrong.passed);
    REQUIRE(wrong.goals.size() == 1);
    CHECK(wrong.goals[0].message_key == "pack.check.goal_failed");
    CHECK(wrong.goals[0].message.ru == "Поздоровайся по имени");  // the pack's own words win
}

TEST_CASE("scripting.step_check: syntax errors, runtime errors and endless loops are the pupil's Diagnostic") {
    Fixture f(kHello);
    const StepOutcome syntax = f.check("print('Сәлем, әлем!'\nprint(2)");
    CHECK_FALSE(syntax.passed);
    CHECK(syntax.error.exception == program::ExcKind::SyntaxError);
    CHECK(syntax.goals.at(0).message_key == "pack.check.has_error");

    const StepOutcome runtime = f.check("print('Сәлем, әлем!')\nprint(х)");  // Cyrillic х, undefined
    CHECK(runtime.error.exception == program::ExcKind::NameError);
    CHECK(runtime.error.line == 2);
    CHECK(runtime.output == "Сәлем, әлем!\n");  // what ran before the error is still shown

    StepCheckOptions small;
    small.max_instructions = 100'000;
    const StepOutcome endless = f.check("while True:\n    pass", small);
    CHECK_FALSE(endless.passed);
    CHECK(endless.error.exception == program::ExcKind::TimeoutError);
}

TEST_CASE("scripting.step_check: stars — 3 for a pass, one less per missed rule, unknown measures count as met") {
    Fixture f(R"lua(python { id = "stars", task = { kk = "Жұлдыз", ru = "Звёзды" },
  goals = { { builtin = "output", text = "6" } },
  stars = { max_lines = 1, no_hints = true, time = 60 },
  solution = "print(1 + 2 + 3)" })lua");
    const StepOutcome best = f.check("print(1 + 2 + 3)");
    CHECK(best.stars == 3);
    CHECK(best.star_rules.size() == 3);
    const StepOutcome longer = f.check("x = 1 + 2 + 3\nprint(x)");
    CHECK(longer.passed);
    CHECK(longer.stars == 2);
    StepCheckOptions slow;
    slow.hints_used = 2;
    slow.seconds_spent = 300;
    CHECK(f.check("x = 6\nprint(x)", slow).stars == 1);  // never below 1 for a pass
    CHECK(f.check("print(7)").stars == 0);

    Fixture typo(R"lua(python { id = "typo", task = { kk = "Т", ru = "З" },
  goals = { { builtin = "output", text = "1" } }, stars = { speed = 3 }, solution = "print(1)" })lua");
    const StepOutcome o = typo.check("print(1)");
    CHECK(o.passed);  // a typo in a star rule costs the pupil nothing
    CHECK(o.stars == 3);
    CHECK(o.pack_problems.warningCount() == 1);
    CHECK(hasProblem(o.pack_problems, "pack.check.unknown_star_rule", 3));
}

TEST_CASE("scripting.step_check: a broken goal is the teacher's problem, with file and line") {
    Fixture f(R"lua(python { id = "bad", task = { kk = "Т", ru = "З" },
  goals = { { builtin = "outptu", text = "1" } },
  solution = "print(1)" },
python { id = "slow", task = { kk = "Т", ru = "З" },
  goals = { function(run) while true do end end },
  solution = "print(1)" })lua");
    const StepOutcome typo = f.check("print(1)");
    CHECK_FALSE(typo.passed);
    CHECK(typo.goals.at(0).message_key == "pack.check.goal_broken");
    REQUIRE(hasProblem(typo.pack_problems, "pack.check.unknown_builtin", 3));
    CHECK(typo.pack_problems.list()[0].file == "mem/lesson.lua");

    const StepOutcome hang = f.check("print(1)", {}, 1);
    CHECK_FALSE(hang.passed);
    CHECK(hasProblem(hang.pack_problems, "pack.err.instructions"));
}

TEST_CASE("scripting.step_check: packcheck runs every reference solution and an empty program") {
    MemoryPackSource src = packWith(R"lua(python { id = "good", task = { kk = "Т", ru = "З" },
  goals = { { builtin = "output", text = "1" } }, stars = { max_lines = 1 },
  solution = "print(1)" },
python { id = "wrong-ref", task = { kk = "Т", ru = "З" },
  goals = { { builtin = "output", text = "2" } },
  solution = "print(1)" },
python { id = "empty-ok", task = { kk = "Т", ru = "З" },
  goals = { { builtin = "no_error" } },
  solution = "print(1)" },
python { id = "endless", task = { kk = "Т", ru = "З" },
  goals = { { builtin = "output", text = "1" } },
  solution = "while True:\n    x = 1" },
python { id = "crash", task = { kk = "Т", ru = "З" },
  goals = { { builtin = "output", text = "1" } },
  solution = "print(1)\nprint(1 / 0)" },
python { id = "few-stars", task = { kk = "Т", ru = "З" },
  goals = { { builtin = "output", text = "3" } }, stars = { max_lines = 1 },
  solution = "x = 3\nprint(x)" },
python { id = "from-file", task = { kk = "Т", ru = "З" },
  goals = { { builtin = "output", text = "4" } },
  solution_file = "solutions/four.py" })lua");
    src.add("solutions/four.py", "print(2 + 2)\n");
    PackcheckOptions options;
    options.program_instructions = 200'000;
    const Problems ps = checkPack(src, options);
    std::string got;
    for (const auto& p : ps.list()) got += "\n" + p.message_key + " " + p.file + ":" + std::to_string(p.line) + " " + p.arg("id");
    INFO(got);
    auto at = [&](std::string_view key, std::string_view id) {
        for (const auto& p : ps.list()) {
            if (p.message_key == key && p.arg("id") == id) return p.file + ":" + std::to_string(p.line);
        }
        return std::string("none");
    };
    CHECK(at("pack.solution_fails", "wrong-ref") == "mem/lesson.lua:6");
    CHECK(at("pack.empty_passes", "empty-ok") == "mem/lesson.lua:9");
    CHECK(at("pack.solution_endless", "endless") == "mem/lesson.lua:12");
    CHECK(at("pack.solution_error", "crash") == "mem/lesson.lua:15");
    CHECK(at("pack.solution_stars", "few-stars") == "mem/lesson.lua:18");
    // The good step and the solution from solutions/ give no problem at all.
    for (const auto& p : ps.list()) {
        CHECK(p.arg("id") != "good");
        CHECK(p.arg("id") != "from-file");
    }
    CHECK(ps.errorCount() == 4);
}

TEST_CASE("scripting.packcheck: robot steps with editor = \"blocks\": the solution must be blocks from the toolbox") {
    MemoryPackSource src = packWith(R"lua(robot { id = "ok", task = { kk = "Т", ru = "З" }, editor = "blocks",
  world = { mat = "stop_wall" },
  allowed = { "robot.motors_on", "robot.wait_until", "robot.distance_lt", "robot.stop" },
  goals = { { builtin = "stop_near_wall", max_cm = 5 } },
  solution = "robot.motors(50, 50)\nwhile not robot.distance() < 4:\n    pass\nrobot.stop()\n" },
robot { id = "not-blocks", task = { kk = "Т", ru = "З" }, editor = "blocks",
  world = { mat = "stop_wall" },
  goals = { { builtin = "stop_near_wall", max_cm = 5 } },
  solution = "robot.motors(50, 50)\nwhile robot.distance() > 3:\n    x = [1]\nrobot.stop()\n" },
robot { id = "not-allowed", task = { kk = "Т", ru = "З" }, editor = "blocks",
  world = { mat = "stop_wall" },
  allowed = { "robot.motors_on", "robot.stop", "control.repeat_until" },
  goals = { { builtin = "stop_near_wall", max_cm = 5 } },
  solution = "robot.motors(50, 50)\nwhile not robot.distance() < 4:\n    pass\nrobot.stop()\n" },
robot { id = "bad-editor", task = { kk = "Т", ru = "З" }, editor = "scratch",
  world = { mat = "stop_wall" },
  goals = { { builtin = "stop_near_wall", max_cm = 5 } },
  solution = "robot.motors(50, 50)\nwhile not robot.distance() < 4:\n    pass\nrobot.stop()\n" })lua");
    PackcheckOptions options;
    const Problems ps = checkPack(src, options);
    std::string got;
    for (const auto& p : ps.list()) got += "\n" + p.message_key + " " + p.arg("id") + " " + p.arg("block") + p.arg("construct");
    INFO(got);
    const auto has = [&](std::string_view key, std::string_view id, std::string_view what = {}) {
        for (const auto& p : ps.list())
            if (p.message_key == key && p.arg("id") == id && (what.empty() || p.arg("block") == what || p.arg("construct") == what)) return true;
        return false;
    };
    CHECK(has("pack.solution_not_blocks", "not-blocks"));  // a list has no block
    // the first block missing from the toolbox is named
    CHECK(has("pack.solution_block_not_allowed", "not-allowed", "robot.wait_until"));
    CHECK(has("pack.bad_editor", "bad-editor"));
    for (const auto& p : ps.list()) CHECK(p.arg("id") != "ok");
    // the loader keeps the editor, and only robot steps use blocks that way
    LoadedPack pack = loadPack(src);
    REQUIRE(pack.usable());
    CHECK(pack.pack.lessons[0].steps[0].coding.usesBlocks());
    CHECK_FALSE(pack.pack.lessons[0].steps[3].coding.usesBlocks());
}

TEST_CASE("scripting.loader: a lesson's teacher_note loads in both languages; a missing language is reported") {
    MemoryPackSource src("mem");
    src.add("pack.lua", R"lua(pack { id = "kz.test.note", version = "1.0", grade = 5,
  title = { kk = "Пакет", ru = "Пакет" }, author = "T", licence = "CC BY 4.0",
  objectives = { "5.3.1.1" }, lessons = { "a.lua", "b.lua" } })lua");
    src.add("a.lua", R"lua(lesson { id = "a", title = { kk = "А", ru = "А" },
  teacher_note = { kk = "Жұппен жұмыс", ru = "Работа в парах" },
  steps = { theory { id = "t", body = { { kk = "Мәтін", ru = "Текст" } } } } })lua");
    src.add("b.lua", R"lua(lesson { id = "b", title = { kk = "Б", ru = "Б" },
  teacher_note = { kk = "Тек қазақша" },
  steps = { theory { id = "t", body = { { kk = "Мәтін", ru = "Текст" } } } } })lua");
    LoadedPack lp = loadPack(src);
    REQUIRE(lp.pack.lessons.size() == 2);
    CHECK(lp.pack.lessons[0].teacher_note.ru == "Работа в парах");
    CHECK(lp.pack.lessons[1].teacher_note.kk == "Тек қазақша");
    const Problems ps = checkPack(src);
    bool missing_ru = false;
    for (const auto& p : ps.list()) {
        CHECK(p.message_key != "pack.unknown_field");
        if (p.message_key == "pack.missing_language" && p.file == "mem/b.lua" && p.arg("field") == "teacher_note") missing_ru = true;
    }
    CHECK(missing_ru);
}

TEST_CASE("scripting.step_check: a python step in a maze runs through the world runner and its goals") {
    Fixture f(R"lua(python { id = "maze", task = { kk = "Жалауға жет", ru = "Дойди до флажка" },
  world = { kind = "maze", map = { "#####", "#S.G#", "#####" }, dir = "east" },
  goals = { { builtin = "reach" }, { builtin = "uses", name = "for" },
            { check = function(state, trace) return #trace == 2 end } },
  stars = { max_commands = 2 },
  solution = "for i in range(2):\n    forward()" })lua");
    REQUIRE(canCheckStep(f.step()));
    const StepOutcome ok = f.check("for i in range(2):\n    forward()");
    for (const auto& g : ok.goals) INFO(g.message_key);
    for (const auto& p : ok.pack_problems.list()) INFO(p.message_key << " " << p.arg("detail"));
    CHECK(ok.passed);
    CHECK(ok.stars == 3);

    const StepOutcome short_walk = f.check("forward()");
    CHECK_FALSE(short_walk.passed);
    CHECK_FALSE(short_walk.goals[0].passed);
    CHECK_FALSE(short_walk.goals[0].message_key.empty());  // the maze's own key

    const StepOutcome wall = f.check("for i in range(3):\n    forward()");  // the third step hits the wall
    CHECK_FALSE(wall.passed);
    CHECK(wall.error.exception == program::ExcKind::WorldError);
    CHECK(wall.error.line == 2);

    const StepOutcome empty = f.check("");
    CHECK_FALSE(empty.passed);
}

TEST_CASE("scripting.step_check: a world table the world module rejects is a pack problem") {
    Fixture f(R"lua(python { id = "bad-maze", task = { kk = "Т", ru = "З" },
  world = { kind = "maze", map = { "#####", "#..G#", "#####" } },
  goals = { { builtin = "reach" } },
  solution = "forward()" })lua");
    const StepOutcome o = f.check("forward()");
    CHECK_FALSE(o.passed);
    CHECK_FALSE(o.ran);
    REQUIRE(!o.pack_problems.list().empty());
    CHECK(o.pack_problems.list()[0].message_key.rfind("world.err.", 0) == 0);
    CHECK(o.pack_problems.list()[0].line == 3);
}

TEST_CASE("scripting.step_check: accepted outputs in both languages; avoids; and/or; a starter that passes") {
    Fixture f(R"lua(python { id = "hi", task = { kk = "Сәлем", ru = "Привет" },
  goals = { { builtin = "output", text = { "Сәлем!", "Привет!" } } },
  solution = "print('Сәлем!')" },
python { id = "big", task = { kk = "Үлкен", ru = "Большее" },
  world = { inputs = { "3", "8" } },
  goals = { { builtin = "output", text = "8" }, { builtin = "avoids", name = "max" },
            { builtin = "uses", name = { "or", "not" } } },
  solution = "a = int(input())\nb = int(input())\nif not (a > b or a == b):\n    print(b)\nelse:\n    print(a)" })lua");
    CHECK(f.check("print('Сәлем!')").passed);
    CHECK(f.check("print('Привет!')").passed);
    const StepOutcome other = f.check("print('Hello!')");
    CHECK(arg(other.goals.at(0), "expected") == "Сәлем!");  // explained against the first text

    CHECK(f.check(f.step(1).coding.solution, {}, 1).passed);
    const StepOutcome with_max = f.check("print(max(int(input()), int(input())))", {}, 1);
    CHECK(with_max.goals.at(0).passed);
    CHECK(with_max.goals.at(1).message_key == "pack.check.avoids");
    CHECK(with_max.goals.at(2).message_key == "pack.check.uses_construct.or");

    MemoryPackSource src = packWith(R"lua(python { id = "fix", task = { kk = "Түзет", ru = "Исправь" },
  goals = { { builtin = "output", text = "3" } },
  starter = "print(1 + 2)", solution = "print(1 + 2)" })lua");
    bool warned = false;
    const Problems ps = checkPack(src);
    for (const auto& p : ps.list()) warned = warned || (p.message_key == "pack.starter_passes" && p.arg("id") == "fix");
    CHECK(warned);
}

TEST_CASE("scripting.step_check: the Python-style pack — every coding step passes with its reference, fails empty") {
    FolderPackSource src(std::string(SANDYQ_SOURCE_DIR) + "/lessons/python");
    LoadedPack lp = loadPack(src);
    for (const auto& p : lp.problems.list()) INFO(p.message_key << " " << p.file << ":" << p.line);
    REQUIRE(lp.problems.list().empty());
    REQUIRE(lp.pack.lessons.size() >= 12);
    int coding = 0;
    for (const Lesson& lesson : lp.pack.lessons) {
        INFO(lesson.id);
        CHECK(lesson.steps.size() >= 3);
        CHECK(lesson.steps.size() <= 8);
        CHECK_FALSE(lesson.objectives.empty());
        CHECK_FALSE(lesson.teacher_note.kk.empty());
        CHECK_FALSE(lesson.teacher_note.ru.empty());
        for (const Step& step : lesson.steps) {
            if (step.kind != StepKind::Coding) continue;
            INFO(step.id);
            ++coding;
            REQUIRE(canCheckStep(step));
            CHECK(step.coding.hints.size() >= 2);
            CHECK_FALSE(step.coding.stars.empty());
            const StepOutcome ref = checkCodingStep(lp, step, step.coding.solution);
            for (const auto& g : ref.goals) INFO(g.message_key);
            CHECK(ref.passed);
            CHECK(ref.stars == 3);
            CHECK(ref.pack_problems.list().empty());
            CHECK_FALSE(checkCodingStep(lp, step, "").passed);
            if (!step.coding.starter.empty()) CHECK_FALSE(checkCodingStep(lp, step, step.coding.starter).passed);
        }
    }
    CHECK(coding >= 24);
}

TEST_CASE("scripting.step_check: a robot step — goal arguments beside builtin or under args; a teacher's slip") {
    Fixture f(R"lua(robot { id = "wall", task = { kk = "Т", ru = "З" }, world = { mat = "stop_wall" },
  goals = { { builtin = "stop_near_wall", max_cm = 5 }, { builtin = "stop_near_wall", args = { max_cm = 5 } } },
  solution = "robot.motors(40, 40)\nwhile robot.distance() > 3:\n    pass\nrobot.stop()" },
robot { id = "zone", task = { kk = "Т", ru = "З" }, world = { mat = "stop_wall" },
  goals = { { builtin = "reach_zone", zone = "no-such-zone" } },
  solution = "robot.forward(10)" })lua");
    REQUIRE(canCheckStep(f.step()));
    const StepOutcome ok = f.check(f.step().coding.solution);
    for (const auto& g : ok.goals) INFO(g.message_key);
    CHECK(ok.passed);
    const StepOutcome crash = f.check("robot.forward(300)");
    CHECK_FALSE(crash.passed);
    CHECK(crash.pack_problems.list().empty());  // the pupil's mistake, not the pack's

    const StepOutcome slip = f.check("robot.forward(10)", {}, 1);
    CHECK_FALSE(slip.passed);
    CHECK(slip.goals.at(0).message_key == "pack.check.goal_broken");
    CHECK(hasProblem(slip.pack_problems, "robot.goal.unknown_zone", 6));
}

TEST_CASE("scripting.packcheck: a blocks step's reference solution must be buildable from the step's toolbox") {
    // The same spiral twice: `size += 20` is the "change variable" block of the toolbox;
    // `size = size + 20` needs the "+" operator block, which the step does not offer.
    MemoryPackSource src = packWith(R"lua(blocks { id = "change-block", task = { kk = "Т", ru = "З" },
  world = { kind = "turtle", target = { { 0, 0, 20, 0 }, { 20, 0, 20, 40 } } },
  allowed = { "turtle.forward", "turtle.left", "data.set", "data.change", "data.variable" },
  goals = { { builtin = "shape_equals" } },
  solution = "size = 20\nforward(size)\nleft(90)\nsize += 20\nforward(size)" },
blocks { id = "plus-block", task = { kk = "Т", ru = "З" },
  world = { kind = "turtle", target = { { 0, 0, 20, 0 }, { 20, 0, 20, 40 } } },
  allowed = { "turtle.forward", "turtle.left", "data.set", "data.change", "data.variable" },
  goals = { { builtin = "shape_equals" } },
  solution = "size = 20\nforward(size)\nleft(90)\nsize = size + 20\nforward(size)" })lua");
    const Problems ps = checkPack(src);
    std::string got;
    for (const auto& p : ps.list()) got += "\n" + p.message_key + " " + p.file + ":" + std::to_string(p.line) + " " + p.arg("id");
    INFO(got);
    REQUIRE(ps.errorCount() == 1);
    const auto& p = ps.list().front();
    CHECK(p.message_key == "pack.solution_block_not_allowed");
    CHECK(p.arg("id") == "plus-block");
    CHECK(p.arg("block") == "operators.add");
    CHECK(p.file + ":" + std::to_string(p.line) == "mem/lesson.lua:8");
}
