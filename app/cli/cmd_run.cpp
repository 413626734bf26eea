#include <fmt/core.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>

#include "app/cli/commands.hpp"
#include "app/cli/jsonl_sink.hpp"
#include "app/cli/summary_format.hpp"

namespace poolscope::cli {

namespace {
// With --events, a run stops after this many events unless --max-events says otherwise:
// about 1.3 GB of JSON lines (some 130 bytes an event).
constexpr std::uint64_t kDefaultMaxEventsWritten = 10'000'000;

struct RunArgs {
  ScenarioArgs scenario;
  std::string events_path;
  bool json = false;
  std::size_t max_goroutines = sim::kDefaultMaxGoroutines;
  std::optional<std::uint64_t> max_events;
};

int run_command(const RunArgs& args) {
  auto resolved = args.scenario.resolve();
  if (!resolved) return report_bad_input(resolved.message());
  std::unique_ptr<JsonlSink> events;
  if (!args.events_path.empty()) {
    events = std::make_unique<JsonlSink>(args.events_path);
    if (!events->ok()) {
      fmt::print(stderr, "poolscope-cli: {}\n", events->error());
      return kExitFailure;
    }
  }
  // The events budget guards the event log: without --events nothing is kept per event.
  const std::uint64_t max_events =
      args.max_events.value_or(events ? kDefaultMaxEventsWritten : std::uint64_t{0});
  pool::PoolRun run(resolved.value(), {.sink = events.get(),
                                       .max_goroutines = args.max_goroutines,
                                       .max_events = max_events,
                                       .keep_exited = false});
  if (events) events->set_strings(&run.runtime().strings());
  run.run();
  const pool::Summary summary = run.summary();
  if (events && !events->close()) {
    fmt::print(stderr, "poolscope-cli: {}\n", events->error());
    return kExitFailure;
  }
  if (args.json) {
    fmt::print("{}\n", summary_json(summary).dump());
  } else {
    fmt::print("{}", summary_text(run, summary));
  }
  return kExitOk;
}
}  // namespace

CommandRunner add_run_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("run", "Run a scenario to its end and print what happened");
  auto args = std::make_shared<RunArgs>();
  args->scenario.add_to(*cmd);
  cmd->add_option("--events", args->events_path, "Write every event to this file, as JSON lines")
      ->check(non_empty());
  cmd->add_option("--max-goroutines", args->max_goroutines,
                  "Stop the run (outcome \"stopped\") when a spawn would make more goroutines "
                  "alive than this (default 1000000, about 1 GB)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000'000}));
  cmd->add_option("--max-events", args->max_events,
                  "Stop the run (outcome \"stopped\") after this many events (default: "
                  "10000000 with --events, about 1.3 GB of JSON lines; none without)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1'000'000'000'000}));
  cmd->add_flag("--json", args->json, "Print the summary as one JSON object");
  cmd->footer(
      "Exit code 0 whenever the simulation ran, whatever its outcome (deadlock and panic are "
      "results; so is \"stopped\", a limit reached: the summary names it); 2 for bad input.");
  return [args] { return run_command(*args); };
}

}  // namespace poolscope::cli
