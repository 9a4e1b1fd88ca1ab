// worlds/world_util.h — small helpers shared by the worlds' implementations (not a public API):
// argument conversion, Lua literal quoting, goal-argument reading.
// Depends on: program/vm.h, nlohmann-json (private to sandyq_worlds). Core layer.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "program/vm.h"

namespace sandyq::worlds::detail {

inline bool number(const program::WorldArg& a, double& out) {
    if (a.kind == program::WorldArg::Kind::Int) { out = static_cast<double>(a.integer); return true; }
    if (a.kind == program::WorldArg::Kind::Float) { out = a.real; return std::isfinite(a.real); }
    return false;
}

inline program::WorldReply boolReply(bool b) {
    program::WorldReply r;
    r.value.kind = program::WorldArg::Kind::Bool;
    r.value.integer = b ? 1 : 0;
    return r;
}

inline program::WorldReply strReply(std::string s) {
    program::WorldReply r;
    r.value.kind = program::WorldArg::Kind::Str;
    r.value.text = std::move(s);
    return r;
}

inline program::WorldReply errorReply(std::string_view key, program::ExcKind kind = program::ExcKind::WorldError) {
    program::WorldReply r;
    r.error = program::makeDiagnostic(kind, key);
    return r;
}

inline std::string luaQuote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') { out += '\\'; out += c; }
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out + "\"";
}

// Shortest round-trippable-enough text of a coordinate (never locale dependent).
inline std::string num(double v) {
    if (std::fabs(v) < 5e-10) v = 0;  // no "-0"
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

inline nlohmann::json parseArgs(std::string_view json) {
    if (json.empty()) return nlohmann::json::object();
    return nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
}

// Reads an integer argument `name` (also accepted: the args being the bare number).
inline bool intArg(const nlohmann::json& j, const char* name, int64_t& out) {
    const nlohmann::json* v = nullptr;
    if (j.is_object() && j.contains(name)) v = &j[name];
    else if (j.is_number()) v = &j;
    if (!v || !v->is_number()) return false;
    const double d = v->get<double>();
    if (!std::isfinite(d) || d != std::floor(d)) return false;
    out = static_cast<int64_t>(d);
    return true;
}

}  // namespace sandyq::worlds::detail
