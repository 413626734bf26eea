#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/scenario/scenario_json.hpp"

using namespace poolscope::scenario;

TEST_CASE("Override: KEY=VALUE sets numbers, names, booleans and named values") {
  Scenario s;
  REQUIRE(apply_override(s, "pool.workers=5").ok());
  REQUIRE(apply_override(s, "pool.mode=errgroup").ok());
  REQUIRE(apply_override(s, "pool.close_jobs=false").ok());
  REQUIRE(apply_override(s, "load.rate=2.5").ok());
  REQUIRE(apply_override(s, "pool.collect_count=until_closed").ok());
  REQUIRE(apply_override(s, "title=Two words").ok());
  REQUIRE(apply_override(s, "summary=\"quoted\"").ok());
  CHECK(s.pool.workers == 5);
  CHECK(s.pool.mode == Mode::Errgroup);
  CHECK_FALSE(s.pool.close_jobs);
  CHECK(s.load.rate == 2.5);
  CHECK(s.pool.collect_count == kCollectUntilClosed);
  CHECK(s.title == "Two words");
  CHECK(s.summary == "quoted");
}

TEST_CASE("Override: bad input gives the same messages as a file and changes nothing") {
  Scenario s;
  CHECK(apply_override(s, "pool.workers=0").message() ==
        "pool.workers: 0 is out of range (allowed 1..10000)");
  CHECK(apply_override(s, "pool.worker=5").message() ==
        "unknown key \"pool.worker\"; did you mean \"pool.workers\"?");
  CHECK(apply_override(s, "pool.workers=lots").message() ==
        "pool.workers: \"lots\" (a string) is not a number (allowed 1..10000)");
  CHECK(apply_override(s, "pool.workers").message() ==
        "\"pool.workers\" is not KEY=VALUE (for example pool.workers=5)");
  CHECK(s == Scenario{});
}

TEST_CASE("Override: several assignments are checked together against the rules between keys") {
  Scenario s;
  const std::vector<std::string> fine{"pool.mode=errgroup", "pool.fail_job=3"};
  REQUIRE(apply_overrides(s, fine).ok());
  CHECK(s.pool.fail_job == 3);

  Scenario t;
  const std::vector<std::string> bad{"pool.fail_job=3"};
  const auto status = apply_overrides(t, bad);
  REQUIRE_FALSE(status.ok());
  CHECK(status.errors()[0].key == "pool.fail_job");
  CHECK(t == Scenario{});
}
