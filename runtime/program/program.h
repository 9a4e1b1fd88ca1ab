// program/program.h — the ONE program representation shared by blocks and Python-style text.
// Depends on: the standard library only (no VM, no front end, no platform).
// Ownership: a Program is plain immutable data after compilation; several Vms may run the same
// Program at once (each keeps its own globals and heap). Protos are indexed by ProtoId.
// Errors: a Program is produced by a front end (pyish, blocks) that reports mistakes as a
// Diagnostic; a well-formed Program never fails to load.
//
// Bytecode: one 32-bit word per instruction, opcode in the low 8 bits, argument in the high 24.
// Beside the code sit a line table (line and column per instruction) and a source-node table
// (an AST node or block id per instruction) so the UI can highlight what runs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sandyq::program {

enum class Op : uint8_t {
    None = 0,
    // constants and variables
    LoadConst,      // arg: constant index
    LoadSmallInt,   // arg: value + kSmallIntBias
    LoadNone, LoadTrue, LoadFalse,
    LoadLocal,      // arg: slot
    StoreLocal,     // arg: slot
    LoadGlobal,     // arg: global index (falls back to a builtin of the same name)
    StoreGlobal,    // arg: global index
    LoadAttr,       // arg: name index (module attributes, e.g. math.pi)
    LoadMethod,     // arg: name index; pushes [callable, self-or-empty]
    Pop, Dup, Dup2, Rot2, Rot3,
    // arithmetic (binary pops b then a, pushes a op b)
    Add, Sub, Mul, TrueDiv, FloorDiv, Mod, Pow, BitAnd, BitOr, BitXor, Shl, Shr,
    Neg, Pos, Not, Invert,
    Lt, Le, Gt, Ge, Eq, Ne, In, NotIn, Is, IsNot,
    // control flow (arg: absolute instruction index)
    Jump, JumpIfFalse, JumpIfTrue, JumpIfFalseOrPop, JumpIfTrueOrPop,
    Loop,           // backward jump; the next word is the loop index (for "ran N times")
    GetIter, ForIter,  // ForIter arg: exit target; pushes the next item or pops the iterator and jumps
    // containers
    BuildList, BuildTuple, BuildDict, BuildSlice, BuildString,  // arg: item count
    ListAppend,     // arg: stack depth of the list below the item
    ListExtend,     // like ListAppend, but appends every item of an iterable (f(*a))
    DictSet,        // arg: stack depth of the dict below key, value
    Unpack,         // arg: target count
    Subscr, StoreSubscr, DelSubscr,
    FormatValue,    // arg: bit0 = has spec on stack, bits1-2 = conversion (0 none, 1 !s, 2 !r)
    // calls
    Call,           // arg: argument count | kCallHasKeywords; with keywords the next word is
                    // the constant index of the keyword names (the last values on the stack)
    CallMethod,     // like Call, after LoadMethod
    CallEx,         // f(*a): [callee, list of positional args, keyword values]; arg as Call
    MakeFunction,   // arg: proto index; the next word is the number of defaults on the stack
    Return,
    AugAddLocal,    // `x += v` for a local slot (arg): pops v; appends in place to an exclusive str
    AugAddGlobal,   // the same for a global (arg: global index)
    Import,         // arg: name index of the module
    Assert,         // pops the condition; fails with AssertionError
    Count_
};

constexpr uint32_t kArgBits = 24;
constexpr uint32_t kMaxArg = (1u << kArgBits) - 1;
constexpr int32_t kSmallIntBias = 1 << 23;
constexpr uint32_t kCallHasKeywords = 1u << 16;

inline uint32_t encode(Op op, uint32_t arg = 0) { return static_cast<uint32_t>(op) | (arg << 8); }
inline Op opOf(uint32_t word) { return static_cast<Op>(word & 0xFF); }
inline uint32_t argOf(uint32_t word) { return word >> 8; }

struct Constant {
    enum class Kind : uint8_t { None = 0, Int, Float, Str, Names };
    Kind kind = Kind::None;
    int64_t integer = 0;
    double real = 0;
    std::string text;                // Str
    std::vector<std::string> names;  // Names: keyword argument names of a CallKw
};

struct SourcePos {
    uint32_t line = 0;    // 1-based; 0 = unknown
    uint32_t column = 0;  // 1-based, in code points
};

struct LoopInfo {
    uint32_t start = 0, end = 0;  // instruction range [start, end) of the loop body and test
    uint32_t line = 0;            // line of the `while`/`for`
};

// One function body (index 0 is the module's top level).
struct Proto {
    std::string name;                      // "<module>" for index 0
    uint32_t param_count = 0;              // positional parameters, the first locals
    uint32_t local_count = 0;              // slots incl. parameters and hidden temporaries
    uint32_t max_stack = 0;                // operand stack depth needed
    std::vector<std::string> local_names;  // for diagnostics ("x" is used before it is set)
    std::vector<uint32_t> code;
    std::vector<SourcePos> positions;      // parallel to code
    std::vector<uint32_t> nodes;           // parallel to code: AST node / block id (0 = none)
    std::vector<LoopInfo> loops;
    uint32_t line = 0;                     // line of the `def`
};

struct Program {
    std::vector<Proto> protos;               // [0] = module
    std::vector<Constant> constants;
    std::vector<std::string> names;          // attribute / method / module names
    std::vector<std::string> global_names;   // module-level variables, by global index

    SourcePos positionAt(uint32_t proto, uint32_t ip) const {
        const Proto& p = protos[proto];
        return ip < p.positions.size() ? p.positions[ip] : SourcePos{};
    }
};

}  // namespace sandyq::program
