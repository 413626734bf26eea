#include "app/gui/views/video_code.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <vector>

#include "app/gui/model/code_follow.hpp"
#include "app/gui/model/code_markers.hpp"
#include "app/gui/views/theme.hpp"

namespace poolscope::gui {

namespace {
// Black or white, whichever reads better on `background`.
std::uint32_t ink_on(std::uint32_t background) {
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(background);
  const float luminance = 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z;
  return luminance > 0.45f ? IM_COL32(15, 15, 15, 255) : IM_COL32(250, 250, 250, 255);
}

// Where the parts of a line go, for the code font.
struct Columns {
  float line_h = 0;
  float number_w = 0;
  float gutter_x = 0;
  float marker_w = 0;
  float code_x = 0;
};

Columns columns(const ImFont* font, std::size_t lines, float s) {
  Columns c;
  const float fs = font->FontSize;
  c.line_h = std::round(fs + 4 * s);
  const std::string last = std::to_string(lines);
  c.number_w = font->CalcTextSizeA(fs, FLT_MAX, 0, last.c_str()).x;
  c.gutter_x = 6 * s + c.number_w + 8 * s;
  c.marker_w = font->CalcTextSizeA(fs, FLT_MAX, 0, "* 9x").x + 8 * s;
  c.code_x = c.gutter_x + c.marker_w + 6 * s;
  return c;
}

// Keeps the lines with the most goroutines in view, as the code view's "follow" does.
void follow(VideoCodeState& state, const std::vector<int>& on_line, float line_h, float view_h) {
  const float content_h = static_cast<float>(state.listing.lines.size()) * line_h;
  CodeScrollInput in;
  in.set_scroll = state.scroll;  // every scroll is the listing's own
  in.on_line = on_line;
  in.line_h = line_h;
  in.view_h = view_h;
  in.inner_h = view_h;
  in.scroll_max = std::max(0.0f, content_h - view_h);
  in.scroll = std::clamp(state.scroll, 0.0f, in.scroll_max);
  const CodeScroll out = code_scroll(in);
  state.scroll = out.scroll_to >= 0 ? out.scroll_to : in.scroll;
}

void draw_marker(ImDrawList* dl, const LineMarker& mk, ImVec2 p, const Columns& c, ImFont* font,
                 const PoolViewStyle& style, LayoutReport& report, int number) {
  const float s = style.scale;
  const Look look = mk.look();
  const std::uint32_t colour = look_colour(style.theme, look);
  const std::string label = mk.count == 1 ? std::string(look_glyph(look))
                                          : fmt::format("{} {}x", look_glyph(look), mk.count);
  const float text_w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x;
  const float w = std::max(c.marker_w, text_w + 8 * s);
  const ImVec2 a(p.x + c.gutter_x, p.y + 1.5f * s);
  const ImVec2 b(a.x + w, p.y + c.line_h - 1.5f * s);
  dl->AddRectFilled(a, b, colour, 3 * s);
  dl->AddText(font, font->FontSize, ImVec2(a.x + 4 * s, p.y + (c.line_h - font->FontSize) / 2),
              ink_on(colour), label.c_str());
  report.add("marker", a.x, a.y, b.x, b.y, colour, std::to_string(number));
}

void draw_line_text(ImDrawList* dl, const GoLine& line, int number, ImVec2 p, const Columns& c,
                    ImFont* font, const PoolViewStyle& style, float right) {
  const Palette& pal = palette(style.theme);
  const float s = style.scale;
  const float fs = font->FontSize;
  const float y = p.y + (c.line_h - fs) / 2;
  const float fade = line.instrumentation ? 0.45f : 1.0f;
  const std::string n = std::to_string(number);
  dl->AddText(
      font, fs,
      ImVec2(p.x + 6 * s + c.number_w - font->CalcTextSizeA(fs, FLT_MAX, 0, n.c_str()).x, y),
      with_alpha(pal.text_dim, 0.9f * fade), n.c_str());
  float x = p.x + c.code_x;
  for (const GoRun& r : line.runs) {
    if (x > right) break;
    const char* begin = line.text.data() + r.begin;
    const char* end = line.text.data() + r.end;
    const std::uint32_t colour = r.kind == GoTokenKind::Comment ? pal.text_dim : pal.text;
    dl->AddText(font, fs, ImVec2(x, y), with_alpha(colour, fade), begin, end);
    x += font->CalcTextSizeA(fs, FLT_MAX, 0.0f, begin, end).x;
  }
}
}  // namespace

void draw_video_listing(const Session& session, VideoCodeState& state, const PoolViewStyle& style,
                        ImVec2 min, ImVec2 max, LayoutReport& report) {
  const std::string& source = session.program().source;
  if (state.source != source) {
    state.source = source;
    state.listing = highlight_go(state.source);
  }
  const Palette& pal = palette(style.theme);
  const float s = style.scale;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRect(min, max, pal.outline, 4 * s, 0, std::max(1.0f, s));
  report.add("video:code", min.x, min.y, max.x, max.y);
  ImFont* font =
      style.fonts != nullptr && style.fonts->code != nullptr ? style.fonts->code : ImGui::GetFont();
  const float pad = 6 * s;
  // A title line, then the lines.
  const ImFont* title_font = ImGui::GetFont();
  const std::string title = fmt::format("main.go  ·  {} lines", state.listing.lines.size());
  dl->AddText(ImVec2(min.x + pad, min.y + pad), pal.text_dim, title.c_str());
  const ImVec2 top(min.x + pad, min.y + pad + title_font->FontSize + pad);
  const ImVec2 bottom(max.x - pad, max.y - pad);
  if (state.listing.lines.empty() || bottom.y <= top.y) return;
  const Columns c = columns(font, state.listing.lines.size(), s);
  const std::vector<LineMarker> markers = line_markers(session.model(), state.listing.lines.size());
  const std::vector<int> on_line = goroutines_per_line(markers);
  const float view_h = bottom.y - top.y;
  follow(state, on_line, c.line_h, view_h);
  dl->PushClipRect(top, bottom, true);
  const auto first = static_cast<std::size_t>(std::floor(state.scroll / c.line_h));
  for (std::size_t i = first; i < state.listing.lines.size(); ++i) {
    const float y = std::round(top.y + static_cast<float>(i) * c.line_h - state.scroll);
    if (y > bottom.y) break;
    const int number = static_cast<int>(i) + 1;
    const ImVec2 p(top.x, y);
    draw_line_text(dl, state.listing.lines[i], number, p, c, font, style, bottom.x);
    const LineMarker& mk = markers[i + 1];
    if (mk.count > 0) draw_marker(dl, mk, p, c, font, style, report, number);
  }
  dl->PopClipRect();
}

}  // namespace poolscope::gui
