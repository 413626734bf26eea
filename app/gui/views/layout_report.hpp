#pragma once
// LayoutReport: where the last frame put the things a learner must see (panels, the
// narration, the code markers), so tests can check them on the screenshot.
//
// - Views add rectangles in framebuffer pixels while they draw; App clears the report at
//   the start of each frame. Disabled (the default) it records nothing.
// - `poolscope --layout-report` prints the last frame's report on stdout, one line per
//   item: `layout NAME X0 Y0 X1 Y1 #RRGGBB TEXT` (TEXT may be empty).
#include <cstdint>
#include <string>
#include <vector>

namespace poolscope::gui {

struct ReportItem {
  std::string name;  // "panel:pool", "narration", "marker", ...
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::uint32_t colour = 0;  // ImGui packed ABGR; what the item is filled or drawn with
  std::string text;          // e.g. the marker's line number, the narration's first words
};

struct LayoutReport {
  bool enabled = false;
  std::vector<ReportItem> items;

  void add(std::string name, float x0, float y0, float x1, float y1, std::uint32_t colour = 0,
           std::string text = {}) {
    if (enabled) items.push_back({std::move(name), x0, y0, x1, y1, colour, std::move(text)});
  }
  void clear() { items.clear(); }
  [[nodiscard]] std::string to_text() const;
};

// For tests (--mark-widgets): paints the frames, buttons, grabs, check marks, headers,
// tabs and scroll bars of Dear ImGui's widgets in kWidgetMark, a colour no view draws
// with, so a screenshot shows whether a frame has any widget in it. Call after the theme
// is applied.
inline constexpr std::uint32_t kWidgetMark = 0xFFFF00FFu;  // #FF00FF, opaque (ABGR)
void mark_widgets();

}  // namespace poolscope::gui
