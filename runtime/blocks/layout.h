// blocks/layout.h — a pure layout of block stacks for the editor: block and input rectangles
// from label text widths the UI supplies, hit testing, and the drop spots for snapping.
// Depends on: blocks/workspace.h. Core layer (no ImGui: the UI passes a text-measuring callback
// and a translator, and draws the boxes with its own shapes and colours).
// Ownership: a StackLayout is a value computed from a Workspace; it is stale after any edit.
// Errors: none; unknown ids give empty layouts.
//
// Coordinates are workspace units (the editor applies zoom and scroll). Boxes are listed outer
// before inner in drawing order, so hitTest searches them backwards (innermost wins).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "blocks/workspace.h"

namespace sandyq::blocks {

struct LayoutMetrics {
    float pad_x = 8;           // inside a block, left and right
    float pad_y = 6;           // inside a block, above and below its row
    float gap = 6;             // between label pieces and inputs
    float row_min_h = 40;      // a statement's row (touch-sized)
    float input_h = 28;        // a literal field
    float input_min_w = 32;
    float input_pad_x = 8;
    float value_pad_y = 3;     // around inputs inside reporters
    float hat_h = 18;          // the rounded cap of a hat block
    float arm_w = 16;          // the left arm of a C-block
    float branch_min_h = 24;   // an empty C mouth
    float bottom_h = 20;       // the bottom arm of a C-block
    float snap_radius = 40;    // how near a drop spot must be
};

// The UI's text width in workspace units, and its translator (catalogue key → text).
using MeasureText = std::function<float(std::string_view text)>;
using Translate = std::function<std::string(std::string_view key)>;

struct PartBox {
    enum class Kind : uint8_t { None = 0, Text, Field, Slot };  // Slot: holds a block
    Kind kind = Kind::None;
    float x = 0, y = 0, w = 0, h = 0;
    int input = -1;             // Field/Slot: index into the block's inputs
    std::string text;           // Text: label piece; Field: what the field shows
};

struct BlockBox {
    BlockId id;
    float x = 0, y = 0, w = 0, h = 0;  // the whole block including its branches
    float row_h = 0;                   // the header row (below the hat cap, if any)
    std::vector<PartBox> parts;        // header row (and the "else" label of if/else)
    std::vector<float> branch_y;       // top of each branch mouth (absolute)
};

struct DropSpot {
    Target target;              // pass to Workspace::move/add
    float x = 0, y = 0;         // where the dragged block's top-left should be to snap here
                                // (Above: where the dragged chain's BOTTOM-left should be)
};

struct StackLayout {
    BlockId top;
    float x = 0, y = 0, w = 0, h = 0;
    std::vector<BlockBox> boxes;
    std::vector<DropSpot> spots;  // statement spots (after/branch/above) and input slots
};

StackLayout layoutStack(const Workspace& ws, BlockId top, const MeasureText& measure, const Translate& tr,
                        const LayoutMetrics& m = {});
std::vector<StackLayout> layoutAll(const Workspace& ws, const MeasureText& measure, const Translate& tr,
                                   const LayoutMetrics& m = {});

// The innermost block under a point (invalid when none); `part` gets the input index of a
// field under the point, or -1.
BlockId hitTest(const std::vector<StackLayout>& layouts, float x, float y, int* part = nullptr);

// The nearest spot where `moving` (already in the workspace, or a palette block's def when
// moving is invalid) can be dropped with its top-left at (x, y) and its chain `moving_height`
// tall; Target::Kind::None if none within snap_radius (then the drop makes a new stack).
DropSpot nearestDrop(const Workspace& ws, const std::vector<StackLayout>& layouts, BlockId moving,
                     const BlockDef* palette_def, float x, float y, const LayoutMetrics& m = {},
                     float moving_height = 0);

}  // namespace sandyq::blocks
