// blocks.packs: the bundled lesson packs' block steps fit the block table — every allowed
// block type exists in the step's world, and each reference solution converts to blocks (a
// warning when it needs a block the step's toolbox lacks).
#include <doctest/doctest.h>

#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "blocks/convert.h"

using namespace sandyq::blocks;

namespace {
void luaFiles(const std::string& dir, std::vector<std::string>& out) {
    DIR* d = opendir(dir.c_str());
    if (!d) return;
    while (dirent* e = readdir(d)) {
        const std::string name = e->d_name;
        if (name == "." || name == "..") continue;
        const std::string path = dir + "/" + name;
        if (name.size() > 4 && name.substr(name.size() - 4) == ".lua") out.push_back(path);
        else if (name.find('.') == std::string::npos) luaFiles(path, out);
    }
    closedir(d);
}

std::string unescape(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char c = s[++i];
            out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
        } else {
            out += s[i];
        }
    }
    return out;
}
}  // namespace

TEST_CASE("blocks.packs: block steps allow known blocks and their solutions are buildable from them") {
    std::vector<std::string> files;
    luaFiles(std::string(SANDYQ_SOURCE_DIR) + "/lessons", files);
    int steps = 0;
    const std::regex kind_re("kind = \"(\\w+)\"");
    const std::regex allowed_re("allowed = \\{([^}]*)\\}");
    const std::regex solution_re("solution = \"((?:[^\"\\\\]|\\\\.)*)\"");
    const std::regex name_re("\"([^\"]+)\"");
    for (const std::string& f : files) {
        std::ifstream in(f);
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string text = ss.str();
        // blocks{} steps, and robot{} steps edited with blocks (editor = "blocks")
        for (const std::string marker : {"blocks {", "robot {"}) {
        size_t at = 0;
        while ((at = text.find(marker, at)) != std::string::npos) {
            at += marker.size();
            size_t end = std::string::npos;
            for (const char* next : {"blocks {", "robot {", "python {", "theory {", "quiz {"})
                end = std::min(end, text.find(next, at));
            const std::string chunk = text.substr(at, end == std::string::npos ? std::string::npos : end - at);
            std::smatch kind, allowed, solution;
            std::string world;
            if (marker == "robot {") {
                if (chunk.find("editor = \"blocks\"") == std::string::npos) continue;
                world = "robot";
            } else {
                if (!std::regex_search(chunk, kind, kind_re)) continue;
                world = kind[1];
            }
            CAPTURE(f);
            std::vector<std::string> types;
            if (std::regex_search(chunk, allowed, allowed_re)) {
                const std::string list = allowed[1];
                for (auto it = std::sregex_iterator(list.begin(), list.end(), name_re); it != std::sregex_iterator(); ++it) {
                    const std::string type = (*it)[1];
                    CAPTURE(type);
                    const BlockDef* d = findBlock(type);
                    REQUIRE(d);
                    CHECK((d->world.empty() || d->world == world));
                    types.push_back(type);
                }
            }
            if (!std::regex_search(chunk, solution, solution_re)) continue;
            const std::string src = unescape(solution[1]);
            CAPTURE(src);
            const TextToBlocks tb = workspaceFromText(src, world);
            REQUIRE(tb.error.ok());
            CHECK(compileWorkspace(tb.workspace).ok());
            if (!types.empty()) {
                types.push_back("events.start");
                // Reported, not failed: the packs belong to their authors (a solution that needs a
                // block the toolbox lacks cannot be built by the pupil).
                for (BlockId id : tb.workspace.allBlocks()) {
                    const std::string& t = tb.workspace.block(id)->def->type;
                    WARN_MESSAGE(std::find(types.begin(), types.end(), t) != types.end(),
                                 f << ": the solution uses " << t << ", which the step does not allow");
                }
            }
            ++steps;
        }
        }
    }
    MESSAGE(steps << " block steps checked");
    CHECK(steps > 0);
}
