#include "core/storage.h"

#include <doctest/doctest.h>

using namespace sandyq;

TEST_CASE("core.storage: keys are relative paths that cannot escape the root") {
    CHECK(core::isValidStorageKey("settings.json"));
    CHECK(core::isValidStorageKey("progress/3A/pupil-01.json"));
    CHECK_FALSE(core::isValidStorageKey(""));
    CHECK_FALSE(core::isValidStorageKey("/etc/passwd"));
    CHECK_FALSE(core::isValidStorageKey("../secret"));
    CHECK_FALSE(core::isValidStorageKey("a/../../b"));
    CHECK_FALSE(core::isValidStorageKey("a//b"));
    CHECK_FALSE(core::isValidStorageKey("a/"));
    CHECK_FALSE(core::isValidStorageKey("Әлия.json"));  // names of pupils are data, not keys
    CHECK_FALSE(core::isValidStorageKey(std::string(201, 'a')));
}

TEST_CASE("core.storage: memory storage reports quota and keeps the old value") {
    core::MemoryStorage s;
    s.setCapacity(10);
    REQUIRE(s.writeAtomic("a", "12345").ok());
    const Status full = s.writeAtomic("b", "1234567");
    CHECK(full.code == ErrorCode::Quota);
    CHECK(full.message_key == "err.storage.quota");
    CHECK(s.read("b").status().code == ErrorCode::NotFound);
    REQUIRE(s.writeAtomic("a", "1234567890").ok());  // replacing counts the new size only
    CHECK(s.read("a").value() == "1234567890");
    CHECK(s.writeAtomic("../x", "y").code == ErrorCode::Invalid);
}
