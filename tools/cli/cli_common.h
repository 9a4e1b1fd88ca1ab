// tools/cli/cli_common.h — what every native command-line tool needs: reading a whole file and
// loading the kk/ru/en catalogues from assets/i18n/<lang>/*.json (the tools speak the pupil's or
// teacher's language, like the app).
// Depends on: core/i18n, POSIX dirent. Header-only (each tool is one translation unit).
#pragma once

#include <dirent.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "core/i18n.h"

namespace sandyq::cli {

inline bool readFile(const std::string& path, std::string& out) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    std::stringstream ss;
    ss << f.rdbuf();
    out = ss.str();
    return true;
}

// Loads every <dir>/<lang>/*.json; a broken file is reported on stderr (prefixed with `tool`)
// and skipped. Returns true when at least one catalogue loaded.
inline bool loadCatalogues(text::Translator& tr, const std::string& dir, const char* tool) {
    bool any = false;
    for (text::Lang lang : text::kAllLangs) {
        const std::string ldir = dir + "/" + std::string(text::langCode(lang));
        DIR* d = opendir(ldir.c_str());
        if (!d) continue;
        while (dirent* e = readdir(d)) {
            const std::string name = e->d_name;
            if (name.size() < 6 || name.substr(name.size() - 5) != ".json") continue;
            std::string json;
            if (!readFile(ldir + "/" + name, json)) continue;
            const Status st = tr.catalogue(lang).addJson(json, name);
            if (!st.ok()) {
                std::fprintf(stderr, "%s: %s/%s: %s %s\n", tool, ldir.c_str(), name.c_str(), st.message_key.c_str(), st.detail.c_str());
            } else {
                any = true;
            }
        }
        closedir(d);
    }
    return any;
}

}  // namespace sandyq::cli
