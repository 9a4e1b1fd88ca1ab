#include "core/i18n.h"

#include <cmath>
#include <cstdio>

#include "core/utf8.h"

#define JSON_NOEXCEPTION 1
#include <nlohmann/json.hpp>

namespace sandyq::text {

std::string_view langCode(Lang lang) {
    switch (lang) {
        case Lang::Kk: return "kk";
        case Lang::Ru: return "ru";
        case Lang::En: return "en";
        case Lang::None: break;
    }
    return "";
}

Lang langFromCode(std::string_view code) {
    const std::string_view head = code.substr(0, code.find_first_of("-_"));
    if (head == "kk" || head == "kz" || head == "KK") return Lang::Kk;
    if (head == "ru" || head == "RU") return Lang::Ru;
    if (head == "en" || head == "EN") return Lang::En;
    return Lang::None;
}

std::string_view pluralName(Plural p) {
    switch (p) {
        case Plural::One: return "one";
        case Plural::Few: return "few";
        case Plural::Many: return "many";
        case Plural::Other: return "other";
        case Plural::None: break;
    }
    return "";
}

Plural pluralFromName(std::string_view name) {
    if (name == "one") return Plural::One;
    if (name == "few") return Plural::Few;
    if (name == "many") return Plural::Many;
    if (name == "other") return Plural::Other;
    return Plural::None;
}

Plural pluralCategory(Lang lang, int64_t n) {
    const uint64_t i = n < 0 ? static_cast<uint64_t>(-(n + 1)) + 1 : static_cast<uint64_t>(n);
    switch (lang) {
        case Lang::Ru: {
            const uint64_t m10 = i % 10, m100 = i % 100;
            if (m10 == 1 && m100 != 11) return Plural::One;
            if (m10 >= 2 && m10 <= 4 && !(m100 >= 12 && m100 <= 14)) return Plural::Few;
            return Plural::Many;
        }
        case Lang::Kk:
        case Lang::En:
        case Lang::None:
            return i == 1 ? Plural::One : Plural::Other;
    }
    return Plural::Other;
}

namespace {

// Group separator and decimal mark per language (CLDR): kk/ru use U+00A0 and ','.
std::string_view groupSeparator(Lang lang) { return lang == Lang::En ? "," : "\u00A0"; }
char decimalMark(Lang lang) { return lang == Lang::En ? '.' : ','; }

std::string groupDigits(Lang lang, std::string_view digits) {
    // CLDR minimumGroupingDigits: ru/kk/en group from 4 digits ("1 234").
    std::string out;
    const size_t n = digits.size();
    for (size_t k = 0; k < n; ++k) {
        if (k > 0 && (n - k) % 3 == 0) out += groupSeparator(lang);
        out += digits[k];
    }
    return out;
}

}  // namespace

std::string formatInteger(Lang lang, int64_t value) {
    const bool negative = value < 0;
    const uint64_t magnitude = negative ? static_cast<uint64_t>(-(value + 1)) + 1 : static_cast<uint64_t>(value);
    std::string out = negative ? "\u2212" : "";  // minus sign, not a hyphen
    if (negative && lang == Lang::En) out = "-";
    out += groupDigits(lang, std::to_string(magnitude));
    return out;
}

std::string formatDecimal(Lang lang, double value, int decimals) {
    if (decimals < 0) decimals = 0;
    if (decimals > 6) decimals = 6;
    if (!std::isfinite(value)) return std::isnan(value) ? "NaN" : (value < 0 ? "-∞" : "∞");
    const double scale = std::pow(10.0, decimals);
    double rounded = std::round(std::fabs(value) * scale);
    const bool negative = value < 0 && rounded != 0;
    const double int_part = std::floor(rounded / scale);
    const double frac_part = rounded - int_part * scale;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f", int_part);
    std::string out;
    if (negative) out = lang == Lang::En ? "-" : "\u2212";
    out += groupDigits(lang, buf);
    if (decimals > 0) {
        std::snprintf(buf, sizeof buf, "%0*.0f", decimals, frac_part);
        out += decimalMark(lang);
        out += buf;
    }
    return out;
}

Status Catalogue::addJson(std::string_view json, std::string_view source) {
    const nlohmann::json doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (doc.is_discarded()) {
        return Status::error(ErrorCode::Corrupt, "err.i18n.bad_json", std::string(source));
    }
    if (!doc.is_object()) {
        return Status::error(ErrorCode::Corrupt, "err.i18n.not_object", std::string(source));
    }
    std::map<std::string, Entry, std::less<>> added;
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        Entry entry;
        const auto& v = it.value();
        if (v.is_string()) {
            entry.text = v.get<std::string>();
        } else if (v.is_object()) {
            for (auto f = v.begin(); f != v.end(); ++f) {
                const Plural p = pluralFromName(f.key());
                if (p == Plural::None || !f.value().is_string()) {
                    return Status::error(ErrorCode::Corrupt, "err.i18n.bad_plural", std::string(source), it.key());
                }
                entry.forms[p] = f.value().get<std::string>();
            }
            if (entry.forms.find(Plural::Other) == entry.forms.end()) {
                return Status::error(ErrorCode::Corrupt, "err.i18n.bad_plural", std::string(source), it.key());
            }
        } else {
            return Status::error(ErrorCode::Corrupt, "err.i18n.bad_value", std::string(source), it.key());
        }
        added[it.key()] = std::move(entry);
    }
    for (auto& [k, e] : added) entries_[k] = std::move(e);
    return Status::success();
}

Status Catalogue::addFlat(std::string_view flat, std::string_view source) {
    const auto split = [](std::string_view s, char sep) {
        std::vector<std::string_view> out;
        size_t i = 0;
        while (true) {
            const size_t j = s.find(sep, i);
            out.push_back(s.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
            if (j == std::string_view::npos) break;
            i = j + 1;
        }
        return out;
    };
    std::map<std::string, Entry, std::less<>> added;
    if (!flat.empty()) {
        for (std::string_view record : split(flat, '\x1e')) {
            const std::vector<std::string_view> f = split(record, '\x1f');
            if (f.size() < 3 || f[0].empty()) return Status::error(ErrorCode::Corrupt, "err.i18n.bad_value", std::string(source));
            Entry entry;
            if (f[1] == "=" && f.size() == 3) {
                entry.text = std::string(f[2]);
            } else if (f[1] == "#" && f.size() % 2 == 0) {
                for (size_t i = 2; i + 1 < f.size(); i += 2) {
                    const Plural p = pluralFromName(f[i]);
                    if (p == Plural::None) return Status::error(ErrorCode::Corrupt, "err.i18n.bad_plural", std::string(source), std::string(f[0]));
                    entry.forms[p] = std::string(f[i + 1]);
                }
                if (entry.forms.find(Plural::Other) == entry.forms.end()) {
                    return Status::error(ErrorCode::Corrupt, "err.i18n.bad_plural", std::string(source), std::string(f[0]));
                }
            } else {
                return Status::error(ErrorCode::Corrupt, "err.i18n.bad_value", std::string(source), std::string(f[0]));
            }
            added[std::string(f[0])] = std::move(entry);
        }
    }
    for (auto& [k, e] : added) entries_[k] = std::move(e);
    return Status::success();
}

const Catalogue::Entry* Catalogue::find(std::string_view key) const {
    const auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : &it->second;
}

std::vector<std::string> Catalogue::keys() const {
    std::vector<std::string> out;
    out.reserve(entries_.size());
    for (const auto& [k, e] : entries_) out.push_back(k);
    return out;
}

std::vector<std::string> placeholdersOf(std::string_view message) {
    std::vector<std::string> out;
    for (size_t i = 0; i < message.size(); ++i) {
        if (message[i] == '{') {
            if (i + 1 < message.size() && message[i + 1] == '{') { ++i; continue; }
            const size_t close = message.find('}', i);
            if (close == std::string_view::npos) break;
            std::string name(message.substr(i + 1, close - i - 1));
            bool seen = false;
            for (const auto& s : out) seen = seen || s == name;
            if (!seen) out.push_back(std::move(name));
            i = close;
        }
    }
    return out;
}

std::string formatMessage(Lang lang, std::string_view message, const Arg* args, size_t count) {
    std::string out;
    out.reserve(message.size() + 16);
    for (size_t i = 0; i < message.size(); ++i) {
        const char c = message[i];
        if ((c == '{' || c == '}') && i + 1 < message.size() && message[i + 1] == c) {
            out += c;
            ++i;
            continue;
        }
        if (c != '{') { out += c; continue; }
        const size_t close = message.find('}', i);
        if (close == std::string_view::npos) { out += message.substr(i); break; }
        const std::string_view name = message.substr(i + 1, close - i - 1);
        const Arg* arg = nullptr;
        for (size_t k = 0; k < count; ++k) if (args[k].name == name) arg = &args[k];
        if (arg == nullptr) {
            out += message.substr(i, close - i + 1);  // leave it visible: a catalogue bug
        } else if (arg->kind == Arg::Kind::Text) {
            out += arg->text;
        } else if (arg->kind == Arg::Kind::Int) {
            out += formatInteger(lang, arg->integer);
        } else {
            out += formatDecimal(lang, arg->real, arg->decimals);
        }
        i = close;
    }
    return out;
}

Catalogue& Translator::catalogue(Lang lang) {
    const int idx = lang == Lang::Ru ? 1 : lang == Lang::En ? 2 : 0;
    return catalogues_[idx];
}

const Catalogue& Translator::catalogue(Lang lang) const {
    const int idx = lang == Lang::Ru ? 1 : lang == Lang::En ? 2 : 0;
    return catalogues_[idx];
}

Lang Translator::resolve(std::string_view key) const {
    if (catalogue(lang_).find(key) != nullptr) return lang_;
    for (Lang l : kAllLangs) {
        if (l != lang_ && catalogue(l).find(key) != nullptr) return l;
    }
    return Lang::None;
}

bool Translator::has(std::string_view key) const { return resolve(key) != Lang::None; }

std::string Translator::trImpl(std::string_view key, const Arg* args, size_t count) const {
    const Lang from = resolve(key);
    if (from == Lang::None) return "\u27E6" + std::string(key) + "\u27E7";
    const Catalogue::Entry* e = catalogue(from).find(key);
    std::string_view text = e->text;
    if (!e->forms.empty()) {
        int64_t n = 0;
        for (size_t k = 0; k < count; ++k) {
            if (args[k].name == "n" && args[k].kind == Arg::Kind::Int) n = args[k].integer;
        }
        const auto it = e->forms.find(pluralCategory(from, n));
        text = it != e->forms.end() ? it->second : e->forms.at(Plural::Other);
    }
    std::string out = formatMessage(from, text, args, count);
    if (mark_fallbacks_ && from != lang_) out = "[" + std::string(langCode(from)) + "] " + out;
    return out;
}

std::string Translator::tr(std::string_view key, std::initializer_list<Arg> args) const {
    return trImpl(key, args.begin(), args.size());
}

std::string Translator::tr(std::string_view key, const std::vector<Arg>& args) const {
    return trImpl(key, args.data(), args.size());
}

}  // namespace sandyq::text
