#include "platform/file_storage.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

using namespace sandyq;
using platform::FileStorage;

namespace {
std::string makeTempDir() {
    char tmpl[] = "/tmp/sandyq-storage-XXXXXX";
    const char* dir = mkdtemp(tmpl);
    REQUIRE(dir != nullptr);
    return dir;
}
bool fileExists(const std::string& p) {
    struct stat st {};
    return stat(p.c_str(), &st) == 0;
}
}  // namespace

TEST_CASE("platform.file_storage: write, read back, list and remove") {
    const std::string root = makeTempDir() + "/data";
    int commits = 0;
    FileStorage s(root, [&] { ++commits; });
    REQUIRE(s.open().ok());
    REQUIRE(s.writeAtomic("settings.json", R"({"lang":"kk"})").ok());
    REQUIRE(s.writeAtomic("progress/3A/p1.json", "Әлия: 3 ★").ok());
    CHECK(commits == 2);
    CHECK(s.read("settings.json").value() == R"({"lang":"kk"})");
    CHECK(s.read("progress/3A/p1.json").value() == "Әлия: 3 ★");
    CHECK(s.list("").value() == std::vector<std::string>{"progress/3A/p1.json", "settings.json"});
    CHECK(s.list("progress").value() == std::vector<std::string>{"progress/3A/p1.json"});
    CHECK(s.read("missing.json").status().code == ErrorCode::NotFound);
    CHECK(s.read("../etc/passwd").status().code == ErrorCode::Invalid);
    REQUIRE(s.remove("settings.json").ok());
    CHECK(s.read("settings.json").status().code == ErrorCode::NotFound);
    CHECK(s.remove("settings.json").ok());  // removing twice is fine
}

TEST_CASE("platform.file_storage: a failure in the middle of a write keeps the previous value") {
    const std::string root = makeTempDir();
    FileStorage s(root);
    REQUIRE(s.open().ok());
    REQUIRE(s.writeAtomic("progress.json", "version 1: all stars").ok());
    for (auto stage : {FileStorage::WriteStage::TempPartlyWritten, FileStorage::WriteStage::TempSynced}) {
        s.setWriteHook([stage](FileStorage::WriteStage at) { return at != stage; });
        const Status st = s.writeAtomic("progress.json", "version 2: this must not appear half-written");
        CHECK(st.code == ErrorCode::Io);
        CHECK(st.where == "progress.json");
        CHECK(s.read("progress.json").value() == "version 1: all stars");
        CHECK_FALSE(fileExists(root + "/progress.json.sandyq-tmp"));
    }
    s.setWriteHook({});
    REQUIRE(s.writeAtomic("progress.json", "version 3").ok());
    CHECK(s.read("progress.json").value() == "version 3");
}

#ifndef __EMSCRIPTEN__  // no fork() in wasm; the injected failures above cover the same paths there
TEST_CASE("platform.file_storage: a process killed mid-write leaves the previous content") {
    const std::string root = makeTempDir();
    {
        FileStorage s(root);
        REQUIRE(s.open().ok());
        REQUIRE(s.writeAtomic("class-3A.json", "old roster: 24 pupils").ok());
    }
    for (auto stage : {FileStorage::WriteStage::TempPartlyWritten, FileStorage::WriteStage::TempSynced}) {
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            // The child dies abruptly (no destructors, no cleanup), like a closed tab or power cut.
            FileStorage s(root);
            s.setWriteHook([stage](FileStorage::WriteStage at) {
                if (at == stage) _exit(42);
                return true;
            });
            (void)s.writeAtomic("class-3A.json", std::string(200000, 'X'));
            _exit(0);
        }
        int wstatus = 0;
        REQUIRE(waitpid(pid, &wstatus, 0) == pid);
        REQUIRE(WIFEXITED(wstatus));
        REQUIRE(WEXITSTATUS(wstatus) == 42);
        CHECK(fileExists(root + "/class-3A.json.sandyq-tmp"));  // the crash left a temp file
        FileStorage after(root);
        REQUIRE(after.open().ok());  // which open() cleans up
        CHECK_FALSE(fileExists(root + "/class-3A.json.sandyq-tmp"));
        CHECK(after.read("class-3A.json").value() == "old roster: 24 pupils");
        CHECK(after.list("").value() == std::vector<std::string>{"class-3A.json"});
    }
}

#endif

TEST_CASE("platform.file_storage: a read-only root reports an I/O error, not a crash") {
    if (geteuid() == 0) return;  // root ignores permissions; covered by the injected failures
    const std::string root = makeTempDir();
    REQUIRE(chmod(root.c_str(), 0555) == 0);
    FileStorage s(root);
    CHECK(s.writeAtomic("x.json", "1").code == ErrorCode::Io);
    chmod(root.c_str(), 0755);
}
