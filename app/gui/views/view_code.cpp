// The code view. Sections:
//   [SECTION] Colours
//   [SECTION] Markers (goroutines per line)
//   [SECTION] Header
//   [SECTION] draw_code
#include "app/gui/views/view_code.hpp"

#include <imgui.h>

#include <fmt/core.h>
#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <vector>

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

constexpr std::size_t kListed = 64;       // goroutines a marker remembers (tooltip, cycling)
constexpr std::size_t kTooltipRows = 12;  // of which the tooltip lists this many

struct Marker {
  int count = 0;
  std::array<int, static_cast<std::size_t>(Look::Count)> by_look{};
  std::vector<const Actor*> actors;  // the first kListed, in goroutine order

  [[nodiscard]] Look look() const {
    const auto most = std::max_element(by_look.begin(), by_look.end());
    return static_cast<Look>(most - by_look.begin());
  }
};

// markers[line] for lines 1..lines; a goroutine without a line (not started) or exited
// has no marker.
std::vector<Marker> collect_markers(const PoolModel& m, std::size_t lines) {
  std::vector<Marker> markers(lines + 1);
  for (const std::vector<Actor>* group : {&m.producers, &m.workers, &m.others}) {
    for (const Actor& a : *group) {
      if (a.look == Look::Exited || a.line == 0 || a.line > lines) continue;
      Marker& mk = markers[a.line];
      ++mk.count;
      ++mk.by_look[static_cast<std::size_t>(a.look)];
      if (mk.actors.size() < kListed) mk.actors.push_back(&a);
    }
  }
  for (Marker& mk : markers) {
    std::sort(mk.actors.begin(), mk.actors.end(),
              [](const Actor* a, const Actor* b) { return a->id < b->id; });
  }
  return markers;
}

std::string count_text(int n) {
  return n >= 10000 ? fmt::format("{}k", n / 1000) : fmt::format("{}x", n);
}

// The goroutine to select when `mk` is clicked: the one after the selected one on that
// line, else the first.
trace::GoroutineId next_on_line(const Marker& mk, trace::GoroutineId selected) {
  for (std::size_t i = 0; i < mk.actors.size(); ++i) {
    if (mk.actors[i]->id == selected) return mk.actors[(i + 1) % mk.actors.size()]->id;
  }
  return mk.actors.empty() ? 0 : mk.actors.front()->id;
}

void marker_tooltip(const Session& session, const Marker& mk, int line, ThemeId theme) {
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

// Goroutines on lines scrolled out of view, above or below.
struct Offscreen {
  int count = 0;
  int nearest = 0;  // the hidden line with goroutines closest to the view (0: none)
};

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

  const PoolModel& model = session.model();
  const std::vector<Marker> markers = collect_markers(model, listing.lines.size());

  // Where the selected goroutine is (0: nowhere to show).
  int selected_line = 0;
  Look selected_look = Look::Runnable;
  for (const std::vector<Actor>* group : {&model.producers, &model.workers, &model.others}) {
    for (const Actor& a : *group) {
      if (a.id != selected || a.look == Look::Exited) continue;
      if (a.line > 0 && a.line <= listing.lines.size()) selected_line = a.line;
      selected_look = a.look;
    }
  }
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
  const float fs = ImGui::GetFontSize();
  const float line_h = std::round(fs + 4 * s);
  const float char_w = ImGui::CalcTextSize("0").x;
  const std::string last_number = std::to_string(listing.lines.size());
  const float number_w = ImGui::CalcTextSize(last_number.c_str()).x;
  const float gutter_x = 6 * s + number_w + 8 * s;  // markers start here
  const float marker_w = ImGui::CalcTextSize("* 9x").x + 8 * s;
  const float code_x = gutter_x + marker_w + 6 * s;
  const float content_w = code_x + static_cast<float>(listing.widest) * char_w + 16 * s;
  const float view_h = ImGui::GetWindowHeight();
  const float bar = ImGui::GetStyle().ScrollbarSize;
  const float inner_h = view_h - (ImGui::GetScrollMaxX() > 0 ? bar : 0);
  if (state.report != nullptr) {
    const ImVec2 wp = ImGui::GetWindowPos();
    state.report->add("code-listing", wp.x, wp.y, wp.x + ImGui::GetWindowWidth(), wp.y + inner_h);
  }

  // Scrolled by the user (wheel, scroll bar, keys) since the last frame: stop following.
  const float scroll_now = ImGui::GetScrollY();
  if (state.set_scroll >= 0 && std::abs(scroll_now - state.set_scroll) > 1.0f &&
      ImGui::GetScrollMaxY() > 0) {
    state.follow = false;
  }
  float wanted = -1;  // the scroll this frame asks for (-1: none)

  // A new selection scrolls its line into view (once, so the learner can scroll away).
  // (A child window that is new this frame cannot scroll yet: try again next frame.)
  if (selected != state.scrolled_to && selected_line > 0) {
    const float y = static_cast<float>(selected_line - 1) * line_h;
    const float scroll = ImGui::GetScrollY();
    if (y >= scroll && y + line_h <= scroll + view_h) {
      state.scrolled_to = selected;
    } else if (ImGui::GetScrollMaxY() > 0) {
      wanted = std::max(0.0f, y - (view_h - line_h) / 2);
      state.scrolled_to = selected;
    }
  } else if (selected == 0) {
    state.scrolled_to = 0;
  }

  // Following: the selected goroutine's line; else the window of lines that shows the most
  // goroutines. The view moves only when another window shows more than the current one, so
  // it does not jitter as goroutines step from line to line.
  if (state.follow && wanted < 0 && ImGui::GetScrollMaxY() > 0) {
    const int lines = static_cast<int>(listing.lines.size());
    const int visible = std::max(1, static_cast<int>(inner_h / line_h) - 1);   // fully shown
    const int current = static_cast<int>(std::ceil(scroll_now / line_h)) + 1;  // first shown
    if (selected_line > 0) {
      if (selected_line < current || selected_line >= current + visible) {
        wanted = static_cast<float>(selected_line - 1) * line_h - (inner_h - line_h) / 2;
      }
    } else {
      // Goroutines on lines first .. first + visible - 1.
      const auto covered = [&](int first) {
        int n = 0;
        for (int l = std::max(1, first); l < first + visible && l <= lines; ++l) {
          n += markers[static_cast<std::size_t>(l)].count;
        }
        return n;
      };
      int best = covered(current), best_first = current;
      for (int l = 1; l <= lines; ++l) {
        if (markers[static_cast<std::size_t>(l)].count == 0) continue;
        const int first = std::max(1, l - 1);  // one line of context above
        if (const int c = covered(first); c > best) {
          best = c;
          best_first = first;
        }
      }
      if (best_first != current) wanted = static_cast<float>(best_first - 1) * line_h;
    }
  }
  if (wanted >= 0) {
    wanted = std::clamp(wanted, 0.0f, ImGui::GetScrollMaxY());
    ImGui::SetScrollY(wanted);
    state.set_scroll = wanted;
  } else {
    state.set_scroll = scroll_now;
  }

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const bool window_hovered = ImGui::IsWindowHovered();
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowWidth();
  int hovered_marker = 0;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(listing.lines.size()), line_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const GoLine& line = listing.lines[static_cast<std::size_t>(i)];
      const int number = i + 1;
      const ImVec2 p = ImGui::GetCursorScreenPos();
      ImGui::Dummy(ImVec2(content_w, line_h));
      const float text_y = p.y + (line_h - fs) / 2;

      if (number == selected_line) {
        const std::uint32_t c = look_colour(style.theme, selected_look);
        dl->AddRectFilled(ImVec2(p.x, p.y), ImVec2(std::max(right, p.x + content_w), p.y + line_h),
                          with_alpha(c, 0.22f));
        dl->AddRectFilled(ImVec2(p.x, p.y), ImVec2(p.x + 3 * s, p.y + line_h), c);
      }
      const std::string n = std::to_string(number);
      dl->AddText(ImVec2(p.x + 6 * s + number_w - ImGui::CalcTextSize(n.c_str()).x, text_y),
                  with_alpha(pal.text_dim, line.instrumentation ? 0.5f : 0.9f), n.c_str());

      float x = p.x + code_x;
      for (const GoRun& r : line.runs) {
        if (x > right) break;
        const char* begin = line.text.data() + r.begin;
        const char* end = line.text.data() + r.end;
        const std::uint32_t c = syntax_colour(style.theme, r.kind);
        dl->AddText(font, fs, ImVec2(x, text_y), line.instrumentation ? with_alpha(c, 0.45f) : c,
                    begin, end);
        x += font->CalcTextSizeA(fs, FLT_MAX, 0.0f, begin, end).x;
      }

      const Marker& mk = markers[static_cast<std::size_t>(number)];
      if (mk.count > 0) {
        const Look look = mk.look();
        const std::uint32_t c = look_colour(style.theme, look);
        const std::string label =
            mk.count == 1 ? std::string(look_glyph(look))
                          : fmt::format("{} {}", look_glyph(look), count_text(mk.count));
        // Drawn over the code: a large count may reach into the indentation.
        const float w = std::max(marker_w, ImGui::CalcTextSize(label.c_str()).x + 8 * s);
        const ImVec2 a(p.x + gutter_x, p.y + 1.5f * s);
        const ImVec2 b(p.x + gutter_x + w, p.y + line_h - 1.5f * s);
        dl->AddRectFilled(a, b, c, 3 * s);
        const bool has_selected =
            std::any_of(mk.actors.begin(), mk.actors.end(),
                        [selected](const Actor* g) { return g->id == selected; });
        if (has_selected) dl->AddRect(a, b, pal.text, 3 * s, 0, 2 * s);
        dl->AddText(ImVec2(a.x + 4 * s, text_y), ink_on(c), label.c_str());
        if (state.report != nullptr) {
          state.report->add("marker", a.x, a.y, b.x, b.y, c, std::to_string(number));
        }
        if (window_hovered && mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y) {
          hovered_marker = number;
        }
      }
    }
  }
  clipper.End();
  ImGui::PopStyleVar();
  ImGui::PopFont();

  // Goroutines out of view get a pill at the edge that scrolls to the nearest of them.
  const float scroll = ImGui::GetScrollY();
  Offscreen above, below;
  for (std::size_t n = 1; n < markers.size(); ++n) {
    if (markers[n].count == 0) continue;
    const float top = static_cast<float>(n - 1) * line_h;
    if (top + line_h <= scroll) {
      above.count += markers[n].count;
      above.nearest = static_cast<int>(n);
    } else if (top >= scroll + inner_h) {
      below.count += markers[n].count;
      if (below.nearest == 0) below.nearest = static_cast<int>(n);
    }
  }
  const float scroll_bar_w = ImGui::GetScrollMaxY() > 0 ? bar : 0;
  for (const auto& [o, up] : {std::pair{above, true}, std::pair{below, false}}) {
    if (offscreen_pill(o, up, scroll_bar_w, inner_h, pal, s)) {
      const float y = static_cast<float>(o.nearest - 1) * line_h;
      state.set_scroll = std::clamp(y - (inner_h - line_h) / 2, 0.0f, ImGui::GetScrollMaxY());
      ImGui::SetScrollY(state.set_scroll);
    }
  }

  if (hovered_marker > 0) {
    const Marker& mk = markers[static_cast<std::size_t>(hovered_marker)];
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
      selected = next_on_line(mk, selected);
      state.scrolled_to = selected;  // it is in view already
    }
    marker_tooltip(session, mk, hovered_marker, style.theme);
  }
  ImGui::EndChild();
}

}  // namespace poolscope::gui
