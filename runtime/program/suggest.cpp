// program/suggest.cpp — "did you mean …?" for misspelt names, aware of Latin/Cyrillic look-alikes.
#include <algorithm>

#include "core/utf8.h"
#include "program/vm_impl.h"

namespace sandyq::program {

namespace {

// Maps a Latin letter to the Cyrillic letter that looks the same (a→а, o→о, i→і ...).
char32_t fold(char32_t c) {
    switch (c) {
        case U'a': return U'а'; case U'A': return U'А';
        case U'e': return U'е'; case U'E': return U'Е';
        case U'o': return U'о'; case U'O': return U'О';
        case U'p': return U'р'; case U'P': return U'Р';
        case U'c': return U'с'; case U'C': return U'С';
        case U'x': return U'х'; case U'X': return U'Х';
        case U'y': return U'у'; case U'Y': return U'У';
        case U'i': return U'і'; case U'I': return U'І';
        case U'k': return U'к'; case U'K': return U'К';
        case U'h': return U'һ'; case U'H': return U'Н';
        case U'B': return U'В'; case U'M': return U'М'; case U'T': return U'Т';
        default: return c;
    }
}

size_t distance(const std::u32string& a, const std::u32string& b, bool fold_letters) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = 2 * j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = 2 * i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const bool same = fold_letters ? fold(a[i - 1]) == fold(b[j - 1]) : a[i - 1] == b[j - 1];
            // a case-only difference costs less than a different letter
            const bool case_only = !same && text::toLower(a[i - 1]) == text::toLower(b[j - 1]);
            cur[j] = std::min({prev[j] + 2, cur[j - 1] + 2, prev[j - 1] + (same ? 0 : case_only ? 1 : 2)});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

}  // namespace

std::string suggestName(std::string_view wrong, const std::vector<std::string_view>& candidates, bool& lookalike) {
    lookalike = false;
    const std::u32string w = text::toCodepoints(wrong);
    std::string best;
    size_t best_score = SIZE_MAX;
    for (auto c : candidates) {
        if (c == wrong || c.empty() || c[0] == '<') continue;
        const std::u32string cc = text::toCodepoints(c);
        if (cc.size() == w.size() && distance(w, cc, true) == 0) {
            lookalike = true;
            return std::string(c);
        }
        const size_t d = distance(w, cc, false);
        // CPython's rule: insert/delete/substitute cost 2, a case change 1, at most (a+b+3)/3.
        const size_t limit = (w.size() + cc.size() + 3) / 3;
        if (d <= limit && d < best_score) {
            best_score = d;
            best = std::string(c);
        }
    }
    return best;
}

}  // namespace sandyq::program
