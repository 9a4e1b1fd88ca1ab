#include "ui/pin_pictures.h"

#include <algorithm>
#include <cmath>

namespace sandyq::ui {

namespace {
constexpr float kPi = 3.14159265f;
ImVec2 at(ImVec2 p, float s, float x, float y) { return ImVec2(p.x + s * x, p.y + s * y); }
}  // namespace

const char* pinPictureKey(int index) {
    static const char* kKeys[kPinPictureCount] = {"pin.pic.sun",  "pin.pic.apple", "pin.pic.cat",    "pin.pic.star",
                                                  "pin.pic.house", "pin.pic.tree",  "pin.pic.fish",   "pin.pic.ball",
                                                  "pin.pic.flower", "pin.pic.car",  "pin.pic.heart",  "pin.pic.moon"};
    return index >= 0 && index < kPinPictureCount ? kKeys[index] : "";
}

void drawPinPicture(ImDrawList* dl, int index, ImVec2 p, float s) {
    const ImU32 outline = IM_COL32(60, 50, 40, 255);
    const float t = std::max(1.5f, s / 40.0f);
    const ImVec2 c = at(p, s, 0.5f, 0.5f);
    switch (index) {
        case 0: {  // sun: a yellow disc with rays
            const ImU32 y = IM_COL32(250, 190, 20, 255);
            for (int i = 0; i < 12; ++i) {
                const float a = static_cast<float>(i) * kPi / 6.0f;
                dl->AddLine(ImVec2(c.x + std::cos(a) * s * 0.3f, c.y + std::sin(a) * s * 0.3f),
                            ImVec2(c.x + std::cos(a) * s * 0.46f, c.y + std::sin(a) * s * 0.46f), y, t * 2.2f);
            }
            dl->AddCircleFilled(c, s * 0.25f, y, 32);
            dl->AddCircle(c, s * 0.25f, IM_COL32(220, 140, 0, 255), 32, t);
            break;
        }
        case 1: {  // apple: red with a leaf and a stalk
            const ImU32 red = IM_COL32(220, 40, 40, 255);
            dl->AddCircleFilled(at(p, s, 0.38f, 0.58f), s * 0.26f, red, 32);
            dl->AddCircleFilled(at(p, s, 0.62f, 0.58f), s * 0.26f, red, 32);
            dl->AddCircleFilled(at(p, s, 0.5f, 0.7f), s * 0.24f, red, 32);
            dl->AddLine(at(p, s, 0.5f, 0.36f), at(p, s, 0.54f, 0.14f), IM_COL32(110, 70, 30, 255), t * 2);
            dl->AddTriangleFilled(at(p, s, 0.55f, 0.24f), at(p, s, 0.8f, 0.12f), at(p, s, 0.7f, 0.3f), IM_COL32(60, 160, 60, 255));
            break;
        }
        case 2: {  // cat: a grey head with ears, eyes and whiskers
            const ImU32 fur = IM_COL32(150, 150, 160, 255);
            dl->AddTriangleFilled(at(p, s, 0.16f, 0.5f), at(p, s, 0.22f, 0.1f), at(p, s, 0.46f, 0.34f), fur);
            dl->AddTriangleFilled(at(p, s, 0.84f, 0.5f), at(p, s, 0.78f, 0.1f), at(p, s, 0.54f, 0.34f), fur);
            dl->AddCircleFilled(at(p, s, 0.5f, 0.56f), s * 0.34f, fur, 32);
            dl->AddCircleFilled(at(p, s, 0.37f, 0.5f), s * 0.06f, IM_COL32(40, 160, 60, 255), 16);
            dl->AddCircleFilled(at(p, s, 0.63f, 0.5f), s * 0.06f, IM_COL32(40, 160, 60, 255), 16);
            dl->AddTriangleFilled(at(p, s, 0.45f, 0.62f), at(p, s, 0.55f, 0.62f), at(p, s, 0.5f, 0.69f), IM_COL32(240, 130, 150, 255));
            for (int side = -1; side <= 1; side += 2) {
                dl->AddLine(at(p, s, 0.5f + side * 0.1f, 0.68f), at(p, s, 0.5f + side * 0.42f, 0.62f), outline, t * 0.8f);
                dl->AddLine(at(p, s, 0.5f + side * 0.1f, 0.7f), at(p, s, 0.5f + side * 0.42f, 0.76f), outline, t * 0.8f);
            }
            break;
        }
        case 3: {  // star: a gold five-pointed star
            ImVec2 pts[10];
            for (int i = 0; i < 10; ++i) {
                const float a = -kPi / 2 + static_cast<float>(i) * kPi / 5.0f;
                const float r = (i % 2 == 0) ? s * 0.46f : s * 0.2f;
                pts[i] = ImVec2(c.x + std::cos(a) * r, c.y + s * 0.04f + std::sin(a) * r);
            }
            for (int i = 0; i < 10; ++i) dl->AddTriangleFilled(ImVec2(c.x, c.y + s * 0.04f), pts[i], pts[(i + 1) % 10], IM_COL32(255, 200, 30, 255));
            dl->AddPolyline(pts, 10, IM_COL32(210, 140, 0, 255), ImDrawFlags_Closed, t);
            break;
        }
        case 4: {  // house: walls, a red roof, a door and a window
            dl->AddRectFilled(at(p, s, 0.2f, 0.46f), at(p, s, 0.8f, 0.88f), IM_COL32(240, 200, 140, 255));
            dl->AddTriangleFilled(at(p, s, 0.1f, 0.48f), at(p, s, 0.5f, 0.12f), at(p, s, 0.9f, 0.48f), IM_COL32(200, 50, 40, 255));
            dl->AddRectFilled(at(p, s, 0.44f, 0.62f), at(p, s, 0.58f, 0.88f), IM_COL32(120, 70, 30, 255));
            dl->AddRectFilled(at(p, s, 0.26f, 0.56f), at(p, s, 0.38f, 0.68f), IM_COL32(120, 190, 240, 255));
            dl->AddRect(at(p, s, 0.2f, 0.46f), at(p, s, 0.8f, 0.88f), outline, 0, 0, t);
            break;
        }
        case 5: {  // tree: a brown trunk and a round green crown
            dl->AddRectFilled(at(p, s, 0.43f, 0.55f), at(p, s, 0.57f, 0.92f), IM_COL32(130, 80, 30, 255));
            const ImU32 g = IM_COL32(50, 150, 60, 255);
            dl->AddCircleFilled(at(p, s, 0.5f, 0.3f), s * 0.22f, g, 32);
            dl->AddCircleFilled(at(p, s, 0.32f, 0.46f), s * 0.2f, g, 32);
            dl->AddCircleFilled(at(p, s, 0.68f, 0.46f), s * 0.2f, g, 32);
            break;
        }
        case 6: {  // fish: a blue body, a tail and an eye
            const ImU32 b = IM_COL32(40, 130, 220, 255);
            dl->AddTriangleFilled(at(p, s, 0.62f, 0.5f), at(p, s, 0.92f, 0.26f), at(p, s, 0.92f, 0.74f), b);
            dl->PathClear();
            for (int i = 0; i <= 24; ++i) {
                const float a = static_cast<float>(i) * 2 * kPi / 24;
                dl->PathLineTo(ImVec2(p.x + s * (0.42f + 0.32f * std::cos(a)), p.y + s * (0.5f + 0.2f * std::sin(a))));
            }
            dl->PathFillConvex(b);
            dl->AddCircleFilled(at(p, s, 0.26f, 0.45f), s * 0.045f, IM_COL32(255, 255, 255, 255), 12);
            dl->AddCircleFilled(at(p, s, 0.26f, 0.45f), s * 0.022f, outline, 8);
            break;
        }
        case 7: {  // ball: a beach ball with coloured segments
            dl->AddCircleFilled(c, s * 0.38f, IM_COL32(255, 255, 255, 255), 32);
            const ImU32 cols[3] = {IM_COL32(230, 50, 50, 255), IM_COL32(40, 120, 220, 255), IM_COL32(250, 190, 20, 255)};
            for (int k = 0; k < 3; ++k) {
                dl->PathClear();
                dl->PathLineTo(c);
                const float a0 = static_cast<float>(k) * 2 * kPi / 3;
                dl->PathArcTo(c, s * 0.38f, a0, a0 + kPi / 3, 10);
                dl->PathFillConvex(cols[k]);
            }
            dl->AddCircle(c, s * 0.38f, outline, 32, t);
            break;
        }
        case 8: {  // flower: pink petals, a yellow middle, a green stem
            dl->AddLine(at(p, s, 0.5f, 0.5f), at(p, s, 0.5f, 0.95f), IM_COL32(50, 150, 60, 255), t * 2.5f);
            for (int i = 0; i < 6; ++i) {
                const float a = static_cast<float>(i) * kPi / 3;
                dl->AddCircleFilled(ImVec2(c.x + std::cos(a) * s * 0.18f, p.y + s * 0.4f + std::sin(a) * s * 0.18f), s * 0.12f,
                                    IM_COL32(240, 100, 170, 255), 20);
            }
            dl->AddCircleFilled(at(p, s, 0.5f, 0.4f), s * 0.1f, IM_COL32(250, 200, 30, 255), 20);
            break;
        }
        case 9: {  // car: a green body, windows and two wheels
            const ImU32 g = IM_COL32(40, 170, 90, 255);
            dl->AddRectFilled(at(p, s, 0.08f, 0.48f), at(p, s, 0.92f, 0.74f), g, s * 0.06f);
            dl->AddRectFilled(at(p, s, 0.26f, 0.28f), at(p, s, 0.72f, 0.5f), g, s * 0.08f);
            dl->AddRectFilled(at(p, s, 0.31f, 0.32f), at(p, s, 0.48f, 0.48f), IM_COL32(180, 220, 250, 255));
            dl->AddRectFilled(at(p, s, 0.51f, 0.32f), at(p, s, 0.67f, 0.48f), IM_COL32(180, 220, 250, 255));
            dl->AddCircleFilled(at(p, s, 0.28f, 0.76f), s * 0.1f, outline, 20);
            dl->AddCircleFilled(at(p, s, 0.72f, 0.76f), s * 0.1f, outline, 20);
            break;
        }
        case 10: {  // heart: red
            const ImU32 r = IM_COL32(230, 40, 90, 255);
            dl->AddCircleFilled(at(p, s, 0.33f, 0.38f), s * 0.19f, r, 32);
            dl->AddCircleFilled(at(p, s, 0.67f, 0.38f), s * 0.19f, r, 32);
            dl->AddTriangleFilled(at(p, s, 0.15f, 0.45f), at(p, s, 0.85f, 0.45f), at(p, s, 0.5f, 0.88f), r);
            break;
        }
        case 11: {  // moon: a crescent on a dark-blue night circle
            dl->AddCircleFilled(c, s * 0.42f, IM_COL32(40, 50, 110, 255), 32);
            dl->AddCircleFilled(at(p, s, 0.46f, 0.5f), s * 0.28f, IM_COL32(250, 220, 90, 255), 32);
            dl->AddCircleFilled(at(p, s, 0.58f, 0.42f), s * 0.26f, IM_COL32(40, 50, 110, 255), 32);
            break;
        }
        default:
            break;
    }
}

}  // namespace sandyq::ui
