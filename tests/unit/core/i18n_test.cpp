#include "core/i18n.h"

#include <doctest/doctest.h>

using namespace sandyq::text;

namespace {
Translator makeTranslator() {
    Translator t;
    REQUIRE(t.catalogue(Lang::Kk).addJson(R"({
        "hello": "Сәлем, {name}!",
        "stars": {"one": "{n} жұлдыз", "other": "{n} жұлдыз"},
        "only.kk": "тек қазақша"
    })", "kk.json").ok());
    REQUIRE(t.catalogue(Lang::Ru).addJson(R"({
        "hello": "Привет, {name}!",
        "stars": {"one": "{n} звезда", "few": "{n} звезды", "many": "{n} звёзд", "other": "{n} звезды"},
        "only.ru": "только по-русски"
    })", "ru.json").ok());
    REQUIRE(t.catalogue(Lang::En).addJson(R"({
        "hello": "Hello, {name}!",
        "stars": {"one": "{n} star", "other": "{n} stars"},
        "only.en": "English only",
        "only.ru": "Russian-or-English"
    })", "en.json").ok());
    return t;
}
}  // namespace

TEST_CASE("core.i18n: Kazakh is the default language") {
    const Translator t = makeTranslator();
    CHECK(t.language() == Lang::Kk);
    CHECK(t.tr("hello", {{"name", "Әлия"}}) == "Сәлем, Әлия!");
}

TEST_CASE("core.i18n: fallback goes kk → ru → en and can be marked for preview") {
    Translator t = makeTranslator();
    CHECK(t.tr("only.ru") == "только по-русски");   // kk missing → ru
    CHECK(t.tr("only.en") == "English only");        // kk, ru missing → en
    CHECK(t.resolve("only.ru") == Lang::Ru);
    t.setLanguage(Lang::En);
    CHECK(t.tr("only.kk") == "тек қазақша");         // en missing → kk first
    CHECK(t.tr("only.ru") == "Russian-or-English");  // en has it
    t.setLanguage(Lang::Kk);
    t.setMarkFallbacks(true);
    CHECK(t.tr("only.ru") == "[ru] только по-русски");
    CHECK(t.tr("hello", {{"name", "Ерлан"}}) == "Сәлем, Ерлан!");
    CHECK(t.tr("no.such.key") == "⟦no.such.key⟧");   // visible, never a crash
}

TEST_CASE("core.i18n: Russian plural forms follow CLDR") {
    Translator t = makeTranslator();
    t.setLanguage(Lang::Ru);
    CHECK(t.tr("stars", {{"n", 1}}) == "1 звезда");
    CHECK(t.tr("stars", {{"n", 2}}) == "2 звезды");
    CHECK(t.tr("stars", {{"n", 5}}) == "5 звёзд");
    CHECK(t.tr("stars", {{"n", 11}}) == "11 звёзд");
    CHECK(t.tr("stars", {{"n", 21}}) == "21 звезда");
    CHECK(t.tr("stars", {{"n", 22}}) == "22 звезды");
    CHECK(t.tr("stars", {{"n", 112}}) == "112 звёзд");
    CHECK(t.tr("stars", {{"n", 0}}) == "0 звёзд");
    t.setLanguage(Lang::En);
    CHECK(t.tr("stars", {{"n", 1}}) == "1 star");
    CHECK(t.tr("stars", {{"n", 3}}) == "3 stars");
    CHECK(pluralCategory(Lang::Kk, 1) == Plural::One);
    CHECK(pluralCategory(Lang::Kk, 7) == Plural::Other);
    CHECK(pluralCategory(Lang::Ru, -3) == Plural::Few);
}

TEST_CASE("core.i18n: numbers are formatted per language") {
    CHECK(formatInteger(Lang::Kk, 12345) == "12\u00A0345");
    CHECK(formatInteger(Lang::Ru, 1000000) == "1\u00A0000\u00A0000");
    CHECK(formatInteger(Lang::En, 1234567) == "1,234,567");
    CHECK(formatInteger(Lang::Ru, 999) == "999");
    CHECK(formatInteger(Lang::Kk, -1500) == "\u22121\u00A0500");
    CHECK(formatDecimal(Lang::Kk, 3.14159, 2) == "3,14");
    CHECK(formatDecimal(Lang::En, 2.5, 1) == "2.5");
    CHECK(formatDecimal(Lang::Ru, 1234.5, 1) == "1\u00A0234,5");
    CHECK(formatDecimal(Lang::En, 0.005, 2) == "0.01");
    CHECK(formatDecimal(Lang::Ru, -0.004, 2) == "0,00");  // no "−0,00"
    Translator t = makeTranslator();
    CHECK(t.tr("stars", {{"n", 10000}}) == "10\u00A0000 жұлдыз");
}

TEST_CASE("core.i18n: malformed catalogues are rejected with the file name and change nothing") {
    Catalogue c;
    REQUIRE(c.addJson(R"({"a": "A"})", "good.json").ok());
    const auto s1 = c.addJson(R"({"a": "B", "b": )", "broken.json");
    CHECK(s1.code == sandyq::ErrorCode::Corrupt);
    CHECK(s1.message_key == "err.i18n.bad_json");
    CHECK(s1.where == "broken.json");
    const auto s2 = c.addJson(R"({"a": "B", "p": {"lots": "x"}})", "plural.json");
    CHECK(s2.message_key == "err.i18n.bad_plural");
    CHECK(c.addJson(R"(["a"])", "array.json").message_key == "err.i18n.not_object");
    CHECK(c.addJson(R"({"n": 5})", "num.json").message_key == "err.i18n.bad_value");
    REQUIRE(c.find("a") != nullptr);
    CHECK(c.find("a")->text == "A");  // untouched by the failed loads
    CHECK(c.size() == 1);
}

TEST_CASE("core.i18n: placeholders, literal braces and unknown arguments") {
    CHECK(placeholdersOf("{a} and {b} and {a}") == std::vector<std::string>{"a", "b"});
    const Arg args[] = {{"x", 42}, {"s", "мәтін"}};
    CHECK(formatMessage(Lang::En, "{{x}} = {x}, {s}", args, 2) == "{x} = 42, мәтін");
    CHECK(formatMessage(Lang::En, "{missing}", args, 2) == "{missing}");
    CHECK(formatMessage(Lang::En, "unclosed {x", args, 2) == "unclosed {x");
    CHECK(langFromCode("kk-KZ") == Lang::Kk);
    CHECK(langFromCode("ru_RU") == Lang::Ru);
    CHECK(langFromCode("de") == Lang::None);
}

TEST_CASE("core.i18n: the page's flat hand-over gives the same entries as the JSON; a broken one changes nothing") {
    Catalogue json, flat;
    REQUIRE(json.addJson(R"({"hello": "Сәлем, {name}!", "empty": "", "stars": {"one": "{n} жұлдыз", "other": "{n} жұлдыз"}})", "kk.json").ok());
    const std::string rec1 = std::string("hello\x1f=\x1fСәлем, {name}!");
    const std::string rec2 = std::string("empty\x1f=\x1f");
    const std::string rec3 = std::string("stars\x1f#\x1fone\x1f{n} жұлдыз\x1fother\x1f{n} жұлдыз");
    REQUIRE(flat.addFlat(rec1 + "\x1e" + rec2 + "\x1e" + rec3, "kk.flat").ok());
    CHECK(flat.keys() == json.keys());
    for (const std::string& k : json.keys()) {
        INFO(k);
        CHECK(flat.find(k)->text == json.find(k)->text);
        CHECK(flat.find(k)->forms == json.find(k)->forms);
    }
    Translator t;
    REQUIRE(t.catalogue(Lang::Kk).addFlat(rec1 + "\x1e" + rec3, "kk.flat").ok());
    CHECK(t.tr("hello", {{"name", "Әлия"}}) == "Сәлем, Әлия!");

    // Broken records: named with the source, nothing added.
    Catalogue c;
    REQUIRE(c.addFlat("a\x1f=\x1f" "A", "good.flat").ok());
    CHECK(c.addFlat("b\x1f=\x1f" "B\x1e" "x\x1f?\x1fy", "odd.flat").message_key == "err.i18n.bad_value");
    CHECK(c.addFlat("p\x1f#\x1flots\x1fx", "plural.flat").message_key == "err.i18n.bad_plural");
    CHECK(c.addFlat("p\x1f#\x1fone\x1fx", "no-other.flat").message_key == "err.i18n.bad_plural");
    CHECK(c.addFlat("p\x1f#\x1fone", "short.flat").where == "short.flat");
    CHECK(c.size() == 1);
    CHECK(c.find("b") == nullptr);
}
