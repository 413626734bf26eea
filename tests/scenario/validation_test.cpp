#include <doctest/doctest.h>

#include <string>

#include "core/scenario/scenario_json.hpp"

using namespace poolscope::scenario;

namespace {
std::string first_problem(const Scenario& s) {
  const auto errors = validate(s);
  return errors.empty() ? std::string{} : errors.front().message;
}
}  // namespace

TEST_CASE("Validation: a scenario built in code is checked against the key table too") {
  Scenario s;
  s.pool.workers = -2;
  CHECK(first_problem(s) == "pool.workers: -2 is out of range (allowed 1..10000)");
}

TEST_CASE("Validation: an endless load needs a duration") {
  Scenario s;
  s.load.jobs = 0;
  s.pool.collect = Collect::CloserGoroutine;
  CHECK(first_problem(s).rfind("load.duration_s: an endless load", 0) == 0);
  s.load.duration_s = 2;
  CHECK(validate(s).empty());
}

TEST_CASE("Validation: after_send with an endless load needs a number of results") {
  Scenario s;
  s.load.jobs = 0;
  s.load.duration_s = 1;
  CHECK(first_problem(s).rfind("pool.collect_count: \"all\" is unknown before an endless", 0) == 0);
  s.pool.collect_count = 10;
  CHECK(validate(s).empty());
}

TEST_CASE("Validation: random arrivals need a rate") {
  Scenario s;
  s.load.arrival = Arrival::Poisson;
  CHECK(first_problem(s).rfind("load.arrival: \"poisson\" arrivals need load.rate > 0", 0) == 0);
  s.load.rate = 10;
  CHECK(validate(s).empty());
}

TEST_CASE("Validation: a failing job needs errgroup mode and must be one of the jobs") {
  Scenario s;
  s.pool.fail_job = 2;
  CHECK(first_problem(s) ==
        "pool.fail_job: 2 needs pool.mode \"errgroup\" (mode is \"pool\"); only errgroup jobs "
        "return errors, use 0 for no failing job");
  s.pool.mode = Mode::Errgroup;
  CHECK(validate(s).empty());
  s.pool.fail_job = 6;
  CHECK(first_problem(s) ==
        "pool.fail_job: 6 is more than load.jobs (5), so no job would fail (allowed 0..5)");
}

TEST_CASE("Validation: collect_count must fit the collection strategy and the load") {
  Scenario s;
  s.pool.collect_count = 6;
  CHECK(first_problem(s).rfind("pool.collect_count: 6 is more than load.jobs (5)", 0) == 0);
  s.pool.collect_count = 3;
  CHECK(validate(s).empty());
  s.pool.collect = Collect::CloserGoroutine;
  CHECK(first_problem(s) ==
        "pool.collect_count: 3 needs pool.collect \"after_send\" or \"producer_goroutine\"; "
        "with \"closer_goroutine\" main ranges until results is closed (use \"all\")");
  s.pool.collect = Collect::None;
  CHECK(first_problem(s).rfind("pool.collect_count: 3 has no effect with pool.collect \"none\"",
                               0) == 0);
  s.pool.mode = Mode::Errgroup;
  CHECK(validate(s).empty());
}

TEST_CASE("Validation: ranging over a results channel nobody closes is allowed, it is a lesson") {
  Scenario s;
  s.pool.collect_count = kCollectUntilClosed;
  CHECK(validate(s).empty());
}
