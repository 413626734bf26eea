#pragma once
// The timeline's layout: what the timeline panel (views/view_timeline.hpp) draws where,
// as pure arithmetic on virtual time and screen x; no ImGui, tested without a window.
//
// Index
//   [SECTION] Time window and time <-> x
//   [SECTION] Ticks and labels
//   [SECTION] Spans to rectangles
//
// - A TimeWindow is what the panel shows across the lanes' width; a TimeMap turns it
//   into x = x0 + (t - start) / ns_per_px for one frame.
// - pixel_spans() turns a lane's spans into at most about one rectangle per pixel of
//   width: spans narrower than a pixel merge into one block coloured by the state that
//   covers most of it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "app/gui/model/goroutine_look.hpp"
#include "app/gui/model/look.hpp"
#include "app/gui/model/session.hpp"
#include "core/scenario/go_export.hpp"
#include "core/trace/event.hpp"

namespace poolscope::gui {

// [SECTION] Time window and time <-> x ----------------------------------------------------

inline constexpr double kMinSpanNs = 1e4;                // 10 us across the width at most zoom
inline constexpr double kMaxSpanNs = 7.0 * 24 * 3600e9;  // a week

// The virtual time shown across the lanes' width.
struct TimeWindow {
  double start_ns = 0;   // = 0   // time at the left edge
  double span_ns = 5e9;  // = 5 s // time across the width (the zoom)
  friend bool operator==(const TimeWindow&, const TimeWindow&) = default;
};

// Maps virtual time to screen x and back: x = x0 + (t - start) / ns_per_px.
struct TimeMap {
  double start_ns = 0;
  double ns_per_px = 1;  // > 0
  float x0 = 0;
  [[nodiscard]] float x_of(double t_ns) const {
    return x0 + static_cast<float>((t_ns - start_ns) / ns_per_px);
  }
  [[nodiscard]] double time_at(float x) const {
    return start_ns + static_cast<double>(x - x0) * ns_per_px;
  }
};

// The map that shows `window` across [x0, x0 + width). Precondition: width > 0.
[[nodiscard]] TimeMap time_map(const TimeWindow& window, float x0, float width);

// Zooms by `factor` (< 1 zooms in) keeping time `anchor_ns` where it is on screen; the
// span is clamped to [kMinSpanNs, kMaxSpanNs].
[[nodiscard]] TimeWindow zoom_around(const TimeWindow& window, double anchor_ns, double factor);

// The window that follows the present: `now` at the right edge, or 0 at the left edge
// while the run is shorter than the span.
[[nodiscard]] TimeWindow follow_window(const TimeWindow& window, trace::Time now);

// Keeps the window in sight of the run: its span within [kMinSpanNs, kMaxSpanNs], its
// start a tenth of the span before 0 at most, and not past the present.
[[nodiscard]] TimeWindow clamp_window(TimeWindow window, trace::Time now);

// [SECTION] Ticks and labels --------------------------------------------------------------

// The smallest tick step of the form {1, 2, 5} x 10^k ns that puts at least `min_px`
// pixels between ticks. Precondition: ns_per_px > 0, min_px > 0.
[[nodiscard]] double nice_tick_step(double ns_per_px, double min_px);

// A tick label at time t for ticks `step_ns` apart, in the unit that suits the step
// ("1.5 s", "250 ms", "12.5 ms", "40 us") with just the decimals the step needs.
[[nodiscard]] std::string format_tick(double t_ns, double step_ns);

// A duration for people, three significant digits: "1.25 s", "35.0 ms", "120 us", "15 ns".
[[nodiscard]] std::string format_duration(trace::Time d);

// [SECTION] Spans to rectangles -----------------------------------------------------------

// One rectangle of a lane: [x0, x1) in screen pixels.
struct PixelSpan {
  float x0 = 0;
  float x1 = 0;
  std::size_t source = 0;  // the lane span it shows; for a merged block, the longest span
                           // of the state that covers most of it
  bool merged = false;     // several spans narrower than min_px fell into this block
};

// The rectangles of `lane` between x_min and x_max: spans in start order, the last one
// ending at `end` (the lane's exit, or the present). The Exited span is not drawn, nor
// are spans of zero duration. Runs of spans each narrower than `min_px` merge into one
// block, at least `min_px` wide; a block never covers the one before it. Neighbours of
// the same state stay separate (one job after another). Fills `out` (cleared first).
// Precondition: min_px >= 1.
void pixel_spans(const Lane& lane, trace::Time end, const TimeMap& map, float x_min, float x_max,
                 float min_px, std::vector<PixelSpan>& out);

// When lane span `i` ends: the next span's start, else `end`.
[[nodiscard]] trace::Time span_end(const Lane& lane, std::size_t i, trace::Time end);

// The index of the span of `lane` that holds time t (start <= t < its end), or
// lane.spans.size() when none does (before the first kept span, after `end`, exited).
[[nodiscard]] std::size_t span_at(const Lane& lane, double t_ns, trace::Time end);

// The look of span `i` of `lane`, by the one classifier (goroutine_look.hpp) the pool
// picture uses, so a lane shows at every moment the look the card shows then. A leak
// is a fact of the run's end, not of a span: the panel says it on the lane's name (the
// card turns Leaked only once the run completed), and the span keeps the wait's look.
[[nodiscard]] Look span_look(const Lane& lane, std::size_t i, const LookRules& rules);

// The number of spans of `lane` that start in [t0, t1).
[[nodiscard]] std::size_t spans_starting_in(const Lane& lane, double t0_ns, double t1_ns);

}  // namespace poolscope::gui
