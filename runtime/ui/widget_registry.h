// ui/widget_registry.h — rectangles of named widgets in the last frame, in CSS pixels. The
// browser tests read them through the app's test API to click real canvas coordinates; the UI
// also uses them for nothing else. Depends on: the standard library.
#pragma once

#include <map>
#include <string>

namespace sandyq::ui {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
};

class WidgetRegistry {
public:
    void beginFrame() { current_.clear(); }
    void add(const std::string& id, Rect r) { current_[id] = r; }
    void endFrame() { last_ = current_; }
    const std::map<std::string, Rect>& last() const { return last_; }

private:
    std::map<std::string, Rect> current_, last_;
};

}  // namespace sandyq::ui
