#include "core/settings.h"

#include <algorithm>
#include <cmath>

#define JSON_NOEXCEPTION 1
#include <nlohmann/json.hpp>

namespace sandyq::core {

std::string settingsToJson(const Settings& s) {
    nlohmann::json j;
    j["version"] = 1;
    j["lang"] = std::string(text::langCode(s.lang));
    j["font_scale"] = s.font_scale;
    j["high_contrast"] = s.high_contrast;
    return j.dump(1);
}

Result<Settings> settingsFromJson(std::string_view json) {
    const nlohmann::json j = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return Status::error(ErrorCode::Corrupt, "err.settings.corrupt", Settings::kStorageKey);
    }
    Settings s;
    if (const auto it = j.find("lang"); it != j.end() && it->is_string()) {
        const text::Lang lang = text::langFromCode(it->get<std::string>());
        if (lang != text::Lang::None) s.lang = lang;
    }
    if (const auto it = j.find("font_scale"); it != j.end() && it->is_number()) {
        const double v = it->get<double>();
        if (std::isfinite(v)) {
            s.font_scale = std::clamp(static_cast<float>(v), Settings::kMinFontScale, Settings::kMaxFontScale);
        }
    }
    if (const auto it = j.find("high_contrast"); it != j.end() && it->is_boolean()) {
        s.high_contrast = it->get<bool>();
    }
    return s;
}

LoadedSettings loadSettings(Storage& storage) {
    Result<std::string> raw = storage.read(Settings::kStorageKey);
    if (!raw.ok()) {
        if (raw.status().code == ErrorCode::NotFound) return {Settings{}, Status::success()};
        return {Settings{}, raw.status()};
    }
    Result<Settings> parsed = settingsFromJson(raw.value());
    if (!parsed.ok()) return {Settings{}, parsed.status()};
    return {parsed.value(), Status::success(), true};
}

Status saveSettings(Storage& storage, const Settings& s) {
    return storage.writeAtomic(Settings::kStorageKey, settingsToJson(s));
}

}  // namespace sandyq::core
