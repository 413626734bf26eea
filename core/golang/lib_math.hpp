#pragma once
// The functions of Go's math package that learners use, with Go's special cases.
//
// Contract
// - math_max / math_min follow Go, not std::fmax: an infinity wins over NaN
//   (Max(x, +Inf) = +Inf, Min(x, -Inf) = -Inf), then NaN wins over any number, and
//   Max(+0, -0) = +0, Min(+0, -0) = -0.
// - The others are the C library's, whose special cases Go shares (Sqrt(-1) = NaN, ...).
#include <cmath>
#include <limits>

namespace poolscope::golang {

[[nodiscard]] double math_max(double x, double y) noexcept;
[[nodiscard]] double math_min(double x, double y) noexcept;
// math.Inf(sign): +Inf when sign >= 0.
[[nodiscard]] inline double math_inf(long long sign) noexcept {
  return sign >= 0 ? std::numeric_limits<double>::infinity()
                   : -std::numeric_limits<double>::infinity();
}
[[nodiscard]] inline double math_nan() noexcept { return std::numeric_limits<double>::quiet_NaN(); }
// math.IsInf(f, sign): sign > 0 asks for +Inf, < 0 for -Inf, 0 for either.
[[nodiscard]] inline bool math_is_inf(double f, long long sign) noexcept {
  return (sign >= 0 && f > std::numeric_limits<double>::max()) ||
         (sign <= 0 && f < -std::numeric_limits<double>::max());
}
[[nodiscard]] inline double math_sqrt(double x) noexcept { return std::sqrt(x); }
[[nodiscard]] inline double math_abs(double x) noexcept { return std::fabs(x); }
[[nodiscard]] inline double math_floor(double x) noexcept { return std::floor(x); }
[[nodiscard]] inline double math_ceil(double x) noexcept { return std::ceil(x); }
[[nodiscard]] inline double math_trunc(double x) noexcept { return std::trunc(x); }
// math.Round: half away from zero.
[[nodiscard]] inline double math_round(double x) noexcept { return std::round(x); }
[[nodiscard]] inline double math_pow(double x, double y) noexcept { return std::pow(x, y); }
[[nodiscard]] inline double math_mod(double x, double y) noexcept { return std::fmod(x, y); }

}  // namespace poolscope::golang
