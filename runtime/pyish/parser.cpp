// pyish/parser.cpp — recursive-descent parser: tokens → Ast. Stops at the first mistake (one
// error, never a cascade) and words it for a child: missing colon, `=` in a condition, a bracket
// that was never closed (pointing where it opened), constructs outside the lesson subset.
// Sections: 1 plumbing · 2 statements · 3 expressions · 4 f-strings.
#include <cstring>

#include "core/utf8.h"
#include "pyish/lexer.h"
#include "pyish/pyish.h"

namespace sandyq::pyish {

using program::Diagnostic;
using program::ExcKind;
using program::makeDiagnostic;
using program::Op;

namespace {

constexpr int kMaxDepth = 120;

const char* unsupportedKeyword(const std::string& k) {
    static const char* const kList[] = {"class", "try", "except", "finally", "raise", "lambda", "yield",
                                        "with", "async", "await", "nonlocal"};
    for (const char* w : kList)
        if (k == w) return w;
    return nullptr;
}

class Parser {
public:
    Parser(std::vector<Token> tokens, Ast& ast) : t_(std::move(tokens)), ast_(ast) {}

    Diagnostic error;

    Node* module() {
        Node* m = ast_.make(NodeKind::Module, 1, 1);
        while (!failed() && peek().kind != TokKind::End) {
            if (peek().kind == TokKind::Newline) { ++i_; continue; }
            if (!statement(m->kids)) break;
        }
        return failed() ? nullptr : m;
    }

    // For f-string expressions: one expression followed by the end of input.
    Node* lone_expression() {
        Node* e = exprList();
        if (!e) return nullptr;
        while (peek().kind == TokKind::Newline) ++i_;
        if (peek().kind != TokKind::End) return fail(peek(), "py.syntax.invalid");
        return e;
    }

private:
    // ============================== 1 plumbing ==============================
    std::vector<Token> t_;
    size_t i_ = 0;
    Ast& ast_;
    int depth_ = 0;

    bool failed() const { return !error.ok(); }
    const Token& peek(size_t k = 0) const { return t_[std::min(i_ + k, t_.size() - 1)]; }
    const Token& next() { const Token& t = t_[std::min(i_, t_.size() - 1)]; if (i_ < t_.size() - 1) ++i_; return t; }
    bool acceptOp(const char* op) { if (peek().op(op)) { ++i_; return true; } return false; }
    bool acceptKw(const char* kw) { if (peek().kw(kw)) { ++i_; return true; } return false; }

    Diagnostic& set(const Token& at, const char* key, ExcKind kind = ExcKind::SyntaxError) {
        error = makeDiagnostic(kind, key);
        error.line = at.line;
        error.column = at.column;
        return error;
    }

    // Reports a generic mistake at `at`; if a bracket opened earlier is still open and the
    // mistake is on a later line (or at the end), the real problem is that bracket.
    Node* fail(const Token& at, const char* key, ExcKind kind = ExcKind::SyntaxError) {
        if (failed()) return nullptr;
        if (at.open_bracket && (at.kind == TokKind::End || at.line > at.open_line)) {
            error = makeDiagnostic(ExcKind::SyntaxError, "py.syntax.never_closed");
            error.line = at.open_line;
            error.column = at.open_column;
            error.arg("bracket", std::string(1, at.open_bracket)).hint("py.hint.never_closed");
            return nullptr;
        }
        Diagnostic& d = set(at, key, kind);
        if (std::strcmp(key, "py.syntax.invalid") == 0) d.arg("token", describe(at));
        if (std::strcmp(key, "py.syntax.missing_comma") == 0) d.hint("py.hint.missing_comma");
        return nullptr;
    }

    static std::string describe(const Token& t) {
        switch (t.kind) {
            case TokKind::Newline: return "\\n";
            case TokKind::End: return "EOF";
            case TokKind::Indent: case TokKind::Dedent: return " ";
            case TokKind::Str: return "\"" + std::string(text::truncateCodepoints(t.text, 20)) + "\"";
            default: return t.text;
        }
    }

    Node* make(NodeKind k, const Token& at) { return ast_.make(k, at.line, at.column); }

    Node* unsupported(const Token& at, const std::string& construct) {
        if (failed()) return nullptr;
        set(at, "py.syntax.unsupported").arg("construct", construct).hint("py.hint.unsupported");
        return nullptr;
    }

    // ============================== 2 statements ==============================

    bool statement(std::vector<Node*>& out) {
        const Token& t = peek();
        if (t.kind == TokKind::Indent) {
            set(t, "py.indent.unexpected", ExcKind::IndentationError).hint("py.hint.unexpected_indent");
            return false;
        }
        if (t.kind == TokKind::Keyword) {
            if (t.text == "if") return push(out, ifStmt());
            if (t.text == "while") return push(out, whileStmt());
            if (t.text == "for") return push(out, forStmt());
            if (t.text == "def") return push(out, defStmt());
            if (t.text == "elif" || t.text == "else") {
                set(t, "py.syntax.else_without_if").arg("keyword", t.text).hint("py.hint.else_without_if");
                return false;
            }
            if (const char* u = unsupportedKeyword(t.text)) { unsupported(t, u); return false; }
        }
        return simpleLine(out);
    }

    bool push(std::vector<Node*>& out, Node* n) {
        if (!n) return false;
        out.push_back(n);
        return true;
    }

    bool simpleLine(std::vector<Node*>& out) {
        for (;;) {
            Node* s = simpleStmt();
            if (!s) return false;
            out.push_back(s);
            if (acceptOp(";")) {
                if (peek().kind == TokKind::Newline || peek().kind == TokKind::End) break;
                continue;
            }
            break;
        }
        const Token& t = peek();
        if (t.kind == TokKind::Newline) { ++i_; return true; }
        if (t.kind == TokKind::End || t.kind == TokKind::Dedent) return true;
        // Something is left on the line.
        if (t.op("=") ) { fail(t, "py.syntax.invalid"); return false; }
        if (t.kind == TokKind::Name || t.kind == TokKind::Int || t.kind == TokKind::Float || t.kind == TokKind::Str) {
            fail(t, "py.syntax.missing_operator");
            if (!failed()) return false;
            if (error.message_key == "py.syntax.missing_operator") error.hint("py.hint.missing_operator");
            return false;
        }
        fail(t, "py.syntax.invalid");
        return false;
    }

    Node* simpleStmt() {
        const Token& t = peek();
        if (t.kind == TokKind::Keyword) {
            if (t.text == "pass") { next(); return make(NodeKind::Pass, t); }
            if (t.text == "break") { next(); return make(NodeKind::Break, t); }
            if (t.text == "continue") { next(); return make(NodeKind::Continue, t); }
            if (t.text == "return") {
                next();
                Node* r = make(NodeKind::Return, t);
                if (peek().kind != TokKind::Newline && peek().kind != TokKind::End && !peek().op(";")) {
                    Node* v = exprList();
                    if (!v) return nullptr;
                    r->kids.push_back(v);
                }
                return r;
            }
            if (t.text == "global") {
                next();
                Node* g = make(NodeKind::Global, t);
                do {
                    if (peek().kind != TokKind::Name) return fail(peek(), "py.syntax.invalid");
                    Node* n = make(NodeKind::Name, peek());
                    n->text = next().text;
                    g->kids.push_back(n);
                } while (acceptOp(","));
                return g;
            }
            if (t.text == "import") {
                next();
                if (peek().kind != TokKind::Name) return fail(peek(), "py.syntax.invalid");
                Node* im = make(NodeKind::Import, t);
                im->text = next().text;
                if (peek().op(".")) return unsupported(peek(), "import a.b");
                if (acceptKw("as")) {
                    if (peek().kind != TokKind::Name) return fail(peek(), "py.syntax.invalid");
                    im->text2 = next().text;
                }
                if (peek().op(",")) return unsupported(peek(), "import a, b");
                return im;
            }
            if (t.text == "from") {
                next();
                if (peek().kind != TokKind::Name) return fail(peek(), "py.syntax.invalid");
                Node* im = make(NodeKind::ImportFrom, t);
                im->text = next().text;
                if (!acceptKw("import")) return fail(peek(), "py.syntax.invalid");
                if (peek().op("*")) return unsupported(peek(), "import *");
                const bool paren = acceptOp("(");
                do {
                    if (peek().kind != TokKind::Name) return fail(peek(), "py.syntax.invalid");
                    Node* a = make(NodeKind::Alias, peek());
                    a->text = next().text;
                    if (acceptKw("as")) {
                        if (peek().kind != TokKind::Name) return fail(peek(), "py.syntax.invalid");
                        a->text2 = next().text;
                    }
                    im->kids.push_back(a);
                } while (acceptOp(","));
                if (paren && !acceptOp(")")) return fail(peek(), "py.syntax.invalid");
                return im;
            }
            if (t.text == "del") {
                next();
                Node* d = make(NodeKind::Del, t);
                do {
                    Node* e = orExpr();
                    if (!e) return nullptr;
                    if (e->kind != NodeKind::Subscript) return unsupported(t, "del");
                    d->kids.push_back(e);
                } while (acceptOp(","));
                return d;
            }
            if (t.text == "assert") {
                next();
                Node* a = make(NodeKind::Assert, t);
                Node* e = test();
                if (!e) return nullptr;
                a->kids.push_back(e);
                if (acceptOp(",")) {
                    Node* m = test();
                    if (!m) return nullptr;
                    a->kids.push_back(m);
                }
                return a;
            }
            if (const char* u = unsupportedKeyword(t.text)) return unsupported(t, u);
        }
        // `print "x"` — Python 2 habit
        if (t.kind == TokKind::Name && t.text == "print" &&
            (peek(1).kind == TokKind::Str || peek(1).kind == TokKind::Int || peek(1).kind == TokKind::Name || peek(1).kind == TokKind::Float)) {
            set(t, "py.syntax.print_parens").hint("py.hint.print_parens");
            return nullptr;
        }
        Node* e = exprList();
        if (!e) return nullptr;
        const Token& op = peek();
        if (op.op("=")) {
            Node* a = ast_.make(NodeKind::Assign, e->line, e->column);
            if (!checkTarget(e, op)) return nullptr;
            a->kids.push_back(e);
            while (acceptOp("=")) {
                Node* v = exprList();
                if (!v) return nullptr;
                if (peek().op("=")) {
                    if (!checkTarget(v, peek())) return nullptr;
                }
                a->kids.push_back(v);
            }
            return a;
        }
        static const std::pair<const char*, Op> kAug[] = {
            {"+=", Op::Add}, {"-=", Op::Sub}, {"*=", Op::Mul}, {"/=", Op::TrueDiv}, {"//=", Op::FloorDiv},
            {"%=", Op::Mod}, {"**=", Op::Pow}, {"&=", Op::BitAnd}, {"|=", Op::BitOr}, {"^=", Op::BitXor},
            {"<<=", Op::Shl}, {">>=", Op::Shr}};
        for (auto& [spelling, bop] : kAug) {
            if (!op.op(spelling)) continue;
            if (e->kind != NodeKind::Name && e->kind != NodeKind::Subscript) {
                set(op, "py.syntax.bad_aug_target").arg("op", spelling);
                return nullptr;
            }
            next();
            Node* a = ast_.make(NodeKind::AugAssign, e->line, e->column);
            a->op = bop;
            a->text = spelling;
            Node* v = exprList();
            if (!v) return nullptr;
            a->kids = {e, v};
            return a;
        }
        if (op.op(":=")) return unsupported(op, ":=");
        Node* s = ast_.make(NodeKind::ExprStmt, e->line, e->column);
        s->kids.push_back(e);
        return s;
    }

    bool checkTarget(Node* e, const Token& eq) {
        switch (e->kind) {
            case NodeKind::Name:
            case NodeKind::Subscript: return true;
            case NodeKind::Tuple:
            case NodeKind::List:
                for (Node* k : e->kids)
                    if (!checkTarget(k, eq)) return false;
                return true;
            case NodeKind::Attribute: unsupported(eq, "obj.attr ="); return false;
            default: break;
        }
        const char* key = "py.syntax.cannot_assign_expression";
        switch (e->kind) {
            case NodeKind::Int: case NodeKind::Float: case NodeKind::Str: case NodeKind::FString:
            case NodeKind::NoneLit: case NodeKind::True: case NodeKind::False: key = "py.syntax.cannot_assign_literal"; break;
            case NodeKind::Call: key = "py.syntax.cannot_assign_call"; break;
            case NodeKind::Compare: key = "py.syntax.cannot_assign_comparison"; break;
            default: break;
        }
        error = makeDiagnostic(ExcKind::SyntaxError, key);
        error.line = e->line;
        error.column = e->column;
        error.hint("py.hint.assign_vs_equal");
        return false;
    }

    // `:` NEWLINE INDENT statements DEDENT, or `:` simple statements on the same line.
    Node* block(const Token& header, const char* what) {
        const Token& c = peek();
        if (!c.op(":")) {
            if (c.op("=") && (std::strcmp(what, "if") == 0 || std::strcmp(what, "elif") == 0 || std::strcmp(what, "while") == 0)) {
                set(c, "py.syntax.assign_in_condition").arg("keyword", what).hint("py.hint.assign_in_condition");
                return nullptr;
            }
            if (c.kind == TokKind::Newline || c.kind == TokKind::End) {
                Diagnostic& d = set(c, "py.syntax.missing_colon");
                d.line = header.line;
                d.arg("keyword", what).hint("py.hint.missing_colon");
                return nullptr;
            }
            fail(c, "py.syntax.invalid");
            if (error.message_key == "py.syntax.invalid") error.arg("keyword", what).hint("py.hint.missing_colon");
            return nullptr;
        }
        next();
        Node* b = make(NodeKind::Block, c);
        if (peek().kind != TokKind::Newline) {
            if (!simpleLine(b->kids)) return nullptr;
            return b;
        }
        next();
        if (peek().kind != TokKind::Indent) {
            set(peek(), "py.indent.expected", ExcKind::IndentationError)
                .arg("keyword", what).arg("header_line", static_cast<int64_t>(header.line)).hint("py.hint.expected_indent");
            return nullptr;
        }
        next();
        while (!failed() && peek().kind != TokKind::Dedent && peek().kind != TokKind::End) {
            if (peek().kind == TokKind::Newline) { next(); continue; }
            if (!statement(b->kids)) return nullptr;
        }
        if (peek().kind == TokKind::Dedent) next();
        return b;
    }

    Node* ifStmt() {
        const Token& kw = next();  // if / elif
        Node* n = make(NodeKind::If, kw);
        Node* cond = test();
        if (!cond) return nullptr;
        Node* body = block(kw, kw.text == "if" ? "if" : "elif");
        if (!body) return nullptr;
        n->kids = {cond, body, nullptr};
        if (peek().kw("elif")) {
            Node* e = ifStmt();
            if (!e) return nullptr;
            Node* b = ast_.make(NodeKind::Block, e->line, e->column);
            b->kids.push_back(e);
            n->kids[2] = b;
        } else if (peek().kw("else")) {
            const Token& ekw = next();
            Node* b = block(ekw, "else");
            if (!b) return nullptr;
            n->kids[2] = b;
        }
        return n;
    }

    Node* whileStmt() {
        const Token& kw = next();
        Node* n = make(NodeKind::While, kw);
        Node* cond = test();
        if (!cond) return nullptr;
        Node* body = block(kw, "while");
        if (!body) return nullptr;
        n->kids = {cond, body, nullptr};
        if (peek().kw("else")) {
            const Token& ekw = next();
            Node* b = block(ekw, "else");
            if (!b) return nullptr;
            n->kids[2] = b;
        }
        return n;
    }

    Node* forStmt() {
        const Token& kw = next();
        Node* n = make(NodeKind::For, kw);
        Node* target = targetList();
        if (!target) return nullptr;
        if (!acceptKw("in")) {
            if (peek().kind == TokKind::Newline || peek().op(":")) {
                set(peek(), "py.syntax.for_needs_in").hint("py.hint.for_needs_in");
                return nullptr;
            }
            return fail(peek(), "py.syntax.invalid");
        }
        Node* iter = exprList();
        if (!iter) return nullptr;
        Node* body = block(kw, "for");
        if (!body) return nullptr;
        n->kids = {target, iter, body, nullptr};
        if (peek().kw("else")) {
            const Token& ekw = next();
            Node* b = block(ekw, "else");
            if (!b) return nullptr;
            n->kids[3] = b;
        }
        return n;
    }

    // for-loop and comprehension targets: names, subscripts, tuples of them.
    Node* targetList() {
        const Token& first = peek();
        std::vector<Node*> items;
        do {
            if (peek().kw("in")) break;
            Node* e = orExpr();
            if (!e) return nullptr;
            Token dummy = first;
            if (e->kind != NodeKind::Name && e->kind != NodeKind::Tuple && e->kind != NodeKind::List && e->kind != NodeKind::Subscript) {
                error = makeDiagnostic(ExcKind::SyntaxError, "py.syntax.bad_for_target");
                error.line = e->line;
                error.column = e->column;
                return nullptr;
            }
            items.push_back(e);
        } while (acceptOp(","));
        if (items.empty()) return fail(peek(), "py.syntax.invalid");
        if (items.size() == 1) return items[0];
        Node* t = make(NodeKind::Tuple, first);
        t->kids = items;
        return t;
    }

    Node* defStmt() {
        const Token& kw = next();
        if (peek().kind != TokKind::Name) return fail(peek(), "py.syntax.def_name");
        Node* n = make(NodeKind::Def, kw);
        n->text = next().text;
        if (!acceptOp("(")) {
            if (peek().op(":")) { set(peek(), "py.syntax.def_parens").arg("name", n->text).hint("py.hint.def_parens"); return nullptr; }
            return fail(peek(), "py.syntax.invalid");
        }
        Node* params = make(NodeKind::Block, kw);
        bool seen_default = false;
        while (!peek().op(")")) {
            if (peek().op("*") || peek().op("**")) return unsupported(peek(), "*args");
            if (peek().kind != TokKind::Name) return fail(peek(), "py.syntax.invalid");
            Node* p = make(NodeKind::Param, peek());
            p->text = next().text;
            for (Node* q : params->kids)
                if (q->text == p->text) {
                    set(t_[i_ - 1], "py.syntax.duplicate_param").arg("name", p->text);
                    return nullptr;
                }
            if (acceptOp("=")) {
                Node* d = test();
                if (!d) return nullptr;
                p->kids.push_back(d);
                seen_default = true;
            } else if (seen_default) {
                set(t_[i_ - 1], "py.syntax.default_order").hint("py.hint.default_order");
                return nullptr;
            }
            params->kids.push_back(p);
            if (!acceptOp(",")) break;
        }
        if (!acceptOp(")")) return fail(peek(), "py.syntax.invalid");
        if (peek().op("->")) return unsupported(peek(), "->");
        Node* body = block(kw, "def");
        if (!body) return nullptr;
        n->kids = {params, body};
        return n;
    }

    // ============================== 3 expressions ==============================

    struct DepthGuard {
        int& d;
        explicit DepthGuard(int& x) : d(x) { ++d; }
        ~DepthGuard() { --d; }
    };

    bool exprEnds(const Token& t) const {
        return t.kind == TokKind::Newline || t.kind == TokKind::End || t.op("=") || t.op(")") || t.op("]") ||
               t.op("}") || t.op(":") || t.op(";") || t.kind == TokKind::Dedent || t.kw("in") ||
               (t.kind == TokKind::Op && t.text.size() >= 2 && t.text.back() == '=' && t.text != "==" && t.text != "!=" &&
                t.text != "<=" && t.text != ">=");
    }

    Node* exprList() {
        const Token& first = peek();
        Node* e = test();
        if (!e) return nullptr;
        if (!peek().op(",")) return e;
        Node* t = make(NodeKind::Tuple, first);
        t->kids.push_back(e);
        while (acceptOp(",")) {
            if (exprEnds(peek())) break;
            Node* x = test();
            if (!x) return nullptr;
            t->kids.push_back(x);
        }
        return t;
    }

    Node* test() {
        DepthGuard g(depth_);
        if (depth_ > kMaxDepth) {
            set(peek(), "py.syntax.too_nested");
            return nullptr;
        }
        if (peek().kw("lambda")) return unsupported(peek(), "lambda");
        if (peek().kw("yield")) return unsupported(peek(), "yield");
        if (peek().op("*")) return unsupported(peek(), "*");
        Node* e = orTest();
        if (!e) return nullptr;
        if (peek().kw("if")) {
            const Token& kw = next();
            Node* cond = orTest();
            if (!cond) return nullptr;
            if (!acceptKw("else")) {
                set(peek(), "py.syntax.ifexp_else").hint("py.hint.ifexp_else");
                return nullptr;
            }
            Node* other = test();
            if (!other) return nullptr;
            Node* n = make(NodeKind::IfExp, kw);
            n->line = e->line;
            n->column = e->column;
            n->kids = {cond, e, other};
            return n;
        }
        return e;
    }

    Node* orTest() {
        Node* e = andTest();
        if (!e || !peek().kw("or")) return e;
        Node* n = ast_.make(NodeKind::Or, e->line, e->column);
        n->kids.push_back(e);
        while (acceptKw("or")) {
            Node* x = andTest();
            if (!x) return nullptr;
            n->kids.push_back(x);
        }
        return n;
    }

    Node* andTest() {
        Node* e = notTest();
        if (!e || !peek().kw("and")) return e;
        Node* n = ast_.make(NodeKind::And, e->line, e->column);
        n->kids.push_back(e);
        while (acceptKw("and")) {
            Node* x = notTest();
            if (!x) return nullptr;
            n->kids.push_back(x);
        }
        return n;
    }

    Node* notTest() {
        if (peek().kw("not")) {
            DepthGuard g(depth_);
            if (depth_ > kMaxDepth) { set(peek(), "py.syntax.too_nested"); return nullptr; }
            const Token& kw = next();
            Node* x = notTest();
            if (!x) return nullptr;
            Node* n = make(NodeKind::UnaryOp, kw);
            n->op = Op::Not;
            n->kids.push_back(x);
            return n;
        }
        return comparison();
    }

    bool compOp(Op& op) {
        const Token& t = peek();
        if (t.kind == TokKind::Op) {
            static const std::pair<const char*, Op> kCmp[] = {{"<", Op::Lt}, {">", Op::Gt}, {"==", Op::Eq}, {">=", Op::Ge}, {"<=", Op::Le}, {"!=", Op::Ne}};
            for (auto& [s, o] : kCmp)
                if (t.text == s) { next(); op = o; return true; }
            return false;
        }
        if (t.kw("in")) { next(); op = Op::In; return true; }
        if (t.kw("not") && peek(1).kw("in")) { next(); next(); op = Op::NotIn; return true; }
        if (t.kw("is")) {
            next();
            op = acceptKw("not") ? Op::IsNot : Op::Is;
            return true;
        }
        return false;
    }

    Node* comparison() {
        Node* e = orExpr();
        if (!e) return nullptr;
        Op op;
        if (!compOp(op)) return e;
        Node* n = ast_.make(NodeKind::Compare, e->line, e->column);
        n->kids.push_back(e);
        do {
            n->ops.push_back(op);
            Node* x = orExpr();
            if (!x) return nullptr;
            n->kids.push_back(x);
        } while (compOp(op));
        return n;
    }

    Node* binLevel(int level) {
        static const std::vector<std::vector<std::pair<const char*, Op>>> kLevels = {
            {{"|", Op::BitOr}},
            {{"^", Op::BitXor}},
            {{"&", Op::BitAnd}},
            {{"<<", Op::Shl}, {">>", Op::Shr}},
            {{"+", Op::Add}, {"-", Op::Sub}},
            {{"*", Op::Mul}, {"/", Op::TrueDiv}, {"//", Op::FloorDiv}, {"%", Op::Mod}},
        };
        if (level == static_cast<int>(kLevels.size())) return factor();
        Node* e = binLevel(level + 1);
        while (e) {
            const Token& t = peek();
            Op op = Op::None;
            if (t.kind == TokKind::Op)
                for (auto& [s, o] : kLevels[level])
                    if (t.text == s) op = o;
            if (op == Op::None) {
                if (level == 5 && t.op("@")) return unsupported(t, "@");
                return e;
            }
            next();
            Node* r = binLevel(level + 1);
            if (!r) return nullptr;
            Node* n = make(NodeKind::BinOp, t);
            n->line = e->line;
            n->column = e->column;
            n->op = op;
            n->kids = {e, r};
            e = n;
        }
        return e;
    }

    Node* orExpr() { return binLevel(0); }

    Node* factor() {
        const Token& t = peek();
        if (t.op("-") || t.op("+") || t.op("~")) {
            DepthGuard g(depth_);
            if (depth_ > kMaxDepth) { set(t, "py.syntax.too_nested"); return nullptr; }
            next();
            Node* x = factor();
            if (!x) return nullptr;
            if (t.op("-") && (x->kind == NodeKind::Int || x->kind == NodeKind::Float) && x->line != 0 && !x->text.empty() && x->text[0] != '-') {
                // fold "-5" into a constant (so it is still a literal)
                if (x->kind == NodeKind::Int) x->integer = -x->integer;
                else x->real = -x->real;
                x->text = "-" + x->text;
                x->line = t.line;
                x->column = t.column;
                return x;
            }
            Node* n = make(NodeKind::UnaryOp, t);
            n->op = t.op("-") ? Op::Neg : t.op("+") ? Op::Pos : Op::Invert;
            n->kids.push_back(x);
            return n;
        }
        return power();
    }

    Node* power() {
        Node* e = primary();
        if (!e) return nullptr;
        if (peek().op("**")) {
            const Token& t = next();
            Node* r = factor();
            if (!r) return nullptr;
            Node* n = make(NodeKind::BinOp, t);
            n->line = e->line;
            n->column = e->column;
            n->op = Op::Pow;
            n->kids = {e, r};
            return n;
        }
        return e;
    }

    Node* primary() {
        Node* e = atom();
        while (e) {
            const Token& t = peek();
            if (t.op("(")) {
                next();
                Node* c = make(NodeKind::Call, t);
                c->line = e->line;
                c->column = e->column;
                c->kids.push_back(e);
                if (!callArgs(c)) return nullptr;
                e = c;
            } else if (t.op("[")) {
                next();
                Node* s = make(NodeKind::Subscript, t);
                s->line = e->line;
                s->column = e->column;
                Node* idx = subscript();
                if (!idx) return nullptr;
                if (!acceptOp("]")) return fail(peek(), "py.syntax.invalid");
                s->kids = {e, idx};
                e = s;
            } else if (t.op(".")) {
                next();
                if (peek().kind != TokKind::Name) return fail(peek(), "py.syntax.invalid");
                Node* a = make(NodeKind::Attribute, peek());
                a->line = e->line;
                a->column = e->column;
                a->text = next().text;
                a->kids.push_back(e);
                e = a;
            } else {
                break;
            }
        }
        return e;
    }

    bool callArgs(Node* c) {
        bool seen_kw = false;
        while (!peek().op(")")) {
            if (peek().op("**")) { unsupported(peek(), "**kwargs"); return false; }
            if (peek().op("*")) {
                Node* st = make(NodeKind::Starred, next());
                Node* v = test();
                if (!v) return false;
                if (seen_kw) { set(t_[i_ - 1], "py.syntax.positional_after_keyword"); return false; }
                st->kids.push_back(v);
                c->kids.push_back(st);
                if (!acceptOp(",")) break;
                continue;
            }
            if (peek().kind == TokKind::Name && peek(1).op("=")) {
                Node* k = make(NodeKind::Keyword, peek());
                k->text = next().text;
                next();
                Node* v = test();
                if (!v) return false;
                k->kids.push_back(v);
                c->kids.push_back(k);
                seen_kw = true;
            } else {
                Node* a = test();
                if (!a) return false;
                if (peek().kw("for")) {
                    a = comprehension(a, nullptr, NodeKind::ListComp, peek());
                    if (!a) return false;
                }
                if (peek().op("=")) {
                    set(peek(), "py.syntax.keyword_arg").hint("py.hint.assign_vs_equal");
                    return false;
                }
                if (seen_kw) {
                    set(t_[i_ - 1], "py.syntax.positional_after_keyword");
                    return false;
                }
                c->kids.push_back(a);
            }
            if (!acceptOp(",")) break;
        }
        if (!acceptOp(")")) {
            fail(peek(), peek().kind == TokKind::Name || peek().kind == TokKind::Int || peek().kind == TokKind::Str ? "py.syntax.missing_comma" : "py.syntax.invalid");
            if (error.message_key == "py.syntax.missing_comma") error.hint("py.hint.missing_comma");
            return false;
        }
        return true;
    }

    Node* subscript() {
        const Token& first = peek();
        Node* lo = nullptr;
        if (!peek().op(":")) {
            lo = exprList();
            if (!lo) return nullptr;
            if (!peek().op(":")) return lo;
        }
        Node* s = make(NodeKind::Slice, first);
        next();  // ':'
        Node* hi = nullptr;
        Node* step = nullptr;
        if (!peek().op("]") && !peek().op(":")) {
            hi = test();
            if (!hi) return nullptr;
        }
        if (acceptOp(":")) {
            if (!peek().op("]")) {
                step = test();
                if (!step) return nullptr;
            }
        }
        s->kids = {lo, hi, step};
        return s;
    }

    Node* comprehension(Node* elt, Node* value, NodeKind kind, const Token& at) {
        Node* n = ast_.make(kind, elt->line, elt->column);
        n->kids.push_back(elt);
        if (kind == NodeKind::DictComp) n->kids.push_back(value);
        (void)at;
        while (peek().kw("for")) {
            const Token& f = next();
            Node* gen = make(NodeKind::Comprehension, f);
            Node* target = targetList();
            if (!target) return nullptr;
            if (!acceptKw("in")) return fail(peek(), "py.syntax.invalid");
            Node* iter = orTest();
            if (!iter) return nullptr;
            gen->kids = {target, iter};
            while (peek().kw("if")) {
                next();
                Node* cond = orTest();
                if (!cond) return nullptr;
                gen->kids.push_back(cond);
            }
            n->kids.push_back(gen);
        }
        return n;
    }

    Node* atom() {
        const Token& t = peek();
        switch (t.kind) {
            case TokKind::Name: {
                next();
                Node* n = make(NodeKind::Name, t);
                n->text = t.text;
                return n;
            }
            case TokKind::Int: {
                next();
                Node* n = make(NodeKind::Int, t);
                n->integer = t.integer;
                n->text = t.text;
                return n;
            }
            case TokKind::Float: {
                next();
                Node* n = make(NodeKind::Float, t);
                n->real = t.real;
                n->text = t.text;
                return n;
            }
            case TokKind::Str: return strings();
            case TokKind::Keyword:
                if (t.text == "None") { next(); return make(NodeKind::NoneLit, t); }
                if (t.text == "True") { next(); return make(NodeKind::True, t); }
                if (t.text == "False") { next(); return make(NodeKind::False, t); }
                if (const char* u = unsupportedKeyword(t.text)) return unsupported(t, u);
                return fail(t, "py.syntax.invalid");
            case TokKind::Op: break;
            case TokKind::Newline:
            case TokKind::End:
                return fail(t, "py.syntax.expression_expected");
            case TokKind::Indent:
                set(t, "py.indent.unexpected", ExcKind::IndentationError).hint("py.hint.unexpected_indent");
                return nullptr;
            default: return fail(t, "py.syntax.invalid");
        }
        if (t.op("(")) {
            next();
            if (acceptOp(")")) return make(NodeKind::Tuple, t);
            Node* e = test();
            if (!e) return nullptr;
            if (peek().kw("for")) {
                Node* c = comprehension(e, nullptr, NodeKind::ListComp, t);
                if (!c) return nullptr;
                if (!acceptOp(")")) return fail(peek(), "py.syntax.invalid");
                return c;
            }
            if (peek().op(",")) {
                Node* tup = make(NodeKind::Tuple, t);
                tup->kids.push_back(e);
                while (acceptOp(",")) {
                    if (peek().op(")")) break;
                    Node* x = test();
                    if (!x) return nullptr;
                    tup->kids.push_back(x);
                }
                e = tup;
            }
            if (!acceptOp(")")) {
                if (peek().op("=")) { set(peek(), "py.syntax.assign_in_expression").hint("py.hint.assign_vs_equal"); return nullptr; }
                return fail(peek(), peek().kind == TokKind::Name || peek().kind == TokKind::Int || peek().kind == TokKind::Str ? "py.syntax.missing_comma" : "py.syntax.invalid");
            }
            return e;
        }
        if (t.op("[")) {
            next();
            Node* l = make(NodeKind::List, t);
            if (acceptOp("]")) return l;
            Node* e = test();
            if (!e) return nullptr;
            if (peek().kw("for")) {
                Node* c = comprehension(e, nullptr, NodeKind::ListComp, t);
                if (!c) return nullptr;
                if (!acceptOp("]")) return fail(peek(), "py.syntax.invalid");
                return c;
            }
            l->kids.push_back(e);
            while (acceptOp(",")) {
                if (peek().op("]")) break;
                Node* x = test();
                if (!x) return nullptr;
                l->kids.push_back(x);
            }
            if (!acceptOp("]")) {
                return fail(peek(), peek().kind == TokKind::Name || peek().kind == TokKind::Int || peek().kind == TokKind::Str ? "py.syntax.missing_comma" : "py.syntax.invalid");
            }
            return l;
        }
        if (t.op("{")) {
            next();
            Node* d = make(NodeKind::Dict, t);
            if (acceptOp("}")) return d;
            Node* k = test();
            if (!k) return nullptr;
            if (!peek().op(":")) {
                if (peek().op(",") || peek().op("}") || peek().kw("for")) return unsupported(t, "set");
                return fail(peek(), "py.syntax.invalid");
            }
            next();
            Node* v = test();
            if (!v) return nullptr;
            if (peek().kw("for")) {
                Node* c = comprehension(k, v, NodeKind::DictComp, t);
                if (!c) return nullptr;
                if (!acceptOp("}")) return fail(peek(), "py.syntax.invalid");
                return c;
            }
            d->kids = {k, v};
            while (acceptOp(",")) {
                if (peek().op("}")) break;
                Node* k2 = test();
                if (!k2) return nullptr;
                if (!acceptOp(":")) return fail(peek(), "py.syntax.invalid");
                Node* v2 = test();
                if (!v2) return nullptr;
                d->kids.push_back(k2);
                d->kids.push_back(v2);
            }
            if (!acceptOp("}")) return fail(peek(), "py.syntax.invalid");
            return d;
        }
        if (t.op(")") || t.op("]") || t.op("}")) return fail(t, "py.syntax.invalid");
        if (t.op("...")) return unsupported(t, "...");
        return fail(t, "py.syntax.invalid");
    }

    // ============================== 4 f-strings ==============================

    // Adjacent string literals are concatenated; any f-string makes the whole an FString node.
    Node* strings() {
        const Token& first = peek();
        bool any_f = false;
        for (size_t k = i_; k < t_.size() && t_[k].kind == TokKind::Str; ++k) any_f = any_f || t_[k].fstring;
        if (!any_f) {
            Node* n = make(NodeKind::Str, first);
            while (peek().kind == TokKind::Str) n->text += next().text;
            return n;
        }
        Node* f = make(NodeKind::FString, first);
        while (peek().kind == TokKind::Str) {
            const Token& s = next();
            if (!s.fstring) {
                addLiteral(f, s.text);
                continue;
            }
            if (!fstringBody(f, s.text, s.raw, s, 0)) return nullptr;
        }
        return f;
    }

    void addLiteral(Node* f, const std::string& text) {
        if (text.empty()) return;
        if (!f->kids.empty() && f->kids.back()->kind == NodeKind::Str) {
            f->kids.back()->text += text;
            return;
        }
        Node* n = ast_.make(NodeKind::Str, f->line, f->column);
        n->text = text;
        f->kids.push_back(n);
    }

    bool fstringError(const Token& s, const char* key) {
        set(s, key).hint("py.hint.fstring");
        return false;
    }

    bool fstringBody(Node* f, const std::string& body, bool raw, const Token& s, int nesting) {
        std::string lit;
        auto flush = [&]() {
            if (lit.empty()) return true;
            std::string decoded;
            if (raw) decoded = lit;
            else if (!decodeEscapes(lit, decoded)) return fstringError(s, "py.syntax.bad_escape");
            addLiteral(f, decoded);
            lit.clear();
            return true;
        };
        for (size_t i = 0; i < body.size(); ++i) {
            const char c = body[i];
            if (c == '{' && i + 1 < body.size() && body[i + 1] == '{') { lit += '{'; ++i; continue; }
            if (c == '}' && i + 1 < body.size() && body[i + 1] == '}') { lit += '}'; ++i; continue; }
            if (c == '}') return fstringError(s, "py.syntax.fstring_single_brace");
            if (c != '{') { lit += c; continue; }
            if (!flush()) return false;
            // find the end of the expression: top-level '}', '!' (not '!='), or ':'
            size_t j = i + 1;
            int depth = 0;
            char quote = 0;
            size_t expr_end = std::string::npos, conv_pos = std::string::npos, spec_pos = std::string::npos;
            for (; j < body.size(); ++j) {
                const char d = body[j];
                if (quote) { if (d == quote) quote = 0; continue; }
                if (d == '\'' || d == '"') { quote = d; continue; }
                if (d == '(' || d == '[' || d == '{') { ++depth; continue; }
                if ((d == ')' || d == ']' || d == '}') && depth > 0) { --depth; continue; }
                if (depth == 0 && d == '!' && j + 1 < body.size() && body[j + 1] != '=') { expr_end = j; conv_pos = j; break; }
                if (depth == 0 && (d == ':' || d == '}')) { expr_end = j; break; }
            }
            if (expr_end == std::string::npos) return fstringError(s, "py.syntax.fstring_unclosed");
            std::string expr_text = body.substr(i + 1, expr_end - i - 1);
            j = expr_end;
            int conversion = 0;
            if (conv_pos != std::string::npos) {
                if (j + 1 >= body.size() || (body[j + 1] != 'r' && body[j + 1] != 's' && body[j + 1] != 'a'))
                    return fstringError(s, "py.syntax.fstring_conversion");
                conversion = body[j + 1] == 'r' || body[j + 1] == 'a' ? 2 : 1;
                j += 2;
                if (j >= body.size() || (body[j] != ':' && body[j] != '}')) return fstringError(s, "py.syntax.fstring_conversion");
            }
            Node* spec = nullptr;
            if (j < body.size() && body[j] == ':') {
                spec_pos = j + 1;
                int d2 = 0;
                size_t k = spec_pos;
                for (; k < body.size(); ++k) {
                    if (body[k] == '{') ++d2;
                    else if (body[k] == '}') { if (d2 == 0) break; --d2; }
                }
                if (k >= body.size()) return fstringError(s, "py.syntax.fstring_unclosed");
                if (nesting > 1) return fstringError(s, "py.syntax.fstring_nesting");
                spec = ast_.make(NodeKind::FString, s.line, s.column);
                if (!fstringBody(spec, body.substr(spec_pos, k - spec_pos), raw, s, nesting + 1)) return false;
                j = k;
            }
            if (j >= body.size() || body[j] != '}') return fstringError(s, "py.syntax.fstring_unclosed");
            // a trailing '=' (f"{x=}") is a debugging form we do not teach
            std::string trimmed = expr_text;
            while (!trimmed.empty() && (trimmed.back() == ' ')) trimmed.pop_back();
            if (!trimmed.empty() && trimmed.back() == '=' && (trimmed.size() < 2 || std::strchr("=!<>", trimmed[trimmed.size() - 2]) == nullptr))
                return unsupported(s, "f\"{x=}\""), false;
            bool blank = true;
            for (char ch : expr_text) blank = blank && (ch == ' ' || ch == '\t');
            if (blank) return fstringError(s, "py.syntax.fstring_empty");
            LexResult lr = tokenize("(" + expr_text + ")");
            if (!lr.error.ok()) {
                error = lr.error;
                error.line = s.line;
                error.column = s.column;
                return false;
            }
            for (auto& tk : lr.tokens) {
                tk.line = s.line;
                tk.column = s.column;
                tk.open_bracket = 0;
            }
            Parser sub(std::move(lr.tokens), ast_);
            sub.depth_ = depth_ + 10;
            Node* e = sub.lone_expression();
            if (!e) {
                error = sub.error;
                error.line = s.line;
                return false;
            }
            Node* fv = ast_.make(NodeKind::FormattedValue, s.line, s.column);
            fv->integer = conversion;
            fv->kids = {e, spec};
            f->kids.push_back(fv);
            i = j;
        }
        return flush();
    }
};

}  // namespace

ParseResult parse(std::string_view source) {
    ParseResult r;
    LexResult lr = tokenize(source);
    if (!lr.error.ok()) {
        r.error = lr.error;
        return r;
    }
    auto ast = std::make_unique<Ast>();
    Parser p(std::move(lr.tokens), *ast);
    Node* m = p.module();
    if (!m) {
        r.error = p.error;
        if (r.error.ok()) r.error = makeDiagnostic(ExcKind::SyntaxError, "py.syntax.invalid");
        return r;
    }
    ast->root = m;
    r.ast = std::move(ast);
    return r;
}

}  // namespace sandyq::pyish
