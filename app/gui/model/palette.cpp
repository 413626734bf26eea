#include "app/gui/model/palette.hpp"

#include <algorithm>

#include "app/gui/model/colour.hpp"

namespace poolscope::gui {

namespace {
// The colours of the states, after Okabe & Ito (2008), "Color Universal Design": sky blue
// waits for a job, green works, vermillion is blocked, orange waits for a resource, yellow
// for a CPU, blue waits on something else, reddish purple leaked, grey is not in the
// pool's work. Tuned (tests/gui/model/palette_test.cpp) so that each pair stays
// CIEDE2000 >= 10 apart under all three dichromacies (12 or more as chosen), and so that
// `background` reads on them: light fills for the dark themes, deep ones for the light theme.
struct States {
  std::uint32_t sky, grey, green, vermillion, blue, orange, yellow, purple, deadlock;
};

constexpr States kLightStates{pack(107, 195, 249), pack(176, 170, 172), pack(8, 158, 125),
                              pack(236, 137, 79),  pack(122, 136, 241), pack(255, 195, 2),
                              pack(255, 255, 148), pack(186, 115, 166), pack(253, 63, 124)};
constexpr States kDeepStates{pack(3, 117, 180),  pack(104, 114, 118), pack(0, 99, 78),
                             pack(208, 43, 0),   pack(47, 60, 174),   pack(104, 43, 0),
                             pack(114, 115, 71), pack(113, 63, 104),  pack(155, 0, 39)};

struct Surfaces {
  std::uint32_t background, panel, text, text_dim, outline, slot;
  std::uint32_t button, button_hovered, button_active;
};

constexpr Palette make_palette(const Surfaces& s, const States& c, float stroke) {
  return Palette{
      .background = s.background,
      .panel = s.panel,
      .text = s.text,
      .text_dim = s.text_dim,
      .outline = s.outline,
      .slot = s.slot,
      .token = c.sky,
      .result = c.green,
      .warning = c.vermillion,
      .deadlock = c.deadlock,
      .looks = {c.sky, c.grey, c.green, c.vermillion, c.blue, c.orange, c.orange, c.yellow, c.grey,
                c.grey, c.purple, c.vermillion},
      .button = s.button,
      .button_hovered = s.button_hovered,
      .button_active = s.button_active,
      .accent = c.sky,
      .stroke = stroke,
  };
}

constexpr Palette kDark = make_palette({.background = pack(22, 24, 29),
                                        .panel = pack(33, 36, 43),
                                        .text = pack(235, 237, 240),
                                        .text_dim = pack(150, 156, 168),
                                        .outline = pack(112, 118, 130),
                                        .slot = pack(104, 110, 122),
                                        .button = pack(40, 80, 125),
                                        .button_hovered = pack(32, 96, 160),
                                        .button_active = pack(24, 70, 120)},
                                       kLightStates, 1.5f);
constexpr Palette kLight = make_palette({.background = pack(246, 246, 243),
                                         .panel = pack(255, 255, 255),
                                         .text = pack(25, 27, 31),
                                         .text_dim = pack(95, 100, 110),
                                         .outline = pack(130, 135, 144),
                                         .slot = pack(140, 144, 152),
                                         .button = pack(180, 213, 253),
                                         .button_hovered = pack(66, 150, 250),
                                         .button_active = pack(15, 135, 250)},
                                        kDeepStates, 1.5f);
constexpr Palette kProjector = make_palette({.background = pack(0, 0, 0),
                                             .panel = pack(16, 16, 16),
                                             .text = pack(255, 255, 255),
                                             .text_dim = pack(200, 200, 200),
                                             .outline = pack(230, 230, 230),
                                             .slot = pack(100, 100, 100),
                                             .button = pack(40, 80, 125),
                                             .button_hovered = pack(32, 96, 160),
                                             .button_active = pack(24, 70, 120)},
                                            kLightStates, 3.0f);
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
