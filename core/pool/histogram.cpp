#include "core/pool/histogram.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace poolscope::pool {

int LatencyHistogram::bucket_of(trace::Time duration) {
  // Bucket 0 holds everything under 1 us; then 8 linear steps per octave.
  const auto us = static_cast<std::uint64_t>(std::max<trace::Time>(duration, 0) / 1000);
  if (us == 0) return 0;
  const int octave = static_cast<int>(std::bit_width(us)) - 1;  // us in [2^o, 2^(o+1))
  if (octave >= kOctaves) return kBuckets - 1;
  const std::uint64_t base = std::uint64_t{1} << octave;
  const auto sub = static_cast<int>(((us - base) * kSubBuckets) >> octave);
  return 1 + octave * kSubBuckets + sub;
}

void LatencyHistogram::add(trace::Time duration) {
  const auto b = static_cast<std::size_t>(bucket_of(duration));
  ++counts_[b];
  sums_[b] += static_cast<double>(duration);
  ++count_;
  sum_ += static_cast<double>(duration);
  max_ = std::max(max_, duration);
}

trace::Time LatencyHistogram::percentile(double q) const {
  if (count_ == 0) return 0;
  const auto rank =
      static_cast<std::uint64_t>(std::ceil(std::clamp(q, 0.0, 1.0) * static_cast<double>(count_)));
  std::uint64_t seen = 0;
  for (int b = 0; b < kBuckets; ++b) {
    const auto i = static_cast<std::size_t>(b);
    seen += counts_[i];
    if (seen >= std::max<std::uint64_t>(rank, 1)) {
      return static_cast<trace::Time>(sums_[i] / static_cast<double>(counts_[i]));
    }
  }
  return max_;
}

}  // namespace poolscope::pool
