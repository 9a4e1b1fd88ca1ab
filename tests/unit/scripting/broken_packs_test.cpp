// The corpus of broken and hostile packs (tests/packs/broken/<case>/): each must be contained and
// reported with the message key, file and line written in its expect.txt:
//   <message_key> <file>:<line> [<arg>=<value>]
// Adding a case is adding a folder.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "scripting/packcheck.h"

using namespace sandyq;
using namespace sandyq::course;
using namespace sandyq::scripting;

namespace fs = std::filesystem;

namespace {
struct Expectation {
    std::string key, file;
    int line = 0;
    std::string arg_name, arg_value;
};

std::vector<Expectation> readExpectations(const fs::path& file) {
    std::vector<Expectation> out;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        std::istringstream ss(line);
        Expectation e;
        std::string where;
        ss >> e.key >> where;
        const size_t colon = where.rfind(':');
        e.file = where.substr(0, colon);
        e.line = std::stoi(where.substr(colon + 1));
        std::string rest;
        std::getline(ss, rest);
        if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
        const size_t eq = rest.find('=');
        if (eq != std::string::npos) {
            e.arg_name = rest.substr(0, eq);
            e.arg_value = rest.substr(eq + 1);
        }
        out.push_back(e);
    }
    return out;
}
}  // namespace

TEST_CASE("scripting.broken_packs: every hostile or broken pack is contained and explained") {
    const fs::path root = fs::path(SANDYQ_SOURCE_DIR) / "tests/packs/broken";
    std::vector<fs::path> cases;
    for (const auto& e : fs::directory_iterator(root)) {
        if (e.is_directory()) cases.push_back(e.path());
    }
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= 13);
    PackcheckOptions options;
    options.limits = {2'000'000, 16u << 20};
    for (const auto& dir : cases) {
        const std::string name = dir.filename().string();
        const auto expectations = readExpectations(dir / "expect.txt");
        REQUIRE_MESSAGE(!expectations.empty(), name);
        FolderPackSource source("broken/" + name);
        // The pack is read from the real folder but named as a teacher would see it.
        struct Named final : PackSource {
            FolderPackSource real;
            std::string name;
            Named(std::string root, std::string n) : real(std::move(root)), name(std::move(n)) {}
            std::string displayName() const override { return name; }
            Result<std::string> read(std::string_view p) const override { return real.read(p); }
            bool exists(std::string_view p) const override { return real.exists(p); }
            std::vector<std::string> list() const override { return real.list(); }
        } named(dir.string(), "broken/" + name);
        const Problems problems = checkPack(named, options);
        const bool reported = problems.hasErrors() || name == "bad_codes";
        CHECK_MESSAGE(reported, name);
        for (const auto& e : expectations) {
            bool found = false;
            for (const auto& p : problems.list()) {
                if (p.message_key == e.key && p.file == "broken/" + name + "/" + e.file && p.line == e.line &&
                    (e.arg_name.empty() || p.arg(e.arg_name) == e.arg_value)) {
                    found = true;
                }
            }
            std::string got;
            for (const auto& p : problems.list()) {
                got += "\n  " + p.message_key + " " + p.file + ":" + std::to_string(p.line);
                for (const auto& a : p.args) got += " " + a.name + "=" + a.value;
            }
            CHECK_MESSAGE(found, name << ": expected " << e.key << " " << e.file << ":" << e.line << " " << e.arg_name
                                      << "=" << e.arg_value << "; got:" << got);
        }
    }
}

TEST_CASE("scripting.broken_packs: the hostile packs touched nothing outside the sandbox") {
    CHECK_FALSE(fs::exists("/tmp/sandyq-hacked"));
}

TEST_CASE("scripting.broken_packs: 300 damaged copies of the example pack never crash the checker") {
    // Deterministic damage: cut, duplicate or swap pieces of the lesson files, as a half-saved
    // or badly merged file would look. Every run must end with a problem list, nothing else.
    const fs::path root = fs::path(SANDYQ_SOURCE_DIR) / "lessons/example";
    auto read = [](const fs::path& p) {
        std::ifstream f(p, std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        return ss.str();
    };
    const std::string manifest = read(root / "pack.lua");
    const std::string lessons[] = {read(root / "devices.lua"), read(root / "check.lua")};
    const std::string picture = read(root / "assets/computer.png");
    uint32_t x = 12345;
    auto next = [&x]() {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        return x;
    };
    PackcheckOptions options;
    options.limits = {500'000, 8u << 20};
    int with_errors = 0;
    for (int round = 0; round < 300; ++round) {
        std::string damaged = lessons[round % 2];
        for (int cuts = 1 + next() % 3; cuts > 0; --cuts) {
            const size_t a = next() % damaged.size(), len = 1 + next() % 40;
            switch (next() % 3) {
            case 0: damaged.erase(a, len); break;
            case 1: damaged.insert(a, damaged.substr(next() % damaged.size(), len)); break;
            default: std::swap(damaged[a], damaged[next() % damaged.size()]); break;
            }
        }
        MemoryPackSource s("damaged");
        s.add("pack.lua", manifest);
        s.add(round % 2 ? "check.lua" : "devices.lua", damaged);
        s.add(round % 2 ? "devices.lua" : "check.lua", lessons[(round + 1) % 2]);
        s.add("assets/computer.png", round % 7 ? picture : picture.substr(0, picture.size() / 2));
        const Problems ps = checkPack(s, options);
        with_errors += ps.hasErrors();
    }
    CHECK(with_errors > 100);  // most damage is noticed; the rest is harmless (e.g. inside a text)
}
