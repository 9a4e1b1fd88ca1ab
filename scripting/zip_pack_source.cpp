// scripting/zip_pack_source.cpp — unzip a pack from memory with minizip's custom I/O.
#include "scripting/zip_pack_source.h"

#include <unzip.h>

#include <cstring>
#include <utility>
#include <vector>

namespace sandyq::scripting {

namespace {

struct MemoryFile {
    std::string_view bytes;
    ZPOS64_T pos = 0;
};

voidpf ZCALLBACK memOpen(voidpf opaque, const void*, int) { return opaque; }

uLong ZCALLBACK memRead(voidpf, voidpf stream, void* buf, uLong size) {
    auto* f = static_cast<MemoryFile*>(stream);
    const ZPOS64_T left = f->pos < f->bytes.size() ? f->bytes.size() - f->pos : 0;
    const uLong n = static_cast<uLong>(left < size ? left : size);
    std::memcpy(buf, f->bytes.data() + f->pos, n);
    f->pos += n;
    return n;
}

uLong ZCALLBACK memWrite(voidpf, voidpf, const void*, uLong) { return 0; }
ZPOS64_T ZCALLBACK memTell(voidpf, voidpf stream) { return static_cast<MemoryFile*>(stream)->pos; }

long ZCALLBACK memSeek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
    auto* f = static_cast<MemoryFile*>(stream);
    ZPOS64_T base = 0;
    switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = f->pos; break;
    case ZLIB_FILEFUNC_SEEK_END: base = f->bytes.size(); break;
    default: return -1;
    }
    if (base + offset > f->bytes.size()) return -1;
    f->pos = base + offset;
    return 0;
}

int ZCALLBACK memClose(voidpf, voidpf) { return 0; }
int ZCALLBACK memError(voidpf, voidpf) { return 0; }

struct Entry {
    std::string name;
    std::string bytes;
};

Status broken(const std::string& where) { return Status::error(ErrorCode::Corrupt, "pack.zip_broken", where); }

}  // namespace

Result<course::MemoryPackSource> unpackZip(std::string_view zip_bytes, std::string display_name) {
    MemoryFile file{zip_bytes, 0};
    zlib_filefunc64_def io{};
    io.zopen64_file = memOpen;
    io.zread_file = memRead;
    io.zwrite_file = memWrite;
    io.ztell64_file = memTell;
    io.zseek64_file = memSeek;
    io.zclose_file = memClose;
    io.zerror_file = memError;
    io.opaque = &file;
    unzFile zip = unzOpen2_64("memory.zip", &io);
    if (!zip) return broken(display_name);

    std::vector<Entry> entries;
    size_t total = 0;
    Status status;
    int rc = unzGoToFirstFile(zip);
    while (rc == UNZ_OK && status.ok()) {
        unz_file_info64 info{};
        char name[512];
        if (unzGetCurrentFileInfo64(zip, &info, name, sizeof name, nullptr, 0, nullptr, 0) != UNZ_OK) {
            status = broken(display_name);
            break;
        }
        const size_t len = std::strlen(name);
        if (len > 0 && name[len - 1] != '/') {  // directories are implied by the paths
            if (entries.size() >= kMaxZipEntries) {
                status = Status::error(ErrorCode::Limit, "pack.zip_too_big", display_name);
                break;
            }
            if (unzOpenCurrentFile(zip) != UNZ_OK) {  // encrypted or an unknown method
                status = broken(name);
                break;
            }
            Entry e;
            e.name = name;
            char buf[16384];
            int n = 0;
            while ((n = unzReadCurrentFile(zip, buf, sizeof buf)) > 0) {
                total += static_cast<size_t>(n);
                if (e.bytes.size() + static_cast<size_t>(n) > course::kMaxPackFileBytes || total > kMaxZipTotalBytes) {
                    status = Status::error(ErrorCode::Limit, "pack.zip_too_big", name);
                    break;
                }
                e.bytes.append(buf, static_cast<size_t>(n));
            }
            if (n < 0 && status.ok()) status = broken(name);
            if (unzCloseCurrentFile(zip) == UNZ_CRCERROR && status.ok()) status = broken(name);
            entries.push_back(std::move(e));
        }
        rc = unzGoToNextFile(zip);
    }
    if (status.ok() && rc != UNZ_END_OF_LIST_OF_FILE) status = broken(display_name);
    unzClose(zip);
    if (!status.ok()) return status;

    // The pack may sit in one top folder ("example/pack.lua").
    std::string prefix;
    bool root_manifest = false;
    for (const auto& e : entries) root_manifest |= e.name == "pack.lua";
    if (!root_manifest) {
        for (const auto& e : entries) {
            const size_t slash = e.name.find('/');
            if (slash != std::string::npos && e.name.compare(slash + 1, std::string::npos, "pack.lua") == 0) {
                prefix = e.name.substr(0, slash + 1);
                break;
            }
        }
    }
    course::MemoryPackSource source(std::move(display_name));
    for (auto& e : entries) {
        if (e.name.compare(0, prefix.size(), prefix) != 0) continue;  // outside the pack folder
        std::string path = e.name.substr(prefix.size());
        if (!course::isValidPackPath(path)) return Status::error(ErrorCode::Invalid, "pack.bad_path", e.name);
        source.add(std::move(path), std::move(e.bytes));
    }
    return source;
}

}  // namespace sandyq::scripting
