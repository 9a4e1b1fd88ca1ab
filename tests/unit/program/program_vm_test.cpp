// program: the steppable VM on hand-assembled programs — budgets, yields, host I/O, several VMs.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "program/vm.h"

using namespace sandyq::program;

namespace {

struct Asm {
    Program prog;
    Asm() {
        prog.protos.emplace_back();
        prog.protos[0].name = "<module>";
        prog.protos[0].max_stack = 16;
    }
    Proto& p() { return prog.protos[0]; }
    uint32_t at() const { return static_cast<uint32_t>(prog.protos[0].code.size()); }
    uint32_t op(Op o, uint32_t arg = 0, uint32_t line = 1) {
        p().code.push_back(encode(o, arg));
        p().positions.push_back({line, 1});
        p().nodes.push_back(line * 10);
        return at() - 1;
    }
    void word(uint32_t w) {
        p().code.push_back(w);
        p().positions.push_back({0, 0});
        p().nodes.push_back(0);
    }
    uint32_t global(const std::string& name) {
        prog.global_names.push_back(name);
        return static_cast<uint32_t>(prog.global_names.size() - 1);
    }
    uint32_t str(const std::string& s) {
        Constant c;
        c.kind = Constant::Kind::Str;
        c.text = s;
        prog.constants.push_back(c);
        return static_cast<uint32_t>(prog.constants.size() - 1);
    }
    void smallInt(int v, uint32_t line = 1) { op(Op::LoadSmallInt, static_cast<uint32_t>(v + kSmallIntBias), line); }
    void end() { op(Op::LoadNone); op(Op::Return); }
};

struct TestHost : Host {
    std::string out;
    std::vector<std::string> answers;
    bool pending = false;
    std::vector<std::vector<WorldArg>> commands;
    void write(std::string_view t) override { out += t; }
    InputReply readLine(std::string_view, std::string& line) override {
        if (pending) return InputReply::Pending;
        if (answers.empty()) return InputReply::Eof;
        line = answers.front();
        answers.erase(answers.begin());
        return InputReply::Line;
    }
    WorldReply worldCommand(uint32_t, const std::vector<WorldArg>& args) override {
        commands.push_back(args);
        WorldReply r;
        if (commands.size() == 3) r.error = makeDiagnostic(ExcKind::WorldError, "py.err.world_wall");
        return r;
    }
};

// while True: x = x + 1   (line 2 is the loop)
Asm endlessLoop() {
    Asm a;
    const uint32_t x = a.global("x");
    a.smallInt(0);
    a.op(Op::StoreGlobal, x);
    const uint32_t start = a.at();
    a.p().loops.push_back({start, 0, 2});
    a.op(Op::LoadGlobal, x, 3);
    a.smallInt(1, 3);
    a.op(Op::Add, 0, 3);
    a.op(Op::StoreGlobal, x, 3);
    a.op(Op::Loop, start, 2);
    a.word(0);
    a.p().loops[0].end = a.at();
    a.end();
    return a;
}

}  // namespace

TEST_CASE("program.vm: step(budget) returns Running and never hangs on an endless loop") {
    Asm a = endlessLoop();
    TestHost host;
    Limits limits;
    limits.max_instructions = 60'000;
    Vm vm(a.prog, host, limits);
    CHECK(vm.step(1000) == StepStatus::Running);
    CHECK(vm.instructionsExecuted() == 1000);
    CHECK(vm.currentPosition().line >= 2);
    CHECK(vm.runToEnd() == StepStatus::Faulted);
    const Diagnostic& d = vm.diagnostic();
    CHECK(d.exception == ExcKind::TimeoutError);
    CHECK(d.message_key == "py.err.endless_loop");
    CHECK(d.line == 2);
    REQUIRE(d.find("n") != nullptr);
    CHECK(d.find("n")->number > 11000);  // 5 instructions per round
    CHECK(d.find("n")->number <= 12000);
    // A faulted VM stays faulted.
    CHECK(vm.step(10) == StepStatus::Faulted);
}

TEST_CASE("program.vm: integer overflow is a clear OverflowError, not wrap-around") {
    Asm a;
    Constant big;
    big.kind = Constant::Kind::Int;
    big.integer = INT64_MAX;
    a.prog.constants.push_back(big);
    a.op(Op::LoadConst, 0, 4);
    a.smallInt(1, 4);
    a.op(Op::Add, 0, 4);
    a.op(Op::Pop);
    a.end();
    TestHost host;
    Vm vm(a.prog, host);
    CHECK(vm.runToEnd() == StepStatus::Faulted);
    CHECK(vm.diagnostic().exception == ExcKind::OverflowError);
    CHECK(vm.diagnostic().line == 4);
    CHECK(vm.diagnostic().node == 40);  // the source-node table names what failed
}

TEST_CASE("program.vm: input() yields until the host provides the answer") {
    Asm a;
    const uint32_t input = a.global("input");
    const uint32_t print = a.global("print");
    a.op(Op::LoadGlobal, print);
    a.op(Op::LoadGlobal, input);
    a.op(Op::LoadConst, a.str("Атың? "));
    a.op(Op::Call, 1);
    a.op(Op::Call, 1);
    a.op(Op::Pop);
    a.end();
    TestHost host;
    host.pending = true;
    Vm vm(a.prog, host);
    CHECK(vm.step(100) == StepStatus::Yielded);
    CHECK(vm.waitingForInput());
    CHECK(vm.step(100) == StepStatus::Yielded);  // still waiting, nothing runs
    vm.provideInput("Әлия");
    CHECK_FALSE(vm.waitingForInput());
    CHECK(vm.step(100) == StepStatus::Finished);
    CHECK(host.out == "Атың? Әлия\n");
}

TEST_CASE("program.vm: input() without answers is EOFError") {
    Asm a;
    const uint32_t input = a.global("input");
    a.op(Op::LoadGlobal, input, 7);
    a.op(Op::Call, 0, 7);
    a.op(Op::Pop);
    a.end();
    TestHost host;
    Vm vm(a.prog, host);
    CHECK(vm.runToEnd() == StepStatus::Faulted);
    CHECK(vm.diagnostic().exception == ExcKind::EOFError);
    CHECK(vm.diagnostic().line == 7);
}

TEST_CASE("program.vm: each world command yields; a world error faults with the host's diagnostic") {
    Asm a;
    const uint32_t fwd = a.global("forward");
    for (int k = 0; k < 4; ++k) {
        a.op(Op::LoadGlobal, fwd, static_cast<uint32_t>(k + 1));
        a.smallInt(k + 1, static_cast<uint32_t>(k + 1));
        a.op(Op::Call, 1, static_cast<uint32_t>(k + 1));
        a.op(Op::Pop);
    }
    a.end();
    TestHost host;
    Vm vm(a.prog, host);
    CHECK(vm.addWorldCommand("forward", 1, 1) == 0);
    CHECK(vm.step(1000) == StepStatus::Yielded);
    CHECK(host.commands.size() == 1);
    CHECK(host.commands[0][0].integer == 1);
    CHECK(vm.step(1000) == StepStatus::Yielded);
    CHECK(host.commands.size() == 2);
    CHECK(vm.step(1000) == StepStatus::Faulted);
    CHECK(vm.diagnostic().message_key == "py.err.world_wall");
    CHECK(vm.diagnostic().line == 3);
}

TEST_CASE("program.vm: several VMs run the same program independently") {
    Asm a = endlessLoop();
    TestHost h1, h2;
    Vm v1(a.prog, h1), v2(a.prog, h2);
    CHECK(v1.step(500) == StepStatus::Running);
    CHECK(v2.step(100) == StepStatus::Running);
    CHECK(v1.instructionsExecuted() == 500);
    CHECK(v2.instructionsExecuted() == 100);
}

TEST_CASE("program.vm: an empty program finishes at once") {
    Program empty;
    TestHost host;
    Vm vm(empty, host);
    CHECK(vm.step(10) == StepStatus::Finished);
}
