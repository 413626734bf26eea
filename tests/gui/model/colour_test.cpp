#include <doctest/doctest.h>

#include <array>
#include <cmath>

#include "app/gui/model/colour.hpp"

using namespace poolscope::gui;

namespace {

struct SharmaPair {
  Lab x, y;
  double delta_e;
};

// Sharma, Wu & Dalal (2005), Table 1: the CIEDE2000 test data.
constexpr std::array<SharmaPair, 34> kSharma{{
    {{50.0000, 2.6772, -79.7751}, {50.0000, 0.0000, -82.7485}, 2.0425},
    {{50.0000, 3.1571, -77.2803}, {50.0000, 0.0000, -82.7485}, 2.8615},
    {{50.0000, 2.8361, -74.0200}, {50.0000, 0.0000, -82.7485}, 3.4412},
    {{50.0000, -1.3802, -84.2814}, {50.0000, 0.0000, -82.7485}, 1.0000},
    {{50.0000, -1.1848, -84.8006}, {50.0000, 0.0000, -82.7485}, 1.0000},
    {{50.0000, -0.9009, -85.5211}, {50.0000, 0.0000, -82.7485}, 1.0000},
    {{50.0000, 0.0000, 0.0000}, {50.0000, -1.0000, 2.0000}, 2.3669},
    {{50.0000, -1.0000, 2.0000}, {50.0000, 0.0000, 0.0000}, 2.3669},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0009}, 7.1792},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0010}, 7.1792},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0011}, 7.2195},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0012}, 7.2195},
    {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0009, -2.4900}, 4.8045},
    {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0010, -2.4900}, 4.8045},
    {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0011, -2.4900}, 4.7461},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 0.0000, -2.5000}, 4.3065},
    {{50.0000, 2.5000, 0.0000}, {73.0000, 25.0000, -18.0000}, 27.1492},
    {{50.0000, 2.5000, 0.0000}, {61.0000, -5.0000, 29.0000}, 22.8977},
    {{50.0000, 2.5000, 0.0000}, {56.0000, -27.0000, -3.0000}, 31.9030},
    {{50.0000, 2.5000, 0.0000}, {58.0000, 24.0000, 15.0000}, 19.4535},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 3.1736, 0.5854}, 1.0000},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 3.2972, 0.0000}, 1.0000},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 1.8634, 0.5757}, 1.0000},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 3.2592, 0.3350}, 1.0000},
    {{60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}, 1.2644},
    {{63.0109, -31.0961, -5.8663}, {62.8187, -29.7946, -4.0864}, 1.2630},
    {{61.2901, 3.7196, -5.3901}, {61.4292, 2.2480, -4.9620}, 1.8731},
    {{35.0831, -44.1164, 3.7933}, {35.0232, -40.0716, 1.5901}, 1.8645},
    {{22.7233, 20.0904, -46.6940}, {23.0331, 14.9730, -42.5619}, 2.0373},
    {{36.4612, 47.8580, 18.3852}, {36.2715, 50.5065, 21.2231}, 1.4146},
    {{90.8027, -2.0831, 1.4410}, {91.1528, -1.6435, 0.0447}, 1.4441},
    {{90.9257, -0.5406, -0.9208}, {88.6381, -0.8985, -0.7239}, 1.5381},
    {{6.7747, -0.2908, -2.4247}, {5.8714, -0.0985, -2.2286}, 0.6377},
    {{2.0776, 0.0795, -1.1350}, {0.9033, -0.0636, -0.5514}, 0.9082},
}};

constexpr std::uint32_t kWhite = pack(255, 255, 255);
constexpr std::uint32_t kBlack = pack(0, 0, 0);

}  // namespace

TEST_CASE("Colour: pack() lays out channels as IM_COL32 does (red in the low byte)") {
  CHECK(pack(0x11, 0x22, 0x33, 0x44) == 0x44332211u);
  CHECK(pack(1, 2, 3) == 0xFF030201u);
}

TEST_CASE("Colour: sRGB and linear light convert both ways") {
  CHECK(srgb_to_linear(0.0) == 0.0);
  CHECK(srgb_to_linear(1.0) == doctest::Approx(1.0));
  CHECK(srgb_to_linear(0.5) == doctest::Approx(0.214041).epsilon(1e-5));
  CHECK(srgb_to_linear(0.02) == doctest::Approx(0.02 / 12.92));  // the linear toe
  for (const double c : {0.0, 0.01, 0.2, 0.5, 0.8, 1.0}) {
    CHECK(linear_to_srgb(srgb_to_linear(c)) == doctest::Approx(c));
  }
}

TEST_CASE("Colour: WCAG contrast ratios match published figures") {
  CHECK(contrast_ratio(kBlack, kWhite) == doctest::Approx(21.0));
  CHECK(contrast_ratio(kWhite, kWhite) == doctest::Approx(1.0));
  // #767676 is the lightest grey that passes AA on white: 4.54:1.
  CHECK(contrast_ratio(pack(0x76, 0x76, 0x76), kWhite) == doctest::Approx(4.54).epsilon(0.002));
  CHECK(contrast_ratio(kWhite, pack(0x76, 0x76, 0x76)) ==
        doctest::Approx(contrast_ratio(pack(0x76, 0x76, 0x76), kWhite)));
  // #777777 just fails it (4.48:1).
  CHECK(contrast_ratio(pack(0x77, 0x77, 0x77), kWhite) < 4.5);
  CHECK(relative_luminance(pack(255, 0, 0)) == doctest::Approx(0.2126));
  CHECK(relative_luminance(pack(0, 255, 0)) == doctest::Approx(0.7152));
  CHECK(relative_luminance(pack(0, 0, 255)) == doctest::Approx(0.0722));
}

TEST_CASE("Colour: CIE Lab of sRGB primaries and white") {
  const Lab white = to_lab(to_linear(kWhite));
  CHECK(white.l == doctest::Approx(100.0).epsilon(1e-4));
  CHECK(std::abs(white.a) < 1e-3);
  CHECK(std::abs(white.b) < 1e-3);
  const Lab red = to_lab(to_linear(pack(255, 0, 0)));
  CHECK(red.l == doctest::Approx(53.2408).epsilon(1e-4));
  CHECK(red.a == doctest::Approx(80.0925).epsilon(1e-4));
  CHECK(red.b == doctest::Approx(67.2032).epsilon(1e-4));
  const Lab black = to_lab(to_linear(kBlack));
  CHECK(black.l == doctest::Approx(0.0));
}

TEST_CASE("Colour: CIEDE2000 matches Sharma, Wu & Dalal's 34 test pairs, both ways round") {
  for (std::size_t i = 0; i < kSharma.size(); ++i) {
    const SharmaPair& p = kSharma[i];
    CAPTURE(i + 1);
    CHECK(ciede2000(p.x, p.y) == doctest::Approx(p.delta_e).epsilon(1e-4));
    CHECK(ciede2000(p.y, p.x) == doctest::Approx(p.delta_e).epsilon(1e-4));
  }
  CHECK(ciede2000({40, 10, -20}, {40, 10, -20}) == 0.0);
}

TEST_CASE("Colour: Machado's dichromacy matrices keep greys and fold red onto green") {
  for (const Vision v : {Vision::Protanopia, Vision::Deuteranopia, Vision::Tritanopia}) {
    CAPTURE(vision_name(v));
    const LinearRgb grey = simulate({0.3, 0.3, 0.3}, v);  // each row sums to 1
    CHECK(grey.r == doctest::Approx(0.3).epsilon(1e-4));
    CHECK(grey.g == doctest::Approx(0.3).epsilon(1e-4));
    CHECK(grey.b == doctest::Approx(0.3).epsilon(1e-4));
  }
  // Pure red as a protanope sees it: the first column of the matrix, clamped.
  const LinearRgb red = simulate({1, 0, 0}, Vision::Protanopia);
  CHECK(red.r == doctest::Approx(0.152286));
  CHECK(red.g == doctest::Approx(0.114503));
  CHECK(red.b == 0.0);
  const LinearRgb same = simulate({0.2, 0.4, 0.6}, Vision::Normal);
  CHECK(same.r == 0.2);
  CHECK(same.b == 0.6);
  // Red and green are far apart, except for the red-green dichromats (a protanope sees
  // this red dark); the tritanope still tells them apart.
  const std::uint32_t r = pack(200, 60, 40), g = pack(90, 140, 40);
  CHECK(cvd_difference(r, g, Vision::Normal) > 50);
  CHECK(cvd_difference(r, g, Vision::Deuteranopia) < 3);
  CHECK(cvd_difference(r, g, Vision::Tritanopia) > 50);
  const std::uint32_t crimson = pack(230, 0, 70), pine = pack(20, 90, 70);
  CHECK(cvd_difference(crimson, pine, Vision::Normal) > 60);
  CHECK(cvd_difference(crimson, pine, Vision::Protanopia) < 3);
  CHECK(cvd_difference(crimson, pine, Vision::Tritanopia) > 50);
}
