// progress/codec.h — INTERNAL: the JSON form of progress data, shared by the durable store
// (db.cpp), backups (backup.cpp) and the roll-up. Not for other modules.
// Depends on: nlohmann-json (JSON_NOEXCEPTION; parse with allow_exceptions=false), store.h.
// Errors: decoders validate every field (type, range, length, UTF-8) and return false or a
//   Status; hostile input never aborts, recurses without bound or allocates without bound.
#pragma once

#define JSON_NOEXCEPTION 1
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "progress/store.h"

namespace sandyq::progress::detail {

using Json = nlohmann::json;

constexpr int kMaxJsonDepth = 12;

// dump() that never aborts: invalid UTF-8 (never in validated data) becomes U+FFFD.
std::string dumpJson(const Json& j);
// True if `text` nests arrays/objects at most `max_depth` deep (a cheap scan before parsing).
bool depthWithin(std::string_view text, int max_depth);
// Parses JSON text; discarded (is_discarded()) when malformed or nested too deep.
Json parseJson(std::string_view text, int max_depth = kMaxJsonDepth);

// Field readers: false when missing (unless optional), of the wrong type or out of range.
bool readInt(const Json& obj, const char* key, int64_t lo, int64_t hi, int64_t& out, bool optional = false);
bool readString(const Json& obj, const char* key, size_t max_bytes, std::string& out, bool optional = false);

Json pinToJson(const PinHash& h);
bool pinFromJson(const Json& j, PinHash& out);

// The compact record form {"p","l","s","st","pt","mx","sr","at","tt","ft","lt","pk","pg"}.
Json recordToJson(const StepRecord& r);
bool recordFromJson(const Json& j, StepRecord& out);  // validates (validateRecord)

// A checksummed document, always written in this exact layout:
//   {"format":F,"version":V,"gen":G,"checksum":"crc32:XXXXXXXX","data":D}\n
// The CRC-32 covers "V:G:" + the bytes of D as written, so a flipped generation or version is
// caught too, and checking needs no re-serialisation (the raw bytes are hashed before parsing).
std::string wrapDocument(std::string_view format, int version, uint64_t gen, const std::string& data_text);
struct Unwrapped {
    Json data;
    int version = 0;
    uint64_t gen = 0;
};
// The generation from the fixed header without parsing (0 if it cannot be read): to try the
// newest slot first. Not trusted: unwrapDocument() verifies it.
uint64_t peekGeneration(std::string_view bytes);
// Corrupt "progress.err.corrupt" for bad JSON/format/checksum, Invalid "progress.err.newer_version"
// for a version above max_version.
Result<Unwrapped> unwrapDocument(std::string_view bytes, std::string_view format, int max_version);

}  // namespace sandyq::progress::detail
