// The pool programs under the engine's limits: an endless load keeps flat storage, and
// loads that would spawn without bound stop at the goroutine budget, named.
#include <doctest/doctest.h>

#include <cmath>

#include "core/sim/report.hpp"
#include "tests/pool/pool_support.hpp"

using namespace poolscope;
using pool_test::preset;

TEST_CASE("Pool.Budget: an endless unbounded load keeps goroutine storage flat") {
  // 10,000 jobs/s of 1.2 ms each: about 12 job goroutines alive, 50,000 spawned.
  pool::PoolRun run(preset("unbounded-vs-pool", {"load.jobs=0", "load.duration_s=5",
                                                 "load.rate=10000", "work.mean_ms=1.2"}),
                    {.keep_exited = false});
  run.run();
  const pool::Summary s = run.summary();
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(s.jobs_done >= 49'000);
  CHECK(run.runtime().goroutine_count() > 49'000);
  CHECK(s.peak_goroutines <= 20);
  CHECK(run.runtime().goroutine_slots() <= 32);  // before: one record per goroutine spawned
  CHECK(run.roles().role(2) == pool::Role::Producer);
  CHECK(run.roles().role(40'000) == pool::Role::Job);
  CHECK(run.roles().role(1) == pool::Role::Main);
}

TEST_CASE("Pool.Budget: unbounded mode with 100 million jobs stops at the goroutine limit") {
  const pool::Summary s =
      pool::run_to_end(preset("unbounded-vs-pool", {"load.jobs=100000000", "work.mean_ms=1000"}),
                       {.max_goroutines = 2'000});
  CHECK(s.outcome == trace::Outcome::Stopped);
  CHECK(s.stopped_by == "max_goroutines");
  CHECK(s.stop_message == "stopped: 2,000 goroutines alive, the limit");
  CHECK(s.peak_goroutines == 2'000);
  // main, the producer and 1,998 jobs alive; the next `go` is refused.
  CHECK(s.jobs_sent == 1'998);
}

TEST_CASE("Pool.Budget: forgot-close with many workers and requests stops at the limit") {
  const pool::Summary s =
      pool::run_to_end(preset("forgot-close", {"pool.workers=1000", "load.requests=10000"}),
                       {.max_goroutines = 5'000});
  CHECK(s.outcome == trace::Outcome::Stopped);
  CHECK(s.stopped_by == "max_goroutines");
  CHECK(s.peak_goroutines == 5'000);
}

TEST_CASE("Pool.Budget: the default is a million goroutines alive, as in the engine") {
  CHECK(pool::PoolRunOptions{}.max_goroutines == 1'000'000);
  CHECK(pool::PoolRunOptions{}.max_events == 0);
}

TEST_CASE("Pool.Budget: an events budget stops a run, and the events stop at End") {
  trace::VectorSink sink;
  const pool::Summary s = pool::run_to_end(
      preset("hello-pool",
             {"load.jobs=100000", "work.mean_ms=0", "pool.collect=producer_goroutine"}),
      {.sink = &sink, .max_events = 5'000});
  CHECK(s.outcome == trace::Outcome::Stopped);
  CHECK(s.stopped_by == "max_events");
  CHECK(s.events >= 5'000);
  CHECK(s.events < 5'000 + 10'000);  // one goroutine's turn at most (spin_ops operations)
  CHECK(s.stop_message == "stopped: 5,000 events, the limit");
  REQUIRE(!sink.events.empty());
  CHECK(sink.events.size() == s.events);
  CHECK(sink.events.back().kind == trace::EventKind::End);
}

TEST_CASE("Pool.Budget: a load.rate whose gaps overflow the clock is refused, with the minimum") {
  scenario::Scenario s = scenario::find_preset("hello-pool").value();
  const auto tiny = scenario::apply_overrides(s, std::vector<std::string>{"load.rate=1e-10"});
  REQUIRE(!tiny.ok());
  CHECK(tiny.message().find("load.rate: 1e-10 jobs/s spaces arrivals 1e+10 s apart") !=
        std::string::npos);
  CHECK(tiny.message().find("at least 1e-06 jobs/s") != std::string::npos);
  // Bursts and producers lengthen one sender's gap: the minimum grows with them.
  const auto burst = scenario::apply_overrides(
      s,
      std::vector<std::string>{"load.arrival=burst", "load.burst_size=1000", "load.rate=0.0001"});
  REQUIRE(!burst.ok());
  CHECK(burst.message().find("at least 0.001 jobs/s") != std::string::npos);
  // At the minimum it runs, and its times are whole and increasing.
  REQUIRE(scenario::apply_overrides(s, std::vector<std::string>{"load.rate=1e-6", "work.mean_ms=0"})
              .ok());
  const pool::Summary ok = pool::run_to_end(s);
  CHECK(ok.outcome == trace::Outcome::Completed);
  CHECK(ok.jobs_done == 5);
  CHECK(ok.virtual_ms == doctest::Approx(5e9));  // arrive(j) waits 10^6 s before each job
}

TEST_CASE("Pool.Budget: a live rate of NaN, below the minimum or above the range is held") {
  for (const double rate : {std::nan(""), -5.0, 1e-300, 1e300}) {
    CAPTURE(rate);
    trace::VectorSink sink;
    pool::PoolRun run(preset("queueing", {"load.jobs=20"}), {.sink = &sink});
    run.set_rate(rate);
    run.run(trace::Time{1} << 61);
    CHECK(sink.events.back().time >= 0);
    for (const trace::Event& e : sink.events) {
      if (e.kind == trace::EventKind::Config && e.value < 0) FAIL("a negative rate event");
    }
  }
}
