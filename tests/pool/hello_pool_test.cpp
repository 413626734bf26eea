// Lesson 1, the seed's own pool: three workers, five jobs, close(jobs), five results.
#include <doctest/doctest.h>

#include <map>

#include "tests/pool/pool_support.hpp"

using namespace poolscope;
using pool_test::preset;

TEST_CASE("Pool.HelloPool: three workers finish five jobs and main receives five results") {
  const pool::Summary s = pool::run_to_end(preset("hello-pool"));
  CHECK(s.outcome == trace::Outcome::Completed);
  CHECK(s.results == 5);
  CHECK(s.leaked == 0);
  CHECK(s.still_running == 0);
  CHECK(s.jobs_sent == 5);
  CHECK(s.jobs_done == 5);
  CHECK(s.max_concurrent == 3);
  CHECK(s.peak_goroutines == 4);
  CHECK(s.error.empty());
  // 1 s jobs: three in the first second, two in the next.
  CHECK(s.virtual_ms == doctest::Approx(2000.0));
}

TEST_CASE("Pool.HelloPool: every job is created, started, done and collected exactly once") {
  const auto r = pool_test::record(preset("hello-pool"));
  std::map<std::int64_t, std::map<trace::JobPhase, int>> phases;
  for (const auto& e : r.events) {
    if (e.kind == trace::EventKind::Job) ++phases[e.value][static_cast<trace::JobPhase>(e.detail)];
  }
  REQUIRE(phases.size() == 5);
  for (std::int64_t j = 1; j <= 5; ++j) {
    CAPTURE(j);
    CHECK(phases[j][trace::JobPhase::Created] == 1);
    CHECK(phases[j][trace::JobPhase::Started] == 1);
    CHECK(phases[j][trace::JobPhase::Done] == 1);
    CHECK(phases[j][trace::JobPhase::Collected] == 1);
  }
}

TEST_CASE("Pool.HelloPool: job ids stay unique when the handler runs several requests") {
  const auto r = pool_test::record(preset("hello-pool", {"load.requests=3"}));
  std::map<std::int64_t, int> created;
  for (const auto& e : r.events) {
    if (e.kind == trace::EventKind::Job &&
        static_cast<trace::JobPhase>(e.detail) == trace::JobPhase::Created) {
      ++created[e.value];
    }
  }
  REQUIRE(created.size() == 15);
  CHECK(created.begin()->first == 1);
  CHECK(created.rbegin()->first == 15);
  CHECK(r.summary.results == 15);
}

TEST_CASE("Pool.HelloPool: the figures of the program agree with the metrics folded from events") {
  pool::PoolRun run(
      preset("hello-pool", {"load.jobs=40", "pool.workers=4", "work.dist=exponential"}));
  run.run();
  const pool::Summary s = run.summary();
  const pool::Figures f = run.metrics().figures(run.now());
  CHECK(static_cast<std::int64_t>(f.jobs_done) == s.jobs_done);
  CHECK(static_cast<std::int64_t>(f.results) == s.results);
  CHECK(static_cast<std::int64_t>(f.jobs_created) == s.jobs_sent);
  CHECK(f.in_work == 0);
  CHECK(f.holding == 0);
  CHECK(run.metrics().total().count() == 40);
  CHECK(s.latency_p50_ms > 0.0);
  CHECK(s.latency_p99_ms >= s.latency_p50_ms);
  CHECK(s.throughput_per_s > 0.0);
}
