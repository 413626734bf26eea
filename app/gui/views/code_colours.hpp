#pragma once
// The colours Go code is drawn in, per theme: one home for the code view
// (view_code.cpp) and the editor (view_editor.cpp), so a listing and the learner's own
// program look the same.
//
// - syntax_colour(): a token kind's colour, readable on that theme's panel colour;
//   Plain is the palette's text colour.
// - ink_on(): black or white, whichever reads better on a filled `background` (labels
//   on markers).
#include <cstdint>

#include "app/gui/model/go_syntax.hpp"
#include "app/gui/model/palette.hpp"

namespace poolscope::gui {

[[nodiscard]] std::uint32_t syntax_colour(ThemeId theme, GoTokenKind kind);
[[nodiscard]] std::uint32_t ink_on(std::uint32_t background);

}  // namespace poolscope::gui
