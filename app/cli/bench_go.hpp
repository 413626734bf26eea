#pragma once
// bench --go: the Go interpreter's speed and memory against the built-in programs.

namespace poolscope::cli {

// Prints the figures; returns 0 when every goal is met, 1 otherwise (2: bad input).
int bench_go(int jobs, int repeats);

}  // namespace poolscope::cli
