// ui/app_ui_storage.cpp — storage trouble is never silent: when the browser refuses to keep data
// (private mode), the disk is full, or saving fails, a banner under the top bar says so in words a
// child and a teacher understand, on every screen, until saving works again; its button downloads
// a backup file right now (the pupil at the computer, or the current class). Progress in memory
// keeps working meanwhile: nothing is dropped, only not yet on disk.
// Depends on: platform::Services (storageHealth, download), progress/backup.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <ctime>

#include "progress/backup.h"
#include "ui/app_ui.h"
#include "ui/icons.h"

namespace sandyq::ui {

bool AppUi::storageTrouble() const {
    const platform::StorageHealth h = services_.storageHealth();
    return tools_.save_failed || h == platform::StorageHealth::Unavailable || h == platform::StorageHealth::QuotaFull ||
           h == platform::StorageHealth::SyncFailed;
}

void AppUi::downloadSafetyBackup() {
    if (!db_) openProgress();
    const progress::ProgressStore& store = db_->data();
    const int64_t now = static_cast<int64_t>(std::time(nullptr));
    std::string name, bytes;
    if (const progress::Pupil* pu = pupil_.value ? store.findPupil(pupil_) : nullptr) {
        name = progress::backupFileName(store, pu->class_id, pu->id, now);
        bytes = progress::writeBackup(store, {pu->id}, now);
    } else {
        uint32_t cls = screen_ == Screen::Teacher && teacher_.class_id ? teacher_.class_id : home_class_;
        if (store.findClass(progress::ClassId{cls}) == nullptr) cls = store.classes().empty() ? 0 : store.classes().front().id.value;
        if (cls == 0) {
            showMessage("banner.nothing", tr_.tr("banner.nothing"));
            return;
        }
        name = progress::backupFileName(store, progress::ClassId{cls}, progress::PupilId{}, now);
        bytes = progress::writeClassBackup(store, progress::ClassId{cls}, now);
    }
    services_.download(name, "application/json", bytes);
    ++tools_.backups_downloaded;
    showMessage("banner.downloaded", tr_.tr("banner.downloaded"));
}

void AppUi::drawStorageBanner(float width) {
    if (!storageTrouble()) return;
    const Palette& p = palette(settings_.high_contrast);
    const platform::StorageHealth h = services_.storageHealth();
    const char* key = h == platform::StorageHealth::Unavailable ? "banner.unavailable"
                      : h == platform::StorageHealth::QuotaFull ? "banner.quota"
                                                                : "banner.failed";
    ImFont* font = fonts_.body;
    const float fs = font->FontSize * font->Scale;
    const float margin = 16.0f, pad = screen_ == Screen::Lesson || screen_ == Screen::Blocks ? 8.0f : 14.0f;
    const float btn_h = std::max(kMinTouchTarget, fs + ImGui::GetStyle().FramePadding.y * 2);
    const std::string label = tr_.tr(tools_.backups_downloaded ? "banner.download_again" : "banner.download");
    const float btn_w = font->CalcTextSizeA(fs, FLT_MAX, 0, label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2 + fs * 1.15f + 10;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float box_w = width - margin * 2;
    const float icon = std::round(fs * (screen_ == Screen::Lesson || screen_ == Screen::Blocks ? 1.2f : 1.6f));
    const bool beside = box_w >= 640;  // the button right of the text, or below it
    const float text_w = box_w - pad * 2 - icon - 12 - (beside ? btn_w + pad : 0);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImDrawListSplitter split;
    split.Split(dl, 2);
    split.SetCurrentChannel(dl, 1);
    const ImVec2 top(origin.x + margin, origin.y + 8);
    // A round "!" sign, then the message and what to do.
    const ImVec2 ic(top.x + pad + icon * 0.5f, top.y + pad + icon * 0.5f);
    dl->AddCircleFilled(ic, icon * 0.5f, p.danger, 24);
    dl->AddRectFilled(ImVec2(ic.x - icon * 0.06f, ic.y - icon * 0.3f), ImVec2(ic.x + icon * 0.06f, ic.y + icon * 0.1f), IM_COL32(255, 255, 255, 255), 2);
    dl->AddCircleFilled(ImVec2(ic.x, ic.y + icon * 0.26f), icon * 0.07f, IM_COL32(255, 255, 255, 255), 10);
    ImGui::SetCursorScreenPos(ImVec2(top.x + pad + icon + 12, top.y + pad));
    ImGui::BeginGroup();
    // On the lesson screen one line, so the lesson keeps its room; everywhere else what to do, too.
    const bool compact = screen_ == Screen::Lesson || screen_ == Screen::Blocks;
    richText(tr_.tr(key), text_w, p.text, compact ? fonts_.body : fonts_.heading);
    if (!compact) richText(tr_.tr("banner.keep"), text_w, p.text);
    if (tools_.backups_downloaded && !compact) richText(tr_.tr("banner.downloaded"), text_w, p.ok);
    ImGui::EndGroup();
    float bottom = ImGui::GetItemRectMax().y;
    if (beside) {
        ImGui::SetCursorScreenPos(ImVec2(top.x + box_w - pad - btn_w, top.y + pad));
    } else {
        ImGui::SetCursorScreenPos(ImVec2(top.x + pad + icon + 12, bottom + 6));
    }
    if (button("storage.banner.backup", label, ImVec2(btn_w, btn_h), true, kIconFolder)) downloadSafetyBackup();
    bottom = std::max(bottom, ImGui::GetItemRectMax().y) + pad;
    split.SetCurrentChannel(dl, 0);
    dl->AddRectFilled(top, ImVec2(top.x + box_w, bottom), settings_.high_contrast ? p.background : IM_COL32(255, 236, 214, 255), 12);
    dl->AddRect(top, ImVec2(top.x + box_w, bottom), p.danger, 12, 0, 2.5f);
    split.Merge(dl);
    widgets_.add("storage.banner", Rect{top.x, top.y, box_w, bottom - top.y});
    ImGui::SetCursorScreenPos(ImVec2(origin.x, bottom + 2));
}

}  // namespace sandyq::ui
