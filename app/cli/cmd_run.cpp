#include <fmt/core.h>

#include <memory>

#include "app/cli/commands.hpp"
#include "app/cli/jsonl_sink.hpp"
#include "app/cli/summary_format.hpp"

namespace poolscope::cli {

namespace {
struct RunArgs {
  ScenarioArgs scenario;
  std::string events_path;
  bool json = false;
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
  pool::PoolRun run(resolved.value(), {.sink = events.get()});
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
  cmd->add_flag("--json", args->json, "Print the summary as one JSON object");
  cmd->footer(
      "Exit code 0 whenever the simulation ran, whatever its outcome (deadlock and panic are "
      "results); 2 for bad input.");
  return [args] { return run_command(*args); };
}

}  // namespace poolscope::cli
