// pyish.printer: Ast → text is stable (print∘parse is idempotent) and keeps the meaning
// (every golden program prints to text that runs with the same output).
#include <doctest/doctest.h>

#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "helpers.h"
#include "pyish/printer.h"

using namespace sandyq::pyish;
using namespace sandyq::pyish::test;

namespace {
std::string readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::string reprint(const std::string& src) {
    ParseResult p = parse(src);
    REQUIRE(p.error.ok());
    return printAst(*p.ast);
}

std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string l; std::getline(ss, l);) out.push_back(l);
    return out;
}
}  // namespace

TEST_CASE("pyish.printer: canonical spacing, indentation and brackets") {
    CHECK(reprint("x=1+2*3\nif x>3 :\n  print( 'hi' ,x)\nelif x==0:\n\tpass\nelse:\n  y=(1+2)*3\n") ==
          "x = 1 + 2 * 3\nif x > 3:\n    print('hi', x)\nelif x == 0:\n    pass\nelse:\n    y = (1 + 2) * 3\n");
    CHECK(reprint("a,b=b,a\nz=-2**2\nw=(-2)**2\nv=2**-1\nq=a-(b-c)\nr=(a-b)-c\n") ==
          "a, b = b, a\nz = -2 ** 2\nw = (-2) ** 2\nv = 2 ** -1\nq = a - (b - c)\nr = a - b - c\n");
    CHECK(reprint("def f(a, b=[1,2]):\n    return [x*x for x in a if x>0]\n") ==
          "def f(a, b=[1, 2]):\n    return [x * x for x in a if x > 0]\n");
    CHECK(reprint("print(f\"{n:>{w}} {x!r} {{}}\", sep='')\n") == "print(f\"{n:>{w}} {x!r} {{}}\", sep='')\n");
    CHECK(reprint("сан = 'Әлия'\n") == "сан = 'Әлия'\n");
}

TEST_CASE("pyish.printer: every golden program prints to text that runs the same") {
    const std::string dir = std::string(SANDYQ_SOURCE_DIR) + "/tests/golden/pyish";
    DIR* d = opendir(dir.c_str());
    REQUIRE(d != nullptr);
    std::vector<std::string> files;
    while (dirent* e = readdir(d)) {
        const std::string n = e->d_name;
        if (n.size() > 3 && n.substr(n.size() - 3) == ".py") files.push_back(n);
    }
    closedir(d);
    std::sort(files.begin(), files.end());
    CHECK(files.size() >= 200);
    for (const auto& f : files) {
        INFO(f);
        const std::string src = readFile(dir + "/" + f);
        const std::string printed = reprint(src);
        CHECK(reprint(printed) == printed);
        std::vector<std::string> answers;
        const std::string in = readFile(dir + "/" + f.substr(0, f.size() - 3) + ".in");
        answers = lines(in);
        sandyq::program::Limits limits;
        const auto a = run(src, limits, answers);
        const auto b = run(printed, limits, answers);
        CHECK(a.error.ok());
        CHECK(b.error.ok());
        CHECK(a.out == b.out);
    }
}
