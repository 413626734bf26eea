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

// An axis value as its label says it: "0.5", "200", "1,000,000" (axis_number()).
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
                           //            true: top, half and 0 left of the frame, right-
                           //            aligned against it
  float label_x = 0;       // = 0     // outside labels start at or right of this x
  float scale = 1;         // = 1     // the UI scale
};

// Draws the frame (filled with ImGui's frame colour) and its value labels into the
// current window.
void draw_value_axis(const ValueAxis& axis, const ValueAxisStyle& style);

// [SECTION] Live plots -----------------------------------------------------------------

struct PlotStyle {
  std::uint32_t line = 0xffe9b456;  // = sky blue  // line colour (ImGui packed)
  float height = 70.0f;             // = 70        // the frame's height in pixels at scale 1
  float min_top = 1.0f;             // = 1         // the y axis reaches at least this value
  std::string_view unit;            // = ""        // the values' unit ("jobs/s"), "" none
  float label_w = 0;                // = 0         // the value labels' column (0: as wide
                                    //                as this plot's labels need)
};

// The value labels' column a plot of `series` needs (its top and half labels); give the
// widest of a stack's to each plot of it so their frames line up.
[[nodiscard]] float plot_label_width(const RingSeries& series, float min_top, float scale);

// Draws a titled plot of `series` against `times` (each sample's virtual time in seconds,
// as many as `series`, never decreasing), filling the available width: the current value
// large beside the title, the values up (0, half and the top on the left, the unit in the
// frame's corner), the time across from the run's start (from the oldest sample kept once
// older ones were dropped) to the newest, with round ticks labelled in seconds below.
void draw_plot(std::string_view title, const RingSeries& times, const RingSeries& series,
               const PlotStyle& style, float scale);

}  // namespace poolscope::gui
