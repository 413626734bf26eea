#include <fmt/core.h>

#include "app/cli/commands.hpp"
#include "core/scenario/go_export.hpp"
#include "core/util/atomic_file.hpp"

namespace poolscope::cli {

namespace {
struct ExportArgs {
  ScenarioArgs scenario;
  std::string output;
};

int export_command(const ExportArgs& args) {
  auto resolved = args.scenario.resolve();
  if (!resolved) return report_bad_input(resolved.message());
  const scenario::GoProgram program = scenario::export_go(resolved.value());
  if (args.output.empty()) {
    fmt::print("{}", program.source);
    return kExitOk;
  }
  if (const std::string failure = util::write_file_atomically(args.output, program.source);
      !failure.empty()) {
    fmt::print(stderr, "poolscope-cli: {}\n", failure);
    return kExitFailure;
  }
  return kExitOk;
}
}  // namespace

CommandRunner add_export_go_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "export-go", "Write the scenario as a complete Go program (standard library only)");
  auto args = std::make_shared<ExportArgs>();
  args->scenario.add_to(*cmd);
  cmd->add_option("-o,--output", args->output, "Write to this file instead of stdout")
      ->check(non_empty());
  cmd->footer("Run the result with: go run main.go  (its last line is a JSON summary)");
  return [args] { return export_command(*args); };
}

}  // namespace poolscope::cli
