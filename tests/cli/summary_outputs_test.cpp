// The three lists of Summary fields come from one table (pool::summary_fields()): the
// CLI's JSON, the sweep's columns and the figures a lesson may expect.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <variant>

#include "core/lesson/lesson.hpp"
#include "core/pool/summary_fields.hpp"
#include "core/scenario/presets.hpp"
#include "tests/cli/cli_harness.hpp"

using namespace poolscope;
using nlohmann::json;
using poolscope::test::run_cli;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A lesson whose first choice expects `figure` to be 0.
scenario::Result<lesson::Lesson> lesson_expecting(std::string_view figure) {
  const std::string text = R"({"preset": "hello-pool", "title": "t", "steps": [{"text": "s"}],
    "question": {"prompt": "p", "set": [], "choices": [{"text": "a", "expect": {")" +
                           std::string(figure) + R"(": 0}},
      {"text": "b", "expect": {"outcome": "deadlock"}}]}})";
  return lesson::parse_lesson(text, "hello-pool.json");
}

}  // namespace

TEST_CASE("Summary outputs: every field is in the JSON, the sweep and the lessons as marked") {
  const auto run = run_cli("run --json --preset errgroup-limit");
  REQUIRE(run.exit_code == 0);
  const json j = json::parse(run.out);

  const std::string csv_path =
      std::string(POOLSCOPE_TEST_OUTPUT_DIR) + "/summary-outputs-sweep.csv";
  const auto sweep =
      run_cli("sweep --preset hello-pool --vary pool.workers=1..2 --csv " + csv_path);
  REQUIRE(sweep.exit_code == 0);
  const std::string csv = read_file(csv_path);
  const std::string csv_header = csv.substr(0, csv.find('\n'));
  const std::string table_header = sweep.out.substr(0, sweep.out.find('\n'));

  std::string sweep_columns = "pool.workers";
  std::string lesson_figures;
  std::size_t fields = 0;
  for (const pool::SummaryField& f : pool::summary_fields()) {
    CAPTURE(f.name);
    ++fields;
    CHECK(j.contains(std::string(f.name)));
    const bool in_table = table_header.find(" " + std::string(f.name)) != std::string::npos;
    CHECK(in_table == f.sweep);
    if (f.sweep) sweep_columns += "," + std::string(f.name);
    if (f.name == "outcome") continue;  // a lesson expects it by name, not as a number
    const auto parsed = lesson_expecting(f.name);
    CHECK(parsed.ok() == f.lesson);
    if (!f.lesson) CHECK(parsed.message().find("unknown figure") != std::string::npos);
    if (f.lesson) lesson_figures += (lesson_figures.empty() ? "" : ", ") + std::string(f.name);
  }
  CHECK(j.size() == fields);
  CHECK(csv_header == sweep_columns);
  const auto unknown = lesson_expecting("nope");
  REQUIRE(!unknown.ok());
  CHECK(unknown.message().find("(allowed: outcome, " + lesson_figures + ")") != std::string::npos);
  std::remove(csv_path.c_str());
}

TEST_CASE("Summary outputs: the JSON and the sweep CSV are written exactly so") {
  const auto run = run_cli("run --json --preset errgroup-limit");
  REQUIRE(run.exit_code == 0);
  CHECK(run.out ==
        R"({"cancelled":2,"completed_ok":3,"error":"job 4 failed","event_hash":"0824fa2eee4c3347",)"
        R"("events":169,"failed":1,"jobs_done":3,"jobs_sent":10,"latency_p50_ms":1000.0,)"
        R"("latency_p99_ms":1000.0,"leaked":0,"max_blocked_senders":0,"max_concurrent":3,)"
        R"("max_queue_depth":0,"outcome":"completed","peak_goroutines":4,)"
        R"("peak_memory_bytes":8192,"results":3,"skipped":4,"still_running":0,"stop_message":"",)"
        R"("stopped_by":"",)"
        R"("throughput_per_s":2.0,"virtual_ms":1500.0})"
        "\n");

  const std::string csv_path = std::string(POOLSCOPE_TEST_OUTPUT_DIR) + "/summary-outputs.csv";
  const auto sweep =
      run_cli("sweep --preset size-to-bottleneck --vary pool.workers=2..3 --csv " + csv_path);
  REQUIRE(sweep.exit_code == 0);
  CHECK(read_file(csv_path) ==
        "pool.workers,outcome,results,leaked,jobs_done,max_concurrent,max_queue_depth,"
        "max_blocked_senders,peak_goroutines,throughput_per_s,latency_p50_ms,latency_p99_ms,"
        "virtual_ms\n"
        "2,completed,100,0,100,2,100,0,3,20.00,2500.00,4900.00,5000.00\n"
        "3,completed,100,0,100,3,100,0,4,29.41,1650.00,3271.43,3400.00\n");
  std::remove(csv_path.c_str());
}

TEST_CASE("Summary outputs: a lesson figure reads the same member as the table") {
  const pool::Summary s = pool::run_to_end(scenario::find_preset("errgroup-limit").value());
  for (const pool::SummaryField& f : pool::summary_fields()) {
    CAPTURE(f.name);
    const auto figure = lesson::summary_figure(s, f.name);
    CHECK(figure.has_value() == f.lesson);
    if (figure) CHECK(*figure == std::get<std::int64_t>(f.get(s)));
  }
}
