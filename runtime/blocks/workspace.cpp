// blocks/workspace.cpp — see workspace.h. Sections: 1 queries · 2 rules · 3 low-level links ·
// 4 edits · 5 variables · 6 undo · 7 text form.
#include "blocks/workspace.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "core/utf8.h"

namespace sandyq::blocks {

namespace {
constexpr size_t kMaxTextValue = 200;
constexpr int kMaxDepth = 200;  // nesting of saved text (blocks in blocks)

bool slotAccepts(InputKind kind, Shape shape) {
    if (kind == InputKind::Boolean) return shape == Shape::Boolean;
    if (kind == InputKind::Number || kind == InputKind::Text) return shape == Shape::Reporter || shape == Shape::Boolean;
    return false;
}
}  // namespace

bool looksNumeric(std::string_view s) {
    size_t i = 0;
    if (i < s.size() && s[i] == '-') ++i;
    const size_t digits_start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == digits_start || i - digits_start > 15) return false;
    if (i == s.size()) return true;
    if (s[i] != '.') return false;
    ++i;
    const size_t frac = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > frac && i == s.size() && i - frac <= 15;
}

// ============================== 1 queries ==============================

const Block* Workspace::block(BlockId id) const {
    if (id.value == 0 || id.value >= state_.blocks.size()) return nullptr;
    const Block& b = state_.blocks[id.value];
    return b.def ? &b : nullptr;
}

Block* Workspace::mutableBlock(BlockId id) {
    if (id.value == 0 || id.value >= state_.blocks.size()) return nullptr;
    Block& b = state_.blocks[id.value];
    return b.def ? &b : nullptr;
}

std::vector<BlockId> Workspace::allBlocks() const {
    std::vector<BlockId> out;
    for (const Block& b : state_.blocks)
        if (b.def) out.push_back(b.id);
    return out;
}

size_t Workspace::blockCount() const {
    size_t n = 0;
    for (const Block& b : state_.blocks)
        if (b.def && b.def->sem != Sem::Start) ++n;
    return n;
}

size_t Workspace::countOfType(std::string_view type) const {
    size_t n = 0;
    for (const Block& b : state_.blocks)
        if (b.def && b.def->type == type) ++n;
    return n;
}

std::vector<BlockId> Workspace::readingOrder() const {
    std::vector<BlockId> out;
    std::vector<BlockId> todo;
    for (auto it = state_.stacks.rbegin(); it != state_.stacks.rend(); ++it) todo.push_back(*it);
    while (!todo.empty() && out.size() <= state_.blocks.size()) {
        const Block* b = block(todo.back());
        todo.pop_back();
        if (!b) continue;
        out.push_back(b->id);
        // pushed in reverse: inputs first, then the branches, then the block below
        if (b->next.valid()) todo.push_back(b->next);
        for (auto br = b->branches.rbegin(); br != b->branches.rend(); ++br)
            if (br->valid()) todo.push_back(*br);
        for (auto in = b->inputs.rbegin(); in != b->inputs.rend(); ++in)
            if (in->block.valid()) todo.push_back(in->block);
    }
    return out;
}

std::vector<std::string> Workspace::missingBlocks(const std::vector<std::string>& required) const {
    std::vector<std::string> out;
    for (const std::string& type : required)
        if (countOfType(type) == 0) out.push_back(type);
    return out;
}

std::vector<BlockId> Workspace::chain(BlockId first) const {
    std::vector<BlockId> out;
    for (const Block* b = block(first); b && out.size() <= state_.blocks.size(); b = block(b->next)) out.push_back(b->id);
    return out;
}

BlockId Workspace::topOf(BlockId id) const {
    const Block* b = block(id);
    for (size_t guard = 0; b && b->parent.valid() && guard <= state_.blocks.size(); ++guard) b = block(b->parent);
    return b ? b->id : BlockId{};
}

std::vector<const BlockDef*> Workspace::palette() const { return toolboxBlocks(toolbox_.world, toolbox_.allowed); }

// Is `needle` inside the tree of `root` (its inputs, branches and, if asked, the blocks below)?
bool Workspace::contains(BlockId root, BlockId needle, bool follow_next) const {
    std::vector<BlockId> todo{root};
    size_t guard = 0;
    while (!todo.empty() && guard++ <= state_.blocks.size()) {
        const Block* b = block(todo.back());
        todo.pop_back();
        if (!b) continue;
        if (b->id == needle) return true;
        for (const Input& in : b->inputs)
            if (in.block.valid()) todo.push_back(in.block);
        for (BlockId br : b->branches)
            if (br.valid()) todo.push_back(br);
        if (follow_next && b->next.valid()) todo.push_back(b->next);
        follow_next = true;  // below the root, every chain belongs to the tree
    }
    return false;
}

// ============================== 2 rules ==============================

bool Workspace::canPlace(const BlockDef& def, const Target& where) const {
    switch (where.kind) {
        case Target::Kind::TopLevel: return true;
        case Target::Kind::After: {
            const Block* a = block(where.block);
            if (!a || !def.isStatement() || a->def->terminal) return false;
            if (!a->def->isStatement() && a->def->shape != Shape::Hat) return false;
            return !(def.terminal && a->next.valid());
        }
        case Target::Kind::Branch: {
            const Block* c = block(where.block);
            if (!c || !def.isStatement() || where.index < 0 || where.index >= c->def->branchCount()) return false;
            return !(def.terminal && c->branches[static_cast<size_t>(where.index)].valid());
        }
        case Target::Kind::Input: {
            const Block* o = block(where.block);
            if (!o || where.index < 0 || where.index >= static_cast<int>(o->inputs.size())) return false;
            return def.isValue() && slotAccepts(o->def->inputs[static_cast<size_t>(where.index)].kind, def.shape);
        }
        case Target::Kind::Above: {
            const Block* top = block(where.block);
            if (!top || top->parent.valid() || top->def->shape == Shape::Hat || !top->def->isStatement()) return false;
            return (def.isStatement() || def.shape == Shape::Hat) && !def.terminal;
        }
        default: return false;
    }
}

bool Workspace::canMove(BlockId b, const Target& where) const {
    const Block* blk = block(b);
    if (!blk) return false;
    if (where.kind == Target::Kind::TopLevel) return true;
    if (where.block == b || contains(b, where.block, true)) return false;  // into itself
    // the moving chain's last block decides whether something may follow it
    const std::vector<BlockId> ch = chain(b);
    const Block* last = block(ch.back());
    if (where.kind == Target::Kind::Input && blk->next.valid()) return false;
    if (where.kind == Target::Kind::Above) return canPlace(*blk->def, where) && !last->def->terminal;
    if (!canPlace(*blk->def, where)) return false;
    if (where.kind == Target::Kind::After || where.kind == Target::Kind::Branch) {
        BlockId displaced;
        if (where.kind == Target::Kind::After) displaced = block(where.block)->next;
        else displaced = block(where.block)->branches[static_cast<size_t>(where.index)];
        if (displaced.valid() && displaced != b && last->def->terminal) return false;
        if (blk->def->shape == Shape::Hat) return false;
    }
    return true;
}

Status Workspace::checkAdd(const BlockDef& def) const {
    if (!toolbox_.world.empty() && !def.world.empty() && def.world != toolbox_.world)
        return Status::error(ErrorCode::Invalid, "blocks.err.not_allowed", {}, def.type);
    if (!toolbox_.allowed.empty() && def.sem != Sem::Start &&
        std::find(toolbox_.allowed.begin(), toolbox_.allowed.end(), def.type) == toolbox_.allowed.end())
        return Status::error(ErrorCode::Invalid, "blocks.err.not_allowed", {}, def.type);
    const size_t count = blockCount();
    if (def.sem != Sem::Start && toolbox_.max_blocks > 0 && count >= toolbox_.max_blocks)
        return Status::error(ErrorCode::Limit, "blocks.err.max_blocks");
    if (count >= kMaxBlocks) return Status::error(ErrorCode::Limit, "blocks.err.max_blocks");
    return Status::success();
}

// ============================== 3 low-level links ==============================

BlockId Workspace::createRaw(const BlockDef& def, uint32_t id) {
    if (id == 0) id = static_cast<uint32_t>(state_.blocks.size());
    if (id >= state_.blocks.size()) state_.blocks.resize(id + 1);
    Block& b = state_.blocks[id];
    b = Block{};
    b.id = BlockId{id};
    b.def = &def;
    for (const InputDef& in : def.inputs) {
        Input v;
        v.value = in.default_value;
        v.is_text = in.kind == InputKind::Text && !in.default_value.empty() && !looksNumeric(in.default_value);
        b.inputs.push_back(std::move(v));
    }
    b.branches.assign(static_cast<size_t>(def.branchCount()), BlockId{});
    return b.id;
}

void Workspace::addStackRaw(BlockId top, float x, float y) {
    Block* b = mutableBlock(top);
    if (!b) return;
    b->x = x;
    b->y = y;
    state_.stacks.push_back(top);
}

void Workspace::addVariableRaw(std::string name) {
    if (std::find(state_.variables.begin(), state_.variables.end(), name) == state_.variables.end())
        state_.variables.push_back(std::move(name));
}

// Cuts b (and the blocks below it) out of where it is.
void Workspace::detach(BlockId id) {
    Block* b = mutableBlock(id);
    if (!b) return;
    if (!b->parent.valid()) {
        state_.stacks.erase(std::remove(state_.stacks.begin(), state_.stacks.end(), id), state_.stacks.end());
        return;
    }
    Block* p = mutableBlock(b->parent);
    b->parent = {};
    if (!p) return;
    if (p->next == id) p->next = {};
    for (BlockId& br : p->branches)
        if (br == id) br = {};
    for (Input& in : p->inputs)
        if (in.block == id) in.block = {};
}

// Links a detached chain starting at `first` into place (rules already checked).
void Workspace::attach(BlockId first, const Target& where) {
    Block* f = mutableBlock(first);
    if (!f) return;
    const BlockId last = chain(first).back();
    auto linkBelow = [&](BlockId old) {
        if (!old.valid()) return;
        mutableBlock(last)->next = old;
        mutableBlock(old)->parent = last;
    };
    switch (where.kind) {
        case Target::Kind::TopLevel:
            f->x = where.x;
            f->y = where.y;
            f->parent = {};
            state_.stacks.push_back(first);
            break;
        case Target::Kind::After: {
            Block* a = mutableBlock(where.block);
            const BlockId old = a->next;
            a->next = first;
            f->parent = a->id;
            linkBelow(old);
            break;
        }
        case Target::Kind::Branch: {
            Block* c = mutableBlock(where.block);
            const BlockId old = c->branches[static_cast<size_t>(where.index)];
            c->branches[static_cast<size_t>(where.index)] = first;
            f->parent = c->id;
            linkBelow(old);
            break;
        }
        case Target::Kind::Input: {
            Block* o = mutableBlock(where.block);
            Input& in = o->inputs[static_cast<size_t>(where.index)];
            const BlockId old = in.block;
            in.block = first;
            f->parent = o->id;
            if (old.valid()) {
                // pushed out: lies loose beside the stack
                Block* ob = mutableBlock(old);
                ob->parent = {};
                const Block* top = block(topOf(o->id));
                ob->x = (top ? top->x : 0) + 30;
                ob->y = (top ? top->y : 0) - 30;
                state_.stacks.push_back(old);
            }
            break;
        }
        case Target::Kind::Above: {
            Block* top = mutableBlock(where.block);
            f->x = top->x;
            f->y = top->y;
            f->parent = {};
            auto it = std::find(state_.stacks.begin(), state_.stacks.end(), where.block);
            if (it != state_.stacks.end()) *it = first;
            else state_.stacks.push_back(first);
            mutableBlock(last)->next = where.block;
            top->parent = last;
            break;
        }
        default: break;
    }
}

void Workspace::destroy(BlockId id) {
    std::vector<BlockId> todo{id};
    size_t guard = 0;
    while (!todo.empty() && guard++ <= state_.blocks.size()) {
        Block* b = mutableBlock(todo.back());
        todo.pop_back();
        if (!b) continue;
        for (const Input& in : b->inputs)
            if (in.block.valid()) todo.push_back(in.block);
        for (BlockId br : b->branches)
            for (BlockId c : chain(br)) todo.push_back(c);
        *b = Block{};
    }
}

BlockId Workspace::copyTree(BlockId id, bool follow_next) {
    const Block* src = block(id);
    if (!src) return {};
    const Block copy_src = *src;  // createRaw may reallocate the block vector
    const BlockId nid = createRaw(*copy_src.def);
    for (size_t k = 0; k < copy_src.inputs.size(); ++k) {
        Input in = copy_src.inputs[k];
        in.block = {};
        if (copy_src.inputs[k].block.valid()) {
            const BlockId child = copyTree(copy_src.inputs[k].block, false);
            mutableBlock(child)->parent = nid;
            in.block = child;
        }
        mutableBlock(nid)->inputs[k] = std::move(in);
    }
    for (size_t k = 0; k < copy_src.branches.size(); ++k) {
        if (!copy_src.branches[k].valid()) continue;
        const BlockId child = copyTree(copy_src.branches[k], true);
        mutableBlock(child)->parent = nid;
        mutableBlock(nid)->branches[k] = child;
    }
    if (follow_next && copy_src.next.valid()) {
        const BlockId below = copyTree(copy_src.next, true);
        mutableBlock(below)->parent = nid;
        mutableBlock(nid)->next = below;
    }
    return nid;
}

// ============================== 4 edits ==============================

Result<BlockId> Workspace::add(std::string_view type, const Target& where) {
    const BlockDef* def = findBlock(type);
    if (!def) return Status::error(ErrorCode::Invalid, "blocks.err.unknown_block", {}, std::string(type));
    Status s = checkAdd(*def);
    if (!s.ok()) return s;
    if (!canPlace(*def, where)) return Status::error(ErrorCode::Invalid, "blocks.err.cannot_connect");
    checkpoint();
    const BlockId id = createRaw(*def);
    attach(id, where);
    return id;
}

Status Workspace::move(BlockId b, const Target& where) {
    Block* blk = mutableBlock(b);
    if (!blk) return Status::error(ErrorCode::NotFound, "blocks.err.no_block");
    if (!canMove(b, where)) return Status::error(ErrorCode::Invalid, "blocks.err.cannot_connect");
    checkpoint();
    if (where.kind == Target::Kind::TopLevel && !blk->parent.valid()) {
        // a whole stack dragged elsewhere: only its position changes (its order is kept)
        blk->x = where.x;
        blk->y = where.y;
        return Status::success();
    }
    detach(b);
    attach(b, where);
    return Status::success();
}

Status Workspace::remove(BlockId id) {
    Block* b = mutableBlock(id);
    if (!b) return Status::error(ErrorCode::NotFound, "blocks.err.no_block");
    checkpoint();
    const BlockId parent = b->parent;
    const BlockId rest = b->next;
    const float x = b->x, y = b->y;
    // where b was: as a next, a branch start, or a stack top
    Target where = Target::topLevel(x, y);
    int stack_index = -1;
    if (parent.valid()) {
        const Block* p = block(parent);
        if (p->next == id) where = Target::after(parent);
        for (size_t k = 0; k < p->branches.size(); ++k)
            if (p->branches[k] == id) where = Target::branch(parent, static_cast<int>(k));
    } else {
        auto it = std::find(state_.stacks.begin(), state_.stacks.end(), id);
        if (it != state_.stacks.end()) stack_index = static_cast<int>(it - state_.stacks.begin());
    }
    detach(id);
    if (rest.valid()) {
        mutableBlock(id)->next = {};
        mutableBlock(rest)->parent = {};
        attach(rest, where);
        if (stack_index >= 0) {
            // keep the stack's place in the order
            state_.stacks.pop_back();
            state_.stacks.insert(state_.stacks.begin() + stack_index, rest);
        }
    }
    destroy(id);
    return Status::success();
}

Status Workspace::removeStack(BlockId id) {
    if (!block(id)) return Status::error(ErrorCode::NotFound, "blocks.err.no_block");
    checkpoint();
    const std::vector<BlockId> ch = chain(id);
    detach(id);
    for (BlockId c : ch) destroy(c);
    return Status::success();
}

Result<BlockId> Workspace::duplicate(BlockId id, float x, float y) {
    const Block* b = block(id);
    if (!b) return Status::error(ErrorCode::NotFound, "blocks.err.no_block");
    // every copied block counts against the limits
    size_t adding = 0;
    std::vector<BlockId> todo = chain(id);
    while (!todo.empty() && adding <= state_.blocks.size()) {
        const Block* c = block(todo.back());
        todo.pop_back();
        if (!c) continue;
        if (c->def->sem != Sem::Start) ++adding;
        for (const Input& in : c->inputs)
            if (in.block.valid()) todo.push_back(in.block);
        for (BlockId br : c->branches)
            for (BlockId cc : chain(br)) todo.push_back(cc);
        Status s = checkAdd(*c->def);
        if (!s.ok() && s.message_key != "blocks.err.max_blocks") return s;
    }
    const size_t limit = toolbox_.max_blocks > 0 ? std::min<size_t>(toolbox_.max_blocks, kMaxBlocks) : kMaxBlocks;
    if (blockCount() + adding > limit) return Status::error(ErrorCode::Limit, "blocks.err.max_blocks");
    checkpoint();
    const BlockId copy = copyTree(id, true);
    attach(copy, Target::topLevel(x, y));
    return copy;
}

Status Workspace::setValue(BlockId id, int index, std::string_view value) {
    const Block* b = block(id);
    if (!b) return Status::error(ErrorCode::NotFound, "blocks.err.no_block");
    if (index < 0 || index >= static_cast<int>(b->inputs.size())) return Status::error(ErrorCode::Invalid, "blocks.err.no_input");
    const InputDef& def = b->def->inputs[static_cast<size_t>(index)];
    bool is_text = false;
    switch (def.kind) {
        case InputKind::Number:
            if (!value.empty() && !looksNumeric(value)) return Status::error(ErrorCode::Invalid, "blocks.err.not_a_number");
            break;
        case InputKind::Text:
            if (value.size() > kMaxTextValue || !text::isValidUtf8(value))
                return Status::error(ErrorCode::Invalid, "blocks.err.text_too_long");
            is_text = !looksNumeric(value);
            break;
        case InputKind::Boolean: return Status::error(ErrorCode::Invalid, "blocks.err.no_input");
        case InputKind::Dropdown:
            if (std::find(def.options.begin(), def.options.end(), value) == def.options.end())
                return Status::error(ErrorCode::Invalid, "blocks.err.not_an_option");
            break;
        case InputKind::Variable:
            if (std::find(state_.variables.begin(), state_.variables.end(), value) == state_.variables.end())
                return Status::error(ErrorCode::NotFound, "blocks.err.no_variable");
            break;
        case InputKind::ProcName:
        case InputKind::LoopVar:
            if (!isValidName(value)) return Status::error(ErrorCode::Invalid, "blocks.err.bad_name");
            if (isReservedName(value)) return Status::error(ErrorCode::Invalid, "blocks.err.name_taken");
            break;
        default: break;
    }
    checkpoint();
    Input& in = mutableBlock(id)->inputs[static_cast<size_t>(index)];
    in.value = std::string(value);
    in.is_text = is_text;
    return Status::success();
}

void Workspace::cleanUp(const std::function<float(BlockId)>& stack_height, float x0, float y0, float gap) {
    checkpoint();
    float y = y0;
    for (BlockId top : state_.stacks) {
        Block* b = mutableBlock(top);
        if (!b) continue;
        b->x = x0;
        b->y = y;
        const float h = stack_height ? stack_height(top) : 40.0f * static_cast<float>(chain(top).size());
        y += h + gap;
    }
}

void Workspace::clear() {
    checkpoint();
    state_.blocks.resize(1);
    state_.stacks.clear();
}

// ============================== 5 variables ==============================

bool Workspace::nameTaken(std::string_view name) const {
    if (isReservedName(name)) return true;
    for (const Block& b : state_.blocks)
        if (b.def && b.def->sem == Sem::Define && b.inputs[0].value == name) return true;
    return std::find(state_.variables.begin(), state_.variables.end(), name) != state_.variables.end();
}

Status Workspace::addVariable(std::string_view name) {
    if (!isValidName(name)) return Status::error(ErrorCode::Invalid, "blocks.err.bad_name");
    if (nameTaken(name)) return Status::error(ErrorCode::Invalid, "blocks.err.name_taken");
    checkpoint();
    state_.variables.emplace_back(name);
    return Status::success();
}

Status Workspace::renameVariable(std::string_view from, std::string_view to) {
    auto it = std::find(state_.variables.begin(), state_.variables.end(), from);
    if (it == state_.variables.end()) return Status::error(ErrorCode::NotFound, "blocks.err.no_variable");
    if (!isValidName(to)) return Status::error(ErrorCode::Invalid, "blocks.err.bad_name");
    if (from != to && nameTaken(to)) return Status::error(ErrorCode::Invalid, "blocks.err.name_taken");
    checkpoint();
    const std::string old(from);
    *std::find(state_.variables.begin(), state_.variables.end(), old) = std::string(to);
    for (Block& b : state_.blocks) {
        if (!b.def) continue;
        for (size_t k = 0; k < b.inputs.size(); ++k)
            if (b.def->inputs[k].kind == InputKind::Variable && b.inputs[k].value == old) b.inputs[k].value = std::string(to);
    }
    return Status::success();
}

Status Workspace::removeVariable(std::string_view name) {
    auto it = std::find(state_.variables.begin(), state_.variables.end(), name);
    if (it == state_.variables.end()) return Status::error(ErrorCode::NotFound, "blocks.err.no_variable");
    for (const Block& b : state_.blocks) {
        if (!b.def) continue;
        for (size_t k = 0; k < b.inputs.size(); ++k)
            if (b.def->inputs[k].kind == InputKind::Variable && b.inputs[k].value == name)
                return Status::error(ErrorCode::Invalid, "blocks.err.variable_used");
    }
    checkpoint();
    state_.variables.erase(std::find(state_.variables.begin(), state_.variables.end(), name));
    return Status::success();
}

// ============================== 6 undo ==============================

void Workspace::checkpoint() {
    undo_.push_back(state_);
    if (undo_.size() > kMaxUndo) undo_.erase(undo_.begin());
    redo_.clear();
}

bool Workspace::undo() {
    if (undo_.empty()) return false;
    redo_.push_back(std::move(state_));
    state_ = std::move(undo_.back());
    undo_.pop_back();
    return true;
}

bool Workspace::redo() {
    if (redo_.empty()) return false;
    undo_.push_back(std::move(state_));
    state_ = std::move(redo_.back());
    redo_.pop_back();
    return true;
}

// ============================== 7 text form ==============================

namespace {

void quoteInto(std::string& out, std::string_view s) {
    out += '"';
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') { out += "\\n"; continue; }
        out += c;
    }
    out += '"';
}

void writeBlock(const Workspace& ws, BlockId id, std::string& out, int depth);

void writeChain(const Workspace& ws, BlockId first, std::string& out, int depth) {
    out += '[';
    bool sep = false;
    for (BlockId b : ws.chain(first)) {
        if (sep) out += ' ';
        sep = true;
        writeBlock(ws, b, out, depth + 1);
    }
    out += ']';
}

void writeBlock(const Workspace& ws, BlockId id, std::string& out, int depth) {
    const Block* b = ws.block(id);
    if (!b || depth > kMaxDepth) return;
    out += '(' + std::to_string(id.value) + ' ' + b->def->type;
    for (const Input& in : b->inputs) {
        out += ' ';
        if (in.is_text) out += 't';
        quoteInto(out, in.value);
        if (in.block.valid()) writeBlock(ws, in.block, out, depth + 1);
    }
    for (BlockId br : b->branches) {
        out += ' ';
        writeChain(ws, br, out, depth);
    }
    out += ')';
}

std::string coord(float v) {
    const long r = std::lround(static_cast<double>(v));
    return std::to_string(r);
}

class Reader {
public:
    Reader(std::string_view s, Workspace& ws) : s_(s), ws_(ws) {}

    Status parse() {
        skip();
        if (!word("sqb1")) return fail();
        for (;;) {
            skip();
            if (pos_ >= s_.size()) break;
            if (word("v")) {
                std::string name;
                skip();
                if (!quoted(name) || !isValidName(name)) return fail();
                ws_.addVariableRaw(std::move(name));
            } else if (word("s")) {
                long x = 0, y = 0;
                skip();
                if (!integer(x)) return fail();
                skip();
                if (!integer(y)) return fail();
                skip();
                BlockId first;
                if (!chainOf(first, 0)) return status();
                if (!first.valid()) return fail();
                ws_.addStackRaw(first, static_cast<float>(x), static_cast<float>(y));
            } else {
                return fail();
            }
        }
        // every block must be reachable exactly once (ids were checked unique while reading)
        return Status::success();
    }

private:
    Status fail() {
        if (error_.ok()) error_ = Status::error(ErrorCode::Corrupt, "blocks.err.corrupt", std::to_string(pos_));
        return error_;
    }
    Status status() { return error_.ok() ? fail() : error_; }
    bool bad() {
        (void)fail();
        return false;
    }
    void skip() {
        while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t')) ++pos_;
    }
    bool word(std::string_view w) {
        if (s_.substr(pos_, w.size()) != w) return false;
        const size_t end = pos_ + w.size();
        if (end < s_.size() && s_[end] != ' ' && s_[end] != '\n' && s_[end] != '\r' && s_[end] != '\t') return false;
        pos_ = end;
        return true;
    }
    bool integer(long& out) {
        const size_t start = pos_;
        if (pos_ < s_.size() && s_[pos_] == '-') ++pos_;
        while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
        if (pos_ == start || pos_ - start > 9 || (pos_ - start == 1 && s_[start] == '-')) return false;
        out = std::strtol(std::string(s_.substr(start, pos_ - start)).c_str(), nullptr, 10);
        return true;
    }
    bool quoted(std::string& out) {
        if (pos_ >= s_.size() || s_[pos_] != '"') return false;
        ++pos_;
        while (pos_ < s_.size() && s_[pos_] != '"') {
            char c = s_[pos_++];
            if (c == '\\') {
                if (pos_ >= s_.size()) return false;
                c = s_[pos_++];
                if (c == 'n') c = '\n';
                else if (c != '"' && c != '\\') return false;
            }
            out += c;
            if (out.size() > 1000) return false;
        }
        if (pos_ >= s_.size()) return false;
        ++pos_;
        return text::isValidUtf8(out);
    }
    bool chainOf(BlockId& first, int depth) {
        if (depth > kMaxDepth || pos_ >= s_.size() || s_[pos_] != '[') return bad();
        ++pos_;
        BlockId prev;
        for (;;) {
            skip();
            if (pos_ < s_.size() && s_[pos_] == ']') { ++pos_; return true; }
            BlockId b;
            if (!blockOf(b, depth + 1)) return false;
            const Block* nb = ws_.block(b);
            if (!nb->def->isStatement() && !(nb->def->shape == Shape::Hat && !prev.valid()) &&
                !(nb->def->isValue() && !prev.valid() && depth == 0)) {
                return bad();
            }
            if (prev.valid()) {
                const Block* pb = ws_.block(prev);
                if (pb->def->terminal || pb->def->isValue()) return bad();
                ws_.mutableBlock(prev)->next = b;
                ws_.mutableBlock(b)->parent = prev;
            } else {
                first = b;
            }
            prev = b;
        }
    }
    bool blockOf(BlockId& out, int depth) {
        if (depth > kMaxDepth || pos_ >= s_.size() || s_[pos_] != '(') return bad();
        ++pos_;
        long id = 0;
        if (!integer(id) || id <= 0 || id > static_cast<long>(Workspace::kMaxBlocks) * 4) return bad();
        if (ws_.block(BlockId{static_cast<uint32_t>(id)})) return bad();  // the same id twice
        skip();
        const size_t type_start = pos_;
        while (pos_ < s_.size() && s_[pos_] != ' ' && s_[pos_] != ')' && s_[pos_] != '\n') ++pos_;
        const std::string type(s_.substr(type_start, pos_ - type_start));
        const BlockDef* def = findBlock(type);
        if (!def) {
            if (error_.ok()) error_ = Status::error(ErrorCode::Corrupt, "blocks.err.unknown_block", std::to_string(type_start), type);
            return false;
        }
        if (++count_ > Workspace::kMaxBlocks) return bad();
        out = ws_.createRaw(*def, static_cast<uint32_t>(id));
        for (size_t k = 0; k < def->inputs.size(); ++k) {
            skip();
            Input in;
            if (pos_ < s_.size() && s_[pos_] == 't') { in.is_text = true; ++pos_; }
            if (!quoted(in.value)) return bad();
            if (pos_ < s_.size() && s_[pos_] == '(') {
                BlockId child;
                if (!blockOf(child, depth + 1)) return false;
                const Block* cb = ws_.block(child);
                if (!cb->def->isValue() || !slotAccepts(def->inputs[k].kind, cb->def->shape)) return bad();
                ws_.mutableBlock(child)->parent = out;
                in.block = child;
            }
            ws_.mutableBlock(out)->inputs[k] = std::move(in);
        }
        for (int k = 0; k < def->branchCount(); ++k) {
            skip();
            BlockId first;
            if (!chainOf(first, depth + 1)) return false;
            if (first.valid()) {
                const Block* fb = ws_.block(first);
                if (!fb->def->isStatement()) return bad();
                ws_.mutableBlock(first)->parent = out;
                ws_.mutableBlock(out)->branches[static_cast<size_t>(k)] = first;
            }
        }
        skip();
        if (pos_ >= s_.size() || s_[pos_] != ')') return bad();
        ++pos_;
        return true;
    }

    std::string_view s_;
    Workspace& ws_;
    size_t pos_ = 0;
    size_t count_ = 0;
    Status error_;
};

}  // namespace

std::string serialize(const Workspace& ws) {
    std::string out = "sqb1";
    for (const std::string& v : ws.variables()) {
        out += " v ";
        quoteInto(out, v);
    }
    for (BlockId top : ws.stacks()) {
        const Block* b = ws.block(top);
        if (!b) continue;
        out += "\ns " + coord(b->x) + " " + coord(b->y) + " ";
        writeChain(ws, top, out, 0);
    }
    out += "\n";
    return out;
}

Result<Workspace> parseWorkspace(std::string_view text) {
    Workspace ws;
    Reader r(text, ws);
    Status s = r.parse();
    if (!s.ok()) return s;
    ws.forgetHistory();
    return ws;
}

}  // namespace sandyq::blocks
