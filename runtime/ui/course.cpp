// ui/course.cpp — fetching packs, previews, pictures and marks (see ui/course.h).
#include "ui/course.h"

#include <algorithm>
#include <set>

#define JSON_NOEXCEPTION 1
#include <nlohmann/json.hpp>

#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_NO_STDIO
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_FAILURE_STRINGS
#include <stb_image.h>

#ifdef SANDYQ_HAVE_ZIP
#include "scripting/zip_pack_source.h"
#endif

namespace sandyq::ui {

namespace {

constexpr size_t kMaxPacks = 200;
constexpr size_t kMaxPictureBytes = 8u << 20;

// A pack folder name as index.json may give it: one path segment or a few, never leaving packs/.
bool validFolder(const std::string& f) {
    if (f.empty() || f.size() > 200) return false;
    std::string trimmed = f;
    while (!trimmed.empty() && trimmed.back() == '/') trimmed.pop_back();
    return !trimmed.empty() && course::isValidPackPath(trimmed);
}

// JSON parse errors with a line number, for a school IT person editing packs/index.json.
struct LineFinder : nlohmann::json_sax<nlohmann::json> {
    size_t error_at = std::string::npos;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) override {
        error_at = position;
        return false;
    }
};

int lineOf(const std::string& text, size_t pos) {
    pos = std::min(pos, text.size());
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
}

}  // namespace

Course::Course(platform::Services& services, platform::Textures* textures)
    : services_(services), textures_(textures) {}

Course::~Course() {
    if (textures_ == nullptr) return;
    for (auto& [k, pic] : pictures_) textures_->destroyTexture(pic.texture);
}

void Course::start() {
    if (started_) return;
    started_ = true;
    fetchIndex("packs/bundled.json", true);
    fetchIndex("packs/index.json", false);
}

bool Course::loading() const { return pending_ > 0; }

void Course::fetchIndex(const std::string& url, bool bundled) {
    ++pending_;
    services_.fetch(url, [this, url, bundled](platform::FetchedFile f) {
        --pending_;
        if (!f.ok()) {
            // No index.json is normal (a school without extra packs); a missing bundled list is not.
            if (bundled || f.status != 404) index_problems_.error(url, 0, "course.index_unreachable", {{"status", std::to_string(f.status)}});
            return;
        }
        nlohmann::json doc = nlohmann::json::parse(f.bytes, nullptr, false);
        if (doc.is_discarded()) {
            LineFinder finder;
            nlohmann::json::sax_parse(f.bytes, &finder);
            index_problems_.error(url, lineOf(f.bytes, finder.error_at == std::string::npos ? 0 : finder.error_at), "course.index_bad_json");
            return;
        }
        const nlohmann::json* list = doc.is_object() && doc.contains("packs") ? &doc["packs"] : nullptr;
        if (list == nullptr || !list->is_array()) {
            index_problems_.error(url, 0, "course.index_no_list");
            return;
        }
        for (const auto& item : *list) {
            std::string folder;
            if (item.is_string()) folder = item.get<std::string>();
            else if (item.is_object() && item.contains("folder") && item["folder"].is_string()) folder = item["folder"].get<std::string>();
            if (!validFolder(folder)) {
                index_problems_.error(url, 0, "course.index_bad_entry", {{"entry", item.dump().substr(0, 80)}});
                continue;
            }
            while (folder.back() == '/') folder.pop_back();
            const bool dup = std::any_of(entries_.begin(), entries_.end(), [&](const PackEntry& e) { return !e.preview && e.folder == folder; });
            if (dup) continue;  // a school listing a bundled pack again is harmless
            if (entries_.size() >= kMaxPacks) {
                index_problems_.error(url, 0, "course.index_too_many", {{"n", std::to_string(kMaxPacks)}});
                break;
            }
            addPackEntry(folder);
        }
    });
}

void Course::addPackEntry(const std::string& folder) {
    PackEntry e;
    e.folder = folder;
    entries_.push_back(std::move(e));
    staging_.push_back(std::make_unique<course::MemoryPackSource>("packs/" + folder));
    fetchPack(entries_.size() - 1);
}

void Course::fetchPack(size_t entry) {
    const std::string base = "packs/" + entries_[entry].folder + "/";
    ++pending_;
    services_.fetch(base + "pack.lua", [this, entry, base](platform::FetchedFile f) {
        --pending_;
        if (!f.ok()) {
            entries_[entry].loading = false;
            entries_[entry].problems.error(base + "pack.lua", 0, "course.pack_unreachable", {{"status", std::to_string(f.status)}});
            staging_[entry].reset();
            return;
        }
        course::MemoryPackSource& src = *staging_[entry];
        src.add("pack.lua", std::move(f.bytes));
        // The manifest names the lesson files; load it once to learn them.
        const scripting::LoadedPack probe = scripting::loadPack(src);
        std::vector<std::string> files;
        if (probe.manifest_loaded) {
            for (const auto& file : probe.pack.manifest.lesson_files) {
                if (course::isValidPackPath(file) && std::find(files.begin(), files.end(), file) == files.end()) files.push_back(file);
            }
        }
        if (files.empty()) {
            finishPack(entry);
            return;
        }
        auto remaining = std::make_shared<size_t>(files.size());
        for (const auto& file : files) {
            ++pending_;
            services_.fetch(base + file, [this, entry, file, remaining](platform::FetchedFile lf) {
                --pending_;
                // A missing lesson file is reported by the loader as "pack.file_missing" with the
                // manifest's line.
                if (lf.ok() && staging_[entry]) staging_[entry]->add(file, std::move(lf.bytes));
                if (--*remaining == 0) finishPack(entry);
            });
        }
    });
}

void Course::finishPack(size_t entry) {
    if (!staging_[entry]) return;
    course::MemoryPackSource* raw = staging_[entry].get();
    const scripting::PackHandle h = library_.add(std::move(staging_[entry]));
    PackEntry& e = entries_[entry];
    e.loading = false;
    e.handle = h;
    if (const scripting::LoadedPack* lp = library_.pack(h)) e.problems = lp->problems;
    sources_[h.value] = raw;
    folders_[h.value] = e.preview ? std::string() : "packs/" + e.folder + "/";
    // A pack id used twice: the library keeps the first; tell the teacher.
    const auto usable = library_.usableByGrade();
    if (library_.pack(h) && library_.pack(h)->usable() &&
        std::find_if(usable.begin(), usable.end(), [&](scripting::PackHandle u) { return u.value == h.value; }) == usable.end()) {
        e.problems.error(e.folder + "/pack.lua", 0, "pack.duplicate_pack", {{"id", library_.pack(h)->pack.manifest.id}});
    }
}

void Course::addPreviewFolder(std::vector<platform::PickedFile> files) {
    if (files.empty()) return;
    // "mypack/pack.lua" → top folder "mypack"; files are made relative to it.
    std::string top = files.front().name.substr(0, files.front().name.find('/'));
    auto src = std::make_unique<course::MemoryPackSource>(top);
    std::vector<std::string> unread;  // too big for the page to read: named, never dropped silently
    for (auto& f : files) {
        std::string path = f.name;
        if (path.compare(0, top.size() + 1, top + "/") == 0) path = path.substr(top.size() + 1);
        if (f.too_big) unread.push_back(f.name);
        else if (course::isValidPackPath(path)) src->add(path, std::move(f.bytes));
    }
    PackEntry e;
    e.folder = top;
    e.preview = true;
    entries_.push_back(std::move(e));
    staging_.push_back(std::move(src));
    finishPack(entries_.size() - 1);
    for (const std::string& name : unread) entries_.back().problems.error(name, 0, "pack.file_too_big");
}

void Course::addPreviewZip(const std::string& name, const std::string& bytes, bool too_big) {
    PackEntry e;
    e.folder = name;
    e.preview = true;
    e.loading = false;
    if (too_big) {
        e.problems.error(name, 0, "pack.zip_too_big", {{"file", name}});
        entries_.push_back(std::move(e));
        staging_.push_back(nullptr);
        return;
    }
#ifdef SANDYQ_HAVE_ZIP
    Result<course::MemoryPackSource> r = scripting::unpackZip(bytes, name);
    if (r.ok()) {
        entries_.push_back(std::move(e));
        staging_.push_back(std::make_unique<course::MemoryPackSource>(std::move(r.value())));
        finishPack(entries_.size() - 1);
        return;
    }
    e.problems.error(name, 0, r.status().message_key, {{"file", r.status().where}});
#else
    (void)bytes;
    e.problems.error(name, 0, "course.zip_unsupported");
#endif
    entries_.push_back(std::move(e));
    staging_.push_back(nullptr);
}

const course::Pack* Course::pack(scripting::PackHandle h) const {
    const scripting::LoadedPack* lp = library_.pack(h);
    return lp ? &lp->pack : nullptr;
}

std::vector<size_t> Course::usableEntries() const {
    std::vector<size_t> out;
    const auto usable = library_.usableByGrade();  // grade, then Kazakh title, then id
    for (bool preview : {true, false}) {
        for (scripting::PackHandle h : usable) {
            for (size_t i = 0; i < entries_.size(); ++i) {
                if (entries_[i].handle.value == h.value && entries_[i].preview == preview) out.push_back(i);
            }
        }
    }
    return out;
}

uint64_t Course::rasterTexture(const std::string& key, const uint8_t* rgba, int width, int height) {
    const std::string k = "raster:" + key;
    auto it = pictures_.find(k);
    if (it != pictures_.end()) return it->second.texture;
    Picture& pic = pictures_[k];
    pic.width = width;
    pic.height = height;
    if (textures_ && rgba && width > 0 && height > 0) pic.texture = textures_->createTexture(rgba, width, height);
    pic.failed = pic.texture == 0;
    return pic.texture;
}

const Picture& Course::picture(scripting::PackHandle h, const std::string& path) {
    const std::string k = std::to_string(h.value) + ":" + path;
    auto it = pictures_.find(k);
    if (it != pictures_.end()) return it->second;
    Picture& pic = pictures_[k];
    const auto decode = [this, k](const std::string& bytes) {
        Picture& p = pictures_[k];
        p.pending = false;
        int w = 0, hgt = 0, comp = 0;
        if (bytes.empty() || bytes.size() > kMaxPictureBytes) {
            p.failed = true;
            return;
        }
        stbi_uc* px = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()), static_cast<int>(bytes.size()), &w, &hgt, &comp, 4);
        if (px == nullptr || w <= 0 || hgt <= 0 || w > 4096 || hgt > 4096) {
            if (px) stbi_image_free(px);
            p.failed = true;
            return;
        }
        p.width = w;
        p.height = hgt;
        p.texture = textures_ ? textures_->createTexture(px, w, hgt) : 0;
        p.failed = p.texture == 0 && textures_ != nullptr;
        stbi_image_free(px);
    };
    if (!course::isValidPackPath(path)) {
        pic.failed = true;
        return pic;
    }
    auto src = sources_.find(h.value);
    if (src == sources_.end()) {
        pic.failed = true;
        return pic;
    }
    if (src->second->exists(path)) {
        Result<std::string> bytes = src->second->read(path);
        decode(bytes.ok() ? bytes.value() : std::string());
        return pictures_[k];
    }
    const std::string& base = folders_[h.value];
    if (base.empty()) {  // a preview has every file already: this one is missing
        pic.failed = true;
        return pic;
    }
    pic.pending = true;
    ++pending_;
    course::MemoryPackSource* source = src->second;
    services_.fetch(base + path, [this, decode, source, path](platform::FetchedFile f) {
        --pending_;
        if (f.ok()) source->add(path, f.bytes);
        decode(f.ok() ? f.bytes : std::string());
    });
    return pictures_[k];
}

std::string Course::key(const std::string& pack, const std::string& lesson, const std::string& step) {
    return pack + "\x1f" + lesson + "\x1f" + step;
}

StepMark Course::mark(const std::string& pack, const std::string& lesson, const std::string& step) const {
    auto it = marks_.find(key(pack, lesson, step));
    return it == marks_.end() ? StepMark{} : it->second;
}

void Course::record(const std::string& pack, const std::string& lesson, const std::string& step, const StepMark& attempt) {
    StepMark& m = marks_[key(pack, lesson, step)];
    m.status = std::max(m.status, attempt.status);
    m.points = std::max(m.points, attempt.points);
    m.max_points = std::max(m.max_points, attempt.max_points);
    m.stars = std::max(m.stars, attempt.stars);
    m.attempts += attempt.attempts;
    if (on_record_) on_record_(pack, lesson, step, attempt);
}

LessonMark Course::lessonMark(const course::Pack& pack, const course::Lesson& lesson) const {
    LessonMark out;
    for (const auto& step : lesson.steps) {
        ++out.steps;
        const StepMark m = mark(pack.manifest.id, lesson.id, step.id);
        if (m.status == StepMark::Passed) ++out.passed;
        if (m.status != StepMark::None) ++out.tried;
        out.points += m.points;
        out.max_points += m.max_points;
        out.stars += m.stars;
    }
    return out;
}

}  // namespace sandyq::ui
