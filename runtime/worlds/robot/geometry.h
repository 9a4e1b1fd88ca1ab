// worlds/robot/geometry.h — 2D geometry of the robot simulation: deterministic sin/cos, shapes
// (convex or concave polygons, circles), overlap, distance, ray casts and a trace hash.
// Depends on: the standard library only (no platform, no <cmath> transcendental functions, so the
// same inputs give bit-identical results natively and in wasm: only + - * / and sqrt, which IEEE
// rounds the same everywhere; the robot library is built with -ffp-contract=off).
// Ownership: plain values. Errors: none (degenerate shapes simply never overlap).
// Units: centimetres; angles in radians unless a name says "deg". Mat coordinates: x to the
// right, y DOWN (as in the picture), so a positive angle turns clockwise on screen.
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

namespace sandyq::robot {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDegToRad = kPi / 180.0;
constexpr double kInfinity = 1e300;

// Deterministic sine/cosine (argument reduction + Taylor polynomials on [-pi/4, pi/4]; absolute
// error below 1e-13). Never std::sin: libm implementations differ in the last bit.
double detSin(double x);
double detCos(double x);
double detRound(double x);  // half away from zero, exact

struct Vec2 {
    double x = 0, y = 0;
};
inline Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
inline Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
inline Vec2 operator*(Vec2 a, double s) { return {a.x * s, a.y * s}; }
inline double dot(Vec2 a, Vec2 b) { return a.x * b.x + a.y * b.y; }
inline double cross(Vec2 a, Vec2 b) { return a.x * b.y - a.y * b.x; }
double length(Vec2 v);

struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overlaps(const Box& o, double margin = 0) const {
        return x0 - margin <= o.x1 && o.x0 - margin <= x1 && y0 - margin <= o.y1 && o.y0 - margin <= y1;
    }
};

// A wall, obstacle or zone outline. Rectangles (also rotated ones) are stored as polygons.
struct Shape {
    enum class Kind : uint8_t { None = 0, Polygon, Circle };
    Kind kind = Kind::None;
    std::vector<Vec2> points;  // Polygon: vertices in order (closed implicitly), >= 3
    Vec2 centre;               // Circle
    double radius = 0;         // Circle
    Box box;                   // bounding box, filled by finish()

    static Shape rect(double x, double y, double w, double h, double angle_deg = 0);
    static Shape circle(double x, double y, double r);
    static Shape polygon(std::vector<Vec2> pts);
    // A segment from a to b as a rectangle `thickness` wide (a thin wall).
    static Shape segment(Vec2 a, Vec2 b, double thickness);
    void finish();
    bool valid() const;
};

// Does the point lie inside the shape (boundary included)?
bool contains(const Shape& s, Vec2 p);
// Do the convex polygon `poly` (the robot body, n >= 3) and the shape share any point?
bool overlaps(const Vec2* poly, size_t n, const Shape& s);
// Smallest distance between the polygon's outline and the shape (0 if they overlap).
double distance(const Vec2* poly, size_t n, const Shape& s);
// Distance from a point to a segment.
double pointSegmentDistance(Vec2 p, Vec2 a, Vec2 b);
// Distance along the unit direction `dir` from `origin` to the shape's outline; kInfinity if the
// ray misses. A ray starting inside the shape hits at 0.
double rayCast(Vec2 origin, Vec2 dir, const Shape& s);

// FNV-1a 64-bit, fed with the exact bits of doubles (so any platform difference shows).
struct TraceHash {
    uint64_t value = 1469598103934665603ull;
    void add(uint64_t v) {
        for (int i = 0; i < 8; ++i) {
            value ^= (v >> (8 * i)) & 0xffu;
            value *= 1099511628211ull;
        }
    }
    void addDouble(double d) {
        if (d == 0) d = 0;  // -0 and +0 hash alike
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        add(bits);
    }
};

// splitmix64: a tiny seeded generator for optional sensor noise (deterministic everywhere).
struct Rng {
    uint64_t state = 0;
    uint64_t next() {
        uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    // Roughly normal with standard deviation 1 (Irwin–Hall of 4 uniforms; no log/exp needed).
    double normal() { return (uniform() + uniform() + uniform() + uniform() - 2.0) * 1.7320508075688772; }
};

}  // namespace sandyq::robot
