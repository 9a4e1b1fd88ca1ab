// program/diagnostic.h — a pupil's mistake as data: what went wrong, where, and which catalogue
// message explains it.
// Depends on: the standard library and core/i18n (only to render a Diagnostic to text).
// Ownership: a Diagnostic is a value; it owns its argument strings.
// Errors: this is the error report itself. Message keys live in assets/i18n/*/pyish.json
// ("py.*"); code never contains user-visible text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.h"

namespace sandyq::program {

// The Python exception a mistake corresponds to (same name as CPython reports).
enum class ExcKind : uint8_t {
    None = 0,
    SyntaxError,
    IndentationError,
    TabError,
    NameError,
    UnboundLocalError,
    TypeError,
    ValueError,
    ZeroDivisionError,
    IndexError,
    KeyError,
    AttributeError,
    RecursionError,
    OverflowError,
    MemoryError,
    EOFError,
    ModuleNotFoundError,
    ImportError,
    AssertionError,
    TimeoutError,      // the instruction budget ran out: an endless loop
    WorldError,        // a world command failed (robot hit a wall)
};

const char* exceptionName(ExcKind kind);

struct DiagArg {
    std::string name;
    std::string text;
    int64_t number = 0;
    bool is_number = false;
};

struct Diagnostic {
    ExcKind exception = ExcKind::None;
    std::string message_key;  // "py.err.name_not_defined"
    std::string hint_key;     // optional second sentence, e.g. "py.hint.did_you_mean"
    std::vector<DiagArg> args;
    uint32_t line = 0;        // 1-based; 0 = unknown
    uint32_t column = 0;      // 1-based code points; 0 = unknown
    uint32_t node = 0;        // AST node / block id (0 = none)

    bool ok() const { return exception == ExcKind::None; }
    Diagnostic& arg(std::string_view name, std::string_view text);
    Diagnostic& arg(std::string_view name, int64_t number);
    Diagnostic& hint(std::string_view key) { hint_key = key; return *this; }
    const DiagArg* find(std::string_view name) const;
};

Diagnostic makeDiagnostic(ExcKind kind, std::string_view key);

// The message (and hint, if any, on a second line) in the translator's language.
std::string renderMessage(const text::Translator& tr, const Diagnostic& d);
std::string renderHint(const text::Translator& tr, const Diagnostic& d);

}  // namespace sandyq::program
