// Loading packs into course objects: the bundled example as the player will show it, the pack API
// help, Lua goals called with a world and a trace, and mistakes a teacher makes while writing.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/i18n.h"
#include "course/quiz.h"
#include "scripting/pack_api.h"
#include "scripting/pack_loader.h"
#include "scripting/packcheck.h"

using namespace sandyq;
using namespace sandyq::course;
using namespace sandyq::scripting;

namespace {
const std::string kExample = std::string(SANDYQ_SOURCE_DIR) + "/lessons/example";

MemoryPackSource memoryPack(const char* lesson) {
    MemoryPackSource s("mem");
    s.add("pack.lua", R"lua(pack { id = "kz.test.mem", version = "1.0", grade = 2,
  title = { kk = "Пакет", ru = "Пакет" }, author = "T", licence = "CC BY 4.0",
  objectives = { "2.1.1.1" }, lessons = { "lesson.lua" } })lua");
    s.add("lesson.lua", lesson);
    return s;
}

const Problem* find(const Problems& ps, std::string_view key) {
    for (const auto& p : ps.list()) {
        if (p.message_key == key) return &p;
    }
    return nullptr;
}

std::string readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}
}  // namespace

TEST_CASE("scripting.loader: the example pack loads with its lessons, steps and quizzes") {
    FolderPackSource src(kExample);
    LoadedPack lp = loadPack(src);
    for (const auto& p : lp.problems.list()) INFO(p.message_key << " " << p.file << ":" << p.line);
    CHECK(lp.problems.list().empty());
    REQUIRE(lp.usable());
    const Pack& pack = lp.pack;
    CHECK(pack.manifest.id == "kz.sandyq.example");
    CHECK(pack.manifest.grade == 3);
    CHECK(pack.manifest.title.kk == "Компьютермен танысу");
    CHECK(pack.manifest.title.ru == "Знакомство с компьютером");
    REQUIRE(pack.lessons.size() == 2);
    const Lesson& theory = pack.lessons[0];
    REQUIRE(theory.steps.size() == 2);
    CHECK(theory.steps[0].kind == StepKind::Theory);
    REQUIRE(theory.steps[0].blocks.size() == 2);
    CHECK(theory.steps[0].blocks[1].kind == BlockKind::Picture);
    CHECK(theory.steps[0].blocks[1].picture == "assets/computer.png");
    CHECK(theory.steps[0].pos.file == "devices.lua");
    CHECK(theory.steps[0].pos.line == 8);
    const Lesson& quiz = pack.lessons[1];
    std::vector<QuizKind> kinds;
    for (const auto& s : quiz.steps) kinds.push_back(s.quiz.kind);
    CHECK(kinds == std::vector<QuizKind>{QuizKind::Single, QuizKind::Multiple, QuizKind::TrueFalse,
                                         QuizKind::Order, QuizKind::Match, QuizKind::TypeAnswer});
    // A pupil answers the first quiz wrongly, then rightly; types the last answer in Kazakh.
    QuizAnswer a;
    a.choice = 0;
    auto r = gradeQuiz(quiz.steps[0].quiz, a);
    CHECK_FALSE(r.correct);
    CHECK(quiz.steps[0].quiz.options[0].feedback.ru == "Монитор выводит информацию.");
    a.choice = 1;
    CHECK(gradeQuiz(quiz.steps[0].quiz, a).correct);
    a = {};
    a.text = "ПЕРНЕТАҚТА";
    CHECK(gradeQuiz(quiz.steps[5].quiz, a).correct);
    a.text = "клавиатурa";  // Latin a at the end
    a.lang = text::Lang::Ru;
    CHECK(gradeQuiz(quiz.steps[5].quiz, a).correct);
    CHECK(quiz.steps[1].quiz.points == 3);
}

TEST_CASE("scripting.packcheck: the example pack passes every check") {
    FolderPackSource src(kExample);
    const Problems ps = checkPack(src);
    for (const auto& p : ps.list()) INFO(p.message_key << " " << p.file << ":" << p.line);
    CHECK(ps.list().empty());
}

TEST_CASE("scripting.packcheck: a picture that does not decode is reported") {
    MemoryPackSource s = memoryPack(R"lua(lesson { id = "l", title = { kk = "С", ru = "У" }, steps = {
  theory { id = "t", body = { picture "assets/broken.png" } } } })lua");
    s.add("assets/broken.png", "\x89PNG\r\n\x1a\nnot really");
    const Problems ps = checkPack(s);
    const Problem* p = find(ps, "pack.picture_broken");
    REQUIRE(p != nullptr);
    CHECK(p->file == "mem/assets/broken.png");
}

TEST_CASE("scripting.loader: Lua goals get the world and the trace") {
    MemoryPackSource s = memoryPack(R"lua(lesson { id = "l", title = { kk = "С", ru = "У" }, steps = {
  robot {
    id = "r1",
    task = { kk = "Жалауға жет", ru = "Доберись до флажка" },
    world = { size = { 5, 5 }, robot = { x = 1, y = 1 }, flag = { x = 3, y = 1 } },
    allowed = { "forward", "turn_left" },
    goals = {
      { check = function(world, trace) return world.robot.x == world.flag.x end,
        message = { kk = "Робот жалауға жетпеді", ru = "Робот не дошёл до флажка" } },
      { builtin = "steps_at_most", n = 4 },
    },
    hints = { { kk = "Алға екі рет", ru = "Два раза вперёд" } },
    stars = { blocks = 2 },
    solution = "forward()\nforward()",
  } } })lua");
    LoadedPack lp = loadPack(s);
    for (const auto& p : lp.problems.list()) INFO(p.message_key << " " << p.file << ":" << p.line);
    REQUIRE(lp.usable());
    const Step& step = lp.pack.lessons[0].steps[0];
    REQUIRE(step.kind == StepKind::Coding);
    const CodingStep& c = step.coding;
    CHECK(c.kind == CodingKind::Robot);
    CHECK(c.world == "{flag={x=3,y=1},robot={x=1,y=1},size={5,5}}");
    CHECK(c.allowed == std::vector<std::string>{"forward", "turn_left"});
    CHECK(c.stars == "{blocks=2}");
    REQUIRE(c.goals.size() == 2);
    CHECK(c.goals[1].builtin == "steps_at_most");
    CHECK(c.goals[1].args == "{builtin=\"steps_at_most\",n=4}");
    CHECK(c.goals[0].message.ru == "Робот не дошёл до флажка");
    auto start = lp.runCheck(c.goals[0].check, c.world, "{}");
    REQUIRE(start.ok());
    CHECK_FALSE(start.value());
    auto done = lp.runCheck(c.goals[0].check, "{robot={x=3,y=1},flag={x=3,y=1}}", "{'forward','forward'}");
    REQUIRE(done.ok());
    CHECK(done.value());
    // Empty program: the validator's probe finds nothing wrong with this goal. (The world table
    // above is not a real robot mat, so running the reference solution is left out here; see
    // step_check_test.cpp for that.)
    PackcheckOptions probe_only;
    probe_only.check_solutions = false;
    CHECK(checkPack(s, probe_only).errorCount() == 0);
}

TEST_CASE("scripting.loader: teachers' slips are reported with file:line, not crashes") {
    MemoryPackSource s = memoryPack(R"lua(lesson {
  id = "l",
  titel = { kk = "С", ru = "У" },
  steps = {
    theory { id = "t", body = { "just a string" } },
    { id = "plain" },
    quiz { id = "q", kind = "choice", question = { kk = "?", ru = "?" } },
    quiz { id = "q2", kind = "single", points = "many", question = { kk = "?", ru = "?" },
           options = { { kk = "a", ru = "a", correct = true }, { kk = "b", ru = "b" } } },
  } })lua");
    const Problems ps = checkPack(s);
    const Problem* typo = find(ps, "pack.unknown_field");
    REQUIRE(typo != nullptr);
    CHECK(typo->arg("field") == "titel");
    CHECK(typo->line == 1);
    CHECK(find(ps, "pack.missing_text") != nullptr);  // the title is then missing
    const Problem* str = find(ps, "pack.text_not_table");
    REQUIRE(str != nullptr);
    CHECK(str->line == 5);
    const Problem* plain = find(ps, "pack.not_a_step");
    REQUIRE(plain != nullptr);
    CHECK(plain->arg("n") == "2");
    const Problem* kind = find(ps, "pack.bad_quiz_kind");
    REQUIRE(kind != nullptr);
    CHECK(kind->line == 7);
    const Problem* type = find(ps, "pack.bad_type");
    REQUIRE(type != nullptr);
    CHECK(type->arg("field") == "points");
    CHECK(type->line == 8);
}

TEST_CASE("scripting.loader: one broken lesson file leaves the others loaded") {
    MemoryPackSource s("mem");
    s.add("pack.lua", R"lua(pack { id = "kz.test.two", version = "1.0", grade = 2, title = { kk = "П", ru = "П" },
  author = "T", licence = "CC BY 4.0", lessons = { "bad.lua", "good.lua", "missing.lua" } })lua");
    s.add("bad.lua", "while true do end");
    s.add("good.lua", R"lua(lesson { id = "g", title = { kk = "С", ru = "У" }, steps = {
  theory { id = "t", body = { { kk = "Мәтін", ru = "Текст" } } } } })lua");
    LoadedPack lp = loadPack(s, {200'000, 8u << 20});
    REQUIRE(lp.pack.lessons.size() == 1);
    CHECK(lp.pack.lessons[0].id == "g");
    CHECK(find(lp.problems, "pack.err.instructions") != nullptr);
    const Problem* missing = find(lp.problems, "pack.lesson_missing");
    REQUIRE(missing != nullptr);
    CHECK(missing->arg("file") == "missing.lua");
    CHECK(missing->file == "mem/pack.lua");
}

TEST_CASE("scripting.pack_api: one table gives the functions and their help in kk/ru/en") {
    text::Translator tr;
    for (text::Lang lang : text::kAllLangs) {
        const std::string path = std::string(SANDYQ_SOURCE_DIR) + "/assets/i18n/" + std::string(text::langCode(lang)) + "/packs.json";
        REQUIRE(tr.catalogue(lang).addJson(readFile(path), path).ok());
    }
    std::vector<std::string> names;
    for (const auto& f : packApi()) {
        names.push_back(f.name);
        CHECK(std::string(f.signature).rfind(f.name, 0) == 0);
        for (text::Lang lang : text::kAllLangs) {
            INFO(f.help_key);
            CHECK(tr.catalogue(lang).find(f.help_key) != nullptr);
        }
    }
    CHECK(names == std::vector<std::string>{"pack", "lesson", "theory", "picture", "quiz", "blocks", "python", "robot"});
}

TEST_CASE("scripting.packcheck: a pack generated by a loop gets the first 200 problems and a count") {
    MemoryPackSource s = memoryPack(R"lua(local steps = {}
for i = 1, 300 do
  steps[i] = theory { id = "t" .. i, body = { { ru = "только по-русски" } } }
end
lesson { id = "l", title = { kk = "С", ru = "У" }, steps = steps })lua");
    const Problems ps = checkPack(s);
    REQUIRE(ps.list().size() == 201);
    CHECK(ps.list().back().message_key == "pack.too_many_problems");
    CHECK(ps.list().back().arg("n") == "100");
    CHECK(ps.list().front().message_key == "pack.missing_language");
    CHECK(ps.list().front().line == 3);
}

TEST_CASE("scripting.packcheck: a picture too big for school networks is a warning") {
    MemoryPackSource s = memoryPack(R"lua(lesson { id = "l", title = { kk = "С", ru = "У" }, steps = {
  theory { id = "t", body = { picture "assets/huge.png" } } } })lua");
    // A valid 2000×10 grey PNG, made by hand: IHDR + one IDAT of zero-filtered rows.
    auto be32 = [](uint32_t v) { return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)}; };
    auto crc = [](const std::string& d) {
        uint32_t c = 0xFFFFFFFFu;
        for (unsigned char b : d) {
            c ^= b;
            for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
        }
        return c ^ 0xFFFFFFFFu;
    };
    auto chunk = [&](const std::string& tag, const std::string& data) {
        return be32(static_cast<uint32_t>(data.size())) + tag + data + be32(crc(tag + data));
    };
    const uint32_t w = 2000, h = 10;
    std::string raw;
    for (uint32_t y = 0; y < h; ++y) raw += std::string(1, '\0') + std::string(w, '\x80');
    // zlib stream with stored (uncompressed) blocks of at most 65535 bytes.
    std::string z = "\x78\x01";
    uint32_t a = 1, b = 0;
    for (unsigned char c : raw) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    for (size_t pos = 0; pos < raw.size(); pos += 65535) {
        const size_t n = std::min<size_t>(65535, raw.size() - pos);
        z += char(pos + n == raw.size() ? 1 : 0);
        z += char(n & 0xFF);
        z += char(n >> 8);
        z += char(~n & 0xFF);
        z += char((~n >> 8) & 0xFF);
        z += raw.substr(pos, n);
    }
    z += be32((b << 16) | a);
    const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", be32(w) + be32(h) + std::string("\x08\x00\x00\x00\x00", 5)) +
                            chunk("IDAT", z) + chunk("IEND", "");
    s.add("assets/huge.png", png);
    const Problems ps = checkPack(s);
    CHECK_FALSE(ps.has("pack.picture_broken"));
    const Problem* p = find(ps, "pack.picture_big");
    REQUIRE(p != nullptr);
    CHECK(p->level == Level::Warning);
    CHECK(p->arg("width") == "2000");
    CHECK_FALSE(ps.hasErrors());
}
