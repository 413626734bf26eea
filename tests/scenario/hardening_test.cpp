// Scenario files and --set against careless and hostile input (issue 15): every case
// here aborted, hung or gave a wrong or unreadable message before.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/scenario/scenario_json.hpp"
#include "core/util/read_file.hpp"
#include "tests/support/scratch_files.hpp"

using namespace poolscope::scenario;

using poolscope::test::scratch;

namespace {
// Every message line is short and UTF-8: nothing a file holds comes back whole.
void check_short(const std::string& messages) {
  CHECK(poolscope::util::is_utf8(messages));
  CHECK(messages.size() < 400);
}
}  // namespace

TEST_CASE("Scenario hardening: a number beyond a double is an error with its place") {
  CHECK(load_scenario("{\"load\": {\n  \"rate\": 1e400}}").message() ==
        "at line 2, column 11: the number 1e400 is too large (numbers go up to about 1.8e308)");
  const auto digits = load_scenario("{\"seed\": " + std::string(1'000'000, '9') + "}");
  REQUIRE_FALSE(digits.ok());
  check_short(digits.message());
}

TEST_CASE("Scenario hardening: 50,000 levels of nesting are refused, not recursed into") {
  for (const std::string where : {"", "{\"seed\": ", "{\"pool\": "}) {
    CAPTURE(where);
    std::string text = where + std::string(50'000, '[') + std::string(50'000, ']');
    if (!where.empty()) text += "}";
    const auto s = load_scenario(text);
    REQUIRE_FALSE(s.ok());
    CHECK(s.message().find("nested deeper than 64 levels") != std::string::npos);
  }
}

TEST_CASE("Scenario hardening: a 50 KB malformed string gives a short message") {
  const auto s = load_scenario("{\"title\": \"" + std::string(50'000, 'x') + "\n\"}");
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().starts_with("malformed JSON at line 1, column 50012: syntax error"));
  check_short(s.message());
}

TEST_CASE("Scenario hardening: a 10 MB value is echoed shortened") {
  const auto s = load_scenario("{\"pool\": {\"mode\": \"" + std::string(10'000'000, 'p') + "\"}}");
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().starts_with("pool.mode: \"" + std::string(56, 'p') + "... is not allowed"));
  check_short(s.message());
}

TEST_CASE("Scenario hardening: 200,000 keys stop at the key limit") {
  std::string text = "{\"pool\": {";
  for (int i = 0; i < 200'000; ++i) text += "\"k" + std::to_string(i) + "\": 1,";
  text.back() = '}';
  text += "}";
  CHECK(load_scenario(text).message() ==
        "at line 1, column 9901: more than 1000 keys in one object (the limit)");
}

TEST_CASE("Scenario hardening: a duplicate key is an error, not last-wins") {
  CHECK(load_scenario("{\"pool\": {\"workers\": 3,\n \"workers\": 5}}").message() ==
        "at line 2, column 2: duplicate key \"workers\" (first at line 1, column 11); each key "
        "may appear once in an object");
}

TEST_CASE("Scenario hardening: a folder, /dev/zero and a FIFO are named for what they are") {
  const auto dir = scratch("scenario-kinds");
  CHECK(load_scenario_file(dir).message() == dir.string() + " is a folder, not a scenario file");
  CHECK(load_scenario_file("/dev/zero").message() ==
        "/dev/zero is a character device, not a scenario file");
  const auto fifo = dir / "pipe.json";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(load_scenario_file(fifo).message() ==
        fifo.string() + " is a FIFO (named pipe), not a scenario file");
  const auto big = dir / "big.json";
  std::ofstream(big) << "{";
  std::filesystem::resize_file(big, 20u << 20);
  CHECK(load_scenario_file(big).message().find("more than the 16.0 MiB a scenario file may have") !=
        std::string::npos);
}

TEST_CASE("Scenario hardening: --set with bytes that are not UTF-8 is a clear error") {
  Scenario s;
  CHECK(apply_override(s, "pool.mode=\xff").message() ==
        "pool.mode: \"\\xFF\" is not UTF-8 text (byte 0xFF at byte 1); write the value in UTF-8");
  CHECK(apply_override(s, "title=caf\xe9").message() ==
        "title: \"caf\\xE9\" is not UTF-8 text (byte 0xE9 at byte 4); write the value in UTF-8");
  CHECK(apply_override(s, "pool.work\xffrs=3").message().find("unknown key \"pool.work\\xFFrs\"") !=
        std::string::npos);
  CHECK(s == Scenario{});
}

TEST_CASE("Scenario hardening: a title that is not UTF-8 is never accepted") {
  Scenario s;
  s.title = "caf\xe9";
  const auto problems = validate(s);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message ==
        "title: \"caf\\xE9\" is not UTF-8 text (byte 0xE9 at byte 4); write it in UTF-8");
}

TEST_CASE("Scenario hardening: a whole number too large for its key is out of range") {
  Scenario s;
  CHECK(apply_override(s, "pool.workers=9e15").message() ==
        "pool.workers: 9e+15 is out of range (allowed 1..10000)");
  CHECK(apply_override(s, "load.jobs=1e300").message() ==
        "load.jobs: 1e+300 is out of range (allowed 0..100000000)");
  CHECK(apply_override(s, "pool.workers=2.5").message() ==
        "pool.workers: 2.5 is not a whole number (allowed 1..10000)");
  CHECK(apply_override(s, "seed=-1").message() ==
        "seed: -1 is out of range (allowed 0..9223372036854775807)");
}

TEST_CASE("Scenario hardening: a section used as a key is named as a section") {
  Scenario s;
  CHECK(apply_override(s, "pool=3").message() ==
        "unknown key \"pool\": \"pool\" is a section, not a key (keys in \"pool\": mode, collect, "
        "collect_count, workers, jobs_buffer, results_buffer, close_jobs, resource_limit, cpus, "
        "fail_job)");
}

TEST_CASE("Scenario hardening: keys are lower case, and the message says so") {
  Scenario s;
  CHECK(apply_override(s, "POOL.WORKERS=3").message() ==
        "unknown key \"POOL.WORKERS\"; did you mean \"pool.workers\"? (keys are lower case)");
  CHECK(load_scenario("{\"Pool\": {\"workers\": 3}}").message() ==
        "unknown key \"Pool\"; did you mean \"pool\"? (keys are lower case)");
  CHECK(apply_override(s, "zzz.yyy=1").message() ==
        "unknown key \"zzz.yyy\" (there is no section \"zzz\"; sections: pool, load, work; keys at "
        "the top level: id, title, summary, source, seed, pool, load, work)");
}

TEST_CASE("Scenario hardening: a bad value in a file is named with its line and column") {
  const auto path = scratch("scenario-places") / "mine.json";
  std::ofstream(path)
      << "{\n  \"pool\": {\"mode\": \"pool\",\n    \"workers\": 0},\n  \"seed\": -1,\n"
         "  \"load\": {\"jobs\": 3}, \"pool.fail_job\": 9\n}";
  const auto s = load_scenario_file(path);
  REQUIRE(s.errors().size() == 2);
  CHECK(s.errors()[0].message ==
        path.string() + ":3:5: pool.workers: 0 is out of range (allowed 1..10000)");
  CHECK(s.errors()[1].message ==
        path.string() + ":4:3: seed: -1 is out of range (allowed 0..9223372036854775807)");
  // Rules between keys point at the key they name.
  std::ofstream(path) << "{\"load\": {\"jobs\": 3},\n \"pool.fail_job\": 9}";
  CHECK(load_scenario_file(path).message() ==
        path.string() +
            ":2:2: pool.fail_job: 9 needs pool.mode \"errgroup\" (mode is \"pool\"); "
            "only errgroup jobs return errors, use 0 for no failing job");
}

TEST_CASE("Scenario hardening: a key given both nested and dotted is an error") {
  CHECK(load_scenario(R"({"pool": {"workers": 3}, "pool.workers": 5})").message() ==
        "pool.workers: given twice (once as \"workers\" inside \"pool\", once as "
        "\"pool.workers\"); keep one");
}
