// The timeline panel (its arithmetic is model/timeline_layout.hpp). Sections:
//   [SECTION] Drawing helpers
//   [SECTION] Toolbar
//   [SECTION] Time axis
//   [SECTION] Lanes
//   [SECTION] Input (zoom, pan, scrub)
//   [SECTION] The axis strip and the lanes' window
//   [SECTION] draw_timeline
#include "app/gui/views/view_timeline.hpp"

#include <imgui.h>

#include <fmt/core.h>
#include <algorithm>
#include <cmath>

#include "app/gui/model/number_format.hpp"
#include "app/gui/views/view_legend.hpp"

namespace poolscope::gui {

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
  float lane_h;              // height of one lane
  std::vector<float> ticks;  // screen x of the axis ticks, for the grid
  LookRules rules;           // the classifier's rules for this run
};

// Leaked goroutines are known once the run completed: its report lists them.
bool leaked(const Session& session, trace::GoroutineId g) {
  const sim::Report& report = session.run().runtime().report();
  return report.outcome == trace::Outcome::Completed &&
         std::any_of(report.blocked.begin(), report.blocked.end(),
                     [g](const sim::GoroutineReport& b) { return b.id == g; });
}

// The mouse buttons the axis and the lanes take: left scrubs, right and middle pan.
constexpr ImGuiButtonFlags kTimelineButtons = ImGuiButtonFlags_MouseButtonLeft |
                                              ImGuiButtonFlags_MouseButtonRight |
                                              ImGuiButtonFlags_MouseButtonMiddle;

// [SECTION] Toolbar ----------------------------------------------------------------------

void draw_toolbar(Session& session, TimelineState& state, const PoolViewStyle& style) {
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
  draw_legend_button("timeline", style);
  ImGui::SameLine();
  help_marker(
      "One lane per goroutine, coloured by its state over virtual time (the cards' colours\n"
      "and glyphs: see Legend).\n"
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
  const Look look = span_look(lane, i, f.rules);
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

void draw_lane(ImDrawList* dl, const Lane& lane, const Frame& f, float y, float h, bool selected,
               bool leaked, std::vector<PixelSpan>& scratch) {
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
    const Look look = span_look(lane, p.source, f.rules);
    const std::uint32_t colour = look_colour(f.style.theme, look);
    // Back-to-back spans of one look (job after job) keep a hairline between them.
    float x1 = p.x1;
    if (k + 1 < scratch.size() && p.x1 - p.x0 >= 4 * s && scratch[k + 1].x0 <= p.x1 &&
        span_look(lane, scratch[k + 1].source, f.rules) == look) {
      x1 -= std::max(1.0f, s);
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

// [SECTION] The axis strip and the lanes' window ------------------------------------------

// The axis: its own strip above the lanes, scrubbable too.
void draw_axis_strip(Session& session, TimelineState& state, Frame& f, ImVec2 origin, float width,
                     float axis_h) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const std::vector<SettingChange>& changes = session.changes();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  ImGui::InvisibleButton("##timeline-axis", ImVec2(width, axis_h), kTimelineButtons);
  handle_input(session, state, f, f.x_lanes);
  const bool axis_hovered = ImGui::IsItemHovered();
  draw_axis(dl, f, origin, axis_h);
  const int axis_change =
      draw_changes(dl, f, changes, origin.y, origin.y + axis_h, mouse, axis_hovered);
  draw_cursor(dl, f, session.view_time(), origin.y, origin.y + axis_h, true);
  if (axis_hovered && !ImGui::IsItemActive()) change_tooltip(changes, axis_change, f);
}

// A new selection scrolls its lane into view (once, so the learner can scroll away).
// (A child window that is new this frame cannot scroll yet: try again next frame.)
void scroll_to_selected_lane(const std::vector<Lane>& lanes, TimelineState& state,
                             trace::GoroutineId selected, float lane_h, float scroll,
                             float view_h) {
  if (selected == state.scrolled_to) return;
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

// Scrolls the lanes for the wheel over the names (or with Shift) and for a right or
// middle drag over the item just submitted; returns the scroll the lanes are drawn at.
float scroll_lanes(float scroll, const Frame& f, float total_h, float view_h) {
  const ImGuiIO& io = ImGui::GetIO();
  const float scroll_max = std::max(0.0f, total_h - view_h);
  if (ImGui::IsItemHovered() && io.MouseWheel != 0.0f &&
      (io.KeyShift || io.MousePos.x < f.x_lanes)) {
    scroll = std::clamp(scroll - io.MouseWheel * f.lane_h * 3, 0.0f, scroll_max);
    ImGui::SetScrollY(scroll);
  }
  if (ImGui::IsItemActive() &&
      (ImGui::IsMouseDown(ImGuiMouseButton_Right) || ImGui::IsMouseDown(ImGuiMouseButton_Middle)) &&
      io.MouseDelta.y != 0.0f) {
    ImGui::SetScrollY(std::clamp(scroll - io.MouseDelta.y, 0.0f, scroll_max));
  }
  return scroll;
}

// What the mouse is over among the lanes drawn.
struct LanesHover {
  LaneHover lane;
  int change = -1;  // the setting change under the mouse (-1: none)
};

// The lanes in view with the grid, the footer for goroutines without a lane, the
// setting changes and the cursor, clipped to the lanes' window.
LanesHover draw_lane_rows(const Session& session, const Frame& f, trace::GoroutineId selected,
                          float scroll, bool hovered, bool footer) {
  const std::vector<Lane>& lanes = session.lanes();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 win = ImGui::GetWindowPos();
  const float view_h = ImGui::GetWindowHeight();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const float top = win.y - scroll;  // screen y of lane 0
  const ImVec2 clip_max(f.x_right, win.y + view_h);
  dl->PushClipRect(win, clip_max, true);
  dl->AddRectFilled(ImVec2(f.x_lanes, win.y), clip_max, f.pal.background);
  for (float x : f.ticks) {
    dl->AddLine(ImVec2(x, win.y), ImVec2(x, win.y + view_h), with_alpha(f.pal.outline, 0.35f),
                1.0f);
  }
  const auto first = static_cast<std::size_t>(std::max(0.0f, std::floor(scroll / f.lane_h)));
  const std::size_t last =
      std::min(lanes.size(), static_cast<std::size_t>(std::ceil((scroll + view_h) / f.lane_h)) + 1);
  std::vector<PixelSpan> scratch;
  LanesHover hover;
  for (std::size_t i = first; i < last; ++i) {
    const Lane& lane = lanes[i];
    const float y = top + static_cast<float>(i) * f.lane_h;
    draw_lane(dl, lane, f, y, f.lane_h, lane.goroutine == selected, leaked(session, lane.goroutine),
              scratch);
    if (hovered && mouse.y >= y && mouse.y < y + f.lane_h) hover.lane = {i, mouse.x < f.x_lanes};
  }
  if (footer) {
    const float y = top + static_cast<float>(lanes.size()) * f.lane_h;
    const std::string text =
        fmt::format("+{} goroutines without a lane (the timeline keeps the first {})",
                    group_thousands(static_cast<std::int64_t>(session.snapshot().goroutines.size() -
                                                              lanes.size())),
                    group_thousands(static_cast<std::int64_t>(lanes.size())));
    dl->AddText(ImVec2(f.x_lanes - f.label_w + 6 * f.s, y + (f.lane_h - ImGui::GetFontSize()) / 2),
                f.pal.text_dim, text.c_str());
  }
  hover.change = draw_changes(dl, f, session.changes(), win.y, win.y + view_h, mouse, hovered);
  draw_cursor(dl, f, session.view_time(), win.y, win.y + view_h, false);
  dl->PopClipRect();
  return hover;
}

// Clicking a name selects its goroutine; hovering explains.
void lane_hover_actions(const Session& session, TimelineState& state, const Frame& f,
                        const LanesHover& hover, bool active, trace::GoroutineId& selected) {
  const std::vector<Lane>& lanes = session.lanes();
  if (hover.lane.lane >= lanes.size()) return;
  const Lane& lane = lanes[hover.lane.lane];
  if (hover.lane.on_name && ImGui::IsItemClicked(ImGuiMouseButton_Left)) {
    selected = selected == lane.goroutine ? 0 : lane.goroutine;
    state.scrolled_to = selected;
  }
  if (active) return;
  if (hover.change >= 0) {
    change_tooltip(session.changes(), hover.change, f);
  } else if (hover.lane.on_name) {
    ImGui::SetTooltip("%s: click to select it in every view", lane.name.c_str());
  } else {
    span_tooltip(session, lane, f, f.map.time_at(ImGui::GetIO().MousePos.x));
  }
}

// The lanes, in a child window `size` big for the vertical scrollbar; the wheel is ours.
void draw_lanes_window(Session& session, TimelineState& state, const Frame& f, ImVec2 size,
                       float input_w, trace::GoroutineId& selected) {
  const std::vector<Lane>& lanes = session.lanes();
  const bool footer = session.snapshot().goroutines.size() > lanes.size();
  const float total_h = static_cast<float>(lanes.size() + (footer ? 1 : 0)) * f.lane_h;
  ImGui::BeginChild("##timeline-lanes", size, false,
                    ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_AlwaysVerticalScrollbar);
  const float view_h = ImGui::GetWindowHeight();
  float scroll = ImGui::GetScrollY();
  scroll_to_selected_lane(lanes, state, selected, f.lane_h, scroll, view_h);

  ImGui::SetCursorPos(ImVec2(0, scroll));
  ImGui::InvisibleButton("##timeline-lanes-input", ImVec2(input_w, view_h), kTimelineButtons);
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  scroll = scroll_lanes(scroll, f, total_h, view_h);
  handle_input(session, state, f, f.x_lanes);
  const LanesHover hover = draw_lane_rows(session, f, selected, scroll, hovered, footer);
  lane_hover_actions(session, state, f, hover, active, selected);

  ImGui::SetCursorPos(ImVec2(0, total_h));
  ImGui::Dummy(ImVec2(0, 0));
  ImGui::EndChild();
}

}  // namespace

// [SECTION] draw_timeline ------------------------------------------------------------------

void draw_timeline(Session& session, TimelineState& state, const PoolViewStyle& style,
                   trace::GoroutineId& selected) {
  const float s = style.scale;
  draw_toolbar(session, state, style);

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
  Frame f{style,
          palette(style.theme),
          s,
          now,
          time_map(state.window, x_lanes, x_right - x_lanes),
          x_lanes,
          x_right,
          label_w,
          lane_h,
          {},
          session.run().runs_source()
              ? program_look_rules(session.program_model())
              : look_rules(session.run().roles(), session.program(), session.work_lines())};
  draw_axis_strip(session, state, f, origin, avail.x - scrollbar, axis_h);
  draw_lanes_window(session, state, f, ImVec2(avail.x, avail.y - axis_h - spacing),
                    avail.x - scrollbar, selected);
}

}  // namespace poolscope::gui
