#pragma once
// Palette: the colours of everything Poolscope draws, per theme, without ImGui (so the
// model tests can check them: tests/gui/model/palette_test.cpp).
//
// - Three themes: Dark (a desk), Light (print, bright rooms), Projector (high contrast,
//   thick strokes, for a wall). views/theme.hpp styles ImGui from these.
// - Colours are packed as IM_COL32 packs them (colour.hpp's pack()).
// - Every text colour (text, text_dim, warning, deadlock and every Look's colour, which
//   tooltips, counters and labels use as text) reads at WCAG AA (4.5:1) on both
//   `background` and `panel`. Anything drawn on a filled shape of a Look, a token, a
//   result, a warning or a deadlock banner is written in `background`, at 4.5:1 on the
//   fill too: so the Dark and Projector fills are light and the Light theme's are dark.
//   The outline and an empty slot stand 3:1 off the panel; `text` reads on the buttons.
// - The Looks' colours that differ stay apart (CIEDE2000 >= 10) for people with
//   protanopia, deuteranopia and tritanopia (Machado 2009). Looks that share a colour
//   (runnable, sleeping and exited; both waits for a slot; a blocked send and a panic)
//   are told apart by their glyphs.
#include <cstdint>

#include "app/gui/model/look.hpp"

namespace poolscope::gui {

struct Palette {
  std::uint32_t background;  // packed as IM_COL32
  std::uint32_t panel;
  std::uint32_t text;
  std::uint32_t text_dim;
  std::uint32_t outline;
  std::uint32_t slot;     // an empty channel slot
  std::uint32_t token;    // a job token
  std::uint32_t result;   // a result token
  std::uint32_t warning;  // teaching warnings, the panic banner
  // A deadlock's wait-for arrows and banner: a red apart from the vermillion of a blocked
  // send (the cards in the cycle).
  std::uint32_t deadlock;
  std::uint32_t looks[static_cast<int>(Look::Count)];
  std::uint32_t button;  // ImGui's buttons, under `text`
  std::uint32_t button_hovered;
  std::uint32_t button_active;
  std::uint32_t accent;  // slider grabs and check marks
  float stroke;          // line thickness in pixels at scale 1
};

const Palette& palette(ThemeId theme);
std::uint32_t look_colour(ThemeId theme, Look look);

// `colour` with its alpha replaced by `alpha` (clamped to [0, 1]; 1 is opaque).
[[nodiscard]] std::uint32_t with_alpha(std::uint32_t colour, float alpha);

}  // namespace poolscope::gui
