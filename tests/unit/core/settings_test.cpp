#include "core/settings.h"

#include <doctest/doctest.h>

using namespace sandyq;

TEST_CASE("core.settings: defaults are Kazakh, normal text, normal contrast") {
    core::MemoryStorage storage;
    const auto loaded = core::loadSettings(storage);
    CHECK(loaded.status.ok());
    CHECK_FALSE(loaded.found);
    CHECK(loaded.settings.lang == text::Lang::Kk);
    CHECK(loaded.settings.font_scale == 1.0f);
    CHECK_FALSE(loaded.settings.high_contrast);
}

TEST_CASE("core.settings: a saved choice is what the next start loads") {
    core::MemoryStorage storage;
    core::Settings s;
    s.lang = text::Lang::Ru;
    s.font_scale = 1.5f;
    s.high_contrast = true;
    REQUIRE(core::saveSettings(storage, s).ok());
    const auto loaded = core::loadSettings(storage);
    CHECK(loaded.status.ok());
    CHECK(loaded.found);
    CHECK(loaded.settings.lang == text::Lang::Ru);
    CHECK(loaded.settings.font_scale == 1.5f);
    CHECK(loaded.settings.high_contrast);
}

TEST_CASE("core.settings: corrupt or hostile files give safe defaults and a clear status") {
    core::MemoryStorage storage;
    REQUIRE(storage.writeAtomic("settings.json", "{\"lang\": \"ru\", ").ok());
    auto loaded = core::loadSettings(storage);
    CHECK(loaded.status.code == ErrorCode::Corrupt);
    CHECK(loaded.status.message_key == "err.settings.corrupt");
    CHECK(loaded.settings.lang == text::Lang::Kk);

    auto r = core::settingsFromJson(R"({"lang": "xx", "font_scale": 1e300, "high_contrast": "yes"})");
    REQUIRE(r.ok());
    CHECK(r.value().lang == text::Lang::Kk);
    CHECK(r.value().font_scale == core::Settings::kMaxFontScale);
    CHECK_FALSE(r.value().high_contrast);
    r = core::settingsFromJson(R"({"font_scale": -3})");
    CHECK(r.value().font_scale == core::Settings::kMinFontScale);
    CHECK_FALSE(core::settingsFromJson("[1,2]").ok());
}
