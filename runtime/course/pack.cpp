// course/pack.cpp — small helpers over the pack data types.
#include "course/pack.h"

namespace sandyq::course {

const std::string& LocalizedText::get(text::Lang lang, text::Lang* used) const {
    static const std::string kEmpty;
    auto pick = [&](text::Lang l) -> const std::string* {
        switch (l) {
        case text::Lang::Kk: return kk.empty() ? nullptr : &kk;
        case text::Lang::Ru: return ru.empty() ? nullptr : &ru;
        case text::Lang::En: return (en && !en->empty()) ? &*en : nullptr;
        default: return nullptr;
        }
    };
    const text::Lang order[] = {lang, text::Lang::Kk, text::Lang::Ru, text::Lang::En};
    for (text::Lang l : order) {
        if (const std::string* s = pick(l)) {
            if (used) *used = l;
            return *s;
        }
    }
    if (used) *used = text::Lang::None;
    return kEmpty;
}

std::vector<TextSpan> parseEmphasis(std::string_view text) {
    std::vector<TextSpan> spans;
    auto push = [&](std::string_view s, bool strong) {
        if (s.empty()) return;
        if (!spans.empty() && spans.back().strong == strong) {
            spans.back().text.append(s);
        } else {
            spans.push_back({std::string(s), strong});
        }
    };
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t open = text.find("**", pos);
        if (open == std::string_view::npos) break;
        const size_t close = text.find("**", open + 2);
        if (close == std::string_view::npos || close == open + 2) break;  // unbalanced or "****"
        push(text.substr(pos, open - pos), false);
        push(text.substr(open + 2, close - open - 2), true);
        pos = close + 2;
    }
    push(text.substr(pos), false);
    return spans;
}

namespace {
constexpr std::string_view kQuizNames[] = {"", "single", "multiple", "truefalse", "order", "match", "text"};
}

std::string_view quizKindName(QuizKind kind) {
    const auto i = static_cast<size_t>(kind);
    return i < std::size(kQuizNames) ? kQuizNames[i] : "";
}

QuizKind quizKindFromName(std::string_view name) {
    for (size_t i = 1; i < std::size(kQuizNames); ++i) {
        if (kQuizNames[i] == name) return static_cast<QuizKind>(i);
    }
    return QuizKind::None;
}

std::string_view codingKindName(CodingKind kind) {
    switch (kind) {
    case CodingKind::Blocks: return "blocks";
    case CodingKind::Python: return "python";
    case CodingKind::Robot: return "robot";
    default: return "";
    }
}

const std::vector<std::string>& AcceptedAnswers::get(text::Lang lang) const {
    if (lang == text::Lang::Ru && !ru.empty()) return ru;
    if (lang == text::Lang::En && !en.empty()) return en;
    if (!kk.empty()) return kk;
    if (!ru.empty()) return ru;
    return en;
}

int maxPoints(const Step& step) {
    switch (step.kind) {
    case StepKind::Quiz: return step.quiz.points;
    case StepKind::Coding: return step.coding.points;
    default: return 0;
    }
}

}  // namespace sandyq::course
