// program/objects.cpp — heap, garbage collector and the object protocol of the VM.
// Sections: 1 heap & GC · 2 strings · 3 repr/str · 4 equality, order, hash · 5 arithmetic ·
// 6 items and slices · 7 iteration · 8 dict.
#include <cmath>
#include <cstring>

#include "core/utf8.h"
#include "program/vm_impl.h"

namespace sandyq::program {

// ============================== 1 heap & GC ==============================

bool Vm::Impl::checkSize(uint64_t count, uint64_t elem_bytes) {
    if (count > (1ull << 40) / (elem_bytes ? elem_bytes : 1) ||
        count * elem_bytes > vm.limits_.max_memory_bytes)
        return memoryError();
    return true;
}

bool Vm::Impl::memoryError() {
    raise(ExcKind::MemoryError, "py.err.memory").arg("mb", static_cast<int64_t>(vm.limits_.max_memory_bytes >> 20));
    return false;
}

uint64_t Vm::Impl::objectBytes(const Obj* o) const {
    switch (o->type) {
        case ObjType::Str: return sizeof(StrObj) + static_cast<const StrObj*>(o)->s.capacity();
        case ObjType::List:
        case ObjType::Tuple: return sizeof(ListObj) + static_cast<const ListObj*>(o)->items.capacity() * sizeof(Value);
        case ObjType::Dict: {
            auto* d = static_cast<const DictObj*>(o);
            return sizeof(DictObj) + d->entries.capacity() * sizeof(DictEntry) + d->index.capacity() * 4;
        }
        case ObjType::Iterator: return sizeof(IterObj) + static_cast<const IterObj*>(o)->inner.capacity() * sizeof(Value);
        default: return 64;
    }
}

void Vm::Impl::markValue(const Value& v, std::vector<Obj*>& gray) {
    if (v.type == ValueType::Object && v.o && !v.o->marked) {
        v.o->marked = true;
        gray.push_back(v.o);
    }
}

void Vm::Impl::maybeCollect() {
    if (bytes_since_gc < gc_threshold || gc_inhibit > 0) return;
    collect();
}

void Vm::Impl::collect() {
    std::vector<Obj*> gray;
    auto mark = [&](Obj* o) {
        if (o && !o->marked) { o->marked = true; gray.push_back(o); }
    };
    for (Value* p = stack.data(); p < sp; ++p) markValue(*p, gray);
    for (auto& v : globals) markValue(v, gray);
    for (auto& v : fallback) markValue(v, gray);
    for (auto& v : consts) markValue(v, gray);
    for (auto* b : builtins) mark(b);
    for (auto* b : world_commands) mark(b);
    for (auto* m : modules) mark(m);
    for (auto* c : ascii_chars) mark(c);
    mark(empty_str);
    while (!gray.empty()) {
        Obj* o = gray.back();
        gray.pop_back();
        switch (o->type) {
            case ObjType::List:
            case ObjType::Tuple:
                for (auto& v : static_cast<ListObj*>(o)->items) markValue(v, gray);
                break;
            case ObjType::Dict:
                for (auto& e : static_cast<DictObj*>(o)->entries)
                    if (e.live) { markValue(e.key, gray); markValue(e.value, gray); }
                break;
            case ObjType::Function:
                for (auto& v : static_cast<FunctionObj*>(o)->defaults) markValue(v, gray);
                break;
            case ObjType::Module:
                for (auto& kv : static_cast<ModuleObj*>(o)->attrs) markValue(kv.second, gray);
                break;
            case ObjType::Iterator: {
                auto* it = static_cast<IterObj*>(o);
                markValue(it->source, gray);
                for (auto& v : it->inner) markValue(v, gray);
                break;
            }
            case ObjType::Slice: {
                auto* s = static_cast<SliceObj*>(o);
                markValue(s->start, gray); markValue(s->stop, gray); markValue(s->step, gray);
                break;
            }
            case ObjType::DictView: mark(static_cast<DictViewObj*>(o)->dict); break;
            case ObjType::BoundMethod: markValue(static_cast<BoundMethodObj*>(o)->self, gray); break;
            default: break;
        }
    }
    Obj** link = &heap;
    uint64_t live = 0;
    while (Obj* o = *link) {
        if (o->marked) {
            o->marked = false;
            live += objectBytes(o);
            link = &o->next;
        } else {
            *link = o->next;
            delete o;
            vm.object_count_--;
        }
    }
    live_bytes = live;
    bytes_since_gc = 0;
    gc_threshold = live > (8u << 20) ? live : (8u << 20);
}

// ============================== 2 strings ==============================

Value Vm::Impl::newStr(std::string s) {
    if (s.empty() && empty_str) return Value::object(empty_str);
    if (s.size() == 1 && static_cast<unsigned char>(s[0]) < 128 && ascii_chars[static_cast<unsigned char>(s[0])])
        return Value::object(ascii_chars[static_cast<unsigned char>(s[0])]);
    const size_t n = s.size();
    return Value::object(alloc(new StrObj(std::move(s)), n));
}

Value Vm::Impl::strChar(char32_t cp) {
    if (cp < 128 && ascii_chars[cp]) return Value::object(ascii_chars[cp]);
    std::string s;
    text::appendUtf8(s, cp);
    return newStr(std::move(s));
}

ListObj* Vm::Impl::newList() { return alloc(new ListObj(ObjType::List)); }
ListObj* Vm::Impl::newTuple() { return alloc(new ListObj(ObjType::Tuple)); }
DictObj* Vm::Impl::newDict() { return alloc(new DictObj()); }

static bool isAsciiStr(StrObj* s) {
    if (s->ascii < 0) {
        s->ascii = 1;
        for (unsigned char c : s->s)
            if (c >= 128) { s->ascii = 0; break; }
    }
    return s->ascii == 1;
}

int64_t Vm::Impl::strLength(StrObj* s) {
    if (s->cp_count < 0) s->cp_count = isAsciiStr(s) ? static_cast<int64_t>(s->s.size()) : static_cast<int64_t>(text::codepointCount(s->s));
    return s->cp_count;
}

Value Vm::Impl::charAt(StrObj* s, int64_t index) {
    if (isAsciiStr(s)) return Value::object(ascii_chars[static_cast<unsigned char>(s->s[index])]);
    size_t pos = 0;
    for (int64_t k = 0; k < index; ++k) pos += text::decodeUtf8(s->s, pos).length;
    return strChar(text::decodeUtf8(s->s, pos).cp);
}

// ============================== 3 repr / str ==============================

const char* Vm::Impl::typeName(const Value& v) const {
    switch (v.type) {
        case ValueType::None: return "NoneType";
        case ValueType::Bool: return "bool";
        case ValueType::Int: return "int";
        case ValueType::Float: return "float";
        case ValueType::Method: return "builtin_function_or_method";
        case ValueType::Empty: return "NoneType";
        case ValueType::Object: break;
    }
    switch (v.o->type) {
        case ObjType::Str: return "str";
        case ObjType::List: return "list";
        case ObjType::Tuple: return "tuple";
        case ObjType::Dict: return "dict";
        case ObjType::Range: return "range";
        case ObjType::Function: return "function";
        case ObjType::Builtin: {
            const auto k = static_cast<BuiltinKind>(static_cast<BuiltinObj*>(v.o)->kind);
            const bool is_type = (k >= BuiltinKind::Int && k <= BuiltinKind::Dict) || k == BuiltinKind::Range || k == BuiltinKind::None;
            return is_type ? "type" : "builtin_function_or_method";
        }
        case ObjType::Module: return "module";
        case ObjType::BoundMethod: return "builtin_function_or_method";
        case ObjType::Iterator: return "iterator";
        case ObjType::Slice: return "slice";
        case ObjType::DictView: {
            auto k = static_cast<DictViewObj*>(v.o)->kind;
            return k == 0 ? "dict_keys" : k == 1 ? "dict_values" : "dict_items";
        }
        default: return "object";
    }
}

bool Vm::Impl::truthy(const Value& v) const {
    switch (v.type) {
        case ValueType::None: return false;
        case ValueType::Bool: return v.b;
        case ValueType::Int: return v.i != 0;
        case ValueType::Float: return v.f != 0.0;
        case ValueType::Object: break;
        default: return true;
    }
    switch (v.o->type) {
        case ObjType::Str: return !static_cast<StrObj*>(v.o)->s.empty();
        case ObjType::List:
        case ObjType::Tuple: return !static_cast<ListObj*>(v.o)->items.empty();
        case ObjType::Dict: return static_cast<DictObj*>(v.o)->live != 0;
        case ObjType::Range: return static_cast<RangeObj*>(v.o)->length() != 0;
        case ObjType::DictView: return static_cast<DictViewObj*>(v.o)->dict->live != 0;
        default: return true;
    }
}

int64_t RangeObj::length() const {
    if (step > 0 && start < stop) return (stop - start - 1) / step + 1;
    if (step < 0 && start > stop) return (start - stop - 1) / (-step) + 1;
    return 0;
}

static void reprString(const std::string& s, std::string& out) {
    // CPython: single quotes unless the text contains ' and no ".
    const bool has_single = s.find('\'') != std::string::npos;
    const bool has_double = s.find('"') != std::string::npos;
    const char q = has_single && !has_double ? '"' : '\'';
    out += q;
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == static_cast<unsigned char>(q) || c == '\\') { out += '\\'; out += static_cast<char>(c); }
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else out += static_cast<char>(c);
    }
    out += q;
}

bool Vm::Impl::repr(const Value& v, std::string& out) {
    switch (v.type) {
        case ValueType::None: out += "None"; return true;
        case ValueType::Bool: out += v.b ? "True" : "False"; return true;
        case ValueType::Int: out += intToString(v.i); return true;
        case ValueType::Float: out += floatRepr(v.f); return true;
        case ValueType::Method: out += "<built-in method>"; return true;
        case ValueType::Empty: out += "None"; return true;
        case ValueType::Object: break;
    }
    if (repr_depth > 200) return fail(ExcKind::RecursionError, "py.err.repr_too_deep");
    struct DepthGuard { int& d; explicit DepthGuard(int& x) : d(x) { ++d; } ~DepthGuard() { --d; } } guard(repr_depth);
    Obj* o = v.o;
    if (o->marked) {  // `marked` doubles as "being printed" (GC never runs during repr)
        out += o->type == ObjType::Dict ? "{...}" : "[...]";
        return true;
    }
    switch (o->type) {
        case ObjType::Str: reprString(static_cast<StrObj*>(o)->s, out); return true;
        case ObjType::List:
        case ObjType::Tuple: {
            auto* l = static_cast<ListObj*>(o);
            const bool tuple = o->type == ObjType::Tuple;
            out += tuple ? '(' : '[';
            o->marked = true;
            for (size_t i = 0; i < l->items.size(); ++i) {
                if (i) out += ", ";
                if (!repr(l->items[i], out)) { o->marked = false; return false; }
            }
            o->marked = false;
            if (tuple && l->items.size() == 1) out += ',';
            out += tuple ? ')' : ']';
            return true;
        }
        case ObjType::Dict: {
            auto* d = static_cast<DictObj*>(o);
            out += '{';
            o->marked = true;
            bool first = true;
            for (auto& e : d->entries) {
                if (!e.live) continue;
                if (!first) out += ", ";
                first = false;
                if (!repr(e.key, out)) { o->marked = false; return false; }
                out += ": ";
                if (!repr(e.value, out)) { o->marked = false; return false; }
            }
            o->marked = false;
            out += '}';
            return true;
        }
        case ObjType::Range: {
            auto* r = static_cast<RangeObj*>(o);
            out += "range(" + intToString(r->start) + ", " + intToString(r->stop);
            if (r->step != 1) out += ", " + intToString(r->step);
            out += ')';
            return true;
        }
        case ObjType::Function:
            out += "<function " + prog.protos[static_cast<FunctionObj*>(o)->proto].name + ">";
            return true;
        case ObjType::Builtin: {
            auto* b = static_cast<BuiltinObj*>(o);
            if (std::strcmp(typeName(v), "type") == 0) out += "<class '" + b->name + "'>";
            else out += "<built-in function " + b->name + ">";
            return true;
        }
        case ObjType::Module: out += "<module '" + static_cast<ModuleObj*>(o)->name + "'>"; return true;
        case ObjType::BoundMethod: out += "<built-in method of "; out += typeName(static_cast<BoundMethodObj*>(o)->self); out += " object>"; return true;
        case ObjType::DictView: {
            auto* dv = static_cast<DictViewObj*>(o);
            out += typeName(v);
            out += "([";
            bool first = true;
            for (auto& e : dv->dict->entries) {
                if (!e.live) continue;
                if (!first) out += ", ";
                first = false;
                if (dv->kind == 0) { if (!repr(e.key, out)) return false; }
                else if (dv->kind == 1) { if (!repr(e.value, out)) return false; }
                else {
                    out += '(';
                    if (!repr(e.key, out)) return false;
                    out += ", ";
                    if (!repr(e.value, out)) return false;
                    out += ')';
                }
            }
            out += "])";
            return true;
        }
        default: out += "<object>"; return true;
    }
}

bool Vm::Impl::str(const Value& v, std::string& out) {
    if (isObjType(v, ObjType::Str)) { out += asStr(v)->s; return true; }
    return repr(v, out);
}

// ============================== 4 equality, order, hash ==============================

static bool numeric(const Value& v) { return v.type == ValueType::Int || v.type == ValueType::Float || v.type == ValueType::Bool; }
static double asDouble(const Value& v) { return v.type == ValueType::Float ? v.f : static_cast<double>(v.type == ValueType::Bool ? v.b : v.i); }
static int64_t asInt(const Value& v) { return v.type == ValueType::Bool ? v.b : v.i; }

// Exact comparison of an integer with a double (like CPython: no rounding surprises).
static int cmpIntFloat(int64_t a, double b) {
    if (std::isnan(b)) return 2;  // unordered
    if (b >= 9.3e18) return -1;
    if (b <= -9.3e18) return 1;
    const double fl = std::floor(b);
    const int64_t bi = static_cast<int64_t>(fl);
    if (a < bi) return -1;
    if (a > bi) return 1;
    return fl == b ? 0 : -1;
}

static int cmpNumbers(const Value& a, const Value& b) {
    const bool af = a.type == ValueType::Float, bf = b.type == ValueType::Float;
    if (!af && !bf) { const int64_t x = asInt(a), y = asInt(b); return x < y ? -1 : x > y ? 1 : 0; }
    if (af && bf) {
        if (std::isnan(a.f) || std::isnan(b.f)) return 2;
        return a.f < b.f ? -1 : a.f > b.f ? 1 : 0;
    }
    if (bf) return cmpIntFloat(asInt(a), b.f);
    const int r = cmpIntFloat(asInt(b), a.f);
    return r == 2 ? 2 : -r;
}

bool Vm::Impl::equals(const Value& a, const Value& b, bool& result) {
    if (numeric(a) && numeric(b)) { result = cmpNumbers(a, b) == 0; return true; }
    if (a.type != b.type) { result = false; return true; }
    if (a.type == ValueType::None) { result = true; return true; }
    if (a.type != ValueType::Object) { result = a.i == b.i; return true; }
    if (a.o == b.o) { result = true; return true; }
    if (a.o->type != b.o->type) { result = false; return true; }
    switch (a.o->type) {
        case ObjType::Str: result = asStr(a)->s == asStr(b)->s; return true;
        case ObjType::List:
        case ObjType::Tuple: {
            auto &x = asList(a)->items, &y = asList(b)->items;
            if (x.size() != y.size()) { result = false; return true; }
            if (repr_depth > 200) return fail(ExcKind::RecursionError, "py.err.repr_too_deep");
            ++repr_depth;
            for (size_t i = 0; i < x.size(); ++i) {
                if (!equals(x[i], y[i], result)) { --repr_depth; return false; }
                if (!result) break;
            }
            --repr_depth;
            return true;
        }
        case ObjType::Dict: {
            auto *x = asDict(a), *y = asDict(b);
            if (x->live != y->live) { result = false; return true; }
            for (auto& e : x->entries) {
                if (!e.live) continue;
                Value other;
                bool found = false;
                if (!dictGet(y, e.key, other, found)) return false;
                if (!found) { result = false; return true; }
                if (!equals(e.value, other, result)) return false;
                if (!result) return true;
            }
            result = true;
            return true;
        }
        case ObjType::Range: {
            auto *x = static_cast<RangeObj*>(a.o), *y = static_cast<RangeObj*>(b.o);
            result = x->start == y->start && x->stop == y->stop && x->step == y->step;
            return true;
        }
        default: result = false; return true;
    }
}

bool Vm::Impl::less(const Value& a, const Value& b, bool& result) {
    if (numeric(a) && numeric(b)) { result = cmpNumbers(a, b) == -1; return true; }
    if (isObjType(a, ObjType::Str) && isObjType(b, ObjType::Str)) { result = asStr(a)->s < asStr(b)->s; return true; }
    const bool seq = (isObjType(a, ObjType::List) && isObjType(b, ObjType::List)) ||
                     (isObjType(a, ObjType::Tuple) && isObjType(b, ObjType::Tuple));
    if (seq) {
        auto &x = asList(a)->items, &y = asList(b)->items;
        if (repr_depth > 200) return fail(ExcKind::RecursionError, "py.err.repr_too_deep");
        struct Guard { int& d; explicit Guard(int& r) : d(r) { ++d; } ~Guard() { --d; } } guard(repr_depth);
        for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
            bool eq = false;
            if (!equals(x[i], y[i], eq)) return false;
            if (!eq) return less(x[i], y[i], result);
        }
        result = x.size() < y.size();
        return true;
    }
    return typeError2("py.err.type_compare", a, b);
}

static uint64_t hashBytes(const std::string& s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) { h ^= c; h *= 1099511628211ull; }
    return h;
}

static uint64_t mixInt(uint64_t x) {
    x ^= x >> 33; x *= 0xff51afd7ed558ccdull; x ^= x >> 33;
    return x;
}

bool Vm::Impl::hash(const Value& v, uint64_t& out) {
    switch (v.type) {
        case ValueType::None: out = 0x9e3779b9; return true;
        case ValueType::Bool: out = mixInt(v.b ? 1 : 0); return true;
        case ValueType::Int: out = mixInt(static_cast<uint64_t>(v.i)); return true;
        case ValueType::Float: {
            const double fl = std::floor(v.f);
            if (fl == v.f && std::fabs(v.f) < 9.2e18) { out = mixInt(static_cast<uint64_t>(static_cast<int64_t>(v.f))); return true; }
            uint64_t bits;
            std::memcpy(&bits, &v.f, 8);
            out = mixInt(bits);
            return true;
        }
        case ValueType::Object: break;
        default: out = 1; return true;
    }
    switch (v.o->type) {
        case ObjType::Str: {
            auto* s = asStr(v);
            if (!s->hashed) { s->hash = hashBytes(s->s); s->hashed = true; }
            out = s->hash;
            return true;
        }
        case ObjType::Tuple: {
            if (repr_depth > 200) return fail(ExcKind::RecursionError, "py.err.repr_too_deep");
            struct Guard { int& d; explicit Guard(int& r) : d(r) { ++d; } ~Guard() { --d; } } guard(repr_depth);
            uint64_t h = 0x345678;
            for (auto& item : asList(v)->items) {
                uint64_t x;
                if (!hash(item, x)) return false;
                h = (h ^ x) * 1000003ull + 97531;
            }
            out = h;
            return true;
        }
        case ObjType::List:
        case ObjType::Dict:
        case ObjType::DictView:
            raise(ExcKind::TypeError, "py.err.unhashable").arg("type", typeName(v));
            return false;
        default: out = mixInt(reinterpret_cast<uintptr_t>(v.o)); return true;
    }
}

bool Vm::Impl::contains(const Value& c, const Value& item, bool& result) {
    result = false;
    if (c.type == ValueType::Object) {
        switch (c.o->type) {
            case ObjType::Str:
                if (!isObjType(item, ObjType::Str)) return typeError("py.err.in_str_needs_str", item);
                result = asStr(c)->s.find(asStr(item)->s) != std::string::npos;
                return true;
            case ObjType::List:
            case ObjType::Tuple:
                for (auto& x : asList(c)->items) {
                    if (!equals(x, item, result)) return false;
                    if (result) return true;
                }
                return true;
            case ObjType::Dict: {
                Value dummy;
                return dictGet(asDict(c), item, dummy, result);
            }
            case ObjType::DictView: {
                auto* dv = static_cast<DictViewObj*>(c.o);
                if (dv->kind == 0) { Value dummy; return dictGet(dv->dict, item, dummy, result); }
                break;
            }
            case ObjType::Range: {
                auto* r = static_cast<RangeObj*>(c.o);
                if (item.isInt() || item.isBool()) {
                    const int64_t x = asInt(item);
                    const int64_t n = r->length();
                    if (n == 0) return true;
                    const int64_t last = r->start + (n - 1) * r->step;
                    const int64_t lo = r->step > 0 ? r->start : last, hi = r->step > 0 ? last : r->start;
                    result = x >= lo && x <= hi && (x - r->start) % r->step == 0;
                    return true;
                }
                break;
            }
            default: break;
        }
    }
    Value it;
    if (!getIter(c, it)) {
        vm.diag_ = {};
        raise(ExcKind::TypeError, "py.err.not_container").arg("type", typeName(c));
        return false;
    }
    for (;;) {
        Value x;
        bool done = false;
        if (!iterNext(static_cast<IterObj*>(it.o), x, done)) return false;
        if (done) return true;
        if (!equals(x, item, result)) return false;
        if (result) return true;
    }
}

// ============================== 5 arithmetic ==============================

static int64_t floorDiv(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}
static int64_t floorMod(int64_t a, int64_t b) {
    int64_t m = a % b;
    if (m != 0 && ((m < 0) != (b < 0))) m += b;
    return m;
}

static bool opName(Op op, const char*& name) {
    switch (op) {
        case Op::Add: name = "+"; return true;
        case Op::Sub: name = "-"; return true;
        case Op::Mul: name = "*"; return true;
        case Op::TrueDiv: name = "/"; return true;
        case Op::FloorDiv: name = "//"; return true;
        case Op::Mod: name = "%"; return true;
        case Op::Pow: name = "**"; return true;
        case Op::BitAnd: name = "&"; return true;
        case Op::BitOr: name = "|"; return true;
        case Op::BitXor: name = "^"; return true;
        case Op::Shl: name = "<<"; return true;
        case Op::Shr: name = ">>"; return true;
        default: name = "?"; return false;
    }
}

static bool powInt(int64_t base, int64_t exp, int64_t& out) {
    int64_t result = 1;
    while (exp > 0) {
        if (exp & 1) { if (__builtin_mul_overflow(result, base, &result)) return false; }
        exp >>= 1;
        if (exp && __builtin_mul_overflow(base, base, &base)) return false;
    }
    out = result;
    return true;
}

bool Vm::Impl::binary(Op op, const Value& a, const Value& b, Value& out) {
    const bool ai = a.isInt() || a.isBool(), bi = b.isInt() || b.isBool();
    if (ai && bi) {
        const int64_t x = asInt(a), y = asInt(b);
        int64_t r = 0;
        switch (op) {
            case Op::Add: if (__builtin_add_overflow(x, y, &r)) goto overflow; out = Value::integer(r); return true;
            case Op::Sub: if (__builtin_sub_overflow(x, y, &r)) goto overflow; out = Value::integer(r); return true;
            case Op::Mul: if (__builtin_mul_overflow(x, y, &r)) goto overflow; out = Value::integer(r); return true;
            case Op::TrueDiv:
                if (y == 0) return fail(ExcKind::ZeroDivisionError, "py.err.zero_division");
                out = Value::real(static_cast<double>(x) / static_cast<double>(y));
                return true;
            case Op::FloorDiv:
                if (y == 0) return fail(ExcKind::ZeroDivisionError, "py.err.zero_division");
                if (x == INT64_MIN && y == -1) goto overflow;
                out = Value::integer(floorDiv(x, y));
                return true;
            case Op::Mod:
                if (y == 0) return fail(ExcKind::ZeroDivisionError, "py.err.zero_division");
                if (y == -1) { out = Value::integer(0); return true; }
                out = Value::integer(floorMod(x, y));
                return true;
            case Op::Pow:
                if (y < 0) {
                    if (x == 0) return fail(ExcKind::ZeroDivisionError, "py.err.zero_division");
                    out = Value::real(std::pow(static_cast<double>(x), static_cast<double>(y)));
                    return true;
                }
                if (!powInt(x, y, r)) goto overflow;
                out = Value::integer(r);
                return true;
            case Op::BitAnd: out = Value::integer(x & y); return true;
            case Op::BitOr: out = Value::integer(x | y); return true;
            case Op::BitXor: out = Value::integer(x ^ y); return true;
            case Op::Shl:
                if (y < 0) return fail(ExcKind::ValueError, "py.err.negative_shift");
                if (y >= 63 || (x != 0 && (x > (INT64_MAX >> y) || x < (INT64_MIN >> y)))) goto overflow;
                out = Value::integer(x << y);
                return true;
            case Op::Shr:
                if (y < 0) return fail(ExcKind::ValueError, "py.err.negative_shift");
                out = Value::integer(y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));
                return true;
            default: break;
        }
    }
    if (numeric(a) && numeric(b)) {
        const double x = asDouble(a), y = asDouble(b);
        switch (op) {
            case Op::Add: out = Value::real(x + y); return true;
            case Op::Sub: out = Value::real(x - y); return true;
            case Op::Mul: out = Value::real(x * y); return true;
            case Op::TrueDiv:
                if (y == 0) return fail(ExcKind::ZeroDivisionError, "py.err.zero_division");
                out = Value::real(x / y);
                return true;
            case Op::FloorDiv:
                if (y == 0) return fail(ExcKind::ZeroDivisionError, "py.err.zero_division");
                out = Value::real(std::floor(x / y));
                {
                    // CPython's float floordiv: floor((x - fmod(x, y)) / y)
                    double mod = std::fmod(x, y);
                    double div = (x - mod) / y;
                    if (mod != 0 && ((y < 0) != (mod < 0))) div -= 1.0;
                    double fl = std::floor(div);
                    if (div - fl > 0.5) fl += 1.0;
                    if (div == 0) fl = std::copysign(0.0, x / y);
                    out = Value::real(fl);
                }
                return true;
            case Op::Mod: {
                if (y == 0) return fail(ExcKind::ZeroDivisionError, "py.err.zero_division");
                double m = std::fmod(x, y);
                if (m != 0) { if ((y < 0) != (m < 0)) m += y; }
                else m = std::copysign(0.0, y);
                out = Value::real(m);
                return true;
            }
            case Op::Pow: {
                if (x == 0 && y < 0) return fail(ExcKind::ZeroDivisionError, "py.err.zero_division");
                if (x < 0 && y != std::floor(y)) return fail(ExcKind::ValueError, "py.err.complex_result");
                const double r = std::pow(x, y);
                if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) goto overflow;
                out = Value::real(r);
                return true;
            }
            default: break;
        }
    }
    if (op == Op::Mod && isObjType(a, ObjType::Str)) return percentFormat(asStr(a)->s, b, out);
    if (a.isObj() && b.isObj()) {
        const ObjType ta = a.o->type, tb = b.o->type;
        if (op == Op::Add && ta == tb && ta == ObjType::Str) {
            const auto &x = asStr(a)->s, &y = asStr(b)->s;
            if (!checkSize(x.size() + y.size(), 1)) return false;
            std::string s;
            s.reserve(x.size() + y.size());
            s += x;
            s += y;
            out = newStr(std::move(s));
            return true;
        }
        if (op == Op::Add && ta == tb && (ta == ObjType::List || ta == ObjType::Tuple)) {
            auto &x = asList(a)->items, &y = asList(b)->items;
            if (!checkSize(x.size() + y.size(), sizeof(Value))) return false;
            ListObj* l = ta == ObjType::List ? newList() : newTuple();
            l->items.reserve(x.size() + y.size());
            l->items.insert(l->items.end(), x.begin(), x.end());
            l->items.insert(l->items.end(), y.begin(), y.end());
            account(l->items.size() * sizeof(Value));
            out = Value::object(l);
            return true;
        }
    }
    if (op == Op::Mul) {
        const Value* seq = nullptr;
        const Value* count = nullptr;
        if (a.isObj() && (b.isInt() || b.isBool())) { seq = &a; count = &b; }
        else if (b.isObj() && (a.isInt() || a.isBool())) { seq = &b; count = &a; }
        if (seq) {
            const int64_t n = std::max<int64_t>(0, asInt(*count));
            const ObjType t = seq->o->type;
            if (t == ObjType::Str) {
                const auto& s = asStr(*seq)->s;
                if (!checkSize(static_cast<uint64_t>(n) * s.size(), 1)) return false;
                std::string r;
                r.reserve(n * s.size());
                for (int64_t k = 0; k < n; ++k) r += s;
                out = newStr(std::move(r));
                return true;
            }
            if (t == ObjType::List || t == ObjType::Tuple) {
                auto& items = asList(*seq)->items;
                if (!checkSize(static_cast<uint64_t>(n) * items.size(), sizeof(Value))) return false;
                ListObj* l = t == ObjType::List ? newList() : newTuple();
                l->items.reserve(n * items.size());
                for (int64_t k = 0; k < n; ++k) l->items.insert(l->items.end(), items.begin(), items.end());
                account(l->items.size() * sizeof(Value));
                out = Value::object(l);
                return true;
            }
        }
    }
    {
        const char* name;
        opName(op, name);
        const bool str_int = (isObjType(a, ObjType::Str) && (b.isInt() || b.isFloat())) ||
                             (isObjType(b, ObjType::Str) && (a.isInt() || a.isFloat()));
        Diagnostic& d = raise(ExcKind::TypeError, "py.err.bad_operands");
        d.arg("op", name).arg("left", typeName(a)).arg("right", typeName(b));
        if (str_int && op == Op::Add) d.hint(isObjType(a, ObjType::Str) ? "py.hint.str_plus_int" : "py.hint.int_plus_str");
        return false;
    }
overflow:
    return fail(ExcKind::OverflowError, "py.err.int_overflow");
}

bool Vm::Impl::unary(Op op, const Value& a, Value& out) {
    if (op == Op::Not) { out = Value::boolean(!truthy(a)); return true; }
    if (a.isInt() || a.isBool()) {
        const int64_t x = asInt(a);
        if (op == Op::Neg) {
            if (x == INT64_MIN) return fail(ExcKind::OverflowError, "py.err.int_overflow");
            out = Value::integer(-x);
        } else if (op == Op::Pos) out = Value::integer(x);
        else out = Value::integer(~x);
        return true;
    }
    if (a.isFloat() && op != Op::Invert) { out = Value::real(op == Op::Neg ? -a.f : a.f); return true; }
    const char* name = op == Op::Neg ? "-" : op == Op::Pos ? "+" : "~";
    raise(ExcKind::TypeError, "py.err.bad_unary").arg("op", name).arg("type", typeName(a));
    return false;
}

bool Vm::Impl::compare(Op op, const Value& a, const Value& b, Value& out) {
    bool r = false;
    switch (op) {
        case Op::Eq: if (!equals(a, b, r)) return false; break;
        case Op::Ne: if (!equals(a, b, r)) return false; r = !r; break;
        case Op::Lt: if (!less(a, b, r)) return false; break;
        case Op::Gt: if (!less(b, a, r)) return false; break;
        case Op::Le:
            if (numeric(a) && numeric(b)) { const int c = cmpNumbers(a, b); r = c == -1 || c == 0; break; }
            if (!less(b, a, r)) return false;
            r = !r;
            break;
        case Op::Ge:
            if (numeric(a) && numeric(b)) { const int c = cmpNumbers(a, b); r = c == 1 || c == 0; break; }
            if (!less(a, b, r)) return false;
            r = !r;
            break;
        case Op::In: if (!contains(b, a, r)) return false; break;
        case Op::NotIn: if (!contains(b, a, r)) return false; r = !r; break;
        case Op::Is:
        case Op::IsNot:
            if (a.type != b.type) r = false;
            else if (a.type == ValueType::None) r = true;
            else if (a.type == ValueType::Float) r = a.f == b.f;
            else r = a.i == b.i;
            if (op == Op::IsNot) r = !r;
            break;
        default: break;
    }
    out = Value::boolean(r);
    return true;
}

// ============================== 6 items and slices ==============================

bool Vm::Impl::normalizeIndex(int64_t& i, int64_t len, const Value& c) {
    const int64_t orig = i;
    if (i < 0) i += len;
    if (i < 0 || i >= len) {
        Diagnostic& d = raise(ExcKind::IndexError, isObjType(c, ObjType::Str) ? "py.err.str_index_range" : "py.err.index_range");
        d.arg("index", orig).arg("n", len).arg("type", typeName(c));
        d.arg("last", len - 1);
        d.hint(len == 0 ? "py.hint.index_empty" : "py.hint.index_range");
        return false;
    }
    return true;
}

static bool sliceValue(const Value& v, int64_t& out, bool& given) {
    given = !v.isNone();
    if (!given) return true;
    if (v.isInt() || v.isBool()) { out = asInt(v); return true; }
    return false;
}

bool Vm::Impl::sliceIndices(SliceObj* sl, int64_t len, int64_t& start, int64_t& stop, int64_t& step) {
    int64_t a = 0, b = 0, c = 1;
    bool ga, gb, gc;
    if (!sliceValue(sl->start, a, ga) || !sliceValue(sl->stop, b, gb) || !sliceValue(sl->step, c, gc))
        return fail(ExcKind::TypeError, "py.err.slice_not_int");
    if (!gc) c = 1;
    if (c == 0) return fail(ExcKind::ValueError, "py.err.slice_step_zero");
    auto clamp = [&](int64_t x, bool given, int64_t dflt) {
        if (!given) return dflt;
        if (x < 0) { x += len; if (x < 0) x = c < 0 ? -1 : 0; }
        else if (x >= len) x = c < 0 ? len - 1 : len;
        return x;
    };
    start = clamp(a, ga, c < 0 ? len - 1 : 0);
    stop = clamp(b, gb, c < 0 ? -1 : len);
    step = c;
    return true;
}

bool Vm::Impl::getItem(const Value& c, const Value& key, Value& out) {
    if (c.isObj()) {
        const ObjType t = c.o->type;
        if (t == ObjType::List || t == ObjType::Tuple) {
            auto& items = asList(c)->items;
            if (key.isInt() || key.isBool()) {
                int64_t i = asInt(key);
                if (!normalizeIndex(i, static_cast<int64_t>(items.size()), c)) return false;
                out = items[i];
                return true;
            }
            if (isObjType(key, ObjType::Slice)) {
                int64_t a, b, s;
                if (!sliceIndices(static_cast<SliceObj*>(key.o), static_cast<int64_t>(items.size()), a, b, s)) return false;
                ListObj* l = t == ObjType::List ? newList() : newTuple();
                for (int64_t i = a; s > 0 ? i < b : i > b; i += s) l->items.push_back(items[i]);
                account(l->items.size() * sizeof(Value));
                out = Value::object(l);
                return true;
            }
            raise(ExcKind::TypeError, "py.err.index_not_int").arg("type", typeName(c)).arg("key", typeName(key));
            return false;
        }
        if (t == ObjType::Str) {
            StrObj* s = asStr(c);
            if (key.isInt() || key.isBool()) {
                int64_t i = asInt(key);
                if (!normalizeIndex(i, strLength(s), c)) return false;
                out = charAt(s, i);
                return true;
            }
            if (isObjType(key, ObjType::Slice)) {
                int64_t a, b, st;
                const int64_t len = strLength(s);
                if (!sliceIndices(static_cast<SliceObj*>(key.o), len, a, b, st)) return false;
                std::string r;
                if (isAsciiStr(s)) {
                    if (st == 1) { if (b > a) r.assign(s->s, a, b - a); }
                    else for (int64_t i = a; st > 0 ? i < b : i > b; i += st) r += s->s[i];
                } else {
                    const std::u32string cps = text::toCodepoints(s->s);
                    for (int64_t i = a; st > 0 ? i < b : i > b; i += st) text::appendUtf8(r, cps[i]);
                }
                out = newStr(std::move(r));
                return true;
            }
            raise(ExcKind::TypeError, "py.err.index_not_int").arg("type", "str").arg("key", typeName(key));
            return false;
        }
        if (t == ObjType::Dict) {
            bool found = false;
            if (!dictGet(asDict(c), key, out, found)) return false;
            if (!found) {
                std::string k;
                if (!repr(key, k)) return false;
                raise(ExcKind::KeyError, "py.err.key_missing").arg("key", k).hint("py.hint.key_missing");
                return false;
            }
            return true;
        }
        if (t == ObjType::Range) {
            auto* r = static_cast<RangeObj*>(c.o);
            if (key.isInt() || key.isBool()) {
                int64_t i = asInt(key);
                if (!normalizeIndex(i, r->length(), c)) return false;
                out = Value::integer(r->start + i * r->step);
                return true;
            }
        }
    }
    raise(ExcKind::TypeError, "py.err.not_subscriptable").arg("type", typeName(c));
    return false;
}

bool Vm::Impl::setItem(const Value& c, const Value& key, const Value& v) {
    if (isObjType(c, ObjType::List)) {
        auto& items = asList(c)->items;
        if (key.isInt() || key.isBool()) {
            int64_t i = asInt(key);
            if (!normalizeIndex(i, static_cast<int64_t>(items.size()), c)) return false;
            items[i] = v;
            return true;
        }
        if (isObjType(key, ObjType::Slice)) {
            int64_t a, b, s;
            if (!sliceIndices(static_cast<SliceObj*>(key.o), static_cast<int64_t>(items.size()), a, b, s)) return false;
            std::vector<Value> repl;
            if (!toList(v, repl)) return false;
            if (s != 1) return fail(ExcKind::ValueError, "py.err.slice_assign_step");
            if (b < a) b = a;
            items.erase(items.begin() + a, items.begin() + b);
            items.insert(items.begin() + a, repl.begin(), repl.end());
            return true;
        }
        raise(ExcKind::TypeError, "py.err.index_not_int").arg("type", "list").arg("key", typeName(key));
        return false;
    }
    if (isObjType(c, ObjType::Dict)) return dictSet(asDict(c), key, v);
    raise(ExcKind::TypeError, "py.err.no_item_assign").arg("type", typeName(c));
    return false;
}

bool Vm::Impl::delItem(const Value& c, const Value& key) {
    if (isObjType(c, ObjType::List) && (key.isInt() || key.isBool())) {
        auto& items = asList(c)->items;
        int64_t i = asInt(key);
        if (!normalizeIndex(i, static_cast<int64_t>(items.size()), c)) return false;
        items.erase(items.begin() + i);
        return true;
    }
    if (isObjType(c, ObjType::Dict)) {
        Value old;
        bool found = false;
        if (!dictRemove(asDict(c), key, old, found)) return false;
        if (!found) {
            std::string k;
            if (!repr(key, k)) return false;
            raise(ExcKind::KeyError, "py.err.key_missing").arg("key", k);
            return false;
        }
        return true;
    }
    raise(ExcKind::TypeError, "py.err.no_item_delete").arg("type", typeName(c));
    return false;
}

bool Vm::Impl::length(const Value& v, int64_t& out) {
    if (v.isObj()) {
        switch (v.o->type) {
            case ObjType::Str: out = strLength(asStr(v)); return true;
            case ObjType::List:
            case ObjType::Tuple: out = static_cast<int64_t>(asList(v)->items.size()); return true;
            case ObjType::Dict: out = static_cast<int64_t>(asDict(v)->live); return true;
            case ObjType::Range: out = static_cast<RangeObj*>(v.o)->length(); return true;
            case ObjType::DictView: out = static_cast<int64_t>(static_cast<DictViewObj*>(v.o)->dict->live); return true;
            default: break;
        }
    }
    raise(ExcKind::TypeError, "py.err.no_len").arg("type", typeName(v));
    return false;
}

// ============================== 7 iteration ==============================

bool Vm::Impl::getIter(const Value& v, Value& out) {
    if (v.isObj()) {
        IterObj* it = nullptr;
        switch (v.o->type) {
            case ObjType::Iterator: out = v; return true;
            case ObjType::Range: {
                auto* r = static_cast<RangeObj*>(v.o);
                it = alloc(new IterObj());
                it->kind = IterKind::Range;
                it->pos = r->start; it->stop = r->stop; it->step = r->step;
                break;
            }
            case ObjType::List:
            case ObjType::Tuple:
                it = alloc(new IterObj());
                it->kind = IterKind::Seq;
                it->source = v;
                break;
            case ObjType::Str:
                it = alloc(new IterObj());
                it->kind = IterKind::Str;
                it->source = v;
                break;
            case ObjType::Dict:
                it = alloc(new IterObj());
                it->kind = IterKind::DictKeys;
                it->source = v;
                it->stop = static_cast<int64_t>(asDict(v)->live);
                break;
            case ObjType::DictView: {
                auto* dv = static_cast<DictViewObj*>(v.o);
                it = alloc(new IterObj());
                it->kind = dv->kind == 0 ? IterKind::DictKeys : dv->kind == 1 ? IterKind::DictValues : IterKind::DictItems;
                it->source = Value::object(dv->dict);
                it->stop = static_cast<int64_t>(dv->dict->live);
                break;
            }
            default: break;
        }
        if (it) { out = Value::object(it); return true; }
    }
    raise(ExcKind::TypeError, "py.err.not_iterable").arg("type", typeName(v));
    return false;
}

bool Vm::Impl::iterNext(IterObj* it, Value& out, bool& done) {
    done = false;
    switch (it->kind) {
        case IterKind::Range:
            if (it->step > 0 ? it->pos < it->stop : it->pos > it->stop) {
                out = Value::integer(it->pos);
                it->pos += it->step;
                return true;
            }
            break;
        case IterKind::Seq: {
            auto& items = asList(it->source)->items;
            if (it->pos < static_cast<int64_t>(items.size())) { out = items[it->pos++]; return true; }
            break;
        }
        case IterKind::Reversed: {
            if (it->pos > 0) {
                auto& items = asList(it->source)->items;
                --it->pos;
                if (it->pos < static_cast<int64_t>(items.size())) { out = items[it->pos]; return true; }
            }
            break;
        }
        case IterKind::Str: {
            const std::string& s = asStr(it->source)->s;
            if (it->pos < static_cast<int64_t>(s.size())) {
                const unsigned char c = static_cast<unsigned char>(s[it->pos]);
                if (c < 128) { out = Value::object(ascii_chars[c]); it->pos++; return true; }
                const auto d = text::decodeUtf8(s, it->pos);
                it->pos += d.length;
                out = strChar(d.cp);
                return true;
            }
            break;
        }
        case IterKind::DictKeys:
        case IterKind::DictValues:
        case IterKind::DictItems: {
            DictObj* d = asDict(it->source);
            if (static_cast<int64_t>(d->live) != it->stop) return fail(ExcKind::ValueError, "py.err.dict_changed");
            while (it->pos < static_cast<int64_t>(d->entries.size())) {
                DictEntry& e = d->entries[it->pos++];
                if (!e.live) continue;
                if (it->kind == IterKind::DictKeys) out = e.key;
                else if (it->kind == IterKind::DictValues) out = e.value;
                else {
                    ListObj* t = newTuple();
                    t->items = {e.key, e.value};
                    out = Value::object(t);
                }
                return true;
            }
            break;
        }
        case IterKind::Enumerate: {
            Value x;
            if (!iterNext(static_cast<IterObj*>(it->source.o), x, done)) return false;
            if (done) return true;
            ListObj* t = newTuple();
            t->items = {Value::integer(it->pos++), x};
            out = Value::object(t);
            return true;
        }
        case IterKind::Zip: {
            ListObj* t = newTuple();
            t->items.reserve(it->inner.size());
            for (auto& inner : it->inner) {
                Value x;
                if (!iterNext(static_cast<IterObj*>(inner.o), x, done)) return false;
                if (done) return true;
                t->items.push_back(x);
            }
            out = Value::object(t);
            return true;
        }
        default: break;
    }
    done = true;
    return true;
}

bool Vm::Impl::toList(const Value& v, std::vector<Value>& out) {
    if (isObjType(v, ObjType::List) || isObjType(v, ObjType::Tuple)) {
        out = asList(v)->items;
        return true;
    }
    Value itv;
    if (!getIter(v, itv)) return false;
    auto* it = static_cast<IterObj*>(itv.o);
    for (;;) {
        Value x;
        bool done = false;
        if (!iterNext(it, x, done)) return false;
        if (done) return true;
        out.push_back(x);
        if ((out.size() & 0xFFFF) == 0 && !checkSize(out.size(), sizeof(Value) * 4)) return false;
    }
}

// ============================== 8 dict ==============================

int64_t Vm::Impl::dictFind(DictObj* d, const Value& key, uint64_t h, bool& ok) {
    ok = true;
    if (d->index.empty()) return -1;
    const size_t mask = d->index.size() - 1;
    size_t i = h & mask;
    for (size_t probe = 1;; ++probe) {
        const int32_t slot = d->index[i];
        if (slot == -1) return -1;
        if (slot >= 0) {
            DictEntry& e = d->entries[slot];
            if (e.hash == h) {
                if (key.type == e.key.type && key.type == ValueType::Int) {
                    if (key.i == e.key.i) return slot;
                } else {
                    bool eq = false;
                    if (!equals(e.key, key, eq)) { ok = false; return -1; }
                    if (eq) return slot;
                }
            }
        }
        i = (i + probe) & mask;
    }
}

void Vm::Impl::dictRehash(DictObj* d, size_t capacity) {
    std::vector<DictEntry> live;
    live.reserve(d->live + 1);
    for (auto& e : d->entries)
        if (e.live) live.push_back(e);
    d->entries = std::move(live);
    d->index.assign(capacity, -1);
    const size_t mask = capacity - 1;
    for (size_t k = 0; k < d->entries.size(); ++k) {
        size_t i = d->entries[k].hash & mask;
        for (size_t probe = 1; d->index[i] != -1; ++probe) i = (i + probe) & mask;
        d->index[i] = static_cast<int32_t>(k);
    }
    account(capacity * 4 + d->entries.capacity() * sizeof(DictEntry));
}

bool Vm::Impl::dictGet(DictObj* d, const Value& key, Value& out, bool& found) {
    uint64_t h;
    if (!hash(key, h)) return false;
    bool ok;
    const int64_t slot = dictFind(d, key, h, ok);
    if (!ok) return false;
    found = slot >= 0;
    if (found) out = d->entries[slot].value;
    return true;
}

bool Vm::Impl::dictSet(DictObj* d, const Value& key, const Value& value) {
    uint64_t h;
    if (!hash(key, h)) return false;
    bool ok;
    const int64_t slot = dictFind(d, key, h, ok);
    if (!ok) return false;
    if (slot >= 0) { d->entries[slot].value = value; return true; }
    if ((d->entries.size() + 1) * 3 >= d->index.size() * 2) {
        size_t cap = 8;
        while (cap * 2 <= (d->live + 1) * 3) cap *= 2;
        if (!checkSize(cap, 4 + sizeof(DictEntry))) return false;
        dictRehash(d, cap * 2 > 8 ? cap * 2 : 8);
    }
    const size_t mask = d->index.size() - 1;
    size_t i = h & mask;
    for (size_t probe = 1; d->index[i] >= 0; ++probe) i = (i + probe) & mask;
    d->index[i] = static_cast<int32_t>(d->entries.size());
    d->entries.push_back(DictEntry{h, key, value, true});
    d->live++;
    return true;
}

bool Vm::Impl::dictRemove(DictObj* d, const Value& key, Value& out, bool& found) {
    uint64_t h;
    if (!hash(key, h)) return false;
    bool ok;
    found = false;
    if (d->index.empty()) return true;
    const size_t mask = d->index.size() - 1;
    size_t i = h & mask;
    for (size_t probe = 1;; ++probe) {
        const int32_t slot = d->index[i];
        if (slot == -1) return true;
        if (slot >= 0 && d->entries[slot].hash == h) {
            bool eq = false;
            if (!equals(d->entries[slot].key, key, eq)) return false;
            if (eq) {
                out = d->entries[slot].value;
                d->entries[slot].live = false;
                d->entries[slot].key = Value();
                d->entries[slot].value = Value();
                d->index[i] = -2;
                d->live--;
                found = true;
                return true;
            }
        }
        (void)ok;
        i = (i + probe) & mask;
    }
}

}  // namespace sandyq::program
