// pyish.messages: every catalogue key the VM and the front end can produce exists in kk, ru and
// en (so a pupil never sees a raw key), and Kazakh texts use Kazakh letters where they should.
#include <doctest/doctest.h>

#include <dirent.h>

#include <fstream>
#include <regex>
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

std::set<std::string> keysUsedIn(const std::string& dir) {
    std::set<std::string> keys;
    DIR* d = opendir(dir.c_str());
    REQUIRE(d != nullptr);
    const std::regex key_re("\"(py\\.[a-z_]+\\.[a-z_0-9]+)\"");
    while (dirent* e = readdir(d)) {
        const std::string n = e->d_name;
        if (n.size() < 5 || n.substr(n.size() - 4) != ".cpp") continue;
        const std::string text = readFile(dir + "/" + n);
        for (std::sregex_iterator it(text.begin(), text.end(), key_re), end; it != end; ++it) keys.insert((*it)[1]);
    }
    closedir(d);
    return keys;
}
}  // namespace

TEST_CASE("pyish.messages: every py.* key in the code has kk, ru and en text") {
    Catalogue cats[3];
    int i = 0;
    for (Lang lang : kAllLangs) {
        const std::string path = std::string(SANDYQ_SOURCE_DIR) + "/assets/i18n/" + std::string(langCode(lang)) + "/pyish.json";
        REQUIRE(cats[i++].addJson(readFile(path), path).ok());
    }
    std::set<std::string> keys = keysUsedIn(std::string(SANDYQ_SOURCE_DIR) + "/runtime/program");
    for (const auto& k : keysUsedIn(std::string(SANDYQ_SOURCE_DIR) + "/runtime/pyish")) keys.insert(k);
    CHECK(keys.size() > 150);
    for (const auto& k : keys) {
        INFO(k);
        for (auto& c : cats) CHECK(c.find(k) != nullptr);
    }
}

TEST_CASE("pyish.messages: the key messages read naturally in each language") {
    Translator tr;
    for (Lang lang : kAllLangs) {
        const std::string path = std::string(SANDYQ_SOURCE_DIR) + "/assets/i18n/" + std::string(langCode(lang)) + "/pyish.json";
        REQUIRE(tr.catalogue(lang).addJson(readFile(path), path).ok());
    }
    tr.setLanguage(Lang::Kk);
    CHECK(tr.tr("py.err.endless_loop", {{"n", 1000000}, {"loop_line", 3}}) == "3-жолдағы цикл 1\xC2\xA0" "000\xC2\xA0" "000 рет орындалды, бірақ тоқтамады.");
    CHECK(tr.tr("py.syntax.unsupported", {{"construct", "class"}}) == "Бұл сабақтағы Python-да әзірге class жоқ.");
    tr.setLanguage(Lang::Ru);
    CHECK(tr.tr("py.err.endless_loop", {{"n", 22}, {"loop_line", 3}}) == "Цикл в строке 3 выполнился 22 раза и не остановился.");
    CHECK(tr.tr("py.err.endless_loop", {{"n", 25}, {"loop_line", 3}}) == "Цикл в строке 3 выполнился 25 раз и не остановился.");
    CHECK(tr.tr("py.err.arg_count_exact", {{"name", "f"}, {"n", 5}, {"given", 1}}) == "f() нужно ровно 5 значений в скобках, а дано 1.");
    tr.setLanguage(Lang::En);
    CHECK(tr.tr("py.err.endless_loop", {{"n", 1}, {"loop_line", 2}}) == "The loop on line 2 ran 1 time and did not stop.");
}
