// The timeline's layout. Sections:
//   [SECTION] Time window and time <-> x
//   [SECTION] Ticks and labels
//   [SECTION] Spans to rectangles
#include "app/gui/model/timeline_layout.hpp"

#include "app/gui/model/number_format.hpp"

#include <fmt/core.h>
#include <algorithm>
#include <array>
#include <cmath>

namespace poolscope::gui {

// [SECTION] Time window and time <-> x ----------------------------------------------------

TimeMap time_map(const TimeWindow& window, float x0, float width) {
  return TimeMap{window.start_ns, window.span_ns / static_cast<double>(std::max(width, 1.0f)), x0};
}

TimeWindow zoom_around(const TimeWindow& window, double anchor_ns, double factor) {
  const double span = std::clamp(window.span_ns * factor, kMinSpanNs, kMaxSpanNs);
  const double ratio = span / window.span_ns;
  return TimeWindow{anchor_ns - (anchor_ns - window.start_ns) * ratio, span};
}

TimeWindow follow_window(const TimeWindow& window, trace::Time now) {
  return TimeWindow{std::max(0.0, static_cast<double>(now) - window.span_ns), window.span_ns};
}

TimeWindow clamp_window(TimeWindow window, trace::Time now) {
  window.span_ns = std::clamp(window.span_ns, kMinSpanNs, kMaxSpanNs);
  window.start_ns =
      std::clamp(window.start_ns, -0.1 * window.span_ns, std::max(0.0, static_cast<double>(now)));
  return window;
}

// [SECTION] Ticks and labels --------------------------------------------------------------

double nice_tick_step(double ns_per_px, double min_px) {
  const double wanted = std::max(ns_per_px * min_px, 1.0);
  double magnitude = std::pow(10.0, std::floor(std::log10(wanted)));
  for (;;) {
    for (double m : {1.0, 2.0, 5.0}) {
      if (m * magnitude >= wanted * (1 - 1e-9)) return m * magnitude;
    }
    magnitude *= 10;
  }
}

std::string format_tick(double t_ns, double step_ns) {
  double unit = 1e9;
  const char* name = "s";
  if (step_ns < 1e5) {
    unit = 1e3;
    name = "us";
  } else if (step_ns < 1e8) {
    unit = 1e6;
    name = "ms";
  }
  const double step = step_ns / unit;
  const int decimals = std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
  double value = t_ns / unit;
  if (std::fabs(value) < step * 1e-6) value = 0;  // no "-0"
  if (decimals == 0) return fmt::format("{} {}", group_thousands(std::llround(value)), name);
  return fmt::format("{:.{}f} {}", value, decimals, name);
}

std::string format_duration(trace::Time d) {
  const double ns = static_cast<double>(d);
  const auto three = [](double v, const char* unit) {
    if (std::fabs(v) >= 999.5) return fmt::format("{} {}", group_thousands(std::llround(v)), unit);
    const int decimals = v >= 100 ? 0 : v >= 10 ? 1 : 2;
    return fmt::format("{:.{}f} {}", v, decimals, unit);
  };
  if (std::fabs(ns) >= 1e9) return three(ns / 1e9, "s");
  if (std::fabs(ns) >= 1e6) return three(ns / 1e6, "ms");
  if (std::fabs(ns) >= 1e3) return three(ns / 1e3, "us");
  return fmt::format("{} ns", d);
}

// [SECTION] Spans to rectangles -----------------------------------------------------------

trace::Time span_end(const Lane& lane, std::size_t i, trace::Time end) {
  return i + 1 < lane.spans.size() ? lane.spans[i + 1].start : end;
}

namespace {
// The index of the last span starting at or before t (0 when t is before every span).
std::size_t last_start_at_or_before(const Lane& lane, double t_ns) {
  const auto it = std::upper_bound(
      lane.spans.begin(), lane.spans.end(), t_ns,
      [](double t, const Lane::Span& s) { return t < static_cast<double>(s.start); });
  return it == lane.spans.begin() ? 0 : static_cast<std::size_t>(it - lane.spans.begin()) - 1;
}
}  // namespace

std::size_t span_at(const Lane& lane, double t_ns, trace::Time end) {
  const std::size_t none = lane.spans.size();
  if (lane.spans.empty() || t_ns < static_cast<double>(lane.spans.front().start)) return none;
  const std::size_t i = last_start_at_or_before(lane, t_ns);
  if (lane.spans[i].state == trace::GoState::Exited) return none;
  if (t_ns >= static_cast<double>(span_end(lane, i, end))) return none;
  return i;
}

Look span_look(const Lane& lane, std::size_t i, const LookRules& rules) {
  const Lane::Span& span = lane.spans[i];
  return classify({span.state, span.object, span.line, false}, rules);
}

std::size_t spans_starting_in(const Lane& lane, double t0_ns, double t1_ns) {
  const auto by_start = [](const Lane::Span& s, double t) {
    return static_cast<double>(s.start) < t;
  };
  const auto a = std::lower_bound(lane.spans.begin(), lane.spans.end(), t0_ns, by_start);
  const auto b = std::lower_bound(lane.spans.begin(), lane.spans.end(), t1_ns, by_start);
  return static_cast<std::size_t>(b - a);
}

void pixel_spans(const Lane& lane, trace::Time end, const TimeMap& map, float x_min, float x_max,
                 float min_px, std::vector<PixelSpan>& out) {
  out.clear();
  const std::size_t n = lane.spans.size();
  if (n == 0 || x_max <= x_min) return;
  const double t_right = map.time_at(x_max);
  // A block of narrow spans being merged: how long each state covers, and the longest
  // span of each state (its representative).
  struct Block {
    bool open = false;
    float x0 = 0;
    float x1 = 0;
    std::array<trace::Time, trace::kGoStateCount> covered{};
    std::array<std::size_t, trace::kGoStateCount> longest{};
    std::array<trace::Time, trace::kGoStateCount> longest_d{};
    int spans = 0;
  } block;
  const auto push = [&out, min_px, x_max](PixelSpan p) {
    if (!out.empty() && p.x0 < out.back().x1) {  // after a widened block: never drawn over it
      p.x0 = out.back().x1;
      if (p.x1 <= p.x0) return;
    }
    if (p.x1 - p.x0 < min_px) {  // too thin to see: widen, inside the right edge
      p.x1 = std::min(p.x0 + min_px, x_max);
      p.x0 = std::min(p.x0, p.x1 - min_px);
    }
    out.push_back(p);
  };
  const auto close_block = [&]() {
    if (!block.open) return;
    std::size_t best = 0;
    for (std::size_t s = 1; s < block.covered.size(); ++s) {
      if (block.covered[s] > block.covered[best]) best = s;
    }
    push(PixelSpan{block.x0, block.x1, block.longest[best], block.spans > 1});
    block = Block{};
  };

  for (std::size_t i = last_start_at_or_before(lane, map.time_at(x_min)); i < n; ++i) {
    const Lane::Span& s = lane.spans[i];
    if (static_cast<double>(s.start) >= t_right) break;
    if (s.state == trace::GoState::Exited) break;
    const trace::Time e = span_end(lane, i, end);
    if (e <= s.start) continue;
    const float x_end = map.x_of(static_cast<double>(e));
    if (x_end <= x_min) continue;  // ends left of the window (the lane ended before it)
    const float x0 = std::max(map.x_of(static_cast<double>(s.start)), x_min);
    const float x1 = std::min(x_end, x_max);
    if (x1 - x0 >= min_px) {
      close_block();
      push(PixelSpan{x0, x1, i, false});
      continue;
    }
    if (!block.open) {
      block.open = true;
      block.x0 = x0;
    }
    block.x1 = std::max(block.x1, x1);
    const auto state = static_cast<std::size_t>(s.state);
    block.covered[state] += e - s.start;
    if (e - s.start > block.longest_d[state]) {
      block.longest_d[state] = e - s.start;
      block.longest[state] = i;
    }
    ++block.spans;
  }
  close_block();
}

}  // namespace poolscope::gui
