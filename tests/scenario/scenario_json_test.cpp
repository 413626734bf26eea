#include "core/scenario/scenario_json.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace poolscope::scenario;

TEST_CASE("Scenario JSON: keys left out keep their defaults") {
  const auto s = load_scenario(R"({"pool": {"workers": 5}, "seed": 9})");
  REQUIRE_MESSAGE(s.ok(), s.message());
  Scenario expected;
  expected.pool.workers = 5;
  expected.seed = 9;
  CHECK(s.value() == expected);
}

TEST_CASE("Scenario JSON: comments and dotted top-level keys are accepted") {
  const auto s = load_scenario(R"({
    // three workers are the seed's example; five here
    "pool.workers": 5,
    "load": {"jobs": 8 /* per request */}
  })");
  REQUIRE_MESSAGE(s.ok(), s.message());
  CHECK(s.value().pool.workers == 5);
  CHECK(s.value().load.jobs == 8);
}

TEST_CASE("Scenario JSON: save then load gives back the same scenario exactly") {
  Scenario s;
  s.id = "round-trip";
  s.title = "Round \"trip\" \u00e9";
  s.summary = "every key changed";
  s.seed = 9'223'372'036'854'775'807ULL;
  s.pool = {Mode::Pool, Collect::ProducerGoroutine, 3, 7, 2, 0, false, 4, 2, 0};
  s.load = {40, 12.345678901234567, Arrival::Poisson, 3, 2, 4, 0.25};
  s.work = {0.1, WorkDist::Exponential, WorkKind::Cpu, 1536};
  REQUIRE(validate(s).empty());
  const std::string text = save_scenario(s);
  const auto back = load_scenario(text);
  REQUIRE_MESSAGE(back.ok(), back.message());
  CHECK(back.value() == s);
  CHECK(save_scenario(back.value()) == text);
}

TEST_CASE("Scenario JSON: a saved file is nested by group and names collect_count \"all\"") {
  const std::string text = save_scenario(Scenario{});
  CHECK(text.find("\"pool\": {") != std::string::npos);
  CHECK(text.find("\"collect_count\": \"all\"") != std::string::npos);
  CHECK(text.find("\"work\": {") != std::string::npos);
  CHECK(text.back() == '\n');
}

TEST_CASE("Scenario JSON: files round-trip through disk") {
  const auto path = std::filesystem::temp_directory_path() / "poolscope-scenario-test.json";
  Scenario s;
  s.pool.workers = 11;
  REQUIRE(save_scenario_file(s, path).ok());
  const auto back = load_scenario_file(path);
  REQUIRE_MESSAGE(back.ok(), back.message());
  CHECK(back.value() == s);
  std::filesystem::remove(path);
}

TEST_CASE("Scenario JSON: an unknown key is rejected with the nearest valid name") {
  CHECK(load_scenario(R"({"pool": {"worker": 5}})").message() ==
        "unknown key \"pool.worker\"; did you mean \"pool.workers\"?");
  CHECK(load_scenario(R"({"pool": {"jobs": 5}})").message() ==
        "unknown key \"pool.jobs\"; did you mean \"load.jobs\"?");
  CHECK(load_scenario(R"({"workers": 5})").message() ==
        "unknown key \"workers\"; did you mean \"pool.workers\"?");
  CHECK(load_scenario(R"({"pol": {}})").message() == "unknown key \"pol\"; did you mean \"pool\"?");
  CHECK(load_scenario(R"({"work": {"flavour": 1}})").message() ==
        "unknown key \"work.flavour\" (keys in \"work\": mean_ms, dist, kind, payload_kb)");
}

TEST_CASE("Scenario JSON: every problem is reported with its key") {
  const auto s = load_scenario(R"({"pool": {"workers": 0, "mode": "errgroups"},
                                   "load": {"rate": "fast"}})");
  REQUIRE_FALSE(s.ok());
  REQUIRE(s.errors().size() == 3);
  CHECK(s.errors()[0].key == "pool.workers");
  CHECK(s.errors()[0].message == "pool.workers: 0 is out of range (allowed 1..10000)");
  CHECK(s.errors()[1].key == "pool.mode");
  CHECK(s.errors()[1].message.find("did you mean \"errgroup\"?") != std::string::npos);
  CHECK(s.errors()[2].message ==
        "load.rate: \"fast\" (a string) is not a number (allowed 0..1000000)");
}

TEST_CASE("Scenario JSON: malformed JSON reports line and column") {
  const auto s = load_scenario("{\n  \"pool\": {\"workers\": 3,}\n}");
  REQUIRE_FALSE(s.ok());
  CHECK(s.message() ==
        "malformed JSON at line 2, column 25: syntax error while parsing object key - "
        "unexpected '}'; expected string literal");
  CHECK(load_scenario("[1, 2]").message().find("not an array") != std::string::npos);
  CHECK(load_scenario(R"({"pool": 3})").message() ==
        "pool: expected an object of settings such as {\"mode\": ...}, got 3");
}

TEST_CASE("Scenario JSON: a missing file is an error, not a crash") {
  const auto s = load_scenario_file("/nonexistent/poolscope.json");
  REQUIRE_FALSE(s.ok());
  CHECK(s.message() ==
        "/nonexistent/poolscope.json: cannot open the scenario file: No such file or directory");
}
