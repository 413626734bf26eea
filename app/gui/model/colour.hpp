#pragma once
// Colour maths for checking the palettes: how readable a colour is on another, and how
// far apart two colours look to people with a colour-vision deficiency.
//
// - Colours are 8-bit sRGB, packed as ImGui packs them (IM_COL32: alpha in the top byte,
//   then blue, green, red in the lowest byte); pack() builds one without ImGui. Alpha
//   is ignored: every colour is taken as opaque.
// - contrast_ratio() is WCAG 2.x's (relative luminance of linear sRGB, (L1 + 0.05) /
//   (L2 + 0.05)): 1 to 21; AA asks 4.5 for body text, 3 for large text and shapes.
// - simulate() applies Machado, Oliveira & Fernandes (2009)'s matrices for dichromacy
//   (severity 1.0) to linear RGB, clamped to [0, 1].
// - to_lab() is CIE L*a*b* under D65 (sRGB's white); ciede2000() is the CIEDE2000
//   difference (Sharma, Wu & Dalal 2005) with kL = kC = kH = 1.
// - cvd_difference() puts the three together: the CIEDE2000 difference between two
//   colours as someone with `vision` sees them.
#include <cstdint>

namespace poolscope::gui {

// An 8-bit sRGB colour packed as IM_COL32(r, g, b, a) packs it.
[[nodiscard]] constexpr std::uint32_t pack(std::uint8_t r, std::uint8_t g, std::uint8_t b,
                                           std::uint8_t a = 255) {
  return static_cast<std::uint32_t>(a) << 24 | static_cast<std::uint32_t>(b) << 16 |
         static_cast<std::uint32_t>(g) << 8 | static_cast<std::uint32_t>(r);
}

// Linear RGB, each channel in [0, 1].
struct LinearRgb {
  double r = 0, g = 0, b = 0;
};

struct Lab {
  double l = 0, a = 0, b = 0;
};

enum class Vision { Normal, Protanopia, Deuteranopia, Tritanopia };

// One sRGB channel (0..1) to linear light and back (IEC 61966-2-1).
[[nodiscard]] double srgb_to_linear(double channel);
[[nodiscard]] double linear_to_srgb(double channel);

// The packed colour's channels in linear light.
[[nodiscard]] LinearRgb to_linear(std::uint32_t colour);

// WCAG relative luminance: 0 (black) to 1 (white).
[[nodiscard]] double relative_luminance(std::uint32_t colour);

// WCAG contrast ratio of two colours, whichever is lighter: 1 to 21.
[[nodiscard]] double contrast_ratio(std::uint32_t a, std::uint32_t b);

// `c` as seen with `vision` (Normal: unchanged).
[[nodiscard]] LinearRgb simulate(LinearRgb c, Vision vision);

// CIE L*a*b* (D65) of a linear RGB colour.
[[nodiscard]] Lab to_lab(LinearRgb c);

// CIEDE2000 colour difference; about 1 is just noticeable side by side.
[[nodiscard]] double ciede2000(Lab x, Lab y);

// The CIEDE2000 difference of `a` and `b` as someone with `vision` sees them.
[[nodiscard]] double cvd_difference(std::uint32_t a, std::uint32_t b, Vision vision);

[[nodiscard]] const char* vision_name(Vision vision);

}  // namespace poolscope::gui
