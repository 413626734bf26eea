#include <doctest/doctest.h>

#include "core/pool/histogram.hpp"

using poolscope::pool::LatencyHistogram;
using poolscope::trace::kMillisecond;

TEST_CASE("LatencyHistogram: percentiles are within 1/16 of the exact value") {
  LatencyHistogram h;
  for (int i = 1; i <= 1000; ++i) h.add(i * kMillisecond);  // 1..1000 ms
  CHECK(h.count() == 1000);
  CHECK(static_cast<double>(h.percentile(0.5)) ==
        doctest::Approx(500.0 * kMillisecond).epsilon(1.0 / 16));
  CHECK(static_cast<double>(h.percentile(0.99)) ==
        doctest::Approx(990.0 * kMillisecond).epsilon(1.0 / 16));
  CHECK(h.percentile(1.0) <= h.max());
  CHECK(h.max() == 1000 * kMillisecond);
  CHECK(h.mean_ns() == doctest::Approx(500.5 * kMillisecond));
}

TEST_CASE("LatencyHistogram: an empty histogram reports zero") {
  LatencyHistogram h;
  CHECK(h.percentile(0.5) == 0);
  CHECK(h.mean_ns() == 0.0);
}

TEST_CASE("LatencyHistogram: sub-microsecond durations land in the first bucket") {
  LatencyHistogram h;
  h.add(0);
  h.add(999);
  CHECK(h.percentile(0.99) <= 999);
}

TEST_CASE("LatencyHistogram: identical durations give the exact percentile") {
  LatencyHistogram h;
  for (int i = 0; i < 10; ++i) h.add(1000 * kMillisecond);
  CHECK(h.percentile(0.5) == 1000 * kMillisecond);
  CHECK(h.percentile(0.99) == 1000 * kMillisecond);
}
