#pragma once
// Runs a shell command and captures what it prints and how it exits: the one helper the
// test harnesses (tests/cli/cli_harness.hpp, tests/gui/gui_harness.hpp) and tests that
// run other programs (ffprobe) share. POSIX only; any thread, one command at a time each.
#include <string>

namespace poolscope::test {

struct CommandRun {
  int exit_code = -1;  // -1 when the command could not run or was ended by a signal
  std::string out;     // stdout, and stderr too when Stderr::Merged
  std::string err;     // stderr when Stderr::Apart
};

enum class Stderr {
  Merged,  // into `out`, interleaved as written (the shell's 2>&1)
  Apart,   // into `err`
};

// Runs `command` with /bin/sh -c (so it is already shell-quoted), in this process's
// environment, and waits for it.
CommandRun run_command(const std::string& command, Stderr stderr_mode = Stderr::Merged);

}  // namespace poolscope::test
