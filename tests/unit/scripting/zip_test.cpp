// A pack handed over as one .zip (as a teacher uploads it): the example pack checks clean from a
// zip with a top folder; a hostile zip cannot place files outside the pack; junk is a clear error.
#include <doctest/doctest.h>

#include <zip.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "scripting/packcheck.h"
#include "scripting/zip_pack_source.h"

using namespace sandyq;
using namespace sandyq::scripting;
namespace fs = std::filesystem;

namespace {
std::string readFile(const fs::path& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// Writes a zip of (name, bytes) entries with minizip and returns its bytes.
std::string makeZip(const std::vector<std::pair<std::string, std::string>>& files) {
    const fs::path tmp = fs::temp_directory_path() / ("sandyq-zip-test-" + std::to_string(::getpid()) + ".zip");
    zipFile z = zipOpen64(tmp.string().c_str(), APPEND_STATUS_CREATE);
    REQUIRE(z != nullptr);
    for (const auto& [name, bytes] : files) {
        zip_fileinfo info{};
        REQUIRE(zipOpenNewFileInZip64(z, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 6, 0) == ZIP_OK);
        REQUIRE(zipWriteInFileInZip(z, bytes.data(), static_cast<unsigned>(bytes.size())) == ZIP_OK);
        REQUIRE(zipCloseFileInZip(z) == ZIP_OK);
    }
    REQUIRE(zipClose(z, nullptr) == ZIP_OK);
    std::string out = readFile(tmp);
    fs::remove(tmp);
    return out;
}
}  // namespace

TEST_CASE("scripting.zip: the example pack zipped in its folder checks clean") {
    const fs::path root = fs::path(SANDYQ_SOURCE_DIR) / "lessons/example";
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (e.is_regular_file()) files.emplace_back("example/" + fs::relative(e.path(), root).generic_string(), readFile(e.path()));
    }
    auto source = unpackZip(makeZip(files), "example.zip");
    REQUIRE(source.ok());
    CHECK(source.value().exists("pack.lua"));
    CHECK(source.value().exists("assets/computer.png"));
    const auto problems = checkPack(source.value());
    for (const auto& p : problems.list()) INFO(p.message_key << " " << p.file << ":" << p.line);
    CHECK(problems.list().empty());
    LoadedPack lp = loadPack(source.value());
    CHECK(lp.pack.lessons.size() == 2);
}

TEST_CASE("scripting.zip: hostile and broken zips are refused with a clear key") {
    auto evil = unpackZip(makeZip({{"pack.lua", "pack{}"}, {"../../evil.lua", "os.execute('x')"}}), "evil.zip");
    REQUIRE_FALSE(evil.ok());
    CHECK(evil.status().message_key == "pack.bad_path");
    CHECK(evil.status().where == "../../evil.lua");
    auto junk = unpackZip("PK\x03\x04 this is not really a zip", "junk.zip");
    REQUIRE_FALSE(junk.ok());
    CHECK(junk.status().message_key == "pack.zip_broken");
    // A zip bomb: one entry inflating past the per-file limit stops while inflating.
    auto bomb = unpackZip(makeZip({{"pack.lua", std::string(course::kMaxPackFileBytes + 1, ' ')}}), "bomb.zip");
    REQUIRE_FALSE(bomb.ok());
    CHECK(bomb.status().message_key == "pack.zip_too_big");
}
