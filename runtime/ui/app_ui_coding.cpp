// ui/app_ui_coding.cpp — coding steps in the lesson player (blocks, Python-style, robot): the
// step's task, the editor, the world and the Run/Check controls. See app_ui.h.
#include <algorithm>

#include "ui/app_ui.h"

namespace sandyq::ui {

void AppUi::recordCodingResult(const course::Step& step, bool passed, int points, int max_points, int stars) {
    const course::Pack* pack = course_ ? course_->pack(lesson_.pack) : nullptr;
    if (pack == nullptr) return;
    StepMark m;
    m.status = passed ? StepMark::Passed : StepMark::Tried;
    m.points = points;
    m.max_points = max_points;
    m.stars = stars;
    m.attempts = 1;
    course_->record(pack->manifest.id, pack->lessons[lesson_.lesson].id, step.id, m);
}

void AppUi::drawCodingStep(const course::Step& step, ImVec2 origin, ImVec2 size) {
    const Palette& p = palette(settings_.high_contrast);
    ImGui::SetCursorScreenPos(origin);
    ImGui::BeginChild("##coding", size, false);
    const float w = std::min(ImGui::GetContentRegionAvail().x, 860.0f);
    if (!step.title.empty()) richText(step.title.get(settings_.lang), w, p.text, fonts_.heading);
    richText(step.coding.task.get(settings_.lang), w, p.text);
    ImGui::Dummy(ImVec2(w, 8));
    richText(tr_.tr("lesson.coding_in_next_version", {{"kind", std::string(course::codingKindName(step.coding.kind))}}), w, p.text_muted);
    ImGui::EndChild();
}

}  // namespace sandyq::ui
