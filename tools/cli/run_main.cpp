// tools/cli/run_main.cpp — sandyq-run: runs a Python-style file natively.
//   sandyq-run FILE.py [--lang kk|ru|en] [--input-file F] [--i18n DIR] [--max-instructions N]
//                      [--seed N]
// Prints the program's output to stdout. On a mistake prints, to stderr,
//   File "FILE.py", line N
//   ExceptionName: <message in the chosen language>
//   <hint, if any>
// and exits with 1 (2 for usage errors: bad flags, unreadable file or catalogues).
#include <dirent.h>
#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "core/i18n.h"
#include "cli_common.h"
#include "program/vm.h"
#include "pyish/pyish.h"

using namespace sandyq;

namespace {



class CliHost final : public program::Host {
public:
    std::string input;
    size_t input_pos = 0;
    bool use_stdin = true;

    void write(std::string_view text) override {
        std::fwrite(text.data(), 1, text.size(), stdout);
    }

    program::InputReply readLine(std::string_view, std::string& line) override {
        if (use_stdin) {
            std::fflush(stdout);
            char buf[4096];
            line.clear();
            bool got = false;
            while (std::fgets(buf, sizeof buf, stdin)) {
                got = true;
                line += buf;
                if (!line.empty() && line.back() == '\n') break;
            }
            return got ? program::InputReply::Line : program::InputReply::Eof;
        }
        if (input_pos >= input.size()) return program::InputReply::Eof;
        size_t nl = input.find('\n', input_pos);
        if (nl == std::string::npos) nl = input.size();
        line = input.substr(input_pos, nl - input_pos);
        input_pos = nl + 1;
        return program::InputReply::Line;
    }
};

void report(const text::Translator& tr, const std::string& file, const program::Diagnostic& d) {
    std::fflush(stdout);
    std::fprintf(stderr, "  File \"%s\", line %u\n", file.c_str(), d.line);
    std::fprintf(stderr, "%s: %s\n", program::exceptionName(d.exception), program::renderMessage(tr, d).c_str());
    const std::string hint = program::renderHint(tr, d);
    if (!hint.empty()) std::fprintf(stderr, "%s\n", hint.c_str());
}

int usage() {
    std::fprintf(stderr, "usage: sandyq-run FILE.py [--lang kk|ru|en] [--input-file F] [--i18n DIR] [--max-instructions N] [--seed N]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    // The VM allocates and frees many small objects; keep freed memory instead of returning it
    // to the OS after every collection (page faults otherwise dominate string-heavy programs).
#if defined(M_TRIM_THRESHOLD) && defined(M_TOP_PAD) && defined(M_MMAP_THRESHOLD)  // glibc only
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    mallopt(M_TOP_PAD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
#endif
    std::string file, input_file, i18n_dir = SANDYQ_I18N_DIR;
    text::Lang lang = text::Lang::Kk;
    program::Limits limits;
    limits.max_instructions = 20'000'000'000ull;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        if (a == "--lang") {
            const char* v = value();
            if (!v) return usage();
            lang = text::langFromCode(v);
            if (lang == text::Lang::None) return usage();
        } else if (a == "--input-file") {
            const char* v = value();
            if (!v) return usage();
            input_file = v;
        } else if (a == "--i18n") {
            const char* v = value();
            if (!v) return usage();
            i18n_dir = v;
        } else if (a == "--max-instructions") {
            const char* v = value();
            if (!v) return usage();
            limits.max_instructions = std::strtoull(v, nullptr, 10);
        } else if (a == "--seed") {
            const char* v = value();
            if (!v) return usage();
            limits.random_seed = std::strtoull(v, nullptr, 10);
        } else if (!a.empty() && a[0] == '-') {
            return usage();
        } else if (file.empty()) {
            file = a;
        } else {
            return usage();
        }
    }
    if (file.empty()) return usage();
    std::string source;
    if (!cli::readFile(file, source)) {
        std::fprintf(stderr, "sandyq-run: cannot read %s\n", file.c_str());
        return 2;
    }
    text::Translator tr;
    tr.setLanguage(lang);
    if (!cli::loadCatalogues(tr, i18n_dir, "sandyq-run")) std::fprintf(stderr, "sandyq-run: no catalogues in %s\n", i18n_dir.c_str());

    static char out_buf[1 << 16];
    std::setvbuf(stdout, out_buf, _IOFBF, sizeof out_buf);

    pyish::CompileResult compiled = pyish::compile(source);
    if (!compiled.ok()) {
        report(tr, file, compiled.error);
        return 1;
    }
    CliHost host;
    if (!input_file.empty()) {
        if (!cli::readFile(input_file, host.input)) {
            std::fprintf(stderr, "sandyq-run: cannot read %s\n", input_file.c_str());
            return 2;
        }
        host.use_stdin = false;
    }
    program::Vm vm(compiled.program, host, limits);
    const program::StepStatus s = vm.runToEnd();
    std::fflush(stdout);
    if (s == program::StepStatus::Faulted) {
        report(tr, file, vm.diagnostic());
        return 1;
    }
    return 0;
}
