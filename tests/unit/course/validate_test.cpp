// Data-only validation of packs: what a teacher is told about ids, codes, languages, files and
// unreachable steps, with the file and line to open.
#include <doctest/doctest.h>

#include <algorithm>

#include "course/validate.h"

using namespace sandyq;
using namespace sandyq::course;

namespace {
LocalizedText t(const char* kk, const char* ru) { return LocalizedText{kk, ru, {}}; }

Pack goodPack() {
    Pack p;
    p.manifest.id = "kz.test.pack";
    p.manifest.version = "1.0";
    p.manifest.grade = 3;
    p.manifest.title = t("Пакет", "Пакет");
    p.manifest.author = "Test";
    p.manifest.licence = "CC BY 4.0";
    p.manifest.objectives = {"3.1.1.1"};
    p.manifest.lesson_files = {"lesson.lua"};
    p.manifest.pos = {"pack.lua", 1};
    Lesson l;
    l.id = "l1";
    l.title = t("Сабақ", "Урок");
    l.pos = {"lesson.lua", 1};
    Step th;
    th.kind = StepKind::Theory;
    th.id = "t1";
    th.pos = {"lesson.lua", 4};
    th.blocks.push_back({BlockKind::Paragraph, t("Мәтін", "Текст"), "", {}, th.pos});
    th.blocks.push_back({BlockKind::Picture, {}, "assets/pc.png", {}, {"lesson.lua", 5}});
    l.steps.push_back(th);
    Step q;
    q.kind = StepKind::Quiz;
    q.id = "q1";
    q.pos = {"lesson.lua", 8};
    q.quiz.kind = QuizKind::TrueFalse;
    q.quiz.question = t("Сұрақ", "Вопрос");
    l.steps.push_back(q);
    p.lessons.push_back(l);
    return p;
}

MemoryPackSource source() {
    MemoryPackSource s("packs/test");
    s.add("pack.lua", "");
    s.add("lesson.lua", "");
    s.add("assets/pc.png", "png");
    return s;
}

const Problem* find(const Problems& ps, std::string_view key) {
    for (const auto& p : ps.list()) {
        if (p.message_key == key) return &p;
    }
    return nullptr;
}
}  // namespace

TEST_CASE("course.validate: a good pack has no problems") {
    Problems ps;
    validatePack(goodPack(), source(), ps);
    for (const auto& p : ps.list()) INFO(p.message_key << " " << p.file << ":" << p.line);
    CHECK(ps.list().empty());
}

TEST_CASE("course.validate: objective codes, ids and versions") {
    CHECK(isValidObjectiveCode("3.2.1.1"));
    CHECK(isValidObjectiveCode("11.1.2"));
    CHECK_FALSE(isValidObjectiveCode("3.2"));
    CHECK_FALSE(isValidObjectiveCode("3.02.1.1"));
    CHECK_FALSE(isValidObjectiveCode("3.2.1.1."));
    CHECK_FALSE(isValidObjectiveCode("12.1.1.1"));
    CHECK_FALSE(isValidObjectiveCode("3,2,1,1"));
    CHECK(isValidSectionCode("3.2"));
    CHECK(isValidPackId("kz.sandyq.example"));
    CHECK_FALSE(isValidPackId("Kz Pack"));
    CHECK(isValidItemId("input-output"));
    CHECK_FALSE(isValidItemId("кіріспе"));
    CHECK(isValidVersion("1.0"));
    CHECK_FALSE(isValidVersion("v1"));
}

TEST_CASE("course.validate: a missing Kazakh text names the field and line") {
    Pack p = goodPack();
    p.lessons[0].steps[0].blocks[0].text.kk.clear();
    Problems ps;
    validatePack(p, source(), ps);
    const Problem* pr = find(ps, "pack.missing_language");
    REQUIRE(pr != nullptr);
    CHECK(pr->file == "packs/test/lesson.lua");
    CHECK(pr->line == 4);
    CHECK(pr->arg("lang") == "kk");
    CHECK(pr->arg("field") == "body");
    CHECK(ps.hasErrors());
}

TEST_CASE("course.validate: missing picture, duplicate ids, bad codes") {
    Pack p = goodPack();
    p.lessons[0].steps[0].blocks[1].picture = "assets/none.png";
    p.lessons[0].steps[1].id = "t1";
    p.manifest.objectives.push_back("3.1");
    Problems ps;
    validatePack(p, source(), ps);
    const Problem* pic = find(ps, "pack.picture_missing");
    REQUIRE(pic != nullptr);
    CHECK(pic->line == 5);
    CHECK(pic->arg("file") == "assets/none.png");
    REQUIRE(find(ps, "pack.duplicate_id") != nullptr);
    CHECK(find(ps, "pack.duplicate_id")->line == 8);
    REQUIRE(find(ps, "pack.bad_objective") != nullptr);
    CHECK(find(ps, "pack.bad_objective")->arg("code") == "3.1");
}

TEST_CASE("course.validate: steps after an impossible quiz are unreachable") {
    Pack p = goodPack();
    Step blocker;
    blocker.kind = StepKind::Quiz;
    blocker.id = "q0";
    blocker.pos = {"lesson.lua", 3};
    blocker.quiz.kind = QuizKind::Single;
    blocker.quiz.question = t("?", "?");
    blocker.quiz.options = {{t("а", "а"), "", false, {}}, {t("б", "б"), "", false, {}}};
    auto& steps = p.lessons[0].steps;
    steps.insert(steps.begin(), blocker);
    Problems ps;
    validatePack(p, source(), ps);
    CHECK(find(ps, "pack.quiz_no_answer") != nullptr);
    int unreachable = 0;
    for (const auto& pr : ps.list()) {
        if (pr.message_key == "pack.step_unreachable") {
            ++unreachable;
            CHECK(pr.arg("blocker") == "q0");
        }
    }
    CHECK(unreachable == 2);
}

TEST_CASE("course.validate: lesson files not listed in pack.lua are reported") {
    MemoryPackSource s = source();
    s.add("lesson2.lua", "");
    s.add("solutions/ref.lua", "");
    Problems ps;
    validatePack(goodPack(), s, ps);
    const Problem* pr = find(ps, "pack.lesson_not_listed");
    REQUIRE(pr != nullptr);
    CHECK(pr->level == Level::Warning);
    CHECK(pr->arg("file") == "lesson2.lua");
    CHECK(ps.warningCount() == 1);
    CHECK_FALSE(ps.hasErrors());
}

TEST_CASE("course.pack_source: paths never escape the pack") {
    CHECK(isValidPackPath("assets/pc.png"));
    CHECK_FALSE(isValidPackPath("../secret.lua"));
    CHECK_FALSE(isValidPackPath("assets/../../x"));
    CHECK_FALSE(isValidPackPath("/etc/passwd"));
    CHECK_FALSE(isValidPackPath("a//b"));
    CHECK_FALSE(isValidPackPath("a\\b"));
    CHECK_FALSE(isValidPackPath("C:/x"));
    FolderPackSource folder(std::string(SANDYQ_SOURCE_DIR) + "/lessons/example");
    CHECK(folder.exists("pack.lua"));
    CHECK(folder.read("../example/pack.lua").status().code == ErrorCode::Invalid);
    CHECK(folder.read("nope.lua").status().code == ErrorCode::NotFound);
    auto files = folder.list();
    CHECK(std::find(files.begin(), files.end(), "assets/computer.png") != files.end());
    const auto packs = findPackFolders(std::string(SANDYQ_SOURCE_DIR) + "/lessons");
    REQUIRE(packs.size() >= 1);
}
