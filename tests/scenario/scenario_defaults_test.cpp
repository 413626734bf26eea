#include <doctest/doctest.h>

#include "core/scenario/scenario.hpp"
#include "core/scenario/scenario_json.hpp"

using namespace poolscope::scenario;

TEST_CASE("Scenario: the defaults are the seed lesson's example") {
  const Scenario s;
  CHECK(s.pool.mode == Mode::Pool);
  CHECK(s.pool.collect == Collect::AfterSend);
  CHECK(s.pool.collect_count == kCollectAll);
  CHECK(s.pool.workers == 3);
  CHECK(s.load.jobs == 5);
  CHECK(s.pool.jobs_buffer == 100);
  CHECK(s.pool.results_buffer == 100);
  CHECK(s.pool.close_jobs);
  CHECK(s.load.requests == 1);
  CHECK(validate(s).empty());
}

TEST_CASE("Scenario: every enum value has a JSON name that parses back to it") {
  CHECK(name(Mode::Errgroup) == "errgroup");
  CHECK(name(Collect::ProducerGoroutine) == "producer_goroutine");
  CHECK(name(Arrival::Burst) == "burst");
  CHECK(name(WorkDist::Uniform) == "uniform");
  CHECK(name(WorkKind::Cpu) == "cpu");
  for (const auto n : names_of(Collect{})) CHECK(name(parse_enum<Collect>(n).value()) == n);
  CHECK_FALSE(parse_enum<Mode>("pools").has_value());
}

TEST_CASE("Scenario: collect_count resolves \"all\" to the number of jobs") {
  Scenario s;
  CHECK(resolved_collect_count(s) == 5);
  s.pool.collect_count = 2;
  CHECK(resolved_collect_count(s) == 2);
  s.pool.collect_count = kCollectUntilClosed;
  CHECK(resolved_collect_count(s) == -1);
  s.pool.collect = Collect::None;
  CHECK(resolved_collect_count(s) == 0);
}
