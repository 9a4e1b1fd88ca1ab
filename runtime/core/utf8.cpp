#include "core/utf8.h"

namespace sandyq::text {

Decoded decodeUtf8(std::string_view s, size_t pos) {
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char b0 = byte(pos);
    if (b0 < 0x80) return {b0, 1};
    size_t need = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) { need = 1; cp = b0 & 0x1F; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { need = 2; cp = b0 & 0x0F; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { need = 3; cp = b0 & 0x07; min = 0x10000; }
    else return {};
    if (pos + need >= s.size()) return {};  // truncated sequence
    for (size_t i = 1; i <= need; ++i) {
        const unsigned char b = byte(pos + i);
        if ((b & 0xC0) != 0x80) return {};
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
    return {cp, static_cast<uint8_t>(need + 1)};
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementChar;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool isValidUtf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const Decoded d = decodeUtf8(s, i);
        if (d.length == 1 && d.cp == kReplacementChar) return false;
        i += d.length;
    }
    return true;
}

std::string sanitizeUtf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const Decoded d = decodeUtf8(s, i);
        appendUtf8(out, d.cp);
        i += d.length;
    }
    return out;
}

size_t codepointCount(std::string_view s) {
    size_t n = 0;
    for (size_t i = 0; i < s.size(); i += decodeUtf8(s, i).length) ++n;
    return n;
}

std::u32string toCodepoints(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const Decoded d = decodeUtf8(s, i);
        out += d.cp;
        i += d.length;
    }
    return out;
}

std::string fromCodepoints(std::u32string_view cps) {
    std::string out;
    out.reserve(cps.size() * 2);
    for (char32_t cp : cps) appendUtf8(out, cp);
    return out;
}

std::string_view truncateCodepoints(std::string_view s, size_t max_codepoints) {
    size_t i = 0;
    for (size_t n = 0; i < s.size() && n < max_codepoints; ++n) i += decodeUtf8(s, i).length;
    return s.substr(0, i);
}

namespace {
// Cyrillic Supplement pairs (U+0460–U+04FF, except U+04C0 palochka and U+04C1–U+04CE): upper
// case is even, lower case odd.
bool inPairedRange(char32_t cp) {
    return (cp >= 0x0460 && cp <= 0x0481) || (cp >= 0x048A && cp <= 0x04BF) ||
           (cp >= 0x04D0 && cp <= 0x04FF);
}
}  // namespace

char32_t toLower(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
    if (cp >= 0x0410 && cp <= 0x042F) return cp + 32;   // А–Я
    if (cp >= 0x0400 && cp <= 0x040F) return cp + 80;   // Ѐ–Џ incl. І (U+0406 → U+0456)
    if (inPairedRange(cp) && (cp % 2 == 0)) return cp + 1;  // Ғ Қ Ң Ү Ұ Һ Ә Ө …
    if (cp >= 0x04C1 && cp <= 0x04CE && (cp % 2 == 1)) return cp + 1;
    if (cp == 0x04C0) return 0x04CF;
    return cp;
}

char32_t toUpper(char32_t cp) {
    if (cp >= 'a' && cp <= 'z') return cp - 32;
    if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return cp - 32;
    if (cp >= 0x0430 && cp <= 0x044F) return cp - 32;
    if (cp >= 0x0450 && cp <= 0x045F) return cp - 80;
    if (inPairedRange(cp) && (cp % 2 == 1)) return cp - 1;
    if (cp >= 0x04C2 && cp <= 0x04CE && (cp % 2 == 0)) return cp - 1;
    if (cp == 0x04CF) return 0x04C0;
    return cp;
}

std::string toLower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const Decoded d = decodeUtf8(s, i);
        appendUtf8(out, toLower(d.cp));
        i += d.length;
    }
    return out;
}

std::string toUpper(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const Decoded d = decodeUtf8(s, i);
        appendUtf8(out, toUpper(d.cp));
        i += d.length;
    }
    return out;
}

bool isKazakhSpecificLetter(char32_t cp) {
    switch (cp) {
        case 0x04D8: case 0x04D9:  // Ә ә
        case 0x0492: case 0x0493:  // Ғ ғ
        case 0x049A: case 0x049B:  // Қ қ
        case 0x04A2: case 0x04A3:  // Ң ң
        case 0x04E8: case 0x04E9:  // Ө ө
        case 0x04B0: case 0x04B1:  // Ұ ұ
        case 0x04AE: case 0x04AF:  // Ү ү
        case 0x04BA: case 0x04BB:  // Һ һ
        case 0x0406: case 0x0456:  // І і
            return true;
        default:
            return false;
    }
}

bool isCyrillicLetter(char32_t cp) {
    return (cp >= 0x0400 && cp <= 0x0481) || (cp >= 0x048A && cp <= 0x04FF);
}

bool isLetter(char32_t cp) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return true;
    if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7) return true;
    return isCyrillicLetter(cp);
}

}  // namespace sandyq::text
