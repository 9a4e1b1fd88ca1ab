// platform/services.h — what the browser (or a desktop) offers the UI and later modules:
// persistent storage, speech, file download/upload, and a language hint for the HTML pages.
// Depends on: core only (no SDL here, so ui/ may include it). Ownership: the app owns the one
// Services object and passes references; callbacks run on the main thread between frames.
// Errors: storage problems are reported through storageHealth() and the Status of each write;
// missing browser features are states (e.g. no voice), never failures.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.h"
#include "core/storage.h"

namespace sandyq::platform {

enum class StorageHealth : uint8_t {
    None = 0,
    Ok,           // loaded from IndexedDB (or the native folder) and the last sync succeeded
    Unavailable,  // IndexedDB refused (private mode, blocked): works for this visit only
    QuotaFull,    // the last sync failed for lack of space
    SyncFailed,   // the last sync failed for another reason
};

// The answer to fetch(): HTTP status (0 when the network or the server failed) and the body.
struct FetchedFile {
    int status = 0;
    std::string bytes;
    bool ok() const { return status >= 200 && status < 300; }
};

// Textures for pictures (lesson pictures, mats): RGBA8 pixels in, an ImTextureID-compatible
// handle out (0 = failed). Implemented by the window (it owns the GL context).
class Textures {
public:
    virtual ~Textures() = default;
    virtual uint64_t createTexture(const unsigned char* rgba, int width, int height) = 0;
    virtual void destroyTexture(uint64_t texture) = 0;
};

struct PickedFile {
    std::string name;   // as given by the browser, untrusted
    std::string bytes;  // the whole file
    bool too_big = false;  // over the size limits of a pick: not read, bytes empty
};
// len < 0: the page did not read the file because it is too big.
inline PickedFile pickedFile(const char* name, const char* data, int len) {
    PickedFile f;
    f.name = name != nullptr ? name : "";
    if (len < 0 || (data == nullptr && len > 0)) f.too_big = true;
    else f.bytes.assign(data != nullptr ? data : "", static_cast<size_t>(len));
    return f;
}

class Services {
public:
    virtual ~Services() = default;

    virtual core::Storage& storage() = 0;
    virtual StorageHealth storageHealth() const = 0;

    // Name of a voice that reads `lang`, or "" when the device has none (the UI then shows a
    // clear "no voice" state instead of a dead button).
    virtual std::string speechVoice(text::Lang lang) const = 0;
    virtual bool speak(std::string_view text, text::Lang lang) = 0;  // false: no voice
    virtual void stopSpeaking() = 0;
    virtual bool isSpeaking() const = 0;

    // Offers `bytes` to the user as a file download (exports, backups).
    virtual void download(std::string_view filename, std::string_view mime, std::string_view bytes) = 0;
    // Opens the file chooser; `done` is called once with the file, or not at all if cancelled.
    // `accept` is an HTML accept list, e.g. ".json,.zip". Must be called from a user action.
    virtual void pickFile(std::string_view accept, std::function<void(PickedFile)> done) = 0;
    // Like pickFile, for several files at once (<input type=file multiple>: backups from several
    // computers on a USB stick); `done` is called once with every chosen file in the chooser's
    // order, or not at all if cancelled. The default asks for one file (platforms without it).
    virtual void pickFiles(std::string_view accept, std::function<void(std::vector<PickedFile>)> done) {
        pickFile(accept, [done = std::move(done)](PickedFile f) {
            std::vector<PickedFile> one;
            one.push_back(std::move(f));
            done(std::move(one));
        });
    }

    // Reads `url` (relative to the page: "packs/index.json") from the same server; `done` is
    // called once, on the main thread between frames. Lesson packs load this way, pack by pack.
    virtual void fetch(std::string_view url, std::function<void(FetchedFile)> done) = 0;
    // Like pickFile, for a whole folder (a teacher previews a pack folder); `done` gets every
    // file with its path inside the folder as the name ("mypack/pack.lua").
    virtual void pickFolder(std::function<void(std::vector<PickedFile>)> done) = 0;
    // Tells the HTML loader and self-test page which language the pupil chose.
    virtual void rememberLanguage(text::Lang lang) = 0;
    // The language the loader page used (chosen earlier on this device), None if unknown; used on
    // a first start before settings exist.
    virtual text::Lang languageHint() const = 0;
};

}  // namespace sandyq::platform
