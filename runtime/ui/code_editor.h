// ui/code_editor.h — the Python-style code editor widget: line numbers, syntax colouring,
// auto-indent after ':', Tab = 4 spaces, undo (ImGui's), the running line and the error line
// highlighted, text inserted from an on-screen key row.
// Depends on: ImGui (+ imgui_internal for the caret). Ownership: the caller owns the state.
// Built on InputTextMultiline sized to its content inside our own scrolling child, so the
// colouring overlay and the gutter share one coordinate system.
#pragma once

#include <imgui.h>

#include <string>

namespace sandyq::ui {

struct CodeEditorState {
    std::string text;
    int exec_line = 0;             // 1-based line being run (0 = none)
    int error_line = 0;            // 1-based line of the error (0 = none)
    std::string pending_insert;    // inserted at the caret on the next frame (on-screen keys)
    bool read_only = false;
    bool changed = false;          // set when the user edited the text this frame
    // internal
    size_t last_length = 0;
    bool want_focus = false;
};

struct CodeEditorColors {
    ImU32 background, gutter, gutter_text, text, keyword, builtin, string, number, comment,
        exec_line, error_line, caret;
};

// Draws the editor filling `size`; returns true while it has keyboard focus.
bool codeEditor(const char* id, CodeEditorState& state, ImVec2 size, ImFont* font, const CodeEditorColors& colors);

}  // namespace sandyq::ui
