// Metrics folded from a pool run's events: what they count must match the program.
#include <doctest/doctest.h>

#include "tests/pool/pool_support.hpp"

using namespace poolscope;
using pool_test::preset;

TEST_CASE("Pool.Metrics: errgroup jobs that end unfinished leave the system without a latency") {
  pool::PoolRun run(preset("errgroup-limit"));
  run.run();
  const pool::Summary s = run.summary();
  const pool::Figures f = run.metrics().figures(run.now());
  CHECK(run.metrics().total().count() == static_cast<std::uint64_t>(s.completed_ok));
  CHECK(f.jobs_done == static_cast<std::uint64_t>(s.completed_ok));
  CHECK(f.jobs_created == 10);
  CHECK(f.jobs_started == 10);
  CHECK(f.holding == 0);
  CHECK(f.in_work == 0);
}

TEST_CASE("Pool.Metrics: results handed straight to a waiting main are counted") {
  pool::PoolRun run(preset("hello-pool", {"pool.results_buffer=0"}));
  run.run();
  CHECK(run.metrics().figures(run.now()).results == 5);
  CHECK(run.summary().results == 5);
}

TEST_CASE("Pool.Metrics: instantaneous work still counts one job in work at a time") {
  const pool::Summary s =
      pool::run_to_end(preset("hello-pool", {"work.mean_ms=0", "load.jobs=50"}));
  CHECK(s.jobs_done == 50);
  CHECK(s.max_concurrent == 1);
}

TEST_CASE("Pool.Metrics: utilisation follows the announced worker count") {
  pool::PoolRun run(preset("hello-pool", {"load.jobs=6"}));
  run.run();
  const pool::Figures f = run.metrics().figures(run.now());
  CHECK(f.workers == 3);
  // six 1 s jobs on three workers over 2 s: always busy
  CHECK(f.utilisation == doctest::Approx(1.0));
}
