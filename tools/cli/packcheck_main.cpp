// tools/cli/packcheck_main.cpp — sandyq-packcheck: the teacher's validator for lesson packs.
//   sandyq-packcheck PATH... [--lang kk|ru|en] [--json] [--i18n DIR] [--api] [--time]
// PATH is a pack folder (with pack.lua), a folder of packs (e.g. lessons/) or a pack as one .zip
// (when built with minizip). Prints one line per
// problem, "file:line: level: message" in the chosen language, then a summary per pack; --json
// prints the same as JSON for tools; --api prints the pack API help; --time prints to stderr the
// wall and CPU milliseconds spent loading + validating (for tools/bench_packs.py). Exit status: 0 no errors
// (warnings allowed), 1 a pack has errors, 2 usage error (bad flag, no pack found, no catalogues).
#include <dirent.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "cli_common.h"
#include "course/pack_source.h"
#include "scripting/pack_api.h"
#include "scripting/packcheck.h"
#if SANDYQ_HAVE_ZIP
#include "scripting/zip_pack_source.h"
#endif

using namespace sandyq;

namespace {



std::string jsonEscape(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

std::string render(const text::Translator& tr, const course::Problem& p) {
    std::vector<text::Arg> args;
    for (const auto& a : p.args) {
        // Counts choose plural forms, so "n" goes in as a number.
        if (a.name == "n" && !a.value.empty() && a.value.find_first_not_of("0123456789") == std::string::npos) {
            args.emplace_back(a.name, static_cast<int64_t>(std::stoll(a.value)));
        } else {
            args.emplace_back(a.name, a.value);
        }
    }
    return tr.tr(p.message_key, args);
}

// A folder, or a .zip unpacked in memory (the way the browser preview will get it).
course::Problems checkPath(const std::string& path) {
    const bool zip = path.size() > 4 && path.compare(path.size() - 4, 4, ".zip") == 0;
    if (!zip) return scripting::checkPack(course::FolderPackSource(path));
    course::Problems problems;
#if SANDYQ_HAVE_ZIP
    std::string bytes;
    if (!cli::readFile(path, bytes)) {
        problems.error(path, 0, "pack.file_missing", {{"file", path}});
        return problems;
    }
    auto source = scripting::unpackZip(bytes, path);
    if (!source.ok()) {
        problems.error(path, 0, source.status().message_key, {{"file", source.status().where}});
        return problems;
    }
    return scripting::checkPack(source.value());
#else
    problems.error(path, 0, "pack.zip_broken", {{"file", path}});
    return problems;
#endif
}

int usage() {
    std::fprintf(stderr, "usage: sandyq-packcheck PATH... [--lang kk|ru|en] [--json] [--i18n DIR] [--api] [--time]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> paths;
    text::Lang lang = text::Lang::Kk;
    bool json = false, api = false, timing = false;
    std::string i18n_dir = SANDYQ_I18N_DIR;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--json") {
            json = true;
        } else if (a == "--time") {
            timing = true;
        } else if (a == "--api") {
            api = true;
        } else if (a == "--lang" && i + 1 < argc) {
            lang = text::langFromCode(argv[++i]);
            if (lang == text::Lang::None) return usage();
        } else if (a == "--i18n" && i + 1 < argc) {
            i18n_dir = argv[++i];
        } else if (!a.empty() && a[0] == '-') {
            return usage();
        } else {
            paths.push_back(a);
        }
    }
    text::Translator tr;
    if (!cli::loadCatalogues(tr, i18n_dir, "sandyq-packcheck")) {
        std::fprintf(stderr, "sandyq-packcheck: no catalogues in %s\n", i18n_dir.c_str());
        return 2;
    }
    tr.setLanguage(lang);
    if (api) {
        for (const auto& f : scripting::packApi()) {
            std::printf("%s\n    %s\n", f.signature, tr.tr(f.help_key).c_str());
        }
        return 0;
    }
    if (paths.empty()) return usage();

    std::vector<std::string> packs;
    for (const auto& p : paths) {
        if (p.size() > 4 && p.compare(p.size() - 4, 4, ".zip") == 0) {
            packs.push_back(p);
            continue;
        }
        auto found = course::findPackFolders(p);
        if (found.empty()) {
            std::fprintf(stderr, "%s: %s\n", p.c_str(), tr.tr("pack.no_pack_found").c_str());
            return 2;
        }
        packs.insert(packs.end(), found.begin(), found.end());
    }

    bool any_errors = false;
    double check_ms = 0, check_cpu_ms = 0;
    std::string out_json = "{\"packs\":[";
    for (size_t k = 0; k < packs.size(); ++k) {
        const auto t0 = std::chrono::steady_clock::now();
        const std::clock_t c0 = std::clock();
        const course::Problems problems = checkPath(packs[k]);
        check_cpu_ms += 1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
        check_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        any_errors |= problems.hasErrors();
        if (json) {
            if (k) out_json += ',';
            out_json += "{\"path\":" + jsonEscape(packs[k]) + ",\"errors\":" + std::to_string(problems.errorCount()) +
                        ",\"warnings\":" + std::to_string(problems.warningCount()) + ",\"problems\":[";
            for (size_t i = 0; i < problems.list().size(); ++i) {
                const auto& p = problems.list()[i];
                if (i) out_json += ',';
                out_json += "{\"file\":" + jsonEscape(p.file) + ",\"line\":" + std::to_string(p.line) +
                            ",\"level\":" + jsonEscape(course::levelName(p.level)) + ",\"key\":" + jsonEscape(p.message_key) +
                            ",\"message\":" + jsonEscape(render(tr, p)) + ",\"args\":{";
                for (size_t j = 0; j < p.args.size(); ++j) {
                    if (j) out_json += ',';
                    out_json += jsonEscape(p.args[j].name) + ":" + jsonEscape(p.args[j].value);
                }
                out_json += "}}";
            }
            out_json += "]}";
            continue;
        }
        for (const auto& p : problems.list()) {
            const std::string level = tr.tr(p.level == course::Level::Error ? "pack.level.error" : "pack.level.warning");
            if (p.line > 0) {
                std::printf("%s:%d: %s: %s\n", p.file.c_str(), p.line, level.c_str(), render(tr, p).c_str());
            } else {
                std::printf("%s: %s: %s\n", p.file.c_str(), level.c_str(), render(tr, p).c_str());
            }
        }
        const std::string summary = tr.tr("pack.summary_errors", {{"n", problems.errorCount()}}) + ", " +
                                    tr.tr("pack.summary_warnings", {{"n", problems.warningCount()}});
        std::printf("%s: %s\n", packs[k].c_str(), summary.c_str());
    }
    if (json) std::printf("%s]}\n", out_json.c_str());
    if (timing) std::fprintf(stderr, "packcheck-time: packs=%zu wall_ms=%.2f cpu_ms=%.2f\n", packs.size(), check_ms, check_cpu_ms);
    return any_errors ? 1 : 0;
}
