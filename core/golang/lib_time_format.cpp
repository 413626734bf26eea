#include "core/golang/lib_time_format.hpp"

#include <limits>
#include <string_view>

namespace poolscope::golang {

namespace {

// time's fmtFrac: the fraction v / 10^prec without trailing zeros (nor the point when it
// is zero), put before `out`; returns v / 10^prec.
std::uint64_t prepend_frac(std::string& out, std::uint64_t v, int prec) {
  std::string frac;
  bool print = false;
  for (int i = 0; i < prec; ++i) {
    const std::uint64_t digit = v % 10;
    print = print || digit != 0;
    if (print) frac.insert(frac.begin(), static_cast<char>('0' + digit));
    v /= 10;
  }
  if (print) out.insert(0, "." + frac);
  return v;
}

void prepend_int(std::string& out, std::uint64_t v) { out.insert(0, std::to_string(v)); }

std::string small_duration(std::uint64_t u) {
  std::string out = "s";
  int prec = 6;
  if (u < 1000) {
    out.insert(0, "n");
    prec = 0;
  } else if (u < 1000000) {
    out.insert(0, "\u00b5");
    prec = 3;
  } else {
    out.insert(0, "m");
  }
  u = prepend_frac(out, u, prec);
  prepend_int(out, u);
  return out;
}

}  // namespace

std::string duration_string(std::int64_t ns) {
  if (ns == 0) return "0s";
  const bool neg = ns < 0;
  std::uint64_t u = neg ? 0 - static_cast<std::uint64_t>(ns) : static_cast<std::uint64_t>(ns);
  std::string out;
  if (u < 1000000000) {
    out = small_duration(u);
  } else {
    out = "s";
    u = prepend_frac(out, u, 9);
    prepend_int(out, u % 60);
    u /= 60;
    if (u > 0) {
      out.insert(0, "m");
      prepend_int(out, u % 60);
      u /= 60;
      if (u > 0) {
        out.insert(0, "h");
        prepend_int(out, u);
      }
    }
  }
  return neg ? "-" + out : out;
}

namespace {
constexpr std::int64_t kSecond = 1000000000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;

bool less_than_half(std::int64_t x, std::int64_t y) {
  return static_cast<std::uint64_t>(x) + static_cast<std::uint64_t>(x) <
         static_cast<std::uint64_t>(y);
}
}  // namespace

// Go's own arithmetic: whole units, then the remainder as a fraction.
double duration_seconds(std::int64_t ns) noexcept {
  // NOLINTNEXTLINE(bugprone-integer-division): whole seconds on purpose, as Go computes
  return static_cast<double>(ns / kSecond) + static_cast<double>(ns % kSecond) / 1e9;
}

double duration_minutes(std::int64_t ns) noexcept {
  // NOLINTNEXTLINE(bugprone-integer-division): whole minutes on purpose, as Go computes
  return static_cast<double>(ns / kMinute) + static_cast<double>(ns % kMinute) / (60 * 1e9);
}

double duration_hours(std::int64_t ns) noexcept {
  // NOLINTNEXTLINE(bugprone-integer-division): whole hours on purpose, as Go computes
  return static_cast<double>(ns / kHour) + static_cast<double>(ns % kHour) / (60 * 60 * 1e9);
}

std::int64_t duration_round(std::int64_t d, std::int64_t m) noexcept {
  if (m <= 0) return d;
  std::int64_t r = d % m;
  if (d < 0) {
    r = -r;
    if (less_than_half(r, m)) return d + r;
    if (d - std::numeric_limits<std::int64_t>::min() >= m - r) return d - m + r;
    return std::numeric_limits<std::int64_t>::min();
  }
  if (less_than_half(r, m)) return d - r;
  if (std::numeric_limits<std::int64_t>::max() - d >= m - r) return d + m - r;
  return std::numeric_limits<std::int64_t>::max();
}

std::int64_t duration_truncate(std::int64_t d, std::int64_t m) noexcept {
  return m <= 0 ? d : d - d % m;
}

}  // namespace poolscope::golang
