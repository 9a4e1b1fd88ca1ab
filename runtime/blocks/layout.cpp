// blocks/layout.cpp — see layout.h.
#include "blocks/layout.h"

#include <algorithm>
#include <cmath>

namespace sandyq::blocks {

namespace {

class Layouter {
public:
    Layouter(const Workspace& ws, const MeasureText& measure, const Translate& tr, const LayoutMetrics& m, StackLayout& out)
        : ws_(ws), measure_(measure), tr_(tr), m_(m), out_(out) {}

    // A chain of statements from (x, y); returns its size.
    void chain(BlockId first, float x, float y, float& w, float& h, int depth) {
        w = 0;
        h = 0;
        for (BlockId id : ws_.chain(first)) {
            float bw = 0, bh = 0;
            statement(id, x, y + h, bw, bh, depth);
            w = std::max(w, bw);
            h += bh;
            const Block* b = ws_.block(id);
            if (!b->def->terminal) out_.spots.push_back({Target::after(id), x, y + h});
        }
    }

    void loose(BlockId id, float x, float y, float& w, float& h) { value(id, x, y, w, h, 0); }

private:
    std::string fieldText(const Block& b, size_t k) const {
        const InputDef& d = b.def->inputs[k];
        const std::string& v = b.inputs[k].value;
        if (d.kind == InputKind::Dropdown) return tr_ ? tr_("blocks.opt." + v) : v;
        return v;
    }

    // Lays out a row of label parts at (x, y); fills parts and returns width/height.
    void row(const Block& b, std::string_view tpl, float x, float y, std::vector<PartBox>& parts, float& w, float& h,
             float pad_y, int depth) {
        const auto pieces = splitLabel(*b.def, tpl);
        // measure first (nested value blocks included) to know the row height
        struct Piece {
            PartBox box;
            size_t first_box = 0;   // for slots: where the nested boxes start in out_.boxes
            size_t first_spot = 0;  // … and the nested input spots in out_.spots
        };
        std::vector<Piece> laid;
        float cx = x + m_.pad_x, max_h = 0;
        for (const LabelPart& p : pieces) {
            Piece pc;
            if (p.input < 0) {
                pc.box.kind = PartBox::Kind::Text;
                pc.box.text = p.text;
                // leading/trailing spaces are the gap
                std::string trimmed = p.text;
                while (!trimmed.empty() && trimmed.front() == ' ') trimmed.erase(trimmed.begin());
                while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
                if (trimmed.empty()) continue;
                pc.box.text = trimmed;
                pc.box.w = measure_ ? measure_(trimmed) : 8.0f * static_cast<float>(trimmed.size());
                pc.box.h = m_.input_h;
            } else {
                const size_t k = static_cast<size_t>(p.input);
                pc.box.input = p.input;
                const Input& in = b.inputs[k];
                if (in.block.valid() && ws_.block(in.block)) {
                    pc.box.kind = PartBox::Kind::Slot;
                    pc.first_box = out_.boxes.size();
                    pc.first_spot = out_.spots.size();
                    float vw = 0, vh = 0;
                    value(in.block, cx, 0, vw, vh, depth + 1);  // y fixed below
                    pc.box.w = vw;
                    pc.box.h = vh;
                } else {
                    pc.box.kind = PartBox::Kind::Field;
                    pc.box.text = fieldText(b, k);
                    const float tw = measure_ ? measure_(pc.box.text) : 8.0f * static_cast<float>(pc.box.text.size());
                    pc.box.w = std::max(m_.input_min_w, tw + 2 * m_.input_pad_x);
                    pc.box.h = m_.input_h;
                }
            }
            pc.box.x = cx;
            cx += pc.box.w + m_.gap;
            max_h = std::max(max_h, pc.box.h);
            laid.push_back(std::move(pc));
        }
        h = max_h + 2 * pad_y;
        w = std::max(cx - m_.gap + m_.pad_x - x, 2 * m_.pad_x + m_.input_min_w);
        for (Piece& pc : laid) {
            const float py = y + (h - pc.box.h) / 2;
            if (pc.box.kind == PartBox::Kind::Slot) {
                // move the nested boxes (laid out at y 0) down to the row
                for (size_t i = pc.first_box; i < out_.boxes.size(); ++i) {
                    out_.boxes[i].y += py;
                    for (PartBox& q : out_.boxes[i].parts) q.y += py;
                }
                for (size_t i = pc.first_spot; i < out_.spots.size(); ++i) out_.spots[i].y += py;
            }
            pc.box.y = py;
            if (pc.box.input >= 0) out_.spots.push_back({Target::input(b.id, pc.box.input), pc.box.x, py});
            parts.push_back(std::move(pc.box));
        }
    }

    void value(BlockId id, float x, float y, float& w, float& h, int depth) {
        const Block* b = ws_.block(id);
        const size_t index = out_.boxes.size();
        out_.boxes.push_back(BlockBox{});
        BlockBox box;
        box.id = id;
        box.x = x;
        box.y = y;
        if (depth < 64) row(*b, label(*b->def), x, y, box.parts, w, h, m_.value_pad_y, depth);
        box.w = w;
        box.h = h;
        box.row_h = h;
        out_.boxes[index] = std::move(box);
    }

    void statement(BlockId id, float x, float y, float& w, float& h, int depth) {
        const Block* b = ws_.block(id);
        const size_t index = out_.boxes.size();
        out_.boxes.push_back(BlockBox{});
        BlockBox box;
        box.id = id;
        box.x = x;
        box.y = y;
        const float cap = b->def->shape == Shape::Hat ? m_.hat_h : 0;
        float rw = 0, rh = 0;
        if (depth < 64) row(*b, label(*b->def), x, y + cap, box.parts, rw, rh, m_.pad_y, depth);
        rh = std::max(rh, m_.row_min_h);
        box.row_h = rh;
        w = rw;
        h = cap + rh;
        for (int br = 0; br < b->def->branchCount(); ++br) {
            if (br == 1) {
                // the "else" row
                float ew = 0, eh = 0;
                std::vector<PartBox> else_parts;
                Block fake = *b;
                BlockDef no_inputs = *b->def;
                no_inputs.inputs.clear();
                fake.def = &no_inputs;
                fake.inputs.clear();
                row(fake, tr_ ? tr_("blocks.control.else") : "else", x, y + h, else_parts, ew, eh, m_.pad_y, depth);
                eh = std::max(eh, m_.row_min_h * 0.75f);
                for (PartBox& p : else_parts) box.parts.push_back(std::move(p));
                w = std::max(w, ew);
                h += eh;
            }
            const float bx = x + m_.arm_w, by = y + h;
            box.branch_y.push_back(by);
            out_.spots.push_back({Target::branch(id, br), bx, by});
            float cw = 0, ch = 0;
            chain(b->branches[static_cast<size_t>(br)], bx, by, cw, ch, depth + 1);
            w = std::max(w, m_.arm_w + cw);
            h += std::max(ch, m_.branch_min_h);
        }
        if (b->def->branchCount() > 0) h += m_.bottom_h;
        box.w = w;
        box.h = h;
        out_.boxes[index] = std::move(box);
    }

    std::string label(const BlockDef& d) const { return tr_ ? tr_(d.labelKey()) : d.type; }

    const Workspace& ws_;
    const MeasureText& measure_;
    const Translate& tr_;
    const LayoutMetrics& m_;
    StackLayout& out_;
};

bool inside(float px, float py, float x, float y, float w, float h) { return px >= x && py >= y && px < x + w && py < y + h; }

}  // namespace

StackLayout layoutStack(const Workspace& ws, BlockId top, const MeasureText& measure, const Translate& tr,
                        const LayoutMetrics& m) {
    StackLayout out;
    const Block* b = ws.block(top);
    if (!b) return out;
    out.top = top;
    out.x = b->x;
    out.y = b->y;
    Layouter l(ws, measure, tr, m, out);
    float w = 0, h = 0;
    if (b->def->isValue()) {
        l.loose(top, b->x, b->y, w, h);  // a reporter lying loose
    } else {
        if (b->def->shape != Shape::Hat) out.spots.push_back({Target::above(top), b->x, b->y});
        l.chain(top, b->x, b->y, w, h, 0);
    }
    out.w = w;
    out.h = h;
    return out;
}

std::vector<StackLayout> layoutAll(const Workspace& ws, const MeasureText& measure, const Translate& tr, const LayoutMetrics& m) {
    std::vector<StackLayout> out;
    for (BlockId top : ws.stacks()) out.push_back(layoutStack(ws, top, measure, tr, m));
    return out;
}

BlockId hitTest(const std::vector<StackLayout>& layouts, float x, float y, int* part) {
    if (part) *part = -1;
    for (auto s = layouts.rbegin(); s != layouts.rend(); ++s) {
        for (auto b = s->boxes.rbegin(); b != s->boxes.rend(); ++b) {
            // inner blocks come later in the list, so they win over the C-block around them
            if (!inside(x, y, b->x, b->y, b->w, b->h)) continue;
            if (part)
                for (const PartBox& p : b->parts)
                    if (p.kind == PartBox::Kind::Field && inside(x, y, p.x, p.y, p.w, p.h)) *part = p.input;
            return b->id;
        }
    }
    return {};
}

DropSpot nearestDrop(const Workspace& ws, const std::vector<StackLayout>& layouts, BlockId moving,
                     const BlockDef* palette_def, float x, float y, const LayoutMetrics& m, float moving_height) {
    DropSpot best;
    float best_d = m.snap_radius;
    for (const StackLayout& s : layouts) {
        if (moving.valid() && s.top == moving) {
            // a stack cannot snap to itself (only its own spots would be near)
            continue;
        }
        for (const DropSpot& spot : s.spots) {
            const float by = spot.target.kind == Target::Kind::Above ? y + moving_height : y;
            const float d = std::hypot(spot.x - x, spot.y - by);
            if (d >= best_d) continue;
            const bool ok = moving.valid() ? ws.canMove(moving, spot.target)
                                           : (palette_def && ws.canPlace(*palette_def, spot.target));
            if (!ok) continue;
            best = spot;
            best_d = d;
        }
    }
    return best;
}

}  // namespace sandyq::blocks
