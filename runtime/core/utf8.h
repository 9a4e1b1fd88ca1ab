// core/utf8.h — UTF-8 for Kazakh, Russian and English text.
// Depends on: the standard library only. All functions are pure and never fail: invalid
// sequences decode as U+FFFD (one byte consumed), so hostile input can't crash or loop.
// Case mapping covers ASCII, Latin-1, Cyrillic U+0400–U+04FF (incl. Kazakh ә ғ қ ң ө ұ ү һ і).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sandyq::text {

constexpr char32_t kReplacementChar = 0xFFFD;

struct Decoded {
    char32_t cp = kReplacementChar;  // the code point, or U+FFFD for an invalid sequence
    uint8_t length = 1;              // bytes consumed (1..4), never 0 while input remains
};

// Decodes the code point at byte offset `pos` (pos < s.size()). Rejects overlongs, surrogates
// and values above U+10FFFF.
Decoded decodeUtf8(std::string_view s, size_t pos);
// Appends the UTF-8 encoding of cp; invalid code points are written as U+FFFD.
void appendUtf8(std::string& out, char32_t cp);

bool isValidUtf8(std::string_view s);
std::string sanitizeUtf8(std::string_view s);  // invalid sequences → U+FFFD
size_t codepointCount(std::string_view s);     // what a child calls "letters"
std::u32string toCodepoints(std::string_view s);
std::string fromCodepoints(std::u32string_view cps);
// The longest prefix of at most max_codepoints code points; never cuts a letter in half.
std::string_view truncateCodepoints(std::string_view s, size_t max_codepoints);

char32_t toLower(char32_t cp);
char32_t toUpper(char32_t cp);
std::string toLower(std::string_view s);
std::string toUpper(std::string_view s);

bool isKazakhSpecificLetter(char32_t cp);  // Ә ә Ғ ғ Қ қ Ң ң Ө ө Ұ ұ Ү ү Һ һ І і
bool isCyrillicLetter(char32_t cp);
bool isLetter(char32_t cp);  // Latin, Latin-1 letters and Cyrillic; used by identifiers

}  // namespace sandyq::text
