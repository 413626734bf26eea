#pragma once
// Go runner: exports scenarios, builds them with the real Go toolchain and runs them, so
// tests can compare the simulator with Go (ARCHITECTURE.md, "Go fidelity").
//
// - Test support only (library poolscope_test_go_runner, linked by poolscope_tests): the
//   app and the CLI never run Go.
// - Needs `go` (1.19 or later) and `gofmt` on PATH: Debian's golang-go. Without them
//   run_all() fails with a message saying so; it never pretends to have run.
// - Builds every program of a batch with ONE `go build` into ONE multi-call binary: each
//   program becomes package pNNN of one module, its `package main` and `func main()`
//   renamed to `package pNNN` and `func Main()` (nothing else changes, and a package's
//   name has no effect at run time), and a small dispatcher runs the program named on
//   its command line. Linking once instead of once per program makes batches several
//   times faster. With multi_call off, every program is linked on its own, its main
//   renamed Main as well, beside a file with a main that calls it.
// - Once the program's Main returns, the runner's own main writes every goroutine's stack
//   to stderr (runtime.Stack): where the goroutines left behind wait. The exported programs
//   cannot: they stay inside the subset `poolscope-cli run-go` runs, without runtime.Stack.
// - Runs each program under `timeout`, a few at once.
// - Sets GO111MODULE=on, GOPROXY=off, GOTOOLCHAIN=local and GOFLAGS= for its own go
//   commands; GOCACHE (cache_dir), GOPATH and HOME go under work_dir when the
//   environment has none.
// - Blocking and POSIX-only (popen, timeout(1)). Call it from one thread at a time per
//   work_dir; different work_dirs may run concurrently.
// - parse_go_run() reads a program's output without running anything, so the format can
//   be tested without Go.
// - build_and_run_files() is the other way in, for hand-written programs (the Go corpus of
//   tests/golang): each file is built on its own exactly as a learner would build it,
//   `go build -o prog main.go` in GOPATH mode (GO111MODULE=off, GOPATH=options.gopath,
//   where Debian's golang-golang-x-sync-dev puts the real errgroup), so positions read
//   ./main.go and names main.T, and failed builds keep go build's exact messages.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario/go_export.hpp"
#include "core/scenario/result.hpp"
#include "core/scenario/scenario.hpp"

namespace poolscope::scenario {

// One goroutine as Go's traceback shows it.
struct GoGoroutine {
  int id = 0;            // Go's goroutine id; 1 is main
  std::string state;     // wait reason: "chan send", "chan receive", "semacquire", "select"...
  std::string function;  // innermost function in main.go, e.g. "main.worker", "main.handle.func1"
  int line = 0;          // its line in main.go; 0 when no frame is in main.go

  friend bool operator==(const GoGoroutine&, const GoGoroutine&) = default;
};

// What one run of an exported program reported.
struct GoRun {
  std::string outcome;         // "completed", "deadlock", "panic", "timeout", or "failed" (anything
                               // else: crash, unreadable output)
  int exit_status = 0;         // the process's exit status (2 for Go's fatal errors and panics)
  std::int64_t results = 0;    // results main received, over all requests
  std::int64_t leaked = 0;     // goroutines besides main alive after settling
  std::int64_t jobs_sent = 0;  // jobs handed over (sent on jobs, or started)
  std::int64_t jobs_done = 0;  // jobs whose work ran to its end
  std::int64_t max_concurrent = 0;      // most jobs in work at one instant
  std::int64_t completed_ok = 0;        // errgroup: jobs that succeeded
  std::int64_t cancelled = 0;           // errgroup: jobs cancelled mid-work
  std::int64_t skipped = 0;             // errgroup: jobs that found the context cancelled
  std::int64_t failed = 0;              // errgroup: jobs that returned their own error
  std::string error;                    // errgroup's first error; for a panic, its message
  std::vector<GoGoroutine> goroutines;  // deadlock/panic: every goroutine; completed: the
                                        // leaked ones (main's own running goroutine excluded)
  std::string stdout_text;              // everything the program printed
  std::string stderr_text;
  double wall_ms = 0.0;      // wall-clock time of the run
  double elapsed_ms = -1.0;  // completed: the program's own time from its start to main's
                             // return (before it settles); -1 when it printed none
};

// Reads a run from the program's output and exit status (pure; see the class comment).
GoRun parse_go_run(std::string_view stdout_text, std::string_view stderr_text, int exit_status);

struct GoRunnerOptions {
  std::filesystem::path work_dir;   // = (required) // sources, binaries, logs, GOPATH
  std::filesystem::path cache_dir;  // = work_dir/go-cache // GOCACHE if unset; share it
                                    //   between batches to compile each package once
  int run_timeout_s = 60;           // = 60         // limit on each program's run
  int build_timeout_s = 600;        // = 600        // limit on the batch's `go build`
  int parallel_runs = 2;            // = 2          // programs running at once
  bool multi_call = true;           // = true       // one binary for the batch (see above)
  std::filesystem::path gopath = "/usr/share/gocode";  // GOPATH of build_and_run_files()
};

// A hand-written single-file program of package main.
struct GoFile {
  std::string name;    // its directory under work_dir/files, e.g. "chan_buffered"
  std::string source;  // the whole file, written as main.go
};

// What `go build` and then the built binary made of a GoFile.
struct GoFileRun {
  std::string name;
  int build_status = -1;  // go build's exit status: 0 when built, 2 for compile errors
  std::string build_err;  // go build's stderr ("# command-line-arguments\n./main.go:3:8: ...")
  int exit_status = -1;   // the binary's exit status; -1 when not built or killed by a signal
  std::string stdout_text;
  std::string stderr_text;
  double wall_ms = 0.0;  // build and run
};

// One scenario's program and what Go made of it.
struct GoProgramRun {
  std::string name;          // its package directory and binary, e.g. "p004-forgot-close"
  Scenario scenario;         // as given
  GoProgram program;         // as exported
  bool gofmt_clean = false;  // `gofmt -l` had nothing to say about it
  GoRun run;
};

class GoRunner {
 public:
  explicit GoRunner(GoRunnerOptions options);

  // "" when `go` (1.19+) and `gofmt` run; otherwise what is missing and how to get it.
  std::string toolchain_problem() const;

  // Exports each scenario (which must be valid), checks gofmt, builds them all with one
  // `go build`, runs each, and returns them in the order given. Fails on a missing
  // toolchain, an unusable work_dir or a build error (with the compiler's output).
  Result<std::vector<GoProgramRun>> run_all(std::span<const Scenario> scenarios) const;

  // Builds every file on its own (`go build -o prog main.go` in its own directory, GOPATH
  // mode, see the class comment) and runs each binary that built, under `timeout`;
  // `parallel_runs` files at a time. Returns them in the order given. A program that does
  // not build is a result (build_status, build_err), not a failure; fails only on a
  // missing toolchain or an unusable work_dir.
  Result<std::vector<GoFileRun>> build_and_run_files(std::span<const GoFile> files) const;

 private:
  // The environment of our go commands: modules (run_all) or GOPATH mode (files).
  std::string go_env(bool modules = true) const;

  GoRunnerOptions options_;
};

}  // namespace poolscope::scenario
