// The code view (its markers are model/code_markers.hpp, where it scrolls is
// model/code_follow.hpp). Sections:
//   [SECTION] Colours
//   [SECTION] Markers (goroutines per row)
//   [SECTION] Header
//   [SECTION] The listing's geometry and scroll
//   [SECTION] Rows
//   [SECTION] The strips above and below
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
#include "app/gui/views/code_colours.hpp"
#include "app/gui/views/theme.hpp"

namespace poolscope::gui {

namespace {

// [SECTION] Markers (goroutines per row) ----------------------------------------------------

constexpr std::size_t kTooltipRows = 12;  // of the goroutines a marker lists, the tooltip shows

std::string count_text(int n) {
  return n >= 10000 ? fmt::format("{}k", n / 1000) : fmt::format("{}x", n);
}

void marker_tooltip(const Session& session, const LineMarker& mk, const CodeRow& row,
                    ThemeId theme) {
  ImGui::BeginTooltip();
  if (row.folded > 0) {
    ImGui::Text("lines %d to %d: measurements", row.line, row.line + row.folded - 1);
  } else {
    const std::string text(session.program().line_text(row.line));
    ImGui::Text("line %d: %s", row.line, text.c_str());
  }
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
    const std::string where = a.line != row.line ? fmt::format(" (line {})", a.line) : "";
    ImGui::Text("%s: %s%s%s", session.goroutine_name(a.id).c_str(),
                std::string(look_name(a.look)).c_str(), job.c_str(), where.c_str());
  }
  if (static_cast<std::size_t>(mk.count) > kTooltipRows) {
    ImGui::TextDisabled("... and %d more", mk.count - static_cast<int>(kTooltipRows));
  }
  ImGui::TextDisabled(mk.count > 1 ? "Click to select one; click again for the next."
                                   : "Click to select it in every view.");
  ImGui::EndTooltip();
}

// [SECTION] Header -------------------------------------------------------------------------

void header_help(const CodeViewState& state) {
  ImGui::TextDisabled("(?)");
  if (!ImGui::IsItemHovered()) return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26.0f);
  ImGui::TextUnformatted(
      "The Go program of the current settings (what `poolscope-cli export-go` writes).\n"
      "Each mark beside a line number is a goroutine on that line now, coloured by its "
      "state; \"3x\" means three. Click a mark to select the goroutine in every view.\n"
      "The band marks the line just run: where the goroutine the last Step moved stopped.");
  if (state.rows.left_out > 0) {
    ImGui::TextUnformatted(
        "Lines that only measure the run for Poolscope (stats calls and the stats section) "
        "are hidden: the line numbers are main.go's, so they skip them. Tick "
        "\"stats\" to see every line.");
  } else {
    ImGui::TextUnformatted("Dimmed lines only measure the run for Poolscope (stats).");
  }
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

// The line just run, named at the left of a strip: a swatch in its band's colour and the
// goroutine, when it fits in `room`; false when it does not.
bool just_run_legend(const Session& session, ImVec2 at, float room, float strip_h,
                     const PoolViewStyle& style, LayoutReport* report) {
  const Session::JustRun& j = session.just_run();
  if (j.goroutine == 0) return true;
  const std::string label = fmt::format("just ran: {}", session.goroutine_name(j.goroutine));
  const float fs = ImGui::GetFontSize();
  const float s = style.scale;
  const float width = fs + 6 * s + ImGui::CalcTextSize(label.c_str()).x;
  if (width > room) return false;
  const Palette& pal = palette(style.theme);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float y = at.y + (strip_h - fs) / 2;
  dl->AddRectFilled(ImVec2(at.x, y), ImVec2(at.x + fs, y + fs), with_alpha(pal.text, 0.16f));
  dl->AddRect(ImVec2(at.x, y), ImVec2(at.x + fs, y + fs), with_alpha(pal.text, 0.7f), 0, 0, s);
  dl->AddText(ImVec2(at.x + fs + 6 * s, y), pal.text_dim, label.c_str());
  if (report != nullptr) report->add("code-just-run-legend", at.x, y, at.x + width, y + fs);
  ImGui::SetCursorScreenPos(at);
  ImGui::InvisibleButton("##just-run", ImVec2(width, strip_h));
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "The band marks the line just run: %s stopped at line %d after the last step.\n"
        "Step (Right arrow) runs one more; Step back (Left arrow) undoes one.",
        session.goroutine_name(j.goroutine).c_str(), j.line);
  }
  return true;
}

void draw_header(const Session& session, CodeViewState& state, const PoolViewStyle& style,
                 trace::GoroutineId selected, int selected_line, Look selected_look) {
  const float follow_w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                         ImGui::CalcTextSize("follow").x;
  const float box = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                    ImGui::CalcTextSize("stats").x;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  ImGui::AlignTextToFramePadding();
  // The file's name when the row holds it beside the two boxes: one row, so the listing
  // keeps its lines in a small panel.
  if (ImGui::CalcTextSize("main.go (?)").x + follow_w + box + 3 * gap <=
      ImGui::GetContentRegionAvail().x) {
    ImGui::TextDisabled("main.go");
    ImGui::SameLine();
  }
  header_help(state);
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < follow_w) ImGui::NewLine();
  ImGui::Checkbox("follow", &state.follow);
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "Scroll the listing to keep the goroutines' lines in view.\n"
        "Scrolling the listing yourself turns this off.");
  }
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < box) ImGui::NewLine();
  ImGui::Checkbox("stats", &state.show_measurements);
  if (ImGui::IsItemHovered()) {
    const std::size_t lines = state.listing.lines.size();
    const auto hidden = static_cast<std::size_t>(state.rows.left_out);
    ImGui::SetTooltip(
        "Show the lines that only measure the run for Poolscope: the stats calls and the\n"
        "stats section at the end. The program behaves the same without them.\n"
        "Shown now: %zu of main.go's %zu lines.",
        lines - hidden, lines);
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

// Where things go in the listing's child window, for the current (code) font. Rows are
// numbered from 1 like lines (model/code_rows.hpp).
struct Geometry {
  float fs = 0;          // font size
  float line_h = 0;      // one row
  float number_w = 0;    // the widest line number
  float gutter_x = 0;    // markers start here
  float marker_w = 0;    // a marker's least width
  float code_x = 0;      // the code starts here
  float content_w = 0;   // the widest line shown, all of it
  float view_h = 0;      // the child window's height
  float inner_h = 0;     // less a horizontal scroll bar
  float scroll_bar = 0;  // the scroll bars' width
};

Geometry listing_geometry(const CodeViewState& state, float s) {
  Geometry g;
  g.fs = ImGui::GetFontSize();
  g.line_h = std::round(g.fs + 4 * s);
  const float char_w = ImGui::CalcTextSize("0").x;
  const std::string last_number = std::to_string(state.listing.lines.size());
  g.number_w = ImGui::CalcTextSize(last_number.c_str()).x;
  g.gutter_x = 6 * s + g.number_w + 8 * s;
  g.marker_w = ImGui::CalcTextSize("* 9x").x + 8 * s;
  g.code_x = g.gutter_x + g.marker_w + 6 * s;
  g.content_w = g.code_x + static_cast<float>(state.widest_row) * char_w + 16 * s;
  g.view_h = ImGui::GetWindowHeight();
  g.scroll_bar = ImGui::GetStyle().ScrollbarSize;
  g.inner_h = g.view_h - (ImGui::GetScrollMaxX() > 0 ? g.scroll_bar : 0);
  return g;
}

// Scrolls the listing as model/code_follow.hpp decides.
void follow_goroutines(CodeViewState& state, const Geometry& g, std::span<const int> on_row,
                       trace::GoroutineId selected, int selected_row) {
  CodeScrollInput in;
  in.follow = state.follow;
  in.scrolled_to = state.scrolled_to;
  in.set_scroll = state.set_scroll;
  in.selected = selected;
  in.selected_line = selected_row;
  in.on_line = on_row;
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

// [SECTION] Rows -----------------------------------------------------------------------------

// What every row of one frame is drawn with.
struct RowContext {
  const CodeViewState& state;
  const std::vector<LineMarker>& markers;  // per row
  const Geometry& g;
  const PoolViewStyle& style;
  const Palette& pal;
  ImFont* font;
  ImDrawList* dl;
  float right;  // the window's right edge
  trace::GoroutineId selected;
  int selected_row;
  Look selected_look;
  int just_run_row;
  LayoutReport* report;
};

// The bands behind a row: the selected goroutine's, the line just run.
void draw_row_bands(const RowContext& c, int row, ImVec2 p) {
  const float s = c.style.scale;
  const ImVec2 end(std::max(c.right, p.x + c.g.content_w), p.y + c.g.line_h);
  if (row == c.just_run_row) {
    c.dl->AddRectFilled(p, end, with_alpha(c.pal.text, 0.16f));
    c.dl->AddLine(ImVec2(p.x, p.y + 0.5f * s), ImVec2(end.x, p.y + 0.5f * s),
                  with_alpha(c.pal.text, 0.7f), s);
    c.dl->AddLine(ImVec2(p.x, end.y - 0.5f * s), ImVec2(end.x, end.y - 0.5f * s),
                  with_alpha(c.pal.text, 0.7f), s);
    if (c.report != nullptr) {
      c.report->add("code-just-run", p.x, p.y, c.right, end.y, 0,
                    std::to_string(c.state.rows.rows[static_cast<std::size_t>(row - 1)].line));
    }
  }
  if (row == c.selected_row) {
    const std::uint32_t colour = look_colour(c.style.theme, c.selected_look);
    c.dl->AddRectFilled(p, end, with_alpha(colour, 0.22f));
    c.dl->AddRectFilled(p, ImVec2(p.x + 3 * s, end.y), colour);
  }
}

// The line number and the highlighted code of one line at p (a fold row: what it hides).
void draw_row_text(const RowContext& c, const CodeRow& row, ImVec2 p, float text_y) {
  const float s = c.style.scale;
  const GoLine& line = c.state.listing.lines[static_cast<std::size_t>(row.line - 1)];
  const bool dim = line.instrumentation;
  const std::string n = std::to_string(row.line);
  c.dl->AddText(ImVec2(p.x + 6 * s + c.g.number_w - ImGui::CalcTextSize(n.c_str()).x, text_y),
                with_alpha(c.pal.text_dim, dim ? 0.5f : 0.9f), n.c_str());
  if (row.after_gap) {  // lines left out just above: a short rule across the numbers
    c.dl->AddLine(ImVec2(p.x + 4 * s, p.y), ImVec2(p.x + 8 * s + c.g.number_w, p.y),
                  with_alpha(c.pal.text_dim, 0.6f), s);
  }
  const float x0 = p.x + c.g.code_x;
  if (row.folded > 0) {
    const std::string text =
        fmt::format("+ {} lines: stats, measurements for Poolscope, not the lesson (click to show)",
                    row.folded);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    c.dl->AddRect(ImVec2(x0 - 3 * s, p.y + 1 * s),
                  ImVec2(x0 + size.x + 3 * s, p.y + c.g.line_h - 1 * s),
                  with_alpha(c.pal.text_dim, 0.6f), 3 * s, 0, s);
    c.dl->AddText(c.font, c.g.fs, ImVec2(x0, text_y),
                  syntax_colour(c.style.theme, GoTokenKind::Comment), text.c_str());
    return;
  }
  float x = x0;
  for (const GoRun& r : line.runs) {
    if (x > c.right) break;
    const char* begin = line.text.data() + r.begin;
    const char* end = line.text.data() + r.end;
    const std::uint32_t colour = syntax_colour(c.style.theme, r.kind);
    c.dl->AddText(c.font, c.g.fs, ImVec2(x, text_y), dim ? with_alpha(colour, 0.45f) : colour,
                  begin, end);
    x += c.font->CalcTextSizeA(c.g.fs, FLT_MAX, 0.0f, begin, end).x;
  }
}

// The marker of row `row` at p, if it has goroutines; true when the mouse is on it.
bool draw_marker(const RowContext& c, int row, ImVec2 p, float text_y) {
  const LineMarker& mk = c.markers[static_cast<std::size_t>(row)];
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
  if (c.report != nullptr) {
    c.report->add("marker", a.x, a.y, b.x, b.y, colour,
                  std::to_string(c.state.rows.rows[static_cast<std::size_t>(row - 1)].line));
  }
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  return mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y;
}

struct Hovered {
  int marker = 0;  // the row whose marker the mouse is on (0: none)
  int fold = 0;    // the fold row the mouse is on (0: none)
};

// The rows in view (ImGuiListClipper).
Hovered draw_rows(const RowContext& c) {
  const bool window_hovered = ImGui::IsWindowHovered();
  Hovered hovered;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(c.state.rows.rows.size()), c.g.line_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const int row = i + 1;
      const CodeRow& r = c.state.rows.rows[static_cast<std::size_t>(i)];
      const ImVec2 p = ImGui::GetCursorScreenPos();
      ImGui::Dummy(ImVec2(c.g.content_w, c.g.line_h));
      const float text_y = p.y + (c.g.line_h - c.g.fs) / 2;
      draw_row_bands(c, row, p);
      draw_row_text(c, r, p, text_y);
      if (draw_marker(c, row, p, text_y) && window_hovered) {
        hovered.marker = row;
      } else if (r.folded > 0 && window_hovered && ImGui::IsItemHovered()) {
        hovered.fold = row;
      }
    }
  }
  clipper.End();
  return hovered;
}

// A click on a marker selects the next goroutine on its row; hovering lists them.
void marker_actions(const Session& session, CodeViewState& state, const LineMarker& mk,
                    const CodeRow& row, ThemeId theme, trace::GoroutineId& selected) {
  ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    selected = next_on_line(mk, selected);
    state.scrolled_to = selected;  // it is in view already
  }
  marker_tooltip(session, mk, row, theme);
}

// [SECTION] The strips above and below ---------------------------------------------------------

// "3 goroutines above", or "3" beside its arrow when the strip is narrow.
std::string pill_text(const Offscreen& o, bool above, bool brief) {
  if (brief) return std::to_string(o.count);
  return fmt::format("{} goroutine{} {}", o.count, o.count == 1 ? "" : "s",
                     above ? "above" : "below");
}

// The width of a strip's pill (0: none).
float offscreen_pill_width(const Offscreen& o, bool above, bool brief, float s) {
  if (o.count == 0) return 0;
  const ImVec2 extent = ImGui::CalcTextSize(pill_text(o, above, brief).c_str());
  return extent.x + extent.y * 0.6f + 16 * s;
}

// A pill saying how many goroutines are out of view on one side, ending at the strip's
// x `right`; true when clicked. An empty strip stays (the listing does not move).
bool offscreen_pill(const Offscreen& o, bool above, bool brief, ImVec2 strip, float right,
                    float strip_h, const Palette& pal, float s, LayoutReport* report) {
  if (o.count == 0) return false;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const std::string text = pill_text(o, above, brief);
  const ImVec2 extent = ImGui::CalcTextSize(text.c_str());
  const float h = strip_h - 2 * s;
  const float arrow = extent.y * 0.6f;
  const float w = offscreen_pill_width(o, above, brief, s);
  const float strip_w = right - strip.x;
  const ImVec2 a(strip.x + strip_w - w, strip.y + 1 * s);
  const ImVec2 b(strip.x + strip_w, a.y + h);
  ImGui::SetCursorScreenPos(a);
  const bool clicked = ImGui::InvisibleButton(above ? "##above" : "##below", ImVec2(w, h));
  const bool hovered = ImGui::IsItemHovered();
  dl->AddRectFilled(a, b, hovered ? pal.slot : pal.panel, 4 * s);
  dl->AddRect(a, b, pal.outline, 4 * s, 0, s);
  // A small triangle pointing where the goroutines are.
  const float cx = a.x + 6 * s + arrow / 2;
  const float cy = a.y + h / 2;
  const float r = arrow / 2;
  if (above) {
    dl->AddTriangleFilled(ImVec2(cx - r, cy + r / 2), ImVec2(cx + r, cy + r / 2),
                          ImVec2(cx, cy - r / 2), pal.text);
  } else {
    dl->AddTriangleFilled(ImVec2(cx - r, cy - r / 2), ImVec2(cx + r, cy - r / 2),
                          ImVec2(cx, cy + r / 2), pal.text);
  }
  dl->AddText(ImVec2(a.x + arrow + 10 * s, a.y + (h - extent.y) / 2), pal.text, text.c_str());
  if (report != nullptr) report->add("code-chip", a.x, a.y, b.x, b.y, 0, text);
  if (hovered) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::SetTooltip("Show line %d", o.nearest);
  }
  return clicked;
}

}  // namespace

// [SECTION] draw_code ------------------------------------------------------------------------

namespace {

// The listing and its rows, made again when the source or the measurements box changes.
void refresh_listing(const Session& session, CodeViewState& state) {
  const std::string& source = session.program().source;
  const bool changed = state.source != source;
  if (changed) {
    state.source = source;
    state.listing = highlight_go(state.source);
  }
  if (!changed && state.rows_show_measurements == state.show_measurements &&
      (!state.rows.rows.empty() || state.listing.lines.empty())) {
    return;
  }
  state.rows = code_rows(state.listing, state.show_measurements);
  state.rows_show_measurements = state.show_measurements;
  state.widest_row = 0;
  for (const CodeRow& r : state.rows.rows) {
    if (r.folded > 0) continue;
    state.widest_row = std::max(
        state.widest_row, state.listing.lines[static_cast<std::size_t>(r.line - 1)].text.size());
  }
  state.widest_row += 2;
  state.set_scroll = -1;  // the content changed size: its scroll may move by itself
}

// What the listing's child window found this frame, for the strips around it.
struct ListingResult {
  OffscreenGoroutines offscreen;
  float line_h = 1;
  float inner_h = 0;
  float scroll_max = 0;
};

ListingResult draw_listing(const Session& session, CodeViewState& state, const PoolViewStyle& style,
                           const std::vector<LineMarker>& markers, trace::GoroutineId& selected,
                           int selected_row, Look selected_look, float height) {
  const Palette& pal = palette(style.theme);
  const float s = style.scale;
  ImGui::BeginChild("##code-listing", ImVec2(0, height), false,
                    ImGuiWindowFlags_HorizontalScrollbar);
  ImFont* font =
      style.fonts != nullptr && style.fonts->code != nullptr ? style.fonts->code : ImGui::GetFont();
  ImGui::PushFont(font);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  const Geometry g = listing_geometry(state, s);
  if (state.report != nullptr) {
    const ImVec2 wp = ImGui::GetWindowPos();
    state.report->add("code-listing", wp.x, wp.y, wp.x + ImGui::GetWindowWidth(), wp.y + g.inner_h);
  }
  const std::vector<int> on_row = goroutines_per_line(markers);
  const Session::JustRun& just = session.just_run();
  const int just_row = just.goroutine != 0 ? state.rows.row_of(just.line) : 0;
  // Following keeps the selected goroutine's line in view, else the line just run.
  follow_goroutines(state, g, on_row, selected, selected_row > 0 ? selected_row : just_row);
  const RowContext context{state,
                           markers,
                           g,
                           style,
                           pal,
                           font,
                           ImGui::GetWindowDrawList(),
                           ImGui::GetWindowPos().x + ImGui::GetWindowWidth(),
                           selected,
                           selected_row,
                           selected_look,
                           just_row,
                           state.report};
  const Hovered hovered = draw_rows(context);
  ImGui::PopStyleVar();
  ImGui::PopFont();
  if (hovered.marker > 0) {
    marker_actions(session, state, markers[static_cast<std::size_t>(hovered.marker)],
                   state.rows.rows[static_cast<std::size_t>(hovered.marker - 1)], style.theme,
                   selected);
  } else if (hovered.fold > 0) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::SetTooltip("Show the measurement lines (the \"stats\" box hides them again)");
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) state.show_measurements = true;
  }
  ListingResult out;
  out.offscreen = offscreen_goroutines(on_row, g.line_h, ImGui::GetScrollY(), g.inner_h);
  out.line_h = g.line_h;
  out.inner_h = g.inner_h;
  out.scroll_max = ImGui::GetScrollMaxY();
  ImGui::EndChild();
  return out;
}

}  // namespace

void draw_code(const Session& session, CodeViewState& state, const PoolViewStyle& style,
               trace::GoroutineId& selected) {
  refresh_listing(session, state);
  const CodeRows& rows = state.rows;
  const std::vector<LineMarker> markers =
      row_markers(rows, line_markers(session.model(), state.listing.lines.size()));
  const auto [selected_line, selected_look] =
      selected_place(session.model(), selected, state.listing.lines.size());
  draw_header(session, state, style, selected, selected_line, selected_look);
  if (rows.rows.empty()) {
    ImGui::TextDisabled("No program.");
    return;
  }
  // A strip below the listing, for the goroutines out of view and the line just run: never
  // over the code.
  const float s = style.scale;
  const float strip_h = std::round(ImGui::GetFontSize() + 4 * s);
  const float width = ImGui::GetContentRegionAvail().x;
  const float listing_h = std::max(
      2 * strip_h, ImGui::GetContentRegionAvail().y - strip_h - ImGui::GetStyle().ItemSpacing.y);
  const ListingResult listing = draw_listing(session, state, style, markers, selected,
                                             rows.row_of(selected_line), selected_look, listing_h);
  const ImVec2 bottom = ImGui::GetCursorScreenPos();
  const Palette& pal = palette(style.theme);
  const Offscreen& above = listing.offscreen.above;
  const Offscreen& below = listing.offscreen.below;
  // The pills at the right, in words when half the strip holds them, else as counts.
  const bool brief = offscreen_pill_width(above, true, false, s) +
                         offscreen_pill_width(below, false, false, s) + 6 * s >
                     width / 2;
  const float below_w = offscreen_pill_width(below, false, brief, s);
  const float above_right = bottom.x + width - (below_w > 0 ? below_w + 6 * s : 0.0f);
  const float pills_w =
      bottom.x + width - above_right + offscreen_pill_width(above, true, brief, s);
  float jump = -1;
  just_run_legend(session, bottom, width - pills_w - 8 * s, strip_h, style, state.report);
  if (offscreen_pill(below, false, brief, bottom, bottom.x + width, strip_h, pal, s,
                     state.report)) {
    jump = centred_scroll(below.nearest, listing.line_h, listing.inner_h, listing.scroll_max);
  }
  if (offscreen_pill(above, true, brief, bottom, above_right, strip_h, pal, s, state.report)) {
    jump = centred_scroll(above.nearest, listing.line_h, listing.inner_h, listing.scroll_max);
  }
  ImGui::SetCursorScreenPos(bottom);
  ImGui::Dummy(ImVec2(width, strip_h));
  if (jump >= 0) {
    // Back into the listing's window (ImGui appends to it) to scroll it.
    state.set_scroll = jump;
    ImGui::BeginChild("##code-listing", ImVec2(0, listing_h), false,
                      ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::SetScrollY(jump);
    ImGui::EndChild();
    ImGui::SetCursorScreenPos(ImVec2(bottom.x, bottom.y + strip_h));
  }
}

}  // namespace poolscope::gui
