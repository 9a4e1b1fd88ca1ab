// course/literal.cpp — Lua table literal (our serializer's subset) → JSON text. See literal.h.
#include "course/literal.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

namespace sandyq::course {
namespace {

constexpr int kMaxDepth = 64;
constexpr size_t kMaxBytes = 1u << 20;

class Reader {
public:
    explicit Reader(std::string_view s) : s_(s) {}

    bool value(std::string& out, int depth) {
        skipSpace();
        if (pos_ >= s_.size()) return fail();
        const char c = s_[pos_];
        if (c == '{') return table(out, depth + 1);
        if (c == '"') {
            std::string text;
            if (!quoted(text)) return false;
            jsonString(out, text);
            return true;
        }
        if (match("true")) { out += "true"; return true; }
        if (match("false")) { out += "false"; return true; }
        if (match("nil")) { out += "null"; return true; }
        return number(out);
    }

    bool atEnd() {
        skipSpace();
        return pos_ == s_.size();
    }
    size_t pos() const { return pos_; }

private:
    std::string_view s_;
    size_t pos_ = 0;

    bool fail() { return false; }

    void skipSpace() {
        while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\t' || s_[pos_] == '\r')) ++pos_;
    }

    bool match(std::string_view word) {
        if (s_.substr(pos_, word.size()) != word) return false;
        const size_t end = pos_ + word.size();
        if (end < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[end])) || s_[end] == '_')) return false;
        pos_ = end;
        return true;
    }

    bool number(std::string& out) {
        const size_t start = pos_;
        if (pos_ < s_.size() && (s_[pos_] == '-' || s_[pos_] == '+')) ++pos_;
        bool digits = false;
        while (pos_ < s_.size()) {
            const char c = s_[pos_];
            if ((c >= '0' && c <= '9')) {
                digits = true;
                ++pos_;
            } else if (c == '.' || c == 'e' || c == 'E' || ((c == '-' || c == '+') && (s_[pos_ - 1] == 'e' || s_[pos_ - 1] == 'E'))) {
                ++pos_;
            } else {
                break;
            }
        }
        if (!digits) return fail();
        std::string text(s_.substr(start, pos_ - start));
        if (text == "inf" || text == "-inf" || text.find("nan") != std::string::npos) return fail();
        // Re-print through strtod so JSON gets a valid number (no leading '+', no "1." forms).
        if (text.find_first_of(".eE") == std::string::npos) {
            if (text[0] == '+') text.erase(0, 1);
            out += text;
            return true;
        }
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        if (!end || *end != '\0') return fail();
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", v);
        std::string printed = buf;
        if (printed.find_first_of(".eE") == std::string::npos) printed += ".0";
        if (printed.find("inf") != std::string::npos || printed.find("nan") != std::string::npos) return fail();
        out += printed;
        return true;
    }

    bool quoted(std::string& text) {
        ++pos_;  // opening quote
        while (pos_ < s_.size()) {
            const char c = s_[pos_++];
            if (c == '"') return true;
            if (c != '\\') {
                text += c;
                continue;
            }
            if (pos_ >= s_.size()) return fail();
            const char e = s_[pos_++];
            switch (e) {
            case 'n': text += '\n'; break;
            case 't': text += '\t'; break;
            case 'r': text += '\r'; break;
            case '"': text += '"'; break;
            case '\\': text += '\\'; break;
            case '\'': text += '\''; break;
            default:
                if (e >= '0' && e <= '9') {
                    int v = e - '0';
                    for (int i = 0; i < 2 && pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9'; ++i) v = v * 10 + (s_[pos_++] - '0');
                    if (v > 255) return fail();
                    text += static_cast<char>(v);
                } else {
                    return fail();
                }
            }
        }
        return fail();
    }

    static void jsonString(std::string& out, const std::string& text) {
        out += '"';
        for (const char ch : text) {
            const unsigned char c = static_cast<unsigned char>(ch);
            if (c == '"' || c == '\\') {
                out += '\\';
                out += ch;
            } else if (c == '\n') {
                out += "\\n";
            } else if (c < 0x20 || c == 0x7F) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += ch;
            }
        }
        out += '"';
    }

    bool identifier(std::string& name) {
        const size_t start = pos_;
        while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_')) ++pos_;
        if (pos_ == start || std::isdigit(static_cast<unsigned char>(s_[start]))) return fail();
        name.assign(s_.substr(start, pos_ - start));
        return true;
    }

    bool table(std::string& out, int depth) {
        if (depth > kMaxDepth) return fail();
        ++pos_;  // '{'
        std::vector<std::string> items;
        std::vector<std::pair<std::string, std::string>> fields;
        for (;;) {
            skipSpace();
            if (pos_ >= s_.size()) return fail();
            if (s_[pos_] == '}') {
                ++pos_;
                break;
            }
            std::string key;
            bool keyed = false;
            if (s_[pos_] == '[') {
                ++pos_;
                skipSpace();
                if (pos_ < s_.size() && s_[pos_] == '"') {
                    if (!quoted(key)) return false;
                } else {
                    std::string k;
                    if (!value(k, depth)) return false;
                    key = k;
                }
                skipSpace();
                if (pos_ >= s_.size() || s_[pos_] != ']') return fail();
                ++pos_;
                keyed = true;
            } else if (std::isalpha(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_') {
                const size_t save = pos_;
                std::string name;
                identifier(name);
                skipSpace();
                if (pos_ < s_.size() && s_[pos_] == '=') {
                    key = name;
                    keyed = true;
                } else {
                    pos_ = save;  // true/false/nil as an array item
                }
            }
            if (keyed) {
                skipSpace();
                if (pos_ >= s_.size() || s_[pos_] != '=') return fail();
                ++pos_;
            }
            std::string v;
            if (!value(v, depth)) return false;
            if (keyed) {
                fields.emplace_back(std::move(key), std::move(v));
            } else {
                items.push_back(std::move(v));
            }
            skipSpace();
            if (pos_ < s_.size() && (s_[pos_] == ',' || s_[pos_] == ';')) ++pos_;
        }
        if (fields.empty() && !items.empty()) {
            out += '[';
            for (size_t i = 0; i < items.size(); ++i) {
                if (i) out += ',';
                out += items[i];
            }
            out += ']';
            return true;
        }
        out += '{';
        bool first = true;
        for (size_t i = 0; i < items.size(); ++i) {
            if (!first) out += ',';
            first = false;
            out += '"' + std::to_string(i + 1) + "\":" + items[i];
        }
        for (const auto& [k, v] : fields) {
            if (!first) out += ',';
            first = false;
            jsonString(out, k);
            out += ':';
            out += v;
        }
        out += '}';
        return true;
    }
};

}  // namespace

Result<std::string> literalToJson(std::string_view literal) {
    if (literal.size() > kMaxBytes) return Status::error(ErrorCode::Limit, "pack.err.literal", "0", "too big");
    Reader r(literal);
    if (r.atEnd()) return std::string("{}");
    std::string out;
    if (!r.value(out, 0) || !r.atEnd()) {
        return Status::error(ErrorCode::Invalid, "pack.err.literal", std::to_string(r.pos()), "bad table literal");
    }
    return out;
}

void appendLuaString(std::string& out, std::string_view text) {
    out += '"';
    for (const unsigned char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\%03d", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
}

}  // namespace sandyq::course
