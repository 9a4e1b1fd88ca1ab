// program/vm_impl.h — internals of the Vm shared by vm.cpp, objects.cpp and builtins.cpp.
// Not a public header: the UI and front ends use vm.h only.
// Ownership: Impl owns the heap (intrusive list of Obj), stack and frames of one Vm.
// Errors: helpers return false after setting the pending Diagnostic via raise().
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "program/vm.h"

namespace sandyq::program {

enum class BuiltinKind : uint32_t {
    None = 0,
    Print, Input, Len, Range, Abs, Min, Max, Sum, Round, Int, Float, Str, Bool, List, Tuple, Dict,
    Sorted, Reversed, Enumerate, Zip, IsInstance, Type, Chr, Ord, DivMod, Pow, Any, All, Map,
    Filter, Repr, Format, Bin, Hex, Oct,
    // modules
    MathSqrt, MathFloor, MathCeil, MathFabs, MathPow, MathGcd, MathFactorial, MathSin, MathCos,
    MathTan, MathLog, MathLog10, MathLog2, MathExp, MathHypot, MathTrunc, MathIsqrt, MathRadians,
    MathDegrees,
    RandomRandint, RandomRandom, RandomChoice, RandomShuffle, RandomSeed, RandomRandrange,
    RandomUniform,
    World,  // a host world command
    Count_
};

enum class MethodId : uint32_t {
    None = 0,
    ListAppend, ListPop, ListInsert, ListRemove, ListIndex, ListCount, ListSort, ListReverse,
    ListExtend, ListCopy, ListClear,
    StrUpper, StrLower, StrSplit, StrJoin, StrStrip, StrLstrip, StrRstrip, StrReplace, StrFind,
    StrStartswith, StrEndswith, StrIsdigit, StrIsalpha, StrIsalnum, StrIsupper, StrIslower,
    StrIsspace, StrCount, StrCapitalize, StrTitle, StrIndex, StrFormat, StrCenter, StrLjust,
    StrRjust, StrZfill, StrSwapcase,
    TupleIndex, TupleCount,
    DictGet, DictKeys, DictValues, DictItems, DictPop, DictSetdefault, DictUpdate, DictCopy,
    DictClear,
    Count_
};

struct Frame {
    uint32_t proto = 0;
    const uint32_t* ip = nullptr;
    Value* base = nullptr;       // first local
    bool native_boundary = false;  // returning from this frame returns to C++ (callValue)
};

struct Vm::Impl {
    Vm& vm;
    const Program& prog;
    Host& host;

    std::vector<Value> stack;
    Value* sp = nullptr;
    std::vector<Frame> frames;
    std::vector<Value> globals;
    std::vector<Value> fallback;  // builtin of the same name per global, or Empty
    std::vector<Value> consts;
    std::vector<uint32_t> loop_base;   // per proto: first index into loop_counts
    std::vector<uint64_t> loop_counts;
    std::vector<std::vector<MethodId>> method_cache;  // [name][ObjType] → method
    std::vector<BuiltinObj*> builtins;                // by BuiltinKind
    std::vector<BuiltinObj*> world_commands;
    std::vector<ModuleObj*> modules;
    std::array<StrObj*, 128> ascii_chars{};
    StrObj* empty_str = nullptr;

    Obj* heap = nullptr;
    uint64_t bytes_since_gc = 0;
    uint64_t live_bytes = 0;
    uint64_t gc_threshold = 8u << 20;
    int gc_inhibit = 0;
    int native_depth = 0;   // nesting of callValue → execute
    int repr_depth = 0;

    bool resume_push = false;  // a suspended call's result goes on the stack when resuming
    bool yield_now = false;
    uint64_t rng[4] = {};

    explicit Impl(Vm& v);
    ~Impl();

    // ---- execution (vm.cpp) ----
    StepStatus execute(uint64_t budget, size_t stop_depth);
    bool callValue(Value callee, const Value* args, int argc, Value& out);
    bool pushFrame(Value* callee_slot, int argc, const StrObj* const* kw_names, int kwc);
    void fillPosition(Diagnostic& d) const;
    void raiseNameError(uint32_t global, const Frame& f);
    // `dst += rhs` where dst is a variable slot (in-place for exclusive strings).
    bool augAdd(Value& dst, const Value& rhs);

    // ---- errors ----
    Diagnostic& raise(ExcKind kind, std::string_view key);
    bool fail(ExcKind kind, std::string_view key) { raise(kind, key); return false; }
    bool typeError(std::string_view key, const Value& a);
    bool typeError2(std::string_view key, const Value& a, const Value& b);
    bool memoryError();

    // ---- heap (objects.cpp) ----
    template <class T>
    T* alloc(T* obj, size_t extra_bytes = 0) {
        obj->next = heap;
        heap = obj;
        vm.object_count_++;
        bytes_since_gc += sizeof(T) + extra_bytes;
        return obj;
    }
    void account(size_t bytes) { bytes_since_gc += bytes; }
    bool checkSize(uint64_t count, uint64_t elem_bytes);  // MemoryError for absurd requests
    void maybeCollect();
    void collect();
    void markValue(const Value& v, std::vector<Obj*>& gray);
    uint64_t objectBytes(const Obj* o) const;

    Value newStr(std::string s);
    Value strChar(char32_t cp);
    ListObj* newList();
    ListObj* newTuple();
    DictObj* newDict();
    Value charAt(StrObj* s, int64_t index);

    // ---- object protocol (objects.cpp) ----
    const char* typeName(const Value& v) const;
    bool truthy(const Value& v) const;
    bool repr(const Value& v, std::string& out);
    bool str(const Value& v, std::string& out);
    bool equals(const Value& a, const Value& b, bool& result);
    bool less(const Value& a, const Value& b, bool& result);  // a < b
    bool hash(const Value& v, uint64_t& out);
    bool contains(const Value& container, const Value& item, bool& result);
    bool binary(Op op, const Value& a, const Value& b, Value& out);
    bool unary(Op op, const Value& a, Value& out);
    bool compare(Op op, const Value& a, const Value& b, Value& out);
    bool getItem(const Value& c, const Value& key, Value& out);
    bool setItem(const Value& c, const Value& key, const Value& v);
    bool delItem(const Value& c, const Value& key);
    bool getIter(const Value& v, Value& out);
    // false on error; `done` when exhausted.
    bool iterNext(IterObj* it, Value& out, bool& done);
    bool toList(const Value& iterable, std::vector<Value>& out);
    bool length(const Value& v, int64_t& out);
    int64_t strLength(StrObj* s);
    bool normalizeIndex(int64_t& i, int64_t len, const Value& container);
    bool sliceIndices(SliceObj* sl, int64_t len, int64_t& start, int64_t& stop, int64_t& step);

    // dict
    int64_t dictFind(DictObj* d, const Value& key, uint64_t h, bool& ok);
    bool dictGet(DictObj* d, const Value& key, Value& out, bool& found);
    bool dictSet(DictObj* d, const Value& key, const Value& value);
    bool dictRemove(DictObj* d, const Value& key, Value& out, bool& found);
    void dictRehash(DictObj* d, size_t capacity);

    // ---- builtins (builtins.cpp) ----
    void installBuiltins();
    BuiltinObj* makeBuiltin(BuiltinKind kind, std::string_view name);
    bool callBuiltin(BuiltinObj* b, const Value* args, int argc, const StrObj* const* kw_names,
                     const Value* kw_values, int kwc, Value& out);
    bool callMethod(MethodId m, const Value& self, const Value* args, int argc,
                    const StrObj* const* kw_names, const Value* kw_values, int kwc, Value& out);
    MethodId findMethod(ObjType type, std::string_view name) const;
    bool importModule(std::string_view name, Value& out);
    bool getAttr(const Value& obj, uint32_t name_index, Value& out);
    bool formatValue(const Value& v, std::string_view spec, std::string& out);
    bool percentFormat(const std::string& fmt, const Value& args, Value& out);  // "%d" % x
    bool sortValues(std::vector<Value>& items, const Value& key, bool reverse);
    uint64_t nextRandom();
};

// Formatting helpers (format.cpp).
std::string intToString(int64_t v);
// Applies a format spec to a number or string. Returns false when the spec is invalid.
bool formatInt(int64_t v, std::string_view spec, std::string& out);
bool formatFloat(double v, std::string_view spec, std::string& out);
bool formatString(std::string_view s, std::string_view spec, std::string& out);
double roundHalfEven(double x, int64_t digits);

// Name suggestions for NameError (suggest.cpp): Levenshtein on code points where a Latin letter
// and its Cyrillic look-alike count as the same. `lookalike` is set when the only difference is
// such letters.
std::string suggestName(std::string_view wrong, const std::vector<std::string_view>& candidates,
                        bool& lookalike);

}  // namespace sandyq::program
