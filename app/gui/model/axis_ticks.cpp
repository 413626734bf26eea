#include "app/gui/model/axis_ticks.hpp"

#include <fmt/core.h>

#include <cmath>
#include <string>

#include "app/gui/model/number_format.hpp"

namespace poolscope::gui {

std::vector<double> axis_ticks(double lo, double hi, int most) {
  std::vector<double> ticks;
  if (!(hi > lo) || most < 2) return ticks;
  const double rough = (hi - lo) / (most - 1);
  const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
  double step = 10 * magnitude;
  for (const double m : {1.0, 2.0, 5.0}) {
    if (m * magnitude >= rough) {
      step = m * magnitude;
      break;
    }
  }
  const double first = std::ceil(lo / step - 1e-9);
  for (double k = first; k * step <= hi + step * 1e-9; k += 1) {
    const double v = k * step;  // 11 x 0.1 is 1.1000000000000001: the round value instead
    ticks.push_back(std::abs(v) < step * 1e-9 ? 0.0 : std::stod(fmt::format("{:.12g}", v)));
  }
  return ticks;
}

std::string axis_number(double v, const std::string& unit) {
  // A tick computed as 3 x 0.1 - 0.3 may be 1e-17 off zero: that is zero.
  const std::string text = std::abs(v) < 1e-4 ? "0" : format_number(v);
  return unit.empty() ? text : text + " " + unit;
}

}  // namespace poolscope::gui
