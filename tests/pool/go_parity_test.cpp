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
#include "tests/pool/pool_support.hpp"
#include "tests/support/go_runner.hpp"

using namespace poolscope;
using pool_test::preset;

namespace {

struct Case {
  scenario::Scenario scenario;
  bool figures_exact = true;    // jobs_sent/results do not depend on timing or randomness
  bool reaches_bound = false;   // Go surely reaches the concurrency bound
  bool errgroup_exact = false;  // ok/cancelled/skipped do not depend on timing
};

std::string label(const scenario::Scenario& s, std::size_t index) {
  return std::to_string(index) + ":" + s.id;
}

Case make(std::string id, const std::string& base, std::vector<std::string> sets) {
  Case c{preset(base, sets)};
  c.scenario.id = std::move(id);
  return c;
}

// The most jobs that can be in work at once.
std::int64_t bound(const scenario::Scenario& s) {
  std::int64_t b = s.pool.mode == scenario::Mode::Unbounded ? s.load.jobs : s.pool.workers;
  if (s.pool.resource_limit > 0) b = std::min<std::int64_t>(b, s.pool.resource_limit);
  return b;
}

// The presets, scaled down so Go runs them in milliseconds.
void add_preset_cases(std::vector<Case>& all) {
  {
    Case c = make("hello-pool", "hello-pool", {"work.mean_ms=20"});
    c.reaches_bound = true;
    all.push_back(c);
  }
  all.push_back(
      make("backpressure", "backpressure", {"load.jobs=12", "load.rate=200", "work.mean_ms=20"}));
  all.back().reaches_bound = true;
  all.push_back(make("unbounded-vs-pool", "unbounded-vs-pool",
                     {"load.jobs=200", "work.mean_ms=20", "work.payload_kb=16"}));
  all.push_back(make("forgot-close", "forgot-close", {"work.mean_ms=10"}));
  all.push_back(make("results-deadlock", "results-deadlock", {"work.mean_ms=10"}));
  all.push_back(
      make("size-to-bottleneck", "size-to-bottleneck", {"load.jobs=30", "work.mean_ms=20"}));
  all.back().reaches_bound = true;
  all.push_back(make("errgroup-limit", "errgroup-limit", {"work.mean_ms=40"}));
  // Unscaled: main returns at 1.5 s, while cancelled jobs' time.After timers run to 2 s.
  all.push_back(make("errgroup-limit-full", "errgroup-limit", {}));
  {
    Case c =
        make("queueing", "queueing", {"load.duration_s=0.5", "work.mean_ms=10", "load.rate=200"});
    c.figures_exact = false;  // endless: how many jobs arrive by the deadline is timing
    all.push_back(c);
  }
}

void add_grid_cases(std::vector<Case>& all) {
  // The grid: every collection strategy with close(jobs) on and off, walking through
  // worker counts 1..4, jobs buffers 0/1/5 and results buffers 0/1/5/100.
  const std::vector<std::string> collects{"after_send", "wait_then_range", "closer_goroutine",
                                          "producer_goroutine", "none"};
  const int jobs_buffers[] = {0, 1, 5};
  const int results_buffers[] = {0, 1, 5, 100};
  int i = 0;
  for (const auto& collect : collects) {
    for (const bool close : {true, false}) {
      const int workers = 1 + i % 4;
      const int jobs_buffer = jobs_buffers[i % 3];
      const int results_buffer = results_buffers[(i / 2) % 4];
      ++i;
      all.push_back(make(
          "grid-" + collect + (close ? "-close" : "-open"), "hello-pool",
          {"pool.collect=" + collect, std::string("pool.close_jobs=") + (close ? "true" : "false"),
           "pool.workers=" + std::to_string(workers),
           "pool.jobs_buffer=" + std::to_string(jobs_buffer),
           "pool.results_buffer=" + std::to_string(results_buffer), "load.jobs=7",
           "work.mean_ms=5"}));
    }
  }
  for (const int workers : {1, 2, 3, 4}) {
    Case c = make("grid-workers-" + std::to_string(workers), "hello-pool",
                  {"pool.workers=" + std::to_string(workers), "load.jobs=8", "work.mean_ms=20",
                   "pool.jobs_buffer=1", "pool.collect=closer_goroutine"});
    c.reaches_bound = true;
    all.push_back(c);
  }
  all.push_back(make("grid-early-return", "hello-pool",
                     {"pool.collect=producer_goroutine", "pool.collect_count=2",
                      "pool.results_buffer=0", "work.mean_ms=5"}));
  all.push_back(
      make("grid-range-unclosed", "hello-pool", {"pool.collect_count=-1", "work.mean_ms=5"}));
  // main returns with the first result at 100 ms; the worker goes on with four more jobs
  // until 500 ms and then blocks on `range jobs` for good, beside the closer.
  all.push_back(make("grid-main-returns-first", "hello-pool",
                     {"pool.workers=1", "pool.jobs_buffer=10", "pool.collect=producer_goroutine",
                      "pool.close_jobs=false", "pool.collect_count=1", "work.mean_ms=100"}));
  all.push_back(make("grid-producers", "hello-pool",
                     {"load.producers=3", "load.jobs=10", "load.rate=500", "work.mean_ms=5",
                      "pool.collect=producer_goroutine"}));
  all.push_back(make("grid-burst", "hello-pool",
                     {"load.arrival=burst", "load.burst_size=3", "load.rate=300", "load.jobs=9",
                      "work.mean_ms=5", "pool.collect=closer_goroutine"}));
  all.push_back(
      make("grid-requests", "hello-pool",
           {"load.requests=3", "pool.close_jobs=false", "work.mean_ms=5", "pool.workers=2"}));
}

void add_mode_cases(std::vector<Case>& all) {
  // Unbounded mode with each strategy, and a resource limit.
  for (const std::string collect : {"after_send", "wait_then_range", "closer_goroutine", "none"}) {
    all.push_back(make("unbounded-" + collect, "hello-pool",
                       {"pool.mode=unbounded", "pool.collect=" + collect, "load.jobs=6",
                        "work.mean_ms=5", "pool.results_buffer=2"}));
  }
  {
    Case c = make("unbounded-db", "hello-pool",
                  {"pool.mode=unbounded", "load.jobs=20", "pool.resource_limit=3",
                   "work.mean_ms=20", "pool.collect=closer_goroutine"});
    c.reaches_bound = true;
    all.push_back(c);
  }
  {
    Case c = make("pool-db", "hello-pool",
                  {"pool.workers=6", "load.jobs=20", "pool.resource_limit=2", "work.mean_ms=20"});
    c.reaches_bound = true;
    all.push_back(c);
  }

  // CPU-bound work.
  all.push_back(
      make("cpu-pool", "hello-pool",
           {"work.kind=cpu", "pool.cpus=2", "pool.workers=3", "load.jobs=6", "work.mean_ms=5"}));

  // errgroup: with and without a failing job, limits 1..3, a resource limit, cpu and io.
  for (const int fail : {0, 2, 5}) {
    Case c = make("errgroup-limit1-fail" + std::to_string(fail), "errgroup-limit",
                  {"pool.workers=1", "load.jobs=6", "work.mean_ms=5",
                   "pool.fail_job=" + std::to_string(fail)});
    c.errgroup_exact = true;
    all.push_back(c);
  }
  {
    Case c = make("errgroup-nofail", "errgroup-limit",
                  {"pool.fail_job=0", "work.mean_ms=20", "load.jobs=9"});
    c.errgroup_exact = true;
    c.reaches_bound = true;
    all.push_back(c);
  }
  all.push_back(make("errgroup-db", "errgroup-limit",
                     {"pool.workers=3", "pool.resource_limit=2", "work.mean_ms=20"}));
  {
    Case c = make("errgroup-cpu", "errgroup-limit",
                  {"work.kind=cpu", "pool.cpus=2", "pool.workers=1", "load.jobs=5",
                   "pool.fail_job=3", "work.mean_ms=5"});
    c.errgroup_exact = true;
    all.push_back(c);
  }
}

std::vector<Case> cases() {
  std::vector<Case> all;
  add_preset_cases(all);
  add_grid_cases(all);
  add_mode_cases(all);
  return all;
}

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
