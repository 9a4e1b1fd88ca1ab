// libFuzzer target for the Python-style front end and the VM: any bytes must compile to a
// Diagnostic or a Program, and any Program must end within its budgets — never crash or hang.
// Build (clang only):
//   cmake -S . -B build/fuzz-pyish -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSANDYQ_FUZZ=ON \
//     -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
//     -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined"
//   ninja -C build/fuzz-pyish pyish_fuzz
//   build/fuzz-pyish/tests/unit/pyish/pyish_fuzz -max_total_time=600 -max_len=2048 \
//     -dict=tests/unit/pyish/fuzz_pyish.dict CORPUS_DIR tests/golden/pyish
#include <cstddef>
#include <cstdint>
#include <string>

#include "program/vm.h"
#include "pyish/pyish.h"

namespace {
struct FuzzHost : sandyq::program::Host {
    int reads = 0;
    void write(std::string_view) override {}
    sandyq::program::InputReply readLine(std::string_view, std::string& line) override {
        if (++reads > 3) return sandyq::program::InputReply::Eof;
        line = "12";
        return sandyq::program::InputReply::Line;
    }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string source(reinterpret_cast<const char*>(data), size);
    sandyq::pyish::CompileResult c = sandyq::pyish::compile(source);
    if (!c.ok()) return 0;
    FuzzHost host;
    sandyq::program::Limits limits;
    limits.max_instructions = 100'000;
    limits.max_call_depth = 200;
    limits.max_memory_bytes = 64u << 20;
    sandyq::program::Vm vm(c.program, host, limits);
    vm.addWorldCommand("forward", 0, 1);
    for (int k = 0; k < 1000; ++k) {
        const auto s = vm.step(1000);
        if (s == sandyq::program::StepStatus::Finished || s == sandyq::program::StepStatus::Faulted) break;
        if (vm.waitingForInput()) vm.provideEof();
    }
    return 0;
}
