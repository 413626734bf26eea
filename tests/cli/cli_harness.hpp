#pragma once
// Runs the real poolscope-cli binary and captures what it prints.
#include <string>

namespace poolscope::test {

struct CliRun {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// `args` are passed to a shell, already quoted as needed.
CliRun run_cli(const std::string& args);

}  // namespace poolscope::test
