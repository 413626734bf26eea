#pragma once
// Plots: live line plots of metric time series, drawn with ImGui's draw list.
//
// - draw_plot() draws the caller's series; it owns no data (the ImPlot way).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "app/gui/model/ring_series.hpp"

namespace poolscope::gui {

struct PlotStyle {
  std::uint32_t line = 0xffe9b456;  // = sky blue  // line colour (ImGui packed)
  float height = 70.0f;             // = 70        // plot height in pixels at scale 1
  float min_top = 1.0f;             // = 1         // the y axis reaches at least this value
  std::string_view unit;            // = ""        // appended to the current value
};

// Draws a titled plot filling the available width; the current value is shown
// large beside the title so a room can read it.
void draw_plot(std::string_view title, const RingSeries& series, const PlotStyle& style,
               float scale);

}  // namespace poolscope::gui
