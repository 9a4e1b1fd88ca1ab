// progress/codec.cpp — JSON form of progress data (see codec.h).
#include "progress/codec.h"

#include <cstdio>

#include "core/utf8.h"
#include "progress/hash.h"

namespace sandyq::progress::detail {

std::string dumpJson(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

bool depthWithin(std::string_view text, int max_depth) {
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '[' || c == '{') {
            if (++depth > max_depth) return false;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return true;
}

Json parseJson(std::string_view text, int max_depth) {
    if (!depthWithin(text, max_depth)) return Json(Json::value_t::discarded);
    return Json::parse(text.begin(), text.end(), nullptr, false);
}

bool readInt(const Json& obj, const char* key, int64_t lo, int64_t hi, int64_t& out, bool optional) {
    if (!obj.is_object()) return false;
    const auto it = obj.find(key);
    if (it == obj.end()) return optional;
    if (it->is_number_unsigned()) {
        const uint64_t v = it->get<uint64_t>();
        if (v > static_cast<uint64_t>(INT64_MAX)) return false;
        out = static_cast<int64_t>(v);
    } else if (it->is_number_integer()) {
        out = it->get<int64_t>();
    } else {
        return false;
    }
    return out >= lo && out <= hi;
}

bool readString(const Json& obj, const char* key, size_t max_bytes, std::string& out, bool optional) {
    if (!obj.is_object()) return false;
    const auto it = obj.find(key);
    if (it == obj.end()) return optional;
    if (!it->is_string()) return false;
    const std::string& s = it->get_ref<const std::string&>();
    if (s.size() > max_bytes || !text::isValidUtf8(s)) return false;
    out = s;
    return true;
}

Json pinToJson(const PinHash& h) {
    return Json{{"salt", h.salt_hex}, {"hash", h.hash_hex}, {"iter", h.iterations}};
}

bool pinFromJson(const Json& j, PinHash& out) {
    int64_t iter = 0;
    PinHash h;
    if (!readString(j, "salt", 128, h.salt_hex) || !readString(j, "hash", 64, h.hash_hex) ||
        !readInt(j, "iter", 1, kMaxPinIterations, iter)) {
        return false;
    }
    const auto isHex = [](const std::string& s) {
        for (char c : s) if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
        return s.size() % 2 == 0;
    };
    if (h.hash_hex.size() != 64 || !isHex(h.hash_hex) || !isHex(h.salt_hex)) return false;
    h.iterations = static_cast<uint32_t>(iter);
    out = h;
    return true;
}

Json recordToJson(const StepRecord& r) {
    Json j = Json::object();
    j["p"] = r.step.pack_id;
    j["l"] = r.step.lesson_id;
    j["s"] = r.step.step_id;
    j["st"] = static_cast<int>(r.status);
    j["pt"] = r.points;
    j["mx"] = r.max_points;
    j["sr"] = r.stars;
    j["at"] = r.attempts;
    j["tt"] = r.time_on_task_s;
    j["ft"] = r.first_time;
    j["lt"] = r.last_time;
    if (r.program_kind != ProgramKind::None) j["pk"] = static_cast<int>(r.program_kind);
    if (!r.last_program.empty()) j["pg"] = r.last_program;
    return j;
}

bool recordFromJson(const Json& j, StepRecord& out) {
    if (!j.is_object()) return false;
    StepRecord r;
    int64_t st = 0, pt = 0, mx = 0, sr = 0, at = 0, tt = 0, ft = 0, lt = 0, pk = 0;
    if (!readString(j, "p", kMaxIdBytes, r.step.pack_id) || !readString(j, "l", kMaxIdBytes, r.step.lesson_id) ||
        !readString(j, "s", kMaxIdBytes, r.step.step_id) || !readInt(j, "st", 0, 2, st) ||
        !readInt(j, "pt", 0, kMaxPoints, pt) || !readInt(j, "mx", 0, kMaxPoints, mx) ||
        !readInt(j, "sr", 0, kMaxStars, sr) || !readInt(j, "at", 0, INT32_MAX, at) ||
        !readInt(j, "tt", 0, kMaxTimeOnTask, tt) || !readInt(j, "ft", 0, kMaxTimestamp, ft) ||
        !readInt(j, "lt", 0, kMaxTimestamp, lt) || !readInt(j, "pk", 0, 2, pk, true) ||
        !readString(j, "pg", kMaxProgramBytes, r.last_program, true)) {
        return false;
    }
    r.status = static_cast<StepStatus>(st);
    r.points = static_cast<int32_t>(pt);
    r.max_points = static_cast<int32_t>(mx);
    r.stars = static_cast<int>(sr);
    r.attempts = static_cast<int32_t>(at);
    r.time_on_task_s = tt;
    r.first_time = ft;
    r.last_time = lt;
    r.program_kind = static_cast<ProgramKind>(pk);
    if (!validateRecord(r).ok()) return false;
    out = std::move(r);
    return true;
}

namespace {
std::string crcText(int64_t version, uint64_t gen, std::string_view data_text) {
    const std::string prefix = std::to_string(version) + ":" + std::to_string(gen) + ":";
    char crc[16];
    std::snprintf(crc, sizeof crc, "%08x", crc32(data_text, crc32(prefix)));
    return std::string("crc32:") + crc;
}
constexpr std::string_view kDataField = ",\"data\":";
}  // namespace

std::string wrapDocument(std::string_view format, int version, uint64_t gen, const std::string& data_text) {
    std::string out;
    out.reserve(data_text.size() + 128);
    out += "{\"format\":";
    out += dumpJson(Json(std::string(format)));
    out += ",\"version\":" + std::to_string(version);
    out += ",\"gen\":" + std::to_string(gen);
    out += ",\"checksum\":\"" + crcText(version, gen, data_text) + "\"";
    out += kDataField;
    out += data_text;
    out += "}\n";
    return out;
}

uint64_t peekGeneration(std::string_view bytes) {
    const size_t at = bytes.substr(0, 256).find("\"gen\":");
    if (at == std::string_view::npos) return 0;
    uint64_t gen = 0;
    for (size_t i = at + 6; i < bytes.size() && i < at + 26 && bytes[i] >= '0' && bytes[i] <= '9'; ++i) {
        gen = gen * 10 + uint64_t(bytes[i] - '0');
    }
    return gen;
}

Result<Unwrapped> unwrapDocument(std::string_view bytes, std::string_view format, int max_version) {
    const Status corrupt = Status::error(ErrorCode::Corrupt, "progress.err.corrupt");
    // The header is short and fixed; D runs from after ,"data": to the final "}\n".
    const size_t data_at = bytes.substr(0, 512).find(kDataField);
    if (data_at == std::string_view::npos || bytes.size() < data_at + kDataField.size() + 2 ||
        bytes.substr(bytes.size() - 2) != "}\n") {
        return corrupt;
    }
    const std::string_view data_text =
        bytes.substr(data_at + kDataField.size(), bytes.size() - 2 - (data_at + kDataField.size()));
    Json head = parseJson(std::string(bytes.substr(0, data_at)) + "}");
    std::string fmt, checksum;
    int64_t version = 0, gen = 0;
    if (head.is_discarded() || !readString(head, "format", 64, fmt) || fmt != format ||
        !readInt(head, "version", 1, 1000000, version) || !readInt(head, "gen", 0, INT64_MAX, gen) ||
        !readString(head, "checksum", 64, checksum)) {
        return corrupt;
    }
    if (version > max_version) return Status::error(ErrorCode::Invalid, "progress.err.newer_version");
    if (checksum != crcText(version, static_cast<uint64_t>(gen), data_text)) return corrupt;
    Unwrapped out;
    out.data = parseJson(data_text);
    if (out.data.is_discarded()) return corrupt;
    out.version = static_cast<int>(version);
    out.gen = static_cast<uint64_t>(gen);
    return out;
}

}  // namespace sandyq::progress::detail
