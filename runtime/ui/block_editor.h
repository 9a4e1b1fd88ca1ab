// ui/block_editor.h — the Scratch-like block editor widget (Dear ImGui draw lists): a palette
// with category tabs (only the step's allowed blocks), drag from the palette, snapping with an
// insertion preview, dragging whole stacks, drop on the palette to delete, number fields with an
// on-screen number pad, dropdowns, zoom and scroll, clean-up, undo/redo, the running block
// highlighted and an error badge on the faulty block, and keyboard use (select, move, insert
// from the palette, edit a field).
// Depends on: ImGui, blocks (workspace, layout), ui/widget_registry.h. No SDL.
// Ownership: the caller owns the Workspace (the editor edits it in place); BlockEditor keeps only
// view state (scroll, zoom, the drag under way, the open number pad).
// Errors: an edit the workspace refuses (max blocks, a block that does not fit) is reported via
// lastError() (a "blocks.err.*" key) and changes nothing.
//
// Test API rectangles (WidgetRegistry, CSS px): "coding.palette", "coding.workspace",
// "coding.pal.<type>" (each palette block), "coding.blk.<id>" (each block's header row),
// "coding.fld.<id>.<input>" (its fields), "coding.cat.<category>", "coding.ws.<tool>"
// (zoom_in zoom_out cleanup undo redo), "coding.pad.<key>" (number pad: 0-9 minus dot back ok),
// "coding.opt.<i>" (dropdown options).
#pragma once

#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

#include "blocks/layout.h"
#include "blocks/workspace.h"
#include "ui/widget_registry.h"

namespace sandyq::ui {

struct BlockEditorStyle {
    ImFont* font = nullptr;        // labels (the body font)
    float font_size = 18;          // label size in workspace units (× zoom on screen)
    bool high_contrast = false;
    ImU32 canvas = IM_COL32(249, 249, 252, 255);
    ImU32 grid = IM_COL32(228, 230, 238, 255);
    ImU32 palette_bg = IM_COL32(238, 240, 246, 255);
    ImU32 text = IM_COL32(40, 40, 50, 255);
    ImU32 text_muted = IM_COL32(110, 110, 120, 255);
    ImU32 accent = IM_COL32(255, 191, 0, 255);   // the running block, keyboard selection
    ImU32 danger = IM_COL32(220, 50, 50, 255);
    ImU32 surface = IM_COL32(255, 255, 255, 255);
};

// What the caller knows about the run this frame.
struct BlockEditorFrame {
    blocks::BlockId running;                    // highlighted
    blocks::BlockId error;                      // red badge
    std::vector<blocks::BlockId> ignored;       // loose stacks that do not run (greyed)
    bool locked = false;                        // a run is under way: no edits
    bool keyboard = false;                      // the focus ring is on the editor: arrows edit
    std::string count_text;                     // "3 / 5" shown in the workspace corner
    bool over_limit = false;
};

class BlockEditor {
public:
    using Translate = std::function<std::string(std::string_view key)>;

    // Draws the editor in [origin, origin + size] (screen px). Returns true when the workspace
    // changed this frame (the caller recompiles the live text).
    bool draw(blocks::Workspace& ws, ImVec2 origin, ImVec2 size, const BlockEditorFrame& frame,
              const BlockEditorStyle& style, const Translate& tr, WidgetRegistry* widgets);

    // Forgets view state (a new step): scroll to the top-left, zoom 1, no drag, no selection.
    void reset();
    void cleanUp(blocks::Workspace& ws);
    float zoom() const { return zoom_; }
    blocks::BlockId selected() const { return selected_; }
    // The last edit the workspace refused ("blocks.err.*"), cleared by the next successful edit.
    const std::string& lastError() const { return last_error_; }
    bool dragging() const { return drag_ != Drag::None; }
    bool editingField() const { return field_block_.valid(); }

private:
    enum class Drag : uint8_t { None = 0, Pending, Palette, Stack, Pan, PaletteScroll };

    void buildPalette(const blocks::Workspace& ws, const Translate& tr);
    ImVec2 toScreen(float x, float y) const;
    ImVec2 toWorkspace(ImVec2 screen) const;
    void drawStack(ImDrawList* dl, const blocks::Workspace& ws, const blocks::StackLayout& s, ImVec2 offset, float zoom,
                   const BlockEditorFrame& frame, float alpha, bool register_rects, WidgetRegistry* widgets, bool palette);
    void drawBlock(ImDrawList* dl, const blocks::Workspace& ws, const blocks::BlockBox& box, bool stack_top, ImVec2 offset,
                   float zoom, const BlockEditorFrame& frame, float alpha, bool register_rects, WidgetRegistry* widgets,
                   bool palette);
    void drawGhost(ImDrawList* dl, const blocks::BlockDef& def, float x, float y, float w, float h);
    bool handleKeyboard(blocks::Workspace& ws, const std::vector<blocks::StackLayout>& layouts);
    bool drawFieldEditor(blocks::Workspace& ws, const BlockEditorStyle& style, const Translate& tr, WidgetRegistry* widgets);
    void openField(const blocks::Workspace& ws, blocks::BlockId b, int input);
    void setError(const Status& st);
    void scrollTo(const std::vector<blocks::StackLayout>& layouts, blocks::BlockId b);

    // view
    float zoom_ = 1.0f;
    bool sized_ = false;
    bool reveal_selected_ = false;        // scroll the selected block into view next frame                  // the first draw chose the zoom for the editor's size
    float scroll_x_ = 0, scroll_y_ = 0;   // workspace units at the view's top-left
    float palette_scroll_ = 0;
    float pal_zoom_ = 0.9f;               // the palette's scale (fits its widest block)
    ImVec2 view_min_{}, view_max_{};      // workspace view on screen
    ImVec2 pal_min_{}, pal_max_{};        // palette on screen
    std::string category_;                // palette tab ("" = first)
    const BlockEditorStyle* style_ = nullptr;
    const Translate* tr_ = nullptr;
    blocks::LayoutMetrics metrics_;

    // palette: one block of each allowed type, laid out in a column
    blocks::Workspace palette_ws_;
    std::vector<blocks::StackLayout> palette_layouts_;
    std::vector<std::string> palette_types_;  // parallel to palette_layouts_
    std::string palette_key_;                 // what it was built for

    // drag
    Drag drag_ = Drag::None;
    ImVec2 press_pos_{};
    ImVec2 grab_{};                       // pointer − block top-left, workspace units
    blocks::BlockId drag_block_;          // Stack: the block being dragged
    std::string drag_type_;               // Palette: the block type
    blocks::Workspace drag_snapshot_;     // the workspace before a Stack drag took the block out
    blocks::StackLayout drag_layout_;     // the dragged blocks at the pointer
    blocks::BlockId press_block_;
    int press_field_ = -1;
    bool press_in_palette_ = false;
    float pan_start_x_ = 0, pan_start_y_ = 0, pal_scroll_start_ = 0;

    // selection and keyboard
    blocks::BlockId selected_;
    bool kbd_palette_ = false;            // Up/Down choose a palette block, Enter inserts it
    int kbd_palette_index_ = 0;
    bool kbd_moving_ = false;             // Up/Down choose where the selected block goes
    int kbd_spot_ = 0;

    // field editing (number pad / dropdown / text)
    blocks::BlockId field_block_;
    int field_input_ = -1;
    std::string field_text_;
    ImVec2 field_anchor_{};
    bool field_fresh_ = true;             // the first key replaces the old value

    std::string last_error_;
};

}  // namespace sandyq::ui
