// scripting/sandbox.cpp — the sandboxed Lua state: allocator cap, instruction hook, libraries,
// protected calls and error reports.
//
// Sections: helpers · allocator and hook · replaced globals · error reports · set-up · Sandbox.
// Rule: C functions called by Lua (bind*) hold no C++ objects with destructors, because Lua
// errors longjmp over them; every Lua API call that may raise runs inside lua_pcall.
#include "scripting/sandbox.h"

#include <lua.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace sandyq::scripting {

const char kErrorTag = 0;

namespace {

constexpr int kHookEvery = 1000;                 // instructions between hook calls
constexpr size_t kHostHeadroom = 2u << 20;       // bytes the host may use above the cap
constexpr uint64_t kDefaultInstructions = 20'000'000;
constexpr size_t kDefaultMemory = 32u << 20;

// Globals a pack must not touch: reading them is "pack.err.forbidden".
constexpr const char* kForbiddenGlobals[] = {
    "os", "io", "debug", "package", "require", "dofile", "loadfile", "loadstring",
    "module", "setfenv", "getfenv", "collectgarbage", "ffi", "jit", "newproxy"};

// ---- helpers -----------------------------------------------------------------------------------
Sandbox* sandboxOf(lua_State* L) { return *static_cast<Sandbox**>(lua_getextraspace(L)); }

bool isTagged(lua_State* L, int idx) {
    if (lua_type(L, idx) != LUA_TTABLE) return false;
    lua_rawgetp(L, idx, &kErrorTag);
    const bool tagged = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return tagged;
}

// Raises {tag, key=key, name=name, where=where}; never returns.
int raiseTagged(lua_State* L, const char* key, const char* name, const char* where) {
    lua_createtable(L, 0, 5);
    lua_pushboolean(L, 1);
    lua_rawsetp(L, -2, &kErrorTag);
    lua_pushstring(L, key);
    lua_setfield(L, -2, "key");
    if (name) {
        lua_pushstring(L, name);
        lua_setfield(L, -2, "detail");
    }
    if (where && where[0]) {
        lua_pushstring(L, where);
        lua_setfield(L, -2, "where");
    }
    return lua_error(L);
}

// A memory error caught inside pack code is re-raised as ours (pack code cannot swallow it).
int raiseMemory(lua_State* L) {
    sandboxOf(L)->setHostMode(true);
    return raiseTagged(L, "pack.err.memory", nullptr, nullptr);
}

// Pushes "file:line" of the innermost pack (Lua) function on the stack, or nothing (returns 0).
int pushStackWhere(lua_State* L, int first_level) {
    lua_Debug ar;
    for (int level = first_level; lua_getstack(L, level, &ar); ++level) {
        if (!lua_getinfo(L, "Sl", &ar)) continue;
        if (ar.currentline > 0 && ar.source && ar.source[0] == '@') {
            lua_pushfstring(L, "%s:%d", ar.source + 1, ar.currentline);
            return 1;
        }
    }
    return 0;
}

// "file.lua:12: message" → pushes where ("file.lua:12") and the message; returns 1 if it matched.
int splitPositionPrefix(lua_State* L, const char* msg) {
    const char* colon = std::strchr(msg, ':');
    while (colon) {
        const char* p = colon + 1;
        const char* digits = p;
        while (*p >= '0' && *p <= '9') ++p;
        if (p > digits && *p == ':') {
            lua_pushlstring(L, msg, static_cast<size_t>(p - msg));
            const char* rest = p + 1;
            while (*rest == ' ') ++rest;
            lua_pushstring(L, rest);
            return 1;
        }
        colon = std::strchr(colon + 1, ':');
    }
    return 0;
}

// ---- allocator and hook ------------------------------------------------------------------------
void* allocFn(void* ud, void* ptr, size_t osize, size_t nsize) {
    return static_cast<Sandbox*>(ud)->allocate(ptr, osize, nsize);
}

void countHook(lua_State* L, lua_Debug* ar) {
    lua_getinfo(L, "Sl", ar);
    sandboxOf(L)->onCountHook(L, ar->currentline, ar->source);
}

// ---- replaced globals --------------------------------------------------------------------------
int bindForbidden(lua_State* L) {
    return raiseTagged(L, "pack.err.forbidden", lua_tostring(L, lua_upvalueindex(1)), nullptr);
}

int bindReadOnly(lua_State* L) {
    return raiseTagged(L, "pack.err.forbidden", lua_tostring(L, lua_upvalueindex(1)), nullptr);
}

int bindGlobalIndex(lua_State* L) {
    if (lua_type(L, 2) == LUA_TSTRING) {
        const char* name = lua_tostring(L, 2);
        for (const char* f : kForbiddenGlobals) {
            if (std::strcmp(f, name) == 0) return raiseTagged(L, "pack.err.forbidden", name, nullptr);
        }
    }
    lua_pushnil(L);
    return 1;
}

// setmetatable without finalizers: a __gc would run pack code at any allocation, outside our
// protected calls.
int bindSetmetatable(lua_State* L) {
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL) return raiseTagged(L, "pack.err.forbidden", "__gc", nullptr);
        lua_pop(L, 1);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

// Lua's pattern matcher backtracks in C, where the instruction hook cannot stop it: a pattern
// with k repetitions over n bytes may take n^k steps. Refuse the combinations above ~10^8.
int bindPatternGuard(lua_State* L) {
    size_t n = 0, plen = 0;
    if (lua_type(L, 1) == LUA_TSTRING) lua_tolstring(L, 1, &n);
    const char* pat = lua_type(L, 2) == LUA_TSTRING ? lua_tolstring(L, 2, &plen) : nullptr;
    if (pat) {
        int k = 0;
        for (size_t i = 0; i < plen; ++i) {
            if (pat[i] == '%') {
                ++i;
            } else if (pat[i] == '*' || pat[i] == '+' || pat[i] == '-') {
                ++k;
            }
        }
        double cost = 1;
        for (int i = 0; i < k && cost <= 1e8; ++i) cost *= static_cast<double>(n + 1);
        if (k > 1 && cost > 1e8) return raiseTagged(L, "pack.err.pattern_too_complex", nullptr, nullptr);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

int bindPrint(lua_State* L) { return 0; }  // packs have no console; output is dropped

// load(text [, chunkname [, mode [, env]]]): text only, never a binary chunk or a reader function.
int bindLoad(lua_State* L) {
    size_t len = 0;
    const char* code = luaL_checklstring(L, 1, &len);
    const char* name = luaL_optstring(L, 2, "(load)");
    if (len > 0 && code[0] == LUA_SIGNATURE[0]) return raiseTagged(L, "pack.err.binary_chunk", nullptr, nullptr);
    const bool has_env = !lua_isnone(L, 4);
    lua_pushfstring(L, "=%s", name);  // '=' so a pack cannot pretend to be another file
    const int st = luaL_loadbufferx(L, code, len, lua_tostring(L, -1), "t");
    if (st != LUA_OK) {
        if (st == LUA_ERRMEM) return lua_error(L);
        lua_pushnil(L);
        lua_insert(L, -2);
        return 2;
    }
    if (has_env) {
        lua_pushvalue(L, 4);
        if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
    }
    return 1;
}

// pcall/xpcall that pack code cannot use to swallow budget, memory or sandbox errors.
int bindPcall(lua_State* L) {
    luaL_checkany(L, 1);
    const int st = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    if (st == LUA_OK) {
        lua_pushboolean(L, 1);
        lua_insert(L, 1);
        return lua_gettop(L);
    }
    if (st == LUA_ERRMEM) return raiseMemory(L);
    if (isTagged(L, -1)) return lua_error(L);
    lua_pushboolean(L, 0);
    lua_insert(L, -2);
    return 2;
}

int bindXpcall(lua_State* L) {
    luaL_checktype(L, 2, LUA_TFUNCTION);
    const int n = lua_gettop(L) - 2;
    lua_pushvalue(L, 2);
    lua_insert(L, 1);  // handler, f, handler, args
    lua_remove(L, 3);  // handler, f, args
    const int st = lua_pcall(L, n, LUA_MULTRET, 0);
    if (st == LUA_OK) {
        lua_pushboolean(L, 1);
        lua_replace(L, 1);
        return lua_gettop(L);
    }
    if (st == LUA_ERRMEM) return raiseMemory(L);
    if (isTagged(L, -1)) return lua_error(L);
    lua_pushvalue(L, 1);
    lua_insert(L, -2);
    const int hst = lua_pcall(L, 1, 1, 0);  // the pack's handler, after unwinding
    if (hst == LUA_ERRMEM) return raiseMemory(L);
    if (hst != LUA_OK && isTagged(L, -1)) return lua_error(L);
    lua_pushboolean(L, 0);
    lua_insert(L, -2);
    return 2;
}

// ---- error reports -----------------------------------------------------------------------------
// Message handler of every call into pack code: normalises the error into a tagged table with
// key, where, detail and traceback.
int bindMessageHandler(lua_State* L) {
    sandboxOf(L)->setHostMode(true);  // room to describe the error even at the memory cap
    if (!isTagged(L, 1)) {
        const char* msg = lua_tostring(L, 1);
        lua_createtable(L, 0, 5);
        lua_pushboolean(L, 1);
        lua_rawsetp(L, -2, &kErrorTag);
        lua_pushstring(L, "pack.err.runtime");
        lua_setfield(L, -2, "key");
        if (msg && splitPositionPrefix(L, msg)) {
            lua_setfield(L, -3, "detail");
            lua_setfield(L, -2, "where");
        } else {
            if (msg) {
                lua_pushstring(L, msg);
            } else {
                lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
            }
            lua_setfield(L, -2, "detail");
        }
        lua_replace(L, 1);
        lua_settop(L, 1);
    }
    lua_getfield(L, 1, "where");
    const bool has_where = lua_isstring(L, -1);
    lua_pop(L, 1);
    if (!has_where && pushStackWhere(L, 1)) lua_setfield(L, 1, "where");
    luaL_traceback(L, L, nullptr, 1);
    lua_setfield(L, 1, "traceback");
    lua_settop(L, 1);
    return 1;
}

// Reads an error object (tagged table or a syntax-error string) into 4 strings:
// key, where, detail, traceback. Runs protected.
int bindReadError(lua_State* L) {
    if (isTagged(L, 1)) {
        lua_getfield(L, 1, "key");
        lua_getfield(L, 1, "where");
        lua_getfield(L, 1, "detail");
        lua_getfield(L, 1, "traceback");
        return 4;
    }
    const char* msg = lua_tostring(L, 1);
    lua_pushstring(L, "pack.err.syntax");
    if (msg && splitPositionPrefix(L, msg)) {
        lua_pushnil(L);
        return 4;
    }
    lua_pushnil(L);
    lua_pushstring(L, msg ? msg : "");
    lua_pushnil(L);
    return 4;
}

// ---- set-up ------------------------------------------------------------------------------------
int bindSetUp(lua_State* L) {
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    lua_settop(L, 0);
    lua_pushglobaltable(L);  // 1: globals
    const int G = 1;
    for (const char* name : {"dofile", "loadfile", "collectgarbage", "warn"}) {
        lua_pushnil(L);
        lua_setfield(L, G, name);
    }
    lua_pushcfunction(L, bindPrint);
    lua_setfield(L, G, "print");
    lua_pushcfunction(L, bindLoad);
    lua_setfield(L, G, "load");
    lua_pushcfunction(L, bindPcall);
    lua_setfield(L, G, "pcall");
    lua_getfield(L, G, "setmetatable");
    lua_pushcclosure(L, bindSetmetatable, 1);
    lua_setfield(L, G, "setmetatable");
    lua_pushcfunction(L, bindXpcall);
    lua_setfield(L, G, "xpcall");
    // The registry's "loaded" table would hand out the real library tables: empty it.
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);

    // string: the real table is reachable only through read-only views.
    lua_getfield(L, G, "string");  // 2: real string table
    const int real = 2;
    lua_pushstring(L, "string.dump");
    lua_pushcclosure(L, bindForbidden, 1);
    lua_setfield(L, real, "dump");
    for (const char* name : {"find", "match", "gmatch", "gsub"}) {
        lua_getfield(L, real, name);
        lua_pushcclosure(L, bindPatternGuard, 1);
        lua_setfield(L, real, name);
    }
    lua_newtable(L);  // 3: proxy (global `string`)
    const int proxy = 3;
    lua_createtable(L, 0, 3);
    lua_pushvalue(L, real);
    lua_setfield(L, -2, "__index");
    lua_pushstring(L, "string");
    lua_pushcclosure(L, bindReadOnly, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, proxy);
    lua_pushvalue(L, proxy);
    lua_setfield(L, G, "string");
    // getmetatable("") returns a read-only view whose __index is the proxy.
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);  // 5: the real string metatable
    const int smt = 5;
    // The view is empty (so every assignment reaches __newindex); reads go to {__index = proxy}.
    lua_newtable(L);  // 6: view
    lua_createtable(L, 0, 3);
    lua_createtable(L, 0, 1);
    lua_pushvalue(L, proxy);
    lua_setfield(L, -2, "__index");
    lua_setfield(L, -2, "__index");
    lua_pushstring(L, "string metatable");
    lua_pushcclosure(L, bindReadOnly, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_setfield(L, smt, "__metatable");
    lua_settop(L, 1);

    // Globals: forbidden names raise a clear error; the metatable itself is protected.
    lua_createtable(L, 0, 2);
    lua_pushcfunction(L, bindGlobalIndex);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, G);
    lua_settop(L, 0);
    return 0;
}

}  // namespace

// ---- Sandbox -----------------------------------------------------------------------------------
Sandbox::Sandbox(SandboxLimits limits) : limits_(limits) {
    if (limits_.instructions_per_call == 0) limits_.instructions_per_call = kDefaultInstructions;
    if (limits_.memory_bytes == 0) limits_.memory_bytes = kDefaultMemory;
}

Sandbox::~Sandbox() {
    if (L_) lua_close(L_);
}

std::unique_ptr<Sandbox> Sandbox::create(SandboxLimits limits) {
    std::unique_ptr<Sandbox> s(new Sandbox(limits));
    if (!s->setUp()) return nullptr;
    return s;
}

bool Sandbox::setUp() {
    L_ = lua_newstate(allocFn, this);
    if (!L_) return false;
    *static_cast<Sandbox**>(lua_getextraspace(L_)) = this;
    lua_atpanic(L_, [](lua_State* L) -> int {
        // Only reachable by a host bug (an unprotected call that failed): say so, then abort.
        std::fprintf(stderr, "sandyq: unprotected Lua error: %s\n", lua_tostring(L, -1));
        return 0;
    });
    lua_pushcfunction(L_, bindSetUp);
    if (lua_pcall(L_, 0, 0, 0) != LUA_OK) {
        lua_close(L_);
        L_ = nullptr;
        return false;
    }
    lua_sethook(L_, countHook, LUA_MASKCOUNT, kHookEvery);
    return true;
}

void* Sandbox::allocate(void* ptr, size_t old_size, size_t new_size) {
    const size_t old = ptr ? old_size : 0;
    if (new_size == 0) {
        std::free(ptr);
        used_ -= old;
        return nullptr;
    }
    const size_t cap = limits_.memory_bytes + (host_mode_ ? kHostHeadroom : 0);
    if (new_size > old && used_ - old + new_size > cap) return nullptr;
    void* p = std::realloc(ptr, new_size);
    if (!p) return nullptr;
    used_ = used_ - old + new_size;
    return p;
}

void Sandbox::onCountHook(lua_State* L, int current_line, const char* source) {
    instructions_ += kHookEvery;
    if (source && source[0] == '@' && current_line > 0) {
        std::snprintf(last_pos_, sizeof last_pos_, "%s:%d", source + 1, current_line);
    }
    if (instructions_ > limits_.instructions_per_call) {
        raiseTagged(L, "pack.err.instructions", nullptr, last_pos_);
    }
}

std::string Sandbox::where(std::string_view source_file, int line) const {
    std::string w = display_prefix_;
    if (!w.empty() && w.back() != '/') w += '/';
    w += source_file;
    if (line > 0) w += ":" + std::to_string(line);
    return w;
}

Status Sandbox::runChunk(std::string_view code, std::string_view file) {
    if (!L_) return Status::error(ErrorCode::Limit, "pack.err.memory", where(file, 0));
    const std::string chunkname = "@" + std::string(file);
    instructions_ = 0;
    std::snprintf(last_pos_, sizeof last_pos_, "%.*s", static_cast<int>(file.size()), file.data());
    host_mode_ = false;
    lua_settop(L_, 0);
    const int st = luaL_loadbufferx(L_, code.data(), code.size(), chunkname.c_str(), "t");
    if (st != LUA_OK) {
        Status s = statusFromError(st);
        lua_settop(L_, 0);
        return s;
    }
    return call(0, 0);
}

Status Sandbox::call(int nargs, int nresults) {
    lua_State* L = L_;
    if (!lua_checkstack(L, 8)) {
        lua_settop(L, 0);
        return Status::error(ErrorCode::Limit, "pack.err.memory", where("", 0));
    }
    const int base = lua_gettop(L) - nargs;  // the function
    lua_pushcfunction(L, bindMessageHandler);
    lua_insert(L, base);
    instructions_ = 0;
    host_mode_ = false;
    const int st = lua_pcall(L, nargs, nresults, base);
    if (st == LUA_OK) {
        lua_remove(L, base);
        return Status::success();
    }
    Status s = statusFromError(st);
    lua_settop(L, base - 1);
    return s;
}

Status Sandbox::statusFromError(int lua_status) {
    lua_State* L = L_;
    host_mode_ = true;
    last_traceback_.clear();
    if (lua_status == LUA_ERRMEM || (lua_type(L, -1) == LUA_TSTRING && std::strcmp(lua_tostring(L, -1), "not enough memory") == 0)) {
        const char* colon = std::strrchr(last_pos_, ':');
        std::string file = colon ? std::string(last_pos_, static_cast<size_t>(colon - last_pos_)) : std::string(last_pos_);
        const int line = colon ? std::atoi(colon + 1) : 0;
        host_mode_ = false;
        return Status::error(ErrorCode::Limit, "pack.err.memory", where(file, line));
    }
    // Read the error object in protected mode (reading may allocate).
    lua_pushcfunction(L, bindReadError);
    lua_insert(L, -2);
    if (lua_pcall(L, 1, 4, 0) != LUA_OK) {
        lua_pop(L, 1);
        host_mode_ = false;
        return Status::error(ErrorCode::Limit, "pack.err.memory", where(last_pos_, 0));
    }
    auto str = [&](int idx) { return lua_isstring(L, idx) ? std::string(lua_tostring(L, idx)) : std::string(); };
    const std::string key = str(-4), at = str(-3);
    Status s;
    s.code = (key == "pack.err.instructions" || key == "pack.err.memory") ? ErrorCode::Limit : ErrorCode::Invalid;
    s.message_key = key.empty() ? "pack.err.runtime" : key;
    s.detail = str(-2);
    last_traceback_ = str(-1);
    lua_pop(L, 4);
    host_mode_ = false;
    // `at` is "file:line" (pack-relative) or empty.
    const size_t colon = at.rfind(':');
    if (colon != std::string::npos) {
        s.where = where(at.substr(0, colon), std::atoi(at.c_str() + colon + 1));
    } else {
        s.where = where(at.empty() ? std::string_view(last_pos_) : std::string_view(at), 0);
    }
    return s;
}

}  // namespace sandyq::scripting
