#pragma once
// LatencyHistogram: percentiles of durations in fixed memory.
//
// - Log-linear buckets (8 per power of two, from 1 us to about 12 days): any
//   percentile is within 1/16 (~6%) of the exact value, whatever the run length.
//   A percentile reports the mean of its bucket's values, so durations that are all
//   alike (constant work times) come out exact.
// - add() is O(1); percentile() walks the ~300 buckets.
#include <array>
#include <cstdint>

#include "core/trace/event.hpp"

namespace poolscope::pool {

class LatencyHistogram {
 public:
  void add(trace::Time duration);
  void clear() { *this = LatencyHistogram{}; }
  [[nodiscard]] std::uint64_t count() const noexcept { return count_; }
  [[nodiscard]] double mean_ns() const noexcept {
    return count_ == 0 ? 0.0 : sum_ / static_cast<double>(count_);
  }
  [[nodiscard]] trace::Time max() const noexcept { return max_; }
  // The q-quantile (q in [0, 1]) in nanoseconds; 0 when empty.
  [[nodiscard]] trace::Time percentile(double q) const;

 private:
  static constexpr int kSubBuckets = 8;
  static constexpr int kOctaves = 40;  // 1 us * 2^40 ~ 12.7 days
  static constexpr int kBuckets = kSubBuckets * kOctaves + 1;
  static int bucket_of(trace::Time duration);

  std::array<std::uint64_t, kBuckets> counts_{};
  std::array<double, kBuckets> sums_{};
  std::uint64_t count_ = 0;
  double sum_ = 0.0;
  trace::Time max_ = 0;
};

}  // namespace poolscope::pool
