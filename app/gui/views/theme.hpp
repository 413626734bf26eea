#pragma once
// Theme: colours and shapes of everything Poolscope draws.
//
// - Three themes: Dark (a desk), Light (print, bright rooms), Projector (high
//   contrast, thick strokes, for a wall). apply_theme() styles ImGui; palette()
//   gives the colours of the pool view.
// - Worker and goroutine states use the Okabe-Ito palette, which stays
//   distinguishable with the common colour-vision deficiencies, and every state
//   also has its own glyph, so colour is never the only cue.
#include <cstdint>

#include "app/gui/model/look.hpp"

namespace poolscope::gui {

struct Palette {
  std::uint32_t background;  // ImGui packed ABGR colours (IM_COL32)
  std::uint32_t panel;
  std::uint32_t text;
  std::uint32_t text_dim;
  std::uint32_t outline;
  std::uint32_t slot;     // an empty channel slot
  std::uint32_t token;    // a job token
  std::uint32_t result;   // a result token
  std::uint32_t warning;  // teaching warnings, the panic banner
  // A deadlock's wait-for arrows and banner: a red apart from the vermillion of a blocked
  // send (the cards in the cycle), at least 4:1 against the theme's background.
  std::uint32_t deadlock;
  std::uint32_t looks[static_cast<int>(Look::Count)];
  float stroke;  // line thickness in pixels at scale 1
};

const Palette& palette(ThemeId theme);
std::uint32_t look_colour(ThemeId theme, Look look);

// `colour` with its alpha replaced by `alpha` (clamped to [0, 1]; 1 is opaque).
[[nodiscard]] std::uint32_t with_alpha(std::uint32_t colour, float alpha);

// Styles ImGui for `theme` at `scale` (sizes scaled; fonts are loaded separately).
void apply_theme(ThemeId theme, float scale);

}  // namespace poolscope::gui
