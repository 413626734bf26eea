// One scenario run once per value of one setting (core/pool/sweep): the CLI's `sweep`
// and the GUI's sizing curve.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/pool/sweep.hpp"
#include "tests/pool/pool_support.hpp"

using namespace poolscope;
using pool_test::preset;

TEST_CASE("Sweep: values run from FROM to TO inclusive, whole numbers written bare") {
  CHECK(pool::sweep_values({"k", 1, 4, 1}) == std::vector<double>{1, 2, 3, 4});
  CHECK(pool::sweep_values({"k", 10, 20, 2.5}) == std::vector<double>{10, 12.5, 15, 17.5, 20});
  CHECK(pool::sweep_values({"k", 0.1, 0.3, 0.1}).size() == 3);  // 0.1 * 3 is not 0.3
  CHECK(pool::sweep_values({"k", 3, 3, 1}) == std::vector<double>{3});
  CHECK(pool::sweep_values({"k", 5, 1, 1}).empty());
  CHECK(pool::sweep_values({"k", 1, 5, 0}).empty());
  CHECK(pool::sweep_value_text(5) == "5");
  CHECK(pool::sweep_value_text(12.5) == "12.5");
  CHECK(pool::sweep_value_text(0) == "0");
}

TEST_CASE("Sweep: bounds that are not finite give no values, whole ranges are exact int64") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(pool::sweep_values({"k", nan, 3, 1}).empty());
  CHECK(pool::sweep_values({"k", 1, nan, 1}).empty());
  CHECK(pool::sweep_values({"k", 1, inf, 1}).empty());
  CHECK(pool::sweep_values({"k", 1, 3, nan}).empty());
  pool::SweepRange big{"seed", 9007199254740993.0, 9007199254740995.0, 1};
  big.whole = pool::WholeRange{9007199254740993, 9007199254740995, 1};
  CHECK(pool::sweep_texts(big) ==
        std::vector<std::string>{"9007199254740993", "9007199254740994", "9007199254740995"});
  // At the top of int64, without overflowing.
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  pool::SweepRange top{"seed", 0, 0, 1};
  top.whole = pool::WholeRange{kMax - 4, kMax, 3};
  CHECK(pool::sweep_texts(top) ==
        std::vector<std::string>{std::to_string(kMax - 4), std::to_string(kMax - 1)});
}

TEST_CASE("Sweep: five database connections cap throughput at five workers") {
  // 100 jobs of 100 ms each, five connections: w workers finish in 100 / min(w, 5) x 0.1 s
  // (three workers take 34 rounds, 3.4 s).
  const auto result = pool::sweep(preset("size-to-bottleneck"), {"pool.workers", 1, 8, 1});
  CHECK(result.end == pool::SweepEnd::Done);
  CHECK(result.error.empty());
  REQUIRE(result.points.size() == 8);
  const std::vector<double> virtual_ms = {10000, 5000, 3400, 2500, 2000, 2000, 2000, 2000};
  for (std::size_t i = 0; i < result.points.size(); ++i) {
    const pool::SweepPoint& p = result.points[i];
    CAPTURE(p.value);
    CHECK(p.value == static_cast<double>(i + 1));
    CHECK(p.summary.outcome == trace::Outcome::Completed);
    CHECK(p.summary.results == 100);
    CHECK(p.summary.max_concurrent == std::min<std::int64_t>(static_cast<std::int64_t>(i) + 1, 5));
    CHECK(p.summary.virtual_ms == doctest::Approx(virtual_ms[i]));
    CHECK(p.summary.throughput_per_s == doctest::Approx(100.0 / (virtual_ms[i] / 1000.0)));
  }
}

TEST_CASE("Sweep: each point is the run of the scenario with that one value set") {
  const auto base = preset("queueing");
  const auto result = pool::sweep(base, {"load.rate", 10, 15, 2.5});
  REQUIRE(result.points.size() == 3);
  for (const pool::SweepPoint& p : result.points) {
    const auto alone =
        pool::run_to_end(preset("queueing", {"load.rate=" + pool::sweep_value_text(p.value)}));
    CHECK(p.summary.event_hash == alone.event_hash);
    CHECK(p.summary.jobs_done == alone.jobs_done);
  }
  CHECK(result.points[0].summary.event_hash != result.points[1].summary.event_hash);
}

TEST_CASE("Sweep: a value the setting does not allow stops the sweep with its message") {
  const auto from_zero = pool::sweep(preset("hello-pool"), {"pool.workers", 0, 3, 1});
  CHECK(from_zero.end == pool::SweepEnd::BadValue);
  CHECK(from_zero.points.empty());
  CHECK(from_zero.error == "pool.workers: 0 is out of range (allowed 1..10000)");

  const auto halves = pool::sweep(preset("results-deadlock"), {"pool.results_buffer", 0, 6, 0.5});
  CHECK(halves.end == pool::SweepEnd::BadValue);
  REQUIRE(halves.points.size() == 1);
  CHECK(halves.points[0].summary.outcome == trace::Outcome::Deadlock);
  CHECK(halves.error.find("0.5 is not a whole number") != std::string::npos);

  const auto unknown = pool::sweep(preset("hello-pool"), {"pool.wrokers", 1, 3, 1});
  CHECK(unknown.end == pool::SweepEnd::BadValue);
  CHECK(unknown.error.find("pool.workers") != std::string::npos);  // the nearest key
}

TEST_CASE("Sweep: runs stop at the virtual time limit, and keep_going can stop the sweep") {
  int asked = 0;
  pool::SweepOptions options;
  options.limit = trace::kSecond;
  options.keep_going = [&asked](const std::vector<pool::SweepPoint>& done) {
    ++asked;
    CHECK(done.size() == static_cast<std::size_t>(asked));
    return done.size() < 2;
  };
  const auto result = pool::sweep(preset("size-to-bottleneck"), {"pool.workers", 1, 5, 1}, options);
  CHECK(result.end == pool::SweepEnd::Stopped);
  CHECK(asked == 2);
  REQUIRE(result.points.size() == 2);
  for (const pool::SweepPoint& p : result.points) {
    CHECK(p.summary.outcome == trace::Outcome::Running);
    CHECK(p.summary.virtual_ms == doctest::Approx(1000));
  }
  CHECK(result.points[1].summary.jobs_done == 2 * result.points[0].summary.jobs_done);

  // keep_going is not asked after the last value.
  int after_last = 0;
  const auto two = pool::sweep(preset("hello-pool"), {"pool.workers", 1, 2, 1},
                               {.keep_going = [&after_last](const auto&) {
                                 ++after_last;
                                 return true;
                               }});
  CHECK(two.end == pool::SweepEnd::Done);
  CHECK(after_last == 1);
}
