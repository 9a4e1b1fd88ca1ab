// Test helpers: compile + run a Python-style program and collect output and the diagnostic.
#pragma once

#include <string>
#include <vector>

#include "program/vm.h"
#include "pyish/pyish.h"

namespace sandyq::pyish::test {

struct RunResult {
    std::string out;
    program::Diagnostic error;  // compile or run error
    program::StepStatus status = program::StepStatus::None;
};

struct StringHost : program::Host {
    std::string out;
    std::vector<std::string> answers;
    void write(std::string_view t) override { out += t; }
    program::InputReply readLine(std::string_view, std::string& line) override {
        if (answers.empty()) return program::InputReply::Eof;
        line = answers.front();
        answers.erase(answers.begin());
        return program::InputReply::Line;
    }
};

inline RunResult run(const std::string& src, program::Limits limits = {}, std::vector<std::string> answers = {}) {
    RunResult r;
    CompileResult c = compile(src);
    if (!c.ok()) {
        r.error = c.error;
        r.status = program::StepStatus::Faulted;
        return r;
    }
    StringHost host;
    host.answers = std::move(answers);
    program::Vm vm(c.program, host, limits);
    r.status = vm.runToEnd();
    r.out = host.out;
    if (r.status == program::StepStatus::Faulted) r.error = vm.diagnostic();
    return r;
}

}  // namespace sandyq::pyish::test
