#include "platform/file_storage.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace sandyq::platform {
namespace {

constexpr std::string_view kTempSuffix = ".sandyq-tmp";

Status ioError(int err, std::string_view key, const char* what) {
    const ErrorCode code = (err == ENOSPC || err == EDQUOT) ? ErrorCode::Quota : ErrorCode::Io;
    const char* message_key = code == ErrorCode::Quota ? "err.storage.quota" : "err.storage.io";
    return Status::error(code, message_key, std::string(key), std::string(what) + ": " + std::strerror(err));
}

bool makeDirs(const std::string& path) {
    for (size_t i = 1; i <= path.size(); ++i) {
        if (i == path.size() || path[i] == '/') {
            const std::string part = path.substr(0, i);
            if (::mkdir(part.c_str(), 0755) != 0 && errno != EEXIST) return false;
        }
    }
    return true;
}

void syncDir(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Walks root/rel recursively; `visit` gets relative paths of regular files.
template <class F>
void walk(const std::string& root, const std::string& rel, F&& visit) {
    const std::string dir = rel.empty() ? root : root + "/" + rel;
    DIR* d = ::opendir(dir.c_str());
    if (d == nullptr) return;
    while (dirent* e = ::readdir(d)) {
        const std::string name = e->d_name;
        if (name == "." || name == "..") continue;
        const std::string child = rel.empty() ? name : rel + "/" + name;
        struct stat st {};
        if (::stat((root + "/" + child).c_str(), &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) walk(root, child, visit);
        else if (S_ISREG(st.st_mode)) visit(child);
    }
    ::closedir(d);
}

}  // namespace

FileStorage::FileStorage(std::string root, std::function<void()> on_commit)
    : root_(std::move(root)), on_commit_(std::move(on_commit)) {
    while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
}

std::string FileStorage::pathOf(std::string_view key) const { return root_ + "/" + std::string(key); }

Status FileStorage::open() {
    if (!makeDirs(root_)) return ioError(errno, root_, "mkdir");
    std::vector<std::string> stale;
    walk(root_, "", [&](const std::string& rel) {
        if (endsWith(rel, kTempSuffix)) stale.push_back(rel);
    });
    for (const auto& rel : stale) ::unlink(pathOf(rel).c_str());
    return Status::success();
}

Result<std::string> FileStorage::read(std::string_view key) {
    if (!core::isValidStorageKey(key) || endsWith(key, kTempSuffix)) {
        return Status::error(ErrorCode::Invalid, "err.storage.bad_key", std::string(key));
    }
    const int fd = ::open(pathOf(key).c_str(), O_RDONLY);
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR) {
            return Status::error(ErrorCode::NotFound, "err.storage.not_found", std::string(key));
        }
        return ioError(errno, key, "open");
    }
    std::string data;
    char buf[16384];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            ::close(fd);
            return ioError(err, key, "read");
        }
        data.append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    return data;
}

Status FileStorage::writeAtomic(std::string_view key, std::string_view bytes) {
    if (!core::isValidStorageKey(key) || endsWith(key, kTempSuffix)) {
        return Status::error(ErrorCode::Invalid, "err.storage.bad_key", std::string(key));
    }
    const std::string final_path = pathOf(key);
    const std::string dir = final_path.substr(0, final_path.rfind('/'));
    if (!makeDirs(dir)) return ioError(errno, key, "mkdir");
    const std::string temp_path = final_path + std::string(kTempSuffix);
    const auto stage = [&](WriteStage s) { return !hook_ || hook_(s); };
    const auto fail = [&](int fd, int err, const char* what) {
        if (fd >= 0) ::close(fd);
        ::unlink(temp_path.c_str());
        return ioError(err, key, what);
    };

    const int fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return ioError(errno, key, "open temp");
    // Written in two halves so a test can stop us with half a value on disk.
    const auto writeAll = [&](std::string_view part) {
        while (!part.empty()) {
            const ssize_t n = ::write(fd, part.data(), part.size());
            if (n < 0) {
                if (errno == EINTR) continue;
                return errno;
            }
            part.remove_prefix(static_cast<size_t>(n));
        }
        return 0;
    };
    const size_t half = bytes.size() / 2;
    if (const int err = writeAll(bytes.substr(0, half))) return fail(fd, err, "write");
    if (!stage(WriteStage::TempPartlyWritten)) return fail(fd, EIO, "write (injected)");
    if (const int err = writeAll(bytes.substr(half))) return fail(fd, err, "write");
    if (::fsync(fd) != 0 && errno != EINVAL) return fail(fd, errno, "fsync");
    if (::close(fd) != 0) return fail(-1, errno, "close");
    if (!stage(WriteStage::TempSynced)) return fail(-1, EIO, "rename (injected)");
    if (::rename(temp_path.c_str(), final_path.c_str()) != 0) return fail(-1, errno, "rename");
    syncDir(dir);
    if (!stage(WriteStage::Renamed)) return ioError(EIO, key, "sync (injected)");
    if (on_commit_) on_commit_();
    return Status::success();
}

Status FileStorage::remove(std::string_view key) {
    if (!core::isValidStorageKey(key)) return Status::error(ErrorCode::Invalid, "err.storage.bad_key", std::string(key));
    if (::unlink(pathOf(key).c_str()) != 0 && errno != ENOENT) return ioError(errno, key, "unlink");
    syncDir(root_);
    if (on_commit_) on_commit_();
    return Status::success();
}

Result<std::vector<std::string>> FileStorage::list(std::string_view dir) {
    if (!dir.empty() && !core::isValidStorageKey(dir)) {
        return Status::error(ErrorCode::Invalid, "err.storage.bad_key", std::string(dir));
    }
    std::vector<std::string> out;
    walk(root_, std::string(dir), [&](const std::string& rel) {
        if (!endsWith(rel, kTempSuffix)) out.push_back(rel);
    });
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace sandyq::platform
