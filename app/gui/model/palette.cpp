#include "app/gui/model/palette.hpp"

#include <algorithm>

#include "app/gui/model/colour.hpp"

namespace poolscope::gui {

namespace {
// Okabe & Ito (2008), "Color Universal Design".
constexpr std::uint32_t kOrange = pack(230, 159, 0);
constexpr std::uint32_t kSkyBlue = pack(86, 180, 233);
constexpr std::uint32_t kGreen = pack(0, 158, 115);
constexpr std::uint32_t kYellow = pack(240, 228, 66);
constexpr std::uint32_t kBlue = pack(0, 114, 178);
constexpr std::uint32_t kVermillion = pack(213, 94, 0);
constexpr std::uint32_t kPurple = pack(204, 121, 167);

constexpr Palette make_palette(std::uint32_t background, std::uint32_t panel, std::uint32_t text,
                               std::uint32_t dim, std::uint32_t outline, std::uint32_t slot,
                               std::uint32_t grey, std::uint32_t deadlock, float stroke) {
  return Palette{
      .background = background,
      .panel = panel,
      .text = text,
      .text_dim = dim,
      .outline = outline,
      .slot = slot,
      .token = kSkyBlue,
      .result = kGreen,
      .warning = kVermillion,
      .deadlock = deadlock,
      .looks = {kSkyBlue, grey, kGreen, kVermillion, kBlue, kOrange, kOrange, kYellow, grey, grey,
                kPurple, kVermillion},
      .stroke = stroke,
  };
}

constexpr Palette kDark =
    make_palette(pack(22, 24, 29), pack(33, 36, 43), pack(235, 237, 240), pack(150, 156, 168),
                 pack(90, 96, 110), pack(48, 52, 62), pack(120, 126, 138), pack(240, 50, 70), 1.5f);
constexpr Palette kLight = make_palette(
    pack(246, 246, 243), pack(255, 255, 255), pack(25, 27, 31), pack(95, 100, 110),
    pack(160, 165, 175), pack(228, 230, 234), pack(140, 145, 155), pack(200, 0, 30), 1.5f);
constexpr Palette kProjector = make_palette(
    pack(0, 0, 0), pack(16, 16, 16), pack(255, 255, 255), pack(200, 200, 200), pack(230, 230, 230),
    pack(40, 40, 40), pack(170, 170, 170), pack(255, 60, 80), 3.0f);
}  // namespace

const Palette& palette(ThemeId theme) {
  switch (theme) {
    case ThemeId::Light:
      return kLight;
    case ThemeId::Projector:
      return kProjector;
    case ThemeId::Dark:
      break;
  }
  return kDark;
}

std::uint32_t look_colour(ThemeId theme, Look look) {
  return palette(theme).looks[static_cast<int>(look)];
}

std::uint32_t with_alpha(std::uint32_t colour, float alpha) {
  const auto a = static_cast<std::uint32_t>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f);
  return (colour & 0x00FFFFFFu) | (a << 24);
}

}  // namespace poolscope::gui
