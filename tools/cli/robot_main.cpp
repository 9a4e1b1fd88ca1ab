// tools/cli/robot_main.cpp — sandyq-robot: runs a Python-style program on a robot mat headless.
//   sandyq-robot MAT PROGRAM.py [--json] [--lang kk|ru|en] [--i18n DIR] [--max-instructions N]
// MAT is a built-in mat name (line_oval, line_junction, maze, stop_wall, color_zones, sumo) or a
// mat description file (.json, see worlds/robot/mat.h; a "picture": "file.png" field is read
// relative to it). Prints the program's status, the mat's goals (passed / why not), the final
// pose, the simulated time, the wall-clock time and the trace hash (equal hashes = identical
// runs, natively and in wasm). --json prints one JSON object instead.
// Exit code: 0 when the program finished and every goal passed, 1 otherwise, 2 for usage errors
// (bad flags, unreadable files, a bad mat).
#include <dirent.h>

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

#include "core/i18n.h"
#include "cli_common.h"
#include "program/vm.h"
#include "pyish/pyish.h"
#include "worlds/robot/robot_world.h"
#include "worlds/runner.h"

using namespace sandyq;

namespace {



std::string jsonEscape(std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 32) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string renderGoal(const text::Translator& tr, const worlds::GoalResult& g) {
    std::vector<text::Arg> args;
    for (const auto& [k, v] : g.args) args.emplace_back(k, v);
    return tr.tr(g.message_key, args);
}

// The mat's "picture": "file.png" (relative to the mat file), if any.
std::string pictureField(const std::string& json) {
    const size_t k = json.find("\"picture\"");
    if (k == std::string::npos) return {};
    const size_t q1 = json.find('"', json.find(':', k) + 1);
    const size_t q2 = q1 == std::string::npos ? q1 : json.find('"', q1 + 1);
    if (q2 == std::string::npos) return {};
    return json.substr(q1 + 1, q2 - q1 - 1);
}

int usage() {
    std::fprintf(stderr, "usage: sandyq-robot MAT PROGRAM.py [--json] [--lang kk|ru|en] [--i18n DIR] [--max-instructions N]\n"
                         "  MAT: a built-in mat (");
    for (const std::string& n : robot::builtinMatNames()) std::fprintf(stderr, " %s", n.c_str());
    std::fprintf(stderr, " ) or a mat .json file\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string mat_arg, file, i18n_dir = SANDYQ_I18N_DIR;
    bool as_json = false;
    text::Lang lang = text::Lang::Kk;
    program::Limits limits;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        if (a == "--json") {
            as_json = true;
        } else if (a == "--lang") {
            const char* v = value();
            if (!v || (lang = text::langFromCode(v)) == text::Lang::None) return usage();
        } else if (a == "--i18n") {
            const char* v = value();
            if (!v) return usage();
            i18n_dir = v;
        } else if (a == "--max-instructions") {
            const char* v = value();
            if (!v) return usage();
            limits.max_instructions = std::strtoull(v, nullptr, 10);
        } else if (!a.empty() && a[0] == '-') {
            return usage();
        } else if (mat_arg.empty()) {
            mat_arg = a;
        } else if (file.empty()) {
            file = a;
        } else {
            return usage();
        }
    }
    if (file.empty()) return usage();

    // The mat: a built-in name or a description file (+ its picture).
    std::string mat_json, picture;
    if (!robot::builtinMatJson(mat_arg).empty()) {
        mat_json = "{\"mat\":\"" + mat_arg + "\"}";
    } else {
        if (!cli::readFile(mat_arg, mat_json)) {
            std::fprintf(stderr, "sandyq-robot: cannot read %s\n", mat_arg.c_str());
            return usage();
        }
        const std::string pic = pictureField(mat_json);
        if (!pic.empty()) {
            const size_t slash = mat_arg.rfind('/');
            const std::string path = (slash == std::string::npos ? std::string() : mat_arg.substr(0, slash + 1)) + pic;
            if (!cli::readFile(path, picture)) {
                std::fprintf(stderr, "sandyq-robot: cannot read %s\n", path.c_str());
                return 2;
            }
        }
    }
    text::Translator tr;
    tr.setLanguage(lang);
    cli::loadCatalogues(tr, i18n_dir, "sandyq-robot");
    auto made = robot::createRobotWorld(mat_json, picture);
    if (!made.ok()) {
        std::fprintf(stderr, "sandyq-robot: %s: %s (%s)\n", mat_arg.c_str(), tr.tr(made.status().message_key).c_str(),
                     made.status().where.c_str());
        return 2;
    }
    robot::RobotWorld& world = *made.value();

    std::string source;
    if (!cli::readFile(file, source)) {
        std::fprintf(stderr, "sandyq-robot: cannot read %s\n", file.c_str());
        return 2;
    }
    pyish::CompileResult compiled = pyish::compile(source);
    program::Diagnostic diag = compiled.error;
    worlds::RunStatus status = worlds::RunStatus::Faulted;
    const auto t0 = std::chrono::steady_clock::now();
    const std::clock_t c0 = std::clock();
    if (compiled.ok()) {
        worlds::Runner runner(compiled.program, world, limits);
        // The world's own max_seconds ends a program that never stops; the runner's clock
        // (which counts whole frames per sensor query) must not end it earlier.
        status = runner.runToEnd(1e12);
        diag = runner.diagnostic();
        if (!runner.output().empty() && !as_json) std::fputs(runner.output().c_str(), stdout);
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;

    const auto goals = world.checkMatGoals();
    bool all = status == worlds::RunStatus::Finished;
    for (const auto& g : goals) all = all && g.second.passed;
    const robot::Pose pose = world.pose();
    const double speedup = wall > 0 ? world.time() / wall : 0;
    const char* status_name = status == worlds::RunStatus::Finished ? "finished" : "faulted";
    std::string error;
    if (!diag.ok()) error = std::string(program::exceptionName(diag.exception)) + ": " + program::renderMessage(tr, diag);

    if (as_json) {
        std::printf("{\"mat\":\"%s\",\"status\":\"%s\",", jsonEscape(world.mat().name).c_str(), status_name);
        if (!diag.ok())
            std::printf("\"error\":{\"line\":%u,\"exception\":\"%s\",\"message_key\":\"%s\",\"message\":\"%s\"},", diag.line,
                        program::exceptionName(diag.exception), jsonEscape(diag.message_key).c_str(), jsonEscape(error).c_str());
        std::printf("\"time\":%.3f,\"steps\":%u,\"pose\":{\"x\":%.3f,\"y\":%.3f,\"heading\":%.2f},\"goals\":[", world.time(),
                    world.sim().steps(), pose.x, pose.y, pose.heading_deg);
        for (size_t i = 0; i < goals.size(); ++i) {
            const auto& [spec, res] = goals[i];
            std::printf("%s{\"builtin\":\"%s\",\"passed\":%s,\"message_key\":\"%s\",\"message\":\"%s\"}", i ? "," : "",
                        jsonEscape(spec.builtin).c_str(), res.passed ? "true" : "false", jsonEscape(res.message_key).c_str(),
                        res.passed ? "" : jsonEscape(renderGoal(tr, res)).c_str());
        }
        std::printf("],\"passed\":%s,\"trace_hash\":\"%016" PRIx64 "\",\"wall_seconds\":%.6f,\"cpu_seconds\":%.6f,\"speedup\":%.1f,\"speedup_cpu\":%.1f}\n",
                    all ? "true" : "false", world.traceHash(), wall, cpu, speedup, cpu > 0 ? world.time() / cpu : 0);
    } else {
        std::printf("mat:        %s\n", world.mat().name.c_str());
        std::printf("program:    %s\n", status_name);
        if (!diag.ok()) std::printf("  line %u: %s\n", diag.line, error.c_str());
        std::printf("time:       %.3f s simulated (%u steps of 5 ms), %.3f s real, %.0fx real time\n", world.time(),
                    world.sim().steps(), wall, speedup);
        std::printf("pose:       x=%.2f cm y=%.2f cm heading=%.1f deg\n", pose.x, pose.y, pose.heading_deg);
        std::printf("goals:\n");
        for (const auto& [spec, res] : goals)
            std::printf("  %-16s %s%s%s\n", spec.builtin.c_str(), res.passed ? "passed" : "FAILED",
                        res.passed ? "" : ": ", res.passed ? "" : renderGoal(tr, res).c_str());
        std::printf("trace hash: %016" PRIx64 "\n", world.traceHash());
        std::printf("result:     %s\n", all ? "PASS" : "FAIL");
    }
    return all ? 0 : 1;
}
