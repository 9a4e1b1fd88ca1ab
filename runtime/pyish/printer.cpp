// pyish/printer.cpp — Ast → text (see printer.h).
#include "pyish/printer.h"

#include <cstdio>

namespace sandyq::pyish {

using program::Op;

namespace {

// Binding strength, weakest first (Python's precedence table).
enum Prec : int {
    kIfExp = 1, kOr, kAnd, kNot, kCompare, kBitOr, kBitXor, kBitAnd, kShift, kArith, kTerm, kUnary, kPower, kPrimary, kAtom
};

const char* opText(Op op) {
    switch (op) {
        case Op::Add: return "+"; case Op::Sub: return "-"; case Op::Mul: return "*"; case Op::TrueDiv: return "/";
        case Op::FloorDiv: return "//"; case Op::Mod: return "%"; case Op::Pow: return "**";
        case Op::BitAnd: return "&"; case Op::BitOr: return "|"; case Op::BitXor: return "^";
        case Op::Shl: return "<<"; case Op::Shr: return ">>";
        case Op::Lt: return "<"; case Op::Le: return "<="; case Op::Gt: return ">"; case Op::Ge: return ">=";
        case Op::Eq: return "=="; case Op::Ne: return "!="; case Op::In: return "in"; case Op::NotIn: return "not in";
        case Op::Is: return "is"; case Op::IsNot: return "is not";
        case Op::Neg: return "-"; case Op::Pos: return "+"; case Op::Invert: return "~"; case Op::Not: return "not ";
        default: return "?";
    }
}

int binPrec(Op op) {
    switch (op) {
        case Op::BitOr: return kBitOr;
        case Op::BitXor: return kBitXor;
        case Op::BitAnd: return kBitAnd;
        case Op::Shl: case Op::Shr: return kShift;
        case Op::Add: case Op::Sub: return kArith;
        case Op::Pow: return kPower;
        default: return kTerm;
    }
}

int precOf(const Node& n) {
    switch (n.kind) {
        case NodeKind::IfExp: return kIfExp;
        case NodeKind::Or: return kOr;
        case NodeKind::And: return kAnd;
        case NodeKind::UnaryOp: return n.op == Op::Not ? kNot : kUnary;
        case NodeKind::Compare: return kCompare;
        case NodeKind::BinOp: return binPrec(n.op);
        case NodeKind::Int: case NodeKind::Float: return n.text.size() > 0 && n.text[0] == '-' ? kUnary : kAtom;
        case NodeKind::Call: case NodeKind::Attribute: case NodeKind::Subscript: return kPrimary;
        case NodeKind::Tuple: return n.kids.empty() ? kAtom : 0;  // bare tuples need brackets inside expressions
        default: return kAtom;
    }
}

std::string quote(const std::string& s, bool fstring_part = false) {
    const bool has_single = s.find('\'') != std::string::npos;
    const bool has_double = s.find('"') != std::string::npos;
    const char q = has_single && !has_double ? '"' : '\'';
    std::string out;
    for (unsigned char c : s) {
        if (c == static_cast<unsigned char>(q) || c == '\\') { out += '\\'; out += static_cast<char>(c); }
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else if (fstring_part && (c == '{' || c == '}')) {
            out += static_cast<char>(c);
            out += static_cast<char>(c);
        } else {
            out += static_cast<char>(c);
        }
    }
    return std::string(1, q) + out + std::string(1, q);
}

class Printer {
public:
    std::string out;

    void stmt(const Node& s, int indent) {
        const std::string pad(static_cast<size_t>(indent) * 4, ' ');
        switch (s.kind) {
            case NodeKind::If: {
                out += pad + "if " + expr(*s.kids[0], 0) + ":\n";
                block(s.kids[1], indent + 1);
                const Node* orelse = s.kids[2];
                while (orelse && orelse->kids.size() == 1 && orelse->kids[0]->kind == NodeKind::If && isElif(*orelse)) {
                    const Node& e = *orelse->kids[0];
                    out += pad + "elif " + expr(*e.kids[0], 0) + ":\n";
                    block(e.kids[1], indent + 1);
                    orelse = e.kids[2];
                }
                if (orelse) {
                    out += pad + "else:\n";
                    block(orelse, indent + 1);
                }
                return;
            }
            case NodeKind::While:
                out += pad + "while " + expr(*s.kids[0], 0) + ":\n";
                block(s.kids[1], indent + 1);
                if (s.kids[2]) { out += pad + "else:\n"; block(s.kids[2], indent + 1); }
                return;
            case NodeKind::For:
                out += pad + "for " + target(*s.kids[0]) + " in " + exprList(*s.kids[1]) + ":\n";
                block(s.kids[2], indent + 1);
                if (s.kids[3]) { out += pad + "else:\n"; block(s.kids[3], indent + 1); }
                return;
            case NodeKind::Def: {
                out += pad + "def " + s.text + "(";
                const Node& params = *s.kids[0];
                for (size_t k = 0; k < params.kids.size(); ++k) {
                    if (k) out += ", ";
                    out += params.kids[k]->text;
                    if (!params.kids[k]->kids.empty()) out += "=" + expr(*params.kids[k]->kids[0], 0);
                }
                out += "):\n";
                block(s.kids[1], indent + 1);
                return;
            }
            default:
                out += pad + simple(s) + "\n";
                return;
        }
    }

    std::string simple(const Node& s) {
        switch (s.kind) {
            case NodeKind::ExprStmt: return exprList(*s.kids[0]);
            case NodeKind::Assign: {
                std::string r;
                for (size_t k = 0; k + 1 < s.kids.size(); ++k) r += target(*s.kids[k]) + " = ";
                return r + exprList(*s.kids.back());
            }
            case NodeKind::AugAssign: return target(*s.kids[0]) + " " + s.text + " " + exprList(*s.kids[1]);
            case NodeKind::Pass: return "pass";
            case NodeKind::Break: return "break";
            case NodeKind::Continue: return "continue";
            case NodeKind::Return: return s.kids.empty() ? "return" : "return " + exprList(*s.kids[0]);
            case NodeKind::Global: {
                std::string r = "global ";
                for (size_t k = 0; k < s.kids.size(); ++k) r += (k ? ", " : "") + s.kids[k]->text;
                return r;
            }
            case NodeKind::Import: return "import " + s.text + (s.text2.empty() ? "" : " as " + s.text2);
            case NodeKind::ImportFrom: {
                std::string r = "from " + s.text + " import ";
                for (size_t k = 0; k < s.kids.size(); ++k)
                    r += (k ? ", " : "") + s.kids[k]->text + (s.kids[k]->text2.empty() ? "" : " as " + s.kids[k]->text2);
                return r;
            }
            case NodeKind::Del: {
                std::string r = "del ";
                for (size_t k = 0; k < s.kids.size(); ++k) r += (k ? ", " : "") + expr(*s.kids[k], 0);
                return r;
            }
            case NodeKind::Assert:
                return "assert " + expr(*s.kids[0], 0) + (s.kids.size() > 1 ? ", " + expr(*s.kids[1], 0) : "");
            default: return expr(s, 0);
        }
    }

    static bool isElif(const Node& block) {
        // the parser wraps an elif in a Block placed at the elif's own position
        return block.line == block.kids[0]->line && block.column == block.kids[0]->column;
    }

    void block(const Node* b, int indent) {
        if (!b || b->kids.empty()) {
            out += std::string(static_cast<size_t>(indent) * 4, ' ') + "pass\n";
            return;
        }
        for (const Node* s : b->kids) stmt(*s, indent);
    }

    std::string target(const Node& t) {
        if (t.kind == NodeKind::Tuple && !t.kids.empty()) {
            std::string r;
            for (size_t k = 0; k < t.kids.size(); ++k) r += (k ? ", " : "") + targetInner(*t.kids[k]);
            return t.kids.size() == 1 ? r + "," : r;
        }
        return expr(t, 0);
    }
    std::string targetInner(const Node& t) {
        if (t.kind == NodeKind::Tuple) return "(" + target(t) + ")";
        return expr(t, 0);
    }

    // A tuple at statement level prints without brackets: `a, b = b, a`.
    std::string exprList(const Node& e) {
        if (e.kind == NodeKind::Tuple && !e.kids.empty()) return target(e);
        return expr(e, 0);
    }

    std::string wrap(const Node& e, int need) {
        const std::string s = expr(e, need);
        return precOf(e) < need ? "(" + s + ")" : s;
    }

    std::string args(const Node& call, size_t first) {
        std::string r;
        for (size_t k = first; k < call.kids.size(); ++k) {
            if (k > first) r += ", ";
            const Node& a = *call.kids[k];
            if (a.kind == NodeKind::Keyword) r += a.text + "=" + expr(*a.kids[0], 0);
            else if (a.kind == NodeKind::Starred) r += "*" + wrap(*a.kids[0], kBitOr);
            else if (a.kind == NodeKind::ListComp && call.kids.size() == first + 1 && a.line == 0) r += expr(a, 0);
            else r += wrap(a, kIfExp);
        }
        return r;
    }

    std::string comprehensionTail(const Node& c, size_t first) {
        std::string r;
        for (size_t k = first; k < c.kids.size(); ++k) {
            const Node& g = *c.kids[k];
            r += " for " + target(*g.kids[0]) + " in " + wrap(*g.kids[1], kOr);
            for (size_t i = 2; i < g.kids.size(); ++i) r += " if " + wrap(*g.kids[i], kOr);
        }
        return r;
    }

    std::string fstringBody(const Node& f) {
        std::string r;
        for (const Node* p : f.kids) {
            if (p->kind == NodeKind::Str) {
                const std::string q = quote(p->text, true);
                r += q.substr(1, q.size() - 2);
                continue;
            }
            std::string inner = expr(*p->kids[0], 0);
            if (!inner.empty() && inner[0] == '{') inner = " " + inner;  // {{ would read as a brace
            r += "{" + inner;
            if (p->integer == 1) r += "!s";
            if (p->integer == 2) r += "!r";
            if (p->kids[1]) r += ":" + fstringBody(*p->kids[1]);
            r += "}";
        }
        return r;
    }

    std::string expr(const Node& e, int /*need*/) {
        switch (e.kind) {
            case NodeKind::Name: return e.text;
            case NodeKind::Int:
            case NodeKind::Float: return e.text;
            case NodeKind::Str: return quote(e.text);
            case NodeKind::NoneLit: return "None";
            case NodeKind::True: return "True";
            case NodeKind::False: return "False";
            case NodeKind::FString: {
                // inner string literals use ' so the f-string itself uses "
                std::string body = fstringBody(e);
                std::string r = "f\"";
                for (size_t i = 0; i < body.size(); ++i) {
                    // escape a bare " in literal text (expressions never contain " — see quote())
                    if (body[i] == '"' && (i == 0 || body[i - 1] != '\\')) r += "\\\"";
                    else r += body[i];
                }
                return r + "\"";
            }
            case NodeKind::List: {
                std::string r = "[";
                for (size_t k = 0; k < e.kids.size(); ++k) r += (k ? ", " : "") + wrap(*e.kids[k], kIfExp);
                return r + "]";
            }
            case NodeKind::Tuple: {
                std::string r = "(";
                for (size_t k = 0; k < e.kids.size(); ++k) r += (k ? ", " : "") + wrap(*e.kids[k], kIfExp);
                return r + (e.kids.size() == 1 ? ",)" : ")");
            }
            case NodeKind::Dict: {
                std::string r = "{";
                for (size_t k = 0; k + 1 < e.kids.size(); k += 2)
                    r += (k ? ", " : "") + wrap(*e.kids[k], kIfExp) + ": " + wrap(*e.kids[k + 1], kIfExp);
                return r + "}";
            }
            case NodeKind::BinOp: {
                const int p = binPrec(e.op);
                if (e.op == Op::Pow) return wrap(*e.kids[0], kPrimary) + " ** " + wrap(*e.kids[1], kUnary);
                return wrap(*e.kids[0], p) + " " + opText(e.op) + " " + wrap(*e.kids[1], p + 1);
            }
            case NodeKind::UnaryOp:
                if (e.op == Op::Not) return "not " + wrap(*e.kids[0], kNot);
                return std::string(opText(e.op)) + wrap(*e.kids[0], kUnary);
            case NodeKind::And:
            case NodeKind::Or: {
                const int p = e.kind == NodeKind::And ? kAnd : kOr;
                std::string r;
                for (size_t k = 0; k < e.kids.size(); ++k) r += (k ? (p == kAnd ? " and " : " or ") : "") + wrap(*e.kids[k], p + 1);
                return r;
            }
            case NodeKind::Compare: {
                std::string r = wrap(*e.kids[0], kCompare + 1);
                for (size_t k = 0; k < e.ops.size(); ++k) r += std::string(" ") + opText(e.ops[k]) + " " + wrap(*e.kids[k + 1], kCompare + 1);
                return r;
            }
            case NodeKind::IfExp:
                return wrap(*e.kids[1], kOr) + " if " + wrap(*e.kids[0], kOr) + " else " + wrap(*e.kids[2], kIfExp);
            case NodeKind::Call: return wrap(*e.kids[0], kPrimary) + "(" + args(e, 1) + ")";
            case NodeKind::Attribute: return wrap(*e.kids[0], kPrimary) + "." + e.text;
            case NodeKind::Subscript: {
                const Node& i = *e.kids[1];
                std::string idx;
                if (i.kind == NodeKind::Slice) {
                    idx = (i.kids[0] ? wrap(*i.kids[0], kIfExp) : "") + ":" + (i.kids[1] ? wrap(*i.kids[1], kIfExp) : "");
                    if (i.kids[2]) idx += ":" + wrap(*i.kids[2], kIfExp);
                } else {
                    idx = exprList(i);
                }
                return wrap(*e.kids[0], kPrimary) + "[" + idx + "]";
            }
            case NodeKind::ListComp: return "[" + wrap(*e.kids[0], kIfExp) + comprehensionTail(e, 1) + "]";
            case NodeKind::DictComp:
                return "{" + wrap(*e.kids[0], kIfExp) + ": " + wrap(*e.kids[1], kIfExp) + comprehensionTail(e, 2) + "}";
            default: return "?";
        }
    }
};

}  // namespace

std::string printAst(const Ast& ast) {
    Printer p;
    if (!ast.root) return {};
    for (const Node* s : ast.root->kids) p.stmt(*s, 0);
    return p.out;
}

std::string printNode(const Node& node) {
    Printer p;
    p.stmt(node, 0);
    return p.out;
}

}  // namespace sandyq::pyish
