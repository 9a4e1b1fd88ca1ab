// scripting/packcheck.cpp — the validator behind sandyq-packcheck and the browser preview.
#include "scripting/packcheck.h"

#include <set>

#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_STDIO
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_FAILURE_STRINGS
#include <stb_image.h>

namespace sandyq::scripting {

namespace {

// Runs each Lua goal on the world set-up with an empty trace: it must finish within the budget
// and must not pass (a goal that an empty program meets checks nothing).
class GoalProbe final : public course::StepChecker {
public:
    GoalProbe(LoadedPack& pack, course::StepChecker* next) : pack_(pack), next_(next) {}
    void checkStep(const course::Lesson& lesson, const course::Step& step, course::Problems& out) override {
        for (const auto& goal : step.coding.goals) {
            if (!goal.check.valid()) continue;
            auto r = pack_.runCheck(goal.check, step.coding.world, "{}");
            if (!r.ok()) {
                out.add(problemFromStatus(r.status()));
            } else if (r.value()) {
                const auto& src = pack_.sandbox()->displayPrefix();
                out.warning(src + "/" + goal.pos.file, goal.pos.line, "pack.goal_passes_empty", {{"id", step.id}});
            }
        }
        if (next_) next_->checkStep(lesson, step, out);
    }

private:
    LoadedPack& pack_;
    course::StepChecker* next_;
};

}  // namespace

bool decodesAsPicture(const std::string& bytes) {
    if (bytes.empty() || bytes.size() > (64u << 20)) return false;
    int w = 0, h = 0, comp = 0;
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int len = static_cast<int>(bytes.size());
    if (!stbi_info_from_memory(data, len, &w, &h, &comp)) return false;
    if (w <= 0 || h <= 0 || static_cast<long long>(w) * h > 16LL * 1024 * 1024) return false;
    stbi_uc* pixels = stbi_load_from_memory(data, len, &w, &h, &comp, 4);
    if (!pixels) return false;
    stbi_image_free(pixels);
    return true;
}

std::vector<std::string> referencedPictures(const course::Pack& pack) {
    std::set<std::string> files;
    for (const auto& lesson : pack.lessons) {
        for (const auto& step : lesson.steps) {
            for (const auto& b : step.blocks) {
                if (!b.picture.empty()) files.insert(b.picture);
            }
            if (!step.quiz.picture.empty()) files.insert(step.quiz.picture);
            for (const auto& o : step.quiz.options) {
                if (!o.picture.empty()) files.insert(o.picture);
            }
        }
    }
    return {files.begin(), files.end()};
}

course::Problems checkPack(const course::PackSource& source, const PackcheckOptions& options) {
    LoadedPack loaded = loadPack(source, options.limits);
    course::Problems problems = std::move(loaded.problems);
    if (!loaded.manifest_loaded) return problems;
    GoalProbe probe(loaded, options.step_checker);
    course::StepChecker* checker = options.probe_goals ? &probe : options.step_checker;
    course::validatePack(loaded.pack, source, problems, checker);
    if (options.decode_pictures) {
        for (const auto& file : referencedPictures(loaded.pack)) {
            if (!course::isValidPackPath(file) || !source.exists(file)) continue;  // reported already
            auto bytes = source.read(file);
            if (!bytes.ok() || !decodesAsPicture(bytes.value())) {
                problems.error(source.displayPath(file), 0, "pack.picture_broken", {{"file", file}});
            }
        }
    }
    return problems;
}

}  // namespace sandyq::scripting
