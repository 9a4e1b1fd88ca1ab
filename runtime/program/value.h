// program/value.h — run-time values of the VM: immediates (None, bool, int, float) and heap
// objects (str, list, tuple, dict, range, functions, iterators...).
// Depends on: the standard library only.
// Ownership: every heap object belongs to exactly one Vm's heap and is freed by that Vm's
// mark-and-sweep collector (or when the Vm is destroyed). Values are 16-byte PODs that never
// own anything; a Value is only valid while its Vm lives. Collection runs only between
// instructions, so native code may hold raw object pointers for the duration of one builtin.
// Errors: none here; operations that can fail live in Vm and report a Diagnostic.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sandyq::program {

class Vm;
struct Obj;

enum class ValueType : uint8_t {
    None = 0,  // Python None
    Bool,
    Int,
    Float,
    Object,
    Method,    // a native method id bound by LoadMethod (never stored in user-visible places)
    Empty,     // an unassigned variable slot
};

struct Value {
    ValueType type = ValueType::None;
    // bit 0 "exclusive": set only on a variable slot that holds the sole reference to a str
    // built by `x += ...`, so the VM may append in place (see Op::AugAddLocal). Loading the
    // variable clears it; values on the stack and in containers never carry it.
    uint8_t flags = 0;
    union {
        bool b;
        int64_t i;
        double f;
        Obj* o;
        uint32_t method;
    };
    Value() : i(0) {}
    static Value none() { return Value(); }
    static Value empty() { Value v; v.type = ValueType::Empty; return v; }
    static Value boolean(bool x) { Value v; v.type = ValueType::Bool; v.i = 0; v.b = x; return v; }
    static Value integer(int64_t x) { Value v; v.type = ValueType::Int; v.i = x; return v; }
    static Value real(double x) { Value v; v.type = ValueType::Float; v.f = x; return v; }
    static Value object(Obj* x) { Value v; v.type = ValueType::Object; v.o = x; return v; }
    static Value nativeMethod(uint32_t id) { Value v; v.type = ValueType::Method; v.i = 0; v.method = id; return v; }

    bool isNone() const { return type == ValueType::None; }
    bool isInt() const { return type == ValueType::Int; }
    bool isFloat() const { return type == ValueType::Float; }
    bool isBool() const { return type == ValueType::Bool; }
    bool isObj() const { return type == ValueType::Object; }
    bool isEmpty() const { return type == ValueType::Empty; }
};
static_assert(sizeof(Value) == 16, "Value must stay two words");

enum class ObjType : uint8_t {
    None = 0,
    Str,
    List,
    Tuple,
    Dict,
    Range,
    Function,
    Builtin,
    Module,
    Iterator,
    Slice,
    DictView,
    BoundMethod,
    Count_
};

struct Obj {
    ObjType type = ObjType::None;
    bool marked = false;
    Obj* next = nullptr;  // the heap's intrusive list
    explicit Obj(ObjType t) : type(t) {}
    virtual ~Obj() = default;
};

struct StrObj final : Obj {
    std::string s;
    uint64_t hash = 0;
    bool hashed = false;
    int8_t ascii = -1;  // -1 unknown, 0 no, 1 yes
    int64_t cp_count = -1;
    explicit StrObj(std::string text) : Obj(ObjType::Str), s(std::move(text)) {}
};

struct ListObj final : Obj {
    std::vector<Value> items;
    explicit ListObj(ObjType t = ObjType::List) : Obj(t) {}
};
using TupleObj = ListObj;  // same layout, type Tuple; immutable by convention

struct DictEntry {
    uint64_t hash = 0;
    Value key;
    Value value;
    bool live = false;
};

// Insertion-ordered hash table (entries in order + open-addressed index), like CPython's.
struct DictObj final : Obj {
    std::vector<DictEntry> entries;
    std::vector<int32_t> index;  // -1 empty, -2 deleted, else entry position
    size_t live = 0;
    DictObj() : Obj(ObjType::Dict) {}
};

struct RangeObj final : Obj {
    int64_t start = 0, stop = 0, step = 1;
    RangeObj() : Obj(ObjType::Range) {}
    int64_t length() const;
};

struct FunctionObj final : Obj {
    uint32_t proto = 0;
    std::vector<Value> defaults;  // for the last defaults.size() parameters
    FunctionObj() : Obj(ObjType::Function) {}
};

// A native function. `kind` says which; type objects (int, str, list...) are builtins too.
struct BuiltinObj final : Obj {
    uint32_t kind = 0;        // BuiltinKind
    uint32_t world_id = 0;    // for world commands: host's command index
    uint32_t min_args = 0, max_args = 0;  // for world commands
    std::string name;
    BuiltinObj() : Obj(ObjType::Builtin) {}
};

struct ModuleObj final : Obj {
    std::string name;
    std::vector<std::pair<std::string, Value>> attrs;
    ModuleObj() : Obj(ObjType::Module) {}
};

enum class IterKind : uint8_t { None = 0, Range, Seq, Str, DictKeys, DictValues, DictItems, Enumerate, Zip, Reversed };

struct IterObj final : Obj {
    IterKind kind = IterKind::None;
    Value source;                 // the list/tuple/str/dict or inner iterator
    int64_t pos = 0, stop = 0, step = 0;
    std::vector<Value> inner;     // zip: iterators
    IterObj() : Obj(ObjType::Iterator) {}
};

struct SliceObj final : Obj {
    Value start, stop, step;
    SliceObj() : Obj(ObjType::Slice) {}
};

struct DictViewObj final : Obj {
    DictObj* dict = nullptr;
    uint8_t kind = 0;  // 0 keys, 1 values, 2 items
    DictViewObj() : Obj(ObjType::DictView) {}
};

// `d.get` used as a value (e.g. key=d.get): a native method bound to its object.
struct BoundMethodObj final : Obj {
    Value self;
    uint32_t method = 0;  // MethodId
    BoundMethodObj() : Obj(ObjType::BoundMethod) {}
};

inline bool isObjType(const Value& v, ObjType t) { return v.type == ValueType::Object && v.o->type == t; }
inline StrObj* asStr(const Value& v) { return static_cast<StrObj*>(v.o); }
inline ListObj* asList(const Value& v) { return static_cast<ListObj*>(v.o); }
inline DictObj* asDict(const Value& v) { return static_cast<DictObj*>(v.o); }

// CPython-exact float repr: shortest round-trip digits, "1e+16", "inf", "nan", "-0.0".
std::string floatRepr(double v);

}  // namespace sandyq::program
