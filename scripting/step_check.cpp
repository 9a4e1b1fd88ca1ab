// scripting/step_check.cpp — checking one coding step (see step_check.h for the contract).
//
// Sections: text helpers · console runs (host, variables as a Lua literal) · program facts (uses,
// statements) · built-in goals · stars · world steps · checkCodingStep.
// Uses program/vm_impl.h for one read-only thing the public Vm does not offer: the module's
// global variables after a run (the `variable` goal and run.variables of Lua goals).
#include "scripting/step_check.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "course/literal.h"
#include "program/vm.h"
#include "program/vm_impl.h"
#include "pyish/pyish.h"

#if SANDYQ_HAVE_WORLDS
#include "worlds/factory.h"
#include "worlds/runner.h"
#endif
#if SANDYQ_HAVE_ROBOT
#include SANDYQ_ROBOT_HEADER
#endif

namespace sandyq::scripting {

using course::ProblemArg;
using nlohmann::json;

namespace {

constexpr size_t kMaxOutput = 256 * 1024;     // bytes of output kept per run
constexpr size_t kMaxShown = 80;              // code points of a line quoted in a message
constexpr size_t kMaxTraceEvents = 2000;
constexpr int kMaxLiteralDepth = 8;
constexpr size_t kMaxLiteralItems = 1000;
#if SANDYQ_HAVE_ROBOT
constexpr bool kHaveRobot = true;
#else
constexpr bool kHaveRobot = false;
#endif

// ---- text helpers ------------------------------------------------------------------------------
std::vector<std::string> splitLines(std::string_view s) {
    std::vector<std::string> lines;
    if (s.empty()) return lines;
    size_t start = 0;
    while (start <= s.size()) {
        const size_t nl = s.find('\n', start);
        if (nl == std::string_view::npos) {
            lines.emplace_back(s.substr(start));
            break;
        }
        lines.emplace_back(s.substr(start, nl - start));
        start = nl + 1;
        if (start == s.size()) break;
    }
    return lines;
}

// A line quoted in a pupil's message: at most kMaxShown code points.
std::string shown(std::string_view s) {
    size_t cps = 0, i = 0;
    for (; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++cps > kMaxShown) break;
    }
    return i < s.size() ? std::string(s.substr(0, i)) + "…" : std::string(s);
}

void luaQuote(std::string& out, std::string_view s) { course::appendLuaString(out, s); }

std::string luaStringList(const std::vector<std::string>& items) {
    std::string out = "{";
    for (const auto& s : items) {
        luaQuote(out, s);
        out += ',';
    }
    if (out.back() == ',') out.pop_back();
    return out + "}";
}

// ---- console runs ------------------------------------------------------------------------------
class ConsoleHost final : public program::Host {
public:
    explicit ConsoleHost(const std::vector<std::string>& inputs) : inputs_(inputs) {}

    void write(std::string_view text) override {
        last_write_output_ = output.size();
        last_write_trace_ = trace.size();
        if (output.size() < kMaxOutput) output.append(text.substr(0, kMaxOutput - output.size()));
        // Trace: one print event per write (print() writes its joined text at once).
        if (trace_events_ < kMaxTraceEvents) {
            ++trace_events_;
            trace += "{kind=\"print\",text=";
            luaQuote(trace, text.substr(0, 4096));
            trace += "},";
        }
    }

    program::InputReply readLine(std::string_view prompt, std::string& line) override {
        // The Vm has just written the prompt; it is shown on screen by the player but is not
        // part of the checked output: a teacher writes the expected output without prompts.
        if (!prompt.empty() && last_write_output_ <= output.size() &&
            std::string_view(output).substr(last_write_output_) == prompt) {
            output.resize(last_write_output_);
            trace.resize(last_write_trace_);
        }
        if (next_ >= inputs_.size()) return program::InputReply::Eof;
        line = inputs_[next_++];
        if (trace_events_ < kMaxTraceEvents) {
            ++trace_events_;
            trace += "{kind=\"input\",prompt=";
            luaQuote(trace, prompt.substr(0, 4096));
            trace += ",text=";
            luaQuote(trace, line);
            trace += "},";
        }
        return program::InputReply::Line;
    }

    std::string output;
    std::string trace;  // Lua list items, without the braces

private:
    const std::vector<std::string>& inputs_;
    size_t next_ = 0;
    size_t trace_events_ = 0;
    size_t last_write_output_ = 0, last_write_trace_ = 0;
};

// A Python value as a Lua literal for goals: numbers, texts, booleans, lists/tuples as arrays,
// dicts as tables. None, functions and other objects are left out (nil).
void valueLiteral(program::Vm::Impl& im, const program::Value& v, int depth, std::string& out) {
    using program::ObjType;
    using program::ValueType;
    switch (v.type) {
    case ValueType::Bool: out += v.b ? "true" : "false"; return;
    case ValueType::Int: out += std::to_string(v.i); return;
    case ValueType::Float:
        if (std::isfinite(v.f)) {
            out += program::floatRepr(v.f);
        } else {
            out += "nil";
        }
        return;
    case ValueType::Object: break;
    default: out += "nil"; return;
    }
    if (depth >= kMaxLiteralDepth) {
        out += "nil";
        return;
    }
    switch (v.o->type) {
    case ObjType::Str: luaQuote(out, program::asStr(v)->s); return;
    case ObjType::List:
    case ObjType::Tuple: {
        out += '{';
        size_t n = 0;
        for (const auto& item : program::asList(v)->items) {
            if (++n > kMaxLiteralItems) break;
            valueLiteral(im, item, depth + 1, out);
            out += ',';
        }
        if (out.back() == ',') out.pop_back();
        out += '}';
        return;
    }
    case ObjType::Dict: {
        out += '{';
        size_t n = 0;
        for (const auto& e : program::asDict(v)->entries) {
            if (!e.live) continue;
            if (++n > kMaxLiteralItems) break;
            if (e.key.isInt()) {
                out += "[" + std::to_string(e.key.i) + "]=";
            } else if (program::isObjType(e.key, ObjType::Str)) {
                out += '[';
                luaQuote(out, program::asStr(e.key)->s);
                out += "]=";
            } else {
                continue;
            }
            valueLiteral(im, e.value, depth + 1, out);
            out += ',';
        }
        if (out.back() == ',') out.pop_back();
        out += '}';
        return;
    }
    default: out += "nil"; return;
    }
}

struct RunResult {
    bool finished = false;
    program::Diagnostic error;
    std::string output;
    std::string trace_literal = "{}";
    std::string variables_literal = "{}";
    std::map<std::string, std::string> variables;  // name → Lua literal
    std::vector<std::string> inputs;

    // The `run` table of Lua goals.
    std::string runLiteral() const {
        std::string out = "{output=";
        luaQuote(out, output);
        out += ",lines=" + luaStringList(splitLines(normalizeOutput(output)));
        out += ",variables=" + variables_literal;
        out += ",inputs=" + luaStringList(inputs);
        out += ",finished=";
        out += finished ? "true" : "false";
        return out + "}";
    }
};

RunResult runConsole(const program::Program& prog, const std::vector<std::string>& inputs,
                     const StepCheckOptions& options) {
    RunResult r;
    r.inputs = inputs;
    ConsoleHost host(r.inputs);
    program::Limits limits;
    limits.max_instructions = options.max_instructions ? options.max_instructions : 20'000'000;
    limits.max_memory_bytes = options.max_memory_bytes ? options.max_memory_bytes : (64u << 20);
    program::Vm vm(prog, host, limits);
    const program::StepStatus s = vm.runToEnd();
    r.output = std::move(host.output);
    if (!host.trace.empty()) host.trace.pop_back();
    r.trace_literal = "{" + host.trace + "}";
    if (s == program::StepStatus::Finished) {
        r.finished = true;
        auto& im = vm.impl();
        std::string vars = "{";
        for (size_t g = 0; g < prog.global_names.size() && g < im.globals.size(); ++g) {
            const program::Value& v = im.globals[g];
            if (v.isEmpty() || v.isNone()) continue;
            if (v.isObj() && v.o->type != program::ObjType::Str && v.o->type != program::ObjType::List &&
                v.o->type != program::ObjType::Tuple && v.o->type != program::ObjType::Dict) {
                continue;  // functions, modules, iterators: not data
            }
            std::string lit;
            valueLiteral(im, v, 0, lit);
            r.variables[prog.global_names[g]] = lit;
            vars += "[";
            luaQuote(vars, prog.global_names[g]);
            vars += "]=" + lit + ",";
        }
        if (vars.back() == ',') vars.pop_back();
        r.variables_literal = vars + "}";
    } else if (s == program::StepStatus::Faulted) {
        r.error = vm.diagnostic();
    } else {
        // Waiting for input that never comes cannot happen (the host answers Eof); anything else
        // is a VM that stopped early: report it as a too-long run.
        r.error = program::makeDiagnostic(program::ExcKind::TimeoutError, "py.err.endless_loop");
    }
    return r;
}

// ---- program facts -----------------------------------------------------------------------------
struct ProgramFacts {
    std::set<std::string> constructs;  // "for", "while", "if", "elif", ...
    std::set<std::string> calls;       // function and method names called
    int statements = 0;
};

bool isStatement(pyish::NodeKind k) {
    using pyish::NodeKind;
    switch (k) {
    case NodeKind::ExprStmt: case NodeKind::Assign: case NodeKind::AugAssign: case NodeKind::If:
    case NodeKind::While: case NodeKind::For: case NodeKind::Break: case NodeKind::Continue:
    case NodeKind::Pass: case NodeKind::Def: case NodeKind::Return: case NodeKind::Global:
    case NodeKind::Import: case NodeKind::ImportFrom: case NodeKind::Del: case NodeKind::Assert:
        return true;
    default: return false;
    }
}

void collectFacts(const pyish::Node* n, ProgramFacts& f, int depth) {
    using pyish::NodeKind;
    if (!n || depth > 200) return;
    if (isStatement(n->kind)) ++f.statements;
    switch (n->kind) {
    case NodeKind::For: f.constructs.insert("for"); break;
    case NodeKind::While: f.constructs.insert("while"); break;
    case NodeKind::If: {
        f.constructs.insert("if");
        // `elif` is an If alone in the else-block, at the block's own position (the parser makes
        // that block from the elif); a real `else:` block starts at the `else` keyword.
        const pyish::Node* e = n->kids.size() > 2 ? n->kids[2] : nullptr;
        if (e) {
            const bool elif = e->kids.size() == 1 && e->kids[0] && e->kids[0]->kind == NodeKind::If &&
                              e->kids[0]->line == e->line && e->kids[0]->column == e->column;
            f.constructs.insert(elif ? "elif" : "else");
        }
        break;
    }
    case NodeKind::IfExp: f.constructs.insert("if"); f.constructs.insert("else"); break;
    case NodeKind::Def: f.constructs.insert("def"); break;
    case NodeKind::Return: f.constructs.insert("return"); break;
    case NodeKind::List: case NodeKind::ListComp: f.constructs.insert("list"); break;
    case NodeKind::Dict: case NodeKind::DictComp: f.constructs.insert("dict"); break;
    case NodeKind::FString: f.constructs.insert("fstring"); break;
    case NodeKind::Break: f.constructs.insert("break"); break;
    case NodeKind::Continue: f.constructs.insert("continue"); break;
    case NodeKind::Import: case NodeKind::ImportFrom: f.constructs.insert("import"); break;
    case NodeKind::And: f.constructs.insert("and"); break;
    case NodeKind::Or: f.constructs.insert("or"); break;
    case NodeKind::UnaryOp:
        if (n->op == program::Op::Not) f.constructs.insert("not");
        break;
    case NodeKind::Compare:
        for (program::Op op : n->ops) {
            if (op == program::Op::In || op == program::Op::NotIn) f.constructs.insert("in");
        }
        break;
    case NodeKind::Call:
        if (!n->kids.empty() && n->kids[0]) {
            const pyish::Node* callee = n->kids[0];
            if (callee->kind == NodeKind::Name || callee->kind == NodeKind::Attribute) f.calls.insert(callee->text);
            if (callee->kind == NodeKind::Name && (callee->text == "list" || callee->text == "dict")) {
                f.constructs.insert(callee->text);
            }
        }
        break;
    default: break;
    }
    for (const pyish::Node* k : n->kids) collectFacts(k, f, depth + 1);
}

bool isConstructName(std::string_view name) {
    static const char* const kNames[] = {"for", "while", "if", "elif", "else", "def", "return", "list",
                                         "dict", "fstring", "break", "continue", "import", "and", "or", "not", "in"};
    return std::any_of(std::begin(kNames), std::end(kNames), [&](const char* k) { return name == k; });
}

// ---- built-in goals ----------------------------------------------------------------------------
std::string jsonText(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
    if (v.is_number_float()) return program::floatRepr(v.get<double>());
    if (v.is_boolean()) return v.get<bool>() ? "True" : "False";
    return v.dump();
}

std::vector<std::string> stringList(const json& v) {
    std::vector<std::string> out;
    if (v.is_string()) {
        out.push_back(v.get<std::string>());
    } else if (v.is_array()) {
        for (const auto& e : v) out.push_back(jsonText(e));
    } else if (v.is_number()) {
        out.push_back(jsonText(v));
    }
    return out;
}

// Python values after a run compare with the teacher's Lua value: 5 == 5.0, lists item by item.
bool sameValue(const json& a, const json& b) {
    if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
    if (a.is_array() && b.is_array()) {
        if (a.size() != b.size()) return false;
        for (size_t i = 0; i < a.size(); ++i) {
            if (!sameValue(a[i], b[i])) return false;
        }
        return true;
    }
    if (a.is_array() != b.is_array() && (a.empty() && b.empty())) return true;  // {} vs []
    return a == b;
}

void checkOutput(const std::string& expected_raw, const RunResult& run, GoalOutcome& g) {
    const auto expected = splitLines(normalizeOutput(expected_raw));
    const auto got = splitLines(normalizeOutput(run.output));
    for (size_t i = 0; i < std::max(expected.size(), got.size()); ++i) {
        if (i >= got.size()) {
            g.message_key = got.empty() ? "pack.check.output_none" : "pack.check.output_short";
            g.args = {{"line", std::to_string(i + 1)}, {"expected", shown(expected[i])}};
            return;
        }
        if (i >= expected.size()) {
            g.message_key = "pack.check.output_long";
            g.args = {{"line", std::to_string(i + 1)}, {"got", shown(got[i])}};
            return;
        }
        if (expected[i] != got[i]) {
            g.message_key = "pack.check.output_line";
            g.args = {{"line", std::to_string(i + 1)}, {"expected", shown(expected[i])}, {"got", shown(got[i])}};
            return;
        }
    }
    g.passed = true;
}

struct GoalContext {
    LoadedPack& pack;
    const course::Step& step;
    std::string_view program_text;
    const ProgramFacts& facts;
    StepOutcome& outcome;
};

void packProblem(GoalContext& c, const course::SourcePos& pos, std::string key, std::vector<ProblemArg> args,
                 course::Level level = course::Level::Error) {
    const std::string& prefix = c.pack.sandbox() ? c.pack.sandbox()->displayPrefix() : std::string();
    std::string file = prefix.empty() ? pos.file : prefix + "/" + pos.file;
    if (level == course::Level::Warning) {
        c.outcome.pack_problems.warning(std::move(file), pos.line, std::move(key), std::move(args));
    } else {
        c.outcome.pack_problems.error(std::move(file), pos.line, std::move(key), std::move(args));
    }
}

void checkBuiltin(GoalContext& c, const course::Goal& goal, const json& args, const RunResult& run, GoalOutcome& g) {
    const std::string& name = goal.builtin;
    if (name == "output") {
        if (!args.contains("text")) {
            packProblem(c, goal.pos, "pack.check.goal_field_missing", {{"builtin", name}, {"field", "text"}});
            g.message_key = "pack.check.goal_broken";
            return;
        }
        // A list gives accepted outputs (e.g. the Kazakh and the Russian greeting): any one passes;
        // a failure is explained against the first.
        const auto texts = stringList(args["text"]);
        for (const auto& t : texts) {
            GoalOutcome attempt;
            checkOutput(t, run, attempt);
            if (attempt.passed || &t == &texts.front()) {
                g.passed = attempt.passed;
                g.message_key = attempt.message_key;
                g.args = attempt.args;
            }
            if (g.passed) break;
        }
    } else if (name == "output_contains") {
        const auto texts = args.contains("text") ? stringList(args["text"]) : std::vector<std::string>{};
        if (texts.empty()) {
            packProblem(c, goal.pos, "pack.check.goal_field_missing", {{"builtin", name}, {"field", "text"}});
            g.message_key = "pack.check.goal_broken";
            return;
        }
        for (const auto& t : texts) {
            if (run.output.find(t) == std::string::npos) {
                g.message_key = "pack.check.output_missing";
                g.args = {{"text", shown(t)}};
                return;
            }
        }
        g.passed = true;
    } else if (name == "uses") {
        const auto names = args.contains("name") ? stringList(args["name"]) : std::vector<std::string>{};
        if (names.empty()) {
            packProblem(c, goal.pos, "pack.check.goal_field_missing", {{"builtin", name}, {"field", "name"}});
            g.message_key = "pack.check.goal_broken";
            return;
        }
        for (const auto& n : names) {
            if (isConstructName(n)) {
                if (!c.facts.constructs.count(n)) {
                    g.message_key = "pack.check.uses_construct." + n;
                    return;
                }
            } else if (!c.facts.calls.count(n)) {
                g.message_key = "pack.check.uses_call";
                g.args = {{"name", n}};
                return;
            }
        }
        g.passed = true;
    } else if (name == "avoids") {
        const auto names = args.contains("name") ? stringList(args["name"]) : std::vector<std::string>{};
        if (names.empty()) {
            packProblem(c, goal.pos, "pack.check.goal_field_missing", {{"builtin", name}, {"field", "name"}});
            g.message_key = "pack.check.goal_broken";
            return;
        }
        for (const auto& n : names) {
            if (c.facts.constructs.count(n) || c.facts.calls.count(n)) {
                g.message_key = "pack.check.avoids";
                g.args = {{"name", n}};
                return;
            }
        }
        g.passed = true;
    } else if (name == "no_error") {
        g.passed = run.finished;
        if (!g.passed) g.message_key = "pack.check.has_error";
    } else if (name == "max_lines") {
        const json& v = args.contains("lines") ? args["lines"] : json();
        if (!v.is_number_integer() || v.get<int64_t>() < 1) {
            packProblem(c, goal.pos, "pack.check.goal_field_missing", {{"builtin", name}, {"field", "lines"}});
            g.message_key = "pack.check.goal_broken";
            return;
        }
        const int lines = countCodeLines(c.program_text);
        g.passed = lines <= v.get<int64_t>();
        if (!g.passed) {
            g.message_key = "pack.check.too_many_lines";
            g.args = {{"n", std::to_string(lines)}, {"max", std::to_string(v.get<int64_t>())}};
        }
    } else if (name == "variable") {
        const std::string var = args.contains("name") && args["name"].is_string() ? args["name"].get<std::string>() : "";
        if (var.empty() || !args.contains("value")) {
            packProblem(c, goal.pos, "pack.check.goal_field_missing",
                        {{"builtin", name}, {"field", var.empty() ? "name" : "value"}});
            g.message_key = "pack.check.goal_broken";
            return;
        }
        const auto it = run.variables.find(var);
        if (it == run.variables.end()) {
            g.message_key = "pack.check.variable_missing";
            g.args = {{"name", var}};
            return;
        }
        auto got_json = course::literalToJson(it->second);
        const json got = got_json.ok() ? json::parse(got_json.value(), nullptr, false) : json();
        g.passed = sameValue(got, args["value"]);
        if (!g.passed) {
            g.message_key = "pack.check.variable_wrong";
            g.args = {{"name", var}, {"expected", shown(jsonText(args["value"]))}};
        }
    } else {
        packProblem(c, goal.pos, "pack.check.unknown_builtin", {{"builtin", name}});
        g.message_key = "pack.check.goal_broken";
    }
}

// ---- stars -------------------------------------------------------------------------------------
void checkStars(GoalContext& c, const StepCheckOptions& options, int statements, int64_t commands) {
    StepOutcome& out = c.outcome;
    const std::string& literal = c.step.coding.stars;
    if (!out.passed) return;
    out.stars = 3;
    if (literal.empty()) return;
    auto converted = course::literalToJson(literal);
    const json rules = converted.ok() ? json::parse(converted.value(), nullptr, false) : json();
    if (!rules.is_object()) {
        if (!(rules.is_array() && rules.empty())) packProblem(c, c.step.pos, "pack.err.literal", {{"field", "stars"}});
        return;
    }
    int missed = 0;
    for (const auto& [key, value] : rules.items()) {
        GoalOutcome r;
        r.pos = c.step.pos;
        r.passed = true;
        const bool number = value.is_number();
        const double limit = number ? value.get<double>() : 0;
        if (key == "max_lines" && number) {
            const int n = countCodeLines(c.program_text);
            r.passed = n <= limit;
            r.message_key = "pack.star.max_lines";
            r.args = {{"n", std::to_string(n)}, {"max", jsonText(value)}};
        } else if ((key == "max_blocks" || key == "blocks") && number) {
            const int n = options.blocks_used >= 0 ? options.blocks_used : statements;
            r.passed = n <= limit;
            r.message_key = "pack.star.max_blocks";
            r.args = {{"n", std::to_string(n)}, {"max", jsonText(value)}};
        } else if (key == "max_commands" && number) {
            r.passed = commands < 0 || commands <= limit;
            r.message_key = "pack.star.max_commands";
            r.args = {{"n", std::to_string(commands)}, {"max", jsonText(value)}};
        } else if (key == "time" && number) {
            r.passed = options.seconds_spent < 0 || options.seconds_spent <= limit;
            r.message_key = "pack.star.time";
            r.args = {{"max", jsonText(value)}};
        } else if (key == "attempts" && number) {
            r.passed = options.attempts < 0 || options.attempts <= limit;
            r.message_key = "pack.star.attempts";
            r.args = {{"max", jsonText(value)}};
        } else if (key == "no_hints" && value.is_boolean()) {
            r.passed = !value.get<bool>() || options.hints_used <= 0;
            r.message_key = "pack.star.no_hints";
        } else {
            // A typo in a star rule costs no star; the teacher sees a warning.
            packProblem(c, c.step.pos, "pack.check.unknown_star_rule", {{"rule", key}}, course::Level::Warning);
            continue;
        }
        if (!r.passed) ++missed;
        out.star_rules.push_back(std::move(r));
    }
    out.stars = std::max(1, 3 - missed);
}

// ---- world steps -------------------------------------------------------------------------------
// The world kind a step runs in: "" for a console step, else "maze", "turtle", "robot".
std::string worldKind(const course::Step& step, json* world_out) {
    const auto& c = step.coding;
    json world = json::object();
    if (!c.world.empty()) {
        auto converted = course::literalToJson(c.world);
        if (converted.ok()) world = json::parse(converted.value(), nullptr, false);
    }
    std::string kind;
    if (world.is_object() && world.contains("kind") && world["kind"].is_string()) kind = world["kind"].get<std::string>();
    if (kind.empty() && c.kind == course::CodingKind::Robot) kind = "robot";
    if (kind.empty() && c.kind == course::CodingKind::Blocks) kind = "maze";
    if (world_out) *world_out = std::move(world);
    return kind;
}

#if SANDYQ_HAVE_WORLDS
// The robot simulation is its own library: the factory answers "robot" with kind_elsewhere.
// A robot mat may have a picture: `picture = "assets/mat.png"` in the world table, read from the
// pack (StepCheckOptions::source).
Result<std::unique_ptr<worlds::World>> makeWorld(const std::string& kind, const json& world,
                                                 const course::PackSource* source) {
    json w = world.is_object() ? world : json::object();
    if (!w.contains("kind")) w["kind"] = kind;
    const std::string text = w.dump();
#if SANDYQ_HAVE_ROBOT
    if (kind == "robot") {
        std::string picture;
        if (source && w.contains("picture") && w["picture"].is_string()) {
            const std::string file = w["picture"].get<std::string>();
            if (!course::isValidPackPath(file)) return Status::error(ErrorCode::Invalid, "pack.bad_path", file, file);
            auto bytes = source->read(file);
            if (!bytes.ok()) return Status::error(ErrorCode::NotFound, "pack.file_missing", file, file);
            picture = std::move(bytes.value());
        }
        auto made = robot::createRobotWorld(text, picture);
        if (!made.ok()) return made.status();
        return std::unique_ptr<worlds::World>(std::move(made.value()));
    }
#else
    (void)source;
#endif
    return worlds::createWorld(text);
}

bool worldKnown(const Status& st) {
    return st.ok() || (st.message_key != "world.err.kind" && st.message_key != "world.err.kind_elsewhere");
}
#endif

}  // namespace

// ---- public helpers ----------------------------------------------------------------------------
std::string stepWorldKind(const course::Step& step) { return worldKind(step, nullptr); }

int countCodeLines(std::string_view text) {
    int n = 0;
    for (const auto& line : splitLines(text)) {
        const size_t p = line.find_first_not_of(" \t\r\f\v");
        if (p != std::string::npos && line[p] != '#') ++n;
    }
    return n;
}

std::string normalizeOutput(std::string_view output) {
    std::string out;
    out.reserve(output.size());
    for (size_t i = 0; i < output.size(); ++i) {
        if (output[i] == '\r' && i + 1 < output.size() && output[i + 1] == '\n') continue;
        out += output[i];
    }
    std::string result;
    result.reserve(out.size());
    size_t start = 0;
    while (start <= out.size()) {
        size_t nl = out.find('\n', start);
        const bool last = nl == std::string::npos;
        if (last) nl = out.size();
        std::string_view line(out.data() + start, nl - start);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
        result += line;
        if (last) break;
        result += '\n';
        start = nl + 1;
    }
    while (!result.empty() && result.back() == '\n') result.pop_back();
    return result;
}

bool canCheckStep(const course::Step& step) {
    if (step.kind != course::StepKind::Coding) return false;
    const std::string kind = worldKind(step, nullptr);
    if (kind.empty()) return step.coding.kind == course::CodingKind::Python;
#if SANDYQ_HAVE_WORLDS
    // Only whether this build knows the kind: a bare table is enough (and cheap — no robot mat
    // raster); a bad set-up table is reported by checkCodingStep.
    if (kind == "robot") return kHaveRobot;
    json bare = json::object();
    bare["kind"] = kind;
    return worldKnown(worlds::createWorld(bare.dump()).status());
#else
    return false;
#endif
}

// ---- checkCodingStep ---------------------------------------------------------------------------
namespace {

json goalArgs(const course::Goal& goal) {
    json args = json::object();
    if (!goal.args.empty()) {
        auto converted = course::literalToJson(goal.args);
        if (converted.ok()) args = json::parse(converted.value(), nullptr, false);
        if (!args.is_object()) args = json::object();
    }
    return args;
}

bool isStaticGoal(const std::string& builtin) {
    return builtin == "uses" || builtin == "avoids" || builtin == "max_lines";
}

// A Lua goal: check(world_or_run, trace) → boolean.
void checkLuaGoal(GoalContext& c, const course::Goal& goal, const std::string& world, const std::string& trace,
                  GoalOutcome& g) {
    auto r = c.pack.runCheck(goal.check, world, trace);
    if (!r.ok()) {
        c.outcome.pack_problems.add(problemFromStatus(r.status()));
        g.message_key = "pack.check.goal_broken";
    } else {
        g.passed = r.value();
        if (!g.passed) g.message_key = "pack.check.goal_failed";
    }
}

void checkConsoleGoals(GoalContext& c, const pyish::CompileResult& compiled, const json& world,
                       const StepCheckOptions& options) {
    StepOutcome& out = c.outcome;
    std::vector<std::string> main_inputs;
    if (world.is_object() && world.contains("inputs")) main_inputs = stringList(world["inputs"]);

    // One run per distinct list of inputs, made only when a goal needs it.
    std::map<std::vector<std::string>, RunResult> runs;
    auto runFor = [&](const std::vector<std::string>& inputs) -> const RunResult& {
        auto it = runs.find(inputs);
        if (it == runs.end()) {
            RunResult r;
            if (compiled.ok()) {
                r = runConsole(compiled.program, inputs, options);
            } else {
                r.error = compiled.error;
                r.inputs = inputs;
            }
            it = runs.emplace(inputs, std::move(r)).first;
        }
        return it->second;
    };
    const RunResult& main_run = runFor(main_inputs);
    out.output = main_run.output;
    if (!main_run.finished) out.error = main_run.error;

    for (const auto& goal : c.step.coding.goals) {
        GoalOutcome g;
        g.pos = goal.pos;
        g.message = goal.message;
        const json args = goalArgs(goal);
        const RunResult& run = args.contains("inputs") ? runFor(stringList(args["inputs"])) : main_run;
        if (!isStaticGoal(goal.builtin) && !run.finished && goal.builtin != "no_error") {
            // The program did not run to the end: its error is what the pupil must fix first.
            g.message_key = "pack.check.has_error";
            if (out.error.ok()) out.error = run.error;
        } else if (!goal.builtin.empty()) {
            checkBuiltin(c, goal, args, run, g);
        } else if (goal.check.valid()) {
            checkLuaGoal(c, goal, run.runLiteral(), run.trace_literal, g);
        } else {
            g.message_key = "pack.check.goal_broken";
        }
        out.goals.push_back(std::move(g));
    }
}

#if SANDYQ_HAVE_WORLDS
// Returns the number of world commands run (for the max_commands star), -1 if nothing ran.
int64_t checkWorldGoals(GoalContext& c, const pyish::CompileResult& compiled, const std::string& kind,
                        const json& world_table, const StepCheckOptions& options) {
    StepOutcome& out = c.outcome;
    auto made = makeWorld(kind, world_table, options.source);
    if (!made.ok()) {
        // A bad world table is the teacher's mistake: nothing can run.
        packProblem(c, c.step.pos, made.status().message_key,
                    {{"kind", kind}, {"detail", made.status().detail}, {"field", "world"},
                     {"file", made.status().detail}, {"where", made.status().where}});
        out.ran = false;
        return -1;
    }
    worlds::World& world = *made.value();
    std::unique_ptr<worlds::Runner> runner;
    if (compiled.ok()) {
        program::Limits limits;
        limits.max_instructions = options.max_instructions ? options.max_instructions : 20'000'000;
        limits.max_memory_bytes = options.max_memory_bytes ? options.max_memory_bytes : (64u << 20);
        runner = std::make_unique<worlds::Runner>(compiled.program, world, limits);
        const worlds::RunStatus st = runner->runToEnd(options.max_sim_seconds);
        out.output = runner->output();
        if (st == worlds::RunStatus::Faulted) {
            out.error = runner->diagnostic();
        } else if (st != worlds::RunStatus::Finished) {
            out.error = program::makeDiagnostic(program::ExcKind::TimeoutError, "py.err.endless_loop");
        }
    } else {
        out.error = compiled.error;
    }
    RunResult as_console;  // for the console goals that also make sense in a world (output)
    as_console.finished = out.error.ok();
    as_console.output = out.output;
    for (const auto& goal : c.step.coding.goals) {
        GoalOutcome g;
        g.pos = goal.pos;
        g.message = goal.message;
        const json args = goalArgs(goal);
        const std::string& b = goal.builtin;
        if (isStaticGoal(b)) {
            checkBuiltin(c, goal, args, as_console, g);
        } else if (!out.error.ok() && b != "no_error") {
            g.message_key = "pack.check.has_error";
        } else if (b == "output" || b == "output_contains") {
            checkBuiltin(c, goal, args, as_console, g);
        } else if (!b.empty()) {
            worlds::GoalResult r;
            // Arguments sit beside `builtin` ({builtin="reach", x=3}) or, as in a robot mat's own
            // goals, under `args` ({builtin="reach_zone", args={zone="goal"}}).
            const json& world_args = args.contains("args") && args["args"].is_object() ? args["args"] : args;
            if (runner) {
                r = runner->checkGoals({worlds::GoalSpec{b, world_args.dump()}}).results.at(0);
            } else {
                r.message_key = "pack.check.has_error";
            }
            g.passed = r.passed;
            g.message_key = r.message_key;
            for (auto& [name, value] : r.args) g.args.push_back({name, value});
            const auto endsWith = [&](std::string_view suffix) {
                return r.message_key.size() >= suffix.size() &&
                       r.message_key.compare(r.message_key.size() - suffix.size(), suffix.size(), suffix) == 0;
            };
            // The teacher's slips (unknown goal, bad arguments, a zone the mat lacks), not the pupil's.
            if (endsWith(".goal.unknown") || endsWith(".bad_args") || endsWith(".unknown_zone")) {
                packProblem(c, goal.pos, r.message_key, {{"goal", b}, {"builtin", b}});
                g.message_key = "pack.check.goal_broken";
                g.args.clear();
            }
        } else if (goal.check.valid()) {
            checkLuaGoal(c, goal, world.stateLiteral(), world.traceLiteral(), g);
        } else {
            g.message_key = "pack.check.goal_broken";
        }
        out.goals.push_back(std::move(g));
    }
    return runner ? static_cast<int64_t>(runner->commandsRun()) : -1;
}
#endif

}  // namespace

StepOutcome checkCodingStep(LoadedPack& pack, const course::Step& step, std::string_view program_text,
                            const StepCheckOptions& options) {
    StepOutcome out;
    out.max_points = step.coding.points;
    if (step.kind != course::StepKind::Coding) return out;
    ProgramFacts facts;
    GoalContext c{pack, step, program_text, facts, out};

    json world;
    const std::string kind = worldKind(step, &world);
#if !SANDYQ_HAVE_WORLDS
    if (!kind.empty()) {
        packProblem(c, step.pos, "pack.check.world_unavailable", {{"kind", kind}});
        return out;
    }
#endif

    // Compile once; the AST also answers `uses` and counts statements for max_blocks.
    // TODO(blocks): blocks steps take Python-style text (the block subset) until the blocks
    // module gives its own compile path and block count.
    pyish::CompileResult compiled;
    auto parsed = pyish::parse(program_text);
    if (parsed.ast) {
        collectFacts(parsed.ast->root, facts, 0);
        compiled = pyish::compileAst(*parsed.ast);
    } else {
        compiled.error = parsed.error;
    }
    out.ran = true;
    int64_t commands = -1;
    if (kind.empty()) {
        checkConsoleGoals(c, compiled, world, options);
    } else {
#if SANDYQ_HAVE_WORLDS
        commands = checkWorldGoals(c, compiled, kind, world, options);
#endif
    }
    bool all = !out.goals.empty();
    for (auto& g : out.goals) {
        if (g.passed) g.message_key.clear();
        all = all && g.passed;
    }
    // A program that stopped with an error never passes, whatever the goals said.
    out.passed = all && out.ran && out.error.ok() && !out.pack_problems.hasErrors();
    out.points = out.passed ? step.coding.points : 0;
    checkStars(c, options, facts.statements, commands);
    return out;
}

}  // namespace sandyq::scripting
