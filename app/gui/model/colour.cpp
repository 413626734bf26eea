#include "app/gui/model/colour.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace poolscope::gui {

namespace {

using Matrix = std::array<std::array<double, 3>, 3>;

// Machado et al. (2009), Table 1, severity 1.0, for linear RGB.
constexpr Matrix kProtanopia{{{0.152286, 1.052583, -0.204868},
                              {0.114503, 0.786281, 0.099216},
                              {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix kDeuteranopia{{{0.367322, 0.860646, -0.227968},
                                {0.280085, 0.672501, 0.047413},
                                {-0.011820, 0.042940, 0.968881}}};
constexpr Matrix kTritanopia{{{1.255528, -0.076749, -0.178779},
                              {-0.078411, 0.930809, 0.147602},
                              {0.004733, 0.691367, 0.303900}}};

double channel(std::uint32_t colour, int shift) {
  return srgb_to_linear(static_cast<double>((colour >> shift) & 0xFF) / 255.0);
}

double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }
double degrees(double radians) { return radians * 180.0 / std::numbers::pi; }

// The hue angle in degrees, [0, 360); 0 for a neutral colour.
double hue(double a, double b) {
  if (a == 0 && b == 0) return 0;
  const double h = degrees(std::atan2(b, a));
  return h < 0 ? h + 360 : h;
}

double pow7(double x) { return x * x * x * x * x * x * x; }

}  // namespace

double srgb_to_linear(double c) {
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double linear_to_srgb(double c) {
  return c <= 0.0031308 ? c * 12.92 : 1.055 * std::pow(c, 1 / 2.4) - 0.055;
}

LinearRgb to_linear(std::uint32_t colour) {
  return {channel(colour, 0), channel(colour, 8), channel(colour, 16)};
}

double relative_luminance(std::uint32_t colour) {
  const LinearRgb c = to_linear(colour);
  return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
}

double contrast_ratio(std::uint32_t a, std::uint32_t b) {
  const double la = relative_luminance(a);
  const double lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

LinearRgb simulate(LinearRgb c, Vision vision) {
  const Matrix* m = nullptr;
  switch (vision) {
    case Vision::Protanopia:
      m = &kProtanopia;
      break;
    case Vision::Deuteranopia:
      m = &kDeuteranopia;
      break;
    case Vision::Tritanopia:
      m = &kTritanopia;
      break;
    case Vision::Normal:
      return c;
  }
  const auto row = [&c](const std::array<double, 3>& k) {
    return std::clamp(k[0] * c.r + k[1] * c.g + k[2] * c.b, 0.0, 1.0);
  };
  return {row((*m)[0]), row((*m)[1]), row((*m)[2])};
}

Lab to_lab(LinearRgb c) {
  // sRGB to XYZ (D65), then relative to D65's white.
  const double x = (0.4124564 * c.r + 0.3575761 * c.g + 0.1804375 * c.b) / 0.95047;
  const double y = 0.2126729 * c.r + 0.7151522 * c.g + 0.0721750 * c.b;
  const double z = (0.0193339 * c.r + 0.1191920 * c.g + 0.9503041 * c.b) / 1.08883;
  const auto f = [](double t) {
    constexpr double kEpsilon = 216.0 / 24389.0;
    constexpr double kKappa = 24389.0 / 27.0;
    return t > kEpsilon ? std::cbrt(t) : (kKappa * t + 16) / 116;
  };
  const double fx = f(x), fy = f(y), fz = f(z);
  return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

// Sharma, Wu & Dalal (2005), equations (1) to (22).
double ciede2000(Lab x, Lab y) {
  const double c_mean = (std::hypot(x.a, x.b) + std::hypot(y.a, y.b)) / 2;
  const double g = 0.5 * (1 - std::sqrt(pow7(c_mean) / (pow7(c_mean) + pow7(25.0))));
  const double a1 = (1 + g) * x.a, a2 = (1 + g) * y.a;
  const double c1 = std::hypot(a1, x.b), c2 = std::hypot(a2, y.b);
  const double h1 = hue(a1, x.b), h2 = hue(a2, y.b);
  const bool neutral = c1 * c2 == 0;
  double dh = neutral ? 0 : h2 - h1;
  if (dh > 180) dh -= 360;
  if (dh < -180) dh += 360;
  const double d_l = y.l - x.l;
  const double d_c = c2 - c1;
  const double d_h = 2 * std::sqrt(c1 * c2) * std::sin(radians(dh / 2));
  const double l_mean = (x.l + y.l) / 2;
  const double cp_mean = (c1 + c2) / 2;
  double h_mean = h1 + h2;
  if (!neutral) {
    if (std::abs(h1 - h2) <= 180) {
      h_mean = (h1 + h2) / 2;
    } else {
      h_mean = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
    }
  }
  const double t = 1 - 0.17 * std::cos(radians(h_mean - 30)) +
                   0.24 * std::cos(radians(2 * h_mean)) + 0.32 * std::cos(radians(3 * h_mean + 6)) -
                   0.20 * std::cos(radians(4 * h_mean - 63));
  const double d_theta = 30 * std::exp(-std::pow((h_mean - 275) / 25, 2));
  const double r_c = 2 * std::sqrt(pow7(cp_mean) / (pow7(cp_mean) + pow7(25.0)));
  const double s_l =
      1 + 0.015 * std::pow(l_mean - 50, 2) / std::sqrt(20 + std::pow(l_mean - 50, 2));
  const double s_c = 1 + 0.045 * cp_mean;
  const double s_h = 1 + 0.015 * cp_mean * t;
  const double r_t = -std::sin(radians(2 * d_theta)) * r_c;
  const double l = d_l / s_l, c = d_c / s_c, h = d_h / s_h;
  return std::sqrt(l * l + c * c + h * h + r_t * c * h);
}

double cvd_difference(std::uint32_t a, std::uint32_t b, Vision vision) {
  return ciede2000(to_lab(simulate(to_linear(a), vision)), to_lab(simulate(to_linear(b), vision)));
}

const char* vision_name(Vision vision) {
  switch (vision) {
    case Vision::Protanopia:
      return "protanopia";
    case Vision::Deuteranopia:
      return "deuteranopia";
    case Vision::Tritanopia:
      return "tritanopia";
    case Vision::Normal:
      break;
  }
  return "normal vision";
}

}  // namespace poolscope::gui
