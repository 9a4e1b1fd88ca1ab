#include "ui/icons.h"

#include <cmath>

namespace sandyq::ui {

void drawIcon(ImDrawList* dl, int icon, ImVec2 p, float s, ImU32 col) {
    const float t = s / 12.0f > 1.5f ? s / 12.0f : 1.5f;  // stroke
    const ImVec2 c(p.x + s * 0.5f, p.y + s * 0.5f);
    switch (icon) {
        case kIconGear: {
            for (int i = 0; i < 8; ++i) {
                const float a = static_cast<float>(i) * 3.14159265f / 4.0f;
                dl->AddLine(ImVec2(c.x + std::cos(a) * s * 0.28f, c.y + std::sin(a) * s * 0.28f),
                            ImVec2(c.x + std::cos(a) * s * 0.47f, c.y + std::sin(a) * s * 0.47f), col, t * 1.6f);
            }
            dl->AddCircle(c, s * 0.3f, col, 24, t * 1.4f);
            dl->AddCircleFilled(c, s * 0.1f, col, 12);
            break;
        }
        case kIconSpeaker:
        case kIconSpeakerOff: {
            dl->AddRectFilled(ImVec2(p.x + s * 0.08f, p.y + s * 0.36f), ImVec2(p.x + s * 0.3f, p.y + s * 0.64f), col);
            dl->AddTriangleFilled(ImVec2(p.x + s * 0.22f, c.y), ImVec2(p.x + s * 0.52f, p.y + s * 0.12f),
                                  ImVec2(p.x + s * 0.52f, p.y + s * 0.88f), col);
            if (icon == kIconSpeaker) {
                dl->PathArcTo(ImVec2(p.x + s * 0.5f, c.y), s * 0.2f, -0.9f, 0.9f, 10);
                dl->PathStroke(col, 0, t);
                dl->PathArcTo(ImVec2(p.x + s * 0.5f, c.y), s * 0.36f, -0.9f, 0.9f, 14);
                dl->PathStroke(col, 0, t);
            } else {
                dl->AddLine(ImVec2(p.x + s * 0.62f, p.y + s * 0.32f), ImVec2(p.x + s * 0.94f, p.y + s * 0.68f), col, t * 1.3f);
                dl->AddLine(ImVec2(p.x + s * 0.94f, p.y + s * 0.32f), ImVec2(p.x + s * 0.62f, p.y + s * 0.68f), col, t * 1.3f);
            }
            break;
        }
        case kIconChest: {
            const ImU32 wood = IM_COL32(196, 112, 20, 255), dark = IM_COL32(120, 62, 8, 255), gold = IM_COL32(242, 190, 40, 255);
            dl->AddRectFilled(ImVec2(p.x + s * 0.06f, p.y + s * 0.42f), ImVec2(p.x + s * 0.94f, p.y + s * 0.9f), wood, s * 0.06f);
            dl->AddRectFilled(ImVec2(p.x + s * 0.06f, p.y + s * 0.16f), ImVec2(p.x + s * 0.94f, p.y + s * 0.42f), wood, s * 0.2f,
                              ImDrawFlags_RoundCornersTop);
            dl->AddLine(ImVec2(p.x + s * 0.06f, p.y + s * 0.42f), ImVec2(p.x + s * 0.94f, p.y + s * 0.42f), dark, t * 1.4f);
            dl->AddRect(ImVec2(p.x + s * 0.06f, p.y + s * 0.16f), ImVec2(p.x + s * 0.94f, p.y + s * 0.9f), dark, s * 0.08f, 0, t);
            dl->AddRectFilled(ImVec2(c.x - s * 0.09f, p.y + s * 0.36f), ImVec2(c.x + s * 0.09f, p.y + s * 0.58f), gold, s * 0.03f);
            dl->AddCircleFilled(ImVec2(c.x, p.y + s * 0.46f), s * 0.03f, dark, 8);
            break;
        }
        case kIconMap: {
            const ImVec2 a(p.x + s * 0.08f, p.y + s * 0.2f);
            dl->AddRect(a, ImVec2(p.x + s * 0.92f, p.y + s * 0.85f), col, s * 0.06f, 0, t);
            const ImVec2 pts[] = {{p.x + s * 0.2f, p.y + s * 0.72f}, {p.x + s * 0.38f, p.y + s * 0.5f},
                                  {p.x + s * 0.56f, p.y + s * 0.62f}, {p.x + s * 0.78f, p.y + s * 0.36f}};
            for (int i = 0; i < 3; ++i) dl->AddLine(pts[i], pts[i + 1], col, t);
            for (const ImVec2& q : pts) dl->AddCircleFilled(q, s * 0.06f, col, 10);
            break;
        }
        case kIconPupils: {
            dl->AddCircleFilled(ImVec2(p.x + s * 0.34f, p.y + s * 0.32f), s * 0.14f, col, 16);
            dl->AddCircleFilled(ImVec2(p.x + s * 0.68f, p.y + s * 0.36f), s * 0.12f, col, 16);
            dl->AddRectFilled(ImVec2(p.x + s * 0.14f, p.y + s * 0.52f), ImVec2(p.x + s * 0.54f, p.y + s * 0.88f), col, s * 0.16f,
                              ImDrawFlags_RoundCornersTop);
            dl->AddRectFilled(ImVec2(p.x + s * 0.52f, p.y + s * 0.54f), ImVec2(p.x + s * 0.86f, p.y + s * 0.88f), col, s * 0.14f,
                              ImDrawFlags_RoundCornersTop);
            break;
        }
        case kIconGlobe: {
            dl->AddCircle(c, s * 0.42f, col, 24, t);
            dl->AddLine(ImVec2(p.x + s * 0.08f, c.y), ImVec2(p.x + s * 0.92f, c.y), col, t);
            dl->AddBezierCubic(ImVec2(c.x, p.y + s * 0.08f), ImVec2(c.x - s * 0.3f, p.y + s * 0.3f),
                               ImVec2(c.x - s * 0.3f, p.y + s * 0.7f), ImVec2(c.x, p.y + s * 0.92f), col, t);
            dl->AddBezierCubic(ImVec2(c.x, p.y + s * 0.08f), ImVec2(c.x + s * 0.3f, p.y + s * 0.3f),
                               ImVec2(c.x + s * 0.3f, p.y + s * 0.7f), ImVec2(c.x, p.y + s * 0.92f), col, t);
            break;
        }
        case kIconPlay:
            dl->AddTriangleFilled(ImVec2(p.x + s * 0.22f, p.y + s * 0.12f), ImVec2(p.x + s * 0.22f, p.y + s * 0.88f),
                                  ImVec2(p.x + s * 0.86f, c.y), col);
            break;
        case kIconStep:
            dl->AddTriangleFilled(ImVec2(p.x + s * 0.12f, p.y + s * 0.15f), ImVec2(p.x + s * 0.12f, p.y + s * 0.85f),
                                  ImVec2(p.x + s * 0.62f, c.y), col);
            dl->AddRectFilled(ImVec2(p.x + s * 0.68f, p.y + s * 0.15f), ImVec2(p.x + s * 0.84f, p.y + s * 0.85f), col);
            break;
        case kIconStop:
            dl->AddRectFilled(ImVec2(p.x + s * 0.18f, p.y + s * 0.18f), ImVec2(p.x + s * 0.82f, p.y + s * 0.82f), col, s * 0.08f);
            break;
        case kIconBack:
            dl->AddLine(ImVec2(p.x + s * 0.15f, c.y), ImVec2(p.x + s * 0.88f, c.y), col, t * 1.5f);
            dl->AddLine(ImVec2(p.x + s * 0.15f, c.y), ImVec2(p.x + s * 0.48f, p.y + s * 0.2f), col, t * 1.5f);
            dl->AddLine(ImVec2(p.x + s * 0.15f, c.y), ImVec2(p.x + s * 0.48f, p.y + s * 0.8f), col, t * 1.5f);
            break;
        case kIconStar:
        case kIconStarEmpty: {
            ImVec2 pts[10];
            for (int i = 0; i < 10; ++i) {
                const float a = -1.5707963f + static_cast<float>(i) * 3.14159265f / 5.0f;
                const float r = (i % 2 == 0) ? s * 0.48f : s * 0.2f;
                pts[i] = ImVec2(c.x + std::cos(a) * r, c.y + 0.04f * s + std::sin(a) * r);
            }
            if (icon == kIconStar) {
                // Filled without anti-aliasing (no seams between the triangles), then a smooth rim.
                const ImDrawListFlags keep = dl->Flags;
                dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
                for (int i = 0; i < 10; ++i) dl->AddTriangleFilled(c, pts[i], pts[(i + 1) % 10], col);
                dl->Flags = keep;
                dl->AddPolyline(pts, 10, col, ImDrawFlags_Closed, 1.0f);
            } else {
                dl->AddPolyline(pts, 10, col, ImDrawFlags_Closed, t);
            }
            break;
        }
        case kIconCheck:
            dl->AddLine(ImVec2(p.x + s * 0.15f, p.y + s * 0.52f), ImVec2(p.x + s * 0.4f, p.y + s * 0.78f), col, t * 1.8f);
            dl->AddLine(ImVec2(p.x + s * 0.4f, p.y + s * 0.78f), ImVec2(p.x + s * 0.86f, p.y + s * 0.24f), col, t * 1.8f);
            break;
        case kIconCross:
            dl->AddLine(ImVec2(p.x + s * 0.2f, p.y + s * 0.2f), ImVec2(p.x + s * 0.8f, p.y + s * 0.8f), col, t * 1.8f);
            dl->AddLine(ImVec2(p.x + s * 0.8f, p.y + s * 0.2f), ImVec2(p.x + s * 0.2f, p.y + s * 0.8f), col, t * 1.8f);
            break;
        case kIconUp:
            dl->AddTriangleFilled(ImVec2(c.x, p.y + s * 0.2f), ImVec2(p.x + s * 0.85f, p.y + s * 0.72f), ImVec2(p.x + s * 0.15f, p.y + s * 0.72f), col);
            break;
        case kIconDown:
            dl->AddTriangleFilled(ImVec2(p.x + s * 0.15f, p.y + s * 0.28f), ImVec2(p.x + s * 0.85f, p.y + s * 0.28f), ImVec2(c.x, p.y + s * 0.8f), col);
            break;
        case kIconNext:
            dl->AddLine(ImVec2(p.x + s * 0.12f, c.y), ImVec2(p.x + s * 0.85f, c.y), col, t * 1.5f);
            dl->AddLine(ImVec2(p.x + s * 0.85f, c.y), ImVec2(p.x + s * 0.52f, p.y + s * 0.2f), col, t * 1.5f);
            dl->AddLine(ImVec2(p.x + s * 0.85f, c.y), ImVec2(p.x + s * 0.52f, p.y + s * 0.8f), col, t * 1.5f);
            break;
        case kIconFolder:
            dl->AddRectFilled(ImVec2(p.x + s * 0.08f, p.y + s * 0.2f), ImVec2(p.x + s * 0.45f, p.y + s * 0.36f), col, s * 0.05f);
            dl->AddRectFilled(ImVec2(p.x + s * 0.08f, p.y + s * 0.3f), ImVec2(p.x + s * 0.92f, p.y + s * 0.82f), col, s * 0.06f);
            break;
        case kIconBlocks: {
            // Two stack blocks, the lower one indented like a block inside a loop; each has the
            // notch on top and the bump below that make Scratch blocks fit together.
            const auto piece = [&](float x0, float y0, float x1, float y1) {
                const float r = s * 0.05f;
                dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), col, r);
                dl->AddRectFilled(ImVec2(x0 + s * 0.1f, y1 - 0.5f), ImVec2(x0 + s * 0.26f, y1 + s * 0.07f), col, r * 0.6f);
            };
            piece(p.x + s * 0.08f, p.y + s * 0.14f, p.x + s * 0.78f, p.y + s * 0.44f);
            piece(p.x + s * 0.22f, p.y + s * 0.54f, p.x + s * 0.92f, p.y + s * 0.84f);
            break;
        }
        default:
            break;
    }
}

}  // namespace sandyq::ui
