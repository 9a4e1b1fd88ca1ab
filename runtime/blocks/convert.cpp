// blocks/convert.cpp — see convert.h. Sections: 1 blocks → Ast (with the printer's line
// numbers) · 2 entry points blocks → program/text · 3 text → blocks.
#include "blocks/convert.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "core/utf8.h"
#include "pyish/ast.h"
#include "pyish/printer.h"
#include "pyish/pyish.h"

namespace sandyq::blocks {

using program::Diagnostic;
using program::ExcKind;
using program::makeDiagnostic;
using pyish::Ast;
using pyish::Node;
using pyish::NodeKind;

namespace {

// ============================== 1 blocks → Ast ==============================

// Builds the Ast in the order the printer prints it, so that each statement's line is its line
// in the printed text (the printer puts every statement, `else:` and `pass` on a line of its own).
class Gen {
public:
    explicit Gen(const Workspace& ws) : ws_(ws) {}

    Ast ast;
    std::vector<BlockId> node_blocks{BlockId{}};
    std::vector<BlockId> ignored;
    Diagnostic error;

    bool build() {
        bool has_start = false;
        for (BlockId top : ws_.stacks())
            if (ws_.block(top) && ws_.block(top)->def->sem == Sem::Start) has_start = true;
        std::vector<BlockId> mains, defines;
        for (BlockId top : ws_.stacks()) {
            const Block* b = ws_.block(top);
            if (!b) continue;
            if (b->def->sem == Sem::Start) mains.push_back(b->next);
            else if (b->def->sem == Sem::Define) defines.push_back(top);
            else if (!has_start && b->def->isStatement()) mains.push_back(top);
            else ignored.push_back(top);
        }
        ast.root = ast.make(NodeKind::Module, 1, 1);
        record(ast.root, {});
        bool random = false;
        for (BlockId m : mains) random = random || usesRandom(m, true);
        for (BlockId d : defines) random = random || usesRandom(ws_.block(d)->next, true);
        if (random) {
            Node* imp = make(NodeKind::Import, {}, line_++, 1);
            imp->text = "random";
            ast.root->kids.push_back(imp);
        }
        std::set<std::string> names;
        for (BlockId d : defines) {
            const std::string& name = ws_.block(d)->inputs[0].value;
            if (!isValidName(name)) return fail(d, "blocks.err.proc_name");
            if (isReservedName(name)) return fail(d, "blocks.err.proc_reserved", name);
            if (!names.insert(name).second) return fail(d, "blocks.err.proc_twice", name);
            procs_.insert(name);
        }
        for (BlockId d : defines) {
            const Block* b = ws_.block(d);
            Node* def = make(NodeKind::Def, d, line_++, 1);
            def->text = b->inputs[0].value;
            Node* params = make(NodeKind::Block, d, def->line, 1);
            Node* body = make(NodeKind::Block, d, def->line, 5);
            def->kids = {params, body};
            std::vector<std::string> globals;
            assignedVariables(b->next, globals);
            if (!globals.empty()) {
                Node* g = make(NodeKind::Global, d, line_++, 5);
                for (const std::string& v : globals) {
                    if (!isValidName(v)) return fail(d, "blocks.err.no_variable");
                    Node* n = make(NodeKind::Name, d, g->line, 5);
                    n->text = v;
                    g->kids.push_back(n);
                }
                body->kids.push_back(g);
            }
            if (!statements(b->next, 1, body)) return false;
            if (body->kids.empty()) ++line_;  // `pass`
            ast.root->kids.push_back(def);
        }
        for (BlockId m : mains)
            if (!statements(m, 0, ast.root)) return false;
        return true;
    }

private:
    Node* make(NodeKind kind, BlockId b, uint32_t line, uint32_t column) {
        Node* n = ast.make(kind, line, column);
        record(n, b);
        return n;
    }
    void record(const Node* n, BlockId b) {
        if (node_blocks.size() <= n->id) node_blocks.resize(n->id + 1);
        node_blocks[n->id] = b;
    }

    bool fail(BlockId b, const char* key, std::string_view name = {}) {
        if (!error.ok()) return false;
        error = makeDiagnostic(ExcKind::SyntaxError, key);
        if (!name.empty()) error.arg("name", name);
        error.node = b.value;
        return false;
    }

    bool usesRandom(BlockId first, bool follow_next) const {
        std::vector<BlockId> todo{first};
        size_t guard = 0;
        while (!todo.empty() && guard++ < 100000) {
            const Block* b = ws_.block(todo.back());
            todo.pop_back();
            if (!b) continue;
            if (b->def->call == "random.randint") return true;
            for (const Input& in : b->inputs)
                if (in.block.valid()) todo.push_back(in.block);
            for (BlockId br : b->branches) todo.push_back(br);
            if (b->next.valid()) todo.push_back(b->next);
        }
        (void)follow_next;
        return false;
    }

    void assignedVariables(BlockId first, std::vector<std::string>& out) const {
        for (BlockId id : ws_.chain(first)) {
            const Block* b = ws_.block(id);
            if ((b->def->sem == Sem::SetVar || b->def->sem == Sem::ChangeVar) &&
                std::find(out.begin(), out.end(), b->inputs[0].value) == out.end())
                out.push_back(b->inputs[0].value);
            for (BlockId br : b->branches) assignedVariables(br, out);
        }
    }

    static uint32_t col(int indent) { return static_cast<uint32_t>(indent) * 4 + 1; }

    // The chain from `first`, each statement appended to `into`.
    bool statements(BlockId first, int indent, Node* into) {
        for (BlockId id : ws_.chain(first)) {
            Node* s = statement(id, indent);
            if (!s) return false;
            into->kids.push_back(s);
        }
        return true;
    }

    // A branch body: a Block node; an empty branch prints `pass` (one line).
    Node* body(const Block& owner, size_t branch, int indent, uint32_t line) {
        Node* blk = make(NodeKind::Block, owner.id, line, col(indent));
        if (!statements(owner.branches[branch], indent, blk)) return nullptr;
        if (blk->kids.empty()) ++line_;
        return blk;
    }

    Node* name(BlockId b, const std::string& text, uint32_t line, uint32_t column) {
        Node* n = make(NodeKind::Name, b, line, column);
        n->text = text;
        return n;
    }

    Node* call(const Block& b, uint32_t line, uint32_t column, bool with_inputs = true) {
        Node* c = make(NodeKind::Call, b.id, line, column);
        const std::string& callee = b.def->call;
        const size_t dot = callee.find('.');
        if (dot == std::string::npos) {
            c->kids.push_back(name(b.id, callee, line, column));
        } else {
            Node* attr = make(NodeKind::Attribute, b.id, line, column);
            attr->text = callee.substr(dot + 1);
            attr->kids.push_back(name(b.id, callee.substr(0, dot), line, column));
            c->kids.push_back(attr);
        }
        for (size_t k = 0; with_inputs && k < b.inputs.size(); ++k) {
            Node* v = value(b, k, line, column);
            if (!v) return nullptr;
            c->kids.push_back(v);
        }
        return c;
    }

    Node* statement(BlockId id, int indent) {
        const Block& b = *ws_.block(id);
        const uint32_t c = col(indent);
        switch (b.def->sem) {
            case Sem::CallStmt: {
                Node* s = make(NodeKind::ExprStmt, id, line_++, c);
                Node* e = call(b, s->line, c);
                if (!e) return nullptr;
                s->kids.push_back(e);
                return s;
            }
            case Sem::CallProc: {
                if (!procs_.count(b.inputs[0].value)) {
                    fail(id, "blocks.err.proc_unknown", b.inputs[0].value);
                    return nullptr;
                }
                Node* s = make(NodeKind::ExprStmt, id, line_++, c);
                Node* e = make(NodeKind::Call, id, s->line, c);
                e->kids.push_back(name(id, b.inputs[0].value, s->line, c));
                s->kids.push_back(e);
                return s;
            }
            case Sem::SetVar:
            case Sem::ChangeVar: {
                if (!isValidName(b.inputs[0].value)) {
                    fail(id, "blocks.err.no_variable");
                    return nullptr;
                }
                Node* s = make(b.def->sem == Sem::SetVar ? NodeKind::Assign : NodeKind::AugAssign, id, line_++, c);
                if (b.def->sem == Sem::ChangeVar) {
                    s->op = program::Op::Add;
                    s->text = "+=";
                }
                Node* v = value(b, 1, s->line, c);
                if (!v) return nullptr;
                s->kids = {name(id, b.inputs[0].value, s->line, c), v};
                return s;
            }
            case Sem::Repeat: {
                const std::string& var = b.inputs[1].value;
                if (!isValidName(var)) {
                    fail(id, "blocks.err.bad_name");
                    return nullptr;
                }
                Node* s = make(NodeKind::For, id, line_++, c);
                Node* range = make(NodeKind::Call, id, s->line, c);
                range->kids.push_back(name(id, "range", s->line, c));
                Node* n = value(b, 0, s->line, c);
                if (!n) return nullptr;
                range->kids.push_back(n);
                Node* target = name(id, var, s->line, c);
                Node* bd = body(b, 0, indent + 1, s->line);
                if (!bd) return nullptr;
                s->kids = {target, range, bd, nullptr};
                return s;
            }
            case Sem::Forever:
            case Sem::RepeatUntil:
            case Sem::While: {
                Node* s = make(NodeKind::While, id, line_++, c);
                Node* cond = nullptr;
                if (b.def->sem == Sem::Forever) {
                    cond = make(NodeKind::True, id, s->line, c);
                } else {
                    cond = value(b, 0, s->line, c);
                    if (!cond) return nullptr;
                    if (b.def->sem == Sem::RepeatUntil) {
                        Node* n = make(NodeKind::UnaryOp, id, s->line, c);
                        n->op = program::Op::Not;
                        n->kids.push_back(cond);
                        cond = n;
                    }
                }
                Node* bd = body(b, 0, indent + 1, s->line);
                if (!bd) return nullptr;
                s->kids = {cond, bd, nullptr};
                return s;
            }
            case Sem::WaitUntil: {
                // while not cond:
                //     pass
                Node* s = make(NodeKind::While, id, line_++, c);
                Node* cond = value(b, 0, s->line, c);
                if (!cond) return nullptr;
                Node* n = make(NodeKind::UnaryOp, id, s->line, c);
                n->op = program::Op::Not;
                n->kids.push_back(cond);
                Node* bd = make(NodeKind::Block, id, s->line, col(indent + 1));
                ++line_;  // `pass`
                s->kids = {n, bd, nullptr};
                return s;
            }
            case Sem::If:
            case Sem::IfElse: {
                Node* s = make(NodeKind::If, id, line_++, c);
                Node* cond = value(b, 0, s->line, c);
                if (!cond) return nullptr;
                Node* bd = body(b, 0, indent + 1, s->line);
                if (!bd) return nullptr;
                s->kids = {cond, bd, nullptr};
                if (b.def->sem == Sem::IfElse) {
                    const std::vector<BlockId> els = ws_.chain(b.branches[1]);
                    const bool elif = els.size() == 1 && (ws_.block(els[0])->def->sem == Sem::If ||
                                                          ws_.block(els[0])->def->sem == Sem::IfElse);
                    if (elif) {
                        // printed as `elif …:` on the next line, at this if's indent: the printer
                        // recognises an elif by the Block sitting at its If's position
                        Node* blk = make(NodeKind::Block, id, line_, c);
                        Node* inner = statement(els[0], indent);
                        if (!inner) return nullptr;
                        blk->kids.push_back(inner);
                        s->kids[2] = blk;
                    } else {
                        const uint32_t else_line = line_++;
                        Node* eb = body(b, 1, indent + 1, else_line);
                        if (!eb) return nullptr;
                        s->kids[2] = eb;
                    }
                }
                return s;
            }
            default:
                fail(id, "blocks.err.cannot_connect");
                return nullptr;
        }
    }

    Node* number(BlockId owner, const std::string& text, uint32_t line, uint32_t column) {
        if (text.find('.') != std::string::npos) {
            Node* n = make(NodeKind::Float, owner, line, column);
            n->real = std::strtod(text.c_str(), nullptr);
            n->text = text;
            return n;
        }
        Node* n = make(NodeKind::Int, owner, line, column);
        n->integer = std::strtoll(text.c_str(), nullptr, 10);
        n->text = std::to_string(n->integer);
        return n;
    }

    Node* value(const Block& owner, size_t k, uint32_t line, uint32_t column) {
        const Input& in = owner.inputs[k];
        if (in.block.valid()) return expression(in.block, line, column);
        switch (owner.def->inputs[k].kind) {
            case InputKind::Number:
                if (in.value.empty()) return number(owner.id, "0", line, column);
                if (!looksNumeric(in.value)) {
                    fail(owner.id, "blocks.err.not_a_number", in.value);
                    return nullptr;
                }
                return number(owner.id, in.value, line, column);
            case InputKind::Text:
                if (!in.is_text && !in.value.empty() && looksNumeric(in.value)) return number(owner.id, in.value, line, column);
                [[fallthrough]];
            case InputKind::Dropdown: {
                Node* s = make(NodeKind::Str, owner.id, line, column);
                s->text = in.value;
                return s;
            }
            case InputKind::Boolean: return make(NodeKind::False, owner.id, line, column);
            case InputKind::Variable:
                if (!isValidName(in.value)) {
                    fail(owner.id, "blocks.err.no_variable");
                    return nullptr;
                }
                return name(owner.id, in.value, line, column);
            default:
                fail(owner.id, "blocks.err.cannot_connect");
                return nullptr;
        }
    }

    Node* expression(BlockId id, uint32_t line, uint32_t column) {
        const Block& b = *ws_.block(id);
        switch (b.def->sem) {
            case Sem::CallExpr: return call(b, line, column);
            case Sem::CallCompare: {
                Node* n = make(NodeKind::Compare, id, line, column);
                Node* l = call(b, line, column, false);
                Node* r = l ? value(b, 0, line, column) : nullptr;
                if (!r) return nullptr;
                n->ops.push_back(b.def->op);
                n->kids = {l, r};
                return n;
            }
            case Sem::BinOp:
            case Sem::Compare: {
                Node* n = make(b.def->sem == Sem::BinOp ? NodeKind::BinOp : NodeKind::Compare, id, line, column);
                Node* l = value(b, 0, line, column);
                Node* r = l ? value(b, 1, line, column) : nullptr;
                if (!r) return nullptr;
                if (b.def->sem == Sem::BinOp) n->op = b.def->op;
                else n->ops.push_back(b.def->op);
                n->kids = {l, r};
                return n;
            }
            case Sem::And:
            case Sem::Or: {
                const NodeKind kind = b.def->sem == Sem::And ? NodeKind::And : NodeKind::Or;
                Node* l = value(b, 0, line, column);
                Node* r = l ? value(b, 1, line, column) : nullptr;
                if (!r) return nullptr;
                // `a and b and c` is one node in Python's tree: flatten left-nested blocks
                const Block* lb = ws_.block(b.inputs[0].block);
                if (lb && lb->def->sem == b.def->sem && l->kind == kind) {
                    l->kids.push_back(r);
                    return l;
                }
                Node* n = make(kind, id, line, column);
                n->kids = {l, r};
                return n;
            }
            case Sem::Not: {
                Node* n = make(NodeKind::UnaryOp, id, line, column);
                n->op = program::Op::Not;
                Node* v = value(b, 0, line, column);
                if (!v) return nullptr;
                n->kids.push_back(v);
                return n;
            }
            case Sem::GetVar: return value(b, 0, line, column);
            default:
                fail(id, "blocks.err.cannot_connect");
                return nullptr;
        }
    }

    const Workspace& ws_;
    uint32_t line_ = 1;
    std::set<std::string> procs_;
};

}  // namespace

// ============================== 2 blocks → program / text ==============================

CompiledBlocks compileWorkspace(const Workspace& ws) {
    CompiledBlocks out;
    Gen gen(ws);
    const bool built = gen.build();
    out.ignored_stacks = gen.ignored;
    if (!built) {
        out.error = gen.error;
        return out;
    }
    out.text = pyish::printAst(gen.ast);
    out.node_blocks = std::move(gen.node_blocks);
    pyish::CompileResult c = pyish::compileAst(gen.ast);
    if (!c.ok()) {
        out.error = c.error;
        out.error.node = out.blockAt(c.error.node).value;
        return out;
    }
    out.program = std::move(c.program);
    return out;
}

std::string workspaceText(const Workspace& ws) {
    Gen gen(ws);
    if (!gen.build()) return {};
    return pyish::printAst(gen.ast);
}

// ============================== 3 text → blocks ==============================

namespace {

class FromText {
public:
    FromText(std::string_view world, Workspace& ws) : world_(world), ws_(ws) {}
    Diagnostic error;

    bool convert(const Node& module) {
        for (const Node* s : module.kids)
            if (s->kind == NodeKind::Def) procs_.insert(s->text);
        const BlockId start = ws_.createRaw(*findBlock("events.start"));
        ws_.addStackRaw(start, 20, 20);
        BlockId prev = start;
        float def_y = 20;
        for (const Node* s : module.kids) {
            if (s->kind == NodeKind::Import && s->text == "random" && s->text2.empty()) continue;
            if (s->kind == NodeKind::Def) {
                if (!s->kids[0]->kids.empty() || isReservedName(s->text)) return notBlock(*s);
                const BlockId d = ws_.createRaw(*findBlock("procedures.define"));
                ws_.mutableBlock(d)->inputs[0].value = s->text;
                ws_.addStackRaw(d, 420, def_y);
                def_y += 240;
                BlockId first;
                if (!chain(*s->kids[1], true, first)) return false;
                link(d, first);
                continue;
            }
            const BlockId b = statement(*s);
            if (!b.valid()) return false;
            link(prev, b);
            prev = b;
        }
        return true;
    }

private:
    bool notBlock(const Node& n) {
        if (!error.ok()) return false;
        std::string text = pyish::printNode(n);
        const size_t nl = text.find('\n');
        if (nl != std::string::npos) text.resize(nl);
        const std::string_view shown = text::truncateCodepoints(text, 40);
        std::string construct(shown);
        if (shown.size() < text.size()) construct += "…";
        error = makeDiagnostic(ExcKind::SyntaxError, "blocks.err.not_a_block");
        error.arg("construct", construct).arg("line", static_cast<int64_t>(n.line));
        error.line = n.line;
        error.column = n.column;
        return false;
    }

    void link(BlockId above, BlockId below) {
        if (!below.valid()) return;
        ws_.mutableBlock(above)->next = below;
        ws_.mutableBlock(below)->parent = above;
    }

    // A body → a chain of blocks (first may stay invalid: an empty body / `pass`).
    bool chain(const Node& body, bool def_body, BlockId& first) {
        first = {};
        BlockId prev;
        for (size_t k = 0; k < body.kids.size(); ++k) {
            const Node& s = *body.kids[k];
            if (def_body && k == 0 && s.kind == NodeKind::Global) continue;  // regenerated from the blocks
            if (s.kind == NodeKind::Pass && body.kids.size() == 1) return true;
            const BlockId b = statement(s);
            if (!b.valid()) return false;
            if (prev.valid()) link(prev, b);
            else first = b;
            prev = b;
        }
        return true;
    }

    bool branch(BlockId owner, int index, const Node& body) {
        BlockId first;
        if (!chain(body, false, first)) return false;
        if (first.valid()) {
            ws_.mutableBlock(owner)->branches[static_cast<size_t>(index)] = first;
            ws_.mutableBlock(first)->parent = owner;
        }
        return true;
    }

    // The block of a call; with several (robot.motors with and without seconds) the one whose
    // input count matches the arguments.
    const BlockDef* findCall(const std::string& callee, bool statement, size_t argc) const {
        const BlockDef* found = nullptr;
        for (const BlockDef& d : allBlocks()) {
            if (d.call != callee || (!d.world.empty() && d.world != world_)) continue;
            if ((d.sem == Sem::CallStmt) != statement || (d.sem != Sem::CallStmt && d.sem != Sem::CallExpr)) continue;
            if (d.inputs.size() == argc) return &d;
            if (!found) found = &d;
        }
        return found;
    }

    static std::string calleeName(const Node& call) {
        const Node* f = call.kids[0];
        if (f->kind == NodeKind::Name) return f->text;
        if (f->kind == NodeKind::Attribute && f->kids[0]->kind == NodeKind::Name) return f->kids[0]->text + "." + f->text;
        return {};
    }

    // A call with positional arguments into the block's inputs.
    BlockId callBlock(const Node& call, const BlockDef& def, const Node& report) {
        const size_t argc = call.kids.size() - 1;
        for (size_t k = 1; k < call.kids.size(); ++k)
            if (call.kids[k]->kind == NodeKind::Keyword || call.kids[k]->kind == NodeKind::Starred) return bad(report);
        const bool optional_n = def.type == "maze.forward" && argc == 0;  // forward() = forward(1)
        if (argc != def.inputs.size() && !optional_n) return bad(report);
        const BlockId b = ws_.createRaw(def);
        for (size_t k = 0; k < argc; ++k)
            if (!slot(b, k, *call.kids[k + 1])) return {};
        return b;
    }

    BlockId bad(const Node& n) {
        notBlock(n);
        return {};
    }

    BlockId make(const char* type) { return ws_.createRaw(*findBlock(type)); }

    BlockId statement(const Node& s) {
        switch (s.kind) {
            case NodeKind::ExprStmt: {
                const Node& e = *s.kids[0];
                if (e.kind != NodeKind::Call) return bad(s);
                const std::string callee = calleeName(e);
                if (procs_.count(callee)) {
                    if (e.kids.size() != 1) return bad(s);
                    const BlockId b = make("procedures.call");
                    ws_.mutableBlock(b)->inputs[0].value = callee;
                    return b;
                }
                const BlockDef* def = findCall(callee, true, e.kids.size() - 1);
                if (!def) return bad(s);
                return callBlock(e, *def, s);
            }
            case NodeKind::Assign: {
                if (s.kids.size() != 2 || s.kids[0]->kind != NodeKind::Name) return bad(s);
                const BlockId b = make("data.set");
                setVariable(b, s.kids[0]->text);
                if (!slot(b, 1, *s.kids[1])) return {};
                return b;
            }
            case NodeKind::AugAssign: {
                if (s.op != program::Op::Add || s.kids[0]->kind != NodeKind::Name) return bad(s);
                const BlockId b = make("data.change");
                setVariable(b, s.kids[0]->text);
                if (!slot(b, 1, *s.kids[1])) return {};
                return b;
            }
            case NodeKind::For: {
                const Node& target = *s.kids[0];
                const Node& iter = *s.kids[1];
                if (target.kind != NodeKind::Name || iter.kind != NodeKind::Call || calleeName(iter) != "range" ||
                    iter.kids.size() != 2 || iter.kids[1]->kind == NodeKind::Keyword ||
                    iter.kids[1]->kind == NodeKind::Starred || s.kids[3])
                    return bad(s);
                const BlockId b = make("control.repeat");
                ws_.mutableBlock(b)->inputs[1].value = target.text;
                if (!slot(b, 0, *iter.kids[1])) return {};
                if (!branch(b, 0, *s.kids[2])) return {};
                return b;
            }
            case NodeKind::While: {
                if (s.kids[2]) return bad(s);
                const Node& cond = *s.kids[0];
                BlockId b;
                if (cond.kind == NodeKind::True) {
                    b = make("control.forever");
                } else if (cond.kind == NodeKind::UnaryOp && cond.op == program::Op::Not && onlyPass(*s.kids[1]) &&
                           available("robot.wait_until")) {
                    // `while not cond: pass` is the robot's "wait until" (no branch to fill)
                    b = make("robot.wait_until");
                    if (!slot(b, 0, *cond.kids[0])) return {};
                    return b;
                } else if (cond.kind == NodeKind::UnaryOp && cond.op == program::Op::Not) {
                    b = make("control.repeat_until");
                    if (!slot(b, 0, *cond.kids[0])) return {};
                } else {
                    b = make("control.while");
                    if (!slot(b, 0, cond)) return {};
                }
                if (!branch(b, 0, *s.kids[1])) return {};
                return b;
            }
            case NodeKind::If: {
                const BlockId b = make(s.kids[2] ? "control.if_else" : "control.if");
                if (!slot(b, 0, *s.kids[0])) return {};
                if (!branch(b, 0, *s.kids[1])) return {};
                if (s.kids[2] && !branch(b, 1, *s.kids[2])) return {};
                return b;
            }
            default: return bad(s);
        }
    }

    static bool onlyPass(const Node& body) {
        return body.kids.empty() || (body.kids.size() == 1 && body.kids[0]->kind == NodeKind::Pass);
    }

    // A block of this world's set (world-independent blocks always).
    bool available(std::string_view type) const {
        const BlockDef* d = findBlock(type);
        return d && (d->world.empty() || d->world == world_);
    }

    // `robot.color() == "black"` → the one-block question "colour is black?", when the right
    // side fits its input (a dropdown option; a number or a value block for a number).
    BlockId callCompare(const Node& e) {
        if (e.ops.size() != 1 || e.kids[0]->kind != NodeKind::Call || e.kids[0]->kids.size() != 1) return {};
        const std::string callee = calleeName(*e.kids[0]);
        const Node& right = *e.kids[1];
        for (const BlockDef& d : allBlocks()) {
            if (d.sem != Sem::CallCompare || d.call != callee || d.op != e.ops[0]) continue;
            if (!d.world.empty() && d.world != world_) continue;
            const InputDef& in = d.inputs[0];
            if (in.kind == InputKind::Dropdown &&
                (right.kind != NodeKind::Str || std::find(in.options.begin(), in.options.end(), right.text) == in.options.end()))
                continue;
            if (in.kind == InputKind::Number && (right.kind == NodeKind::Str || right.kind == NodeKind::True ||
                                                 right.kind == NodeKind::False || right.kind == NodeKind::NoneLit))
                continue;
            const BlockId b = ws_.createRaw(d);
            if (!slot(b, 0, right)) return {};
            return b;
        }
        return {};
    }

    void setVariable(BlockId b, const std::string& name) {
        ws_.mutableBlock(b)->inputs[0].value = name;
        ws_.addVariableRaw(name);
    }

    // An expression into input k of block b (a literal, or a value block).
    bool slot(BlockId b, size_t k, const Node& e) {
        const InputDef& def = ws_.block(b)->def->inputs[k];
        Input in;
        switch (def.kind) {
            case InputKind::Dropdown:
                if (e.kind != NodeKind::Str || std::find(def.options.begin(), def.options.end(), e.text) == def.options.end())
                    return notBlock(e);
                in.value = e.text;
                break;
            case InputKind::Boolean:
                if (e.kind == NodeKind::False) break;
                [[fallthrough]];
            case InputKind::Number:
            case InputKind::Text: {
                if (e.kind == NodeKind::Int || e.kind == NodeKind::Float) {
                    if (def.kind == InputKind::Boolean || !looksNumeric(e.text)) return notBlock(e);
                    in.value = e.text;
                    break;
                }
                if (e.kind == NodeKind::Str) {
                    if (def.kind != InputKind::Text) return notBlock(e);
                    in.value = e.text;
                    in.is_text = true;
                    break;
                }
                const BlockId v = expression(e);
                if (!v.valid()) return false;
                const Shape shape = ws_.block(v)->def->shape;
                if (def.kind == InputKind::Boolean && shape != Shape::Boolean) return notBlock(e);
                in.block = v;
                ws_.mutableBlock(v)->parent = b;
                break;
            }
            default: return notBlock(e);
        }
        ws_.mutableBlock(b)->inputs[k] = std::move(in);
        return true;
    }

    BlockId expression(const Node& e) {
        switch (e.kind) {
            case NodeKind::Name: {
                const BlockId b = make("data.variable");
                setVariable(b, e.text);
                return b;
            }
            case NodeKind::Call: {
                const BlockDef* def = findCall(calleeName(e), false, e.kids.size() - 1);
                if (!def) return bad(e);
                return callBlock(e, *def, e);
            }
            case NodeKind::BinOp:
            case NodeKind::Compare: {
                const Sem sem = e.kind == NodeKind::BinOp ? Sem::BinOp : Sem::Compare;
                if (sem == Sem::Compare && e.ops.size() != 1) return bad(e);
                if (sem == Sem::Compare) {
                    const BlockId q = callCompare(e);
                    if (q.valid() || !error.ok()) return q;
                }
                const program::Op op = sem == Sem::BinOp ? e.op : e.ops[0];
                for (const BlockDef& d : allBlocks()) {
                    if (d.sem != sem || d.op != op) continue;
                    const BlockId b = ws_.createRaw(d);
                    if (!slot(b, 0, *e.kids[0]) || !slot(b, 1, *e.kids[1])) return {};
                    return b;
                }
                return bad(e);
            }
            case NodeKind::And:
            case NodeKind::Or: {
                const char* type = e.kind == NodeKind::And ? "operators.and" : "operators.or";
                BlockId left = make(type);
                if (!slot(left, 0, *e.kids[0]) || !slot(left, 1, *e.kids[1])) return {};
                for (size_t k = 2; k < e.kids.size(); ++k) {
                    // a and b and c → ((a and b) and c)
                    const BlockId outer = make(type);
                    ws_.mutableBlock(outer)->inputs[0].block = left;
                    ws_.mutableBlock(left)->parent = outer;
                    if (!slot(outer, 1, *e.kids[k])) return {};
                    left = outer;
                }
                return left;
            }
            case NodeKind::UnaryOp: {
                if (e.op != program::Op::Not) return bad(e);
                const BlockId b = make("operators.not");
                if (!slot(b, 0, *e.kids[0])) return {};
                return b;
            }
            default: return bad(e);
        }
    }

    std::string world_;
    Workspace& ws_;
    std::set<std::string> procs_;
};

}  // namespace

TextToBlocks workspaceFromText(std::string_view source, std::string_view world_kind) {
    TextToBlocks out;
    pyish::ParseResult parsed = pyish::parse(source);
    if (!parsed.ast) {
        out.error = parsed.error;
        return out;
    }
    FromText conv(world_kind, out.workspace);
    if (!conv.convert(*parsed.ast->root)) {
        out.error = conv.error;
        out.workspace = Workspace{};
        return out;
    }
    out.workspace.forgetHistory();
    return out;
}

}  // namespace sandyq::blocks
