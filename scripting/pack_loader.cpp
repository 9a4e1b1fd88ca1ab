// scripting/pack_loader.cpp — runs pack.lua and the lesson files in the pack's sandbox and turns
// the tagged tables into course:: objects.
//
// Sections: Reader (raw table access, texts, opaque data) · manifest · steps · lessons · loadPack.
// The Reader runs after a file has finished, in host mode, with raw access only (no metamethods,
// no pack code runs); every value is type-checked before it is copied.
#include "course/literal.h"
#include "scripting/pack_loader.h"

#include <lua.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>

#include "core/utf8.h"
#include "scripting/pack_api.h"

namespace sandyq::scripting {

using course::LocalizedText;
using course::ProblemArg;
using course::SourcePos;

namespace {

constexpr size_t kMaxText = 64 * 1024;           // bytes of one pack text
constexpr size_t kMaxOpaque = 256 * 1024;        // bytes of one serialised table
constexpr int kMaxDepth = 16;

// ---- Reader ------------------------------------------------------------------------------------
class Reader {
public:
    Reader(lua_State* L, const course::PackSource& source, course::Problems& out, std::string file)
        : L(L), source_(source), out_(out), file_(std::move(file)) {}

    void error(const SourcePos& pos, std::string key, std::vector<ProblemArg> args = {}) {
        out_.error(source_.displayPath(pos.file), pos.line, std::move(key), std::move(args));
    }
    void warning(const SourcePos& pos, std::string key, std::vector<ProblemArg> args = {}) {
        out_.warning(source_.displayPath(pos.file), pos.line, std::move(key), std::move(args));
    }

    // Position of a tagged table ("__pos" = "file:line"), else `fallback`.
    SourcePos posOf(int t, const SourcePos& fallback) {
        SourcePos pos = fallback;
        if (pushField(t, "__pos") == LUA_TSTRING) {
            const std::string s = lua_tostring(L, -1);
            const size_t colon = s.rfind(':');
            if (colon != std::string::npos) {
                pos.file = s.substr(0, colon);
                pos.line = std::atoi(s.c_str() + colon + 1);
            }
        }
        lua_pop(L, 1);
        return pos;
    }
    SourcePos filePos() const { return SourcePos{file_, 0}; }

    std::string kindOf(int idx) {
        if (lua_type(L, idx) != LUA_TTABLE) return {};
        std::string kind;
        if (pushField(idx, "__kind") == LUA_TSTRING) kind = lua_tostring(L, -1);
        lua_pop(L, 1);
        return kind;
    }

    // Pushes t[name] (raw); returns its type.
    int pushField(int t, const char* name) {
        t = lua_absindex(L, t);
        lua_checkstack(L, 4);
        lua_pushstring(L, name);
        return lua_rawget(L, t);
    }

    void badType(const SourcePos& pos, const char* field, const char* expected, int got) {
        error(pos, "pack.bad_type", {{"field", field}, {"expected", expected}, {"got", lua_typename(L, got)}});
    }

    // Texts reach the UI as valid UTF-8 (a file saved in another encoding is reported per file).
    std::string copyString(int idx, const SourcePos& pos, const char* field) {
        size_t len = 0;
        const char* s = lua_tolstring(L, idx, &len);
        if (len > kMaxText) {
            error(pos, "pack.text_too_long", {{"field", field}});
            len = kMaxText;
        }
        const std::string_view view(s, len);
        return text::isValidUtf8(view) ? std::string(view) : text::sanitizeUtf8(view);
    }

    std::string string(int t, const char* name, const SourcePos& pos) {
        std::string v;
        const int type = pushField(t, name);
        if (type == LUA_TSTRING) {
            v = copyString(-1, pos, name);
        } else if (type != LUA_TNIL) {
            badType(pos, name, "text", type);
        }
        lua_pop(L, 1);
        return v;
    }

    int integer(int t, const char* name, const SourcePos& pos, int fallback) {
        int v = fallback;
        const int type = pushField(t, name);
        if (type == LUA_TNUMBER && lua_isinteger(L, -1)) {
            const lua_Integer i = lua_tointeger(L, -1);
            v = static_cast<int>(std::clamp<lua_Integer>(i, -1000000, 1000000));
        } else if (type != LUA_TNIL) {
            badType(pos, name, "integer", type);
        }
        lua_pop(L, 1);
        return v;
    }

    bool boolean(int t, const char* name, const SourcePos& pos, bool fallback, bool* present = nullptr) {
        bool v = fallback;
        const int type = pushField(t, name);
        if (present) *present = type == LUA_TBOOLEAN;
        if (type == LUA_TBOOLEAN) {
            v = lua_toboolean(L, -1);
        } else if (type != LUA_TNIL) {
            badType(pos, name, "boolean", type);
        }
        lua_pop(L, 1);
        return v;
    }

    // The value at idx as {kk=, ru=, en=}. A bare string is accepted for both languages but
    // reported, so the teacher adds the translation.
    LocalizedText textAt(int idx, const SourcePos& pos, const char* field) {
        idx = lua_absindex(L, idx);
        LocalizedText t;
        const int type = lua_type(L, idx);
        if (type == LUA_TNIL) return t;
        if (type == LUA_TSTRING) {
            error(pos, "pack.text_not_table", {{"field", field}});
            t.kk = t.ru = copyString(idx, pos, field);
            return t;
        }
        if (type != LUA_TTABLE) {
            badType(pos, field, "text", type);
            return t;
        }
        t.kk = string(idx, "kk", pos);
        t.ru = string(idx, "ru", pos);
        std::string en = string(idx, "en", pos);
        if (!en.empty()) t.en = std::move(en);
        return t;
    }

    LocalizedText text(int t, const char* name, const SourcePos& pos) {
        pushField(t, name);
        LocalizedText v = textAt(-1, pos, name);
        lua_pop(L, 1);
        return v;
    }

    // Calls fn(index 0-based) with the element pushed, for each element of the list t[name].
    template <class Fn>
    void forEach(int t, const char* name, const SourcePos& pos, Fn fn) {
        const int type = pushField(t, name);
        if (type == LUA_TTABLE) {
            const int list = lua_gettop(L);
            const lua_Integer n = static_cast<lua_Integer>(lua_rawlen(L, list));
            for (lua_Integer i = 1; i <= n && i <= 10000; ++i) {
                lua_checkstack(L, 8);
                lua_rawgeti(L, list, i);
                fn(static_cast<int>(i - 1));
                lua_settop(L, list);
            }
        } else if (type != LUA_TNIL) {
            badType(pos, name, "list", type);
        }
        lua_pop(L, 1);
    }

    std::vector<std::string> strings(int t, const char* name, const SourcePos& pos) {
        std::vector<std::string> v;
        forEach(t, name, pos, [&](int) {
            if (lua_type(L, -1) == LUA_TSTRING) {
                v.push_back(copyString(-1, pos, name));
            } else {
                badType(pos, name, "text", lua_type(L, -1));
            }
        });
        return v;
    }

    // Warns about fields a constructor does not know (usually a typo: "titel").
    void checkFields(int t, const char* kind, std::initializer_list<const char*> allowed, const SourcePos& pos) {
        t = lua_absindex(L, t);
        lua_checkstack(L, 4);
        int reported = 0;  // a table with thousands of odd keys gets a few lines, not thousands
        lua_pushnil(L);
        while (lua_next(L, t) != 0) {
            lua_pop(L, 1);
            if (lua_type(L, -1) == LUA_TSTRING && reported < 5) {
                const char* key = lua_tostring(L, -1);
                const bool known = std::strncmp(key, "__", 2) == 0 ||
                    std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return std::strcmp(a, key) == 0; });
                if (!known) {
                    warning(pos, "pack.unknown_field", {{"field", key}, {"kind", kind}});
                    ++reported;
                }
            }
        }
    }

    // Opaque data for other modules: the value as a Lua literal (sorted keys, no functions).
    std::string serialize(int idx, const SourcePos& pos, const char* field) {
        std::string out;
        bool too_big = false;
        serializeValue(lua_absindex(L, idx), 0, out, too_big);
        if (too_big) {
            error(pos, "pack.data_too_big", {{"field", field}});
            return "nil";
        }
        return out;
    }

    std::string serializeField(int t, const char* name, const SourcePos& pos) {
        const int type = pushField(t, name);
        std::string v = type == LUA_TNIL ? std::string() : serialize(-1, pos, name);
        lua_pop(L, 1);
        return v;
    }

    lua_State* L;

private:
    static void quote(std::string& out, const char* s, size_t len) { course::appendLuaString(out, std::string_view(s, len)); }

    static bool isIdentifier(const char* s) {
        if (!s[0] || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
        for (const char* p = s; *p; ++p) {
            if (!(std::isalnum(static_cast<unsigned char>(*p)) || *p == '_')) return false;
        }
        return true;
    }

    void serializeValue(int idx, int depth, std::string& out, bool& too_big) {
        if (out.size() > kMaxOpaque) {
            too_big = true;
            return;
        }
        switch (lua_type(L, idx)) {
        case LUA_TBOOLEAN: out += lua_toboolean(L, idx) ? "true" : "false"; break;
        case LUA_TNUMBER:
            if (lua_isinteger(L, idx)) {
                out += std::to_string(lua_tointeger(L, idx));
            } else {
                char buf[40];
                std::snprintf(buf, sizeof buf, "%.17g", lua_tonumber(L, idx));
                out += buf;
            }
            break;
        case LUA_TSTRING: {
            size_t len = 0;
            const char* s = lua_tolstring(L, idx, &len);
            quote(out, s, len);
            break;
        }
        case LUA_TTABLE: {
            if (depth >= kMaxDepth) {
                too_big = true;
                return;
            }
            lua_checkstack(L, 6);
            out += '{';
            const lua_Integer n = static_cast<lua_Integer>(lua_rawlen(L, idx));
            for (lua_Integer i = 1; i <= n && !too_big; ++i) {
                lua_rawgeti(L, idx, i);
                serializeValue(lua_gettop(L), depth + 1, out, too_big);
                out += ',';
                lua_pop(L, 1);
            }
            std::vector<std::pair<std::string, std::string>> fields;
            lua_pushnil(L);
            while (!too_big && lua_next(L, idx) != 0) {
                const int kt = lua_type(L, -2);
                std::string key;
                if (kt == LUA_TSTRING) {
                    const char* k = lua_tostring(L, -2);
                    if (std::strncmp(k, "__", 2) == 0) {
                        lua_pop(L, 1);
                        continue;
                    }
                    if (isIdentifier(k)) {
                        key = k;
                    } else {
                        key = "[";
                        quote(key, k, std::strlen(k));
                        key += "]";
                    }
                } else if (kt == LUA_TNUMBER && lua_isinteger(L, -2) && lua_tointeger(L, -2) >= 1 &&
                           lua_tointeger(L, -2) <= n) {
                    lua_pop(L, 1);
                    continue;  // already written in the array part
                } else if (kt == LUA_TNUMBER || kt == LUA_TBOOLEAN) {
                    key = "[";
                    serializeValue(lua_gettop(L) - 1, depth + 1, key, too_big);
                    key += "]";
                } else {
                    lua_pop(L, 1);
                    continue;
                }
                std::string value;
                serializeValue(lua_gettop(L), depth + 1, value, too_big);
                fields.emplace_back(std::move(key), std::move(value));
                lua_pop(L, 1);
            }
            if (too_big) lua_pop(L, 1);  // the key lua_next left
            std::sort(fields.begin(), fields.end());
            for (const auto& [k, v] : fields) {
                out += k;
                out += '=';
                out += v;
                out += ',';
            }
            if (out.back() == ',') out.pop_back();
            out += '}';
            break;
        }
        default: out += "nil"; break;  // functions and userdata are not data
        }
    }

    const course::PackSource& source_;
    course::Problems& out_;
    std::string file_;
};

// ---- manifest ----------------------------------------------------------------------------------
course::PackManifest readManifest(Reader& r, int t) {
    course::PackManifest m;
    m.pos = r.posOf(t, r.filePos());
    const auto& pos = m.pos;
    r.checkFields(t, "pack", {"id", "version", "grade", "title", "description", "author", "licence", "license",
                              "section", "objectives", "lessons"}, pos);
    m.id = r.string(t, "id", pos);
    m.version = r.string(t, "version", pos);
    m.grade = r.integer(t, "grade", pos, 0);
    m.title = r.text(t, "title", pos);
    m.description = r.text(t, "description", pos);
    m.author = r.string(t, "author", pos);
    m.licence = r.string(t, "licence", pos);
    if (m.licence.empty()) m.licence = r.string(t, "license", pos);
    m.section = r.string(t, "section", pos);
    m.objectives = r.strings(t, "objectives", pos);
    m.lesson_files = r.strings(t, "lessons", pos);
    return m;
}

// ---- steps -------------------------------------------------------------------------------------
void readTheory(Reader& r, int t, course::Step& step) {
    lua_State* L = r.L;
    const SourcePos pos = step.pos;
    r.checkFields(t, "theory", {"id", "title", "body"}, pos);
    r.forEach(t, "body", pos, [&](int) {
        const int e = lua_gettop(L);
        course::TheoryBlock b;
        b.pos = pos;
        if (r.kindOf(e) == "picture") {
            b.kind = course::BlockKind::Picture;
            b.pos = r.posOf(e, pos);
            r.checkFields(e, "picture", {"file", "caption", "alt"}, b.pos);
            b.picture = r.string(e, "file", b.pos);
            if (b.picture.empty()) r.error(b.pos, "pack.missing_field", {{"field", "file"}});
            b.text = r.text(e, "caption", b.pos);
            b.alt = r.text(e, "alt", b.pos);
        } else {
            b.kind = course::BlockKind::Paragraph;
            b.text = r.textAt(e, pos, "body");
        }
        step.blocks.push_back(std::move(b));
    });
}

void readQuiz(Reader& r, int t, course::Step& step) {
    lua_State* L = r.L;
    const SourcePos pos = step.pos;
    course::Quiz& q = step.quiz;
    r.checkFields(t, "quiz", {"id", "title", "kind", "question", "picture", "options", "answer", "items", "pairs",
                              "points", "partial", "explain"}, pos);
    const std::string kind = r.string(t, "kind", pos);
    q.kind = course::quizKindFromName(kind);
    if (q.kind == course::QuizKind::None) r.error(pos, "pack.bad_quiz_kind", {{"kind", kind}});
    q.question = r.text(t, "question", pos);
    q.picture = r.string(t, "picture", pos);
    q.points = r.integer(t, "points", pos, 1);
    q.partial = r.boolean(t, "partial", pos, false);
    q.explain = r.text(t, "explain", pos);
    r.forEach(t, "options", pos, [&](int) {
        const int e = lua_gettop(L);
        course::QuizOption o;
        if (lua_type(L, e) == LUA_TTABLE) {
            r.checkFields(e, "option", {"kk", "ru", "en", "correct", "picture", "feedback"}, pos);
            o.text = r.textAt(e, pos, "options");
            o.correct = r.boolean(e, "correct", pos, false);
            o.picture = r.string(e, "picture", pos);
            o.feedback = r.text(e, "feedback", pos);
        } else {
            o.text = r.textAt(e, pos, "options");
        }
        q.options.push_back(std::move(o));
    });
    r.forEach(t, "items", pos, [&](int) { q.items.push_back(r.textAt(-1, pos, "items")); });
    r.forEach(t, "pairs", pos, [&](int) {
        const int e = lua_gettop(L);
        course::MatchPair p;
        if (lua_type(L, e) == LUA_TTABLE && lua_rawlen(L, e) == 2) {
            lua_rawgeti(L, e, 1);
            p.left = r.textAt(-1, pos, "pairs");
            lua_rawgeti(L, e, 2);
            p.right = r.textAt(-1, pos, "pairs");
            lua_pop(L, 2);
        } else {
            r.error(pos, "pack.bad_pair");
        }
        q.pairs.push_back(std::move(p));
    });
    const int atype = r.pushField(t, "answer");
    if (q.kind == course::QuizKind::TrueFalse) {
        if (atype == LUA_TBOOLEAN) {
            q.truth = lua_toboolean(L, -1);
        } else {
            r.error(pos, "pack.quiz_no_answer", {{"id", step.id}, {"kind", kind}});
            q.kind = course::QuizKind::None;  // unreachable steps after it are reported
        }
    } else if (q.kind == course::QuizKind::TypeAnswer && atype == LUA_TTABLE) {
        const int a = lua_gettop(L);
        auto readLang = [&](const char* lang, std::vector<std::string>& dest) {
            const int type = r.pushField(a, lang);
            if (type == LUA_TSTRING) {
                dest.push_back(r.copyString(-1, pos, "answer"));
            } else if (type == LUA_TTABLE) {
                const int list = lua_gettop(L);
                for (lua_Integer i = 1; i <= static_cast<lua_Integer>(lua_rawlen(L, list)) && i <= 100; ++i) {
                    if (lua_rawgeti(L, list, i) == LUA_TSTRING) dest.push_back(r.copyString(-1, pos, "answer"));
                    lua_pop(L, 1);
                }
            }
            lua_pop(L, 1);
        };
        readLang("kk", q.answers.kk);
        readLang("ru", q.answers.ru);
        readLang("en", q.answers.en);
        if (q.answers.kk.empty()) r.error(pos, "pack.missing_language", {{"field", "answer"}, {"lang", "kk"}});
        if (q.answers.ru.empty()) r.error(pos, "pack.missing_language", {{"field", "answer"}, {"lang", "ru"}});
    } else if (atype != LUA_TNIL) {
        r.warning(pos, "pack.unknown_field", {{"field", "answer"}, {"kind", kind}});
    }
    lua_pop(L, 1);
}

void readCoding(Reader& r, int t, course::Step& step, const std::string& kind) {
    lua_State* L = r.L;
    const SourcePos pos = step.pos;
    course::CodingStep& c = step.coding;
    c.kind = kind == "blocks" ? course::CodingKind::Blocks
           : kind == "python" ? course::CodingKind::Python
                              : course::CodingKind::Robot;
    if (c.kind == course::CodingKind::Robot) {
        r.checkFields(t, kind.c_str(), {"id", "title", "task", "world", "allowed", "goals", "hints", "stars", "solution",
                                        "solution_file", "points", "starter", "editor"}, pos);
        c.editor = r.string(t, "editor", pos);
    } else {
        r.checkFields(t, kind.c_str(), {"id", "title", "task", "world", "allowed", "goals", "hints", "stars", "solution",
                                        "solution_file", "points", "starter"}, pos);
    }
    c.task = r.text(t, "task", pos);
    c.world = r.serializeField(t, "world", pos);
    c.allowed = r.strings(t, "allowed", pos);
    c.stars = r.serializeField(t, "stars", pos);
    c.solution = r.string(t, "solution", pos);
    c.solution_file = r.string(t, "solution_file", pos);
    c.starter = r.string(t, "starter", pos);
    c.points = r.integer(t, "points", pos, 1);
    r.forEach(t, "hints", pos, [&](int) { c.hints.push_back(r.textAt(-1, pos, "hints")); });
    r.forEach(t, "goals", pos, [&](int i) {
        const int e = lua_gettop(L);
        course::Goal g;
        g.pos = pos;
        const int type = lua_type(L, e);
        if (type == LUA_TFUNCTION) {
            lua_pushvalue(L, e);
            g.check.value = luaL_ref(L, LUA_REGISTRYINDEX);
        } else if (type == LUA_TTABLE) {
            g.builtin = r.string(e, "builtin", pos);
            g.message = r.text(e, "message", pos);
            if (r.pushField(e, "check") == LUA_TFUNCTION) {
                g.check.value = luaL_ref(L, LUA_REGISTRYINDEX);
            } else {
                lua_pop(L, 1);
            }
            g.args = r.serialize(e, pos, "goals");
        } else {
            r.badType(pos, "goals", "function", type);
        }
        c.goals.push_back(std::move(g));
    });
}

// ---- lessons -----------------------------------------------------------------------------------
course::Lesson readLesson(Reader& r, int t) {
    lua_State* L = r.L;
    course::Lesson lesson;
    lesson.pos = r.posOf(t, r.filePos());
    const SourcePos pos = lesson.pos;
    r.checkFields(t, "lesson", {"id", "title", "objectives", "minutes", "teacher_note", "steps"}, pos);
    lesson.id = r.string(t, "id", pos);
    lesson.title = r.text(t, "title", pos);
    lesson.objectives = r.strings(t, "objectives", pos);
    lesson.minutes = r.integer(t, "minutes", pos, 0);
    lesson.teacher_note = r.text(t, "teacher_note", pos);
    r.forEach(t, "steps", pos, [&](int i) {
        const int e = lua_gettop(L);
        const std::string kind = r.kindOf(e);
        course::Step step;
        step.pos = r.posOf(e, pos);
        if (kind == "theory" || kind == "quiz" || kind == "blocks" || kind == "python" || kind == "robot") {
            step.id = r.string(e, "id", step.pos);
            if (step.id.empty()) r.error(step.pos, "pack.missing_field", {{"field", "id"}});
            step.title = r.text(e, "title", step.pos);
            if (kind == "theory") {
                step.kind = course::StepKind::Theory;
                readTheory(r, e, step);
            } else if (kind == "quiz") {
                step.kind = course::StepKind::Quiz;
                readQuiz(r, e, step);
            } else {
                step.kind = course::StepKind::Coding;
                readCoding(r, e, step, kind);
            }
            lesson.steps.push_back(std::move(step));
        } else {
            r.error(step.pos, "pack.not_a_step", {{"n", std::to_string(i + 1)}});
        }
    });
    return lesson;
}

// Teachers' editors sometimes save in Windows-1251: report the line of the first broken letter.
void checkEncoding(const course::PackSource& source, std::string_view code, const std::string& file,
                   course::Problems& out) {
    int line = 1;
    for (size_t pos = 0; pos < code.size();) {
        const text::Decoded d = text::decodeUtf8(code, pos);
        if (d.cp == text::kReplacementChar && code.compare(pos, 3, "\xEF\xBF\xBD") != 0) {
            out.error(source.displayPath(file), line, "pack.not_utf8", {{"file", file}});
            return;
        }
        if (code[pos] == '\n') ++line;
        pos += d.length;
    }
}

// Number of tables in a registry list; pushes the list.
lua_Integer pushRegistryList(lua_State* L, const char* name) {
    lua_getfield(L, LUA_REGISTRYINDEX, name);
    return lua_type(L, -1) == LUA_TTABLE ? static_cast<lua_Integer>(lua_rawlen(L, -1)) : 0;
}

void resetRegistryList(lua_State* L, const char* name) {
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, name);
}

// pack{} belongs in pack.lua and lesson{} in lesson files: report a call in the wrong file at its
// line, then forget it.
void reportMisplaced(Reader& r, const char* list, const char* key) {
    lua_State* L = r.L;
    const lua_Integer n = pushRegistryList(L, list);
    if (n > 0) {
        lua_rawgeti(L, -1, 1);
        r.error(r.posOf(-1, r.filePos()), key);
    }
    lua_settop(L, 0);
    resetRegistryList(L, list);
}

}  // namespace

// ---- loadPack ----------------------------------------------------------------------------------
course::Problem problemFromStatus(const Status& status) {
    course::Problem p;
    p.level = course::Level::Error;
    p.message_key = status.message_key;
    p.file = status.where;
    const size_t colon = status.where.rfind(':');
    if (colon != std::string::npos && colon + 1 < status.where.size() &&
        std::all_of(status.where.begin() + static_cast<long>(colon) + 1, status.where.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        p.file = status.where.substr(0, colon);
        p.line = std::atoi(status.where.c_str() + colon + 1);
    }
    p.args.push_back({"detail", status.detail});
    if (status.message_key == "pack.err.forbidden") p.args.push_back({"name", status.detail});
    return p;
}

LoadedPack loadPack(const course::PackSource& source, const SandboxLimits& limits) {
    LoadedPack lp;
    const std::string manifest_file = "pack.lua";
    lp.sandbox_ = Sandbox::create(limits);
    if (!lp.sandbox_) {
        lp.problems.error(source.displayPath(manifest_file), 0, "pack.err.memory");
        return lp;
    }
    Sandbox& sb = *lp.sandbox_;
    sb.setDisplayPrefix(source.displayName());
    if (Status st = installPackApi(sb); !st.ok()) {
        lp.problems.add(problemFromStatus(st));
        return lp;
    }
    lua_State* L = sb.state();

    auto code = source.read(manifest_file);
    if (!code.ok()) {
        const bool missing = code.status().code == ErrorCode::NotFound;
        lp.problems.error(source.displayPath(manifest_file), 0,
                          missing ? "pack.no_manifest_file" : code.status().message_key, {{"file", manifest_file}});
        return lp;
    }
    checkEncoding(source, code.value(), manifest_file, lp.problems);
    if (Status st = sb.runChunk(code.value(), manifest_file); !st.ok()) {
        lp.problems.add(problemFromStatus(st));
        return lp;
    }
    sb.setHostMode(true);
    {
        Reader r(L, source, lp.problems, manifest_file);
        const lua_Integer n = pushRegistryList(L, kPacksRegistry);
        if (n == 0) {
            lp.problems.error(source.displayPath(manifest_file), 0, "pack.no_pack_call");
        } else {
            lua_rawgeti(L, -1, 1);
            lp.pack.manifest = readManifest(r, lua_gettop(L));
            lp.manifest_loaded = true;
            if (n > 1) {
                lua_rawgeti(L, -2, 2);
                r.error(r.posOf(-1, r.filePos()), "pack.pack_twice");
            }
        }
        lua_settop(L, 0);
        reportMisplaced(r, kLessonsRegistry, "pack.lesson_in_manifest");
        resetRegistryList(L, kPacksRegistry);
    }
    sb.setHostMode(false);
    if (!lp.manifest_loaded) return lp;

    for (const std::string& file : lp.pack.manifest.lesson_files) {
        const SourcePos mpos = lp.pack.manifest.pos;
        if (!course::isValidPackPath(file)) {
            lp.problems.error(source.displayPath(mpos.file), mpos.line, "pack.bad_path", {{"file", file}});
            continue;
        }
        auto lesson_code = source.read(file);
        if (!lesson_code.ok()) {
            const bool missing = lesson_code.status().code == ErrorCode::NotFound;
            lp.problems.error(source.displayPath(mpos.file), mpos.line,
                              missing ? "pack.lesson_missing" : lesson_code.status().message_key, {{"file", file}});
            continue;
        }
        checkEncoding(source, lesson_code.value(), file, lp.problems);
        if (Status st = sb.runChunk(lesson_code.value(), file); !st.ok()) {
            lp.problems.add(problemFromStatus(st));
            resetRegistryList(L, kLessonsRegistry);
            continue;
        }
        sb.setHostMode(true);
        Reader r(L, source, lp.problems, file);
        const lua_Integer n = pushRegistryList(L, kLessonsRegistry);
        if (n == 0) {
            lp.problems.error(source.displayPath(file), 0, "pack.no_lesson_call");
        } else {
            lua_rawgeti(L, -1, 1);
            lp.pack.lessons.push_back(readLesson(r, lua_gettop(L)));
            if (n > 1) {
                lua_rawgeti(L, -2, 2);
                r.error(r.posOf(-1, r.filePos()), "pack.lesson_twice");
            }
        }
        lua_settop(L, 0);
        resetRegistryList(L, kLessonsRegistry);
        reportMisplaced(r, kPacksRegistry, "pack.pack_in_lesson");
        sb.setHostMode(false);
    }
    return lp;
}

Result<bool> LoadedPack::runCheck(course::ScriptRef check, std::string_view world_literal, std::string_view trace_literal) {
    if (!sandbox_ || !check.valid()) return Status::error(ErrorCode::Invalid, "pack.goal_empty");
    Sandbox& sb = *sandbox_;
    lua_State* L = sb.state();
    lua_settop(L, 0);
    if (!lua_checkstack(L, 8)) return Status::error(ErrorCode::Limit, "pack.err.memory", sb.displayPrefix());
    if (lua_rawgeti(L, LUA_REGISTRYINDEX, check.value) != LUA_TFUNCTION) {
        lua_settop(L, 0);
        return Status::error(ErrorCode::Invalid, "pack.goal_empty");
    }
    for (std::string_view literal : {world_literal, trace_literal}) {
        const std::string chunk = "return " + std::string(literal.empty() ? "{}" : literal);
        if (luaL_loadbufferx(L, chunk.data(), chunk.size(), "=(host data)", "t") != LUA_OK) {
            lua_settop(L, 0);
            return Status::error(ErrorCode::Invalid, "pack.err.runtime", sb.displayPrefix(), "bad host data");
        }
        if (Status st = sb.call(0, 1); !st.ok()) {
            lua_settop(L, 0);
            return st;
        }
    }
    if (Status st = sb.call(2, 1); !st.ok()) {
        lua_settop(L, 0);
        return st;
    }
    const bool passed = lua_toboolean(L, -1);
    lua_settop(L, 0);
    return passed;
}

}  // namespace sandyq::scripting
