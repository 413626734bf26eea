#pragma once
// time.Duration.String, as go1.19 words it: "1.5s", "250µs", "1m30s", "2h0m0s", "0s",
// "-1.5s", "1ns" (µ is U+00B5, as Go writes it).
#include <cstdint>
#include <string>

namespace poolscope::golang {

[[nodiscard]] std::string duration_string(std::int64_t ns);

}  // namespace poolscope::golang
