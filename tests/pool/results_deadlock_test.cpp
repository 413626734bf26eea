// Lesson 5: main sends every job before reading a result. The pool holds
// workers + cap(jobs) + cap(results) jobs; one more and every goroutine is asleep.
#include <doctest/doctest.h>

#include <string>

#include "core/sim/report.hpp"
#include "tests/pool/pool_support.hpp"

using namespace poolscope;
using pool_test::preset;

namespace {
scenario::Scenario shape(int workers, int jobs_buffer, int results_buffer, int jobs) {
  return preset("results-deadlock", {"pool.workers=" + std::to_string(workers),
                                     "pool.jobs_buffer=" + std::to_string(jobs_buffer),
                                     "pool.results_buffer=" + std::to_string(results_buffer),
                                     "load.jobs=" + std::to_string(jobs), "work.mean_ms=10"});
}
}  // namespace

TEST_CASE(
    "Pool.ResultsDeadlock: deadlocks exactly when jobs > workers + cap(jobs) + cap(results)") {
  for (int workers = 1; workers <= 3; ++workers) {
    for (int jobs_buffer = 0; jobs_buffer <= 2; ++jobs_buffer) {
      for (int results_buffer = 0; results_buffer <= 2; ++results_buffer) {
        const int capacity = workers + jobs_buffer + results_buffer;
        CAPTURE(workers);
        CAPTURE(jobs_buffer);
        CAPTURE(results_buffer);
        const pool::Summary fits =
            pool::run_to_end(shape(workers, jobs_buffer, results_buffer, capacity));
        CHECK(fits.outcome == trace::Outcome::Completed);
        CHECK(fits.results == capacity);
        CHECK(fits.leaked == 0);
        const pool::Summary one_more =
            pool::run_to_end(shape(workers, jobs_buffer, results_buffer, capacity + 1));
        CHECK(one_more.outcome == trace::Outcome::Deadlock);
        CHECK(one_more.results == 0);
      }
    }
  }
}

TEST_CASE("Pool.ResultsDeadlock: main waits on jobs <- j while every worker waits on results") {
  pool::PoolRun run(preset("results-deadlock"));
  CHECK(run.run() == trace::Outcome::Deadlock);
  const sim::Report& report = run.runtime().report();
  const auto& program = run.program();
  REQUIRE(report.blocked.size() == 4);
  for (const auto& g : report.blocked) {
    CAPTURE(g.name);
    CHECK(g.state == trace::GoState::BlockedSend);
    CHECK(g.line == program.line(g.id == 1 ? scenario::Anchor::MainSendJob
                                           : scenario::Anchor::WorkerSendResult));
  }
  CHECK_FALSE(report.cycle.empty());
  // 3 jobs taken by the workers and 2 buffered: job 6 is the one main cannot send.
  CHECK(run.summary().jobs_sent == 5);
}

TEST_CASE("Pool.ResultsDeadlock: a big enough results buffer or a producer goroutine fixes it") {
  const pool::Summary buffered =
      pool::run_to_end(preset("results-deadlock", {"pool.results_buffer=5"}));
  CHECK(buffered.outcome == trace::Outcome::Completed);
  CHECK(buffered.results == 10);
  const pool::Summary producer =
      pool::run_to_end(preset("results-deadlock", {"pool.collect=producer_goroutine"}));
  CHECK(producer.outcome == trace::Outcome::Completed);
  CHECK(producer.results == 10);
  CHECK(producer.leaked == 0);
}

TEST_CASE(
    "Pool.ResultsDeadlock: ranging over results that nobody closes deadlocks main at the range") {
  pool::PoolRun run(preset("hello-pool", {"pool.collect_count=-1", "work.mean_ms=10"}));
  CHECK(run.run() == trace::Outcome::Deadlock);
  const sim::Report& report = run.runtime().report();
  REQUIRE(report.blocked.size() == 1);
  CHECK(report.blocked[0].id == 1);
  CHECK(report.blocked[0].line == run.program().line(scenario::Anchor::MainRecvResult));
  CHECK(run.summary().results == 5);
}
