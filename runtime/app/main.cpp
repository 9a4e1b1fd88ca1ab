// app/main.cpp — wires the layers for the browser: catalogues and fonts from the preloaded
// /assets, settings and progress in /data (IDBFS, loaded by web/pre.js before main), the SDL2
// window, the UI, and the test API the browser tests use (extern "C" sandyq_test_*).
#include <emscripten.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/utf8.h"
#include "platform/web_services.h"
#include "platform/window.h"
#include "ui/app_ui.h"

#define JSON_NOEXCEPTION 1
#include <nlohmann/json.hpp>

namespace {

using namespace sandyq;

struct App {
    platform::Window window;
    text::Translator tr;
    platform::WebServices services{"/data"};
    std::unique_ptr<ui::AppUi> ui;
    uint64_t frames = 0;
    double first_frame_ms = -1;
    // CPU time of the last frames (poll, UI, draw-list submission), for the frame-time
    // benchmarks (tools/bench_frames.mjs): a ring of kFrameRing figures.
    static constexpr size_t kFrameRing = 600;
    double frame_cpu_ms[kFrameRing] = {};
    size_t frame_cpu_count = 0;
    std::string catalogue_error;
    std::vector<text::Lang> missing_langs;  // catalogues not in /assets/i18n at start
    std::string picked_name;
    size_t picked_size = 0;
    uint32_t picked_hash = 0;
};
App* g_app = nullptr;

std::string readWholeFile(const std::string& path) {
    std::string out;
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) return out;
    char buf[16384];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    std::fclose(f);
    return out;
}

// Reads /assets/i18n/<lang>.json into the translator; false if the file is not there (yet).
// web/pre.js leaves <lang>.flat (parsed by the browser, see Catalogue::addFlat) or, if the page
// could not flatten it, the catalogue's JSON as fetched.
bool loadCatalogue(App& app, text::Lang lang) {
    const std::string base = "/assets/i18n/" + std::string(text::langCode(lang));
    std::string file = base + ".flat";
    std::string bytes = readWholeFile(file);
    const bool flat = !bytes.empty();
    if (!flat) {
        file = base + ".json";
        bytes = readWholeFile(file);
    }
    if (bytes.empty()) return false;
    const Status st = flat ? app.tr.catalogue(lang).addFlat(bytes, file) : app.tr.catalogue(lang).addJson(bytes, file);
    if (!st.ok()) app.catalogue_error = st.message_key + " " + file;
    return true;
}

// The other languages' catalogues, after the first frame: web/pre.js fetches and writes them to
// /assets/i18n, then sandyq_on_catalogue loads them; a failure (offline without the service
// worker's copy) only leaves that language to the fallback chain.
EM_JS(void, js_fetch_catalogue, (const char* code), {
    var l = UTF8ToString(code);
    Module.sandyqLoadCatalogue(l).then(function (ok) { if (ok) Module.ccall("sandyq_on_catalogue", null, ["string"], [l]); });
});

EM_JS(int, js_flag, (const char* name), {
    try { return new URLSearchParams(location.search).has(UTF8ToString(name)) ? 1 : 0; } catch (e) { return 0; }
});
EM_JS(void, js_app_ready, (double first_frame_ms), {
    Module.sandyqFirstFrameMs = first_frame_ms;
    if (typeof Module.onAppReady === 'function') Module.onAppReady();
});
EM_JS(void, js_app_failed, (const char* key, const char* message), {
    var k = UTF8ToString(key), m = UTF8ToString(message);
    if (typeof Module.onAppFailed === 'function') Module.onAppFailed(k, m);
    else console.warn('sandyq: ' + k + ': ' + m);
});

EM_JS(void, js_mark, (const char* name), { Module.sandyqMark(UTF8ToString(name)); });

void frame(void* arg) {
    App& app = *static_cast<App*>(arg);
    const double t0 = emscripten_get_now();
    app.window.pollEvents();
    if (app.frames == 0) js_mark("frame1-events");
    const platform::DisplayMetrics& m = app.window.updateMetrics();
    if (app.frames == 0) js_mark("frame1-metrics");
    if (app.ui->fontsNeedRebuild(m.pixel_ratio)) {
        js_mark("fonts-start");
        app.ui->rebuildFonts(m.pixel_ratio);
        app.window.reloadFontTexture();
        js_mark("fonts-end");
    }
    const bool first = app.frames == 0;
    app.window.beginFrame();  // the first call compiles the GL shaders
    if (first) js_mark("frame1-gl-objects");
    ImGui::NewFrame();
    app.ui->frame(ui::FrameContext{m.pixel_ratio, app.window.lastInputWasTouch()});
    if (first) js_mark("frame1-ui");
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(app.ui->clearColor());
    app.window.endFrame(bg.x, bg.y, bg.z);
    if (first) js_mark("frame1-drawn");
    app.frame_cpu_ms[app.frame_cpu_count++ % App::kFrameRing] = emscripten_get_now() - t0;
    ++app.frames;
    if (app.frames == 1) {
        app.first_frame_ms = emscripten_get_now();
        js_app_ready(app.first_frame_ms);
        // Classes, pupils and their marks from /data: after the first frame, so a big class's
        // history never delays the start.
        app.ui->openProgress();
        for (text::Lang lang : app.missing_langs) js_fetch_catalogue(std::string(text::langCode(lang)).c_str());
    }
}

}  // namespace

int main() {
    js_mark("main");
    g_app = new App();  // lives for the page's lifetime
    App& app = *g_app;
    // Only the chosen language's catalogue is there now (web/pre.js); the others follow after the
    // first frame (for the fallback chain and an instant language switch).
    for (text::Lang lang : text::kAllLangs) {
        if (!loadCatalogue(app, lang)) app.missing_langs.push_back(lang);
    }
    js_mark("catalogue");
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing to remember about window positions
    // Keyboard use is handled by AppUi's own focus ring (Tab, arrows, Enter, Space).
    const Status win = app.window.init("Sandyq", js_flag("webgl1") != 0);
    if (!win.ok()) {
        js_app_failed(win.message_key.c_str(), app.tr.tr(win.message_key).c_str());
        return 1;
    }
    js_mark("window");
    const Status st = app.services.open();
    if (!st.ok()) std::fprintf(stderr, "sandyq: storage: %s %s\n", st.message_key.c_str(), st.detail.c_str());
    platform::setActiveWebServices(&app.services);
    js_mark("storage");
    app.ui = std::make_unique<ui::AppUi>(app.tr, app.services, "/assets/fonts", SANDYQ_FONT_RANGES);
    app.ui->loadSettings();
    js_mark("ui-created");
    app.ui->startCourse(&app.window);  // packs are fetched in the background, pack by pack
    js_mark("course-started");
    // Draw the first frame now rather than on the next animation frame (up to ~100 ms later on a
    // busy 2-core PC), then hand over to requestAnimationFrame.
    frame(&app);
    emscripten_set_main_loop_arg(frame, &app, 0, false);
    return 0;
}

// ---- test API (read by tests/browser through Module.sandyqTest in web/pre.js) ---------------------
extern "C" {

// A catalogue fetched after the start (js_fetch_catalogue) is in /assets/i18n now.
EMSCRIPTEN_KEEPALIVE void sandyq_on_catalogue(const char* code) {
    if (g_app == nullptr) return;
    const text::Lang lang = text::langFromCode(code);
    auto& missing = g_app->missing_langs;
    auto it = std::find(missing.begin(), missing.end(), lang);
    if (lang == text::Lang::None || it == missing.end()) return;
    if (loadCatalogue(*g_app, lang)) missing.erase(it);
}

EMSCRIPTEN_KEEPALIVE const char* sandyq_test_state() {
    static std::string out;
    if (g_app == nullptr || !g_app->ui) return "{}";
    const App& app = *g_app;
    const platform::DisplayMetrics& m = app.window.metrics();
    nlohmann::json j;
    j["screen"] = ui::screenName(app.ui->screen());
    j["frames"] = app.frames;
    j["firstFrameMs"] = app.first_frame_ms;
    {
        // Median, 95th percentile and max of the last (up to 300) frames' CPU time.
        const size_t n = std::min<size_t>(app.frame_cpu_count, 300);
        std::vector<double> t;
        for (size_t i = 0; i < n; ++i) t.push_back(app.frame_cpu_ms[(app.frame_cpu_count - 1 - i) % App::kFrameRing]);
        std::sort(t.begin(), t.end());
        j["frameCpu"] = {{"count", n}, {"median", n ? t[n / 2] : 0.0}, {"p95", n ? t[(n * 95) / 100 < n ? (n * 95) / 100 : n - 1] : 0.0},
                         {"max", n ? t.back() : 0.0}};
    }
    j["lang"] = std::string(text::langCode(app.ui->settings().lang));
    j["fontScale"] = app.ui->settings().font_scale;
    j["highContrast"] = app.ui->settings().high_contrast;
    j["pixelRatio"] = m.pixel_ratio;
    j["css"] = {m.css_width, m.css_height};
    j["framebuffer"] = {m.fb_width, m.fb_height};
    j["webgl"] = m.webgl_version;
    j["fontRaster"] = app.ui->fonts().raster_scale;
    const char* health[] = {"none", "ok", "unavailable", "quota", "sync-failed"};
    j["storage"] = health[static_cast<int>(app.services.storageHealth())];
    j["lastMessageKey"] = app.ui->lastMessageKey();
    j["lastMessage"] = app.ui->lastMessageText();
    j["keyboardFocus"] = app.ui->keyboardFocus();
    j["catalogueError"] = app.catalogue_error;
    {
        std::vector<std::string> loaded;
        for (text::Lang lang : text::kAllLangs) {
            if (std::find(app.missing_langs.begin(), app.missing_langs.end(), lang) == app.missing_langs.end())
                loaded.emplace_back(text::langCode(lang));
        }
        j["catalogues"] = loaded;
        nlohmann::json keys = nlohmann::json::object();
        for (text::Lang lang : text::kAllLangs) keys[std::string(text::langCode(lang))] = app.tr.catalogue(lang).size();
        j["catalogueKeys"] = keys;
    }
    j["picked"] = {{"name", app.picked_name}, {"size", app.picked_size}, {"hash", app.picked_hash}};
    {
        ui::Playground& pg = g_app->ui->playground();
        const program::Diagnostic& d = pg.diagnostic();
        j["playground"] = {{"mode", ui::playgroundModeName(pg.mode())}, {"output", pg.output()},
                           {"execLine", pg.execLine()}, {"errorLine", pg.editor().error_line},
                           {"exception", d.ok() ? "" : program::exceptionName(d.exception)},
                           {"errorKey", d.message_key}, {"code", pg.editor().text}};
    }
    if (ui::Course* course = g_app->ui->course()) {
        const text::Lang lang = app.ui->settings().lang;
        nlohmann::json packs = nlohmann::json::array(), broken = nlohmann::json::array(), index = nlohmann::json::array();
        for (const auto& p : course->indexProblems().list()) index.push_back(p.file + ":" + std::to_string(p.line) + ": " + p.message_key);
        const std::vector<size_t> usable = course->usableEntries();
        for (size_t i = 0; i < course->entries().size(); ++i) {
            const ui::PackEntry& e = course->entries()[i];
            const course::Pack* pack = course->pack(e.handle);
            if (std::find(usable.begin(), usable.end(), i) != usable.end() && pack != nullptr) {
                nlohmann::json lessons = nlohmann::json::array();
                for (const auto& l : pack->lessons) {
                    const ui::LessonMark m = course->lessonMark(*pack, l);
                    lessons.push_back({{"id", l.id}, {"title", l.title.get(lang)}, {"steps", m.steps}, {"passed", m.passed},
                                       {"tried", m.tried}, {"stars", m.stars}, {"points", m.points}});
                }
                packs.push_back({{"entry", i}, {"id", pack->manifest.id}, {"grade", pack->manifest.grade}, {"folder", e.folder},
                                 {"preview", e.preview}, {"title", pack->manifest.title.get(lang)}, {"lessons", lessons}});
            } else if (!e.loading) {
                nlohmann::json problems = nlohmann::json::array();
                for (const auto& p : e.problems.list()) problems.push_back(p.file + ":" + std::to_string(p.line) + ": " + p.message_key);
                broken.push_back({{"entry", i}, {"folder", e.folder}, {"preview", e.preview}, {"problems", problems}});
            }
        }
        j["course"] = {{"loading", course->loading()}, {"packs", packs}, {"broken", broken}, {"indexProblems", index}};
        const ui::LessonSession& ls = app.ui->lesson();
        nlohmann::json lj = {{"open", ls.open}, {"entry", ls.entry}, {"lesson", ls.lesson}, {"step", ls.step}, {"finished", ls.finished}};
        if (const course::Pack* pack = ls.open ? course->pack(ls.pack) : nullptr; pack && !ls.finished) {
            const course::Step& st = pack->lessons[ls.lesson].steps[ls.step];
            lj["stepId"] = st.id;
            lj["kind"] = st.kind == course::StepKind::Theory ? "theory" : st.kind == course::StepKind::Quiz ? "quiz" : "coding";
            if (st.kind == course::StepKind::Quiz) {
                lj["quizKind"] = std::string(course::quizKindName(st.quiz.kind));
                if (auto it = ls.quiz.find(ls.step); it != ls.quiz.end()) {
                    const ui::QuizState& q = it->second;
                    lj["shown"] = q.shown;
                    lj["order"] = q.order;
                    lj["checked"] = q.checked;
                    lj["correct"] = q.checked && q.result.correct;
                    lj["attempts"] = q.attempts;
                    lj["feedbackKey"] = q.checked ? q.result.message_key : "";
                    lj["points"] = q.result.points;
                }
            }
        }
        j["lesson"] = lj;
        // The coding step on screen (ui/app_ui_coding.cpp), or null.
        const std::string coding = app.ui->codingStateJson();
        j["coding"] = coding.empty() ? nlohmann::json() : nlohmann::json::parse(coding, nullptr, false);
    }
    if (progress::ProgressDb* db = g_app->ui->progressDb()) {
        nlohmann::json classes = nlohmann::json::array();
        for (const auto& c : db->data().classes()) {
            nlohmann::json pupils = nlohmann::json::array();
            for (const progress::Pupil* p : db->data().pupilsOf(c.id)) {
                int passed = 0;
                for (const auto& [k, r] : db->data().recordsOf(p->id)) passed += r.status == progress::StepStatus::Passed;
                pupils.push_back({{"id", p->id.value}, {"name", p->display_name}, {"passed", passed},
                                  {"records", db->data().recordsOf(p->id).size()}, {"pin", db->data().hasPicturePin(p->id)}});
            }
            classes.push_back({{"id", c.id.value}, {"name", c.name}, {"grade", c.grade}, {"year", c.school_year}, {"pupils", pupils}});
        }
        j["progress"] = {{"pupil", g_app->ui->pupilName()}, {"pupilId", g_app->ui->pupil().value}, {"classes", classes},
                         {"teacherPin", db->data().hasTeacherPin()}, {"unlocked", g_app->ui->teacherUnlocked()},
                         {"outcome", g_app->ui->progressOutcome()}};
        // Picture-PIN entry, the teacher's pupil card, the export choice, the storage banner.
        const ui::TeacherTools& t = g_app->ui->tools();
        const int64_t wait = t.pin.pupil && t.pin.guards.count(t.pin.pupil)
                                 ? t.pin.guards.at(t.pin.pupil).waitMs(static_cast<int64_t>(ImGui::GetTime() * 1000.0)) : 0;
        j["progress"]["pinEntry"] = {{"pupil", t.pin.pupil}, {"taps", t.pin.taps.size()}, {"message", t.pin.message_key}, {"waitMs", wait}};
        j["progress"]["card"] = {{"pupil", t.card.pupil}, {"settingPin", t.card.setting_pin}, {"pictures", t.card.pictures.size()},
                                 {"message", t.card.message}, {"ok", t.card.message_ok}};
        j["progress"]["export"] = {{"chosen", t.choice.chosen}, {"total", t.choice.total}, {"offered", t.choice.offered}, {"byDates", t.choice.by_dates},
                                   {"from", progress::dateText(t.choice.from)}, {"to", progress::dateText(t.choice.to)},
                                   {"message", t.choice.message_key}};
        j["progress"]["banner"] = g_app->ui->storageTrouble();
        j["progress"]["backupsDownloaded"] = t.backups_downloaded;
    }
    if (const std::string rollup = app.ui->rollupStateJson(); !rollup.empty()) {
        j["rollup"] = nlohmann::json::parse(rollup, nullptr, false);
    }
    nlohmann::json widgets = nlohmann::json::object();
    for (const auto& [id, r] : app.ui->widgets().last()) widgets[id] = {r.x, r.y, r.w, r.h};
    j["widgets"] = widgets;
    out = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return out.c_str();
}

// Code points of `utf8` that the UI fonts (body, heading and, once loaded, code) cannot
// draw, as a JSON array.
EMSCRIPTEN_KEEPALIVE const char* sandyq_test_missing_glyphs(const char* utf8) {
    static std::string out;
    nlohmann::json missing = nlohmann::json::array();
    if (g_app != nullptr && g_app->ui) {
        const ui::Fonts& f = g_app->ui->fonts();
        const std::u32string cps = sandyq::text::toCodepoints(utf8);
        for (char32_t cp : cps) {
            const bool ok = f.body->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr &&
                            f.heading->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr &&
                            (f.code == nullptr || f.code->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
            if (!ok || cp > 0xFFFF) missing.push_back(static_cast<uint32_t>(cp));
        }
    }
    out = missing.dump();
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* sandyq_test_storage_put(const char* key, const char* value) {
    static std::string out;
    const Status st = g_app->services.storage().writeAtomic(key, value);
    out = st.ok() ? "ok" : st.message_key;
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* sandyq_test_storage_get(const char* key) {
    static std::string out;
    Result<std::string> r = g_app->services.storage().read(key);
    out = r.ok() ? r.value() : "!" + r.status().message_key;
    return out.c_str();
}

// Replaces the playground's code (typing Cyrillic through a headless keyboard is not portable).
EMSCRIPTEN_KEEPALIVE void sandyq_test_set_code(const char* code) {
    g_app->ui->playground().stop();
    g_app->ui->playground().editor().text = code;
}

// Replaces the program of the coding step on screen (text steps: the code; blocks steps:
// Python-style text converted to blocks). Returns 1 when it was set.
EMSCRIPTEN_KEEPALIVE int sandyq_test_set_coding_code(const char* code) {
    return g_app && g_app->ui && g_app->ui->setCodingCode(code) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void sandyq_test_download(const char* name, const char* text) {
    g_app->services.download(name, "text/plain;charset=utf-8", text);
}

EMSCRIPTEN_KEEPALIVE void sandyq_test_pick_file() {
    g_app->services.pickFile(".txt,.json,.zip", [](platform::PickedFile f) {
        uint32_t h = 2166136261u;  // FNV-1a, so the test can check every byte arrived
        for (unsigned char c : f.bytes) h = (h ^ c) * 16777619u;
        g_app->picked_name = f.name;
        g_app->picked_size = f.bytes.size();
        g_app->picked_hash = h;
    });
}

}  // extern "C"
