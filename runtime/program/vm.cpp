// program/vm.cpp — the dispatch loop, calls and frames, budgets, and the public Vm API.
// Sections: 1 construction · 2 public API · 3 errors and positions · 4 calls · 5 dispatch loop.
#include "program/vm.h"

#include <cstring>

#include "program/vm_impl.h"

namespace sandyq::program {

namespace {
constexpr size_t kStackSlots = 1u << 16;
}

// ============================== 1 construction ==============================

Vm::Impl::Impl(Vm& v) : vm(v), prog(v.program_), host(v.host_) {
    stack.resize(kStackSlots);
    frames.reserve(vm.limits_.max_call_depth + 8);  // frames never move: execute() keeps a Frame*
    sp = stack.data();
    empty_str = alloc(new StrObj(std::string()));
    for (int c = 0; c < 128; ++c) ascii_chars[c] = alloc(new StrObj(std::string(1, static_cast<char>(c))));
    for (auto& c : prog.constants) {
        switch (c.kind) {
            case Constant::Kind::Int: consts.push_back(Value::integer(c.integer)); break;
            case Constant::Kind::Float: consts.push_back(Value::real(c.real)); break;
            case Constant::Kind::Str: consts.push_back(newStr(c.text)); break;
            case Constant::Kind::Names: {
                ListObj* t = newTuple();
                for (auto& n : c.names) t->items.push_back(newStr(n));
                consts.push_back(Value::object(t));
                break;
            }
            default: consts.push_back(Value()); break;
        }
    }
    installBuiltins();
    globals.assign(prog.global_names.size(), Value::empty());
    fallback.assign(prog.global_names.size(), Value::empty());
    for (size_t g = 0; g < prog.global_names.size(); ++g)
        for (auto* b : builtins)
            if (b && b->name == prog.global_names[g] && static_cast<BuiltinKind>(b->kind) < BuiltinKind::MathSqrt) fallback[g] = Value::object(b);
    method_cache.resize(prog.names.size());
    for (size_t n = 0; n < prog.names.size(); ++n) {
        method_cache[n].resize(static_cast<size_t>(ObjType::Count_));
        for (size_t t = 0; t < method_cache[n].size(); ++t) method_cache[n][t] = findMethod(static_cast<ObjType>(t), prog.names[n]);
    }
    uint32_t loops = 0;
    for (auto& p : prog.protos) {
        loop_base.push_back(loops);
        loops += static_cast<uint32_t>(p.loops.size());
    }
    loop_counts.assign(loops + 1, 0);
    uint64_t seed = vm.limits_.random_seed;
    for (auto& r : rng) {  // splitmix64
        seed += 0x9e3779b97f4a7c15ull;
        uint64_t z = seed;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        r = z ^ (z >> 31);
    }
    if (!prog.protos.empty()) {
        const Proto& m = prog.protos[0];
        *sp++ = Value();  // the module's "callee" slot keeps Return uniform
        Frame f;
        f.proto = 0;
        f.ip = m.code.data();
        f.base = sp;
        frames.push_back(f);
        for (uint32_t k = 0; k < m.local_count; ++k) *sp++ = Value::empty();
    }
}

Vm::Impl::~Impl() {
    while (heap) {
        Obj* next = heap->next;
        delete heap;
        heap = next;
    }
}

Vm::Vm(const Program& program, Host& host, Limits limits)
    : program_(program), host_(host), limits_(limits) {
    impl_ = std::make_unique<Impl>(*this);
    if (program.protos.empty()) status_ = StepStatus::Finished;
}

Vm::~Vm() = default;

// ============================== 2 public API ==============================

uint32_t Vm::addWorldCommand(std::string_view name, uint32_t min_args, uint32_t max_args) {
    Impl& im = *impl_;
    BuiltinObj* b = im.alloc(new BuiltinObj());
    b->kind = static_cast<uint32_t>(BuiltinKind::World);
    b->name = std::string(name);
    b->world_id = static_cast<uint32_t>(im.world_commands.size());
    b->min_args = min_args;
    b->max_args = max_args;
    im.world_commands.push_back(b);
    const size_t dot = name.find('.');
    if (dot != std::string_view::npos) {
        // "robot.motors": an attribute of a module-like global `robot` (no import needed)
        const std::string module(name.substr(0, dot));
        b->name = std::string(name.substr(dot + 1));
        ModuleObj* m = nullptr;
        for (auto* existing : im.modules)
            if (existing->name == module) m = existing;
        if (!m) {
            m = im.alloc(new ModuleObj());
            m->name = module;
            im.modules.push_back(m);
        }
        m->attrs.emplace_back(b->name, Value::object(b));
        for (size_t g = 0; g < program_.global_names.size(); ++g)
            if (program_.global_names[g] == module) im.fallback[g] = Value::object(m);
        return b->world_id;
    }
    for (size_t g = 0; g < program_.global_names.size(); ++g)
        if (program_.global_names[g] == name) im.fallback[g] = Value::object(b);
    return b->world_id;
}

StepStatus Vm::step(uint64_t max_instructions) {
    if (status_ == StepStatus::Finished || status_ == StepStatus::Faulted) return status_;
    if (waiting_input_) return status_ = StepStatus::Yielded;
    if (max_instructions == 0) return status_ = StepStatus::Running;
    status_ = impl_->execute(max_instructions, 0);
    return status_;
}

StepStatus Vm::stepLine(uint64_t max_instructions) {
    const SourcePos start = currentPosition();
    StepStatus s = status_;
    for (uint64_t k = 0; k < max_instructions; ++k) {
        s = step(1);
        if (s != StepStatus::Running) return s;
        const SourcePos now = currentPosition();
        if (now.line != 0 && now.line != start.line) return s;
    }
    return s;
}

StepStatus Vm::runToEnd() {
    for (;;) {
        // Slices rather than one endless call: a JIT (V8 for wasm) can only switch to the
        // optimised dispatch loop when execute() is entered again.
        const StepStatus s = step(1u << 22);
        if (s == StepStatus::Finished || s == StepStatus::Faulted) return s;
        if (s == StepStatus::Yielded && waiting_input_) return s;  // nobody to answer
        (void)0;
    }
}

void Vm::provideInput(std::string_view line) {
    if (!waiting_input_) return;
    waiting_input_ = false;
    *impl_->sp++ = impl_->newStr(std::string(line));
}

void Vm::provideEof() {
    if (!waiting_input_) return;
    waiting_input_ = false;
    Diagnostic d = makeDiagnostic(ExcKind::EOFError, "py.err.eof");
    impl_->fillPosition(d);
    diag_ = d;
    status_ = StepStatus::Faulted;
}

SourcePos Vm::currentPosition() const {
    if (impl_->frames.empty()) return {};
    const Frame& f = impl_->frames.back();
    const Proto& p = program_.protos[f.proto];
    const size_t idx = static_cast<size_t>(f.ip - p.code.data());
    return idx < p.positions.size() ? p.positions[idx] : SourcePos{};
}

uint32_t Vm::currentNode() const {
    if (impl_->frames.empty()) return 0;
    const Frame& f = impl_->frames.back();
    const Proto& p = program_.protos[f.proto];
    const size_t idx = static_cast<size_t>(f.ip - p.code.data());
    return idx < p.nodes.size() ? p.nodes[idx] : 0;
}

// ============================== 3 errors and positions ==============================

Diagnostic& Vm::Impl::raise(ExcKind kind, std::string_view key) {
    vm.diag_ = makeDiagnostic(kind, key);
    return vm.diag_;
}

bool Vm::Impl::typeError(std::string_view key, const Value& a) {
    raise(ExcKind::TypeError, key).arg("type", typeName(a));
    return false;
}

bool Vm::Impl::typeError2(std::string_view key, const Value& a, const Value& b) {
    raise(ExcKind::TypeError, key).arg("left", typeName(a)).arg("right", typeName(b));
    return false;
}

void Vm::Impl::fillPosition(Diagnostic& d) const {
    if (frames.empty()) return;
    const Frame& f = frames.back();
    const Proto& p = prog.protos[f.proto];
    size_t idx = static_cast<size_t>(f.ip - p.code.data());
    if (idx > 0) --idx;
    if (idx < p.positions.size()) {
        d.line = p.positions[idx].line;
        d.column = p.positions[idx].column;
    }
    if (idx < p.nodes.size()) d.node = p.nodes[idx];
}

void Vm::Impl::raiseNameError(uint32_t global, const Frame& f) {
    const std::string& name = prog.global_names[global];
    static const char* const kNotInLesson[] = {"set", "frozenset", "open", "eval", "exec", "iter", "next", "id", "hash",
                                               "getattr", "setattr", "hasattr", "callable", "super", "object", "slice",
                                               "bytes", "bytearray", "complex", "globals", "locals", "vars", "dir",
                                               "help", "compile", "memoryview", "property", "staticmethod", "classmethod"};
    for (const char* n : kNotInLesson)
        if (name == n) {
            raise(ExcKind::NameError, "py.err.builtin_unsupported").arg("name", name).hint("py.hint.unsupported");
            return;
        }
    std::vector<std::string_view> cands;
    for (size_t g = 0; g < globals.size(); ++g)
        if (!globals[g].isEmpty() || !fallback[g].isEmpty()) cands.push_back(prog.global_names[g]);
    const Proto& p = prog.protos[f.proto];
    if (f.proto != 0)
        for (uint32_t k = 0; k < p.local_count && k < p.local_names.size(); ++k) cands.push_back(p.local_names[k]);
    for (auto* b : builtins)
        if (b && static_cast<BuiltinKind>(b->kind) < BuiltinKind::MathSqrt) cands.push_back(b->name);
    bool lookalike = false;
    const std::string s = suggestName(name, cands, lookalike);
    Diagnostic& d = raise(ExcKind::NameError, "py.err.name_not_defined").arg("name", name);
    if (!s.empty()) d.arg("suggestion", s).hint(lookalike ? "py.hint.lookalike_letters" : "py.hint.did_you_mean");
    else d.hint("py.hint.name_not_defined");
}

bool Vm::Impl::augAdd(Value& dst, const Value& rhs) {
    if (isObjType(dst, ObjType::List)) {  // list += iterable extends in place, as in Python
        std::vector<Value> more;
        if (!toList(rhs, more)) {
            vm.diag_ = {};
            raise(ExcKind::TypeError, "py.err.bad_operands").arg("op", "+=").arg("left", "list").arg("right", typeName(rhs));
            return false;
        }
        auto& items = asList(dst)->items;
        if (!checkSize(items.size() + more.size(), sizeof(Value))) return false;
        items.insert(items.end(), more.begin(), more.end());
        account(more.size() * sizeof(Value));
        return true;
    }
    if (isObjType(dst, ObjType::Str) && isObjType(rhs, ObjType::Str)) {
        StrObj* a = asStr(dst);
        const std::string& b = asStr(rhs)->s;
        if (!checkSize(a->s.size() + b.size(), 1)) return false;
        if (dst.flags & 1) {
            // Sole reference: append in place (amortised O(1), like CPython's refcount-1 trick).
            const size_t cap = a->s.capacity();
            a->s += b;
            if (a->s.capacity() != cap) account(a->s.capacity() - cap);
            a->hashed = false;
            a->cp_count = -1;
            if (a->ascii == 1) a->ascii = -1;
            return true;
        }
        std::string s;
        s.reserve(std::max<size_t>(32, 2 * (a->s.size() + b.size())));
        s += a->s;
        s += b;
        const size_t n = s.capacity();
        dst = Value::object(alloc(new StrObj(std::move(s)), n));
        dst.flags = 1;
        return true;
    }
    Value r;
    if (!binary(Op::Add, dst, rhs, r)) return false;
    dst = r;
    return true;
}

// ============================== 4 calls ==============================

bool Vm::Impl::pushFrame(Value* callee_slot, int argc, const StrObj* const* kw_names, int kwc) {
    auto* fn = static_cast<FunctionObj*>(callee_slot->o);
    const Proto& p = prog.protos[fn->proto];
    if (frames.size() >= vm.limits_.max_call_depth) {
        raise(ExcKind::RecursionError, "py.err.recursion")
            .arg("name", p.name)
            .arg("n", static_cast<int64_t>(vm.limits_.max_call_depth))
            .hint("py.hint.recursion");
        return false;
    }
    Value* args = callee_slot + 1;
    if (args + p.local_count + p.max_stack + 8 >= stack.data() + stack.size()) {
        raise(ExcKind::RecursionError, "py.err.recursion")
            .arg("name", p.name)
            .arg("n", static_cast<int64_t>(frames.size()))
            .hint("py.hint.recursion");
        return false;
    }
    const int positional = argc - kwc;
    const int nparams = static_cast<int>(p.param_count);
    if (positional > nparams) {
        raise(ExcKind::TypeError, "py.err.too_many_args").arg("name", p.name).arg("n", static_cast<int64_t>(nparams)).arg("given", static_cast<int64_t>(positional));
        return false;
    }
    Value kw_values[16];
    if (kwc > 16) return fail(ExcKind::TypeError, "py.err.too_many_keywords");
    for (int k = 0; k < kwc; ++k) kw_values[k] = args[positional + k];
    for (int k = positional; k < static_cast<int>(p.local_count); ++k) args[k] = Value::empty();
    for (int k = 0; k < kwc; ++k) {
        int idx = -1;
        for (int j = 0; j < nparams; ++j)
            if (p.local_names[j] == kw_names[k]->s) { idx = j; break; }
        if (idx < 0) {
            raise(ExcKind::TypeError, "py.err.unexpected_keyword").arg("name", p.name).arg("keyword", kw_names[k]->s);
            return false;
        }
        if (!args[idx].isEmpty()) {
            raise(ExcKind::TypeError, "py.err.duplicate_argument").arg("name", p.name).arg("keyword", kw_names[k]->s);
            return false;
        }
        args[idx] = kw_values[k];
    }
    const int ndef = static_cast<int>(fn->defaults.size());
    for (int k = positional; k < nparams; ++k) {
        if (!args[k].isEmpty()) continue;
        if (k >= nparams - ndef) args[k] = fn->defaults[k - (nparams - ndef)];
        else {
            raise(ExcKind::TypeError, "py.err.missing_argument").arg("name", p.name).arg("param", p.local_names[k]).arg("n", static_cast<int64_t>(nparams));
            return false;
        }
    }
    Frame f;
    f.proto = fn->proto;
    f.ip = p.code.data();
    f.base = args;
    frames.push_back(f);
    sp = args + p.local_count;
    return true;
}

bool Vm::Impl::callValue(Value callee, const Value* args, int argc, Value& out) {
    if (isObjType(callee, ObjType::Builtin))
        return callBuiltin(static_cast<BuiltinObj*>(callee.o), args, argc, nullptr, nullptr, 0, out);
    if (isObjType(callee, ObjType::BoundMethod)) {
        auto* bm = static_cast<BoundMethodObj*>(callee.o);
        return callMethod(static_cast<MethodId>(bm->method), bm->self, args, argc, nullptr, nullptr, 0, out);
    }
    if (!isObjType(callee, ObjType::Function)) {
        raise(ExcKind::TypeError, "py.err.not_callable").arg("type", typeName(callee));
        return false;
    }
    Value* slot = sp;
    if (slot + argc + 1 >= stack.data() + stack.size()) return fail(ExcKind::RecursionError, "py.err.recursion");
    slot[0] = callee;
    for (int k = 0; k < argc; ++k) slot[1 + k] = args[k];
    sp = slot + 1 + argc;
    const size_t depth = frames.size();
    if (!pushFrame(slot, argc, nullptr, 0)) { sp = slot; return false; }
    frames.back().native_boundary = true;
    ++native_depth;
    ++gc_inhibit;
    const StepStatus s = execute(UINT64_MAX, depth);
    --native_depth;
    --gc_inhibit;
    if (s != StepStatus::Finished) return false;
    out = *--sp;
    return true;
}

// ============================== 5 dispatch loop ==============================

StepStatus Vm::Impl::execute(uint64_t budget, size_t stop_depth) {
    const uint64_t total_left = vm.limits_.max_instructions > vm.executed_ ? vm.limits_.max_instructions - vm.executed_ : 0;
    bool capped = false;
    if (budget >= total_left) { budget = total_left; capped = true; }
    const uint64_t start_budget = budget;

    Frame* f = &frames.back();
    const uint32_t* code = prog.protos[f->proto].code.data();
    const uint32_t* ip = f->ip;
    Value* base = f->base;
    Value* sp = this->sp;
    uint64_t* loops = loop_counts.data() + loop_base[f->proto];
    const Value* K = consts.data();
    Value* G = globals.data();
    bool ex_call = false;  // CallEx falls through into Call with this many arguments
    int ex_argc = 0;

#define SAVE() do { f->ip = ip; this->sp = sp; } while (0)
#define LOAD() do { f = &frames.back(); code = prog.protos[f->proto].code.data(); ip = f->ip; base = f->base; \
                    sp = this->sp; loops = loop_counts.data() + loop_base[f->proto]; } while (0)
#define FAULT() do { SAVE(); goto fault; } while (0)
#define BINOP(OPNAME, FAST)                                                          \
    case Op::OPNAME: {                                                               \
        Value& a = sp[-2];                                                           \
        const Value& b = sp[-1];                                                     \
        if (a.type == ValueType::Int && b.type == ValueType::Int) { FAST }           \
        SAVE();                                                                      \
        Value r;                                                                     \
        if (!binary(Op::OPNAME, a, b, r)) goto fault;                                \
        --sp;                                                                        \
        sp[-1] = r;                                                                  \
        break;                                                                       \
    }
#define CMPOP(OPNAME, EXPR)                                                          \
    case Op::OPNAME: {                                                               \
        Value& a = sp[-2];                                                           \
        const Value& b = sp[-1];                                                     \
        if (a.type == ValueType::Int && b.type == ValueType::Int) {                  \
            const bool r = (EXPR);                                                   \
            --sp;                                                                    \
            sp[-1] = Value::boolean(r);                                              \
            break;                                                                   \
        }                                                                            \
        SAVE();                                                                      \
        Value r;                                                                     \
        if (!compare(Op::OPNAME, a, b, r)) goto fault;                               \
        --sp;                                                                        \
        sp[-1] = r;                                                                  \
        break;                                                                       \
    }

    for (;;) {
        if (budget == 0) {
            SAVE();
            vm.executed_ += start_budget;
            if (!capped) return StepStatus::Running;
            goto timeout;
        }
        --budget;
        const uint32_t w = *ip++;
        switch (opOf(w)) {
            case Op::LoadConst: *sp++ = K[argOf(w)]; break;
            case Op::LoadSmallInt: *sp++ = Value::integer(static_cast<int64_t>(argOf(w)) - kSmallIntBias); break;
            case Op::LoadNone: *sp++ = Value(); break;
            case Op::LoadTrue: *sp++ = Value::boolean(true); break;
            case Op::LoadFalse: *sp++ = Value::boolean(false); break;
            case Op::LoadLocal: {
                const Value& v = base[argOf(w)];
                if (v.type == ValueType::Empty) {
                    SAVE();
                    raise(ExcKind::UnboundLocalError, "py.err.unbound_local")
                        .arg("name", prog.protos[f->proto].local_names[argOf(w)]);
                    goto fault;
                }
                *sp = v;
                sp->flags = 0;
                base[argOf(w)].flags = 0;
                ++sp;
                break;
            }
            case Op::StoreLocal: base[argOf(w)] = *--sp; break;
            case Op::AugAddLocal: {
                Value& dst = base[argOf(w)];
                const Value& rhs = sp[-1];
                if (dst.type == ValueType::Int && rhs.type == ValueType::Int) {
                    int64_t r;
                    if (!__builtin_add_overflow(dst.i, rhs.i, &r)) { dst.i = r; --sp; break; }
                }
                SAVE();
                if (dst.type == ValueType::Empty) {
                    raise(ExcKind::UnboundLocalError, "py.err.unbound_local").arg("name", prog.protos[f->proto].local_names[argOf(w)]);
                    goto fault;
                }
                if (!augAdd(dst, rhs)) goto fault;
                --sp;
                break;
            }
            case Op::AugAddGlobal: {
                Value& dst = G[argOf(w)];
                const Value& rhs = sp[-1];
                if (dst.type == ValueType::Int && rhs.type == ValueType::Int) {
                    int64_t r;
                    if (!__builtin_add_overflow(dst.i, rhs.i, &r)) { dst.i = r; --sp; break; }
                }
                SAVE();
                if (dst.type == ValueType::Empty) {
                    if (fallback[argOf(w)].isEmpty()) { raiseNameError(argOf(w), *f); goto fault; }
                    Value r;
                    if (!binary(Op::Add, fallback[argOf(w)], rhs, r)) goto fault;
                    dst = r;
                } else if (!augAdd(dst, rhs)) {
                    goto fault;
                }
                --sp;
                break;
            }
            case Op::LoadGlobal: {
                Value v = G[argOf(w)];
                if (v.type == ValueType::Empty) {
                    v = fallback[argOf(w)];
                    if (v.type == ValueType::Empty) {
                        SAVE();
                        raiseNameError(argOf(w), *f);
                        goto fault;
                    }
                }
                G[argOf(w)].flags = 0;
                v.flags = 0;
                *sp++ = v;
                break;
            }
            case Op::StoreGlobal: G[argOf(w)] = *--sp; break;
            case Op::LoadAttr: {
                SAVE();
                Value r;
                if (!getAttr(sp[-1], argOf(w), r)) goto fault;
                sp[-1] = r;
                break;
            }
            case Op::LoadMethod: {
                Value obj = sp[-1];
                if (obj.type == ValueType::Object) {
                    if (obj.o->type == ObjType::Module) {
                        SAVE();
                        Value r;
                        if (!getAttr(obj, argOf(w), r)) goto fault;
                        sp[-1] = r;
                        *sp++ = Value::empty();
                        break;
                    }
                    const MethodId m = method_cache[argOf(w)][static_cast<size_t>(obj.o->type)];
                    if (m != MethodId::None) {
                        sp[-1] = Value::nativeMethod(static_cast<uint32_t>(m));
                        *sp++ = obj;
                        break;
                    }
                }
                SAVE();
                raise(ExcKind::AttributeError, "py.err.no_attribute").arg("type", typeName(obj)).arg("name", prog.names[argOf(w)]);
                goto fault;
            }
            case Op::Pop: --sp; break;
            case Op::Dup: *sp = sp[-1]; ++sp; break;
            case Op::Dup2: sp[0] = sp[-2]; sp[1] = sp[-1]; sp += 2; break;
            case Op::Rot2: { Value t = sp[-1]; sp[-1] = sp[-2]; sp[-2] = t; break; }
            case Op::Rot3: { Value t = sp[-1]; sp[-1] = sp[-2]; sp[-2] = sp[-3]; sp[-3] = t; break; }

            BINOP(Add, { int64_t r; if (!__builtin_add_overflow(a.i, b.i, &r)) { a.i = r; --sp; break; } })
            BINOP(Sub, { int64_t r; if (!__builtin_sub_overflow(a.i, b.i, &r)) { a.i = r; --sp; break; } })
            BINOP(Mul, { int64_t r; if (!__builtin_mul_overflow(a.i, b.i, &r)) { a.i = r; --sp; break; } })
            BINOP(TrueDiv, {})
            BINOP(FloorDiv, { if (b.i > 0) { int64_t q = a.i / b.i; if ((a.i % b.i) != 0 && a.i < 0) --q; a.i = q; --sp; break; } })
            BINOP(Mod, { if (b.i > 0) { int64_t m = a.i % b.i; if (m < 0) m += b.i; a.i = m; --sp; break; } })
            BINOP(Pow, {})
            BINOP(BitAnd, {})
            BINOP(BitOr, {})
            BINOP(BitXor, {})
            BINOP(Shl, {})
            BINOP(Shr, {})

            case Op::Neg:
            case Op::Pos:
            case Op::Not:
            case Op::Invert: {
                if (opOf(w) == Op::Not) { sp[-1] = Value::boolean(!truthy(sp[-1])); break; }
                SAVE();
                Value r;
                if (!unary(opOf(w), sp[-1], r)) goto fault;
                sp[-1] = r;
                break;
            }

            CMPOP(Lt, a.i < b.i)
            CMPOP(Le, a.i <= b.i)
            CMPOP(Gt, a.i > b.i)
            CMPOP(Ge, a.i >= b.i)
            CMPOP(Eq, a.i == b.i)
            CMPOP(Ne, a.i != b.i)
            case Op::In:
            case Op::NotIn: {
                SAVE();
                Value r;
                if (!compare(opOf(w), sp[-2], sp[-1], r)) goto fault;
                --sp;
                sp[-1] = r;
                break;
            }
            CMPOP(Is, a.i == b.i)
            CMPOP(IsNot, a.i != b.i)

            case Op::Jump: ip = code + argOf(w); break;
            case Op::JumpIfFalse: {
                const Value& v = *--sp;
                const bool t = v.type == ValueType::Bool ? v.b : truthy(v);
                if (!t) ip = code + argOf(w);
                break;
            }
            case Op::JumpIfTrue: {
                const Value& v = *--sp;
                const bool t = v.type == ValueType::Bool ? v.b : truthy(v);
                if (t) ip = code + argOf(w);
                break;
            }
            case Op::JumpIfFalseOrPop:
                if (!truthy(sp[-1])) ip = code + argOf(w);
                else --sp;
                break;
            case Op::JumpIfTrueOrPop:
                if (truthy(sp[-1])) ip = code + argOf(w);
                else --sp;
                break;
            case Op::Loop:
                ++loops[*ip];
                ip = code + argOf(w);
                if (bytes_since_gc >= gc_threshold && gc_inhibit == 0) {
                    SAVE();
                    collect();
                    if (live_bytes > vm.limits_.max_memory_bytes) { memoryError(); goto fault; }
                }
                break;
            case Op::GetIter: {
                SAVE();
                Value r;
                if (!getIter(sp[-1], r)) goto fault;
                sp[-1] = r;
                break;
            }
            case Op::ForIter: {
                auto* it = static_cast<IterObj*>(sp[-1].o);
                if (it->kind == IterKind::Range) {
                    if (it->step > 0 ? it->pos < it->stop : it->pos > it->stop) {
                        *sp++ = Value::integer(it->pos);
                        it->pos += it->step;
                    } else {
                        --sp;
                        ip = code + argOf(w);
                    }
                    break;
                }
                if (it->kind == IterKind::Seq) {
                    auto& items = asList(it->source)->items;
                    if (it->pos < static_cast<int64_t>(items.size())) *sp++ = items[it->pos++];
                    else { --sp; ip = code + argOf(w); }
                    break;
                }
                SAVE();
                Value x;
                bool done = false;
                if (!iterNext(it, x, done)) goto fault;
                if (done) { --sp; ip = code + argOf(w); }
                else *sp++ = x;
                break;
            }
            case Op::BuildList:
            case Op::BuildTuple: {
                const uint32_t n = argOf(w);
                ListObj* l = opOf(w) == Op::BuildList ? newList() : newTuple();
                l->items.assign(sp - n, sp);
                account(n * sizeof(Value));
                sp -= n;
                *sp++ = Value::object(l);
                break;
            }
            case Op::BuildDict: {
                const uint32_t n = argOf(w);
                SAVE();
                DictObj* d = newDict();
                for (int k = 0; k < static_cast<int>(n); ++k)
                    if (!dictSet(d, sp[-2 * static_cast<int>(n) + 2 * k], sp[-2 * static_cast<int>(n) + 2 * k + 1])) goto fault;
                sp -= 2 * n;
                *sp++ = Value::object(d);
                break;
            }
            case Op::BuildSlice: {
                auto* s = alloc(new SliceObj());
                s->start = sp[-3]; s->stop = sp[-2]; s->step = sp[-1];
                sp -= 3;
                *sp++ = Value::object(s);
                break;
            }
            case Op::BuildString: {
                const uint32_t n = argOf(w);
                std::string s;
                for (uint32_t k = 0; k < n; ++k) s += asStr(sp[-static_cast<int>(n) + static_cast<int>(k)])->s;
                sp -= n;
                *sp++ = newStr(std::move(s));
                break;
            }
            case Op::ListExtend: {
                Value more = *--sp;
                SAVE();
                std::vector<Value> items;
                if (!toList(more, items)) goto fault;
                ListObj* l = asList(sp[-static_cast<int>(argOf(w))]);
                if (!checkSize(l->items.size() + items.size(), sizeof(Value))) goto fault;
                l->items.insert(l->items.end(), items.begin(), items.end());
                account(items.size() * sizeof(Value));
                break;
            }
            case Op::ListAppend: {
                Value item = *--sp;
                ListObj* l = asList(sp[-static_cast<int>(argOf(w))]);
                if (l->items.size() == l->items.capacity()) account(l->items.size() * sizeof(Value) + 64);
                l->items.push_back(item);
                break;
            }
            case Op::DictSet: {
                SAVE();
                Value v = sp[-1], k = sp[-2];
                sp -= 2;
                if (!dictSet(asDict(sp[-static_cast<int>(argOf(w))]), k, v)) { this->sp = sp; goto fault; }
                break;
            }
            case Op::Unpack: {
                const uint32_t n = argOf(w);
                Value seq = sp[-1];
                SAVE();
                std::vector<Value> tmp;
                const std::vector<Value>* items;
                if (isObjType(seq, ObjType::List) || isObjType(seq, ObjType::Tuple)) items = &asList(seq)->items;
                else {
                    if (!toList(seq, tmp)) {
                        if (vm.diag_.message_key == "py.err.not_iterable") {
                            vm.diag_ = {};
                            raise(ExcKind::TypeError, "py.err.cannot_unpack").arg("type", typeName(seq));
                        }
                        goto fault;
                    }
                    items = &tmp;
                }
                if (items->size() != n) {
                    if (items->size() > n) raise(ExcKind::ValueError, "py.err.unpack_too_many").arg("n", static_cast<int64_t>(n));
                    else raise(ExcKind::ValueError, "py.err.unpack_too_few").arg("n", static_cast<int64_t>(n)).arg("got", static_cast<int64_t>(items->size()));
                    goto fault;
                }
                --sp;
                for (uint32_t k = n; k > 0; --k) *sp++ = (*items)[k - 1];
                break;
            }
            case Op::Subscr: {
                Value& c = sp[-2];
                const Value& k = sp[-1];
                if (k.type == ValueType::Int && c.type == ValueType::Object && c.o->type == ObjType::List) {
                    auto& items = asList(c)->items;
                    int64_t i = k.i;
                    if (i < 0) i += static_cast<int64_t>(items.size());
                    if (i >= 0 && i < static_cast<int64_t>(items.size())) {
                        c = items[i];
                        --sp;
                        break;
                    }
                }
                SAVE();
                Value r;
                if (!getItem(c, k, r)) goto fault;
                --sp;
                sp[-1] = r;
                break;
            }
            case Op::StoreSubscr: {
                const Value& v = sp[-3];
                Value& c = sp[-2];
                const Value& k = sp[-1];
                if (k.type == ValueType::Int && c.type == ValueType::Object && c.o->type == ObjType::List) {
                    auto& items = asList(c)->items;
                    int64_t i = k.i;
                    if (i < 0) i += static_cast<int64_t>(items.size());
                    if (i >= 0 && i < static_cast<int64_t>(items.size())) {
                        items[i] = v;
                        sp -= 3;
                        break;
                    }
                }
                SAVE();
                if (!setItem(c, k, v)) goto fault;
                sp -= 3;
                break;
            }
            case Op::DelSubscr: {
                SAVE();
                if (!delItem(sp[-2], sp[-1])) goto fault;
                sp -= 2;
                break;
            }
            case Op::FormatValue: {
                const uint32_t flags = argOf(w);
                SAVE();
                std::string spec;
                if (flags & 1) spec = asStr(*--sp)->s;
                Value v = sp[-1];
                const uint32_t conv = (flags >> 1) & 3;
                std::string out;
                if (conv == 2) {
                    std::string r;
                    if (!repr(v, r)) goto fault;
                    if (!formatString(r, spec, out)) { raise(ExcKind::ValueError, "py.err.bad_format").arg("spec", spec).arg("type", "str"); goto fault; }
                } else if (conv == 1 && !isObjType(v, ObjType::Str)) {
                    std::string r;
                    if (!str(v, r)) goto fault;
                    if (!formatString(r, spec, out)) { raise(ExcKind::ValueError, "py.err.bad_format").arg("spec", spec).arg("type", "str"); goto fault; }
                } else if (!formatValue(v, spec, out)) goto fault;
                sp[-1] = newStr(std::move(out));
                break;
            }
            case Op::CallEx: {
                // [callee, list of positional args, keyword values...] → a plain call
                const int kwc = (argOf(w) & kCallHasKeywords) ? static_cast<int>(asList(K[*ip])->items.size()) : 0;
                Value* list_slot = sp - kwc - 1;
                const std::vector<Value> items = asList(*list_slot)->items;
                if (list_slot + items.size() + kwc + 64 >= stack.data() + stack.size()) {
                    SAVE();
                    memoryError();
                    goto fault;
                }
                Value kw_tmp[16];
                for (int k = 0; k < kwc && k < 16; ++k) kw_tmp[k] = list_slot[1 + k];
                for (size_t k = 0; k < items.size(); ++k) list_slot[k] = items[k];
                for (int k = 0; k < kwc && k < 16; ++k) list_slot[items.size() + k] = kw_tmp[k];
                sp = list_slot + items.size() + kwc;
                ex_argc = static_cast<int>(items.size()) + kwc;
                ex_call = true;
            }
                [[fallthrough]];
            case Op::Call:
            case Op::CallMethod: {
                const uint32_t arg = argOf(w);
                const int argc = ex_call ? ex_argc : static_cast<int>(arg & 0xFFFF);
                ex_call = false;
                int kwc = 0;
                const StrObj* const* kw_names = nullptr;
                const StrObj* names_buf[16];
                if (arg & kCallHasKeywords) {
                    const auto& names = asList(K[*ip++])->items;
                    kwc = static_cast<int>(names.size());
                    if (kwc > 16) { SAVE(); raise(ExcKind::TypeError, "py.err.too_many_keywords"); goto fault; }
                    for (int k = 0; k < kwc; ++k) names_buf[k] = asStr(names[k]);
                    kw_names = names_buf;
                }
                Value* callee = sp - argc - 1;
                if (opOf(w) == Op::CallMethod) {
                    --callee;
                    if (callee->type == ValueType::Method) {
                        SAVE();
                        Value r;
                        const int positional = argc - kwc;
                        if (!callMethod(static_cast<MethodId>(callee->method), callee[1], callee + 2, positional, kw_names,
                                        callee + 2 + positional, kwc, r))
                            goto fault;
                        sp = callee;
                        *sp++ = r;
                        break;
                    }
                    // a module function: drop the empty self slot
                    std::memmove(static_cast<void*>(callee + 1), static_cast<const void*>(callee + 2), sizeof(Value) * argc);
                    --sp;
                }
                if (callee->type == ValueType::Object && callee->o->type == ObjType::Function) {
                    SAVE();
                    if (!pushFrame(callee, argc, kw_names, kwc)) goto fault;
                    LOAD();
                    if (bytes_since_gc >= gc_threshold && gc_inhibit == 0) {
                        SAVE();
                        collect();
                        if (live_bytes > vm.limits_.max_memory_bytes) { memoryError(); goto fault; }
                    }
                    break;
                }
                if (callee->type == ValueType::Object && callee->o->type == ObjType::Builtin) {
                    SAVE();
                    Value r;
                    const int positional = argc - kwc;
                    auto* b = static_cast<BuiltinObj*>(callee->o);
                    if (!callBuiltin(b, callee + 1, positional, kw_names, callee + 1 + positional, kwc, r)) goto fault;
                    sp = callee;
                    if (vm.waiting_input_) {  // input() is waiting for the pupil: resume pushes the answer
                        this->sp = sp;
                        vm.executed_ += start_budget - budget;
                        return StepStatus::Yielded;
                    }
                    *sp++ = r;
                    if (yield_now) {
                        yield_now = false;
                        SAVE();
                        vm.executed_ += start_budget - budget;
                        return StepStatus::Yielded;
                    }
                    break;
                }
                if (callee->type == ValueType::Object && callee->o->type == ObjType::BoundMethod) {
                    SAVE();
                    Value r;
                    const int positional = argc - kwc;
                    auto* bm = static_cast<BoundMethodObj*>(callee->o);
                    if (!callMethod(static_cast<MethodId>(bm->method), bm->self, callee + 1, positional, kw_names,
                                    callee + 1 + positional, kwc, r))
                        goto fault;
                    sp = callee;
                    *sp++ = r;
                    break;
                }
                SAVE();
                {
                    Diagnostic& d = raise(ExcKind::TypeError, "py.err.not_callable").arg("type", typeName(*callee));
                    if (callee->isInt() || callee->isFloat()) d.hint("py.hint.call_number");
                    else if (isObjType(*callee, ObjType::Str)) d.hint("py.hint.call_str");
                }
                goto fault;
            }
            case Op::MakeFunction: {
                const uint32_t ndef = *ip++;
                auto* fn = alloc(new FunctionObj());
                fn->proto = argOf(w);
                fn->defaults.assign(sp - ndef, sp);
                sp -= ndef;
                *sp++ = Value::object(fn);
                break;
            }
            case Op::Return: {
                const Value result = sp[-1];
                Value* slot = f->base - 1;
                const bool boundary = f->native_boundary;
                frames.pop_back();
                sp = slot;
                *sp++ = result;
                if (frames.empty() || boundary || frames.size() <= stop_depth) {
                    this->sp = sp;
                    vm.executed_ += start_budget - budget;
                    if (frames.empty()) --this->sp;  // the module's result is not needed
                    return StepStatus::Finished;
                }
                this->sp = sp;
                LOAD();
                break;
            }
            case Op::Import: {
                SAVE();
                Value m;
                if (!importModule(prog.names[argOf(w)], m)) goto fault;
                *sp++ = m;
                break;
            }
            case Op::Assert: {
                const Value v = *--sp;
                if (!truthy(v)) { SAVE(); raise(ExcKind::AssertionError, "py.err.assert"); goto fault; }
                break;
            }
            default:
                SAVE();
                raise(ExcKind::SyntaxError, "py.err.bad_program");
                goto fault;
        }
    }

timeout: {
    // Find the innermost loop around the current instruction to tell how often it ran.
    const Frame& fr = frames.back();
    const Proto& p = prog.protos[fr.proto];
    const uint32_t pc = static_cast<uint32_t>(fr.ip - p.code.data());
    int best = -1;
    for (size_t k = 0; k < p.loops.size(); ++k) {
        const LoopInfo& l = p.loops[k];
        if (pc >= l.start && pc <= l.end && (best < 0 || l.end - l.start < p.loops[best].end - p.loops[best].start))
            best = static_cast<int>(k);
    }
    if (best >= 0) {
        Diagnostic& d = raise(ExcKind::TimeoutError, "py.err.endless_loop");
        d.arg("n", static_cast<int64_t>(loop_counts[loop_base[fr.proto] + best])).arg("loop_line", static_cast<int64_t>(p.loops[best].line));
        d.hint("py.hint.endless_loop");
        d.line = p.loops[best].line;
        d.column = 1;
    } else {
        raise(ExcKind::TimeoutError, "py.err.too_long").arg("n", static_cast<int64_t>(vm.executed_)).hint("py.hint.endless_loop");
        fillPosition(vm.diag_);
    }
    return StepStatus::Faulted;
}

fault:
    vm.executed_ += start_budget - budget;
    if (vm.diag_.line == 0) fillPosition(vm.diag_);
    return StepStatus::Faulted;
#undef SAVE
#undef LOAD
#undef FAULT
#undef BINOP
#undef CMPOP
}

}  // namespace sandyq::program
