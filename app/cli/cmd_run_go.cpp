// poolscope-cli run-go FILE.go: a learner's Go program on the simulator, shown as the
// built program would show it (its output, Go's panic and deadlock text, its exit code).
#include <fmt/core.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/jsonl_sink.hpp"
#include "core/golang/interp.hpp"
#include "core/sim/runtime.hpp"
#include "core/trace/sink.hpp"
#include "core/util/read_file.hpp"

namespace poolscope::cli {

namespace {

struct RunGoArgs {
  std::string file;
  std::int64_t seed = 1;
  bool json = false;
  std::string events_path;
  double max_virtual_s = 60;
  std::uint64_t max_steps = golang::kDefaultMaxSteps;
  std::int64_t max_memory_mib = golang::kDefaultMaxMemory >> 20;
};

nlohmann::json result_json(const golang::GoRunResult& r, std::uint64_t hash) {
  nlohmann::json leaked = nlohmann::json::array();
  for (const auto& g : r.leaked)
    leaked.push_back({{"name", g.name}, {"line", g.line}, {"wait", g.wait}});
  nlohmann::json j = {{"outcome", golang::to_string(r.outcome)},
                      {"exit_code", r.exit_code},
                      {"stdout", r.stdout_text},
                      {"stderr", r.stderr_text},
                      {"leaked", r.leaked.size()},
                      {"leaked_goroutines", leaked},
                      {"peak_goroutines", r.peak_goroutines},
                      {"virtual_ms", static_cast<double>(r.virtual_time) / 1e6},
                      {"events", r.events},
                      {"event_hash", fmt::format("{:016x}", hash)}};
  if (!r.stop_message.empty()) j["stop_message"] = r.stop_message;
  return j;
}

int run_go_command(const RunGoArgs& args) {
  const util::FileText source = util::read_text_file(args.file, "Go source file");
  if (!source.ok()) return report_bad_input(source.error);
  trace::FanoutSink sinks;
  trace::HashSink hash;
  sinks.add(hash);
  std::unique_ptr<JsonlSink> events;
  if (!args.events_path.empty()) {
    events = std::make_unique<JsonlSink>(args.events_path);
    if (!events->ok()) {
      fmt::print(stderr, "poolscope-cli: {}\n", events->error());
      return kExitFailure;
    }
    sinks.add(*events);
  }
  golang::GoRunOptions options;
  options.seed = static_cast<std::uint64_t>(args.seed);
  options.max_virtual = static_cast<trace::Time>(args.max_virtual_s * 1e9);
  options.max_steps = args.max_steps;
  options.max_memory = args.max_memory_mib << 20;
  options.sink = &sinks;
  options.on_start = [&](sim::Runtime& rt) {
    if (events) events->set_strings(&rt.strings());
  };
  if (!args.json) {  // the program's output as it goes, as a terminal shows it
    options.on_output = [](bool is_stderr, std::string_view text, trace::Time) {
      std::fwrite(text.data(), 1, text.size(), is_stderr ? stderr : stdout);
      std::fflush(is_stderr ? stderr : stdout);
    };
  }
  const golang::GoRunResult r = golang::run_go(source.text, options);
  if (events && !events->close()) {
    fmt::print(stderr, "poolscope-cli: {}\n", events->error());
    return kExitFailure;
  }
  if (args.json) {
    fmt::print("{}\n", result_json(r, hash.hash()).dump());
  } else {
    if (r.outcome == golang::GoOutcome::CompileError) fmt::print(stderr, "{}", r.stderr_text);
    if (!r.stop_message.empty()) fmt::print(stderr, "poolscope-cli: {}\n", r.stop_message);
  }
  return r.exit_code;
}

}  // namespace

CommandRunner add_run_go_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "run-go", "Run your own Go program (one file, package main) on the simulator");
  auto args = std::make_shared<RunGoArgs>();
  cmd->add_option("file", args->file, "The Go source file")->required()->check(non_empty());
  cmd->add_option("--seed", args->seed,
                  "Seed of select's choices, map order and math/rand (default 1)")
      ->check(CLI::Range(std::int64_t{0}, std::numeric_limits<std::int64_t>::max()));
  cmd->add_flag("--json", args->json,
                "Print one JSON object (outcome, output, leaks, figures) instead");
  cmd->add_option("--events", args->events_path, "Write every event to this file, as JSON lines")
      ->check(non_empty());
  cmd->add_option(
         "--max-virtual", args->max_virtual_s,
         "Stop a program still running after this much virtual time, in seconds (default 60)")
      ->check(CLI::Range(0.001, 1e6));
  cmd->add_option("--max-steps", args->max_steps,
                  "Stop a program after this many statements (default 1000000000), so a loop that "
                  "never blocks ends")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1'000'000'000'000}));
  cmd->add_option("--max-memory", args->max_memory_mib,
                  "Stop a program that would hold more than this many MiB of slices and strings "
                  "(default 2048), before the machine runs out of memory")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1} << 30));
  cmd->footer(
      "Exit code: the program's own (0; 2 for a panic, a deadlock or a compile error, as the "
      "built program and go build give; os.Exit's code), 2 for a program stopped at a limit, "
      "2 for bad input, 1 when a file cannot be written.");
  return [args] { return run_go_command(*args); };
}

}  // namespace poolscope::cli
