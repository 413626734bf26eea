#pragma once
// The legend of looks: what each glyph and colour of a goroutine means, in plain words.
//
// - draw_legend_table() lists every Look (glyph in its colour's disc, name, one
//   sentence), the same glyphs and colours the cards, the timeline's lanes, the code
//   markers and the stage counters use (they all classify with goroutine_look.hpp).
// - draw_legend_button() is a small "Legend" button that opens the table in a popup:
//   the pool view and the timeline's toolbar each have one, so it is one click away.
//   A video frame (PoolViewStyle::video) has none: no one can click it there.
// - draw_legend_row() is a one-line legend of the given looks, for stage mode, where
//   it is always shown under the counters.
#include <array>
#include <cstddef>

#include "app/gui/model/look.hpp"
#include "app/gui/views/view_pool.hpp"

namespace poolscope::gui {

using LookSet = std::array<bool, static_cast<std::size_t>(Look::Count)>;

// One sentence on what a goroutine in `look` is doing.
[[nodiscard]] const char* look_explanation(Look look);

// The table of every look, in the current window.
void draw_legend_table(const PoolViewStyle& style);

// A small "Legend" button with the table in a popup; `id` tells the buttons apart.
// `open_now` opens the popup without a click (a key), just under the button.
// Returns true while the popup is open.
bool draw_legend_button(const char* id, const PoolViewStyle& style, bool open_now = false);

// Glyph discs and names of the looks in `looks`, left to right, wrapping at the
// current window's width; a dimmed "Legend:" first. Advances the cursor past them.
void draw_legend_row(const LookSet& looks, const PoolViewStyle& style);

// The height draw_legend_row() takes across `width` pixels (its lines of wrapping).
[[nodiscard]] float legend_row_height(const LookSet& looks, float width);

}  // namespace poolscope::gui
