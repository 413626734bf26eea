// poolscope-bench_pool: the seed's pool (3 workers, buffers of 100) through the whole
// stack (PoolRun: simulator, metrics, event hash) with a million instantaneous jobs.
//
//   poolscope-bench_pool [JOBS] [REPEATS]      defaults: 1000000 5
//
// Jobs go out from a producer goroutine (collect "producer_goroutine") so that a million
// of them flow without main blocking on results it has not read yet (with the seed's
// "after_send", more than 203 jobs deadlock: that is lesson 5). Prints each run and the
// medians of jobs/s and events/s.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/pool/pool_run.hpp"
#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  using namespace poolscope;
  const long jobs = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 1'000'000;
  const long repeats = argc > 2 ? std::strtol(argv[2], nullptr, 10) : 5;
  if (jobs < 1 || jobs > 100'000'000 || repeats < 1 || repeats > 100) {
    fmt::print(stderr, "usage: poolscope-bench_pool [JOBS 1..100000000] [REPEATS 1..100]\n");
    return 2;
  }
  scenario::Scenario s = scenario::find_preset("hello-pool").value();
  const std::vector<std::string> sets{"load.jobs=" + std::to_string(jobs), "work.mean_ms=0",
                                      "load.rate=0", "pool.collect=producer_goroutine"};
  if (const auto status = scenario::apply_overrides(s, sets); !status) {
    fmt::print(stderr, "poolscope-bench_pool: {}\n", status.message());
    return 2;
  }

  fmt::print("hello-pool, {} workers, {} instantaneous jobs, events on (metrics + hash)\n",
             s.pool.workers, jobs);
  std::vector<double> jobs_per_s;
  std::vector<double> events_per_s;
  for (long i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const pool::Summary summary = pool::run_to_end(s);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (summary.results != jobs || summary.outcome != trace::Outcome::Completed) {
      fmt::print(stderr, "poolscope-bench_pool: wrong run: {} results of {}\n", summary.results,
                 jobs);
      return 1;
    }
    jobs_per_s.push_back(static_cast<double>(summary.jobs_done) / seconds);
    events_per_s.push_back(static_cast<double>(summary.events) / seconds);
    fmt::print("  run {}: {:.3f} s, {} events ({:.1f} per job), hash {:016x}\n", i + 1, seconds,
               summary.events,
               static_cast<double>(summary.events) / static_cast<double>(summary.jobs_done),
               summary.event_hash);
  }
  fmt::print("median of {}: {:.2f} M jobs/s, {:.2f} M events/s\n", repeats,
             median(jobs_per_s) / 1e6, median(events_per_s) / 1e6);
  return 0;
}
