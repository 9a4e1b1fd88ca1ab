// The sandbox as a hostile or careless pack meets it: forbidden libraries, budgets that pack code
// cannot catch, text-only load, a locked string library, and packs that never see each other.
#include <doctest/doctest.h>

#include <lua.hpp>

#include "scripting/sandbox.h"

using namespace sandyq;
using namespace sandyq::scripting;

namespace {
std::unique_ptr<Sandbox> make(uint64_t instructions = 2'000'000, size_t memory = 8u << 20) {
    auto s = Sandbox::create({instructions, memory});
    REQUIRE(s != nullptr);
    s->setDisplayPrefix("packs/p");
    return s;
}

// Runs code; returns the global `result` as a string (or the error key).
std::string run(Sandbox& s, const char* code) {
    const Status st = s.runChunk(code, "t.lua");
    if (!st.ok()) return st.message_key;
    lua_State* L = s.state();
    lua_getglobal(L, "result");
    std::string out = lua_isstring(L, -1) ? lua_tostring(L, -1) : "";
    lua_pop(L, 1);
    return out;
}
}  // namespace

TEST_CASE("scripting.sandbox: ordinary Lua works: string, table, math, utf8, load of text") {
    auto s = make();
    CHECK(run(*s, "result = ('abc'):upper() .. #{1,2,3} .. math.max(1, 5) .. utf8.len('әріп')") == "ABC354");
    CHECK(run(*s, "result = table.concat({'a','b'}, '-')") == "a-b");
    CHECK(run(*s, "local f = load('return 6 * 7'); result = tostring(f())") == "42");
    CHECK(run(*s, "local ok, e = pcall(error, 'x'); result = tostring(ok)") == "false");
    CHECK(run(*s, "local f = load('return y', 'c', 't', {y = 'env'}); result = f()") == "env");
}

TEST_CASE("scripting.sandbox: io, os, debug, package, require, dofile are forbidden with file:line") {
    auto s = make();
    for (const char* name : {"os", "io", "debug", "package", "require", "dofile", "loadfile", "collectgarbage"}) {
        const std::string code = std::string("local x = 1\nlocal y = ") + name + "\n";
        const Status st = s->runChunk(code, "lesson.lua");
        INFO(name);
        CHECK(st.message_key == "pack.err.forbidden");
        CHECK(st.detail == name);
        CHECK(st.where == "packs/p/lesson.lua:2");
    }
}

TEST_CASE("scripting.sandbox: string.dump, binary chunks and the string metatable are locked") {
    auto s = make();
    Status st = s->runChunk("local b = string.dump(print)", "a.lua");
    CHECK(st.message_key == "pack.err.forbidden");
    CHECK(st.detail == "string.dump");
    st = s->runChunk("\n\nload('\\27Lua junk')", "b.lua");
    CHECK(st.message_key == "pack.err.binary_chunk");
    CHECK(st.where == "packs/p/b.lua:3");
    st = s->runChunk("getmetatable('').__index = {}", "c.lua");
    CHECK(st.message_key == "pack.err.forbidden");
    st = s->runChunk("getmetatable('').__index.upper = function() return 'hacked' end", "c.lua");
    CHECK(st.message_key == "pack.err.forbidden");
    st = s->runChunk("string.upper = function() return 'hacked' end", "c.lua");
    CHECK(st.message_key == "pack.err.forbidden");
    CHECK(run(*s, "result = ('ok'):upper()") == "OK");  // still the real method
    st = s->runChunk("setmetatable({}, {__gc = function() while true do end end})", "d.lua");
    CHECK(st.message_key == "pack.err.forbidden");
    // The globals' metatable cannot be removed to get around the forbidden names.
    st = s->runChunk("setmetatable(_G, nil)", "e.lua");
    CHECK(st.message_key == "pack.err.runtime");
}

TEST_CASE("scripting.sandbox: an endless loop stops with pack.err.instructions at its line") {
    auto s = make(200'000);
    Status st = s->runChunk("local a = 0\nwhile true do\n  a = a + 1\nend\n", "loop.lua");
    CHECK(st.message_key == "pack.err.instructions");
    CHECK(st.code == ErrorCode::Limit);
    CHECK(st.where.rfind("packs/p/loop.lua:", 0) == 0);
    // Pack code cannot catch it with pcall or xpcall.
    st = s->runChunk("for i = 1, 1000 do pcall(function() while true do end end) end", "p.lua");
    CHECK(st.message_key == "pack.err.instructions");
    st = s->runChunk("for i = 1, 1000 do xpcall(function() while true do end end, function() end) end", "x.lua");
    CHECK(st.message_key == "pack.err.instructions");
    // The budget is per call: the sandbox stays usable.
    CHECK(run(*s, "result = 'alive'") == "alive");
}

TEST_CASE("scripting.sandbox: a memory bomb stops with pack.err.memory, never a crash") {
    auto s = make(50'000'000, 4u << 20);
    Status st = s->runChunk("local t = {}\nfor i = 1, 1e9 do t[i] = string.rep('x', 1000) .. i end", "bomb.lua");
    CHECK(st.message_key == "pack.err.memory");
    CHECK(st.code == ErrorCode::Limit);
    st = s->runChunk("local s = string.rep('x', 1 << 30)", "big.lua");
    CHECK(st.message_key == "pack.err.memory");
    st = s->runChunk("local ok = pcall(string.rep, 'x', 1 << 30)", "caught.lua");
    CHECK(st.message_key == "pack.err.memory");
    CHECK(s->memoryUsed() <= (4u << 20) + (2u << 20));
    CHECK(run(*s, "result = 'alive'") == "alive");
}

TEST_CASE("scripting.sandbox: syntax and runtime errors name file and line") {
    auto s = make();
    Status st = s->runChunk("local x = 1\nlocal y = = 2\n", "syn.lua");
    CHECK(st.message_key == "pack.err.syntax");
    CHECK(st.where == "packs/p/syn.lua:2");
    CHECK(st.detail.find("unexpected symbol") != std::string::npos);
    st = s->runChunk("local t = nil\n\nlocal v = t.x\n", "run.lua");
    CHECK(st.message_key == "pack.err.runtime");
    CHECK(st.where == "packs/p/run.lua:3");
    CHECK(st.detail.find("attempt to index") != std::string::npos);
    st = s->runChunk("error({})", "obj.lua");
    CHECK(st.message_key == "pack.err.runtime");
    CHECK(st.where == "packs/p/obj.lua:1");
}

TEST_CASE("scripting.sandbox: two packs never share state") {
    auto a = make();
    auto b = make();
    CHECK(run(*a, "shared = 'from a'; result = shared") == "from a");
    CHECK(run(*b, "result = tostring(shared)") == "nil");
    CHECK(a->runChunk("while true do end", "loop.lua").message_key == "pack.err.instructions");
    CHECK(run(*b, "result = 'b works'") == "b works");
}

TEST_CASE("scripting.sandbox: a backtracking pattern that would never finish is refused") {
    auto s = make();
    CHECK(run(*s, "result = ('key=value'):match('(%w+)=(%w+)')") == "key");
    Status st = s->runChunk("local s = string.rep('a', 5000)\nlocal r = s:find(string.rep('a*', 30) .. 'b')", "re.lua");
    CHECK(st.message_key == "pack.err.pattern_too_complex");
    CHECK(st.where == "packs/p/re.lua:2");
}
