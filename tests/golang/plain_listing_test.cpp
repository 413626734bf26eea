// "Open as code" (export_go_plain) and the "New program" template (worker_pool_template):
// both are programs a learner reads and runs on run-go, so both must compile, be free of
// Poolscope's measuring, and run. The plain listing must run as the instrumented export
// does: same outcome, same output but for the JSON line, goroutines left blocked on the
// same lines (by their text), and main returning when the export's clock stops.
//
// Runs go through run_go in this process (no CLI); payloads are dropped (memory only) and
// the loads kept small, so the whole file runs in a few seconds in a debug build.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/golang/check.hpp"
#include "core/golang/interp.hpp"
#include "core/scenario/go_export.hpp"
#include "core/scenario/go_template.hpp"
#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"
#include "tests/support/builtin_presets.hpp"
#include "tests/support/process.hpp"
#include "tests/support/scratch_files.hpp"

using namespace poolscope;
using scenario::Scenario;

namespace {

// [SECTION] the scenarios

// Every preset, made light: no payload, and at most 200 jobs or 2 s of endless load.
Scenario light(Scenario s) {
  s.work.payload_kb = 0;
  if (s.load.jobs > 200) s.load.jobs = 200;
  if (s.load.jobs == 0) s.load.duration_s = std::min(s.load.duration_s, 2.0);
  return s;
}

Scenario variation(std::string id, void (*change)(Scenario&)) {
  Scenario s;
  s.id = std::move(id);
  s.summary = "A variation for the plain-listing tests.";
  s.work.mean_ms = 10;
  change(s);
  const auto problems = scenario::validate(s);
  REQUIRE_MESSAGE(problems.empty(), s.id, ": ", scenario::join_messages(problems));
  return s;
}

std::vector<Scenario> plain_scenarios() {
  using namespace scenario;
  std::vector<Scenario> all;
  for (const Scenario& s : poolscope::test::builtin_presets()) all.push_back(light(s));
  all.push_back(variation("wait-then-range", [](Scenario& s) {
    s.pool.collect = Collect::WaitThenRange;
    s.pool.collect_count = kCollectUntilClosed;
  }));
  all.push_back(variation("closer-goroutine", [](Scenario& s) {
    s.pool.collect = Collect::CloserGoroutine;
    s.pool.collect_count = kCollectUntilClosed;
  }));
  all.push_back(variation("producer-early-return", [](Scenario& s) {
    s.pool.collect = Collect::ProducerGoroutine;
    s.pool.collect_count = 2;
    s.pool.results_buffer = 0;
  }));
  all.push_back(variation("collect-none", [](Scenario& s) { s.pool.collect = Collect::None; }));
  all.push_back(variation("unbounded-producer", [](Scenario& s) {
    s.pool.mode = Mode::Unbounded;
    s.pool.collect = Collect::ProducerGoroutine;
    s.pool.collect_count = kCollectUntilClosed;
    s.pool.resource_limit = 2;
  }));
  all.push_back(variation("errgroup-fail-db", [](Scenario& s) {
    s.pool.mode = Mode::Errgroup;
    s.pool.fail_job = 3;
    s.pool.resource_limit = 2;
    s.work.dist = WorkDist::Exponential;
  }));
  all.push_back(variation("errgroup-endless-instant", [](Scenario& s) {
    s.pool.mode = Mode::Errgroup;
    s.load.jobs = 0;
    s.load.duration_s = 0.5;
    s.load.rate = 20;
    s.work.mean_ms = 0;
  }));
  all.push_back(variation("producers-burst", [](Scenario& s) {
    s.load.producers = 3;
    s.load.jobs = 12;
    s.load.rate = 100;
    s.load.arrival = Arrival::Burst;
    s.load.burst_size = 2;
    s.pool.resource_limit = 1;
  }));
  all.push_back(variation("endless-poisson", [](Scenario& s) {
    s.load.jobs = 0;
    s.load.duration_s = 1;
    s.load.rate = 50;
    s.load.arrival = Arrival::Poisson;
    s.work.dist = WorkDist::Uniform;
    s.load.requests = 2;
    s.pool.collect = Collect::CloserGoroutine;
    s.pool.collect_count = kCollectUntilClosed;
  }));
  all.push_back(variation("forgot-close-requests", [](Scenario& s) {
    s.pool.close_jobs = false;
    s.load.requests = 3;
  }));
  all.push_back(variation("instant-io", [](Scenario& s) { s.work.mean_ms = 0; }));
  all.push_back(variation("cpu-instant", [](Scenario& s) {
    s.work.kind = WorkKind::Cpu;
    s.work.mean_ms = 0;
  }));
  return all;
}

// Scenarios whose main returns while jobs are still in work.
bool work_in_flight_at_return(const Scenario& s) { return s.id == "producer-early-return"; }

// CPU-bound work with a work time: compiled and compared line by line, not run (its
// calibration spins 20 million turns, and run-go's clock gives the spin no time).
std::vector<Scenario> compile_only_scenarios() {
  using namespace scenario;
  return {
      variation("cpu-pool", [](Scenario& s) { s.work.kind = WorkKind::Cpu; }),
      variation("cpu-errgroup-fail",
                [](Scenario& s) {
                  s.work.kind = WorkKind::Cpu;
                  s.pool.mode = Mode::Errgroup;
                  s.pool.fail_job = 2;
                }),
  };
}

// [SECTION] helpers

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    lines.push_back(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

// The program without its header comment (the lines before `package main`).
std::vector<std::string_view> body_lines(std::string_view source) {
  auto lines = lines_of(source);
  const auto package = std::find(lines.begin(), lines.end(), "package main");
  return {package, lines.end()};
}

// True when `plain` is `full` with lines left out, keeping order (the import block, the
// comments and the plain listing's own calibrate line aside).
bool is_subsequence(const std::vector<std::string_view>& plain,
                    const std::vector<std::string_view>& full) {
  auto at = full.begin();
  bool in_imports = false;
  for (const std::string_view line : plain) {
    if (line == "import (") in_imports = true;
    if (in_imports || line.starts_with("//") || line == "\tturnsPerNs = calibrate()") {
      if (line == ")") in_imports = false;
      continue;
    }
    at = std::find(at, full.end(), line);
    if (at == full.end()) return false;
    ++at;
  }
  return true;
}

golang::GoRunOptions run_options() {
  golang::GoRunOptions options;
  options.max_virtual = 120 * trace::kSecond;
  options.max_steps = 50'000'000;
  return options;
}

// The texts (indentation trimmed) of the lines where the leaked goroutines wait, sorted.
std::vector<std::string> leaked_lines(const golang::GoRunResult& r, const std::string& source) {
  const scenario::GoProgram program{source, {}};
  std::vector<std::string> texts;
  for (const auto& g : r.leaked) {
    texts.push_back(std::string(program.line_text(g.line)) + " [" + g.wait + "]");
  }
  std::sort(texts.begin(), texts.end());
  return texts;
}

// Stdout without its last line.
std::string without_last_line(const std::string& text) {
  if (text.empty()) return text;
  const auto cut = text.rfind('\n', text.size() - 2);
  return cut == std::string::npos ? std::string() : text.substr(0, cut + 1);
}

}  // namespace

// [SECTION] the plain listing

TEST_CASE("Open as code: the plain listing is the export without its stats lines") {
  auto all = plain_scenarios();
  for (Scenario& s : compile_only_scenarios()) all.push_back(std::move(s));
  for (const Scenario& s : all) {
    CAPTURE(s.id);
    const scenario::GoProgram full = scenario::export_go(s);
    const scenario::GoProgram plain = scenario::export_go_plain(s);
    CHECK(plain.source.find("stats") == std::string::npos);
    CHECK(plain.source.find("strings") == std::string::npos);
    CHECK(plain.source.ends_with("}\n"));
    CHECK(is_subsequence(body_lines(plain.source), body_lines(full.source)));
    for (std::size_t i = 0; i < scenario::kAnchorCount; ++i) {
      const auto anchor = static_cast<scenario::Anchor>(i);
      if (anchor == scenario::Anchor::MainReport) {
        CHECK_FALSE(plain.has(anchor));
        continue;
      }
      CAPTURE(scenario::anchor_name(anchor));
      CHECK(plain.has(anchor) == full.has(anchor));
      CHECK(plain.line_text(plain.line(anchor)) == full.line_text(full.line(anchor)));
    }
    const golang::Compiled compiled = golang::compile_go(plain.source);
    CHECK_MESSAGE(compiled.diagnostics.empty(), golang::format_diagnostics(compiled.diagnostics));
  }
}

TEST_CASE("Open as code: the plain listing runs as the instrumented export does") {
  const auto started = std::chrono::steady_clock::now();
  for (const Scenario& s : plain_scenarios()) {
    CAPTURE(s.id);
    const std::string full = scenario::export_go(s).source;
    const std::string plain = scenario::export_go_plain(s).source;
    const golang::GoRunResult a = golang::run_go(full, run_options());
    const golang::GoRunResult b = golang::run_go(plain, run_options());
    INFO("plain stderr: ", b.stderr_text.substr(0, 1000));
    REQUIRE(a.outcome != golang::GoOutcome::CompileError);
    REQUIRE(a.outcome != golang::GoOutcome::Stopped);
    CHECK(to_string(b.outcome) == to_string(a.outcome));
    CHECK(b.exit_code == a.exit_code);
    // run-go counts the goroutines blocked when main returns; the export's stats first
    // let jobs still in work settle. So with work in flight at main's return the plain
    // listing shows fewer, but never others.
    const auto plain_leaked = leaked_lines(b, plain);
    const auto full_leaked = leaked_lines(a, full);
    INFO("plain leaked: ", fmt::format("{}", fmt::join(plain_leaked, "; ")));
    INFO("export leaked: ", fmt::format("{}", fmt::join(full_leaked, "; ")));
    CHECK(std::includes(full_leaked.begin(), full_leaked.end(), plain_leaked.begin(),
                        plain_leaked.end()));
    if (!work_in_flight_at_return(s)) CHECK(plain_leaked == full_leaked);
    const auto first_line = [](const std::string& text) { return text.substr(0, text.find('\n')); };
    CHECK(first_line(b.stderr_text) == first_line(a.stderr_text));
    if (a.outcome != golang::GoOutcome::Completed) {
      CHECK(b.stdout_text == a.stdout_text);
      continue;
    }
    // The export's last line is its JSON summary; its clock stops where main would return.
    CHECK(b.stdout_text == without_last_line(a.stdout_text));
    const auto summary = nlohmann::json::parse(lines_of(a.stdout_text).back());
    const double elapsed_ms = summary.at("elapsed_ms").get<double>();
    CHECK(std::abs(static_cast<double>(b.virtual_time) / trace::kMillisecond - elapsed_ms) < 0.002);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  MESSAGE("plain-listing runs: ", seconds, " s");
}

TEST_CASE("Open as code: plain listings are gofmt-clean") {
  if (test::run_command("echo 'package p' | gofmt").exit_code != 0) {
    FAIL("gofmt is missing from PATH (it comes with Debian's golang-go)");
  }
  const auto dir = test::scratch("plain-listing");
  auto all = plain_scenarios();
  for (Scenario& s : compile_only_scenarios()) all.push_back(std::move(s));
  for (const Scenario& s : all) {
    std::ofstream(dir / (s.id + ".go")) << scenario::export_go_plain(s).source;
  }
  std::ofstream(dir / "template.go") << scenario::worker_pool_template();
  const auto listed = test::run_command("gofmt -l '" + dir.string() + "'");
  CHECK(listed.exit_code == 0);
  CHECK_MESSAGE(listed.out.empty(), "not gofmt-clean: ", listed.out);
}

// [SECTION] the template

TEST_CASE("New program template: plain worker pool that compiles, runs and has its knobs") {
  const std::string_view source = scenario::worker_pool_template();
  CHECK(source.find("stats") == std::string_view::npos);
  golang::TypeTable types;
  const golang::CheckResult checked = golang::check_program(source, types);
  REQUIRE_MESSAGE(checked.ok, golang::format_diagnostics(checked.diagnostics));
  const auto constants = golang::main_constants(*checked.file, source);
  const auto find = [&](std::string_view name) {
    const auto it = std::find_if(constants.begin(), constants.end(),
                                 [&](const golang::ConstInfo& c) { return c.name == name; });
    REQUIRE_MESSAGE(it != constants.end(), name);
    return *it;
  };
  CHECK(find(scenario::kTemplateWorkers).kind == golang::ConstInfo::Kind::Int);
  CHECK(find(scenario::kTemplateWorkers).value == "3");
  CHECK(find(scenario::kTemplateJobs).kind == golang::ConstInfo::Kind::Int);
  CHECK(find(scenario::kTemplateJobs).value == "5");
  CHECK(find(scenario::kTemplateWorkTime).kind == golang::ConstInfo::Kind::Duration);
  CHECK(find(scenario::kTemplateWorkTime).value == "200 * time.Millisecond");

  const golang::GoRunResult r = golang::run_go(source, run_options());
  INFO(r.stderr_text);
  CHECK(r.outcome == golang::GoOutcome::Completed);
  CHECK(r.exit_code == 0);
  CHECK(r.leaked.empty());
  // 5 jobs of 200 ms on 3 workers: two rounds.
  CHECK(r.virtual_time == 400 * trace::kMillisecond);
  const auto lines = lines_of(r.stdout_text);
  std::vector<std::string_view> results;
  for (const std::string_view line : lines) {
    if (line.starts_with("result ")) results.push_back(line);
  }
  std::sort(results.begin(), results.end());
  CHECK(results ==
        std::vector<std::string_view>{"result 10", "result 2", "result 4", "result 6", "result 8"});
  CHECK(std::count_if(lines.begin(), lines.end(), [](std::string_view l) {
          return l.find("finished job") != std::string_view::npos;
        }) == 5);
  CHECK(lines.back() == "took 400ms");
}
