// scripting/zip_pack_source.h — a lesson pack from one .zip file (a teacher's upload, a school's
// download), unpacked into a course::MemoryPackSource.
// Depends on: course/pack_source.h; minizip (Debian's libminizip-dev, zlib) in the .cpp only.
// Built as the separate target sandyq_pack_zip when minizip is found (natively; in wasm from the
// dependency prefix of tools/setup.sh), so nothing else depends on it.
// Ownership: works on bytes in memory (the browser hands over bytes, natively we read the file);
// the result owns copies of every file.
// Contract: a zip holding the pack's files at its root, or inside one top folder ("example/...");
// directories are skipped; entry names must be valid pack paths (no "..", no absolute paths);
// at most kMaxZipEntries entries, each at most course::kMaxPackFileBytes and kMaxZipTotalBytes
// in total, counted while inflating (sizes in the headers are not trusted).
// Errors: "pack.zip_broken" (not a zip, encrypted, CRC error), "pack.zip_too_big",
// "pack.bad_path" (where = the entry name).
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "course/pack_source.h"

namespace sandyq::scripting {

constexpr size_t kMaxZipEntries = 2000;
constexpr size_t kMaxZipTotalBytes = 64u << 20;

Result<course::MemoryPackSource> unpackZip(std::string_view zip_bytes, std::string display_name);

}  // namespace sandyq::scripting
