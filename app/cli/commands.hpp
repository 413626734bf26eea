#pragma once
// poolscope-cli's commands. Each command registers itself on the CLI11 app and
// runs when chosen.
//
// - Exit codes: 0 for every simulation that ran, whatever its outcome (a
//   deadlock is a result, not a failure); 2 for bad input, with one line on
//   stderr per problem; 1 when the environment fails (a file cannot be written).
// - Scenario selection is shared: --preset ID | --scenario FILE, then every
//   --set KEY=VALUE in order, then --seed.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/scenario/result.hpp"
#include "core/scenario/scenario.hpp"

namespace poolscope::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

// Options that pick a scenario, shared by run, sweep, export-go and bench.
struct ScenarioArgs {
  std::string preset;
  std::string file;
  std::vector<std::string> sets;
  // Signed, so that "--seed -1" is reported as -1 (out of range), not as 2^64 - 1.
  std::optional<std::int64_t> seed;

  void add_to(CLI::App& command, bool required = true);
  // The scenario these options describe, or every problem with them.
  scenario::Result<scenario::Scenario> resolve() const;
};

// For a file or name option: an empty value (`--events ""`) is bad input, not "none".
inline CLI::Validator non_empty() {
  return {[](std::string& text) -> std::string {
            return text.empty() ? std::string("the value is empty; give a name") : "";
          },
          "", "non-empty"};
}

// Prints each message as "poolscope-cli: <message>" on stderr; returns kExitBadInput.
int report_bad_input(const std::string& messages);

// A registered command: `run` is called when the command was chosen.
using CommandRunner = std::function<int()>;

CommandRunner add_presets_command(CLI::App& app);
CommandRunner add_run_command(CLI::App& app);
CommandRunner add_sweep_command(CLI::App& app);
CommandRunner add_export_go_command(CLI::App& app);
CommandRunner add_bench_command(CLI::App& app);
CommandRunner add_run_go_command(CLI::App& app);

}  // namespace poolscope::cli
