// course/problem.h — what a pack validator or loader reports to a teacher.
// Depends on: the standard library only. A Problem is data: {file, line, level, message_key,
// args}; message_key is a catalogue key under "pack." (assets/i18n/<lang>/packs.json) and args
// fill its {placeholders}. Nothing here is user-visible text.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sandyq::course {

enum class Level : unsigned char { None = 0, Error, Warning };
std::string_view levelName(Level level);  // "error", "warning"

struct ProblemArg {
    std::string name, value;
};

struct Problem {
    std::string file;   // as the teacher should open it, e.g. "lessons/example/lesson1.lua"
    int line = 0;       // 1-based; 0 when the problem concerns the whole file
    Level level = Level::Error;
    std::string message_key;  // e.g. "pack.missing_language"
    std::vector<ProblemArg> args;

    std::string arg(std::string_view name) const;  // "" if absent
};

// Collects problems; errors and warnings are counted separately.
class Problems {
public:
    void add(Problem p) { list_.push_back(std::move(p)); }
    void error(std::string file, int line, std::string key, std::vector<ProblemArg> args = {});
    void warning(std::string file, int line, std::string key, std::vector<ProblemArg> args = {});
    const std::vector<Problem>& list() const { return list_; }
    std::vector<Problem>& list() { return list_; }
    int errorCount() const;
    int warningCount() const;
    bool hasErrors() const { return errorCount() > 0; }
    bool has(std::string_view key) const;

private:
    std::vector<Problem> list_;
};

}  // namespace sandyq::course
