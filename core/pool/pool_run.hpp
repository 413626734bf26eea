#pragma once
// PoolRun: one scenario's Go program running on the simulator.
//
// - The program mirrors export_go(scenario) line for line: every goroutine reports the
//   line of that listing it is on (program().line(Anchor) gives the numbers), so the
//   code view and the event log speak of the same lines.
// - Owns the Runtime, the Metrics and the Go listing. Events go to the Metrics and to
//   an optional extra sink (an EventLog for the GUI, a JSONL writer, a HashSink).
// - roles() says what each goroutine and channel is (main, a worker, the jobs channel,
//   ...), as the program declared it when it spawned or made it: ids are the Runtime's,
//   stable across runs of the same scenario, so they also name the goroutines and
//   channels of a replay or of a snapshot of an earlier moment.
// - Deterministic: the same scenario (seed included) and the same calls give the same
//   events, bit for bit.
// - Live controls (the GUI's sliders) may be called at any time between clock calls;
//   each emits a Config event and, where the listing changes, program() changes too.
// - Job ids (Job events, Metrics): request r's job j is (r - 1) * load.jobs + j, unique
//   across requests and equal to j in the first; an endless load uses a stride of 10^9
//   per request. Channel values stay j (results j * 2), as in the listing.
// - A scenario with a source runs that Go program instead (see runs_source()); the
//   constructor then throws std::invalid_argument with Go's messages when it does not
//   compile.
// - Not copyable or movable (goroutines hold references to it).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/golang/interp.hpp"
#include "core/pool/metrics.hpp"
#include "core/pool/roles.hpp"
#include "core/scenario/go_export.hpp"
#include "core/scenario/result.hpp"
#include "core/scenario/scenario.hpp"
#include "core/sim/runtime.hpp"
#include "core/trace/sink.hpp"

namespace poolscope::pool {

// A piece of what the learner's program wrote (Scenario::source runs only): pieces written
// to one stream with no event between them are joined.
struct ConsoleChunk {
  bool is_stderr = false;
  std::string text;
  trace::Time at = 0;     // virtual time it was written
  std::uint64_t seq = 0;  // events emitted before it: a snapshot at seq >= this one shows it
};

// The learner's own program is stopped, with run-go's message, when it is still running
// at this virtual time (run-go's default --max-virtual).
inline constexpr trace::Time kSourceMaxVirtual = 60 * trace::kSecond;
// What the console keeps of a run's output; the rest is cut, with a line saying so.
inline constexpr std::size_t kMaxConsoleBytes = std::size_t{1} << 20;

struct PoolRunOptions {
  trace::EventSink* sink = nullptr;  // = null  // extra consumer of every event
  bool resizable = false;            // = false // workers also listen on a quit channel
                                     //           (select: quit first, then jobs or quit),
                                     //           so set_workers can retire some after
                                     //           their current job. export_go has no such
                                     //           listing yet: those lines show on the
                                     //           worker's `for j := range jobs` line
  // = 1,000,000 // more goroutines alive than this stop the run (Outcome::Stopped)
  std::size_t max_goroutines = sim::kDefaultMaxGoroutines;
  std::uint64_t max_events = 0;  // = 0 (none) // events after which the run stops
  bool keep_exited = true;       // = true // see sim::Config::keep_exited: false when nothing
                                 //           asks the runtime about exited goroutines (the
                                 //           CLI), so memory follows the goroutines alive
};

// What the CLI prints and the parity tests compare with Go's own run.
//
// A Go program ends when main returns, whatever its other goroutines are doing. So once
// main returned, every figure a Go program could observe (counts, peaks, latencies,
// throughput, virtual_ms) is as of that instant: a job done or a result counted later,
// while the simulator lets the rest run, does not count (the export's stats.report()
// reads its figures as main calls it, before it settles). Only leaked and still_running
// are decided after that rest; events and event_hash cover the whole simulation. A
// deadlock, a panic or a hang ends the program: the figures are as of that end.
struct Summary {
  trace::Outcome outcome = trace::Outcome::Running;
  std::int64_t results = 0;         // results main received, over all requests (the
                                    // learner's program: receives from its `results`)
  std::int64_t leaked = 0;          // goroutines blocked forever after main returned
  std::int64_t still_running = 0;   // goroutines that would run forever
  std::int64_t jobs_sent = 0;       // jobs handed over (sent on jobs, or started)
  std::int64_t jobs_done = 0;       // jobs whose work ran to its end
  std::int64_t max_concurrent = 0;  // most jobs in work at one instant
  std::int64_t max_queue_depth = 0;
  std::int64_t max_blocked_senders = 0;
  std::int64_t peak_goroutines = 0;
  std::int64_t peak_memory_bytes = 0;
  double virtual_ms = 0;  // program_end(), in ms (now, while it runs)
  std::uint64_t events = 0;
  std::uint64_t event_hash = 0;  // FNV-1a over every event (0 when events are off)
  double throughput_per_s = 0;
  double latency_p50_ms = 0;  // created -> done
  double latency_p99_ms = 0;
  std::string error;              // errgroup's error or the panic message
  std::int64_t completed_ok = 0;  // errgroup: jobs that succeeded
  std::int64_t cancelled = 0;     // errgroup: jobs abandoned mid-work
  std::int64_t skipped = 0;       // errgroup: jobs that saw a cancelled context at start
  std::int64_t failed = 0;        // errgroup: jobs that returned an error
  // Outcome::Stopped: the limit that stopped the run, "max_goroutines" or "max_events"
  // (sim::to_string(StopReason)), and what it says, e.g. "stopped: 1,000,000 goroutines
  // alive, the limit". Both "" otherwise.
  std::string stopped_by;
  std::string stop_message;
};

class PoolRun {
 public:
  // Precondition: validate(scenario) is empty (throws std::invalid_argument otherwise).
  explicit PoolRun(const scenario::Scenario& scenario, PoolRunOptions options = {});
  ~PoolRun();
  PoolRun(const PoolRun&) = delete;
  PoolRun& operator=(const PoolRun&) = delete;

  [[nodiscard]] const scenario::Scenario& scenario() const noexcept;
  [[nodiscard]] const scenario::GoProgram& program() const noexcept;
  [[nodiscard]] const sim::Runtime& runtime() const noexcept;
  [[nodiscard]] const Metrics& metrics() const noexcept;
  [[nodiscard]] const Roles& roles() const noexcept;
  // [The learner's own program] The scenario has a source (Scenario::source): the run is
  // that Go program, as run-go runs it (same output, same end, same events), and the pool
  // settings and live controls do nothing. console() is its output so far (empty for the
  // built-in programs) and go_result() run-go's result so far (final once finished()).
  [[nodiscard]] bool runs_source() const noexcept;
  [[nodiscard]] const std::vector<ConsoleChunk>& console() const noexcept;
  [[nodiscard]] golang::GoRunResult go_result() const;

  // The clock (see Runtime): run_until(t), one step, or to the end (at most `limit` of
  // virtual time for endless programs).
  void run_until(trace::Time t);
  bool step(trace::Time limit = trace::kForever);
  // See sim::Runtime::interrupt (e.g. the extra sink stops the clock when main returns).
  void interrupt() noexcept;
  trace::Outcome run(trace::Time limit = trace::kForever);
  [[nodiscard]] trace::Time now() const noexcept;
  [[nodiscard]] bool finished() const noexcept;
  // The program's end as Go sees it: the virtual time main returned (outcome Completed), or
  // when the run ended otherwise (deadlock, panic, hang); -1 while the program runs.
  // finished() comes later than a return of main when goroutines are left: the run goes on
  // until nothing moves, to tell the leaked ones from those that would run forever. (A
  // panic in that rest, which a Go program never reaches, would be the end instead.)
  [[nodiscard]] trace::Time program_end() const noexcept;

  // Live controls. set_workers grows the pool at once (new `go worker` calls) and, when
  // resizable, retires the newest workers after their current job; it emits a Config
  // event "workers" and later requests start that many. Returns false (and changes
  // nothing) for workers < 1, when shrinking a pool that is not resizable, outside pool
  // mode, or once the program ended. A pool with a WaitGroup (collect wait_then_range,
  // closer_goroutine, producer_goroutine) grows only before close(jobs), since a worker
  // added after it could join the WaitGroup after Wait returned; later the new count
  // applies from the next request.
  bool set_workers(int workers);
  // Jobs per second from the next arrival on (0 = as fast as the channel accepts); the
  // senders of an exported program without arrive() pause on their send line. Emits a
  // Config event "rate" whose value is in thousandths of a job per second.
  void set_rate(double jobs_per_second);

  [[nodiscard]] Summary summary() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Runs `scenario` to its end with events hashed, keeping nothing of exited goroutines
// (options.keep_exited is ignored); the CLI's `run`.
// "" when the scenario has no source (Scenario::source) or its source compiles; else Go's
// messages, one a line, as `go build` words them ("./main.go:4:2: x declared but not used").
// PoolRun refuses such a scenario: callers that take scenarios from files ask first.
[[nodiscard]] std::string source_problems(const scenario::Scenario& scenario);

// `scenario` with each KEY=VALUE applied: a setting (scenario::apply_overrides) or, for a
// scenario that runs a Go source, NAME=VALUE where NAME is no setting's key: the program's
// top-level constant NAME given the Go expression VALUE ("numWorkers=1"). An unknown
// constant, or values with which the program does not compile, are errors.
[[nodiscard]] scenario::Result<scenario::Scenario> apply_sets(scenario::Scenario scenario,
                                                              std::span<const std::string> sets);

[[nodiscard]] Summary run_to_end(const scenario::Scenario& scenario, PoolRunOptions options = {});

}  // namespace poolscope::pool
