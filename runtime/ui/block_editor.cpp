// ui/block_editor.cpp — see block_editor.h.
#include "ui/block_editor.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sandyq::ui {

using blocks::BlockBox;
using blocks::BlockDef;
using blocks::BlockId;
using blocks::InputKind;
using blocks::PartBox;
using blocks::Shape;
using blocks::StackLayout;
using blocks::Target;
using blocks::Workspace;

namespace {

constexpr float kTabW = 58.0f;         // category strip
constexpr float kToolSize = 44.0f;     // workspace tool buttons
constexpr float kDragThreshold = 6.0f;
constexpr float IM_PI = 3.14159265358979f;

ImU32 rgb(uint32_t c, float alpha = 1.0f, float shade = 1.0f) {
    const auto ch = [&](int s) { return static_cast<int>(std::min(255.0f, static_cast<float>((c >> s) & 0xFF) * shade)); };
    return IM_COL32(ch(16), ch(8), ch(0), static_cast<int>(alpha * 255));
}

ImU32 withAlpha(ImU32 c, float alpha) {
    const int a = static_cast<int>(static_cast<float>((c >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
    return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(a) << IM_COL32_A_SHIFT);
}

bool inRect(ImVec2 p, ImVec2 a, ImVec2 b) { return p.x >= a.x && p.y >= a.y && p.x < b.x && p.y < b.y; }

void addRect(WidgetRegistry* w, const std::string& id, ImVec2 a, ImVec2 b) {
    if (w) w->add(id, Rect{a.x, a.y, b.x - a.x, b.y - a.y});
}

// Width of the header row of a block (its parts), not of what its branches hold.
float headerWidth(const BlockBox& box, const blocks::LayoutMetrics& m) {
    float right = box.x + 2 * m.pad_x + m.input_min_w;
    for (const PartBox& p : box.parts) right = std::max(right, p.x + p.w + m.pad_x);
    return right - box.x;
}

// Consumes a key so the app's focus ring does not also act on it this frame (and the next).
void consumeKey(ImGuiKey key) {
    const int idx = ImGui::GetKeyIndex(key);
    if (idx >= 0 && idx < 512 && ImGui::GetIO().KeysDown[idx]) ImGui::GetIO().KeysDownDuration[idx] = 0.001f;
}

bool keyPressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); }

// A square-ish button drawn by the editor itself (inside its popup windows).
bool padButton(const char* id, const char* label, ImVec2 size, ImU32 bg, ImU32 fg, ImFont* font, float fs,
               WidgetRegistry* widgets, const std::string& reg_id) {
    const bool pressed = ImGui::InvisibleButton(id, size);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const bool hovered = ImGui::IsItemHovered();
    dl->AddRectFilled(a, b, hovered ? withAlpha(bg, 0.85f) : bg, 8.0f);
    const ImVec2 ts = font->CalcTextSizeA(fs, 1e9f, 0, label);
    dl->AddText(font, fs, ImVec2(a.x + (size.x - ts.x) * 0.5f, a.y + (size.y - ts.y) * 0.5f), fg, label);
    addRect(widgets, reg_id, a, b);
    return pressed;
}

}  // namespace

void BlockEditor::reset() {
    zoom_ = 1.0f;
    sized_ = false;
    scroll_x_ = scroll_y_ = 0;
    palette_scroll_ = 0;
    category_.clear();
    drag_ = Drag::None;
    selected_ = {};
    kbd_palette_ = kbd_moving_ = false;
    field_block_ = {};
    field_input_ = -1;
    last_error_.clear();
    palette_key_.clear();
}

void BlockEditor::setError(const Status& st) {
    if (st.ok()) last_error_.clear();
    else last_error_ = st.message_key;
}

ImVec2 BlockEditor::toScreen(float x, float y) const {
    return ImVec2(view_min_.x + (x - scroll_x_) * zoom_, view_min_.y + (y - scroll_y_) * zoom_);
}

ImVec2 BlockEditor::toWorkspace(ImVec2 s) const {
    return ImVec2((s.x - view_min_.x) / zoom_ + scroll_x_, (s.y - view_min_.y) / zoom_ + scroll_y_);
}

void BlockEditor::buildPalette(const Workspace& ws, const Translate& tr) {
    std::string key = tr("blocks.maze.forward");
    const std::vector<const BlockDef*> defs = ws.palette();
    for (const BlockDef* d : defs) key += "|" + d->type;
    if (key == palette_key_) return;
    palette_key_ = key;
    palette_ws_ = Workspace();
    palette_types_.clear();
    for (const BlockDef* d : defs) {
        const BlockId id = palette_ws_.createRaw(*d);
        blocks::Block* b = palette_ws_.mutableBlock(id);
        for (size_t i = 0; i < d->inputs.size() && i < b->inputs.size(); ++i) b->inputs[i].value = d->inputs[i].default_value;
        palette_ws_.addStackRaw(id, 0, 0);
        palette_types_.push_back(d->type);
    }
    const Translate& t = tr;
    ImFont* font = style_->font;
    const float fs = style_->font_size;
    palette_layouts_ = blocks::layoutAll(
        palette_ws_, [font, fs](std::string_view s) { return font->CalcTextSizeA(fs, 1e9f, 0, s.data(), s.data() + s.size()).x; },
        [&t](std::string_view k) { return t(k); }, metrics_);
    if (category_.empty() && !defs.empty()) category_ = blocks::categoryName(defs.front()->category);
}

void BlockEditor::drawGhost(ImDrawList* dl, const BlockDef& def, float x, float y, float w, float h) {
    const ImVec2 a = toScreen(x, y), b = toScreen(x + w, y + h);
    const ImU32 c = IM_COL32(120, 120, 130, 110);
    if (def.shape == Shape::Reporter) dl->AddRectFilled(a, b, c, (b.y - a.y) * 0.5f);
    else if (def.shape == Shape::Boolean) {
        const float hh = (b.y - a.y) * 0.5f;
        const ImVec2 pts[6] = {ImVec2(a.x, a.y + hh), ImVec2(a.x + hh, a.y), ImVec2(b.x - hh, a.y), ImVec2(b.x, a.y + hh), ImVec2(b.x - hh, b.y), ImVec2(a.x + hh, b.y)};
        dl->AddConvexPolyFilled(pts, 6, c);
    } else {
        dl->AddRectFilled(a, b, c, 4.0f * zoom_);
    }
}

void BlockEditor::drawBlock(ImDrawList* dl, const Workspace& ws, const BlockBox& box, bool stack_top, ImVec2 off, float z,
                            const BlockEditorFrame& frame, float alpha, bool reg, WidgetRegistry* widgets, bool palette) {
    const blocks::Block* blk = ws.block(box.id);
    if (!blk || !blk->def) return;
    const BlockDef& def = *blk->def;
    const BlockEditorStyle& st = *style_;
    const blocks::LayoutMetrics& m = metrics_;
    const uint32_t cc = blocks::categoryColour(def.category);
    const ImU32 fill = rgb(cc, alpha), edge = st.high_contrast ? IM_COL32(0, 0, 0, static_cast<int>(alpha * 255)) : rgb(cc, alpha, 0.72f);
    const float ew = st.high_contrast ? 2.0f : 1.0f;
    const auto P = [&](float x, float y) { return ImVec2(off.x + x * z, off.y + y * z); };
    const float hw = headerWidth(box, m);
    const float cap = def.shape == Shape::Hat ? m.hat_h : 0;
    const float row_top = box.y + cap;
    const float r = 4.0f * z;
    const ImU32 bg = palette ? st.palette_bg : st.canvas;
    const auto tab = [&](float x, float y, ImU32 col) {  // the puzzle tab below a block
        const ImVec2 pts[4] = {P(x + 12, y - 0.5f), P(x + 36, y - 0.5f), P(x + 32, y + 6), P(x + 16, y + 6)};
        dl->AddConvexPolyFilled(pts, 4, col);
        dl->AddLine(pts[1], pts[2], edge, ew);
        dl->AddLine(pts[2], pts[3], edge, ew);
        dl->AddLine(pts[3], pts[0], edge, ew);
    };
    ImVec2 head_a = P(box.x, row_top), head_b = P(box.x + hw, row_top + box.row_h);
    switch (def.shape) {
        case Shape::Reporter: {
            const ImVec2 a = P(box.x, box.y), b = P(box.x + box.w, box.y + box.h);
            dl->AddRectFilled(a, b, fill, (b.y - a.y) * 0.5f);
            dl->AddRect(a, b, edge, (b.y - a.y) * 0.5f, 0, ew);
            head_a = a;
            head_b = b;
            break;
        }
        case Shape::Boolean: {
            const ImVec2 a = P(box.x, box.y), b = P(box.x + box.w, box.y + box.h);
            const float hh = (b.y - a.y) * 0.5f;
            const ImVec2 pts[6] = {ImVec2(a.x, a.y + hh), ImVec2(a.x + hh, a.y), ImVec2(b.x - hh, a.y), ImVec2(b.x, a.y + hh), ImVec2(b.x - hh, b.y), ImVec2(a.x + hh, b.y)};
            dl->AddConvexPolyFilled(pts, 6, fill);
            dl->AddPolyline(pts, 6, edge, ImDrawFlags_Closed, ew);
            head_a = a;
            head_b = b;
            break;
        }
        case Shape::Hat: {
            // the rounded cap of "when ▶ clicked"
            const float cw = std::min(hw, 90.0f);
            dl->PathArcTo(P(box.x + cw * 0.5f, row_top + cw * 0.55f), cw * 0.5f * 1.12f * z, IM_PI * 1.25f, IM_PI * 1.75f, 16);
            dl->PathLineTo(P(box.x + cw * 0.5f, row_top + 1));
            dl->PathFillConvex(fill);
            dl->AddRectFilled(P(box.x, row_top), P(box.x + hw, row_top + box.row_h), fill, r, ImDrawFlags_RoundCornersBottom | ImDrawFlags_RoundCornersTopRight);
            dl->AddRect(P(box.x, row_top), P(box.x + hw, row_top + box.row_h), edge, r, ImDrawFlags_RoundCornersBottom | ImDrawFlags_RoundCornersTopRight, ew);
            if (!def.terminal) tab(box.x, row_top + box.row_h, fill);
            break;
        }
        case Shape::Stack: {
            dl->AddRectFilled(head_a, head_b, fill, r);
            dl->AddRect(head_a, head_b, edge, r, 0, ew);
            if (stack_top) {  // an empty notch on top of a stack's first block
                const ImVec2 pts[4] = {P(box.x + 12, box.y - 0.5f), P(box.x + 36, box.y - 0.5f), P(box.x + 32, box.y + 6), P(box.x + 16, box.y + 6)};
                dl->AddConvexPolyFilled(pts, 4, bg);
                dl->AddPolyline(pts, 4, edge, 0, ew);
            }
            if (!def.terminal) tab(box.x, box.y + box.row_h, fill);
            break;
        }
        case Shape::CBlock:
        case Shape::IfElse: {
            const float bottom = box.y + box.h;
            const float arm_w = m.arm_w;
            const float else_h = std::max(m.input_h + 2 * m.pad_y, m.row_min_h * 0.75f);
            // arm and bottom bar first, then the header over them
            dl->AddRectFilled(P(box.x, row_top), P(box.x + arm_w, bottom), fill, 0);
            dl->AddRectFilled(P(box.x, bottom - m.bottom_h), P(box.x + hw, bottom), fill, r, ImDrawFlags_RoundCornersBottom | ImDrawFlags_RoundCornersTopRight);
            dl->AddRectFilled(head_a, head_b, fill, r, ImDrawFlags_RoundCornersTop | ImDrawFlags_RoundCornersBottomRight);
            if (box.branch_y.size() > 1) {
                const float ey = box.branch_y[1] - else_h;
                dl->AddRectFilled(P(box.x, ey), P(box.x + hw, box.branch_y[1]), fill, r, ImDrawFlags_RoundCornersRight);
                dl->AddLine(P(box.x + arm_w, ey), P(box.x + hw, ey), edge, ew);
                dl->AddLine(P(box.x + arm_w, box.branch_y[1]), P(box.x + hw, box.branch_y[1]), edge, ew);
            }
            dl->AddLine(P(box.x, box.y), P(box.x, bottom), edge, ew);
            dl->AddLine(P(box.x, box.y), P(box.x + hw, box.y), edge, ew);
            dl->AddLine(P(box.x + hw, box.y), P(box.x + hw, row_top + box.row_h), edge, ew);
            dl->AddLine(P(box.x + arm_w, row_top + box.row_h), P(box.x + hw, row_top + box.row_h), edge, ew);
            dl->AddLine(P(box.x + arm_w, row_top + box.row_h), P(box.x + arm_w, bottom - m.bottom_h), edge, ew);
            dl->AddLine(P(box.x + arm_w, bottom - m.bottom_h), P(box.x + hw, bottom - m.bottom_h), edge, ew);
            dl->AddLine(P(box.x + hw, bottom - m.bottom_h), P(box.x + hw, bottom), edge, ew);
            dl->AddLine(P(box.x, bottom), P(box.x + hw, bottom), edge, ew);
            for (float by : box.branch_y) tab(box.x + arm_w, by, fill);
            if (stack_top) {
                const ImVec2 pts[4] = {P(box.x + 12, box.y - 0.5f), P(box.x + 36, box.y - 0.5f), P(box.x + 32, box.y + 6), P(box.x + 16, box.y + 6)};
                dl->AddConvexPolyFilled(pts, 4, bg);
                dl->AddPolyline(pts, 4, edge, 0, ew);
            }
            if (!def.terminal) tab(box.x, bottom, fill);
            break;
        }
        default: break;
    }
    // label pieces and fields
    ImFont* font = st.font;
    const float fs = st.font_size * z;
    const ImU32 label_col = st.high_contrast ? IM_COL32(0, 0, 0, static_cast<int>(alpha * 255)) : IM_COL32(255, 255, 255, static_cast<int>(alpha * 255));
    for (const PartBox& p : box.parts) {
        const ImVec2 a = P(p.x, p.y), b = P(p.x + p.w, p.y + p.h);
        if (p.kind == PartBox::Kind::Text) {
            const ImVec2 ts = font->CalcTextSizeA(fs, 1e9f, 0, p.text.c_str());
            dl->AddText(font, fs, ImVec2(a.x, a.y + (b.y - a.y - ts.y) * 0.5f), label_col, p.text.c_str());
        } else if (p.kind == PartBox::Kind::Field && p.input >= 0 && static_cast<size_t>(p.input) < def.inputs.size()) {
            const blocks::InputDef& in = def.inputs[static_cast<size_t>(p.input)];
            const bool editing = field_block_ == box.id && field_input_ == p.input && !palette;
            if (in.kind == InputKind::Boolean) {
                const float hh = (b.y - a.y) * 0.5f;
                const ImVec2 pts[6] = {ImVec2(a.x, a.y + hh), ImVec2(a.x + hh, a.y), ImVec2(b.x - hh, a.y), ImVec2(b.x, a.y + hh), ImVec2(b.x - hh, b.y), ImVec2(a.x + hh, b.y)};
                dl->AddConvexPolyFilled(pts, 6, rgb(cc, alpha, 0.7f));
            } else {
                const bool dropdown = in.kind == InputKind::Dropdown || in.kind == InputKind::Variable || in.kind == InputKind::ProcName;
                const ImU32 fbg = dropdown ? rgb(cc, alpha, 0.82f) : IM_COL32(255, 255, 255, static_cast<int>(alpha * 255));
                const float rr = in.kind == InputKind::Number ? (b.y - a.y) * 0.5f : 4.0f * z;
                dl->AddRectFilled(a, b, fbg, rr);
                dl->AddRect(a, b, editing ? st.accent : rgb(cc, alpha, 0.7f), rr, 0, editing ? 3.0f : 1.0f);
                const std::string& shown = editing ? field_text_ : p.text;
                const ImVec2 ts = font->CalcTextSizeA(fs, 1e9f, 0, shown.c_str());
                const ImU32 tc = dropdown ? label_col : IM_COL32(40, 40, 50, static_cast<int>(alpha * 255));
                float tx = a.x + (b.x - a.x - ts.x) * 0.5f;
                if (dropdown) {
                    tx = a.x + 6 * z;
                    const float cx = b.x - 9 * z, cy = (a.y + b.y) * 0.5f;
                    dl->AddTriangleFilled(ImVec2(cx - 4 * z, cy - 2 * z), ImVec2(cx + 4 * z, cy - 2 * z), ImVec2(cx, cy + 3 * z), tc);
                }
                dl->AddText(font, fs, ImVec2(tx, a.y + (b.y - a.y - ts.y) * 0.5f), tc, shown.c_str());
            }
            if (reg && inRect(ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f), view_min_, view_max_))
                addRect(widgets, "coding.fld." + std::to_string(box.id.value) + "." + std::to_string(p.input), a, b);
        }
    }
    // state: selection, running, error
    const ImVec2 ha(head_a.x - 3, head_a.y - 3), hb(head_b.x + 3, head_b.y + 3);
    if (!palette && frame.running == box.id) {
        dl->AddRect(ha, hb, st.accent, r + 3, 0, 4.0f);
    }
    if (!palette && selected_ == box.id && frame.keyboard) {
        dl->AddRect(ImVec2(ha.x - 2, ha.y - 2), ImVec2(hb.x + 2, hb.y + 2), IM_COL32(30, 90, 200, 255), r + 5, 0, 3.0f);
    }
    if (!palette && frame.error == box.id) {
        dl->AddRect(ha, hb, st.danger, r + 3, 0, 3.0f);
        const float br = std::max(10.0f, 11.0f * z);
        const ImVec2 c(head_b.x, head_a.y);
        dl->AddCircleFilled(c, br, st.danger, 20);
        const ImVec2 ts = font->CalcTextSizeA(br * 1.6f, 1e9f, 0, "!");
        dl->AddText(font, br * 1.6f, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), IM_COL32(255, 255, 255, 255), "!");
    }
    if (reg && inRect(ImVec2(head_a.x + 10, (head_a.y + head_b.y) * 0.5f), view_min_, view_max_))
        addRect(widgets, "coding.blk." + std::to_string(box.id.value), ImVec2(std::max(head_a.x, view_min_.x), std::max(head_a.y, view_min_.y)),
                ImVec2(std::min(head_b.x, view_max_.x), std::min(head_b.y, view_max_.y)));
}

void BlockEditor::drawStack(ImDrawList* dl, const Workspace& ws, const StackLayout& s, ImVec2 off, float z,
                            const BlockEditorFrame& frame, float alpha, bool reg, WidgetRegistry* widgets, bool palette) {
    // Blocks wholly outside the clip rectangle (scrolled out of the view) are not drawn: a
    // 300-block workspace then costs what its visible part costs.
    const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
    for (size_t i = 0; i < s.boxes.size(); ++i) {
        const BlockBox& box = s.boxes[i];
        const float x0 = off.x + box.x * z, y0 = off.y + box.y * z;
        if (x0 > clip_max.x || y0 > clip_max.y || x0 + box.w * z < clip_min.x || y0 + box.h * z + 12 * z < clip_min.y) continue;
        const blocks::Block* b = ws.block(box.id);
        const bool top = b && !b->parent.valid();
        drawBlock(dl, ws, box, top, off, z, frame, alpha, reg, widgets, palette);
    }
}

void BlockEditor::openField(const Workspace& ws, BlockId b, int input) {
    const blocks::Block* blk = ws.block(b);
    if (!blk || input < 0 || static_cast<size_t>(input) >= blk->inputs.size()) return;
    const InputKind k = blk->def->inputs[static_cast<size_t>(input)].kind;
    if (k == InputKind::Boolean || k == InputKind::LoopVar) return;
    field_block_ = b;
    field_input_ = input;
    field_text_ = blk->inputs[static_cast<size_t>(input)].value;
    field_fresh_ = true;
    ImGui::OpenPopup("##blockfield");
}

bool BlockEditor::drawFieldEditor(Workspace& ws, const BlockEditorStyle& st, const Translate& tr, WidgetRegistry* widgets) {
    if (!field_block_.valid()) return false;
    const blocks::Block* blk = ws.block(field_block_);
    if (!blk || field_input_ < 0 || static_cast<size_t>(field_input_) >= blk->inputs.size()) {
        field_block_ = {};
        return false;
    }
    const blocks::InputDef& in = blk->def->inputs[static_cast<size_t>(field_input_)];
    bool changed = false;
    bool close = false;
    const auto commit = [&](const std::string& v) {
        const Status s = ws.setValue(field_block_, field_input_, v);
        setError(s);
        if (s.ok()) changed = true;
        close = true;
    };
    ImFont* font = st.font;
    const float fs = font->FontSize * font->Scale;
    const ImVec2 vp_min = ImGui::GetMainViewport()->Pos, vp_size = ImGui::GetMainViewport()->Size;
    const bool pad = in.kind == InputKind::Number || (in.kind == InputKind::Text && blocks::looksNumeric(field_text_) && false);
    std::vector<std::string> options;
    if (in.kind == InputKind::Dropdown) options = in.options;
    if (in.kind == InputKind::Variable) options = ws.variables();
    const ImVec2 wpad = ImGui::GetStyle().WindowPadding;
    const float gap = 6.0f;
    // keys as big as the screen allows (a phone in landscape is only ~390 px high)
    const float key = std::clamp((vp_size.y - 16 - 2 * wpad.y - 4 * gap) / 5.0f, 40.0f, 52.0f);
    ImVec2 popup_size = pad ? ImVec2(4 * key + 3 * gap + 2 * wpad.x, 5 * key + 4 * gap + 2 * wpad.y)
                            : ImVec2(260, std::min(vp_size.y - 16, 2 * wpad.y + (std::max<size_t>(options.size(), 1) + 0.3f) * (key + gap)));
    ImVec2 pos(field_anchor_.x, field_anchor_.y + 4);
    pos.x = std::clamp(pos.x, vp_min.x + 4, vp_min.x + vp_size.x - popup_size.x - 4);
    if (pos.y + popup_size.y > vp_min.y + vp_size.y - 4) pos.y = std::max(vp_min.y + 4, vp_min.y + vp_size.y - popup_size.y - 4);
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(popup_size);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    const bool open = ImGui::BeginPopup("##blockfield", ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | (pad ? ImGuiWindowFlags_NoScrollbar : 0));
    ImGui::PopStyleVar();
    if (!open) {
        // closed by a click outside: keep what was typed
        if (pad && field_text_ != blk->inputs[static_cast<size_t>(field_input_)].value) commit(field_text_);
        field_block_ = {};
        field_input_ = -1;
        return changed;
    }
    const ImU32 key_bg = IM_COL32(236, 238, 244, 255), key_fg = st.text;
    if (pad) {
        // hardware keys too
        ImGuiIO& io = ImGui::GetIO();
        for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
            const ImWchar c = io.InputQueueCharacters[i];
            if ((c >= '0' && c <= '9') || c == '-' || c == '.' || c == ',') {
                if (field_fresh_) field_text_.clear();
                field_fresh_ = false;
                field_text_ += c == ',' ? '.' : static_cast<char>(c);
            }
        }
        if (keyPressed(ImGuiKey_Backspace) && !field_text_.empty()) { field_text_.pop_back(); field_fresh_ = false; }
        if (keyPressed(ImGuiKey_Enter) || keyPressed(ImGuiKey_KeyPadEnter)) commit(field_text_);
        if (keyPressed(ImGuiKey_Escape)) close = true;
        // the value being typed, as a display row on top
        {
            ImGui::Dummy(ImVec2(4 * key + 3 * gap, key * 0.9f));
            const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            ImDrawList* pdl = ImGui::GetWindowDrawList();
            pdl->AddRectFilled(a, b, IM_COL32(255, 255, 255, 255), 8);
            pdl->AddRect(a, b, st.accent, 8, 0, 2);
            const ImVec2 ts = font->CalcTextSizeA(fs, 1e9f, 0, field_text_.c_str());
            pdl->AddText(font, fs, ImVec2(b.x - ts.x - 12, a.y + (b.y - a.y - ts.y) * 0.5f), st.text, field_text_.c_str());
            addRect(widgets, "coding.pad.display", a, b);
        }
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
        static const char* kKeys[16] = {"7", "8", "9", "back", "4", "5", "6", "minus", "1", "2", "3", "dot", "0", "", "ok", ""};
        for (int i = 0; i < 16; ++i) {
            const std::string k = kKeys[i];
            if (k.empty()) continue;
            const bool wide = k == "0" || k == "ok";
            if (i % 4 != 0 && !(i == 14)) ImGui::SameLine(0, gap);
            if (i == 14) ImGui::SameLine(0, gap);
            const char* label = k == "back" ? "<" : k == "minus" ? "-" : k == "dot" ? "." : k == "ok" ? "OK" : k.c_str();
            const ImU32 bg = k == "ok" ? IM_COL32(30, 126, 52, 255) : key_bg;
            const ImU32 fg = k == "ok" ? IM_COL32(255, 255, 255, 255) : key_fg;
            if (padButton(("##pad" + k).c_str(), label, ImVec2(wide ? 2 * key + gap : key, key), bg, fg, font, fs, widgets, "coding.pad." + k)) {
                if (k == "ok") {
                    commit(field_text_);
                } else {
                    if (field_fresh_ && k != "back") field_text_.clear();
                    field_fresh_ = false;
                    if (k == "back") { if (!field_text_.empty()) field_text_.pop_back(); }
                    else if (k == "minus") field_text_ = !field_text_.empty() && field_text_[0] == '-' ? field_text_.substr(1) : "-" + field_text_;
                    else if (k == "dot") { if (field_text_.find('.') == std::string::npos) field_text_ += field_text_.empty() ? "0." : "."; }
                    else field_text_ += k;
                }
            }
        }
        ImGui::PopStyleVar();
    } else if (!options.empty()) {
        for (size_t i = 0; i < options.size(); ++i) {
            const std::string label = in.kind == InputKind::Dropdown ? tr("blocks.opt." + options[i]) : options[i];
            const bool cur = options[i] == blk->inputs[static_cast<size_t>(field_input_)].value;
            if (padButton(("##opt" + std::to_string(i)).c_str(), label.c_str(), ImVec2(popup_size.x - 16, key),
                          cur ? IM_COL32(210, 226, 255, 255) : key_bg, key_fg, font, fs, widgets, "coding.opt." + std::to_string(i))) {
                commit(options[i]);
            }
        }
        if (keyPressed(ImGuiKey_Escape)) close = true;
    } else {
        char buf[256];
        std::snprintf(buf, sizeof buf, "%s", field_text_.c_str());
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(popup_size.x - 16);
        const bool enter = ImGui::InputText("##fieldtext", buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue);
        field_text_ = buf;
        if (padButton("##textok", "OK", ImVec2(popup_size.x - 16, key), IM_COL32(30, 126, 52, 255), IM_COL32(255, 255, 255, 255), font, fs,
                      widgets, "coding.pad.ok") || enter) {
            commit(field_text_);
        }
    }
    if (close) {
        ImGui::CloseCurrentPopup();
        field_block_ = {};
        field_input_ = -1;
    }
    ImGui::EndPopup();
    return changed;
}

void BlockEditor::scrollTo(const std::vector<StackLayout>& layouts, BlockId b) {
    for (const StackLayout& s : layouts)
        for (const BlockBox& box : s.boxes)
            if (box.id == b) {
                const float vw = (view_max_.x - view_min_.x) / zoom_, vh = (view_max_.y - view_min_.y) / zoom_;
                if (box.x < scroll_x_ || box.x + 60 > scroll_x_ + vw) scroll_x_ = box.x - 20;
                if (box.y < scroll_y_) scroll_y_ = box.y - 20;
                else if (box.y + box.row_h > scroll_y_ + vh) scroll_y_ = box.y + box.row_h - vh + 16;
                return;
            }
}

bool BlockEditor::handleKeyboard(Workspace& ws, const std::vector<StackLayout>& layouts) {
    const ImGuiKey keys[] = {ImGuiKey_UpArrow, ImGuiKey_DownArrow, ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_Enter,
                             ImGuiKey_KeyPadEnter, ImGuiKey_Space, ImGuiKey_Delete, ImGuiKey_Backspace, ImGuiKey_Escape, ImGuiKey_Insert};
    bool up = keyPressed(ImGuiKey_UpArrow) || keyPressed(ImGuiKey_LeftArrow);
    bool down = keyPressed(ImGuiKey_DownArrow) || keyPressed(ImGuiKey_RightArrow);
    const bool enter = keyPressed(ImGuiKey_Enter) || keyPressed(ImGuiKey_KeyPadEnter) || keyPressed(ImGuiKey_Space);
    const bool del = keyPressed(ImGuiKey_Delete) || keyPressed(ImGuiKey_Backspace);
    const bool esc = keyPressed(ImGuiKey_Escape);
    bool insert = keyPressed(ImGuiKey_Insert), move = false;
    const ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
        const ImWchar c = io.InputQueueCharacters[i];
        if (c == 'p' || c == 'P' || c == '+') insert = true;
        if (c == 'm' || c == 'M') move = true;
    }
    const bool undo = io.KeyCtrl && keyPressed(ImGuiKey_Z), redo = io.KeyCtrl && keyPressed(ImGuiKey_Y);
    for (ImGuiKey k : keys) consumeKey(k);
    bool changed = false;
    if (undo) { changed = ws.undo(); return changed; }
    if (redo) { changed = ws.redo(); return changed; }
    const std::vector<BlockId> order = ws.readingOrder();
    if (!ws.block(selected_)) selected_ = order.empty() ? BlockId{} : order.front();
    if (esc) { kbd_palette_ = kbd_moving_ = false; return false; }
    if (insert) { kbd_palette_ = !kbd_palette_; kbd_moving_ = false; kbd_palette_index_ = 0; }
    if (move && selected_.valid()) { kbd_moving_ = !kbd_moving_; kbd_palette_ = false; kbd_spot_ = 0; }
    if (kbd_palette_) {
        const int n = static_cast<int>(palette_types_.size());
        if (n == 0) return false;
        if (up) kbd_palette_index_ = (kbd_palette_index_ + n - 1) % n;
        if (down) kbd_palette_index_ = (kbd_palette_index_ + 1) % n;
        const blocks::BlockDef* d = blocks::findBlock(palette_types_[static_cast<size_t>(kbd_palette_index_)]);
        if (d) category_ = blocks::categoryName(d->category);
        if (enter && d) {
            Target t = Target::topLevel(scroll_x_ + 30, scroll_y_ + 30);
            if (selected_.valid() && d->isStatement() && ws.canPlace(*d, Target::after(selected_))) t = Target::after(selected_);
            else if (selected_.valid() && d->isValue()) {
                const blocks::Block* sb = ws.block(selected_);
                for (size_t i = 0; sb && i < sb->inputs.size(); ++i)
                    if (ws.canPlace(*d, Target::input(selected_, static_cast<int>(i)))) { t = Target::input(selected_, static_cast<int>(i)); break; }
            }
            auto added = ws.add(d->type, t);
            setError(added.status());
            if (added.ok()) { selected_ = added.value(); changed = true; kbd_palette_ = false; reveal_selected_ = true; }
        }
        return changed;
    }
    if (kbd_moving_) {
        // the spots the selected block can go to, in reading order of the layouts
        std::vector<Target> spots;
        for (const StackLayout& s : layouts)
            for (const blocks::DropSpot& sp : s.spots)
                if (ws.canMove(selected_, sp.target)) spots.push_back(sp.target);
        const int n = static_cast<int>(spots.size());
        if (n == 0) { kbd_moving_ = false; return false; }
        if (up) kbd_spot_ = (kbd_spot_ + n - 1) % n;
        if (down) kbd_spot_ = (kbd_spot_ + 1) % n;
        kbd_spot_ = std::clamp(kbd_spot_, 0, n - 1);
        if (enter) {
            const Status st = ws.move(selected_, spots[static_cast<size_t>(kbd_spot_)]);
            setError(st);
            changed = st.ok();
            kbd_moving_ = false;
        }
        return changed;
    }
    if (!order.empty()) {
        auto it = std::find(order.begin(), order.end(), selected_);
        size_t i = it == order.end() ? 0 : static_cast<size_t>(it - order.begin());
        if (up && i > 0) --i;
        if (down && i + 1 < order.size()) ++i;
        if (up || down) { selected_ = order[i]; scrollTo(layouts, selected_); }
    }
    if (enter && selected_.valid()) {
        const blocks::Block* b = ws.block(selected_);
        for (size_t k = 0; b && k < b->inputs.size(); ++k) {
            const InputKind kind = b->def->inputs[k].kind;
            if (b->inputs[k].block.valid() || kind == InputKind::Boolean || kind == InputKind::LoopVar) continue;
            for (const StackLayout& s : layouts)
                for (const BlockBox& box : s.boxes)
                    if (box.id == selected_)
                        for (const PartBox& p : box.parts)
                            if (p.input == static_cast<int>(k)) field_anchor_ = toScreen(p.x, p.y + p.h);
            openField(ws, selected_, static_cast<int>(k));
            break;
        }
    }
    if (del && selected_.valid()) {
        const BlockId next = ws.block(selected_) ? ws.block(selected_)->next : BlockId{};
        const BlockId parent = ws.block(selected_) ? ws.block(selected_)->parent : BlockId{};
        const Status st = ws.remove(selected_);
        setError(st);
        if (st.ok()) { changed = true; selected_ = next.valid() ? next : parent; }
    }
    return changed;
}

void BlockEditor::cleanUp(Workspace& ws) {
    if (!style_ || !tr_) { ws.cleanUp(); return; }
    ImFont* font = style_->font;
    const float fs = style_->font_size;
    const Translate& t = *tr_;
    const blocks::MeasureText measure = [font, fs](std::string_view s) { return font->CalcTextSizeA(fs, 1e9f, 0, s.data(), s.data() + s.size()).x; };
    const blocks::Translate tr = [&t](std::string_view k) { return t(k); };
    ws.cleanUp([&](BlockId top) { return blocks::layoutStack(ws, top, measure, tr, metrics_).h; }, 20, 20, 32);
    scroll_x_ = scroll_y_ = 0;
}

bool BlockEditor::draw(Workspace& ws, ImVec2 origin, ImVec2 size, const BlockEditorFrame& frame, const BlockEditorStyle& st,
                       const Translate& tr, WidgetRegistry* widgets) {
    style_ = &st;
    tr_ = &tr;
    bool changed = false;
    buildPalette(ws, tr);
    ImFont* font = st.font;
    const float fs = st.font_size;
    const blocks::MeasureText measure = [font, fs](std::string_view s) { return font->CalcTextSizeA(fs, 1e9f, 0, s.data(), s.data() + s.size()).x; };
    const blocks::Translate btr = [&tr](std::string_view k) { return tr(k); };
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse = io.MousePos;

    // ---- areas ----
    const float pal_w = std::clamp(size.x * 0.4f, 210.0f, 340.0f);
    {
        float maxw = 1;
        for (const StackLayout& L : palette_layouts_) maxw = std::max(maxw, L.w);
        // Readable first (as in Scratch's flyout): never below 0.78; a block longer than the
        // palette is cut at its edge and still recognised by the start of its phrase.
        pal_zoom_ = std::clamp((pal_w - kTabW - 20) / maxw, 0.78f, 0.9f);
    }
    if (!sized_) {  // a small editor (a phone in landscape) starts zoomed out
        sized_ = true;
        if (size.y < 240) zoom_ = 0.75f;
    }
    pal_min_ = origin;
    pal_max_ = ImVec2(origin.x + pal_w, origin.y + size.y);
    view_min_ = ImVec2(origin.x + pal_w, origin.y);
    view_max_ = ImVec2(origin.x + size.x, origin.y + size.y);
    addRect(widgets, "coding.palette", pal_min_, pal_max_);
    addRect(widgets, "coding.workspace", view_min_, view_max_);

    // one item for the whole editor: it owns the pointer while pressed (no window drag)
    ImGui::SetCursorScreenPos(origin);
    ImGui::InvisibleButton("##blockeditor", size);
    const bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    const bool pressed = ImGui::IsItemActivated();
    const bool held = ImGui::IsItemActive();
    const bool released = ImGui::IsItemDeactivated();

    // ---- layouts (workspace units) ----
    std::vector<StackLayout> layouts = blocks::layoutAll(ws, measure, btr, metrics_);
    if (reveal_selected_) {
        reveal_selected_ = false;
        scrollTo(layouts, selected_);
    }

    // ---- palette: category strip + blocks of the chosen category ----
    std::vector<std::string> cats;
    for (const std::string& t : palette_types_) {
        const BlockDef* d = blocks::findBlock(t);
        const std::string c = d ? blocks::categoryName(d->category) : "";
        if (std::find(cats.begin(), cats.end(), c) == cats.end()) cats.push_back(c);
    }
    if (std::find(cats.begin(), cats.end(), category_) == cats.end() && !cats.empty()) category_ = cats.front();
    dl->AddRectFilled(pal_min_, pal_max_, st.palette_bg);
    dl->AddLine(ImVec2(pal_max_.x, pal_min_.y), ImVec2(pal_max_.x, pal_max_.y), st.grid, 2.0f);
    // tabs stay inside the editor (on a phone in landscape they get shorter than 44 px)
    const float tab_h = cats.empty() ? 0 : std::min(size.y / static_cast<float>(cats.size()), 66.0f);
    std::vector<std::pair<ImVec2, ImVec2>> tab_rects;
    ImFont* small = font;
    const float small_fs = std::max(11.0f, fs * 0.62f);
    for (size_t i = 0; i < cats.size(); ++i) {
        const ImVec2 a(pal_min_.x, pal_min_.y + tab_h * static_cast<float>(i)), b(pal_min_.x + kTabW, a.y + tab_h);
        tab_rects.push_back({a, b});
        blocks::Category cat = blocks::Category::None;
        for (const std::string& t : palette_types_) {
            const BlockDef* d = blocks::findBlock(t);
            if (d && cats[i] == blocks::categoryName(d->category)) { cat = d->category; break; }
        }
        if (cats[i] == category_) dl->AddRectFilled(a, b, IM_COL32(220, 226, 240, 255));
        const float rad = std::min(12.0f, tab_h * 0.22f);
        dl->AddCircleFilled(ImVec2((a.x + b.x) * 0.5f, a.y + 6 + rad), rad, rgb(blocks::categoryColour(cat)), 20);
        dl->AddCircle(ImVec2((a.x + b.x) * 0.5f, a.y + 6 + rad), rad, rgb(blocks::categoryColour(cat), 1, 0.7f), 20, 1.5f);
        const std::string name = tr(blocks::categoryKey(cat));
        const ImVec2 ts = small->CalcTextSizeA(small_fs, 1e9f, 0, name.c_str());
        const float sx = std::min(1.0f, (kTabW - 4) / std::max(1.0f, ts.x));
        dl->AddText(small, small_fs * sx, ImVec2(a.x + (kTabW - ts.x * sx) * 0.5f, a.y + 8 + 2 * rad), st.text, name.c_str());
        addRect(widgets, "coding.cat." + cats[i], a, b);
    }
    const ImVec2 list_min(pal_min_.x + kTabW, pal_min_.y), list_max = pal_max_;
    dl->PushClipRect(list_min, list_max, true);
    // every allowed block in one list, a heading before each category; a tab scrolls to its own
    struct PalItem { size_t index; float y; };
    std::vector<PalItem> items;
    std::vector<std::pair<std::string, float>> headings;  // category, y (workspace units)
    float py = 6;
    std::string last_cat;
    for (size_t i = 0; i < palette_types_.size(); ++i) {
        const BlockDef* d = blocks::findBlock(palette_types_[i]);
        if (!d) continue;
        const std::string c = blocks::categoryName(d->category);
        if (c != last_cat) {
            headings.push_back({c, py});
            py += fs * 1.3f + 6;
            last_cat = c;
        }
        items.push_back({i, py + (d->shape == Shape::Hat ? metrics_.hat_h * 0.6f : 0)});
        py += palette_layouts_[i].h + (d->shape == Shape::Hat ? 24 + metrics_.hat_h * 0.6f : 16);
    }
    const float pal_content_h = (py + 40) * pal_zoom_;
    palette_scroll_ = std::clamp(palette_scroll_, 0.0f, std::max(0.0f, pal_content_h - (list_max.y - list_min.y)));
    for (const auto& [c, hy] : headings) {
        if (hy * pal_zoom_ <= palette_scroll_ + 8) category_ = c;
        blocks::Category cat = blocks::Category::None;
        for (const std::string& t : palette_types_) {
            const BlockDef* d = blocks::findBlock(t);
            if (d && c == blocks::categoryName(d->category)) { cat = d->category; break; }
        }
        const std::string name = tr(blocks::categoryKey(cat));
        dl->AddText(font, fs * pal_zoom_, ImVec2(list_min.x + 10, list_min.y + hy * pal_zoom_ - palette_scroll_), st.text_muted, name.c_str());
    }
    int pal_hover = -1;
    for (const PalItem& it : items) {
        const StackLayout& L = palette_layouts_[it.index];
        const ImVec2 off(list_min.x + 10, list_min.y + it.y * pal_zoom_ - palette_scroll_);
        const bool kbd_pick = kbd_palette_ && frame.keyboard && static_cast<size_t>(kbd_palette_index_) == it.index;
        const bool allowed = !frame.locked;
        drawStack(dl, palette_ws_, L, off, pal_zoom_, frame, allowed ? 1.0f : 0.5f, false, widgets, true);
        const ImVec2 a(off.x, off.y), b(off.x + L.w * pal_zoom_, off.y + L.h * pal_zoom_);
        if (kbd_pick) {
            dl->AddRect(ImVec2(a.x - 4, a.y - 4), ImVec2(b.x + 4, b.y + 4), IM_COL32(30, 90, 200, 255), 8, 0, 3);
            if (a.y < list_min.y) palette_scroll_ -= list_min.y - a.y + 8;
            if (b.y > list_max.y) palette_scroll_ += b.y - list_max.y + 8;
        }
        if (b.y > list_min.y && a.y < list_max.y)
            addRect(widgets, "coding.pal." + palette_types_[it.index], ImVec2(a.x, std::max(a.y, list_min.y)), ImVec2(std::min(b.x, list_max.x), std::min(b.y, list_max.y)));
        if (inRect(mouse, a, b) && inRect(mouse, list_min, list_max)) pal_hover = static_cast<int>(it.index);
    }
    dl->PopClipRect();

    // ---- workspace ----
    dl->PushClipRect(view_min_, view_max_, true);
    dl->AddRectFilled(view_min_, view_max_, st.canvas);
    {
        const float step = 40.0f * zoom_;
        const float gx0 = view_min_.x - std::fmod(scroll_x_ * zoom_, step) - (scroll_x_ < 0 ? step : 0);
        const float gy0 = view_min_.y - std::fmod(scroll_y_ * zoom_, step) - (scroll_y_ < 0 ? step : 0);
        for (float gx = gx0; gx < view_max_.x; gx += step)
            for (float gy = gy0; gy < view_max_.y; gy += step) dl->AddCircleFilled(ImVec2(gx, gy), 1.6f, st.grid, 4);
    }
    const ImVec2 ws_off(view_min_.x - scroll_x_ * zoom_, view_min_.y - scroll_y_ * zoom_);
    for (const StackLayout& s : layouts) {
        if (drag_ == Drag::Stack && s.top == drag_block_) continue;
        const bool ignored = std::find(frame.ignored.begin(), frame.ignored.end(), s.top) != frame.ignored.end();
        drawStack(dl, ws, s, ws_off, zoom_, frame, ignored ? 0.45f : 1.0f, true, widgets, false);
    }
    // keyboard move: show the chosen spot
    if (frame.keyboard && kbd_moving_) {
        int n = 0;
        for (const StackLayout& s : layouts)
            for (const blocks::DropSpot& sp : s.spots)
                if (ws.canMove(selected_, sp.target)) {
                    if (n++ == kbd_spot_) {
                        const ImVec2 a = toScreen(sp.x, sp.y);
                        dl->AddRectFilled(ImVec2(a.x, a.y - 3), ImVec2(a.x + 120 * zoom_, a.y + 3), IM_COL32(30, 90, 200, 255), 3);
                    }
                }
    }

    // ---- pointer ----
    const ImVec2 mws = toWorkspace(mouse);
    const bool in_view = inRect(mouse, view_min_, view_max_);
    const bool in_pal = inRect(mouse, pal_min_, pal_max_);
    // tool buttons (top-right of the workspace)
    const char* tools[5] = {"zoom_in", "zoom_out", "cleanup", "undo", "redo"};
    std::vector<std::pair<ImVec2, ImVec2>> tool_rects;
    {
        float tx = view_max_.x - 8 - kToolSize;
        const float ty = view_min_.y + 8;
        for (int i = 4; i >= 0; --i) {
            const ImVec2 a(tx, ty), b(tx + kToolSize, ty + kToolSize);
            tool_rects.insert(tool_rects.begin(), {a, b});
            tx -= kToolSize + 6;
        }
        for (int i = 0; i < 5; ++i) {
            const ImVec2 a = tool_rects[static_cast<size_t>(i)].first, b = tool_rects[static_cast<size_t>(i)].second;
            const bool enabled = !frame.locked && (i < 3 || (i == 3 ? ws.canUndo() : ws.canRedo()));
            dl->AddRectFilled(ImVec2(a.x, a.y + 2), ImVec2(b.x, b.y + 2), IM_COL32(0, 0, 0, 30), 10);
            dl->AddRectFilled(a, b, inRect(mouse, a, b) && enabled ? IM_COL32(232, 236, 246, 255) : st.surface, 10);
            dl->AddRect(a, b, IM_COL32(200, 204, 216, 255), 10, 0, 1.5f);
            const ImU32 ic = enabled ? st.text : IM_COL32(190, 190, 196, 255);
            const ImVec2 c((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
            if (i == 0 || i == 1) {
                dl->AddLine(ImVec2(c.x - 10, c.y), ImVec2(c.x + 10, c.y), ic, 3);
                if (i == 0) dl->AddLine(ImVec2(c.x, c.y - 10), ImVec2(c.x, c.y + 10), ic, 3);
            } else if (i == 2) {  // clean up: three bars
                for (int k = -1; k <= 1; ++k) dl->AddRectFilled(ImVec2(c.x - 10, c.y + k * 8 - 2.5f), ImVec2(c.x + (k == 0 ? 4 : 10), c.y + k * 8 + 2.5f), ic, 2);
            } else {  // undo / redo: a curved arrow
                const float sgn = i == 3 ? 1.0f : -1.0f;
                dl->PathArcTo(c, 9, i == 3 ? IM_PI * 1.1f : -IM_PI * 0.1f, i == 3 ? IM_PI * 2.1f : -IM_PI * 1.1f, 12);
                dl->PathStroke(ic, 0, 3);
                const ImVec2 tip(c.x - sgn * 9.5f, c.y - 3);
                dl->AddTriangleFilled(ImVec2(tip.x - 6, tip.y), ImVec2(tip.x + 6, tip.y), ImVec2(tip.x, tip.y + 8), ic);
            }
            addRect(widgets, std::string("coding.ws.") + tools[i], a, b);
        }
    }
    // block count
    if (!frame.count_text.empty()) {
        const ImVec2 ts = font->CalcTextSizeA(fs, 1e9f, 0, frame.count_text.c_str());
        const ImVec2 a(view_max_.x - ts.x - 24, view_max_.y - ts.y - 14);
        dl->AddRectFilled(a, ImVec2(a.x + ts.x + 16, a.y + ts.y + 8), frame.over_limit ? IM_COL32(255, 225, 225, 240) : IM_COL32(255, 255, 255, 230), 8);
        dl->AddText(font, fs, ImVec2(a.x + 8, a.y + 4), frame.over_limit ? st.danger : st.text_muted, frame.count_text.c_str());
        addRect(widgets, "coding.count", a, ImVec2(a.x + ts.x + 16, a.y + ts.y + 8));
    }

    if (pressed && !field_block_.valid()) {
        press_pos_ = mouse;
        press_block_ = {};
        press_field_ = -1;
        press_in_palette_ = in_pal;
        drag_ = Drag::Pending;
        int tool = -1;
        for (int i = 0; i < 5; ++i) if (inRect(mouse, tool_rects[static_cast<size_t>(i)].first, tool_rects[static_cast<size_t>(i)].second)) tool = i;
        for (size_t i = 0; i < tab_rects.size(); ++i) {
            if (inRect(mouse, tab_rects[i].first, tab_rects[i].second)) {
                category_ = cats[i];
                for (const auto& [c, hy] : headings)
                    if (c == cats[i]) palette_scroll_ = std::max(0.0f, hy * pal_zoom_ - 4);
                drag_ = Drag::None;
            }
        }
        if (tool >= 0) {
            drag_ = Drag::None;
            if (!frame.locked) {
                if (tool == 0) zoom_ = std::min(2.0f, zoom_ * 1.2f);
                if (tool == 1) zoom_ = std::max(0.5f, zoom_ / 1.2f);
                if (tool == 2) { cleanUp(ws); changed = true; }
                if (tool == 3 && ws.undo()) changed = true;
                if (tool == 4 && ws.redo()) changed = true;
            }
        } else if (drag_ == Drag::Pending && in_pal) {
            if (pal_hover >= 0) drag_type_ = palette_types_[static_cast<size_t>(pal_hover)];
            else drag_type_.clear();
            pal_scroll_start_ = palette_scroll_;
        } else if (drag_ == Drag::Pending && in_view) {
            int part = -1;
            press_block_ = blocks::hitTest(layouts, mws.x, mws.y, &part);
            press_field_ = part;
            pan_start_x_ = scroll_x_;
            pan_start_y_ = scroll_y_;
        }
    }
    if (held && drag_ == Drag::Pending) {
        const float dx = mouse.x - press_pos_.x, dy = mouse.y - press_pos_.y;
        if (dx * dx + dy * dy > kDragThreshold * kDragThreshold) {
            if (press_in_palette_) {
                if (!drag_type_.empty() && !frame.locked) {
                    drag_ = Drag::Palette;
                    // grab point inside the palette block, in workspace units
                    for (const PalItem& it : items) {
                        if (palette_types_[it.index] != drag_type_) continue;
                        const float bx = list_min.x + 10, by = list_min.y + it.y * pal_zoom_ - palette_scroll_;
                        grab_ = ImVec2((press_pos_.x - bx) / pal_zoom_, (press_pos_.y - by) / pal_zoom_);
                    }
                    // the dragged block's layout, from the palette copy
                    for (size_t i = 0; i < palette_types_.size(); ++i)
                        if (palette_types_[i] == drag_type_) drag_layout_ = palette_layouts_[i];
                } else {
                    drag_ = Drag::PaletteScroll;
                }
            } else if (press_block_.valid() && !frame.locked) {
                // take the block (and those below it) out as its own stack while dragging
                float bx = 0, by = 0;
                for (const StackLayout& s : layouts)
                    for (const BlockBox& box : s.boxes)
                        if (box.id == press_block_) { bx = box.x; by = box.y; }
                const ImVec2 pws = toWorkspace(press_pos_);
                grab_ = ImVec2(pws.x - bx, pws.y - by);
                drag_snapshot_ = ws;
                const blocks::Block* pb = ws.block(press_block_);
                Status st_move = Status::success();
                if (pb && pb->parent.valid()) st_move = ws.move(press_block_, Target::topLevel(bx, by));
                if (st_move.ok()) {
                    drag_ = Drag::Stack;
                    drag_block_ = press_block_;
                    selected_ = press_block_;
                    drag_layout_ = blocks::layoutStack(ws, drag_block_, measure, btr, metrics_);
                    layouts = blocks::layoutAll(ws, measure, btr, metrics_);
                } else {
                    ws = drag_snapshot_;
                    drag_ = Drag::None;
                }
            } else {
                drag_ = Drag::Pan;
            }
        }
    }
    if (held && drag_ == Drag::Pan) {
        scroll_x_ = pan_start_x_ - (mouse.x - press_pos_.x) / zoom_;
        scroll_y_ = pan_start_y_ - (mouse.y - press_pos_.y) / zoom_;
    }
    if (held && drag_ == Drag::PaletteScroll) palette_scroll_ = pal_scroll_start_ - (mouse.y - press_pos_.y);

    // the dragged blocks follow the pointer; the preview shows where they would snap
    blocks::DropSpot spot;
    if (drag_ == Drag::Palette || drag_ == Drag::Stack) {
        const float tx = mws.x - grab_.x, ty = mws.y - grab_.y;
        std::vector<StackLayout> others;
        for (const StackLayout& s : layouts) if (!(drag_ == Drag::Stack && s.top == drag_block_)) others.push_back(s);
        const BlockDef* pdef = drag_ == Drag::Palette ? blocks::findBlock(drag_type_) : nullptr;
        if (in_view) spot = blocks::nearestDrop(ws, others, drag_ == Drag::Stack ? drag_block_ : BlockId{}, pdef, tx, ty, metrics_);
        const BlockDef* def = pdef ? pdef : (ws.block(drag_block_) ? ws.block(drag_block_)->def : nullptr);
        if (spot.target.kind != Target::Kind::None && def) {
            const float gh = drag_layout_.boxes.empty() ? 40 : drag_layout_.boxes.front().row_h + (def->shape == Shape::Hat ? metrics_.hat_h : 0);
            const float gw = drag_layout_.boxes.empty() ? 100 : headerWidth(drag_layout_.boxes.front(), metrics_);
            drawGhost(dl, *def, spot.x, spot.y, gw, gh);
        }
        if (released) {
            if (drag_ == Drag::Stack) {
                ws = drag_snapshot_;
                drag_snapshot_ = Workspace();
                if (in_pal) {
                    setError(ws.removeStack(drag_block_));
                    selected_ = {};
                } else if (spot.target.kind != Target::Kind::None) {
                    setError(ws.move(drag_block_, spot.target));
                } else {
                    setError(ws.move(drag_block_, Target::topLevel(tx, ty)));
                }
                changed = true;
            } else if (in_view) {
                auto added = ws.add(drag_type_, spot.target.kind != Target::Kind::None ? spot.target : Target::topLevel(tx, ty));
                setError(added.status());
                if (added.ok()) { selected_ = added.value(); changed = true; }
            }
            drag_ = Drag::None;
        }
    }
    dl->PopClipRect();
    // dragged blocks on top of everything (palette included)
    if ((drag_ == Drag::Palette || drag_ == Drag::Stack) && held) {
        const ImVec2 off(mouse.x - (grab_.x + drag_layout_.x) * zoom_, mouse.y - (grab_.y + drag_layout_.y) * zoom_);
        ImDrawList* fg = ImGui::GetForegroundDrawList();
        drawStack(fg, drag_ == Drag::Palette ? palette_ws_ : ws, drag_layout_, off, zoom_, frame, in_pal && drag_ == Drag::Stack ? 0.5f : 0.92f,
                  false, nullptr, drag_ == Drag::Palette);
    }
    if (released && drag_ == Drag::Pending) {
        // a tap: select a block, open a field
        if (!press_in_palette_ && press_block_.valid()) {
            selected_ = press_block_;
            if (press_field_ >= 0 && !frame.locked) {
                for (const StackLayout& s : layouts)
                    for (const BlockBox& box : s.boxes)
                        if (box.id == press_block_)
                            for (const PartBox& p : box.parts)
                                if (p.input == press_field_) field_anchor_ = toScreen(p.x, p.y + p.h);
                openField(ws, press_block_, press_field_);
            }
        } else if (press_in_palette_ && !drag_type_.empty() && !frame.locked) {
            // a tap on a palette block adds it below the selected block (or the main script)
            const BlockDef* d = blocks::findBlock(drag_type_);
            Target t = Target::topLevel(scroll_x_ + 40, scroll_y_ + 40);
            BlockId after = selected_;
            if (!ws.block(after)) {
                after = {};
                if (!ws.stacks().empty()) {
                    const std::vector<BlockId> c = ws.chain(ws.stacks().front());
                    if (!c.empty()) after = c.back();
                }
            }
            if (d && d->isStatement() && after.valid() && ws.canPlace(*d, Target::after(after))) t = Target::after(after);
            auto added = ws.add(drag_type_, t);
            setError(added.status());
            if (added.ok()) { selected_ = added.value(); changed = true; reveal_selected_ = true; }
        }
        drag_ = Drag::None;
    }
    if (released || (!held && drag_ != Drag::None && drag_ != Drag::Pending)) {
        if (drag_ == Drag::Stack) { ws = drag_snapshot_; drag_snapshot_ = Workspace(); }
        drag_ = Drag::None;
    }
    if (!held && drag_ == Drag::Pending) drag_ = Drag::None;

    // wheel: scroll (ctrl: zoom)
    if (hovered && (io.MouseWheel != 0 || io.MouseWheelH != 0)) {
        if (in_view && io.KeyCtrl) {
            const ImVec2 before = toWorkspace(mouse);
            zoom_ = std::clamp(zoom_ * (io.MouseWheel > 0 ? 1.1f : 1 / 1.1f), 0.5f, 2.0f);
            scroll_x_ = before.x - (mouse.x - view_min_.x) / zoom_;
            scroll_y_ = before.y - (mouse.y - view_min_.y) / zoom_;
        } else if (in_view) {
            scroll_y_ -= io.MouseWheel * 60 / zoom_;
            scroll_x_ -= io.MouseWheelH * 60 / zoom_;
        } else if (in_pal) {
            palette_scroll_ -= io.MouseWheel * 60;
        }
    }
    // keep something in view
    {
        float max_x = 0, max_y = 0;
        for (const StackLayout& s : layouts) { max_x = std::max(max_x, s.x + s.w); max_y = std::max(max_y, s.y + s.h); }
        scroll_x_ = std::clamp(scroll_x_, -200.0f, std::max(0.0f, max_x - 60));
        scroll_y_ = std::clamp(scroll_y_, -200.0f, std::max(0.0f, max_y - 60));
    }

    if (frame.keyboard && !field_block_.valid() && !frame.locked) {
        if (handleKeyboard(ws, layouts)) changed = true;
    }
    if (drawFieldEditor(ws, st, tr, widgets)) changed = true;
    return changed;
}

}  // namespace sandyq::ui
