#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/cli/cli_harness.hpp"

using nlohmann::json;
using poolscope::test::run_cli;

namespace {
json run_json(const std::string& args) {
  const auto run = run_cli("run --json " + args);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  return json::parse(run.out);
}
}  // namespace

TEST_CASE("CLI run: the seed's example completes with 5 results and nothing leaked") {
  const json j = run_json("--preset hello-pool");
  CHECK(j["outcome"] == "completed");
  CHECK(j["results"] == 5);
  CHECK(j["leaked"] == 0);
  CHECK(j["jobs_sent"] == 5);
  CHECK(j["jobs_done"] == 5);
  CHECK(j["max_concurrent"] == 3);
  CHECK(j["error"] == "");
  for (const char* key :
       {"max_queue_depth", "max_blocked_senders", "peak_goroutines", "virtual_ms", "events",
        "event_hash", "throughput_per_s", "latency_p50_ms", "latency_p99_ms"}) {
    CHECK_MESSAGE(j.contains(key), key);
  }
}

TEST_CASE("CLI run: errgroup-limit ends when g.Wait and main return, at 1.5 s") {
  const auto summary = run_json("--preset errgroup-limit");
  CHECK(summary["virtual_ms"].get<double>() == doctest::Approx(1500.0));
  CHECK(summary["throughput_per_s"].get<double>() == doctest::Approx(2.0));
  const auto text = run_cli("run --preset errgroup-limit");
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("completed after 1.500 s of virtual time") != std::string::npos);
  CHECK(text.out.find("main returned at 1.500 s, where a Go program ends; the simulator ran on "
                      "to 2.000 s") != std::string::npos);
  // Where main's return is the end of everything, no such line.
  const auto hello = run_cli("run --preset hello-pool");
  CHECK(hello.out.find("completed after 2.000 s") != std::string::npos);
  CHECK(hello.out.find("ran on") == std::string::npos);
}

TEST_CASE("CLI run: a deadlock is a result, reported with exit code 0") {
  const json j = run_json("--preset results-deadlock");
  CHECK(j["outcome"] == "deadlock");
  const auto text = run_cli("run --preset results-deadlock");
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("all goroutines are asleep - deadlock!") != std::string::npos);
}

TEST_CASE("CLI run: forgetting close(jobs) leaks every worker of every request") {
  const json j = run_json("--preset forgot-close --set load.requests=3 --set pool.workers=4");
  CHECK(j["outcome"] == "completed");
  CHECK(j["leaked"] == 12);
}

TEST_CASE("CLI run: --set changes the scenario and the same seed gives the same events") {
  const json a = run_json("--preset backpressure --set pool.workers=2 --seed 7");
  const json b = run_json("--preset backpressure --set pool.workers=2 --seed 7");
  CHECK(a["event_hash"] == b["event_hash"]);
  CHECK(a["max_concurrent"] == 2);
}

TEST_CASE("CLI run: a misspelt key is bad input naming the nearest key") {
  const auto run = run_cli("run --preset hello-pool --set pool.worker=3");
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("pool.workers") != std::string::npos);
  CHECK(run.out.empty());
}

TEST_CASE("CLI run: a missing scenario file is bad input") {
  const auto run = run_cli("run --scenario /nonexistent/scenario.json");
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("/nonexistent/scenario.json") != std::string::npos);
}

TEST_CASE("CLI run: --seed is checked as written, so -1 is reported as -1") {
  const auto run = run_cli("run --preset hello-pool --seed -1");
  CHECK(run.exit_code == 2);
  CHECK(run.err == "poolscope-cli: seed: -1 is out of range (allowed 0..9223372036854775807)\n");
}

TEST_CASE("CLI run: an empty --scenario or --preset is bad input, not the default scenario") {
  for (const char* option : {"--scenario", "--preset"}) {
    CAPTURE(option);
    const auto run = run_cli(std::string("run ") + option + " ''");
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("empty") != std::string::npos);
    CHECK(run.out.empty());
  }
}

TEST_CASE("CLI run: a folder or /dev/zero given as --scenario is named, not read") {
  const auto zero = run_cli("run --scenario /dev/zero");
  CHECK(zero.exit_code == 2);
  CHECK(zero.err == "poolscope-cli: /dev/zero is a character device, not a scenario file\n");
  const auto folder = run_cli("run --scenario /tmp");
  CHECK(folder.err == "poolscope-cli: /tmp is a folder, not a scenario file\n");
}

TEST_CASE("CLI run: --events writes one JSON line per event") {
  const std::string path = "/tmp/poolscope-cli-test-events.jsonl";
  const json j = run_json("--preset hello-pool --events " + path);
  std::ifstream in(path);
  std::uint64_t lines = 0;
  std::uint64_t last_seq = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    const json e = json::parse(line);
    CHECK(e["seq"].get<std::uint64_t>() == last_seq + 1);
    last_seq = e["seq"].get<std::uint64_t>();
  }
  CHECK(lines == j["events"].get<std::uint64_t>());
  std::remove(path.c_str());
}

TEST_CASE("CLI sweep: throughput stops growing at the database's connection count") {
  const std::string csv = "/tmp/poolscope-cli-test-sweep.csv";
  const auto run =
      run_cli("sweep --preset size-to-bottleneck --vary pool.workers=1..8 --csv " + csv);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  std::ifstream in(csv);
  std::string header;
  std::getline(in, header);
  CHECK(header.rfind("pool.workers,outcome,", 0) == 0);
  int rows = 0;
  for (std::string line; std::getline(in, line);) {
    ++rows;
    // columns: value, outcome, results, leaked, jobs_done, max_concurrent, ...
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (std::size_t comma; (comma = line.find(',', start)) != std::string::npos;
         start = comma + 1) {
      cells.push_back(line.substr(start, comma - start));
    }
    const int workers = std::stoi(cells[0]);
    CHECK(std::stoi(cells[5]) == std::min(workers, 5));
  }
  CHECK(rows == 8);
  std::remove(csv.c_str());
}

TEST_CASE("CLI sweep: a malformed range is bad input") {
  const auto run = run_cli("sweep --preset hello-pool --vary pool.workers=5..1");
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("--vary") != std::string::npos);
}

TEST_CASE("CLI export-go: the listing follows the settings") {
  const auto run = run_cli("export-go --preset hello-pool --set pool.jobs_buffer=5");
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("package main") != std::string::npos);
  CHECK(run.out.find("jobs := make(chan int, 5)") != std::string::npos);
  CHECK(run.out.find("\tclose(jobs)\n") != std::string::npos);
  const auto leaky = run_cli("export-go --preset forgot-close");
  REQUIRE(leaky.exit_code == 0);
  CHECK(leaky.out.find("\tclose(jobs)\n") == std::string::npos);
}

TEST_CASE("CLI run: --max-goroutines stops an unbounded load and says how to raise it") {
  const auto run =
      run_cli("run --preset unbounded-vs-pool --set load.jobs=100000000 --max-goroutines 1000");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find(": stopped after") != std::string::npos);
  CHECK(run.out.find("stopped: 1,000 goroutines alive, the limit; raise it with "
                     "--max-goroutines\n") != std::string::npos);
  const json j = run_json(
      "--preset unbounded-vs-pool --set load.jobs=100000000 "
      "--max-goroutines 1000");
  CHECK(j["outcome"] == "stopped");
  CHECK(j["stopped_by"] == "max_goroutines");
  CHECK(j["stop_message"] == "stopped: 1,000 goroutines alive, the limit");
  CHECK(j["peak_goroutines"] == 1000);
}

TEST_CASE("CLI run: --events has a budget of events, stated and raised with --max-events") {
  const std::string path = "/tmp/poolscope_cli_events_budget_test.jsonl";
  const auto run = run_cli(
      "run --preset hello-pool --set load.jobs=1000000 --set "
      "work.mean_ms=0 --set pool.collect=producer_goroutine --events " +
      path + " --max-events 2000");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("; raise it with --max-events\n") != std::string::npos);
  std::ifstream in(path);
  int lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  CHECK(lines >= 2000);
  CHECK(lines < 2000 + 10'000);  // the run stops between goroutines' turns
  CHECK(run.out.find("stopped: 2,000 events, the limit; raise it with --max-events\n") !=
        std::string::npos);
  std::remove(path.c_str());
}
