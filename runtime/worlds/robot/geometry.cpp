// worlds/robot/geometry.cpp — see geometry.h. Only + - * / sqrt floor: bit-identical everywhere.
#include "worlds/robot/geometry.h"

#include <cmath>

namespace sandyq::robot {
namespace {

// pi/2 split in two parts so that k * kPio2Hi is exact for the k a robot ever sees.
constexpr double kPio2Hi = 1.57079632673412561417e+00;
constexpr double kPio2Lo = 6.07710050650619224932e-11;

double sinPoly(double r) {
    const double r2 = r * r;
    return r * (1.0 + r2 * (-1.0 / 6.0 + r2 * (1.0 / 120.0 + r2 * (-1.0 / 5040.0 + r2 * (1.0 / 362880.0 +
               r2 * (-1.0 / 39916800.0 + r2 * (1.0 / 6227020800.0 + r2 * (-1.0 / 1307674368000.0))))))));
}

double cosPoly(double r) {
    const double r2 = r * r;
    return 1.0 + r2 * (-1.0 / 2.0 + r2 * (1.0 / 24.0 + r2 * (-1.0 / 720.0 + r2 * (1.0 / 40320.0 +
               r2 * (-1.0 / 3628800.0 + r2 * (1.0 / 479001600.0 + r2 * (-1.0 / 87178291200.0 +
               r2 * (1.0 / 20922789888000.0))))))));
}

// x = k * pi/2 + r with |r| <= pi/4; returns k mod 4 in 0..3.
int reduce(double x, double& r) {
    const double k = detRound(x * (2.0 / kPi));
    r = (x - k * kPio2Hi) - k * kPio2Lo;
    double m = k - 4.0 * std::floor(k / 4.0);
    return static_cast<int>(m);
}

bool onSegment(Vec2 p, Vec2 a, Vec2 b) {
    return p.x >= (a.x < b.x ? a.x : b.x) && p.x <= (a.x < b.x ? b.x : a.x) &&
           p.y >= (a.y < b.y ? a.y : b.y) && p.y <= (a.y < b.y ? b.y : a.y);
}

bool segmentsIntersect(Vec2 p1, Vec2 p2, Vec2 q1, Vec2 q2) {
    const double d1 = cross(q2 - q1, p1 - q1), d2 = cross(q2 - q1, p2 - q1);
    const double d3 = cross(p2 - p1, q1 - p1), d4 = cross(p2 - p1, q2 - p1);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
    if (d1 == 0 && onSegment(p1, q1, q2)) return true;
    if (d2 == 0 && onSegment(p2, q1, q2)) return true;
    if (d3 == 0 && onSegment(q1, p1, p2)) return true;
    if (d4 == 0 && onSegment(q2, p1, p2)) return true;
    return false;
}

double segmentSegmentDistance(Vec2 a, Vec2 b, Vec2 c, Vec2 d) {
    if (segmentsIntersect(a, b, c, d)) return 0;
    double m = pointSegmentDistance(a, c, d);
    double t = pointSegmentDistance(b, c, d);
    if (t < m) m = t;
    t = pointSegmentDistance(c, a, b);
    if (t < m) m = t;
    t = pointSegmentDistance(d, a, b);
    if (t < m) m = t;
    return m;
}

bool insideConvex(const Vec2* poly, size_t n, Vec2 p) {
    bool pos = false, neg = false;
    for (size_t i = 0; i < n; ++i) {
        const double c = cross(poly[(i + 1) % n] - poly[i], p - poly[i]);
        if (c > 0) pos = true;
        if (c < 0) neg = true;
        if (pos && neg) return false;
    }
    return true;
}

Box boxOf(const Vec2* poly, size_t n) {
    Box b{poly[0].x, poly[0].y, poly[0].x, poly[0].y};
    for (size_t i = 1; i < n; ++i) {
        if (poly[i].x < b.x0) b.x0 = poly[i].x;
        if (poly[i].x > b.x1) b.x1 = poly[i].x;
        if (poly[i].y < b.y0) b.y0 = poly[i].y;
        if (poly[i].y > b.y1) b.y1 = poly[i].y;
    }
    return b;
}

}  // namespace

double detRound(double x) { return x >= 0 ? std::floor(x + 0.5) : -std::floor(-x + 0.5); }

double detSin(double x) {
    double r;
    switch (reduce(x, r)) {
        case 0: return sinPoly(r);
        case 1: return cosPoly(r);
        case 2: return -sinPoly(r);
        default: return -cosPoly(r);
    }
}

double detCos(double x) {
    double r;
    switch (reduce(x, r)) {
        case 0: return cosPoly(r);
        case 1: return -sinPoly(r);
        case 2: return -cosPoly(r);
        default: return sinPoly(r);
    }
}

double length(Vec2 v) { return std::sqrt(v.x * v.x + v.y * v.y); }

double pointSegmentDistance(Vec2 p, Vec2 a, Vec2 b) {
    const Vec2 ab = b - a;
    const double len2 = dot(ab, ab);
    double t = len2 > 0 ? dot(p - a, ab) / len2 : 0;
    if (t < 0) t = 0;
    if (t > 1) t = 1;
    return length(p - (a + ab * t));
}

Shape Shape::rect(double x, double y, double w, double h, double angle_deg) {
    Shape s;
    s.kind = Kind::Polygon;
    if (angle_deg == 0) {
        s.points = {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}};
    } else {
        // Rotated about its centre.
        const double a = angle_deg * kDegToRad, c = detCos(a), sn = detSin(a);
        const Vec2 mid{x + w / 2, y + h / 2};
        for (Vec2 d : {Vec2{-w / 2, -h / 2}, Vec2{w / 2, -h / 2}, Vec2{w / 2, h / 2}, Vec2{-w / 2, h / 2}})
            s.points.push_back({mid.x + d.x * c - d.y * sn, mid.y + d.x * sn + d.y * c});
    }
    s.finish();
    return s;
}

Shape Shape::circle(double x, double y, double r) {
    Shape s;
    s.kind = Kind::Circle;
    s.centre = {x, y};
    s.radius = r;
    s.finish();
    return s;
}

Shape Shape::polygon(std::vector<Vec2> pts) {
    Shape s;
    s.kind = Kind::Polygon;
    s.points = std::move(pts);
    s.finish();
    return s;
}

Shape Shape::segment(Vec2 a, Vec2 b, double thickness) {
    const Vec2 d = b - a;
    const double len = length(d);
    const double h = thickness / 2;
    Vec2 n = len > 0 ? Vec2{-d.y / len * h, d.x / len * h} : Vec2{0, h};
    const Vec2 e = len > 0 ? d * (h / len) : Vec2{h, 0};
    // Square caps so that walls meeting at a corner leave no gap.
    const Vec2 a2 = a - e, b2 = b + e;
    return polygon({a2 + n, b2 + n, b2 - n, a2 - n});
}

void Shape::finish() {
    if (kind == Kind::Circle) {
        box = {centre.x - radius, centre.y - radius, centre.x + radius, centre.y + radius};
    } else if (!points.empty()) {
        box = boxOf(points.data(), points.size());
    }
}

bool Shape::valid() const {
    if (kind == Kind::Circle) return radius > 0;
    if (kind == Kind::Polygon) return points.size() >= 3 && box.x1 > box.x0 && box.y1 > box.y0;
    return false;
}

bool contains(const Shape& s, Vec2 p) {
    if (p.x < s.box.x0 || p.x > s.box.x1 || p.y < s.box.y0 || p.y > s.box.y1) return false;
    if (s.kind == Shape::Kind::Circle) {
        const Vec2 d = p - s.centre;
        return dot(d, d) <= s.radius * s.radius;
    }
    // Even-odd crossing test; works for concave outlines too.
    bool inside = false;
    const size_t n = s.points.size();
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        const Vec2 a = s.points[i], b = s.points[j];
        if ((a.y > p.y) != (b.y > p.y)) {
            const double x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if (p.x <= x) inside = !inside;
        }
    }
    return inside;
}

bool overlaps(const Vec2* poly, size_t n, const Shape& s) {
    if (!boxOf(poly, n).overlaps(s.box)) return false;
    if (s.kind == Shape::Kind::Circle) {
        if (insideConvex(poly, n, s.centre)) return true;
        for (size_t i = 0; i < n; ++i)
            if (pointSegmentDistance(s.centre, poly[i], poly[(i + 1) % n]) <= s.radius) return true;
        return false;
    }
    const size_t m = s.points.size();
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < m; ++j)
            if (segmentsIntersect(poly[i], poly[(i + 1) % n], s.points[j], s.points[(j + 1) % m])) return true;
    return contains(s, poly[0]) || insideConvex(poly, n, s.points[0]);
}

double distance(const Vec2* poly, size_t n, const Shape& s) {
    if (overlaps(poly, n, s)) return 0;
    double best = kInfinity;
    if (s.kind == Shape::Kind::Circle) {
        for (size_t i = 0; i < n; ++i) {
            const double d = pointSegmentDistance(s.centre, poly[i], poly[(i + 1) % n]) - s.radius;
            if (d < best) best = d;
        }
        return best < 0 ? 0 : best;
    }
    const size_t m = s.points.size();
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < m; ++j) {
            const double d = segmentSegmentDistance(poly[i], poly[(i + 1) % n], s.points[j], s.points[(j + 1) % m]);
            if (d < best) best = d;
        }
    return best;
}

double rayCast(Vec2 origin, Vec2 dir, const Shape& s) {
    if (s.kind == Shape::Kind::Circle) {
        const Vec2 oc = origin - s.centre;
        const double b = dot(oc, dir);
        const double c = dot(oc, oc) - s.radius * s.radius;
        if (c <= 0) return 0;
        const double disc = b * b - c;
        if (disc < 0) return kInfinity;
        const double t = -b - std::sqrt(disc);
        return t >= 0 ? t : kInfinity;
    }
    if (contains(s, origin)) return 0;
    double best = kInfinity;
    const size_t m = s.points.size();
    for (size_t j = 0; j < m; ++j) {
        const Vec2 a = s.points[j], e = s.points[(j + 1) % m] - a;
        const double denom = cross(dir, e);
        if (denom == 0) continue;
        const Vec2 ao = a - origin;
        const double t = cross(ao, e) / denom;
        const double u = cross(ao, dir) / denom;
        if (t >= 0 && u >= 0 && u <= 1 && t < best) best = t;
    }
    return best;
}

}  // namespace sandyq::robot
