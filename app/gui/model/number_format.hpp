#pragma once
// Numbers and quantities written for people: "1,000 ms" and "1 s", never "1e+03 ms".
//
// - group_thousands(): an integer with a comma every three digits ("12,345", "-1,000").
// - format_number(): no exponent ever; whole numbers from 100 up rounded and grouped
//   ("1,000", "1,000,000"), smaller ones to three significant digits without trailing
//   zeros ("12.5", "0.25", "0.001"); below 0.001 "< 0.001" (and "> -0.001").
// - format_quantity(): the number and its unit; a time ("ms" or "s") in the unit that
//   reads best: milliseconds below one second ("250 ms", "0.5 ms"), seconds from one
//   second up ("1 s", "1.5 s", "3,600 s").
// - plural(): a count and its noun, grouped ("1 goroutine", "1,000 goroutines").
#include <cstdint>
#include <string>
#include <string_view>

namespace poolscope::gui {

[[nodiscard]] std::string group_thousands(std::int64_t n);
[[nodiscard]] std::string format_number(double v);
[[nodiscard]] std::string format_quantity(double v, std::string_view unit);
[[nodiscard]] std::string plural(std::int64_t n, std::string_view one, std::string_view many);

}  // namespace poolscope::gui
