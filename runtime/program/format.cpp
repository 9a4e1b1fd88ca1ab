// program/format.cpp — number and string formatting exactly as CPython prints them:
// float repr (shortest round trip), format specs ([[fill]align][sign][#][0][width][,][.prec][type]).
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/utf8.h"
#include "program/vm_impl.h"

namespace sandyq::program {

std::string intToString(int64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

std::string floatRepr(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[64];
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    *r.ptr = 0;
#else
    // libc++ of Emscripten 3.1.6 has no floating-point to_chars: the shortest correctly rounded
    // %.*e that reads back as v gives the same digits (that is what "shortest" means).
    for (int precision = 0; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*e", precision, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
#endif
    // buf: [-]d[.ddd]e[+-]XX
    std::string out;
    const char* p = buf;
    if (*p == '-') { out += '-'; ++p; }
    std::string digits;
    while (*p && *p != 'e') {
        if (*p != '.') digits += *p;
        ++p;
    }
    const int exp10 = std::atoi(p + 1);
    if (exp10 >= -5 + 1 && exp10 < 16) {
        if (exp10 < 0) {
            out += "0.";
            out.append(static_cast<size_t>(-exp10 - 1), '0');
            out += digits;
        } else {
            const size_t int_len = static_cast<size_t>(exp10) + 1;
            if (digits.size() <= int_len) {
                out += digits;
                out.append(int_len - digits.size(), '0');
                out += ".0";
            } else {
                out.append(digits, 0, int_len);
                out += '.';
                out.append(digits, int_len, std::string::npos);
            }
        }
    } else {
        out += digits[0];
        if (digits.size() > 1) {
            out += '.';
            out.append(digits, 1, std::string::npos);
        }
        char e[16];
        std::snprintf(e, sizeof e, "e%c%02d", exp10 < 0 ? '-' : '+', std::abs(exp10));
        out += e;
    }
    return out;
}

double roundHalfEven(double x, int64_t digits) {
    if (!std::isfinite(x) || digits > 300) return x;
    if (digits < -308) return std::copysign(0.0, x);
    if (digits >= 0) {
        // printf rounds the exact binary value correctly (half-even on exact ties), as CPython does.
        std::string buf(static_cast<size_t>(digits) + 400, '\0');  // 309 integer digits at most
        std::snprintf(buf.data(), buf.size(), "%.*f", static_cast<int>(digits), x);
        return std::strtod(buf.c_str(), nullptr);
    }
    const double p = std::pow(10.0, static_cast<double>(-digits));
    double y = x / p;
    double r = std::nearbyint(y);
    return r * p;
}

namespace {

struct Spec {
    std::string fill = " ";
    char align = 0;
    char sign = 0;
    bool alt = false;
    bool zero = false;
    int width = -1;
    char group = 0;
    int precision = -1;
    char type = 0;
};

bool isAlign(char c) { return c == '<' || c == '>' || c == '^' || c == '='; }

bool parseSpec(std::string_view s, Spec& sp) {
    size_t i = 0;
    if (!s.empty()) {
        const auto d = text::decodeUtf8(s, 0);
        if (d.length < s.size() && isAlign(s[d.length])) {
            sp.fill = std::string(s.substr(0, d.length));
            sp.align = s[d.length];
            i = d.length + 1;
        } else if (isAlign(s[0])) {
            sp.align = s[0];
            i = 1;
        }
    }
    if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) sp.sign = s[i++];
    if (i < s.size() && s[i] == '#') { sp.alt = true; ++i; }
    if (i < s.size() && s[i] == '0') { sp.zero = true; ++i; }
    if (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        sp.width = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            sp.width = sp.width * 10 + (s[i++] - '0');
            if (sp.width > 10000) return false;
        }
    }
    if (i < s.size() && (s[i] == ',' || s[i] == '_')) sp.group = s[i++];
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
        sp.precision = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            sp.precision = sp.precision * 10 + (s[i++] - '0');
            if (sp.precision > 1000) return false;
        }
    }
    if (i < s.size()) sp.type = s[i++];
    if (i != s.size()) return false;
    if (sp.zero && sp.align == 0) { sp.fill = "0"; sp.align = '='; }
    return true;
}

void group(std::string& digits, char sep) {
    std::string out;
    const size_t n = digits.size();
    for (size_t k = 0; k < n; ++k) {
        if (k && (n - k) % 3 == 0) out += sep;
        out += digits[k];
    }
    digits = std::move(out);
}

// Pads `sign + body` to the width with fill according to align.
std::string pad(const std::string& sign, const std::string& body, const Spec& sp, char default_align) {
    const size_t len = text::codepointCount(sign) + text::codepointCount(body);
    const char align = sp.align ? sp.align : default_align;
    if (sp.width < 0 || len >= static_cast<size_t>(sp.width)) return sign + body;
    const size_t n = static_cast<size_t>(sp.width) - len;
    auto fill = [&](size_t k) { std::string f; for (size_t j = 0; j < k; ++j) f += sp.fill; return f; };
    switch (align) {
        case '<': return sign + body + fill(n);
        case '^': return fill(n / 2) + sign + body + fill(n - n / 2);
        case '=': return sign + fill(n) + body;
        default: return fill(n) + sign + body;
    }
}

std::string signOf(bool negative, const Spec& sp) {
    if (negative) return "-";
    if (sp.sign == '+') return "+";
    if (sp.sign == ' ') return " ";
    return "";
}

}  // namespace

bool formatFloat(double v, std::string_view spec, std::string& out);

bool formatInt(int64_t v, std::string_view spec, std::string& out) {
    Spec sp;
    if (!parseSpec(spec, sp)) return false;
    const char t = sp.type;
    if (t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%')
        return formatFloat(static_cast<double>(v), spec, out);
    if (sp.precision >= 0) return false;
    const bool neg = v < 0;
    const uint64_t mag = neg ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    std::string digits, prefix;
    if (t == 0 || t == 'd' || t == 'n') {
        digits = std::to_string(mag);
        if (sp.group) group(digits, sp.group);
    } else if (t == 'x' || t == 'X' || t == 'o' || t == 'b') {
        const int base = t == 'o' ? 8 : t == 'b' ? 2 : 16;
        const char* alphabet = t == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        uint64_t m = mag;
        do { digits.insert(digits.begin(), alphabet[m % base]); m /= base; } while (m);
        if (sp.alt) prefix = t == 'o' ? "0o" : t == 'b' ? "0b" : t == 'X' ? "0X" : "0x";
    } else if (t == 'c') {
        text::appendUtf8(digits, static_cast<char32_t>(v));
        out += pad("", digits, sp, '<');
        return true;
    } else {
        return false;
    }
    out += pad(signOf(neg, sp) + prefix, digits, sp, '>');
    return true;
}

bool formatFloat(double v, std::string_view spec, std::string& out) {
    Spec sp;
    if (!parseSpec(spec, sp)) return false;
    const bool neg = std::signbit(v) && !std::isnan(v);
    const double mag = std::fabs(v);
    std::string body;
    char t = sp.type;
    int prec = sp.precision;
    char buf[1100];
    if (t == 0 && prec < 0) {
        body = floatRepr(mag);
    } else if (std::isinf(mag) || std::isnan(mag)) {
        body = std::isnan(mag) ? "nan" : "inf";
        if (t == 'F' || t == 'E' || t == 'G') body = std::isnan(mag) ? "NAN" : "INF";
        if (t == '%') body += '%';
    } else {
        switch (t) {
            case 'f': case 'F':
                std::snprintf(buf, sizeof buf, sp.alt ? "%#.*f" : "%.*f", prec < 0 ? 6 : prec, mag);
                body = buf;
                break;
            case '%':
                std::snprintf(buf, sizeof buf, sp.alt ? "%#.*f" : "%.*f", prec < 0 ? 6 : prec, mag * 100.0);
                body = buf;
                body += '%';
                break;
            case 'e': case 'E':
                std::snprintf(buf, sizeof buf, t == 'e' ? (sp.alt ? "%#.*e" : "%.*e") : (sp.alt ? "%#.*E" : "%.*E"), prec < 0 ? 6 : prec, mag);
                body = buf;
                break;
            case 'g': case 'G': case 0:
            case 'n': {
                int p = prec < 0 ? 6 : prec == 0 ? 1 : prec;
                std::snprintf(buf, sizeof buf, t == 'G' ? (sp.alt ? "%#.*G" : "%.*G") : (sp.alt ? "%#.*g" : "%.*g"), p, mag);
                body = buf;
                if (t == 0 && body.find_first_of(".eEn") == std::string::npos) body += ".0";
                break;
            }
            default: return false;
        }
    }
    if (sp.group && !body.empty() && body[0] >= '0' && body[0] <= '9') {
        size_t end = body.find_first_not_of("0123456789");
        std::string ip = body.substr(0, end);
        group(ip, sp.group);
        body = ip + (end == std::string::npos ? std::string() : body.substr(end));
    }
    out += pad(signOf(neg, sp), body, sp, '>');
    return true;
}

bool formatString(std::string_view s, std::string_view spec, std::string& out) {
    Spec sp;
    if (!parseSpec(spec, sp)) return false;
    if (sp.type != 0 && sp.type != 's') return false;
    if (sp.sign || sp.align == '=') return false;
    std::string body(s);
    if (sp.precision >= 0) body = std::string(text::truncateCodepoints(body, static_cast<size_t>(sp.precision)));
    out += pad("", body, sp, '<');
    return true;
}

}  // namespace sandyq::program
