#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "app/cli/commands.hpp"
#include "core/pool/pool_run.hpp"
#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"
#include "core/util/process.hpp"

namespace poolscope::cli {

namespace {
struct BenchArgs {
  ScenarioArgs scenario;
  int jobs = 1'000'000;
  int repeats = 5;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

int bench_command(const BenchArgs& args) {
  scenario::Scenario s;
  if (!args.scenario.preset.empty() || !args.scenario.file.empty() || !args.scenario.sets.empty()) {
    auto resolved = args.scenario.resolve();
    if (!resolved) return report_bad_input(resolved.message());
    s = resolved.value();
  } else {
    // The seed's pool (3 workers, buffers of 100), with jobs sent by a producer
    // goroutine so that a million jobs flow without main blocking on results.
    s = scenario::find_preset("hello-pool").value();
    const std::vector<std::string> sets{"load.jobs=" + std::to_string(args.jobs), "work.mean_ms=0",
                                        "pool.collect=producer_goroutine",
                                        "pool.collect_count=all"};
    if (auto status = scenario::apply_overrides(s, sets); !status) {
      return report_bad_input(status.message());
    }
  }
  fmt::print("bench: scenario {} with {} jobs, {} workers, {} runs\n", s.id, s.load.jobs,
             s.pool.workers, args.repeats);
  std::vector<double> wall_s, jobs_per_s, events_per_s;
  pool::Summary last;
  for (int i = 0; i < args.repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    last = pool::run_to_end(s);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    wall_s.push_back(seconds);
    jobs_per_s.push_back(static_cast<double>(last.jobs_done) / seconds);
    events_per_s.push_back(static_cast<double>(last.events) / seconds);
    fmt::print("  run {}: {:.3f} s wall, {} jobs done, {} events\n", i + 1, seconds, last.jobs_done,
               last.events);
  }
  fmt::print("median: {:.3f} s wall   {:.2f} M jobs/s   {:.2f} M events/s   ({} events/job)\n",
             median(wall_s), median(jobs_per_s) / 1e6, median(events_per_s) / 1e6,
             last.jobs_done > 0 ? last.events / static_cast<std::uint64_t>(last.jobs_done) : 0);
  fmt::print("peak resident memory: {:.1f} MiB\n",
             static_cast<double>(util::peak_rss_kib()) / 1024.0);
  return kExitOk;
}
}  // namespace

CommandRunner add_bench_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "bench", "Measure the simulator: the seed's pool with a million jobs, events on");
  auto args = std::make_shared<BenchArgs>();
  args->scenario.add_to(*cmd, false);
  cmd->add_option("--jobs", args->jobs, "Jobs in the default benchmark (default 1000000)")
      ->check(CLI::Range(1, 100'000'000));
  cmd->add_option("--repeats", args->repeats, "Runs; the median is reported (default 5)")
      ->check(CLI::Range(1, 100));
  return [args] { return bench_command(*args); };
}

}  // namespace poolscope::cli
