// The Go export's timing says what the simulator does: per-job random values drawn as the
// simulator draws them, CPU-bound work as an amount of computation (so sharing a CPU
// lengthens it in Go too), and waits below Go's timer resolution flagged.
//
// The parity cases run the real Go toolchain (Debian's golang-go), as go_export_test does;
// without it they FAIL with a message.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/pool/pool_run.hpp"
#include "core/scenario/go_export.hpp"
#include "core/scenario/presets.hpp"
#include "core/trace/sink.hpp"
#include "tests/support/go_runner.hpp"
#include "tests/support/process.hpp"

using namespace poolscope;
using namespace poolscope::scenario;

namespace {

std::filesystem::path work_root() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  const auto base = ec ? std::filesystem::temp_directory_path() : exe.parent_path();
  return base / "go-timing";
}

// `expression` of the listing's text at `anchor`, e.g. "workTime(j)" out of
// "time.Sleep(workTime(j))".
std::string inner_call(const GoProgram& program, Anchor anchor) {
  std::string text(program.line_text(program.line(anchor)));
  const auto open = text.find('(');
  REQUIRE(open != std::string::npos);
  REQUIRE(text.back() == ')');
  return text.substr(open + 1, text.size() - open - 2);
}

// The exported program with its main renamed and a main of our own that prints, for jobs
// 1..n, the values of `expressions` (Go expressions in j of type time.Duration) in ns.
std::vector<std::vector<std::int64_t>> go_values(const GoProgram& program, int n,
                                                 const std::vector<std::string>& expressions) {
  std::string source = program.source;
  const std::string main_decl = "func main() {";
  REQUIRE(source.find(main_decl) != std::string::npos);
  source.replace(source.find(main_decl), main_decl.size(), "func lessonMain() {");
  std::string prints;
  for (const auto& e : expressions) prints += fmt::format("\t\tfmt.Println(int64({}))\n", e);
  source += fmt::format("\nfunc main() {{\n\tfor j := 1; j <= {}; j++ {{\n{}\t}}\n}}\n", n, prints);

  const auto dir = work_root() / "draws";
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir / "main.go", std::ios::binary | std::ios::trunc);
    out << source;
  }
  const auto run = test::run_command(
      fmt::format("cd '{0}' && GO111MODULE=off GOFLAGS= GOPATH='{0}/gopath' GOCACHE='{1}' "
                  "go run main.go",
                  dir.string(), (work_root() / "go-cache").string()),
      test::Stderr::Apart);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  std::vector<std::vector<std::int64_t>> values(expressions.size());
  std::istringstream in(run.out);
  for (int j = 1; j <= n; ++j) {
    for (auto& column : values) {
      std::int64_t v = 0;
      REQUIRE(static_cast<bool>(in >> v));
      column.push_back(v);
    }
  }
  return values;
}

}  // namespace

TEST_CASE(
    "Go parity: each job's random work time and arrival gap are the simulator's, bit for bit") {
  GoRunnerOptions check;
  check.work_dir = work_root();
  const GoRunner runner(check);
  if (const auto problem = runner.toolchain_problem(); !problem.empty()) {
    FAIL("Go parity needs the Go toolchain: ", problem);
  }
  constexpr int kJobs = 400;
  for (const WorkDist dist : {WorkDist::Exponential, WorkDist::Uniform}) {
    Scenario s = find_preset("hello-pool").value();
    s.pool.mode = Mode::Unbounded;  // one goroutine per job: no queueing in the way
    s.pool.collect = Collect::CloserGoroutine;
    s.load.jobs = kJobs;
    s.load.rate = 40;
    s.load.arrival = Arrival::Poisson;
    s.work.dist = dist;
    s.work.mean_ms = 30;
    s.seed = 4242;
    CAPTURE(name(dist));

    // The simulator's values, read from its events: job j is created when it arrives
    // (after its gap) and its goroutine works exactly its work time.
    trace::VectorSink sink;
    pool::PoolRun run(s, {.sink = &sink});
    run.run();
    std::map<std::int64_t, trace::Time> created;
    std::map<std::int64_t, trace::Time> started;
    std::map<std::int64_t, trace::Time> done;
    for (const auto& e : sink.events) {
      if (e.kind != trace::EventKind::Job) continue;
      const auto phase = static_cast<trace::JobPhase>(e.detail);
      if (phase == trace::JobPhase::Created) created[e.value] = e.time;
      if (phase == trace::JobPhase::Started) started[e.value] = e.time;
      if (phase == trace::JobPhase::Done) done[e.value] = e.time;
    }
    REQUIRE(done.size() == kJobs);

    const GoProgram& program = run.program();
    const auto go = go_values(
        program, kJobs,
        {inner_call(program, Anchor::WorkSleep), inner_call(program, Anchor::ArriveSleep)});
    int differ = 0;
    for (std::int64_t j = 1; j <= kJobs; ++j) {
      const trace::Time work = done[j] - started[j];
      const trace::Time gap = created[j] - (j == 1 ? 0 : created[j - 1]);
      const auto i = static_cast<std::size_t>(j - 1);
      const bool same = work == go[0][i] && gap == go[1][i];
      if (!same) {
        ++differ;
        MESSAGE("job ", j, ": simulator work ", work, " gap ", gap, ", Go work ", go[0][i], " gap ",
                go[1][i]);
      }
    }
    CHECK(differ == 0);
  }
}

TEST_CASE("Go parity: CPU-bound jobs sharing one CPU take as long in Go as in the simulator") {
  // 4 jobs of 60 ms on 1 CPU: 240 ms of computation, one job after another's share. A
  // wall-clock busy loop ended every job 60 ms after it started (about 70 ms in all).
  Scenario s = find_preset("hello-pool").value();
  s.id = "cpu-shared";
  s.pool.workers = 4;
  s.pool.cpus = 1;
  s.load.jobs = 4;
  s.work.kind = WorkKind::Cpu;
  s.work.mean_ms = 60;
  const pool::Summary sim = pool::run_to_end(s);
  REQUIRE(sim.virtual_ms == doctest::Approx(240.0));

  GoRunnerOptions options;
  options.work_dir = work_root() / "cpu";
  options.cache_dir = work_root() / "go-cache";
  options.parallel_runs = 1;
  const GoRunner runner(options);
  if (const auto problem = runner.toolchain_problem(); !problem.empty()) {
    FAIL("Go parity needs the Go toolchain: ", problem);
  }
  const auto runs = runner.run_all(std::vector<Scenario>{s});
  REQUIRE_MESSAGE(runs.ok(), runs.message());
  const GoRun& go = runs.value().front().run;
  REQUIRE(go.outcome == "completed");
  CHECK(go.results == 4);
  // Other processes may slow Go down (on a loaded machine, a lot), never speed it up past
  // the calibrated rate.
  CHECK(go.elapsed_ms >= 0.9 * sim.virtual_ms);
  CHECK(go.elapsed_ms <= 10.0 * sim.virtual_ms);
}

TEST_CASE("Go timing notes: waits below Go's timer resolution are flagged in the listing") {
  Scenario s = find_preset("hello-pool").value();
  CHECK(go_timing_notes(s).empty());
  CHECK(export_go(s).source.find("// Note:") == std::string::npos);

  s.work.mean_ms = 0.01;  // 10µs I/O waits: Go's time.Sleep takes about 1 ms
  auto notes = go_timing_notes(s);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].find("10us") != std::string::npos);
  CHECK(notes[0].find("timer resolution") != std::string::npos);
  CHECK(export_go(s).source.find("// Note: Each job's I/O wait of 10us") != std::string::npos);

  s.work.kind = WorkKind::Cpu;  // computation has no timer: any length is fine
  CHECK(go_timing_notes(s).empty());

  s.load.rate = 5000;  // a job every 200µs
  notes = go_timing_notes(s);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].find("The gap between arrivals of 200us") == 0);
  CHECK(export_go(s).source.find("// Note: The gap between arrivals") != std::string::npos);

  s.load.arrival = Arrival::Burst;  // bursts of 10 sleep 2 ms between them
  s.load.burst_size = 10;
  CHECK(go_timing_notes(s).empty());
}
