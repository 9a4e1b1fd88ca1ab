// core/settings.h — the per-device settings a pupil or teacher chooses (language, text size,
// contrast), stored as "settings.json" through core::Storage.
// Depends on: core/i18n, core/storage. Errors: a missing file gives defaults; a corrupt or
// hostile file gives defaults plus a Corrupt status (the caller tells the user); out-of-range
// values are clamped, never trusted.
#pragma once

#include <string>

#include "core/i18n.h"
#include "core/storage.h"

namespace sandyq::core {

struct Settings {
    static constexpr float kMinFontScale = 0.75f;
    static constexpr float kMaxFontScale = 2.0f;
    static constexpr const char* kStorageKey = "settings.json";

    text::Lang lang = text::kDefaultLang;
    float font_scale = 1.0f;  // multiplies every text size
    bool high_contrast = false;
};

std::string settingsToJson(const Settings& s);
// Parses; unknown fields are ignored, bad values fall back to defaults field by field.
Result<Settings> settingsFromJson(std::string_view json);

// Loads from storage: NotFound → defaults with ok status; corrupt → defaults with the status.
struct LoadedSettings {
    Settings settings;
    Status status;
    bool found = false;  // false on a first start: the caller may apply hints (browser language)
};
LoadedSettings loadSettings(Storage& storage);
Status saveSettings(Storage& storage, const Settings& s);

}  // namespace sandyq::core
