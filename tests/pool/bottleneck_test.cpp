// Lesson 6: size the pool to the bottleneck: a database of S connections, or P CPUs.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "tests/pool/pool_support.hpp"

using namespace poolscope;
using pool_test::preset;

TEST_CASE("Pool.Bottleneck: no more jobs are in work than there are connections") {
  for (int workers = 1; workers <= 12; ++workers) {
    CAPTURE(workers);
    const pool::Summary s = pool::run_to_end(
        preset("size-to-bottleneck", {"pool.workers=" + std::to_string(workers), "load.jobs=30"}));
    CHECK(s.outcome == trace::Outcome::Completed);
    CHECK(s.results == 30);
    CHECK(s.max_concurrent == std::min(workers, 5));
  }
}

TEST_CASE("Pool.Bottleneck: workers beyond the connections wait for one, as a semaphore") {
  const auto r = pool_test::record(preset("size-to-bottleneck"));
  CHECK(r.summary.max_concurrent == 5);
  CHECK(pool_test::max_in_state(r.events, trace::GoState::BlockedSemaphore) == 5);
  // 100 jobs of 100 ms through 5 connections: 2 s, so 50 jobs/s whatever the workers.
  CHECK(r.summary.virtual_ms == doctest::Approx(2000.0));
}

TEST_CASE("Pool.Bottleneck: CPU-bound work keeps at most pool.cpus processors busy") {
  for (const int cpus : {1, 2, 4}) {
    CAPTURE(cpus);
    const auto r = pool_test::record(
        preset("hello-pool", {"work.kind=cpu", "pool.cpus=" + std::to_string(cpus),
                              "pool.workers=8", "load.jobs=16", "work.mean_ms=100"}));
    CHECK(r.summary.outcome == trace::Outcome::Completed);
    CHECK(r.summary.results == 16);
    CHECK(pool_test::max_in_state(r.events, trace::GoState::Working) == cpus);
    // 16 jobs x 100 ms of CPU over `cpus` processors.
    CHECK(r.summary.virtual_ms == doctest::Approx(1600.0 / cpus));
  }
}

TEST_CASE("Pool.Bottleneck: I/O-bound work needs no processor, so every worker waits at once") {
  const auto r = pool_test::record(
      preset("hello-pool", {"pool.cpus=1", "pool.workers=8", "load.jobs=16", "work.mean_ms=100"}));
  CHECK(pool_test::max_in_state(r.events, trace::GoState::IoWait) == 8);
  CHECK(r.summary.virtual_ms == doctest::Approx(200.0));
}
