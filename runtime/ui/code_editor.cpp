#include "ui/code_editor.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "core/utf8.h"

namespace sandyq::ui {
namespace {

bool isIdentStart(char32_t c) { return c == '_' || text::isLetter(c); }
bool isIdentChar(char32_t c) { return isIdentStart(c) || (c >= '0' && c <= '9'); }

constexpr std::string_view kKeywords[] = {"and", "as", "assert", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "False", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "None", "nonlocal", "not", "or", "pass", "raise", "return", "True", "try", "while", "with", "yield"};
constexpr std::string_view kBuiltins[] = {"print", "input", "len", "range", "abs", "min", "max", "sum", "round",
    "int", "float", "str", "bool", "list", "tuple", "dict", "sorted", "reversed", "enumerate", "zip",
    "isinstance", "math", "random"};

template <size_t N>
bool contains(const std::string_view (&words)[N], std::string_view w) {
    for (auto k : words) if (k == w) return true;
    return false;
}

int resizeCallback(ImGuiInputTextCallbackData* data) {
    auto* st = static_cast<CodeEditorState*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        st->text.resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = st->text.data();
        return 0;
    }
    if (data->EventFlag != ImGuiInputTextFlags_CallbackAlways) return 0;
    // On-screen keys.
    if (!st->pending_insert.empty()) {
        data->InsertChars(data->CursorPos, st->pending_insert.c_str());
        st->pending_insert.clear();
        st->changed = true;
    }
    // Tab = 4 spaces (Python style); keeps the pupil's code free of tab/space mixes.
    for (int i = 0; i < data->BufTextLen; ++i) {
        if (data->Buf[i] == '\t') {
            data->DeleteChars(i, 1);
            data->InsertChars(i, "    ");
            st->changed = true;
        }
    }
    // Auto-indent: Enter keeps the previous line's indentation, +4 after a ':'.
    const size_t len = static_cast<size_t>(data->BufTextLen);
    if (len == st->last_length + 1 && data->CursorPos > 0 && data->Buf[data->CursorPos - 1] == '\n') {
        int start = data->CursorPos - 2;
        while (start >= 0 && data->Buf[start] != '\n') --start;
        const int line_begin = start + 1;
        int indent = 0;
        while (line_begin + indent < data->CursorPos - 1 && data->Buf[line_begin + indent] == ' ') ++indent;
        int last = data->CursorPos - 2;
        while (last >= line_begin && (data->Buf[last] == ' ' || data->Buf[last] == '\r')) --last;
        if (last >= line_begin && data->Buf[last] == ':') indent += 4;
        if (indent > 0) data->InsertChars(data->CursorPos, std::string(static_cast<size_t>(indent), ' ').c_str());
    }
    if (static_cast<size_t>(data->BufTextLen) != st->last_length) st->changed = true;
    st->last_length = static_cast<size_t>(data->BufTextLen);
    return 0;
}

}  // namespace

bool codeEditor(const char* id, CodeEditorState& st, ImVec2 size, ImFont* font, const CodeEditorColors& c) {
    st.changed = false;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(c.background));
    ImGui::BeginChild(id, size, true, ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PopStyleColor();
    ImGui::PushFont(font);
    const float line_h = ImGui::GetFontSize();
    const float adv = ImGui::CalcTextSize("M").x;
    // Lines and the longest line, in code points (a monospace font: columns are x positions).
    int lines = 1;
    size_t longest = 0, cur = 0;
    for (size_t i = 0; i < st.text.size(); i += text::decodeUtf8(st.text, i).length) {
        if (st.text[i] == '\n') { ++lines; longest = std::max(longest, cur); cur = 0; } else { ++cur; }
    }
    longest = std::max(longest, cur);
    const int digits = lines >= 1000 ? 4 : lines >= 100 ? 3 : 2;
    const float gutter = adv * static_cast<float>(digits) + 18.0f;
    const ImVec2 pad(8.0f, 6.0f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float avail_w = ImGui::GetContentRegionAvail().x;
    const float avail_h = ImGui::GetContentRegionAvail().y;
    const float text_w = std::max(avail_w - gutter, adv * static_cast<float>(longest + 6) + pad.x * 2);
    const float text_h = std::max(avail_h, line_h * static_cast<float>(lines + 1) + pad.y * 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float text_x = origin.x + gutter + pad.x;
    const float text_y = origin.y + pad.y;
    const auto lineY = [&](int line) { return text_y + line_h * static_cast<float>(line - 1); };

    // Under the text: running line and error line bands, the gutter and its numbers.
    const float right = origin.x + std::max(avail_w, gutter + text_w);
    if (st.error_line > 0) dl->AddRectFilled(ImVec2(origin.x, lineY(st.error_line)), ImVec2(right, lineY(st.error_line) + line_h), c.error_line);
    if (st.exec_line > 0) dl->AddRectFilled(ImVec2(origin.x, lineY(st.exec_line)), ImVec2(right, lineY(st.exec_line) + line_h), c.exec_line);
    dl->AddRectFilled(origin, ImVec2(origin.x + gutter - 6, origin.y + text_h), c.gutter);
    char num[16];
    for (int l = 1; l <= lines; ++l) {
        const int n = std::snprintf(num, sizeof num, "%d", l);
        dl->AddText(ImVec2(origin.x + gutter - 12 - adv * static_cast<float>(n), lineY(l)), c.gutter_text, num);
    }

    // The editable text itself, drawn transparent: the coloured copy is drawn on top.
    ImGui::SetCursorScreenPos(ImVec2(origin.x + gutter, origin.y));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, pad);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    if (st.want_focus) {
        ImGui::SetKeyboardFocusHere();
        st.want_focus = false;
    }
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_AllowTabInput | ImGuiInputTextFlags_CallbackResize |
                                ImGuiInputTextFlags_CallbackAlways | ImGuiInputTextFlags_NoHorizontalScroll;
    if (st.read_only) flags |= ImGuiInputTextFlags_ReadOnly;
    if (st.last_length != st.text.size() && !st.changed) st.last_length = st.text.size();
    ImGui::InputTextMultiline("##code", st.text.data(), st.text.capacity() + 1, ImVec2(text_w, text_h), flags, resizeCallback, &st);
    const ImGuiID input_id = ImGui::GetItemID();
    const bool active = ImGui::IsItemActive();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);

    // Colouring: a small Python tokenizer, line by line.
    const std::string& t = st.text;
    int line = 1;
    size_t col = 0;
    size_t i = 0;
    const auto emit = [&](size_t from, size_t to, size_t at_col, ImU32 color) {
        dl->AddText(font, ImGui::GetFontSize(), ImVec2(text_x + adv * static_cast<float>(at_col), lineY(line)), color,
                    t.data() + from, t.data() + to);
    };
    while (i < t.size()) {
        const text::Decoded d = text::decodeUtf8(t, i);
        const char32_t ch = d.cp;
        if (ch == '\n') { ++line; col = 0; ++i; continue; }
        size_t j = i, ncols = 0;
        ImU32 color = c.text;
        if (ch == '#') {
            while (j < t.size() && t[j] != '\n') { j += text::decodeUtf8(t, j).length; ++ncols; }
            color = c.comment;
        } else if (ch == '"' || ch == '\'') {
            const char q = static_cast<char>(ch);
            j += 1; ncols = 1;
            while (j < t.size() && t[j] != '\n') {
                const bool end = t[j] == q;
                const bool esc = t[j] == '\\';
                j += text::decodeUtf8(t, j).length; ++ncols;
                if (esc && j < t.size() && t[j] != '\n') { j += text::decodeUtf8(t, j).length; ++ncols; }
                else if (end) break;
            }
            color = c.string;
        } else if (ch >= '0' && ch <= '9') {
            while (j < t.size() && (std::isalnum(static_cast<unsigned char>(t[j])) || t[j] == '.' || t[j] == '_')) { ++j; ++ncols; }
            color = c.number;
        } else if (isIdentStart(ch)) {
            while (j < t.size()) {
                const text::Decoded e = text::decodeUtf8(t, j);
                if (!isIdentChar(e.cp)) break;
                j += e.length; ++ncols;
            }
            const std::string_view w(t.data() + i, j - i);
            color = contains(kKeywords, w) ? c.keyword : contains(kBuiltins, w) ? c.builtin : c.text;
        } else {
            j += d.length; ncols = 1;
        }
        if (ch != ' ') emit(i, j, col, color);
        col += ncols;
        i = j;
    }

    // Caret (the real one is drawn in the transparent text colour).
    if (active) {
        if (ImGuiInputTextState* s = ImGui::GetInputTextState(input_id)) {
            int cl = 1, cc = 0;
            for (int k = 0; k < s->Stb.cursor && k < s->CurLenW; ++k) {
                if (s->TextW[k] == '\n') { ++cl; cc = 0; } else { ++cc; }
            }
            const bool blink = std::fmod(ImGui::GetTime(), 1.0) < 0.6;
            if (blink || s->CursorAnim < 0.2f) {
                const float x = text_x + adv * static_cast<float>(cc);
                dl->AddRectFilled(ImVec2(x - 1, lineY(cl)), ImVec2(x + 1.5f, lineY(cl) + line_h), c.caret);
            }
        }
    }
    ImGui::PopFont();
    ImGui::EndChild();
    return active;
}

}  // namespace sandyq::ui
