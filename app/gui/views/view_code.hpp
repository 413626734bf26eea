#pragma once
// The code view: the Go program of the current settings, with every goroutine marked
// at the line it is on.
//
// - The listing is Session::program().source, the program `poolscope-cli export-go`
//   writes; it is read every frame, so a changed setting shows at once
//   (`make(chan int, 5)` becomes `make(chan int, 6)`). Its tokenization (go_syntax.hpp)
//   is cached in CodeViewState, keyed by the source text.
// - Markers sit in a gutter between the line numbers and the code: one per line that
//   has goroutines on it, coloured by their look (theme.hpp; the look most of them
//   share), with the look's glyph and, for several, a count ("3x"). Exited goroutines
//   have none. Hovering a marker lists its goroutines; clicking selects one (clicking
//   again moves to the next one on that line).
// - The selected goroutine's line is highlighted, and scrolled into view when the
//   selection changes (also when it is made in another view). While "follow" is on, the
//   listing keeps the goroutines' lines in view; scrolling by hand turns it off. The
//   markers are model/code_markers.hpp; where to scroll is model/code_follow.hpp.
// - Lines that only measure the run (`stats.` calls, the stats section) are not the
//   lesson: by default they are left out or folded into one row that expands on a click
//   (model/code_rows.hpp); the line numbers stay main.go's, so they skip the lines left
//   out. The "measurements" box shows them all, dimmed.
// - Goroutines on lines scrolled out of view are counted in a strip of its own above and
//   below the listing ("1 goroutine above"), never over the code; a click shows them.
// - Long lines scroll sideways (a horizontal scroll bar under the listing).
// - After a Step (or a step back) the line just run, where the goroutine the step moved
//   stopped, has a band of its own, the strip below names the goroutine, and following
//   keeps that line in view (unless a goroutine is selected).
// - Draws only the lines in view (ImGuiListClipper); per frame it walks the
//   snapshot's goroutines once.
#include <string>

#include "app/gui/model/code_rows.hpp"
#include "app/gui/model/go_syntax.hpp"
#include "app/gui/model/session.hpp"
#include "app/gui/views/layout_report.hpp"
#include "app/gui/views/view_pool.hpp"
#include "core/trace/event.hpp"

namespace poolscope::gui {

struct CodeViewState {
  std::string source;                   // the source `listing` was made from (the cache key)
  GoListing listing;                    // highlight_go(source)
  bool show_measurements = false;       // every line, the stats calls and section too
  CodeRows rows;                        // code_rows(listing, rows_show_measurements)
  bool rows_show_measurements = false;  // what `rows` was made with
  std::size_t widest_row = 0;           // columns of the widest line shown
  trace::GoroutineId scrolled_to = 0;   // the selection last scrolled into view (0: none)
  bool follow = true;                   // keep the marked lines in view (off once the user scrolls)
  float set_scroll = -1;                // the scroll this view asked for last (-1: none)
  LayoutReport* report = nullptr;       // where to record markers and the listing (may be null)
};

// Draws into the current window's remaining region. Reads the session only; writes
// `selected` (the goroutine highlighted in every view, 0: none) when a marker is clicked.
void draw_code(const Session& session, CodeViewState& state, const PoolViewStyle& style,
               trace::GoroutineId& selected);

}  // namespace poolscope::gui
