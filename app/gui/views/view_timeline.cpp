// The timeline panel. Sections:
//   [SECTION] Pure helpers
//   [SECTION] Drawing helpers
//   [SECTION] Toolbar
//   [SECTION] Time axis
//   [SECTION] Lanes
//   [SECTION] Input (zoom, pan, scrub)
//   [SECTION] draw_timeline
#include "app/gui/views/view_timeline.hpp"

#include <imgui.h>

#include <fmt/core.h>
#include <algorithm>
#include <array>
#include <cmath>

namespace poolscope::gui {

// [SECTION] Pure helpers ---------------------------------------------------------------

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
  return fmt::format("{:.{}f} {}", value, decimals, name);
}

std::string format_duration(trace::Time d) {
  const double ns = static_cast<double>(d);
  const auto three = [](double v, const char* unit) {
    const int decimals = v >= 100 ? 0 : v >= 10 ? 1 : 2;
    return fmt::format("{:.{}f} {}", v, decimals, unit);
  };
  if (std::fabs(ns) >= 1e9) return three(ns / 1e9, "s");
  if (std::fabs(ns) >= 1e6) return three(ns / 1e6, "ms");
  if (std::fabs(ns) >= 1e3) return three(ns / 1e3, "us");
  return fmt::format("{} ns", d);
}

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

Look span_look(trace::GoState state, std::uint16_t line, const scenario::GoProgram& program) {
  using scenario::Anchor;
  using trace::GoState;
  const int l = line;
  const auto at = [l, &program](Anchor a) { return l != 0 && l == program.line(a); };
  const bool db = at(Anchor::WorkerAcquireDb) || at(Anchor::JobAcquireDb);
  switch (state) {
    case GoState::Runnable:
    case GoState::Running:
      return Look::Runnable;
    case GoState::Working:
    case GoState::IoWait:
      return Look::Working;
    case GoState::WaitingCpu:
      return Look::WaitingCpu;
    case GoState::Sleeping:  // the work itself may be a time.Sleep
      return at(Anchor::WorkSleep) ? Look::Working : Look::Sleeping;
    case GoState::BlockedSemaphore:
    case GoState::BlockedSend:
      if (at(Anchor::GroupGoAcquire)) return Look::WaitingLimit;
      if (db || state == GoState::BlockedSemaphore) return Look::WaitingResource;
      return Look::BlockedSend;
    case GoState::BlockedRecv:
    case GoState::BlockedSelect:
      return at(Anchor::WorkerRange) ? Look::Idle : Look::BlockedRecv;
    case GoState::BlockedWaitGroup:
      return Look::BlockedRecv;
    case GoState::Exited:
      return Look::Exited;
  }
  return Look::Runnable;
}

namespace {

// [SECTION] Drawing helpers --------------------------------------------------------------

void help_marker(const char* text) {
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

// What one frame of the panel works with.
struct Frame {
  const PoolViewStyle& style;
  const Palette& pal;
  float s;
  trace::Time now;
  TimeMap map;
  float x_lanes;             // left edge of the lanes (after the names)
  float x_right;             // right edge of the lanes
  float label_w;             // width of the names column
  std::vector<float> ticks;  // screen x of the axis ticks, for the grid
};

// [SECTION] Toolbar ----------------------------------------------------------------------

void draw_toolbar(Session& session, TimelineState& state) {
  ImGui::Checkbox("Follow", &state.follow);
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("Keep the present at the right edge while the run plays.");
  }
  ImGui::SameLine();
  if (ImGui::Button("Fit")) {
    state.window = TimeWindow{0, std::max(static_cast<double>(session.now()), kMinSpanNs)};
    state.follow = false;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the whole run so far.");
  if (session.scrubbing()) {
    ImGui::SameLine();
    if (ImGui::Button("Live")) {
      session.live();
      state.follow = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to the present; the run goes on.");
    ImGui::SameLine();
    if (ImGui::Button("Resume from here")) {
      session.resume_from_view();
      state.follow = true;
    }
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("Continue the run from the moment shown; what came after is dropped.");
    }
  }
  ImGui::SameLine();
  const auto seconds = [](trace::Time t) { return static_cast<double>(t) / 1e9; };
  const std::string when = session.scrubbing()
                               ? fmt::format("showing t = {:.3f} s  (present {:.3f} s)",
                                             seconds(session.view_time()), seconds(session.now()))
                               : fmt::format("t = {:.3f} s", seconds(session.now()));
  ImGui::TextUnformatted(when.c_str());
  ImGui::SameLine();
  help_marker(
      "One lane per goroutine, coloured by its state over virtual time.\n"
      "Wheel: zoom around the mouse. Shift+wheel or wheel over the names: scroll lanes.\n"
      "Right or middle drag: pan. Left click or drag: show that moment (scrub).\n"
      "Click a name to select that goroutine. Vertical marks: settings changed.");
}

// [SECTION] Time axis --------------------------------------------------------------------

void draw_axis(ImDrawList* dl, Frame& f, ImVec2 origin, float height) {
  const float s = f.s;
  dl->AddRectFilled(ImVec2(f.x_lanes, origin.y), ImVec2(f.x_right, origin.y + height),
                    f.pal.background);
  const double step = nice_tick_step(f.map.ns_per_px, 90.0 * static_cast<double>(s));
  const double t_left = f.map.time_at(f.x_lanes);
  const double t_right = f.map.time_at(f.x_right);
  const ImVec4 clip(f.x_lanes, origin.y, f.x_right, origin.y + height);
  for (double t = std::ceil(t_left / step) * step; t <= t_right; t += step) {
    const float x = std::round(f.map.x_of(t));
    f.ticks.push_back(x);
    dl->AddLine(ImVec2(x, origin.y + height - 5 * s), ImVec2(x, origin.y + height), f.pal.text_dim,
                s);
    const std::string label = format_tick(t, step);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize() * 0.85f, ImVec2(x + 3 * s, origin.y + 1 * s),
                f.pal.text_dim, label.c_str(), nullptr, 0.0f, &clip);
  }
  dl->AddLine(ImVec2(f.x_lanes, origin.y + height - 0.5f),
              ImVec2(f.x_right, origin.y + height - 0.5f), f.pal.outline, s);
}

// Setting-change markers between y0 and y1; returns the index of the change within a few
// pixels of the mouse, or -1.
int draw_changes(ImDrawList* dl, const Frame& f, const std::vector<SettingChange>& changes,
                 float y0, float y1, ImVec2 mouse, bool hovered) {
  const std::uint32_t colour = with_alpha(f.pal.warning, 0.85f);
  int hit = -1;
  float last_x = -1e9f;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const float x = std::round(f.map.x_of(static_cast<double>(changes[i].time)));
    if (x < f.x_lanes || x > f.x_right) continue;
    if (hovered && std::fabs(mouse.x - x) <= 4 * f.s && mouse.y >= y0 && mouse.y <= y1) {
      hit = static_cast<int>(i);
    }
    if (x - last_x < 2 * f.s) continue;  // a slider dragged: one mark per two pixels
    last_x = x;
    dl->AddLine(ImVec2(x, y0), ImVec2(x, y1), colour, 1.5f * f.s);
  }
  return hit;
}

void change_tooltip(const std::vector<SettingChange>& changes, int hit, const Frame& f) {
  if (hit < 0) return;
  const float x = f.map.x_of(static_cast<double>(changes[static_cast<std::size_t>(hit)].time));
  ImGui::BeginTooltip();
  ImGui::TextUnformatted("Setting changed");
  // Several changes can share a pixel: list them all.
  for (const SettingChange& c : changes) {
    if (std::fabs(f.map.x_of(static_cast<double>(c.time)) - x) > 4 * f.s) continue;
    ImGui::Text("%s  at %s", c.text.c_str(), format_duration(c.time).c_str());
  }
  ImGui::EndTooltip();
}

void draw_cursor(ImDrawList* dl, const Frame& f, trace::Time t, float y0, float y1, bool head) {
  const float x = std::round(f.map.x_of(static_cast<double>(t)));
  if (x < f.x_lanes - 1 || x > f.x_right + 1) return;
  dl->AddLine(ImVec2(x, y0), ImVec2(x, y1), f.pal.text, 1.5f * f.s);
  if (head) {
    const float h = 6 * f.s;
    dl->AddTriangleFilled(ImVec2(x - h, y0), ImVec2(x + h, y0), ImVec2(x, y0 + h), f.pal.text);
  }
}

// [SECTION] Lanes ------------------------------------------------------------------------

struct LaneHover {
  std::size_t lane = static_cast<std::size_t>(-1);
  bool on_name = false;
};

void span_tooltip(const Session& session, const Lane& lane, const Frame& f, double t) {
  const trace::Time end = lane.exited >= 0 ? lane.exited : f.now;
  if (lane.exited < 0 && t >= static_cast<double>(end)) return;  // the future: nothing to say
  const std::size_t i = span_at(lane, t, end);
  ImGui::BeginTooltip();
  ImGui::Text("%s  (goroutine %u)", lane.name.c_str(), lane.goroutine);
  if (i >= lane.spans.size()) {
    if (lane.exited >= 0 && t >= static_cast<double>(lane.exited)) {
      ImGui::TextDisabled("exited at %s", format_duration(lane.exited).c_str());
    } else {
      ImGui::TextDisabled("no record of this moment (the oldest states are not kept)");
    }
    ImGui::EndTooltip();
    return;
  }
  const Lane::Span& span = lane.spans[i];
  const trace::Time e = span_end(lane, i, end);
  const Look look = span_look(span.state, span.line, session.program());
  ImGui::PushStyleColor(ImGuiCol_Text, look_colour(f.style.theme, look));
  ImGui::Text("%s  %s", std::string(look_glyph(look)).c_str(),
              std::string(look_name(look)).c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::TextDisabled("(%s)", std::string(trace::to_string(span.state)).c_str());
  if (span.line != 0) {
    const std::string text(session.program().line_text(span.line));
    ImGui::Text("line %d: %s", static_cast<int>(span.line), text.c_str());
  }
  ImGui::Text("from %s for %s%s", format_duration(span.start).c_str(),
              format_duration(e - span.start).c_str(),
              i + 1 == lane.spans.size() && lane.exited < 0 ? " so far" : "");
  const double half = f.map.ns_per_px * 0.5 * static_cast<double>(std::max(1.0f, f.s));
  const std::size_t here = spans_starting_in(lane, t - half, t + half);
  if (here > 1) ImGui::TextDisabled("%zu state changes within this pixel: zoom in", here);
  ImGui::EndTooltip();
}

void draw_lane(ImDrawList* dl, const Session& session, const Lane& lane, const Frame& f, float y,
               float h, bool selected, bool leaked, std::vector<PixelSpan>& scratch) {
  const float s = f.s;
  if (selected) {
    dl->AddRectFilled(ImVec2(f.x_lanes - f.label_w, y), ImVec2(f.x_right, y + h),
                      with_alpha(f.pal.outline, 0.35f));
  }
  // The name, clipped to its column.
  const float fs = ImGui::GetFontSize() * 0.9f;
  const ImVec4 clip(f.x_lanes - f.label_w, y, f.x_lanes - 4 * s, y + h);
  const std::uint32_t name_colour = leaked             ? look_colour(f.style.theme, Look::Leaked)
                                    : lane.exited >= 0 ? f.pal.text_dim
                                                       : f.pal.text;
  const std::string name = leaked ? lane.name + " (leaked)" : lane.name;
  dl->AddText(ImGui::GetFont(), fs, ImVec2(f.x_lanes - f.label_w + 6 * s, y + (h - fs) / 2),
              selected ? f.pal.text : name_colour, name.c_str(), nullptr, 0.0f, &clip);
  if (selected) {
    dl->AddRectFilled(ImVec2(f.x_lanes - f.label_w, y),
                      ImVec2(f.x_lanes - f.label_w + 3 * s, y + h), f.pal.text);
  }
  // The spans.
  const trace::Time end = lane.exited >= 0 ? lane.exited : f.now;
  pixel_spans(lane, end, f.map, f.x_lanes, f.x_right, std::max(1.0f, s), scratch);
  const float pad = std::max(1.0f, 2.0f * s);
  for (std::size_t k = 0; k < scratch.size(); ++k) {
    const PixelSpan& p = scratch[k];
    const Lane::Span& span = lane.spans[p.source];
    const Look look = span_look(span.state, span.line, session.program());
    const std::uint32_t colour = look_colour(f.style.theme, look);
    // Back-to-back spans of one look (job after job) keep a hairline between them.
    float x1 = p.x1;
    if (k + 1 < scratch.size() && p.x1 - p.x0 >= 4 * s && scratch[k + 1].x0 <= p.x1) {
      const Lane::Span& next = lane.spans[scratch[k + 1].source];
      if (span_look(next.state, next.line, session.program()) == look) x1 -= std::max(1.0f, s);
    }
    dl->AddRectFilled(ImVec2(p.x0, y + pad), ImVec2(x1, y + h - pad),
                      p.merged ? with_alpha(colour, 0.7f) : colour);
  }
}

// [SECTION] Input (zoom, pan, scrub) ------------------------------------------------------

// Wheel zoom, right/middle-drag pan and left-drag scrub for the item just submitted
// (an InvisibleButton over the axis or the lanes). `scrub_from_x`: presses left of this
// x do not scrub (the names column).
void handle_input(Session& session, TimelineState& state, const Frame& f, float scrub_from_x) {
  const ImGuiIO& io = ImGui::GetIO();
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  if (hovered && io.MouseWheel != 0.0f && !io.KeyShift && io.MousePos.x >= f.x_lanes) {
    const double anchor = state.follow && !session.scrubbing() ? static_cast<double>(session.now())
                                                               : f.map.time_at(io.MousePos.x);
    state.window =
        zoom_around(state.window, anchor, std::pow(1.25, -static_cast<double>(io.MouseWheel)));
  }
  if (active &&
      (ImGui::IsMouseDown(ImGuiMouseButton_Right) || ImGui::IsMouseDown(ImGuiMouseButton_Middle))) {
    if (io.MouseDelta.x != 0.0f) {
      state.window.start_ns -= static_cast<double>(io.MouseDelta.x) * f.map.ns_per_px;
      state.follow = false;
    }
  }
  if (active && ImGui::IsMouseDown(ImGuiMouseButton_Left) &&
      io.MouseClickedPos[0].x >= scrub_from_x) {
    const double t = std::clamp(f.map.time_at(io.MousePos.x), 0.0, static_cast<double>(f.now));
    const double shown = static_cast<double>(session.view_time());
    // Rebuilding a moment can mean simulating again: only when the pixel changes.
    if (!session.scrubbing() || std::fabs(t - shown) >= f.map.ns_per_px * 0.5) {
      session.view_at(static_cast<trace::Time>(t));
    }
  }
}

// Keeps the window in sight of the run: a little before 0 at most, and not past the present.
TimeWindow clamp_window(TimeWindow w, trace::Time now) {
  w.span_ns = std::clamp(w.span_ns, kMinSpanNs, kMaxSpanNs);
  w.start_ns = std::clamp(w.start_ns, -0.1 * w.span_ns, std::max(0.0, static_cast<double>(now)));
  return w;
}

}  // namespace

// [SECTION] draw_timeline ------------------------------------------------------------------

void draw_timeline(Session& session, TimelineState& state, const PoolViewStyle& style,
                   trace::GoroutineId& selected) {
  const float s = style.scale;
  const Palette& pal = palette(style.theme);
  draw_toolbar(session, state);

  const trace::Time now = session.now();
  if (state.follow && !session.scrubbing()) state.window = follow_window(state.window, now);
  state.window = clamp_window(state.window, now);

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float scrollbar = ImGui::GetStyle().ScrollbarSize;
  const float label_w = std::clamp(ImGui::CalcTextSize("worker 1000 (leaked)").x * 0.9f + 10 * s,
                                   80 * s, avail.x * 0.3f);
  const float axis_h = std::round(ImGui::GetFontSize() * 0.85f + 6 * s);
  const float lane_h = std::round(ImGui::GetFontSize() * 1.2f);
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  if (avail.x < label_w + scrollbar + 60 * s || avail.y < axis_h + spacing + lane_h) {
    ImGui::TextDisabled("(too small to draw the lanes)");
    return;
  }

  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float x_lanes = origin.x + label_w;
  const float x_right = origin.x + avail.x - scrollbar;
  Frame f{style,   pal,     s,       now, time_map(state.window, x_lanes, x_right - x_lanes),
          x_lanes, x_right, label_w, {}};
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const std::vector<SettingChange>& changes = session.changes();
  const ImVec2 mouse = ImGui::GetIO().MousePos;

  // The axis: its own strip above the lanes, scrubbable too.
  ImGui::InvisibleButton("##timeline-axis", ImVec2(avail.x - scrollbar, axis_h),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                             ImGuiButtonFlags_MouseButtonMiddle);
  handle_input(session, state, f, x_lanes);
  const bool axis_hovered = ImGui::IsItemHovered();
  draw_axis(dl, f, origin, axis_h);
  const int axis_change =
      draw_changes(dl, f, changes, origin.y, origin.y + axis_h, mouse, axis_hovered);
  draw_cursor(dl, f, session.view_time(), origin.y, origin.y + axis_h, true);
  if (axis_hovered && !ImGui::IsItemActive()) change_tooltip(changes, axis_change, f);

  // The lanes, in a child window for the vertical scrollbar; the wheel is ours.
  const std::vector<Lane>& lanes = session.lanes();
  const std::size_t goroutines = session.snapshot().goroutines.size();
  const bool footer = goroutines > lanes.size();
  const float total_h = static_cast<float>(lanes.size() + (footer ? 1 : 0)) * lane_h;
  const float lanes_h = avail.y - axis_h - spacing;
  ImGui::BeginChild("##timeline-lanes", ImVec2(avail.x, lanes_h), false,
                    ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_AlwaysVerticalScrollbar);
  dl = ImGui::GetWindowDrawList();
  const ImVec2 win = ImGui::GetWindowPos();
  const float view_h = ImGui::GetWindowHeight();
  float scroll = ImGui::GetScrollY();

  // A new selection scrolls its lane into view (once, so the learner can scroll away).
  // (A child window that is new this frame cannot scroll yet: try again next frame.)
  if (selected != state.scrolled_to) {
    for (std::size_t i = 0; i < lanes.size(); ++i) {
      if (lanes[i].goroutine != selected) continue;
      const float y = static_cast<float>(i) * lane_h;
      if (y >= scroll && y + lane_h <= scroll + view_h) {
        state.scrolled_to = selected;
      } else if (ImGui::GetScrollMaxY() > 0) {
        ImGui::SetScrollY(std::max(0.0f, y - (view_h - lane_h) / 2));
        state.scrolled_to = selected;
      }
      break;
    }
    if (selected == 0) state.scrolled_to = 0;
  }

  ImGui::SetCursorPos(ImVec2(0, scroll));
  ImGui::InvisibleButton("##timeline-lanes-input", ImVec2(avail.x - scrollbar, view_h),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                             ImGuiButtonFlags_MouseButtonMiddle);
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  const ImGuiIO& io = ImGui::GetIO();
  if (hovered && io.MouseWheel != 0.0f && (io.KeyShift || mouse.x < x_lanes)) {
    scroll =
        std::clamp(scroll - io.MouseWheel * lane_h * 3, 0.0f, std::max(0.0f, total_h - view_h));
    ImGui::SetScrollY(scroll);
  }
  if (active &&
      (ImGui::IsMouseDown(ImGuiMouseButton_Right) || ImGui::IsMouseDown(ImGuiMouseButton_Middle)) &&
      io.MouseDelta.y != 0.0f) {
    ImGui::SetScrollY(std::clamp(scroll - io.MouseDelta.y, 0.0f, std::max(0.0f, total_h - view_h)));
  }
  handle_input(session, state, f, x_lanes);

  const float top = win.y - scroll;  // screen y of lane 0
  const ImVec2 clip_min = win;
  const ImVec2 clip_max(x_right, win.y + view_h);
  dl->PushClipRect(clip_min, clip_max, true);
  dl->AddRectFilled(ImVec2(x_lanes, win.y), clip_max, pal.background);
  for (float x : f.ticks) {
    dl->AddLine(ImVec2(x, win.y), ImVec2(x, win.y + view_h), with_alpha(pal.outline, 0.35f), 1.0f);
  }
  // Leaked goroutines are known once the run completed.
  const sim::Report& report = session.run().runtime().report();
  const bool completed = report.outcome == trace::Outcome::Completed;
  const auto first = static_cast<std::size_t>(std::max(0.0f, std::floor(scroll / lane_h)));
  const std::size_t last =
      std::min(lanes.size(), static_cast<std::size_t>(std::ceil((scroll + view_h) / lane_h)) + 1);
  std::vector<PixelSpan> scratch;
  LaneHover hover;
  for (std::size_t i = first; i < last; ++i) {
    const Lane& lane = lanes[i];
    const float y = top + static_cast<float>(i) * lane_h;
    const bool leaked = completed && std::any_of(report.blocked.begin(), report.blocked.end(),
                                                 [&lane](const sim::GoroutineReport& g) {
                                                   return g.id == lane.goroutine;
                                                 });
    draw_lane(dl, session, lane, f, y, lane_h, lane.goroutine == selected, leaked, scratch);
    if (hovered && mouse.y >= y && mouse.y < y + lane_h) hover = {i, mouse.x < x_lanes};
  }
  if (footer) {
    const float y = top + static_cast<float>(lanes.size()) * lane_h;
    const std::string text =
        fmt::format("+{} goroutines without a lane (the timeline keeps the first {})",
                    goroutines - lanes.size(), lanes.size());
    dl->AddText(ImVec2(x_lanes - label_w + 6 * s, y + (lane_h - ImGui::GetFontSize()) / 2),
                pal.text_dim, text.c_str());
  }
  const int lane_change = draw_changes(dl, f, changes, win.y, win.y + view_h, mouse, hovered);
  draw_cursor(dl, f, session.view_time(), win.y, win.y + view_h, false);
  dl->PopClipRect();

  // Clicking a name selects its goroutine; hovering explains.
  if (hover.lane < lanes.size()) {
    const Lane& lane = lanes[hover.lane];
    if (hover.on_name && ImGui::IsItemClicked(ImGuiMouseButton_Left)) {
      selected = selected == lane.goroutine ? 0 : lane.goroutine;
      state.scrolled_to = selected;
    }
    if (!active) {
      if (lane_change >= 0) {
        change_tooltip(changes, lane_change, f);
      } else if (hover.on_name) {
        ImGui::SetTooltip("%s: click to select it in every view", lane.name.c_str());
      } else {
        span_tooltip(session, lane, f, f.map.time_at(mouse.x));
      }
    }
  }

  ImGui::SetCursorPos(ImVec2(0, total_h));
  ImGui::Dummy(ImVec2(0, 0));
  ImGui::EndChild();
}

}  // namespace poolscope::gui
