#pragma once
// The Go listing in a recording's frame (--record-code): read-only, for viewers.
//
// - The program of the run (Session::program().source) with line numbers and, in a
//   gutter, a marker per line that has goroutines on it, in their look's colour with its
//   glyph and a count ("3x"), as the code view draws them (view_code.hpp); comments and
//   the lines that only measure the run (stats) are dimmed.
// - Nothing to click and no scroll bar: the listing scrolls by itself to keep the lines
//   with the most goroutines in view (model/code_follow.hpp), and lines too long for the
//   width are cut at its edge.
#include <imgui.h>

#include <string>

#include "app/gui/model/go_syntax.hpp"
#include "app/gui/model/session.hpp"
#include "app/gui/views/layout_report.hpp"
#include "app/gui/views/view_pool.hpp"

namespace poolscope::gui {

struct VideoCodeState {
  std::string source;  // the source `listing` was made from (the cache key)
  GoListing listing;   // highlight_go(source)
  float scroll = 0;    // pixels of the listing above the view
};

// Draws the listing into the rectangle [min, max] of the current window; reports it as
// "video:code" and its markers as "marker" (the line number as text).
void draw_video_listing(const Session& session, VideoCodeState& state, const PoolViewStyle& style,
                        ImVec2 min, ImVec2 max, LayoutReport& report);

}  // namespace poolscope::gui
