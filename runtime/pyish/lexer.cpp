// pyish/lexer.cpp — tokenizer (see lexer.h for the contract).
#include "pyish/lexer.h"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>

#include "core/utf8.h"

namespace sandyq::pyish {

using program::Diagnostic;
using program::ExcKind;
using program::makeDiagnostic;

namespace {

constexpr const char* kKeywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield"};

constexpr const char* kOps3[] = {"**=", "//=", ">>=", "<<=", "..."};
constexpr const char* kOps2[] = {"**", "//", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=",
                                 "&=", "|=", "^=", ":=", "<<", ">>", "->"};
constexpr const char* kOps1 = "+-*/%<>=()[]{},:.;@&|^~";

bool isIdentStart(char32_t c) { return c == '_' || text::isLetter(c); }
bool isIdentPart(char32_t c) { return isIdentStart(c) || (c >= '0' && c <= '9'); }

struct Bracket {
    char ch;
    uint32_t line, column;
};

class Lexer {
public:
    explicit Lexer(std::string_view src) : s_(src) {}

    LexResult run() {
        indents_.push_back({0, 0});
        while (pos_ < s_.size() && r_.error.ok()) {
            if (at_line_start_) {
                if (!lineStart()) break;
                continue;
            }
            token();
        }
        if (!r_.error.ok()) return std::move(r_);
        if (!brackets_.empty()) {
            // Let the parser decide (it reports "'(' was never closed" at the opening bracket).
        } else if (line_has_tokens_) {
            push(TokKind::Newline, "", line_, col());
        }
        while (indents_.size() > 1) {
            indents_.pop_back();
            push(TokKind::Dedent, "", line_ + 1, 1);
        }
        push(TokKind::End, "", line_ + (line_has_tokens_ ? 1 : 0), 1);
        return std::move(r_);
    }

private:
    std::string_view s_;
    size_t pos_ = 0;
    size_t line_start_ = 0;
    uint32_t line_ = 1;
    bool at_line_start_ = true;
    bool line_has_tokens_ = false;
    std::vector<std::pair<int, int>> indents_;  // (tab size 8, tab size 1)
    std::vector<Bracket> brackets_;
    LexResult r_;

    uint32_t col() const { return static_cast<uint32_t>(text::codepointCount(s_.substr(line_start_, pos_ - line_start_))) + 1; }
    uint32_t colAt(size_t p) const { return static_cast<uint32_t>(text::codepointCount(s_.substr(line_start_, p - line_start_))) + 1; }

    Token& push(TokKind k, std::string text, uint32_t line, uint32_t column) {
        Token t;
        t.kind = k;
        t.text = std::move(text);
        t.line = line;
        t.column = column;
        if (!brackets_.empty()) {
            t.open_bracket = brackets_.back().ch;
            t.open_line = brackets_.back().line;
            t.open_column = brackets_.back().column;
        }
        r_.tokens.push_back(std::move(t));
        return r_.tokens.back();
    }

    Diagnostic& fail(ExcKind kind, const char* key, uint32_t line, uint32_t column) {
        r_.error = makeDiagnostic(kind, key);
        r_.error.line = line;
        r_.error.column = column;
        return r_.error;
    }

    void newline() {
        ++line_;
        line_start_ = pos_;
    }

    // Handles indentation at the start of a physical line outside brackets. False at EOF.
    bool lineStart() {
        int col8 = 0, col1 = 0;
        size_t p = pos_;
        while (p < s_.size() && (s_[p] == ' ' || s_[p] == '\t' || s_[p] == '\f')) {
            if (s_[p] == ' ') { ++col8; ++col1; }
            else if (s_[p] == '\t') { col8 = (col8 / 8 + 1) * 8; ++col1; }
            else { col8 = col1 = 0; }
            ++p;
        }
        // blank or comment-only line: no tokens, no indentation change
        if (p >= s_.size() || s_[p] == '\n' || s_[p] == '\r' || s_[p] == '#') {
            while (p < s_.size() && s_[p] != '\n') ++p;
            pos_ = p;
            if (pos_ < s_.size()) { ++pos_; newline(); }
            return pos_ < s_.size();
        }
        if (s_[p] == '\\' && p + 1 < s_.size() && (s_[p + 1] == '\n' || s_[p + 1] == '\r')) {
            // a continuation line that starts with a backslash: treat like a blank prefix
        }
        pos_ = p;
        at_line_start_ = false;
        line_has_tokens_ = true;
        const auto top = indents_.back();
        if (col8 == top.first) {
            if (col1 != top.second) { fail(ExcKind::TabError, "py.indent.tabs_mixed", line_, 1).hint("py.hint.tabs_mixed"); return false; }
        } else if (col8 > top.first) {
            if (col1 <= top.second) { fail(ExcKind::TabError, "py.indent.tabs_mixed", line_, 1).hint("py.hint.tabs_mixed"); return false; }
            if (indents_.size() > 100) {
                fail(ExcKind::IndentationError, "py.indent.too_deep", line_, 1);
                return false;
            }
            indents_.push_back({col8, col1});
            push(TokKind::Indent, "", line_, 1);
        } else {
            while (indents_.size() > 1 && col8 < indents_.back().first) {
                indents_.pop_back();
                push(TokKind::Dedent, "", line_, col());
            }
            if (col8 != indents_.back().first) {
                fail(ExcKind::IndentationError, "py.indent.unindent_mismatch", line_, col()).hint("py.hint.unindent_mismatch");
                return false;
            }
            if (col1 != indents_.back().second) { fail(ExcKind::TabError, "py.indent.tabs_mixed", line_, 1).hint("py.hint.tabs_mixed"); return false; }
        }
        return true;
    }

    void endLogicalLine() {
        if (brackets_.empty()) {
            if (line_has_tokens_) push(TokKind::Newline, "", line_, col());
            at_line_start_ = true;
            line_has_tokens_ = false;
        }
    }

    void token() {
        const char c = s_[pos_];
        if (c == ' ' || c == '\t' || c == '\f') { ++pos_; return; }
        if (c == '\r') { ++pos_; return; }
        if (c == '\n') {
            endLogicalLine();
            ++pos_;
            newline();
            return;
        }
        if (c == '#') {
            while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
            return;
        }
        if (c == '\\') {
            size_t p = pos_ + 1;
            if (p < s_.size() && s_[p] == '\r') ++p;
            if (p < s_.size() && s_[p] == '\n') {
                pos_ = p + 1;
                newline();
                return;
            }
            if (p >= s_.size()) {
                fail(ExcKind::SyntaxError, "py.syntax.eof_after_backslash", line_, col());
                return;
            }
            fail(ExcKind::SyntaxError, "py.syntax.after_backslash", line_, col());
            return;
        }
        const uint32_t start_col = col();
        const auto d = text::decodeUtf8(s_, pos_);
        // string prefixes
        if (isIdentStart(d.cp)) {
            size_t p = pos_;
            while (p < s_.size()) {
                const auto e = text::decodeUtf8(s_, p);
                if (!isIdentPart(e.cp)) break;
                p += e.length;
            }
            std::string word(s_.substr(pos_, p - pos_));
            if (p < s_.size() && (s_[p] == '\'' || s_[p] == '"') && word.size() <= 2) {
                std::string low = text::toLower(word);
                if (low == "f" || low == "r" || low == "rf" || low == "fr" || low == "u") {
                    pos_ = p;
                    string(start_col, low.find('f') != std::string::npos, low.find('r') != std::string::npos);
                    return;
                }
                if (low == "b" || low == "rb" || low == "br") {
                    fail(ExcKind::SyntaxError, "py.syntax.unsupported", line_, start_col).arg("construct", "bytes");
                    return;
                }
            }
            pos_ = p;
            bool keyword = false;
            for (const char* k : kKeywords)
                if (word == k) keyword = true;
            push(keyword ? TokKind::Keyword : TokKind::Name, std::move(word), line_, start_col);
            return;
        }
        if ((c >= '0' && c <= '9') || (c == '.' && pos_ + 1 < s_.size() && s_[pos_ + 1] >= '0' && s_[pos_ + 1] <= '9')) {
            number(start_col);
            return;
        }
        if (c == '\'' || c == '"') {
            string(start_col, false, false);
            return;
        }
        for (const char* op : kOps3)
            if (s_.substr(pos_, 3) == op) { push(TokKind::Op, op, line_, start_col); pos_ += 3; return; }
        for (const char* op : kOps2)
            if (s_.substr(pos_, 2) == op) { push(TokKind::Op, op, line_, start_col); pos_ += 2; return; }
        for (const char* p = kOps1; *p; ++p) {
            if (c != *p) continue;
            if (c == '(' || c == '[' || c == '{') brackets_.push_back({c, line_, start_col});
            if (c == ')' || c == ']' || c == '}') {
                const char open = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (brackets_.empty()) {
                    fail(ExcKind::SyntaxError, "py.syntax.unmatched_close", line_, start_col).arg("bracket", std::string(1, c)).hint("py.hint.unmatched_close");
                    return;
                }
                if (brackets_.back().ch != open) {
                    const Bracket b = brackets_.back();
                    fail(ExcKind::SyntaxError, "py.syntax.mismatched_close", line_, start_col)
                        .arg("bracket", std::string(1, c)).arg("open", std::string(1, b.ch)).arg("open_line", static_cast<int64_t>(b.line))
                        .hint("py.hint.mismatched_close");
                    return;
                }
                brackets_.pop_back();
            }
            Token& t = push(TokKind::Op, std::string(1, c), line_, start_col);
            (void)t;
            ++pos_;
            return;
        }
        // Anything else is a character Python does not allow here.
        std::string ch(s_.substr(pos_, d.length));
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(d.cp));
        Diagnostic& e = fail(ExcKind::SyntaxError, "py.syntax.invalid_character", line_, start_col).arg("char", ch).arg("code", code);
        if (d.cp == U'“' || d.cp == U'”' || d.cp == U'«' || d.cp == U'»' || d.cp == U'‘' || d.cp == U'’') e.hint("py.hint.smart_quotes");
        else if (d.cp == U'×' || d.cp == U'·' || d.cp == U'÷' || d.cp == U'–' || d.cp == U'—' || d.cp == U'−' || d.cp == U'≤' || d.cp == U'≥' || d.cp == U'≠')
            e.arg("python", d.cp == U'×' || d.cp == U'·' ? "*" : d.cp == U'÷' ? "/" : d.cp == U'≤' ? "<=" : d.cp == U'≥' ? ">=" : d.cp == U'≠' ? "!=" : "-")
                .hint("py.hint.math_sign");
        else if (d.cp == 0xA0) e.hint("py.hint.nbsp");
        else if (c == '!' || c == '?' || c == '$' || c == '`') e.hint("py.hint.invalid_character");
        else e.hint("py.hint.invalid_character");
    }

    void number(uint32_t start_col) {
        size_t p = pos_;
        auto digits = [&](auto pred) {
            while (p < s_.size() && (pred(s_[p]) || (s_[p] == '_' && p + 1 < s_.size() && pred(s_[p + 1])))) ++p;
        };
        auto dec = [](char ch) { return ch >= '0' && ch <= '9'; };
        bool is_float = false;
        int base = 10;
        if (s_[p] == '0' && p + 1 < s_.size() && (s_[p + 1] == 'x' || s_[p + 1] == 'X' || s_[p + 1] == 'o' || s_[p + 1] == 'O' || s_[p + 1] == 'b' || s_[p + 1] == 'B')) {
            const char k = static_cast<char>(s_[p + 1] | 0x20);
            base = k == 'x' ? 16 : k == 'o' ? 8 : 2;
            p += 2;
            digits([&](char ch) { return base == 16 ? std::isxdigit(static_cast<unsigned char>(ch)) != 0 : base == 8 ? (ch >= '0' && ch <= '7') : (ch == '0' || ch == '1'); });
        } else {
            digits(dec);
            if (p < s_.size() && s_[p] == '.') { is_float = true; ++p; digits(dec); }
            if (p < s_.size() && (s_[p] == 'e' || s_[p] == 'E')) {
                size_t q = p + 1;
                if (q < s_.size() && (s_[q] == '+' || s_[q] == '-')) ++q;
                if (q < s_.size() && dec(s_[q])) { is_float = true; p = q; digits(dec); }
            }
        }
        if (p < s_.size() && (s_[p] == 'j' || s_[p] == 'J')) {
            fail(ExcKind::SyntaxError, "py.syntax.unsupported", line_, start_col).arg("construct", "complex");
            return;
        }
        if (p < s_.size()) {
            const auto e = text::decodeUtf8(s_, p);
            if (isIdentStart(e.cp) || (s_[p] >= '0' && s_[p] <= '9')) {
                fail(ExcKind::SyntaxError, base == 10 && !is_float ? "py.syntax.bad_number" : "py.syntax.bad_number", line_, start_col).hint("py.hint.bad_number");
                return;
            }
        }
        std::string t;
        for (size_t k = pos_; k < p; ++k)
            if (s_[k] != '_') t += s_[k];
        Token& tok = push(is_float ? TokKind::Float : TokKind::Int, std::string(s_.substr(pos_, p - pos_)), line_, start_col);
        if (is_float) {
            tok.real = std::strtod(t.c_str(), nullptr);
        } else {
            const char* digits_begin = t.c_str() + (base == 10 ? 0 : 2);
            errno = 0;
            const unsigned long long v = std::strtoull(digits_begin, nullptr, base);
            if (errno == ERANGE || v > static_cast<unsigned long long>(INT64_MAX)) {
                fail(ExcKind::OverflowError, "py.err.int_literal_too_big", line_, start_col).hint("py.hint.int_limit");
                return;
            }
            if (base == 10 && t.size() > 1 && t[0] == '0' && v != 0) {
                fail(ExcKind::SyntaxError, "py.syntax.leading_zero", line_, start_col).hint("py.hint.leading_zero");
                return;
            }
            tok.integer = static_cast<int64_t>(v);
        }
        pos_ = p;
    }

    void string(uint32_t start_col, bool fstring, bool raw) {
        const char q = s_[pos_];
        const uint32_t start_line = line_;
        const bool triple = s_.substr(pos_, 3) == std::string(3, q);
        pos_ += triple ? 3 : 1;
        const size_t body_start = pos_;
        const uint32_t body_line = line_, body_col = col();
        for (;;) {
            if (pos_ >= s_.size() || (!triple && s_[pos_] == '\n')) {
                Diagnostic& e = fail(ExcKind::SyntaxError, triple ? "py.syntax.unterminated_triple" : "py.syntax.unterminated_string", start_line, start_col);
                e.arg("quote", std::string(triple ? 3 : 1, q)).hint("py.hint.unterminated_string");
                return;
            }
            const char c = s_[pos_];
            if (c == '\\') {
                pos_ += 2;
                if (pos_ <= s_.size() && s_[pos_ - 1] == '\n') newline();
                continue;
            }
            if (c == q && (!triple || s_.substr(pos_, 3) == std::string(3, q))) break;
            if (c == '\n') { ++pos_; newline(); continue; }
            ++pos_;
        }
        std::string_view body = s_.substr(body_start, pos_ - body_start);
        pos_ += triple ? 3 : 1;
        Token t;
        t.kind = TokKind::Str;
        t.line = start_line;
        t.column = start_col;
        t.fstring = fstring;
        t.raw = raw;
        t.body_line = body_line;
        t.body_column = body_col;
        if (!brackets_.empty()) {
            t.open_bracket = brackets_.back().ch;
            t.open_line = brackets_.back().line;
            t.open_column = brackets_.back().column;
        }
        std::string normalized;
        for (size_t k = 0; k < body.size(); ++k)
            if (!(body[k] == '\r' && k + 1 < body.size() && body[k + 1] == '\n')) normalized += body[k];
        if (fstring || raw) t.text = std::move(normalized);
        else if (!decodeEscapes(normalized, t.text)) {
            fail(ExcKind::SyntaxError, "py.syntax.bad_escape", start_line, start_col);
            return;
        }
        r_.tokens.push_back(std::move(t));
    }
};

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

bool decodeEscapes(std::string_view b, std::string& out) {
    for (size_t i = 0; i < b.size(); ++i) {
        const char c = b[i];
        if (c != '\\' || i + 1 >= b.size()) { out += c; continue; }
        const char e = b[++i];
        switch (e) {
            case '\n': break;
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case '\\': out += '\\'; break;
            case '\'': out += '\''; break;
            case '"': out += '"'; break;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                int v = e - '0';
                for (int k = 0; k < 2 && i + 1 < b.size() && b[i + 1] >= '0' && b[i + 1] <= '7'; ++k) v = v * 8 + (b[++i] - '0');
                text::appendUtf8(out, static_cast<char32_t>(v));
                break;
            }
            case 'a': out += '\a'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'v': out += '\v'; break;
            case 'x': case 'u': case 'U': {
                const int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                uint32_t v = 0;
                for (int k = 0; k < n; ++k) {
                    if (i + 1 >= b.size() || hexValue(b[i + 1]) < 0) return false;
                    v = v * 16 + static_cast<uint32_t>(hexValue(b[++i]));
                }
                text::appendUtf8(out, v);
                break;
            }
            default: out += '\\'; out += e; break;
        }
    }
    return true;
}

LexResult tokenize(std::string_view source) {
    // A UTF-8 byte order mark (Notepad on school PCs adds one) is not part of the program.
    if (source.size() >= 3 && source.substr(0, 3) == "\xEF\xBB\xBF") source.remove_prefix(3);
    Lexer lx(source);
    return lx.run();
}

}  // namespace sandyq::pyish
