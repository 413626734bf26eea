#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "app/cli/bench_go.hpp"
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
  bool soak = false;
  bool go = false;
  int hours = 24;
  double rate = 200;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Resident memory now (VmRSS) in KiB, -1 when /proc cannot tell.
long rss_kib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmRSS:")) return std::stol(line.substr(6));
  }
  return -1;
}

// An endless load of one goroutine per job for `hours` of virtual time, RSS printed
// every virtual hour: memory must follow the goroutines alive (about 12), not the
// millions spawned. Fails (exit 1) when RSS after the first hour grows by over 10%.
int soak_command(const BenchArgs& args) {
  // Work of 12 / rate seconds keeps about 12 job goroutines alive, whatever the rate.
  scenario::Scenario s = scenario::find_preset("unbounded-vs-pool").value();
  const std::vector<std::string> sets{"load.jobs=0",
                                      "load.duration_s=" + std::to_string(args.hours * 3600),
                                      "load.rate=" + fmt::format("{}", args.rate),
                                      "work.mean_ms=" + fmt::format("{}", 12'000.0 / args.rate)};
  if (auto status = scenario::apply_overrides(s, sets); !status) {
    return report_bad_input(status.message());
  }
  fmt::print("soak: {} h of virtual time, {} jobs/s, one goroutine per job ({} ms each)\n",
             args.hours, args.rate, 12'000.0 / args.rate);
  fmt::print("{:>5} {:>9} {:>14} {:>6} {:>10} {:>10}\n", "hour", "wall s", "spawned", "alive",
             "RSS MiB", "peak MiB");
  pool::PoolRun run(s, {.keep_exited = false});
  const auto start = std::chrono::steady_clock::now();
  long baseline = 0;
  long highest = 0;
  for (int h = 1; h <= args.hours && !run.finished(); ++h) {
    run.run_until(trace::Time{h} * 3600 * trace::kSecond);
    const long rss = rss_kib();
    if (h == 1) baseline = rss;
    highest = std::max(highest, rss);
    fmt::print("{:>5} {:>9.1f} {:>14} {:>6} {:>10.1f} {:>10.1f}\n", h,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
               run.runtime().goroutine_count(), run.runtime().live_goroutines(),
               static_cast<double>(rss) / 1024.0,
               static_cast<double>(util::peak_rss_kib()) / 1024.0);
    std::fflush(stdout);
  }
  const bool flat =
      baseline > 0 && static_cast<double>(highest) <= 1.1 * static_cast<double>(baseline);
  fmt::print("RSS after hour 1: {:.1f} MiB, highest later: {:.1f} MiB: {}\n",
             static_cast<double>(baseline) / 1024.0, static_cast<double>(highest) / 1024.0,
             flat ? "flat within 10%" : "GROWS by more than 10%");
  return flat ? kExitOk : kExitFailure;
}

int bench_command(const BenchArgs& args) {
  if (args.soak) return soak_command(args);
  if (args.go) return bench_go(args.jobs, args.repeats);
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
  cmd->add_flag("--soak", args->soak,
                "Instead: an endless load of one goroutine per job, RSS printed every virtual "
                "hour; exit 1 unless it stays within 10% of the first hour's");
  cmd->add_flag(
      "--go", args->go,
      "Instead: the Go interpreter (run-go) against the built-in program on the seed's "
      "pool, memory of 10,000 goroutines, 100 million additions; exit 1 if a goal is missed");
  cmd->add_option("--hours", args->hours, "Soak: hours of virtual time (default 24)")
      ->check(CLI::Range(1, 24));
  cmd->add_option("--rate", args->rate,
                  "Soak: jobs per second (default 200: 24 h, 17 million goroutines, in about a "
                  "minute)")
      ->check(CLI::Range(1.0, 100'000.0));
  return [args] { return bench_command(*args); };
}

}  // namespace poolscope::cli
