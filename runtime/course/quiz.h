// course/quiz.h — grading quiz answers, pure C++.
// Depends on: course/pack.h, core/utf8. Ownership: answers and results are values.
// Errors: an answer of the wrong shape (e.g. an option index out of range) is graded as wrong,
// never a crash. Feedback is catalogue keys ("pack.quiz.*") plus the pack's own texts, which the
// UI looks up through the item index.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "course/pack.h"

namespace sandyq::course {

// What the pupil answered. Which fields count depends on the quiz kind:
//  Single: choice (option index); Multiple: choices (option indices, any order);
//  TrueFalse: truth; Order: order (indices into quiz.items, in the pupil's order);
//  Match: match (match[i] = the right-hand index the pupil put beside left i);
//  TypeAnswer: text (graded in `lang`).
struct QuizAnswer {
    int choice = -1;
    std::vector<int> choices;
    bool truth = false;
    std::vector<int> order;
    std::vector<int> match;
    std::string text;
    text::Lang lang = text::Lang::Kk;
};

enum class ItemMark : unsigned char { None = 0, Right, Wrong, Missed };

// Feedback for one option / position / pair, in the quiz's own numbering.
struct ItemFeedback {
    int index = 0;
    ItemMark mark = ItemMark::None;
    std::string message_key;  // "pack.quiz.item_right", "pack.quiz.item_wrong", "pack.quiz.item_missed"
};

struct QuizResult {
    bool correct = false;
    int points = 0;
    int max_points = 0;
    std::string message_key;  // "pack.quiz.correct", "pack.quiz.partly", "pack.quiz.incorrect"
    std::vector<ItemFeedback> items;
};

QuizResult gradeQuiz(const Quiz& quiz, const QuizAnswer& answer);

// "Type the answer" normalisation: case folding, trimmed and collapsed spaces, final . ! ?
// dropped, ё → е, and Latin look-alikes (a e o p c x i y h) inside words that also contain
// Cyrillic letters mapped to their Cyrillic twins (i → Kazakh і, h → һ). Kazakh letters are
// never folded to Russian ones: "ә" and "а" stay different.
std::string normalizeAnswer(std::string_view text);
bool answersEqual(std::string_view typed, std::string_view expected);

// The order in which the player shows n options / order items / right-hand match texts: a
// permutation from `seed` (the caller injects it, e.g. per pupil and attempt), never the solved
// order when n >= 2, so "put in order" and "match" never start solved. Deterministic per seed.
std::vector<int> presentationOrder(size_t n, uint32_t seed);

// Does the quiz have a correct answer at all (validator check)?
bool quizHasCorrectAnswer(const Quiz& quiz);

}  // namespace sandyq::course
