// ui/app_ui_pin.cpp — picture PINs for grades 1–2 and the teacher's pupil card:
//  - home screen: a pupil with a picture PIN taps their name, then their 3 or 4 pictures in order
//    (big pictures, drawn by ui/pin_pictures); a wrong try gets a gentle word and another try,
//    and after five wrong tries in a row a short pause (progress::PinGuard), never a lock-out;
//  - teacher area: a card per pupil to set, change or remove the picture PIN (stored salted and
//    hashed by progress::ProgressStore, like the teacher PIN) and to erase the pupil's progress
//    (with a confirmation that says how many records go).
// Sections: picture grid · pupil's PIN entry · teacher's pupil card
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <random>

#include "ui/app_ui.h"
#include "ui/icons.h"
#include "ui/pin_pictures.h"

namespace sandyq::ui {

namespace {

float textW(ImFont* f, const std::string& s) { return f->CalcTextSizeA(f->FontSize * f->Scale, FLT_MAX, 0, s.c_str()).x; }
float fontPx(ImFont* f) { return f->FontSize * f->Scale; }
int64_t nowMs() { return static_cast<int64_t>(ImGui::GetTime() * 1000.0); }

std::string randomPinSalt() {
    std::random_device rd;
    std::string salt;
    for (int i = 0; i < 16; ++i) salt += static_cast<char>(rd() & 0xFF);
    return salt;
}

}  // namespace

// ---- picture grid ----------------------------------------------------------------------------------
// All pictures as big square buttons "<prefix>.<i>", 4 per row (3 on a narrow card), each with
// its name under it. Returns true and sets *tapped when one was pressed (only when enabled).
bool AppUi::pinPictureGrid(const char* prefix, float w, bool enabled, int* tapped) {
    const Palette& p = palette(settings_.high_contrast);
    const float gap = 10.0f;
    const int cols = w >= 360 ? 4 : 3;
    const float cell = std::min(std::floor((w - gap * (cols - 1)) / cols), 132.0f);
    const float caption = fontPx(fonts_.body) * 0.8f;
    const float cell_h = cell + caption + 8;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float x0 = start.x + (w - (cell * cols + gap * (cols - 1))) * 0.5f;
    float y = start.y;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    bool pressed_any = false;
    for (int i = 0; i < kPinPictureCount; ++i) {
        const int col = i % cols;
        if (i > 0 && col == 0) y += cell_h + gap;
        const ImVec2 a(x0 + col * (cell + gap), y);
        ImGui::SetCursorScreenPos(a);
        const std::string id = std::string(prefix) + "." + std::to_string(i);
        ImGui::PushID(id.c_str());
        const bool pressed = ImGui::InvisibleButton("##pic", ImVec2(cell, cell_h)) && enabled && !dragging_;
        const bool hovered = ImGui::IsItemHovered(), held = ImGui::IsItemActive();
        ImGui::PopID();
        const ImVec2 b(a.x + cell, a.y + cell_h);
        const float r = 14.0f;
        if (!settings_.high_contrast) dl->AddRectFilled(ImVec2(a.x, a.y + 3), ImVec2(b.x, b.y + 3), p.shadow, r);
        const ImU32 bg = settings_.high_contrast ? p.background
                         : held && enabled       ? IM_COL32(255, 236, 200, 255)
                         : hovered && enabled    ? IM_COL32(255, 246, 228, 255)
                                                 : IM_COL32(255, 252, 244, 255);
        dl->AddRectFilled(a, b, bg, r);
        dl->AddRect(a, b, settings_.high_contrast ? p.text : p.surface_border, r, 0, settings_.high_contrast ? 2.0f : 1.0f);
        (screen_ == Screen::Settings ? focus_order_modal_ : focus_order_).push_back(id);
        const bool kbd_focused = kbd_visible_ && kbd_focus_ == id;
        if (kbd_focused) dl->AddRect(ImVec2(a.x - 4, a.y - 4), ImVec2(b.x + 4, b.y + 4), p.accent, r + 4, 0, 3.5f);
        const float pic = cell * 0.78f;
        drawPinPicture(dl, i, ImVec2(a.x + (cell - pic) * 0.5f, a.y + cell * 0.06f), pic);
        const std::string name = tr_.tr(pinPictureKey(i));
        const float nw = fonts_.body->CalcTextSizeA(caption, FLT_MAX, 0, name.c_str()).x;
        dl->AddText(fonts_.body, caption, ImVec2(a.x + (cell - nw) * 0.5f, a.y + cell * 0.88f), enabled ? p.text : p.text_muted, name.c_str());
        if (!enabled) dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, 120), r);
        if (hovered) ImGui::SetTooltip("%s", name.c_str());
        widgets_.add(id, Rect{a.x, a.y, cell, cell_h});
        const bool key = enabled && kbd_focused &&
                         (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false));
        if ((pressed || key) && !pressed_any) {
            pressed_any = true;
            *tapped = i;
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, y + cell_h + gap));
    ImGui::Dummy(ImVec2(w, 1));
    return pressed_any;
}

// ---- pupil's PIN entry (home screen) -------------------------------------------------------------
void AppUi::pickPupil(progress::PupilId id) {
    if (db_ && db_->data().hasPicturePin(id)) {
        tools_.pin.pupil = id.value;
        tools_.pin.taps.clear();
        tools_.pin.message_key.clear();
        return;
    }
    choosePupil(id);
}

void AppUi::drawPinEntry(float w) {
    const Palette& p = palette(settings_.high_contrast);
    PinEntryState& st = tools_.pin;
    const progress::Pupil* pu = db_ ? db_->data().findPupil(progress::PupilId{st.pupil}) : nullptr;
    if (pu == nullptr || !db_->data().hasPicturePin(pu->id)) {  // removed, or the PIN was reset meanwhile
        const uint32_t id = pu ? pu->id.value : 0;
        st = PinEntryState{{}, {}, {}, std::move(st.guards)};
        if (id) choosePupil(progress::PupilId{id});
        return;
    }
    progress::PinGuard& guard = st.guards[st.pupil];
    const int64_t wait = guard.waitMs(nowMs());
    if (st.message_key == "pin.wait" && wait == 0) st.message_key = "pin.again";
    centeredWrapped(fonts_.heading, tr_.tr("pin.hello", {{"name", pu->display_name}}), p.text, w);
    registerItem("pin.title");
    centeredWrapped(fonts_.body, tr_.tr("pin.ask"), p.text_muted, w);
    // Four places for the pictures tapped so far (the PIN may be 3 or 4 long).
    {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float r = 11.0f, gap = 18.0f;
        const float x0 = pos.x + (w - (4 * r * 2 + 3 * gap)) * 0.5f;
        for (int i = 0; i < 4; ++i) {
            const ImVec2 c(x0 + r + i * (2 * r + gap), pos.y + r + 4);
            if (i < static_cast<int>(st.taps.size())) dl->AddCircleFilled(c, r, p.primary, 20);
            else dl->AddCircle(c, r, p.text_muted, 20, 2.0f);
        }
        ImGui::Dummy(ImVec2(w, r * 2 + 12));
        widgets_.add("pin.dots", Rect{x0, pos.y, 4 * r * 2 + 3 * gap, r * 2 + 8});
    }
    if (!st.message_key.empty()) {
        const std::string msg = st.message_key == "pin.wait"
                                    ? tr_.tr("pin.wait", {{"seconds", static_cast<int64_t>((wait + 999) / 1000)}})
                                    : tr_.tr(st.message_key);
        centeredWrapped(fonts_.body, msg, st.message_key == "pin.again" ? p.text : p.warning, w);
        registerItem("pin.message");
    }
    ImGui::Dummy(ImVec2(w, 4));
    int tapped = -1;
    if (pinPictureGrid("pin.pic", w, wait == 0, &tapped) && tapped >= 0 && st.taps.size() < 4) {
        st.taps.push_back(static_cast<uint8_t>(tapped));
        if (st.taps.size() >= 3 && db_->data().checkPicturePin(pu->id, st.taps)) {
            guard.rightTry();
            const progress::PupilId id = pu->id;
            st = PinEntryState{{}, {}, {}, std::move(st.guards)};
            ImGui::SetScrollY(0);
            choosePupil(id);
            return;
        }
        if (st.taps.size() == 4) {  // not the PIN at 3 pictures nor at 4: a wrong try
            guard.wrongTry(nowMs());
            st.taps.clear();
            st.message_key = guard.waitMs(nowMs()) > 0 ? "pin.wait" : "pin.wrong";
            showMessage(st.message_key, tr_.tr("pin.wrong"));
        } else if (st.message_key != "pin.wait") {
            st.message_key.clear();
        }
    }
    // Undo the last picture, hear the instruction, or go back to the names.
    const float fs = fontPx(fonts_.body), pad = ImGui::GetStyle().FramePadding.x;
    const auto bw = [&](const std::string& s, bool icon) { return textW(fonts_.body, s) + pad * 2 + (icon ? fs * 1.15f + 10 : 0); };
    const std::string undo = tr_.tr("pin.undo"), listen = tr_.tr("speech.read_aloud"), back = tr_.tr("pin.not_me");
    float total = bw(undo, true) + bw(listen, true) + bw(back, false) + 16;
    const bool listen_label = total <= w;  // on a narrow card the speaker alone says it
    if (!listen_label) total -= bw(listen, true) - bw("", true) + 10;
    if (total <= w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (w - total) * 0.5f);
    if (button("pin.undo", undo, ImVec2(bw(undo, true), 0), false, kIconBack) && !st.taps.empty()) st.taps.pop_back();
    ImGui::SameLine(0, 8);
    if (total > w) ImGui::NewLine();
    const bool has_voice = !services_.speechVoice(settings_.lang).empty();
    const std::string listen_shown = listen_label ? listen : std::string();
    if (button("pin.listen", listen_shown, ImVec2(listen_label ? bw(listen, true) : bw("", true) - 10, 0), false,
               has_voice ? kIconSpeaker : kIconSpeakerOff)) {
        if (!services_.speak(tr_.tr("pin.hello", {{"name", pu->display_name}}) + " " + tr_.tr("pin.ask"), settings_.lang)) {
            showMessage("speech.no_voice", tr_.tr("speech.no_voice"));
        }
    }
    ImGui::SameLine(0, 8);
    if (total > w) ImGui::NewLine();
    if (button("pin.not_me", back, ImVec2(bw(back, false), 0))) {
        st = PinEntryState{{}, {}, {}, std::move(st.guards)};
        ImGui::SetScrollY(0);  // the names again, from the top
    }
}

// ---- teacher's pupil card ------------------------------------------------------------------------
void AppUi::drawTeacherPupilCard(float w) {
    const Palette& p = palette(settings_.high_contrast);
    PupilCardState& card = tools_.card;
    progress::ProgressStore& store = db_->data();
    const progress::Pupil* pu = store.findPupil(progress::PupilId{card.pupil});
    if (pu == nullptr) {
        card = PupilCardState{};
        return;
    }
    const progress::PupilId id = pu->id;
    const float fs = fontPx(fonts_.body), pad = ImGui::GetStyle().FramePadding.x;
    const float btn_h = std::max(kMinTouchTarget, fs + ImGui::GetStyle().FramePadding.y * 2);
    const auto bw = [&](const std::string& s) { return textW(fonts_.body, s) + pad * 2; };
    const float inner = w - 28;
    // A framed card: background in channel 0 once the height is known.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImDrawListSplitter split;
    split.Split(dl, 2);
    split.SetCurrentChannel(dl, 1);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(top.x + 14, top.y + 12));
    ImGui::BeginGroup();
    const auto flow = [&](const char* bid, const std::string& label, bool primary) {
        const float x = ImGui::GetCursorScreenPos().x;
        if (x > top.x + 15 && x + bw(label) > top.x + w - 14) ImGui::NewLine();
        const bool r = button(bid, label, ImVec2(bw(label), btn_h), primary);
        ImGui::SameLine(0, 8);
        return r;
    };
    const auto report = [&](const Status& st, const std::string& ok_text) {
        if (st.ok()) {
            saveProgress();
            card.message = ok_text;
            card.message_ok = true;
        } else {
            card.message = tr_.tr(st.message_key, {{"where", st.where}});
            card.message_ok = false;
        }
    };
    richText(pu->display_name, inner, p.text, fonts_.heading);
    const bool has_pin = store.hasPicturePin(id);
    richText(tr_.tr(has_pin ? "card.pin_on" : "card.pin_off"), inner, p.text_muted);
    registerItem("card.pin_state");
    if (!card.setting_pin) {
        if (flow("card.pin_set", tr_.tr(has_pin ? "card.pin_change" : "card.pin_new"), true)) {
            card.setting_pin = true;
            card.pictures.clear();
            card.message.clear();
            card.confirm_erase = false;
        }
        if (has_pin && flow("card.pin_remove", tr_.tr("card.pin_remove"), false)) {
            report(store.clearPicturePin(id), tr_.tr("card.pin_removed"));
        }
        const size_t records = store.recordsOf(id).size();
        if (!card.confirm_erase) {
            if (flow("card.erase", tr_.tr("card.erase"), false)) {
                card.confirm_erase = true;
                card.message.clear();
            }
        }
        if (flow("card.close", tr_.tr("card.close"), false)) card = PupilCardState{};
        ImGui::NewLine();
        if (card.confirm_erase) {
            richText(tr_.tr("card.erase_ask", {{"name", pu->display_name}, {"n", static_cast<int64_t>(records)}}), inner, p.danger);
            if (flow("card.erase_sure", tr_.tr("card.erase_sure"), true)) {
                report(store.eraseProgress(id), tr_.tr("card.erased"));
                card.confirm_erase = false;
                if (pupil_.value == id.value) choosePupil(id);  // the map forgets the marks too
            }
            if (flow("card.erase_cancel", tr_.tr("card.cancel"), false)) card.confirm_erase = false;
            ImGui::NewLine();
        }
    } else {
        richText(tr_.tr("card.pin_hint"), inner, p.text_muted);
        // The pictures chosen so far, small, in order.
        std::string names;
        {
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            const float s = std::max(40.0f, fs * 1.8f);
            for (size_t i = 0; i < 4; ++i) {
                const ImVec2 a(pos.x + static_cast<float>(i) * (s + 10), pos.y);
                dl->AddRect(a, ImVec2(a.x + s, a.y + s), p.surface_border, 8, 0, 1.5f);
                if (i < card.pictures.size()) {
                    drawPinPicture(dl, card.pictures[i], ImVec2(a.x + 4, a.y + 4), s - 8);
                    names += (names.empty() ? "" : ", ") + tr_.tr(pinPictureKey(card.pictures[i]));
                }
            }
            ImGui::Dummy(ImVec2(4 * (s + 10), s + 6));
            widgets_.add("card.pin_chosen", Rect{pos.x, pos.y, 4 * (s + 10), s});
        }
        int tapped = -1;
        if (pinPictureGrid("card.pic", inner, card.pictures.size() < 4, &tapped) && tapped >= 0 && card.pictures.size() < 4) {
            card.pictures.push_back(static_cast<uint8_t>(tapped));
        }
        const bool ready = card.pictures.size() >= 3;
        ImGui::BeginDisabled(!ready);
        if (flow("card.pin_save", tr_.tr("card.pin_save"), true) && ready) {
            report(store.setPicturePin(id, card.pictures, randomPinSalt()), tr_.tr("card.pin_saved", {{"pictures", names}}));
            if (card.message_ok) {
                card.setting_pin = false;
                card.pictures.clear();
            }
        }
        ImGui::EndDisabled();
        if (flow("card.pin_again", tr_.tr("card.pin_again"), false)) card.pictures.clear();
        if (flow("card.pin_cancel", tr_.tr("card.cancel"), false)) {
            card.setting_pin = false;
            card.pictures.clear();
        }
        ImGui::NewLine();
    }
    if (!card.message.empty()) {
        richText(card.message, inner, card.message_ok ? p.ok : p.danger);
        registerItem("card.message");
    }
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + 12;
    split.SetCurrentChannel(dl, 0);
    dl->AddRectFilled(top, ImVec2(top.x + w, bottom), settings_.high_contrast ? p.background : p.surface, 12);
    dl->AddRect(top, ImVec2(top.x + w, bottom), p.accent, 12, 0, 2.0f);
    split.Merge(dl);
    widgets_.add("card.panel", Rect{top.x, top.y, w, bottom - top.y});
    ImGui::SetCursorScreenPos(ImVec2(top.x, bottom + 8));
    ImGui::Dummy(ImVec2(w, 1));
}

}  // namespace sandyq::ui
