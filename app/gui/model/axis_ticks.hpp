#pragma once
// Axis ticks and their labels for the metrics view's plots (views/plot.hpp): round values
// (1, 2 or 5 times a power of ten apart) and numbers written for people. Pure; tested
// without a window.
#include <string>
#include <vector>

namespace poolscope::gui {

// The tick values in [lo, hi], evenly spaced by 1, 2 or 5 times a power of ten, at most
// `most` of them (at least 2 when lo < hi); empty when hi <= lo or most < 2.
[[nodiscard]] std::vector<double> axis_ticks(double lo, double hi, int most);

// A value as an axis label says it: "0", "0.5", "25", "1,000", "250,000"; never an
// exponent (values below 0.0001 are "0"). `unit` follows after a space when not empty.
[[nodiscard]] std::string axis_number(double v, const std::string& unit = {});

}  // namespace poolscope::gui
