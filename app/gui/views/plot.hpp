#pragma once
// Plots: line plots of metric series, drawn with ImGui's draw list.
//
// Index
//   [SECTION] Value axis (the frame and its labels; shared by every plot)
//   [SECTION] Live plots
//
// - Plots own no data (the ImPlot way): draw_plot() draws the caller's series, and a
//   plot of its own kind (the metrics view's sizing curve) draws its axis with
//   draw_value_axis() and its curve itself.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/gui/model/ring_series.hpp"

namespace poolscope::gui {

// [SECTION] Value axis -----------------------------------------------------------------

// A "nice" axis top at or above v: 1, 2 or 5 times a power of ten; 1 when v <= 0. (In
// float for the live plots' float samples, in double for curves of doubles.)
[[nodiscard]] float nice_ceiling(float v);
[[nodiscard]] double nice_ceiling(double v);

// An axis value as its label says it ("%g": "0.5", "200", "1e+06").
[[nodiscard]] std::string axis_label(double v);

// A plot's frame, values from 0 at its bottom edge to `top` at its top edge.
struct ValueAxis {
  float x0 = 0;  // the frame, in screen pixels
  float y0 = 0;
  float x1 = 0;
  float y1 = 0;
  double top = 1;  // > 0: the value at y0

  // The height of value v, clamped to the frame.
  [[nodiscard]] float y_of(double v) const;
};

struct ValueAxisStyle {
  std::uint32_t text = 0;  // = 0     // labels' colour (ImGui packed)
  std::uint32_t grid = 0;  // = 0     // a line across at half the top (0: none)
  bool outside = false;    // = false // false: the top's label inside the top-left corner;
                           //            true: top, half and 0 left of the frame
  float label_x = 0;       // = 0     // outside labels' left edge
  float scale = 1;         // = 1     // the UI scale
};

// Draws the frame (filled with ImGui's frame colour) and its value labels into the
// current window.
void draw_value_axis(const ValueAxis& axis, const ValueAxisStyle& style);

// [SECTION] Live plots -----------------------------------------------------------------

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
