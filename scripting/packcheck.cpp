// scripting/packcheck.cpp — the validator behind sandyq-packcheck and the browser preview.
#include "scripting/packcheck.h"

#include <set>

#include "scripting/step_check.h"

#if SANDYQ_HAVE_BLOCKS
#include <algorithm>

#include "blocks/convert.h"
#endif

#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_STDIO
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_FAILURE_STRINGS
#include <stb_image.h>

namespace sandyq::scripting {

namespace {

constexpr size_t kMaxProblems = 200;
constexpr size_t kBigPictureBytes = 300 * 1024;
constexpr int kBigPictureWidth = 1280;
constexpr int kBigPictureHeight = 960;

// Runs each Lua goal on the world set-up with an empty trace: it must finish within the budget
// and must not pass (a goal that an empty program meets checks nothing). Used for coding steps
// this build cannot run yet (worlds not built in).
void probeGoals(LoadedPack& pack, const course::Step& step, course::Problems& out) {
    for (const auto& goal : step.coding.goals) {
        if (!goal.check.valid()) continue;
        auto r = pack.runCheck(goal.check, step.coding.world, "{}");
        if (!r.ok()) {
            out.add(problemFromStatus(r.status()));
        } else if (r.value()) {
            const auto& src = pack.sandbox()->displayPrefix();
            out.warning(src + "/" + goal.pos.file, goal.pos.line, "pack.goal_passes_empty", {{"id", step.id}});
        }
    }
}

// Runs every coding step's reference solution (it must pass its goals) and an empty program (it
// must fail them) through scripting::checkCodingStep — the same code as the pupil's Check button.
class SolutionChecker final : public course::StepChecker {
public:
    SolutionChecker(LoadedPack& pack, const course::PackSource& source, const PackcheckOptions& options)
        : pack_(pack), source_(source), options_(options) {}

    void checkStep(const course::Lesson& lesson, const course::Step& step, course::Problems& out) override {
        if (!options_.check_solutions || !canCheckStep(step)) {
            if (options_.probe_goals) probeGoals(pack_, step, out);
        } else {
            checkSolutions(step, out);
        }
        if (options_.step_checker) options_.step_checker->checkStep(lesson, step, out);
    }

private:
    void addPackProblems(const StepOutcome& o, course::Problems& out) {
        for (const auto& p : o.pack_problems.list()) {
            if (seen_.insert(p.message_key + "|" + p.file + "|" + std::to_string(p.line)).second) out.add(p);
        }
    }

    void checkSolutions(const course::Step& step, course::Problems& out) {
        const course::CodingStep& c = step.coding;
        const std::string file = source_.displayPath(step.pos.file);
        StepCheckOptions opts;
        opts.max_instructions = options_.program_instructions;
        opts.source = &source_;
        std::string solution = c.solution;
        if (solution.empty() && !c.solution_file.empty() && course::isValidPackPath(c.solution_file)) {
            auto bytes = source_.read(c.solution_file);
            if (bytes.ok()) solution = bytes.value();  // a missing file is reported by validatePack
        }
        if (!solution.empty()) {
            const StepOutcome ref = checkCodingStep(pack_, step, solution, opts);
            addPackProblems(ref, out);
            if (!ref.passed && !ref.pack_problems.hasErrors()) {
                if (ref.error.exception == program::ExcKind::TimeoutError) {
                    out.error(file, step.pos.line, "pack.solution_endless", {{"id", step.id}});
                } else if (!ref.error.ok()) {
                    out.error(file, step.pos.line, "pack.solution_error",
                              {{"id", step.id}, {"error", program::exceptionName(ref.error.exception)},
                               {"line", std::to_string(ref.error.line)}});
                } else {
                    size_t failed = 0;
                    while (failed < ref.goals.size() && ref.goals[failed].passed) ++failed;
                    std::vector<course::ProblemArg> args{{"id", step.id}, {"goal", std::to_string(failed + 1)}};
                    if (failed < ref.goals.size()) {
                        args.push_back({"reason", ref.goals[failed].message_key});
                        for (const auto& a : ref.goals[failed].args) args.push_back({"reason_" + a.name, a.value});
                    }
                    out.error(file, step.pos.line, "pack.solution_fails", std::move(args));
                }
            } else if (ref.passed && ref.stars < 3) {
                out.warning(file, step.pos.line, "pack.solution_stars", {{"id", step.id}, {"stars", std::to_string(ref.stars)}});
            }
        }
#if SANDYQ_HAVE_BLOCKS
        if (c.usesBlocks() && !solution.empty()) checkToolbox(step, solution, file, out);  // blocks{}, robot{ editor = "blocks" }
#endif
        const StepOutcome empty = checkCodingStep(pack_, step, "", opts);
        addPackProblems(empty, out);
        if (empty.passed) out.error(file, step.pos.line, "pack.empty_passes", {{"id", step.id}});
        // A starter program (e.g. "fix this program") that already passes leaves nothing to do.
        if (!c.starter.empty()) {
            const StepOutcome starter = checkCodingStep(pack_, step, c.starter, opts);
            addPackProblems(starter, out);
            if (starter.passed) out.warning(file, step.pos.line, "pack.starter_passes", {{"id", step.id}});
        }
    }

#if SANDYQ_HAVE_BLOCKS
    // A blocks step's reference solution must be buildable from the step's toolbox: text inside
    // the block subset, every block of it in `allowed` (when the step lists its blocks).
    static void checkToolbox(const course::Step& step, const std::string& solution, const std::string& file,
                             course::Problems& out) {
        const blocks::TextToBlocks t = blocks::workspaceFromText(solution, stepWorldKind(step));
        if (!t.error.ok()) {
            out.error(file, step.pos.line, "pack.solution_not_blocks", {{"id", step.id}, {"line", std::to_string(t.error.line)}});
            return;
        }
        const std::vector<std::string>& allowed = step.coding.allowed;
        if (allowed.empty()) return;
        for (const blocks::BlockId id : t.workspace.readingOrder()) {
            const blocks::Block* b = t.workspace.block(id);
            if (b == nullptr || b->def == nullptr || b->def->sem == blocks::Sem::Start) continue;
            if (std::find(allowed.begin(), allowed.end(), b->def->type) == allowed.end()) {
                out.error(file, step.pos.line, "pack.solution_block_not_allowed", {{"id", step.id}, {"block", b->def->type}});
                return;
            }
        }
    }
#endif

    LoadedPack& pack_;
    const course::PackSource& source_;
    const PackcheckOptions& options_;
    std::set<std::string> seen_;
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
    SolutionChecker checker(loaded, source, options);
    course::validatePack(loaded.pack, source, problems, &checker);
    if (options.decode_pictures) {
        for (const auto& file : referencedPictures(loaded.pack)) {
            if (!course::isValidPackPath(file) || !source.exists(file)) continue;  // reported already
            auto bytes = source.read(file);
            if (!bytes.ok() || !decodesAsPicture(bytes.value())) {
                problems.error(source.displayPath(file), 0, "pack.picture_broken", {{"file", file}});
                continue;
            }
            // Packs load on demand over school networks: big pictures are worth a warning.
            int w = 0, h = 0, comp = 0;
            const auto& b = bytes.value();
            stbi_info_from_memory(reinterpret_cast<const stbi_uc*>(b.data()), static_cast<int>(b.size()), &w, &h, &comp);
            if (b.size() > kBigPictureBytes || w > kBigPictureWidth || h > kBigPictureHeight) {
                problems.warning(source.displayPath(file), 0, "pack.picture_big",
                                 {{"file", file}, {"kb", std::to_string((b.size() + 1023) / 1024)},
                                  {"width", std::to_string(w)}, {"height", std::to_string(h)}});
            }
        }
    }
    // A pack generated by a loop can produce thousands of lines; a teacher needs the first ones.
    if (problems.list().size() > kMaxProblems) {
        const size_t total = problems.list().size();
        problems.list().resize(kMaxProblems);
        problems.error(source.displayName(), 0, "pack.too_many_problems", {{"n", std::to_string(total - kMaxProblems)}});
    }
    return problems;
}

}  // namespace sandyq::scripting
