#pragma once
// Running a checked Go program (check.hpp) on core/sim: the learner's own code.
//
//   GoRunOptions options;                    // seed, limits, an event sink
//   GoRunResult r = run_go(source, options); // what `go build && ./main` would show
//   std::cout << r.stdout_text; std::cerr << r.stderr_text; return r.exit_code;
//
// Contract
// - Each goroutine of the program is a core/sim goroutine: its channel operations,
//   sleeps, WaitGroups, Mutexes and timers are sim operations with the program's source
//   lines, so a run emits the events every view reads. Computation takes no virtual
//   time (as on the Go Playground); sleeps, timers and timeouts move the clock.
// - Same source, same seed: same output and same events, bit for bit. Select's choice,
//   map iteration order and math/rand draw from streams of the seed.
// - Output is Go's: fmt's formatting, panics as `panic: ...` with the goroutine list,
//   `fatal error: all goroutines are asleep - deadlock!`, exit codes 0, 2 (panic, fatal
//   error) or os.Exit's code. Once main returns the program is over: other goroutines
//   print nothing more (they run on only so that leaked ones can be told apart).
// - A program that never ends stops (GoOutcome::Stopped, with a message) at
//   max_virtual of virtual time or after max_steps statements, never hanging the caller.
// - Not thread-safe; a run owns its sim::Runtime.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/golang/check.hpp"
#include "core/trace/event.hpp"
#include "core/trace/sink.hpp"

namespace poolscope::sim {
class Runtime;
struct Config;
}  // namespace poolscope::sim

namespace poolscope::golang {

inline constexpr std::uint64_t kDefaultMaxSteps = 1'000'000'000;
inline constexpr std::int64_t kDefaultMaxMemory = std::int64_t{2} << 30;  // 2 GiB

struct GoRunOptions {
  std::uint64_t seed = 1;
  trace::Time max_virtual = 60 * trace::kSecond;  // a run still going then is Stopped
  std::uint64_t max_steps = kDefaultMaxSteps;     // statements and calls, all goroutines
  // Bytes of slices and strings held at once (t_held_bytes: this thread's runs together);
  // a run that would hold more is Stopped, before the machine runs out of memory.
  std::int64_t max_memory = kDefaultMaxMemory;
  trace::EventSink* sink = nullptr;  // the run's events (may be null)
  // Called once the run's Runtime exists, before anything runs (e.g. to give an event
  // writer the Runtime's string table).
  std::function<void(sim::Runtime&)> on_start;
  // Each piece of output as it is written, with the virtual time (the console's feed).
  std::function<void(bool is_stderr, std::string_view text, trace::Time at)> on_output;
};

enum class GoOutcome : std::uint8_t { Completed, Deadlock, Panic, Exit, CompileError, Stopped };
[[nodiscard]] std::string_view to_string(GoOutcome o) noexcept;  // "completed", ...

struct LeakedGoroutine {
  std::string name;  // "worker 2"
  int line = 0;
  std::string wait;  // Go's wait reason: "chan send", "chan receive", ...
  friend bool operator==(const LeakedGoroutine&, const LeakedGoroutine&) = default;
};

struct GoRunResult {
  GoOutcome outcome = GoOutcome::Completed;
  int exit_code = 0;
  std::string stdout_text;
  std::string stderr_text;
  std::vector<Diagnostic> diagnostics;  // CompileError: Go's messages
  std::vector<LeakedGoroutine> leaked;  // blocked forever when main returned
  std::size_t peak_goroutines = 0;
  trace::Time virtual_time = 0;  // when main returned (or the run ended otherwise)
  std::uint64_t steps = 0;
  std::uint64_t events = 0;
  std::string stop_message;  // Stopped: why, in a sentence
};

// A program checked and prepared to run (shared by runs, e.g. the GUI's reruns).
class Program;
struct Compiled {
  std::shared_ptr<const Program> program;  // null when diagnostics are not empty
  std::vector<Diagnostic> diagnostics;
};
[[nodiscard]] Compiled compile_go(std::string_view source);

// Checks, compiles and runs `source` to its end (or a limit).
[[nodiscard]] GoRunResult run_go(std::string_view source, const GoRunOptions& options);

// The configuration of a Runtime that runs Go source: the seed and limits of `options`,
// and senders that panic themselves (Config::senders_panic_themselves, so that recover
// sees "send on closed channel"). A GoMachine needs a Runtime made with it.
[[nodiscard]] sim::Config runtime_config(const GoRunOptions& options);

// A run on a Runtime the caller drives (the GUI steps it with run_until), made with
// runtime_config(): start() spawns main; result() describes the run so far (final once
// the Runtime finished).
class GoMachine {
 public:
  GoMachine(std::shared_ptr<const Program> program, sim::Runtime& rt, GoRunOptions options);
  ~GoMachine();
  GoMachine(const GoMachine&) = delete;
  GoMachine& operator=(const GoMachine&) = delete;
  void start();
  // True once the program is over: main returned, it panicked, exited, deadlocked, or a
  // limit stopped it (the Runtime may still run leaked goroutines to classify them).
  [[nodiscard]] bool over() const;
  // Ends a program that is not over() as Go would see it, once the Runtime finished (a
  // deadlock, a fatal error, os.Exit) or the caller stops driving it (max_virtual
  // reached): writes Go's deadlock or fatal-error text, or halts the Runtime with the
  // stop message. Does nothing once over().
  void end_run();
  [[nodiscard]] GoRunResult result() const;
  class Impl;
  [[nodiscard]] Impl& impl() noexcept { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace poolscope::golang
