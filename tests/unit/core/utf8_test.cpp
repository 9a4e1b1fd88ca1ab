#include "core/utf8.h"

#include <doctest/doctest.h>

using namespace sandyq::text;

TEST_CASE("core.utf8: all 18 Kazakh letters decode, count and round-trip") {
    const std::string kazakh = "ӘҒҚҢӨҰҮҺІәғқңөұүһі";
    CHECK(isValidUtf8(kazakh));
    CHECK(codepointCount(kazakh) == 18);
    const std::u32string cps = toCodepoints(kazakh);
    REQUIRE(cps.size() == 18);
    CHECK(cps[0] == 0x04D8);  // Ә
    CHECK(cps[8] == 0x0406);  // І (not Latin I)
    for (char32_t cp : cps) CHECK(isKazakhSpecificLetter(cp));
    CHECK(fromCodepoints(cps) == kazakh);
}

TEST_CASE("core.utf8: upper and lower case of Kazakh and Russian words") {
    CHECK(toUpper("сәлем, әлем!") == "СӘЛЕМ, ӘЛЕМ!");
    CHECK(toLower("ҚАЗАҚСТАН") == "қазақстан");
    CHECK(toLower("ӨҢІРҰҮҺҒ") == "өңірұүһғ");
    CHECK(toUpper("ёжик") == "ЁЖИК");
    CHECK(toUpper("Python") == "PYTHON");
    for (char32_t cp : toCodepoints("ӘҒҚҢӨҰҮҺІ")) CHECK(toUpper(toLower(cp)) == cp);
    CHECK(toLower(U'I') == U'i');        // Latin stays Latin
    CHECK(toLower(char32_t{0x0406}) == 0x0456);  // Cyrillic І → і
}

TEST_CASE("core.utf8: invalid bytes become U+FFFD and never loop or crash") {
    const std::string bad = std::string("a\xC3") + "b" + "\xE2\x82" + "\xFF" + "қ" + "\xF0\x9F";
    CHECK_FALSE(isValidUtf8(bad));
    const std::string clean = sanitizeUtf8(bad);
    CHECK(isValidUtf8(clean));
    CHECK(clean == "a\uFFFDb\uFFFD\uFFFD\uFFFDқ\uFFFD\uFFFD");
    CHECK_FALSE(isValidUtf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK(isValidUtf8("\uFFFD"));                  // a real replacement char is valid text
}

TEST_CASE("core.utf8: truncation never cuts a letter in half") {
    CHECK(truncateCodepoints("Қазақ", 3) == "Қаз");
    CHECK(truncateCodepoints("Қазақ", 10) == "Қазақ");
    CHECK(truncateCodepoints("", 2).empty());
    std::string out;
    appendUtf8(out, 0x20B8);  // ₸
    CHECK(out == "₸");
    appendUtf8(out, 0xD800);  // a surrogate is not a character
    CHECK(out == "₸\uFFFD");
}
