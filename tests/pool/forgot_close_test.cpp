// Lesson 4: without close(jobs) every worker waits on `range jobs` forever: a leak that
// grows with each request, and no crash.
#include <doctest/doctest.h>

#include "core/sim/report.hpp"
#include "tests/pool/pool_support.hpp"

using namespace poolscope;
using pool_test::preset;

TEST_CASE("Pool.ForgotClose: each request leaks exactly its workers, all waiting on range jobs") {
  pool::PoolRun run(preset("forgot-close"));
  run.run();
  const pool::Summary s = run.summary();
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(s.results == 25);
  CHECK(s.leaked == 15);
  const int range = run.program().line(scenario::Anchor::WorkerRange);
  REQUIRE(range > 0);
  for (const auto& g : run.runtime().report().blocked) {
    CAPTURE(g.name);
    CHECK(g.line == range);
    CHECK(g.state == trace::GoState::BlockedRecv);
    CHECK(g.name.rfind("worker", 0) == 0);
  }
}

TEST_CASE("Pool.ForgotClose: the leak is workers times requests") {
  for (int workers = 1; workers <= 4; ++workers) {
    for (int requests = 1; requests <= 3; ++requests) {
      CAPTURE(workers);
      CAPTURE(requests);
      const pool::Summary s =
          pool::run_to_end(preset("forgot-close", {"pool.workers=" + std::to_string(workers),
                                                   "load.requests=" + std::to_string(requests)}));
      CHECK(s.outcome == trace::Outcome::Completed);
      CHECK(s.leaked == workers * requests);
      CHECK(s.results == 5 * requests);
    }
  }
}

TEST_CASE("Pool.ForgotClose: with close(jobs) back, nothing leaks") {
  const pool::Summary s = pool::run_to_end(preset("forgot-close", {"pool.close_jobs=true"}));
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(s.leaked == 0);
  CHECK(s.results == 25);
}
