#include <doctest/doctest.h>

#include <array>
#include <limits>

#include "core/sim/rng.hpp"

using poolscope::sim::Rng;

TEST_CASE("Rng: the same seed gives the same sequence") {
  Rng a(42), b(42), c(43);
  bool differs = false;
  for (int i = 0; i < 1000; ++i) {
    const auto x = a.next();
    CHECK(x == b.next());
    differs = differs || x != c.next();
  }
  CHECK(differs);
}

TEST_CASE("Rng: the sequence is fixed bit for bit across platforms") {
  // Reference values of xoshiro256** seeded by splitmix64(0); a change here
  // would silently change every recorded scenario's event log.
  Rng r(0);
  CHECK(r.next() == 0x99ec5f36cb75f2b4ULL);
  CHECK(r.next() == 0xbf6e1f784956452aULL);
}

TEST_CASE("Rng: below(n) stays in range and covers every value evenly") {
  Rng r(7);
  std::array<int, 6> counts{};
  for (int i = 0; i < 60000; ++i) {
    const auto v = r.below(6);
    REQUIRE(v < 6);
    ++counts[v];
  }
  for (int c : counts) CHECK(c == doctest::Approx(10000).epsilon(0.05));
}

TEST_CASE("Rng: between(lo, hi) covers both ends and nothing outside") {
  Rng r(5);
  std::array<int, 5> counts{};
  for (int i = 0; i < 50000; ++i) {
    const auto v = r.between(-2, 2);
    REQUIRE(v >= -2);
    REQUIRE(v <= 2);
    ++counts[static_cast<std::size_t>(v + 2)];
  }
  for (int c : counts) CHECK(c == doctest::Approx(10000).epsilon(0.05));
  CHECK(r.between(7, 7) == 7);
  const auto lowest = std::numeric_limits<std::int64_t>::min();
  const auto highest = std::numeric_limits<std::int64_t>::max();
  bool negative = false, positive = false;
  for (int i = 0; i < 64; ++i) {
    const auto v = r.between(lowest, highest);  // the full range
    negative = negative || v < 0;
    positive = positive || v > 0;
  }
  CHECK(negative);
  CHECK(positive);
}

TEST_CASE("Rng: exponential draws have the requested mean") {
  Rng r(11);
  double sum = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double x = r.exponential(3.0);
    REQUIRE(x >= 0.0);
    sum += x;
  }
  CHECK(sum / n == doctest::Approx(3.0).epsilon(0.02));
}
