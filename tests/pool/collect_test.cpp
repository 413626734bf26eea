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

TEST_CASE("Pool.Collect: with \"none\" main returns at once, and the program ends there") {
  // main sends its five jobs into the buffer and returns at t = 0: a Go program ends
  // then, before any job is done. The simulator lets the workers run on (they finish
  // and leave, leaking nothing) only to decide the leaks.
  pool::PoolRun run(preset("hello-pool", {"pool.collect=none"}));
  run.run();
  const pool::Summary s = run.summary();
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(s.results == 0);
  CHECK(s.jobs_sent == 5);
  CHECK(s.jobs_done == 0);
  CHECK(s.max_concurrent == 0);
  CHECK(s.virtual_ms == 0.0);
  CHECK(s.leaked == 0);
  CHECK(run.program_end() == 0);
  CHECK(run.runtime().report().time == 2 * trace::kSecond);
}

TEST_CASE(
    "Pool.Collect: main returns with the first result; what the pool does later is not "
    "counted, but its leaks are") {
  // One worker, jobs never closed. main leaves with the first result at 100 ms; the
  // worker does four more jobs until 500 ms, then blocks on `range jobs` for good beside
  // the closer in wg.Wait. The Go program ends at 100 ms with one job done.
  pool::PoolRun run(preset(
      "hello-pool", {"pool.workers=1", "pool.jobs_buffer=10", "pool.collect=producer_goroutine",
                     "pool.close_jobs=false", "pool.collect_count=1", "work.mean_ms=100"}));
  run.run();
  const pool::Summary s = run.summary();
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(run.program_end() == 100 * trace::kMillisecond);
  CHECK(run.runtime().report().time == 500 * trace::kMillisecond);
  CHECK(s.virtual_ms == doctest::Approx(100.0));
  CHECK(s.results == 1);
  CHECK(s.jobs_sent == 5);
  CHECK(s.jobs_done == 1);
  CHECK(s.throughput_per_s == doctest::Approx(10.0));
  CHECK(s.latency_p99_ms == doctest::Approx(100.0));
  CHECK(s.leaked == 2);
  const auto& blocked = run.runtime().report().blocked;
  REQUIRE(blocked.size() == 2);
  CHECK(blocked[0].line == run.program().line(scenario::Anchor::WorkerRange));
  CHECK(blocked[1].line == run.program().line(scenario::Anchor::CloserWait));
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

TEST_CASE("Pool.Collect: ranging strategies take \"all\" (0) and -1 alike, and refuse a count") {
  // main ranges until results is closed whatever the count: "all" and -1 give the same
  // run, and a number, which the range would ignore, is an error rather than a no-op.
  for (const std::string collect : {"wait_then_range", "closer_goroutine"}) {
    CAPTURE(collect);
    const auto all =
        pool::run_to_end(preset("hello-pool", {"pool.collect=" + collect, "pool.collect_count=0"}));
    const auto until_closed = pool::run_to_end(
        preset("hello-pool", {"pool.collect=" + collect, "pool.collect_count=-1"}));
    CHECK(all.results == 5);
    CHECK(all.event_hash == until_closed.event_hash);
    scenario::Scenario s = preset("hello-pool", {"pool.collect=" + collect});
    CHECK_FALSE(
        scenario::apply_overrides(s, std::vector<std::string>{"pool.collect_count=3"}).ok());
  }
}
