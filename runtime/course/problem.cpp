// course/problem.cpp — problem lists of the pack loader and validator.
#include "course/problem.h"

namespace sandyq::course {

std::string_view levelName(Level level) {
    switch (level) {
    case Level::Error: return "error";
    case Level::Warning: return "warning";
    default: return "";
    }
}

std::string Problem::arg(std::string_view name) const {
    for (const auto& a : args) {
        if (a.name == name) return a.value;
    }
    return {};
}

void Problems::error(std::string file, int line, std::string key, std::vector<ProblemArg> args) {
    list_.push_back({std::move(file), line, Level::Error, std::move(key), std::move(args)});
}

void Problems::warning(std::string file, int line, std::string key, std::vector<ProblemArg> args) {
    list_.push_back({std::move(file), line, Level::Warning, std::move(key), std::move(args)});
}

int Problems::errorCount() const {
    int n = 0;
    for (const auto& p : list_) n += p.level == Level::Error;
    return n;
}

int Problems::warningCount() const {
    int n = 0;
    for (const auto& p : list_) n += p.level == Level::Warning;
    return n;
}

bool Problems::has(std::string_view key) const {
    for (const auto& p : list_) {
        if (p.message_key == key) return true;
    }
    return false;
}

}  // namespace sandyq::course
