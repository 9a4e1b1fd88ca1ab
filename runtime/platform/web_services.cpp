#include "platform/web_services.h"

#include <cstdlib>
#include <cstring>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace sandyq::platform {
namespace {
WebServices* g_active = nullptr;  // reached only from the JS entry points below
}

void setActiveWebServices(WebServices* services) { g_active = services; }

#ifdef __EMSCRIPTEN__
// ---- JavaScript side --------------------------------------------------------------------------
// Storage: web/pre.js mounted IDBFS at /data and loaded it before main(); Module.sandyqStorage
// tells whether that worked. After each committed write we sync MEMFS → IndexedDB, coalescing
// writes that arrive while a sync is running.
// Module.sandyqStorageFault ('quota' | 'unavailable', set by the test API) simulates trouble.
EM_JS(int, js_storage_loaded_ok, (), {
    if (Module.sandyqStorageFault === 'unavailable') return 0;
    return (Module.sandyqStorage && Module.sandyqStorage.ok) ? 1 : 0;
});
EM_JS(void, js_storage_sync, (), {
    var st = Module.sandyqStorage || (Module.sandyqStorage = { ok: false });
    if (!st.ok) return;  // IndexedDB unavailable: nothing to sync to (the UI warns)
    if (!Module.sandyqSync) {
        Module.sandyqSync = function() {
            if (st.syncing) { st.pending = true; return; }
            if (Module.sandyqStorageFault === 'quota') {  // as if IndexedDB said QuotaExceededError
                st.lastSync = 1;
                st.syncCount = (st.syncCount || 0) + 1;
                Module._sandyq_on_storage_sync(1);
                return;
            }
            st.syncing = true;
            FS.syncfs(false, function(err) {
                st.syncing = false;
                var code = 0;
                if (err) {
                    var name = (err && (err.name || (err.target && err.target.error && err.target.error.name))) || String(err);
                    code = /Quota/i.test(String(name)) ? 1 : 2;
                    console.warn('sandyq: storage sync failed: ' + name);
                }
                st.lastSync = code;
                st.syncCount = (st.syncCount || 0) + 1;
                Module._sandyq_on_storage_sync(code);
                if (st.pending) { st.pending = false; setTimeout(Module.sandyqSync, 0); }
            });
        };
    }
    Module.sandyqSync();
});

// Speech: a voice whose lang starts with the language code.
EM_JS(char*, js_speech_voice, (const char* lang), {
    var code = UTF8ToString(lang);
    var name = "";
    try {
        if (window.speechSynthesis) {
            var voices = window.speechSynthesis.getVoices();
            for (var i = 0; i < voices.length; i++) {
                if ((voices[i].lang || "").toLowerCase().indexOf(code) === 0) { name = voices[i].name; break; }
            }
        }
    } catch (e) { name = ""; }
    var len = lengthBytesUTF8(name) + 1;
    var ptr = _malloc(len);
    stringToUTF8(name, ptr, len);
    return ptr;
});
EM_JS(int, js_speak, (const char* text, const char* lang), {
    try {
        var code = UTF8ToString(lang);
        var synth = window.speechSynthesis;
        if (!synth) return 0;
        var voices = synth.getVoices();
        var voice = null;
        for (var i = 0; i < voices.length; i++) {
            if ((voices[i].lang || "").toLowerCase().indexOf(code) === 0) { voice = voices[i]; break; }
        }
        if (!voice) return 0;
        synth.cancel();
        var u = new SpeechSynthesisUtterance(UTF8ToString(text));
        u.voice = voice;
        u.lang = voice.lang;
        u.rate = 0.9;  // children: a little slower
        synth.speak(u);
        return 1;
    } catch (e) { return 0; }
});
EM_JS(void, js_stop_speaking, (), { try { if (window.speechSynthesis) window.speechSynthesis.cancel(); } catch (e) {} });
EM_JS(int, js_is_speaking, (), { try { return (window.speechSynthesis && window.speechSynthesis.speaking) ? 1 : 0; } catch (e) { return 0; } });

EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int len), {
    var bytes = HEAPU8.slice(data, data + len);
    var blob = new Blob([bytes], { type: UTF8ToString(mime) });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = UTF8ToString(name);
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    setTimeout(function() { URL.revokeObjectURL(url); a.remove(); }, 1000);
});

EM_JS(void, js_pick_file, (int request, const char* accept), {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = UTF8ToString(accept);
    input.style.display = 'none';
    document.body.appendChild(input);
    input.addEventListener('change', function() {
        var file = input.files && input.files[0];
        input.remove();
        if (!file) return;
        var nlen = lengthBytesUTF8(file.name) + 1;
        var name = _malloc(nlen);
        stringToUTF8(file.name, name, nlen);
        // Larger than any backup or pack we make: not read at all (len -1 = "too big").
        if (file.size > 32 * 1024 * 1024) { Module._sandyq_on_file_picked(request, name, 0, -1); _free(name); return; }
        file.arrayBuffer().then(function(buf) {
            var bytes = new Uint8Array(buf);
            var data = _malloc(Math.max(1, bytes.length));
            if (!data) { Module._sandyq_on_file_picked(request, name, 0, -1); _free(name); return; }
            HEAPU8.set(bytes, data);
            Module._sandyq_on_file_picked(request, name, data, bytes.length);
            _free(name);
            _free(data);
        }, function() { Module._sandyq_on_file_picked(request, name, 0, -1); _free(name); });
    });
    input.click();
});

// Same-origin GET; the service worker keeps a copy of packs for offline use.
EM_JS(void, js_fetch, (int request, const char* url), {
    var done = function(status, bytes) {
        var data = _malloc(Math.max(1, bytes.length));
        HEAPU8.set(bytes, data);
        Module._sandyq_on_fetched(request, status, data, bytes.length);
        _free(data);
    };
    try {
        fetch(UTF8ToString(url), { credentials: "same-origin" }).then(function(r) {
            return r.arrayBuffer().then(function(buf) { done(r.status, new Uint8Array(buf)); });
        }).catch(function() { done(0, new Uint8Array(0)); });
    } catch (e) {
        setTimeout(function() { done(0, new Uint8Array(0)); }, 0);
    }
});

// <input webkitdirectory> (folder = 1): every file with its relative path ("pack/lessons/a.lua");
// <input multiple> (folder = 0): the chosen files by name. Delivered one by one, then "done".
EM_JS(void, js_pick_folder, (int request, int folder, const char* accept), {
    var input = document.createElement("input");
    input.type = "file";
    if (folder) input.webkitdirectory = true;
    else input.accept = UTF8ToString(accept);
    input.multiple = true;
    input.style.display = "none";
    document.body.appendChild(input);
    input.addEventListener("change", function() {
        var files = Array.prototype.slice.call(input.files || []);
        input.remove();
        if (!files.length) return;
        // Files over 32 MB, or past 64 MB / 2000 files in all, are not read: they arrive with
        // len -1 ("too big") so the screen can name them instead of dropping them silently.
        var total = 0;
        var next = function(i) {
            if (i >= files.length) { Module._sandyq_on_folder_done(request); return; }
            var f = files[i];
            var path = f.webkitRelativePath || f.name;
            var nlen = lengthBytesUTF8(path) + 1;
            var name = _malloc(nlen);
            stringToUTF8(path, name, nlen);
            total += f.size;
            var tooBig = function() { Module._sandyq_on_folder_file(request, name, 0, -1); _free(name); next(i + 1); };
            if (f.size > 32 * 1024 * 1024 || total > 64 * 1024 * 1024 || i >= 2000) { tooBig(); return; }
            f.arrayBuffer().then(function(buf) {
                var bytes = new Uint8Array(buf);
                var data = _malloc(Math.max(1, bytes.length));
                if (!data) { tooBig(); return; }
                HEAPU8.set(bytes, data);
                Module._sandyq_on_folder_file(request, name, data, bytes.length);
                _free(name);
                _free(data);
                next(i + 1);
            }, tooBig);
        };
        next(0);
    });
    input.click();
});

EM_JS(char*, js_language_hint, (), {
    var code = "";
    try { code = (window.sandyqLoader && window.sandyqLoader.lang) || localStorage.getItem('sandyq.lang') || ""; } catch (e) { code = ""; }
    var len = lengthBytesUTF8(code) + 1;
    var ptr = _malloc(len);
    stringToUTF8(code, ptr, len);
    return ptr;
});
EM_JS(void, js_remember_language, (const char* code), {
    try { localStorage.setItem('sandyq.lang', UTF8ToString(code)); } catch (e) {}
    try { document.documentElement.lang = UTF8ToString(code); } catch (e) {}
});
#endif

// ---- C++ side -----------------------------------------------------------------------------------
WebServices::WebServices(std::string root)
    : storage_(std::move(root), [] {
#ifdef __EMSCRIPTEN__
          js_storage_sync();
#endif
      }) {}

Status WebServices::open() { return storage_.open(); }

StorageHealth WebServices::storageHealth() const {
#ifdef __EMSCRIPTEN__
    if (!js_storage_loaded_ok()) return StorageHealth::Unavailable;
#endif
    return sync_health_;
}

void WebServices::onSyncDone(int result) {
    sync_health_ = result == 0 ? StorageHealth::Ok : result == 1 ? StorageHealth::QuotaFull : StorageHealth::SyncFailed;
}

std::string WebServices::speechVoice(text::Lang lang) const {
#ifdef __EMSCRIPTEN__
    char* name = js_speech_voice(std::string(text::langCode(lang)).c_str());
    std::string out = name;
    std::free(name);
    return out;
#else
    return {};
#endif
}

bool WebServices::speak(std::string_view text, text::Lang lang) {
#ifdef __EMSCRIPTEN__
    return js_speak(std::string(text).c_str(), std::string(text::langCode(lang)).c_str()) != 0;
#else
    return false;
#endif
}

void WebServices::stopSpeaking() {
#ifdef __EMSCRIPTEN__
    js_stop_speaking();
#endif
}

bool WebServices::isSpeaking() const {
#ifdef __EMSCRIPTEN__
    return js_is_speaking() != 0;
#else
    return false;
#endif
}

void WebServices::download(std::string_view filename, std::string_view mime, std::string_view bytes) {
#ifdef __EMSCRIPTEN__
    js_download(std::string(filename).c_str(), std::string(mime).c_str(), bytes.data(), static_cast<int>(bytes.size()));
#endif
}

void WebServices::pickFile(std::string_view accept, std::function<void(PickedFile)> done) {
    const int request = next_request_++;
    pending_picks_[request] = std::move(done);
#ifdef __EMSCRIPTEN__
    js_pick_file(request, std::string(accept).c_str());
#endif
}

void WebServices::onFilePicked(int request, PickedFile file) {
    const auto it = pending_picks_.find(request);
    if (it == pending_picks_.end()) return;
    auto done = std::move(it->second);
    pending_picks_.erase(it);
    if (done) done(std::move(file));
}

void WebServices::fetch(std::string_view url, std::function<void(FetchedFile)> done) {
    const int request = next_request_++;
    pending_fetches_[request] = std::move(done);
#ifdef __EMSCRIPTEN__
    js_fetch(request, std::string(url).c_str());
#else
    onFetched(request, FetchedFile{});  // natively there is no server: report a network failure
#endif
}

void WebServices::onFetched(int request, FetchedFile file) {
    const auto it = pending_fetches_.find(request);
    if (it == pending_fetches_.end()) return;
    auto done = std::move(it->second);
    pending_fetches_.erase(it);
    if (done) done(std::move(file));
}

void WebServices::pickFolder(std::function<void(std::vector<PickedFile>)> done) {
    const int request = next_request_++;
    pending_folders_[request].done = std::move(done);
#ifdef __EMSCRIPTEN__
    js_pick_folder(request, 1, "");
#endif
}

void WebServices::pickFiles(std::string_view accept, std::function<void(std::vector<PickedFile>)> done) {
    // The same path as a folder: files arrive one by one (onFolderFile), then onFolderDone.
    const int request = next_request_++;
    pending_folders_[request].done = std::move(done);
#ifdef __EMSCRIPTEN__
    js_pick_folder(request, 0, std::string(accept).c_str());
#endif
}

void WebServices::onFolderFile(int request, PickedFile file) {
    const auto it = pending_folders_.find(request);
    if (it != pending_folders_.end()) it->second.files.push_back(std::move(file));
}

void WebServices::onFolderDone(int request) {
    const auto it = pending_folders_.find(request);
    if (it == pending_folders_.end()) return;
    FolderPick pick = std::move(it->second);
    pending_folders_.erase(it);
    if (pick.done) pick.done(std::move(pick.files));
}

void WebServices::rememberLanguage(text::Lang lang) {
#ifdef __EMSCRIPTEN__
    js_remember_language(std::string(text::langCode(lang)).c_str());
#endif
}

text::Lang WebServices::languageHint() const {
#ifdef __EMSCRIPTEN__
    char* code = js_language_hint();
    const text::Lang lang = text::langFromCode(code);
    std::free(code);
    return lang;
#else
    return text::Lang::None;
#endif
}

}  // namespace sandyq::platform

#ifdef __EMSCRIPTEN__
extern "C" {
EMSCRIPTEN_KEEPALIVE void sandyq_on_storage_sync(int result) {
    if (sandyq::platform::g_active != nullptr) sandyq::platform::g_active->onSyncDone(result);
}
EMSCRIPTEN_KEEPALIVE void sandyq_on_file_picked(int request, const char* name, const char* data, int len) {
    if (sandyq::platform::g_active == nullptr) return;
    sandyq::platform::g_active->onFilePicked(request, sandyq::platform::pickedFile(name, data, len));
}
EMSCRIPTEN_KEEPALIVE void sandyq_on_fetched(int request, int status, const char* data, int len) {
    if (sandyq::platform::g_active == nullptr) return;
    sandyq::platform::g_active->onFetched(request, sandyq::platform::FetchedFile{status, std::string(data, static_cast<size_t>(len))});
}
EMSCRIPTEN_KEEPALIVE void sandyq_on_folder_file(int request, const char* name, const char* data, int len) {
    if (sandyq::platform::g_active == nullptr) return;
    sandyq::platform::g_active->onFolderFile(request, sandyq::platform::pickedFile(name, data, len));
}
EMSCRIPTEN_KEEPALIVE void sandyq_on_folder_done(int request) {
    if (sandyq::platform::g_active != nullptr) sandyq::platform::g_active->onFolderDone(request);
}
}
#endif
