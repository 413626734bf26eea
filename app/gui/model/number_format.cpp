#include "app/gui/model/number_format.hpp"

#include <fmt/format.h>

#include <cmath>

namespace poolscope::gui {

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", group_thousands(n), n == 1 ? one : many);
}

std::string group_thousands(std::int64_t n) {
  // The magnitude as unsigned, so the most negative value has one too.
  const std::uint64_t magnitude =
      n < 0 ? ~static_cast<std::uint64_t>(n) + 1 : static_cast<std::uint64_t>(n);
  const std::string digits = fmt::format("{}", magnitude);
  std::string out = n < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string format_number(double v) {
  if (!std::isfinite(v)) return fmt::format("{}", v);
  const double a = std::fabs(v);
  if (a >= 99.95) return group_thousands(static_cast<std::int64_t>(std::llround(v)));
  if (a == 0) return "0";
  if (a < 0.001) return v > 0 ? "< 0.001" : "> -0.001";
  // Three significant digits, as decimals: 12.5, 1.25, 0.125, 0.00125.
  const int decimals = std::max(0, 2 - static_cast<int>(std::floor(std::log10(a))));
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s.find('.') != std::string::npos) {
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

std::string format_quantity(double v, std::string_view unit) {
  if (unit == "ms" || unit == "s") {
    const double ms = unit == "s" ? v * 1000 : v;
    if (std::fabs(ms) >= 999.5) return format_number(ms / 1000) + " s";
    return format_number(ms) + " ms";
  }
  if (unit.empty()) return format_number(v);
  return format_number(v) + " " + std::string(unit);
}

}  // namespace poolscope::gui
