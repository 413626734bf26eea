// How main gathers results (pool.collect), in pool and unbounded modes.
#include <doctest/doctest.h>

#include <string>

#include "core/sim/report.hpp"
#include "tests/pool/pool_support.hpp"

using namespace poolscope;
using pool_test::preset;

TEST_CASE("Pool.Collect: every strategy gets every result and leaks nothing, in both modes") {
  for (const std::string mode : {"pool", "unbounded"}) {
    for (const std::string collect :
         {"after_send", "wait_then_range", "closer_goroutine", "producer_goroutine"}) {
      CAPTURE(mode);
      CAPTURE(collect);
      const pool::Summary s = pool::run_to_end(
          preset("hello-pool", {"pool.mode=" + mode, "pool.collect=" + collect, "load.jobs=12",
                                "work.mean_ms=20", "work.dist=uniform"}));
      CHECK(s.outcome == trace::Outcome::Completed);
      CHECK(s.results == 12);
      CHECK(s.jobs_sent == 12);
      CHECK(s.jobs_done == 12);
      CHECK(s.leaked == 0);
    }
  }
}

TEST_CASE("Pool.Collect: with \"none\" main returns at once and the workers still finish") {
  const pool::Summary s = pool::run_to_end(preset("hello-pool", {"pool.collect=none"}));
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(s.results == 0);
  CHECK(s.jobs_done == 5);
  CHECK(s.leaked == 0);
}

TEST_CASE("Pool.Collect: with \"none\" and no room for results, the workers leak on the send") {
  pool::PoolRun run(preset("hello-pool", {"pool.collect=none", "pool.results_buffer=1"}));
  run.run();
  const pool::Summary s = run.summary();
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(s.leaked == 3);
  for (const auto& g : run.runtime().report().blocked) {
    CHECK(g.line == run.program().line(scenario::Anchor::WorkerSendResult));
  }
}

TEST_CASE("Pool.Collect: wait_then_range with too small a results buffer deadlocks in wg.Wait") {
  pool::PoolRun run(preset(
      "hello-pool", {"pool.collect=wait_then_range", "pool.results_buffer=2", "work.mean_ms=10"}));
  CHECK(run.run() == trace::Outcome::Deadlock);
  const auto* main = run.runtime().report().find(1);
  REQUIRE(main != nullptr);
  CHECK(main->state == trace::GoState::BlockedWaitGroup);
  CHECK(main->line == run.program().line(scenario::Anchor::MainWgWait));
}

TEST_CASE("Pool.Collect: returning early from the range leaves the pool blocked behind") {
  pool::PoolRun run(preset("hello-pool", {"pool.collect=producer_goroutine", "pool.collect_count=2",
                                          "pool.results_buffer=0", "work.mean_ms=10"}));
  run.run();
  const pool::Summary s = run.summary();
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(s.results == 2);
  // the three workers stuck on `results <- j * 2` and the closer in wg.Wait()
  CHECK(s.leaked == 4);
}

TEST_CASE("Pool.Collect: several producers share the jobs between them") {
  for (const int producers : {2, 3, 7}) {
    CAPTURE(producers);
    for (const std::string collect : {"after_send", "producer_goroutine"}) {
      const pool::Summary s = pool::run_to_end(preset(
          "hello-pool", {"load.producers=" + std::to_string(producers), "pool.collect=" + collect,
                         "load.jobs=20", "load.rate=50", "work.mean_ms=10"}));
      CHECK(s.outcome == trace::Outcome::Completed);
      CHECK(s.jobs_sent == 20);
      CHECK(s.results == 20);
      CHECK(s.leaked == 0);
    }
  }
}

TEST_CASE("Pool.Collect: an endless load stops sending at its deadline") {
  const pool::Summary s =
      pool::run_to_end(preset("hello-pool", {"load.jobs=0", "load.duration_s=2", "load.rate=10",
                                             "pool.collect=closer_goroutine", "work.mean_ms=100"}));
  CHECK(s.outcome == trace::Outcome::Completed);
  // arrivals every 100 ms from 100 ms on: at 100, 200, ..., 2000 ms (the loop checks
  // the deadline before each wait)
  CHECK(s.jobs_sent == 20);
  CHECK(s.results == 20);
  CHECK(s.leaked == 0);
}
