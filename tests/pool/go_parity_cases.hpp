#pragma once
// The Go parity grid (issue 4, item 6): every preset, scaled down, and a grid of pools,
// with what Go guarantees about each. Shared by the parity with the real Go runtime
// (tests/pool/go_parity_test.cpp) and the parity of run-go with the built-in programs
// (tests/golang/export_parity_test.cpp), so both walk the same scenarios.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/scenario/scenario.hpp"
#include "tests/pool/pool_support.hpp"

namespace go_parity {

namespace scenario = poolscope::scenario;
using pool_test::preset;

struct Case {
  scenario::Scenario scenario;
  bool figures_exact = true;    // jobs_sent/results do not depend on timing or randomness
  bool reaches_bound = false;   // Go surely reaches the concurrency bound
  bool errgroup_exact = false;  // ok/cancelled/skipped do not depend on timing
};

inline std::string label(const scenario::Scenario& s, std::size_t index) {
  return std::to_string(index) + ":" + s.id;
}

inline Case make(std::string id, const std::string& base, std::vector<std::string> sets) {
  Case c{preset(base, sets)};
  c.scenario.id = std::move(id);
  return c;
}

// The most jobs that can be in work at once.
inline std::int64_t bound(const scenario::Scenario& s) {
  std::int64_t b = s.pool.mode == scenario::Mode::Unbounded ? s.load.jobs : s.pool.workers;
  if (s.pool.resource_limit > 0) b = std::min<std::int64_t>(b, s.pool.resource_limit);
  return b;
}

// The presets, scaled down so Go runs them in milliseconds.
inline void add_preset_cases(std::vector<Case>& all) {
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

inline void add_grid_cases(std::vector<Case>& all) {
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

inline void add_mode_cases(std::vector<Case>& all) {
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

inline std::vector<Case> cases() {
  std::vector<Case> all;
  add_preset_cases(all);
  add_grid_cases(all);
  add_mode_cases(all);
  return all;
}

}  // namespace go_parity
