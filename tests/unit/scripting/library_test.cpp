// The course map's list of packs: good packs by grade, broken ones listed with their problems,
// two packs with one id, pictures read on demand.
#include <doctest/doctest.h>

#include "scripting/pack_library.h"

using namespace sandyq;
using namespace sandyq::course;
using namespace sandyq::scripting;

namespace {
std::unique_ptr<MemoryPackSource> pack(const char* name, const char* id, int grade, const char* title_kk) {
    auto s = std::make_unique<MemoryPackSource>(name);
    s->add("pack.lua", std::string("pack { id = \"") + id + "\", version = \"1.0\", grade = " + std::to_string(grade) +
                           ", title = { kk = \"" + title_kk + "\", ru = \"Т\" }, author = \"T\", licence = \"CC\", lessons = { \"l.lua\" } }");
    s->add("l.lua", R"lua(lesson { id = "l", title = { kk = "С", ru = "У" }, steps = {
  theory { id = "t", body = { { kk = "Мәтін", ru = "Текст" } } } } })lua");
    s->add("assets/a.png", "bytes");
    return s;
}
}  // namespace

TEST_CASE("scripting.library: packs by grade, broken packs listed, duplicate ids refused") {
    PackLibrary lib({500'000, 8u << 20});
    const PackHandle grade4 = lib.add(pack("p4", "kz.t.four", 4, "Төртінші"));
    const PackHandle grade2b = lib.add(pack("p2b", "kz.t.two-b", 2, "Бағдарлама"));
    const PackHandle grade2a = lib.add(pack("p2a", "kz.t.two-a", 2, "Алгоритм"));
    auto bad = pack("bad", "kz.t.bad", 3, "Бұзық");
    bad->add("l.lua", "while true do end");
    const PackHandle broken = lib.add(std::move(bad));
    const PackHandle dup = lib.add(pack("copy-of-p4", "kz.t.four", 4, "Көшірме"));
    CHECK(lib.size() == 5);
    const auto map = lib.usableByGrade();
    REQUIRE(map.size() == 3);
    CHECK(map[0].value == grade2a.value);
    CHECK(map[1].value == grade2b.value);
    CHECK(map[2].value == grade4.value);
    const auto failed = lib.broken();
    REQUIRE(failed.size() == 2);
    CHECK(failed[0].value == broken.value);
    CHECK(lib.pack(broken)->problems.has("pack.err.instructions"));
    CHECK(failed[1].value == dup.value);
    REQUIRE(lib.pack(dup)->problems.has("pack.duplicate_pack"));
    CHECK(lib.pack(dup)->problems.list().back().arg("other") == "p4");
    CHECK(lib.readAsset(grade4, "assets/a.png").value() == "bytes");
    CHECK(lib.readAsset(grade4, "../p2a/pack.lua").status().code == ErrorCode::Invalid);
    CHECK(lib.pack(PackHandle{}) == nullptr);
    CHECK(lib.pack(PackHandle{99}) == nullptr);
}

TEST_CASE("scripting.library: the bundled lessons folder loads as a course map") {
    PackLibrary lib;
    CHECK(lib.addFolders(std::string(SANDYQ_SOURCE_DIR) + "/lessons") >= 1);
    CHECK(lib.broken().empty());
    const auto map = lib.usableByGrade();
    REQUIRE_FALSE(map.empty());
    CHECK(lib.pack(map[0])->pack.lessons.size() >= 1);
}
