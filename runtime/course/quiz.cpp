// course/quiz.cpp — quiz grading and "type the answer" normalisation.
#include "course/quiz.h"

#include <algorithm>

#include "core/utf8.h"

namespace sandyq::course {

namespace {

bool isSpace(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F || c == 0x2007;
}

// Latin letters that look like Cyrillic ones (lower case, after folding).
char32_t cyrillicTwin(char32_t c) {
    switch (c) {
    case U'a': return 0x0430;  // а
    case U'e': return 0x0435;  // е
    case U'o': return 0x043E;  // о
    case U'p': return 0x0440;  // р
    case U'c': return 0x0441;  // с
    case U'x': return 0x0445;  // х
    case U'i': return 0x0456;  // і (Kazakh)
    case U'y': return 0x0443;  // у
    case U'h': return 0x04BB;  // һ
    default: return 0;
    }
}

QuizResult finish(const Quiz& quiz, int right, int total, bool all_right) {
    QuizResult r;
    r.max_points = quiz.points;
    r.correct = all_right;
    if (all_right) {
        r.points = quiz.points;
    } else if (quiz.partial && total > 0 && right > 0) {
        r.points = quiz.points * right / total;
    }
    r.message_key = r.correct ? "pack.quiz.correct" : (r.points > 0 ? "pack.quiz.partly" : "pack.quiz.incorrect");
    return r;
}

QuizResult noAnswer(const Quiz& quiz) {
    QuizResult r;
    r.max_points = quiz.points;
    r.message_key = "pack.quiz.no_answer";
    return r;
}

ItemFeedback mark(int index, ItemMark m) {
    static constexpr const char* kKeys[] = {"", "pack.quiz.item_right", "pack.quiz.item_wrong", "pack.quiz.item_missed"};
    return {index, m, kKeys[static_cast<int>(m)]};
}

// A permutation answer (order / match): positions right where answer[i] == i.
QuizResult gradePermutation(const Quiz& quiz, const std::vector<int>& answer, size_t n) {
    if (answer.empty()) return noAnswer(quiz);
    int right = 0;
    std::vector<ItemFeedback> items;
    for (size_t i = 0; i < n; ++i) {
        const bool ok = i < answer.size() && answer[i] == static_cast<int>(i);
        right += ok;
        items.push_back(mark(static_cast<int>(i), ok ? ItemMark::Right : ItemMark::Wrong));
    }
    QuizResult r = finish(quiz, right, static_cast<int>(n), n > 0 && right == static_cast<int>(n) && answer.size() == n);
    r.items = std::move(items);
    return r;
}

}  // namespace

std::string normalizeAnswer(std::string_view input) {
    std::u32string cps = text::toCodepoints(input);
    for (char32_t& c : cps) {
        c = text::toLower(c);
        if (c == 0x0451) c = 0x0435;  // ё → е, as in Russian school practice
    }
    // Latin look-alikes inside words that also have Cyrillic letters.
    size_t i = 0;
    while (i < cps.size()) {
        if (!text::isLetter(cps[i])) {
            ++i;
            continue;
        }
        size_t j = i;
        bool cyrillic = false;
        while (j < cps.size() && text::isLetter(cps[j])) cyrillic |= text::isCyrillicLetter(cps[j++]);
        if (cyrillic) {
            for (size_t k = i; k < j; ++k) {
                if (const char32_t twin = cyrillicTwin(cps[k])) cps[k] = twin;
            }
        }
        i = j;
    }
    // Collapse and trim spaces; drop final sentence punctuation.
    std::u32string out;
    for (char32_t c : cps) {
        if (isSpace(c)) {
            if (!out.empty() && out.back() != U' ') out.push_back(U' ');
        } else {
            out.push_back(c);
        }
    }
    while (!out.empty() && (out.back() == U' ' || out.back() == U'.' || out.back() == U'!' || out.back() == U'?')) {
        out.pop_back();
    }
    return text::fromCodepoints(out);
}

bool answersEqual(std::string_view typed, std::string_view expected) {
    return normalizeAnswer(typed) == normalizeAnswer(expected);
}

QuizResult gradeQuiz(const Quiz& quiz, const QuizAnswer& answer) {
    switch (quiz.kind) {
    case QuizKind::Single: {
        if (answer.choice < 0) return noAnswer(quiz);
        const bool ok = answer.choice < static_cast<int>(quiz.options.size()) && quiz.options[answer.choice].correct;
        QuizResult r = finish(quiz, ok, 1, ok);
        r.items.push_back(mark(answer.choice, ok ? ItemMark::Right : ItemMark::Wrong));
        return r;
    }
    case QuizKind::Multiple: {
        if (answer.choices.empty()) return noAnswer(quiz);
        const int n = static_cast<int>(quiz.options.size());
        std::vector<bool> chosen(quiz.options.size(), false);
        int wrong = 0;
        for (int c : answer.choices) {
            if (c >= 0 && c < n) {
                chosen[c] = true;
            } else {
                ++wrong;  // out of range counts against the pupil, never crashes
            }
        }
        int right = 0, total = 0;
        std::vector<ItemFeedback> items;
        for (int i = 0; i < n; ++i) {
            const bool correct = quiz.options[i].correct;
            total += correct;
            if (chosen[i] && correct) {
                ++right;
                items.push_back(mark(i, ItemMark::Right));
            } else if (chosen[i]) {
                ++wrong;
                items.push_back(mark(i, ItemMark::Wrong));
            } else if (correct) {
                items.push_back(mark(i, ItemMark::Missed));
            }
        }
        QuizResult r = finish(quiz, std::max(0, right - wrong), total, total > 0 && right == total && wrong == 0);
        r.items = std::move(items);
        return r;
    }
    case QuizKind::TrueFalse: {
        const bool ok = answer.truth == quiz.truth;
        QuizResult r = finish(quiz, ok, 1, ok);
        r.items.push_back(mark(0, ok ? ItemMark::Right : ItemMark::Wrong));
        return r;
    }
    case QuizKind::Order: return gradePermutation(quiz, answer.order, quiz.items.size());
    case QuizKind::Match: return gradePermutation(quiz, answer.match, quiz.pairs.size());
    case QuizKind::TypeAnswer: {
        if (normalizeAnswer(answer.text).empty()) return noAnswer(quiz);
        const std::string typed = normalizeAnswer(answer.text);
        bool ok = false;
        for (const auto& accepted : quiz.answers.get(answer.lang)) ok |= typed == normalizeAnswer(accepted);
        QuizResult r = finish(quiz, ok, 1, ok);
        r.items.push_back(mark(0, ok ? ItemMark::Right : ItemMark::Wrong));
        return r;
    }
    default: {
        QuizResult r = noAnswer(quiz);
        r.message_key = "pack.quiz.incorrect";
        return r;
    }
    }
}

std::vector<int> presentationOrder(size_t n, uint32_t seed) {
    std::vector<int> order(n);
    for (size_t i = 0; i < n; ++i) order[i] = static_cast<int>(i);
    if (n < 2) return order;
    uint32_t x = seed * 2654435761u + 0x9E3779B9u;  // xorshift32, never zero
    if (x == 0) x = 1;
    auto next = [&x]() {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        return x;
    };
    for (size_t i = n - 1; i > 0; --i) std::swap(order[i], order[next() % (i + 1)]);
    bool solved = true;
    for (size_t i = 0; i < n; ++i) solved &= order[i] == static_cast<int>(i);
    if (solved) std::rotate(order.begin(), order.begin() + 1, order.end());
    return order;
}

bool quizHasCorrectAnswer(const Quiz& quiz) {
    switch (quiz.kind) {
    case QuizKind::Single: {
        int n = 0;
        for (const auto& o : quiz.options) n += o.correct;
        return n == 1 && quiz.options.size() >= 2;
    }
    case QuizKind::Multiple:
        return quiz.options.size() >= 2 &&
               std::any_of(quiz.options.begin(), quiz.options.end(), [](const QuizOption& o) { return o.correct; });
    case QuizKind::TrueFalse: return true;
    case QuizKind::Order: return quiz.items.size() >= 2;
    case QuizKind::Match: return quiz.pairs.size() >= 2;
    case QuizKind::TypeAnswer: {
        auto nonEmpty = [](const std::vector<std::string>& v) {
            return std::any_of(v.begin(), v.end(), [](const std::string& s) { return !normalizeAnswer(s).empty(); });
        };
        return nonEmpty(quiz.answers.kk) && nonEmpty(quiz.answers.ru);
    }
    default: return false;
    }
}

}  // namespace sandyq::course
