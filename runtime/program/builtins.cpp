// program/builtins.cpp — builtin functions, methods of str/list/tuple/dict, `math` and `random`.
// Sections: 1 tables · 2 argument helpers · 3 builtin functions · 4 modules · 5 methods ·
// 6 formatting and sorting.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "core/utf8.h"
#include "program/vm_impl.h"

namespace sandyq::program {

// ============================== 1 tables ==============================

namespace {

struct BuiltinName {
    BuiltinKind kind;
    const char* name;
};

constexpr BuiltinName kBuiltinNames[] = {
    {BuiltinKind::Print, "print"}, {BuiltinKind::Input, "input"}, {BuiltinKind::Len, "len"},
    {BuiltinKind::Range, "range"}, {BuiltinKind::Abs, "abs"}, {BuiltinKind::Min, "min"},
    {BuiltinKind::Max, "max"}, {BuiltinKind::Sum, "sum"}, {BuiltinKind::Round, "round"},
    {BuiltinKind::Int, "int"}, {BuiltinKind::Float, "float"}, {BuiltinKind::Str, "str"},
    {BuiltinKind::Bool, "bool"}, {BuiltinKind::List, "list"}, {BuiltinKind::Tuple, "tuple"},
    {BuiltinKind::Dict, "dict"}, {BuiltinKind::Sorted, "sorted"}, {BuiltinKind::Reversed, "reversed"},
    {BuiltinKind::Enumerate, "enumerate"}, {BuiltinKind::Zip, "zip"}, {BuiltinKind::IsInstance, "isinstance"},
    {BuiltinKind::Type, "type"}, {BuiltinKind::Chr, "chr"}, {BuiltinKind::Ord, "ord"},
    {BuiltinKind::DivMod, "divmod"}, {BuiltinKind::Pow, "pow"}, {BuiltinKind::Any, "any"},
    {BuiltinKind::All, "all"}, {BuiltinKind::Map, "map"}, {BuiltinKind::Filter, "filter"},
    {BuiltinKind::Repr, "repr"}, {BuiltinKind::Format, "format"}, {BuiltinKind::Bin, "bin"},
    {BuiltinKind::Hex, "hex"}, {BuiltinKind::Oct, "oct"},
    {BuiltinKind::MathSqrt, "sqrt"}, {BuiltinKind::MathFloor, "floor"}, {BuiltinKind::MathCeil, "ceil"},
    {BuiltinKind::MathFabs, "fabs"}, {BuiltinKind::MathPow, "pow"}, {BuiltinKind::MathGcd, "gcd"},
    {BuiltinKind::MathFactorial, "factorial"}, {BuiltinKind::MathSin, "sin"}, {BuiltinKind::MathCos, "cos"},
    {BuiltinKind::MathTan, "tan"}, {BuiltinKind::MathLog, "log"}, {BuiltinKind::MathLog10, "log10"},
    {BuiltinKind::MathLog2, "log2"}, {BuiltinKind::MathExp, "exp"}, {BuiltinKind::MathHypot, "hypot"},
    {BuiltinKind::MathTrunc, "trunc"}, {BuiltinKind::MathIsqrt, "isqrt"}, {BuiltinKind::MathRadians, "radians"},
    {BuiltinKind::MathDegrees, "degrees"},
    {BuiltinKind::RandomRandint, "randint"}, {BuiltinKind::RandomRandom, "random"},
    {BuiltinKind::RandomChoice, "choice"}, {BuiltinKind::RandomShuffle, "shuffle"},
    {BuiltinKind::RandomSeed, "seed"}, {BuiltinKind::RandomRandrange, "randrange"},
    {BuiltinKind::RandomUniform, "uniform"},
};

struct MethodName {
    ObjType type;
    MethodId id;
    const char* name;
};

constexpr MethodName kMethods[] = {
    {ObjType::List, MethodId::ListAppend, "append"}, {ObjType::List, MethodId::ListPop, "pop"},
    {ObjType::List, MethodId::ListInsert, "insert"}, {ObjType::List, MethodId::ListRemove, "remove"},
    {ObjType::List, MethodId::ListIndex, "index"}, {ObjType::List, MethodId::ListCount, "count"},
    {ObjType::List, MethodId::ListSort, "sort"}, {ObjType::List, MethodId::ListReverse, "reverse"},
    {ObjType::List, MethodId::ListExtend, "extend"}, {ObjType::List, MethodId::ListCopy, "copy"},
    {ObjType::List, MethodId::ListClear, "clear"},
    {ObjType::Str, MethodId::StrUpper, "upper"}, {ObjType::Str, MethodId::StrLower, "lower"},
    {ObjType::Str, MethodId::StrSplit, "split"}, {ObjType::Str, MethodId::StrJoin, "join"},
    {ObjType::Str, MethodId::StrStrip, "strip"}, {ObjType::Str, MethodId::StrLstrip, "lstrip"},
    {ObjType::Str, MethodId::StrRstrip, "rstrip"}, {ObjType::Str, MethodId::StrReplace, "replace"},
    {ObjType::Str, MethodId::StrFind, "find"}, {ObjType::Str, MethodId::StrStartswith, "startswith"},
    {ObjType::Str, MethodId::StrEndswith, "endswith"}, {ObjType::Str, MethodId::StrIsdigit, "isdigit"},
    {ObjType::Str, MethodId::StrIsalpha, "isalpha"}, {ObjType::Str, MethodId::StrIsalnum, "isalnum"},
    {ObjType::Str, MethodId::StrIsupper, "isupper"}, {ObjType::Str, MethodId::StrIslower, "islower"},
    {ObjType::Str, MethodId::StrIsspace, "isspace"}, {ObjType::Str, MethodId::StrCount, "count"},
    {ObjType::Str, MethodId::StrCapitalize, "capitalize"}, {ObjType::Str, MethodId::StrTitle, "title"},
    {ObjType::Str, MethodId::StrIndex, "index"}, {ObjType::Str, MethodId::StrFormat, "format"},
    {ObjType::Str, MethodId::StrCenter, "center"}, {ObjType::Str, MethodId::StrLjust, "ljust"},
    {ObjType::Str, MethodId::StrRjust, "rjust"}, {ObjType::Str, MethodId::StrZfill, "zfill"},
    {ObjType::Str, MethodId::StrSwapcase, "swapcase"}, {ObjType::Str, MethodId::StrIsdigit, "isnumeric"},
    {ObjType::Str, MethodId::StrIsdigit, "isdecimal"},
    {ObjType::Tuple, MethodId::TupleIndex, "index"}, {ObjType::Tuple, MethodId::TupleCount, "count"},
    {ObjType::Dict, MethodId::DictGet, "get"}, {ObjType::Dict, MethodId::DictKeys, "keys"},
    {ObjType::Dict, MethodId::DictValues, "values"}, {ObjType::Dict, MethodId::DictItems, "items"},
    {ObjType::Dict, MethodId::DictPop, "pop"}, {ObjType::Dict, MethodId::DictSetdefault, "setdefault"},
    {ObjType::Dict, MethodId::DictUpdate, "update"}, {ObjType::Dict, MethodId::DictCopy, "copy"},
    {ObjType::Dict, MethodId::DictClear, "clear"},
};

const char* methodName(MethodId id) {
    for (auto& m : kMethods)
        if (m.id == id) return m.name;
    return "?";
}

bool isIntLike(const Value& v) { return v.isInt() || v.isBool(); }
int64_t intOf(const Value& v) { return v.isBool() ? v.b : v.i; }
bool isNumber(const Value& v) { return v.isInt() || v.isBool() || v.isFloat(); }
double floatOf(const Value& v) { return v.isFloat() ? v.f : static_cast<double>(intOf(v)); }

bool isTypeKind(BuiltinKind k) {
    switch (k) {
        case BuiltinKind::Int: case BuiltinKind::Float: case BuiltinKind::Str: case BuiltinKind::Bool:
        case BuiltinKind::List: case BuiltinKind::Tuple: case BuiltinKind::Dict: case BuiltinKind::Range:
        case BuiltinKind::None:
            return true;
        default: return false;
    }
}

bool isSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0xA0 || c == 0x3000; }

size_t cpIndexOfByte(const std::string& s, size_t byte_pos) {
    return text::codepointCount(std::string_view(s).substr(0, byte_pos));
}

// Byte offset of code point `index` (clamped to the end).
size_t byteOfCp(const std::string& s, int64_t index) {
    size_t pos = 0;
    for (int64_t k = 0; k < index && pos < s.size(); ++k) pos += text::decodeUtf8(s, pos).length;
    return pos;
}

}  // namespace

MethodId Vm::Impl::findMethod(ObjType type, std::string_view name) const {
    for (auto& m : kMethods)
        if (m.type == type && name == m.name) return m.id;
    return MethodId::None;
}

BuiltinObj* Vm::Impl::makeBuiltin(BuiltinKind kind, std::string_view name) {
    BuiltinObj* b = alloc(new BuiltinObj());
    b->kind = static_cast<uint32_t>(kind);
    b->name = std::string(name);
    return b;
}

void Vm::Impl::installBuiltins() {
    builtins.assign(static_cast<size_t>(BuiltinKind::Count_), nullptr);
    for (auto& bn : kBuiltinNames) builtins[static_cast<size_t>(bn.kind)] = makeBuiltin(bn.kind, bn.name);
}

uint64_t Vm::Impl::nextRandom() {  // xoshiro256**
    auto rotl = [](uint64_t x, int k) { return (x << k) | (x >> (64 - k)); };
    const uint64_t result = rotl(rng[1] * 5, 7) * 9;
    const uint64_t t = rng[1] << 17;
    rng[2] ^= rng[0]; rng[3] ^= rng[1]; rng[1] ^= rng[2]; rng[0] ^= rng[3];
    rng[2] ^= t;
    rng[3] = rotl(rng[3], 45);
    return result;
}

// ============================== 2 argument helpers ==============================

namespace {

struct Args {
    Vm::Impl& im;
    const char* fname;
    const Value* a;
    int n;
    const StrObj* const* kw_names;
    const Value* kw_values;
    int kwc;

    bool count(int lo, int hi) {
        if (n >= lo && n <= hi) return true;
        Diagnostic& d = im.raise(ExcKind::TypeError, lo == hi ? "py.err.arg_count_exact" : n < lo ? "py.err.arg_count_min" : "py.err.arg_count_max");
        d.arg("name", fname).arg("n", static_cast<int64_t>(n < lo ? lo : hi)).arg("given", static_cast<int64_t>(n));
        return false;
    }
    // Accepts only the listed keyword names.
    bool keywords(std::initializer_list<const char*> allowed) {
        for (int k = 0; k < kwc; ++k) {
            bool ok = false;
            for (const char* name : allowed)
                if (kw_names[k]->s == name) ok = true;
            if (!ok) {
                im.raise(ExcKind::TypeError, "py.err.unexpected_keyword").arg("name", fname).arg("keyword", kw_names[k]->s);
                return false;
            }
        }
        return true;
    }
    const Value* kw(const char* name) const {
        for (int k = 0; k < kwc; ++k)
            if (kw_names[k]->s == name) return &kw_values[k];
        return nullptr;
    }
    bool integer(int i, int64_t& out) {
        if (isIntLike(a[i])) { out = intOf(a[i]); return true; }
        im.raise(ExcKind::TypeError, "py.err.arg_type_int").arg("name", fname).arg("type", im.typeName(a[i]));
        return false;
    }
    bool number(int i, double& out) {
        if (isNumber(a[i])) { out = floatOf(a[i]); return true; }
        im.raise(ExcKind::TypeError, "py.err.arg_type_number").arg("name", fname).arg("type", im.typeName(a[i]));
        return false;
    }
    bool string(int i, StrObj*& out) {
        if (isObjType(a[i], ObjType::Str)) { out = asStr(a[i]); return true; }
        im.raise(ExcKind::TypeError, "py.err.arg_type_str").arg("name", fname).arg("type", im.typeName(a[i]));
        return false;
    }
};

}  // namespace

// ============================== 3 builtin functions ==============================

static bool parseIntText(std::string_view s, int64_t base, int64_t& out) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) --e;
    if (b == e) return false;
    bool neg = false;
    if (s[b] == '+' || s[b] == '-') { neg = s[b] == '-'; ++b; }
    if (b == e) return false;
    if (base == 0) {
        base = 10;
        if (e - b > 2 && s[b] == '0') {
            const char c = static_cast<char>(s[b + 1] | 0x20);
            if (c == 'x') { base = 16; b += 2; } else if (c == 'o') { base = 8; b += 2; } else if (c == 'b') { base = 2; b += 2; }
        }
    } else if (e - b > 2 && s[b] == '0') {
        const char c = static_cast<char>(s[b + 1] | 0x20);
        if ((base == 16 && c == 'x') || (base == 8 && c == 'o') || (base == 2 && c == 'b')) b += 2;
    }
    uint64_t v = 0;
    bool prev_digit = false;
    for (size_t i = b; i < e; ++i) {
        const char c = s[i];
        if (c == '_' && prev_digit && i + 1 < e) { prev_digit = false; continue; }
        int d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
        else return false;
        if (d >= base) return false;
        if (v > (UINT64_MAX - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) return false;
        v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
        prev_digit = true;
    }
    if (!prev_digit) return false;
    if (neg ? v > static_cast<uint64_t>(INT64_MAX) + 1 : v > static_cast<uint64_t>(INT64_MAX)) return false;
    out = neg ? static_cast<int64_t>(0 - v) : static_cast<int64_t>(v);
    return true;
}

static bool parseFloatText(std::string_view s, double& out) {
    std::string t;
    for (char c : s)
        if (c != '_') t += c;
    size_t b = t.find_first_not_of(" \t\n\r");
    if (b == std::string::npos) return false;
    size_t e = t.find_last_not_of(" \t\n\r");
    t = t.substr(b, e - b + 1);
    std::string low = text::toLower(t);
    std::string body = low;
    double sign = 1;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) { sign = body[0] == '-' ? -1 : 1; body = body.substr(1); }
    if (body == "inf" || body == "infinity") { out = sign * HUGE_VAL; return true; }
    if (body == "nan") { out = std::nan(""); return true; }
    for (char c : body)
        if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == '+' || c == '-')) return false;
    char* end = nullptr;
    out = std::strtod(t.c_str(), &end);
    return end && *end == 0 && end != t.c_str();
}

static bool floatToInt(Vm::Impl& im, double d, int64_t& out) {
    if (std::isnan(d)) return im.fail(ExcKind::ValueError, "py.err.float_nan_to_int");
    if (std::isinf(d)) return im.fail(ExcKind::OverflowError, "py.err.float_inf_to_int");
    const double t = std::trunc(d);
    if (t >= 9.2233720368547758e18 || t < -9.2233720368547758e18) return im.fail(ExcKind::OverflowError, "py.err.int_overflow");
    out = static_cast<int64_t>(t);
    return true;
}

bool Vm::Impl::callBuiltin(BuiltinObj* b, const Value* argv, int argc, const StrObj* const* kw_names,
                           const Value* kw_values, int kwc, Value& out) {
    const auto kind = static_cast<BuiltinKind>(b->kind);
    Args A{*this, b->name.c_str(), argv, argc, kw_names, kw_values, kwc};
    out = Value();
    if (kwc > 0) {
        switch (kind) {
            case BuiltinKind::Print: case BuiltinKind::Sorted: case BuiltinKind::Min: case BuiltinKind::Max:
            case BuiltinKind::Enumerate: case BuiltinKind::Dict: case BuiltinKind::Sum: case BuiltinKind::Int:
                break;
            default:
                raise(ExcKind::TypeError, "py.err.unexpected_keyword").arg("name", b->name).arg("keyword", kw_names[0]->s);
                return false;
        }
    }
    switch (kind) {
        case BuiltinKind::Print: {
            if (!A.keywords({"sep", "end", "flush"})) return false;
            std::string sep = " ", end = "\n";
            if (const Value* v = A.kw("sep"); v && !v->isNone()) {
                if (!isObjType(*v, ObjType::Str)) return typeError("py.err.print_sep_str", *v);
                sep = asStr(*v)->s;
            }
            if (const Value* v = A.kw("end"); v && !v->isNone()) {
                if (!isObjType(*v, ObjType::Str)) return typeError("py.err.print_sep_str", *v);
                end = asStr(*v)->s;
            }
            std::string line;
            for (int k = 0; k < argc; ++k) {
                if (k) line += sep;
                if (!str(argv[k], line)) return false;
            }
            line += end;
            host.write(line);
            return true;
        }
        case BuiltinKind::Input: {
            if (!A.count(0, 1)) return false;
            std::string prompt;
            if (argc == 1 && !str(argv[0], prompt)) return false;
            if (native_depth > 0) return fail(ExcKind::TypeError, "py.err.input_not_here");
            if (!prompt.empty()) host.write(prompt);
            std::string line;
            switch (host.readLine(prompt, line)) {
                case InputReply::Line:
                    if (!line.empty() && line.back() == '\n') line.pop_back();
                    if (!line.empty() && line.back() == '\r') line.pop_back();
                    out = newStr(std::move(line));
                    return true;
                case InputReply::Pending: vm.waiting_input_ = true; return true;
                default: return fail(ExcKind::EOFError, "py.err.eof");
            }
        }
        case BuiltinKind::Len: {
            if (!A.count(1, 1)) return false;
            int64_t n;
            if (!length(argv[0], n)) return false;
            out = Value::integer(n);
            return true;
        }
        case BuiltinKind::Range: {
            if (!A.count(1, 3)) return false;
            int64_t v[3] = {0, 0, 1};
            for (int k = 0; k < argc; ++k)
                if (!isIntLike(argv[k])) {
                    Diagnostic& d = raise(ExcKind::TypeError, "py.err.range_int").arg("type", typeName(argv[k]));
                    if (argv[k].isFloat()) d.hint("py.hint.range_float");
                    return false;
                }
            if (argc == 1) v[1] = intOf(argv[0]);
            else { v[0] = intOf(argv[0]); v[1] = intOf(argv[1]); if (argc == 3) v[2] = intOf(argv[2]); }
            if (v[2] == 0) return fail(ExcKind::ValueError, "py.err.range_step_zero");
            auto* r = alloc(new RangeObj());
            r->start = v[0]; r->stop = v[1]; r->step = v[2];
            out = Value::object(r);
            return true;
        }
        case BuiltinKind::Abs: {
            if (!A.count(1, 1)) return false;
            if (isIntLike(argv[0])) {
                const int64_t x = intOf(argv[0]);
                if (x == INT64_MIN) return fail(ExcKind::OverflowError, "py.err.int_overflow");
                out = Value::integer(x < 0 ? -x : x);
            } else if (argv[0].isFloat()) out = Value::real(std::fabs(argv[0].f));
            else return typeError("py.err.abs_type", argv[0]);
            return true;
        }
        case BuiltinKind::Min:
        case BuiltinKind::Max: {
            if (!A.keywords({"key", "default"})) return false;
            if (argc == 0) return A.count(1, 1);
            std::vector<Value> items;
            if (argc == 1) { if (!toList(argv[0], items)) return false; }
            else items.assign(argv, argv + argc);
            const Value* key = A.kw("key");
            if (items.empty()) {
                if (const Value* d = A.kw("default")) { out = *d; return true; }
                raise(ExcKind::ValueError, "py.err.min_max_empty").arg("name", b->name);
                return false;
            }
            Value best = items[0], best_key = items[0];
            if (key && !key->isNone() && !callValue(*key, &items[0], 1, best_key)) return false;
            for (size_t k = 1; k < items.size(); ++k) {
                Value kv = items[k];
                if (key && !key->isNone() && !callValue(*key, &items[k], 1, kv)) return false;
                bool better = false;
                if (kind == BuiltinKind::Min) { if (!less(kv, best_key, better)) return false; }
                else if (!less(best_key, kv, better)) return false;
                if (better) { best = items[k]; best_key = kv; }
            }
            out = best;
            return true;
        }
        case BuiltinKind::Sum: {
            if (!A.keywords({"start"})) return false;
            if (!A.count(1, 2)) return false;
            Value acc = argc == 2 ? argv[1] : Value::integer(0);
            if (const Value* s = A.kw("start")) acc = *s;
            if (isObjType(acc, ObjType::Str)) return fail(ExcKind::TypeError, "py.err.sum_str");
            Value itv;
            if (!getIter(argv[0], itv)) return false;
            auto* it = static_cast<IterObj*>(itv.o);
            for (;;) {
                Value x;
                bool done = false;
                if (!iterNext(it, x, done)) return false;
                if (done) break;
                if (acc.isInt() && x.isInt()) {
                    int64_t r;
                    if (__builtin_add_overflow(acc.i, x.i, &r)) return fail(ExcKind::OverflowError, "py.err.int_overflow");
                    acc.i = r;
                } else if (!binary(Op::Add, acc, x, acc)) return false;
            }
            out = acc;
            return true;
        }
        case BuiltinKind::Round: {
            if (!A.count(1, 2)) return false;
            const bool has_digits = argc == 2 && !argv[1].isNone();
            int64_t digits = 0;
            if (has_digits && !A.integer(1, digits)) return false;
            if (isIntLike(argv[0])) {
                int64_t x = intOf(argv[0]);
                if (has_digits && digits < 0) {
                    if (digits < -18) { out = Value::integer(0); return true; }
                    int64_t p = 1;
                    for (int64_t k = 0; k < -digits; ++k) p *= 10;
                    int64_t q = x / p, r = x % p;
                    if (r < 0) { r += p; --q; }
                    if (2 * r > p || (2 * r == p && (q & 1))) ++q;
                    x = q * p;
                }
                out = Value::integer(x);
                return true;
            }
            if (!argv[0].isFloat()) return typeError("py.err.round_type", argv[0]);
            if (!has_digits) {
                int64_t r;
                if (!floatToInt(*this, std::nearbyint(argv[0].f), r)) return false;
                out = Value::integer(r);
                return true;
            }
            out = Value::real(roundHalfEven(argv[0].f, digits));
            return true;
        }
        case BuiltinKind::Int: {
            if (!A.keywords({"base"})) return false;
            if (!A.count(0, 2)) return false;
            if (argc == 0) { out = Value::integer(0); return true; }
            const Value& v = argv[0];
            int64_t base = 10;
            const bool has_base = argc == 2 || A.kw("base");
            if (argc == 2 && !A.integer(1, base)) return false;
            if (const Value* kb = A.kw("base")) base = intOf(*kb);
            if (isObjType(v, ObjType::Str)) {
                int64_t r;
                if ((base != 0 && (base < 2 || base > 36)) || !parseIntText(asStr(v)->s, base, r)) {
                    std::string rep;
                    repr(v, rep);
                    Diagnostic& d = raise(ExcKind::ValueError, "py.err.int_literal").arg("text", rep).arg("base", base);
                    double f;
                    if (base == 10 && parseFloatText(asStr(v)->s, f)) d.hint("py.hint.int_of_float_text");
                    else d.hint("py.hint.int_literal");
                    return false;
                }
                out = Value::integer(r);
                return true;
            }
            if (has_base) return fail(ExcKind::TypeError, "py.err.int_base_non_str");
            if (isIntLike(v)) { out = Value::integer(intOf(v)); return true; }
            if (v.isFloat()) {
                int64_t r;
                if (!floatToInt(*this, v.f, r)) return false;
                out = Value::integer(r);
                return true;
            }
            return typeError("py.err.int_type", v);
        }
        case BuiltinKind::Float: {
            if (!A.count(0, 1)) return false;
            if (argc == 0) { out = Value::real(0); return true; }
            const Value& v = argv[0];
            if (isNumber(v)) { out = Value::real(floatOf(v)); return true; }
            if (isObjType(v, ObjType::Str)) {
                double d;
                if (!parseFloatText(asStr(v)->s, d)) {
                    std::string rep;
                    repr(v, rep);
                    raise(ExcKind::ValueError, "py.err.float_literal").arg("text", rep);
                    return false;
                }
                out = Value::real(d);
                return true;
            }
            return typeError("py.err.float_type", v);
        }
        case BuiltinKind::Str: {
            if (!A.count(0, 1)) return false;
            if (argc == 0) { out = newStr(""); return true; }
            if (isObjType(argv[0], ObjType::Str)) { out = argv[0]; return true; }
            std::string s;
            if (!str(argv[0], s)) return false;
            out = newStr(std::move(s));
            return true;
        }
        case BuiltinKind::Repr: {
            if (!A.count(1, 1)) return false;
            std::string s;
            if (!repr(argv[0], s)) return false;
            out = newStr(std::move(s));
            return true;
        }
        case BuiltinKind::Format: {
            if (!A.count(1, 2)) return false;
            StrObj* spec = nullptr;
            if (argc == 2 && !A.string(1, spec)) return false;
            std::string s;
            if (!formatValue(argv[0], spec ? spec->s : std::string(), s)) return false;
            out = newStr(std::move(s));
            return true;
        }
        case BuiltinKind::Bin:
        case BuiltinKind::Hex:
        case BuiltinKind::Oct: {
            if (!A.count(1, 1)) return false;
            int64_t n;
            if (!A.integer(0, n)) return false;
            std::string s;
            formatInt(n, kind == BuiltinKind::Bin ? "#b" : kind == BuiltinKind::Hex ? "#x" : "#o", s);
            out = newStr(std::move(s));
            return true;
        }
        case BuiltinKind::Bool:
            if (!A.count(0, 1)) return false;
            out = Value::boolean(argc == 1 && truthy(argv[0]));
            return true;
        case BuiltinKind::List:
        case BuiltinKind::Tuple: {
            if (!A.count(0, 1)) return false;
            ListObj* l = kind == BuiltinKind::List ? newList() : newTuple();
            out = Value::object(l);
            if (argc == 1) {
                if (isObjType(argv[0], ObjType::Range) && !checkSize(static_cast<uint64_t>(static_cast<RangeObj*>(argv[0].o)->length()), sizeof(Value)))
                    return false;
                if (!toList(argv[0], l->items)) return false;
                account(l->items.size() * sizeof(Value));
            }
            return true;
        }
        case BuiltinKind::Dict: {
            if (!A.count(0, 1)) return false;
            DictObj* d = newDict();
            out = Value::object(d);
            if (argc == 1) {
                if (isObjType(argv[0], ObjType::Dict)) {
                    for (auto& e : asDict(argv[0])->entries)
                        if (e.live && !dictSet(d, e.key, e.value)) return false;
                } else {
                    std::vector<Value> pairs;
                    if (!toList(argv[0], pairs)) return false;
                    for (auto& p : pairs) {
                        std::vector<Value> kv;
                        if (!toList(p, kv)) return false;
                        if (kv.size() != 2) return fail(ExcKind::ValueError, "py.err.dict_pair");
                        if (!dictSet(d, kv[0], kv[1])) return false;
                    }
                }
            }
            for (int k = 0; k < kwc; ++k)
                if (!dictSet(d, Value::object(const_cast<StrObj*>(kw_names[k])), kw_values[k])) return false;
            return true;
        }
        case BuiltinKind::Sorted: {
            if (!A.keywords({"key", "reverse"})) return false;
            if (!A.count(1, 1)) return false;
            ListObj* l = newList();
            out = Value::object(l);
            if (!toList(argv[0], l->items)) return false;
            const Value* key = A.kw("key");
            const Value* rev = A.kw("reverse");
            return sortValues(l->items, key ? *key : Value(), rev && truthy(*rev));
        }
        case BuiltinKind::Reversed: {
            if (!A.count(1, 1)) return false;
            auto* it = alloc(new IterObj());
            it->kind = IterKind::Reversed;
            if (isObjType(argv[0], ObjType::List) || isObjType(argv[0], ObjType::Tuple)) it->source = argv[0];
            else if (isObjType(argv[0], ObjType::Str) || isObjType(argv[0], ObjType::Range)) {
                ListObj* l = newList();
                if (!toList(argv[0], l->items)) return false;
                it->source = Value::object(l);
            } else {
                raise(ExcKind::TypeError, "py.err.not_reversible").arg("type", typeName(argv[0]));
                return false;
            }
            it->pos = static_cast<int64_t>(asList(it->source)->items.size());
            out = Value::object(it);
            return true;
        }
        case BuiltinKind::Enumerate: {
            if (!A.keywords({"start"})) return false;
            if (!A.count(1, 2)) return false;
            Value inner;
            if (!getIter(argv[0], inner)) return false;
            auto* it = alloc(new IterObj());
            it->kind = IterKind::Enumerate;
            it->source = inner;
            if (argc == 2 && !A.integer(1, it->pos)) return false;
            if (const Value* s = A.kw("start")) it->pos = intOf(*s);
            out = Value::object(it);
            return true;
        }
        case BuiltinKind::Zip: {
            auto* it = alloc(new IterObj());
            it->kind = IterKind::Zip;
            out = Value::object(it);
            for (int k = 0; k < argc; ++k) {
                Value inner;
                if (!getIter(argv[k], inner)) return false;
                it->inner.push_back(inner);
            }
            if (argc == 0) it->kind = IterKind::Seq, it->source = Value::object(newList());
            return true;
        }
        case BuiltinKind::IsInstance: {
            if (!A.count(2, 2)) return false;
            std::vector<Value> types;
            if (isObjType(argv[1], ObjType::Tuple)) types = asList(argv[1])->items;
            else types.push_back(argv[1]);
            bool r = false;
            for (auto& t : types) {
                if (!isObjType(t, ObjType::Builtin) || !isTypeKind(static_cast<BuiltinKind>(static_cast<BuiltinObj*>(t.o)->kind)))
                    return fail(ExcKind::TypeError, "py.err.isinstance_type");
                const auto tk = static_cast<BuiltinKind>(static_cast<BuiltinObj*>(t.o)->kind);
                const char* tn = typeName(argv[0]);
                const std::string& want = static_cast<BuiltinObj*>(t.o)->name;
                if (want == tn || (tk == BuiltinKind::Int && argv[0].isBool())) r = true;
            }
            out = Value::boolean(r);
            return true;
        }
        case BuiltinKind::Type: {
            if (!A.count(1, 1)) return false;
            const char* tn = typeName(argv[0]);
            for (auto* bt : builtins)
                if (bt && isTypeKind(static_cast<BuiltinKind>(bt->kind)) && bt->name == tn) { out = Value::object(bt); return true; }
            out = Value::object(makeBuiltin(BuiltinKind::None, tn));
            return true;
        }
        case BuiltinKind::Chr: {
            if (!A.count(1, 1)) return false;
            int64_t c;
            if (!A.integer(0, c)) return false;
            if (c < 0 || c > 0x10FFFF) return fail(ExcKind::ValueError, "py.err.chr_range");
            out = strChar(static_cast<char32_t>(c));
            return true;
        }
        case BuiltinKind::Ord: {
            if (!A.count(1, 1)) return false;
            StrObj* s;
            if (!A.string(0, s)) return false;
            if (strLength(s) != 1) {
                raise(ExcKind::TypeError, "py.err.ord_length").arg("n", strLength(s));
                return false;
            }
            out = Value::integer(static_cast<int64_t>(text::decodeUtf8(s->s, 0).cp));
            return true;
        }
        case BuiltinKind::DivMod: {
            if (!A.count(2, 2)) return false;
            Value q, r;
            if (!binary(Op::FloorDiv, argv[0], argv[1], q) || !binary(Op::Mod, argv[0], argv[1], r)) return false;
            ListObj* t = newTuple();
            t->items = {q, r};
            out = Value::object(t);
            return true;
        }
        case BuiltinKind::Pow: {
            if (!A.count(2, 3)) return false;
            if (argc == 3 && !argv[2].isNone()) {
                int64_t base, e, m;
                if (!A.integer(0, base) || !A.integer(1, e) || !A.integer(2, m)) return false;
                if (m == 0) return fail(ExcKind::ValueError, "py.err.pow_mod_zero");
                if (e < 0) return fail(ExcKind::ValueError, "py.err.pow_negative_mod");
                __int128 r = 1, bb = ((base % m) + m) % m;
                while (e > 0) {
                    if (e & 1) r = (r * bb) % m;
                    bb = (bb * bb) % m;
                    e >>= 1;
                }
                int64_t res = static_cast<int64_t>(r);
                if (res != 0 && ((res < 0) != (m < 0))) res += m;
                out = Value::integer(res);
                return true;
            }
            return binary(Op::Pow, argv[0], argv[1], out);
        }
        case BuiltinKind::Any:
        case BuiltinKind::All: {
            if (!A.count(1, 1)) return false;
            std::vector<Value> items;
            if (!toList(argv[0], items)) return false;
            const bool want = kind == BuiltinKind::Any;
            bool r = !want;
            for (auto& x : items)
                if (truthy(x) == want) { r = want; break; }
            out = Value::boolean(r);
            return true;
        }
        case BuiltinKind::Map:
        case BuiltinKind::Filter: {
            // Eager: the result is computed now and handed out as an iterator over a list.
            if (!A.count(2, kind == BuiltinKind::Map ? 8 : 2)) return false;
            ListObj* result = newList();
            auto* it = alloc(new IterObj());
            it->kind = IterKind::Seq;
            it->source = Value::object(result);
            out = Value::object(it);
            std::vector<std::vector<Value>> cols(static_cast<size_t>(argc - 1));
            for (int k = 1; k < argc; ++k)
                if (!toList(argv[k], cols[k - 1])) return false;
            size_t n = cols[0].size();
            for (auto& c : cols) n = std::min(n, c.size());
            Value fn = argv[0];
            for (size_t i = 0; i < n; ++i) {
                Value args[8];
                for (size_t c = 0; c < cols.size(); ++c) args[c] = cols[c][i];
                Value r;
                if (kind == BuiltinKind::Filter && fn.isNone()) r = args[0];
                else if (!callValue(fn, args, static_cast<int>(cols.size()), r)) return false;
                if (kind == BuiltinKind::Map) result->items.push_back(r);
                else if (truthy(r)) result->items.push_back(args[0]);
            }
            return true;
        }
        case BuiltinKind::World: {
            if (native_depth > 0) return fail(ExcKind::TypeError, "py.err.world_not_here");
            if (!A.count(static_cast<int>(b->min_args), static_cast<int>(b->max_args))) return false;
            std::vector<WorldArg> wargs;
            for (int k = 0; k < argc; ++k) {
                WorldArg wa;
                const Value& v = argv[k];
                if (v.isBool()) { wa.kind = WorldArg::Kind::Bool; wa.integer = v.b; }
                else if (v.isInt()) { wa.kind = WorldArg::Kind::Int; wa.integer = v.i; }
                else if (v.isFloat()) { wa.kind = WorldArg::Kind::Float; wa.real = v.f; }
                else if (isObjType(v, ObjType::Str)) { wa.kind = WorldArg::Kind::Str; wa.text = asStr(v)->s; }
                else {
                    raise(ExcKind::TypeError, "py.err.world_arg").arg("name", b->name).arg("type", typeName(v));
                    return false;
                }
                wargs.push_back(std::move(wa));
            }
            WorldReply reply = host.worldCommand(b->world_id, wargs);
            if (!reply.error.ok()) {
                vm.diag_ = reply.error;
                return false;
            }
            switch (reply.value.kind) {
                case WorldArg::Kind::Int: out = Value::integer(reply.value.integer); break;
                case WorldArg::Kind::Bool: out = Value::boolean(reply.value.integer != 0); break;
                case WorldArg::Kind::Float: out = Value::real(reply.value.real); break;
                case WorldArg::Kind::Str: out = newStr(reply.value.text); break;
                default: out = Value(); break;
            }
            yield_now = true;
            return true;
        }
        default: break;
    }
    // ---- math and random ----
    switch (kind) {
        case BuiltinKind::MathSqrt: case BuiltinKind::MathFabs: case BuiltinKind::MathSin: case BuiltinKind::MathCos:
        case BuiltinKind::MathTan: case BuiltinKind::MathLog10: case BuiltinKind::MathLog2: case BuiltinKind::MathExp:
        case BuiltinKind::MathRadians: case BuiltinKind::MathDegrees: {
            if (!A.count(1, 1)) return false;
            double x;
            if (!A.number(0, x)) return false;
            double r = 0;
            switch (kind) {
                case BuiltinKind::MathSqrt: if (x < 0) return fail(ExcKind::ValueError, "py.err.math_domain"); r = std::sqrt(x); break;
                case BuiltinKind::MathFabs: r = std::fabs(x); break;
                case BuiltinKind::MathSin: r = std::sin(x); break;
                case BuiltinKind::MathCos: r = std::cos(x); break;
                case BuiltinKind::MathTan: r = std::tan(x); break;
                case BuiltinKind::MathLog10: if (x <= 0) return fail(ExcKind::ValueError, "py.err.math_domain"); r = std::log10(x); break;
                case BuiltinKind::MathLog2: if (x <= 0) return fail(ExcKind::ValueError, "py.err.math_domain"); r = std::log2(x); break;
                case BuiltinKind::MathExp: r = std::exp(x); if (std::isinf(r)) return fail(ExcKind::OverflowError, "py.err.math_range"); break;
                case BuiltinKind::MathRadians: r = x * (M_PI / 180.0); break;
                case BuiltinKind::MathDegrees: r = x * (180.0 / M_PI); break;
                default: break;
            }
            out = Value::real(r);
            return true;
        }
        case BuiltinKind::MathLog: {
            if (!A.count(1, 2)) return false;
            double x, base = 0;
            if (!A.number(0, x) || (argc == 2 && !A.number(1, base))) return false;
            if (x <= 0 || (argc == 2 && (base <= 0 || base == 1))) return fail(ExcKind::ValueError, "py.err.math_domain");
            out = Value::real(argc == 2 ? std::log(x) / std::log(base) : std::log(x));
            return true;
        }
        case BuiltinKind::MathPow: case BuiltinKind::MathHypot: {
            if (!A.count(2, 2)) return false;
            double x, y;
            if (!A.number(0, x) || !A.number(1, y)) return false;
            if (kind == BuiltinKind::MathHypot) { out = Value::real(std::hypot(x, y)); return true; }
            if ((x == 0 && y < 0) || (x < 0 && y != std::floor(y))) return fail(ExcKind::ValueError, "py.err.math_domain");
            out = Value::real(std::pow(x, y));
            return true;
        }
        case BuiltinKind::MathFloor: case BuiltinKind::MathCeil: case BuiltinKind::MathTrunc: {
            if (!A.count(1, 1)) return false;
            if (isIntLike(argv[0])) { out = Value::integer(intOf(argv[0])); return true; }
            double x;
            if (!A.number(0, x)) return false;
            const double r = kind == BuiltinKind::MathFloor ? std::floor(x) : kind == BuiltinKind::MathCeil ? std::ceil(x) : std::trunc(x);
            int64_t i;
            if (!floatToInt(*this, r, i)) return false;
            out = Value::integer(i);
            return true;
        }
        case BuiltinKind::MathGcd: {
            int64_t g = 0;
            for (int k = 0; k < argc; ++k) {
                int64_t x;
                if (!A.integer(k, x)) return false;
                x = x < 0 ? -x : x;
                while (x) { const int64_t t = g % x; g = x; x = t; }
            }
            out = Value::integer(g);
            return true;
        }
        case BuiltinKind::MathFactorial: {
            if (!A.count(1, 1)) return false;
            int64_t n;
            if (!A.integer(0, n)) return false;
            if (n < 0) return fail(ExcKind::ValueError, "py.err.factorial_negative");
            int64_t r = 1;
            for (int64_t k = 2; k <= n; ++k)
                if (__builtin_mul_overflow(r, k, &r)) return fail(ExcKind::OverflowError, "py.err.int_overflow");
            out = Value::integer(r);
            return true;
        }
        case BuiltinKind::MathIsqrt: {
            if (!A.count(1, 1)) return false;
            int64_t n;
            if (!A.integer(0, n)) return false;
            if (n < 0) return fail(ExcKind::ValueError, "py.err.math_domain");
            int64_t r = static_cast<int64_t>(std::sqrt(static_cast<double>(n)));
            while (r > 0 && static_cast<__int128>(r) * r > n) --r;
            while (static_cast<__int128>(r + 1) * (r + 1) <= n) ++r;
            out = Value::integer(r);
            return true;
        }
        case BuiltinKind::RandomRandom:
            if (!A.count(0, 0)) return false;
            out = Value::real(static_cast<double>(nextRandom() >> 11) * (1.0 / 9007199254740992.0));
            return true;
        case BuiltinKind::RandomUniform: {
            if (!A.count(2, 2)) return false;
            double a, bb;
            if (!A.number(0, a) || !A.number(1, bb)) return false;
            out = Value::real(a + (bb - a) * (static_cast<double>(nextRandom() >> 11) * (1.0 / 9007199254740992.0)));
            return true;
        }
        case BuiltinKind::RandomRandint:
        case BuiltinKind::RandomRandrange: {
            int64_t lo = 0, hi = 0, step = 1;
            if (kind == BuiltinKind::RandomRandint) {
                if (!A.count(2, 2) || !A.integer(0, lo) || !A.integer(1, hi)) return false;
                ++hi;
            } else {
                if (!A.count(1, 3)) return false;
                if (argc == 1) { if (!A.integer(0, hi)) return false; }
                else if (!A.integer(0, lo) || !A.integer(1, hi) || (argc == 3 && !A.integer(2, step))) return false;
            }
            if (step == 0) return fail(ExcKind::ValueError, "py.err.range_step_zero");
            const int64_t n = step > 0 ? (hi - lo + step - 1) / step : (lo - hi - step - 1) / (-step);
            if (n <= 0) return fail(ExcKind::ValueError, "py.err.random_empty_range");
            out = Value::integer(lo + static_cast<int64_t>(nextRandom() % static_cast<uint64_t>(n)) * step);
            return true;
        }
        case BuiltinKind::RandomChoice: {
            if (!A.count(1, 1)) return false;
            int64_t n;
            if (!length(argv[0], n)) return false;
            if (n == 0) return fail(ExcKind::IndexError, "py.err.choice_empty");
            return getItem(argv[0], Value::integer(static_cast<int64_t>(nextRandom() % static_cast<uint64_t>(n))), out);
        }
        case BuiltinKind::RandomShuffle: {
            if (!A.count(1, 1)) return false;
            if (!isObjType(argv[0], ObjType::List)) return typeError("py.err.shuffle_list", argv[0]);
            auto& items = asList(argv[0])->items;
            for (size_t k = items.size(); k > 1; --k) std::swap(items[k - 1], items[nextRandom() % k]);
            return true;
        }
        case BuiltinKind::RandomSeed: {
            if (!A.count(0, 1)) return false;
            uint64_t h = 0;
            if (argc == 1 && !hash(argv[0], h)) return false;
            uint64_t seed = vm.limits_.random_seed ^ h;
            for (auto& r : rng) {
                seed += 0x9e3779b97f4a7c15ull;
                uint64_t z = seed;
                z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
                z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
                r = z ^ (z >> 31);
            }
            return true;
        }
        default: break;
    }
    if (kind == BuiltinKind::None) {
        raise(ExcKind::TypeError, "py.err.not_callable").arg("type", "type");
        return false;
    }
    raise(ExcKind::TypeError, "py.err.not_callable").arg("type", b->name);
    return false;
}

// ============================== 4 modules ==============================

bool Vm::Impl::importModule(std::string_view name, Value& out) {
    for (auto* m : modules)
        if (m->name == name) { out = Value::object(m); return true; }
    if (name != "math" && name != "random") {
        raise(ExcKind::ModuleNotFoundError, "py.err.no_module").arg("name", name).hint("py.hint.modules_available");
        return false;
    }
    ModuleObj* m = alloc(new ModuleObj());
    m->name = std::string(name);
    for (auto& bn : kBuiltinNames) {
        const bool is_math = bn.kind >= BuiltinKind::MathSqrt && bn.kind <= BuiltinKind::MathDegrees;
        const bool is_random = bn.kind >= BuiltinKind::RandomRandint && bn.kind <= BuiltinKind::RandomUniform;
        if ((name == "math" && is_math) || (name == "random" && is_random))
            m->attrs.emplace_back(bn.name, Value::object(builtins[static_cast<size_t>(bn.kind)]));
    }
    if (name == "math") {
        m->attrs.emplace_back("pi", Value::real(M_PI));
        m->attrs.emplace_back("e", Value::real(M_E));
        m->attrs.emplace_back("tau", Value::real(2 * M_PI));
        m->attrs.emplace_back("inf", Value::real(HUGE_VAL));
        m->attrs.emplace_back("nan", Value::real(std::nan("")));
    }
    modules.push_back(m);
    out = Value::object(m);
    return true;
}

bool Vm::Impl::getAttr(const Value& obj, uint32_t name_index, Value& out) {
    const std::string& name = prog.names[name_index];
    if (isObjType(obj, ObjType::Module)) {
        auto* m = static_cast<ModuleObj*>(obj.o);
        for (auto& kv : m->attrs)
            if (kv.first == name) { out = kv.second; return true; }
        std::vector<std::string_view> cands;
        for (auto& kv : m->attrs) cands.push_back(kv.first);
        bool look = false;
        const std::string s = suggestName(name, cands, look);
        Diagnostic& d = raise(ExcKind::AttributeError, "py.err.module_no_attribute").arg("module", m->name).arg("name", name);
        if (!s.empty()) d.arg("suggestion", s).hint("py.hint.did_you_mean");
        return false;
    }
    if (obj.isObj()) {
        const MethodId m = findMethod(obj.o->type, name);
        if (m != MethodId::None) {
            auto* bm = alloc(new BoundMethodObj());
            bm->self = obj;
            bm->method = static_cast<uint32_t>(m);
            out = Value::object(bm);
            return true;
        }
    }
    raise(ExcKind::AttributeError, "py.err.no_attribute").arg("type", typeName(obj)).arg("name", name);
    return false;
}

// ============================== 5 methods ==============================

namespace {

std::string stripChars(const std::string& s, const StrObj* chars, bool left, bool right) {
    std::u32string cps = text::toCodepoints(s);
    std::u32string set = chars ? text::toCodepoints(chars->s) : std::u32string();
    auto strip = [&](char32_t c) { return chars ? set.find(c) != std::u32string::npos : isSpace(c); };
    size_t b = 0, e = cps.size();
    if (left) while (b < e && strip(cps[b])) ++b;
    if (right) while (e > b && strip(cps[e - 1])) --e;
    return text::fromCodepoints(std::u32string_view(cps).substr(b, e - b));
}

}  // namespace

bool Vm::Impl::callMethod(MethodId m, const Value& self, const Value* argv, int argc, const StrObj* const* kw_names,
                          const Value* kw_values, int kwc, Value& out) {
    Args A{*this, methodName(m), argv, argc, kw_names, kw_values, kwc};
    out = Value();
    if (kwc > 0 && m != MethodId::ListSort && m != MethodId::StrSplit && m != MethodId::StrFormat) {
        raise(ExcKind::TypeError, "py.err.unexpected_keyword").arg("name", methodName(m)).arg("keyword", kw_names[0]->s);
        return false;
    }
    // ---- list ----
    if (m >= MethodId::ListAppend && m <= MethodId::ListClear) {
        auto& items = asList(self)->items;
        switch (m) {
            case MethodId::ListAppend:
                if (!A.count(1, 1)) return false;
                if (items.size() == items.capacity()) {
                    if (!checkSize(items.size() * 2 + 1, sizeof(Value))) return false;
                    account(items.size() * sizeof(Value) + 64);
                }
                items.push_back(argv[0]);
                return true;
            case MethodId::ListPop: {
                if (!A.count(0, 1)) return false;
                if (items.empty()) return fail(ExcKind::IndexError, "py.err.pop_empty");
                int64_t i = static_cast<int64_t>(items.size()) - 1;
                if (argc == 1) {
                    if (!A.integer(0, i)) return false;
                    if (!normalizeIndex(i, static_cast<int64_t>(items.size()), self)) return false;
                }
                out = items[i];
                items.erase(items.begin() + i);
                return true;
            }
            case MethodId::ListInsert: {
                if (!A.count(2, 2)) return false;
                int64_t i;
                if (!A.integer(0, i)) return false;
                const int64_t n = static_cast<int64_t>(items.size());
                if (i < 0) i = std::max<int64_t>(0, i + n);
                if (i > n) i = n;
                items.insert(items.begin() + i, argv[1]);
                account(sizeof(Value));
                return true;
            }
            case MethodId::ListRemove:
            case MethodId::ListIndex:
            case MethodId::ListCount: {
                if (!A.count(1, m == MethodId::ListIndex ? 3 : 1)) return false;
                int64_t count = 0;
                for (size_t k = 0; k < items.size(); ++k) {
                    bool eq = false;
                    if (!equals(items[k], argv[0], eq)) return false;
                    if (!eq) continue;
                    if (m == MethodId::ListRemove) { items.erase(items.begin() + static_cast<int64_t>(k)); return true; }
                    if (m == MethodId::ListIndex) { out = Value::integer(static_cast<int64_t>(k)); return true; }
                    ++count;
                }
                if (m == MethodId::ListCount) { out = Value::integer(count); return true; }
                std::string r;
                if (!repr(argv[0], r)) return false;
                raise(ExcKind::ValueError, m == MethodId::ListRemove ? "py.err.remove_missing" : "py.err.index_missing").arg("value", r);
                return false;
            }
            case MethodId::ListSort: {
                if (!A.count(0, 0) || !A.keywords({"key", "reverse"})) return false;
                const Value* key = A.kw("key");
                const Value* rev = A.kw("reverse");
                std::vector<Value> copy = items;
                if (!sortValues(copy, key ? *key : Value(), rev && truthy(*rev))) return false;
                asList(self)->items = std::move(copy);
                return true;
            }
            case MethodId::ListReverse:
                if (!A.count(0, 0)) return false;
                std::reverse(items.begin(), items.end());
                return true;
            case MethodId::ListExtend: {
                if (!A.count(1, 1)) return false;
                std::vector<Value> more;
                if (!toList(argv[0], more)) return false;
                if (!checkSize(items.size() + more.size(), sizeof(Value))) return false;
                items.insert(items.end(), more.begin(), more.end());
                account(more.size() * sizeof(Value));
                return true;
            }
            case MethodId::ListCopy: {
                if (!A.count(0, 0)) return false;
                ListObj* l = newList();
                l->items = items;
                account(items.size() * sizeof(Value));
                out = Value::object(l);
                return true;
            }
            case MethodId::ListClear:
                if (!A.count(0, 0)) return false;
                items.clear();
                return true;
            default: break;
        }
    }
    // ---- tuple ----
    if (m == MethodId::TupleIndex || m == MethodId::TupleCount) {
        if (!A.count(1, 1)) return false;
        auto& items = asList(self)->items;
        int64_t count = 0;
        for (size_t k = 0; k < items.size(); ++k) {
            bool eq = false;
            if (!equals(items[k], argv[0], eq)) return false;
            if (!eq) continue;
            if (m == MethodId::TupleIndex) { out = Value::integer(static_cast<int64_t>(k)); return true; }
            ++count;
        }
        if (m == MethodId::TupleCount) { out = Value::integer(count); return true; }
        std::string r;
        repr(argv[0], r);
        raise(ExcKind::ValueError, "py.err.index_missing").arg("value", r);
        return false;
    }
    // ---- dict ----
    if (m >= MethodId::DictGet && m <= MethodId::DictClear) {
        DictObj* d = asDict(self);
        switch (m) {
            case MethodId::DictGet: {
                if (!A.count(1, 2)) return false;
                bool found = false;
                if (!dictGet(d, argv[0], out, found)) return false;
                if (!found) out = argc == 2 ? argv[1] : Value();
                return true;
            }
            case MethodId::DictKeys:
            case MethodId::DictValues:
            case MethodId::DictItems: {
                if (!A.count(0, 0)) return false;
                auto* v = alloc(new DictViewObj());
                v->dict = d;
                v->kind = m == MethodId::DictKeys ? 0 : m == MethodId::DictValues ? 1 : 2;
                out = Value::object(v);
                return true;
            }
            case MethodId::DictPop: {
                if (!A.count(1, 2)) return false;
                bool found = false;
                if (!dictRemove(d, argv[0], out, found)) return false;
                if (found) return true;
                if (argc == 2) { out = argv[1]; return true; }
                std::string k;
                repr(argv[0], k);
                raise(ExcKind::KeyError, "py.err.key_missing").arg("key", k);
                return false;
            }
            case MethodId::DictSetdefault: {
                if (!A.count(1, 2)) return false;
                bool found = false;
                if (!dictGet(d, argv[0], out, found)) return false;
                if (found) return true;
                out = argc == 2 ? argv[1] : Value();
                return dictSet(d, argv[0], out);
            }
            case MethodId::DictUpdate: {
                if (!A.count(1, 1)) return false;
                if (!isObjType(argv[0], ObjType::Dict)) return typeError("py.err.update_dict", argv[0]);
                std::vector<DictEntry> entries = asDict(argv[0])->entries;
                for (auto& e : entries)
                    if (e.live && !dictSet(d, e.key, e.value)) return false;
                return true;
            }
            case MethodId::DictCopy: {
                if (!A.count(0, 0)) return false;
                DictObj* c = newDict();
                for (auto& e : d->entries)
                    if (e.live && !dictSet(c, e.key, e.value)) return false;
                out = Value::object(c);
                return true;
            }
            case MethodId::DictClear:
                if (!A.count(0, 0)) return false;
                d->entries.clear();
                d->index.clear();
                d->live = 0;
                return true;
            default: break;
        }
    }
    // ---- str ----
    StrObj* s = asStr(self);
    const std::string& t = s->s;
    switch (m) {
        case MethodId::StrUpper: if (!A.count(0, 0)) return false; out = newStr(text::toUpper(t)); return true;
        case MethodId::StrLower: if (!A.count(0, 0)) return false; out = newStr(text::toLower(t)); return true;
        case MethodId::StrSwapcase: {
            if (!A.count(0, 0)) return false;
            std::string r;
            for (char32_t c : text::toCodepoints(t)) text::appendUtf8(r, text::toLower(c) == c ? text::toUpper(c) : text::toLower(c));
            out = newStr(std::move(r));
            return true;
        }
        case MethodId::StrCapitalize:
        case MethodId::StrTitle: {
            if (!A.count(0, 0)) return false;
            std::string r;
            bool start = true;
            bool first = true;
            for (char32_t c : text::toCodepoints(t)) {
                const bool upper = m == MethodId::StrCapitalize ? first : start;
                text::appendUtf8(r, upper ? text::toUpper(c) : text::toLower(c));
                first = false;
                start = !text::isLetter(c);
            }
            out = newStr(std::move(r));
            return true;
        }
        case MethodId::StrStrip:
        case MethodId::StrLstrip:
        case MethodId::StrRstrip: {
            if (!A.count(0, 1)) return false;
            StrObj* chars = nullptr;
            if (argc == 1 && !argv[0].isNone() && !A.string(0, chars)) return false;
            out = newStr(stripChars(t, chars, m != MethodId::StrRstrip, m != MethodId::StrLstrip));
            return true;
        }
        case MethodId::StrSplit: {
            if (!A.keywords({"sep", "maxsplit"}) || !A.count(0, 2)) return false;
            const Value* sepv = argc >= 1 ? &argv[0] : A.kw("sep");
            int64_t maxsplit = -1;
            if (argc == 2 && !A.integer(1, maxsplit)) return false;
            if (const Value* ms = A.kw("maxsplit")) maxsplit = intOf(*ms);
            ListObj* l = newList();
            out = Value::object(l);
            if (!sepv || sepv->isNone()) {
                const std::u32string cps = text::toCodepoints(t);
                size_t i = 0;
                int64_t splits = 0;
                while (i < cps.size()) {
                    while (i < cps.size() && isSpace(cps[i])) ++i;
                    if (i >= cps.size()) break;
                    size_t j = i;
                    if (maxsplit >= 0 && splits >= maxsplit) {
                        size_t e = cps.size();
                        while (e > i && isSpace(cps[e - 1])) --e;
                        l->items.push_back(newStr(text::fromCodepoints(std::u32string_view(cps).substr(i, e - i))));
                        break;
                    }
                    while (j < cps.size() && !isSpace(cps[j])) ++j;
                    l->items.push_back(newStr(text::fromCodepoints(std::u32string_view(cps).substr(i, j - i))));
                    ++splits;
                    i = j;
                }
                return true;
            }
            if (!isObjType(*sepv, ObjType::Str)) return typeError("py.err.arg_type_str_plain", *sepv);
            const std::string& sep = asStr(*sepv)->s;
            if (sep.empty()) return fail(ExcKind::ValueError, "py.err.empty_separator");
            size_t pos = 0;
            int64_t splits = 0;
            for (;;) {
                const size_t f = (maxsplit >= 0 && splits >= maxsplit) ? std::string::npos : t.find(sep, pos);
                if (f == std::string::npos) { l->items.push_back(newStr(t.substr(pos))); break; }
                l->items.push_back(newStr(t.substr(pos, f - pos)));
                pos = f + sep.size();
                ++splits;
            }
            return true;
        }
        case MethodId::StrJoin: {
            if (!A.count(1, 1)) return false;
            std::vector<Value> items;
            if (!toList(argv[0], items)) return false;
            std::string r;
            for (size_t k = 0; k < items.size(); ++k) {
                if (!isObjType(items[k], ObjType::Str)) {
                    raise(ExcKind::TypeError, "py.err.join_not_str").arg("index", static_cast<int64_t>(k)).arg("type", typeName(items[k])).hint("py.hint.join_not_str");
                    return false;
                }
                if (k) r += t;
                r += asStr(items[k])->s;
            }
            out = newStr(std::move(r));
            return true;
        }
        case MethodId::StrReplace: {
            if (!A.count(2, 3)) return false;
            StrObj *a, *bb;
            if (!A.string(0, a) || !A.string(1, bb)) return false;
            int64_t count = -1;
            if (argc == 3 && !A.integer(2, count)) return false;
            std::string r;
            if (a->s.empty()) {
                const std::u32string cps = text::toCodepoints(t);
                int64_t done = 0;
                for (size_t k = 0; k <= cps.size(); ++k) {
                    if (count < 0 || done < count) { r += bb->s; ++done; }
                    if (k < cps.size()) text::appendUtf8(r, cps[k]);
                }
            } else {
                size_t pos = 0;
                int64_t done = 0;
                for (;;) {
                    const size_t f = (count >= 0 && done >= count) ? std::string::npos : t.find(a->s, pos);
                    if (f == std::string::npos) { r.append(t, pos, std::string::npos); break; }
                    r.append(t, pos, f - pos);
                    r += bb->s;
                    pos = f + a->s.size();
                    ++done;
                }
            }
            if (!checkSize(r.size(), 1)) return false;
            out = newStr(std::move(r));
            return true;
        }
        case MethodId::StrFind:
        case MethodId::StrIndex:
        case MethodId::StrCount: {
            if (!A.count(1, 3)) return false;
            StrObj* sub;
            if (!A.string(0, sub)) return false;
            int64_t start = 0, end = strLength(s);
            const int64_t len = end;
            if (argc >= 2 && !argv[1].isNone()) { if (!A.integer(1, start)) return false; if (start < 0) start = std::max<int64_t>(0, start + len); }
            if (argc >= 3 && !argv[2].isNone()) { if (!A.integer(2, end)) return false; if (end < 0) end = std::max<int64_t>(0, end + len); }
            end = std::min(end, len);
            const size_t bstart = byteOfCp(t, start), bend = byteOfCp(t, end);
            if (start > len || bstart > bend) {
                if (m == MethodId::StrCount) { out = Value::integer(0); return true; }
                if (m == MethodId::StrFind) { out = Value::integer(-1); return true; }
                return fail(ExcKind::ValueError, "py.err.substring_missing");
            }
            const std::string hay = t.substr(bstart, bend - bstart);
            if (m == MethodId::StrCount) {
                int64_t c = 0;
                if (sub->s.empty()) c = static_cast<int64_t>(text::codepointCount(hay)) + 1;
                else for (size_t p = hay.find(sub->s); p != std::string::npos; p = hay.find(sub->s, p + sub->s.size())) ++c;
                out = Value::integer(c);
                return true;
            }
            const size_t f = hay.find(sub->s);
            if (f == std::string::npos) {
                if (m == MethodId::StrFind) { out = Value::integer(-1); return true; }
                return fail(ExcKind::ValueError, "py.err.substring_missing");
            }
            out = Value::integer(start + static_cast<int64_t>(cpIndexOfByte(hay, f)));
            return true;
        }
        case MethodId::StrStartswith:
        case MethodId::StrEndswith: {
            if (!A.count(1, 1)) return false;
            std::vector<Value> options;
            if (isObjType(argv[0], ObjType::Tuple)) options = asList(argv[0])->items;
            else options.push_back(argv[0]);
            bool r = false;
            for (auto& o : options) {
                if (!isObjType(o, ObjType::Str)) return typeError("py.err.arg_type_str_plain", o);
                const std::string& p = asStr(o)->s;
                if (p.size() <= t.size() && (m == MethodId::StrStartswith ? t.compare(0, p.size(), p) == 0 : t.compare(t.size() - p.size(), p.size(), p) == 0))
                    r = true;
            }
            out = Value::boolean(r);
            return true;
        }
        case MethodId::StrIsdigit: case MethodId::StrIsalpha: case MethodId::StrIsalnum: case MethodId::StrIsspace:
        case MethodId::StrIsupper: case MethodId::StrIslower: {
            if (!A.count(0, 0)) return false;
            const std::u32string cps = text::toCodepoints(t);
            bool r = !cps.empty();
            bool cased = false;
            for (char32_t c : cps) {
                const bool digit = c >= '0' && c <= '9';
                const bool letter = text::isLetter(c);
                switch (m) {
                    case MethodId::StrIsdigit: r = r && digit; break;
                    case MethodId::StrIsalpha: r = r && letter; break;
                    case MethodId::StrIsalnum: r = r && (digit || letter); break;
                    case MethodId::StrIsspace: r = r && isSpace(c); break;
                    case MethodId::StrIsupper:
                        if (text::toLower(c) != c) cased = true;
                        else if (text::toUpper(c) != c) r = false;
                        break;
                    default:
                        if (text::toUpper(c) != c) cased = true;
                        else if (text::toLower(c) != c) r = false;
                        break;
                }
            }
            if (m == MethodId::StrIsupper || m == MethodId::StrIslower) r = r && cased;
            out = Value::boolean(r);
            return true;
        }
        case MethodId::StrCenter:
        case MethodId::StrLjust:
        case MethodId::StrRjust:
        case MethodId::StrZfill: {
            if (!A.count(1, m == MethodId::StrZfill ? 1 : 2)) return false;
            int64_t width;
            if (!A.integer(0, width)) return false;
            std::string fill = m == MethodId::StrZfill ? "0" : " ";
            if (argc == 2) {
                StrObj* f;
                if (!A.string(1, f)) return false;
                if (strLength(f) != 1) return fail(ExcKind::TypeError, "py.err.fill_char");
                fill = f->s;
            }
            const int64_t len = strLength(s);
            if (width <= len) { out = self; return true; }
            if (!checkSize(static_cast<uint64_t>(width), 4)) return false;
            const int64_t n = width - len;
            int64_t left = 0;
            if (m == MethodId::StrCenter) left = n / 2 + ((n & width & 1) ? 1 : 0);
            else if (m == MethodId::StrRjust || m == MethodId::StrZfill) left = n;
            std::string r;
            std::string body = t;
            if (m == MethodId::StrZfill && !t.empty() && (t[0] == '-' || t[0] == '+')) { r += t[0]; body = t.substr(1); }
            for (int64_t k = 0; k < left; ++k) r += fill;
            r += body;
            for (int64_t k = left; k < n; ++k) r += fill;
            out = newStr(std::move(r));
            return true;
        }
        case MethodId::StrFormat: {
            std::string r;
            int auto_index = 0;
            for (size_t i = 0; i < t.size(); ++i) {
                const char c = t[i];
                if (c == '{' && i + 1 < t.size() && t[i + 1] == '{') { r += '{'; ++i; continue; }
                if (c == '}' && i + 1 < t.size() && t[i + 1] == '}') { r += '}'; ++i; continue; }
                if (c != '{') { r += c; continue; }
                const size_t close = t.find('}', i);
                if (close == std::string::npos) return fail(ExcKind::ValueError, "py.err.format_brace");
                std::string field = t.substr(i + 1, close - i - 1);
                std::string spec;
                int conv = 0;
                if (size_t colon = field.find(':'); colon != std::string::npos) { spec = field.substr(colon + 1); field = field.substr(0, colon); }
                if (size_t bang = field.find('!'); bang != std::string::npos) { conv = field.substr(bang + 1) == "r" ? 2 : 1; field = field.substr(0, bang); }
                Value v;
                if (field.empty() || (field[0] >= '0' && field[0] <= '9')) {
                    const int idx = field.empty() ? auto_index++ : std::atoi(field.c_str());
                    if (idx >= argc) return fail(ExcKind::IndexError, "py.err.format_index");
                    v = argv[idx];
                } else {
                    const Value* kv = A.kw(field.c_str());
                    if (!kv) { raise(ExcKind::KeyError, "py.err.key_missing").arg("key", "'" + field + "'"); return false; }
                    v = *kv;
                }
                if (conv == 2) { std::string rr; if (!repr(v, rr)) return false; if (!formatString(rr, spec, r)) return fail(ExcKind::ValueError, "py.err.bad_format_simple"); }
                else if (!formatValue(v, spec, r)) return false;
                i = close;
            }
            out = newStr(std::move(r));
            return true;
        }
        default: break;
    }
    return fail(ExcKind::AttributeError, "py.err.bad_program");
}

// ============================== 6 formatting and sorting ==============================

bool Vm::Impl::formatValue(const Value& v, std::string_view spec, std::string& out) {
    bool ok = true;
    if (v.isBool() && spec.empty()) { out += v.b ? "True" : "False"; return true; }
    if (isIntLike(v)) ok = formatInt(intOf(v), spec, out);
    else if (v.isFloat()) ok = formatFloat(v.f, spec, out);
    else if (isObjType(v, ObjType::Str)) ok = formatString(asStr(v)->s, spec, out);
    else if (spec.empty()) return str(v, out);
    else {
        raise(ExcKind::TypeError, "py.err.format_type").arg("type", typeName(v)).arg("spec", spec);
        return false;
    }
    if (!ok) {
        raise(ExcKind::ValueError, "py.err.bad_format").arg("spec", spec).arg("type", typeName(v)).hint("py.hint.bad_format");
        return false;
    }
    return true;
}

bool Vm::Impl::percentFormat(const std::string& fmt, const Value& args, Value& out) {
    std::vector<Value> values;
    if (isObjType(args, ObjType::Tuple)) values = asList(args)->items;
    else values.push_back(args);
    size_t next = 0;
    std::string r;
    for (size_t i = 0; i < fmt.size(); ++i) {
        if (fmt[i] != '%') { r += fmt[i]; continue; }
        if (++i >= fmt.size()) return fail(ExcKind::ValueError, "py.err.percent_format");
        std::string flags;
        while (i < fmt.size() && std::strchr("-+ 0#", fmt[i])) flags += fmt[i++];
        std::string width, prec;
        while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') width += fmt[i++];
        if (i < fmt.size() && fmt[i] == '.') {
            ++i;
            prec = ".";
            while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') prec += fmt[i++];
            if (prec == ".") prec = ".0";
        }
        if (i >= fmt.size()) return fail(ExcKind::ValueError, "py.err.percent_format");
        const char t = fmt[i];
        if (t == '%') { r += '%'; continue; }
        if (next >= values.size()) return fail(ExcKind::TypeError, "py.err.percent_few_args");
        const Value& v = values[next++];
        const bool left = flags.find('-') != std::string::npos;
        std::string spec;
        if (left) spec += '<';
        if (flags.find('+') != std::string::npos) spec += '+';
        else if (flags.find(' ') != std::string::npos) spec += ' ';
        if (flags.find('#') != std::string::npos) spec += '#';
        if (!left && flags.find('0') != std::string::npos && t != 's' && t != 'r') spec += '0';
        spec += width;
        bool ok = true;
        switch (t) {
            case 's': case 'r': {
                std::string text;
                if (!(t == 's' ? str(v, text) : repr(v, text))) return false;
                ok = formatString(text, (left ? "<" : ">") + width + prec, r);
                break;
            }
            case 'd': case 'i': case 'u': {
                int64_t n;
                if (isIntLike(v)) n = intOf(v);
                else if (v.isFloat()) { if (!floatToInt(*this, v.f, n)) return false; }
                else { raise(ExcKind::TypeError, "py.err.percent_type").arg("type", typeName(v)); return false; }
                ok = formatInt(n, spec + "d", r);
                break;
            }
            case 'x': case 'X': case 'o': case 'c':
                if (!isIntLike(v)) { raise(ExcKind::TypeError, "py.err.percent_type").arg("type", typeName(v)); return false; }
                ok = formatInt(intOf(v), spec + t, r);
                break;
            case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
                if (!isNumber(v)) { raise(ExcKind::TypeError, "py.err.percent_type").arg("type", typeName(v)); return false; }
                ok = formatFloat(floatOf(v), spec + (prec.empty() ? std::string(".6") : prec) + t, r);
                break;
            default:
                return fail(ExcKind::ValueError, "py.err.percent_format");
        }
        if (!ok) return fail(ExcKind::ValueError, "py.err.percent_format");
    }
    if (next < values.size()) return fail(ExcKind::TypeError, "py.err.percent_many_args");
    out = newStr(std::move(r));
    return true;
}

bool Vm::Impl::sortValues(std::vector<Value>& items, const Value& key, bool reverse) {
    std::vector<Value> keys;
    const bool has_key = !key.isNone();
    if (has_key) {
        keys.resize(items.size());
        for (size_t k = 0; k < items.size(); ++k)
            if (!callValue(key, &items[k], 1, keys[k])) return false;
    }
    const std::vector<Value>& ks = has_key ? keys : items;
    std::vector<uint32_t> order(items.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<uint32_t>(k);
    bool all_int = true, all_str = true;
    for (auto& k : ks) {
        all_int = all_int && k.isInt();
        all_str = all_str && isObjType(k, ObjType::Str);
    }
    bool failed = false;
    if (all_int) {
        std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
            return reverse ? ks[b].i < ks[a].i : ks[a].i < ks[b].i;
        });
    } else if (all_str) {
        std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
            return reverse ? asStr(ks[b])->s < asStr(ks[a])->s : asStr(ks[a])->s < asStr(ks[b])->s;
        });
    } else {
        std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
            if (failed) return false;
            bool r = false;
            if (!(reverse ? less(ks[b], ks[a], r) : less(ks[a], ks[b], r))) failed = true;
            return r;
        });
    }
    if (failed) return false;
    std::vector<Value> sorted;
    sorted.reserve(items.size());
    for (uint32_t k : order) sorted.push_back(items[k]);
    items = std::move(sorted);
    return true;
}

}  // namespace sandyq::program
