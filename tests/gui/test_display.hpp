#pragma once
// One Xvfb X server for the whole test binary, instead of an `xvfb-run -a` per run of the
// app: the GUI harness (gui_harness.hpp) points each run's DISPLAY at it.
//
// - test_display() starts Xvfb (1920x1080x24, no TCP) the first time a test needs a
//   display. Xvfb picks a free display number itself (-displayfd), so binaries started at
//   once (ctest -j) never take the same one; a server that fails to start is tried again.
// - Before each run the harness calls it again, which puts the server back as a fresh one
//   is: the pointer where it started (a --press wheel moves it) and the keyboard focus
//   following the pointer. So a run sees the same server whichever test ran before it.
// - The server stops when the binary exits: the harness holds a connection to it, and
//   Xvfb runs with -terminate, so it also ends if the binary is killed.
// - Tests that need no display (run_gui_without_display) never start it.
#include <string>

namespace poolscope::test {

// ":N" for the shared server, ready for the next run; "" when it cannot be started, with
// the reason in `error`.
std::string test_display(std::string& error);

}  // namespace poolscope::test
