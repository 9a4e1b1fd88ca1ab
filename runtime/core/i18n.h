// core/i18n.h — message catalogues (kk, ru, en), plural rules and number formatting.
// Depends on: core/status, core/utf8, nlohmann-json (parsing only, in i18n.cpp).
// Ownership: a Translator owns its Catalogues by value; several may exist at once (app, tests).
// Errors: a malformed catalogue is a Status with the file name and the JSON error offset;
// a key missing in every language renders as "⟦key⟧" so it is visible, never a crash.
//
// Catalogue files are flat JSON objects: "key": "text with {name} placeholders", or
// "key": {"one": "...", "few": "...", "many": "...", "other": "..."} for plural forms, chosen by
// the integer argument named "n". "{{" and "}}" are literal braces. Number arguments are
// formatted per language (kk/ru: "12 345,5" with a no-break space; en: "12,345.5").
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sandyq::text {

enum class Lang : uint8_t { None = 0, Kk, Ru, En };
constexpr Lang kAllLangs[] = {Lang::Kk, Lang::Ru, Lang::En};
constexpr Lang kDefaultLang = Lang::Kk;

std::string_view langCode(Lang lang);          // "kk", "ru", "en"; "" for None
Lang langFromCode(std::string_view code);      // accepts "kk", "kk-KZ", "ru_RU"...; None if unknown

// CLDR plural categories (kk: one/other; ru: one/few/many/other; en: one/other).
enum class Plural : uint8_t { None = 0, One, Few, Many, Other };
std::string_view pluralName(Plural p);
Plural pluralFromName(std::string_view name);
Plural pluralCategory(Lang lang, int64_t n);

std::string formatInteger(Lang lang, int64_t value);
// Rounds half away from zero to `decimals` digits (0..6); trailing zeros are kept.
std::string formatDecimal(Lang lang, double value, int decimals);

// One argument for a message: a named text or number.
struct Arg {
    enum class Kind : uint8_t { Text, Int, Real };
    std::string_view name;
    Kind kind = Kind::Text;
    std::string_view text;
    int64_t integer = 0;
    double real = 0;
    int decimals = 1;

    Arg(std::string_view n, std::string_view t) : name(n), kind(Kind::Text), text(t) {}
    Arg(std::string_view n, const char* t) : name(n), kind(Kind::Text), text(t) {}
    Arg(std::string_view n, const std::string& t) : name(n), kind(Kind::Text), text(t) {}
    Arg(std::string_view n, int v) : name(n), kind(Kind::Int), integer(v) {}
    Arg(std::string_view n, int64_t v) : name(n), kind(Kind::Int), integer(v) {}
    Arg(std::string_view n, double v, int dec = 1) : name(n), kind(Kind::Real), real(v), decimals(dec) {}
};

class Catalogue {
public:
    struct Entry {
        std::string text;                     // used when forms is empty
        std::map<Plural, std::string> forms;  // plural forms
    };

    // Adds the entries of one JSON file (later files override earlier keys). `source` names the
    // file in error messages. On error nothing is added.
    Status addJson(std::string_view json, std::string_view source);
    // The same entries handed over flat by the page (web/pre.js parses the JSON with the browser's
    // JSON.parse, much faster than parsing it in freshly loaded wasm before the first frame):
    // records separated by '\x1e', fields by '\x1f': key, "=", text | key, "#", form, text, ….
    // The same checks as addJson; on error nothing is added.
    Status addFlat(std::string_view flat, std::string_view source);
    const Entry* find(std::string_view key) const;
    size_t size() const { return entries_.size(); }
    std::vector<std::string> keys() const;

private:
    std::map<std::string, Entry, std::less<>> entries_;
};

// Placeholder names used in a message ("{name}"), in order of first use; for consistency checks.
std::vector<std::string> placeholdersOf(std::string_view message);

class Translator {
public:
    Catalogue& catalogue(Lang lang);
    const Catalogue& catalogue(Lang lang) const;
    void setLanguage(Lang lang) { lang_ = lang == Lang::None ? kDefaultLang : lang; }
    Lang language() const { return lang_; }
    // In lesson preview a fallback is marked, e.g. "[ru] текст", so authors see what's missing.
    void setMarkFallbacks(bool mark) { mark_fallbacks_ = mark; }

    // The message for key in the current language, falling back kk → ru → en.
    std::string tr(std::string_view key, std::initializer_list<Arg> args = {}) const;
    std::string tr(std::string_view key, const std::vector<Arg>& args) const;
    bool has(std::string_view key) const;
    // Which language actually provides key (None if none does).
    Lang resolve(std::string_view key) const;

private:
    std::string trImpl(std::string_view key, const Arg* args, size_t count) const;
    Catalogue catalogues_[3];
    Lang lang_ = kDefaultLang;
    bool mark_fallbacks_ = false;
};

// Formats one message text with args in a language (exposed for pack texts and tests).
std::string formatMessage(Lang lang, std::string_view message, const Arg* args, size_t count);

}  // namespace sandyq::text
