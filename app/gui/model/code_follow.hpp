#pragma once
// Where the code view (views/view_code.hpp) scrolls its listing: to a newly selected
// goroutine's line, and, while following, to the lines with the most goroutines on them.
// Pure arithmetic on line counts and pixel heights; no ImGui, tested without a window.
//
// - A new selection scrolls its line into view once (centred), so the learner can
//   scroll away from it again.
// - Following keeps the selected goroutine's line in view; with no selection, the
//   window of lines that shows the most goroutines. The view moves only when another
//   window shows more than the current one, so it does not jitter as goroutines step
//   from line to line.
// - Scrolling by hand (any scroll the view did not ask for) turns following off.
#include <span>

#include "core/trace/event.hpp"

namespace poolscope::gui {

struct CodeScrollInput {
  // Kept from the last frame (CodeViewState).
  bool follow = true;                  // = true // keep the marked lines in view
  trace::GoroutineId scrolled_to = 0;  // = 0    // the selection last scrolled into view
  float set_scroll = -1;               // = -1   // the scroll asked for last (-1: none)
  // This frame.
  trace::GoroutineId selected = 0;  // the selected goroutine (0: none)
  int selected_line = 0;            // its line (0: on no line of the listing)
  std::span<const int> on_line;     // goroutines on each line, [1..lines]; [0] is unused
  float line_h = 1;                 // > 0: the height of one line
  float view_h = 0;                 // the listing's height
  float inner_h = 0;                // the listing's height less a horizontal scroll bar
  float scroll = 0;                 // the listing's scroll now
  float scroll_max = 0;             // its largest scroll (0: every line fits)
};

struct CodeScroll {
  bool follow = true;                  // following after this frame
  trace::GoroutineId scrolled_to = 0;  // the selection scrolled into view after this frame
  float scroll_to = -1;                // the scroll to set this frame, in [0, scroll_max]
                                       // (-1: leave the scroll where it is)
  float set_scroll = -1;               // to keep as the scroll asked for: scroll_to when
                                       // set, else the scroll now
};

// This frame's scroll decision.
[[nodiscard]] CodeScroll code_scroll(const CodeScrollInput& in);

// Goroutines on lines scrolled out of view, on one side.
struct Offscreen {
  int count = 0;
  int nearest = 0;  // the hidden line with goroutines closest to the view (0: none)
};

struct OffscreenGoroutines {
  Offscreen above;
  Offscreen below;
};

// The goroutines on lines wholly above or below the view [scroll, scroll + inner_h).
[[nodiscard]] OffscreenGoroutines offscreen_goroutines(std::span<const int> on_line, float line_h,
                                                       float scroll, float inner_h);

// The scroll that centres `line` in a view `inner_h` high, within [0, scroll_max].
[[nodiscard]] float centred_scroll(int line, float line_h, float inner_h, float scroll_max);

}  // namespace poolscope::gui
