// The code view (its markers are model/code_markers.hpp, where it scrolls is
// model/code_follow.hpp). Sections:
//   [SECTION] Colours
//   [SECTION] Markers (goroutines per line)
//   [SECTION] Header
//   [SECTION] The listing's geometry and scroll
//   [SECTION] Lines
//   [SECTION] draw_code
#include "app/gui/views/view_code.hpp"

#include <imgui.h>

#include <fmt/core.h>
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <span>
#include <utility>
#include <vector>

#include "app/gui/model/code_follow.hpp"
#include "app/gui/model/code_markers.hpp"
#include "app/gui/model/pool_model.hpp"
#include "app/gui/views/theme.hpp"

namespace poolscope::gui {

namespace {

// [SECTION] Colours -----------------------------------------------------------------------

// Syntax colours per theme, readable on that theme's panel colour.
std::uint32_t syntax_colour(ThemeId theme, GoTokenKind kind) {
  struct Set {
    std::uint32_t keyword, builtin, type, string, comment, number;
  };
  const Set dark{IM_COL32(198, 120, 221, 255), IM_COL32(97, 175, 239, 255),
                 IM_COL32(86, 182, 194, 255),  IM_COL32(152, 195, 121, 255),
                 IM_COL32(128, 134, 146, 255), IM_COL32(209, 154, 102, 255)};
  const Set light{IM_COL32(166, 38, 164, 255),  IM_COL32(38, 92, 200, 255),
                  IM_COL32(1, 120, 160, 255),   IM_COL32(60, 130, 50, 255),
                  IM_COL32(105, 110, 118, 255), IM_COL32(152, 90, 0, 255)};
  const Set projector{IM_COL32(255, 150, 255, 255), IM_COL32(130, 205, 255, 255),
                      IM_COL32(110, 235, 235, 255), IM_COL32(160, 255, 150, 255),
                      IM_COL32(190, 190, 190, 255), IM_COL32(255, 205, 110, 255)};
  const Set& set = theme == ThemeId::Light ? light : theme == ThemeId::Projector ? projector : dark;
  switch (kind) {
    case GoTokenKind::Keyword:
      return set.keyword;
    case GoTokenKind::Builtin:
      return set.builtin;
    case GoTokenKind::Type:
      return set.type;
    case GoTokenKind::String:
      return set.string;
    case GoTokenKind::Comment:
      return set.comment;
    case GoTokenKind::Number:
      return set.number;
    case GoTokenKind::Plain:
      break;
  }
  return palette(theme).text;
}

// Black or white, whichever reads better on `background`.
std::uint32_t ink_on(std::uint32_t background) {
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(background);
  const float luminance = 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z;
  return luminance > 0.45f ? IM_COL32(15, 15, 15, 255) : IM_COL32(250, 250, 250, 255);
}

// [SECTION] Markers (goroutines per line) ----------------------------------------------------

constexpr std::size_t kTooltipRows = 12;  // of the goroutines a marker lists, the tooltip shows

std::string count_text(int n) {
  return n >= 10000 ? fmt::format("{}k", n / 1000) : fmt::format("{}x", n);
}

void marker_tooltip(const Session& session, const LineMarker& mk, int line, ThemeId theme) {
  ImGui::BeginTooltip();
  const std::string text(session.program().line_text(line));
  ImGui::Text("line %d: %s", line, text.c_str());
  std::string summary = fmt::format("{} goroutine{}:", mk.count, mk.count == 1 ? "" : "s");
  for (std::size_t l = 0; l < mk.by_look.size(); ++l) {
    if (mk.by_look[l] == 0) continue;
    summary += fmt::format(" {} {},", mk.by_look[l], look_name(static_cast<Look>(l)));
  }
  summary.pop_back();
  ImGui::TextUnformatted(summary.c_str());
  ImGui::Separator();
  for (std::size_t i = 0; i < mk.actors.size() && i < kTooltipRows; ++i) {
    const Actor& a = *mk.actors[i];
    ImGui::PushStyleColor(ImGuiCol_Text, look_colour(theme, a.look));
    ImGui::TextUnformatted(std::string(look_glyph(a.look)).c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    const std::string job = a.job != trace::kNoJob ? fmt::format(", job {}", a.job) : "";
    ImGui::Text("%s: %s%s", session.goroutine_name(a.id).c_str(),
                std::string(look_name(a.look)).c_str(), job.c_str());
  }
  if (static_cast<std::size_t>(mk.count) > kTooltipRows) {
    ImGui::TextDisabled("... and %d more", mk.count - static_cast<int>(kTooltipRows));
  }
  ImGui::TextDisabled(mk.count > 1 ? "Click to select one; click again for the next."
                                   : "Click to select it in every view.");
  ImGui::EndTooltip();
}

// A pill at the window's top or bottom edge saying how many goroutines are out of view;
// true when clicked.
bool offscreen_pill(const Offscreen& o, bool above, float scroll_bar_w, float inner_h,
                    const Palette& pal, float s) {
  if (o.count == 0) return false;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const std::string text =
      fmt::format("{} goroutine{} {}", o.count, o.count == 1 ? "" : "s", above ? "above" : "below");
  const ImVec2 extent = ImGui::CalcTextSize(text.c_str());
  const float h = extent.y + 6 * s;
  const float arrow = h * 0.6f;
  const float w = extent.x + arrow + 16 * s;
  const ImVec2 win = ImGui::GetWindowPos();
  const float right = win.x + ImGui::GetWindowWidth() - scroll_bar_w - 6 * s;
  const float top = above ? win.y + 4 * s : win.y + inner_h - h - 4 * s;
  const ImVec2 a(right - w, top);
  const ImVec2 b(right, top + h);
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const bool hovered = ImGui::IsWindowHovered() && mouse.x >= a.x && mouse.x < b.x &&
                       mouse.y >= a.y && mouse.y < b.y;
  dl->AddRectFilled(a, b, hovered ? pal.slot : pal.panel, 4 * s);
  dl->AddRect(a, b, pal.outline, 4 * s, 0, s);
  // A small triangle pointing where the goroutines are.
  const float cx = a.x + 6 * s + arrow / 2;
  const float cy = top + h / 2;
  const float r = arrow / 2;
  if (above) {
    dl->AddTriangleFilled(ImVec2(cx - r, cy + r / 2), ImVec2(cx + r, cy + r / 2),
                          ImVec2(cx, cy - r / 2), pal.text);
  } else {
    dl->AddTriangleFilled(ImVec2(cx - r, cy - r / 2), ImVec2(cx + r, cy - r / 2),
                          ImVec2(cx, cy + r / 2), pal.text);
  }
  dl->AddText(ImVec2(a.x + arrow + 10 * s, top + 3 * s), pal.text, text.c_str());
  if (hovered) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::SetTooltip("Show line %d", o.nearest);
  }
  return hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left);
}

// [SECTION] Header -------------------------------------------------------------------------

void draw_header(const Session& session, CodeViewState& state, const PoolViewStyle& style,
                 trace::GoroutineId selected, int selected_line, Look selected_look) {
  ImGui::TextDisabled("main.go  ·  %zu lines", state.listing.lines.size());
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26.0f);
    ImGui::TextUnformatted(
        "The Go program of the current settings (what `poolscope-cli export-go` writes).\n"
        "Each mark beside a line number is a goroutine on that line now, coloured by its "
        "state; \"3x\" means three. Click a mark to select the goroutine in every view.\n"
        "Dimmed lines only measure the run for Poolscope (stats).");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
  ImGui::SameLine();
  ImGui::Checkbox("follow", &state.follow);
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "Scroll the listing to keep the goroutines' lines in view.\n"
        "Scrolling the listing yourself turns this off.");
  }
  if (selected == 0 || selected_line == 0) return;
  // The selection, as a button that brings its line back into view; on the same row when
  // it fits.
  const std::string label = fmt::format("{} {} at line {}", look_glyph(selected_look),
                                        session.goroutine_name(selected), selected_line);
  const float width = ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
  const std::uint32_t colour = look_colour(style.theme, selected_look);
  ImGui::PushStyleColor(ImGuiCol_Button, with_alpha(colour, 0.35f));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, with_alpha(colour, 0.6f));
  if (ImGui::SmallButton(label.c_str())) state.scrolled_to = 0;
  ImGui::PopStyleColor(2);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show this line");
}

// [SECTION] The listing's geometry and scroll --------------------------------------------

// Where things go in the listing's child window, for the current (code) font.
struct Geometry {
  float fs = 0;          // font size
  float line_h = 0;      // one line
  float number_w = 0;    // the widest line number
  float gutter_x = 0;    // markers start here
  float marker_w = 0;    // a marker's least width
  float code_x = 0;      // the code starts here
  float content_w = 0;   // the widest line, all of it
  float view_h = 0;      // the child window's height
  float inner_h = 0;     // less a horizontal scroll bar
  float scroll_bar = 0;  // the scroll bars' width
};

Geometry listing_geometry(const GoListing& listing, float s) {
  Geometry g;
  g.fs = ImGui::GetFontSize();
  g.line_h = std::round(g.fs + 4 * s);
  const float char_w = ImGui::CalcTextSize("0").x;
  const std::string last_number = std::to_string(listing.lines.size());
  g.number_w = ImGui::CalcTextSize(last_number.c_str()).x;
  g.gutter_x = 6 * s + g.number_w + 8 * s;
  g.marker_w = ImGui::CalcTextSize("* 9x").x + 8 * s;
  g.code_x = g.gutter_x + g.marker_w + 6 * s;
  g.content_w = g.code_x + static_cast<float>(listing.widest) * char_w + 16 * s;
  g.view_h = ImGui::GetWindowHeight();
  g.scroll_bar = ImGui::GetStyle().ScrollbarSize;
  g.inner_h = g.view_h - (ImGui::GetScrollMaxX() > 0 ? g.scroll_bar : 0);
  return g;
}

// Scrolls the listing as model/code_follow.hpp decides.
void follow_goroutines(CodeViewState& state, const Geometry& g, std::span<const int> on_line,
                       trace::GoroutineId selected, int selected_line) {
  CodeScrollInput in;
  in.follow = state.follow;
  in.scrolled_to = state.scrolled_to;
  in.set_scroll = state.set_scroll;
  in.selected = selected;
  in.selected_line = selected_line;
  in.on_line = on_line;
  in.line_h = g.line_h;
  in.view_h = g.view_h;
  in.inner_h = g.inner_h;
  in.scroll = ImGui::GetScrollY();
  in.scroll_max = ImGui::GetScrollMaxY();
  const CodeScroll out = code_scroll(in);
  state.follow = out.follow;
  state.scrolled_to = out.scrolled_to;
  state.set_scroll = out.set_scroll;
  if (out.scroll_to >= 0) ImGui::SetScrollY(out.scroll_to);
}

// Goroutines out of view get a pill at the edge that scrolls to the nearest of them.
void offscreen_pills(CodeViewState& state, const Geometry& g, std::span<const int> on_line,
                     const Palette& pal, float s) {
  const OffscreenGoroutines o =
      offscreen_goroutines(on_line, g.line_h, ImGui::GetScrollY(), g.inner_h);
  const float scroll_bar_w = ImGui::GetScrollMaxY() > 0 ? g.scroll_bar : 0;
  for (const auto& [side, up] : {std::pair{o.above, true}, std::pair{o.below, false}}) {
    if (offscreen_pill(side, up, scroll_bar_w, g.inner_h, pal, s)) {
      state.set_scroll = centred_scroll(side.nearest, g.line_h, g.inner_h, ImGui::GetScrollMaxY());
      ImGui::SetScrollY(state.set_scroll);
    }
  }
}

// [SECTION] Lines ----------------------------------------------------------------------------

// What every line of one frame is drawn with.
struct LineContext {
  const GoListing& listing;
  const std::vector<LineMarker>& markers;
  const Geometry& g;
  const PoolViewStyle& style;
  const Palette& pal;
  ImFont* font;
  ImDrawList* dl;
  float right;  // the window's right edge
  trace::GoroutineId selected;
  int selected_line;
  Look selected_look;
  LayoutReport* report;
};

// The line number and the highlighted code of line `number` at p.
void draw_code_text(const LineContext& c, int number, ImVec2 p, float text_y) {
  const GoLine& line = c.listing.lines[static_cast<std::size_t>(number - 1)];
  const float s = c.style.scale;
  if (number == c.selected_line) {
    const std::uint32_t colour = look_colour(c.style.theme, c.selected_look);
    c.dl->AddRectFilled(ImVec2(p.x, p.y),
                        ImVec2(std::max(c.right, p.x + c.g.content_w), p.y + c.g.line_h),
                        with_alpha(colour, 0.22f));
    c.dl->AddRectFilled(ImVec2(p.x, p.y), ImVec2(p.x + 3 * s, p.y + c.g.line_h), colour);
  }
  const std::string n = std::to_string(number);
  c.dl->AddText(ImVec2(p.x + 6 * s + c.g.number_w - ImGui::CalcTextSize(n.c_str()).x, text_y),
                with_alpha(c.pal.text_dim, line.instrumentation ? 0.5f : 0.9f), n.c_str());

  float x = p.x + c.g.code_x;
  for (const GoRun& r : line.runs) {
    if (x > c.right) break;
    const char* begin = line.text.data() + r.begin;
    const char* end = line.text.data() + r.end;
    const std::uint32_t colour = syntax_colour(c.style.theme, r.kind);
    c.dl->AddText(c.font, c.g.fs, ImVec2(x, text_y),
                  line.instrumentation ? with_alpha(colour, 0.45f) : colour, begin, end);
    x += c.font->CalcTextSizeA(c.g.fs, FLT_MAX, 0.0f, begin, end).x;
  }
}

// The marker of line `number` at p, if it has goroutines; true when the mouse is on it.
bool draw_marker(const LineContext& c, int number, ImVec2 p, float text_y) {
  const LineMarker& mk = c.markers[static_cast<std::size_t>(number)];
  if (mk.count == 0) return false;
  const float s = c.style.scale;
  const Look look = mk.look();
  const std::uint32_t colour = look_colour(c.style.theme, look);
  const std::string label = mk.count == 1
                                ? std::string(look_glyph(look))
                                : fmt::format("{} {}", look_glyph(look), count_text(mk.count));
  // Drawn over the code: a large count may reach into the indentation.
  const float w = std::max(c.g.marker_w, ImGui::CalcTextSize(label.c_str()).x + 8 * s);
  const ImVec2 a(p.x + c.g.gutter_x, p.y + 1.5f * s);
  const ImVec2 b(p.x + c.g.gutter_x + w, p.y + c.g.line_h - 1.5f * s);
  c.dl->AddRectFilled(a, b, colour, 3 * s);
  const bool has_selected = std::any_of(mk.actors.begin(), mk.actors.end(),
                                        [&c](const Actor* g) { return g->id == c.selected; });
  if (has_selected) c.dl->AddRect(a, b, c.pal.text, 3 * s, 0, 2 * s);
  c.dl->AddText(ImVec2(a.x + 4 * s, text_y), ink_on(colour), label.c_str());
  if (c.report != nullptr)
    c.report->add("marker", a.x, a.y, b.x, b.y, colour, std::to_string(number));
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  return mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y;
}

// The lines in view (ImGuiListClipper); returns the line whose marker the mouse is on
// (0: none).
int draw_lines(const LineContext& c) {
  const bool window_hovered = ImGui::IsWindowHovered();
  int hovered_marker = 0;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(c.listing.lines.size()), c.g.line_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const int number = i + 1;
      const ImVec2 p = ImGui::GetCursorScreenPos();
      ImGui::Dummy(ImVec2(c.g.content_w, c.g.line_h));
      const float text_y = p.y + (c.g.line_h - c.g.fs) / 2;
      draw_code_text(c, number, p, text_y);
      if (draw_marker(c, number, p, text_y) && window_hovered) hovered_marker = number;
    }
  }
  clipper.End();
  return hovered_marker;
}

// A click on a marker selects the next goroutine on its line; hovering lists them.
void marker_actions(const Session& session, CodeViewState& state, const LineMarker& mk, int line,
                    ThemeId theme, trace::GoroutineId& selected) {
  ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    selected = next_on_line(mk, selected);
    state.scrolled_to = selected;  // it is in view already
  }
  marker_tooltip(session, mk, line, theme);
}

}  // namespace

// [SECTION] draw_code ------------------------------------------------------------------------

void draw_code(const Session& session, CodeViewState& state, const PoolViewStyle& style,
               trace::GoroutineId& selected) {
  const std::string& source = session.program().source;
  if (state.source != source) {
    state.source = source;
    state.listing = highlight_go(state.source);
    state.set_scroll = -1;  // the content changed size: its scroll may move by itself
  }
  const GoListing& listing = state.listing;
  const Palette& pal = palette(style.theme);
  const float s = style.scale;
  const std::vector<LineMarker> markers = line_markers(session.model(), listing.lines.size());
  const auto [selected_line, selected_look] =
      selected_place(session.model(), selected, listing.lines.size());
  draw_header(session, state, style, selected, selected_line, selected_look);
  if (listing.lines.empty()) {
    ImGui::TextDisabled("No program.");
    return;
  }

  ImGui::BeginChild("##code-listing", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  ImFont* font =
      style.fonts != nullptr && style.fonts->code != nullptr ? style.fonts->code : ImGui::GetFont();
  ImGui::PushFont(font);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  const Geometry g = listing_geometry(listing, s);
  if (state.report != nullptr) {
    const ImVec2 wp = ImGui::GetWindowPos();
    state.report->add("code-listing", wp.x, wp.y, wp.x + ImGui::GetWindowWidth(), wp.y + g.inner_h);
  }
  const std::vector<int> on_line = goroutines_per_line(markers);
  follow_goroutines(state, g, on_line, selected, selected_line);
  const LineContext context{listing,
                            markers,
                            g,
                            style,
                            pal,
                            font,
                            ImGui::GetWindowDrawList(),
                            ImGui::GetWindowPos().x + ImGui::GetWindowWidth(),
                            selected,
                            selected_line,
                            selected_look,
                            state.report};
  const int hovered_marker = draw_lines(context);
  ImGui::PopStyleVar();
  ImGui::PopFont();

  offscreen_pills(state, g, on_line, pal, s);
  if (hovered_marker > 0) {
    marker_actions(session, state, markers[static_cast<std::size_t>(hovered_marker)],
                   hovered_marker, style.theme, selected);
  }
  ImGui::EndChild();
}

}  // namespace poolscope::gui
