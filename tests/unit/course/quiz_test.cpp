// Quiz grading as a pupil meets it: right and wrong answers, partial points, per-item feedback,
// and typed answers that differ only in case, spaces, look-alike letters or accepted variants.
#include <doctest/doctest.h>

#include <algorithm>

#include "course/quiz.h"

using namespace sandyq;
using namespace sandyq::course;

namespace {
LocalizedText t(const char* kk, const char* ru) { return LocalizedText{kk, ru, {}}; }

Quiz singleQuiz() {
    Quiz q;
    q.kind = QuizKind::Single;
    q.options = {{t("Монитор", "Монитор"), "", false, {}}, {t("Пернетақта", "Клавиатура"), "", true, {}},
                 {t("Принтер", "Принтер"), "", false, {}}};
    return q;
}
}  // namespace

TEST_CASE("course.quiz: single choice is right only for the correct option") {
    const Quiz q = singleQuiz();
    QuizAnswer a;
    a.choice = 1;
    auto r = gradeQuiz(q, a);
    CHECK(r.correct);
    CHECK(r.points == 1);
    CHECK(r.max_points == 1);
    CHECK(r.message_key == "pack.quiz.correct");
    a.choice = 0;
    r = gradeQuiz(q, a);
    CHECK_FALSE(r.correct);
    CHECK(r.points == 0);
    CHECK(r.message_key == "pack.quiz.incorrect");
    REQUIRE(r.items.size() == 1);
    CHECK(r.items[0].index == 0);
    CHECK(r.items[0].mark == ItemMark::Wrong);
    a.choice = 17;  // a stale index from a changed pack is wrong, not a crash
    CHECK_FALSE(gradeQuiz(q, a).correct);
    a.choice = -1;
    CHECK(gradeQuiz(q, a).message_key == "pack.quiz.no_answer");
}

TEST_CASE("course.quiz: multiple choice marks right, wrong and missed options; partial points") {
    Quiz q;
    q.kind = QuizKind::Multiple;
    q.options = {{t("Монитор", "Монитор"), "", true, {}}, {t("Принтер", "Принтер"), "", true, {}},
                 {t("Тінтуір", "Мышь"), "", false, {}}, {t("Құлаққап", "Наушники"), "", true, {}}};
    q.points = 3;
    q.partial = true;
    QuizAnswer a;
    a.choices = {3, 0, 1};
    auto r = gradeQuiz(q, a);
    CHECK(r.correct);
    CHECK(r.points == 3);
    a.choices = {0, 2};  // one right, one wrong, two missed
    r = gradeQuiz(q, a);
    CHECK_FALSE(r.correct);
    CHECK(r.points == 0);
    REQUIRE(r.items.size() == 4);
    CHECK(r.items[0].mark == ItemMark::Right);
    CHECK(r.items[1].mark == ItemMark::Missed);
    CHECK(r.items[1].message_key == "pack.quiz.item_missed");
    CHECK(r.items[2].mark == ItemMark::Wrong);
    a.choices = {0, 1};
    r = gradeQuiz(q, a);
    CHECK(r.points == 2);
    CHECK(r.message_key == "pack.quiz.partly");
    q.partial = false;
    CHECK(gradeQuiz(q, a).points == 0);
}

TEST_CASE("course.quiz: true/false, order and match") {
    Quiz tf;
    tf.kind = QuizKind::TrueFalse;
    tf.truth = false;
    QuizAnswer a;
    a.truth = false;
    CHECK(gradeQuiz(tf, a).correct);
    a.truth = true;
    CHECK_FALSE(gradeQuiz(tf, a).correct);

    Quiz order;
    order.kind = QuizKind::Order;
    order.items = {t("енгізу", "ввод"), t("өңдеу", "обработка"), t("шығару", "вывод")};
    a.order = {0, 1, 2};
    CHECK(gradeQuiz(order, a).correct);
    a.order = {1, 0, 2};
    auto r = gradeQuiz(order, a);
    CHECK_FALSE(r.correct);
    REQUIRE(r.items.size() == 3);
    CHECK(r.items[0].mark == ItemMark::Wrong);
    CHECK(r.items[2].mark == ItemMark::Right);
    a.order = {0, 1};  // too short: wrong, never out of bounds
    CHECK_FALSE(gradeQuiz(order, a).correct);

    Quiz match;
    match.kind = QuizKind::Match;
    match.pairs = {{t("Пернетақта", "Клавиатура"), t("теру", "набирать")}, {t("Монитор", "Монитор"), t("көрсету", "показывать")}};
    a.match = {0, 1};
    CHECK(gradeQuiz(match, a).correct);
    a.match = {1, 0};
    CHECK_FALSE(gradeQuiz(match, a).correct);
}

TEST_CASE("course.quiz: typed answers are compared after normalisation") {
    CHECK(answersEqual("  Пернетақта  ", "пернетақта"));
    CHECK(answersEqual("ПЕРНЕТАҚТА.", "пернетақта"));
    CHECK(answersEqual("жүйелік   блок", "жүйелік блок"));
    // Latin look-alikes typed inside a Cyrillic word (a, e, o, p, c, x, i, y).
    CHECK(answersEqual("клaвиaтурa", "клавиатура"));   // Latin a
    CHECK(answersEqual("принтеp", "принтер"));         // Latin p
    CHECK(answersEqual("cурeт", "сурет"));             // Latin c, e
    CHECK(answersEqual("бiлiм", "білім"));             // Latin i → Kazakh і
    CHECK(answersEqual("ёлка", "елка"));
    // Kazakh letters are letters of their own: а is not ә, к is not қ, у is not ү.
    CHECK_FALSE(answersEqual("ариП", "әріп"));
    CHECK_FALSE(answersEqual("кала", "қала"));
    CHECK_FALSE(answersEqual("уш", "үш"));
    // A Latin word stays Latin.
    CHECK(answersEqual("Python", "python"));
    CHECK_FALSE(answersEqual("Pyth0n", "python"));

    Quiz q;
    q.kind = QuizKind::TypeAnswer;
    q.answers.kk = {"пернетақта", "клавиатура"};
    q.answers.ru = {"клавиатура"};
    QuizAnswer a;
    a.lang = text::Lang::Kk;
    a.text = "Клавиатура";
    CHECK(gradeQuiz(q, a).correct);  // an accepted alternative
    a.text = "пернетакта";           // қ typed as к
    CHECK_FALSE(gradeQuiz(q, a).correct);
    a.lang = text::Lang::Ru;
    a.text = "пернетақта";           // the Russian lesson wants the Russian word
    CHECK_FALSE(gradeQuiz(q, a).correct);
    a.text = "   ";
    CHECK(gradeQuiz(q, a).message_key == "pack.quiz.no_answer");
}

TEST_CASE("course.quiz: a quiz without a correct answer is detected") {
    Quiz q = singleQuiz();
    CHECK(quizHasCorrectAnswer(q));
    q.options[1].correct = false;
    CHECK_FALSE(quizHasCorrectAnswer(q));
    q.options[0].correct = q.options[1].correct = true;  // two correct in single choice
    CHECK_FALSE(quizHasCorrectAnswer(q));
    Quiz text_quiz;
    text_quiz.kind = QuizKind::TypeAnswer;
    text_quiz.answers.kk = {"жауап"};
    CHECK_FALSE(quizHasCorrectAnswer(text_quiz));  // no Russian answer
}

TEST_CASE("course.pack: texts fall back kk → ru → en and emphasis is parsed") {
    LocalizedText only_ru{"", "Текст", {}};
    text::Lang used = text::Lang::None;
    CHECK(only_ru.get(text::Lang::Kk, &used) == "Текст");
    CHECK(used == text::Lang::Ru);
    LocalizedText both{"Мәтін", "Текст", std::string("Text")};
    CHECK(both.get(text::Lang::En) == "Text");
    CHECK(both.get(text::Lang::Ru) == "Текст");
    const auto spans = parseEmphasis("Ол ақпаратты **енгізеді** және **шығарады**.");
    REQUIRE(spans.size() == 5);
    CHECK(spans[1].text == "енгізеді");
    CHECK(spans[1].strong);
    CHECK_FALSE(spans[4].strong);
    CHECK(parseEmphasis("2 ** 3").size() == 1);  // unbalanced stays literal
    CHECK(parseEmphasis("2 ** 3")[0].text == "2 ** 3");
}

TEST_CASE("course.quiz: shown order is a shuffled permutation, never already solved") {
    for (uint32_t seed = 0; seed < 200; ++seed) {
        for (size_t n : {2u, 3u, 5u}) {
            auto order = presentationOrder(n, seed);
            REQUIRE(order.size() == n);
            auto sorted = order;
            std::sort(sorted.begin(), sorted.end());
            bool identity = true;
            for (size_t i = 0; i < n; ++i) {
                CHECK(sorted[i] == static_cast<int>(i));
                identity &= order[i] == static_cast<int>(i);
            }
            CHECK_FALSE(identity);
        }
    }
    CHECK(presentationOrder(4, 7) == presentationOrder(4, 7));
    CHECK(presentationOrder(1, 7) == std::vector<int>{0});
}
