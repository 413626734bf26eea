#include "app/gui/views/layout_report.hpp"

#include <fmt/format.h>

namespace poolscope::gui {

std::string LayoutReport::to_text() const {
  std::string out;
  for (const ReportItem& i : items) {
    // ImGui packs colours as ABGR.
    const unsigned r = i.colour & 0xFF, g = (i.colour >> 8) & 0xFF, b = (i.colour >> 16) & 0xFF;
    std::string text = i.text;
    for (char& c : text) {
      if (c == '\n') c = ' ';
    }
    out += fmt::format("layout {} {:.0f} {:.0f} {:.0f} {:.0f} #{:02x}{:02x}{:02x} {}\n", i.name,
                       i.x0, i.y0, i.x1, i.y1, r, g, b, text);
  }
  return out;
}

}  // namespace poolscope::gui
