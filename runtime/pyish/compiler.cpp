// pyish/compiler.cpp — Ast → program::Program. Names are resolved at compile time: function
// locals (anything assigned in the body, minus `global` names) become frame slots, module names
// become global slots, comprehension variables get hidden slots of their own scope.
// Sections: 1 emitter · 2 scopes · 3 statements · 4 expressions · 5 entry points.
#include <map>
#include <set>
#include <unordered_map>

#include "pyish/lexer.h"
#include "pyish/pyish.h"

namespace sandyq::pyish {

using program::Constant;
using program::Diagnostic;
using program::ExcKind;
using program::makeDiagnostic;
using program::Op;
using program::Program;
using program::Proto;

namespace {

int stackEffect(Op op, uint32_t arg) {
    switch (op) {
        case Op::LoadConst: case Op::LoadSmallInt: case Op::LoadNone: case Op::LoadTrue: case Op::LoadFalse:
        case Op::LoadLocal: case Op::LoadGlobal: case Op::Dup: case Op::Import: case Op::LoadMethod:
            return 1;
        case Op::Dup2: return 2;
        case Op::StoreLocal: case Op::StoreGlobal: case Op::Pop: case Op::JumpIfFalse: case Op::JumpIfTrue:
        case Op::JumpIfFalseOrPop: case Op::JumpIfTrueOrPop: case Op::ListAppend: case Op::Subscr: case Op::Return:
        case Op::Assert: case Op::AugAddLocal: case Op::AugAddGlobal: case Op::ListExtend:
            return -1;
        case Op::Add: case Op::Sub: case Op::Mul: case Op::TrueDiv: case Op::FloorDiv: case Op::Mod: case Op::Pow:
        case Op::BitAnd: case Op::BitOr: case Op::BitXor: case Op::Shl: case Op::Shr:
        case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge: case Op::Eq: case Op::Ne: case Op::In: case Op::NotIn:
        case Op::Is: case Op::IsNot:
            return -1;
        case Op::ForIter: return 1;
        case Op::BuildList: case Op::BuildTuple: case Op::BuildString: return 1 - static_cast<int>(arg);
        case Op::BuildDict: return 1 - 2 * static_cast<int>(arg);
        case Op::BuildSlice: return -2;
        case Op::DictSet: case Op::DelSubscr: return -2;
        case Op::StoreSubscr: return -3;
        case Op::Unpack: return static_cast<int>(arg) - 1;
        case Op::FormatValue: return -static_cast<int>(arg & 1);
        case Op::Call: return -static_cast<int>(arg & 0xFFFF);
        case Op::CallMethod: return -static_cast<int>(arg & 0xFFFF) - 1;
        default: return 0;
    }
}

struct LoopCtx {
    uint32_t continue_target = 0;
    uint32_t loop_index = 0;
    bool is_for = false;
    std::vector<uint32_t> breaks;
};

struct FnState {
    uint32_t proto = 0;
    bool is_module = true;
    const FnState* parent = nullptr;  // the enclosing function (not the module), for closures
    std::unordered_map<std::string, uint32_t> locals;
    std::set<std::string> declared_global;
    std::vector<std::unordered_map<std::string, uint32_t>> overlays;  // comprehension scopes
    std::vector<LoopCtx> loops;
    int for_depth = 0;   // iterators on the stack at statement level
    int depth = 0;
    int max_depth = 0;
};

class Compiler {
public:
    Program prog;
    Diagnostic error;

    bool compileModule(const Node* module) {
        prog.protos.emplace_back();
        prog.protos[0].name = "<module>";
        FnState fs;
        fs.proto = 0;
        fn_ = &fs;
        for (const Node* s : module->kids)
            if (!stmt(s)) return false;
        cur_ = nullptr;
        emit(Op::LoadNone);
        emit(Op::Return);
        finish(fs);
        return true;
    }

private:
    FnState* fn_ = nullptr;
    const Node* cur_ = nullptr;
    int expr_depth_ = 0;
    std::unordered_map<std::string, uint32_t> global_index_, name_index_, str_const_;
    std::map<int64_t, uint32_t> int_const_;

    // ============================== 1 emitter ==============================

    Proto& proto() { return prog.protos[fn_->proto]; }
    uint32_t here() { return static_cast<uint32_t>(proto().code.size()); }

    void record() {
        Proto& p = proto();
        p.positions.push_back(cur_ ? program::SourcePos{cur_->line, cur_->column} : program::SourcePos{});
        p.nodes.push_back(cur_ ? cur_->id : 0);
    }

    uint32_t emit(Op op, uint32_t arg = 0) {
        const uint32_t at = here();
        proto().code.push_back(program::encode(op, arg));
        record();
        fn_->depth += stackEffect(op, arg);
        if (fn_->depth > fn_->max_depth) fn_->max_depth = fn_->depth;
        return at;
    }

    void word(uint32_t w) {
        proto().code.push_back(w);
        record();
    }

    void patch(uint32_t at, uint32_t target) {
        uint32_t& w = proto().code[at];
        w = program::encode(program::opOf(w), target);
    }

    void finish(FnState& fs) {
        Proto& p = prog.protos[fs.proto];
        p.max_stack = static_cast<uint32_t>(fs.max_depth) + 8;
        uint32_t n = 0;
        for (auto& kv : fs.locals) n = std::max(n, kv.second + 1);
        p.local_count = std::max(p.local_count, n);
    }

    bool fail(const Node* at, ExcKind kind, const char* key) {
        if (!error.ok()) return false;
        error = makeDiagnostic(kind, key);
        if (at) {
            error.line = at->line;
            error.column = at->column;
            error.node = at->id;
        }
        return false;
    }

    uint32_t constant(Constant c) {
        prog.constants.push_back(std::move(c));
        return static_cast<uint32_t>(prog.constants.size() - 1);
    }

    void loadInt(int64_t v) {
        if (v >= -program::kSmallIntBias && v < program::kSmallIntBias) {
            emit(Op::LoadSmallInt, static_cast<uint32_t>(v + program::kSmallIntBias));
            return;
        }
        auto it = int_const_.find(v);
        if (it == int_const_.end()) {
            Constant c;
            c.kind = Constant::Kind::Int;
            c.integer = v;
            it = int_const_.emplace(v, constant(c)).first;
        }
        emit(Op::LoadConst, it->second);
    }

    void loadStr(const std::string& s) {
        auto it = str_const_.find(s);
        if (it == str_const_.end()) {
            Constant c;
            c.kind = Constant::Kind::Str;
            c.text = s;
            it = str_const_.emplace(s, constant(c)).first;
        }
        emit(Op::LoadConst, it->second);
    }

    uint32_t nameIndex(const std::string& s) {
        auto it = name_index_.find(s);
        if (it != name_index_.end()) return it->second;
        prog.names.push_back(s);
        const uint32_t i = static_cast<uint32_t>(prog.names.size() - 1);
        name_index_.emplace(s, i);
        return i;
    }

    uint32_t globalIndex(const std::string& s) {
        auto it = global_index_.find(s);
        if (it != global_index_.end()) return it->second;
        prog.global_names.push_back(s);
        const uint32_t i = static_cast<uint32_t>(prog.global_names.size() - 1);
        global_index_.emplace(s, i);
        return i;
    }

    // ============================== 2 scopes ==============================

    uint32_t newHiddenSlot(const std::string& name) {
        Proto& p = proto();
        const uint32_t slot = p.local_count++;
        p.local_names.push_back(name);
        return slot;
    }

    bool loadName(const std::string& name) {
        for (auto it = fn_->overlays.rbegin(); it != fn_->overlays.rend(); ++it) {
            auto f = it->find(name);
            if (f != it->end()) { emit(Op::LoadLocal, f->second); return true; }
        }
        if (!fn_->is_module) {
            auto f = fn_->locals.find(name);
            if (f != fn_->locals.end()) { emit(Op::LoadLocal, f->second); return true; }
            // A def inside a def reading the outer function's variable needs a closure.
            for (const FnState* p = fn_->parent; p; p = p->parent)
                if (p->locals.count(name) && !fn_->declared_global.count(name)) {
                    fail(cur_, ExcKind::SyntaxError, "py.syntax.unsupported");
                    error.arg("construct", "closure").hint("py.hint.closure");
                    return false;
                }
        }
        emit(Op::LoadGlobal, globalIndex(name));
        return true;
    }

    void storeName(const std::string& name) {
        for (auto it = fn_->overlays.rbegin(); it != fn_->overlays.rend(); ++it) {
            auto f = it->find(name);
            if (f != it->end()) { emit(Op::StoreLocal, f->second); return; }
        }
        if (!fn_->is_module) {
            auto f = fn_->locals.find(name);
            if (f != fn_->locals.end()) { emit(Op::StoreLocal, f->second); return; }
        }
        emit(Op::StoreGlobal, globalIndex(name));
    }

    void augAddName(const std::string& name) {
        for (auto it = fn_->overlays.rbegin(); it != fn_->overlays.rend(); ++it) {
            auto f = it->find(name);
            if (f != it->end()) { emit(Op::AugAddLocal, f->second); return; }
        }
        if (!fn_->is_module) {
            auto f = fn_->locals.find(name);
            if (f != fn_->locals.end()) { emit(Op::AugAddLocal, f->second); return; }
        }
        emit(Op::AugAddGlobal, globalIndex(name));
    }

    static void targetNames(const Node* t, std::vector<std::string>& out) {
        if (!t) return;
        if (t->kind == NodeKind::Name) out.push_back(t->text);
        else if (t->kind == NodeKind::Tuple || t->kind == NodeKind::List)
            for (const Node* k : t->kids) targetNames(k, out);
    }

    // Names a function body assigns (they are its locals unless declared global).
    static void assignedNames(const Node* s, std::vector<std::string>& out, std::set<std::string>& globals) {
        if (!s) return;
        switch (s->kind) {
            case NodeKind::Assign:
                for (size_t k = 0; k + 1 < s->kids.size(); ++k) targetNames(s->kids[k], out);
                break;
            case NodeKind::AugAssign: targetNames(s->kids[0], out); break;
            case NodeKind::For:
                targetNames(s->kids[0], out);
                assignedNames(s->kids[2], out, globals);
                assignedNames(s->kids[3], out, globals);
                break;
            case NodeKind::If:
            case NodeKind::While:
                assignedNames(s->kids[1], out, globals);
                assignedNames(s->kids[2], out, globals);
                break;
            case NodeKind::Block:
                for (const Node* k : s->kids) assignedNames(k, out, globals);
                break;
            case NodeKind::Def: out.push_back(s->text); break;
            case NodeKind::Import: out.push_back(s->text2.empty() ? s->text : s->text2); break;
            case NodeKind::ImportFrom:
                for (const Node* a : s->kids) out.push_back(a->text2.empty() ? a->text : a->text2);
                break;
            case NodeKind::Global:
                for (const Node* n : s->kids) globals.insert(n->text);
                break;
            default: break;
        }
    }

    // ============================== 3 statements ==============================

    struct CurGuard {
        const Node*& slot;
        const Node* saved;
        CurGuard(const Node*& s, const Node* n) : slot(s), saved(s) { slot = n; }
        ~CurGuard() { slot = saved; }
    };

    bool block(const Node* b) {
        if (!b) return true;
        for (const Node* s : b->kids)
            if (!stmt(s)) return false;
        return true;
    }

    bool stmt(const Node* s) {
        CurGuard g(cur_, s);
        fn_->depth = fn_->for_depth;
        switch (s->kind) {
            case NodeKind::ExprStmt:
                if (!expr(s->kids[0])) return false;
                emit(Op::Pop);
                return true;
            case NodeKind::Assign: {
                const Node* value = s->kids.back();
                if (!expr(value)) return false;
                for (size_t k = 0; k + 1 < s->kids.size(); ++k) {
                    if (k + 2 < s->kids.size()) emit(Op::Dup);
                    if (!store(s->kids[k])) return false;
                }
                return true;
            }
            case NodeKind::AugAssign: {
                const Node* t = s->kids[0];
                if (t->kind == NodeKind::Name && s->op == Op::Add) {
                    if (!expr(s->kids[1])) return false;
                    augAddName(t->text);
                    return true;
                }
                if (t->kind == NodeKind::Name) {
                    if (!loadName(t->text)) return false;
                    if (!expr(s->kids[1])) return false;
                    emit(s->op);
                    storeName(t->text);
                    return true;
                }
                if (!expr(t->kids[0]) || !subscriptIndex(t->kids[1])) return false;
                emit(Op::Dup2);
                {
                    CurGuard g2(cur_, t);
                    emit(Op::Subscr);
                }
                if (!expr(s->kids[1])) return false;
                emit(s->op);
                emit(Op::Rot3);
                emit(Op::StoreSubscr);
                return true;
            }
            case NodeKind::If: {
                if (!expr(s->kids[0])) return false;
                const uint32_t jf = emit(Op::JumpIfFalse);
                if (!block(s->kids[1])) return false;
                if (s->kids[2]) {
                    const uint32_t je = emit(Op::Jump);
                    patch(jf, here());
                    if (!block(s->kids[2])) return false;
                    patch(je, here());
                } else {
                    patch(jf, here());
                }
                return true;
            }
            case NodeKind::While: {
                const uint32_t start = here();
                const uint32_t loop_index = static_cast<uint32_t>(proto().loops.size());
                proto().loops.push_back({start, 0, s->line});
                if (!expr(s->kids[0])) return false;
                const uint32_t jf = emit(Op::JumpIfFalse);
                fn_->loops.push_back({start, loop_index, false, {}});
                if (!block(s->kids[1])) return false;
                cur_ = s;
                emit(Op::Loop, start);
                word(loop_index);
                proto().loops[loop_index].end = here();
                patch(jf, here());
                LoopCtx ctx = std::move(fn_->loops.back());
                fn_->loops.pop_back();
                if (s->kids[2] && !block(s->kids[2])) return false;
                for (uint32_t b : ctx.breaks) patch(b, here());
                return true;
            }
            case NodeKind::For: {
                if (!expr(s->kids[1])) return false;
                emit(Op::GetIter);
                const uint32_t start = here();
                const uint32_t loop_index = static_cast<uint32_t>(proto().loops.size());
                proto().loops.push_back({start, 0, s->line});
                const uint32_t fi = emit(Op::ForIter);
                fn_->for_depth++;
                if (!store(s->kids[0])) return false;
                fn_->loops.push_back({start, loop_index, true, {}});
                if (!block(s->kids[2])) return false;
                cur_ = s;
                emit(Op::Loop, start);
                word(loop_index);
                proto().loops[loop_index].end = here();
                patch(fi, here());
                fn_->for_depth--;
                fn_->depth = fn_->for_depth;
                LoopCtx ctx = std::move(fn_->loops.back());
                fn_->loops.pop_back();
                if (s->kids[3] && !block(s->kids[3])) return false;
                for (uint32_t b : ctx.breaks) patch(b, here());
                return true;
            }
            case NodeKind::Break:
            case NodeKind::Continue: {
                if (fn_->loops.empty()) {
                    fail(s, ExcKind::SyntaxError, s->kind == NodeKind::Break ? "py.syntax.break_outside" : "py.syntax.continue_outside");
                    error.hint("py.hint.outside_loop");
                    return false;
                }
                LoopCtx& l = fn_->loops.back();
                if (s->kind == NodeKind::Continue) {
                    emit(Op::Loop, l.continue_target);
                    word(l.loop_index);
                } else {
                    if (l.is_for) emit(Op::Pop);
                    l.breaks.push_back(emit(Op::Jump));
                }
                return true;
            }
            case NodeKind::Pass: return true;
            case NodeKind::Return:
                if (fn_->is_module) {
                    fail(s, ExcKind::SyntaxError, "py.syntax.return_outside");
                    error.hint("py.hint.return_outside");
                    return false;
                }
                if (s->kids.empty()) emit(Op::LoadNone);
                else if (!expr(s->kids[0])) return false;
                emit(Op::Return);
                return true;
            case NodeKind::Global: return true;  // handled by the scope pass
            case NodeKind::Def: return def(s);
            case NodeKind::Import:
                emit(Op::Import, nameIndex(s->text));
                storeName(s->text2.empty() ? s->text : s->text2);
                return true;
            case NodeKind::ImportFrom:
                emit(Op::Import, nameIndex(s->text));
                for (const Node* a : s->kids) {
                    emit(Op::Dup);
                    CurGuard g2(cur_, a);
                    emit(Op::LoadAttr, nameIndex(a->text));
                    storeName(a->text2.empty() ? a->text : a->text2);
                }
                emit(Op::Pop);
                return true;
            case NodeKind::Del:
                for (const Node* t : s->kids) {
                    if (!expr(t->kids[0]) || !subscriptIndex(t->kids[1])) return false;
                    CurGuard g2(cur_, t);
                    emit(Op::DelSubscr);
                }
                return true;
            case NodeKind::Assert:
                if (!expr(s->kids[0])) return false;
                emit(Op::Assert);
                return true;
            default:
                return fail(s, ExcKind::SyntaxError, "py.syntax.invalid");
        }
    }

    bool store(const Node* t) {
        CurGuard g(cur_, t);
        switch (t->kind) {
            case NodeKind::Name: storeName(t->text); return true;
            case NodeKind::Subscript:
                if (!expr(t->kids[0]) || !subscriptIndex(t->kids[1])) return false;
                emit(Op::StoreSubscr);
                return true;
            case NodeKind::Tuple:
            case NodeKind::List:
                emit(Op::Unpack, static_cast<uint32_t>(t->kids.size()));
                for (const Node* k : t->kids)
                    if (!store(k)) return false;
                return true;
            default:
                return fail(t, ExcKind::SyntaxError, "py.syntax.cannot_assign_expression");
        }
    }

    bool def(const Node* s) {
        const Node* params = s->kids[0];
        // defaults are evaluated where the def stands
        uint32_t ndef = 0;
        for (const Node* p : params->kids)
            if (!p->kids.empty()) {
                if (!expr(p->kids[0])) return false;
                ++ndef;
            }
        const uint32_t index = static_cast<uint32_t>(prog.protos.size());
        prog.protos.emplace_back();
        {
            Proto& p = prog.protos.back();
            p.name = s->text;
            p.line = s->line;
            p.param_count = static_cast<uint32_t>(params->kids.size());
        }
        FnState fs;
        fs.proto = index;
        fs.is_module = false;
        fs.parent = fn_->is_module ? nullptr : fn_;
        for (const Node* p : params->kids) {
            const uint32_t slot = static_cast<uint32_t>(fs.locals.size());
            fs.locals.emplace(p->text, slot);
            prog.protos[index].local_names.push_back(p->text);
        }
        std::vector<std::string> assigned;
        assignedNames(s->kids[1], assigned, fs.declared_global);
        for (const auto& n : assigned) {
            if (fs.declared_global.count(n) || fs.locals.count(n)) continue;
            fs.locals.emplace(n, static_cast<uint32_t>(fs.locals.size()));
            prog.protos[index].local_names.push_back(n);
        }
        for (const auto& g : fs.declared_global)
            for (const Node* p : params->kids)
                if (p->text == g) {
                    fail(s, ExcKind::SyntaxError, "py.syntax.param_global");
                    error.arg("name", g);
                    return false;
                }
        prog.protos[index].local_count = static_cast<uint32_t>(fs.locals.size());
        FnState* outer = fn_;
        fn_ = &fs;
        const bool ok = block(s->kids[1]);
        if (ok) {
            cur_ = s;
            emit(Op::LoadNone);
            emit(Op::Return);
        }
        finish(fs);
        fn_ = outer;
        if (!ok) return false;
        cur_ = s;
        emit(Op::MakeFunction, index);
        word(ndef);
        fn_->depth -= static_cast<int>(ndef) - 1;
        storeName(s->text);
        return true;
    }

    // ============================== 4 expressions ==============================

    bool subscriptIndex(const Node* i) {
        if (i->kind != NodeKind::Slice) return expr(i);
        CurGuard g(cur_, i);
        for (const Node* k : i->kids) {
            if (k) { if (!expr(k)) return false; }
            else emit(Op::LoadNone);
        }
        emit(Op::BuildSlice);
        return true;
    }

    bool callArgs(const Node* c, size_t first, uint32_t& argc, uint32_t& kw_const) {
        std::vector<std::string> kw_names;
        argc = 0;
        for (size_t k = first; k < c->kids.size(); ++k) {
            const Node* a = c->kids[k];
            if (a->kind == NodeKind::Keyword) {
                for (const auto& n : kw_names)
                    if (n == a->text) {
                        fail(a, ExcKind::SyntaxError, "py.syntax.repeated_keyword");
                        error.arg("keyword", a->text);
                        return false;
                    }
                kw_names.push_back(a->text);
                if (!expr(a->kids[0])) return false;
            } else if (!expr(a)) {
                return false;
            }
            ++argc;
        }
        kw_const = UINT32_MAX;
        if (!kw_names.empty()) {
            Constant names;
            names.kind = Constant::Kind::Names;
            names.names = kw_names;
            kw_const = constant(names);
        }
        return true;
    }

    bool expr(const Node* e) {
        CurGuard g(cur_, e);
        // Long chains like 1+1+...+1 are left-deep trees; bound the recursion of the compiler.
        struct DepthGuard { int& d; explicit DepthGuard(int& x) : d(x) { ++d; } ~DepthGuard() { --d; } } depth(expr_depth_);
        if (expr_depth_ > 2000) {
            fail(e, ExcKind::SyntaxError, "py.syntax.too_nested");
            return false;
        }
        switch (e->kind) {
            case NodeKind::Name: return loadName(e->text);
            case NodeKind::Int: loadInt(e->integer); return true;
            case NodeKind::Float: {
                Constant c;
                c.kind = Constant::Kind::Float;
                c.real = e->real;
                emit(Op::LoadConst, constant(c));
                return true;
            }
            case NodeKind::Str: loadStr(e->text); return true;
            case NodeKind::NoneLit: emit(Op::LoadNone); return true;
            case NodeKind::True: emit(Op::LoadTrue); return true;
            case NodeKind::False: emit(Op::LoadFalse); return true;
            case NodeKind::FString: {
                uint32_t n = 0;
                for (const Node* part : e->kids) {
                    if (part->kind == NodeKind::Str) loadStr(part->text);
                    else {
                        if (!expr(part->kids[0])) return false;
                        uint32_t flags = static_cast<uint32_t>(part->integer) << 1;
                        if (part->kids[1]) {
                            if (!expr(part->kids[1])) return false;
                            flags |= 1;
                        }
                        CurGuard g2(cur_, part);
                        emit(Op::FormatValue, flags);
                    }
                    ++n;
                }
                if (n == 0) loadStr("");
                else if (n > 1 || e->kids[0]->kind != NodeKind::Str) emit(Op::BuildString, n);
                return true;
            }
            case NodeKind::List:
            case NodeKind::Tuple:
                for (const Node* k : e->kids)
                    if (!expr(k)) return false;
                emit(e->kind == NodeKind::List ? Op::BuildList : Op::BuildTuple, static_cast<uint32_t>(e->kids.size()));
                return true;
            case NodeKind::Dict:
                for (const Node* k : e->kids)
                    if (!expr(k)) return false;
                emit(Op::BuildDict, static_cast<uint32_t>(e->kids.size() / 2));
                return true;
            case NodeKind::BinOp:
                if (!expr(e->kids[0]) || !expr(e->kids[1])) return false;
                emit(e->op);
                return true;
            case NodeKind::UnaryOp:
                if (!expr(e->kids[0])) return false;
                emit(e->op);
                return true;
            case NodeKind::And:
            case NodeKind::Or: {
                std::vector<uint32_t> jumps;
                for (size_t k = 0; k < e->kids.size(); ++k) {
                    if (!expr(e->kids[k])) return false;
                    if (k + 1 < e->kids.size()) {
                        jumps.push_back(emit(e->kind == NodeKind::And ? Op::JumpIfFalseOrPop : Op::JumpIfTrueOrPop));
                    }
                }
                for (uint32_t j : jumps) patch(j, here());
                return true;
            }
            case NodeKind::Compare: {
                if (!expr(e->kids[0])) return false;
                if (e->ops.size() == 1) {
                    if (!expr(e->kids[1])) return false;
                    emit(e->ops[0]);
                    return true;
                }
                std::vector<uint32_t> cleanups;
                for (size_t k = 0; k < e->ops.size(); ++k) {
                    if (!expr(e->kids[k + 1])) return false;
                    if (k + 1 < e->ops.size()) {
                        emit(Op::Dup);
                        emit(Op::Rot3);
                        emit(e->ops[k]);
                        cleanups.push_back(emit(Op::JumpIfFalseOrPop));
                    } else {
                        emit(e->ops[k]);
                    }
                }
                const uint32_t jend = emit(Op::Jump);
                for (uint32_t c : cleanups) patch(c, here());
                emit(Op::Rot2);
                emit(Op::Pop);
                patch(jend, here());
                fn_->depth += 1;
                return true;
            }
            case NodeKind::IfExp: {
                if (!expr(e->kids[0])) return false;
                const uint32_t jf = emit(Op::JumpIfFalse);
                if (!expr(e->kids[1])) return false;
                const uint32_t je = emit(Op::Jump);
                patch(jf, here());
                fn_->depth -= 1;
                if (!expr(e->kids[2])) return false;
                patch(je, here());
                return true;
            }
            case NodeKind::Call: {
                const Node* f = e->kids[0];
                uint32_t argc = 0, kw = UINT32_MAX;
                bool starred = false;
                for (size_t k = 1; k < e->kids.size(); ++k) starred = starred || e->kids[k]->kind == NodeKind::Starred;
                if (starred) return callStarred(e);
                if (f->kind == NodeKind::Attribute) {
                    if (!expr(f->kids[0])) return false;
                    {
                        CurGuard g2(cur_, f);
                        emit(Op::LoadMethod, nameIndex(f->text));
                    }
                    if (!callArgs(e, 1, argc, kw)) return false;
                    emit(Op::CallMethod, argc | (kw != UINT32_MAX ? program::kCallHasKeywords : 0));
                } else {
                    if (!expr(f)) return false;
                    if (!callArgs(e, 1, argc, kw)) return false;
                    emit(Op::Call, argc | (kw != UINT32_MAX ? program::kCallHasKeywords : 0));
                }
                if (kw != UINT32_MAX) word(kw);
                return true;
            }
            case NodeKind::Attribute:
                if (!expr(e->kids[0])) return false;
                emit(Op::LoadAttr, nameIndex(e->text));
                return true;
            case NodeKind::Subscript:
                if (!expr(e->kids[0]) || !subscriptIndex(e->kids[1])) return false;
                emit(Op::Subscr);
                return true;
            case NodeKind::ListComp:
            case NodeKind::DictComp: return comprehension(e);
            default:
                return fail(e, ExcKind::SyntaxError, "py.syntax.invalid");
        }
    }

    // f(a, *b, c, key=v): positional arguments gathered into one list, then CallEx.
    bool callStarred(const Node* e) {
        if (!expr(e->kids[0])) return false;  // a method becomes a bound method here
        emit(Op::BuildList, 0);
        std::vector<std::string> kw_names;
        for (size_t k = 1; k < e->kids.size(); ++k) {
            const Node* a = e->kids[k];
            if (a->kind == NodeKind::Keyword) {
                kw_names.push_back(a->text);
                if (!expr(a->kids[0])) return false;
                continue;
            }
            if (a->kind == NodeKind::Starred) {
                if (!expr(a->kids[0])) return false;
                emit(Op::ListExtend, 1);
            } else {
                if (!expr(a)) return false;
                emit(Op::ListAppend, 1);
            }
        }
        uint32_t kw = UINT32_MAX;
        if (!kw_names.empty()) {
            Constant names;
            names.kind = Constant::Kind::Names;
            names.names = kw_names;
            kw = constant(names);
        }
        emit(Op::CallEx, kw != UINT32_MAX ? program::kCallHasKeywords : 0);
        if (kw != UINT32_MAX) word(kw);
        fn_->depth -= static_cast<int>(kw_names.size()) + 1;
        return true;
    }

    bool comprehension(const Node* e) {
        const bool dict = e->kind == NodeKind::DictComp;
        emit(dict ? Op::BuildDict : Op::BuildList, 0);
        const size_t first_gen = dict ? 2 : 1;
        fn_->overlays.emplace_back();
        struct Level { uint32_t start, exit, loop_index; };
        std::vector<Level> levels;
        for (size_t k = first_gen; k < e->kids.size(); ++k) {
            const Node* gen = e->kids[k];
            // the first iterable is evaluated outside the comprehension's scope
            if (k == first_gen) {
                auto saved = std::move(fn_->overlays.back());
                fn_->overlays.pop_back();
                if (!expr(gen->kids[1])) return false;
                fn_->overlays.push_back(std::move(saved));
            } else if (!expr(gen->kids[1])) {
                return false;
            }
            CurGuard g(cur_, gen);
            emit(Op::GetIter);
            const uint32_t start = here();
            const uint32_t loop_index = static_cast<uint32_t>(proto().loops.size());
            proto().loops.push_back({start, 0, gen->line});
            const uint32_t exit = emit(Op::ForIter);
            std::vector<std::string> names;
            targetNames(gen->kids[0], names);
            for (const auto& n : names)
                if (!fn_->overlays.back().count(n)) fn_->overlays.back().emplace(n, newHiddenSlot(n));
            if (!store(gen->kids[0])) return false;
            for (size_t c = 2; c < gen->kids.size(); ++c) {
                if (!expr(gen->kids[c])) return false;
                const uint32_t skip = emit(Op::JumpIfTrue);
                emit(Op::Loop, start);
                word(loop_index);
                patch(skip, here());
            }
            levels.push_back({start, exit, loop_index});
        }
        const uint32_t depth = static_cast<uint32_t>(levels.size()) + 1;
        if (dict) {
            if (!expr(e->kids[0]) || !expr(e->kids[1])) return false;
            emit(Op::DictSet, depth);
        } else {
            if (!expr(e->kids[0])) return false;
            emit(Op::ListAppend, depth);
        }
        for (auto it = levels.rbegin(); it != levels.rend(); ++it) {
            emit(Op::Loop, it->start);
            word(it->loop_index);
            proto().loops[it->loop_index].end = here();
            patch(it->exit, here());
        }
        fn_->overlays.pop_back();
        return true;
    }
};

}  // namespace

// ============================== 5 entry points ==============================

CompileResult compileAst(const Ast& ast) {
    CompileResult r;
    Compiler c;
    if (!ast.root || !c.compileModule(ast.root)) {
        r.error = c.error.ok() ? makeDiagnostic(ExcKind::SyntaxError, "py.syntax.invalid") : c.error;
        return r;
    }
    r.program = std::move(c.prog);
    return r;
}

CompileResult compile(std::string_view source) {
    ParseResult p = parse(source);
    if (!p.error.ok()) {
        CompileResult r;
        r.error = p.error;
        return r;
    }
    return compileAst(*p.ast);
}

}  // namespace sandyq::pyish
