// The real catalogues under assets/i18n load through the C++ parser, and every key a language
// has, the others have too, with the same placeholders (tools/i18n.py checks the same at build).
#include <doctest/doctest.h>

#include <dirent.h>

#include <fstream>
#include <set>
#include <sstream>

#include "core/i18n.h"

using namespace sandyq::text;

namespace {
std::string readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

Catalogue loadLang(Lang lang) {
    Catalogue c;
    const std::string dir = std::string(SANDYQ_SOURCE_DIR) + "/assets/i18n/" + std::string(langCode(lang));
    DIR* d = opendir(dir.c_str());
    REQUIRE(d != nullptr);
    while (dirent* e = readdir(d)) {
        const std::string name = e->d_name;
        if (name.size() > 5 && name.substr(name.size() - 5) == ".json") {
            const auto st = c.addJson(readFile(dir + "/" + name), name);
            INFO(dir << "/" << name << ": " << st.message_key << " " << st.detail);
            CHECK(st.ok());
        }
    }
    closedir(d);
    return c;
}
}  // namespace

TEST_CASE("core.i18n: bundled kk/ru/en catalogues are complete and consistent") {
    const Catalogue kk = loadLang(Lang::Kk), ru = loadLang(Lang::Ru), en = loadLang(Lang::En);
    CHECK(kk.size() > 20);
    const auto kk_keys = kk.keys();
    const auto ru_keys = ru.keys();
    const auto en_keys = en.keys();
    CHECK(kk_keys == ru_keys);
    CHECK(kk_keys == en_keys);
    for (const auto& key : kk_keys) {
        const auto* a = kk.find(key);
        const auto* b = ru.find(key);
        if (a == nullptr || b == nullptr || !a->forms.empty()) continue;
        INFO(key);
        const auto pa = placeholdersOf(a->text), pb = placeholdersOf(b->text);
        CHECK(std::set<std::string>(pa.begin(), pa.end()) == std::set<std::string>(pb.begin(), pb.end()));
    }
    // The app's own name of each language is written in that language.
    REQUIRE(kk.find("lang.kk") != nullptr);
    CHECK(kk.find("lang.kk")->text == "Қазақша");
    CHECK(ru.find("lang.ru")->text == "Русский");
}
