#pragma once
// The timeline: one lane per goroutine, coloured by state over virtual time, in the
// spirit of Tracy's zones.
//
// Index
//   [SECTION] TimelineState
//   [SECTION] draw_timeline
// Its arithmetic (time <-> x, zoom, ticks, span merging, the looks of spans) is
// model/timeline_layout.hpp, tested without a window.
//
// Using it
// - Mouse wheel over the lanes zooms around the cursor; over the lane names (or with
//   Shift) it scrolls the lanes. Right or middle drag pans time and lanes.
// - Left click or drag on the lanes or the time axis scrubs: the session shows that
//   moment (Session::view_at); "Live" returns to the present, "Resume from here" makes
//   the scrubbed moment the present. Clicking a lane's name selects its goroutine.
// - Follow keeps the present at the right edge while the run plays; panning turns it
//   off, "Live" turns it back on.
// - Hovering a span shows the goroutine, its state, its Go line, start and duration;
//   hovering a setting-change marker shows what changed.
//
// Cost (see PERFORMANCE.md: the rasteriser is the bottleneck)
// - Only lanes in the scrolled-to rows are drawn. The Session keeps lanes for its first
//   Session::kMaxLanes goroutines; the panel says how many have none.
// - In a lane, spans narrower than a pixel (times the UI scale) merge into one block
//   coloured by the state that covers most of it: a lane costs at most about one
//   rectangle per pixel of width, and usually a handful.
#include "app/gui/model/session.hpp"
#include "app/gui/model/timeline_layout.hpp"
#include "app/gui/views/theme.hpp"
#include "app/gui/views/view_pool.hpp"
#include "core/trace/event.hpp"

namespace poolscope::gui {

// [SECTION] TimelineState -------------------------------------------------------------

struct TimelineState {
  TimeWindow window;                   // = 0..5 s // what is shown
  bool follow = true;                  // = true   // keep the present at the right edge
  trace::GoroutineId scrolled_to = 0;  // = 0      // the selection last scrolled into view
};

// [SECTION] draw_timeline -------------------------------------------------------------

// Draws the toolbar, the time axis and the lanes into the current window's remaining
// region. Reads the session's lanes, changes and clock; its only mutations of the
// session are the scrubbing calls (view_at, live, resume_from_view). `selected` is the
// goroutine highlighted everywhere (0: none); clicking a lane's name sets it.
void draw_timeline(Session& session, TimelineState& state, const PoolViewStyle& style,
                   trace::GoroutineId& selected);

}  // namespace poolscope::gui
