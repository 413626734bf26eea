#include "tests/cli/cli_harness.hpp"

#include "tests/support/process.hpp"

namespace poolscope::test {

CliRun run_cli(const std::string& args) {
  CommandRun run = run_command(std::string(POOLSCOPE_CLI) + " " + args, Stderr::Apart);
  return {run.exit_code, std::move(run.out), std::move(run.err)};
}

}  // namespace poolscope::test
