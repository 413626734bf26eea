#pragma once
// time.Duration.String, as go1.19 words it: "1.5s", "250µs", "1m30s", "2h0m0s", "0s",
// "-1.5s", "1ns" (µ is U+00B5, as Go writes it), and Duration's other methods.
#include <cstdint>
#include <string>

namespace poolscope::golang {

[[nodiscard]] std::string duration_string(std::int64_t ns);

// Duration's other methods, with Go's arithmetic (Round saturates on overflow).
[[nodiscard]] double duration_seconds(std::int64_t ns) noexcept;
[[nodiscard]] double duration_minutes(std::int64_t ns) noexcept;
[[nodiscard]] double duration_hours(std::int64_t ns) noexcept;
[[nodiscard]] inline std::int64_t duration_milliseconds(std::int64_t ns) noexcept {
  return ns / 1000000;
}
[[nodiscard]] inline std::int64_t duration_microseconds(std::int64_t ns) noexcept {
  return ns / 1000;
}
[[nodiscard]] std::int64_t duration_round(std::int64_t d, std::int64_t m) noexcept;
[[nodiscard]] std::int64_t duration_truncate(std::int64_t d, std::int64_t m) noexcept;

}  // namespace poolscope::golang
