// Lesson 7: errgroup with SetLimit: g.Go blocks at the limit, the first error cancels the
// context, running jobs stop, later ones skip, and Wait returns that error.
#include <doctest/doctest.h>

#include <string>

#include "tests/pool/pool_support.hpp"

using namespace poolscope;
using pool_test::preset;

TEST_CASE("Pool.Errgroup: job 4 fails, two running jobs are cancelled, four are skipped") {
  const pool::Summary s = pool::run_to_end(preset("errgroup-limit"));
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(s.error == "job 4 failed");
  CHECK(s.completed_ok == 3);
  CHECK(s.failed == 1);
  CHECK(s.cancelled == 2);
  CHECK(s.skipped == 4);
  CHECK(s.completed_ok + s.cancelled + s.skipped + s.failed == 10);
  CHECK(s.results == s.completed_ok);
  CHECK(s.jobs_done == s.completed_ok);
  CHECK(s.jobs_sent == 10);
  CHECK(s.max_concurrent == 3);
  CHECK(s.leaked == 0);
}

TEST_CASE("Pool.Errgroup: the program ends when g.Wait and main return, at 1.5 s") {
  // Job 4 fails at 1.5 s (half its work), cancelling jobs 5 and 6 at once: g.Wait
  // returns and main with it. A Go program exits there; the time.After timers the
  // cancelled jobs left behind would fire at 2 s, and only the simulator waits for them.
  pool::PoolRun run(preset("errgroup-limit"));
  CHECK(run.program_end() == -1);
  run.run_until(1499 * trace::kMillisecond);
  CHECK(run.program_end() == -1);
  run.run_until(1500 * trace::kMillisecond);
  CHECK(run.program_end() == 1500 * trace::kMillisecond);
  CHECK_FALSE(run.finished());  // the leftover timers are still pending
  run.run();
  CHECK(run.program_end() == 1500 * trace::kMillisecond);
  CHECK(run.runtime().report().time == 2000 * trace::kMillisecond);
  const pool::Summary s = run.summary();
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(s.virtual_ms == doctest::Approx(1500.0));
  CHECK(s.throughput_per_s == doctest::Approx(3 / 1.5));
  CHECK(s.leaked == 0);
}

TEST_CASE("Pool.Errgroup: g.Go itself blocks while the limit is reached") {
  trace::VectorSink sink;
  pool::PoolRun run(preset("errgroup-limit"), {.sink = &sink});
  const int acquire = run.program().line(scenario::Anchor::GroupGoAcquire);
  REQUIRE(acquire > 0);
  run.run();
  int blocked_in_go = 0;
  for (const auto& e : sink.events) {
    if (e.kind == trace::EventKind::State && e.goroutine == 1 &&
        trace::state_of(e) == trace::GoState::BlockedSemaphore) {
      CHECK(e.line == acquire);
      ++blocked_in_go;
    }
  }
  // Jobs 4 and 7 each find the three slots taken (7-10 enter as 4-6 end at once).
  CHECK(blocked_in_go >= 2);
  CHECK(pool_test::max_in_state(sink.events, trace::GoState::BlockedSelect) <= 3);
}

TEST_CASE("Pool.Errgroup: with a limit of one, every job after the failing one is skipped") {
  for (const int fail : {1, 3, 6}) {
    CAPTURE(fail);
    const pool::Summary s =
        pool::run_to_end(preset("errgroup-limit", {"pool.workers=1", "load.jobs=6",
                                                   "pool.fail_job=" + std::to_string(fail)}));
    CHECK(s.error == "job " + std::to_string(fail) + " failed");
    CHECK(s.completed_ok == fail - 1);
    CHECK(s.failed == 1);
    CHECK(s.cancelled == 0);
    CHECK(s.skipped == 6 - fail);
  }
}

TEST_CASE("Pool.Errgroup: without a failing job every job succeeds and Wait returns nil") {
  const pool::Summary s = pool::run_to_end(preset("errgroup-limit", {"pool.fail_job=0"}));
  CHECK(s.error.empty());
  CHECK(s.completed_ok == 10);
  CHECK(s.results == 10);
  CHECK(s.cancelled + s.skipped + s.failed == 0);
  CHECK(s.max_concurrent == 3);
  CHECK(s.virtual_ms == doctest::Approx(4000.0));
}

TEST_CASE("Pool.Errgroup: CPU-bound jobs notice the cancellation too") {
  const pool::Summary s =
      pool::run_to_end(preset("errgroup-limit", {"work.kind=cpu", "pool.cpus=4"}));
  CHECK(s.error == "job 4 failed");
  CHECK(s.completed_ok == 3);
  CHECK(s.failed == 1);
  CHECK(s.cancelled == 2);
  CHECK(s.skipped == 4);
}

TEST_CASE("Pool.Errgroup: a database limit bounds the jobs in work below the group's limit") {
  const pool::Summary s = pool::run_to_end(
      preset("errgroup-limit", {"pool.fail_job=0", "pool.workers=4", "pool.resource_limit=2"}));
  CHECK(s.completed_ok == 10);
  CHECK(s.max_concurrent == 2);
}

TEST_CASE("Pool.Errgroup: each request has its own group, and the first request's error is kept") {
  const pool::Summary s = pool::run_to_end(preset("errgroup-limit", {"load.requests=3"}));
  CHECK(s.error == "job 4 failed");
  CHECK(s.completed_ok == 9);
  CHECK(s.failed == 3);
  CHECK(s.completed_ok + s.cancelled + s.skipped + s.failed == 30);
}
