// The robot's geometry: deterministic sin/cos, overlaps, distances, ray casts.
#include <doctest/doctest.h>

#include <cmath>

#include "worlds/robot/geometry.h"

using namespace sandyq::robot;

TEST_CASE("robot.geometry: detSin/detCos agree with libm to 1e-12 over many turns") {
    double worst = 0;
    for (double x = -60; x <= 60; x += 0.00731) {
        worst = std::fmax(worst, std::fabs(detSin(x) - std::sin(x)));
        worst = std::fmax(worst, std::fabs(detCos(x) - std::cos(x)));
    }
    CHECK(worst < 1e-12);
    CHECK(detSin(0) == 0);
    CHECK(detCos(0) == 1);
}

TEST_CASE("robot.geometry: overlaps, distance and ray casts") {
    const Vec2 body[4] = {{10, -5}, {10, 5}, {-4, 5}, {-4, -5}};
    // A thin wall across the body, and one just in front of it.
    CHECK(overlaps(body, 4, Shape::segment({5, -20}, {5, 20}, 0.1)));
    CHECK_FALSE(overlaps(body, 4, Shape::segment({12, -20}, {12, 20}, 0.1)));
    CHECK(distance(body, 4, Shape::segment({12, -20}, {12, 20}, 0.1)) == doctest::Approx(1.95));
    // A small obstacle entirely inside the body still overlaps (no edge crossing needed).
    CHECK(overlaps(body, 4, Shape::rect(0, 0, 1, 1)));
    CHECK(overlaps(body, 4, Shape::circle(12, 0, 2.5)));
    CHECK_FALSE(overlaps(body, 4, Shape::circle(13, 0, 2.5)));
    // The robot in the notch of an L-shaped (concave) obstacle touches nothing.
    Shape l = Shape::polygon({{-10, -10}, {30, -10}, {30, -6}, {-6, -6}, {-6, 10}, {-10, 10}});
    CHECK_FALSE(overlaps(body, 4, l));
    CHECK(contains(l, {0, -8}));
    CHECK_FALSE(contains(l, {0, 0}));
    // Rays.
    CHECK(rayCast({0, 0}, {1, 0}, Shape::rect(50, -10, 5, 20)) == doctest::Approx(50));
    CHECK(rayCast({0, 0}, {-1, 0}, Shape::rect(50, -10, 5, 20)) >= kInfinity);
    CHECK(rayCast({0, 0}, {1, 0}, Shape::circle(30, 0, 10)) == doctest::Approx(20));
    CHECK(rayCast({30, 0}, {1, 0}, Shape::circle(30, 0, 10)) == 0);
    // A rotated rectangle's corners lie at the right distance from its centre.
    Shape r = Shape::rect(0, 0, 20, 10, 45);
    for (const Vec2& p : r.points) CHECK(length(p - Vec2{10, 5}) == doctest::Approx(std::sqrt(125.0)));
}
