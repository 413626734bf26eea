// Lesson 3: one goroutine per upload against a pool of 20.
#include <doctest/doctest.h>

#include "tests/pool/pool_support.hpp"

using namespace poolscope;
using pool_test::preset;

TEST_CASE("Pool.Unbounded: one goroutine per job, all alive at once") {
  const pool::Summary s = pool::run_to_end(preset("unbounded-vs-pool", {"load.jobs=500"}));
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(s.results == 500);
  CHECK(s.jobs_sent == 500);
  CHECK(s.leaked == 0);
  CHECK(s.max_concurrent == 500);
  // main, the producer goroutine and the 500 job goroutines
  CHECK(s.peak_goroutines == 502);
  // every job holds its 1 MiB payload at the same time
  CHECK(s.peak_memory_bytes >= 500LL * 1024 * 1024);
}

TEST_CASE("Pool.Unbounded: main spawning the jobs itself peaks at jobs + 1 goroutines") {
  const pool::Summary s =
      pool::run_to_end(preset("unbounded-vs-pool", {"load.jobs=300", "pool.collect=after_send"}));
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(s.results == 300);
  CHECK(s.peak_goroutines == 301);
}

TEST_CASE("Pool.Unbounded: the pool of 20 keeps goroutines and memory flat") {
  const pool::Summary s =
      pool::run_to_end(preset("unbounded-vs-pool", {"load.jobs=500", "pool.mode=pool"}));
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(s.results == 500);
  CHECK(s.max_concurrent == 20);
  // main, the producer, the closer and 20 workers
  CHECK(s.peak_goroutines == 23);
  CHECK(s.peak_memory_bytes <= 20LL * 1024 * 1024 + 23 * 2048);
}

TEST_CASE("Pool.Unbounded: a database limit caps the jobs in work, not the goroutines") {
  const pool::Summary s =
      pool::run_to_end(preset("unbounded-vs-pool", {"load.jobs=100", "pool.resource_limit=7"}));
  CHECK(s.max_concurrent == 7);
  CHECK(s.peak_goroutines == 102);
  CHECK(s.results == 100);
}
