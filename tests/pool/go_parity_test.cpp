// Go parity (issue 4, item 6): every preset, scaled down, and a grid of pools run both on
// the simulator and, exported, on the real Go runtime; what Go guarantees must agree.
//
// Compared: the outcome; results, leaked goroutines, jobs sent and done; the lines where
// the leaked (or deadlocked) goroutines wait; the concurrency bound (never above it on
// either side, and equal where the work is long enough for Go to reach it surely); the
// errgroup error, failures, and the job counts where they do not depend on timing; and
// the end: the time main returned (virtual_ms) against the Go program's own clock.
// Figures are as of main's return on both sides. Never an interleaving. One `go build` for the
// whole batch (GoRunner); the Go cache lives in the build tree and is reused between runs.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "core/sim/report.hpp"
#include "tests/pool/go_parity_cases.hpp"
#include "tests/pool/pool_support.hpp"
#include "tests/support/go_runner.hpp"

using namespace poolscope;
using go_parity::bound;
using go_parity::Case;
using go_parity::cases;
using go_parity::label;

namespace {

// Lines where the goroutines left blocked wait, sorted.
std::vector<int> sim_blocked_lines(const sim::Report& report) {
  std::vector<int> lines;
  for (const auto& g : report.blocked) lines.push_back(g.line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

std::vector<int> go_blocked_lines(const scenario::GoRun& run) {
  std::vector<int> lines;
  for (const auto& g : run.goroutines) lines.push_back(g.line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

// Jobs done and handed over on the simulator after main returned but within `window` of
// it. Go's clock is not that exact: its program may have counted them before main's
// return (a worker whose timer fired at the same instant, say).
struct NearReturn {
  std::int64_t done = 0;
  std::int64_t sent = 0;
};

NearReturn near_return(const std::vector<trace::Event>& events, trace::Time window) {
  NearReturn near;
  const auto exit = std::find_if(events.begin(), events.end(), [](const trace::Event& e) {
    return e.kind == trace::EventKind::MainExit;
  });
  if (exit == events.end()) return near;
  for (auto it = exit; it != events.end() && it->time <= exit->time + window; ++it) {
    if (it->kind != trace::EventKind::Job) continue;
    const auto phase = static_cast<trace::JobPhase>(it->detail);
    if (phase == trace::JobPhase::Done) ++near.done;
    if (phase == trace::JobPhase::Created) ++near.sent;
  }
  return near;
}

// `go` is `sim`, or above it by at most `late`: what the simulator counted just after
// main's return.
bool within(std::int64_t go, std::int64_t sim, std::int64_t late) {
  return go >= sim && go <= sim + late;
}

// Next to the test binary, in the build tree, beside the scenario suite's batches (the
// Go cache is shared with them).
std::filesystem::path work_root() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  const auto base = ec ? std::filesystem::temp_directory_path() : exe.parent_path();
  return base / "go-parity";
}

}  // namespace

TEST_CASE("Pool.GoParity: the simulator and the Go runtime agree on every preset and a grid") {
  const std::vector<Case> all = cases();
  std::vector<scenario::Scenario> scenarios;
  for (const auto& c : all) scenarios.push_back(c.scenario);

  scenario::GoRunnerOptions options;
  options.work_dir = work_root() / "pool-simulator";
  options.cache_dir = work_root() / "go-cache";
  options.run_timeout_s = 30;
  const scenario::GoRunner runner(options);
  const std::string problem = runner.toolchain_problem();
  REQUIRE_MESSAGE(problem.empty(), "Go parity needs the Go toolchain: " << problem);
  auto ran = runner.run_all(scenarios);
  REQUIRE_MESSAGE(ran.ok(), ran.message());
  const auto& runs = ran.value();
  REQUIRE(runs.size() == all.size());

  for (std::size_t i = 0; i < all.size(); ++i) {
    const Case& c = all[i];
    const scenario::Scenario& s = c.scenario;
    const scenario::GoRun& go = runs[i].run;
    trace::VectorSink events;
    pool::PoolRun sim_run(s, {.sink = &events});
    sim_run.run();
    const pool::Summary sim = sim_run.summary();
    const sim::Report& report = sim_run.runtime().report();
    CAPTURE(label(s, i));
    CAPTURE(go.stderr_text.substr(0, 2000));

    CHECK(runs[i].gofmt_clean);
    REQUIRE(go.outcome == std::string(trace::to_string(sim.outcome)));
    if (go.outcome == "deadlock") {
      CHECK(go_blocked_lines(go) == sim_blocked_lines(report));
      continue;
    }
    if (go.outcome != "completed") continue;

    CHECK(go.leaked == sim.leaked);
    if (sim.leaked > 0) CHECK(go_blocked_lines(go) == sim_blocked_lines(report));
    // The end is main's return: Go's sleeps only ever last longer than asked, so its
    // clock reads at least the simulator's, and not much more (on a busy machine, up to
    // twice as much). Where the simulator ran on long after main returned, Go's clock
    // must stop nearer main's return than that later end. CPU-bound work is an amount of
    // computation calibrated at the program's start, which is good to a few percent (a
    // core's speed changes with what its hyperthread sibling runs); other processes
    // stretch it more than they stretch sleeps.
    const double program_end_ms = static_cast<double>(sim_run.program_end()) / 1e6;
    const double run_end_ms = static_cast<double>(report.time) / 1e6;
    CHECK(sim.virtual_ms == doctest::Approx(program_end_ms));
    if (c.figures_exact) {
      const bool cpu = s.work.kind == scenario::WorkKind::Cpu;
      CHECK(go.elapsed_ms >= (cpu ? 0.9 : 1.0) * sim.virtual_ms - 0.01);
      CHECK(go.elapsed_ms <= (cpu ? 5 : 2) * sim.virtual_ms + 100);
      if (run_end_ms - program_end_ms >= 200) {
        CHECK(go.elapsed_ms < (program_end_ms + run_end_ms) / 2);
      }
    }
    const NearReturn near = near_return(events.events, 2 * trace::kMillisecond);
    if (s.pool.mode == scenario::Mode::Errgroup) {
      // Every job goes through g.Go; only successes are results (and jobs done).
      CHECK(go.jobs_sent == sim.jobs_sent);
      CHECK(go.results == go.completed_ok);
      CHECK(go.jobs_done == go.completed_ok);
      CHECK(sim.results == sim.completed_ok);
      CHECK(sim.jobs_done == sim.completed_ok);
    } else if (c.figures_exact) {
      CHECK(go.results == sim.results);
      CHECK(within(go.jobs_sent, sim.jobs_sent, near.sent));
      CHECK(within(go.jobs_done, sim.jobs_done, near.done));
    } else {
      CHECK(go.results == go.jobs_sent);
      CHECK(sim.results == sim.jobs_sent);
    }

    const std::int64_t b = bound(s);
    CHECK(go.max_concurrent <= b);
    CHECK(sim.max_concurrent <= b);
    if (c.reaches_bound) {
      CHECK(sim.max_concurrent == b);
      CHECK(go.max_concurrent == b);
    }

    if (s.pool.mode == scenario::Mode::Errgroup) {
      CHECK(go.error == sim.error);
      CHECK(go.failed == sim.failed);
      CHECK(go.completed_ok + go.cancelled + go.skipped + go.failed == s.load.jobs);
      CHECK(sim.completed_ok + sim.cancelled + sim.skipped + sim.failed == s.load.jobs);
      if (c.errgroup_exact) {
        CHECK(go.results == sim.results);
        CHECK(go.completed_ok == sim.completed_ok);
        CHECK(go.cancelled == sim.cancelled);
        CHECK(go.skipped == sim.skipped);
      }
    }
  }
}
