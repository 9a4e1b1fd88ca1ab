// course/validate.cpp — data-only checks of a loaded pack.
//
// Sections: format checks (ids, codes) · texts · manifest · steps · lessons and reachability.
#include "course/validate.h"

#include <set>

#include "course/quiz.h"

namespace sandyq::course {

// ---- format checks -----------------------------------------------------------------------------
namespace {
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLowerOrDigit(char c) { return (c >= 'a' && c <= 'z') || isDigit(c); }

// Dot-separated numbers without leading zeros; returns the count of parts (0 if malformed).
int numberParts(std::string_view s, int* first = nullptr) {
    int parts = 0;
    size_t i = 0;
    while (true) {
        const size_t start = i;
        while (i < s.size() && isDigit(s[i])) ++i;
        const size_t len = i - start;
        if (len == 0 || len > 3 || (len > 1 && s[start] == '0')) return 0;
        if (parts == 0 && first) {
            *first = 0;
            for (size_t k = start; k < i; ++k) *first = *first * 10 + (s[k] - '0');
        }
        ++parts;
        if (i == s.size()) return parts;
        if (s[i] != '.') return 0;
        ++i;
    }
}

struct Ctx {
    const PackSource& source;
    Problems& out;
    void error(const SourcePos& pos, std::string key, std::vector<ProblemArg> args = {}) {
        out.error(source.displayPath(pos.file), pos.line, std::move(key), std::move(args));
    }
    void warning(const SourcePos& pos, std::string key, std::vector<ProblemArg> args = {}) {
        out.warning(source.displayPath(pos.file), pos.line, std::move(key), std::move(args));
    }
};
}  // namespace

bool isValidObjectiveCode(std::string_view code) {
    int first = 0;
    const int parts = numberParts(code, &first);
    return parts >= 3 && parts <= 5 && first >= 1 && first <= 11;
}

bool isValidSectionCode(std::string_view code) {
    int first = 0;
    const int parts = numberParts(code, &first);
    return parts >= 1 && parts <= 3 && first >= 1 && first <= 11;
}

bool isValidPackId(std::string_view id) {
    if (id.size() < 3 || id.size() > 64 || !(id[0] >= 'a' && id[0] <= 'z')) return false;
    for (char c : id) {
        if (!isLowerOrDigit(c) && c != '.' && c != '_' && c != '-') return false;
    }
    return true;
}

bool isValidItemId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        if (!isLowerOrDigit(c) && !(c >= 'A' && c <= 'Z') && c != '_' && c != '-') return false;
    }
    return true;
}

bool isValidVersion(std::string_view version) {
    const int parts = numberParts(version);
    return parts == 2 || parts == 3;
}

// ---- texts -------------------------------------------------------------------------------------
void checkText(const LocalizedText& text, const SourcePos& pos, std::string_view what, bool required,
               Problems& out, const PackSource& source) {
    Ctx ctx{source, out};
    const std::string field(what);
    if (text.empty()) {
        if (required) ctx.error(pos, "pack.missing_text", {{"field", field}});
        return;
    }
    if (text.kk.empty()) ctx.error(pos, "pack.missing_language", {{"field", field}, {"lang", "kk"}});
    if (text.ru.empty()) ctx.error(pos, "pack.missing_language", {{"field", field}, {"lang", "ru"}});
}

namespace {
void checkPicture(Ctx& ctx, const std::string& file, const SourcePos& pos) {
    if (file.empty()) return;
    if (!isValidPackPath(file)) {
        ctx.error(pos, "pack.bad_path", {{"file", file}});
    } else if (!ctx.source.exists(file)) {
        ctx.error(pos, "pack.picture_missing", {{"file", file}});
    }
}

// ---- manifest ----------------------------------------------------------------------------------
void checkManifest(Ctx& ctx, const PackManifest& m) {
    const auto& pos = m.pos;
    if (!isValidPackId(m.id)) ctx.error(pos, "pack.bad_pack_id", {{"id", m.id}});
    if (!isValidVersion(m.version)) ctx.error(pos, "pack.bad_version", {{"version", m.version}});
    if (m.grade < 1 || m.grade > 11) ctx.error(pos, "pack.bad_grade", {{"grade", std::to_string(m.grade)}});
    checkText(m.title, pos, "title", true, ctx.out, ctx.source);
    checkText(m.description, pos, "description", false, ctx.out, ctx.source);
    if (m.author.empty()) ctx.error(pos, "pack.missing_field", {{"field", "author"}});
    if (m.licence.empty()) ctx.error(pos, "pack.missing_field", {{"field", "licence"}});
    if (!m.section.empty() && !isValidSectionCode(m.section)) {
        ctx.error(pos, "pack.bad_section", {{"code", m.section}});
    }
    for (const auto& code : m.objectives) {
        if (!isValidObjectiveCode(code)) ctx.error(pos, "pack.bad_objective", {{"code", code}});
    }
    if (m.lesson_files.empty()) ctx.error(pos, "pack.no_lessons");
    std::set<std::string> seen;
    for (const auto& f : m.lesson_files) {
        if (!seen.insert(f).second) ctx.error(pos, "pack.duplicate_lesson_file", {{"file", f}});
    }
    // Lesson files present in the folder but not listed are never shown to pupils.
    for (const auto& f : ctx.source.list()) {
        const bool lua = f.size() > 4 && f.compare(f.size() - 4, 4, ".lua") == 0;
        if (!lua || f == "pack.lua" || f.rfind("solutions/", 0) == 0 || seen.count(f)) continue;
        ctx.warning(SourcePos{f, 0}, "pack.lesson_not_listed", {{"file", f}});
    }
}

// ---- steps -------------------------------------------------------------------------------------
// Returns false when no pupil can complete the step (later steps are then unreachable).
bool checkStep(Ctx& ctx, const Step& step) {
    const auto& pos = step.pos;
    checkText(step.title, pos, "title", false, ctx.out, ctx.source);
    switch (step.kind) {
    case StepKind::Theory:
        if (step.blocks.empty()) ctx.error(pos, "pack.theory_empty", {{"id", step.id}});
        for (const auto& b : step.blocks) {
            if (b.kind == BlockKind::Paragraph) {
                checkText(b.text, b.pos, "body", true, ctx.out, ctx.source);
            } else if (b.kind == BlockKind::Picture) {
                checkPicture(ctx, b.picture, b.pos);
                checkText(b.text, b.pos, "caption", false, ctx.out, ctx.source);
                checkText(b.alt, b.pos, "alt", false, ctx.out, ctx.source);
            }
        }
        return true;
    case StepKind::Quiz: {
        const Quiz& q = step.quiz;
        checkText(q.question, pos, "question", true, ctx.out, ctx.source);
        checkText(q.explain, pos, "explain", false, ctx.out, ctx.source);
        checkPicture(ctx, q.picture, pos);
        for (const auto& o : q.options) {
            checkText(o.text, pos, "options", o.picture.empty(), ctx.out, ctx.source);
            checkText(o.feedback, pos, "feedback", false, ctx.out, ctx.source);
            checkPicture(ctx, o.picture, pos);
        }
        for (const auto& item : q.items) checkText(item, pos, "items", true, ctx.out, ctx.source);
        for (const auto& p : q.pairs) {
            checkText(p.left, pos, "pairs", true, ctx.out, ctx.source);
            checkText(p.right, pos, "pairs", true, ctx.out, ctx.source);
        }
        if (q.points < 1 || q.points > 100) ctx.error(pos, "pack.bad_points", {{"points", std::to_string(q.points)}});
        if (!quizHasCorrectAnswer(q)) {
            ctx.error(pos, "pack.quiz_no_answer", {{"id", step.id}, {"kind", std::string(quizKindName(q.kind))}});
            return false;
        }
        return true;
    }
    case StepKind::Coding: {
        const CodingStep& c = step.coding;
        checkText(c.task, pos, "task", true, ctx.out, ctx.source);
        for (const auto& h : c.hints) checkText(h, pos, "hints", true, ctx.out, ctx.source);
        for (const auto& g : c.goals) {
            checkText(g.message, g.pos, "message", false, ctx.out, ctx.source);
            if (g.builtin.empty() && !g.check.valid()) ctx.error(g.pos, "pack.goal_empty");
        }
        if (!c.solution_file.empty() && !ctx.source.exists(c.solution_file)) {
            ctx.error(pos, "pack.file_missing", {{"file", c.solution_file}});
        }
        if (c.solution.empty() && c.solution_file.empty()) ctx.warning(pos, "pack.coding_no_solution", {{"id", step.id}});
        if (!c.editor.empty() && c.editor != "blocks" && c.editor != "python")
            ctx.error(pos, "pack.bad_editor", {{"id", step.id}, {"editor", c.editor}});
        if (c.goals.empty()) {
            ctx.error(pos, "pack.coding_no_goals", {{"id", step.id}});
            return false;
        }
        return true;
    }
    default:
        ctx.error(pos, "pack.bad_step", {{"id", step.id}});
        return false;
    }
}
}  // namespace

// ---- lessons and reachability ------------------------------------------------------------------
void validatePack(const Pack& pack, const PackSource& source, Problems& out, StepChecker* checker) {
    Ctx ctx{source, out};
    checkManifest(ctx, pack.manifest);
    const std::set<std::string> pack_objectives(pack.manifest.objectives.begin(), pack.manifest.objectives.end());
    std::set<std::string> lesson_ids;
    for (const Lesson& lesson : pack.lessons) {
        if (!isValidItemId(lesson.id)) ctx.error(lesson.pos, "pack.bad_id", {{"id", lesson.id}});
        if (!lesson_ids.insert(lesson.id).second) ctx.error(lesson.pos, "pack.duplicate_id", {{"id", lesson.id}});
        checkText(lesson.title, lesson.pos, "title", true, out, source);
        checkText(lesson.teacher_note, lesson.pos, "teacher_note", false, out, source);
        for (const auto& code : lesson.objectives) {
            if (!isValidObjectiveCode(code)) {
                ctx.error(lesson.pos, "pack.bad_objective", {{"code", code}});
            } else if (!pack_objectives.empty() && !pack_objectives.count(code)) {
                ctx.warning(lesson.pos, "pack.objective_not_in_pack", {{"code", code}});
            }
        }
        if (lesson.steps.empty()) ctx.error(lesson.pos, "pack.lesson_empty", {{"id", lesson.id}});
        std::set<std::string> step_ids;
        const Step* blocker = nullptr;
        for (const Step& step : lesson.steps) {
            if (!isValidItemId(step.id)) ctx.error(step.pos, "pack.bad_id", {{"id", step.id}});
            if (!step_ids.insert(step.id).second) ctx.error(step.pos, "pack.duplicate_id", {{"id", step.id}});
            if (blocker) {
                ctx.error(step.pos, "pack.step_unreachable", {{"id", step.id}, {"blocker", blocker->id}});
            }
            const bool passable = checkStep(ctx, step);
            if (!passable && !blocker) blocker = &step;
            if (checker && step.kind == StepKind::Coding) checker->checkStep(lesson, step, out);
        }
    }
}

}  // namespace sandyq::course
