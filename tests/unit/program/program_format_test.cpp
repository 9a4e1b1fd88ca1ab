// program: number formatting exactly like CPython (float repr, format specs, rounding).
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "program/value.h"
#include "program/vm_impl.h"

using namespace sandyq::program;

TEST_CASE("program.format: float repr is CPython's shortest round trip") {
    CHECK(floatRepr(0.1) == "0.1");
    CHECK(floatRepr(0.1 + 0.2) == "0.30000000000000004");
    CHECK(floatRepr(1.0) == "1.0");
    CHECK(floatRepr(-0.0) == "-0.0");
    CHECK(floatRepr(1e16) == "1e+16");
    CHECK(floatRepr(1e15) == "1000000000000000.0");
    CHECK(floatRepr(123456789012345678.0) == "1.2345678901234568e+17");
    CHECK(floatRepr(0.0001) == "0.0001");
    CHECK(floatRepr(0.00001) == "1e-05");
    CHECK(floatRepr(1.5e-7) == "1.5e-07");
    CHECK(floatRepr(1.0 / 3) == "0.3333333333333333");
    CHECK(floatRepr(std::numeric_limits<double>::infinity()) == "inf");
    CHECK(floatRepr(-std::numeric_limits<double>::infinity()) == "-inf");
    CHECK(floatRepr(std::nan("")) == "nan");
    CHECK(floatRepr(5e-324) == "5e-324");
    CHECK(floatRepr(1.7976931348623157e308) == "1.7976931348623157e+308");
}

TEST_CASE("program.format: format specs of f-strings") {
    std::string s;
    CHECK(formatFloat(3.14159, ".2f", s)); CHECK(s == "3.14"); s.clear();
    CHECK(formatFloat(2.5, ".0f", s)); CHECK(s == "2"); s.clear();       // half to even
    CHECK(formatFloat(-1.5, "8.3f", s)); CHECK(s == "  -1.500"); s.clear();
    CHECK(formatFloat(0.25, ".1%", s)); CHECK(s == "25.0%"); s.clear();
    CHECK(formatFloat(1234567.891, ",.2f", s)); CHECK(s == "1,234,567.89"); s.clear();
    CHECK(formatInt(42, "5d", s)); CHECK(s == "   42"); s.clear();
    CHECK(formatInt(42, "<5", s)); CHECK(s == "42   "); s.clear();
    CHECK(formatInt(-42, "05d", s)); CHECK(s == "-0042"); s.clear();
    CHECK(formatInt(255, "x", s)); CHECK(s == "ff"); s.clear();
    CHECK(formatInt(5, "b", s)); CHECK(s == "101"); s.clear();
    CHECK(formatInt(1000000, ",", s)); CHECK(s == "1,000,000"); s.clear();
    CHECK(formatInt(7, ".2f", s)); CHECK(s == "7.00"); s.clear();
    CHECK(formatString("hi", ">5", s)); CHECK(s == "   hi"); s.clear();
    CHECK(formatString("Әлия", "*^8", s)); CHECK(s == "**Әлия**"); s.clear();  // width counts letters
    CHECK_FALSE(formatInt(1, "q", s));
    CHECK_FALSE(formatString("x", "d", s));
}

TEST_CASE("program.format: round() is half-to-even on the exact binary value") {
    CHECK(roundHalfEven(2.675, 2) == doctest::Approx(2.67));  // 2.675 is really 2.67499...
    CHECK(roundHalfEven(0.125, 2) == 0.12);
    CHECK(roundHalfEven(0.375, 2) == 0.38);
    CHECK(roundHalfEven(1234.5, -1) == 1230.0);
}
