// scripting/sandbox.h — one sandboxed Lua 5.4 state (one per lesson pack).
// Depends on: core/status; Lua 5.4 (compiled as C) in sandbox.cpp only — this header exposes
// lua_State as an opaque pointer for the other scripting files. scripting/ is the only user of Lua.
//
// Contract:
//  - libraries: base (no dofile/loadfile/collectgarbage/print/warn; `load` is text-only and runs
//    in the sandbox), string (no string.dump; the string table and the string metatable cannot be
//    changed), table, math, utf8. io, os, debug, package, require are absent: touching them is the
//    error "pack.err.forbidden" naming the global;
//  - every call into pack code goes through call()/runChunk(): lua_pcall with a traceback handler,
//    an instruction budget (→ "pack.err.instructions") and a memory cap for the whole state
//    (→ "pack.err.memory"); pack code cannot catch these with its own pcall;
//  - errors are Status{code, message_key, where = "<display prefix>/<file>:<line>", detail}: detail
//    is the Lua message (syntax/runtime) or the forbidden name; the traceback is kept for logs.
// Ownership: Sandbox owns its lua_State; destroying it frees every object of the pack. Several
// sandboxes may exist at once and never share state (a broken pack never affects another).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

struct lua_State;

namespace sandyq::scripting {

struct SandboxLimits {
    uint64_t instructions_per_call = 20'000'000;  // 0 = default
    size_t memory_bytes = 32u << 20;              // whole state; 0 = default
};

class Sandbox {
public:
    // Null when even an empty Lua state cannot be created within the limits.
    static std::unique_ptr<Sandbox> create(SandboxLimits limits = {});
    ~Sandbox();
    Sandbox(const Sandbox&) = delete;
    Sandbox& operator=(const Sandbox&) = delete;

    // Prefix of `where` in errors, e.g. "lessons/example" → "lessons/example/lesson1.lua:12".
    void setDisplayPrefix(std::string prefix) { display_prefix_ = std::move(prefix); }
    const std::string& displayPrefix() const { return display_prefix_; }

    // Compiles (text only) and runs one pack file; `file` is pack-relative ("lesson1.lua").
    Status runChunk(std::string_view code, std::string_view file);
    // Calls the function below `nargs` arguments on the stack; leaves `nresults` results on
    // success, nothing on failure. The stack must have been prepared with the same budget rules.
    Status call(int nargs, int nresults);

    lua_State* state() const { return L_; }
    size_t memoryUsed() const { return used_; }
    const std::string& lastTraceback() const { return last_traceback_; }
    // Host work (reading tables after a call) may allocate a little above the cap, so that a pack
    // that used all its memory still reports cleanly instead of panicking.
    void setHostMode(bool on) { host_mode_ = on; }

    // Internal (used by the C callbacks in sandbox.cpp).
    void* allocate(void* ptr, size_t old_size, size_t new_size);
    void onCountHook(lua_State* L, int current_line, const char* source);
    std::string where(std::string_view source_file, int line) const;

private:
    explicit Sandbox(SandboxLimits limits);
    bool setUp();
    Status statusFromError(int lua_status);

    lua_State* L_ = nullptr;
    SandboxLimits limits_;
    size_t used_ = 0;
    bool host_mode_ = false;
    uint64_t instructions_ = 0;
    char last_pos_[160] = {};  // "file:line" of the last hook, for memory errors
    std::string display_prefix_;
    std::string last_traceback_;
};

// The key marking our own error tables (a light userdata only C code can create).
extern const char kErrorTag;

}  // namespace sandyq::scripting
