// platform/web_services.h — Services in the browser: IDBFS-backed FileStorage under /data
// (mounted and loaded by web/pre.js before main() runs), the Web Speech API, Blob downloads and
// an <input type=file> picker. On a native build the same class uses a folder and no-ops.
// Depends on: core, platform/file_storage, Emscripten (only in the .cpp).
#pragma once

#include <map>
#include <memory>

#include "platform/file_storage.h"
#include "platform/services.h"

namespace sandyq::platform {

class WebServices final : public Services {
public:
    // root: "/data" in the browser (the IDBFS mount), any folder natively.
    explicit WebServices(std::string root);
    Status open();

    core::Storage& storage() override { return storage_; }
    StorageHealth storageHealth() const override;
    std::string speechVoice(text::Lang lang) const override;
    bool speak(std::string_view text, text::Lang lang) override;
    void stopSpeaking() override;
    bool isSpeaking() const override;
    void download(std::string_view filename, std::string_view mime, std::string_view bytes) override;
    void pickFile(std::string_view accept, std::function<void(PickedFile)> done) override;
    void pickFiles(std::string_view accept, std::function<void(std::vector<PickedFile>)> done) override;
    void fetch(std::string_view url, std::function<void(FetchedFile)> done) override;
    void pickFolder(std::function<void(std::vector<PickedFile>)> done) override;
    void rememberLanguage(text::Lang lang) override;
    text::Lang languageHint() const override;

    // Called from JavaScript (see the extern "C" entry points in the .cpp).
    void onFilePicked(int request, PickedFile file);
    void onSyncDone(int result);
    void onFetched(int request, FetchedFile file);
    void onFolderFile(int request, PickedFile file);  // one file of a picked folder
    void onFolderDone(int request);  // every file of a picked folder (or of pickFiles) arrived

private:
    FileStorage storage_;
    StorageHealth sync_health_ = StorageHealth::Ok;
    int next_request_ = 1;
    std::map<int, std::function<void(PickedFile)>> pending_picks_;
    std::map<int, std::function<void(FetchedFile)>> pending_fetches_;
    struct FolderPick {
        std::function<void(std::vector<PickedFile>)> done;
        std::vector<PickedFile> files;
    };
    std::map<int, FolderPick> pending_folders_;
};

// The one instance the JavaScript callbacks reach (set by the app; null before start-up).
void setActiveWebServices(WebServices* services);

}  // namespace sandyq::platform
