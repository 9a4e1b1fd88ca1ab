#include "program/diagnostic.h"

namespace sandyq::program {

const char* exceptionName(ExcKind kind) {
    switch (kind) {
        case ExcKind::None: return "";
        case ExcKind::SyntaxError: return "SyntaxError";
        case ExcKind::IndentationError: return "IndentationError";
        case ExcKind::TabError: return "TabError";
        case ExcKind::NameError: return "NameError";
        case ExcKind::UnboundLocalError: return "UnboundLocalError";
        case ExcKind::TypeError: return "TypeError";
        case ExcKind::ValueError: return "ValueError";
        case ExcKind::ZeroDivisionError: return "ZeroDivisionError";
        case ExcKind::IndexError: return "IndexError";
        case ExcKind::KeyError: return "KeyError";
        case ExcKind::AttributeError: return "AttributeError";
        case ExcKind::RecursionError: return "RecursionError";
        case ExcKind::OverflowError: return "OverflowError";
        case ExcKind::MemoryError: return "MemoryError";
        case ExcKind::EOFError: return "EOFError";
        case ExcKind::ModuleNotFoundError: return "ModuleNotFoundError";
        case ExcKind::ImportError: return "ImportError";
        case ExcKind::AssertionError: return "AssertionError";
        case ExcKind::TimeoutError: return "TimeoutError";
        case ExcKind::WorldError: return "WorldError";
    }
    return "Error";
}

Diagnostic& Diagnostic::arg(std::string_view name, std::string_view text) {
    args.push_back(DiagArg{std::string(name), std::string(text), 0, false});
    return *this;
}

Diagnostic& Diagnostic::arg(std::string_view name, int64_t number) {
    args.push_back(DiagArg{std::string(name), {}, number, true});
    return *this;
}

const DiagArg* Diagnostic::find(std::string_view name) const {
    for (const auto& a : args)
        if (a.name == name) return &a;
    return nullptr;
}

Diagnostic makeDiagnostic(ExcKind kind, std::string_view key) {
    Diagnostic d;
    d.exception = kind;
    d.message_key = key;
    return d;
}

namespace {
std::string renderKey(const text::Translator& tr, const std::string& key, const Diagnostic& d) {
    std::vector<text::Arg> args;
    args.reserve(d.args.size() + 1);
    for (const auto& a : d.args) {
        if (a.is_number)
            args.emplace_back(a.name, a.number);
        else
            args.emplace_back(a.name, a.text);
    }
    return tr.tr(key, args);
}
}  // namespace

std::string renderMessage(const text::Translator& tr, const Diagnostic& d) {
    return renderKey(tr, d.message_key, d);
}

std::string renderHint(const text::Translator& tr, const Diagnostic& d) {
    return d.hint_key.empty() ? std::string() : renderKey(tr, d.hint_key, d);
}

}  // namespace sandyq::program
