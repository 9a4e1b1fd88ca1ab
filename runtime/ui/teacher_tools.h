// ui/teacher_tools.h — UI state of: the pupil's picture-PIN entry on the home screen, the
// teacher's pupil card (set / reset a picture PIN, erase progress), the export choice (lessons,
// calendar days) and the storage-trouble banner. Plain values owned by AppUi (app_ui_pin.cpp,
// app_ui_export_choice.cpp, app_ui_storage.cpp draw them).
// Depends on: progress (types, pin_guard, export). No ImGui here.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "progress/export.h"
#include "progress/pin_guard.h"

namespace sandyq::ui {

// The home screen asks a pupil with a picture PIN for their pictures before opening their map.
struct PinEntryState {
    uint32_t pupil = 0;              // whose pictures are asked for (0 = the name list shows)
    std::vector<uint8_t> taps;       // pictures tapped so far (at most 4)
    std::string message_key;         // "pin.wrong" / "pin.wait" after a wrong try, "" otherwise
    std::map<uint32_t, progress::PinGuard> guards;  // per pupil, for this visit
};

// The teacher's card for one pupil: picture PIN and erasing progress.
struct PupilCardState {
    uint32_t pupil = 0;              // 0 = closed
    bool setting_pin = false;        // the picture grid is open
    std::vector<uint8_t> pictures;   // the new PIN being chosen
    bool confirm_erase = false;
    std::string message;             // the result of the last action, shown on the card
    bool message_ok = true;
};

// What goes into the export: lessons left out, and an optional range of days (inclusive).
struct ExportChoice {
    uint32_t class_id = 0;           // the choice resets when the class changes
    bool show_lessons = false;       // the lesson list is unfolded
    std::set<std::string> excluded;  // progress::lessonKey() of lessons left out
    bool by_dates = false;
    progress::CivilDate from, to;
    size_t chosen = 0, total = 0;    // lessons in the export / offered (for the test API)
    std::vector<std::string> offered;  // lessonKey() of the lessons offered, in chip order
    std::string message_key;         // why nothing can be exported ("" = fine)
};

struct TeacherTools {
    PinEntryState pin;
    PupilCardState card;
    ExportChoice choice;
    bool save_failed = false;        // the last ProgressDb::save() failed (quota, I/O)
    int backups_downloaded = 0;      // from the storage banner, this visit
};

}  // namespace sandyq::ui
