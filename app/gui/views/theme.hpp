#pragma once
// Theme: colours and shapes of everything Poolscope draws.
//
// - Three themes: Dark (a desk), Light (print, bright rooms), Projector (high
//   contrast, thick strokes, for a wall). apply_theme() styles ImGui; palette()
//   (model/palette.hpp) gives the colours of the pool view and their rules.
// - Every state also has its own glyph, so colour is never the only cue.
#include <cstdint>

#include "app/gui/model/palette.hpp"

namespace poolscope::gui {

// Styles ImGui for `theme` at `scale` (sizes scaled; fonts are loaded separately).
void apply_theme(ThemeId theme, float scale);

}  // namespace poolscope::gui
